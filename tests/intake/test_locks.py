"""`kehoach lock` / `unlock`: locked periods refuse forms, and report the figures at the lock."""

from __future__ import annotations

import json
from pathlib import Path

from ..conftest import PLAN, Cli
from .forms import files_under, form, journal_rows, receive


def lock(cli: Cli, results: Path, command: str, *args: str):  # noqa: ANN201
    return cli(command, "--plan", str(PLAN), "--results", str(results), *args)


def rice_in_report(cli: Cli, results: Path, period: str = "q2") -> tuple[object, str]:
    made = cli("report", "--plan", str(PLAN), "--results", str(results), "--period", period,
               "--format", "json")  # fmt: skip
    assert made.exit_code == 0, made.stderr
    rice = next(i for i in json.loads(made.stdout)["indicators"] if i["code"] == "rice_output")
    return rice["actual"], made.stderr


def test_a_locked_period_refuses_forms_saying_who_and_when(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    assert receive(cli, results, str(form(tmp_path / "in", "a.xlsx"))).exit_code == 0
    done = lock(cli, results, "lock", "--period", "q2", "--reason", "Báo cáo 45/BC-UBND",
                "--by", "Nguyễn Văn A")  # fmt: skip
    assert done.exit_code == 0, done.stderr
    assert done.stdout.startswith("Đã khóa Quý II năm 2024 lúc ")
    assert done.stdout.endswith("(người khóa: Nguyễn Văn A; lý do: Báo cáo 45/BC-UBND).\n")
    later = form(tmp_path / "in", "b.xlsx", values={"rice_output": 125})
    refused = receive(cli, results, str(later))
    assert refused.exit_code == 1
    assert f"Không nhận: {later} thuộc Quý II năm 2024, kỳ đã khóa lúc " in refused.stderr
    assert "bởi Nguyễn Văn A; lý do: Báo cáo 45/BC-UBND. Nếu cần nhận, dùng --reopen" in (
        refused.stderr
    )
    assert files_under(results) == ["2024-q2/dcnn.xlsx", "_luu-tru/khoa-ky.jsonl"]
    # The 6-month form is the same submission as Q2's: locked too.
    half = form(tmp_path / "in", "h1.xlsx", values={"rice_output": 126})
    _as_half_year(half)
    assert receive(cli, results, str(half)).exit_code == 1
    # Another quarter is not.
    q1 = form(tmp_path / "in", "q1.xlsx", period="2024-q1")
    assert receive(cli, results, str(q1)).exit_code == 0


def _as_half_year(path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(path)
    book["Kết quả"]["C5"] = "2024S1"
    book.save(path)


def test_reopen_files_it_and_the_report_keeps_the_figures_at_the_lock(
    cli: Cli, tmp_path: Path
) -> None:
    results = tmp_path / "results"
    assert receive(cli, results, str(form(tmp_path / "in", "a.xlsx"))).exit_code == 0
    assert lock(cli, results, "lock", "--period", "q2").exit_code == 0
    later = form(tmp_path / "in", "b.xlsx", values={"rice_output": 125})
    assert receive(cli, results, str(later), "--reopen").exit_code == 0
    assert (results / "2024-q2" / "dcnn.xlsx").read_bytes() == later.read_bytes()
    actual, notes = rice_in_report(cli, results)
    assert actual == 120  # as it stood at the lock, read from the archive
    lines = notes.splitlines()
    assert lines[0].startswith("Ghi chú: Quý II năm 2024 đã khóa lúc ")
    assert lines[0].endswith("báo cáo dùng số liệu tại lúc khóa.")
    assert lines[1] == (
        "Ghi chú: có 1 lần nhận sau khi khóa chưa được tính; xem: kehoach history --period q2"
    )
    # A later period's report is not locked: it reads the folder as it is now.
    assert rice_in_report(cli, results, "q3")[1] == ""
    unlocked = lock(cli, results, "unlock", "--period", "q2", "--reason", "Đính chính")
    assert unlocked.exit_code == 0
    assert unlocked.stdout.startswith("Đã mở khóa Quý II năm 2024 lúc ")
    assert rice_in_report(cli, results) == (125, "")
    events = journal_rows(results, "SELECT period, action, reason FROM locks ORDER BY id")
    assert events == [("2024Q2", "lock", None), ("2024Q2", "unlock", "Đính chính")]


def test_a_form_filed_by_hand_counts_in_the_locked_report(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    form(results / "2024-q2", "tram-y-te.xlsx", unit="tram-y-te")
    assert receive(cli, results, str(form(tmp_path / "in", "a.xlsx"))).exit_code == 0
    assert lock(cli, results, "lock", "--period", "q2").exit_code == 0
    made = cli("report", "--plan", str(PLAN), "--results", str(results), "--period", "q2",
               "--format", "json")  # fmt: skip
    units = {i["code"]: i["actual"] for i in json.loads(made.stdout)["indicators"]}
    assert units["rice_output"] == 120
    assert units["child_malnutrition_rate"] is not None  # from the hand-filed health station form


def test_unlock_of_an_unlocked_period_is_journalled_and_said(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    results.mkdir()
    done = lock(cli, results, "unlock", "--period", "q2", "--by", "B", "--lang", "en")
    assert done.exit_code == 0
    assert done.stdout.splitlines()[0] == "Q2 2024 was not locked; the unlock is journalled anyway."
    assert journal_rows(results, "SELECT action, by FROM locks") == [("unlock", "B")]


def test_lock_needs_an_existing_results_folder(cli: Cli, tmp_path: Path) -> None:
    done = lock(cli, tmp_path / "khong-co", "lock", "--period", "q2")
    assert done.exit_code == 2
    assert done.stderr == (
        f"Không tìm thấy thư mục kết quả: {tmp_path / 'khong-co'}. Kiểm tra lại đường dẫn "
        "--results.\n"
    )


def test_a_folder_filled_by_hand_then_locked_keeps_its_figures(cli: Cli, tmp_path: Path) -> None:
    """The officer's folder predates `receive`: the lock records its files by content, so a
    hand-filed form archived by a later receive still makes the locked report."""
    results = tmp_path / "results"
    form(results / "2024-q2", "dcnn.xlsx")  # filed by hand, no receipt
    assert lock(cli, results, "lock", "--period", "q2").exit_code == 0
    corrected = form(tmp_path / "in", "b.xlsx", values={"rice_output": 125})
    assert receive(cli, results, str(corrected), "--reopen").exit_code == 0
    form(results / "2024-q2", "vhxh.xlsx", unit="vhxh")  # dropped in by hand after the lock
    made = cli("report", "--plan", str(PLAN), "--results", str(results), "--period", "q2",
               "--format", "json")  # fmt: skip
    assert made.exit_code == 0, made.stderr
    actual = {i["code"]: i["actual"] for i in json.loads(made.stdout)["indicators"]}
    assert actual["rice_output"] == 120  # the hand-filed form, now in the archive
    assert actual["poverty_rate"] is None  # vhxh's form came after the lock
    assert "có 1 lần nhận sau khi khóa" in made.stderr
    # The journal rebuilt from the folder still knows what the lock saw.
    assert receive(cli, results, "--rebuild").exit_code == 0
    again = cli("report", "--plan", str(PLAN), "--results", str(results), "--period", "q2",
                "--format", "json")  # fmt: skip
    assert json.loads(again.stdout)["indicators"] == json.loads(made.stdout)["indicators"]
    # Unlocked, the report reads the folder as it is now: the later forms count.
    assert lock(cli, results, "unlock", "--period", "q2").exit_code == 0
    now = cli("report", "--plan", str(PLAN), "--results", str(results), "--period", "q2",
              "--format", "json")  # fmt: skip
    actual = {i["code"]: i["actual"] for i in json.loads(now.stdout)["indicators"]}
    assert (actual["rice_output"], actual["poverty_rate"] is not None) == (125, True)
