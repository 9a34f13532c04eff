"""Cross-checks of a plan beyond its schema: references, units, formulas, its own figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import FormulaError
from ..messages import t
from ..numbers import format_number, is_whole, round_half_up
from ..problems import Problem
from .formulas import BinOp, Expr, dependency_order, parse
from .model import COUNT_UNITS, Plan, Row

LineOf = Callable[[tuple[str | int, ...]], int | None]


def _loc(row_path: tuple[int, ...], key: str | None = None) -> tuple[str | int, ...]:
    loc: list[str | int] = ["table"]
    for i, index in enumerate(row_path):
        if i:
            loc.append("children")
        loc.append(index)
    if key:
        loc.append(key)
    return tuple(loc)


def plan_problem(
    problem_code: str,
    /,
    file: str | None,
    line: int | None,
    severity: str = "error",
    indicator: str | None = None,
    **params: object,
) -> Problem:
    """A problem of a plan file at a line, its message from the catalog's ``plan.<code>``."""
    return Problem(
        severity="warning" if severity == "warning" else "error",
        code=problem_code,
        message=t(f"plan.{problem_code}", **params),
        file=file,
        location=t("where.line", line=line) if line else None,
        indicator=indicator,
        line=line,
    )


def is_impossible_target(unit: str | None, target: Decimal) -> bool:
    """A target no figure can reach: a share above 100 % ("Tỷ trọng bò lai % 200").

    The plan check warns (``share_over_100``); the report does not assess such an indicator
    (status ``target_flagged``) until the plan is corrected.
    """
    return unit == "%" and target > 100


def _is_sum_formula(formula: str) -> bool:
    try:
        expr = parse(formula)
    except FormulaError:
        return False  # reported as formula_syntax below
    return isinstance(expr, BinOp) and expr.is_sum()


