"""Workbooks (.xlsx as saved by Excel or LibreOffice, and .ods) → a Grid, read with calamine.

The file is checked before any parser sees it: its real format from its first bytes (an old .xls
or an encrypted workbook is an OLE2 container, not a zip), then the zip's directory against the
size limits. Formulas are found by streaming the sheet's XML, because calamine returns an uncached
formula as an empty cell and a form nobody opened in Excel must not pass for an empty one.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from ..problems import Problem
from ..safety.limits import Limits
from .common import SHEET_NAME, Where, cell_ref, fold, megabytes, problem, text_of
from .grid import Grid
from .number_formats import ods_percent_cells, xlsx_percent_cells
from .ods import OdsSheet

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def is_workbook_bytes(head: bytes) -> bool:
    return head.startswith((ZIP_MAGIC, OLE2_MAGIC))


def read_workbook(path: Path, display: str, limits: Limits) -> tuple[Grid | None, list[Problem]]:
    """The results sheet of a workbook as a Grid, or the problems that stop reading it."""
    file_where = Where(display)
    size = path.stat().st_size
    if size == 0:
        return None, [problem("empty_file", file_where)]
    if size > limits.xlsx_bytes:
        return None, [
            problem(
                "file_too_large",
                file_where,
                size=megabytes(size),
                limit=megabytes(limits.xlsx_bytes),
            )
        ]
    with path.open("rb") as handle:
        head = handle.read(8)
        if head.startswith(OLE2_MAGIC):
            body = head + handle.read()
            code = "encrypted_workbook" if _ENCRYPTED in body else "old_xls"
            return None, [problem(code, file_where)]
    if not head.startswith(ZIP_MAGIC):
        return None, [problem("not_xlsx", file_where)]
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            trouble = _zip_trouble(members, limits, file_where)
            if trouble:
                return None, [trouble]
            names = {m.filename for m in members}
            is_ods = "content.xml" in names and "xl/workbook.xml" not in names
            if "xl/workbook.xml" not in names and not is_ods:
                return None, [problem("not_xlsx", file_where)]
            lying = None if is_ods else _shared_strings_lie(path, members)
            if lying:
                return None, [problem("unreadable_workbook", file_where, reason=lying)]
            sheets_xml = {} if is_ods else _sheet_parts(archive)
    except zipfile.BadZipFile:
        return None, [problem("not_xlsx", file_where)]
    ods = None
    if is_ods:
        from .ods import scan_ods

        # calamine reads .ods values but not what the .xlsx checks look at (error cells,
        # merges, formulas without a value): the sheet's XML says (#13), or it is refused.
        ods = scan_ods(path)
        if ods is None:
            return None, [problem("ods_not_supported", file_where)]
    return _read_with_calamine(path, display, limits, sheets_xml, ods)


def _read_with_calamine(
    path: Path,
    display: str,
    limits: Limits,
    sheets_xml: dict[str, str],
    ods: dict[str, OdsSheet] | None = None,
) -> tuple[Grid | None, list[Problem]]:
    import python_calamine

    file_where = Where(display)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own, zip and XML errors alike
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        return None, [problem("unreadable_workbook", file_where, reason=reason)]
    try:
        picked = _pick_sheet(workbook, limits, file_where)
        if isinstance(picked, Problem):
            return None, [picked]
        chosen, rows, loaded, hidden = picked
        merged = _merged_ranges(loaded)
        height = int(getattr(loaded, "height", 0) or 0)
        # The container guard reads hidden sheets from an .xlsx's workbook.xml; for an .ods,
        # calamine's metadata says which (the same warning, so a hidden sheet is never silent).
        others_hidden = _hidden_besides(workbook, chosen) if ods is not None else []
    except Exception as exc:
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        return None, [problem("unreadable_workbook", file_where, reason=reason)]
    finally:
        workbook.close()
    sheet = chosen

    def where(row: int, col: int) -> Where:
        return Where(display, sheet=sheet, cell=cell_ref(row, col))

    formulas: dict[tuple[int, int], bool] = {}
    errors: dict[tuple[int, int], str] = {}
    percent: set[tuple[int, int]] = set()
    part = sheets_xml.get(fold(sheet))
    if part:
        formulas, errors = _formula_cells(path, part)
        percent = xlsx_percent_cells(path, part)
    elif not sheets_xml:
        percent = ods_percent_cells(path, sheet)
    if ods is not None:
        scanned = ods.get(sheet, OdsSheet())
        formulas, errors, merged = scanned.formulas, scanned.errors, scanned.merged
    if height > limits.rows:
        # Rows past the limit are not read: say so rather than lose figures silently.
        return None, [
            problem(
                "too_many_rows",
                Where(display, sheet=sheet),
                rows=height,
                limit=limits.rows,
            )
        ]
    notes = (
        [problem("hidden_sheet_read", Where(display, sheet=sheet), severity="warning", sheet=sheet)]
        if hidden
        else []
    )
    if others_hidden:
        notes.append(_hidden_sheets(display, others_hidden))
    grid = Grid(rows, where, Where(display, sheet=sheet), formulas, merged, errors)
    grid.percent = percent
    return grid, notes


def _hidden_besides(workbook: Any, chosen: str) -> list[str]:
    import python_calamine

    names = [(unicodedata.normalize("NFC", m.name), m.visible) for m in workbook.sheets_metadata]
    shown = python_calamine.SheetVisibleEnum.Visible
    return [name for name, visible in names if visible != shown and name != chosen]


def _hidden_sheets(display: str, names: list[str]) -> Problem:
    """The container guard's ``hidden_sheets`` warning, for a workbook it cannot look into."""
    from ..messages import t

    shown = ", ".join(f'"{name}"' for name in names)
    message = t("security.hidden_sheets", sheets=shown)
    return Problem(severity="warning", code="hidden_sheets", message=message, file=display)


