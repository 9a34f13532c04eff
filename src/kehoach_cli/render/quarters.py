"""What a ``--by quarter`` report says of quarters nobody has reported yet: once, in one line.

A year report by quarter made in October has no Q4 figures: rather than "Chưa có số liệu" on
every row, a renderer says so in one line (``missing_line``) and, when the period's last
quarter is the missing one (``end_quarter_missing``), leaves those status cells blank.
"""

from __future__ import annotations

from ..messages import t_in
from ..periods import Period
from ..report.model import Report
from .terminal import quarter_heading


def missing_quarters(report: Report) -> list[int]:
    """The quarters of a ``--by quarter`` report that no indicator has a figure for yet (Q4 of
    a year report made in October)."""
    if report.by != "quarter" or not report.indicators:
        return []
    reported = {
        q.quarter
        for item in report.indicators
        for q in item.quarters
        if q.actual is not None or q.period_value is not None
    }
    numbers = [int(q[-1]) for q in report.period.quarters]
    return [n for n in numbers if n not in reported]


def end_quarter_missing(report: Report) -> bool:
    """Whether the period's last quarter is missing: then every "no data" is that, said once."""
    return report.period.end_quarter in missing_quarters(report)


def missing_line(report: Report) -> str | None:
    """The one line that says which quarters have no figures yet, or None."""
    missing = missing_quarters(report)
    if not missing:
        return None
    lang, period = report.lang, report.period
    quarters = ", ".join(Period(period.year, "quarter", n).label(lang) for n in missing)
    if not end_quarter_missing(report):
        return t_in(lang, "export.quarters_missing", quarters=quarters)
    label = period.label[:1].lower() + period.label[1:] if lang == "vi" else period.label
    last = quarter_heading(report, period.end_quarter)
    return t_in(lang, "export.quarters_missing_end", quarters=quarters, period=label, last=last)
