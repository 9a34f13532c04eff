"""Forms as they arrive: copies of the shipped ones under any name, corrected by a script."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl

from ..conftest import PLAN, RESULTS, Cli


def form(
    folder: Path,
    name: str,
    *,
    unit: str = "dcnn",
    period: str = "2024-q2",
    values: dict[str, object] | None = None,
    notes: dict[str, str] | None = None,
    undated: bool = False,
) -> Path:
    """A copy of the shipped form of ``unit`` for ``period``, saved as ``name``, with changes."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    shutil.copyfile(RESULTS / period / f"{unit}.xlsx", path)
    if values or notes or undated:
        book = openpyxl.load_workbook(path)
        sheet = book["Kết quả"]
        for row in range(12, sheet.max_row + 1):
            code = sheet.cell(row, 2).value
            if values and code in values:
                sheet.cell(row, 6, values[code])
            if notes and code in notes:
                sheet.cell(row, 7, notes[code])
        if undated:
            sheet["C8"] = None
        book.save(path)
    return path


def receive(cli: Cli, results: Path, *args: str) -> Any:
    return cli("receive", "--plan", str(PLAN), "--results", str(results), *args)


def journal_rows(results: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Rows of the real journal, read with the standard library's sqlite3."""
    path = results.parent / f"{results.name}-nhat-ky.sqlite"
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
