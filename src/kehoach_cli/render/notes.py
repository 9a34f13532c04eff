"""The note lines every report format carries for a figure with warnings (issue #13).

A figure the checks warned about (an implausible one above all) must not reach the report as if
nothing were wrong: each renderer adds these lines under its table, and the CSV a column.
"""

from __future__ import annotations

from ..messages import t_in
from ..numbers import format_number
from ..report.model import IndicatorResult, Report


def figure_notes(report: Report) -> list[str]:
    """One line per indicator whose figure has warnings, in the table's order; then one per
    file left aside because it is another year's (last year's folder under the results)."""
    lines = [figure_note(report, item) for item in report.indicators if item.warnings]
    lines += [
        t_in(report.lang, "report.note.skipped", file=p.file or "", message=p.message)
        for p in report.problems
        if p.code == "other_year"
    ]
    return lines


def figure_note(report: Report, item: IndicatorResult) -> str:
    lang = report.lang
    if item.status == "to_confirm":
        return t_in(
            lang,
            "report.note.to_confirm",
            name=item.full_name,
            code=item.code,
            value=_number(report, item.actual),
            target=_number(report, item.target),
            sources="; ".join(item.sources),
        )
    return t_in(
        lang,
        "report.note.warnings",
        name=item.full_name,
        code=item.code,
        codes=", ".join(item.warnings),
    )


def warnings_cell(item: IndicatorResult | None) -> str:
    """The CSV's warnings column: the problem codes, ", "-separated."""
    return ", ".join(item.warnings) if item is not None else ""


def _number(report: Report, value: object) -> str:
    from decimal import Decimal

    return format_number(value, lang=report.lang) if isinstance(value, Decimal) else ""
