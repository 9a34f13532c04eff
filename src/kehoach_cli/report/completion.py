"""The completion engine, pure: (plan, results, period) → Report; no printing, no files.

The rules (docs/completion.md has them with worked examples):

* **Actual.** Flows: the year-to-date value at the period's last quarter — reported as such
  ("lũy kế"), or summed from the quarters' own values when files hold period values. Stocks and
  rates: the level reported for the period's last quarter. A report for Q2 and one for the
  first 6 months end with the same cutoff, so either gives the Q2/6-month figure. A missing report
  is ``no_data``: an older figure is never carried forward. When several files give a figure for
  the same indicator and quarter, the latest (stated date, file time, then path) wins, whatever
  the order of the files.
* **Derived indicators** are computed from their components when not reported: sums exactly,
  ratios (yields) rounded half-up to the indicator's decimals, as the table shows them.
* **Completion** ``actual ÷ target × 100`` (higher is better), ``target ÷ actual × 100`` (lower
  is better), rounded half-up to 2 decimals; None without a target, with a zero target, or when
  the divisor is zero.
* **Expected progress** at the period's last quarter q: the plan's profile when it gives one;
  otherwise 25·q % for flows and 100 % for stocks and rates (a level has to be held, it does not
  accumulate).
* **Status**: see ``assess``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from ..messages import get_lang, t_in
from ..numbers import round_half_up
from ..periods import Period
from ..plan.formulas import BinOp, Expr, dependency_order, parse
from ..plan.model import Indicator, Plan, TableRow
from ..problems import Problem, ProblemReport
from ..results.model import ResultFile, ResultSet, ResultValue
from .model import (
    ALL_STATUSES,
    GOOD_STATUSES,
    By,
    GroupSummary,
    IndicatorResult,
    PeriodInfo,
    PlanInfo,
    QuarterResult,
    Report,
    ReportRow,
    Status,
    UnitSummary,
)

HUNDRED = Decimal(100)
QUARTER_SHARE = Decimal(25)  # default expected progress of a flow, per quarter


@dataclass(frozen=True, slots=True)
class Figure:
    """A value at the end of a quarter, where it came from, and what the units noted."""

    value: Decimal
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()
    computed: bool = False


@dataclass(frozen=True, slots=True)
class Assessment:
    completion_pct: Decimal | None
    expected_pct: Decimal | None
    remaining: Decimal | None
    status: Status


def compute(
    plan: Plan,
    results: ResultSet | Iterable[ResultFile],
    period: Period,
    today: date | None = None,
    *,
    by: By = "period",
    problems: ProblemReport | Iterable[Problem] | None = None,
    lang: str | None = None,
) -> Report:
    """How each indicator of ``plan`` stands at ``period``, from ``results``.

    ``problems`` (those of reading the results) are carried into the report as they are;
    ``lang`` chooses the language of the status labels and the ranking rule (default: current).
    """
    lang = lang or get_lang()
    files = results.files if isinstance(results, ResultSet) else list(results)
    files = [f for f in files if f.period.year == period.year]
    last = period.end_quarter
    timelines = _timelines(plan, files, last)
    problem_list: tuple[Problem, ...] = tuple(problems) if problems is not None else ()
    ends = {f.source: f.period.end_quarter for f in files}
    flags = FigureWarnings(plan, timelines, problem_list, ends)

    labels = tuple((s, t_in(lang, f"report.status.{s}")) for s in ALL_STATUSES)
    label_of = dict(labels)
    indicators: list[IndicatorResult] = []
    unit_names: dict[str, tuple[str, str]] = {}
    for ind in plan.indicators:
        if ind.responsible not in unit_names:
            unit_names[ind.responsible] = (
                plan.unit_name(ind.responsible),
                plan.unit_short_name(ind.responsible),
            )
        responsible_name, responsible_short_name = unit_names[ind.responsible]
        timeline = timelines[ind.code]
        quarters = tuple(
            _quarter_result(
                ind, q, timeline, Period(period.year, "quarter", q), flags.of(ind.code, q)
            )
            for q in range(period.start_quarter, last + 1)
        )
        figure = timeline.get(last)
        actual = figure.value if figure else None
        warnings = flags.of(ind.code, last)
        assessment = unless_to_confirm(assess(ind, actual, last), warnings)
        notes = figure.notes if figure else ()
        indicators.append(
            IndicatorResult(
                code=ind.code,
                name=ind.name,
                full_name=ind.full_name,
                path=ind.path,
                tt=ind.tt,
                unit=ind.unit,
                kind=ind.kind,
                direction=ind.direction,
                decimals=ind.decimals,
                derived=bool(figure.computed) if figure else ind.derived,
                formula=ind.formula,
                section=ind.section,
                group=ind.group,
                responsible=ind.responsible,
                responsible_name=responsible_name,
                responsible_short_name=responsible_short_name,
                target=ind.target,
                actual=actual,
                period_value=_period_value(ind, timeline, period),
                completion_pct=assessment.completion_pct,
                expected_pct=assessment.expected_pct,
                remaining=assessment.remaining,
                status=assessment.status,
                status_label=(
                    # A projection (direction none) has a target but is not assessed: say so
                    # rather than "no target"; the status code stays no_target.
                    t_in(lang, "report.status.not_assessed")
                    if assessment.status == "no_target" and ind.direction == "none" and ind.target
                    else label_of[assessment.status]
                ),
                sources=figure.sources if figure else (),
                notes=notes,
                quarters=quarters,
                warnings=warnings,
            )
        )

    used = sorted({s for item in indicators for s in item.sources})
    return Report(
        plan=_plan_info(plan),
        period=_period_info(plan, period, lang),
        as_of=today or date.today(),
        lang=lang,
        by=by,
        rows=_rows(plan),
        indicators=tuple(indicators),
        groups=_groups(plan, indicators),
        units=_units(plan, indicators),
        ranking_rule=t_in(lang, "report.ranking_rule"),
        counts=_counts(indicators),
        status_labels=labels,
        problems=problem_list,
        files=tuple(used),
    )


# --- assessing one value ---------------------------------------------------------------------


def expected_progress(ind: Indicator, quarter: int) -> Decimal | None:
    """How far along (cumulative %) the indicator should be by the end of ``quarter``.

    None when there is nothing to progress towards (no target, or direction none).
    """
    if ind.target is None or ind.direction == "none":
        return None
    if ind.expected_progress and f"q{quarter}" in ind.expected_progress:
        return ind.expected_progress[f"q{quarter}"]
    if ind.kind == "flow":
        return QUARTER_SHARE * quarter
    return HUNDRED


def completion(ind: Indicator, actual: Decimal) -> Decimal | None:
    """Completion in percent, half-up to 2 decimals; None when it has no meaning."""
    target = ind.target
    if target is None or target.is_zero():
        return None
    if ind.direction == "lower":
        if actual.is_zero():
            return None
        return round_half_up(target / actual * HUNDRED, 2)
    return round_half_up(actual / target * HUNDRED, 2)


def assess(ind: Indicator, actual: Decimal | None, quarter: int) -> Assessment:
    """Completion, expected progress, remaining amount and status at the end of ``quarter``.

    * ``no_data``: no figure; ``no_target``: no target, or direction none (a projection such as
      the average population: the percentage is shown, nothing is assessed).
    * Higher is better: ``exceeded`` above the target, ``achieved`` at it; below it
      ``on_track`` when completion ≥ expected progress, else ``behind``.
    * Lower is better, for levels (stocks, rates) and for flows at the year's end: ``exceeded``
      below the target, ``achieved`` at it, above it ``on_track``/``behind`` as above.
    * Lower is better for a flow before the year's end (a ceiling for the year): ``behind`` once
      the year's ceiling is passed, ``on_track`` within the expected share of it, else
      ``behind`` — never achieved before the year is over.
    """
    if actual is None:
        return Assessment(None, None, None, "no_data")
    target = ind.target
    if target is None:
        return Assessment(None, None, None, "no_target")
    pct = completion(ind, actual)
    if ind.direction == "none":
        return Assessment(pct, None, None, "no_target")
    expected = expected_progress(ind, quarter)
    if ind.direction == "higher":
        remaining = max(target - actual, Decimal(0))
        if actual > target:
            status: Status = "exceeded"
        elif actual == target:
            status = "achieved"
        else:
            status = _progress(pct, expected)
        return Assessment(pct, expected, remaining, status)
    remaining = max(actual - target, Decimal(0))
    if ind.kind == "flow" and quarter < 4:
        share = expected if expected is not None else HUNDRED
        if actual > target:
            status = "behind"
        elif actual <= target * share / HUNDRED:
            status = "on_track"
        else:
            status = "behind"
        return Assessment(pct, expected, remaining, status)
    if actual < target:
        status = "exceeded"
    elif actual == target:
        status = "achieved"
    else:
        status = _progress(pct, expected)
    return Assessment(pct, expected, remaining, status)


def _progress(pct: Decimal | None, expected: Decimal | None) -> Status:
    if pct is not None and expected is not None and pct >= expected:
        return "on_track"
    return "behind"


# --- warnings about a figure: carried into the report, and an implausible one not assessed ----

# The problem code of a figure 10 times or more off its target (results/checks.py).
TO_CONFIRM_CODE = "implausible_value"
CONFLICT_CODE = "conflicting_values"


def unless_to_confirm(assessment: Assessment, warnings: tuple[str, ...]) -> Assessment:
    """An implausible figure not yet confirmed is shown but not assessed (nor ranked)."""
    if TO_CONFIRM_CODE in warnings and assessment.status != "no_data":
        return Assessment(None, None, None, "to_confirm")
    return assessment


class FigureWarnings:
    """The codes of the problems found with each figure of the report.

    A reported figure's are those its files have for its indicator (warnings; with
    ``--allow-invalid`` errors too); a computed figure inherits its components'. Two files
    disagreeing (``conflicting_values``) is named in one of them only, yet concerns the figure
    of that quarter whichever file the report takes it from.
    """

    def __init__(
        self,
        plan: Plan,
        timelines: dict[str, Timeline],
        problems: Iterable[Problem],
        ends: dict[str, int] | None = None,
    ):
        self.plan = plan
        self.timelines = timelines
        self.index: dict[tuple[str, str], list[str]] = {}
        self.conflicts: set[tuple[str, int]] = set()  # (indicator, quarter)
        for p in problems:
            if p.file and p.indicator:
                codes = self.index.setdefault((p.file, p.indicator), [])
                if p.code not in codes:
                    codes.append(p.code)
                if p.code == CONFLICT_CODE and ends and p.file in ends:
                    self.conflicts.add((p.indicator, ends[p.file]))
        self.memo: dict[tuple[str, int], tuple[str, ...]] = {}

    def of(self, code: str, quarter: int) -> tuple[str, ...]:
        if not self.index:
            return ()
        key = (code, quarter)
        if key not in self.memo:
            self.memo[key] = self._find(code, quarter)
        return self.memo[key]

    def _find(self, code: str, quarter: int) -> tuple[str, ...]:
        figure = self.timelines.get(code, {}).get(quarter)
        if figure is None:
            return ()
        found: list[str] = []
        if figure.computed:
            formula = self.plan.by_code[code].formula
            parts = sorted(parse(formula).references()) if formula else []
            codes = [c for part in parts for c in self.of(part, quarter)]
        else:
            codes = [c for source in figure.sources for c in self.index.get((source, code), ())]
            if (code, quarter) in self.conflicts:
                codes.append(CONFLICT_CODE)
        for c in codes:
            if c not in found:
                found.append(c)
        return tuple(found)


# --- the figures of each indicator at each quarter's end ---------------------------------------


Timeline = dict[int, Figure]


def _latest_key(item: tuple[ResultFile, ResultValue]) -> tuple[date, datetime, str, str]:
    result, value = item
    return (
        result.reported_on or date.min,
        result.modified or datetime.min,
        result.source,
        str(value.value),
    )


def _figure(items: list[tuple[ResultFile, ResultValue]]) -> Figure | None:
    if not items:
        return None
    result, value = items[0] if len(items) == 1 else max(items, key=_latest_key)
    assert value.value is not None
    return Figure(value.value, (result.source,), (value.note,) if value.note else ())


def _timelines(plan: Plan, files: list[ResultFile], last: int) -> dict[str, Timeline]:
    """Each indicator's figure at the end of quarters 1..``last`` (absent: no figure)."""
    # (code, quarter) → reported values: year-to-date (or levels) and quarters' own values.
    to_date: dict[tuple[str, int], list[tuple[ResultFile, ResultValue]]] = {}
    own: dict[tuple[str, int], list[tuple[ResultFile, ResultValue]]] = {}
    for result in files:
        end = result.period.end_quarter
        if end > last:
            continue
        own_values = result.basis == "period" and result.period.start_quarter > 1
        for item in result.values:
            if item.value is None:
                continue
            ind = plan.indicator(item.code)
            if ind is None:
                continue
            bucket = own if own_values and ind.kind == "flow" else to_date
            bucket.setdefault((item.code, end), []).append((result, item))

    timelines: dict[str, Timeline] = {}
    for ind in plan.indicators:
        timeline: Timeline = {}
        for q in range(1, last + 1):
            figure = _figure(to_date.get((ind.code, q), []))
            if figure is None and ind.kind == "flow":
                part = _figure(own.get((ind.code, q), []))
                before = timeline.get(q - 1)
                if part is not None and before is not None:
                    figure = Figure(
                        before.value + part.value,
                        _merge(before.sources, part.sources),
                        part.notes,
                    )
            if figure is not None:
                timeline[q] = figure
        timelines[ind.code] = timeline
    _derive(plan, timelines, last)
    return timelines


