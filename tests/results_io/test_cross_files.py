"""Checks across the files of a results folder: copies, falling flows, totals, jumps."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from kehoach_cli.results import load_results

from .forms import Q1, Q2, make_form, plan


def _problems(folder: Path) -> list[tuple[str, str, str | None, str | None]]:
    _, report = load_results([folder], plan())
    return [(p.severity, p.code, p.file and Path(p.file).name, p.location) for p in report]


def test_two_files_disagreeing_on_a_figure_is_an_error_naming_both(tmp_path: Path) -> None:
    rows = make_form(tmp_path / "a.xlsx", {"rice_output": 120}, unit="dcnn")
    make_form(tmp_path / "b.xlsx", {"rice_output": 125}, unit="dcnn", reporter="Người khác")
    _, report = load_results([tmp_path], plan())
    (problem,) = report
    assert (problem.code, problem.severity) == ("conflicting_values", "error")
    assert problem.file == str(tmp_path / "b.xlsx")
    assert problem.location == f"Kết quả!F{rows['rice_output']}"
    assert str(tmp_path / "a.xlsx") in problem.message and "120" in problem.message


def test_the_same_report_in_two_formats_is_kept_once(tmp_path: Path) -> None:
    make_form(tmp_path / "dcnn.xlsx", {"rice_output": 120}, unit="dcnn")
    (tmp_path / "dcnn.yaml").write_text(
        "year: 2024\nperiod: 2024Q2\nunit: dcnn\nreporter: A\nreported_on: 2024-06-18\n"
        "values:\n  rice_output: 120\n",
        encoding="utf-8",
    )
    results, report = load_results([tmp_path], plan())
    assert len(report) == 0
    assert [Path(f.source).name for f in results.files] == ["dcnn.xlsx"]


def test_a_year_to_date_flow_lower_than_last_quarter_is_an_error(tmp_path: Path) -> None:
    make_form(tmp_path / "q1.xlsx", {"maize_area": 12}, unit="dcnn", period=Q1)
    rows = make_form(tmp_path / "q2.xlsx", {"maize_area": 10}, unit="dcnn")
    assert _problems(tmp_path) == [
        ("error", "ytd_decreased", "q2.xlsx", f"Kết quả!F{rows['maize_area']}")
    ]


def test_flows_reported_as_period_values_may_fall(tmp_path: Path) -> None:
    make_form(tmp_path / "q1.xlsx", {"maize_area": 12}, unit="dcnn", period=Q1)
    make_form(
        tmp_path / "q2.xlsx",
        {"maize_area": 10},
        unit="dcnn",
        edit=lambda sheet, rows: sheet.__setitem__("C9", "Số trong kỳ"),
    )
    assert _problems(tmp_path) == []


def test_a_stock_moving_by_more_than_half_is_a_warning(tmp_path: Path) -> None:
    make_form(tmp_path / "q1.xlsx", {"pig_herd": 860}, unit="dcnn", period=Q1)
    rows = make_form(tmp_path / "q2.xlsx", {"pig_herd": 8750}, unit="dcnn")
    assert _problems(tmp_path) == [
        ("warning", "stock_jump", "q2.xlsx", f"Kết quả!F{rows['pig_herd']}")
    ]


def test_previous_period_is_the_same_units_previous_quarter(tmp_path: Path) -> None:
    make_form(tmp_path / "q1.xlsx", {"pig_herd": 860}, unit="dcnn", period=Q1)
    make_form(tmp_path / "q2.xlsx", {"pig_herd": 8750}, period=Q2)  # the whole commune's form
    assert _problems(tmp_path) == []


def test_a_reported_total_that_is_not_the_sum_of_its_parts_is_a_warning(tmp_path: Path) -> None:
    def total(sheet, rows) -> None:  # noqa: ANN001 - a typed figure over the form's formula
        sheet.cell(rows["grain_output"], 6, 170)

    rows = make_form(tmp_path / "q2.xlsx", {"rice_output": 120, "maize_output": 40}, edit=total)
    assert _problems(tmp_path) == [
        ("warning", "total_mismatch", "q2.xlsx", f"Kết quả!F{rows['grain_output']}")
    ]


def test_a_reported_total_that_adds_up_is_accepted(tmp_path: Path) -> None:
    def total(sheet, rows) -> None:  # noqa: ANN001
        sheet.cell(rows["grain_output"], 6, 160)

    make_form(tmp_path / "q2.xlsx", {"rice_output": 120, "maize_output": 40}, edit=total)
    results, report = load_results([tmp_path], plan())
    assert len(report) == 0
    grain = results.files[0].value_of("grain_output")
    assert grain is not None and grain.value == 160


def test_the_shipped_results_are_valid_and_rice_is_half_done_in_q2() -> None:
    from ..conftest import RESULTS

    results, report = load_results([RESULTS], plan())
    # Only the notes of last year's files (2023-q1 … q3, 6 units each): not this plan's year.
    assert report.valid and [p.code for p in report] == ["other_year"] * 18
    assert len(results.files) == 17  # 6 units × 3 quarters, THCS Q3 not sent; copies kept once
    assert {f.period.id for f in results.files} == {"2024Q1", "2024Q2", "2024Q3"}
    q2 = results.values_for(Q2)
    rice = q2["rice_output"].value
    assert rice is not None and round(rice / 235 * 100, 2) == Decimal("51.06")
    assert q2["poverty_rate"].value == Decimal("31.2")
    assert all(f.reported_on and f.reported_on < date(2024, 10, 1) for f in results.files)
