"""Expected progress of each flow by quarter: the plan's profile, a total's from its parts.

A flow (output, area planted, households lifted out of poverty) accumulates over the year; the
plan says how far along it should be at each quarter's end (``expected_progress``), else 25 %
a quarter. A total (grain = rice + maize) follows from its components: each quarter's share is
the components' shares weighted by their targets (rice 235 t at 100 %, maize 88 t at 75 % by
Q3 → (235 × 100 + 88 × 75) ÷ 323 = 93,19 %). A stock or a rate is a level: no profile.
"""

from __future__ import annotations

from decimal import Decimal

from ..numbers import round_half_up
from .formulas import BinOp, dependency_order, parse
from .model import Indicator, Plan

QUARTERS = (1, 2, 3, 4)
QUARTER_SHARE = Decimal(25)

Profile = dict[int, Decimal]  # quarter → cumulative expected %, 2 decimals


def _own(ind: Indicator) -> Profile:
    given = ind.expected_progress or {}
    return {q: given.get(f"q{q}", QUARTER_SHARE * q) for q in QUARTERS}


def _is_total(ind: Indicator) -> bool:
    if not ind.formula:
        return False
    expr = parse(ind.formula)
    return isinstance(expr, BinOp) and expr.is_sum()


def expected_profiles(plan: Plan) -> dict[str, Profile]:
    """Every assessed flow's profile, totals computed from their components' (in dependency
    order, so a total of totals works too)."""
    flows = {
        ind.code: ind
        for ind in plan.indicators
        if ind.kind == "flow" and ind.target is not None and ind.direction != "none"
    }
    profiles: dict[str, Profile] = {code: _own(ind) for code, ind in flows.items()}
    totals = {code: parse(ind.formula or "") for code, ind in flows.items() if _is_total(ind)}
    order, cycle = dependency_order(totals)
    for code in order if not cycle else ():
        parts = [
            (part.target, profiles[ref])
            for ref in sorted(totals[code].references())
            if (part := plan.indicator(ref)) is not None
            and ref in profiles
            and part.target is not None
        ]
        weight = sum((target for target, _ in parts), Decimal(0))
        if not parts or weight <= 0:
            continue
        profiles[code] = {
            q: _tidy(sum((target * profile[q] for target, profile in parts), Decimal(0)) / weight)
            for q in QUARTERS
        }
    return profiles


def _tidy(value: Decimal) -> Decimal:
    """Half-up to 2 decimals, whole values without decimals (50, not 50,00)."""
    value = round_half_up(value, 2)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def total_with_own_profile(plan: Plan) -> list[Indicator]:
    """Totals whose plan row gives a profile anyway: the components' profile is used instead."""
    return [ind for ind in plan.indicators if ind.expected_progress and _is_total(ind)]
