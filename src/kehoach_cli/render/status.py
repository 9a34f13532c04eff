"""The submission status as JSON, as a terminal table, and as the short lines of ``--quiet``."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..messages import get_lang, t
from ..numbers import format_percent
from ..periods import format_day
from ..report.submissions import IndicatorGap, StatusReport, UnitStatus

if TYPE_CHECKING:
    from rich.table import Table


def status_as_json(report: StatusReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _day(day: date | None) -> str:
    return format_day(day, get_lang()) if day else ""


def _time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if get_lang() == "en":
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.strftime("%d/%m/%Y %H:%M")


def state_text(report: StatusReport, unit: UnitStatus) -> str:
    """How a unit's state reads: "Đúng hạn", "Nộp muộn 3 ngày làm việc", "Chưa nộp (còn hạn)"."""
    if unit.state == "late" and unit.working_days_late:
        text = t("status.state.late_by", days=unit.working_days_late)
    elif unit.state == "missing" and not report.deadline_passed:
        text = t("status.state.not_due")
    else:
        text = t(f"status.state.{unit.state}")
    if not unit.expected:
        text += f" ({t('status.not_expected')})"
    return text


def shown_source(source: str, root: str | None) -> str:
    """A file's path inside the results folder, which the header names once.

    >>> shown_source("data/results/2024-q3/dcnn.xlsx", "data/results"), shown_source("x.csv", None)
    ('2024-q3/dcnn.xlsx', 'x.csv')
    """
    if root:
        prefix = root.rstrip("/\\") + "/"
        for candidate in (prefix, prefix.replace("/", "\\")):
            if source.startswith(candidate):
                return source[len(candidate) :]
    return source


def status_rows(report: StatusReport, root: str | None = None) -> list[list[str]]:
    """One row per file (a unit without files has one empty row); the unit and state once."""
    rows: list[list[str]] = []
    for unit in report.units:
        state = state_text(report, unit)
        if not unit.files:
            rows.append([unit.short_name, "", "", "", "", state])
            continue
        for i, f in enumerate(unit.files):
            valid = t("status.valid.yes") if f.valid else t("status.valid.no", errors=f.errors)
            rows.append(
                [
                    unit.short_name if i == 0 else "",
                    shown_source(f.source, root),
                    _day(f.reported_on),
                    _time(f.modified),
                    valid,
                    state if i == 0 else "",
                ]
            )
    return rows


def status_header(report: StatusReport) -> list[str]:
    return [
        t("status.title", period=report.period.label(get_lang()), issuer=report.issuer),
        t(
            "status.window",
            start=_day(report.window_start),
            end=_day(report.window_end),
            deadline=_day(report.deadline),
            days=report.deadline_working_days,
            today=_day(report.today),
        ),
    ]


def status_footer(report: StatusReport) -> list[str]:
    lang = get_lang()
    lines = [
        t(
            "status.rate",
            received=report.received,
            expected=report.expected,
            rate=format_percent(report.reporting_rate, lang=lang) or "-",
            on_time=report.on_time,
            on_time_rate=format_percent(report.on_time_rate, lang=lang) or "-",
        ),
        t(
            "status.counts",
            on_time=report.on_time,
            late=report.late,
            undated=report.undated,
            missing=report.missing,
            invalid=report.invalid,
            # said only when it happens, so the usual line reads as before
            no_figures=(
                t("status.counts_no_figures", count=report.no_figures) if report.no_figures else ""
            ),
        ),
        "",
    ]
    if report.indicators_without_data:
        lines.append(t("status.gaps.title", count=len(report.indicators_without_data)))
        for gap in report.indicators_without_data:
            lines.append(f"  - {gap.code}: {gap.name} ({gap.unit}) — {_short(report, gap)}")
    else:
        lines.append(t("status.gaps.none"))
    if report.unassigned_files:
        lines.append("")
        lines.append(t("status.unassigned.title"))
        lines.extend(f"  - {file}" for file in report.unassigned_files)
    return lines


def _short(report: StatusReport, gap: IndicatorGap) -> str:
    for unit in report.units:
        if unit.code == gap.responsible:
            return unit.short_name
    return str(gap.responsible)


def status_table(report: StatusReport, fancy: bool, root: str | None = None) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAVY if fancy else None,
        show_edge=fancy,
        pad_edge=False,
    )
    rows = status_rows(report, root)
    # At 80 columns the state stays readable (it is what the officer chases; it wraps only
    # between words); the file's path and time wrap too, instead of the state being cut off.
    longest_word = max((len(w) for cells in rows for w in cells[-1].split()), default=0)
    table.add_column(t("status.col.unit"), no_wrap=True)
    table.add_column(t("status.col.file"), overflow="fold")
    table.add_column(t("status.col.stated"))
    table.add_column(t("status.col.file_time"))
    table.add_column(t("status.col.valid"), no_wrap=True)
    table.add_column(t("status.col.state"), min_width=max(longest_word, 12))
    for cells in rows:
        table.add_row(*cells)
    return table


def status_quiet_lines(report: StatusReport) -> list[str]:
    """Only what needs chasing, one line each; nothing at all when every unit is fine."""
    period = report.period.label(get_lang())
    deadline = _day(report.deadline)
    lines: list[str] = []
    for unit in report.needs_attention:
        if unit.expected and unit.state == "missing":
            lines.append(
                t("status.quiet.missing", period=period, unit=unit.name, deadline=deadline)
            )
        elif unit.expected and unit.state == "late":
            lines.append(
                t(
                    "status.quiet.late",
                    period=period,
                    unit=unit.name,
                    days=unit.working_days_late or 0,
                    date=_day(unit.submitted_on),
                    deadline=deadline,
                )
            )
        elif unit.expected and unit.state == "no_figures":
            files = ", ".join(f.source for f in unit.files)
            lines.append(t("status.quiet.no_figures", period=period, unit=unit.name, files=files))
        elif unit.expected and unit.state == "undated":
            files = ", ".join(f.source for f in unit.files)
            lines.append(t("status.quiet.undated", period=period, unit=unit.name, files=files))
        if unit.valid is False:
            files = ", ".join(f.source for f in unit.files if not f.valid)
            lines.append(t("status.quiet.invalid", period=period, unit=unit.name, files=files))
    lines.extend(t("status.quiet.unassigned", file=file) for file in report.unassigned_files)
    return lines
