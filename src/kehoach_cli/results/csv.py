"""Results as CSV (UTF-8, with or without BOM; comma, semicolon or tab) → a Grid.

The layout is the sheet's: label/value rows of the metadata, then the header row and the table,
so one parser serves both. Every cell is text; numbers are read the Vietnamese way.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from ..problems import Problem
from ..safety.limits import Limits
from ..safety.yaml_io import decode_text
from .common import Where, column_letter, fold, megabytes, problem, text_of
from .grid import Grid


def read_csv(path: Path, display: str, limits: Limits) -> tuple[Grid | None, list[Problem]]:
    file_where = Where(display)
    size = path.stat().st_size
    if size > limits.text_bytes:
        return None, [
            problem(
                "file_too_large",
                file_where,
                size=megabytes(size),
                limit=megabytes(limits.text_bytes),
            )
        ]
    text = decode_text(path.read_bytes())
    if text is None:
        return None, [problem("not_text", file_where)]
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        return None, [problem("empty_file", file_where)]
    first = text.lstrip().splitlines()[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    rows: list[list[object]] = []
    # The csv module refuses a field over 128 KB with an error that names no line; the file is
    # within the size limit, so no field can be larger than that (module-wide, only raised).
    csv.field_size_limit(max(csv.field_size_limit(), limits.text_bytes))
    for i, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
        if i >= limits.rows:
            # Rows past the limit are not read: say so rather than lose figures silently.
            return None, [problem("too_many_rows", file_where, rows=f"> {i}", limit=limits.rows)]
        rows.append(list(row[: limits.columns]))

    if path.suffix.lower() == ".txt" and _header_row(rows) is None:
        # A note left in the results folder, not a form saved as text: named, not an error.
        return None, [problem("text_not_results", file_where, severity="warning")]

    def where(row: int, col: int) -> Where:
        # Lines count from 1 as editors show them; a quoted field with a line break is rare.
        return Where(display, cell=f"{column_letter(col)}{row + 1}", line=row + 1)

    return Grid(rows, where, file_where), _shifted_rows(rows, display)


def _shifted_rows(rows: list[list[object]], display: str) -> list[Problem]:
    """Rows of the table with more fields than its header, each emptied and named.

    An unquoted decimal comma in a comma-separated file ("…,30,65,31,2") splits one figure
    into two fields and moves every later one a column right: reading such a row would take
    the plan's decimals for the figure. Excel and LibreOffice write every row as wide as the
    widest, header included, so a longer row is one that was typed. No guess is made at which
    comma was meant.
    """
    header = _header_row(rows)
    if header is None:
        return []
    width = len(rows[header])
    problems: list[Problem] = []
    for r in range(header + 1, len(rows)):
        if len(rows[r]) > width and any(text_of(v) for v in rows[r]):
            where = Where(display, line=r + 1)
            problems.append(problem("csv_extra_fields", where, fields=len(rows[r]), columns=width))
            rows[r] = []
    return problems


def _header_row(rows: list[list[object]]) -> int | None:
    """The index of the table's header row (the one with "Mã chỉ tiêu"), or None."""
    return next(
        (r for r, row in enumerate(rows) if any(fold(text_of(v)) == "ma chi tieu" for v in row)),
        None,
    )
