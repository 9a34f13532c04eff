"""The indicator table of a signed plan saved as .docx: its rows as text, each with its place.

The document is read with python-docx (a maintained reader of WordprocessingML, imported here
only: nothing else in kehoach needs it at run time) after the container guard has judged the
file. The table is the first one whose header names the columns of a plan's table: TT, Chỉ tiêu,
Đơn vị tính (ĐVT), Kế hoạch; a cell merged across columns or down rows is read once, where it
starts, as Word shows it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..messages import t
from ..problems import Problem
from ..safety.limits import Limits

COLUMNS = ("tt", "name", "unit", "target")
_MARKS = frozenset({"-", "–", "+", "•"})  # numbering that does repeat from row to row
_HEADER_ROWS = 3  # a header may take two rows (merged "Kế hoạch" over "năm 2025"), plus numbers


@dataclass(frozen=True)
class TableLine:
    """One row of the Word table below its header, its cells' text cleaned of layout spaces."""

    row: int  # 1-based, counting every row of the table, header included
    tt: str
    name: str
    unit: str
    target: str


@dataclass(frozen=True)
class IndicatorTable:
    number: int  # 1-based among the document's tables
    header: dict[str, str]  # column key → its header text, for messages
    year: int | None  # the year the "Kế hoạch" header names, if any
    lines: tuple[TableLine, ...]
    header_rows: int = 1  # how many rows the header takes


def clean(text: str) -> str:
    """A cell's text as one line: NFC, every run of spaces and line breaks one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def where(table: int, row: int, column: str | None = None) -> str:
    """ "bảng 2, dòng 14, cột ĐVT" — the place of a problem in the Word table."""
    if column is None:
        return t("plan_import.where_row", table=table, row=row)
    return t("plan_import.where_cell", table=table, row=row, column=column)


def read_indicator_table(
    path: Path, display: str, limits: Limits
) -> tuple[IndicatorTable | None, list[Problem]]:
    """The plan's indicator table, or None and the problems saying why it cannot be read."""
    from ..safety.guards import check_docx_container

    problems = check_docx_container(path, display, limits)
    if any(p.severity == "error" for p in problems):
        return None, problems
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        return None, [_problem("unreadable", display, None, reason=reason)]
    for number, table in enumerate(document.tables, start=1):
        grid = _grid(table, limits)
        found = _header(grid)
        if found is None:
            continue
        header_row, columns = found
        return _table(number, grid, header_row, columns), problems
    tables = len(document.tables)
    return None, [*problems, _problem("no_table", display, None, tables=tables)]


def _grid(table: Any, limits: Limits) -> list[list[str]]:
    """The table as rows of cell texts; a cell merged across columns only where it starts.

    A cell merged down is given by python-docx as the cell above, again, with no public way to
    tell it from a copy: ``_table`` reads a numbering repeated from the row above as the merge it
    is; a unit repeated is what a unit cell merged down means anyway.
    """
    grid: list[list[str]] = []
    for row in table.rows[: limits.rows]:
        cells = [None] * row.grid_cols_before + list(row.cells)
        texts: list[str] = []
        for i, cell in enumerate(cells[: limits.columns]):
            # python-docx yields one cell object for each column a cell spans
            merged_left = i > 0 and cell is not None and cell is cells[i - 1]
            texts.append("" if cell is None or merged_left else clean(cell.text))
        grid.append(texts)
    return grid


def _column_text(rows: list[list[str]], i: int) -> str:
    """A header column's text over several rows, a cell merged down counted once."""
    parts: list[str] = []
    for row in rows:
        text = row[i] if i < len(row) else ""
        if text and (not parts or parts[-1] != text):
            parts.append(text)
    return " ".join(parts)


def _header(grid: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """The last header row and each column's index, when the first rows name a plan's columns."""
    for last in range(min(_HEADER_ROWS, len(grid))):
        width = max(len(r) for r in grid[: last + 1])
        columns: dict[str, int] = {}
        for i in range(width):
            key = _column_of(_column_text(grid[: last + 1], i).casefold())
            if key and key not in columns:
                columns[key] = i
        if {"name", "unit", "target"} <= set(columns):
            return _header_end(grid, last, columns["name"]), columns
    return None


def _header_end(grid: list[list[str]], last: int, name: int) -> int:
    """The header goes on while a row has no indicator name of its own ("năm 2025" under
    "Kế hoạch", the name cell merged down), but not over the row of column numbers."""
    while last + 1 < len(grid):
        row = grid[last + 1]
        own = row[name] if name < len(row) else ""
        if (own and own != grid[last][name]) or _numbering_row(row) or not any(row):
            break
        last += 1
    return last


def _column_of(text: str) -> str | None:
    if text in ("tt", "stt", "số tt", "số thứ tự"):
        return "tt"
    if "chỉ tiêu" in text or "nội dung" in text:
        return "name"
    if "đơn vị" in text or text in ("đvt", "đv tính"):
        return "unit"
    if "kế hoạch" in text or re.match(r"kh\b", text):
        return "target"
    return None


def _table(number: int, grid: list[list[str]], header_row: int, columns: dict[str, int]) -> Any:
    def cell(cells: list[str], key: str) -> str:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    head = grid[: header_row + 1]
    header = {key: _column_text(head, i) for key, i in columns.items()}
    header.setdefault("tt", "TT")
    year_found = re.search(r"(?<!\d)(20\d\d)(?!\d)", header["target"])
    lines = []
    above = ""
    for index in range(header_row + 1, len(grid)):
        cells = grid[index]
        values = [cell(cells, key) for key in COLUMNS]
        if not any(values) or _numbering_row(values):
            continue
        tt = values[0]
        if tt and tt == above and tt not in _MARKS:  # a TT cell merged down (see _grid)
            values[0] = ""
        above = tt
        lines.append(TableLine(index + 1, *values))
    year = int(year_found.group(1)) if year_found else None
    return IndicatorTable(number, header, year, tuple(lines), header_row + 1)


def _numbering_row(values: list[str]) -> bool:
    """The row of column numbers under a header: "1 2 3 4" or "(1) (2) (3) (4)"."""
    return all(re.fullmatch(r"\(?\d\)?|[A-D]", v) for v in values) and len(set(values)) > 2


def _problem(code: str, display: str, location: str | None, **params: object) -> Problem:
    return Problem(
        severity="error",
        code=code,
        message=t(f"plan_import.{code}", **params),
        file=display,
        location=location,
    )
