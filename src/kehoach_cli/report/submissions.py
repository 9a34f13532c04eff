"""Who has sent what for a period: submissions, timeliness and the reporting rate; pure.

The rules, as the status command documents them:

* **Expected units** are the reporting units responsible for at least one indicator that is
  reported rather than computed (a unit responsible only for derived totals sends nothing).
* **A unit's files for a period** are its results files for the same year whose period ends with
  the same quarter: the Q2 report and the 6-month report are one submission (same cutoff, same
  deadline), so either file counts for ``q2`` and for ``h1``.
* **The date of a file** is the date it states (who reported, when); without one, the time
  ``kehoach receive`` received it when the journal knows it, else the file's own time — unless
  that is after ``today``, as in a fresh clone or a ``--today`` run in the past, where it says
  nothing about when the report arrived.
* **A unit's date** is that of its earliest file. On time: on or before the deadline
  (``schedule.deadline``); late: after it; undated: no file has a usable date; missing: no file.
* **Received, no figures**: every file of the unit is a form with no figure entered (a blank
  form sent back). Such a unit has not reported: it is not counted in the reporting rate and
  ``--fail-on-missing`` exits 3 for it, as for a missing one.
* **Valid** means no error problem names the file. Invalid files count as received (they came);
  the officer sees them flagged and asks for a corrected one.
* **Reporting rate** as DHIS2 shows it: received ÷ expected and on time ÷ expected, in percent,
  None (shown blank) when no unit is expected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from ..numbers import json_number, round_half_up
from ..periods import Period
from ..plan.model import Plan
from ..problems import Problem
from ..results.model import WHOLE_COMMUNE, ResultFile, ResultSet
from .schedule import WorkingCalendar, holidays_of, working_days_late
from .schedule import deadline as deadline_of

UnitState = Literal["on_time", "late", "undated", "missing", "no_figures"]
DateBasis = Literal["stated", "received", "file_time"]


@dataclass(frozen=True)
class FileStatus:
    """One results file of the period: what it states, when it came, whether it is valid."""

    source: str
    period: str
    reporter: str | None
    reported_on: date | None
    modified: datetime | None
    submitted_on: date | None  # the date used for timeliness
    date_basis: DateBasis | None
    errors: int
    warnings: int
    figures: int = 0  # how many figures were entered (typed wrong included)
    blank: bool = False  # a form with rows for figures and none entered
    received_at: datetime | None = None  # from the journal of ``kehoach receive``

    @property
    def valid(self) -> bool:
        return self.errors == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "period": self.period,
            "reporter": self.reporter,
            "reported_on": _iso(self.reported_on),
            "modified": self.modified.isoformat(timespec="seconds") if self.modified else None,
            "submitted_on": _iso(self.submitted_on),
            "date_basis": self.date_basis,
            "valid": self.valid,
            "errors": self.errors,
            "warnings": self.warnings,
            "figures": self.figures,
            "blank": self.blank,
            "received_at": self.received_at.isoformat(timespec="seconds")
            if self.received_at
            else None,
        }


@dataclass(frozen=True)
class UnitStatus:
    """A reporting unit's submission for the period."""

    code: str
    name: str
    short_name: str
    expected: bool
    state: UnitState
    files: tuple[FileStatus, ...]
    submitted_on: date | None
    working_days_late: int | None  # only when late
    indicators: tuple[str, ...]  # the reported (non-derived) indicators it is responsible for
    indicators_without_data: tuple[str, ...]

    @property
    def received(self) -> bool:
        return bool(self.files)

    @property
    def valid(self) -> bool | None:
        """None when nothing was received; else whether every file is valid."""
        return all(f.valid for f in self.files) if self.files else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "short_name": self.short_name,
            "expected": self.expected,
            "state": self.state,
            "received": self.received,
            "valid": self.valid,
            "submitted_on": _iso(self.submitted_on),
            "working_days_late": self.working_days_late,
            "files": [f.to_dict() for f in self.files],
            "indicators": list(self.indicators),
            "indicators_without_data": list(self.indicators_without_data),
        }


@dataclass(frozen=True)
class IndicatorGap:
    """A reported indicator with no usable value yet for the period."""

    code: str
    name: str
    unit: str
    responsible: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "unit": self.unit,
            "responsible": self.responsible,
        }