@dataclass
class _Checks:
    """The problems found so far, each placed at its line of the plan file."""

    plan: Plan
    line_of: LineOf
    file: str
    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        problem_code: str,
        row_path: tuple[int, ...] | None,
        key: str | None = None,
        severity: str = "error",
        indicator: str | None = None,
        **params: object,
    ) -> None:
        line = self.line_of(_loc(row_path, key)) if row_path is not None else None
        self.problems.append(
            plan_problem(problem_code, self.file, line, severity, indicator, **params)
        )

    def units(self) -> set[str]:
        """The reporting units' codes; a code given twice is ``duplicate_unit``."""
        seen: set[str] = set()
        for i, code in enumerate(u.code for u in self.plan.reporting_units):
            if code in seen:
                line = self.line_of(("reporting_units", i, "code"))
                self.problems.append(plan_problem("duplicate_unit", self.file, line, code=code))
            seen.add(code)
        return seen

    def codes(self, rows: list[tuple[tuple[int, ...], Row]]) -> dict[str, tuple[int, ...]]:
        """Each indicator code and the row it is first defined at (``duplicate_code`` after)."""
        first_seen: dict[str, tuple[int, ...]] = {}
        for path, row in rows:
            if not row.code:
                continue
            if row.code in first_seen:
                first_line = self.line_of(_loc(first_seen[row.code], "code"))
                self.add(
                    "duplicate_code",
                    path,
                    "code",
                    indicator=row.code,
                    code=row.code,
                    first=first_line,
                )
                continue
            first_seen[row.code] = path
        return first_seen

    def fields(self, path: tuple[int, ...], row: Row, units: set[str]) -> None:
        """The row's unit of measure and responsible unit exist; its target can be one."""
        plan, code, unit = self.plan, row.code, row.unit
        if unit and unit not in plan.units_of_measure:
            known = ", ".join(plan.units_of_measure)
            self.add("unknown_unit", path, "unit", indicator=code, unit=unit, units=known)
        if row.responsible and row.responsible not in units:
            known = ", ".join(u.code for u in plan.reporting_units)
            self.add(
                "unknown_responsible",
                path,
                "responsible",
                indicator=code,
                unit=row.responsible,
                units=known,
            )
        target = row.target
        if target is None:
            return
        value = format_number(target)
        if target < 0:
            self.add("negative_target", path, "target", indicator=code, value=value)
        elif is_impossible_target(unit, target):
            self.add(
                "share_over_100",
                path,
                "target",
                severity="warning",
                indicator=code,
                name=row.name,
                value=value,
            )
        elif unit in COUNT_UNITS and not is_whole(target):
            self.add(
                "fraction_in_count",
                path,
                "target",
                indicator=code,
                name=row.name,
                value=value,
                unit=row.unit,
            )

    def progress(self, path: tuple[int, ...], row: Row) -> None:
        """A profile rises quarter by quarter to at most 100, and is not a total's own."""
        if not row.expected_progress:
            return
        if row.formula and _is_sum_formula(row.formula):
            self.add(
                "profile_of_total",
                path,
                "expected_progress",
                severity="warning",
                indicator=row.code,
                name=row.name,
            )
        previous = Decimal(0)
        for quarter in ("q1", "q2", "q3", "q4"):
            value = row.expected_progress.get(quarter)  # type: ignore[call-overload,unused-ignore]
            if value is None:
                continue
            if value < previous or value > 100:
                self.add(
                    "bad_progress",
                    path,
                    "expected_progress",
                    indicator=row.code,
                    quarter=quarter.upper(),
                )
                return
            previous = value

    def formula(self, path: tuple[int, ...], row: Row, codes: set[str]) -> Expr | None:
        """The row's formula parsed, or None with its problem (syntax, unknown code, itself)."""
        assert row.formula is not None and row.code is not None
        code = row.code
        try:
            expr = parse(row.formula)
        except FormulaError as exc:
            self.add(
                "formula_syntax",
                path,
                "formula",
                indicator=code,
                formula=row.formula,
                position=exc.position + 1,
            )
            return None
        missing = sorted(expr.references() - codes)
        if missing:
            self.add(
                "formula_unknown_code",
                path,
                "formula",
                indicator=code,
                missing=", ".join(missing),
            )
            return None
        if code in expr.references():
            self.add("formula_cycle", path, "formula", indicator=code, cycle=f"{code} → {code}")
            return None
        return expr


def check_plan(plan: Plan, line_of: LineOf, file: str) -> list[Problem]:
    """Every problem of the plan's content, errors first in table order, then warnings."""
    checks = _Checks(plan, line_of, file)
    units = checks.units()
    # The rows are walked twice (a ref or a formula may name a code defined further down), so
    # they are listed once.
    rows = list(plan.each_row())
    first_seen = checks.codes(rows)
    codes = set(first_seen)
    harvested, harvest_problems = _check_harvested_areas(plan, codes, line_of, file)
    checks.problems.extend(harvest_problems)
    checks.problems.extend(_check_ranking(plan, codes, line_of, file))
    codes |= harvested

    formulas: dict[str, Expr] = {}
    for path, row in rows:
        if row.ref and row.ref not in codes:
            checks.add("unknown_ref", path, "ref", ref=row.ref)
        if not row.code:
            continue
        checks.fields(path, row, units)
        checks.progress(path, row)
        if row.formula is not None and first_seen.get(row.code) == path:
            expr = checks.formula(path, row, codes)
            if expr is not None:
                formulas[row.code] = expr

    problems = checks.problems
    _, cycle = dependency_order(formulas)
    if cycle:
        where = first_seen[cycle[0]]
        checks.add("formula_cycle", where, "formula", indicator=cycle[0], cycle=" → ".join(cycle))
        return problems
    if not any(p.severity == "error" for p in problems):
        problems.extend(_check_figures(plan, formulas, line_of, file))
    problems.extend(_check_draft(plan, line_of, file))
    return problems


