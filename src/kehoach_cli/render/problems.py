"""Problems as text for people and as JSON for scripts."""

from __future__ import annotations

import json
from typing import Any

from ..messages import t
from ..problems import ProblemReport


def problems_to_dict(report: ProblemReport, files: list[str]) -> dict[str, Any]:
    data = report.to_dict()
    data["files"] = files
    return data


def problems_as_json(report: ProblemReport, files: list[str]) -> str:
    return json.dumps(problems_to_dict(report, files), ensure_ascii=False, indent=2) + "\n"


def problems_as_text(report: ProblemReport, files: list[str], quiet: bool = False) -> str:
    """One block per problem (where, severity, code, message), then valid files, then a total."""
    lines: list[str] = []
    with_problems: set[str] = set()
    for problem in report:
        if problem.file:
            with_problems.add(problem.file)
        label = t(f"severity.{problem.severity}")
        where = problem.where or "-"
        indicator = f" [{problem.indicator}]" if problem.indicator else ""
        lines.append(f"{where}: {label} {problem.code}{indicator}")
        lines.append(f"    {problem.message}")
    if not quiet:
        for file in files:
            if file not in with_problems:
                lines.append(t("summary.ok", file=file))
        lines.append(
            t("summary.counts", errors=report.errors, warnings=report.warnings, files=len(files))
        )
    return "\n".join(lines) + ("\n" if lines else "")
