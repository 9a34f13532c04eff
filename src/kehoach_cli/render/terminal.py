"""The report as a Vietnamese table for the terminal, laid out to a given width.

The layout is done here, not by rich: names keep their indentation when they wrap, numbers,
units and status words never wrap, headers wrap onto two lines (three if need be) when the width
is tight (80 columns), the name column's indentation narrows last, and lines carry no trailing
spaces. ``render`` gives plain text (a file, a pipe, NO_COLOR);
``render_styled`` gives the same lines as rich ``Text`` with status colours for a terminal.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..messages import t_in
from ..periods import Period, format_day
from ..report.model import (
    DISPLAY_ORDER,
    GOOD_STATUSES,
    NOT_JUDGED,
    IndicatorResult,
    Report,
    UnitSummary,
)
from .cells import (
    ESTIMATE_MARK,
    expected,
    number,
    percent,
    ranking_rule,
    withheld_line,
)
from .comparison import (
    change_text,
    has_comparison,
    previous_text,
    shows_this_period,
    this_period_text,
)
from .letterhead import letterhead

if TYPE_CHECKING:
    from rich.text import Text

DEFAULT_WIDTH = 100
MIN_WIDTH = 60
STATUS_STYLES = {
    "exceeded": "bold green",
    "achieved": "green",
    "on_track": "cyan",
    "behind": "bold red",
    "no_data": "yellow",
    "no_target": "dim",
    "not_yet_achieved": "yellow",
    "not_achieved": "bold red",
    "not_assessed": "dim",
    "year_end_only": "dim",
    "target_flagged": "magenta",
    "not_harvested": "dim",
}


# --- cell texts, shared with the Markdown renderer -------------------------------------------


def actual_text(report: Report, item: IndicatorResult) -> str:
    """The actual, with "*" when computed from components and "~" before an estimate (the
    footnotes say so)."""
    text = number(report, item.actual, item.decimals)
    if text and item.estimate:
        text = ESTIMATE_MARK + text
    return text + "*" if text and item.derived else text


def row_name(report: Report, depth: int, name: str, breakdown_lead: bool) -> str:
    if breakdown_lead:
        return t_in(report.lang, "plan.breakdown") + " " + name
    return name


def quarter_heading(report: Report, quarter: int) -> str:
    return Period(report.period.year, "quarter", quarter).short_label(report.lang)


def header_lines(report: Report) -> list[str]:
    lang = report.lang
    period = report.period
    lines = [
        letterhead(report.lang, report.plan.issuer),
        t_in(lang, "report.title", period_upper=period.label.upper()),
        t_in(
            lang,
            f"report.window.{period.window}",
            period=period.label,
            start=format_day(period.start, lang),
            end=format_day(period.end, lang),
        ),
        t_in(lang, "report.as_of", date=format_day(report.as_of, lang)),
    ]
    return lines


# Always named in a mid-year count, even at 0; the other statuses only when some indicator has one.
CORE_COUNTS = ("exceeded", "achieved", "on_track", "behind", "no_data")
YEAR_END_HEAD = ("exceeded", "achieved", "not_achieved")


def counts_line(report: Report) -> str:
    """The counts as reports write them: mid-year "Tổng số 32 chỉ tiêu: vượt kế hoạch 3; …",
    at the year's end "13/32 chỉ tiêu vượt, 11 đạt, 1 không đạt; …"."""
    lang = report.lang
    counts = dict(report.counts)
    total = len(report.indicators)
    if report.year_end:
        head = t_in(lang, "report.counts_year_end", total=total, **counts)
        rest = [s for s in DISPLAY_ORDER if s not in YEAR_END_HEAD and counts.get(s, 0)]
        parts = [t_in(lang, f"report.count.{s}", n=counts[s]) for s in rest]
        return "; ".join([head, *parts]) + "."
    shown = [s for s in DISPLAY_ORDER if s in CORE_COUNTS or counts.get(s, 0)]
    parts = [t_in(lang, f"report.count.{s}", n=counts.get(s, 0)) for s in shown]
    return t_in(lang, "report.counts_mid_year", total=total, parts="; ".join(parts))


def footnotes(report: Report) -> list[str]:
    lines = list(report.notes)
    if any(item.derived and item.actual is not None for item in report.indicators):
        lines.append("* " + t_in(report.lang, "report.derived_footnote"))
    if any(item.estimate and item.actual is not None for item in report.indicators):
        lines.append(t_in(report.lang, "report.estimate_footnote"))
    errors = sum(1 for p in report.problems if p.severity == "error")
    if errors:
        lines.append(t_in(report.lang, "report.problems_allowed", errors=errors))
    from .notes import figure_notes  # every format's footnotes: the figures with warnings

    lines.extend(figure_notes(report))
    return lines


