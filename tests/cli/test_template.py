"""`kehoach template`: the form, its protections and validations, refusals, languages."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from ..conftest import PLAN, Cli

HEADERS = ["TT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Thực hiện", "Ghi chú"]


def test_whole_commune_form(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "form.xlsx"
    result = cli("template", "--period", "q2", "--output", str(out), "--plan", str(PLAN))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == (
        f"Đã ghi biểu mẫu {out}: Toàn xã (Ủy ban nhân dân xã Trà Bùi), Quý II năm 2024, "
        "29 chỉ tiêu cần nhập.\n"
    )
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Kết quả", "Hướng dẫn"]
    sheet = book["Kết quả"]
    assert [c.value for c in sheet[11]] == HEADERS
    assert (sheet["C4"].value, sheet["C5"].value, sheet["C6"].value) == (2024, "2024Q2", "toan-xa")
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet.freeze_panes == "A12"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.column_dimensions["C"].width >= 40
    rows = {
        sheet.cell(r, 2).value: r for r in range(12, sheet.max_row + 1) if sheet.cell(r, 2).value
    }
    for code, row in rows.items():
        locked = {col: sheet.cell(row, col).protection.locked for col in range(1, 8)}
        assert locked[1] and locked[2] and locked[3] and locked[5], code
        assert not locked[7], code
    validations = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    by_cell = {cell: dv for ref, dv in validations.items() for cell in ref.split()}
    assert by_cell[f"F{rows['pig_herd']}"].type == "whole"
    assert by_cell[f"F{rows['poverty_rate']}"].type == "decimal"
    assert by_cell[f"F{rows['poverty_rate']}"].formula2 == "100"
    assert by_cell[f"F{rows['rice_output']}"].operator == "greaterThanOrEqual"
    assert f"F{rows['grain_output']}" not in by_cell
    assert sheet.cell(rows["grain_output"], 6).protection.locked
    assert "HƯỚNG DẪN" in book["Hướng dẫn"]["A1"].value
    instructions = " ".join(str(c.value) for c in book["Hướng dẫn"]["A"] if c.value)
    assert 'Nếu đúng, ghi "Đã xác nhận" ở cột Ghi chú của dòng đó' in instructions  # issue #13


def test_unit_form_has_only_its_indicators(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "vhxh.xlsx"
    result = cli("template", "-p", "2024Q3", "-u", "vhxh", "-o", str(out), "--plan", str(PLAN))
    assert result.exit_code == 0
    sheet = openpyxl.load_workbook(out)["Kết quả"]
    codes = [sheet.cell(r, 2).value for r in range(12, sheet.max_row + 1) if sheet.cell(r, 2).value]
    assert codes == ["poor_households_reduced", "poverty_rate"]
    assert sheet["C5"].value == "2024Q3" and sheet["C6"].value == "vhxh"


def test_a_unit_with_only_computed_indicators_needs_no_form(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "vp-tk.xlsx"
    result = cli("template", "-p", "q2", "-u", "vp-tk", "-o", str(out), "--plan", str(PLAN))
    assert result.exit_code == 2
    assert "general_pupils" in result.stderr and not out.exists()


def test_refuses_to_overwrite_the_plan_or_a_filled_form(cli: Cli, workdir: Path) -> None:
    result = cli("template", "-p", "q2", "-o", "data/plan_2024.yaml")
    assert result.exit_code == 2 and "đuôi .xlsx" in result.stderr
    filled = Path("data/results/2024-q2/dcnn.xlsx")
    before = filled.read_bytes()
    result = cli("template", "-p", "q2", "-u", "dcnn", "-o", str(filled))
    assert result.exit_code == 2
    assert "thư mục kết quả" in result.stderr
    assert filled.read_bytes() == before


def test_refuses_output_that_is_the_plan_whatever_its_name(cli: Cli, tmp_path: Path) -> None:
    plan_copy = tmp_path / "plan.xlsx"
    plan_copy.write_bytes(PLAN.read_bytes())
    result = cli("template", "-p", "q2", "-o", str(plan_copy), "--plan", str(plan_copy))
    assert result.exit_code == 2
    assert "tệp kế hoạch" in result.stderr
    assert plan_copy.read_bytes() == PLAN.read_bytes()


def test_usage_errors_are_one_line(cli: Cli, tmp_path: Path) -> None:
    out = str(tmp_path / "f.xlsx")
    result = cli("template", "-p", "q7", "-o", out, "--plan", str(PLAN))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "q7" in result.stderr
    result = cli("template", "-p", "q2", "-u", "xyz", "-o", out, "--plan", str(PLAN))
    assert result.exit_code == 2 and "dcnn, tram-y-te" in result.stderr
    result = cli(
        "template", "-p", "q2", "-o", str(tmp_path / "nope" / "f.xlsx"), "--plan", str(PLAN)
    )
    assert result.exit_code == 2


def test_english_messages(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "f.xlsx"
    result = cli(
        "template", "-p", "q2", "-u", "dcnn", "-o", str(out), "--plan", str(PLAN), "--lang", "en"
    )
    assert result.exit_code == 0
    assert result.stdout.startswith(
        f"Form written to {out}: Công chức Địa chính - Nông nghiệp, Q2 2024"
    )


def test_no_temporary_file_is_left_behind(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "f.xlsx"
    cli("template", "-p", "q1", "-o", str(out), "--plan", str(PLAN))
    cli("template", "-p", "q1", "-o", str(out), "--plan", str(PLAN))  # an empty form: overwritten
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.xlsx"]


def test_current_period_from_today_and_quiet(cli, workdir) -> None:  # noqa: ANN001
    import openpyxl

    result = cli(
        "template",
        "--period",
        "current",
        "--today",
        "2024-06-20",
        "--unit",
        "dcnn",
        "--output",
        "form.xlsx",
        "--quiet",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    sheet = openpyxl.load_workbook(workdir / "form.xlsx")["Kết quả"]
    assert "2024Q2" in [c.value for row in sheet.iter_rows(max_row=10) for c in row]