# A table's header is near the top: a sheet not named "Kết quả" is searched this far for it.
_HEADER_ROWS = 60
_PickedSheet = tuple[str, list[list[object]], Any, bool]


def _pick_sheet(workbook: Any, limits: Limits, file_where: Where) -> _PickedSheet | Problem:
    """The sheet holding the figures: (name, rows, calamine's sheet, whether it is hidden).

    A sheet may hold them if it is named "Kết quả" (any case or accents: "Ket qua" too) or
    has the table's "Mã chỉ tiêu" header. The visible one is read (the container guard warns
    that hidden sheets are not). Refused, naming both, since either could be the data (issue
    #13): two visible ones ("Kết quả" and "Ket qua"), and a visible renamed copy beside a
    hidden original "Kết quả" that differs from it. A hidden sheet is read only when no
    visible sheet holds the table, with a warning.
    """
    import python_calamine

    metadata = workbook.sheets_metadata
    visible = {
        unicodedata.normalize("NFC", m.name): m.visible == python_calamine.SheetVisibleEnum.Visible
        for m in metadata
    }
    found: list[tuple[str, list[list[object]], Any]] = []
    for meta in metadata:
        name = unicodedata.normalize("NFC", meta.name)
        named = fold(name) == fold(SHEET_NAME)
        if not named and meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
            continue  # a chart sheet holds no table
        # calamine parses a sheet's whole XML on each get_sheet_by_name: load each once.
        sheet = workbook.get_sheet_by_name(meta.name)
        if named:
            found.append((name, _sheet_rows(sheet, limits), sheet))
            continue
        head = sheet.to_python(skip_empty_area=False, nrows=_HEADER_ROWS)
        if any(fold(text_of(v)) == "ma chi tieu" for row in head for v in row):
            found.append((name, _sheet_rows(sheet, limits), sheet))
    if not found:
        sheets = ", ".join(f'"{n}"' for n in visible)
        return problem("sheet_missing", file_where, sheet=SHEET_NAME, sheets=sheets)
    shown = [f for f in found if visible.get(f[0], True)]
    hidden = [f for f in found if not visible.get(f[0], True)]
    pool = shown or hidden
    rivals = pool[1:]
    if shown and fold(pool[0][0]) != fold(SHEET_NAME):
        # A renamed visible copy beside the hidden original "Kết quả": unless both hold the
        # same, either could be what the unit meant to send.
        rivals += [h for h in hidden if fold(h[0]) == fold(SHEET_NAME) and h[1] != pool[0][1]]
    if rivals:
        names = ", ".join(f'"{n}"' for n, _, _ in [pool[0], *rivals])
        return problem("sheets_ambiguous", file_where, sheets=names)
    name, rows, sheet = pool[0]
    return name, rows, sheet, not shown


