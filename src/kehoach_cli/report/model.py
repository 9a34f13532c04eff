"""The completion report as plain data: rows, indicators, roll-ups, the emulation table; to_dict().

``completion.compute`` builds a ``Report``; renderers (terminal, JSON, CSV, Markdown, and later
xlsx/docx/html) are pure functions of it. Everything here is frozen dataclasses of Decimals,
dates and strings; ``to_dict()`` gives the JSON shape of ``kehoach report --format json``
(documented in docs/completion.md). Fields are only ever added, never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal, get_args

from ..numbers import json_number
from ..problems import Problem
from .notes import OfficerNotes

# "to_confirm" stays last: STATUSES below is every status but it.
Status = Literal[
    "exceeded",
    "achieved",
    "on_track",
    "behind",
    "no_data",
    "no_target",
    "not_yet_achieved",
    "not_achieved",
    "not_assessed",
    "year_end_only",
    "target_flagged",
    "not_harvested",
    "to_confirm",
]
# The first six are the original codes, in their original order (JSON ``counts`` keeps it);
# the others were added later (docs/completion.md, "Status").
STATUSES: tuple[Status, ...] = get_args(Status)[:-1]  # all but "to_confirm" (below)
# With the status of a figure 10 times or more off its target, not yet confirmed: shown, not
# assessed, not ranked. Counted and labelled; the renderers' status columns stay STATUSES and
# each such figure gets a note line under the table instead (render/notes.py).
ALL_STATUSES: tuple[Status, ...] = (*STATUSES, "to_confirm")
# Statuses that count as "doing well" in the emulation ranking.
GOOD_STATUSES: frozenset[str] = frozenset({"exceeded", "achieved", "on_track"})
# Statuses of indicators not judged at the period: left out of averages and of the ranking.
NOT_JUDGED: frozenset[str] = frozenset(
    {"no_target", "not_assessed", "year_end_only", "target_flagged", "not_harvested", "to_confirm"}
)
# The order statuses are listed in, in counts and in summary tables.
DISPLAY_ORDER: tuple[Status, ...] = (
    "exceeded",
    "achieved",
    "on_track",
    "behind",
    "not_yet_achieved",
    "not_achieved",
    "year_end_only",
    "not_harvested",
    "no_data",
    "to_confirm",
    "target_flagged",
    "not_assessed",
    "no_target",
)
RowType = Literal["heading", "indicator", "ref"]
GroupLevel = Literal["section", "group"]
By = Literal["period", "quarter"]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _counts_dict(counts: tuple[tuple[str, int], ...]) -> dict[str, int]:
    return dict(counts)


@dataclass(frozen=True, slots=True)
class PlanInfo:
    """What the report says about the plan it measures against."""

    code: str
    year: int
    title: str
    issuer: str
    parent_body: str
    commune: str
    district: str | None
    province: str | None
    place: str
    windows: str  # "cutoff" | "calendar"
    signer_name: str
    signer_title: str
    signer_on_behalf: str
    recipients: tuple[str, ...] = ()
    implements: tuple[str, ...] = ()
    document_number: str | None = None
    document_date: date | None = None
    emulation_contents: tuple[tuple[str, str], ...] = ()  # (label, text) of part II.1

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "year": self.year,
            "title": self.title,
            "issuer": self.issuer,
            "parent_body": self.parent_body,
            "commune": self.commune,
            "district": self.district,
            "province": self.province,
            "place": self.place,
            "windows": self.windows,
            "signer": {
                "name": self.signer_name,
                "title": self.signer_title,
                "on_behalf": self.signer_on_behalf,
            },
            "recipients": list(self.recipients),
            "implements": list(self.implements),
            "document_number": self.document_number,
            "document_date": _iso(self.document_date),
            "emulation_contents": [
                {"label": label, "text": text} for label, text in self.emulation_contents
            ],
        }


@dataclass(frozen=True, slots=True)
class PeriodInfo:
    """The period reported on and its data window.

    ``start`` and ``end`` are the first and the last day inside the window, as people write
    them ("15/03/2024 – 14/06/2024"); ``end_exclusive`` is the half-open end (``end`` + 1 day).
    """

    id: str  # "2024Q2", "2024S1", "2024N9", "2024"
    key: str  # "q2", "h1", "9m", "year"
    kind: str  # "quarter" | "half" | "nine_months" | "year"
    year: int
    label: str  # "Quý II năm 2024"
    window: str  # "cutoff" | "calendar"
    start: date
    end: date
    end_exclusive: date
    end_quarter: int  # the quarter the period ends with: its expected progress is q<n>
    quarters: tuple[str, ...]  # ids of the quarters it is made of

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "kind": self.kind,
            "year": self.year,
            "label": self.label,
            "window": self.window,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "end_exclusive": self.end_exclusive.isoformat(),
            "end_quarter": self.end_quarter,
            "quarters": list(self.quarters),
        }


@dataclass(frozen=True, slots=True)
class QuarterResult:
    """One quarter of an indicator, for ``--by quarter``.

    ``actual`` is what the indicator stood at by the end of the quarter (year-to-date for flows,
    the level for stocks and rates); ``period_value`` is the quarter's own amount for flows
    (year-to-date minus the previous quarter's) and the level for stocks and rates.
    """

    period: str  # "2024Q1"
    quarter: int
    actual: Decimal | None
    period_value: Decimal | None
    completion_pct: Decimal | None
    expected_pct: Decimal | None
    status: Status
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "quarter": self.quarter,
            "actual": json_number(self.actual),
            "period_value": json_number(self.period_value),
            "completion_pct": json_number(self.completion_pct),
            "expected_pct": json_number(self.expected_pct),
            "status": self.status,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """One indicator measured at the period: target, actual, completion, status."""

    code: str
    name: str
    full_name: str  # "Một số cây trồng chủ yếu › Lúa › Sản lượng"
    path: tuple[str, ...]  # the names of its ancestors and itself
    tt: str | None
    unit: str
    kind: str  # flow | stock | rate
    direction: str  # higher | lower | none
    decimals: int
    derived: bool  # computed from its formula (not reported)
    formula: str | None
    section: str
    group: str
    responsible: str
    responsible_name: str
    responsible_short_name: str
    target: Decimal | None
    actual: Decimal | None  # year-to-date for flows, the latest level for stocks and rates
    period_value: Decimal | None  # flows: the period's own amount when known
    completion_pct: Decimal | None  # rounded half-up to 2 decimals; None: no percentage
    expected_pct: Decimal | None
    remaining: Decimal | None  # still to go to reach the target (0 once reached)
    status: Status
    status_label: str
    sources: tuple[str, ...]  # the files the value came from (components' for derived ones)
    notes: tuple[str, ...] = ()  # notes the units wrote next to the value, and engine remarks
    quarters: tuple[QuarterResult, ...] = ()
    baseline: Decimal | None = None  # last year's level (lower-is-better rates), from the plan
    baseline_source: str | None = None
    change: Decimal | None = None  # actual − baseline (percentage points for a rate)
    harvested_area: Decimal | None = None  # a yield's area harvested so far (ha)
    # codes of the problems found with the figure shown (its components' for a computed one)
    warnings: tuple[str, ...] = ()
    # #16: an estimate ("ước thực hiện") or a final figure; the same period of the previous year
    # and the change from it: % for counts and amounts, percentage points for rates (None: unknown)
    estimate: bool = False
    previous_year_actual: Decimal | None = None
    change_pct: Decimal | None = None
    change_points: Decimal | None = None
    # #18: the name a sentence gives it (the plan's report_name, else built from the table)
    report_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "full_name": self.full_name,
            "path": list(self.path),
            "tt": self.tt,
            "unit": self.unit,
            "kind": self.kind,
            "direction": self.direction,
            "decimals": self.decimals,
            "derived": self.derived,
            "formula": self.formula,
            "section": self.section,
            "group": self.group,
            "responsible": self.responsible,
            "responsible_name": self.responsible_name,
            "target": json_number(self.target),
            "actual": json_number(self.actual),
            "period_value": json_number(self.period_value),
            "completion_pct": json_number(self.completion_pct),
            "expected_pct": json_number(self.expected_pct),
            "remaining": json_number(self.remaining),
            "status": self.status,
            "status_label": self.status_label,
            "sources": list(self.sources),
            "notes": list(self.notes),
            "quarters": [q.to_dict() for q in self.quarters],
            "baseline": json_number(self.baseline),
            "baseline_source": self.baseline_source,
            "change": json_number(self.change),
            "harvested_area": json_number(self.harvested_area),
            "warnings": list(self.warnings),
            "estimate": self.estimate,
            "previous_year_actual": json_number(self.previous_year_actual),
            "change_pct": json_number(self.change_pct),
            "change_points": json_number(self.change_points),
            "report_name": self.report_name,
        }


@dataclass(frozen=True, slots=True)
class ReportRow:
    """A row of the table in the signed order: a heading, an indicator, or a second showing."""

    type: RowType
    depth: int
    tt: str | None
    name: str
    code: str | None  # the indicator shown (None for headings)
    row_path: tuple[int, ...]
    breakdown_lead: bool = False  # first component under a "Trong đó:" parent

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "depth": self.depth,
            "tt": self.tt,
            "name": self.name,
            "code": self.code,
            "breakdown_lead": self.breakdown_lead,
        }


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """A section (A, B) or a group inside it (Nông nghiệp, Y tế): counts and mean completion."""

    level: GroupLevel
    name: str
    tt: str | None
    section: str
    indicators: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]  # status → count, every status present
    mean_completion_pct: Decimal | None  # over indicators with a percentage; None if none

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "name": self.name,
            "tt": self.tt,
            "section": self.section,
            "indicators": list(self.indicators),
            "counts": _counts_dict(self.counts),
            "mean_completion_pct": json_number(self.mean_completion_pct),
        }


@dataclass(frozen=True, slots=True)
class UnitSummary:
    """A reporting unit in the emulation table ("Bảng xếp hạng thi đua")."""

    rank: int | None  # None: nothing of the unit's can be assessed
    code: str
    name: str
    short_name: str
    indicators: tuple[str, ...]
    assessed: int  # its own indicators judged at the period (no_data counts; not derived ones)
    good: int  # of those, exceeded, achieved or on track
    share_pct: Decimal | None  # good ÷ assessed × 100, 2 decimals
    mean_completion_capped_pct: Decimal | None  # each capped at 100, no_data as 0
    counts: tuple[tuple[str, int], ...]
    ranked_indicators: tuple[str, ...] = ()  # what the rule scored: its own, judged indicators
    score: Decimal | None = None  # points earned under the plan's scoring rule
    max_score: Decimal | None = None  # the most it could earn on those indicators
    score_pct: Decimal | None = None  # score ÷ max_score × 100, 2 decimals: what ranks
    few_indicators: bool = False  # judged on fewer indicators than the rule's min_indicators

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "code": self.code,
            "name": self.name,
            "short_name": self.short_name,
            "indicators": list(self.indicators),
            "assessed": self.assessed,
            "achieved_or_on_track": self.good,
            "share_pct": json_number(self.share_pct),
            "mean_completion_capped_pct": json_number(self.mean_completion_capped_pct),
            "counts": _counts_dict(self.counts),
            "ranked_indicators": list(self.ranked_indicators),
            "score": json_number(self.score),
            "max_score": json_number(self.max_score),
            "score_pct": json_number(self.score_pct),
            "few_indicators": self.few_indicators,
        }


@dataclass(frozen=True, slots=True)
class Commendation:
    """A unit the year's report proposes for commendation ("đề nghị khen thưởng")."""

    code: str
    name: str
    rank: int
    award: str  # "Giấy khen của Chủ tịch Ủy ban nhân dân xã"
    assessed: int  # the indicators it was ranked on
    reached: int  # of those, exceeded or achieved
    score_pct: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "rank": self.rank,
            "award": self.award,
            "assessed": self.assessed,
            "reached": self.reached,
            "score_pct": json_number(self.score_pct),
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a rendered report shows, computed once."""

    plan: PlanInfo
    period: PeriodInfo
    as_of: date  # the day the report was made (``--today``)
    lang: str
    by: By
    rows: tuple[ReportRow, ...]
    indicators: tuple[IndicatorResult, ...]
    groups: tuple[GroupSummary, ...]
    units: tuple[UnitSummary, ...]
    ranking_rule: str
    counts: tuple[tuple[str, int], ...]
    status_labels: tuple[tuple[str, str], ...]
    problems: tuple[Problem, ...] = ()  # problems of the results files read
    files: tuple[str, ...] = ()  # every results file that gave a value to this report
    notes: tuple[str, ...] = field(default=())
    ranking_min_indicators: int = 3  # the rule marks units judged on fewer indicators
    # The officer's own words (report --notes) and the office's Word template (a path), for the
    # .docx and .html; neither is part of the JSON.
    officer_notes: OfficerNotes | None = None
    docx_template: str | None = None
    # #18: the year's report proposes units for commendation under the plan's rule (stated in
    # commendation_rule); other periods propose none (empty, None).
    commendations: tuple[Commendation, ...] = ()
    commendation_rule: str | None = None

    def indicator(self, code: str) -> IndicatorResult:
        for item in self.indicators:
            if item.code == code:
                return item
        raise KeyError(code)

    @property
    def by_code(self) -> dict[str, IndicatorResult]:
        return {item.code: item for item in self.indicators}

    def count(self, status: str) -> int:
        return dict(self.counts).get(status, 0)

    @property
    def year_end(self) -> bool:
        """Whether the period ends with the year's figures (Q4 or the year): results, not
        progress."""
        return self.period.end_quarter == 4

    @property
    def ranking_withheld(self) -> bool:
        """Units to rank but none ranked: no unit has a figure the rule scores this period."""
        return bool(self.units) and all(unit.rank is None for unit in self.units)

    def statuses_present(self) -> tuple[Status, ...]:
        """The statuses some indicator has, in display order: the columns of summary tables."""
        counts = dict(self.counts)
        return tuple(s for s in DISPLAY_ORDER if counts.get(s, 0))

    def label(self, status: str) -> str:
        return dict(self.status_labels).get(status, status)

    def to_dict(self) -> dict[str, Any]:
        errors = sum(1 for p in self.problems if p.severity == "error")
        warnings = sum(1 for p in self.problems if p.severity == "warning")
        return {
            "plan": self.plan.to_dict(),
            "period": self.period.to_dict(),
            "as_of": self.as_of.isoformat(),
            "lang": self.lang,
            "by": self.by,
            "indicators": [item.to_dict() for item in self.indicators],
            "rows": [row.to_dict() for row in self.rows],
            "groups": [group.to_dict() for group in self.groups],
            "units": [unit.to_dict() for unit in self.units],
            "ranking_rule": self.ranking_rule,
            "ranking_min_indicators": self.ranking_min_indicators,
            "ranking_withheld": self.ranking_withheld,
            "counts": _counts_dict(self.counts),
            "status_labels": dict(self.status_labels),
            "files": list(self.files),
            "notes": list(self.notes),
            "commendations": [item.to_dict() for item in self.commendations],
            "commendation_rule": self.commendation_rule,
            "problems": {
                "valid": errors == 0,
                "errors": errors,
                "warnings": warnings,
                "problems": [p.to_dict() for p in self.problems],
            },
        }
