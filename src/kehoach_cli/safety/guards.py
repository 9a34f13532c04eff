"""Checks made before any parser sees an input file, so that a hostile file costs little.

A workbook is judged by its zip directory first (sizes and compression ratios as declared, without
inflating anything), then by one streaming pass over its parts, 64 KB at a time, that proves the
declared sizes true and refuses document type declarations (the entity bombs); a part that holds
a sheet is then read by a real XML parser (expat, streaming) to find the farthest cell holding a
value (calamine allocates the whole rectangle up to it: one value in XFD1048576 asks for 17
billion cells). A sheet expat cannot read is refused, whatever calamine would make of it: no
imitation of calamine's own tokenizer to keep in step with each of its releases. A text file is
judged by its size and its encoding.

Each check returns problems (``security.<code>`` in the catalog); an empty list means "go on".
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from ..messages import t
from ..problems import Problem
from .limits import Limits

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The stream names of an encrypted OOXML package inside its OLE2 container (MS-OFFCRYPTO).
_ENCRYPTED_NAMES = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_CHUNK = 64 * 1024
_RATIO_FLOOR = 1024 * 1024  # small members compress as they like (an empty sheet is all tags)
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DOCTYPE = (
    b"<!DOCTYPE",
    b"<!ENTITY",
    "<!DOCTYPE".encode("utf-16-le"),
    "<!ENTITY".encode("utf-16-le"),
)
_DOCTYPE_TAIL = max(len(m) for m in _DOCTYPE)
_REF = re.compile(r"\$?([A-Za-z]+)\$?([0-9]+)")
_ROW_REF = re.compile(r"[A-Za-z]*([0-9]+)")
# calamine holds the rectangle from A1 to the farthest value, about 32 bytes a cell, and the reader
# turns it into lists: 2 million cells stay near 100 MB. A results form has a few hundred.
CELL_BUDGET = 2_000_000

_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def check_xlsx_container(path: Path, display: str, limits: Limits) -> list[Problem]:
    """Problems of a workbook file found before parsing it; errors mean "do not open it".

    Warnings (macros, external links) leave the file readable: kehoach reads cell values only,
    never runs a macro and never follows a link.
    """
    size = path.stat().st_size
    if size == 0:
        return [_problem("empty_file", display)]
    if size > limits.xlsx_bytes:
        return [_problem("file_too_large", display, size=_mb(size), limit=_mb(limits.xlsx_bytes))]
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE2_MAGIC):
        code = "encrypted_workbook" if _ole2_is_encrypted(path) else "old_xls"
        return [_problem(code, display)]
    if not head.startswith(ZIP_MAGIC):
        return [_problem("not_xlsx", display)]
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            trouble = _directory_trouble(members, size, display, limits)
            if trouble:
                return trouble
            names = {m.filename for m in members}
            if not any(n.endswith("workbook.xml") for n in names) and "content.xml" not in names:
                return [_problem("not_xlsx", display)]
            problems = _scan_parts(archive, members, display, limits)
            if any(p.severity == "error" for p in problems):
                return problems
            return problems + _notes(archive, names, display)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        # The magic says zip, but the directory at the end is missing: cut short in a copy.
        return [_problem("zip_truncated", display)]
    except NotImplementedError:  # a compression method zipfile (and Excel) does not know
        return [_problem("not_xlsx", display)]


def check_text_file(path: Path, display: str, limits: Limits) -> list[Problem]:
    """Problems of a YAML or CSV file's size and encoding; UTF-8 (BOM or not) and UTF-16 with a
    BOM are accepted, anything else is refused with the encoding it seems to be in."""
    size = path.stat().st_size
    if size > limits.text_bytes:
        return [_problem("file_too_large", display, size=_mb(size), limit=_mb(limits.text_bytes))]
    return check_text_bytes(path.read_bytes(), display)


def check_text_bytes(raw: bytes, display: str) -> list[Problem]:
    """The encoding part of :func:`check_text_file`, for bytes already read."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            return [_problem("not_text", display, line=_line_at(raw, exc.start, wide=True))]
        return []
    if raw.startswith((OLE2_MAGIC, ZIP_MAGIC)):
        return [_problem("workbook_not_text", display)]
    if _looks_utf16_without_bom(raw):
        return [_problem("encoding_utf16_no_bom", display)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_at(raw, exc.start)
        if b"\x00" in raw or _is_binary(raw):
            return [_problem("not_text", display)]
        legacy = _legacy_font(raw)
        if legacy:  # before Windows-1258: TCVN3's "ị" is 1258's combining dot below
            return [_problem("encoding_legacy_font", display, line=legacy[1], encoding=legacy[0])]
        if _looks_windows_1258(raw):
            return [_problem("encoding_windows_1258", display, line=line)]
        return [_problem("not_text", display, line=line)]
    bad = next((i for i, ch in enumerate(text) if ch == "\x00" or _is_control(ch)), None)
    if bad is not None:
        return [_problem("not_text", display, line=text.count("\n", 0, bad) + 1)]
    return []


def openpyxl_is_defused() -> bool:
    """Whether openpyxl parses through defusedxml (it does when defusedxml is installed and
    ``OPENPYXL_DEFUSEDXML`` is not "False"): kehoach's only openpyxl reads are its own files,
    but the test suite holds it to this."""
    import openpyxl

    return openpyxl.DEFUSEDXML is True


# -- workbooks -----------------------------------------------------------------------------------


def _ole2_is_encrypted(path: Path) -> bool:
    """An OLE2 file holding an EncryptedPackage stream is a password-protected .xlsx."""
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            window = tail + chunk
            if any(name in window for name in _ENCRYPTED_NAMES):
                return True
            tail = window[-40:]
    return False


def _directory_trouble(
    members: list[zipfile.ZipInfo], size: int, display: str, limits: Limits
) -> list[Problem]:
    """Sizes and ratios as the zip directory declares them; nothing is inflated."""
    total = 0
    for member in members:
        if member.header_offset + member.compress_size > size:
            return [_problem("zip_truncated", display)]
        total += member.file_size
        if member.file_size > _RATIO_FLOOR and (
            member.file_size > member.compress_size * limits.xlsx_ratio
        ):
            ratio = member.file_size // max(member.compress_size, 1)
            return [
                _problem(
                    "zip_ratio_too_high",
                    display,
                    member=member.filename,
                    ratio=ratio,
                    limit=limits.xlsx_ratio,
                )
            ]
        if member.file_size > limits.xlsx_member_bytes:
            return [
                _problem(
                    "zip_member_too_large",
                    display,
                    member=member.filename,
                    size=_mb(member.file_size),
                    limit=_mb(limits.xlsx_member_bytes),
                )
            ]
    if total > limits.xlsx_uncompressed_bytes:
        return [
            _problem(
                "workbook_too_large",
                display,
                size=_mb(total),
                limit=_mb(limits.xlsx_uncompressed_bytes),
            )
        ]
    return []


@dataclass
class _Extent:
    """The farthest cell holding a value in one sheet part."""

    row: int = 0
    col: int = 0
    row_cell: str = ""
    col_cell: str = ""


def _scan_parts(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], display: str, limits: Limits
) -> list[Problem]:
    """Inflate every part once, in small pieces: damaged data, DTDs, far cells.

    Any part may be a sheet: calamine follows the workbook's relationships, reading their tags
    by local name whatever the namespaces say, to a part of any name, folder or case
    ("xl/data/s.bin", "XL/Sheet.XML"). Rather than resolve them as calamine might, every part
    is looked at for far cells; only one holding ``sheetData`` can be read as a sheet.
    """
    sheets: dict[str, _Extent] = {}
    names = sheet_names(archive)
    for member in members:
        name = member.filename
        lower = name.lower()
        if member.is_dir():
            continue
        markup = lower.endswith(_XML_SUFFIXES) or lower in names
        found = _scan_member(archive, member, display, markup)
        if isinstance(found, list):
            return found
        if found is not None:
            sheets[name] = found
    problems: list[Problem] = []
    for part, extent in sheets.items():
        if extent.row * extent.col > CELL_BUDGET:
            sheet = names.get(part.lower(), PurePosixPath(part).stem)
            cell = extent.row_cell if extent.row > limits.rows else extent.col_cell
            problems.append(
                _problem(
                    "sheet_too_large",
                    display,
                    sheet=sheet,
                    cell=cell,
                    cells=_count(min(extent.row * extent.col, _ABSURD)),  # (a Decimal's room)
                    limit=_count(CELL_BUDGET),
                )
            )
    return problems


