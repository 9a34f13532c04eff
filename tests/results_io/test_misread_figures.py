"""Figures that were once read wrong while validate said "hợp lệ" (issue #13): each is now read
right or refused at its place, in Vietnamese and English."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

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


# These forms fill only the rows a case needs; the warning that lists the other, empty
# "Thực hiện" cells (values_missing, tested in test_saved_forms) is not what they are about.
PARTLY_FILLED = "values_missing"


def codes(path: Path) -> list[tuple[str, str | None, str | None]]:
    found = validate_results([path], plan(), Limits())
    return [(p.code, p.location, p.indicator) for p in found if p.code != PARTLY_FILLED]


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


def test_rows_as_wide_as_a_padded_header_are_read(tmp_path: Path) -> None:
    # Excel pads every row to the widest, the header too: "…,120,,,".
    path = write_csv(
        tmp_path / "r.csv", [["1", "rice_output", "Lúa", "Tấn", "235", "120", "", "", ""]]
    )
    text = path.read_text(encoding="utf-8-sig").replace("Ghi chú", "Ghi chú,,")
    path.write_text(text, encoding="utf-8-sig")
    assert codes(path) == []
    assert value_of(path, "rice_output") == Decimal(120)


def test_a_shift_into_the_empty_note_column_is_caught(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["1", "rice_output", "Lúa", "Tấn", "235", "120", ""]])
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write("2,rice_area,Lúa: diện tích,Ha,59,58,5,\r\n")  # 58 and 5: never 58
    assert codes(path) == [("csv_extra_fields", "dòng 9", None)]


# -- 3. percent-formatted cells -----------------------------------------------------------------


def _percent(code: str, stored: float, fmt: str = "0.0%") -> object:
    def edit(sheet: Any, rows: dict[str, int]) -> None:
        cell = sheet.cell(rows[code], 6, stored)
        cell.number_format = fmt

    return edit


@pytest.mark.parametrize(
    ("stored", "fmt", "expected"),
    [
        (0.294, "0.0%", "29.4"),
        (0.3065, "0.00%", "30.65"),
        (0.3, "0%", "30"),
        (0.2058, "0.00%", "20.58"),
    ],
)
def test_a_rate_in_a_percent_cell_is_read_as_the_user_sees_it(
    tmp_path: Path, stored: float, fmt: str, expected: str
) -> None:
    path = tmp_path / "f.xlsx"
    make_form(path, {}, unit="vhxh", edit=_percent("poverty_rate", stored, fmt))
    assert codes(path) == []  # no percentage_as_fraction either: the format said so
    assert value_of(path, "poverty_rate") == Decimal(expected)


def test_a_plain_cell_holding_a_fraction_still_gets_the_warning(tmp_path: Path) -> None:
    rows = make_form(tmp_path / "f.xlsx", {"poverty_rate": 0.294}, unit="vhxh")
    cell = f"Kết quả!F{rows['poverty_rate']}"
    # 0,294 % against a target of 30,65 %: also a hundred times off, so not assessed either.
    assert codes(tmp_path / "f.xlsx") == [
        ("percentage_as_fraction", cell, "poverty_rate"),
        ("implausible_value", cell, "poverty_rate"),
    ]


def test_a_percent_cell_for_an_indicator_that_is_no_rate_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    rows = make_form(path, {}, edit=_percent("rice_area", 0.585, "0%"))
    assert codes(path) == [
        ("percent_format_not_rate", f"Kết quả!F{rows['rice_area']}", "rice_area")
    ]
    (problem,) = validate_results([path], plan(), Limits())
    assert problem.message.startswith("Ô được định dạng phần trăm (hiện 58,5%) nhưng chỉ tiêu")
    set_lang("en")
    (problem,) = validate_results([path], plan(), Limits())
    assert problem.message.startswith("The cell is formatted as a percentage (shows 58,5%)")


# -- 11. invisible and legacy characters --------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "typed", "hidden"),
    [
        ("code", "rice_output\u200b", "U+200B"),
        ("code", "rice\u00a0output", "U+00A0"),
        ("value", "120\u200b", "U+200B"),
        ("value", "\ufeff120", "U+FEFF"),
        ("year", "2\u00a0024", "U+00A0"),
        ("year", "2024\u2060", "U+2060"),
    ],
)
def test_a_hidden_character_that_breaks_a_value_is_named(
    tmp_path: Path, field: str, typed: str, hidden: str
) -> None:
    def edit(sheet: Any, rows: dict[str, int]) -> None:
        if field == "code":
            sheet.cell(rows["rice_output"], 2, typed)
        elif field == "value":
            sheet.cell(rows["rice_output"], 6, typed)
        else:
            sheet["C4"] = typed

    path = tmp_path / "f.xlsx"
    rows = make_form(path, {"rice_output": 120}, edit=edit)
    found = validate_results([path], plan(), Limits())
    place = {"code": f"B{rows['rice_output']}", "value": f"F{rows['rice_output']}", "year": "C4"}
    assert [(p.code, p.location) for p in found][:1] == [
        ("hidden_characters", f"Kết quả!{place[field]}")
    ]
    assert found[0].message.startswith(f"Ô có ký tự ẩn ({hidden}) nên không đọc được")


def test_the_hidden_character_message_in_english(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    make_form(path, {"rice_output": "12\u200b0"})
    set_lang("en")
    (problem,) = validate_results([path], plan(), Limits())
    assert problem.message.startswith('The cell has hidden characters (U+200B), so "120" cannot')


def test_a_double_bom_does_not_hide_the_year(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["1", "rice_output", "Lúa", "Tấn", "235", "120", ""]])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # saved twice with a BOM
    assert path.read_bytes().startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert codes(path) == []
    assert value_of(path, "rice_output") == Decimal(120)


# "Thực hiện", "Mã chỉ tiêu", "Địa chính - Nông nghiệp" as TCVN3 (.VnTime) and VNI bytes.
TCVN3 = {"Mã chỉ tiêu": "M· chØ tiªu", "Thực hiện": "Thùc hiÖn", "Năm": "N¨m"}
VNI = {"Mã chỉ tiêu": "Maõ chæ tieâu", "Thực hiện": "Thöïc hieän", "Năm": "Naêm"}


@pytest.mark.parametrize(("table", "name"), [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_a_form_typed_in_an_old_font_is_named_as_such(
    tmp_path: Path, table: dict[str, str], name: str
) -> None:
    path = tmp_path / "f.xlsx"

    def edit(sheet: Any, rows: dict[str, int]) -> None:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in table:
                    cell.value = table[cell.value]

    make_form(path, {"rice_output": 120}, edit=edit)
    (problem,) = validate_results([path], plan(), Limits())
    assert problem.code == "legacy_font"
    assert f"phông tiếng Việt cũ ({name})" in problem.message
    set_lang("en")
    (problem,) = validate_results([path], plan(), Limits())
    assert f"old Vietnamese font encoding ({name})" in problem.message


def test_a_unit_name_in_an_old_font_is_named_not_unknown(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    make_form(path, {}, edit=lambda sheet, rows: sheet.__setitem__("C6", "§Þa chÝnh - N«ng nghiÖp"))
    (problem,) = validate_results([path], plan(), Limits())
    assert (problem.code, problem.location) == ("legacy_font", "Kết quả!C6")


@pytest.mark.parametrize(("name", "line"), [("TCVN3", "dòng 1"), ("VNI", "dòng 3")])
def test_a_csv_saved_in_an_old_font_encoding_is_not_called_windows_1258(
    tmp_path: Path, name: str, line: str
) -> None:
    # Both are one byte a character: the file holds the font's Latin-1 code points. VNI's
    # "Naêm" looks like Vietnamese; its "Maõ chæ" on line 3 does not.
    table = TCVN3 if name == "TCVN3" else VNI
    text = "\r\n".join(
        [
            f"{table['Năm']},2024",
            "Ky bao cao,2024Q2",
            f"TT,{table['Mã chỉ tiêu']},{table['Thực hiện']}",
            "1,rice_output,120",
        ]
    )
    path = tmp_path / "r.csv"
    path.write_bytes(text.encode("latin-1"))
    (problem,) = validate_results([path], plan(), Limits())
    assert (problem.code, problem.location) == ("encoding_legacy_font", line)
    assert f"({name}: .VnTime, VNI-Times…)" in problem.message


def test_excel_unicode_text_in_a_results_folder_is_read(tmp_path: Path) -> None:
    rows = [*META, HEADER, ["1", "rice_output", "Lúa", "Tấn", "235", "120", ""]]
    text = "\r\n".join("\t".join(row) for row in rows)
    (tmp_path / "dcnn.txt").write_bytes(text.encode("utf-16"))  # with its BOM, as Excel does
    (tmp_path / "ghi-chu.txt").write_text("Nhớ gửi trước ngày 18", encoding="utf-8")
    results, report = load_results([tmp_path], plan())
    assert [(Path(f.source).name, f.values[0].value) for f in results.files] == [
        ("dcnn.txt", Decimal(120))
    ]
    assert [(p.severity, p.code, Path(p.file or "").name) for p in report] == [
        ("warning", "text_not_results", "ghi-chu.txt")
    ]


@pytest.mark.parametrize(
    ("name", "content", "vi", "en"),
    [
        (
            "ghi-chu.txt",
            "Nhớ gửi trước ngày 18".encode(),
            'Tệp .txt này không phải biểu mẫu kết quả (không có cột "Mã chỉ tiêu")',
            'This .txt file is not a results form (no "Mã chỉ tiêu" column)',
        ),
        (
            "tcvn3.csv",
            "N¨m,2024\r\nTT,M· chØ tiªu,Thùc hiÖn\r\n".encode("latin-1"),
            "Tệp có vẻ được gõ bằng phông tiếng Việt cũ (TCVN3: .VnTime, VNI-Times…)",
            "The file seems typed in an old Vietnamese font encoding (TCVN3: .VnTime, VNI-Times…)",
        ),
    ],
)
def test_the_file_level_messages_in_both_languages(
    tmp_path: Path, name: str, content: bytes, vi: str, en: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (problem,) = validate_results([path], plan(), Limits())
    assert problem.message.startswith(vi)
    set_lang("en")
    (problem,) = validate_results([path], plan(), Limits())
    assert problem.message.startswith(en)
