"""When things are due: submission deadlines, the period a command means, and output file names.

A unit's report for a period is due ``deadline_working_days`` working days after the last day of
the period's data window. Working days are Monday to Friday less Vietnam's public holidays (Tết
Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh and their substitute days,
from the maintained ``holidays`` package: the lunar dates and the yearly swaps are its job) and
the plan's ``reporting.holidays``, plus the weekend days worked in a swap (the package's and the
plan's ``reporting.working_days``). With the sample plan (cutoff windows, 2 working days), Q3
2024 closes on Saturday 14/9 and is due on Tuesday 17/9; with calendar windows the year closes
on Tuesday 31/12 and, 1/1 being Tết Dương lịch, is due on Friday 3/1/2025:

>>> from kehoach_cli.periods import Period
>>> from kehoach_cli.plan.model import Reporting
>>> deadline(Period(2024, "quarter", 3), Reporting())
datetime.date(2024, 9, 17)
>>> deadline(Period(2024, "year"), Reporting(windows="calendar"))
datetime.date(2025, 1, 3)
>>> output_name(Period(2024, "quarter", 2), "xlsx"), output_name(Period(2024, "half"), "markdown")
('2024Q2-tong-hop.xlsx', '2024S1-tong-hop.md')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import UsageError
from ..messages import get_lang, t
from ..periods import Period, PeriodError, parse_period
from ..plan.model import Plan, Reporting

# Report formats → file extensions; a format not listed here is refused.
OUTPUT_EXTENSIONS = {
    "xlsx": "xlsx",
    "docx": "docx",
    "csv": "csv",
    "json": "json",
    "markdown": "md",
    "md": "md",
    "table": "txt",
    "txt": "txt",
    "html": "html",
    "htm": "html",
}
OUTPUT_STEM = "tong-hop"  # "tổng hợp", the summary


@functools.lru_cache(maxsize=16)
def public_holidays(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Vietnam's public holidays of ``year`` and the weekend days worked in exchange, as the
    ``holidays`` package knows them (imported here: it costs start-up time).

    >>> days_off, worked = public_holidays(2024)
    >>> sorted(d.isoformat() for d in days_off if d.month in (4, 5))
    ['2024-04-18', '2024-04-29', '2024-04-30', '2024-05-01']
    """
    import holidays

    calendar = holidays.country_holidays("VN", years=year)
    days_off = frozenset(calendar)
    # Public since the package's weekday-swap support; absent from older releases.
    worked = frozenset(d for d in getattr(calendar, "weekend_workdays", ()) if d.year == year)
    return days_off, worked


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days count for deadlines (see the module's docstring)."""

    holidays: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()
    public_holidays: bool = True

    def is_working_day(self, day: date) -> bool:
        """
        >>> calendar = WorkingCalendar()
        >>> [calendar.is_working_day(date(2024, 4, d)) for d in (26, 27, 29)]  # Fri, Sat, swap
        [True, False, False]
        >>> calendar.is_working_day(date(2024, 5, 4))  # Saturday worked for 29/4
        True
        """
        if day in self.holidays:
            return False
        if day in self.working_days:
            return True
        if self.public_holidays:
            days_off, worked = public_holidays(day.year)
            if day in days_off:
                return False
            if day in worked:
                return True
        return day.weekday() < 5

    def add_working_days(self, day: date, count: int) -> date:
        """The date ``count`` working days after ``day``."""
        current, left = day, count
        while left > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                left -= 1
        return current


def holidays_of(reporting: Reporting) -> WorkingCalendar:
    """The working calendar a plan's ``reporting`` settings give."""
    return WorkingCalendar(
        frozenset(reporting.holidays),
        frozenset(reporting.working_days),
        reporting.public_holidays,
    )


def deadline(period: Period, reporting: Reporting) -> date:
    """The last day a unit's report for ``period`` is on time.

    >>> from kehoach_cli.plan.model import Reporting
    >>> q2 = Period(2024, "quarter", 2)  # window ends Friday 14/6
    >>> deadline(q2, Reporting()), deadline(q2, Reporting(windows="calendar"))
    (datetime.date(2024, 6, 18), datetime.date(2024, 7, 2))
    >>> deadline(q2, Reporting(holidays=[date(2024, 6, 17)]))
    datetime.date(2024, 6, 19)
    """
    last_day = period.window(reporting.windows).last_day
    return holidays_of(reporting).add_working_days(last_day, reporting.deadline_working_days)


def working_days_late(due: date, day: date, calendar: WorkingCalendar | None = None) -> int:
    """How many working days after ``due`` the ``day`` falls (0 when on or before it).

    A report sent on a Saturday after a Friday deadline is late by 0 working days but still
    late; callers compare dates for lateness and use this count only to say by how much.

    >>> working_days_late(date(2024, 9, 17), date(2024, 9, 20)), working_days_late(
    ...     date(2024, 9, 13), date(2024, 9, 16))
    (3, 1)
    """
    calendar = calendar or WorkingCalendar()
    count = 0
    current = due
    while current < day:
        current += timedelta(days=1)
        if calendar.is_working_day(current):
            count += 1
    return count


def output_name(period: Period, fmt: str) -> str:
    """The file name a summary of ``period`` in format ``fmt`` gets in an output folder.

    The same period and format always give the same name, so a rerun replaces its own file.

    >>> output_name(Period(2024, "year"), "csv"), output_name(Period(2024, "nine_months"), "docx")
    ('2024-tong-hop.csv', '2024N9-tong-hop.docx')
    >>> output_name(Period(2024, "year"), "pdf")
    Traceback (most recent call last):
    ...
    ValueError: unknown output format: 'pdf'
    """
    extension = OUTPUT_EXTENSIONS.get(fmt.lower())
    if extension is None:
        raise ValueError(f"unknown output format: {fmt!r}")
    return f"{period.id}-{OUTPUT_STEM}.{extension}"


def parse_today(text: str | None) -> date:
    """``--today YYYY-MM-DD`` (for reproducible runs); the real today when absent.

    >>> parse_today("2024-09-20")
    datetime.date(2024, 9, 20)
    """
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(t("status.bad_today", value=text)) from None


def resolve_period(text: str, plan: Plan, today: date) -> Period:
    """The period a user means, in the plan's window kind; a bare "q3" is in the plan's year.

    ``current`` is the latest quarter whose data window has closed by ``today``; ``previous`` the
    quarter before it (see ``periods.current_period``).
    """
    try:
        return parse_period(text, year=plan.year, today=today, windows=plan.reporting.windows)
    except PeriodError:
        raise UsageError(t("status.bad_period", value=text)) from None


def check_period_in_plan(period: Period, plan: Plan, plan_file: str) -> None:
    """A plan only tracks its own year: asking it about another year is a usage error."""
    if period.year != plan.year:
        raise UsageError(
            t(
                "status.period_not_in_plan",
                period=period.label(get_lang()),
                plan=plan_file,
                year=plan.year,
                period_year=period.year,
            )
        )
