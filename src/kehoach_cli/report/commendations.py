"""The year's commendation proposals ("đề nghị khen thưởng"), from the emulation ranking.

The plan's ``commendation`` rule (else ``DEFAULT_COMMENDATION``: units ranked first whose every
ranked indicator reached its target, proposed for the Giấy khen of the commune's chairman)
picks the units; the council decides on them. Only the year's report proposes: a quarter's
ranking is progress, not a result.
"""

from __future__ import annotations

from ..messages import t_in
from ..plan.model import DEFAULT_COMMENDATION, CommendationRule, Plan
from .model import Commendation, IndicatorResult, PeriodInfo, UnitSummary

REACHED = frozenset({"exceeded", "achieved"})


def _proposed(unit: UnitSummary, rule: CommendationRule, status: dict[str, str]) -> bool:
    if unit.rank is None or unit.rank > rule.top or not unit.ranked_indicators:
        return False
    if rule.all_achieved:
        return all(status.get(code) in REACHED for code in unit.ranked_indicators)
    return True


def propose(
    plan: Plan,
    period: PeriodInfo,
    units: tuple[UnitSummary, ...],
    indicators: list[IndicatorResult],
    lang: str,
) -> tuple[tuple[Commendation, ...], str | None]:
    """The units proposed and the rule, said as the report says it; none before the year."""
    if period.kind != "year":
        return (), None
    rule = plan.commendation or DEFAULT_COMMENDATION
    status: dict[str, str] = {item.code: item.status for item in indicators}
    proposals = tuple(
        Commendation(
            code=unit.code,
            name=unit.name,
            rank=unit.rank,
            award=rule.award,
            assessed=len(unit.ranked_indicators),
            reached=sum(1 for code in unit.ranked_indicators if status.get(code) in REACHED),
            score_pct=unit.score_pct,
        )
        for unit in units
        if unit.rank is not None and _proposed(unit, rule, status)
    )
    key = "prose.commendation.rule_all" if rule.all_achieved else "prose.commendation.rule_top"
    top = t_in(lang, "prose.commendation.first") if rule.top == 1 else str(rule.top)
    return proposals, t_in(lang, key, top=top, award=rule.award)
