"""`kehoach status` takes the receive time from the journal when a form states no date."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from ..conftest import PLAN, Cli
from .forms import form, journal_rows, receive


def dcnn_file(cli: Cli, results: Path) -> dict[str, object]:
    done = cli("status", "--plan", str(PLAN), "--results", str(results), "--period", "q2",
               "--today", "2100-01-01", "--format", "json")  # fmt: skip
    assert done.exit_code == 0, done.stderr
    [unit] = [u for u in json.loads(done.stdout)["units"] if u["code"] == "dcnn"]
    [file] = unit["files"]
    return file  # type: ignore[no-any-return]


def test_an_undated_form_is_dated_by_its_receive_time(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    assert receive(cli, results, str(form(tmp_path / "in", "a.xlsx", undated=True))).exit_code == 0
    [(at,)] = journal_rows(results, "SELECT received_at FROM receipts")
    received = datetime.fromisoformat(at).astimezone().replace(tzinfo=None)
    file = dcnn_file(cli, results)
    assert file["date_basis"] == "received"
    assert file["submitted_on"] == received.date().isoformat()
    assert file["received_at"] == received.isoformat(timespec="seconds")
    table = cli("status", "--plan", str(PLAN), "--results", str(results), "--period", "q2",
                "--today", "2100-01-01")  # fmt: skip
    assert received.strftime("%d/%m/%Y %H:%M") in table.stdout


def test_a_file_changed_by_hand_since_is_dated_by_its_own_time(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    assert receive(cli, results, str(form(tmp_path / "in", "a.xlsx", undated=True))).exit_code == 0
    stored = results / "2024-q2" / "dcnn.xlsx"
    os.utime(stored, (1718668800, 1718668800))  # someone copied another file over it
    file = dcnn_file(cli, results)
    assert file["date_basis"] == "file_time"
    assert file["received_at"] is None
    assert file["submitted_on"] == datetime.fromtimestamp(1718668800).date().isoformat()


def test_a_stated_date_still_comes_first(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    assert receive(cli, results, str(form(tmp_path / "in", "a.xlsx"))).exit_code == 0
    file = dcnn_file(cli, results)
    assert file["date_basis"] == "stated"
    assert file["received_at"] is not None