def _derive(plan: Plan, timelines: dict[str, Timeline], last: int) -> None:
    """Fill derived indicators' figures from their components, where not reported."""
    formulas: dict[str, Expr] = {
        ind.code: parse(ind.formula) for ind in plan.indicators if ind.formula
    }
    order, cycle = dependency_order(formulas)
    if cycle:  # plan validation refuses cycles; compute what can be computed
        order = [code for code in formulas if code not in cycle]
    for code in order:
        ind = plan.by_code[code]
        expr = formulas[code]
        refs = sorted(expr.references())
        is_sum = isinstance(expr, BinOp) and expr.is_sum()
        for q in range(1, last + 1):
            if q in timelines[code]:
                continue  # reported: the unit's figure stands
            parts = {r: timelines.get(r, {}).get(q) for r in refs}
            values: dict[str, Decimal | None] = {
                r: (f.value if f else None) for r, f in parts.items()
            }
            if is_sum and any(v is not None for v in values.values()):
                # A part the plan gives no target (forest planted for protection) counts as 0
                # when not reported; a missing part that has a target leaves the total unknown.
                for r, v in values.items():
                    part = plan.indicator(r)
                    if v is None and part is not None and part.target is None:
                        values[r] = Decimal(0)
            result = expr.evaluate(values)
            if result is None:
                continue
            if not is_sum:
                result = round_half_up(result, ind.decimals)
            sources: tuple[str, ...] = ()
            for f in parts.values():
                if f is not None:
                    sources = _merge(sources, f.sources)
            timelines[code][q] = Figure(result, sources, (), computed=True)


