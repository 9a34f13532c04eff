"""Outputs: text from input files cannot become a formula or markup; failed writes lose nothing."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from kehoach_cli.errors import OutputError
from kehoach_cli.render import is_available
from kehoach_cli.safety.output import write_atomic

from ..conftest import PLAN, RESULTS, Cli

HOSTILE_NAMES = {
    "Sản lượng lương thực cây có hạt": '=HYPERLINK("http://example.invalid","bấm")',
    "Đàn trâu": "+cmd|' /C calc'!A0",
    "Đàn bò": "@SUM(1+1)*cmd|' /C calc'!A0",
    "Đàn heo": "\tĐàn heo",
    "Đàn gia cầm": "\rĐàn gia cầm",
    "Dân số trung bình": "<script>alert('x')</script>",
}


@pytest.fixture
def hostile_plan(tmp_path: Path) -> Path:
    """The shipped plan with indicator names that look like formulas or markup."""
    text = PLAN.read_text(encoding="utf-8")
    for name, evil in HOSTILE_NAMES.items():
        quoted = '"' + evil.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        quoted = quoted.replace("\r", "\\r") + '"'
        text = text.replace(f"name: {name}\n", f"name: {quoted}\n", 1)
    path = tmp_path / "plan_2024.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _report(cli: Cli, plan: Path, fmt: str, out: Path) -> Path:
    target = out / f"report.{fmt}"
    result = cli(
        "report",
        "--period",
        "q2",
        "--plan",
        str(plan),
        "--results",
        str(RESULTS),
        "--output",
        str(target),
    )
    assert result.exit_code == 0, result.stderr
    return target


def test_csv_cells_never_start_a_formula(cli: Cli, hostile_plan: Path, tmp_path: Path) -> None:
    import csv

    text = _report(cli, hostile_plan, "csv", tmp_path).read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert cells, "the CSV has cells"
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert '\'=HYPERLINK("http://example.invalid","bấm")' in cells
    assert any(c.startswith("'+cmd") for c in cells)


def test_markdown_cells_never_start_a_formula(cli: Cli, hostile_plan: Path, tmp_path: Path) -> None:
    text = _report(cli, hostile_plan, "md", tmp_path).read_text(encoding="utf-8")
    cells = [
        c.strip() for line in text.splitlines() if line.startswith("|") for c in line.split("|")
    ]
    assert not [c for c in cells if c[:1] in ("=", "+", "@")]
    assert any("'=HYPERLINK" in c for c in cells)


@pytest.mark.skipif(not is_available("xlsx"), reason="xlsx export not installed")
def test_xlsx_stores_formula_looking_text_as_text(
    cli: Cli, hostile_plan: Path, tmp_path: Path
) -> None:
    import openpyxl

    book = openpyxl.load_workbook(_report(cli, hostile_plan, "xlsx", tmp_path))
    found = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (
                    "HYPERLINK" in cell.value or "cmd|" in cell.value
                ):
                    found += 1
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
    assert found >= 2


@pytest.mark.skipif(not is_available("html"), reason="html export not installed")
def test_html_escapes_markup(cli: Cli, hostile_plan: Path, tmp_path: Path) -> None:
    text = _report(cli, hostile_plan, "html", tmp_path).read_text(encoding="utf-8")
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert" in text


def test_a_failure_mid_write_leaves_the_previous_output_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2024Q2-tong-hop.csv"
    write_atomic(target, "bản cũ\n")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, "bản mới " * 10_000)
    assert "đĩa đã đầy" in caught.value.message and str(target) in caught.value.message
    assert target.read_text(encoding="utf-8") == "bản cũ\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_an_interrupt_mid_write_leaves_the_previous_output_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bao-cao.md"
    write_atomic(target, "bản cũ\n")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "bản mới\n")
    assert target.read_text(encoding="utf-8") == "bản cũ\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
