"""A final figure that replaced an estimate of the same period, noted in the report (#16).

The receive journal keeps every version of a figure with its estimate flag
(``intake.history.estimate_revisions`` finds the replacements); this module only words them,
under the indicator and among the report's notes, so every format that shows notes shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ..messages import t_in
from ..numbers import format_number
from ..periods import Period
from .model import IndicatorResult, Report


@dataclass(frozen=True, slots=True)
class Revision:
    """One unit's final figure for an indicator and period, after an estimate of it."""

    indicator: str
    period: Period
    unit: str
    unit_name: str
    estimate: Decimal  # the last estimate received before the final figure
    final: Decimal
    file: str  # the final figure's file, as ``load_results`` names it


def with_revisions(report: Report, revisions: list[Revision]) -> Report:
    """The report with a note for each revision of a figure it uses (its file is among the
    report's files); the same report when there is none."""
    used = set(report.files)
    by_code = report.by_code
    found = [r for r in revisions if r.file in used and r.indicator in by_code]
    if not found:
        return report
    extra: dict[str, list[str]] = {}
    lines: list[str] = []
    names = [item.name for item in report.indicators]
    for revision in found:
        item = by_code[revision.indicator]
        words = _words(report, item, revision)
        extra.setdefault(item.code, []).append(t_in(report.lang, "report.note.revised", **words))
        # "Sản lượng" alone is every crop's: named under its crop ("Lúa › Sản lượng").
        name = " › ".join(item.path[-2:]) if names.count(item.name) > 1 else item.name
        lines.append(t_in(report.lang, "report.note.revised_line", name=name, **words))
    indicators = tuple(
        replace(item, notes=(*item.notes, *extra[item.code])) if item.code in extra else item
        for item in report.indicators
    )
    return replace(report, indicators=indicators, notes=(*report.notes, *lines))


def _words(report: Report, item: IndicatorResult, revision: Revision) -> dict[str, str]:
    lang = report.lang

    def shown(value: Decimal) -> str:
        return format_number(value, None, lang=lang)

    unit = item.unit.lower() if lang == "vi" and item.unit != "%" else item.unit
    return {
        "old": shown(revision.estimate),
        "new": shown(revision.final),
        "unit": unit,
        "unit_name": revision.unit_name,
        "period": revision.period.label(lang),
    }
