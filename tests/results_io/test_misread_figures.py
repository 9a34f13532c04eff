"""Figures that were once read wrong while validate said "hợp lệ" (issue #13): each is now read
right or refused at its place, in Vietnamese and English."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from kehoach_cli.messages import set_lang
from kehoach_cli.results import load_results, read_result_file, validate_results
from kehoach_cli.safety.limits import Limits

from .forms import Q1, make_form, plan

META = [
    ["Năm", "2024"],
    ["Kỳ báo cáo", "2024Q2"],
    ["Đơn vị báo cáo", "dcnn"],
    ["Người báo cáo", "Nguyễn Văn A"],
    ["Ngày báo cáo", "18/06/2024"],
    [],
]
HEADER = ["TT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Thực hiện", "Ghi chú"]


def write_csv(path: Path, table: list[list[str]], *, delimiter: str = ",") -> Path:
    """A CSV as Excel writes one: BOM, the metadata rows, the header, the table."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerows([*META, HEADER, *table])
    return path


def codes(path: Path) -> list[tuple[str, str | None, str | None]]:
    return [(p.code, p.location, p.indicator) for p in validate_results([path], plan(), Limits())]


def value_of(path: Path, code: str) -> Decimal | None:
    result, _ = read_result_file(path, plan())
    assert result is not None
    return next((v.value for v in result.values if v.code == code), None)


# -- 1. thousands written the English way -------------------------------------------------------


@pytest.mark.parametrize("typed", ["7,000", "1,000", " 7,000 ", "6,725"])
def test_a_comma_before_three_digits_in_a_text_cell_is_refused_not_read_as_a_fraction(
    tmp_path: Path, typed: str
) -> None:
    rows = make_form(tmp_path / "f.xlsx", {"poultry_flock": typed})
    assert codes(tmp_path / "f.xlsx") == [
        ("ambiguous_number", f"Kết quả!F{rows['poultry_flock']}", "poultry_flock")
    ]


def test_the_refusal_says_how_to_write_either_reading(tmp_path: Path) -> None:
    make_form(tmp_path / "f.xlsx", {"poultry_flock": "7,000", "rice_area": "58,125"})
    found = validate_results([tmp_path / "f.xlsx"], plan(), Limits())
    messages = {p.indicator: p.message for p in found}
    assert messages["poultry_flock"] == (
        '"7,000" không rõ nghĩa: 7000 (hàng nghìn) hay 7 (số thập phân)? Ghi lại cho rõ: 7000 '
        "(không dùng dấu phân cách hàng nghìn) hoặc 7."
    )
    # 58,125 would itself be ambiguous: the decimal reading is offered with a fourth decimal.
    assert "hoặc 58,1250." in messages["rice_area"]
    set_lang("en")
    found = validate_results([tmp_path / "f.xlsx"], plan(), Limits())
    assert {p.indicator: p.message for p in found}["poultry_flock"] == (
        '"7,000" is ambiguous: 7000 (thousands) or 7 (a decimal)? Write it so that it cannot '
        "be misread: 7000 (no thousands separator) or 7."
    )


def test_the_same_figure_in_a_numeric_cell_is_read(tmp_path: Path) -> None:
    make_form(tmp_path / "f.xlsx", {"poultry_flock": 7000})  # shown as 7,000 by "#,##0"
    assert value_of(tmp_path / "f.xlsx", "poultry_flock") == Decimal(7000)


def test_an_english_csv_export_of_the_form_never_yields_a_fraction_message(
    tmp_path: Path,
) -> None:
    # English-locale Excel writes the "#,##0" cells as shown and quotes them: "6,700".
    path = write_csv(
        tmp_path / "en.csv",
        [
            ["1", "poultry_flock", "Đàn gia cầm", "Con", "6,700", "7,000", ""],
            ["2", "rice_area", "Lúa: diện tích", "Ha", "59.00", "58.5", ""],
            ["3", "cattle_herd", "Đàn bò", "Con", "930", "1,200", ""],
        ],
    )
    assert codes(path) == [
        ("ambiguous_number", "dòng 8, cột F", "poultry_flock"),
        ("ambiguous_number", "dòng 10, cột F", "cattle_herd"),
    ]
    assert value_of(path, "rice_area") == Decimal("58.5")


