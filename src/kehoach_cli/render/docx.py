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
from datetime import date, datetime, time
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..errors import InputFileNotFound, InvalidData
from ..messages import t_in
from ..report.model import IndicatorResult, Report
from ..report.notes import NoteBlock
from .cells import ESTIMATE_MARK, expected, number, percent, ranking_rule
from .comparison import change_text, has_comparison, previous_text
from .letterhead import letterhead, signer_line
from .prose import (
    Block,
    commendation_sentences,
    flagged_notes,
    group_paragraph,
    period_in_sentence,
    ranking_sentences,
    section_counts,
    single,
    spoken_names,
    total_counts,
)
from .terminal import footnotes, row_name
from .xlsx import date_parts, document_number, done_values, place_date, stable_package, window_line

TEMPLATE = "bao-cao.docx"
# Characters XML 1.0 cannot carry (control characters a form may hold): dropped, not escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
TEMPLATE_LIMIT = 20 * 1024 * 1024  # a letterhead and a few tables: far below this


def default_template() -> bytes:
    """The template shipped in the package (what ``kehoach docx-template`` writes)."""
    return files("kehoach_cli.render").joinpath("templates").joinpath(TEMPLATE).read_bytes()


# --- what the document says -------------------------------------------------------------


def sentence(report: Report, item: IndicatorResult, name: str) -> str:
    """One indicator said alone, as the body would say it (prose.single)."""
    if item.actual is None:
        if item.status == "no_data":
            return t_in(report.lang, "export.docx.no_data", name=name)
        return f"{name}: {report.label(item.status).lower()}."  # "Năng suất lúa: chưa thu hoạch."
    return single(report, item, name)


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_LETTERS = "abcdefghiklmnopqrstuvxy"  # the Vietnamese alphabet's order, as documents letter
_DOTS = ""  # the template draws the dotted line (a tab to the margin with a dot leader)


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


def results_blocks(report: Report, *, appendix: bool = True) -> list[Block]:
    """Part I: per section its counts, per group its figures (render/prose.py), then the whole
    table's counts, the notes on targets to correct, the ranking and, for the year, the
    proposals for commendation."""
    lang = report.lang
    names = spoken_names(report)
    blocks: list[Block] = []
    for number_in_part, (section, groups) in enumerate(_sections(report), start=1):
        items = [item for _, group in groups for item in group]
        if section:
            blocks.append(Block(2, f"{number_in_part}. {_sentence_case(section)}"))
        if items:
            blocks.append(Block(0, section_counts(report, _section_in_prose(section, lang), items)))
        for letter, (group, members) in zip(_LETTERS, groups, strict=False):
            if group:
                blocks.append(Block(3, f"{letter}) {_sentence_case(group)}"))
            paragraph = group_paragraph(report, members, names)
            if paragraph:
                blocks.append(Block(0, paragraph))
    blocks.append(Block(0, total_counts(report)))
    blocks += [Block(0, note) for note in flagged_notes(report)]  # "… cần đính chính"
    blocks += _ranking_blocks(report, appendix)
    return blocks


def _section_in_prose(section: str, lang: str) -> str:
    """ "Chỉ tiêu kinh tế chủ yếu" after "Trong 24 chỉ tiêu": "kinh tế chủ yếu", not twice."""
    if lang != "vi":  # quoted as the plan writes it: "indicators in “Chỉ tiêu kinh tế …”"
        return _sentence_case(section)
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


def _ranking_blocks(report: Report, appendix: bool) -> list[Block]:
    """The ranking as the council writes it and, for the year, the proposals."""
    lang = report.lang
    said = ranking_sentences(report)
    if not said:
        return []
    key = "prose.part.ranking" if report.commendation_rule else "prose.part.ranking_only"
    blocks = [Block(2, f"{len(_sections(report)) + 1}. {t_in(lang, key)}")]
    # The rule and the tables are in the appendix (_ranking_context): said once.
    said += commendation_sentences(report)
    if appendix and not report.ranking_withheld:  # .docx: tables in the appendix; .html: below
        year = report.commendation_rule is not None
        said.append(t_in(lang, "prose.ranking.see_appendix" + ("_year" if year else "")))
    blocks.append(Block(0, " ".join(said)))
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
        period=period_in_sentence(report),
        start=format_day(period.start, lang),
        end=format_day(period.end, lang),
    )
    parts: list[tuple[str, list[Block]]] = [("docx.part.results", results_blocks(report))]
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
    blocks.append(Block(0, closing_line(report)))
    return blocks


