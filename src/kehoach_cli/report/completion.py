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
* **Expected progress** of a flow at the period's last quarter q: the plan's profile when it
  gives one, a total's from its components' (``plan.profiles``); otherwise 25·q %. Stocks and
  rates are levels: no expected progress.
* **Status**: see ``assess``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from ..messages import get_lang, t_in
from ..numbers import format_number, round_half_up
from ..periods import Period
from ..plan.checks import is_impossible_target
from ..plan.formulas import BinOp, Expr, dependency_order, parse
from ..plan.model import (
    DEFAULT_RANKING,
    Indicator,
    Plan,
    RankingRule,
    ReportingUnit,
    TableRow,
)
from ..plan.profiles import Profile, expected_profiles
from ..problems import Problem, ProblemReport
from ..results.model import ResultFile, ResultSet, ResultValue
from .commendations import propose
from .comparison import with_previous_year
from .model import (
    ALL_STATUSES,
    GOOD_STATUSES,
    NOT_JUDGED,
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
    estimate: bool = False  # an estimate ("ước"), or computed from one


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
    previous: Report | None = None,
) -> Report:
    """How each indicator of ``plan`` stands at ``period``, from ``results``.

    ``problems`` (those of reading the results) are carried into the report as they are;
    ``lang`` chooses the language of the status labels and the ranking rule (default: current);
    ``previous`` is the previous year's report for the same kind of period (its plan, its
    results), to compare each indicator with ("so với cùng kỳ", ``report/comparison.py``).
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
    flagged = flagged_targets(plan)
    context = _Context(
        plan, period, lang, timelines, flags, flagged, expected_profiles(plan), dict(labels)
    )
    indicators = [_indicator_result(context, ind) for ind in plan.indicators]
    indicators = with_previous_year(indicators, _same_period(previous, period), last >= 4)

    used = sorted({s for item in indicators for s in item.sources})
    period_info = _period_info(plan, period, lang)
    units = _units(plan, indicators)
    commendations, commendation_rule = propose(plan, period_info, units, indicators, lang)
    return Report(
        plan=_plan_info(plan),
        period=period_info,
        as_of=today or date.today(),
        lang=lang,
        by=by,
        rows=_rows(plan),
        indicators=tuple(indicators),
        groups=_groups(plan, indicators),
        units=units,
        ranking_rule=ranking_rule_text(plan, lang, last >= 4),
        ranking_min_indicators=(plan.ranking or DEFAULT_RANKING).min_indicators,
        counts=_counts(indicators),
        status_labels=labels,
        problems=problem_list,
        files=tuple(used),
        notes=_flag_notes(plan, flagged, lang),
        commendations=commendations,
        commendation_rule=commendation_rule,
    )


def _same_period(previous: Report | None, period: Period) -> Report | None:
    """``previous`` when it is the same kind of period of an earlier year (else a caller's
    mistake: comparing Q2 with last year's Q3 is not "the same period")."""
    if previous is None:
        return None
    if previous.period.kind != period.kind or previous.period.end_quarter != period.end_quarter:
        raise ValueError(f"previous: {previous.period.id} is not the same period as {period.id}")
    return previous


@dataclass(frozen=True)
class _Context:
    """What every indicator's result is computed from."""

    plan: Plan
    period: Period
    lang: str
    timelines: dict[str, Timeline]
    flags: FigureWarnings
    flagged: set[str]
    profiles: dict[str, dict[int, Decimal]]
    label_of: dict[str, str]

    def quarter_results(self, ind: Indicator) -> tuple[QuarterResult, ...]:
        period, timeline = self.period, self.timelines[ind.code]
        return tuple(
            _quarter_result(
                ind,
                q,
                timeline,
                Period(period.year, "quarter", q),
                ind.code in self.flagged,
                self.profiles.get(ind.code),
                _harvested_area(self.plan, ind, self.timelines, q),
                self.flags.of(ind.code, q),
            )
            for q in range(period.start_quarter, period.end_quarter + 1)
        )


def _indicator_result(context: _Context, ind: Indicator) -> IndicatorResult:
    """One indicator at the period's last quarter: its figure, assessment and notes."""
    plan, lang, last = context.plan, context.lang, context.period.end_quarter
    timeline = context.timelines[ind.code]
    figure = timeline.get(last)
    actual = figure.value if figure else None
    area = _harvested_area(plan, ind, context.timelines, last)
    warnings = context.flags.of(ind.code, last)
    assessment = unless_to_confirm(
        assess(
            ind,
            actual,
            last,
            flagged=ind.code in context.flagged,
            profile=context.profiles.get(ind.code),
            harvested=area is None or not area.is_zero(),
        ),
        warnings,
    )
    notes = figure.notes if figure else ()
    if area is not None and actual is not None and not area.is_zero():
        shown = format_number(area, None, lang=lang)
        notes = (*notes, t_in(lang, "report.note.harvested", area=shown))
    baseline = ind.baseline
    return IndicatorResult(
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
        responsible_name=plan.unit_name(ind.responsible),
        responsible_short_name=plan.unit_short_name(ind.responsible),
        target=ind.target,
        actual=actual,
        period_value=_period_value(ind, timeline, context.period),
        completion_pct=assessment.completion_pct,
        expected_pct=assessment.expected_pct,
        remaining=assessment.remaining,
        status=assessment.status,
        status_label=context.label_of[assessment.status],
        baseline=baseline.value if baseline else None,
        baseline_source=baseline.source if baseline else None,
        change=actual - baseline.value if baseline and actual is not None else None,
        harvested_area=area,
        sources=figure.sources if figure else (),
        notes=notes,
        quarters=context.quarter_results(ind),
        warnings=warnings,
        estimate=figure.estimate if figure else False,
        report_name=ind.report_name,
    )


def _harvested_area(
    plan: Plan, ind: Indicator, timelines: dict[str, Timeline], quarter: int
) -> Decimal | None:
    """The area harvested by the end of ``quarter`` for a yield (None: not a yield with a
    harvested area, or no figure)."""
    code = plan.harvested_area_of.get(ind.code)
    if code is None:
        return None
    figure = timelines.get(code, {}).get(quarter)
    return figure.value if figure else None


def flagged_targets(plan: Plan) -> set[str]:
    """Indicators whose target the plan check flags as impossible: not assessed until fixed."""
    return {
        ind.code
        for ind in plan.indicators
        if ind.target is not None and is_impossible_target(ind.unit, ind.target)
    }


def _flag_notes(plan: Plan, flagged: set[str], lang: str) -> tuple[str, ...]:
    notes = []
    for ind in plan.indicators:
        if ind.code in flagged:
            assert ind.target is not None
            target = format_number(ind.target, ind.decimals, lang=lang)
            notes.append(
                t_in(lang, "report.note.target_flagged", name=ind.full_name, target=target)
            )
    return tuple(notes)


# --- assessing one value ---------------------------------------------------------------------


def expected_progress(
    ind: Indicator, quarter: int, profile: Profile | None = None
) -> Decimal | None:
    """How far along (cumulative %) the indicator should be by the end of ``quarter``.

    None when there is nothing to progress towards (no target, or direction none).
    ``profile`` is the one ``plan.profiles.expected_profiles`` works out (a total's follows
    from its components'); without it, the indicator's own.
    """
    if ind.target is None or ind.direction == "none":
        return None
    if profile is not None:
        return profile[quarter]
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
        if ind.baseline is not None:
            # The reduction achieved over the reduction planned, both from last year's level.
            planned = ind.baseline.value - target
            if planned <= 0:
                return None
            return round_half_up((ind.baseline.value - actual) / planned * HUNDRED, 2)
        if actual.is_zero():
            return None
        return round_half_up(target / actual * HUNDRED, 2)
    return round_half_up(actual / target * HUNDRED, 2)


def assess(
    ind: Indicator,
    actual: Decimal | None,
    quarter: int,
    *,
    flagged: bool = False,
    profile: Profile | None = None,
    harvested: bool = True,
) -> Assessment:
    """Completion, expected progress, remaining amount and status at the end of ``quarter``.

    * ``target_flagged``: the plan check finds the target impossible (a share above 100 %);
      ``not_harvested``: a yield whose harvested area is reported as 0;
      ``no_data``: no figure; ``no_target``: no target; ``not_assessed``: a projection
      (direction none: the percentage is shown, nothing is assessed); ``year_end_only``: an
      indicator of the annual review before Q4 (the figure is shown, not judged).
    * Past the target (above it for higher is better, below it for lower): ``exceeded``; at
      it: ``achieved``.
    * Short of it, a flow (higher is better) before Q4 is progress: ``on_track`` when completion
      ≥ expected progress, else ``behind``. A level (stock, rate) is not progress:
      ``not_yet_achieved`` before Q4. At Q4 (the year's figures) anything short of the target is
      ``not_achieved``: never "behind" at the year's end.
    * Lower is better for a flow before Q4 (a ceiling for the year): ``behind`` once the year's
      ceiling is passed, ``on_track`` within the expected share of it, else ``behind``.
    """
    target = ind.target
    if flagged and target is not None and ind.direction != "none":
        return Assessment(None, None, None, "target_flagged")
    if not harvested and target is not None and ind.direction != "none":
        return Assessment(None, None, None, "not_harvested")
    if actual is None:
        return Assessment(None, None, None, "no_data")
    if target is None:
        return Assessment(None, None, None, "no_target")
    pct = completion(ind, actual)
    if ind.direction == "none":
        return Assessment(pct, None, None, "not_assessed")
    year_end = quarter >= 4
    if ind.year_end_only and not year_end:
        return Assessment(None, None, None, "year_end_only")
    is_flow = ind.kind == "flow"
    expected = expected_progress(ind, quarter, profile) if is_flow else None
    short: Status = "not_achieved" if year_end else "not_yet_achieved"
    if ind.direction == "higher":
        remaining = max(target - actual, Decimal(0))
        if actual > target:
            status: Status = "exceeded"
        elif actual == target:
            status = "achieved"
        else:
            status = _progress(pct, expected) if is_flow and not year_end else short
        return Assessment(pct, expected, remaining, status)
    remaining = max(actual - target, Decimal(0))
    if is_flow and not year_end:
        share = expected if expected is not None else HUNDRED
        within = actual <= target and actual <= target * share / HUNDRED
        return Assessment(pct, expected, remaining, "on_track" if within else "behind")
    if actual < target:
        status = "exceeded"
    elif actual == target:
        status = "achieved"
    else:
        status = short
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
    notes = (value.note,) if value.note else ()
    return Figure(value.value, (result.source,), notes, estimate=value.estimate)


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
    for ind in [*plan.indicators, *plan.supporting]:
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
                        estimate=before.estimate or part.estimate,
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
            estimate = any(f.estimate for f in parts.values() if f is not None)
            timelines[code][q] = Figure(result, sources, (), computed=True, estimate=estimate)


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
    ind: Indicator,
    q: int,
    timeline: Timeline,
    quarter: Period,
    flagged: bool,
    profile: Profile | None,
    area: Decimal | None,
    warnings: tuple[str, ...] = (),
) -> QuarterResult:
    figure = timeline.get(q)
    actual = figure.value if figure else None
    harvested = area is None or not area.is_zero()
    assessment = unless_to_confirm(
        assess(ind, actual, q, flagged=flagged, profile=profile, harvested=harvested), warnings
    )
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
    """Whether an indicator is judged at the period: it has a target and a direction, the
    target is not flagged, its figure is not waiting to be confirmed, and it is not waiting for
    the year's end or a harvest."""
    return item.target is not None and item.direction != "none" and item.status not in NOT_JUDGED


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
    """The emulation table: units ranked by the plan's scoring rule (``ranking``, else
    ``DEFAULT_RANKING``), ties by mean capped completion.

    Only indicators a unit reports itself count: not the totals and ratios computed by formula
    (grain, yields, pupils of general education), each indicator once however often the table
    shows it, and only those judged at the period (``is_assessed``).
    """
    rule = plan.ranking or DEFAULT_RANKING
    scored: list[tuple[tuple[Decimal, Decimal], UnitSummary]] = []
    unranked: list[UnitSummary] = []
    by_unit: dict[str, list[IndicatorResult]] = {}
    for item in items:
        by_unit.setdefault(item.responsible, []).append(item)
    for unit in plan.reporting_units:
        mine = by_unit.get(unit.code, [])
        if not mine:
            continue
        own = [i for i in mine if i.formula is None and is_assessed(i)]
        summary = _unit_summary(unit, mine, own, rule)
        if summary.score_pct is None or summary.mean_completion_capped_pct is None:
            unranked.append(summary)
        else:
            key = (summary.score_pct, summary.mean_completion_capped_pct)
            scored.append((key, summary))
    if not any(i.status != "no_data" for _, done in scored for i in _scored_items(done, items)):
        # No unit has a figure the rule scores: every unit would tie first on 0 points, which
        # no one should sign. No ranks; the renderers say why (Report.ranking_withheld).
        return tuple(summary for _, summary in scored) + tuple(unranked)
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


