"""Nothing given to kehoach is changed or lost: every command over the sample data and the hostile
corpus leaves every input byte for byte as it was; an output may not overwrite an input."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.hostile.corpus import HOSTILE, run_kehoach


def _digests(*roots: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def copies(tmp_path: Path) -> Path:
    """The sample data and the corpus, copied, so that the commands can run from their folder."""
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(HOSTILE, tmp_path / "hostile")
    return tmp_path


def _commands(root: Path) -> list[list[str]]:
    plan = str(root / "data" / "plan_2024.yaml")
    commands = [
        ["validate", str(root / "data")],
        ["validate", "--plan", plan, str(root / "hostile")],
        ["validate", "--format", "json", "--plan", plan, str(root / "data" / "results")],
        ["plan", "show", "--plan", plan],
        ["status", "--plan", plan, "--period", "q2", "--results", str(root / "data" / "results")],
        ["status", "--plan", plan, "--period", "q2", "--results", str(root / "hostile")],
        [
            "template",
            "--plan",
            plan,
            "--period",
            "q2",
            "--unit",
            "dcnn",
            "-o",
            str(root / "t.xlsx"),
        ],
    ]
    results = str(root / "data" / "results")
    for fmt in ("table", "json", "csv", "markdown", "xlsx", "docx", "html"):
        out = ["--output-dir", str(root / "out")] if fmt != "table" else []
        commands.append(
            [
                "report",
                "--plan",
                plan,
                "--period",
                "q2",
                "--results",
                results,
                "--format",
                fmt,
                *out,
            ]
        )
    commands.append(
        ["report", "--plan", plan, "--period", "q2", "--results", str(root / "hostile")]
    )
    commands.append(["report", "--plan", plan, "--period", "year", "--by", "quarter"])
    for path in sorted((root / "hostile" / "yaml").iterdir()):
        commands.append(["plan", "show", "--plan", str(path)])
    return commands + _refused_outputs(root)


def _refused_outputs(root: Path) -> list[list[str]]:
    """Outputs aimed at what a user gave (#14): each is refused, --force or not."""
    plan = str(root / "data" / "plan_2024.yaml")
    results = root / "data" / "results"
    q2 = ["report", "--plan", plan, "--period", "q2"]
    form = ["template", "--plan", plan, "--period", "q2", "--unit", "dcnn"]
    hostile = root / "hostile"
    # (Each refusal has its own test in test_output_targets.py, and the whole results tree is
    # aimed at in-process below: these few run as the real program, under the memory cap.)
    return [
        # another period's submission, which this run does not read
        [*q2, "-r", str(results / "2024-q2"), "-o", str(results / "2024-q1" / "dcnn.xlsx")],
        # a CSV copy of a submission, dropped as a duplicate but read
        [*q2, "-f", "csv", "--force", "-o", str(results / "examples/csv/2024-q2/dcnn.csv")],
        [*q2, "-r", str(hostile), "-f", "csv", "--force", "-o", str(hostile / "csv" / "bom.csv")],
        [*q2, "-f", "json", "-o", plan, "--force"],
        # files that are not this command's own earlier output (no --force)
        [*q2, "-f", "csv", "-o", str(hostile / "csv" / "semicolon.csv")],
        [*form, "--force", "-o", str(results / "2024-q2" / "dcnn.xlsx")],
        *([*form, "-o", str(hostile / "xlsx" / name)] for name in _XLSX),
    ]


_XLSX = ("encrypted.xlsx", "formula_no_cache.xlsx")


def test_no_output_lands_anywhere_in_the_results_tree(copies: Path) -> None:
    """Every results file of the tree, aimed at by `report` and `template` with --force."""
    from kehoach_cli.cli.app import main

    results = copies / "data" / "results"
    plan = str(copies / "data" / "plan_2024.yaml")
    before = _digests(results)
    targets = [p for p in sorted(results.rglob("*")) if p.suffix in (".xlsx", ".csv", ".yaml")]
    assert len(targets) >= 25
    for target in targets:
        for args in (
            ["report", "--plan", plan, "-p", "q3", "-r", str(results / "2024-q3"), "-f", "csv"],
            ["template", "--plan", plan, "-p", "q2"],
        ):
            with pytest.raises(SystemExit) as caught:
                main([*args, "--force", "-o", str(target)])
            assert caught.value.code == 2, (args, target)
    assert _digests(results) == before


def test_every_command_leaves_every_input_unchanged(copies: Path) -> None:
    # Exit codes are asserted elsewhere (test_corpus*.py): here even a crash must lose nothing.
    before = _digests(copies / "data", copies / "hostile")
    for args in _commands(copies):
        run_kehoach(*args, memory_mb=400, cwd=copies)
    after = _digests(copies / "data", copies / "hostile")
    assert after == before
    assert len(list((copies / "out").iterdir())) == 6  # the reports were really written


@pytest.mark.parametrize(
    "target",
    ["data/plan_2024.yaml", "data/results/2024-q2/dcnn.xlsx", "hostile/xlsx/macros.xlsm"],
)
def test_template_output_pointing_at_an_input_is_refused(copies: Path, target: str) -> None:
    path = copies / target
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    run = run_kehoach(
        "template",
        "--plan",
        str(copies / "data" / "plan_2024.yaml"),
        "--period",
        "q2",
        "--unit",
        "dcnn",
        "-o",
        str(path),
        cwd=copies,
    )
    assert run.exit_code in (1, 2)
    assert "Traceback" not in run.stderr and run.stderr.strip()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
