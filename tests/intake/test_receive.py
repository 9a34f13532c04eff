"""`kehoach receive`: filing by content, the archive, the journal's receipts and figures."""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import datetime
from pathlib import Path

from ..conftest import PLAN, Cli
from .forms import files_under, form, journal_rows, receive

ODD_NAME = "BC quy 2 DCNN final (1).xlsx"


def test_a_form_is_filed_by_its_content_and_the_original_is_untouched(
    cli: Cli, tmp_path: Path
) -> None:
    incoming = form(tmp_path / "inbox", ODD_NAME)
    before = (incoming.read_bytes(), incoming.stat().st_mtime_ns)
    results = tmp_path / "results"
    done = receive(cli, results, str(incoming))
    assert done.exit_code == 0, done.stderr
    assert done.stderr == ""
    stored = results / "2024-q2" / "dcnn.xlsx"
    assert done.stdout == (
        f"Đã nhận: {incoming} → {stored} (ĐC-NN, Quý II năm 2024).\n"
        "Đã nhận 1 tệp, 0 tệp không đổi, 0 tệp không nhận.\n"
    )
    assert files_under(results) == ["2024-q2/dcnn.xlsx"]
    assert stored.read_bytes() == before[0]
    assert (incoming.read_bytes(), incoming.stat().st_mtime_ns) == before
    assert incoming.exists()
    assert (tmp_path / "results-nhat-ky.sqlite").is_file()  # beside the folder, not in it


def test_the_receipt_and_its_figures_are_in_the_journal(cli: Cli, tmp_path: Path) -> None:
    incoming = form(
        tmp_path / "inbox",
        ODD_NAME,
        values={"rice_output": 120.5},
        notes={"rice_output": "Ước đạt cả vụ"},
    )
    results = tmp_path / "results"
    assert receive(cli, results, str(incoming)).exit_code == 0
    [receipt] = journal_rows(
        results,
        "SELECT original_name, stored_path, sha256, unit, period, valid, state, received_at "
        "FROM receipts",
    )
    sha = hashlib.sha256(incoming.read_bytes()).hexdigest()
    assert receipt[:7] == (ODD_NAME, "2024-q2/dcnn.xlsx", sha, "dcnn", "2024Q2", 1, "done")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00", receipt[7])
    figures = {
        code: (value, estimate)
        for code, value, estimate in journal_rows(
            results, "SELECT indicator, value, estimate FROM figures"
        )
    }
    assert figures["rice_output"] == ("120.5", 1)
    assert figures["rice_area"] == ("58.5", 0)  # as the shipped form states it
    assert [v[0] for v in journal_rows(results, "PRAGMA user_version")] == [1]


def test_a_corrected_form_archives_the_earlier_one_named_with_its_receive_time(
    cli: Cli, tmp_path: Path
) -> None:
    first = form(tmp_path / "inbox", "dcnn lan 1.xlsx")
    second = form(tmp_path / "inbox", "dcnn sua.xlsx", values={"rice_output": 125})
    results = tmp_path / "results"
    assert receive(cli, results, str(first)).exit_code == 0
    done = receive(cli, results, str(second))
    assert done.exit_code == 0, done.stderr
    [(received_at,)] = journal_rows(results, "SELECT received_at FROM receipts WHERE id = 1")
    stamp = datetime.fromisoformat(received_at).astimezone().strftime("%Y-%m-%dT%H-%M-%S%z")
    archived = f"_luu-tru/2024-q2/dcnn.{stamp}.xlsx"
    assert files_under(results) == ["2024-q2/dcnn.xlsx", archived]
    assert (results / archived).read_bytes() == first.read_bytes()
    assert (results / "2024-q2" / "dcnn.xlsx").read_bytes() == second.read_bytes()
    assert f"    Bản nộp trước được chuyển vào lưu trữ: {results / archived}\n" in done.stdout
    rows = journal_rows(results, "SELECT sha256, archived_path FROM receipts ORDER BY id")
    assert rows == [
        (hashlib.sha256(first.read_bytes()).hexdigest(), archived),
        (hashlib.sha256(second.read_bytes()).hexdigest(), None),
    ]


