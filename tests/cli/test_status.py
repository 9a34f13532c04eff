"""`kehoach status`: table, JSON equal to the library's, --quiet, --fail-on-missing, errors."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.report.submissions import submission_status
from kehoach_cli.results import load_results

from ..conftest import PLAN, RESULTS, Cli

UNIT_NAMES = (
    "Công chức Địa chính - Nông nghiệp",
    "Trạm Y tế xã",
    "Trường Mầm non",
    "Trường Tiểu học",
    "Trường THCS",
    "Công chức Văn hóa - Xã hội (Lao động - Thương binh và Xã hội)",
)


@pytest.fixture
def empty_results(tmp_path: Path) -> Path:
    folder = tmp_path / "results"
    folder.mkdir()
    return folder


def run_status(cli: Cli, results: Path, *args: str):  # noqa: ANN201
    return cli("status", "--plan", str(PLAN), "--results", str(results), *args)


def test_empty_folder_every_unit_missing(cli: Cli, empty_results: Path) -> None:
    result = run_status(cli, empty_results, "--period", "q3", "--today", "2024-09-20")
    assert result.exit_code == 0
    assert result.stderr == ""
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Ủy ban nhân dân xã Trà Bùi: tình hình nộp báo cáo Quý III năm 2024"
    assert lines[1] == (
        "Thời gian chốt số liệu: 15/06/2024 – 14/09/2024; hạn nộp: 17/09/2024 (2 ngày làm việc "
        "sau ngày chốt); hôm nay: 20/09/2024."
    )
    assert out.count("Chưa nộp") == 6
    assert "Tỷ lệ báo cáo: 0/6 đơn vị (0,00%); đúng hạn: 0/6 (0,00%)." in out
    assert "Chỉ tiêu chưa có số liệu (24):" in out
    assert "  - rice_area: Một số cây trồng chủ yếu › Lúa › Diện tích (Ha) — ĐC-NN" in out
    assert "\x1b[" not in out and "━" not in out and "│" not in out


def test_before_the_deadline_missing_units_are_not_yet_due(cli: Cli, empty_results: Path) -> None:
    result = run_status(cli, empty_results, "--period", "current", "--today", "2024-09-16")
    assert result.exit_code == 0
    assert "Quý III năm 2024" in result.stdout
    assert result.stdout.count("Chưa nộp (còn hạn)") == 6


def test_fail_on_missing_exits_3_and_quiet_prints_only_what_to_chase(
    cli: Cli, empty_results: Path
) -> None:
    result = run_status(
        cli, empty_results, "--period", "q3", "--today", "2024-09-20", "--fail-on-missing", "-q"
    )
    assert result.exit_code == 3
    assert result.stdout == "".join(
        f"Quý III năm 2024: {name} chưa nộp báo cáo (hạn 17/09/2024).\n" for name in UNIT_NAMES
    )
    assert result.stderr == ""


def test_without_fail_on_missing_the_exit_code_is_0(cli: Cli, empty_results: Path) -> None:
    result = run_status(cli, empty_results, "--period", "q3", "--today", "2024-09-20", "-q")
    assert result.exit_code == 0


def test_json_equals_the_library_result(cli: Cli, empty_results: Path) -> None:
    result = run_status(
        cli, empty_results, "--period", "previous", "--today", "2024-09-20", "--format", "json"
    )
    assert result.exit_code == 0
    plan = load_plan(PLAN)
    results, problems = load_results([empty_results], plan)
    expected = submission_status(
        plan, results, problems, Period(2024, "quarter", 2), date(2024, 9, 20)
    )
    assert json.loads(result.stdout) == json.loads(json.dumps(expected.to_dict()))
    data = json.loads(result.stdout)
    assert data["period"]["id"] == "2024Q2"
    assert data["deadline"] == "2024-06-18"
    assert data["summary"]["reporting_rate"] == 0
    assert data["summary"]["expected"] == 6


def test_english(cli: Cli, empty_results: Path) -> None:
    result = run_status(
        cli, empty_results, "--period", "q3", "--today", "2024-09-20", "--lang", "en"
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "Ủy ban nhân dân xã Trà Bùi: report submissions, Q3 2024"
    )
    assert "deadline: 2024-09-17" in result.stdout
    assert "Reporting rate: 0/6 units (0.00%); on time: 0/6 (0.00%)." in result.stdout
    assert result.stdout.count("Missing") == 6


def test_only_on_deadline_is_silent_on_other_days(cli: Cli, empty_results: Path) -> None:
    args = ("--period", "current", "--only-on-deadline", "--fail-on-missing", "-q")
    other_day = run_status(cli, empty_results, *args, "--today", "2024-09-18")
    assert (other_day.exit_code, other_day.stdout, other_day.stderr) == (0, "", "")
    deadline_day = run_status(cli, empty_results, *args, "--today", "2024-09-17")
    assert deadline_day.exit_code == 3
    assert deadline_day.stdout.count("chưa nộp báo cáo (hạn 17/09/2024)") == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--period", "q5"), 'Kỳ báo cáo không hợp lệ: "q5"'),
        (("--period", "q3", "--today", "20/09/2024"), 'Ngày không hợp lệ: "20/09/2024"'),
        (("--period", "q3", "--format", "xml"), "Định dạng không hỗ trợ: xml"),
        (("--period", "2023Q4"), "Kỳ Quý IV năm 2023 không thuộc kế hoạch"),
        (("--period", "current", "--today", "2024-03-14"), "Kỳ Quý IV năm 2023 không thuộc"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    cli: Cli, empty_results: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_status(cli, empty_results, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_missing_results_folder_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    result = run_status(cli, tmp_path / "nowhere", "--period", "q3", "--today", "2024-09-20")
    assert result.exit_code == 2
    assert "Không tìm thấy thư mục kết quả" in result.stderr
    assert "--results" in result.stderr


def test_period_is_required(cli: Cli) -> None:
    result = cli("status")
    assert result.exit_code == 2


def test_on_1_january_the_plan_of_last_year_is_used(
    cli: Cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The newest plan is 2025's, but the current quarter on 1/1/2025 is 2024's Q4."""
    text = (workdir / "data" / "plan_2024.yaml").read_text(encoding="utf-8")
    (workdir / "data" / "plan_2025.yaml").write_text(
        text.replace("year: 2024", "year: 2025", 1), encoding="utf-8"
    )
    shutil.rmtree(workdir / "data" / "results")
    (workdir / "data" / "results").mkdir()
    result = cli("status", "--period", "current", "--today", "2025-01-01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["period"]["id"] == "2024Q4"
    assert data["deadline"] == "2024-12-17"
    named = cli(
        "status",
        "--plan",
        "data/plan_2025.yaml",
        "--period",
        "current",
        "--today",
        "2025-01-01",
    )
    assert named.exit_code == 2
    assert "Quý IV năm 2024" in named.stderr


def test_help_has_an_example(cli: Cli) -> None:
    result = cli("status", "--help")
    assert result.exit_code == 0
    assert "kehoach status --period q3 --today 2024-09-20" in result.stdout
    for option in ("--period", "--today", "--results", "--fail-on-missing", "--quiet"):
        assert option in result.stdout


@pytest.fixture
def q3_with_trouble(tmp_path: Path) -> Path:
    """The sample Q3 files as shipped (THCS missing, VH-XH late), one file made invalid."""
    import openpyxl

    folder = tmp_path / "results"
    shutil.copytree(RESULTS / "2024-q3", folder / "2024-q3")
    invalid = folder / "2024-q3" / "mam-non.xlsx"
    book = openpyxl.load_workbook(invalid)
    sheet = book["Kết quả"]
    row = next(
        r for r in range(12, sheet.max_row + 1) if sheet.cell(r, 2).value == "preschool_pupils"
    )
    sheet.cell(row, 6).value = "abc"
    book.save(invalid)
    return folder


def test_shipped_q3_shows_a_missing_and_a_late_unit(cli: Cli) -> None:
    result = run_status(cli, RESULTS, "--period", "q3", "--today", "2024-09-20")
    assert result.exit_code == 0
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[4:10]}
    assert rows["THCS"].split()[1:] == ["Chưa", "nộp"]
    assert "19/09/2024" in rows["VH-XH"]
    assert rows["VH-XH"].rstrip().endswith("Nộp muộn 2 ngày làm việc")
    assert "Tỷ lệ báo cáo: 5/6 đơn vị (83,33%); đúng hạn: 4/6 (66,67%)." in result.stdout


