"""The report as an official .docx document in the format of Nghị định 30/2020/NĐ-CP.

A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt (13 pt for the number line, 12/11 pt
for "Nơi nhận"), the two-column heading without borders, "Số: …/BC-UBND" and the italic place
and date line (dots until ``--number``/``--date`` fill them), "BÁO CÁO" and its subject, a body
written from the figures section by section, the emulation contents with dotted lines for the
officer, "Nơi nhận" and the signature block; then the indicator table as an appendix on
landscape pages with its header rows repeated on every page.

Fonts are set on every run with all four ``w:rFonts`` slots (ascii, hAnsi, eastAsia, cs) and
on the document defaults, so Vietnamese letters never fall back to a theme or East-Asian font.

The WordprocessingML elements and the package around the body are in ``docx_package``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..messages import t_in
from ..numbers import format_number
from ..report.model import IndicatorResult, Report
from .docx_package import Doc, package, text_width_cm
from .terminal import counts_line, expected, number, percent, row_name
from .xlsx import (
    date_parts,
    document_number,
    done_columns,
    done_values,
    place_date,
    window_line,
)

HEADER_FILL = "D9E1F2"


# --- the document ----------------------------------------------------------------------------


def _heading(d: Doc, report: Report) -> None:
    lang = report.lang
    # The heading is a little wider than the text (centred, 0.6 cm into each margin), as
    # official forms are, so that the national name and the bodies' names fit on one line.
    left, right = 8.4, 9.3
    table = d.table(2, 2, (left, right), borders=False)
    top_left, top_right = table.rows[0].cells
    d.cell_text(top_left, report.plan.parent_body.upper(), "center", size=12)
    d.para(
        report.plan.issuer.upper(), container=top_left, align="center", after=0, bold=True, size=12
    )
    d.rule(top_left, 2.5, left)
    d.cell_text(top_right, t_in(lang, "export.nation"), "center", bold=True, size=12)
    d.para(
        t_in(lang, "export.motto"), container=top_right, align="center", after=0, bold=True, size=14
    )
    d.rule(top_right, 6.2, right)
    low_left, low_right = table.rows[1].cells
    number_text = t_in(lang, "export.number", number=document_number(report))
    d.cell_text(low_left, number_text, "center", size=13)
    d.cell_text(low_right, place_date(report), "center", italic=True, size=14)
    d.para(after=6)
    d.para(t_in(lang, "export.docx.kind"), align="center", after=0, bold=True, size=14)
    subject = t_in(lang, "export.docx.subject", period=report.period.label)
    d.para(subject, align="center", after=0, bold=True, size=14)
    d.rule(None, 4.0, text_width_cm())


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
        pct_part = t_in(
            lang, "export.docx.lower_pct_part", pct=percent(report, item.completion_pct)
        )
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
        return f"{name}: {status}."
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


def short_sentence(report: Report, item: IndicatorResult, name: str) -> str:
    """An indicator short of its target (a level mid-year, anything at the year's end)."""
    if item.direction == "lower":
        return behind_sentence(report, item, name)
    return t_in(
        report.lang,
        "export.docx.short_item",
        name=name,
        value=_value(report, item, item.actual),
        pct=percent(report, item.completion_pct),
        target=_value(report, item, item.target),
        remaining=difference(report, item, item.remaining or Decimal(0)),
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
            elif parent is not None and parent[1]:
                name = f"{parent[0]} - {name}"
            names[row.code] = name
        stack.append((row.name, row.code is not None))
    return names


def _body(d: Doc, report: Report) -> None:
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
    d.para(opening, indent=True)
    d.para(t_in(lang, "export.docx.part_results"), bold=True, keep_next=True)
    by_code = report.by_code
    names = spoken_names(report)
    for row in report.rows:
        if row.type == "ref":
            continue
        item = by_code.get(row.code) if row.code else None
        if item is None:
            if row.depth == 0:
                label = f"{row.tt}. {row.name}" if row.tt else row.name
                d.para(label, bold=True, keep_next=True, indent=True)
            elif row.depth == 1:
                label = f"{row.tt}. {row.name}" if row.tt else row.name
                d.para(label, bold=True, italic=True, keep_next=True, indent=True)
            continue
        d.para(sentence(report, item, names.get(item.code, item.name)), indent=True)

    # The same counts line as the table's (render.terminal.counts_line): prose and table agree.
    d.para(counts_line(report), indent=True)
    behind = [item for item in report.indicators if item.status == "behind"]
    if behind:
        d.para(t_in(lang, "export.docx.behind_intro"), indent=True, keep_next=True)
        for item in behind:
            d.para(
                "- " + behind_sentence(report, item, names.get(item.code, item.name)), indent=True
            )
    else:
        d.para(t_in(lang, "export.docx.none_behind"), indent=True)
    for status in ("not_yet_achieved", "not_achieved"):
        short = [item for item in report.indicators if item.status == status]
        if short:
            d.para(t_in(lang, f"export.docx.short_intro.{status}"), indent=True, keep_next=True)
            for item in short:
                text = short_sentence(report, item, names.get(item.code, item.name))
                d.para("- " + text, indent=True)
    missing = [names.get(i.code, i.name) for i in report.indicators if i.status == "no_data"]
    if missing:
        d.para(t_in(lang, "export.docx.no_data_intro", names="; ".join(missing)), indent=True)
    ranked = [
        t_in(
            lang,
            "export.docx.ranking_item",
            rank=u.rank,
            unit=(u.short_name or u.name) + ("*" if u.few_indicators else ""),
            share=percent(report, u.score_pct),
        )
        for u in report.units
        if u.rank is not None
    ]
    if ranked:
        d.para(t_in(lang, "export.docx.ranking_intro", ranking="; ".join(ranked)), indent=True)
        # The rule that ranked them, as the table under the appendix states it.
        d.para(report.ranking_rule, indent=True, italic=True)
    d.para(t_in(lang, "export.docx.appendix_see"), indent=True, italic=True)


def _emulation(d: Doc, report: Report, contents: Sequence[tuple[str, str]]) -> None:
    lang = report.lang
    width = text_width_cm()
    d.para(t_in(lang, "export.docx.part_emulation"), bold=True, keep_next=True)
    d.para(t_in(lang, "export.docx.to_complete"), italic=True, indent=True, keep_next=True)
    for label, text in contents:
        d.para(f"{label}) {text}:", indent=True, keep_next=True)
        d.dotted_line(width)
        d.dotted_line(width)
    if not contents:
        for _ in range(3):
            d.dotted_line(width)
    for key in ("export.docx.part_assessment", "export.docx.part_next"):
        d.para(t_in(lang, key), bold=True, keep_next=True)
        for _ in range(3):
            d.dotted_line(width)
    closing = t_in(
        lang, "export.docx.closing", period=report.period.label, commune=report.plan.commune
    )
    d.para(closing, indent=True, after=12, keep_next=True)


def _signature(d: Doc, report: Report) -> None:
    lang = report.lang
    plan = report.plan
    left, right = 7.5, text_width_cm() - 7.5
    table = d.table(1, 2, (left, right), borders=False)
    table.rows[0].keep = True  # the signature block is never split across pages
    recipients_cell, signer_cell = table.rows[0].cells
    d.cell_text(
        recipients_cell, t_in(lang, "export.docx.recipients"), bold=True, italic=True, size=12
    )
    recipients = [r.rstrip(".;") for r in plan.recipients]
    if not any(r.lower().startswith(("lưu", "archive")) for r in recipients):
        recipients.append(t_in(lang, "export.docx.archive"))
    for index, name in enumerate(recipients):
        end = "." if index == len(recipients) - 1 else ";"
        d.para(f"- {name}{end}", container=recipients_cell, align="left", after=0, size=11)
    d.cell_text(signer_cell, plan.signer_on_behalf.upper(), "center", bold=True, size=14)
    d.para(
        plan.signer_title.upper(),
        container=signer_cell,
        align="center",
        after=0,
        bold=True,
        size=14,
    )
    for _ in range(4):
        d.para(container=signer_cell, after=0)
    d.para(plan.signer_name, container=signer_cell, align="center", after=0, bold=True, size=14)


def _appendix(d: Doc, report: Report) -> None:
    lang = report.lang
    d.new_section(landscape=True)
    d.para(t_in(lang, "export.docx.appendix"), align="center", after=0, bold=True)
    d.para(
        t_in(lang, "export.docx.appendix_title", period_upper=report.period.label.upper()),
        align="center",
        after=0,
        bold=True,
    )
    day, month, year = date_parts(report)
    signed = f"{day}/{month}/{year}" if report.plan.document_date else t_in(lang, "export.dots")
    ref = t_in(
        lang,
        "export.docx.appendix_ref",
        number=document_number(report),
        date=signed,
        commune=report.plan.commune,
    )
    d.para(ref, align="center", after=0, italic=True)
    d.para(window_line(report), align="center", after=6, italic=True, size=12)

    done = done_columns(report)
    headers = [
        t_in(lang, "report.col.tt"),
        t_in(lang, "report.col.name"),
        t_in(lang, "report.col.unit"),
        t_in(lang, "export.col.target", year=report.period.year),
    ]
    width = text_width_cm(landscape=True)
    fixed = [1.0, 0, 1.9, 2.3] + [2.2] * len(done) + [2.0, 2.0, 2.0, 3.3]
    fixed[1] = width - sum(fixed)
    cols = len(fixed)
    table = d.table(2, cols, fixed, borders=True)
    top, sub = table.rows
    size = 12
    head: dict[str, Any] = {"bold": True, "size": size}
    for col, text in enumerate(headers):
        d.cell_text(table.merge_down(col), text, "center", **head)
    c_done = 4
    c_pct = c_done + len(done)
    group = table.merge_across(top, c_done, c_pct - 1)
    d.cell_text(group, t_in(lang, "export.col.done", period=report.period.label), "center", **head)
    for offset, text in enumerate(done):
        d.cell_text(sub.cells[c_done + offset], text, "center", **head)
    compare = table.merge_across(top, c_pct, c_pct + 1)
    d.cell_text(compare, t_in(lang, "export.col.compare"), "center", **head)
    d.cell_text(sub.cells[c_pct], t_in(lang, "export.col.vs_target"), "center", **head)
    d.cell_text(sub.cells[c_pct + 1], t_in(lang, "export.col.vs_expected"), "center", **head)
    for col, key in ((c_pct + 2, "export.col.remaining"), (c_pct + 3, "export.col.status")):
        d.cell_text(table.merge_down(col), t_in(lang, key), "center", **head)
    for row in (top, sub):
        row.header = row.keep = True
        for cell in row.shown():
            cell.fill = HEADER_FILL
            cell.middle = True

    by_code = report.by_code
    for table_row in report.rows:
        added = table.add_row()
        added.keep = True
        cells = added.cells
        item = by_code.get(table_row.code) if table_row.code else None
        name = "  " * table_row.depth + row_name(
            report, table_row.depth, table_row.name, table_row.breakdown_lead
        )
        d.cell_text(cells[0], table_row.tt or "", "center", size=size, bold=item is None)
        lead = d.cell_text(cells[1], name, "left", size=size, bold=item is None)
        if item is None:
            lead.keep_next = True  # a heading stays with its first row
            continue
        d.cell_text(cells[2], item.unit, "center", size=size)
        d.cell_text(cells[3], number(report, item.target, item.decimals), "right", size=size)
        values = done_values(report, item)
        for offset, value in enumerate(values):
            text = number(report, value, item.decimals)
            if item.derived and offset == len(values) - 1 and text:
                text += "*"
            d.cell_text(cells[c_done + offset], text, "right", size=size)
        d.cell_text(cells[c_pct], percent(report, item.completion_pct), "right", size=size)
        d.cell_text(cells[c_pct + 1], expected(report, item.expected_pct), "right", size=size)
        d.cell_text(
            cells[c_pct + 2], number(report, item.remaining, item.decimals), "right", size=size
        )
        d.cell_text(cells[c_pct + 3], item.status_label, "center", size=size)
    from .terminal import footnotes

    d.para(before=6, after=0)
    for line in [counts_line(report), *footnotes(report)]:
        d.para(line, after=0, italic=True, size=12)


def render(report: Report, *, emulation_contents: Sequence[tuple[str, str]] | None = None) -> bytes:
    """The document as bytes (``kehoach report --format docx``).

    ``emulation_contents`` are the plan's "Nội dung thi đua" as (label, text); by default they
    come from ``report.plan.emulation_contents`` when the report carries them.
    """
    if emulation_contents is None:
        carried = getattr(report.plan, "emulation_contents", ())
        emulation_contents = [
            (item[0], item[1]) if isinstance(item, tuple) else (item.label, item.text)
            for item in carried
        ]
    d = Doc()
    _heading(d, report)
    _body(d, report)
    _emulation(d, report, emulation_contents)
    _signature(d, report)
    _appendix(d, report)
    title = t_in(report.lang, "export.docx.subject", period=report.period.label)
    return package(d.xml(), title, report.lang, report.as_of)
