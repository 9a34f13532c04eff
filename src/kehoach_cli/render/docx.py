"""The report as an official .docx document, filled into a Word template the office owns.

The template (``render/templates/bao-cao.docx``, written out by ``kehoach docx-template``) holds
the layout of Nghị định 30/2020/NĐ-CP — A4, margins, Times New Roman, the two-column heading, page
numbers centred at the top from page 2, "Nơi nhận" and the signature, the appendix on landscape
pages — and Jinja tags that docxtpl (Jinja2 over python-docx, both maintained) fills from the
report: ``{{ issuer }}``, ``{%p for b in body %}``, ``{%tr for r in rows %}`` … An office edits
its copy in Word (letterhead, fixed wording, recipients, signer) and gives it with
``report --docx-template FILE`` or ``reporting.docx_template`` in the plan.

The template's tags run in Jinja's sandbox with autoescaping: a template is a document, not a
program, and a value from a form can never become markup.

This module decides what the document says (a pure function of the report: ``context``); docxtpl
decides where it goes. The bytes are the same for the same report and template: the zip members
are stamped with the report's date and the document properties dated by it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..errors import InputFileNotFound, InvalidData
from ..messages import t_in
from ..numbers import format_number
from ..report.model import IndicatorResult, Report
from ..report.notes import NoteBlock
from .comparison import change_text, has_comparison, previous_text
from .terminal import counts_line, expected, footnotes, number, percent, row_name, unit_name
from .xlsx import date_parts, document_number, done_values, place_date, stable_package, window_line

TEMPLATE = "bao-cao.docx"
# Characters XML 1.0 cannot carry (control characters a form may hold): dropped, not escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
TEMPLATE_LIMIT = 20 * 1024 * 1024  # a letterhead and a few tables: far below this


def default_template() -> bytes:
    """The template shipped in the package (what ``kehoach docx-template`` writes)."""
    return files("kehoach_cli.render").joinpath("templates").joinpath(TEMPLATE).read_bytes()


# --- what the document says -------------------------------------------------------------


def _value(report: Report, item: IndicatorResult, value: Decimal | None) -> str:
    """A figure with its unit as a sentence writes it: "160 tấn", "31,20%"."""
    text = number(report, value, item.decimals)
    if item.unit == "%":
        return text + "%"
    unit = item.unit.lower() if report.lang == "vi" else item.unit
    return f"{text} {unit}".strip()


def difference(report: Report, item: IndicatorResult, value: Decimal) -> str:
    """A difference as reports write it: of two rates in percentage points ("0,55 điểm phần
    trăm", never "0,55%"), of anything else in its unit ("12 con")."""
    if item.unit == "%":
        text = number(report, value, item.decimals)
        return t_in(report.lang, "export.docx.points", value=text)
    return _value(report, item, value)


def _change(report: Report, item: IndicatorResult, change: Decimal) -> str:
    if change.is_zero():
        return t_in(report.lang, "export.docx.change_none")
    key = "export.docx.change_down" if change < 0 else "export.docx.change_up"
    return t_in(report.lang, key, amount=difference(report, item, abs(change)))


def _lower_sentence(report: Report, item: IndicatorResult, name: str, status: str) -> str:
    """A lower-is-better level: the level, the change from last year in percentage points."""
    assert item.actual is not None and item.target is not None
    lang = report.lang
    value = _value(report, item, item.actual)
    target = _value(report, item, item.target)
    if item.baseline is None or item.change is None:
        if item.completion_pct is None:
            return t_in(
                lang,
                "export.docx.lower_level",
                name=name,
                value=value,
                target=target,
                status_lower=status,
            )
        return t_in(
            lang,
            "export.docx.reached_lower",
            name=name,
            value=value,
            target=target,
            pct=percent(report, item.completion_pct),
            status_lower=status,
        )
    pct_part = ""
    if item.completion_pct is not None:
        pct = percent(report, item.completion_pct)
        pct_part = t_in(lang, "export.docx.lower_pct_part", pct=pct)
    return t_in(
        lang,
        "export.docx.lower_change",
        name=name,
        value=value,
        change=_change(report, item, item.change),
        baseline=_value(report, item, item.baseline),
        source=item.baseline_source or "",
        target=target,
        pct_part=pct_part,
        status_lower=status,
    )


def sentence(report: Report, item: IndicatorResult, name: str) -> str:
    """One indicator as reports state it ("… ước đạt 160 tấn, đạt 49,54% kế hoạch năm")."""
    lang = report.lang
    status = item.status_label.lower() if lang == "vi" else item.status_label
    if item.actual is None:
        if item.status == "no_data":
            return t_in(lang, "export.docx.no_data", name=name)
        return f"{name}: {status}."  # "Năng suất lúa: chưa thu hoạch."
    value = _value(report, item, item.actual)
    target = _value(report, item, item.target) if item.target is not None else ""
    if item.direction == "none" and item.target is not None:
        return t_in(lang, "export.docx.projection", name=name, value=value, target=target)
    if item.direction == "lower" and item.target is not None:
        return _lower_sentence(report, item, name, status)
    if item.completion_pct is None:
        return t_in(lang, "export.docx.reached_no_pct", name=name, value=value, status_lower=status)
    pct = percent(report, item.completion_pct)
    if item.harvested_area is not None:
        area = format_number(item.harvested_area, None, lang=lang)
        return t_in(
            lang,
            "export.docx.reached_yield",
            name=name,
            value=value,
            area=area,
            pct=pct,
            status_lower=status,
        )
    return t_in(lang, "export.docx.reached", name=name, value=value, pct=pct, status_lower=status)


def behind_sentence(report: Report, item: IndicatorResult, name: str) -> str:
    lang = report.lang
    remaining = difference(report, item, item.remaining) if item.remaining is not None else ""
    if item.direction == "lower":
        return t_in(
            lang,
            "export.docx.behind_item_lower",
            name=name,
            value=_value(report, item, item.actual),
            target=_value(report, item, item.target),
            remaining=remaining,
        )
    gap = None
    if item.expected_pct is not None and item.completion_pct is not None:
        gap = item.expected_pct - item.completion_pct
    return t_in(
        lang,
        "export.docx.behind_item",
        name=name,
        pct=percent(report, item.completion_pct),
        expected=expected(report, item.expected_pct),
        gap=format_number(gap, 2, lang=lang),
        remaining=remaining,
    )


def spoken_names(report: Report) -> dict[str, str]:
    """A name that reads alone in a sentence: "Diện tích" under "Lúa" → "Diện tích lúa"."""
    names: dict[str, str] = {}
    stack: list[tuple[str, bool]] = []  # (name, is an indicator) by depth
    for row in report.rows:
        del stack[row.depth :]
        if row.code and row.type == "indicator":
            parent = stack[-1] if stack else None
            name = row.name.rstrip(":")
            # Under a crop ("Lúa" at depth 3: A › 1 › Một số cây trồng › Lúa), a measure
            # names its crop; under a broader heading the name already reads alone.
            if parent is not None and not parent[1] and row.depth >= 4:
                name = (
                    f"{name} {parent[0].rstrip(':').lower()}"
                    if report.lang == "vi"
                    else (f"{parent[0]}: {name}")
                )
            # Under an indicator ("Trồng mới rừng tập trung" › "Trồng rừng sản xuất") the part's
            # own name reads alone; glued to its total it would not.
            names[row.code] = name
        stack.append((row.name, row.code is not None))
    return names


@dataclass(frozen=True)
class Block:
    """A paragraph of the body: level 1 "I. …", 2 "1. …", 3 "a) …", 0 text, "dots" a line."""

    level: int | str
    text: str


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_LETTERS = "abcdefghiklmnopqrstuvxy"  # the Vietnamese alphabet's order, as documents letter
_DOTS = ""  # the template draws the dotted line (a tab to the margin with a dot leader)


def _count_parts(report: Report, counts: dict[str, int]) -> str:
    """ "07 chỉ tiêu đúng tiến độ, 16 chỉ tiêu chậm tiến độ và 01 chỉ tiêu chưa có số liệu"."""
    lang = report.lang
    labels = dict(report.status_labels)
    parts = [
        t_in(
            lang,
            "docx.count_part",
            count=f"{counts[code]:02d}" if lang == "vi" else str(counts[code]),
            status=_status_in_prose(lang, code, labels.get(code, code)),
        )
        for code in sorted(labels, key=_prose_rank)  # the assessed first, best first
        if counts.get(code)
    ]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + t_in(lang, "docx.and") + parts[-1]
    return parts[0] if parts else ""


_PROSE_ORDER = (
    "exceeded",
    "achieved",
    "on_track",
    "behind",
    "not_yet_achieved",
    "not_achieved",
    "not_harvested",
    "to_confirm",
    "no_data",
    "year_end_only",
    "target_flagged",
    "not_assessed",
    "no_target",
)


def _prose_rank(code: str) -> int:
    return _PROSE_ORDER.index(code) if code in _PROSE_ORDER else len(_PROSE_ORDER)


def _status_in_prose(lang: str, code: str, label: str) -> str:
    """A status as a sentence counts it: "chưa giao kế hoạch" rather than the table's
    "Không có chỉ tiêu" (which would read "01 chỉ tiêu không có chỉ tiêu")."""
    from ..messages import catalog

    key = f"docx.count_status.{code}"
    if key in catalog():
        return t_in(lang, key)
    return label.lower()


def _sections(report: Report) -> list[tuple[str, list[tuple[str, list[IndicatorResult]]]]]:
    """The plan's sections, each with its groups and their indicators in the signed order."""
    by_code = report.by_code
    out: list[tuple[str, list[tuple[str, list[IndicatorResult]]]]] = []
    seen: set[str] = set()
    for row in report.rows:
        if row.type == "ref":
            continue
        item = by_code.get(row.code) if row.code else None
        if item is None:
            if row.depth == 0:
                out.append((row.name, []))
            elif row.depth == 1 and out:
                out[-1][1].append((row.name, []))
            continue
        if item.code in seen:
            continue
        seen.add(item.code)
        if not out:
            out.append(("", []))
        if not out[-1][1]:
            out[-1][1].append(("", []))
        out[-1][1][-1][1].append(item)
    return out


def _results_blocks(report: Report) -> list[Block]:
    lang = report.lang
    names = spoken_names(report)
    blocks: list[Block] = []
    for number_in_part, (section, groups) in enumerate(_sections(report), start=1):
        items = [item for _, group in groups for item in group]
        if section:
            blocks.append(Block(2, f"{number_in_part}. {_sentence_case(section)}"))
        counts: dict[str, int] = {}
        for item in items:
            counts[item.status] = counts.get(item.status, 0) + 1
        if items:
            blocks.append(
                Block(
                    0,
                    t_in(
                        lang,
                        "docx.section_counts",
                        total=f"{len(items):02d}" if lang == "vi" else len(items),
                        section=_section_in_prose(section, lang),
                        parts=_count_parts(report, counts),
                    ).replace("  ", " "),
                )
            )
        for letter, (group, members) in zip(_LETTERS, groups, strict=False):
            if group:
                blocks.append(Block(3, f"{letter}) {_sentence_case(group)}"))
            # Said in a sentence: every figure, and a status without one that is not a lack of
            # data ("Năng suất lúa: chưa thu hoạch."); listed: the indicators without data.
            said = [
                sentence(report, item, names.get(item.code, item.name))
                for item in members
                if item.actual is not None or item.status != "no_data"
            ]
            if said:
                blocks.append(Block(0, " ".join(said)))
            missing = [
                names.get(i.code, i.name)
                for i in members
                if i.actual is None and i.status == "no_data"
            ]
            if missing:
                blocks.append(Block(0, t_in(lang, "docx.no_data_list", names="; ".join(missing))))
    # The whole table's counts, as the table's own line says them ("13/32 chỉ tiêu vượt, …").
    blocks.append(Block(0, counts_line(report)))
    blocks += [Block(0, note) for note in report.notes]  # "Chỉ tiêu cần đính chính: …"
    blocks += _ranking_blocks(report)
    return blocks


def _section_in_prose(section: str, lang: str) -> str:
    """ "Chỉ tiêu kinh tế chủ yếu" after "Trong 24 chỉ tiêu": "kinh tế chủ yếu", not twice."""
    text = _sentence_case(section).lower() if section else ""
    for lead in ("chỉ tiêu ", "indicators "):
        if text.startswith(lead):
            return text[len(lead) :]
    return text


def _sentence_case(name: str) -> str:
    """A heading written in capitals in the plan ("VĂN HÓA - XÃ HỘI") as a sentence writes it."""
    name = name.strip().rstrip(":")
    if name.isupper():
        return name[:1] + name[1:].lower()
    return name


def _ranking_blocks(report: Report) -> list[Block]:
    lang = report.lang
    ranked = [u for u in report.units if u.rank is not None and u.assessed]
    unranked = [u.name for u in report.units if u.rank is None or not u.assessed]
    blocks: list[Block] = []
    if ranked:
        items = [
            t_in(
                lang,
                "docx.ranking_item",
                rank=u.rank,
                unit=unit_name(report, u),
                good=u.good,
                assessed=u.assessed,
                score=percent(report, u.score_pct),
            )
            for u in ranked
        ]
        rule = report.ranking_rule.strip()
        rule = rule if rule.endswith(".") else rule + "."
        blocks.append(Block(0, t_in(lang, "docx.ranking", rule=rule, ranking="; ".join(items))))
    if unranked:
        blocks.append(Block(0, t_in(lang, "docx.ranking_unranked", units="; ".join(unranked))))
    return blocks


def notes_blocks(report: Report, which: str) -> list[Block]:
    """The officer's notes for a part ("assessment" or "next"), sub-headings lettered a), b) and
    bullets as dashes (the body's one numbering scheme), or titled lines to fill by hand."""
    notes = report.officer_notes
    written: tuple[NoteBlock, ...] = ()
    if notes is not None:
        written = notes.assessment if which == "assessment" else notes.next_tasks
    if written:
        letters = iter(_LETTERS)
        out: list[Block] = []
        for block in written:
            if block.kind == "heading":
                out.append(Block(3, f"{next(letters, '-')}) {block.text}"))
            else:
                out.append(Block(0, ("– " + block.text) if block.kind == "bullet" else block.text))
        return out
    lang = report.lang
    blocks = [Block(0, t_in(lang, "docx.to_fill"))]
    if which == "assessment":
        titles = t_in(lang, "docx.assessment.placeholders").split("|")
        for letter, title in zip(_LETTERS, titles, strict=False):
            blocks += [Block(3, f"{letter}) {title}"), Block("dots", _DOTS), Block("dots", _DOTS)]
    else:
        blocks += [Block("dots", _DOTS)] * 3
    return blocks


def body(report: Report) -> list[Block]:
    """The body, in one numbering scheme: I, II … › 1, 2 … › a), b) … › –."""
    lang = report.lang
    plan = report.plan
    period = report.period
    from ..periods import format_day

    opening = t_in(
        lang,
        "export.docx.opening",
        title=plan.title,
        commune=plan.commune,
        period=period.label,
        start=format_day(period.start, lang),
        end=format_day(period.end, lang),
    )
    parts: list[tuple[str, list[Block]]] = [("docx.part.results", _results_blocks(report))]
    emulation = [Block(0, f"{label}) {text}:") for label, text in plan.emulation_contents]
    if emulation:
        fill = [Block(0, t_in(lang, "docx.to_fill"))]
        for block in emulation:
            fill += [block, Block("dots", _DOTS)]
        parts.append(("docx.part.emulation", fill))
    parts.append(("docx.part.assessment", notes_blocks(report, "assessment")))
    parts.append(("docx.part.next", notes_blocks(report, "next")))
    blocks = [Block(0, opening)]
    for roman, (key, content) in zip(_ROMAN, parts, strict=False):
        blocks.append(Block(1, f"{roman}. {t_in(lang, key)}"))
        blocks += content
    closing = t_in(lang, "export.docx.closing", period=period.label, commune=plan.commune)
    blocks.append(Block(0, closing))
    return blocks


def _english_letterhead(text: str) -> str:
    """ "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG" → "PEOPLE'S COMMITTEE OF TRÀ BỒNG DISTRICT"."""
    upper = text.upper().strip()
    prefix = "ỦY BAN NHÂN DÂN "
    if not upper.startswith(prefix):
        return upper
    rest = upper[len(prefix) :]
    for word, kind in (("HUYỆN ", "DISTRICT"), ("XÃ ", "COMMUNE"), ("TỈNH ", "PROVINCE")):
        if rest.startswith(word):
            rest = f"{rest[len(word) :]} {kind}"
            break
    return t_in("en", "docx.en.committee_of", place=rest)


def _english_signer(text: str) -> str:
    key = {
        "TM. ỦY BAN NHÂN DÂN": "docx.en.on_behalf",
        "KT. CHỦ TỊCH": "docx.en.for_chair",
        "CHỦ TỊCH": "docx.en.chair",
        "PHÓ CHỦ TỊCH": "docx.en.vice_chair",
    }.get(" ".join(text.upper().split()))
    return t_in("en", key) if key else text.upper()


def document_place_date(report: Report) -> str:
    """ "Trà Bùi, ngày 05 tháng 7 năm 2024" (Nghị định 30: days below 10 and months 1–2 padded);
    "Trà Bùi, July 5, 2024" in English; dots until ``--date`` gives the day."""
    day = report.plan.document_date
    if report.lang != "en" or day is None:
        return place_date(report)
    from ..messages.docx import MONTHS_EN

    return t_in(
        "en",
        "docx.en.place_date",
        place=report.plan.place,
        month=MONTHS_EN[day.month - 1],
        day=day.day,
        year=day.year,
    )


def _table_rows(report: Report) -> list[dict[str, Any]]:
    from docxtpl import RichText

    by_code = report.by_code
    rows: list[dict[str, Any]] = []
    for table_row in report.rows:
        item = by_code.get(table_row.code) if table_row.code else None
        indent = "\u2002" * table_row.depth  # an en space: Word keeps it, unlike a space
        name = indent + row_name(report, table_row.depth, table_row.name, table_row.breakdown_lead)
        name = _NOT_XML.sub("", name)
        heading = item is None
        row: dict[str, Any] = {
            "tt": RichText(_NOT_XML.sub("", table_row.tt or ""), bold=heading, size=24),
            "name": RichText(name, bold=heading, size=24),
            "unit": "",
            "target": "",
            "in_period": "",
            "ytd": "",
            "pct": "",
            "expected": "",
            "remaining": "",
            "status": "",
            "previous_year": "",
            "change": "",
        }
        if item is not None:
            values = done_values(report, item)
            in_period = values[-2] if len(values) > 1 else None
            ytd = number(report, values[-1], item.decimals)
            row.update(
                unit=item.unit,
                target=number(report, item.target, item.decimals),
                in_period=number(report, in_period, item.decimals),
                ytd=ytd + "*" if item.derived and ytd else ytd,
                pct=percent(report, item.completion_pct),
                expected=expected(report, item.expected_pct),
                remaining=number(report, item.remaining, item.decimals),
                status=item.status_label,
                previous_year=previous_text(report, item),
                change=change_text(report, item),
            )
        rows.append(row)
    return rows


def _headings(report: Report) -> dict[str, str]:
    lang = report.lang
    compared = has_comparison(report)
    return {
        "tt": t_in(lang, "report.col.tt"),
        "name": t_in(lang, "report.col.name"),
        "unit": t_in(lang, "report.col.unit"),
        "target": t_in(lang, "export.col.target", year=report.period.year),
        "done": t_in(lang, "export.col.done", period=report.period.label),
        "in_period": t_in(lang, "export.col.in_period"),
        "ytd": t_in(lang, "export.col.ytd"),
        "compare": t_in(lang, "export.col.compare"),
        "vs_target": t_in(lang, "export.col.vs_target"),
        "vs_expected": t_in(lang, "export.col.vs_expected"),
        "remaining": t_in(lang, "export.col.remaining"),
        "status": t_in(lang, "export.col.status"),
        # blank headings over blank columns when nothing is compared
        "previous_year": t_in(lang, "report.col.previous_year") if compared else "",
        "change": t_in(lang, "report.col.change") if compared else "",
    }


def _recipients(report: Report) -> list[str]:
    lang = report.lang
    recipients = [r.rstrip(".;") for r in report.plan.recipients]
    if not any(r.lower().startswith(("lưu", "archive")) for r in recipients):
        recipients.append(t_in(lang, "export.docx.archive"))
    return [r + ("." if i == len(recipients) - 1 else ";") for i, r in enumerate(recipients)]


def _appendix_date(report: Report) -> str:
    """ "05 tháng 7 năm 2024" after "ngày" (as the decree's appendix line reads), "July 5, 2024"."""
    day, month, year = date_parts(report)
    if report.plan.document_date is None:
        return t_in(report.lang, "export.dots")
    if report.lang == "en":
        from ..messages.docx import MONTHS_EN

        signed = report.plan.document_date
        return f"{MONTHS_EN[signed.month - 1]} {signed.day}, {signed.year}"
    return f"{day} tháng {month} năm {year}"


def context(report: Report) -> dict[str, Any]:
    """Every value the template's tags name (the template documents them)."""
    lang = report.lang
    plan = report.plan
    english = lang == "en"
    signed = _appendix_date(report)
    return {
        "parent_body": _english_letterhead(plan.parent_body)
        if english
        else plan.parent_body.upper(),
        "issuer": _english_letterhead(plan.issuer) if english else plan.issuer.upper(),
        "nation": t_in(lang, "export.nation"),
        "motto": t_in(lang, "export.motto"),
        "number_line": t_in(lang, "export.number", number=document_number(report)),
        "place_date": document_place_date(report),
        "kind": t_in(lang, "export.docx.kind"),
        "subject": t_in(lang, "export.docx.subject", period=report.period.label),
        "body": [{"level": b.level, "text": b.text} for b in body(report)],
        "recipients_label": t_in(lang, "export.docx.recipients"),
        "recipients": _recipients(report),
        "signer_on_behalf": (
            _english_signer(plan.signer_on_behalf) if english else plan.signer_on_behalf.upper()
        ),
        "signer_title": _english_signer(plan.signer_title)
        if english
        else plan.signer_title.upper(),
        "signer_name": plan.signer_name,
        "appendix_label": t_in(lang, "export.docx.appendix"),
        "appendix_title": t_in(
            lang, "export.docx.appendix_title", period_upper=report.period.label.upper()
        ),
        "appendix_ref": t_in(
            lang,
            "export.docx.appendix_ref",
            number=document_number(report),
            date=signed,
            commune=plan.commune,
        ),
        "window_line": window_line(report),
        "h": _headings(report),
        "rows": _table_rows(report),
        "appendix_notes": [counts_line(report), *footnotes(report)],
    }


# --- filling the template -----------------------------------------------------------------


def load_template(path: Path) -> bytes:
    """The office's template file, or a located error (missing, too large, not a .docx)."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > TEMPLATE_LIMIT:
            raise InvalidData(
                t_in_current("docx.template_unreadable", path=where, reason=f"{size} bytes"),
                file=where,
            )
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise InputFileNotFound(t_in_current("docx.template_not_found", path=where)) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InvalidData(
            t_in_current("docx.template_unreadable", path=where, reason=reason), file=where
        ) from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InvalidData(
            t_in_current("docx.template_unreadable", path=where, reason="không phải tệp .docx"),
            file=where,
        )
    return data


def t_in_current(key: str, **params: object) -> str:
    from ..messages import t

    return t(key, **params)


def _stamp(document: Any, report: Report) -> None:
    """Document properties dated by the report, in its language (python-docx's public API)."""
    from docx.oxml.ns import qn

    props = document.core_properties
    moment = datetime.combine(report.plan.document_date or report.as_of, time(8, 0))
    props.created = props.modified = moment
    props.revision = 1
    props.language = "en-US" if report.lang == "en" else "vi-VN"
    props.title = t_in(report.lang, "export.docx.subject", period=report.period.label)
    # The proofing language of the text: Word underlines every word of a language it does not
    # expect. python-docx has no property for it; the style's element is its public lxml tree.
    language = "en-US" if report.lang == "en" else "vi-VN"
    for style_name in ("Normal",):
        try:
            element = document.styles[style_name].element
        except KeyError:
            continue
        for lang in element.iter(qn("w:lang")):
            lang.set(qn("w:val"), language)


def _restamp(data: bytes, day: date) -> bytes:
    """The same parts in the same order, every member stamped ``day``: same report, same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = [(info.filename, package.read(info)) for info in package.infolist()]
    return stable_package(parts, day)


def _xml_safe(value: Any) -> Any:
    """The context with every text stripped of what XML cannot carry (RichText cleans itself
    the same way at its construction in ``_table_rows``)."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, dict):
        return {key: _xml_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_xml_safe(item) for item in value]
    return value


def fill(report: Report, template: bytes) -> bytes:
    """The template filled from the report, as .docx bytes; InvalidData for a broken template."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    where = report.docx_template or TEMPLATE
    try:
        document = DocxTemplate(io.BytesIO(template))
        document.render(
            _xml_safe(context(report)), jinja_env=SandboxedEnvironment(), autoescape=True
        )
    except TemplateError as exc:
        raise InvalidData(
            t_in_current("docx.template_error", path=where, reason=str(exc).rstrip(".")),
            file=where,
        ) from None
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InvalidData(
            t_in_current("docx.template_unreadable", path=where, reason=type(exc).__name__),
            file=where,
        ) from None
    _stamp(document.docx, report)
    out = io.BytesIO()
    document.save(out)
    return _restamp(out.getvalue(), report.as_of)


def render(report: Report) -> bytes:
    """The document as bytes (``kehoach report --format docx``)."""
    if report.docx_template:
        return fill(report, load_template(Path(report.docx_template)))
    return fill(report, default_template())