def _merged_ranges(sheet: Any) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges, 0-based and inclusive (none for formats calamine lacks)."""
    ranges = getattr(sheet, "merged_cell_ranges", None) or []
    return [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges]


def _sheet_rows(sheet: Any, limits: Limits) -> list[list[object]]:
    rows: list[list[object]] = sheet.to_python(skip_empty_area=False, nrows=limits.rows)
    return [
        [
            unicodedata.normalize("NFC", v) if isinstance(v, str) else v
            for v in row[: limits.columns]
        ]
        for row in rows
    ]


def _zip_trouble(members: list[zipfile.ZipInfo], limits: Limits, where: Where) -> Problem | None:
    """Refuse zip bombs from the directory alone, before anything is inflated."""
    total = 0
    for member in members:
        total += member.file_size
        ratio_ok = (
            member.file_size <= 1024 * 1024
            or member.compress_size * limits.xlsx_ratio >= member.file_size
        )
        if member.file_size > limits.xlsx_member_bytes or not ratio_ok:
            return problem("workbook_too_large", where, member=member.filename)
    if total > limits.xlsx_uncompressed_bytes:
        return problem("workbook_too_large", where, member="*")
    return None


def _shared_strings_lie(path: Path, members: list[zipfile.ZipInfo]) -> str | None:
    """The shared strings' ``uniqueCount`` when it cannot be true, or None.

    calamine reserves room for that many strings before reading one (24 bytes each): a count of
    2^31 in a tiny part asks for 48 GB and the process aborts (134) without a message. A string
    takes at least 5 bytes (``<si/>``), so a count larger than the part could hold is a lie.
    calamine reads ``xl/sharedStrings.xml`` in any case and its root by local name; every
    ``<sst`` tag is looked at, so a decoy in a comment before the root hides nothing.
    """
    for member in members:
        if member.filename.lower() != "xl/sharedstrings.xml":
            continue
        data = _read_member(path, member)
        if b"uniqueCount" not in data:
            continue
        for match in _SST_COUNT.finditer(data):
            if int(match.group(1)) > member.file_size // 5 + 1:
                return f'{member.filename}: uniqueCount="{match.group(1).decode("ascii")}"'
    return None


# [^<>]* stops at the tag's end, so the search stays linear; 30 digits are past any real count.
_SST_COUNT = re.compile(
    rb"""<(?:[A-Za-z_][\w.-]*:)?sst\s[^<>]*?\buniqueCount\s*=\s*["']\s*\+?0*([0-9]{1,30})"""
)


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Folded sheet name → its part in the archive, resolved as the container guard resolves
    the workbook's relationships (any case, every spelling a reader may give a target)."""
    from ..safety.guards import sheet_names

    names = sheet_names(archive)
    return {
        fold(names[member.filename.lower()]): member.filename
        for member in archive.infolist()
        if member.filename.lower() in names
    }


def _formula_cells(
    path: Path, part: str
) -> tuple[dict[tuple[int, int], bool], dict[tuple[int, int], str]]:
    """(row, col) of every formula cell → whether a value was cached with it.

    The sheet's XML is scanned as bytes: most forms hold a few formulas among thousands of
    cells, and an XML parser would build every cell in Python. Per the schema a cell's ``<f>``
    is its first child, so the tag before it is the cell's own; anything else goes to the parser.
    """
    try:
        data = _read_member(path, part)
    except Exception:  # a broken part: calamine already read the values, formulas are a bonus
        return {}, {}
    errors = _error_cells(data)
    # Without ":f" in the part no formula tag has a prefix, and the prefix-free pattern, which
    # starts with a literal, is found several times faster in a large sheet (same matches).
    formula_tag = _FORMULA_TAG if b":f" in data else _PLAIN_FORMULA_TAG
    if formula_tag.search(data) is None:
        return {}, errors
    found = _scan_formulas(data, formula_tag)
    return (found if found is not None else _parse_formulas(data)), errors