def _scan_member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, display: str, markup: bool
) -> list[Problem] | _Extent | None:
    """One part inflated in small pieces: its problem (damage, a DTD in a markup part, a sheet
    that is not XML); for a sheet, the farthest value cell; else None."""
    name = member.filename
    try:
        doctype, sheet_data = _doctype_and_sheet(archive, member)
    except (_Damaged, zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error):
        return [_problem("zip_damaged", display, member=name)]
    if doctype and (markup or sheet_data):
        return [_problem("xml_doctype", display, member=name)]
    if not sheet_data:
        return None
    cells = _SheetCells()
    try:
        cells.read(_inflate(archive, member))
    except (_Damaged, zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error):
        return [_problem("zip_damaged", display, member=name)]
    except _NotXml as exc:
        return [_problem("sheet_not_xml", display, member=name, line=exc.line)]
    return cells.extent


def _doctype_and_sheet(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[bool, bool]:
    """Stream one member: whether it holds a DTD, and whether it may be a sheet (its bytes
    name ``sheetData``: only such a part can be read as one)."""
    tail = b""
    doctype = sheet_data = False
    for chunk in _inflate(archive, member):
        window = tail + chunk
        doctype = doctype or any(mark in window for mark in _DOCTYPE)
        sheet_data = sheet_data or b"sheetData" in window
        tail = window[-_DOCTYPE_TAIL:]
    return doctype, sheet_data


class _NotXml(Exception):
    def __init__(self, line: int | None) -> None:
        self.line = line


class _SheetCells:
    """The farthest value cell of a sheet, its XML read by expat as a stream of elements.

    Cells are placed as calamine places them: tags by their local name (any prefix), from
    ``sheetData`` on; a cell at its own ``r``, or one column past the previous cell; a row at
    its ``r``, or one past the previous row. A value cell is one with a ``<v>`` or ``<is>``; any
    other attribute of it that reads as a reference counts too (``x:r="XFD1"``), so that a
    reader taking that one instead is bounded as well. A DTD or an entity declaration is
    refused before expat would act on it (the first pass has refused any already).
    """

    def __init__(self) -> None:
        self.extent = _Extent()
        self.started = False
        self.row, self.col = 1, 1  # where a cell without a reference goes (1-based)
        self.cell: tuple[str, str, list[str]] | None = None  # letters, digits, other references
        self.valued = False

    def read(self, pieces: Iterator[bytes]) -> None:
        from xml.parsers import expat

        parser = expat.ParserCreate()
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.StartDoctypeDeclHandler = self.refuse
        parser.EntityDeclHandler = self.refuse
        try:
            for piece in pieces:
                parser.Parse(piece, False)
            parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise _NotXml(exc.lineno) from None

    @staticmethod
    def refuse(*_: object) -> None:
        raise _NotXml(None)

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(":")[2]
        if not self.started:
            self.started = local == "sheetData"
            return
        if local in ("v", "is"):
            self.valued = self.valued or self.cell is not None
        elif local == "c":
            self.close_cell()  # a cell inside a cell (calamine refuses the sheet): end the first
            own = _REF.fullmatch(attributes.get("r", "").strip())
            if own:
                letters, digits = own.group(1), own.group(2)
                self.col = _column_number(letters)
            else:
                letters, digits = _column_letters(self.col), str(self.row)
            others = [v for k, v in attributes.items() if k != "r"]
            self.cell, self.valued = (letters, digits, others), False
        elif local == "row" and self.cell is None:
            own = _ROW_REF.fullmatch(attributes.get("r", "").strip())
            if own:
                self.row = _row_number(own.group(1))

    def end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        if not self.started:
            return
        if local == "c":
            self.close_cell()
        elif local == "row" and self.cell is None:
            self.row, self.col = self.row + 1, 1

    def close_cell(self) -> None:
        if self.cell is None:
            return
        letters, digits, others = self.cell
        if self.valued:
            _extend(self.extent, letters, digits)
            for value in others:
                loose = _REF.fullmatch(value.strip())
                if loose:
                    _extend(self.extent, loose.group(1), loose.group(2))
        self.cell, self.col = None, self.col + 1


def _column_letters(col: int) -> str:
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _Damaged(Exception):
    """A member's data does not match what the directory declares."""


def _inflate(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's bytes, 64 KB at a time, never more than its declared size.

    zipfile's own reader stops quietly at the declared size and its CRC check passes when the
    liar gave the CRC of the declared part, so a directory saying 1 KB of a part that inflates to
    400 MB would go unnoticed here and be inflated in full by calamine. Reading the deflate
    stream by hand tells: output past the declared size, or a stream that does not end with it,
    is damage.
    """
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _Damaged(member.filename)
    if member.flag_bits & 0x1:  # encrypted member
        raise _Damaged(member.filename)
    fp = archive.fp
    if fp is None:  # pragma: no cover - the archive is open
        raise _Damaged(member.filename)
    fp.seek(member.header_offset)
    header = fp.read(30)
    if len(header) < 30 or header[:4] != ZIP_MAGIC:
        raise _Damaged(member.filename)
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    fp.seek(member.header_offset + 30 + name_length + extra_length)
    left = member.compress_size
    produced = 0
    crc = 0
    inflater = zlib.decompressobj(-15) if member.compress_type == zipfile.ZIP_DEFLATED else None
    while left > 0 or (inflater is not None and inflater.unconsumed_tail):
        if inflater is not None and inflater.unconsumed_tail:
            raw = inflater.unconsumed_tail
        else:
            raw = fp.read(min(_CHUNK, left))
            if not raw:
                raise _Damaged(member.filename)
            left -= len(raw)
        room = member.file_size - produced + 1  # one byte more than declared shows a lie
        out = inflater.decompress(raw, min(room, _CHUNK)) if inflater is not None else raw
        produced += len(out)
        if produced > member.file_size:
            raise _Damaged(member.filename)
        crc = zlib.crc32(out, crc)
        if out:
            yield out
    if inflater is not None:
        rest = inflater.flush()
        produced += len(rest)
        crc = zlib.crc32(rest, crc)
        if rest:
            yield rest
        if not inflater.eof:
            raise _Damaged(member.filename)
    if produced != member.file_size or crc != member.CRC:
        raise _Damaged(member.filename)


# A reference longer than this is past any budget; reading it whole would only cost time.
_ABSURD = 1 << 64


def _column_number(letters: str) -> int:
    if len(letters) > 12:
        return _ABSURD
    col = 0
    for ch in letters.upper():
        col = col * 26 + (ord(ch) - 64)
    return col


def _row_number(digits: str) -> int:
    digits = digits.lstrip("0")
    return _ABSURD if len(digits) > 18 else int(digits or "0")


def _extend(extent: _Extent, letters: str, digits: str) -> None:
    col = _column_number(letters)
    row = _row_number(digits)
    cell = letters.upper() + digits
    if len(cell) > 24:
        cell = cell[:23] + "…"
    if row > extent.row:
        extent.row, extent.row_cell = row, cell
    if col > extent.col:
        extent.col, extent.col_cell = col, cell


def sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet part (lower case, every spelling a reader may resolve the workbook's target to) →
    the sheet's name as Excel shows it. The parts read here were checked for DTDs and damage."""
    import posixpath
    import unicodedata

    from defusedxml import ElementTree

    try:
        book = ElementTree.fromstring(_read_any_case(archive, "xl/workbook.xml"))
        rels = ElementTree.fromstring(_read_any_case(archive, "xl/_rels/workbook.xml.rels"))
    except Exception:  # a name is a nicety; without them calamine finds no sheet either
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_NS}Relationship")}
    names: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN_NS}sheet"):
        target = targets.get(sheet.get(f"{_REL_NS}id"), "")
        if not target:
            continue
        name = unicodedata.normalize("NFC", sheet.get("name", ""))
        spellings = {f"xl/{target}", posixpath.normpath(f"xl/{target}"), target.lstrip("/")}
        if target.lower().startswith("xl/"):
            spellings.add(target)
        for part in spellings:
            names.setdefault(part.lower(), name)
    return names


