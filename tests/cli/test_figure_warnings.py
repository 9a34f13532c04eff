"""A warning about a figure reaches every report format (issue #13, case 4).

The shipped Q2 results, with the rice output typed with a zero too many (2.350 t against a
target of 235 t): the report shows it, with a note, does not assess it nor rank it.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ..conftest import PLAN, RESULTS, Cli

TODAY = "2024-07-05"
NOTE_VI = "⚠ Một số cây trồng chủ yếu › Lúa › Sản lượng (rice_output): số liệu 2.350 lệch"


def _set_rice(path: Path, value: object, note: str | None = None) -> None:
    book = load_workbook(path)
    sheet = book["Kết quả"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "rice_output")
    sheet.cell(row, 6, value)
    if note is not None:
        sheet.cell(row, 7, note)
    book.save(path)


@pytest.fixture
def results(tmp_path: Path) -> Path:
    folder = tmp_path / "results"
    shutil.copytree(RESULTS / "2024-q2", folder / "2024-q2")
    _set_rice(folder / "2024-q2" / "dcnn.xlsx", 2350)
    return folder


def report(cli: Cli, results: Path, *args: str):  # noqa: ANN201
    return cli(
        "report", "--plan", str(PLAN), "--results", str(results), "--period", "q2",
        "--today", TODAY, *args,
    )  # fmt: skip


def _json(cli: Cli, results: Path, *args: str) -> dict:  # type: ignore[type-arg]
    run = report(cli, results, "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def test_json_gives_each_indicator_its_warnings_and_the_figure_is_not_assessed(
    cli: Cli, results: Path
) -> None:
    data = _json(cli, results)
    by_code = {i["code"]: i for i in data["indicators"]}
    rice = by_code["rice_output"]
    assert rice["actual"] == 2350 and rice["warnings"] == ["implausible_value"]
    assert (rice["status"], rice["status_label"]) == ("to_confirm", "Số liệu cần xác nhận")
    assert rice["completion_pct"] is None and rice["expected_pct"] is None
    # grain = rice + maize is computed from the suspect figure: not assessed either
    grain = by_code["grain_output"]
    assert grain["warnings"] == ["implausible_value"] and grain["status"] == "to_confirm"
    assert all(
        i["warnings"] == []
        for c, i in by_code.items()
        if c not in ("rice_output", "grain_output", "rice_yield")
    )
    assert data["counts"]["to_confirm"] == sum(
        i["status"] == "to_confirm" for i in by_code.values()
    )


def test_the_figure_is_not_ranked_until_confirmed(cli: Cli, results: Path, tmp_path: Path) -> None:
    flagged = {u["code"]: u for u in _json(cli, results)["units"]}
    _set_rice(results / "2024-q2" / "dcnn.xlsx", 2350, "Đã xác nhận")
    confirmed_data = _json(cli, results)
    confirmed = {u["code"]: u for u in confirmed_data["units"]}
    rice = next(i for i in confirmed_data["indicators"] if i["code"] == "rice_output")
    assert rice["warnings"] == [] and rice["status"] == "exceeded"
    to_confirm = flagged["dcnn"]["counts"]["to_confirm"]
    assert to_confirm >= 2
    # (issue #15: the ranking counts only the unit's own indicators, not grain or the yield
    # computed from rice: of the figures to confirm, rice output alone was ranked)
    assert flagged["dcnn"]["assessed"] == confirmed["dcnn"]["assessed"] - 1
    assert "rice_output" not in flagged["dcnn"]["ranked_indicators"]
    assert "rice_output" in confirmed["dcnn"]["ranked_indicators"]


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_text_formats_carry_the_note(cli: Cli, results: Path, fmt: str) -> None:
    run = report(cli, results, "--format", fmt)
    assert run.exit_code == 0, run.stderr
    text = run.stdout if fmt != "table" else " ".join(run.stdout.split())
    assert NOTE_VI in text
    assert "Số liệu cần xác nhận" in text


def test_csv_has_a_warnings_column(cli: Cli, results: Path) -> None:
    run = report(cli, results, "--format", "csv")
    rows = list(csv.reader(io.StringIO(run.stdout.lstrip("\ufeff"))))
    # The 15th column; #16 added columns after it, never before: the figure's estimate or
    # final state, then this period, last year and the change.
    assert rows[0][14] == "Cảnh báo số liệu" and rows[0][15] == "Tình trạng số liệu"
    rice = next(row for row in rows if row[3] == "rice_output")
    assert rice[11:16] == [
        "Số liệu cần xác nhận",
        "Công chức Địa chính - Nông nghiệp",
        str(results / "2024-q2" / "dcnn.xlsx"),
        "implausible_value",
        "Chính thức",
    ]


@pytest.mark.parametrize("ext", ["xlsx", "docx"])
def test_office_formats_carry_the_note(cli: Cli, results: Path, tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"bao-cao.{ext}"
    run = report(cli, results, "--output", str(out))
    assert run.exit_code == 0, run.stderr
    if ext == "xlsx":
        book = load_workbook(io.BytesIO(out.read_bytes()))
        text = " ".join(
            str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value
        )
    else:
        from docx import Document

        document = Document(io.BytesIO(out.read_bytes()))
        text = " ".join(p.text for p in document.paragraphs)
        text += " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
        assert "Tổng sản lượng lương thực có hạt đạt 2.390 tấn, số liệu cần xác nhận" in text
        assert "trong đó lúa 2.350 tấn (số liệu cần xác nhận)" in text
    assert NOTE_VI in text
    assert zipfile.is_zipfile(out)


def test_english_note(cli: Cli, results: Path) -> None:
    run = report(cli, results, "--format", "markdown", "--lang", "en")
    assert (
        "⚠ Một số cây trồng chủ yếu › Lúa › Sản lượng (rice_output): the figure 2,350 is 10 "
        "times or more off the annual target 235" in run.stdout
    )


def test_allow_invalid_keeps_its_meaning_and_the_error_reaches_the_figure(
    cli: Cli, results: Path
) -> None:
    from datetime import date

    copy = results / "2024-q2" / "z-dcnn-lan-2.xlsx"
    shutil.copy(results / "2024-q2" / "dcnn.xlsx", copy)
    _set_rice(copy, 235)  # the corrected figure, sent later as a second file
    book = load_workbook(copy)
    book["Kết quả"]["C8"] = date(2024, 6, 20)
    book.save(copy)
    refused = report(cli, results, "--format", "json")
    assert refused.exit_code == 1 and refused.stdout == ""
    data = _json(cli, results, "--allow-invalid")
    rice = next(i for i in data["indicators"] if i["code"] == "rice_output")
    # the latest file's figure is used, and the conflict found with it is its warning
    assert rice["actual"] == 235 and rice["warnings"] == ["conflicting_values"]
    assert rice["status"] != "to_confirm"


def test_a_conflict_reaches_the_figure_whichever_file_it_is_taken_from(
    cli: Cli, results: Path
) -> None:
    from datetime import date

    copy = results / "2024-q2" / "a-dcnn-lan-2.xlsx"  # sorted first: the conflict is not on it
    shutil.copy(results / "2024-q2" / "dcnn.xlsx", copy)
    _set_rice(copy, 235)
    book = load_workbook(copy)
    book["Kết quả"]["C8"] = date(2024, 6, 20)  # the later report: its figure is used
    book.save(copy)
    data = _json(cli, results, "--allow-invalid")
    rice = next(i for i in data["indicators"] if i["code"] == "rice_output")
    assert rice["actual"] == 235 and rice["warnings"] == ["conflicting_values"]
    (conflict,) = [p for p in data["problems"]["problems"] if p["code"] == "conflicting_values"]
    assert conflict["file"] == str(results / "2024-q2" / "dcnn.xlsx")


def test_a_warning_other_than_implausible_is_a_note_too(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "results"
    shutil.copytree(RESULTS / "2024-q1", folder / "2024-q1")
    shutil.copytree(RESULTS / "2024-q2", folder / "2024-q2")
    book = load_workbook(folder / "2024-q2" / "dcnn.xlsx")
    sheet = book["Kết quả"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "pig_herd")
    before = load_workbook(folder / "2024-q1" / "dcnn.xlsx")["Kết quả"].cell(row, 6).value
    sheet.cell(row, 6, before * 2)  # the herd doubled in a quarter: stock_jump, a warning
    book.save(folder / "2024-q2" / "dcnn.xlsx")
    run = report(cli, folder, "--format", "markdown")
    assert run.exit_code == 0, run.stderr
    assert (
        "⚠ Đàn gia súc › Đàn heo (pig_herd): số liệu có cảnh báo khi kiểm tra (stock_jump); "
        "xem `kehoach validate`." in run.stdout
    )


def test_last_years_folder_never_blocks_the_report(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "results"
    shutil.copytree(RESULTS / "2024-q2", folder / "2024-q2")
    last = folder / "2023-q4"
    shutil.copytree(RESULTS / "2024-q2", last)
    for path in last.glob("*.xlsx"):
        book = load_workbook(path)
        book["Kết quả"]["C4"], book["Kết quả"]["C5"] = 2023, "2023Q4"
        book.save(path)
    # Without a plan of 2023 beside the plan, 2023's files are only noted (with one, they are
    # last year's figures: tests/cli/test_year_over_year.py).
    alone = shutil.copy(PLAN, tmp_path / "plan_2024.yaml")
    run = cli("report", "--plan", str(alone), "--results", str(folder), "--period", "q2",
              "--today", TODAY, "--format", "markdown")  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert f"Bỏ qua {last / 'dcnn.xlsx'}: Tệp này là số liệu năm 2023" in run.stdout
    validate = cli("validate", "--plan", str(alone), str(folder))
    assert validate.exit_code == 0, validate.stdout
    assert "other_year" in validate.stdout and "Sửa năm" not in validate.stdout