# --- a small table layout ------------------------------------------------------------------


@dataclass
class Column:
    header: str
    align: str = "left"  # left | right
    wrap: bool = False  # the cells may wrap on spaces
    indent: bool = False  # the name column: wrapped lines keep the cell's indentation
    floor: int = 0  # shrink this column no further than this before the others
    breakable: bool = False  # kept whole; wraps only when nothing else gives (below 80 columns)
    cells: list[str] = field(default_factory=list)

    def preferred(self) -> int:
        return max([_width(self.header), *(_width(c) for c in self.cells)])

    def minimum(self, header_lines: int = 2, allow_break: bool = False) -> int:
        """The narrowest the column can be: cells that may not wrap whole, words otherwise,
        and the header on at most ``header_lines`` lines; ``allow_break`` lets a breakable
        column's cells go onto two lines."""
        if self.indent:
            words = [w for c in self.cells for w in c.split()]
            words += [" " * (len(c) - len(c.lstrip())) + "x" * 8 for c in self.cells]
            cells = [_width(w) for w in words]
        elif self.wrap or (self.breakable and allow_break):
            cells = [_n_lines(c, 2) for c in self.cells]
        else:
            cells = [_width(c) for c in self.cells]
        return max([1, _n_lines(self.header, header_lines), *cells])


def _n_lines(text: str, lines: int) -> int:
    """The narrowest width that wraps ``text`` on ``lines`` lines at most."""
    longest = max((_width(w) for w in text.split()), default=1)
    for width in range(longest, _width(text) + 1):
        if len(textwrap.wrap(text, width=width, break_on_hyphens=False)) <= lines:
            return width
    return _width(text)