@dataclass(frozen=True)
class StatusReport:
    """The submission status of one period, as plain data; ``to_dict()`` is the JSON."""

    plan_code: str
    issuer: str
    period: Period
    window_kind: str
    window_start: date
    window_end: date  # the last day inside the window
    deadline: date
    deadline_working_days: int
    today: date
    units: tuple[UnitStatus, ...]
    indicators_without_data: tuple[IndicatorGap, ...]
    unassigned_files: tuple[str, ...]  # files with errors that could not be read as any unit's

    @property
    def expected_units(self) -> tuple[UnitStatus, ...]:
        return tuple(u for u in self.units if u.expected)

    def _count(self, *states: UnitState) -> int:
        return sum(1 for u in self.expected_units if u.state in states)

    @property
    def expected(self) -> int:
        return len(self.expected_units)

    @property
    def received(self) -> int:
        return self._count("on_time", "late", "undated")

    @property
    def on_time(self) -> int:
        return self._count("on_time")

    @property
    def late(self) -> int:
        return self._count("late")

    @property
    def undated(self) -> int:
        return self._count("undated")

    @property
    def missing(self) -> int:
        return self._count("missing")

    @property
    def no_figures(self) -> int:
        """Units that sent only blank forms: received, not counted as reported."""
        return self._count("no_figures")

    @property
    def invalid(self) -> int:
        return sum(1 for u in self.units if u.valid is False)

    @property
    def reporting_rate(self) -> Decimal | None:
        return _percent(self.received, self.expected)

    @property
    def on_time_rate(self) -> Decimal | None:
        return _percent(self.on_time, self.expected)

    @property
    def deadline_passed(self) -> bool:
        return self.today > self.deadline

    @property
    def incomplete(self) -> bool:
        """An expected unit is missing, late or sent a blank form: what ``--fail-on-missing``
        exits 3 for."""
        return self.missing > 0 or self.late > 0 or self.no_figures > 0

    @property
    def needs_attention(self) -> tuple[UnitStatus, ...]:
        """Units the officer has to chase: missing, late, undated or with an invalid file."""
        return tuple(
            u for u in self.units if (u.expected and u.state != "on_time") or u.valid is False
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan": {"code": self.plan_code, "issuer": self.issuer},
            "period": {
                "id": self.period.id,
                "kind": self.period.kind,
                "windows": self.window_kind,
                "start": self.window_start.isoformat(),
                "end": self.window_end.isoformat(),
            },
            "deadline": self.deadline.isoformat(),
            "deadline_working_days": self.deadline_working_days,
            "today": self.today.isoformat(),
            "deadline_passed": self.deadline_passed,
            "units": [u.to_dict() for u in self.units],
            "indicators_without_data": [g.to_dict() for g in self.indicators_without_data],
            "unassigned_files": list(self.unassigned_files),
            "summary": {
                "expected": self.expected,
                "received": self.received,
                "on_time": self.on_time,
                "late": self.late,
                "undated": self.undated,
                "missing": self.missing,
                "no_figures": self.no_figures,
                "invalid": self.invalid,
                "reporting_rate": json_number(self.reporting_rate),
                "on_time_rate": json_number(self.on_time_rate),
            },
            "incomplete": self.incomplete,
        }


def covers(file_period: Period, period: Period) -> bool:
    """Whether a file for ``file_period`` is a submission for ``period`` (same year, same end).

    >>> q2, h1, q1 = Period(2024, "quarter", 2), Period(2024, "half"), Period(2024, "quarter", 1)
    >>> covers(q2, h1), covers(h1, q2), covers(q1, h1), covers(Period(2023, "quarter", 2), q2)
    (True, True, False, False)
    """
    return file_period.year == period.year and file_period.end_quarter == period.end_quarter


@dataclass
class _ProblemTally:
    """The problems of the files read, counted per file; the figures and files they spoil."""

    errors: dict[str, int] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)
    bad_values: set[tuple[str, str]] = field(default_factory=set)  # (file, indicator)
    bad_files: set[str] = field(default_factory=set)  # an error not tied to one indicator

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> _ProblemTally:
        tally = cls()
        for p in problems:
            if p.file is None:
                continue
            if p.severity != "error":
                tally.warnings[p.file] = tally.warnings.get(p.file, 0) + 1
                continue
            tally.errors[p.file] = tally.errors.get(p.file, 0) + 1
            if p.indicator:
                tally.bad_values.add((p.file, p.indicator))
            else:
                tally.bad_files.add(p.file)
        return tally