def _merge(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(a) | set(b)))


def _period_value(ind: Indicator, timeline: Timeline, period: Period) -> Decimal | None:
    """A flow's own amount over the period (year-to-date at its end minus before its start);
    a stock's or rate's level."""
    end = timeline.get(period.end_quarter)
    if end is None:
        return None
    if ind.kind != "flow" or period.start_quarter == 1:
        return end.value
    before = timeline.get(period.start_quarter - 1)
    return end.value - before.value if before else None


def _quarter_result(
    ind: Indicator, q: int, timeline: Timeline, quarter: Period, warnings: tuple[str, ...] = ()
) -> QuarterResult:
    figure = timeline.get(q)
    actual = figure.value if figure else None
    assessment = unless_to_confirm(assess(ind, actual, q), warnings)
    return QuarterResult(
        period=quarter.id,
        quarter=q,
        actual=actual,
        period_value=_period_value(ind, timeline, quarter),
        completion_pct=assessment.completion_pct,
        expected_pct=assessment.expected_pct,
        status=assessment.status,
        sources=figure.sources if figure else (),
    )


# --- roll-ups ------------------------------------------------------------------------------


def _counts(items: Iterable[IndicatorResult]) -> tuple[tuple[str, int], ...]:
    found = dict.fromkeys(ALL_STATUSES, 0)
    for item in items:
        found[item.status] += 1
    return tuple(found.items())