def _halve_indent(text: str) -> str:
    """A name with half its indentation: two spaces a level become one."""
    body = text.lstrip(" ")
    return " " * ((len(text) - len(body) + 1) // 2) + body


def _width(text: str) -> int:
    return len(text)


def _wrap(text: str, width: int, indent: bool) -> list[str]:
    if len(text) <= width:
        return [text]
    lead = " " * (len(text) - len(text.lstrip())) if indent else ""
    wrapped = textwrap.wrap(
        text.strip(),
        width=width,
        initial_indent=lead,
        subsequent_indent=lead + ("  " if indent else ""),
        break_long_words=True,
        break_on_hyphens=False,
    )
    return wrapped or [""]


def layout(
    columns: Sequence[Column],
    width: int,
    styles: Sequence[str | None] = (),
    row_styles: Sequence[str | None] = (),
    header_style: str | None = None,
) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Lines of the table (header, rule, rows) and, per line, the spans to style.

    ``styles`` gives, for each row, the style of its last column (the status) or None;
    ``row_styles`` a style for the whole row (headings).
    """
    pref = [c.preferred() for c in columns]
    mins = [c.minimum() for c in columns]
    gap = 2 if sum(pref) + 2 * (len(columns) - 1) <= width else 1
    widths = list(pref)
    budget = width - gap * (len(columns) - 1)

    def excess() -> int:
        return sum(widths) - budget

    names = [i for i, c in enumerate(columns) if c.indent]
    fixed = [i for i, c in enumerate(columns) if not c.indent and not c.wrap]
    wrapping = [i for i, c in enumerate(columns) if c.wrap and not c.indent]

    def narrow(indexes: list[int]) -> None:
        # One character at a time from the column with the most room left.
        while excess() > 0:
            slack = [(widths[i] - mins[i], -i) for i in indexes if widths[i] > mins[i]]
            if not slack:
                return
            widths[-max(slack)[1]] -= 1

    def names_to(bound: Callable[[int], int]) -> None:
        for i in names:
            if excess() > 0:
                widths[i] = max(bound(i), widths[i] - excess())

    # Give way in this order: headers of number columns onto two lines; the name column down
    # to its floor; wrapping cells (long names elsewhere); the name column down to its minimum;
    # number headers onto three lines; the name column's indentation halved. Numbers are never
    # broken; units and status words only below 80 columns, when nothing else is left to give.
    narrow(fixed)
    names_to(lambda i: max(mins[i], columns[i].floor))
    narrow(wrapping)
    names_to(lambda i: mins[i])
    if excess() > 0:
        for i in fixed:
            mins[i] = columns[i].minimum(header_lines=3)
        narrow(fixed)
    if excess() > 0 and names:
        for i in names:
            columns[i].cells = [_halve_indent(c) for c in columns[i].cells]
            mins[i] = columns[i].minimum()
        names_to(lambda i: mins[i])
    if excess() > 0:  # narrower than 80 columns: status words and units onto two lines
        breakable = [i for i, c in enumerate(columns) if c.breakable]
        for i in breakable:
            mins[i] = columns[i].minimum(header_lines=3, allow_break=True)
        narrow(breakable)

    lines: list[tuple[str, list[tuple[int, int, str]]]] = []
    fit = _Fitted(columns, widths, gap)
    lines += fit.lines([c.header for c in columns], None, True, header_style)
    lines.append(("-" * min(width, sum(widths) + gap * (len(columns) - 1)), []))
    rows = list(zip(*(c.cells for c in columns), strict=True))
    for r, row in enumerate(rows):
        style = styles[r] if r < len(styles) else None
        whole = row_styles[r] if r < len(row_styles) else None
        lines += fit.lines(list(row), style, False, whole)
    return lines


@dataclass
class _Fitted:
    """The table's columns at their fitted widths, writing one row as its lines."""

    columns: Sequence[Column]
    widths: list[int]
    gap: int

    def lines(
        self, cells: list[str], style: str | None, wrap_all: bool, whole: str | None
    ) -> list[tuple[str, list[tuple[int, int, str]]]]:
        """A row's lines; ``style`` spans the last column's text, ``whole`` the whole line."""
        columns, widths = self.columns, self.widths
        parts = [
            _wrap(cell, widths[i], columns[i].indent)
            if (columns[i].wrap or wrap_all or columns[i].breakable)
            else [cell]
            for i, cell in enumerate(cells)
        ]
        out_lines: list[tuple[str, list[tuple[int, int, str]]]] = []
        for n in range(max(len(p) for p in parts)):
            out = ""
            spans: list[tuple[int, int, str]] = []
            for i, p in enumerate(parts):
                text = p[n] if n < len(p) else ""
                cell = text.rjust(widths[i]) if columns[i].align == "right" else text
                cell = cell.ljust(widths[i])
                if i == len(parts) - 1 and style and text:
                    spans.append((len(out), len(out) + len(text), style))
                out += cell + (" " * self.gap if i < len(parts) - 1 else "")
            out = out.rstrip()
            if whole and out:
                spans = [(0, len(out), whole)]
            out_lines.append((out, spans))
        return out_lines


# --- the report's tables -----------------------------------------------------------------


def indicator_table(
    report: Report, extra: bool = True
) -> tuple[list[Column], list[str | None], list[bool]]:
    """The main table's columns, each row's status style, and which rows are headings.

    ``extra``: with "Kỳ này" (a period after Q1) and last year's figure and the change, when
    the report has them; without, they go to a table of their own (``comparison_table``).
    """
    lang = report.lang
    by_quarter = report.by == "quarter"
    quarters = [int(q[-1]) for q in report.period.quarters] if by_quarter else []
    this_period = extra and shows_this_period(report)
    compared = extra and has_comparison(report)
    cols = [Column(t_in(lang, "report.col.tt"))]
    cols.append(Column(t_in(lang, "report.col.name"), wrap=True, indent=True, floor=24))
    cols.append(Column(t_in(lang, "report.col.unit"), breakable=True))  # "Học sinh" kept whole
    cols.append(Column(t_in(lang, "report.col.target"), align="right"))
    quarter_cols = [Column(quarter_heading(report, q), align="right") for q in quarters]
    cols.extend(quarter_cols)
    if this_period:
        cols.append(Column(t_in(lang, "report.col.this_period"), align="right"))
    actual = "report.col.year_to_date" if this_period else "report.col.actual"
    cols.append(Column(t_in(lang, actual), align="right"))
    cols.append(Column(t_in(lang, "report.col.completion"), align="right"))
    if not by_quarter:
        cols.append(Column(t_in(lang, "report.col.expected"), align="right"))
        cols.append(Column(t_in(lang, "report.col.remaining"), align="right"))
    if compared:
        cols.append(Column(t_in(lang, "report.col.previous_year_short"), align="right"))
        cols.append(Column(t_in(lang, "report.col.change"), align="right"))
    cols.append(Column(t_in(lang, "report.col.status"), breakable=True))  # on one line
    styles: list[str | None] = []
    headings: list[bool] = []
    by_code = report.by_code
    for row in report.rows:
        name = "  " * row.depth + row_name(report, row.depth, row.name, row.breakdown_lead)
        item = by_code.get(row.code) if row.code else None
        if item is None:
            cells = [row.tt or "", name] + [""] * (len(cols) - 2)
            styles.append(None)
            headings.append(True)
        else:
            cells = [row.tt or "", name, item.unit, number(report, item.target, item.decimals)]
            by_q = {q.quarter: q for q in item.quarters}
            for q in quarters:
                found = by_q.get(q)
                value = found.period_value if found else None
                cells.append(number(report, value, item.decimals))
            if this_period:
                cells.append(this_period_text(report, item))
            cells.append(actual_text(report, item))
            cells.append(percent(report, item.completion_pct))
            if not by_quarter:
                cells.append(expected(report, item.expected_pct))
                cells.append(number(report, item.remaining, item.decimals))
            if compared:
                cells += [previous_text(report, item), change_text(report, item)]
            cells.append(item.status_label)
            styles.append(STATUS_STYLES.get(item.status))
            headings.append(False)
        for column, cell in zip(cols, cells, strict=True):
            column.cells.append(cell)
    return cols, styles, headings


def comparison_table(report: Report) -> tuple[list[Column], list[bool]]:
    """The narrow terminal's second table: this period, year to date, the same period last
    year and the change, for the rows of the first (empty when there is nothing to add)."""
    lang = report.lang
    this_period, compared = shows_this_period(report), has_comparison(report)
    cols = [
        Column(t_in(lang, "report.col.tt")),
        Column(t_in(lang, "report.col.name"), wrap=True, indent=True, floor=24),
        Column(t_in(lang, "report.col.unit"), breakable=True),
    ]
    if this_period:
        cols.append(Column(t_in(lang, "report.col.this_period"), align="right"))
    actual = "report.col.year_to_date" if this_period else "report.col.actual"
    cols.append(Column(t_in(lang, actual), align="right"))
    if compared:
        cols.append(Column(t_in(lang, "report.col.previous_year"), align="right"))
        cols.append(Column(t_in(lang, "report.col.change"), align="right"))
    headings: list[bool] = []
    by_code = report.by_code
    for row in report.rows:
        name = "  " * row.depth + row_name(report, row.depth, row.name, row.breakdown_lead)
        item = by_code.get(row.code) if row.code else None
        headings.append(item is None)
        cells = [row.tt or "", name] + [""] * (len(cols) - 2)
        if item is not None:
            cells[2:] = [item.unit] + ([this_period_text(report, item)] if this_period else [])
            cells.append(actual_text(report, item))
            if compared:
                cells += [previous_text(report, item), change_text(report, item)]
        for column, cell in zip(cols, cells, strict=True):
            column.cells.append(cell)
    return (cols if this_period or compared else []), headings


def fits(columns: Sequence[Column], width: int) -> bool:
    """Whether the table fits ``width`` with its numbers whole, one-line headers but for
    two-line ones on number columns, and the name column at its floor."""
    total = sum(
        c.floor if c.indent else (c.preferred() if c.wrap else c.minimum()) for c in columns
    )
    return total + len(columns) - 1 <= width


# The terminal's summary groups the statuses in four columns (twelve do not fit 80 columns);
# the xlsx and HTML summaries and the JSON counts keep one per status.
SUMMARY_COLUMNS: tuple[tuple[str, frozenset[str]], ...] = (
    ("good", GOOD_STATUSES),
    ("short", frozenset({"behind", "not_yet_achieved", "not_achieved"})),
    ("no_data", frozenset({"no_data"})),
    ("not_judged", NOT_JUDGED),
)


def group_table(report: Report) -> list[Column]:
    lang = report.lang
    cols = [Column(t_in(lang, "report.groups.col.name"), wrap=True, indent=True, floor=20)]
    # Number columns give way first (their headers onto two lines), then the group's name.
    cols.append(Column(t_in(lang, "report.groups.col.count"), align="right"))
    short = "short_year_end" if report.year_end else "short"
    keys = [short if key == "short" else key for key, _ in SUMMARY_COLUMNS]
    status_cols = [Column(t_in(lang, f"report.groups.col.{k}"), align="right") for k in keys]
    cols.extend(status_cols)
    cols.append(Column(t_in(lang, "report.groups.col.mean"), align="right"))
    for group in report.groups:
        indent = "" if group.level == "section" else "  "
        label = f"{group.tt}. {group.name}" if group.tt else group.name
        cols[0].cells.append(indent + label)
        cols[1].cells.append(str(len(group.indicators)))
        counts = dict(group.counts)
        for column, (_, members) in zip(status_cols, SUMMARY_COLUMNS, strict=True):
            column.cells.append(str(sum(counts.get(s, 0) for s in members)))
        cols[-1].cells.append(percent(report, group.mean_completion_pct))
    return cols


def unit_name(report: Report, unit: UnitSummary) -> str:
    """The unit's name, marked when the rule judged it on too few indicators."""
    if not unit.few_indicators:
        return unit.name
    return t_in(
        report.lang, "report.units.few", name=unit.name, least=report.ranking_min_indicators
    )


def unit_cells(report: Report, unit: UnitSummary) -> list[str]:
    """A unit's row of the emulation table: rank, name, assessed, good, score %, mean."""
    return [
        str(unit.rank) if unit.rank is not None else "-",
        unit_name(report, unit),
        str(unit.assessed),
        str(unit.good),
        percent(report, unit.score_pct),
        percent(report, unit.mean_completion_capped_pct),
    ]


def unit_table(report: Report) -> list[Column]:
    lang = report.lang
    cols = [
        Column(t_in(lang, "report.units.col.rank"), align="right"),
        Column(t_in(lang, "report.units.col.unit"), wrap=True, indent=True, floor=20),
        # Number columns give way first (their headers onto two lines), then the unit's name.
        Column(t_in(lang, "report.units.col.assessed"), align="right"),
        Column(t_in(lang, "report.units.col.good"), align="right"),
        Column(t_in(lang, "report.units.col.share"), align="right"),
        Column(t_in(lang, "report.units.col.mean"), align="right"),
    ]
    for unit in report.units:
        for column, cell in zip(cols, unit_cells(report, unit), strict=True):
            column.cells.append(cell)
    return cols


def _paragraph(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_on_hyphens=False) or [""]


def styled_lines(report: Report, width: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Every line of the report with its style spans (status colours, bold headings)."""
    width = max(width, MIN_WIDTH)
    lang = report.lang
    out: list[tuple[str, list[tuple[int, int, str]]]] = []

    def plain(lines: list[str], style: str | None = None) -> None:
        for line in lines:
            out.append((line, [(0, len(line), style)] if style and line else []))

    header = header_lines(report)
    plain(_paragraph(header[0], width), "bold")
    plain(_paragraph(header[1], width), "bold")
    for line in header[2:]:
        plain(_paragraph(line, width))
    plain([""])
    cols, styles, headings = indicator_table(report)
    apart = not fits(cols, width)  # narrow: the comparison in a table of its own, below
    if apart:
        cols, styles, headings = indicator_table(report, extra=False)
    row_styles = ["bold" if heading else None for heading in headings]
    out.extend(layout(cols, width, styles, row_styles, header_style="bold"))
    extra, extra_headings = comparison_table(report) if apart else ([], [])
    if extra:
        plain(["", t_in(lang, "report.compare.title")], "bold")
        bold = ["bold" if heading else None for heading in extra_headings]
        out.extend(layout(extra, width, (), bold, header_style="bold"))
    plain([""])
    plain(_paragraph(counts_line(report), width))
    plain([line for note in footnotes(report) for line in _paragraph(note, width)])
    if report.groups:
        plain(["", t_in(lang, "report.groups.title")], "bold")
        out.extend(layout(group_table(report), width, header_style="bold"))
    plain(["", t_in(lang, "report.units.title")], "bold")
    if report.ranking_withheld:
        plain(_paragraph(withheld_line(report), width))
        return out
    if report.units:
        out.extend(layout(unit_table(report), width, header_style="bold"))
    else:
        plain([t_in(lang, "report.units.none")])

    plain(_paragraph(ranking_rule(report), width), "italic")
    return out


def terminal_width() -> int:
    """COLUMNS when set; else the width of the terminal on stdout, or on stderr or stdin when
    stdout is a pipe (``kehoach report | less``); else ``DEFAULT_WIDTH``."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for fd in (1, 2, 0):
        try:
            return os.get_terminal_size(fd).columns
        except OSError:
            continue
    return DEFAULT_WIDTH


def render_text(report: Report, width: int | None = None) -> str:
    """Plain text at ``width`` columns (default: the terminal's)."""
    lines = styled_lines(report, width or terminal_width())
    return "\n".join(line for line, _ in lines) + "\n"


def render(report: Report) -> str:
    """The ``table`` format as plain text (for files and pipes)."""
    return render_text(report)


def render_styled(report: Report, width: int | None = None) -> list[Text]:
    """The same lines as rich ``Text`` with colours, for a terminal."""
    from rich.text import Text

    texts = []
    for line, spans in styled_lines(report, width or terminal_width()):
        text = Text(line)
        for start, end, style in spans:
            text.stylize(style, start, end)
        texts.append(text)
    return texts
