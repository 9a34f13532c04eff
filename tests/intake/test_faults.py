"""Faults: a receive killed at each step leaves the old state or the new one; a missing,
damaged or newer journal is reported clearly, and `receive --rebuild` makes a new one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ..conftest import PLAN, Cli
from .forms import files_under, form, journal_rows, receive

# A receive in its own process, killed (os._exit: no cleanup of any kind) at one step.
KILLED_RECEIVE = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from kehoach_cli.intake import receive, store
    from kehoach_cli.plan.io import load_plan

    step, incoming, results, plan = sys.argv[1:]
    real_put, real_copy = store.put_in_place, store.copy_into_archive

    def die(*args):
        os._exit(9)

    def copy_then_die(*args):
        real_copy(*args)
        os._exit(9)

    def put_then_die(*args):
        real_put(*args)
        os._exit(9)

    if step == "copy":  # the receipt committed as pending, nothing copied yet
        store.copy_into_archive = die
    elif step == "archive":
        store.copy_into_archive = copy_then_die
    elif step == "replace":
        store.put_in_place = die
    elif step == "finish":
        store.finish = die
    elif step == "put":
        store.put_in_place = put_then_die
    receive.receive_files([Path(incoming)], Path(results), load_plan(plan))
    """
)


def killed_receive(step: str, incoming: Path, results: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEHOACH_")}
    done = subprocess.run(
        [sys.executable, "-c", KILLED_RECEIVE, step, str(incoming), str(results), str(PLAN)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 9, done.stderr


def settle(cli: Cli, results: Path, tmp_path: Path) -> None:
    """Any later write settles what a crash left: here, a receive of another unit's form."""
    other = form(tmp_path / "in", "tyt.xlsx", unit="tram-y-te")
    assert receive(cli, results, str(other)).exit_code == 0


def values_in_history(cli: Cli, results: Path) -> list[object]:
    import json

    done = cli("history", "--results", str(results), "--indicator", "rice_output", "--format",
               "json")  # fmt: skip
    assert done.exit_code == 0, done.stderr
    return [v["value"] for v in json.loads(done.stdout)["versions"]]


@pytest.fixture
def first_and_second(cli: Cli, tmp_path: Path) -> tuple[Path, Path, Path]:
    results = tmp_path / "results"
    first = form(tmp_path / "in", "a.xlsx")
    second = form(tmp_path / "in", "b.xlsx", values={"rice_output": 125})
    assert receive(cli, results, str(first)).exit_code == 0
    return results, first, second


@pytest.mark.parametrize("step", ["copy", "archive", "replace"])
def test_killed_before_the_new_form_is_in_place_leaves_the_old_state(
    cli: Cli, tmp_path: Path, first_and_second: tuple[Path, Path, Path], step: str
) -> None:
    results, first, second = first_and_second
    killed_receive(step, second, results)
    assert (tmp_path / "results-nhat-ky.lock").is_file()  # the dead process's, no longer held
    stored = results / "2024-q2" / "dcnn.xlsx"
    assert stored.read_bytes() == first.read_bytes()  # readers see the old form meanwhile
    assert values_in_history(cli, results) == [120]
    settle(cli, results, tmp_path)
    assert [f for f in files_under(results) if "dcnn" in f] == ["2024-q2/dcnn.xlsx"]
    assert journal_rows(results, "SELECT unit, state FROM receipts ORDER BY id") == [
        ("dcnn", "done"),
        ("tram-y-te", "done"),
    ]
    assert not list(results.rglob(".kehoach-nhan-*"))
    assert receive(cli, results, str(second)).exit_code == 0  # and it can be received again
    assert values_in_history(cli, results) == [120, 125]


@pytest.mark.parametrize("step", ["finish"])
def test_killed_after_the_new_form_is_in_place_finishes_it(
    cli: Cli, tmp_path: Path, first_and_second: tuple[Path, Path, Path], step: str
) -> None:
    results, first, second = first_and_second
    killed_receive(step, second, results)
    assert (results / "2024-q2" / "dcnn.xlsx").read_bytes() == second.read_bytes()
    settle(cli, results, tmp_path)
    archived = [f for f in files_under(results) if f.startswith("_luu-tru/")]
    assert len(archived) == 1 and (results / archived[0]).read_bytes() == first.read_bytes()
    assert values_in_history(cli, results) == [120, 125]
    rows = journal_rows(results, "SELECT archived_path, state FROM receipts WHERE unit = 'dcnn'")
    assert rows == [(archived[0], "done"), (None, "done")]


@pytest.mark.parametrize(
    ("step", "after"),
    [("copy", [120]), ("archive", [120]), ("replace", [120]), ("put", [120, 125]),
     ("finish", [120, 125])],
)  # fmt: skip
def test_killed_then_rebuilt_gives_the_old_state_or_the_new(
    cli: Cli, first_and_second: tuple[Path, Path, Path], step: str, after: list[int]
) -> None:
    """`--rebuild` straight after a crash (no other command between) settles the old journal
    first: the rebuilt one has each version once, and the folder holds the old or the new."""
    results, first, second = first_and_second
    killed_receive(step, second, results)
    rebuilt = receive(cli, results, "--rebuild")
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert values_in_history(cli, results) == after
    current = (results / "2024-q2" / "dcnn.xlsx").read_bytes()
    assert current == (first if after == [120] else second).read_bytes()
    archived = [f for f in files_under(results) if f.startswith("_luu-tru/")]
    assert len(archived) == len(after) - 1
    assert journal_rows(results, "SELECT state FROM receipts") == [("done",)] * len(after)
    assert not list(results.rglob(".kehoach-nhan-*"))
    outcome = receive(cli, results, str(second))  # and the next receive goes on from there
    assert outcome.exit_code == 0, outcome.stderr
    assert values_in_history(cli, results) == [120, 125]


@pytest.fixture
def csv_then_workbook(cli: Cli, tmp_path: Path) -> tuple[Path, Path, Path]:
    """dcnn's Q2 received as CSV; a corrected workbook on its way."""
    from ..conftest import RESULTS

    results = tmp_path / "results"
    csv = tmp_path / "in" / "dcnn.csv"
    csv.parent.mkdir()
    csv.write_bytes((RESULTS / "examples" / "csv" / "2024-q2" / "dcnn.csv").read_bytes())
    assert receive(cli, results, str(csv)).exit_code == 0
    workbook = form(tmp_path / "in", "b.xlsx", values={"rice_output": 125})
    return results, csv, workbook


def test_killed_between_removing_the_csv_and_filing_the_workbook_brings_the_csv_back(
    cli: Cli, tmp_path: Path, csv_then_workbook: tuple[Path, Path, Path]
) -> None:
    results, csv, workbook = csv_then_workbook
    killed_receive("replace", workbook, results)
    assert not (results / "2024-q2" / "dcnn.csv").exists()  # the moment of the crash
    settle(cli, results, tmp_path)
    assert [f for f in files_under(results) if "dcnn" in f] == ["2024-q2/dcnn.csv"]
    assert (results / "2024-q2" / "dcnn.csv").read_bytes() == csv.read_bytes()
    assert values_in_history(cli, results) == [120]


def test_killed_after_filing_the_workbook_in_place_of_a_csv_finishes_it(
    cli: Cli, tmp_path: Path, csv_then_workbook: tuple[Path, Path, Path]
) -> None:
    results, csv, workbook = csv_then_workbook
    killed_receive("put", workbook, results)
    settle(cli, results, tmp_path)
    dcnn = [f for f in files_under(results) if "dcnn" in f]
    assert dcnn[0] == "2024-q2/dcnn.xlsx" and dcnn[1].startswith("_luu-tru/2024-q2/dcnn.")
    assert dcnn[1].endswith(".csv") and len(dcnn) == 2
    assert values_in_history(cli, results) == [120, 125]


def test_a_csv_that_cannot_be_removed_leaves_the_folder_unchanged(
    cli: Cli, csv_then_workbook: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    results, csv, workbook = csv_then_workbook
    old = results / "2024-q2" / "dcnn.csv"
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == old:  # as Windows refuses for a file open in Excel
            raise PermissionError(13, "Permission denied", str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    done = receive(cli, results, str(workbook))
    assert done.exit_code == 1
    assert done.stderr.startswith(f"Không ghi được {old}: Permission denied.")
    monkeypatch.undo()
    assert [f for f in files_under(results) if "dcnn" in f] == ["2024-q2/dcnn.csv"]
    assert old.read_bytes() == csv.read_bytes()
    assert journal_rows(results, "SELECT COUNT(*) FROM receipts WHERE unit = 'dcnn'") == [(1,)]


def test_a_file_that_cannot_be_replaced_leaves_the_folder_unchanged(
    cli: Cli, tmp_path: Path, first_and_second: tuple[Path, Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    results, first, second = first_and_second
    from kehoach_cli.intake import store

    def refused(*args: object) -> None:
        raise PermissionError(13, "Permission denied")  # as Windows says for a file open in Excel

    monkeypatch.setattr(store, "put_in_place", refused)
    done = receive(cli, results, str(second))
    assert done.exit_code == 1
    stored = results / "2024-q2" / "dcnn.xlsx"
    assert done.stderr == (
        f"Không ghi được {stored}: Permission denied. Nếu tệp đang mở trong Excel, hãy đóng lại "
        "rồi nhận lại; thư mục kết quả không thay đổi.\n"
    )
    assert files_under(results) == ["2024-q2/dcnn.xlsx"]
    assert stored.read_bytes() == first.read_bytes()
    assert journal_rows(results, "SELECT COUNT(*) FROM receipts") == [(1,)]


def test_a_damaged_journal_is_reported_and_rebuilt(
    cli: Cli, tmp_path: Path, first_and_second: tuple[Path, Path, Path]
) -> None:
    results, first, second = first_and_second
    assert receive(cli, results, str(second)).exit_code == 0
    cli("lock", "--plan", str(PLAN), "--results", str(results), "--period", "q2", "--by", "A")
    before = journal_rows(results, "SELECT sha256, unit, period, substr(received_at, 1, 19) "
                                   "FROM receipts ORDER BY id")  # fmt: skip
    journal = tmp_path / "results-nhat-ky.sqlite"
    journal.write_bytes(b"this is not a database" * 100)
    refused = receive(cli, results, str(form(tmp_path / "in", "c.xlsx", unit="tram-y-te")))
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"Nhật ký {journal} bị hỏng, không đọc được (")
    assert refused.stderr.endswith(
        f"dựng lại nhật ký bằng: kehoach receive --rebuild --results {results} (nhật ký cũ được "
        "giữ lại bên cạnh).\n"
    )
    assert cli("history", "--results", str(results)).stderr == refused.stderr
    status = cli("status", "--plan", str(PLAN), "--results", str(results), "--period", "q2")
    assert status.exit_code == 0 and status.stderr.startswith(f"Nhật ký {journal} bị hỏng")

    rebuilt = receive(cli, results, "--rebuild")
    assert rebuilt.exit_code == 0, rebuilt.stderr
    lines = rebuilt.stdout.splitlines()
    assert lines[0] == f"Đã dựng lại nhật ký {journal}: 2 lần nhận, 1 lần khóa/mở khóa."
    assert lines[1].startswith(f"Nhật ký cũ được giữ lại: {journal}.cu-")
    old = Path(lines[1].split(": ", 1)[1])
    assert old.read_bytes() == b"this is not a database" * 100
    after = journal_rows(results, "SELECT sha256, unit, period, substr(received_at, 1, 19) "
                                  "FROM receipts ORDER BY id")  # fmt: skip
    assert after == before
    assert values_in_history(cli, results) == [120, 125]
    # The lock came back too: a Q2 form is still refused.
    assert receive(cli, results, str(form(tmp_path / "in", "d.xlsx", unit="vhxh"))).exit_code == 1


@pytest.mark.parametrize("damage", ["a page overwritten", "cut short"])
def test_a_journal_damaged_inside_is_reported_by_every_command_and_rebuilt(
    cli: Cli, tmp_path: Path, first_and_second: tuple[Path, Path, Path], damage: str
) -> None:
    """A real journal whose receipts page is garbage, or that lost its end (a copy cut short):
    SQLite opens it and fails on reading; every command says so plainly, none with a
    traceback or an "unexpected error", and the folder is left as it was."""
    results, first, second = first_and_second
    assert receive(cli, results, str(second)).exit_code == 0
    journal = tmp_path / "results-nhat-ky.sqlite"
    data = journal.read_bytes()
    page = 4096  # SQLite's default page size; page 2 is the receipts table's first
    assert len(data) > 3 * page
    if damage == "a page overwritten":
        journal.write_bytes(data[:page] + b"\xa5" * page + data[2 * page :])
    else:
        journal.write_bytes(data[: 3 * page])
    before = files_under(results)
    incoming = str(form(tmp_path / "in", "c.xlsx", unit="vhxh"))
    said = f"Nhật ký {journal} bị hỏng, không đọc được (database disk image is malformed)."
    for args in (
        ("receive", "--plan", str(PLAN), "--results", str(results), incoming),
        ("lock", "--plan", str(PLAN), "--results", str(results), "--period", "q2"),
        ("history", "--results", str(results)),
    ):
        done = cli(*args)
        assert done.exit_code == 1, args
        assert done.stderr.startswith(said), done.stderr
        assert "kehoach receive --rebuild --results" in done.stderr
    status = cli("status", "--plan", str(PLAN), "--results", str(results), "--period", "q2")
    assert status.exit_code == 0 and status.stderr.startswith(said)
    assert files_under(results) == before
    assert receive(cli, results, "--rebuild").exit_code == 0
    assert values_in_history(cli, results) == [120, 125]


def test_a_lost_journal_is_reported_not_silently_recreated(
    cli: Cli, tmp_path: Path, first_and_second: tuple[Path, Path, Path]
) -> None:
    results, first, second = first_and_second
    assert receive(cli, results, str(second)).exit_code == 0
    journal = tmp_path / "results-nhat-ky.sqlite"
    journal.unlink()
    done = receive(cli, results, str(form(tmp_path / "in", "c.xlsx", unit="vhxh")))
    assert done.exit_code == 1
    assert done.stderr == (
        f"Không thấy nhật ký {journal}, nhưng thư mục {results} đã có thư mục lưu trữ _luu-tru "
        "của những lần nhận trước: nhật ký đã bị xóa hoặc chuyển đi. Dựng lại bằng: kehoach "
        f"receive --rebuild --results {results}\n"
    )
    assert not journal.exists()
    assert receive(cli, results, "--rebuild").exit_code == 0
    assert values_in_history(cli, results) == [120, 125]


def test_a_journal_of_a_newer_kehoach_is_refused(
    cli: Cli, tmp_path: Path, first_and_second: tuple[Path, Path, Path]
) -> None:
    import sqlite3

    results = first_and_second[0]
    journal = tmp_path / "results-nhat-ky.sqlite"
    conn = sqlite3.connect(journal)
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    done = cli("history", "--results", str(results))
    assert done.exit_code == 1
    assert done.stderr == (
        f"Nhật ký {journal} do phiên bản kehoach mới hơn tạo (lược đồ 7, bản này hiểu đến 1). "
        "Hãy cập nhật kehoach.\n"
    )


def test_existing_commands_work_without_a_journal(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    form(results / "2024-q2", "dcnn.xlsx")
    for args in (
        ("status", "--period", "q2"),
        ("report", "--period", "q2"),
    ):
        done = cli(*args, "--plan", str(PLAN), "--results", str(results))
        assert done.exit_code == 0, done.stderr
        assert done.stderr == ""
    assert not (tmp_path / "results-nhat-ky.sqlite").exists()


def test_a_reader_after_a_crash_settles_it_first(
    cli: Cli, tmp_path: Path, first_and_second: tuple[Path, Path, Path]
) -> None:
    """`report` right after a receive died between its steps sees the new state whole."""
    import json

    results, first, second = first_and_second
    killed_receive("put", second, results)  # the new form in place, the journal pending
    assert journal_rows(results, "SELECT state FROM receipts ORDER BY id") == [
        ("done",),
        ("pending",),
    ]
    made = cli("report", "--plan", str(PLAN), "--results", str(results), "--period", "q2",
               "--format", "json")  # fmt: skip
    assert made.exit_code == 0, made.stderr
    rice = next(i for i in json.loads(made.stdout)["indicators"] if i["code"] == "rice_output")
    assert rice["actual"] == 125
    assert journal_rows(results, "SELECT state FROM receipts ORDER BY id") == [
        ("done",),
        ("done",),
    ]
    assert len([f for f in files_under(results) if f.startswith("_luu-tru/")]) == 1


def test_rebuild_of_a_folder_that_does_not_exist_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    done = receive(cli, tmp_path / "khong-co", "--rebuild")
    assert done.exit_code == 2
    assert done.stderr.startswith(f"Không tìm thấy thư mục kết quả: {tmp_path / 'khong-co'}.")
    assert not (tmp_path / "khong-co").exists()


def test_a_lock_file_that_cannot_be_made_is_reported(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder holding the results is read-only (a shared folder): said plainly, nothing
    filed. Simulated, since the suite may run as root, whom permissions do not stop."""
    import filelock

    results = tmp_path / "results"
    lock = tmp_path / "results-nhat-ky.lock"

    def refused(self: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(lock))

    monkeypatch.setattr(filelock.FileLock, "acquire", refused)
    done = receive(cli, results, str(form(tmp_path / "in", "a.xlsx")))
    assert done.exit_code == 1
    assert done.stderr == (
        f"Không tạo được tệp khóa {lock} (Permission denied): kehoach cần ghi được vào thư mục "
        "chứa thư mục kết quả để hai lệnh cùng lúc không ghi đè nhau. Hãy cấp quyền ghi hoặc chép "
        "thư mục kết quả sang nơi ghi được.\n"
    )
    assert files_under(results) == []
    assert not (tmp_path / "results-nhat-ky.sqlite").exists()
