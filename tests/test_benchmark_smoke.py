"""The benchmark script still runs: ``benchmarks/run.py --smoke`` on tiny N, one run per row."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_smoke_run_prints_the_table_and_writes_the_ratios(tmp_path: Path) -> None:
    out = tmp_path / "ratios.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "kehoach --help" in run.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    rows = {row["measure"]: row for row in data["rows"]}
    assert rows["kehoach --help"]["ratio"] > 0
    assert rows["kehoach --help"]["runs"] == 1  # each row says how many runs its median is of
    assert rows["validate, N = 100"]["median_s"] > 0
    assert rows["validate: max RSS at N = 100"]["met"] is True
    # The bound under validate ÷ calamine is computed (one run at N = 100 is too noisy to say
    # more than that it is there).
    assert rows["bound ÷ calamine read, N = 100"]["ratio"] > 0
    # Every row of the issue is there, measured or saying why not.
    for name in (
        "bound: pydantic validates one tiny model",
        "kehoach report --period q2 --format json (shipped)",
        "kehoach report --format xlsx (shipped)",
        "kehoach report --format docx (shipped)",
        "calamine only reads the sheet, N = 100",
        "bound: PyYAML parses the plan + calamine reads, N = 100",
        "frictionless validate, N = 100",
    ):
        assert name in rows
        assert rows[name]["median_s"] or rows[name]["note"], name