def test_a_yaml_value_with_a_thousands_comma_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "year: 2024\nperiod: 2024Q2\nunit: dcnn\nreporter: A\nreported_on: 2024-06-18\n"
        "values:\n  poultry_flock: 1,000\n  cattle_herd: '1.000'\n",
        encoding="utf-8",
    )
    assert codes(path) == [("ambiguous_number", "dòng 7", "poultry_flock")]
    assert value_of(path, "cattle_herd") == Decimal(1000)  # the Vietnamese dot, in a count


# -- 7. spreadsheet arithmetic noise ------------------------------------------------------------


def test_float_noise_from_a_formula_is_not_the_figure(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    make_form(path, {"rice_area": 58.50000000000001, "pig_herd": 874.9999999999999})
    assert codes(path) == []  # no fraction_in_count for 874.9999999999999 pigs
    assert value_of(path, "rice_area") == Decimal("58.5")
    assert value_of(path, "pig_herd") == Decimal(875)


def test_noise_does_not_make_a_year_to_date_figure_fall(tmp_path: Path) -> None:
    make_form(tmp_path / "q1.xlsx", {"maize_area": 12.3}, unit="dcnn", period=Q1)
    make_form(tmp_path / "q2.xlsx", {"maize_area": 12.299999999999999}, unit="dcnn")
    results, report = load_results([tmp_path], plan())
    assert [p.code for p in report] == []
    figures = {v.value for f in results.files for v in f.values if v.code == "maize_area"}
    assert figures == {Decimal("12.3")}


# -- 12. what people type -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "period", ["Quý 2 năm 2024", "II/2024", "quy2", "quý2", "Quý II - 2024", "Quý II năm 2024"]
)
def test_periods_as_people_type_them(tmp_path: Path, period: str) -> None:
    path = tmp_path / "f.xlsx"
    make_form(path, {"rice_output": 120}, edit=lambda sheet, rows: sheet.__setitem__("C5", period))
    result, problems = read_result_file(path, plan())
    assert problems == []
    assert result is not None and result.period.id == "2024Q2"


@pytest.mark.parametrize(
    "typed",
    ["18/06/24", "18/6/2024", "ngày 18 tháng 6 năm 2024", "Trà Bùi, ngày 18 tháng 06 năm 2024"],
)
def test_report_dates_as_people_type_them(tmp_path: Path, typed: str) -> None:
    path = write_csv(tmp_path / "r.csv", [["1", "rice_output", "Lúa", "Tấn", "235", "120", ""]])
    path.write_text(
        path.read_text(encoding="utf-8-sig").replace("18/06/2024", f'"{typed}"'),
        encoding="utf-8-sig",
    )
    result, problems = read_result_file(path, plan())
    assert problems == []
    assert result is not None and str(result.reported_on) == "2024-06-18"


def test_a_date_that_is_no_day_is_still_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["1", "rice_output", "Lúa", "Tấn", "235", "120", ""]])
    path.write_text(
        path.read_text(encoding="utf-8-sig").replace("18/06/2024", "ngày 31 tháng 6 năm 2024"),
        encoding="utf-8-sig",
    )
    assert codes(path) == [("date_invalid", "dòng 5, cột B", None)]


# -- 2. unquoted decimal commas in a comma-separated file ---------------------------------------


def test_a_row_with_more_fields_than_the_header_is_an_error_naming_its_line(
    tmp_path: Path,
) -> None:
    path = write_csv(tmp_path / "r.csv", [["1", "rice_output", "Lúa", "Tấn", "235", "120", ""]])
    with path.open("a", encoding="utf-8", newline="") as handle:
        # Typed by hand: "30,65" and "31,2" unquoted become four fields.
        handle.write("2,child_malnutrition_rate,Suy dinh dưỡng,%,30,2,28,5,\r\n")
        handle.write("3,pig_herd,Đàn lợn,Con,900,850,\r\n")
    assert codes(path) == [("csv_extra_fields", "dòng 9", None)]
    result, _ = read_result_file(path, plan())
    assert result is not None
    assert {v.code: v.value for v in result.values} == {
        "rice_output": Decimal(120),
        "pig_herd": Decimal(850),
    }
    (problem,) = validate_results([path], plan(), Limits())
    assert problem.message.startswith("Dòng này có 9 trường, nhiều hơn 7 cột của dòng tiêu đề")
    set_lang("en")
    (problem,) = validate_results([path], plan(), Limits())
    assert problem.message.startswith("This line has 9 fields, more than the header's 7 columns")


def test_trailing_empty_fields_are_not_extra(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "r.csv", [["1", "rice_output", "Lúa", "Tấn", "235", "120", "", "", ""]]
    )
    assert codes(path) == []
