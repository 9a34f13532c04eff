"""Checks across results files: disagreeing copies, falling year-to-date flows, totals, jumps."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

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
    problems += _conflicts(files)
    problems += _against_previous(files, plan)
    problems += _totals(files, plan)
    return problems


def _where(result: ResultFile, item: ResultValue) -> Where:
    return Where(result.source, sheet=result.sheet, cell=item.cell, line=item.line)


def _conflicts(files: list[ResultFile]) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[tuple[Period, str, str], tuple[ResultFile, ResultValue]] = {}
    for result in files:
        for item in result.values:
            if item.value is None:
                continue
            key = (result.period, result.basis, item.code)
            if key not in first:
                first[key] = (result, item)
                continue
            other, other_item = first[key]
            if other_item.value != item.value:
                problems.append(
                    problem(
                        "conflicting_values",
                        _where(result, item),
                        indicator=item.code,
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
