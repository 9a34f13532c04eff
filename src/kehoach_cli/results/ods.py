"""What calamine does not say about an .ods sheet: error cells, merges, formulas without a value.

calamine reads an .ods cell's value, but gives a cell showing "#DIV/0!" as empty and no merged
ranges, so the checks made for .xlsx (``cell_error``, ``merged_value_cell``,
``formula_no_value``) need the sheet's own XML. It is streamed with defusedxml (the container
guard has already bounded the archive); repeated rows and cells are counted, never expanded, so
LibreOffice's "1 048 000 empty rows" costs nothing. Hidden sheets come from calamine's metadata.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


@dataclass
class OdsSheet:
    """One sheet's cells that need a check, 0-based as the Grid counts them."""

    formulas: dict[tuple[int, int], bool] = field(default_factory=dict)  # → has a value
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


def scan_ods(path: Path) -> dict[str, OdsSheet] | None:
    """Sheet name (NFC) → its cells to check; None when content.xml cannot be read."""
    import unicodedata

    from defusedxml.ElementTree import iterparse

    sheets: dict[str, OdsSheet] = {}
    current: OdsSheet | None = None
    row = col = 0
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
            for event, element in iterparse(content, events=("start", "end")):
                tag = element.tag
                if tag == f"{_TABLE}table" and event == "start":
                    name = unicodedata.normalize("NFC", element.get(f"{_TABLE}name", ""))
                    current = sheets.setdefault(name, OdsSheet())
                    row = 0
                elif tag == f"{_TABLE}table-row" and event == "start":
                    col = 0
                elif tag == f"{_TABLE}table-row" and event == "end":
                    row += _repeat(element, "number-rows-repeated")
                    element.clear()
                elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    if event == "end":
                        if current is not None and tag == f"{_TABLE}table-cell":
                            _note_cell(current, element, row, col)
                        col += _repeat(element, "number-columns-repeated")
                        element.clear()
    except Exception:  # a broken part: say the file cannot be checked rather than guess
        return None
    return sheets


def _repeat(element: Any, attribute: str) -> int:
    value = str(element.get(f"{_TABLE}{attribute}", "1"))
    return int(value) if value.isascii() and value.isdigit() and len(value) < 9 else 1


def _note_cell(sheet: OdsSheet, cell: Any, row: int, col: int) -> None:
    if cell.get(f"{_CALCEXT}value-type") == "error":
        shown = "".join(cell.itertext()).strip() or "#?"
        sheet.errors[(row, col)] = shown[:40]
    elif cell.get(f"{_TABLE}formula") is not None:
        sheet.formulas[(row, col)] = cell.get(f"{_OFFICE}value-type") is not None
    rows = _repeat(cell, "number-rows-spanned")  # a merge is written on its first cell
    cols = _repeat(cell, "number-columns-spanned")
    if rows > 1 or cols > 1:
        sheet.merged.append((row, col, row + rows - 1, col + cols - 1))