def submission_status(
    plan: Plan,
    results: ResultSet,
    problems: Iterable[Problem],
    period: Period,
    today: date,
    received: Mapping[str, datetime] | None = None,
) -> StatusReport:
    """The status of every reporting unit for ``period`` as of ``today``; ``received`` maps a
    file's source to when ``kehoach receive`` received it (local time)."""
    problem_list = list(problems)
    due = deadline_of(period, plan.reporting)
    holidays = holidays_of(plan.reporting)
    window = period.window(plan.reporting.windows)

    files = sorted(
        (f for f in results.files if covers(f.period, period)),
        key=lambda f: (f.unit, f.source),
    )
    by_unit: dict[str, list[ResultFile]] = {}
    for f in files:
        by_unit.setdefault(f.unit, []).append(f)

    tally = _ProblemTally.of(problem_list)
    errors_by_file, warnings_by_file = tally.errors, tally.warnings
    bad_values, bad_files = tally.bad_values, tally.bad_files

    reported = [ind for ind in plan.indicators if not ind.derived]
    with_data = {
        value.code
        for f in files
        if f.source not in bad_files
        for value in f.values
        if value.value is not None and (f.source, value.code) not in bad_values
    }

    expected_codes = {ind.responsible for ind in reported}
    known = [u.code for u in plan.reporting_units]
    order = [c for c in known if c in expected_codes or c in by_unit]
    order += sorted(c for c in expected_codes | set(by_unit) if c not in known)

    units: list[UnitStatus] = []
    for code in order:
        own = tuple(ind.code for ind in reported if ind.responsible == code)
        statuses = tuple(
            _file_status(f, today, errors_by_file, warnings_by_file, bad_values, received or {})
            for f in by_unit.get(code, [])
        )
        units.append(
            _unit_status(
                plan, code, code in expected_codes, statuses, own, with_data, due, holidays
            )
        )

    read_sources = {f.source for f in results.files}
    unassigned = tuple(sorted(f for f in errors_by_file if f not in read_sources))
    gaps = tuple(
        IndicatorGap(ind.code, ind.full_name, ind.unit, ind.responsible)
        for ind in reported
        if ind.code not in with_data
    )
    return StatusReport(
        plan_code=plan.plan.code,
        issuer=plan.plan.issuer,
        period=period,
        window_kind=plan.reporting.windows,
        window_start=window.start,
        window_end=window.last_day,
        deadline=due,
        deadline_working_days=plan.reporting.deadline_working_days,
        today=today,
        units=tuple(units),
        indicators_without_data=gaps,
        unassigned_files=unassigned,
    )


def _file_status(
    f: ResultFile,
    today: date,
    errors: dict[str, int],
    warnings: dict[str, int],
    bad_values: set[tuple[str, str]],
    received: Mapping[str, datetime],
) -> FileStatus:
    # A figure typed wrong was entered all the same: that file is invalid, not blank.
    figures = len(
        {v.code for v in f.values if v.value is not None}
        | {code for source, code in bad_values if source == f.source}
    )
    submitted: date | None = None
    basis: DateBasis | None = None
    received_at = received.get(f.source)
    if f.reported_on is not None:
        submitted, basis = f.reported_on, "stated"
    elif received_at is not None and received_at.date() <= today:
        submitted, basis = received_at.date(), "received"
    elif f.modified is not None and f.modified.date() <= today:
        submitted, basis = f.modified.date(), "file_time"
    return FileStatus(
        source=f.source,
        period=f.period.id,
        reporter=f.reporter,
        reported_on=f.reported_on,
        modified=f.modified,
        submitted_on=submitted,
        date_basis=basis,
        errors=errors.get(f.source, 0),
        warnings=warnings.get(f.source, 0),
        figures=figures,
        blank=bool(f.values) and figures == 0,
        received_at=received_at,
    )


def _unit_status(
    plan: Plan,
    code: str,
    expected: bool,
    files: tuple[FileStatus, ...],
    indicators: tuple[str, ...],
    with_data: set[str],
    due: date,
    holidays: WorkingCalendar,
) -> UnitStatus:
    dates = [f.submitted_on for f in files if f.submitted_on is not None]
    submitted = min(dates) if dates else None
    late_by: int | None = None
    state: UnitState
    if not files:
        state = "missing"
    elif all(f.blank for f in files):
        state = "no_figures"
    elif submitted is None:
        state = "undated"
    elif submitted <= due:
        state = "on_time"
    else:
        state = "late"
        late_by = working_days_late(due, submitted, holidays)
    name, short_name = plan.unit_name(code), plan.unit_short_name(code)
    if code == WHOLE_COMMUNE:  # a form filled for the whole commune: listed, never expected
        from ..messages import t

        name = short_name = t("status.whole_commune")
    return UnitStatus(
        code=code,
        name=name,
        short_name=short_name,
        expected=expected,
        state=state,
        files=files,
        submitted_on=submitted,
        working_days_late=late_by,
        indicators=indicators,
        indicators_without_data=tuple(c for c in indicators if c not in with_data),
    )


def _percent(part: int, whole: int) -> Decimal | None:
    """``part / whole`` in percent, two decimals half-up; None when ``whole`` is 0.

    >>> _percent(4, 6), _percent(0, 0)
    (Decimal('66.67'), None)
    """
    if whole == 0:
        return None
    return round_half_up(Decimal(part) * 100 / Decimal(whole), 2)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
