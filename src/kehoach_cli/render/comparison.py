"""The texts every format shares for "kỳ này – lũy kế" and "so với cùng kỳ": cells and sentences.

A change is written as published reports write it: in a cell "+8,70%" or "-2,60 điểm %"; in a
sentence "tăng 15,60% so với cùng kỳ năm trước", "giảm 0,85 điểm phần trăm so với cùng kỳ năm
trước". Percent changes of counts and amounts, percentage points of figures in % (the report's
``change_pct`` / ``change_points``, ``report/comparison.py``).
"""

from __future__ import annotations

from decimal import Decimal

from ..messages import t_in
from ..numbers import format_number
from ..report.model import IndicatorResult, Report
from .cells import number, rate_decimals


def has_comparison(report: Report) -> bool:
    """Whether any indicator has last year's figure: the formats that show columns only when
    they have something in them (the table, Markdown, HTML, Word) show them then."""
    return any(item.previous_year_actual is not None for item in report.indicators)


def shows_this_period(report: Report) -> bool:
    """Whether "Kỳ này" says something "Lũy kế" does not: a period after the year's first
    quarter (Q2, Q3, Q4), reported by period (``--by quarter`` has a column a quarter)."""
    return report.by == "period" and report.period.quarters[0][-1] != "1"


def this_period_text(report: Report, item: IndicatorResult) -> str:
    """The period's own amount (a flow) or the level (a stock, a rate)."""

    return number(report, item.period_value, item.decimals)


def previous_text(report: Report, item: IndicatorResult) -> str:

    return number(report, item.previous_year_actual, item.decimals)


def _sign(value: Decimal) -> str:
    return "+" if value > 0 else ("-" if value < 0 else "")


def change_text(report: Report, item: IndicatorResult) -> str:
    """The change in a cell: "+8,70%", "-2,60 điểm %"; "" when unknown."""
    lang = report.lang
    if item.change_pct is not None:
        value = format_number(abs(item.change_pct), 2, lang=lang)
        return t_in(lang, "report.change.pct", sign=_sign(item.change_pct), value=value)
    if item.change_points is not None:
        shown = max(item.decimals, 2)
        value = format_number(abs(item.change_points), shown, lang=lang)
        return t_in(lang, "report.change.points", sign=_sign(item.change_points), value=value)
    return ""


def change_words(report: Report, item: IndicatorResult) -> str:
    """The change in a document's cell: "tăng 8,70%", "giảm 2,60 điểm %", "bằng"; "" when
    unknown."""
    lang = report.lang
    change = item.change_pct if item.change_pct is not None else item.change_points
    if change is None:
        return ""
    if change.is_zero():
        return t_in(lang, "report.change.same_cell")
    way = "up" if change > 0 else "down"
    return t_in(lang, f"report.change.{way}_cell", value=change_text(report, item).lstrip("+-"))


def change_sentence(report: Report, item: IndicatorResult) -> str:
    """The change as a sentence says it: "tăng 15,60% so với cùng kỳ năm trước", "giảm 0,85
    điểm phần trăm so với cùng kỳ năm trước", "bằng cùng kỳ năm trước"; "" when unknown."""

    lang = report.lang
    if item.change_pct is not None:
        change, unit = item.change_pct, "pct"
    elif item.change_points is not None:
        change, unit = item.change_points, "points"
    else:
        return ""
    if change.is_zero():
        return t_in(lang, "report.change.same")
    way = "up" if change > 0 else "down"
    # The decimals of the percentages beside it in the same sentence: 2 for a change in % (as
    # "98,71% kế hoạch"), the rate's own for points (as "30,90%"); never "tăng 2%" next to
    # "giảm 3,08%".
    shown = 2 if unit == "pct" else rate_decimals(item, change)
    value = format_number(abs(change), shown, lang=lang)
    return t_in(lang, f"report.change.{way}_{unit}", value=value)
