"""The benchmark script still runs: ``benchmarks/run.py --smoke`` (one run a row, 2 communes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_smoke_run_prints_the_table_and_writes_every_row(tmp_path: Path) -> None:
    out = tmp_path / "latest.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "province: 2 communes × 7 forms" in run.stdout
    rows = {row["measure"]: row for row in json.loads(out.read_text(encoding="utf-8"))["rows"]}
    # (a) one commune's quarter: the shipped Q2 forms validated, the report in every format
    assert rows["validate the shipped Q2 forms"]["forms"] == 6
    for fmt in ("table", "json", "csv", "markdown", "xlsx", "docx", "html"):
        row = rows[f"report --period q2 --format {fmt}"]
        assert row["seconds"] > 0 and row["cpu_seconds"] > 0 and row["peak_mb"] > 0, fmt
        assert row["runs"] == 1, fmt
    # (b) a province's quarter: every form validated and reported, with the cost per form
    province = rows["province: 2 communes × 7 forms, validate + report .xlsx"]
    assert province["forms"] == 14
    assert province["per_form_ms"] == 1000 * province["seconds"] / 14