def is_assessed(item: IndicatorResult) -> bool:
    """Whether an indicator takes part in assessments: it has a target and a direction, and
    its figure is not waiting to be confirmed."""
    return item.target is not None and item.direction != "none" and item.status != "to_confirm"


def _mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return round_half_up(sum(values, Decimal(0)) / len(values), 2)


def _groups(plan: Plan, items: list[IndicatorResult]) -> tuple[GroupSummary, ...]:
    """Sections (top-level rows) and groups (their heading children), in table order."""
    out: list[GroupSummary] = []
    # Members found by one pass over the items (a scan per group was quadratic in the plan).
    by_section: dict[str, list[IndicatorResult]] = {}
    by_group: dict[tuple[str, str], list[IndicatorResult]] = {}
    for item in items:
        by_section.setdefault(item.section, []).append(item)
        by_group.setdefault((item.section, item.group), []).append(item)
    heads: dict[int, list[TableRow]] = {}
    for row in plan.rows:
        if row.depth == 1:
            heads.setdefault(row.row_path[0], []).append(row)
    for section_row in (row for row in plan.rows if row.depth == 0):
        section = section_row.name.rstrip(":").strip()
        members = by_section.get(section, [])
        out.append(_group("section", section, section_row.tt, section, members))
        for row in heads.get(section_row.row_path[0], []):
            name = row.name.rstrip(":").strip()
            members = by_group.get((section, name), [])
            if members and row.indicator is None:
                out.append(_group("group", name, row.tt, section, members))
    return tuple(g for g in out if g.indicators)


