"""#16: a form says whether its figures are estimates ("Ước thực hiện") or final ("Chính thức"),
for the whole file and, through a row's "Ghi chú", for one figure; every reader gets it."""

from __future__ import annotations

from pathlib import Path

from kehoach_cli.results import read_result_file
from kehoach_cli.results.template import META_ROWS, build_form

from ..conftest import TESTDATA
from .forms import Q2, make_form, plan

SAVED = TESTDATA / "results" / "saved"


def _flags(path: Path) -> tuple[bool | None, dict[str, bool], list[str]]:
    result, problems = read_result_file(path, plan())
    assert result is not None
    figures = {v.code: v.estimate for v in result.values if v.value is not None}
    return result.estimate, figures, [p.code for p in problems]


def test_the_form_offers_the_field_with_a_dropdown_and_final_as_its_default() -> None:
    sheet = build_form(plan(), Q2, "dcnn")["Kết quả"]
    row = META_ROWS["estimate"]
    assert (sheet.cell(row, 2).value, sheet.cell(row, 3).value) == (
        "Tình trạng số liệu",
        "Chính thức",
    )
    assert sheet.cell(META_ROWS["basis"], 2).value == "Số liệu"  # the basis keeps its row
    (check,) = [v for v in sheet.data_validations.dataValidation if f"C{row}" in str(v.sqref)]
    assert check.formula1 == '"Ước thực hiện,Chính thức"'
    assert sheet.cell(row, 3).protection.locked is False


def test_an_xlsx_saying_estimate_marks_every_figure_but_one_noted_final(tmp_path: Path) -> None:
    def estimate(sheet: object, rows: dict[str, int]) -> None:
        sheet.cell(META_ROWS["estimate"], 3, "Ước thực hiện")  # type: ignore[attr-defined]

    path = tmp_path / "dcnn.xlsx"
    make_form(
        path,
        {"rice_output": 150, "maize_output": 40},
        unit="dcnn",
        notes={"maize_output": "Số chính thức"},
        edit=estimate,
    )
    assert _flags(path) == (True, {"rice_output": True, "maize_output": False}, [])


def test_a_form_left_at_final_holds_final_figures_but_the_one_noted_estimate(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dcnn.xlsx"
    make_form(path, {"rice_output": 150, "maize_output": 40}, notes={"rice_output": "Ước đạt"})
    assert _flags(path) == (False, {"rice_output": True, "maize_output": False}, [])


def test_the_field_survives_libreoffice_as_ods_and_as_csv() -> None:
    expected = (True, {"rice_output": True, "maize_output": False}, [])
    assert _flags(SAVED / "estimate_saved_by_libreoffice.ods") == expected
    # A CSV keeps the formulas' values as typed figures: the computed grain is an estimate too.
    assert _flags(SAVED / "estimate_saved_by_libreoffice.csv") == (
        True,
        {"grain_output": True, "rice_output": True, "maize_output": False},
        [],
    )


def test_an_old_form_without_the_field_holds_final_figures() -> None:
    # Saved by LibreOffice before the field existed.
    estimate, figures, _ = _flags(SAVED / "ods_saved_by_libreoffice.ods")
    assert estimate is None
    assert figures == {"rice_output": False}


def test_a_hand_made_csv_with_estimate_under_so_lieu_is_read_as_the_field(tmp_path: Path) -> None:
    path = tmp_path / "dcnn.csv"
    path.write_text(
        "Năm,2024\nKỳ báo cáo,2024Q2\nĐơn vị báo cáo,dcnn\nNgười báo cáo,A\n"
        "Ngày báo cáo,18/06/2024\nSố liệu,Ước thực hiện\n\n"
        "TT,Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Kế hoạch năm,Thực hiện,Ghi chú\n"
        "1,rice_output,Sản lượng lúa,Tấn,235,150,\n",
        encoding="utf-8",
    )
    result, problems = read_result_file(path, plan())
    assert result is not None and problems == []
    assert (result.basis, result.estimate, result.values[0].estimate) == (
        "year_to_date",
        True,
        True,
    )


def test_yaml_says_it_with_a_key_and_a_bad_word_is_a_located_warning(tmp_path: Path) -> None:
    head = "year: 2024\nperiod: 2024Q2\nunit: dcnn\nreporter: A\nreported_on: 2024-06-18\n"
    path = tmp_path / "dcnn.yaml"
    path.write_text(head + "estimate: true\nvalues:\n  rice_output: 150\n", encoding="utf-8")
    assert _flags(path) == (True, {"rice_output": True}, [])
    path.write_text(
        head + "estimate: Chính thức\nvalues:\n  rice_output: {value: 150, note: ước}\n",
        encoding="utf-8",
    )
    assert _flags(path) == (False, {"rice_output": True}, [])
    path.write_text(head + "estimate: tạm\nvalues:\n  rice_output: 150\n", encoding="utf-8")
    result, problems = read_result_file(path, plan())
    (problem,) = problems
    assert (problem.code, problem.severity, problem.location) == (
        "estimate_invalid",
        "warning",
        "dòng 6",
    )
    assert '"tạm" không rõ là số ước hay số chính thức' in problem.message
    assert result is not None and result.values[0].estimate is False