def test_sample_q3_with_a_missing_a_late_and_an_invalid_file(
    cli: Cli, q3_with_trouble: Path
) -> None:
    result = run_status(
        cli, q3_with_trouble, "--period", "q3", "--today", "2024-09-20", "--fail-on-missing"
    )
    assert result.exit_code == 3
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[4:10]}
    assert "2024-q3/dcnn.xlsx" in rows["ĐC-NN"] and rows["ĐC-NN"].rstrip().endswith("Đúng hạn")
    assert "19/09/2024" in rows["VH-XH"]
    assert rows["VH-XH"].rstrip().endswith("Nộp muộn 2 ngày làm việc")
    assert "Không (1 lỗi)" in rows["Mầm"] and rows["Mầm"].rstrip().endswith("Đúng hạn")
    assert rows["THCS"].split()[1:] == ["Chưa", "nộp"]
    out = result.stdout
    assert "Tỷ lệ báo cáo: 5/6 đơn vị (83,33%); đúng hạn: 4/6 (66,67%)." in out
    assert "Đúng hạn 4, muộn 1, không rõ ngày 0, chưa nộp 1; tệp không hợp lệ: 1 đơn vị." in out
    assert "Chỉ tiêu chưa có số liệu (2):" in out
    assert "  - preschool_pupils: Giáo dục mầm non công lập (Cháu) — Mầm non" in out
    assert (
        "  - lower_secondary_pupils: Giáo dục phổ thông công lập › Trung học cơ sở (Học sinh)"
        " — THCS" in out
    )
    assert result.stderr == f"1 tệp có lỗi. Xem chi tiết: kehoach validate {q3_with_trouble}\n"

    quiet = run_status(
        cli, q3_with_trouble, "--period", "q3", "--today", "2024-09-20", "--fail-on-missing", "-q"
    )
    assert quiet.exit_code == 3
    assert quiet.stdout == (
        "Quý III năm 2024: tệp của Trường Mầm non có lỗi: "
        f"{q3_with_trouble / '2024-q3' / 'mam-non.xlsx'}.\n"
        "Quý III năm 2024: Trường THCS chưa nộp báo cáo (hạn 17/09/2024).\n"
        "Quý III năm 2024: Công chức Văn hóa - Xã hội (Lao động - Thương binh và Xã hội) nộp muộn "
        "2 ngày làm việc (19/09/2024, hạn 17/09/2024).\n"
    )

    as_json = run_status(
        cli, q3_with_trouble, "--period", "q3", "--today", "2024-09-20", "--format", "json"
    )
    data = json.loads(as_json.stdout)
    assert as_json.exit_code == 0
    assert {u["code"]: u["state"] for u in data["units"]} == {
        "dcnn": "on_time",
        "tram-y-te": "on_time",
        "mam-non": "on_time",
        "tieu-hoc": "on_time",
        "thcs": "missing",
        "vhxh": "late",
    }
    assert data["summary"]["reporting_rate"] == 83.33
    assert data["summary"]["on_time_rate"] == 66.67
    plan = load_plan(PLAN)
    results, problems = load_results([q3_with_trouble], plan)
    expected = submission_status(
        plan, results, problems, Period(2024, "quarter", 3), date(2024, 9, 20)
    )
    assert data == json.loads(json.dumps(expected.to_dict()))


def test_sample_data_acceptance_q3(cli: Cli, workdir: Path) -> None:
    """`kehoach status --period q3 --today 2024-09-20` in a fresh copy of the shipped data."""
    result = cli("status", "--period", "q3", "--today", "2024-09-20")
    assert result.exit_code == 0
    assert "Tỷ lệ báo cáo: " in result.stdout and "Quý III năm 2024" in result.stdout
    assert "Thư mục kết quả: data/results" in result.stdout
