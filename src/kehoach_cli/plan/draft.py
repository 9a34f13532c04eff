"""Next year's plan from this year's: the same tree and rules, targets to fill, last year's figures.

``next_year_plan`` copies the earlier plan's data as its file holds it (so every key it has,
today's and tomorrow's, carries over), changes what belongs to one year (the year, the
resolutions implemented, the document's number and date, the year's holidays), empties every
target, marks the plan as a draft and gives each indicator its ``baseline``: the figure of the
earlier year's results at the year's end, when they exist. ``carry_over`` is shared with the
import of a signed plan (plan.importer), which takes the same parts from an earlier plan.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InvalidData
from ..messages import t
from ..numbers import format_number
from ..problems import ProblemReport
from .model import Plan
from .yaml_text import Path as YamlPath
from .yaml_text import plan_text


@dataclass
class DraftText:
    """A plan written as text, with what the officer is told about it."""

    text: str
    indicators: int = 0
    baselines: int = 0


@dataclass(frozen=True)
class YearFigure:
    value: Decimal
    sources: tuple[str, ...]


def read_source_plan(path: Path) -> tuple[Plan, dict[str, Any]]:
    """The earlier plan, valid, and its data as the file holds it (refused when invalid)."""
    from ..safety.limits import current_limits
    from ..safety.yaml_io import read_yaml
    from .io import plan_from_document

    shown = str(path)
    report = ProblemReport()
    doc = read_yaml(path, shown, current_limits())
    report.extend(doc.problems)
    plan = None
    if doc.data is not None:
        plan, report = plan_from_document(doc, shown, report)
    if plan is None or not isinstance(doc.data, dict):
        error = InvalidData(t("plan.invalid_stop", file=shown, errors=report.errors), file=shown)
        error.problems = report  # type: ignore[attr-defined]
        raise error
    return plan, doc.data


def year_figures(plan: Plan, folder: Path) -> tuple[dict[str, YearFigure], ProblemReport]:
    """Each indicator's figure at the end of the plan's year, from the results under ``folder``."""
    from ..periods import Period
    from ..report.completion import compute
    from ..results import load_results

    results, read = load_results([folder], plan)
    # The folder holds every year's results; only the plan's year is asked for here, so the
    # other years' files are not this plan's problem (they are not read into the figures).
    problems = ProblemReport()
    problems.extend(p for p in read if p.code != "year_not_in_plan")
    if problems.errors:
        return {}, problems
    report = compute(plan, results, Period(plan.year, "year"), problems=problems)
    figures = {
        item.code: YearFigure(item.actual, tuple(item.sources))
        for item in report.indicators
        if item.actual is not None
    }
    return figures, problems


def next_year_plan(
    plan: Plan, data: dict[str, Any], year: int, figures: dict[str, YearFigure], source: str
) -> DraftText:
    """The text of next year's draft plan (see the module docstring)."""
    out, comments = carry_over(data, plan.year, year, source)
    baselines = 0
    for path, row in code_rows(out.get("table", []), ("table",)):
        old = row.get("target")
        row["target"] = None
        row.pop("baseline", None)
        figure = figures.get(str(row["code"]))
        hint = t("plan_new.fill_target", year=year)
        if old is not None:
            hint += t("plan_new.old_target", year=plan.year, value=_shown(old))
        target_path = (*path, "target")
        comments[target_path] = hint
        if figure is not None:
            sources = ", ".join(figure.sources) or "-"
            row["baseline"] = {
                "value": figure.value,
                "source": t("plan_new.baseline_source", year=plan.year, files=sources),
            }
            baselines += 1
    header = [t("plan_new.header", year=year, source=source), t("plan_new.header_fill")]
    indicators = len(plan.indicators)
    return DraftText(plan_text(out, comments, header), indicators, baselines)


def carry_over(
    data: dict[str, Any], old_year: int, year: int, source: str
) -> tuple[dict[str, Any], dict[YamlPath, str]]:
    """A copy of an earlier plan's data made a draft for ``year``, and the comments it needs."""
    out = copy.deepcopy(data)
    comments: dict[YamlPath, str] = {}
    meta = out.get("plan")
    if isinstance(meta, dict):
        _new_meta(meta, old_year, year, source, comments)
    reporting = out.get("reporting")
    if isinstance(reporting, dict) and reporting.get("holidays"):
        reporting["holidays"] = [
            day for day in reporting["holidays"] if str(day).startswith(str(year))
        ]
        comments[("reporting", "holidays")] = t("plan_new.holidays", year=year)
    return out, comments


def _new_meta(
    meta: dict[str, Any], old_year: int, year: int, source: str, comments: dict[YamlPath, str]
) -> None:
    old, new = str(old_year), str(year)
    meta["year"] = year
    for key in ("code", "title"):
        value = meta.get(key)
        if isinstance(value, str) and old != new:
            changed = re.sub(rf"(?<!\d){old}(?!\d)", new, value)
            if key == "code" and changed == value:
                changed = f"{value}-{new}"
            meta[key] = changed
            comments[("plan", key)] = t("plan_new.year_changed", old=old, new=new)
    if meta.get("implements") and old != new:
        meta["implements"] = []
        comments[("plan", "implements")] = t("plan_new.implements", year=year, source=source)
    meta["document_number"] = None
    meta["document_date"] = None
    meta["draft"] = True
    comments[("plan", "draft")] = t("plan_new.draft_comment")


def code_rows(rows: Any, path: YamlPath) -> list[tuple[YamlPath, dict[str, Any]]]:
    """Every row of the table that defines an indicator, with its path, in table order."""
    found: list[tuple[YamlPath, dict[str, Any]]] = []
    stack = [((*path, i), row) for i, row in reversed(list(enumerate(rows)))]
    while stack:
        where, row = stack.pop()
        if not isinstance(row, dict):
            continue
        if row.get("code"):
            found.append((where, row))
        children = row.get("children") or []
        for i in range(len(children) - 1, -1, -1):
            stack.append(((*where, "children", i), children[i]))
    return found


def _shown(value: Any) -> str:
    """A target as the earlier plan held it, written the Vietnamese way."""
    from ..errors import NumberFormatError
    from ..numbers import decimals_of, parse_number

    try:
        number = value if isinstance(value, Decimal) else parse_number(str(value))
    except NumberFormatError:
        return str(value)
    return format_number(number, decimals_of(number))


def write_plan(target: Path, text: str, inputs: list[Path], force: bool) -> ProblemReport:
    """Write a plan kehoach made, atomically, only once it reads back as a plan.

    An existing file is refused unless ``force`` (an input never: write_atomic refuses it). The
    text is read back with the plan's own reader first: a plan kehoach cannot load is never
    written. Returns that reading's problems (warnings: the draft, targets to fill, guesses).
    """
    import tempfile

    from ..errors import OutputError
    from ..safety.output import check_not_input, write_atomic
    from .io import read_plan

    check_not_input(target, inputs)
    if target.exists() and not force:
        raise OutputError(t("plan_new.output_exists", path=str(target)), file=str(target))
    with tempfile.TemporaryDirectory(prefix="kehoach-") as folder:
        trial = Path(folder) / target.name
        trial.write_text(text, encoding="utf-8")
        plan, report = read_plan(trial, display=str(target))
    if plan is None:  # a defect of kehoach's, not of the user's file: say what it is
        first = next((p for p in report if p.severity == "error"), None)
        raise InvalidData(first.message if first else t("plan.invalid"), file=str(target))
    write_atomic(target, text, inputs)
    return report