def _read_any_case(archive: zipfile.ZipFile, name: str) -> bytes:
    """A member by its name in any case, as calamine finds the parts it reads."""
    wanted = name.lower()
    for member in archive.infolist():
        if member.filename.lower() == wanted:
            return archive.read(member)
    raise KeyError(name)


def _notes(archive: zipfile.ZipFile, names: set[str], display: str) -> list[Problem]:
    """Warnings: the file is read, but its sender should know what kehoach leaves aside."""
    notes: list[Problem] = []
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        notes.append(_problem("workbook_macros", display, severity="warning"))
    if any(n.startswith("xl/externalLinks/") for n in names):
        notes.append(_problem("external_links", display, severity="warning"))
    hidden = _hidden_sheets(archive)
    if hidden:
        shown = ", ".join(f'"{name}"' for name in hidden)
        notes.append(_problem("hidden_sheets", display, severity="warning", sheets=shown))
    return notes


def _hidden_sheets(archive: zipfile.ZipFile) -> list[str]:
    import unicodedata

    from defusedxml import ElementTree

    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    except Exception:  # no workbook.xml (an .ods) or a broken one: calamine will say
        return []
    return [
        unicodedata.normalize("NFC", sheet.get("name", ""))
        for sheet in book.iter(f"{_MAIN_NS}sheet")
        if sheet.get("state") in ("hidden", "veryHidden")
    ]


