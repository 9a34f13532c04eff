"""The report as an Excel workbook ready to print: summary, emulation ranking, long data, chart.

Sheets: "Tổng hợp" (the official heading, the indicator table with a two-level header, the
summary by group with a chart, the signature block), "Xếp hạng thi đua" (the emulation table)
and "Dữ liệu" (one row per indicator × quarter, for pivot tables). Every figure is a real number
with a number format (percentages as fractions with a % format), never a number stored as text;
user text that looks like a formula (``=``, ``+``, ``-``, ``@``…) is stored as text.

openpyxl rather than XlsxWriter: it is already a dependency (the results readers use it), and
the tests reopen the workbook with it. The archive is rewritten with fixed timestamps, so the
same report gives the same bytes (see ``stable_package``).
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ..messages import t_in
from ..numbers import decimals_of
from ..periods import format_day
from ..report.model import STATUSES, GroupSummary, IndicatorResult, QuarterResult, Report
from .cells import ESTIMATE_MARK, MAX_DECIMALS, ranking_rule, withheld_line
from .letterhead import letterhead, signer_line
from .quarters import end_quarter_missing, missing_line, missing_quarters
from .terminal import quarter_heading, row_name

FONT = "Times New Roman"
SIZE = 12
LINE_HEIGHT = 15.0  # points per line of 12 pt text
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Status → (fill, font colour): the usual Excel "good / neutral / bad" palette.
STATUS_COLOURS = {
    "exceeded": ("C6EFCE", "006100"),
    "achieved": ("E2EFDA", "375623"),
    "on_track": ("DDEBF7", "1F4E78"),
    "behind": ("FFC7CE", "9C0006"),
    "no_data": ("FFEB9C", "9C5700"),
    "no_target": ("EDEDED", "595959"),
    "not_yet_achieved": ("FFEB9C", "7F6000"),
    "not_achieved": ("FFC7CE", "9C0006"),
    "not_assessed": ("EDEDED", "595959"),
    "year_end_only": ("EDEDED", "595959"),
    "target_flagged": ("E4DFEC", "60497A"),
    "not_harvested": ("EDEDED", "595959"),
}
HEADER_FILL = "D9E1F2"
HEADING_FILL = "F2F2F2"


# --- shared with the .docx renderer ----------------------------------------------------------


def stable_package(parts: list[tuple[str, bytes]], day: date) -> bytes:
    """The parts, in this order, as a zip archive whose every member is stamped ``day``."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, data)
    return out.getvalue()


def number_format(decimals: int, suffix: str = "") -> str:
    """``#,##0`` / ``#,##0.00`` with an optional literal suffix (``"*"`` for derived values).

    >>> number_format(0), number_format(2, "*")
    ('#,##0', '#,##0.00"*"')
    """
    code = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return code + (f'"{suffix}"' if suffix else "")


def percent_format(decimals: int) -> str:
    """A percentage format for a fraction.

    >>> percent_format(2), percent_format(0)
    ('0.00%', '0%')
    """
    return "0" + ("." + "0" * decimals if decimals > 0 else "") + "%"


def shown_decimals(value: Decimal, decimals: int) -> int:
    """The indicator's decimals, or more when the value has them (6,2 of a 14 t target)."""
    return max(decimals, min(decimals_of(value.normalize()), MAX_DECIMALS))


def as_number(value: Decimal) -> int | float:
    """A Decimal for a spreadsheet cell: whole values as int, else float."""
    return int(value) if value == value.to_integral_value() else float(value)


def done_columns(report: Report) -> list[str]:
    """Sub-headings under "Thực hiện …": the quarters (``--by quarter``) or "Trong kỳ", then
    "Lũy kế"."""
    lang = report.lang
    if report.by == "quarter":
        heads = [quarter_heading(report, int(q[-1])) for q in report.period.quarters]
    else:
        heads = [t_in(lang, "export.col.in_period")]
    return [*heads, t_in(lang, "export.col.ytd")]


def done_values(report: Report, item: IndicatorResult) -> list[Decimal | None]:
    """The values under "Thực hiện …", matching ``done_columns``."""
    if report.by == "quarter":
        by_q = {q.period: q for q in item.quarters}
        values = [by_q[q].period_value if q in by_q else None for q in report.period.quarters]
    else:
        values = [item.period_value]
    return [*values, item.actual]


def date_parts(report: Report) -> tuple[str, str, str]:
    """Day, month, year of the document date as Nghị định 30/2020 writes them, or dots: a day
    below 10 and the months 1 and 2 with a leading zero (05, 01), other months without (7)."""
    day = report.plan.document_date
    if day is None:
        dots = t_in(report.lang, "export.dots")
        return dots, dots, dots
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}", month, str(day.year)


