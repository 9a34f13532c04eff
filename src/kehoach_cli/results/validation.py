"""Validate files named by the user: plans and results, told apart by their content."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputFileNotFound, UsageError
from ..messages import t
from ..problems import Problem, ProblemReport
from ..safety.limits import Limits, current_limits

YAML_SUFFIXES = {".yaml", ".yml"}
# .txt: Excel's "Unicode text" (UTF-16, tab-separated) is read as a CSV, or named when it is not.
RESULT_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".yaml", ".yml", ".ods"}
# The archive ``kehoach receive`` keeps under a results folder: earlier submissions, never read
# as current results (docs/receive.md).
ARCHIVE_DIR = "_luu-tru"
_PLAN_KEYS = re.compile(rb"^(table|units_of_measure|reporting_units)\s*:", re.MULTILINE)


@dataclass
class ValidationOutcome:
    files: list[str] = field(default_factory=list)
    report: ProblemReport = field(default_factory=ProblemReport)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as named, and the files of named folders (recursively, sorted; hidden files and
    the receive archive skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith((".", "~$")) for part in rel.parts):
                    continue  # hidden files and Excel's lock files
                if ARCHIVE_DIR in rel.parts[:-1]:
                    continue  # earlier submissions kept by `kehoach receive`
                if child.is_file() and child.suffix.lower() in RESULT_SUFFIXES:
                    found.append(child)
        elif path.is_file():
            found.append(path)
        else:
            raise InputFileNotFound(t("cli.file_not_found", path=str(path)), file=str(path))
    return found


def is_plan_file(path: Path) -> bool:
    """A YAML file whose top level has the plan's keys (checked on its first 64 KB)."""
    if path.suffix.lower() not in YAML_SUFFIXES:
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:  # pragma: no cover - errors are ignored
            return False
    return bool(_PLAN_KEYS.search(head.lstrip(b"\xef\xbb\xbf")))


def validate_paths(
    paths: list[Path], plan_path: Path | None = None, limits: Limits | None = None
) -> ValidationOutcome:
    """Check every file; plans on their own, results against the plan (found as usual)."""
    from ..plan.io import find_plan, read_plan

    limits = limits or current_limits()
    outcome = ValidationOutcome()
    files = expand_paths(paths)
    if not files:
        raise UsageError(t("cli.nothing_to_validate", path=", ".join(str(p) for p in paths)))
    results: list[Path] = []
    for file in files:
        if is_plan_file(file):
            outcome.files.append(str(file))
            _, report = read_plan(file, str(file), limits)
            outcome.report.extend(report)
        else:
            results.append(file)
    if results:
        from . import validate_results

        plan_file = find_plan(plan_path)
        plan, plan_report = read_plan(plan_file, str(plan_file), limits)
        if plan is None:
            outcome.files.append(str(plan_file))
            outcome.report.extend(plan_report)
            return outcome
        outcome.files.extend(str(f) for f in results)
        problems = validate_results(results, plan, limits)
        outcome.report.extend(other_years(problems, plan_file, plan.year, limits))
    return outcome


# The note of a file of another year than the plan's (results/grid.py).
OTHER_YEAR = "other_year"
NOT_THIS_YEAR = frozenset({OTHER_YEAR, "year_not_in_plan", "year_missing", "year_invalid"})


def other_years(
    problems: list[Problem], plan_file: Path, year: int, limits: Limits
) -> list[Problem]:
    """Several years side by side (#16): a file of another year is checked against the plan of
    its year beside the plan (``plan_2023.yaml`` next to ``plan_2024.yaml``) when there is one;
    only files of a year without a plan keep the "other year" note."""
    from ..plan.io import read_plan
    from . import validate_results

    skipped = {Path(p.file) for p in problems if p.code == OTHER_YEAR and p.file}
    for other in sorted(plan_file.parent.glob("plan_*.yaml")):
        if not skipped or other.name == plan_file.name:
            continue
        plan, _ = read_plan(other, str(other), limits)
        if plan is None or plan.year == year:
            continue
        found = validate_results(sorted(skipped), plan, limits)
        not_theirs = {Path(p.file) for p in found if p.code in NOT_THIS_YEAR and p.file}
        theirs = skipped - not_theirs
        problems = [p for p in problems if not (p.file and Path(p.file) in theirs)]
        problems += [p for p in found if p.file and Path(p.file) in theirs]
        skipped -= theirs
    return problems
