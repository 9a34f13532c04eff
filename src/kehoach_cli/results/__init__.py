"""Results files (xlsx, csv, yaml) → results models, with located problems.

The two entry points are the contract the rest of kehoach codes against:

* ``load_results(paths, plan, limits)`` → ``(ResultSet, ProblemReport)``: every results file under
  the given files/folders, read and checked (file, cell and cross-file checks).
* ``validate_results(files, plan, limits)`` → problems, for ``kehoach validate``.

A file is identified by what it says (year, period, unit), never by its name; its format comes
from its first bytes (a workbook is a zip or an OLE2 container) and then from its suffix.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..plan.model import Plan
from ..problems import Problem, ProblemReport
from ..safety.limits import Limits, current_limits
from .checks import cross_check, drop_copies
from .model import ResultFile, ResultSet

__all__ = ["load_results", "read_result_file", "validate_results"]


def read_result_file(
    path: Path, plan: Plan, limits: Limits | None = None, display: str | None = None
) -> tuple[ResultFile | None, list[Problem]]:
    """One file's figures and its own problems (no cross-file checks)."""
    from dataclasses import replace

    limits = limits or current_limits()
    shown = display or str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        from .common import Where, problem

        return None, [problem("unreadable_file", Where(shown), reason=exc.strerror or str(exc))]
    suffix = path.suffix.lower()
    result: ResultFile | None
    if suffix in (".yaml", ".yml") and not _is_workbook(head):
        from .yaml import read_yaml_results

        result, problems = read_yaml_results(path, shown, plan, limits)
    else:
        from ..safety.guards import check_text_file, check_xlsx_container
        from .grid import read_grid

        # The guards look at the container before any parser does (SECURITY.md).
        if suffix in (".csv", ".txt") and not _is_workbook(head):  # .txt: Excel's Unicode text
            from .csv import read_csv

            checked = check_text_file(path, shown, limits)
            if checked:
                return None, checked
            grid, problems = read_csv(path, shown, limits)
        else:
            from .xlsx import read_workbook

            checked = check_xlsx_container(path, shown, limits)
            if any(p.severity == "error" for p in checked):
                return None, checked
            grid, problems = read_workbook(path, shown, limits)
            if any(p.code in ("hidden_sheet_read", "sheets_ambiguous") for p in problems):
                # "figures in hidden sheets are not counted" would not be what happened: they
                # were read, or the hidden sheet is named in the refusal.
                checked = [p for p in checked if p.code != "hidden_sheets"]
            problems = checked + problems
        if grid is None:
            return None, problems
        result, more = read_grid(grid, plan, shown)
        problems = problems + more
    if any(p.code == "other_year" for p in problems):
        # Another year's file is skipped: nothing else about it concerns this plan (nor stops
        # its report); it is checked against the plan of its year (#16, validation.py).
        return None, [p for p in problems if p.code == "other_year"]
    if result is not None:
        modified = datetime.fromtimestamp(path.stat().st_mtime)
        result = replace(result, modified=modified)
    return result, problems


def _is_workbook(head: bytes) -> bool:
    from .xlsx import is_workbook_bytes

    return is_workbook_bytes(head)


def _read_all(
    files: list[Path], plan: Plan, limits: Limits
) -> tuple[list[ResultFile], list[Problem]]:
    results: list[ResultFile] = []
    problems: list[Problem] = []
    for file in files:
        result, found = read_result_file(file, plan, limits, str(file))
        problems.extend(found)
        if result is not None:
            results.append(result)
    kept = drop_copies(results)
    problems.extend(cross_check(kept, plan))
    return kept, problems


def load_results(
    paths: list[Path], plan: Plan, limits: Limits | None = None
) -> tuple[ResultSet, ProblemReport]:
    """Every results file under ``paths`` (files or folders, recursively), read and checked.

    A file holding the same figures as another of the same unit and period (a CSV or YAML copy
    of a workbook) is kept once. Files with errors of their own still give their good figures.
    """
    from .validation import expand_paths, is_plan_file

    limits = limits or current_limits()
    files = [f for f in expand_paths(paths) if not is_plan_file(f)]
    results, problems = _read_all(files, plan, limits)
    results.sort(key=lambda r: (r.period.sort_key, r.unit, r.source))
    report = ProblemReport()
    report.extend(problems)
    return ResultSet(results), report


def validate_results(files: list[Path], plan: Plan, limits: Limits) -> list[Problem]:
    """The problems of the named files, checked alone and against each other; and, for the
    one who fills the forms, the "Thực hiện" cells left empty (``validate`` only)."""
    results, problems = _read_all(files, plan, limits)
    return problems + blank_cells(results, plan, problems)


# Empty cells listed in one message, at most (the rest are counted).
_LISTED_CELLS = 30


def blank_cells(results: list[ResultFile], plan: Plan, problems: list[Problem]) -> list[Problem]:
    """A form with no figure at all (``no_figures``), or the unit's own indicators whose
    "Thực hiện" cell is empty without a note giving the reason (``values_missing``, one warning
    per file listing the cells).

    Rows whose figure could not be read already have their own problem and are not listed.
    """
    from .common import Where, problem

    refused = {(p.file, p.indicator) for p in problems if p.indicator}
    found: list[Problem] = []
    for result in results:
        where = Where(result.source, sheet=result.sheet)
        if not any(v.value is not None for v in result.values):
            if not any(file == result.source for file, _ in refused):
                found.append(problem("no_figures", where, severity="warning"))
            continue
        empty = [
            v
            for v in result.values
            if v.value is None
            and not v.note  # left empty with its reason, as the form's instructions ask
            and (result.source, v.code) not in refused
            and _is_own(plan, result, v.code)
        ]
        if empty:
            cells = [f"{v.cell or v.location or ''} ({v.code})" for v in empty]
            if len(cells) > _LISTED_CELLS:
                cells = [*cells[:_LISTED_CELLS], "…"]
            found.append(
                problem(
                    "values_missing",
                    where,
                    severity="warning",
                    count=len(empty),
                    cells=", ".join(cells),
                )
            )
    return found


def _is_own(plan: Plan, result: ResultFile, code: str) -> bool:
    """Whether the file's unit answers for the indicator (a whole-commune form: every one)."""
    ind = plan.indicator(code)
    if ind is None or ind.derived:
        return False
    return result.is_whole_commune or ind.responsible == result.unit