def _scored_items(unit: UnitSummary, items: list[IndicatorResult]) -> list[IndicatorResult]:
    codes = set(unit.ranked_indicators)
    return [i for i in items if i.code in codes]


def _unit_summary(
    unit: ReportingUnit,
    mine: list[IndicatorResult],
    own: list[IndicatorResult],
    rule: RankingRule,
) -> UnitSummary:
    good = sum(1 for i in own if i.status in GOOD_STATUSES)
    share = round_half_up(Decimal(good) / len(own) * HUNDRED, 2) if own else None
    points: dict[str, Decimal] = {str(k): v for k, v in rule.points.items()}
    best = max(points.values(), default=Decimal(0))
    score = Decimal(0)
    most = Decimal(0)
    for item in own:
        weight = rule.weights.get(item.code, Decimal(1))
        score += points.get(item.status, Decimal(0)) * weight
        most += best * weight
    return UnitSummary(
        rank=None,
        code=unit.code,
        name=unit.name,
        short_name=unit.short_name or unit.name,
        indicators=tuple(i.code for i in mine),
        assessed=len(own),
        good=good,
        share_pct=share,
        mean_completion_capped_pct=_mean([capped_completion(i) for i in own]),
        counts=_counts(mine),
        ranked_indicators=tuple(i.code for i in own),
        score=score if own else None,
        max_score=most if own else None,
        score_pct=round_half_up(score / most * HUNDRED, 2) if most > 0 else None,
        few_indicators=len(own) < rule.min_indicators,
    )


