"""The previous year's report for the same period, for ``report``'s "so với cùng kỳ".

Several years live side by side: ``data/plan_2023.yaml`` beside ``data/plan_2024.yaml``, and the
results of every year under the one results folder (``2023-q2/``, ``2024-q2/``). A report of
2024 reads, besides its own files, the plan of 2023 beside its plan and the 2023 files of the
same results folder, and computes that year's report for the same kind of period. Without the
earlier plan, nothing is compared from results (the plan's ``baseline`` may still be).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..messages import t

if TYPE_CHECKING:
    from ..periods import Period
    from ..problems import ProblemReport
    from ..report.model import Report


def previous_plan_file(plan_file: Path, year: int) -> Path:
    """``plan_<year - 1>.yaml`` beside the plan."""
    return plan_file.parent / f"plan_{year - 1}.yaml"


def previous_year_report(
    plan_file: Path, folder: Path, period: Period, today: date, lang: str
) -> tuple[Report | None, frozenset[str]]:
    """Last year's report for the same kind of period and last year's results files (read for
    it: not "skipped" in this year's report); (None, no files) without last year's plan or
    results. A plan that cannot be read is said on stderr and compared with nothing: last
    year's files never stop this year's report."""
    from ..errors import KehoachError
    from ..periods import Period
    from ..plan.io import load_plan
    from ..report.completion import compute
    from .intake import load_folder

    path = previous_plan_file(plan_file, period.year)
    if not path.is_file():
        return None, frozenset()
    try:
        plan = load_plan(path)
    except KehoachError as exc:
        typer.echo(
            t("report.previous_plan_unreadable", path=str(path), message=exc.message), err=True
        )
        return None, frozenset()
    if plan.year != period.year - 1:
        return None, frozenset()
    before = Period(plan.year, period.kind, period.number)
    result_set, problems, _ = load_folder(folder, plan, before)
    files = [f for f in result_set.files if f.period.year == plan.year]
    if not files:
        return None, frozenset()
    _say_errors(problems, folder, path)
    made = compute(plan, files, before, today, lang=lang)
    return made, frozenset(f.source for f in files)


def _say_errors(problems: ProblemReport, folder: Path, plan_path: Path) -> None:
    """Errors in last year's files: said once (their good figures are still compared)."""
    if problems.errors:
        typer.echo(
            t(
                "report.previous_results_errors",
                errors=problems.errors,
                path=str(folder),
                plan=str(plan_path),
            ),
            err=True,
        )