def place_date(report: Report) -> str:
    day, month, year = date_parts(report)
    return t_in(
        report.lang, "export.place_date", place=report.plan.place, day=day, month=month, year=year
    )


def document_number(report: Report) -> str:
    return report.plan.document_number or t_in(report.lang, "export.dots")


def title(report: Report) -> str:
    return t_in(report.lang, "export.title", period_upper=report.period.label.upper())


def window_line(report: Report) -> str:
    period = report.period
    return t_in(
        report.lang,
        f"report.window.{period.window}",
        period=period.label,
        start=format_day(period.start, report.lang),
        end=format_day(period.end, report.lang),
    )


# --- the workbook --------------------------------------------------------------------------


@dataclass
class _Memo:
    """The style objects of one workbook, made once per kind and shared by its sheets."""

    # (Cell attribute, key) → the Font, Alignment, Border or PatternFill made for it first.
    objects: dict[tuple[str, Any], Any] = field(default_factory=dict)


class _Sheet:
    """Small helpers over an openpyxl worksheet: styled text, numbers, merged blocks."""

    def __init__(self, ws: Any, memo: _Memo) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.ws = ws
        self._objects = memo.objects
        self.Font = Font
        self.Alignment = Alignment
        self.PatternFill = PatternFill
        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def text(self, row: int, col: int, value: str, **style: Any) -> Any:
        cell = self.ws.cell(row=row, column=col)
        cell.value = value
        formula_like = value.startswith(_FORMULA_START)
        if formula_like:
            # openpyxl would store "=…" as a formula; a string cell with Excel's quote prefix
            # keeps the text as typed and stays text when someone edits it.
            cell.data_type = "s"
        self.style(cell, quote=formula_like, **style)
        return cell

    def number(self, row: int, col: int, value: int | float | None, fmt: str, **style: Any) -> Any:
        cell = self.ws.cell(row=row, column=col)
        cell.value = value
        style.setdefault("horizontal", "right")
        self.style(cell, number_format=fmt, **style)
        return cell

    def style(
        self,
        cell: Any,
        *,
        number_format: str = "",
        quote: bool = False,
        bold: bool = False,
        italic: bool = False,
        size: int = SIZE,
        horizontal: str | None = None,
        wrap: bool = True,
        indent: int = 0,
        border: bool = False,
        fill: str | None = None,
        underline: bool = False,
    ) -> None:
        """Style a cell through openpyxl's cell style attributes."""
        if number_format:
            cell.number_format = number_format
        if quote:
            cell.quotePrefix = True
        cell.font = self._made(
            "font",
            (size, bold, italic, underline),
            lambda: self.Font(
                name=FONT,
                size=size,
                bold=bold,
                italic=italic,
                underline="single" if underline else None,
            ),
        )
        if indent and horizontal is None:
            horizontal = "left"  # an indent needs an explicit left alignment (LibreOffice)
        cell.alignment = self._made(
            "alignment",
            (horizontal, wrap, indent),
            lambda: self.Alignment(
                horizontal=horizontal, vertical="center", wrap_text=wrap, indent=indent
            ),
        )
        if border:
            cell.border = self.border
        if fill:
            cell.fill = self._made(
                "fill", fill, lambda: self.PatternFill("solid", start_color=fill, end_color=fill)
            )

    def _made(self, attribute: str, key: Any, make: Callable[[], Any]) -> Any:
        """The style object for ``key``, made on first use (they are immutable values)."""
        made = self._objects.get((attribute, key))
        if made is None:
            made = self._objects[attribute, key] = make()
        return made

    def fit_height(self, row: int, widths: dict[int, float], texts: dict[int, str]) -> None:
        """Give a row the height its wrapped texts need.

        Spreadsheet programs do not re-measure rows of a file they open, so wrapped text would
        spill over the next row; this estimates the lines from the column widths (a Times New
        Roman character is about 1.1 width units at 12 pt).
        """
        lines = 1
        for col, text in texts.items():
            room = max(widths.get(col, 10) - 1, 1)
            lines = max(lines, math.ceil(len(text) * 1.1 / room))
        self.ws.row_dimensions[row].height = LINE_HEIGHT * lines + 2

    def merged(self, row: int, first: int, last: int, value: str, **style: Any) -> Any:
        cell = self.text(row, first, value, **style)
        if last > first:
            self.merge(row, first, row, last)
            if style.get("border"):
                for col in range(first + 1, last + 1):
                    self.ws.cell(row=row, column=col).border = self.border
        return cell

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        self.ws.merge_cells(
            start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col
        )


