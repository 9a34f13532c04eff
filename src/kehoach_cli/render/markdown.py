"""The report as Markdown, ready to paste: header, the indicator table, counts, the ranking."""

from __future__ import annotations

from ..messages import t_in
from ..report.model import Report
from .cells import expected, number, percent, ranking_rule, withheld_line
from .comparison import (
    change_words,
    has_comparison,
    previous_text,
    shows_this_period,
    this_period_text,
)
from .csv import neutralize
from .terminal import (
    actual_text,
    counts_line,
    footnotes,
    header_lines,
    quarter_heading,
    row_name,
    unit_cells,
)


def cell(text: str) -> str:
    """A table cell: no formula start, pipes and backslashes escaped, one line.

    >>> cell("a|b"), cell("=SUM(A1)"), cell("")
    ('a\\\\|b', "'=SUM(A1)", '')
    """
    text = neutralize(text).replace("\r", " ").replace("\n", " ")
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|")
    for row in rows:
        lines.append("| " + " | ".join(cell(c) for c in row) + " |")
    return lines


def render(report: Report) -> str:
    lang = report.lang
    head = header_lines(report)
    lines = [
        f"**{cell(head[0])}**",
        "",
        f"## {cell(head[1])}",
        "",
        cell(head[2]),
        "",
        cell(head[3]),
        "",
    ]
    by_quarter = report.by == "quarter"
    quarters = [int(q[-1]) for q in report.period.quarters] if by_quarter else []
    headers = [t_in(lang, f"report.col.{k}") for k in ("tt", "name", "unit", "target")]
    headers += [quarter_heading(report, q) for q in quarters]
    this_period, compared = shows_this_period(report), has_comparison(report)
    if this_period:  # "Kỳ này" beside "Lũy kế"
        headers += [t_in(lang, "report.col.this_period"), t_in(lang, "report.col.year_to_date")]
    else:
        headers.append(t_in(lang, "report.col.actual"))
    headers.append(t_in(lang, "report.col.completion"))
    if not by_quarter:
        headers += [t_in(lang, "report.col.expected"), t_in(lang, "report.col.remaining")]
    if compared:
        headers += [t_in(lang, "report.col.previous_year"), t_in(lang, "report.col.change")]
    headers.append(t_in(lang, "report.col.status"))
    right = set(range(3, len(headers) - 1))
    rows: list[list[str]] = []
    by_code = report.by_code
    for row in report.rows:
        # Markdown drops leading spaces: indent with no-break spaces so the tree stays visible.
        # The name is neutralised before the indent, which would otherwise hide its "=".
        name = "\u00a0\u00a0" * row.depth + neutralize(
            row_name(report, row.depth, row.name, row.breakdown_lead)
        )
        item = by_code.get(row.code) if row.code else None
        if item is None:
            rows.append([row.tt or "", f"**{row.name}**"] + [""] * (len(headers) - 2))
            continue
        cells = [row.tt or "", name, item.unit, number(report, item.target, item.decimals)]
        by_q = {q.quarter: q for q in item.quarters}
        for q in quarters:
            found = by_q.get(q)
            cells.append(number(report, found.period_value if found else None, item.decimals))
        if this_period:
            cells.append(this_period_text(report, item))
        cells += [actual_text(report, item), percent(report, item.completion_pct)]
        if not by_quarter:
            cells += [
                expected(report, item.expected_pct),
                number(report, item.remaining, item.decimals),
            ]
        if compared:
            cells += [previous_text(report, item), change_words(report, item)]
        cells.append(item.status_label)
        rows.append(cells)
    lines += _table(headers, rows, right)
    lines += ["", cell(counts_line(report))]
    lines += ["", *(cell(note) for note in footnotes(report))] if footnotes(report) else []
    lines += ["", f"### {cell(t_in(lang, 'report.units.title'))}", ""]
    if report.ranking_withheld:
        return "\n".join([*lines, cell(withheld_line(report))]) + "\n"
    unit_headers = [
        t_in(lang, f"report.units.col.{k}") for k in ("rank", "unit", "assessed", "good", "share")
    ] + [t_in(lang, "report.units.col.mean")]
    unit_rows = [unit_cells(report, u) for u in report.units]
    lines += _table(unit_headers, unit_rows, {0, 2, 3, 4, 5})
    lines += ["", f"*{cell(ranking_rule(report))}*"]
    return "\n".join(lines) + "\n"
