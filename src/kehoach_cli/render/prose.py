"""What the report says in sentences, as the commune's office writes them (docx and html).

Per section a paragraph that groups its indicators by status ("Trong 24 chỉ tiêu kinh tế chủ
yếu, 03 chỉ tiêu vượt kế hoạch, …"), then per group the notable figures once each: a total with
its parts ("trong đó …"), the lower-is-better rates and projections, then the indicators by
status (those on track named, the others with their figures). "ước đạt" only for an estimate,
differences of rates in percentage points, a name that reads alone (the plan's ``report_name``,
else one built from the table), no zero counts, the ranking as the council writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..messages import t_in
from ..numbers import format_number
from ..report.model import IndicatorResult, Report, UnitSummary
from .cells import expected, number, percent, rate_decimals, withheld_line

# The order statuses are counted and listed in: the assessed first, best first.
PROSE_ORDER = (
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
# Said with their figures, grouped by status; "on track" ones are named, not figured.
_WITH_FIGURES = ("exceeded", "achieved", "behind", "not_yet_achieved", "not_achieved")
_NAMED = ("on_track", "not_harvested", "to_confirm", "no_data")


@dataclass(frozen=True)
class Block:
    """A paragraph of the body: level 1 "I. …", 2 "1. …", 3 "a) …", 0 text, "dots" a line."""

    level: int | str
    text: str


# --- names ----------------------------------------------------------------------------------


def spoken_names(report: Report) -> dict[str, str]:
    """A name that reads alone in a sentence: the plan's ``report_name``, else "Diện tích"
    under the heading "Lúa" → "Diện tích lúa"; a part of a total ("Trồng rừng sản xuất" under
    "Trồng mới rừng tập trung") keeps its own name, never glued to the total's."""
    names: dict[str, str] = {}
    given = {item.code: item.report_name for item in report.indicators if item.report_name}
    stack: list[tuple[str, bool]] = []  # (name, is an indicator) by depth
    for row in report.rows:
        del stack[row.depth :]
        if row.code and row.type == "indicator":
            parent = stack[-1] if stack else None
            name = row.name.rstrip(":").strip()
            # Under a crop ("Lúa" at depth 3: A › 1 › Một số cây trồng › Lúa), a measure names
            # its crop; under a broader heading the name already reads alone.
            if parent is not None and not parent[1] and row.depth >= 4:
                crop = parent[0].rstrip(":").strip()
                name = f"{name} {lower_first(crop)}" if report.lang == "vi" else f"{crop}: {name}"
            names[row.code] = given.get(row.code, name)
        stack.append((row.name, row.code is not None))
    for item in report.indicators:
        names.setdefault(item.code, item.report_name or item.name)
    return names


def lower_first(text: str, lang: str = "vi") -> str:
    """ "Năng suất lúa" → "năng suất lúa" inside a Vietnamese sentence; "THCS …" stays as
    written, and so does a Vietnamese name quoted in an English sentence."""
    if lang != "vi" or (len(text) > 1 and text[1].isupper()):
        return text
    return text[:1].lower() + text[1:]


# --- figures --------------------------------------------------------------------------------


def value_text(report: Report, item: IndicatorResult, value: Decimal | None) -> str:
    """A figure with its unit as a sentence writes it: "160 tấn", "58,5 ha", "31,20%" (a rate
    keeps its decimals; another figure drops the table's trailing zeros: "58,50" → "58,5")."""
    if item.unit == "%":
        text = number(report, value, item.decimals)
    else:
        text = format_number(
            value.normalize() if value is not None else None, None, lang=report.lang
        )
    if item.unit == "%":
        return text + "%"
    unit = item.unit.lower() if report.lang == "vi" else item.unit
    return f"{text} {unit}".strip()


def points(report: Report, value: Decimal, decimals: int | None = 2) -> str:
    """A difference of two rates: "0,55 điểm phần trăm", never "0,55%"."""
    text = format_number(value, decimals, lang=report.lang)
    return t_in(report.lang, "export.docx.points", value=text)


