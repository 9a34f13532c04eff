"""How a figure, a percentage and a few shared lines are written in every rendered format: the
one place the terminal, Markdown, CSV, xlsx, docx, html and the prose take them from (so that
these modules need not import one another for them)."""

from __future__ import annotations

from decimal import Decimal

from ..messages import t_in
from ..numbers import decimals_of, format_number, format_percent
from ..report.model import IndicatorResult, Report

MAX_DECIMALS = 4


def number(report: Report, value: Decimal | None, decimals: int) -> str:
    """A figure with the indicator's decimals, or more when it has them (6,2 of a 14 t target)."""
    if value is None:
        return ""
    own = min(decimals_of(value.normalize()), MAX_DECIMALS)
    return format_number(value, max(decimals, own), lang=report.lang)


def percent(report: Report, value: Decimal | None) -> str:
    return format_percent(value, 2, lang=report.lang)


def expected(report: Report, value: Decimal | None) -> str:
    """Expected progress keeps its own decimals: "50%", "12,5%"."""
    return "" if value is None else format_number(value, None, lang=report.lang) + "%"


# Before an estimate ("ước thực hiện", #16): "~160"; the footnote says what it means.
ESTIMATE_MARK = "~"


def withheld_line(report: Report) -> str:
    """Why there is no ranking (and, for the year, no proposal): nothing scored has a figure."""
    year = report.commendation_rule is not None
    return t_in(report.lang, "report.units.withheld" + ("_year" if year else ""))


def rate_decimals(item: IndicatorResult, change: Decimal) -> int | None:
    """A difference of rates at the rate's own decimals, unless that would round it (a rate
    of 0 decimals, 0,5 points apart): then as it is."""
    exact = change == round(change, item.decimals)
    return item.decimals if exact else None


def ranking_rule(report: Report) -> str:
    """The rule that ranked the units, naming no program or plan field: the default rule's
    name as an official says it."""
    lang = report.lang
    return report.ranking_rule.replace(
        t_in(lang, "report.ranking.default_name"), t_in(lang, "prose.ranking.default_name")
    )
