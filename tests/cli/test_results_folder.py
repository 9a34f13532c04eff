"""The results folder: beside the plan by default, KEHOACH_RESULTS, --results; a folder that
does not exist stops `report` and `status` with its path (exit 2), never a report of no data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import DATA, Cli

TODAY = ("--today", "2024-07-10")


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped data copied to tmp/office/data, and the current folder an empty other one,
    as when Task Scheduler or cron starts kehoach."""
    shutil.copytree(DATA, tmp_path / "office" / "data")
    start = tmp_path / "start"
    start.mkdir()
    monkeypatch.chdir(start)
    return tmp_path / "office" / "data"


def _counted(cli: Cli, *args: str) -> dict[str, int]:
    result = cli("report", "--period", "q2", *TODAY, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout)["counts"])


def test_the_results_beside_the_plan_are_used_from_another_folder(
    cli: Cli, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEHOACH_PLAN", str(elsewhere / "plan_2024.yaml"))
    beside = _counted(cli)
    named = _counted(cli, "--results", str(elsewhere / "results"))
    assert beside == named
    assert beside["no_data"] == 0
    status = cli("status", "--period", "q2", *TODAY)
    assert status.exit_code == 0, status.stderr
    assert "Tỷ lệ báo cáo: 6/6 đơn vị" in status.stdout


def test_kehoach_results_names_the_folder(
    cli: Cli, elsewhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("KEHOACH_RESULTS", str(empty))
    counts = _counted(cli, "--plan", str(elsewhere / "plan_2024.yaml"))
    # (issue #15: "Tỷ trọng bò lai", 200 %, is target_flagged, not no_data)
    assert (counts["no_data"], counts["target_flagged"]) == (31, 1)
    # --results wins over the variable
    named = _counted(
        cli, "--plan", str(elsewhere / "plan_2024.yaml"), "--results", str(elsewhere / "results")
    )
    assert named["no_data"] == 0


@pytest.mark.parametrize("command", ["report", "status"])
def test_a_missing_results_folder_is_exit_2_with_its_path(
    cli: Cli, elsewhere: Path, command: str
) -> None:
    shutil.rmtree(elsewhere / "results")
    result = cli(command, "--period", "q2", *TODAY, "--plan", str(elsewhere / "plan_2024.yaml"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"Không tìm thấy thư mục kết quả: {elsewhere / 'results'}. Mặc định là thư mục results "
        "cạnh tệp kế hoạch; tạo thư mục đó, hoặc chỉ rõ bằng --results THƯ_MỤC hay biến "
        "KEHOACH_RESULTS.\n"
    )


def test_a_missing_folder_named_by_the_variable_says_so(
    cli: Cli, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEHOACH_RESULTS", "khong-co")
    result = cli("report", "--period", "q2", "--plan", str(elsewhere / "plan_2024.yaml"))
    assert result.exit_code == 2
    assert "khong-co" in result.stderr and "KEHOACH_RESULTS" in result.stderr