def _check_draft(plan: Plan, line_of: LineOf, file: str) -> list[Problem]:
    """A draft plan (``plan.draft: true``) says so, then lists each target still to fill.

    Warnings, not errors: a draft is a plan in the making, and the officer may well want a
    report against it (last year's figures, the targets already agreed).
    """
    if not plan.plan.draft:
        return []
    year = plan.year
    problems = [plan_problem("draft", file, line_of(("plan", "draft")), "warning", year=year)]
    for path, row in plan.each_row():
        if not row.code or row.target is not None:
            continue
        baseline = (
            t("plan.target_to_fill.baseline", value=format_number(row.baseline.value))
            if row.baseline is not None
            else ""
        )
        problems.append(
            plan_problem(
                "target_to_fill",
                file,
                line_of(_loc(path, "target")),
                "warning",
                row.code,
                name=plan.by_code[row.code].full_name,
                year=year,
                baseline=baseline,
            )
        )
    return problems


def _check_ranking(plan: Plan, codes: set[str], line_of: LineOf, file: str) -> list[Problem]:
    """A weight names an indicator of the table that a unit reports itself."""
    problems: list[Problem] = []
    if plan.ranking is None:
        return problems
    for code in plan.ranking.weights:
        line = line_of(("ranking", "weights", code))
        if code not in codes:
            problems.append(
                plan_problem("ranking_unknown_code", file, line, "error", code, code=code)
            )
        elif (ind := plan.indicator(code)) is not None and ind.derived:
            problems.append(
                plan_problem("ranking_derived_code", file, line, "warning", code, code=code)
            )
    return problems


def _check_harvested_areas(
    plan: Plan, codes: set[str], line_of: LineOf, file: str
) -> tuple[set[str], list[Problem]]:
    """Each harvested area has a code of its own and names a yield of the table."""
    found: set[str] = set()
    problems: list[Problem] = []
    for i, area in enumerate(plan.harvested_areas):
        where = ("harvested_areas", i)
        if area.code in codes or area.code in found:
            line = line_of((*where, "code"))
            problems.append(
                plan_problem(
                    "harvested_area_duplicate", file, line, "error", area.code, code=area.code
                )
            )
            continue
        found.add(area.code)
        for key, code in (("sown_area", area.sown_area), ("for_yield", area.for_yield)):
            if key == "sown_area" and code is None:
                continue  # optional: the area the signed yield was computed over
            if code not in codes:
                line = line_of((*where, key))
                problems.append(
                    plan_problem(
                        "harvested_area_unknown_yield",
                        file,
                        line,
                        "error",
                        area.code,
                        area=area.code,
                        key=key,
                        code=code,
                    )
                )
    return found, problems


def _check_figures(
    plan: Plan, formulas: dict[str, Expr], line_of: LineOf, file: str
) -> list[Problem]:
    """Totals equal their parts; yields agree with output and area, within the precision shown."""
    problems: list[Problem] = []
    targets = {ind.code: ind.target for ind in plan.indicators}
    for area in plan.harvested_areas:
        if area.sown_area is not None:
            targets[area.code] = targets.get(area.sown_area)
    for code, expr in formulas.items():
        ind = plan.by_code[code]
        if ind.target is None:
            continue
        is_sum = isinstance(expr, BinOp) and expr.is_sum()
        computed = expr.evaluate(targets, missing_as_zero=is_sum)
        if computed is None:
            continue
        if round_half_up(computed, ind.decimals) == round_half_up(ind.target, ind.decimals):
            continue
        line = line_of(_loc(ind.row_path, "target"))
        problems.append(
            plan_problem(
                "formula_mismatch",
                file,
                line,
                "warning",
                code,
                name=ind.full_name,
                target=format_number(ind.target, ind.decimals),
                formula=ind.formula,
                computed=format_number(computed, ind.decimals),
            )
        )
    return problems
