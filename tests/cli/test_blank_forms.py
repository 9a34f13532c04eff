"""A blank form is not a submission (issue #13, case 10): `status` and `validate`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import PLAN, RESULTS, Cli
from ..results_io.make_saved_forms import OUT


@pytest.fixture
def results(tmp_path: Path) -> Path:
    """The shipped Q2 results, with ĐC-NN's form sent back blank (saved by LibreOffice)."""
    folder = tmp_path / "results"
    shutil.copytree(RESULTS / "2024-q2", folder / "2024-q2")
    shutil.copy(OUT / "blank_saved_by_libreoffice.xlsx", folder / "2024-q2" / "dcnn.xlsx")
    return folder


def status(cli: Cli, results: Path, *args: str):  # noqa: ANN201
    return cli(
        "status", "--plan", str(PLAN), "--results", str(results), "--period", "q2",
        "--today", "2024-06-20", *args,
    )  # fmt: skip


def test_a_blank_form_is_received_without_figures_and_not_counted(cli: Cli, results: Path) -> None:
    run = status(cli, results, "--format", "json")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    dcnn = next(u for u in data["units"] if u["code"] == "dcnn")
    assert (dcnn["state"], dcnn["received"]) == ("no_figures", True)
    assert dcnn["files"][0]["blank"] is True and dcnn["files"][0]["figures"] == 0
    summary = data["summary"]
    assert (summary["received"], summary["expected"], summary["no_figures"]) == (5, 6, 1)
    assert summary["reporting_rate"] == 83.33
    assert data["incomplete"] is True


def test_the_table_says_received_no_figures(cli: Cli, results: Path) -> None:
    run = status(cli, results)
    row = next(line for line in run.stdout.splitlines() if line.startswith("ĐC-NN"))
    assert row.rstrip().endswith("Đã nhận, chưa có số liệu")
    assert "chưa nộp 0, đã nhận nhưng chưa có số liệu 1; tệp không hợp lệ" in run.stdout
    assert "Tỷ lệ báo cáo: 5/6 đơn vị (83,33%)" in run.stdout


def test_fail_on_missing_exits_3_for_a_blank_form(cli: Cli, results: Path) -> None:
    run = status(cli, results, "--fail-on-missing", "--quiet")
    assert run.exit_code == 3
    assert run.stdout.startswith("Quý II năm 2024: Công chức Địa chính - Nông nghiệp đã gửi biểu")
    assert "chưa điền số liệu nào" in run.stdout


def test_english_wording(cli: Cli, results: Path) -> None:
    run = status(cli, results, "--lang", "en")
    row = next(line for line in run.stdout.splitlines() if line.startswith("ĐC-NN"))
    assert row.rstrip().endswith("Received, no figures")


def test_validate_warns_that_nothing_was_entered(cli: Cli, results: Path) -> None:
    run = cli("validate", "--plan", str(PLAN), str(results / "2024-q2" / "dcnn.xlsx"))
    assert run.exit_code == 0
    assert "no_figures" in run.stdout
    assert 'Biểu mẫu chưa có số liệu nào ở cột "Thực hiện"' in run.stdout