def _error_cells(data: bytes | bytearray) -> dict[tuple[int, int], str]:
    """Cells holding an Excel error (``t="e"``: "#DIV/0!", "#REF!"…) → its text.

    calamine gives such a cell as empty, so a formula that failed would read as a figure not
    yet reported. Most sheets have none: two substring searches, then nothing.
    """
    if b'"e"' not in data and b"'e'" not in data:
        return {}
    found: dict[tuple[int, int], str] = {}
    for cell in _ERROR_CELL.finditer(data):
        ref = _CELL_REF.search(cell.group(2))
        value = _ERROR_VALUE.search(cell.group(3))
        position = _position(ref.group(1).decode("ascii")) if ref else None
        if position is not None:
            found[position] = value.group(1).decode("utf-8", "replace") if value else "#?"
    return found


def _read_member(path: Path, part: str | zipfile.ZipInfo) -> bytearray:
    """A member of the zip, inflated into one buffer that grows with what is inflated.

    ``ZipFile.read`` holds the whole part twice while it joins the pieces it inflated: 40 MB at
    its peak for the 19 MB sheet of a 50 000-row form, while the plan and the sheet's values are
    in memory too. The buffer is not sized from the directory up front: a directory lying about
    a part's size would have that much reserved before a byte is read. zipfile stops at the
    declared size, which ``_zip_trouble`` has checked against the limits.
    """
    data = bytearray()
    with zipfile.ZipFile(path) as archive, archive.open(part) as member:
        while chunk := member.read(_CHUNK):
            data += chunk
    return data


_CHUNK = 1 << 20
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_PLAIN_FORMULA_TAG = re.compile(rb"<f[\s>/]")
_CELL_TAG = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)c((?:\s[^<>]*)?)(?<!/)>\s*$")
_CELL_REF = re.compile(rb"""\br\s*=\s*["']([A-Za-z]+[0-9]+)["']""")
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:v\s*>(?!</)|is[\s>/])")
# A cell typed as an error, not self-closed, with its content (the value and any formula).
_ERROR_CELL = re.compile(
    rb"""<((?:[A-Za-z_][\w.-]*:)?)c(\s[^<>]*?\bt\s*=\s*["']e["'][^<>]*)(?<!/)>(.*?)</\1c\s*>""",
    re.S,
)
_ERROR_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v\s*>\s*([^<\s]{1,40})")


def _scan_formulas(
    data: bytes | bytearray, formula_tag: re.Pattern[bytes] = _FORMULA_TAG
) -> dict[tuple[int, int], bool] | None:
    """The byte scan; None when the XML is not laid out as the scan expects."""
    found: dict[tuple[int, int], bool] = {}
    for match in formula_tag.finditer(data):
        at = match.start()
        start = data.rfind(b"<", 0, at)
        cell = _CELL_TAG.match(data, start, at) if start >= 0 else None
        if cell is None:
            return None
        end = data.find(b"</" + cell.group(1) + b"c>", at)
        if end < 0:
            return None
        ref = _CELL_REF.search(cell.group(2))
        position = _position(ref.group(1).decode("ascii")) if ref else None
        if position is not None:
            found[position] = _VALUE.search(data, at, end) is not None
    return found


def _parse_formulas(data: bytes | bytearray) -> dict[tuple[int, int], bool]:
    """The XML parser's answer, for sheets the byte scan does not understand."""
    import io

    from defusedxml.ElementTree import iterparse

    found: dict[tuple[int, int], bool] = {}
    try:
        for _, element in iterparse(io.BytesIO(data), events=("end",)):
            if element.tag != f"{_MAIN}c":
                continue
            if element.find(f"{_MAIN}f") is not None:
                value = element.find(f"{_MAIN}v")
                is_cell = element.find(f"{_MAIN}is")
                cached = (value is not None and bool(value.text)) or is_cell is not None
                position = _position(element.get("r", ""))
                if position is not None:
                    found[position] = cached
            element.clear()
    except Exception:  # a broken part: calamine already read the values, formulas are a bonus
        return found
    return found


def _position(ref: str) -> tuple[int, int] | None:
    letters = "".join(ch for ch in ref if ch.isalpha()).upper()
    digits = "".join(ch for ch in ref if ch.isdigit())
    if not letters or not digits:
        return None
    col = 0
    for ch in letters:
        col = col * 26 + (ord(ch) - 64)
    return int(digits) - 1, col - 1
