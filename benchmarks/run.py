"""The real workloads, timed: one commune's quarter, and a province's quarter.

    python benchmarks/run.py            # (a) 5 runs a row, (b) 100 communes; a few minutes
    python benchmarks/run.py --quick    # (a) 3 runs a row, (b) 100 communes (make bench)
    python benchmarks/run.py --smoke    # (a) once, (b) 2 communes: tests/test_benchmark_smoke.py

(a) One commune's quarter, as its officer runs it: ``kehoach validate`` of the shipped Q2 forms,
then ``kehoach report --period q2`` of the shipped data in every format, each a whole process
(spawn to exit, what a user or cron pays; the median of the runs) with its peak memory.

(b) A province's quarter: 100 communes, each a folder of 7 forms (the six shipped Q2 forms and
the Q1 one the year-to-date needs), each folder validated and reported as an .xlsx, all in one
process through kehoach's own CLI entry (``main(argv)``), as a province's script would call it:
the total time, the peak memory of the whole run, and the cost per form.

Plain Python only: no benchmark framework. Prints the table and writes it to
``benchmarks/latest.json`` (git-ignored; ``--json PATH`` to choose).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PLAN = ROOT / "data" / "plan_2024.yaml"
RESULTS = ROOT / "data" / "results"
FORMATS = ("table", "json", "csv", "markdown", "xlsx", "docx", "html")
FORMS_PER_COMMUNE = 7
ENV = {**os.environ, "NO_COLOR": "1"}


@dataclass
class Row:
    measure: str
    seconds: float  # wall time: the median of the runs (a), or the one run (b)
    cpu_seconds: float  # user + system CPU time of the same run(s): steadier on a busy machine
    peak_mb: float
    runs: int
    forms: int = 0  # forms read by the measured work
    note: str = ""

    @property
    def per_form_ms(self) -> float | None:
        return 1000 * self.seconds / self.forms if self.forms else None


def run_once(cmd: list[str], cwd: Path) -> tuple[float, float, float]:
    """One whole process: wall seconds from spawn to exit, CPU seconds, peak memory (MB)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            tail = err.read()[-600:].decode("utf-8", "replace")
            raise SystemExit(f"{' '.join(cmd)} failed: {tail}")
    # ru_maxrss is in KB on Linux (bytes on macOS: this script's figures are Linux's).
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def timed(measure: str, cmd: list[str], runs: int, forms: int = 0) -> Row:
    """A warm-up (it writes the bytecode cache, as a user's first run does), then ``runs``."""
    run_once(cmd, ROOT)
    times, cpu, peaks = zip(*(run_once(cmd, ROOT) for _ in range(runs)), strict=True)
    return Row(measure, statistics.median(times), statistics.median(cpu), max(peaks), runs, forms)


def commune_quarter(runs: int, out: Path) -> list[Row]:
    """(a): validate the shipped Q2 forms; the Q2 report in every format."""
    kehoach = [sys.executable, "-m", "kehoach_cli"]
    q2 = sorted((RESULTS / "2024-q2").glob("*.xlsx"))
    rows = [
        timed("validate the shipped Q2 forms", [*kehoach, "validate", *map(str, q2)], runs, len(q2))
    ]
    shipped = len([p for p in RESULTS.rglob("*") if p.suffix in (".xlsx", ".csv", ".yaml")])
    for fmt in FORMATS:
        target = out / f"q2.{fmt}"
        cmd = [*kehoach, "report", "--period", "q2", "--format", fmt, "--quiet"]
        if fmt in ("xlsx", "docx", "html"):
            cmd += ["--output", str(target)]
        rows.append(timed(f"report --period q2 --format {fmt}", cmd, runs))
    rows[-1].note = f"the shipped results folder ({shipped} files, all quarters)"
    return rows


def make_province(folder: Path, communes: int) -> list[Path]:
    """``communes`` folders, each the six shipped Q2 forms and the Q1 form the year needs."""
    q2 = sorted((RESULTS / "2024-q2").glob("*.xlsx"))
    forms = [*q2, RESULTS / "2024-q1" / "dcnn.xlsx"][:FORMS_PER_COMMUNE]
    assert len(forms) == FORMS_PER_COMMUNE, forms
    made = []
    for number in range(1, communes + 1):
        commune = folder / f"xa-{number:03d}"
        commune.mkdir(parents=True)
        for form in forms:
            name = form.name if form.parent.name == "2024-q2" else f"q1-{form.name}"
            shutil.copyfile(form, commune / name)
        made.append(commune)
    return made


_WORKER = """
import sys
from pathlib import Path
from kehoach_cli.cli.app import main

plan, out = sys.argv[1], Path(sys.argv[2])
for commune in sys.argv[3:]:
    for argv in (
        ["validate", "--quiet", "--plan", plan, commune],
        ["report", "--period", "2024Q2", "--plan", plan, "--results", commune, "--quiet",
         "--today", "2024-07-10", "--output", str(out / (Path(commune).name + ".xlsx"))],
    ):
        try:
            main(argv)
        except SystemExit as done:
            if done.code not in (0, None):
                raise SystemExit(f"{argv}: exit {done.code}")
"""


def province_quarter(communes: int, work: Path) -> Row:
    """(b): every commune's forms validated and reported as .xlsx, in one process."""
    folders = make_province(work / "province", communes)
    out = work / "reports"
    out.mkdir()
    cmd = [sys.executable, "-c", _WORKER, str(PLAN), str(out), *map(str, folders)]
    seconds, cpu, peak = run_once(cmd, ROOT)
    forms = communes * FORMS_PER_COMMUNE
    measure = f"province: {communes} communes × {FORMS_PER_COMMUNE} forms, validate + report .xlsx"
    return Row(measure, seconds, cpu, peak, 1, forms, "one process, kehoach_cli.cli.app.main(argv)")


def print_table(rows: list[Row]) -> None:
    print(f"{'measure':<66} {'time':>8} {'CPU':>8} {'per form':>9} {'peak MB':>8} {'runs':>4}")
    for row in rows:
        per_form = f"{row.per_form_ms:.0f} ms" if row.per_form_ms is not None else ""
        print(
            f"{row.measure:<66} {row.seconds:>7.2f}s {row.cpu_seconds:>7.2f}s {per_form:>9} "
            f"{row.peak_mb:>8.0f} {row.runs:>4}"
        )


def machine() -> dict[str, object]:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "when": datetime.now().isoformat(timespec="minutes"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": os.cpu_count(),
        "load_1min": load,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="3 runs a row for (a)")
    mode.add_argument("--smoke", action="store_true", help="one run, 2 communes: for CI")
    parser.add_argument("--runs", type=int, help="runs per row of (a), after a warm-up")
    parser.add_argument("--communes", type=int, help="communes in (b) (default 100)")
    parser.add_argument("--json", type=Path, default=HERE / "latest.json", help="where to write")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.smoke else 3 if args.quick else 5)
    communes = args.communes or (2 if args.smoke else 100)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = commune_quarter(runs, work)
        rows.append(province_quarter(communes, work))
    print_table(rows)
    record = {
        "machine": machine(),
        "rows": [{**asdict(row), "per_form_ms": row.per_form_ms} for row in rows],
    }
    args.json.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