# -- text ----------------------------------------------------------------------------------------


def _looks_utf16_without_bom(raw: bytes) -> bool:
    """Text saved as UTF-16 without a BOM: every other byte of its ASCII is NUL."""
    sample = raw[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return max(even.count(0), odd.count(0)) > 0.4 * len(odd) and min(
        even.count(0), odd.count(0)
    ) < 0.05 * len(odd)


def _is_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    return controls > max(2, len(sample) // 100)


def _is_control(ch: str) -> bool:
    return ord(ch) < 32 and ch not in "\t\n\r\f"


def _legacy_font(raw: bytes) -> tuple[str, int] | None:
    """The old Vietnamese font encoding (TCVN3, VNI) the bytes seem to be in, and the first
    line that shows it; None unless the lines that are not UTF-8 show two signs of it (one
    "ä" in a Latin-1 file is no evidence)."""
    from ..characters import legacy_signs

    found: tuple[str, int] | None = None
    total = 0
    for number, line in enumerate(raw.splitlines()[:5000], start=1):
        try:
            line.decode("utf-8")
            continue  # a UTF-8 line read as Latin-1 would look like anything
        except UnicodeDecodeError:
            encoding, signs = legacy_signs(line.decode("latin-1"))
        if encoding and found is None:
            found = encoding, number
        total += signs
        if found and total >= 2:
            return found
    return None


def _looks_windows_1258(raw: bytes) -> bool:
    """Vietnamese in Windows-1258 writes tones as combining marks after the letter."""
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        return False
    return re.search("[A-Za-zÂÊÔâêôĂăƠơƯư][\u0300\u0301\u0303\u0309\u0323]", text) is not None


def _line_at(raw: bytes, offset: int, wide: bool = False) -> int:
    newline = "\n".encode("utf-16-le") if wide else b"\n"
    return raw.count(newline, 0, offset) + 1


# -- problems ------------------------------------------------------------------------------------


def _problem(
    code: str,
    display: str,
    *,
    severity: Literal["error", "warning"] = "error",
    line: int | None = None,
    **params: object,
) -> Problem:
    sheet = params.get("sheet")
    cell = params.get("cell")
    if isinstance(sheet, str) and isinstance(cell, str):
        location: str | None = f"{sheet}!{cell}"
    else:
        location = t("where.line", line=line) if line else None
    return Problem(
        severity=severity,
        code=code,
        message=t(f"security.{code}", **params),
        file=display,
        location=location,
        sheet=sheet if isinstance(sheet, str) else None,
        cell=cell if isinstance(cell, str) else None,
        line=line,
    )


def _count(number: int) -> str:
    from decimal import Decimal

    from ..numbers import format_number

    return format_number(Decimal(number), 0)


def _mb(size: int) -> str:
    from decimal import Decimal

    from ..numbers import format_number

    return format_number(Decimal(size) / (1024 * 1024), 1)


# -- Word documents (kehoach plan import) ---------------------------------------------------------


def check_docx_container(path: Path, display: str, limits: Limits) -> list[Problem]:
    """Problems of a .docx file found before python-docx opens it; errors mean "do not open it".

    The workbook's bounds serve (a signed plan is a few tens of KB): size, then the zip
    directory's declared sizes and ratios, nothing inflated. python-docx parses with entities
    left unresolved, so a document type declaration cannot expand into a bomb.
    """
    size = path.stat().st_size
    if size == 0:
        return [_problem("empty_file", display)]
    if size > limits.xlsx_bytes:
        return [_problem("file_too_large", display, size=_mb(size), limit=_mb(limits.xlsx_bytes))]
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE2_MAGIC):
        return [_problem("old_doc", display)]
    if not head.startswith(ZIP_MAGIC):
        return [_problem("not_docx", display)]
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if _directory_trouble(members, size, display, limits):
                return [_problem("docx_too_large", display, limit=limits.xlsx_ratio)]
            if "word/document.xml" not in {m.filename for m in members}:
                return [_problem("not_docx", display)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
        return [_problem("docx_damaged", display)]
    return []