def _group(
    level: str, name: str, tt: str | None, section: str, members: list[IndicatorResult]
) -> GroupSummary:
    pcts = [m.completion_pct for m in members if is_assessed(m) and m.completion_pct is not None]
    return GroupSummary(
        level="section" if level == "section" else "group",
        name=name,
        tt=tt,
        section=section,
        indicators=tuple(m.code for m in members),
        counts=_counts(members),
        mean_completion_pct=_mean(pcts),
    )


def capped_completion(item: IndicatorResult) -> Decimal:
    """An indicator's completion for the ranking: at most 100; no data 0; a reached target
    without a percentage (zero target, lower-is-better at 0) 100."""
    if item.completion_pct is not None:
        return min(item.completion_pct, HUNDRED)
    return HUNDRED if item.status in ("exceeded", "achieved") else Decimal(0)


def _units(plan: Plan, items: list[IndicatorResult]) -> tuple[UnitSummary, ...]:
    """The emulation table: units ranked by share good, then by mean capped completion."""
    scored: list[tuple[tuple[Decimal, Decimal], UnitSummary]] = []
    unranked: list[UnitSummary] = []
    by_unit: dict[str, list[IndicatorResult]] = {}
    for item in items:
        by_unit.setdefault(item.responsible, []).append(item)
    for unit in plan.reporting_units:
        mine = by_unit.get(unit.code, [])
        if not mine:
            continue
        assessed = [i for i in mine if is_assessed(i)]
        good = sum(1 for i in assessed if i.status in GOOD_STATUSES)
        share = round_half_up(Decimal(good) / len(assessed) * HUNDRED, 2) if assessed else None
        mean = _mean([capped_completion(i) for i in assessed])
        summary = UnitSummary(
            rank=None,
            code=unit.code,
            name=unit.name,
            short_name=unit.short_name or unit.name,
            indicators=tuple(i.code for i in mine),
            assessed=len(assessed),
            good=good,
            share_pct=share,
            mean_completion_capped_pct=mean,
            counts=_counts(mine),
        )
        if share is None or mean is None:
            unranked.append(summary)
        else:
            scored.append(((share, mean), summary))
    # Stable: ties keep the plan's order of units, and share a rank (1, 2, 2, 4).
    scored.sort(key=lambda pair: (-pair[0][0], -pair[0][1]))
    ranked: list[UnitSummary] = []
    previous: tuple[Decimal, Decimal] | None = None
    rank = 0
    for position, (score, summary) in enumerate(scored, start=1):
        if score != previous:
            rank = position
            previous = score
        ranked.append(_with_rank(summary, rank))
    return tuple(ranked + unranked)


def _with_rank(summary: UnitSummary, rank: int) -> UnitSummary:
    from dataclasses import replace

    return replace(summary, rank=rank)


# --- what the report says about the plan, the period and the table ------------------------------


def _plan_info(plan: Plan) -> PlanInfo:
    meta = plan.plan
    return PlanInfo(
        code=meta.code,
        year=meta.year,
        title=meta.title,
        issuer=meta.issuer,
        parent_body=meta.parent_body,
        commune=meta.commune,
        district=meta.district,
        province=meta.province,
        place=meta.place,
        windows=plan.reporting.windows,
        signer_name=meta.signer.name,
        signer_title=meta.signer.title,
        signer_on_behalf=meta.signer.on_behalf,
        recipients=tuple(meta.recipients),
        implements=tuple(meta.implements),
        document_number=meta.document_number,
        document_date=meta.document_date,
        emulation_contents=tuple((e.label, e.text) for e in plan.emulation_contents),
    )


def _period_info(plan: Plan, period: Period, lang: str) -> PeriodInfo:
    kind = plan.reporting.windows
    window = period.window(kind)
    return PeriodInfo(
        id=period.id,
        key=period.key,
        kind=period.kind,
        year=period.year,
        label=period.label(lang),
        window=kind,
        start=window.start,
        end=window.end - timedelta(days=1),
        end_exclusive=window.end,
        end_quarter=period.end_quarter,
        quarters=tuple(q.id for q in period.quarters),
    )


def _rows(plan: Plan) -> tuple[ReportRow, ...]:
    return tuple(
        ReportRow(
            type="heading" if row.indicator is None else ("ref" if row.is_ref else "indicator"),
            depth=row.depth,
            tt=row.tt,
            name=row.name,
            code=row.indicator,
            row_path=row.row_path,
            breakdown_lead=row.breakdown_lead,
        )
        for row in plan.rows
    )
