"""Broken workbooks, one rule each: the problem code, its severity and the exact cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kehoach_cli.results import load_results, validate_results
from kehoach_cli.safety.limits import Limits

from .forms import make_form, plan

Edit = Callable[[Any, dict[str, int]], None]


@dataclass
class Case:
    code: str
    where: Callable[[dict[str, int]], str | None]
    values: dict[str, Any] = field(default_factory=dict)
    edit: Edit | None = None
    unit: str | None = None
    severity: str = "error"
    indicator: str | None = None


def at(code: str, column: str = "F") -> Callable[[dict[str, int]], str]:
    return lambda rows: f"Kết quả!{column}{rows[code]}"


def fixed(location: str | None) -> Callable[[dict[str, int]], str | None]:
    return lambda rows: location


def _set(cell: str, value: Any) -> Edit:
    def edit(sheet: Any, rows: dict[str, int]) -> None:
        sheet[cell] = value

    return edit


def _code(of: str, to: str | None) -> Edit:
    def edit(sheet: Any, rows: dict[str, int]) -> None:
        sheet.cell(rows[of], 2).value = to

    return edit


def _rename_sheet(sheet: Any, rows: dict[str, int]) -> None:
    sheet.title = "Sheet1"
    sheet["B11"] = "Mã"  # no longer recognisable as the results table


CASES: dict[str, Case] = {
    "text_in_number": Case("not_a_number", at("rice_output"), {"rice_output": "abc"}),
    "ambiguous_dot": Case("ambiguous_number", at("rice_output"), {"rice_output": "12.345"}),
    "bad_grouping": Case("bad_grouping", at("maize_output"), {"maize_output": "1,187,93"}),
    "negative": Case("negative_value", at("rice_area"), {"rice_area": -5}),
    "negative_text": Case("negative_value", at("pig_herd"), {"pig_herd": "-5"}),
    "percent_over_100": Case("percentage_over_100", at("poverty_rate"), {"poverty_rate": 131.2}),
    "percent_as_fraction": Case(
        "percentage_as_fraction",
        at("poverty_rate"),
        {"poverty_rate": 0.312},
        severity="warning",
        indicator="poverty_rate",
    ),
    "fraction_in_count": Case("fraction_in_count", at("buffalo_herd"), {"buffalo_herd": 61.5}),
    "date_in_number": Case(
        "not_a_number",
        at("cattle_herd"),
        edit=lambda s, r: s.cell(r["cattle_herd"], 6, __import__("datetime").date(2024, 5, 1)),
    ),
    "uncached_formula": Case("formula_no_value", at("rice_area"), {"rice_area": "=20+38.5"}),
    # An error pasted or left by a failed formula: calamine reads it as an empty cell.
    "excel_error": Case("cell_error", at("rice_output"), {"rice_output": "#DIV/0!"}),
    "unknown_code": Case(
        "unknown_indicator",
        at("rice_output", "B"),
        {"rice_output": 1},
        _code("rice_output", "rice_outptu"),
    ),
    "duplicate_code": Case(
        "duplicate_indicator",
        at("maize_output", "B"),
        {"maize_output": 1},
        _code("maize_output", "rice_output"),
    ),
    "code_cleared": Case(
        "code_missing", at("pig_herd"), {"pig_herd": 875}, _code("pig_herd", None)
    ),
    "other_units_indicator": Case(
        "indicator_other_unit",
        at("rice_output"),
        {"rice_output": 120},
        _set("C6", "tram-y-te"),
        severity="warning",
        indicator="rice_output",
    ),
    "year_missing": Case("year_missing", fixed("Kết quả!C4"), edit=_set("C4", None)),
    "year_not_a_year": Case("year_invalid", fixed("Kết quả!C4"), edit=_set("C4", "năm nay")),
    "year_not_in_plan": Case("year_not_in_plan", fixed("Kết quả!C4"), edit=_set("C4", 2042)),
    "year_other": Case(
        "other_year", fixed("Kết quả!C4"), edit=_set("C4", 2023), severity="warning"
    ),
    "period_missing": Case("period_missing", fixed("Kết quả!C5"), edit=_set("C5", None)),
    "period_invalid": Case("period_invalid", fixed("Kết quả!C5"), edit=_set("C5", "Quý V")),
    "period_other_year": Case("period_not_in_plan", fixed("Kết quả!C5"), edit=_set("C5", "2023Q2")),
    "unit_missing": Case("unit_missing", fixed("Kết quả!C6"), edit=_set("C6", None)),
    "unknown_unit": Case("unknown_unit", fixed("Kết quả!C6"), edit=_set("C6", "hoi-nong-dan")),
    "reporter_missing": Case(
        "reporter_missing", fixed("Kết quả!C7"), edit=_set("C7", None), severity="warning"
    ),
    "date_invalid": Case("date_invalid", fixed("Kết quả!C8"), edit=_set("C8", "31/02/2024")),
    "basis_invalid": Case("basis_invalid", fixed("Kết quả!C9"), edit=_set("C9", "ước tính")),
    "header_label_missing": Case(
        "header_missing", fixed("Kết quả!A11"), edit=_set("F11", "Số liệu")
    ),
    "sheet_missing": Case("sheet_missing", fixed(None), edit=_rename_sheet),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_broken_workbook_names_its_code_and_cell(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    path = tmp_path / f"{name}.xlsx"
    rows = make_form(path, case.values, unit=case.unit, edit=case.edit)
    problems = validate_results([path], plan(), Limits())
    found = [p for p in problems if p.code == case.code]
    assert len(found) == 1, [(p.code, p.location) for p in problems]
    (problem,) = found
    assert problem.severity == case.severity
    assert problem.file == str(path)
    assert problem.location == case.where(rows)
    if problem.location and "!" in problem.location:
        sheet, cell = problem.location.split("!")
        assert (problem.sheet, problem.cell) == (sheet, cell)
    if case.indicator:
        assert problem.indicator == case.indicator
    assert problem.message and problem.message[0].isupper() or problem.message[0] == '"'
    others = [p for p in problems if p.severity == "error" and p is not problem]
    assert others == [], [(p.code, p.location) for p in others]


def test_a_bad_cell_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "q2.xlsx"
    make_form(path, {"rice_output": "abc", "maize_output": 40})
    results, report = load_results([path], plan())
    (result,) = results.files
    assert result.value_of("rice_output") is None
    maize = result.value_of("maize_output")
    assert maize is not None and maize.value == 40
    assert report.flatten("code") == [("not_a_number",)]


def test_a_warning_keeps_the_figure(tmp_path: Path) -> None:
    path = tmp_path / "q2.xlsx"
    make_form(path, {"poverty_rate": 0.312}, unit="vhxh")
    results, report = load_results([path], plan())
    # 0,312 % against a target of 30,65 % is also 98 times too low: shown, not assessed
    assert report.valid and report.flatten("code") == [
        ("percentage_as_fraction",),
        ("implausible_value",),
    ]
    kept = results.files[0].value_of("poverty_rate")
    assert kept is not None and str(kept.value) == "0.312"


def test_excel_errors_are_found_with_or_without_a_formula_and_any_prefix() -> None:
    from kehoach_cli.results.xlsx import _error_cells

    sheet = (
        b'<row r="15"><c r="F15" s="3" t="e"><f>A1/0</f><v>#DIV/0!</v></c>'
        b'<c r="G15" t="e"/><c r="H15"><v>1</v></c>'
        b'<x:c r="I15" t=\'e\'><x:v>#REF!</x:v></x:c><c r="J15" t="s"><v>3</v></c></row>'
    )
    assert _error_cells(sheet) == {(14, 5): "#DIV/0!", (14, 8): "#REF!"}
    assert _error_cells(b'<c r="F15" t="n"><v>1</v></c>') == {}
