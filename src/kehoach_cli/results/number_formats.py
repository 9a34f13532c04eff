"""Which cells of a workbook show a percentage: a rate typed as "29,4 %" is stored as 0,294.

calamine gives a cell's stored number only, so the number format is looked up here: in the
styles part of an .xlsx, in the cell's value type of an .ods.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

# Excel's built-in percent formats ("0%", "0.00%"); others are listed in the styles part.
_BUILTIN_PERCENT = frozenset((9, 10))
_STYLED_CELL = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^<>]*?\bs\s*=\s*[\"']([0-9]{1,6})[\"'][^<>]*>"
)


def xlsx_percent_cells(path: Path, part: str) -> set[tuple[int, int]]:
    """(row, col) of the cells whose number format shows a percentage.

    A cell formatted as % holds 0,294 for "29,4 %" as the user typed and sees it; calamine
    gives the stored number only, so the format is looked up in the styles part. Most forms
    have no percent style at all, and then the sheet is not scanned.
    """
    from .xlsx import _read_member

    try:
        styles = _percent_styles(path)
        if not styles:
            return set()
        data = _read_member(path, part)
    except Exception:  # a broken part: the values are read; a % cell stays a warning's case
        return set()
    from .xlsx import _CELL_REF, _position

    found: set[tuple[int, int]] = set()
    for cell in _STYLED_CELL.finditer(data):
        if int(cell.group(1)) in styles:
            ref = _CELL_REF.search(cell.group(0))
            position = _position(ref.group(1).decode("ascii")) if ref else None
            if position is not None:
                found.add(position)
    return found


def _percent_styles(path: Path) -> set[int]:
    """Indexes into ``cellXfs`` of the styles whose number format is a percentage."""
    from defusedxml.ElementTree import fromstring

    from .xlsx import _MAIN, _read_member

    with zipfile.ZipFile(path) as archive:
        member = next(
            (m for m in archive.infolist() if m.filename.lower() == "xl/styles.xml"), None
        )
        if member is None:
            return set()
    root = fromstring(bytes(_read_member(path, member)))
    percent_ids = set(_BUILTIN_PERCENT)
    for fmt in root.iter(f"{_MAIN}numFmt"):
        if _is_percent_code(fmt.get("formatCode", "")):
            percent_ids.add(int(fmt.get("numFmtId", "-1")))
    found: set[int] = set()
    xfs = root.find(f"{_MAIN}cellXfs")
    for index, xf in enumerate(xfs if xfs is not None else []):
        if int(xf.get("numFmtId", "0") or 0) in percent_ids:
            found.add(index)
    return found


def _is_percent_code(code: str) -> bool:
    """Whether a number format shows a percentage: a "%" outside quotes, not escaped.

    >>> _is_percent_code("0.0%"), _is_percent_code('0.0"%"'), _is_percent_code("#,##0")
    (True, False, False)
    """
    plain = re.sub(r'"[^"]*"|\\.', "", code)
    return "%" in plain


_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")
_MOST_REPEATS = 1 << 14  # an .ods "repeats" empty cells to the sheet's edge: not worth a set


def ods_percent_cells(path: Path, sheet: str) -> set[tuple[int, int]]:
    """(row, col) of the cells of an .ods sheet whose value type is a percentage; empty for a
    file that is not an .ods or a part that cannot be parsed."""
    try:
        with zipfile.ZipFile(path) as archive:
            if "content.xml" not in archive.namelist():
                return set()
            with archive.open("content.xml") as content:
                if not _mentions_percentage(content):
                    return set()
            with archive.open("content.xml") as content:
                return _scan_ods(content, sheet)
    except Exception:  # a broken part: the values are read; a % cell stays a warning's case
        return set()


def _mentions_percentage(content: Any) -> bool:
    """Whether the part has a percentage cell at all: most files have none, and are not parsed."""
    tail = b""
    while chunk := content.read(1 << 20):
        if b'"percentage"' in tail + chunk:
            return True
        tail = chunk[-32:]
    return False


def _scan_ods(content: Any, sheet: str) -> set[tuple[int, int]]:
    from defusedxml.ElementTree import iterparse

    found: set[tuple[int, int]] = set()
    inside = False
    row = col = 0
    for event, element in iterparse(content, events=("start", "end")):
        tag = element.tag
        if tag == f"{_TABLE}table":
            if event == "start":
                inside = unicodedata.normalize("NFC", element.get(f"{_TABLE}name", "")) == sheet
            elif inside:
                break
        elif event == "end":
            if inside and tag == f"{_TABLE}table-row":
                row += _repeats(element, "rows")
            element.clear()
        elif inside and tag == f"{_TABLE}table-row":
            col = 0
        elif inside and tag in _CELLS:
            repeat = _repeats(element, "columns")
            if element.get(f"{_OFFICE}value-type") == "percentage" and repeat < _MOST_REPEATS:
                found.update((row, c) for c in range(col, col + repeat))
            col += repeat
    return found


def _repeats(element: Any, what: str) -> int:
    try:
        return max(1, int(element.get(f"{_TABLE}number-{what}-repeated", "1")))
    except ValueError:
        return 1