def period_in_sentence(report: Report) -> str:
    """The period inside a sentence: "kế hoạch năm 2024" — "Năm 2024" is a heading's word
    ("Kỳ báo cáo: Năm 2024"); a quarter keeps "Quý II năm 2024" as every message writes it."""
    label = report.period.label
    if report.lang == "vi" and report.period.kind == "year":
        return label[:1].lower() + label[1:]
    return label


def versus_last_year(report: Report, item: IndicatorResult) -> str:
    """ "tăng 10,40% so với cùng kỳ" (rates: in percentage points), or "" when unknown.

    With the decimals of the percentages beside it: 2 for a change in % (as "98,71% kế
    hoạch"), the rate's own for points (as "30,90%"); never "tăng 2%" next to "giảm 3,08%"."""
    lang = report.lang
    if item.unit == "%" and item.change_points is not None:
        change = item.change_points
        amount = points(report, abs(change), rate_decimals(item, change))
    elif item.change_pct is not None:
        change = item.change_pct
        amount = format_number(abs(change), 2, lang=lang) + "%"
    else:
        return ""
    if change.is_zero():
        return t_in(lang, "prose.same_as_last_year")
    key = "prose.down_on_last_year" if change < 0 else "prose.up_on_last_year"
    return t_in(lang, key, amount=amount)


def _verb(report: Report, item: IndicatorResult) -> str:
    return t_in(report.lang, "prose.verb_estimate" if item.estimate else "prose.verb_final")


def _standing(report: Report, item: IndicatorResult) -> str:
    """How the figure stands: "vượt kế hoạch", "chậm so với tiến độ đề ra (50%)" …"""
    if item.direction == "lower" and item.status in ("exceeded", "achieved"):
        # "vượt kế hoạch" after a rate that must stay low would read as "too high"
        return t_in(report.lang, f"prose.standing.lower_{item.status}")
    if item.status == "behind" and item.expected_pct is not None:
        return t_in(
            report.lang, "prose.standing.behind", expected=expected(report, item.expected_pct)
        )
    return t_in(report.lang, f"prose.standing.{item.status}")


def _with_change(report: Report, item: IndicatorResult, text: str) -> str:
    change = versus_last_year(report, item)
    return f"{text}, {change}" if change else text


def figure_sentence(report: Report, item: IndicatorResult, name: str) -> str:
    """ "Năng suất lúa đạt 40,68 tạ/ha, bằng 102,13% kế hoạch năm, vượt kế hoạch." """
    lang = report.lang
    text = t_in(
        lang,
        "prose.figure",
        name=name,
        verb=_verb(report, item),
        value=value_text(report, item, item.actual),
    )
    if item.harvested_area is not None:
        area = format_number(item.harvested_area, None, lang=lang)
        text += t_in(lang, "prose.harvested", area=area)
    if item.completion_pct is not None:
        text += t_in(lang, "prose.of_target", pct=percent(report, item.completion_pct))
    if item.status in (*_WITH_FIGURES, "on_track", "to_confirm"):
        text += ", " + _standing(report, item)
    return _with_change(report, item, text) + "."


def list_item(report: Report, item: IndicatorResult, name: str, *, first: bool = True) -> str:
    """ "năng suất lúa 40,68 tạ/ha (102,13% kế hoạch)" inside a list; after the first item the
    percentage alone ("(106,05%)")."""
    lang = report.lang
    inside = []
    if item.completion_pct is not None:
        pct = percent(report, item.completion_pct)
        inside.append(t_in(lang, "prose.item_pct", pct=pct) if first else pct)
    if item.status == "behind" and item.expected_pct is not None:
        inside.append(
            t_in(lang, "prose.item_expected", expected=expected(report, item.expected_pct))
        )
    change = versus_last_year(report, item)
    if change:
        inside.append(change)
    text = f"{lower_first(name, report.lang)} {value_text(report, item, item.actual)}"
    return f"{text} ({'; '.join(inside)})" if inside else text