YEAR_END_SCORED: tuple[str, ...] = ("exceeded", "achieved", "not_achieved", "no_data")
MID_YEAR_SCORED: tuple[str, ...] = (
    "exceeded",
    "achieved",
    "on_track",
    "behind",
    "not_yet_achieved",
    "no_data",
)


def ranking_rule_text(plan: Plan, lang: str, year_end: bool = False) -> str:
    """The rule that ranked the units, as every report states it (the points of the statuses
    the period can give: at the year's end no "on track" or "behind")."""
    rule = plan.ranking or DEFAULT_RANKING
    name = rule.name or t_in(lang, "report.ranking.default_name")
    given: dict[str, Decimal] = {str(k): v for k, v in rule.points.items()}
    points = ", ".join(
        t_in(
            lang,
            "report.ranking.points_item",
            status=t_in(lang, f"report.status.{status}").lower(),
            points=format_number(given.get(status, Decimal(0)), None, lang=lang),
        )
        for status in (YEAR_END_SCORED if year_end else MID_YEAR_SCORED)
    )
    weights = "; ".join(
        t_in(
            lang,
            "report.ranking.weight_item",
            name=plan.by_code[code].full_name if code in plan.by_code else code,
            weight=format_number(weight, None, lang=lang),
        )
        for code, weight in rule.weights.items()
    )
    text = t_in(
        lang, "report.ranking_rule_text", name=name, points=points, least=rule.min_indicators
    )
    if weights:
        text += " " + t_in(lang, "report.ranking.weights", weights=weights)
    return text


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
