"""Results files (xlsx, csv, yaml) → results models, with located problems.

PLACEHOLDER until the results intake (issue 3) lands. The two entry points and their signatures
are the contract the rest of kehoach codes against:

* ``load_results(paths, plan, limits)`` → ``(ResultSet, ProblemReport)``: every results file under
  the given files/folders, read and checked (file, cell and cross-file checks).
* ``validate_results(files, plan, limits)`` → problems, for ``kehoach validate``.
"""

from __future__ import annotations

from pathlib import Path

from ..limits import Limits
from ..messages import t
from ..plan import Plan
from ..problems import Problem, ProblemReport
from ..results import ResultSet


def load_results(
    paths: list[Path], plan: Plan, limits: Limits | None = None
) -> tuple[ResultSet, ProblemReport]:
    return ResultSet(), ProblemReport()


def validate_results(files: list[Path], plan: Plan, limits: Limits) -> list[Problem]:
    return [
        Problem(
            "error", "results_not_supported", t("cli.not_implemented", command="results"), str(f)
        )
        for f in files
    ]
