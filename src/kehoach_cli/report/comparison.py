"""The same period of the previous year ("so với cùng kỳ"): each indicator's figure then, and the
change from it.

Like is compared with like. The previous year's report is computed for the same kind of period
(Q2 2023 for Q2 2024, the first 6 months for the first 6 months), so a flow's year-to-date is
set against last year's year-to-date at the same point and a stock's or a rate's level against
its level then. Indicators are matched by code: one only in one year's plan, or whose unit
changed, is not compared (blank). Without last year's results, the plan's ``baseline`` (last
year's figure for the whole year) stands in at a period ending with the year (Q4, the year),
the only period it is the same period of; never mid-year.

The change is in percent for counts and amounts (``change_pct``), in percentage points for a
figure in % (``change_points``): a poverty rate going from 32,65 % to 31,80 % fell by 0,85
percentage points, not by 2,6 %.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..numbers import round_half_up
from .model import IndicatorResult, Report

HUNDRED = Decimal(100)
PERCENT_UNITS = frozenset({"%"})


def is_percentage(item: IndicatorResult) -> bool:
    """Whether the figure is itself a percentage (its change is in percentage points)."""
    return item.unit.strip() in PERCENT_UNITS


def _same_unit(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def previous_figure(
    item: IndicatorResult, previous: IndicatorResult | None, year_end: bool
) -> Decimal | None:
    """Last year's figure at the same period: from last year's report (same code and unit),
    else the plan's baseline at a period ending with the year; None when neither is known."""
    if previous is not None and previous.actual is not None:
        if _same_unit(item.unit, previous.unit):
            return previous.actual
        return None
    if year_end and item.baseline is not None:
        return item.baseline
    return None


def changes(item: IndicatorResult, before: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
    """(change_pct, change_points) from ``before`` to the item's actual: one of them, or neither
    when a figure is missing (or, for a percent change, last year's figure is 0)."""
    if before is None or item.actual is None:
        return None, None
    if is_percentage(item):
        return None, item.actual - before
    if before.is_zero():
        return None, None
    return round_half_up((item.actual - before) / abs(before) * HUNDRED, 2), None


def compared(
    item: IndicatorResult, previous: IndicatorResult | None, year_end: bool
) -> IndicatorResult:
    """The item with ``previous_year_actual``, ``change_pct`` and ``change_points`` filled."""
    before = previous_figure(item, previous, year_end)
    pct, points = changes(item, before)
    return replace(item, previous_year_actual=before, change_pct=pct, change_points=points)


def with_previous_year(
    indicators: list[IndicatorResult], previous: Report | None, year_end: bool
) -> list[IndicatorResult]:
    """Every indicator compared with the same period of the previous year (``previous``: that
    year's report for the same kind of period, None when there is none)."""
    earlier = previous.by_code if previous is not None else {}
    return [compared(item, earlier.get(item.code), year_end) for item in indicators]