def test_report_status_and_validate_ignore_the_archive(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    first = form(tmp_path / "inbox", "a.xlsx")
    second = form(tmp_path / "inbox", "b.xlsx", values={"rice_output": 125})
    assert receive(cli, results, str(first)).exit_code == 0
    assert receive(cli, results, str(second)).exit_code == 0
    # An unreadable file in the archive would be an error if validate looked there.
    (results / "_luu-tru" / "2024-q2" / "rac.csv").write_text("không,phải,biểu mẫu\n")
    checked = cli("validate", str(results), "--plan", str(PLAN))
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout.endswith("Tổng cộng: 0 lỗi, 0 cảnh báo trong 1 tệp.\n")
    made = cli(
        "report",
        "--plan",
        str(PLAN),
        "--results",
        str(results),
        "--period",
        "q2",
        "--format",
        "json",
        "--allow-invalid",
    )
    rice = next(i for i in json.loads(made.stdout)["indicators"] if i["code"] == "rice_output")
    assert rice["actual"] == 125
    status = cli(
        "status",
        "--plan",
        str(PLAN),
        "--results",
        str(results),
        "--period",
        "q2",
        "--format",
        "json",
    )
    [dcnn] = [u for u in json.loads(status.stdout)["units"] if u["code"] == "dcnn"]
    assert [f["source"] for f in dcnn["files"]] == [str(results / "2024-q2" / "dcnn.xlsx")]


def test_a_csv_replaced_by_a_workbook_goes_to_the_archive(cli: Cli, tmp_path: Path) -> None:
    from ..conftest import RESULTS

    results = tmp_path / "results"
    csv = tmp_path / "inbox" / "dcnn.csv"
    csv.parent.mkdir()
    csv.write_bytes((RESULTS / "examples" / "csv" / "2024-q2" / "dcnn.csv").read_bytes())
    assert receive(cli, results, str(csv)).exit_code == 0
    assert files_under(results) == ["2024-q2/dcnn.csv"]
    workbook = form(tmp_path / "inbox", "dcnn moi.xlsx", values={"rice_output": 125})
    assert receive(cli, results, str(workbook)).exit_code == 0
    found = files_under(results)
    assert found[0] == "2024-q2/dcnn.xlsx"
    assert re.fullmatch(r"_luu-tru/2024-q2/dcnn\.[0-9T+-]+\.csv", found[1]), found
    assert len(found) == 2


def test_a_form_filed_by_hand_is_archived_when_a_new_one_is_received(
    cli: Cli, tmp_path: Path
) -> None:
    results = tmp_path / "results"
    by_hand = form(results / "2024-q2", "dcnn.xlsx")
    os.utime(by_hand, (1718668800, 1718668800))  # 18/06/2024 00:00 UTC
    incoming = form(tmp_path / "inbox", "x.xlsx", values={"rice_output": 125})
    assert receive(cli, results, str(incoming)).exit_code == 0
    archived = [f for f in files_under(results) if f.startswith("_luu-tru/")]
    stamp = datetime.fromtimestamp(1718668800).astimezone()
    assert archived == [f"_luu-tru/2024-q2/dcnn.{stamp.strftime('%Y-%m-%dT%H-%M-%S%z')}.xlsx"]


def test_the_same_form_twice_is_unchanged(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    incoming = form(tmp_path / "inbox", ODD_NAME)
    assert receive(cli, results, str(incoming)).exit_code == 0
    again = receive(cli, results, str(incoming))
    assert again.exit_code == 0
    stored = results / "2024-q2" / "dcnn.xlsx"
    assert again.stdout == (
        f"Không thay đổi: {incoming} giống hệt bản đã lưu {stored}; không lưu thêm.\n"
        "Đã nhận 0 tệp, 1 tệp không đổi, 0 tệp không nhận.\n"
    )
    assert files_under(results) == ["2024-q2/dcnn.xlsx"]
    assert journal_rows(results, "SELECT COUNT(*) FROM receipts") == [(1,)]


def test_a_form_with_errors_is_not_filed_and_says_what_validate_says(
    cli: Cli, tmp_path: Path
) -> None:
    results = tmp_path / "results"
    bad = form(tmp_path / "inbox", "loi.xlsx", values={"rice_output": "abc"})
    done = receive(cli, results, str(bad))
    assert done.exit_code == 1
    checked = cli("validate", str(bad), "--plan", str(PLAN))
    assert checked.exit_code == 1
    problem_lines = [line for line in checked.stdout.splitlines() if "rice_output" in line]
    assert problem_lines and all(line in done.stderr for line in problem_lines)
    assert (
        f"Không nhận: {bad} có lỗi (xem ở trên). Sửa rồi nhận lại, hoặc dùng --allow-invalid."
        in done.stderr
    )
    assert done.stdout == "Đã nhận 0 tệp, 0 tệp không đổi, 1 tệp không nhận.\n"
    assert files_under(results) == []


def test_allow_invalid_files_it_marked_invalid(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    bad = form(tmp_path / "inbox", "loi.xlsx", values={"rice_output": "abc"})
    done = receive(cli, results, str(bad), "--allow-invalid")
    assert done.exit_code == 0
    assert done.stdout.startswith("Đã nhận (có lỗi, --allow-invalid): ")
    assert files_under(results) == ["2024-q2/dcnn.xlsx"]
    assert journal_rows(results, "SELECT valid FROM receipts") == [(0,)]


def test_a_file_that_is_no_form_is_refused(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    junk = tmp_path / "ghi chu.csv"
    junk.write_text("xin chào\n", encoding="utf-8")
    done = receive(cli, results, str(junk))
    assert done.exit_code == 1
    assert f"Không nhận: {junk} không đọc được năm, kỳ và đơn vị (xem ở trên)." in done.stderr
    assert files_under(results) == []


def test_json_output(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    incoming = form(tmp_path / "inbox", ODD_NAME)
    done = receive(cli, results, str(incoming), "--format", "json")
    assert done.exit_code == 0
    data = json.loads(done.stdout)
    [receipt] = data["receipts"]
    assert receipt["outcome"] == "filed"
    assert receipt["stored"] == str(results / "2024-q2" / "dcnn.xlsx")
    assert receipt["sha256"] == hashlib.sha256(incoming.read_bytes()).hexdigest()
    assert (receipt["unit"], receipt["period"], receipt["valid"]) == ("dcnn", "2024Q2", True)
    assert data["valid"] is True and data["problems"] == []


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    assert receive(cli, results).exit_code == 2
    missing = receive(cli, results, str(tmp_path / "khong-co.xlsx"))
    assert missing.exit_code == 2
    assert missing.stderr == f"Không tìm thấy tệp hoặc thư mục: {tmp_path / 'khong-co.xlsx'}\n"
    both = receive(cli, results, str(form(tmp_path, "a.xlsx")), "--rebuild")
    assert both.exit_code == 2
    (tmp_path / "empty").mkdir()
    empty = receive(cli, results, str(tmp_path / "empty"))
    assert empty.exit_code == 2
    assert empty.stderr == (
        f"Không có tệp kết quả nào (.xlsx, .ods, .csv, .txt, .yaml) trong: {tmp_path / 'empty'}.\n"
    )


def test_english(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    incoming = form(tmp_path / "inbox", ODD_NAME)
    done = receive(cli, results, str(incoming), "--lang", "en")
    stored = results / "2024-q2" / "dcnn.xlsx"
    assert done.stdout == (
        f"Received: {incoming} → {stored} (ĐC-NN, Q2 2024).\n"
        "1 file(s) received, 0 unchanged, 0 refused.\n"
    )


def test_a_folder_of_downloads_is_received_file_by_file(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    inbox = tmp_path / "Tải về"
    form(inbox, "BC DCNN.xlsx")
    form(inbox, "y te (2).xlsx", unit="tram-y-te")
    done = receive(cli, results, str(inbox))
    assert done.exit_code == 0, done.stderr
    assert files_under(results) == ["2024-q2/dcnn.xlsx", "2024-q2/tram-y-te.xlsx"]
    assert done.stdout.endswith("Đã nhận 2 tệp, 0 tệp không đổi, 0 tệp không nhận.\n")


def test_without_results_the_folder_beside_the_plan_is_made_on_first_use(
    cli: Cli, tmp_path: Path
) -> None:
    import shutil

    office = tmp_path / "van-phong"
    office.mkdir()
    plan = office / "plan_2024.yaml"
    shutil.copyfile(PLAN, plan)
    incoming = form(tmp_path / "in", ODD_NAME)
    done = cli("receive", "--plan", str(plan), str(incoming))
    assert done.exit_code == 0, done.stderr
    assert files_under(office / "results") == ["2024-q2/dcnn.xlsx"]
    assert (office / "results-nhat-ky.sqlite").is_file()
    history = cli("history", "--plan", str(plan), "--format", "json")
    assert len(json.loads(history.stdout)["versions"]) > 0
