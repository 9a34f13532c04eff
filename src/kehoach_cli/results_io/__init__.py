"""Results files (xlsx, csv, yaml) → results models, with located problems.

Placeholder until the results intake lands: every results file is reported as not readable yet.
"""

from __future__ import annotations

from pathlib import Path

from ..limits import Limits
from ..messages import t
from ..plan import Plan
from ..problems import Problem


def validate_results(files: list[Path], plan: Plan, limits: Limits) -> list[Problem]:
    return [
        Problem(
            "error", "results_not_supported", t("cli.not_implemented", command="results"), str(f)
        )
        for f in files
    ]
