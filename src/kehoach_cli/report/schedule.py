"""When things are due: submission deadlines, the period a command means, and output file names.

A unit's report for a period is due ``deadline_working_days`` working days after the last day of
the period's data window (weekends and the plan's holidays skipped). With the sample plan (cutoff
windows, 2 working days), Q3 2024 closes on Saturday 14/9 and is due on Tuesday 17/9:

>>> from kehoach_cli.periods import Period
>>> from kehoach_cli.plan.model import Reporting
>>> deadline(Period(2024, "quarter", 3), Reporting())
datetime.date(2024, 9, 17)
>>> output_name(Period(2024, "quarter", 2), "xlsx"), output_name(Period(2024, "half"), "markdown")
('2024Q2-tong-hop.xlsx', '2024S1-tong-hop.md')
"""

from __future__ import annotations

from datetime import date, timedelta

from ..errors import UsageError
from ..messages import get_lang, t
from ..periods import Period, PeriodError, add_working_days, parse_period
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


def holidays_of(reporting: Reporting) -> frozenset[date]:
    return frozenset(reporting.holidays)


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
    return add_working_days(last_day, reporting.deadline_working_days, holidays_of(reporting))


def working_days_late(due: date, day: date, holidays: frozenset[date] = frozenset()) -> int:
    """How many working days after ``due`` the ``day`` falls (0 when on or before it).

    A report sent on a Saturday after a Friday deadline is late by 0 working days but still
    late; callers compare dates for lateness and use this count only to say by how much.

    >>> working_days_late(date(2024, 9, 17), date(2024, 9, 20)), working_days_late(
    ...     date(2024, 9, 13), date(2024, 9, 16))
    (3, 1)
    """
    count = 0
    current = due
    while current < day:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
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