def _page_setup(ws: Any, lang: str, landscape: bool = True) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Inches: 20 mm top/bottom, 25 mm left (binding), 15 mm right.
    ws.page_margins.top = ws.page_margins.bottom = 0.79
    ws.page_margins.left = 0.98
    ws.page_margins.right = 0.59
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = t_in(lang, "export.page")
    ws.oddFooter.center.font = FONT
    ws.oddFooter.center.size = 10


def _status_rules(ws: Any, report: Report, cells: str) -> None:
    """Colour the status cells by their text, with conditional formatting (one rule each)."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    for status in STATUSES:
        fill, colour = STATUS_COLOURS[status]
        label = report.label(status).replace('"', '""')
        ws.conditional_formatting.add(
            cells,
            CellIsRule(
                operator="equal",
                formula=[f'"{label}"'],
                fill=PatternFill("solid", start_color=fill, end_color=fill),
                font=Font(color=colour, bold=status in ("behind", "not_achieved")),
            ),
        )


@dataclass(frozen=True)
class _SummaryColumns:
    """Where the summary's columns are: TT, name, unit, target, done…, % target, % expected,
    remaining, status, responsible unit (``--by quarter`` has one done column a quarter)."""

    done: int  # the first "Thực hiện" column
    pct: int

    @property
    def exp(self) -> int:
        return self.pct + 1

    @property
    def rem(self) -> int:
        return self.pct + 2

    @property
    def status(self) -> int:
        return self.pct + 3

    @property
    def resp(self) -> int:
        return self.pct + 4

    # #16: last year's figure at the same period and the change, after the responsible unit
    @property
    def previous(self) -> int:
        return self.resp + 1

    @property
    def change(self) -> int:
        return self.resp + 2

    @property
    def last(self) -> int:
        return self.change

    def widths(self) -> dict[int, float]:
        widths: dict[int, float] = {1: 6, 2: 44, 3: 10, 4: 12, self.pct: 10, self.exp: 10}
        widths |= {self.rem: 11, self.status: 18, self.resp: 16}
        widths |= {self.previous: 12, self.change: 14}
        widths |= dict.fromkeys(range(self.done, self.pct), 12)
        return widths


def _summary(wb: Any, report: Report, memo: _Memo) -> None:
    from openpyxl.utils import get_column_letter

    ws = wb.active
    ws.title = t_in(report.lang, "export.sheet.summary")
    sheet = _Sheet(ws, memo)
    done = done_columns(report)
    cols = _SummaryColumns(done=5, pct=5 + len(done))
    widths = cols.widths()
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    _summary_heading(sheet, report, cols)
    # row 7, right above the table: the reason of the blank columns, said once
    _missing_quarters_row(sheet, report, 7, widths)
    top, sub = 8, 9
    _summary_header(sheet, report, cols, done, (top, sub))
    first_data = sub + 1
    row = _summary_rows(sheet, report, cols, widths, first_data)
    status_col = get_column_letter(cols.status)
    if row - 1 >= first_data:
        _status_rules(ws, report, f"{status_col}{first_data}:{status_col}{row - 1}")
    ws.freeze_panes = ws.cell(row=first_data, column=3)
    ws.print_title_rows = f"{top}:{sub}"

    # Counts and footnotes under the table.
    from .terminal import counts_line, footnotes

    row += 1
    for line in [counts_line(report), *footnotes(report)]:
        sheet.merged(row, 1, cols.last, line, italic=line.startswith("*"))
        ws.row_dimensions[row].height = 32 if len(line) > 150 else None
        row += 1
    _signature(ws, sheet, report, row + 1, cols.last, cols.pct)
    _page_setup(ws, report.lang)


def _summary_heading(sheet: _Sheet, report: Report, cols: _SummaryColumns) -> None:
    """The official heading: issuing body on the left, the national motto on the right; the
    title, the data window and the day made."""
    lang, last, right_start = report.lang, cols.last, cols.pct
    sheet.merged(1, 1, 3, letterhead(report.lang, report.plan.parent_body), horizontal="center")
    sheet.merged(
        2, 1, 3, letterhead(report.lang, report.plan.issuer), bold=True, horizontal="center"
    )
    sheet.merged(1, right_start, last, t_in(lang, "export.nation"), bold=True, horizontal="center")
    motto = t_in(lang, "export.motto")
    sheet.merged(2, right_start, last, motto, bold=True, horizontal="center", underline=True)
    sheet.merged(4, 1, last, title(report), bold=True, size=14, horizontal="center")
    sheet.merged(5, 1, last, window_line(report), italic=True, horizontal="center")
    made = t_in(lang, "report.as_of", date=format_day(report.as_of, lang))
    sheet.merged(6, 1, last, made, italic=True, horizontal="center")
    sheet.ws.row_dimensions[4].height = 22


def _summary_header(
    sheet: _Sheet,
    report: Report,
    cols: _SummaryColumns,
    done: list[str],
    rows: tuple[int, int],
) -> None:
    """The two-level header (rows 8–9)."""
    lang = report.lang
    top, sub = rows
    head: dict[str, Any] = {"bold": True, "horizontal": "center", "border": True}
    head["fill"] = HEADER_FILL
    single = [
        (1, t_in(lang, "report.col.tt")),
        (2, t_in(lang, "report.col.name")),
        (3, t_in(lang, "report.col.unit")),
        (4, t_in(lang, "export.col.target", year=report.period.year)),
        (cols.rem, t_in(lang, "export.col.remaining")),
        (cols.status, t_in(lang, "export.col.status")),
        (cols.resp, t_in(lang, "export.col.responsible")),
        (cols.previous, t_in(lang, "report.col.previous_year")),
        (cols.change, t_in(lang, "report.col.change")),
    ]
    for col, label in single:
        sheet.text(top, col, label, **head)
        sheet.style(sheet.ws.cell(row=sub, column=col), **head)
        sheet.merge(top, col, sub, col)
    done_label = t_in(lang, "export.col.done", period=report.period.label)
    sheet.merged(top, cols.done, cols.pct - 1, done_label, **head)
    for offset, label in enumerate(done):
        sheet.text(sub, cols.done + offset, label, **head)
    sheet.merged(top, cols.pct, cols.exp, t_in(lang, "export.col.compare"), **head)
    sheet.text(sub, cols.pct, t_in(lang, "export.col.vs_target"), **head)
    sheet.text(sub, cols.exp, t_in(lang, "export.col.vs_expected"), **head)
    sheet.ws.row_dimensions[top].height = 32
    sheet.ws.row_dimensions[sub].height = 32


def _summary_rows(
    sheet: _Sheet, report: Report, cols: _SummaryColumns, widths: dict[int, float], row: int
) -> int:
    """One row per line of the report from ``row`` on; the row after the last."""
    by_code = report.by_code
    quiet_no_data = end_quarter_missing(report)  # said once above the table instead
    for table_row in report.rows:
        item = by_code.get(table_row.code) if table_row.code else None
        name = row_name(report, table_row.depth, table_row.name, table_row.breakdown_lead)
        indent = " " * (2 * table_row.depth)
        if item is None:
            bold: dict[str, Any] = {"bold": True, "border": True, "fill": HEADING_FILL}
            tt_label(sheet, row, 1, table_row.tt or "", horizontal="center", **bold)
            sheet.text(row, 2, name, indent=table_row.depth, **bold)
            for col in range(3, cols.last + 1):
                sheet.style(sheet.ws.cell(row=row, column=col), **bold)
            sheet.fit_height(row, widths, {2: indent + name})
            row += 1
            continue
        cell: dict[str, Any] = {"border": True}
        tt_label(sheet, row, 1, table_row.tt or "", horizontal="center", **cell)
        sheet.text(row, 2, name, indent=table_row.depth, **cell)
        sheet.text(row, 3, item.unit, horizontal="center", **cell)
        _figure(sheet, row, 4, item.target, item.decimals, **cell)
        values = done_values(report, item)
        for offset, value in enumerate(values):
            star = "*" if item.derived and offset == len(values) - 1 else ""
            mark = ESTIMATE_MARK if item.estimate and offset == len(values) - 1 else ""
            _figure(
                sheet,
                row,
                cols.done + offset,
                value,
                item.decimals,
                suffix=star,
                prefix=mark,
                **cell,
            )
        _percent(sheet, row, cols.pct, item.completion_pct, 2, **cell)
        _percent(sheet, row, cols.exp, item.expected_pct, None, **cell)
        _figure(sheet, row, cols.rem, item.remaining, item.decimals, **cell)
        status = "" if quiet_no_data and item.status == "no_data" else item.status_label
        sheet.text(row, cols.status, status, horizontal="center", **cell)
        responsible = item.responsible_short_name or item.responsible_name
        sheet.text(row, cols.resp, responsible, **cell)
        _figure(sheet, row, cols.previous, item.previous_year_actual, item.decimals, **cell)
        _change(sheet, row, cols.change, item, report.lang, **cell)
        texts = {2: indent + name, cols.status: status, cols.resp: responsible}
        sheet.fit_height(row, widths, {**texts, 3: item.unit})
        row += 1
    return row


def _figure(
    sheet: _Sheet,
    row: int,
    col: int,
    value: Decimal | None,
    decimals: int,
    *,
    suffix: str = "",
    prefix: str = "",
    **style: Any,
) -> None:
    if value is None:
        sheet.number(row, col, None, "General", **style)
        return
    fmt = number_format(shown_decimals(value, decimals), suffix)
    sheet.number(row, col, as_number(value), f'"{prefix}"{fmt}' if prefix else fmt, **style)


def _percent(
    sheet: _Sheet, row: int, col: int, value: Decimal | None, decimals: int | None, **style: Any
) -> None:
    """A percentage stored as a fraction (49,54% → 0.4954) with a % number format."""
    if value is None:
        sheet.number(row, col, None, "General", **style)
        return
    shown = decimals if decimals is not None else min(decimals_of(value.normalize()), 2)
    sheet.number(row, col, as_number(value / 100), percent_format(shown), **style)


# Signed: a change shows "+8,70%" / "-0,85 điểm %" whatever the cell's locale.
CHANGE_PCT_FORMAT = "+0.00%;-0.00%;0.00%"


def _change(
    sheet: _Sheet, row: int, col: int, item: IndicatorResult, lang: str, **style: Any
) -> None:
    """The change from the same period last year: a fraction with a signed % format for counts
    and amounts, percentage points (a number, "điểm %") for figures in %; empty when unknown."""
    if item.change_pct is not None:
        sheet.number(row, col, as_number(item.change_pct / 100), CHANGE_PCT_FORMAT, **style)
    elif item.change_points is not None:
        points = t_in(lang, "report.change.points", sign="", value="").strip()
        code = "0." + "0" * max(item.decimals, 2) + f' "{points}"'
        fmt = f"+{code};-{code};{code}"
        sheet.number(row, col, as_number(item.change_points), fmt, **style)
    else:
        sheet.number(row, col, None, "General", **style)


def _groups(wb: Any, report: Report, memo: _Memo) -> None:
    """The summary by section and group, with a bar chart of mean completion by group beside
    the mean expected progress of the same indicators.

    On a sheet of its own: on "Tổng hợp" the chart would fall across the repeated header rows
    of the indicator table when printed.
    """
    from openpyxl.utils import get_column_letter

    lang = report.lang
    ws = wb.create_sheet(t_in(lang, "export.sheet.groups"))
    sheet = _Sheet(ws, memo)
    statuses = report.statuses_present()
    labels = [t_in(lang, "report.groups.col.name"), t_in(lang, "report.groups.col.count")]
    labels += [t_in(lang, f"report.status.{s}") for s in statuses]
    labels += [t_in(lang, "report.groups.col.mean"), t_in(lang, "export.chart.expected")]
    last = len(labels)
    widths = dict(enumerate([44.0, 10] + [12] * len(statuses) + [14, 14], start=1))
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    head = _title_block(sheet, report, last, t_in(lang, "export.groups.title"))
    _missing_quarters_row(sheet, report, 4, widths)
    header_row = 5
    for col, label in enumerate(labels, start=1):
        sheet.text(header_row, col, label, **head)
    ws.row_dimensions[header_row].height = 34
    row = first = header_row + 1
    mean_col = last - 1
    for group in report.groups:
        bold = group.level == "section"
        label = f"{group.tt}. {group.name}" if group.tt else group.name
        sheet.text(row, 1, label, bold=bold, indent=0 if bold else 1, border=True)
        sheet.number(row, 2, len(group.indicators), "0", border=True, bold=bold)
        counts = dict(group.counts)
        for offset, status in enumerate(statuses):
            sheet.number(row, 3 + offset, counts.get(status, 0), "0", border=True, bold=bold)
        means = (group.mean_completion_pct, mean_expected_pct(report, group))
        for col, mean in enumerate(means, start=mean_col):
            if mean is None:
                sheet.number(row, col, None, "General", border=True)
            else:
                fraction = as_number(mean / 100)
                sheet.number(row, col, fraction, percent_format(2), border=True, bold=bold)
        row += 1
    if any(group.mean_completion_pct is not None for group in report.groups):
        # (a chart of no bars, when nothing can be measured yet, would only show an axis)
        chart = _groups_chart(ws, lang, (header_row, row - 1), mean_col)
        ws.add_chart(chart, f"A{row + 1}")
        ws.freeze_panes = f"A{first}"
    _page_setup(ws, lang)


def mean_expected_pct(report: Report, group: GroupSummary) -> Decimal | None:
    """The mean expected progress of the indicators the group's mean completion is taken over
    (judged, with a percentage), so the two bars compare like with like."""
    from ..numbers import round_half_up
    from ..report.completion import is_assessed

    by_code = report.by_code
    members = [by_code[code] for code in group.indicators if code in by_code]
    values = [
        m.expected_pct
        for m in members
        if is_assessed(m) and m.completion_pct is not None and m.expected_pct is not None
    ]
    if not values:
        return None
    return round_half_up(sum(values, Decimal(0)) / len(values), 2)


def _groups_chart(ws: Any, lang: str, rows: tuple[int, int], mean_col: int) -> Any:
    """Horizontal bars, two a group: mean completion, then mean expected progress (grey)."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList
    from openpyxl.chart.legend import Legend

    header_row, last_group = rows
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = _chart_title(t_in(lang, "export.chart.title"))
    chart.y_axis.numFmt = "0%"
    chart.y_axis.majorGridlines = None
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"  # first group on top, as in the table
    data = Reference(
        ws, min_col=mean_col, max_col=mean_col + 1, min_row=header_row, max_row=last_group
    )
    categories = Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_group)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    for series, colour in zip(chart.series, ("4472C4", "A5A5A5"), strict=True):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    labels_shown = DataLabelList()
    labels_shown.showVal = True
    for hidden in ("showSerName", "showCatName", "showLegendKey", "showPercent"):
        setattr(labels_shown, hidden, False)
    chart.dataLabels = labels_shown
    chart.legend = Legend()
    chart.legend.position = "b"
    # One text style object for all: openpyxl only reads it, to write each its own XML.
    chart_text = _chart_text()
    chart.txPr = chart.x_axis.txPr = chart.y_axis.txPr = labels_shown.txPr = chart_text
    chart.legend.txPr = chart_text
    chart.height = max(9.0, 1.4 * (last_group - header_row) + 4)
    chart.width = 26
    return chart


