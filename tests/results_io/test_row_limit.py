"""A table longer than the row limit is refused with a message, never silently cut."""

from __future__ import annotations

from pathlib import Path

from kehoach_cli.plan.io import load_plan
from kehoach_cli.results import validate_results
from kehoach_cli.safety.limits import Limits

from ..conftest import PLAN, RESULTS


def test_xlsx_over_the_row_limit_is_refused_with_its_sheet() -> None:
    (problem,) = validate_results(
        [RESULTS / "2024-q2" / "dcnn.xlsx"], load_plan(PLAN), Limits(rows=20)
    )
    assert (problem.severity, problem.code, problem.sheet) == ("error", "too_many_rows", "Kết quả")
    assert "KEHOACH_LIMIT_ROWS" in problem.message


def test_csv_over_the_row_limit_is_refused(tmp_path: Path) -> None:
    source = RESULTS / "examples" / "csv" / "2024-q2" / "dcnn.csv"
    (problem,) = validate_results([source], load_plan(PLAN), Limits(rows=10))
    assert (problem.code, problem.file) == ("too_many_rows", str(source))