def lower_sentence(report: Report, item: IndicatorResult, name: str) -> str:
    """A lower-is-better rate: its level, the target it must not exceed, the change from the
    baseline in percentage points, whether it is reached."""
    lang = report.lang
    text = t_in(
        lang,
        "prose.lower",
        name=name,
        value=value_text(report, item, item.actual),
        target=value_text(report, item, item.target),
    )
    if item.baseline is not None and item.change is not None:
        if item.change.is_zero():
            change = t_in(lang, "export.docx.change_none")
        else:
            key = "export.docx.change_down" if item.change < 0 else "export.docx.change_up"
            change = t_in(lang, key, amount=points(report, abs(item.change), item.decimals))
        text += t_in(
            lang,
            "prose.lower_baseline",
            change=change,
            baseline=value_text(report, item, item.baseline),
            source=item.baseline_source or "",
        )
    if item.status in _WITH_FIGURES:
        text += ", " + _standing(report, item)
    elif item.status == "year_end_only":
        text += ", " + t_in(lang, "prose.standing.year_end_only")
    return _with_change(report, item, text) + "."


def join(report: Report, parts: list[str]) -> str:
    """ "a, b và c" / "a, b and c"."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + t_in(report.lang, "docx.and") + parts[-1]


def count_text(report: Report, count: int) -> str:
    """Counts in prose: "07" (documents pad counts below 10), "7" in English."""
    return f"{count:02d}" if report.lang == "vi" else str(count)


# --- counts ---------------------------------------------------------------------------------


def _status_words(report: Report, status: str) -> str:
    """A status as a count says it ("chưa giao kế hoạch", not "01 chỉ tiêu không có chỉ tiêu")."""
    from ..messages import catalog

    key = f"docx.count_status.{status}"
    if key in catalog():
        return t_in(report.lang, key)
    label = report.label(status)
    return label.lower() if report.lang == "vi" else label.lower()


def count_parts(report: Report, counts: dict[str, int]) -> str:
    """ "03 chỉ tiêu vượt kế hoạch, 05 chỉ tiêu đúng tiến độ và 08 chỉ tiêu chậm tiến độ": only
    the statuses some indicator has, never a zero."""
    parts = [
        t_in(
            report.lang,
            "docx.count_part",
            count=count_text(report, counts[status]),
            status=_status_words(report, status),
        )
        for status in PROSE_ORDER
        if counts.get(status)
    ]
    return join(report, parts)


def _counts_of(items: list[IndicatorResult]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.status] = counts.get(item.status, 0) + 1
    return counts


def section_counts(report: Report, section: str, items: list[IndicatorResult]) -> str:
    """ "Trong 24 chỉ tiêu kinh tế chủ yếu, 03 chỉ tiêu vượt kế hoạch, …"."""
    return t_in(
        report.lang,
        "docx.section_counts",
        total=count_text(report, len(items)),
        section=section,
        parts=count_parts(report, _counts_of(items)),
    ).replace("  ", " ")


def flagged_notes(report: Report) -> list[str]:
    """A target to correct, said with the indicator's spoken name (the table's note names it by
    its path)."""
    names = spoken_names(report)
    return [
        t_in(
            report.lang,
            "prose.target_flagged",
            name=lower_first(names[item.code], report.lang),
            target=value_text(report, item, item.target),
        )
        for item in report.indicators
        if item.status == "target_flagged"
    ]


def total_counts(report: Report) -> str:
    """The whole table in one sentence, without zeros: "Tổng hợp chung, trong 32 chỉ tiêu …"."""
    return t_in(
        report.lang,
        "prose.total_counts",
        total=count_text(report, len(report.indicators)),
        parts=count_parts(report, _counts_of(list(report.indicators))),
    )


# --- a group's paragraph --------------------------------------------------------------------


def _parts_of(report: Report) -> dict[str, list[tuple[str, str]]]:
    """A total computed from its parts (grain, forest planted, pupils) → the parts' codes and
    names under it ("Lúa", "Ngô": read after "trong đó", the table's own names read well)."""
    parts: dict[str, list[tuple[str, str]]] = {}
    by_code = report.by_code
    rows = report.rows
    for index, row in enumerate(rows):
        item = by_code.get(row.code) if row.code else None
        if item is None or row.type != "indicator" or item.formula is None:
            continue
        for below in rows[index + 1 :]:
            if below.depth <= row.depth:
                break
            if below.depth == row.depth + 1 and below.code:
                parts.setdefault(item.code, []).append((below.code, below.name.rstrip(":")))
    return parts


def _total_sentence(
    report: Report,
    item: IndicatorResult,
    parts: list[tuple[IndicatorResult, str]],
    names: dict[str, str],
) -> str:
    """ "Sản lượng lương thực có hạt đạt 160 tấn, …; trong đó lúa 120 tấn, ngô 40 tấn." """
    text = figure_sentence(report, item, names[item.code])
    said = []
    for part, part_name in parts:
        if part.actual is None or (part.target is None and part.actual.is_zero()):
            continue  # no figure, or nothing planted where nothing was planned
        part_text = f"{lower_first(part_name, report.lang)} {value_text(report, part, part.actual)}"
        if part.status == "to_confirm":
            part_text += f" ({_standing(report, part)})"
        elif part.completion_pct is not None:
            part_text += f" ({percent(report, part.completion_pct)})"
        said.append(part_text)
    if not said:
        return text
    return text[:-1] + t_in(report.lang, "prose.of_which", parts=join(report, said)) + "."


def single(report: Report, item: IndicatorResult, name: str) -> str:
    """An indicator said alone: a lower-is-better rate, a projection, one of its status."""
    lang = report.lang
    if item.direction == "lower" and item.target is not None:
        return lower_sentence(report, item, name)
    if item.status == "not_assessed":
        return t_in(
            lang,
            "prose.projection",
            name=name,
            value=value_text(report, item, item.actual),
            target=value_text(report, item, item.target),
        )
    if item.status == "year_end_only":
        return t_in(
            lang,
            "prose.year_end_only",
            name=name,
            verb=_verb(report, item),
            value=value_text(report, item, item.actual),
        )
    return figure_sentence(report, item, name)


def _by_status(
    report: Report, status: str, items: list[IndicatorResult], names: dict[str, str]
) -> str:
    lang = report.lang
    if status in _WITH_FIGURES or status == "to_confirm":
        if len(items) == 1 and status != "to_confirm":
            return figure_sentence(report, items[0], names[items[0].code])
        # "kế hoạch" once, after the first percentage: "(102,13% kế hoạch), … (106,05%)"
        listed = [
            list_item(report, item, names[item.code], first=index == 0)
            for index, item in enumerate(items)
        ]
    else:
        listed = [lower_first(names[item.code], lang) for item in items]
    return t_in(lang, f"prose.list.{status}", items=join(report, listed))


def group_paragraph(report: Report, members: list[IndicatorResult], names: dict[str, str]) -> str:
    """A group's figures, each said once: totals with their parts, rates and projections, then
    the rest by status."""
    by_code = report.by_code
    totals = _parts_of(report)
    said: set[str] = set()
    sentences: list[str] = []
    for item in members:
        if item.code in totals and item.actual is not None:
            parts = [(by_code[code], name) for code, name in totals[item.code] if code in by_code]
            sentences.append(_total_sentence(report, item, parts, names))
            said.add(item.code)
            said.update(part.code for part, _ in parts if part.actual is not None)
    for item in members:
        if item.code in said or item.actual is None:
            continue
        alone = (item.direction == "lower" and item.target is not None) or item.status in (
            "not_assessed",
            "year_end_only",
        )
        if alone:
            sentences.append(single(report, item, names[item.code]))
            said.add(item.code)
    for status in (*_WITH_FIGURES, *_NAMED):
        items = [i for i in members if i.code not in said and i.status == status]
        if items:
            sentences.append(_by_status(report, status, items, names))
            said.update(i.code for i in items)
    return " ".join(sentences)


# --- the ranking and the commendations ------------------------------------------------------


def ordinal(report: Report, rank: int) -> str:
    """ "thứ nhất", "thứ hai" … "thứ 11"; "first", "second" … "11th"."""
    words = t_in(report.lang, "prose.ordinals").split("|")
    if rank <= len(words):
        return words[rank - 1]
    return t_in(report.lang, "prose.ordinal_n", n=rank)


def _unit_result(report: Report, unit: UnitSummary) -> str:
    return t_in(
        report.lang,
        "prose.ranking.result",
        good=count_text(report, unit.good),
        assessed=count_text(report, unit.assessed),
        score=percent(report, unit.score_pct),
    )


def ranking_sentences(report: Report) -> list[str]:
    """The ranking as the council writes it: "Xếp thứ nhất: …"; the units with nothing on
    target together, in one sentence; those not ranked and why."""
    lang = report.lang
    if report.ranking_withheld:
        return [withheld_line(report)]
    ranked = [u for u in report.units if u.rank is not None and u.assessed]
    doing = [u for u in ranked if u.good]
    none_good = [u for u in ranked if not u.good]
    out: list[str] = []
    places: list[str] = []
    for rank in sorted({u.rank for u in doing if u.rank is not None}):
        units = [u for u in doing if u.rank == rank]
        who = join(report, [f"{u.name} ({_unit_result(report, u)})" for u in units])
        key = "prose.ranking.place_shared" if len(units) > 1 else "prose.ranking.place"
        places.append(t_in(lang, key, ordinal=ordinal(report, rank), units=who))
    if places:
        out.append(t_in(lang, "prose.ranking.lead", places="; ".join(places)))
    if none_good:
        names = join(report, [u.name for u in none_good])
        ranks = sorted(u.rank for u in none_good if u.rank is not None)
        if ranks[0] == ranks[-1]:
            where = t_in(lang, "prose.ranking.at", ordinal=ordinal(report, ranks[0]))
        else:
            where = t_in(
                lang,
                "prose.ranking.from_to",
                first=ordinal(report, ranks[0]),
                last=ordinal(report, ranks[-1]),
            )
        out.append(t_in(lang, "prose.ranking.none_good", units=names, where=where))
        counts = {u.assessed for u in none_good}
        if all(u.few_indicators for u in none_good) and len(counts) == 1:
            key = "prose.ranking.few" if len(none_good) > 1 else "prose.ranking.few_one"
            out.append(t_in(lang, key, n=count_text(report, counts.pop())))
    unranked = [u.name for u in report.units if u.rank is None or not u.assessed]
    if unranked:
        out.append(t_in(lang, "prose.ranking.unranked", units=join(report, unranked)))
    return out


def commendation_sentences(report: Report) -> list[str]:
    """ "Đề nghị tặng Giấy khen … cho …" or that no unit qualifies; nothing before the year.
    The rule is stated under the table of proposals, not repeated here."""
    if report.commendation_rule is None or report.ranking_withheld:
        return []  # withheld: ranking_sentences says there is no proposal and why
    lang = report.lang
    if not report.commendations:
        return [t_in(lang, "prose.commendation.none")]
    awards: dict[str, list[str]] = {}
    for item in report.commendations:
        awards.setdefault(item.award, []).append(item.name)
    said = [
        t_in(lang, "prose.commendation.proposed", award=award, units=join(report, units))
        for award, units in awards.items()
    ]
    return said
