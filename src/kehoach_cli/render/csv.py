"""The report as CSV for Excel: UTF-8 with BOM, one row per table row, no thousands separators.

Numbers use the report language's decimal mark without grouping (Vietnamese "51,06", as the
results CSV files do); text cells that a spreadsheet would run as a formula (starting with
= + - @, a tab or a carriage return: "+" and "-" are real TT labels) get a leading quote.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from ..messages import t_in
from ..numbers import decimals_of, format_number
from ..report.model import IndicatorResult, Report
from .notes import warnings_cell

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(text: str) -> str:
    """A text cell that cannot start a spreadsheet formula.

    >>> neutralize("=1+2"), neutralize("+"), neutralize("Lúa")
    ("'=1+2", "'+", 'Lúa')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def plain_number(value: Decimal | None, lang: str, decimals: int | None = None) -> str:
    """A number without grouping, in the language's decimal mark; "" for None.

    >>> plain_number(Decimal("6700"), "vi"), plain_number(Decimal("51.06"), "vi")
    ('6700', '51,06')
    """
    if value is None:
        return ""
    shown = decimals_of(value.normalize()) if decimals is None else decimals
    return format_number(value, max(shown, 0), lang=lang, grouping=False)


def header(lang: str) -> list[str]:
    keys = (
        "section",
        "group",
        "tt",
        "code",
        "name",
        "unit",
        "target",
        "actual",
        "completion",
        "expected",
        "remaining",
        "status",
        "responsible",
        "sources",
        "warnings",
        "estimate",
        # added with #16, at the end so that the columns before keep their places
        "this_period",
        "previous_year",
        "change_pct",
        "change_points",
    )
    return [t_in(lang, f"report.col.{key}") for key in keys]


def estimate_cell(report: Report, item: IndicatorResult | None) -> str:
    """ "Ước thực hiện" or "Chính thức" for a figure; blank without one (#16)."""
    if item is None or item.actual is None:
        return ""
    return t_in(report.lang, f"report.estimate.{'yes' if item.estimate else 'no'}")


def comparison_cells(report: Report, item: IndicatorResult | None) -> list[str]:
    """This period's own amount, last year's figure at the same period, the change in % (counts
    and amounts) and in percentage points (figures in %): plain numbers, blank when unknown."""
    if item is None:
        return [""] * 4
    lang = report.lang

    def num(value: Decimal | None) -> str:
        if value is None:
            return ""
        return plain_number(value, lang, max(item.decimals, decimals_of(value.normalize())))

    return [
        num(item.period_value),
        num(item.previous_year_actual),
        plain_number(item.change_pct, lang, 2),
        num(item.change_points),
    ]


def indicator_cells(report: Report, item: IndicatorResult | None) -> list[str]:
    lang = report.lang
    if item is None:
        return [""] * 9

    def num(value: Decimal | None) -> str:
        if value is None:
            return ""
        return plain_number(value, lang, max(item.decimals, decimals_of(value.normalize())))

    return [
        item.unit,
        num(item.target),
        num(item.actual),
        plain_number(item.completion_pct, lang, 2),
        plain_number(item.expected_pct, lang),
        num(item.remaining),
        item.status_label,
        item.responsible_name,
        "; ".join(item.sources),
    ]


def render(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(report.lang))
    by_code = report.by_code
    section = group = ""
    for row in report.rows:
        if row.type == "heading" and row.depth == 0:
            section = row.name
        elif row.type == "heading" and row.depth == 1:
            group = row.name
        item = by_code.get(row.code) if row.code else None
        name = row.name
        if row.breakdown_lead:
            name = t_in(report.lang, "plan.breakdown") + " " + name
        cells = [section, group, row.tt or "", row.code or "", name]
        text = [neutralize(c) for c in cells]
        numbers = indicator_cells(report, item)
        # unit, status, responsible and sources are text; the rest are numbers.
        for index in (0, 6, 7, 8):
            numbers[index] = neutralize(numbers[index])
        writer.writerow(
            [
                *text,
                *numbers,
                warnings_cell(item),
                estimate_cell(report, item),
                *comparison_cells(report, item),
            ]
        )
    return BOM + buffer.getvalue()
