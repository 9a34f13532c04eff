"""Checks across results files: disagreeing copies, falling year-to-date flows, totals, jumps."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from ..messages import get_lang, t
from ..numbers import format_number
from ..periods import Period
from ..plan.formulas import BinOp, parse
from ..plan.model import Plan
from ..problems import Problem
from .common import Where, problem
from .model import ResultFile, ResultValue

# A stock that moves by more than this share of its previous value is probably a typo.
STOCK_JUMP = Decimal("0.5")
_FORMAT_RANK = {".xlsx": 0, ".xlsm": 0, ".ods": 1, ".csv": 2, ".yaml": 3, ".yml": 3}


def same_report(a: ResultFile, b: ResultFile) -> bool:
    """Two files of one unit and period holding the very same figures (one report, two formats)."""
    if (a.unit, a.period, a.basis) != (b.unit, b.period, b.basis):
        return False
    figures_a = {v.code: v.value for v in a.values if v.value is not None}
    figures_b = {v.code: v.value for v in b.values if v.value is not None}
    return figures_a == figures_b


def drop_copies(files: list[ResultFile]) -> list[ResultFile]:
    """Keep one file of each report: a workbook before its CSV or YAML copy, then by path."""

    def rank(f: ResultFile) -> tuple[int, str]:
        suffix = "." + f.source.rsplit(".", 1)[-1].lower() if "." in f.source else ""
        return (_FORMAT_RANK.get(suffix, 9), f.source)

    kept: list[ResultFile] = []
    for candidate in sorted(files, key=rank):
        if not any(same_report(candidate, k) for k in kept):
            kept.append(candidate)
    order = {id(f): i for i, f in enumerate(files)}
    return sorted(kept, key=lambda f: order[id(f)])


def cross_check(files: list[ResultFile], plan: Plan) -> list[Problem]:
    """Every check that needs more than one file; ``files`` are already de-duplicated."""
    problems: list[Problem] = []
    problems += _conflicts(files, plan)
    problems += _against_previous(files, plan)
    problems += _totals(files, plan)
    problems += implausible(files, plan)
    return problems


# A figure this many times above its target, or this many times below what is due by its
# period, is more likely a slip (a zero too many or too few, a misplaced comma) than a result.
IMPLAUSIBLE_FACTOR = Decimal(10)
# Words in a row's "Ghi chú" that confirm such a figure (compared folded: no accents, any case).
CONFIRM_WORDS = ("da xac nhan", "xac nhan dung", "so lieu dung", "confirmed")
_NOT_CONFIRMED = ("chua xac nhan", "unconfirmed", "not confirmed")


def is_confirmed(note: str | None) -> bool:
    """Whether the unit (or the officer, in the copy received) confirmed the row's figure.

    >>> is_confirmed("Đã xác nhận: đàn gà tăng do dự án"), is_confirmed("chưa xác nhận")
    (True, False)
    """
    from .common import fold

    folded = fold(note or "")
    if any(word in folded for word in _NOT_CONFIRMED):
        return False
    return any(word in folded for word in CONFIRM_WORDS)


def _due_share(result: ResultFile, ind: Any) -> Decimal | None:
    """The share of the annual target (in %) a figure should be near by the file's period:
    100 for a level, the expected progress of a year-to-date flow; None for a quarter's own
    amount (compared with the target only from above)."""
    if ind.kind != "flow":
        return Decimal(100)
    if result.basis == "period" and result.period.start_quarter > 1:
        return None
    quarter = result.period.end_quarter
    if ind.expected_progress and f"q{quarter}" in ind.expected_progress:
        share: Decimal = ind.expected_progress[f"q{quarter}"]
        return share
    return Decimal(25 * quarter)


def implausible(files: list[ResultFile], plan: Plan) -> list[Problem]:
    """Figures 10 times or more off their target (either way): warnings until confirmed.

    Zero is never flagged (nothing harvested yet is a real figure), nor an indicator without a
    positive target, nor a percentage whose target is above 100 (the plan's slip, not the
    unit's). The report shows such a figure with its warning and does not assess it.
    """
    problems: list[Problem] = []
    for result in files:
        for item in result.values:
            ind = plan.indicator(item.code)
            value, target = item.value, ind.target if ind is not None else None
            if ind is None or value is None or target is None or value <= 0 or target <= 0:
                continue
            if is_confirmed(item.note) or (ind.is_percentage and target > 100):
                continue  # a share "200 %" is the plan's quirk (flagged there), not the figure's
            share = _due_share(result, ind)
            due = target * share / 100 if share is not None else None
            shown = format_number(target)
            if value >= target * IMPLAUSIBLE_FACTOR:
                times = format_number(value / target, 0)
                comparison = t("check.implausible_high", times=times, target=shown)
            elif due is not None and due > 0 and value * IMPLAUSIBLE_FACTOR <= due:
                key = "check.implausible_low" if share == 100 else "check.implausible_low_due"
                times = format_number(due / value, 0)
                comparison = t(key, times=times, due=format_number(due), target=shown)
            else:
                continue
            problems.append(
                problem(
                    "implausible_value",
                    _where(result, item),
                    severity="warning",
                    indicator=item.code,
                    value=format_number(value),
                    comparison=comparison,
                )
            )
    return problems


def _where(result: ResultFile, item: ResultValue) -> Where:
    return Where(result.source, sheet=result.sheet, cell=item.cell, line=item.line)


def figure_key(result: ResultFile, code: str, plan: Plan) -> tuple[int, int, str, str]:
    """What a figure states: (year, the quarter it ends with, its basis, indicator).

    The Q2 report and the 6-month report end with the same cutoff, so they state the same
    figures (as Q3 and 9 months, Q4 and the year). A period starting with the year's first
    quarter holds year-to-date figures whatever its basis says; stocks and rates are levels.
    """
    ind = plan.indicator(code)
    if ind is not None and ind.kind != "flow":
        basis = "level"
    elif result.basis == "year_to_date" or result.period.start_quarter == 1:
        basis = "year_to_date"
    else:  # a period's own amount: Q2 alone is not Q1–Q2
        basis = f"period:{result.period.start_quarter}"
    return (result.period.year, result.period.end_quarter, basis, code)


def _conflicts(files: list[ResultFile], plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[tuple[int, int, str, str], tuple[ResultFile, ResultValue]] = {}
    for result in files:
        for item in result.values:
            if item.value is None:
                continue
            key = figure_key(result, item.code, plan)
            if key not in first:
                first[key] = (result, item)
                continue
            other, other_item = first[key]
            if other_item.value != item.value:
                same = (
                    t("check.same_period")
                    if other.period == result.period
                    else t(
                        "check.same_cutoff",
                        period=result.period.label(get_lang()),
                        other_period=other.period.label(get_lang()),
                    )
                )
                problems.append(
                    problem(
                        "conflicting_values",
                        _where(result, item),
                        indicator=item.code,
                        same=same,
                        value=format_number(item.value),
                        other_value=format_number(other_item.value),
                        other=_where(other, other_item).shown,
                    )
                )
    return problems


def _previous_files(files: list[ResultFile]) -> dict[tuple[str, Period], ResultFile]:
    by_key: dict[tuple[str, Period], ResultFile] = {}
    for result in files:
        by_key.setdefault((result.unit, result.period), result)
    return by_key


def _against_previous(files: list[ResultFile], plan: Plan) -> list[Problem]:
    """Flows cannot fall year-to-date; stocks rarely move by half in a quarter."""
    problems: list[Problem] = []
    index = _previous_files(files)
    for result in files:
        if result.period.end_quarter == 1:
            continue
        previous = index.get((result.unit, result.period.previous_quarter()))
        if previous is None:
            continue
        # First value of each code, as ResultFile.value_of finds it, without a scan per value.
        earlier: dict[str, ResultValue] = {}
        for item in previous.values:
            earlier.setdefault(item.code, item)
        for item in result.values:
            ind = plan.indicator(item.code)
            before = earlier.get(item.code)
            if ind is None or item.value is None or before is None or before.value is None:
                continue
            params: dict[str, Any] = {
                "value": format_number(item.value),
                "previous": format_number(before.value),
                "previous_file": _where(previous, before).shown,
                "previous_period": previous.period.label(),
            }
            if ind.kind == "flow" and result.basis == previous.basis == "year_to_date":
                if item.value < before.value:
                    problems.append(
                        problem(
                            "ytd_decreased", _where(result, item), indicator=item.code, **params
                        )
                    )
            elif ind.kind == "stock" and before.value > 0:
                change = abs(item.value - before.value) / before.value
                if change > STOCK_JUMP:
                    problems.append(
                        problem(
                            "stock_jump",
                            _where(result, item),
                            severity="warning",
                            indicator=item.code,
                            change=format_number(change * 100, 0),
                            **params,
                        )
                    )
    return problems


def _totals(files: list[ResultFile], plan: Plan) -> list[Problem]:
    """A reported total must equal the sum of its reported components (grain = rice + maize)."""
    problems: list[Problem] = []
    by_period: dict[tuple[Period, str], list[ResultFile]] = defaultdict(list)
    for result in files:
        by_period[(result.period, result.basis)].append(result)
    # The plan's sums, parsed once for all groups.
    sums: list[tuple[str, list[str]]] = []
    if by_period:
        for ind in plan.indicators:
            if ind.formula is None:
                continue
            formula = parse(ind.formula)
            if isinstance(formula, BinOp) and formula.is_sum():
                sums.append((ind.code, sorted(formula.references())))
    for group in by_period.values():
        figures: dict[str, Decimal] = {}
        holders: dict[str, tuple[ResultFile, ResultValue]] = {}
        for result in group:
            for item in result.values:
                if item.value is not None and item.code not in figures:
                    figures[item.code] = item.value
                    holders[item.code] = (result, item)
        for code, parts in sums:
            if code not in figures:
                continue
            known = [figures[p] for p in parts if p in figures]
            if not known:
                continue
            total = figures[code]
            summed = sum(known, Decimal(0))
            complete = len(known) == len(parts)
            if (complete and summed != total) or (not complete and summed > total):
                holder, item = holders[code]
                problems.append(
                    problem(
                        "total_mismatch",
                        _where(holder, item),
                        severity="warning",
                        indicator=code,
                        value=format_number(total),
                        parts=" + ".join(parts),
                        sum=format_number(summed),
                    )
                )
    return problems