def closing_line(report: Report) -> str:
    """ "Trên đây là báo cáo … của Ủy ban nhân dân xã …/." """
    return t_in(
        report.lang,
        "export.docx.closing",
        period=period_in_sentence(report),
        commune=report.plan.commune,
    )


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
            ytd = ESTIMATE_MARK + ytd if item.estimate and ytd else ytd  # "~160": an estimate
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
        "done": t_in(lang, "export.col.done", period=period_in_sentence(report)),
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


def _ranking_context(report: Report) -> dict[str, Any]:
    """The emulation table and, for the year, the commendation proposals (issue #18 point 5)."""
    lang = report.lang
    keys = ("rank", "unit", "assessed", "good", "share", "mean")
    units = [
        {
            "rank": str(unit.rank) if unit.rank is not None else "-",
            "unit": unit.name,
            "assessed": str(unit.assessed),
            "good": str(unit.good),
            "share": percent(report, unit.score_pct),
            "mean": percent(report, unit.mean_completion_capped_pct),
        }
        for unit in report.units
        if not report.ranking_withheld  # the body says why there is no table
    ]
    columns = ("tt", "unit", "rank", "result", "award")
    proposals = [
        {
            "tt": str(index),
            "unit": item.name,
            "rank": str(item.rank),
            "result": t_in(
                lang, "prose.commendation.result", reached=item.reached, assessed=item.assessed
            ),
            "award": item.award,
        }
        for index, item in enumerate(report.commendations, start=1)
    ]
    return {
        "units": units,
        "uh": {key: t_in(lang, f"report.units.col.{key}") for key in keys},
        "ranking_title": t_in(lang, "report.units.title"),
        "ranking_note": ranking_rule(report),
        "commendation_title": t_in(lang, "prose.commendation.title").upper(),
        "commendations": proposals,
        "ch": {
            key: t_in(lang, "report.col.tt" if key == "tt" else f"prose.commendation.col.{key}")
            for key in columns
        },
        "commendation_rule": "" if report.ranking_withheld else report.commendation_rule or "",
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
    signed = _appendix_date(report)
    return {
        "parent_body": letterhead(lang, plan.parent_body),
        "issuer": letterhead(lang, plan.issuer),
        "nation": t_in(lang, "export.nation"),
        "motto": t_in(lang, "export.motto"),
        "number_line": t_in(lang, "export.number", number=document_number(report)),
        "place_date": document_place_date(report),
        "kind": t_in(lang, "export.docx.kind"),
        "subject": t_in(lang, "export.docx.subject", period=period_in_sentence(report)),
        "body": [{"level": b.level, "text": b.text} for b in body(report)],
        "recipients_label": t_in(lang, "export.docx.recipients"),
        "recipients": _recipients(report),
        "signer_on_behalf": signer_line(lang, plan.signer_on_behalf),
        "signer_title": signer_line(lang, plan.signer_title),
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
        # The table's notes, a target to correct named as the body names it (not by its path).
        "appendix_notes": [
            total_counts(report),
            *flagged_notes(report),
            *(note for note in footnotes(report) if note not in report.notes),
        ],
        **_ranking_context(report),
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
    props.title = t_in(report.lang, "export.docx.subject", period=period_in_sentence(report))
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


def _keep_closing_with_signature(document: Any, report: Report) -> None:
    """The closing line ("Trên đây là báo cáo …/.") keeps with the signature block after it, so
    a signature never stands alone at the top of a page (python-docx's keep_with_next)."""
    closing = closing_line(report)
    for paragraph in reversed(document.paragraphs):
        if paragraph.text.strip() == closing.strip():
            paragraph.paragraph_format.keep_with_next = True
            return


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
    _keep_closing_with_signature(document.docx, report)
    out = io.BytesIO()
    document.save(out)
    return _restamp(out.getvalue(), report.as_of)


def render(report: Report) -> bytes:
    """The document as bytes (``kehoach report --format docx``)."""
    if report.docx_template:
        return fill(report, load_template(Path(report.docx_template)))
    return fill(report, default_template())