def _chart_title(text: str) -> Any:
    from openpyxl.chart.text import RichText, Text
    from openpyxl.chart.title import Title
    from openpyxl.drawing.text import (
        CharacterProperties,
        Font,
        Paragraph,
        ParagraphProperties,
        RegularTextRun,
    )

    props = CharacterProperties(latin=Font(typeface=FONT), cs=Font(typeface=FONT), sz=1200, b=True)
    paragraph = Paragraph(
        pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)]
    )
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _chart_text() -> Any:
    """Chart text in Times New Roman, 10 pt (charts otherwise use the program's sans font)."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import (
        CharacterProperties,
        Font,
        Paragraph,
        ParagraphProperties,
    )

    props = CharacterProperties(latin=Font(typeface=FONT), cs=Font(typeface=FONT), sz=1000)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _signature(ws: Any, sheet: _Sheet, report: Report, row: int, last: int, first: int) -> None:
    lang = report.lang
    plan = report.plan
    sheet.merged(row, first, last, place_date(report), italic=True, horizontal="center")
    sheet.merged(row + 1, 1, 3, t_in(lang, "export.prepared_by"), bold=True, horizontal="center")
    sheet.merged(
        row + 1,
        first,
        last,
        signer_line(report.lang, plan.signer_on_behalf),
        bold=True,
        horizontal="center",
    )
    sheet.merged(
        row + 2,
        first,
        last,
        signer_line(report.lang, plan.signer_title),
        bold=True,
        horizontal="center",
    )
    sheet.merged(row + 6, first, last, plan.signer_name, bold=True, horizontal="center")


def _ranking(wb: Any, report: Report, memo: _Memo) -> None:
    from openpyxl.utils import get_column_letter

    from .terminal import unit_name

    lang = report.lang
    ws = wb.create_sheet(t_in(lang, "export.sheet.ranking"))
    sheet = _Sheet(ws, memo)
    keys = ("rank", "unit", "assessed", "good", "share", "mean")
    labels = [t_in(lang, f"report.units.col.{k}") for k in keys]
    statuses = report.statuses_present()
    labels += [t_in(lang, f"report.status.{s}") for s in statuses]
    last = len(labels)
    widths = [8, 40, 12, 14, 10, 16] + [11] * len(statuses)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    head = _title_block(sheet, report, last, t_in(lang, "report.units.title"))
    for col, label in enumerate(labels, start=1):
        sheet.text(5, col, label, **head)
    ws.row_dimensions[5].height = 48
    row = 6
    for unit in () if report.ranking_withheld else report.units:
        sheet.number(row, 1, unit.rank, "0", border=True, horizontal="center")
        name = unit_name(report, unit)
        sheet.text(row, 2, name, border=True)
        sheet.number(row, 3, unit.assessed, "0", border=True)
        sheet.number(row, 4, unit.good, "0", border=True)
        for col, value in ((5, unit.score_pct), (6, unit.mean_completion_capped_pct)):
            if value is None:
                sheet.number(row, col, None, "General", border=True)
            else:
                sheet.number(row, col, as_number(value / 100), percent_format(2), border=True)
        counts = dict(unit.counts)
        for offset, status in enumerate(statuses):
            sheet.number(row, 7 + offset, counts.get(status, 0), "0", border=True)
        sheet.fit_height(row, {2: widths[1]}, {2: name})
        row += 1
    if not report.units or report.ranking_withheld:
        none = withheld_line(report) if report.units else t_in(lang, "report.units.none")
        sheet.merged(row, 1, last, none, italic=True)
        row += 1
    if not report.ranking_withheld:  # withheld: no rule was applied, the line says why
        sheet.merged(row + 1, 1, last, ranking_rule(report), italic=True)
        ws.row_dimensions[row + 1].height = 64
    ws.freeze_panes = "A6"
    ws.print_title_rows = "5:5"
    _page_setup(ws, lang)


def _data(wb: Any, report: Report, memo: _Memo) -> None:
    """One row per indicator × quarter of the period, for pivot tables and filters.

    A quarter nobody has reported yet (``missing_quarters``) has no rows: one line under the
    table says so. The columns are as wide as their longest text and the header wraps, so
    every header and every cell reads whole.
    """
    from openpyxl.utils import get_column_letter

    lang = report.lang
    ws = wb.create_sheet(t_in(lang, "export.sheet.data"))
    sheet = _Sheet(ws, memo)
    labels = _data_labels(lang)
    widths: dict[int, float] = dict(enumerate(_DATA_MIN_WIDTHS, start=1))
    for col, label in enumerate(labels, start=1):
        sheet.text(1, col, label, bold=True, border=True, fill=HEADER_FILL, horizontal="center")
        widths[col] = max(widths[col], text_width(max(label.split(), key=len), bold=True))
    row = 2
    skipped = {f"{report.period.year}Q{n}" for n in missing_quarters(report)}
    for item in report.indicators:
        for quarter in item.quarters:
            if quarter.period in skipped:
                continue
            for col, text in _data_row(sheet, report, item, quarter, row):
                widths[col] = min(max(widths[col], text_width(text)), _DATA_MAX_WIDTH)
            row += 1
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    _header_height(ws, 1, widths, dict(enumerate(labels, start=1)))
    last_col = get_column_letter(len(labels))
    ws.auto_filter.ref = f"A1:{last_col}{max(row - 1, 1)}"
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    if row > 2:
        _status_rules(ws, report, f"Q2:Q{row - 1}")
    line = missing_line(report)
    if line:
        sheet.text(row + 1, 1, line, italic=True, wrap=False)
    _page_setup(ws, lang)


# The "Dữ liệu" columns: at least this wide (numbers, codes), at most _DATA_MAX_WIDTH.
_DATA_MIN_WIDTHS = (10.0, 12, 16, 14, 6, 14, 30, 8, 8, 8, 16, 12, 12, 12, 10, 10, 14, 12, 16)
_DATA_MAX_WIDTH = 90.0


def _data_labels(lang: str) -> list[str]:
    keys = [
        "export.col.period_id",
        "export.col.period",
        "report.col.section",
        "report.col.group",
        "report.col.tt",
        "report.col.code",
        "report.col.name",
        "report.col.unit",
        "report.col.kind",
        "report.col.direction",
        "report.col.responsible",
        "report.col.target",
        "report.col.period_value",
        "export.col.actual_level",
        "export.col.completion",
        "export.col.expected",
        "export.col.status",
        "export.col.status_code",
        "report.col.sources",
    ]
    return [t_in(lang, key) for key in keys]


def _data_row(
    sheet: _Sheet, report: Report, item: IndicatorResult, quarter: QuarterResult, row: int
) -> list[tuple[int, str]]:
    """Write one row of "Dữ liệu"; returns its texts by column (for the widths)."""
    from ..periods import Period

    label = Period(report.period.year, "quarter", quarter.quarter).label(report.lang)
    texts = [
        quarter.period,
        label,
        item.section,
        item.group,
        item.tt or "",
        item.code,
        item.full_name,
        item.unit,
        # the words "kehoach plan show" uses ("lũy kế", "↑ tăng"), not the plan's codes
        t_in(report.lang, f"kind.{item.kind}"),
        t_in(report.lang, f"direction.{item.direction}"),
        item.responsible_name,
    ]
    for col, text in enumerate(texts, start=1):
        if col == 5:
            tt_label(sheet, row, col, text, horizontal="center", wrap=False)
        else:
            sheet.text(row, col, text, wrap=False)
    figures = (item.target, quarter.period_value, quarter.actual)
    for col, value in enumerate(figures, start=12):
        _figure(sheet, row, col, value, item.decimals, wrap=False)
    _percent(sheet, row, 15, quarter.completion_pct, 2, wrap=False)
    _percent(sheet, row, 16, quarter.expected_pct, None, wrap=False)
    tail = [report.label(quarter.status), quarter.status, "; ".join(quarter.sources)]
    for col, text in enumerate(tail, start=17):
        sheet.text(row, col, text, wrap=False)
    return [*enumerate(texts, start=1), *enumerate(tail, start=17)]


def text_width(text: str, *, bold: bool = False) -> float:
    """The column width (in Excel's units, about one "0") that shows ``text`` on one line in
    Times New Roman 12 pt, with a margin.

    An estimate: openpyxl cannot measure text, and measuring with the font itself would need
    the font file and an imaging library on every machine. Capitals and bold are wider.
    """
    units = sum(1.3 if c.isupper() else 1.0 for c in text)
    return round(units * (1.1 if bold else 1.0) + 2, 1)


def _header_height(ws: Any, row: int, widths: dict[int, float], texts: dict[int, str]) -> None:
    """Give a wrapped bold header row the height of its tallest cell, wrapping at words as the
    spreadsheet does (textwrap), so no header is cut at the bottom."""
    import textwrap

    lines = 1
    for col, text in texts.items():
        room = max(int((widths.get(col, 10) - 2) / 1.15), 1)
        lines = max(lines, len(textwrap.wrap(text, room, break_long_words=False)))
    ws.row_dimensions[row].height = LINE_HEIGHT * lines + 4


def tt_label(sheet: _Sheet, row: int, col: int, tt: str, **style: Any) -> Any:
    """A TT label: "1", "12" as whole numbers (a number stored as text gets Excel's green
    warning triangle, and openpyxl writes no ``ignoredErrors``), "A", "I", "+", "-" as text.
    The format keeps the digits as typed ("01" stays "01")."""
    if tt.isascii() and tt.isdigit() and len(tt) <= 9:
        return sheet.number(row, col, int(tt), "0" * len(tt), **style)
    return sheet.text(row, col, tt, **style)


def _missing_quarters_row(
    sheet: _Sheet, report: Report, row: int, widths: dict[int, float]
) -> None:
    """The ``missing_line``, if any, across the sheet's columns on ``row``, as tall as it wraps."""
    line = missing_line(report)
    if not line:
        return
    last = max(widths)
    sheet.merged(row, 1, last, line, bold=True, italic=True, horizontal="center")
    lines = math.ceil(text_width(line, bold=True) / (sum(widths.values()) - 2))
    sheet.ws.row_dimensions[row].height = LINE_HEIGHT * lines + 4


def render(report: Report) -> bytes:
    """The workbook as bytes (``kehoach report --format xlsx``)."""
    return _package(_workbook(report), report.as_of)


def _workbook(report: Report) -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    made = datetime(report.as_of.year, report.as_of.month, report.as_of.day)
    wb.properties.created = made
    wb.properties.modified = made
    wb.properties.creator = "kehoach"
    wb.properties.title = title(report)
    wb.properties.language = report.lang
    memo = _Memo()
    _summary(wb, report, memo)
    _groups(wb, report, memo)
    _ranking(wb, report, memo)
    _data(wb, report, memo)
    return wb


def _package(wb: Any, day: date) -> bytes:
    """The workbook as openpyxl writes it, in a stable archive (``stable_package``)."""
    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    # ExcelWriter rather than wb.save(): save() stamps "modified" with the current time.
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED)).save()
    with zipfile.ZipFile(buffer) as written:
        # [Content_Types].xml first, as Office writes it; the rest in the writer's order.
        names = sorted(written.namelist(), key=lambda name: name != "[Content_Types].xml")
        return stable_package([(name, written.read(name)) for name in names], day)


def _title_block(sheet: _Sheet, report: Report, last: int, title: str) -> dict[str, Any]:
    """The issuer, the title with the period and the data window over ``last`` columns;
    returns the style of the table's header cells."""
    sheet.merged(
        1, 1, last, letterhead(report.lang, report.plan.issuer), bold=True, horizontal="center"
    )
    sheet.merged(
        2,
        1,
        last,
        title + " — " + report.period.label,
        bold=True,
        size=14,
        horizontal="center",
    )
    sheet.merged(3, 1, last, window_line(report), italic=True, horizontal="center")
    return {"bold": True, "horizontal": "center", "border": True, "fill": HEADER_FILL}
