"""`kehoach receive` runs at once lose nothing: each waits for the folder's lock in turn.

Real processes of the installed package, real files, the real journal. The two-at-once test on
a new folder (both making the journal) ran 40 times in a loop without a failure once the folder
lock replaced SQLite's EXCLUSIVE locking mode, which deadlocked about one run in fifteen.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ..conftest import PLAN, Cli
from .forms import files_under, form, journal_rows, receive


def _start(results: Path, *files: Path) -> subprocess.Popen[str]:
    return _kehoach("receive", "--plan", str(PLAN), "--results", str(results), *map(str, files))


def _kehoach(*args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEHOACH_")}
    env["NO_COLOR"] = "1"
    return subprocess.Popen(
        [sys.executable, "-m", "kehoach_cli", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


def _finish(runs: list[subprocess.Popen[str]]) -> list[str]:
    """Each run's stdout, once all have ended; every one succeeded."""
    outputs = [run.communicate(timeout=240) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
    return [out for out, _ in outputs]


def test_two_receives_at_once_lose_nothing(tmp_path: Path) -> None:
    results = tmp_path / "results"
    inbox = tmp_path / "in"
    one = [form(inbox, "a1.xlsx"), form(inbox, "b1.xlsx", unit="vhxh")]
    two = [
        form(inbox, "a2.xlsx", values={"rice_output": 125}),
        form(inbox, "b2.xlsx", unit="tram-y-te"),
    ]
    _finish([_start(results, *one), _start(results, *two)])
    rows = journal_rows(results, "SELECT unit, state FROM receipts ORDER BY id")
    assert sorted(rows) == [("dcnn", "done"), ("dcnn", "done"), ("tram-y-te", "done"),
                            ("vhxh", "done")]  # fmt: skip
    found = files_under(results)
    assert [f for f in found if not f.startswith("_luu-tru/")] == [
        "2024-q2/dcnn.xlsx",
        "2024-q2/tram-y-te.xlsx",
        "2024-q2/vhxh.xlsx",
    ]
    # Whichever came second is current, the other is in the archive: both versions are kept.
    [archived] = [f for f in found if f.startswith("_luu-tru/")]
    kept = {(results / archived).read_bytes(), (results / "2024-q2/dcnn.xlsx").read_bytes()}
    assert kept == {one[0].read_bytes(), two[0].read_bytes()}


def test_four_receives_and_a_reader_at_once_lose_nothing(tmp_path: Path) -> None:
    """Four receives of the same unit and of others, and a `history` reading meanwhile: every
    form is journalled and on disk, current or in the archive, and the journal agrees."""
    import hashlib
    import json

    results = tmp_path / "results"
    inbox = tmp_path / "in"
    first = form(inbox, "dcnn0.xlsx")
    _finish([_start(results, first)])

    def dcnn(n: int) -> Path:
        return form(inbox, f"dcnn{n}.xlsx", values={"rice_output": 120 + n})

    def other(unit: str) -> Path:
        return form(inbox, f"{unit}.xlsx", unit=unit)

    batches = [
        [dcnn(1), other("vhxh")],
        [dcnn(2), other("thcs")],
        [other("tram-y-te"), dcnn(3)],
        [other("mam-non"), other("tieu-hoc"), dcnn(4)],
    ]
    reader = _kehoach("history", "--results", str(results), "--indicator", "rice_output",
                      "--format", "json")  # fmt: skip
    _finish([_start(results, *batch) for batch in batches])
    [seen] = _finish([reader])

    def sha(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    sent = [first, *(f for batch in batches for f in batch)]
    rows = journal_rows(results, "SELECT sha256, stored_path, archived_path, state, unit "
                                 "FROM receipts ORDER BY id")  # fmt: skip
    assert sorted(r[0] for r in rows) == sorted(sha(f) for f in sent)  # each journalled once
    assert {r[3] for r in rows} == {"done"}
    for digest, stored, archived, _, _ in rows:  # the journal says where each one is: it is
        assert sha(results / (archived or stored)) == digest
    found = files_under(results)
    assert [f for f in found if not f.startswith("_luu-tru/")] == sorted(
        f"2024-q2/{unit}.xlsx"
        for unit in ("dcnn", "mam-non", "tieu-hoc", "tram-y-te", "thcs", "vhxh")
    )
    on_disk = sorted(sha(results / f) for f in found)
    assert on_disk == sorted(sha(f) for f in sent)  # nothing lost, nothing twice
    assert [r[2] is None for r in rows if r[4] == "dcnn"] == [False] * 4 + [True]
    # The reader saw a whole state: some of the versions, oldest first, each with its previous.
    versions = json.loads(seen)["versions"]
    values = [v["value"] for v in versions]
    assert values[0] == 120 and set(values) <= {120, 121, 122, 123, 124}
    assert [v["previous_value"] for v in versions] == [None, *values[:-1]]


def test_a_receive_and_a_reader_wait_while_another_holds_the_folder(tmp_path: Path) -> None:
    from kehoach_cli.intake.journal import lock_path, open_for_write

    results = tmp_path / "results"
    results.mkdir()
    incoming = form(tmp_path / "in", "a.xlsx")
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with open_for_write(results):
            held.set()
            release.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(30)
    assert lock_path(results) == tmp_path / "results-nhat-ky.lock"
    run = _start(results, incoming)
    reader = _kehoach("history", "--results", str(results), "--format", "json")
    time.sleep(3)
    assert run.poll() is None and reader.poll() is None  # both still waiting for the lock
    assert not (results / "2024-q2").exists()
    release.set()
    holder.join()
    _finish([run, reader])
    assert files_under(results) == ["2024-q2/dcnn.xlsx"]


def test_a_receive_that_waited_too_long_says_so_and_files_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kehoach_cli.intake import journal

    monkeypatch.setattr(journal, "WAIT_SECONDS", 1.0)
    results = tmp_path / "results"
    results.mkdir()
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with journal.open_for_write(results):
            held.set()
            release.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(30)
        done = receive(cli, results, str(form(tmp_path / "in", "a.xlsx")))
        history = cli("history", "--results", str(results))
    finally:
        release.set()
        holder.join()
    said = (
        f"Nhật ký {tmp_path / 'results-nhat-ky.sqlite'} đang được một lệnh khác dùng (đã chờ 1 "
        "giây). Chờ lệnh kia xong rồi chạy lại.\n"
    )
    assert (done.exit_code, done.stderr) == (1, said)
    assert (history.exit_code, history.stderr) == (1, said)
    assert files_under(results) == []
    assert journal_rows(results, "SELECT COUNT(*) FROM receipts") == [(0,)]


def test_no_posix_only_locking() -> None:
    """The folder's lock is filelock's, which works the same on Windows: no fcntl here."""
    import kehoach_cli.intake as intake

    folder = Path(intake.__file__).parent
    for source in folder.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "import fcntl" not in text and "fcntl." not in text, source
