"""`kehoach validate` on results: the acceptance commands of issue 3, streams, JSON, languages."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from kehoach_cli.plan.io import load_plan
from kehoach_cli.results import validate_results
from kehoach_cli.safety.limits import Limits

from ..conftest import PLAN, RESULTS, Cli


def _fill(path: Path, values: dict[str, object]) -> dict[str, str]:
    """Fill "Thực hiện" by indicator code, as a script would; returns code → cell."""
    book = openpyxl.load_workbook(path)
    sheet = book["Kết quả"]
    cells: dict[str, str] = {}
    for row in range(12, sheet.max_row + 1):
        code = sheet.cell(row, 2).value
        if code in values:
            sheet.cell(row, 6, values[code])
            cells[code] = f"F{row}"
    book.save(path)
    return cells


def test_shipped_results_folder_is_valid(cli: Cli) -> None:
    result = cli("validate", str(RESULTS), "--plan", str(PLAN))
    assert result.exit_code == 0, result.stdout
    assert result.stderr == ""
    # 2024's 29 files and 2023's 18 (checked against data/plan_2023.yaml beside the plan)
    assert result.stdout.strip().endswith("Tổng cộng: 0 lỗi, 0 cảnh báo trong 47 tệp.")
    assert "2023-q2/dcnn.xlsx: hợp lệ." in result.stdout


def test_shipped_results_by_default_from_a_fresh_checkout(cli: Cli, workdir: Path) -> None:
    result = cli("validate", "data/results/")
    assert result.exit_code == 0, result.stdout


def test_template_filled_by_a_script_validates(cli: Cli, tmp_path: Path) -> None:
    form = tmp_path / "form.xlsx"
    assert (
        cli("template", "--period", "q2", "--output", str(form), "--plan", str(PLAN)).exit_code == 0
    )
    plan = load_plan(PLAN)
    values: dict[str, object] = {}
    for ind in plan.indicators:
        if not ind.derived:
            values[ind.code] = 10 if ind.is_count or ind.is_percentage else 12.5
    _fill(form, values)
    result = cli("validate", str(form), "--plan", str(PLAN))
    assert result.exit_code == 0, result.stdout
    assert "0 lỗi" in result.stdout


def test_abc_minus_five_and_ambiguous_text_exit_1_naming_the_three_cells(
    cli: Cli, tmp_path: Path
) -> None:
    form = tmp_path / "form.xlsx"
    cli("template", "--period", "q2", "--output", str(form), "--plan", str(PLAN))
    cells = _fill(form, {"rice_output": "abc", "pig_herd": "-5", "maize_output": "12.345"})
    result = cli("validate", str(form), "--plan", str(PLAN))
    assert result.exit_code == 1
    assert result.stderr == ""
    for code, problem in (
        ("rice_output", "not_a_number"),
        ("pig_herd", "negative_value"),
        ("maize_output", "ambiguous_number"),
    ):
        assert f"{form} › Kết quả!{cells[code]}: LỖI {problem} [{code}]" in result.stdout
    assert "Tổng cộng: 3 lỗi" in result.stdout


def test_json_equals_the_library_and_names_sheet_and_cell(cli: Cli, tmp_path: Path) -> None:
    form = tmp_path / "form.xlsx"
    cli("template", "-p", "q2", "-u", "vhxh", "-o", str(form), "--plan", str(PLAN))
    cells = _fill(form, {"poverty_rate": 131.2, "poor_households_reduced": 18})
    result = cli("validate", str(form), "--plan", str(PLAN), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    library = validate_results([form], load_plan(PLAN), Limits())
    assert data["problems"] == [p.to_dict() for p in library]
    assert data["files"] == [str(form)]
    over = next(p for p in data["problems"] if p["code"] == "percentage_over_100")
    assert over["sheet"] == "Kết quả" and over["cell"] == cells["poverty_rate"]
    assert over["location"] == f"Kết quả!{cells['poverty_rate']}"
    assert over["indicator"] == "poverty_rate"


def test_english(cli: Cli, tmp_path: Path) -> None:
    form = tmp_path / "form.xlsx"
    cli("template", "-p", "q2", "-u", "vhxh", "-o", str(form), "--plan", str(PLAN))
    _fill(form, {"poor_households_reduced": 1.5})
    result = cli("validate", str(form), "--plan", str(PLAN), "--lang", "en")
    assert result.exit_code == 1
    assert "ERROR fraction_in_count [poor_households_reduced]" in result.stdout
    assert "A fraction (1,5) in an indicator counted in Hộ. Write a whole number." in result.stdout
    assert "WARNING reporter_missing" in result.stdout


def test_a_plan_and_results_together(cli: Cli) -> None:
    result = cli("validate", str(PLAN), str(RESULTS / "2024-q2"), "--plan", str(PLAN))
    assert result.exit_code == 0
    assert "trong 7 tệp" in result.stdout


def test_conflicting_copy_in_a_folder_is_an_error_naming_both_files(
    cli: Cli, tmp_path: Path
) -> None:
    import shutil

    shutil.copy(RESULTS / "2024-q2" / "vhxh.xlsx", tmp_path / "vhxh.xlsx")
    copy = (RESULTS / "examples" / "yaml" / "2024-q2" / "vhxh.yaml").read_text(encoding="utf-8")
    (tmp_path / "vhxh-sua.yaml").write_text(copy.replace("31.2", "30.2"), encoding="utf-8")
    result = cli("validate", str(tmp_path), "--plan", str(PLAN))
    assert result.exit_code == 1
    assert "LỖI conflicting_values [poverty_rate]" in result.stdout
    assert f"{tmp_path / 'vhxh.xlsx'} › Kết quả!F" in result.stdout
