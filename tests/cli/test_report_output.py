"""`kehoach report` writing files: --output-dir naming, reruns, two runs at once, inputs kept."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import Cli


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_output_dir_names_the_file_by_period_and_format(cli: Cli, workdir: Path) -> None:
    result = cli(
        "report",
        "--period",
        "current",
        "--today",
        "2024-06-20",
        "--format",
        "json",
        "--output-dir",
        "out",
        "--quiet",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = workdir / "out" / "2024Q2-tong-hop.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["period"]["id"] == "2024Q2"
    assert [p.name for p in (workdir / "out").iterdir()] == ["2024Q2-tong-hop.json"]


def test_a_rerun_replaces_its_own_file(cli: Cli, workdir: Path) -> None:
    args = ("report", "--period", "q2", "--format", "markdown", "--output-dir", "out")
    assert cli(*args).exit_code == 0
    first = (workdir / "out" / "2024Q2-tong-hop.md").read_text(encoding="utf-8")
    assert cli(*args).exit_code == 0
    assert (workdir / "out" / "2024Q2-tong-hop.md").read_text(encoding="utf-8") == first
    assert sorted(p.name for p in (workdir / "out").iterdir()) == ["2024Q2-tong-hop.md"]


def test_output_dir_needs_a_format_and_excludes_output(cli: Cli, workdir: Path) -> None:
    result = cli("report", "--period", "q2", "--output-dir", "out")
    assert result.exit_code == 2 and "--format" in result.stderr
    result = cli("report", "--period", "q2", "--output-dir", "out", "--output", "x.md")
    assert result.exit_code == 2 and "--output-dir" in result.stderr


def test_output_over_the_discovered_plan_is_refused_and_the_plan_kept(
    cli: Cli, workdir: Path
) -> None:
    plan = workdir / "data" / "plan_2024.yaml"
    before = _sha(plan)
    result = cli("report", "--period", "q2", "--format", "json", "--output", str(plan))
    assert result.exit_code == 2
    assert "Không ghi đè tệp đầu vào" in result.stderr
    assert _sha(plan) == before


def test_number_and_date_fill_the_document_fields(cli: Cli, workdir: Path) -> None:
    result = cli(
        "report", "--period", "q2", "--format", "json", "--number", "45", "--date", "2024-07-05"
    )
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)["plan"]
    assert (plan["document_number"], plan["document_date"]) == ("45", "2024-07-05")
    bad = cli("report", "--period", "q2", "--date", "5/7")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_two_runs_at_once_leave_one_whole_file(workdir: Path, fmt: str) -> None:
    """Two processes writing the same summary: each writes a temporary file and renames it,
    so the file left is one whole report, never a mix."""
    command = [
        sys.executable,
        "-m",
        "kehoach_cli",
        "report",
        "--period",
        "q2",
        "--today",
        "2024-06-20",
        "--format",
        fmt,
        "--output-dir",
        "out",
        "--quiet",
    ]
    runs = [subprocess.Popen(command, cwd=workdir, stderr=subprocess.PIPE) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    out = workdir / "out"
    assert sorted(p.name for p in out.iterdir()) == [f"2024Q2-tong-hop.{fmt}"]
    alone = subprocess.run(
        [*command[:-3], "--output", "alone." + fmt], cwd=workdir, capture_output=True, timeout=120
    )
    assert alone.returncode == 0
    assert (out / f"2024Q2-tong-hop.{fmt}").read_bytes() == (workdir / f"alone.{fmt}").read_bytes()
