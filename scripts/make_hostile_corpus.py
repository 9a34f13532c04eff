"""Write the hostile-input corpus under tests/data/hostile/ (deterministic: same bytes every run).

    python scripts/make_hostile_corpus.py            # rewrite the corpus
    python scripts/make_hostile_corpus.py --check    # exit 1 if a committed file differs

Every file is built from the shipped samples (a small valid plan, a results CSV and workbook) and
then broken in one way. Zip members get a fixed date, so the output does not depend on the clock.
The one file too big to commit (a YAML file over the 10 MB limit) is made by the tests at run time.
tests/hostile/test_corpus.py says which problem code each file must give.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import struct
import sys
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "hostile"
PLAN = ROOT / "tests" / "data" / "plans" / "minimal.yaml"
CSV = ROOT / "data" / "results" / "examples" / "csv" / "2024-q2" / "tieu-hoc.csv"
XLSX = ROOT / "data" / "results" / "2024-q2" / "tieu-hoc.xlsx"
DATE = (2024, 1, 1, 0, 0, 0)
SHEET = "xl/worksheets/sheet1.xml"

Files = dict[str, bytes]


# -- YAML ------------------------------------------------------------------------------------------


def yaml_files() -> Files:
    plan = PLAN.read_text(encoding="utf-8")
    files: Files = {}
    files["syntax_error.yaml"] = plan.replace("name: Ngô\n", "name: Ngô: ngô lai\n").encode()
    files["unclosed_quote.yaml"] = plan.replace('"39,83"', '"39,83').encode()
    files["tab_indent.yaml"] = plan.replace("        name: Ngô", "\tname: Ngô").encode()
    files["duplicate_key.yaml"] = plan.replace(
        "        target: 88\n", "        target: 88\n        target: 90\n"
    ).encode()
    laughs = ['table: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n']
    for i, name in enumerate("bcdefghij"):
        prev = "a" if i == 0 else "bcdefghij"[i - 1]
        laughs.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n")
    files["billion_laughs.yaml"] = "".join(laughs).encode()
    files["deep_flow_10000.yaml"] = ("table: " + "[" * 10_000 + "]" * 10_000 + "\n").encode()
    files["deep_block_10000.yaml"] = ("table:\n  " + "- " * 10_000 + "x\n").encode()
    files["deep_mapping_10000.yaml"] = ("table: " + "{a: " * 10_000 + "1" + "}" * 10_000).encode()
    files["deep_block_100.yaml"] = (
        "table:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(100)) + " " * 101 + "1\n"
    ).encode()
    files["binary_garbage.yaml"] = random.Random(7).randbytes(4096)
    files["utf16le_bom.yaml"] = plan.encode("utf-16")  # Python writes the BOM, little-endian
    files["utf16be_bom.yaml"] = b"\xfe\xff" + plan.encode("utf-16-be")
    files["utf16_no_bom.yaml"] = plan.encode("utf-16-le")
    files["utf8_bom.yaml"] = b"\xef\xbb\xbf" + plan.encode()
    files["crlf.yaml"] = plan.replace("\n", "\r\n").encode()
    files["nfd_text.yaml"] = unicodedata.normalize("NFD", plan).encode()
    files["windows1258.yaml"] = _cp1258(plan)
    files["python_object.yaml"] = plan.replace(
        "        target: 88\n", "        target: !!python/object/apply:os.system ['echo pwned']\n"
    ).encode()
    files["python_name.yaml"] = plan.replace(
        "        target: 88\n", "        target: !!python/name:os.system\n"
    ).encode()
    files["custom_tag.yaml"] = plan.replace(
        "        target: 88\n", "        target: !vi 88\n"
    ).encode()
    files["merge_key.yaml"] = plan.replace(
        "      - code: maize\n", "      - <<: {kind: flow}\n        code: maize\n"
    ).encode()
    files["empty.yaml"] = b""
    files["only_comments.yaml"] = b"# only a comment\n# and another\n"
    files["two_documents.yaml"] = (plan + "---\n" + plan).encode()
    files["nul_inside.yaml"] = plan.replace("Lúa", "L\x00a").encode()
    files["invalid_utf8.yaml"] = plan.encode().replace("Lúa".encode(), b"L\xc3\x28a")
    files["complex_key.yaml"] = plan.replace(
        "      - code: maize\n", "      - ? [code, x]\n        : 1\n        code: maize\n"
    ).encode()
    return files


def _cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: letters with their hat or horn (â, ơ, đ...) are
    precomposed, the five tone marks follow the letter as combining characters."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        marks = "".join(c for c in parts if c in tones)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + marks)
    return "".join(out).encode("cp1258")


# -- CSV -------------------------------------------------------------------------------------------


def csv_files() -> Files:
    raw = CSV.read_bytes()
    text = raw.decode("utf-8-sig")
    files: Files = {}
    files["bom.csv"] = b"\xef\xbb\xbf" + text.encode()
    files["no_bom.csv"] = text.encode()
    files["semicolon.csv"] = b"\xef\xbb\xbf" + text.replace(",", ";").encode()
    files["windows1258.csv"] = _cp1258(text)
    files["utf16le_bom_tab.csv"] = text.replace(",", "\t").encode("utf-16")
    files["utf16_no_bom.csv"] = text.encode("utf-16-le")
    files["quoted_newline.csv"] = text.replace(
        "251,", '251,"Hai dòng\r\nghi chú, có dấu phẩy"', 1
    ).encode()
    files["ragged_rows.csv"] = (
        text.replace("Năm,2024", "Năm,2024,,,,,,,,,,,,,x", 1)
        .replace("Tiểu học,Học sinh,257,251,", "Tiểu học,Học sinh,257,251", 1)
        .encode()
    )
    files["binary.csv"] = random.Random(11).randbytes(2048)
    files["zip_named_csv.csv"] = XLSX.read_bytes()[:2048]
    files["formula_injection.csv"] = (
        text.replace("Lê Văn Sơn - Hiệu trưởng", '=HYPERLINK("http://example.invalid","bấm")', 1)
        .replace("251,", "251,\"+cmd|' /C calc'!A0\"", 1)
        .encode()
    )
    return files


# -- workbooks -------------------------------------------------------------------------------------


def _members() -> list[tuple[str, bytes]]:
    """The sample workbook's parts, its timestamps fixed (the sample is rebuilt now and then)."""
    with zipfile.ZipFile(XLSX) as archive:
        members = [(m.filename, archive.read(m)) for m in archive.infolist()]
    stamp = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
    return [
        (n, stamp.sub(b"2024-01-01T00:00:00Z", d) if n.startswith("docProps/") else d)
        for n, d in members
    ]


def _zip(members: list[tuple[str, bytes]], level: int = 6) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=level)
    return buffer.getvalue()


def _edit(part: str, change: Callable[[bytes], bytes], extra: Files | None = None) -> bytes:
    members = [(n, change(d) if n == part else d) for n, d in _members()]
    members += list((extra or {}).items())
    return _zip(members)


def _sheet_add(xml: bytes) -> Callable[[bytes], bytes]:
    return lambda data: data.replace(b"</sheetData>", xml + b"</sheetData>")


def _ctypes_add(xml: bytes) -> Callable[[bytes], bytes]:
    return lambda data: data.replace(b"</Types>", xml + b"</Types>")


def xlsx_files() -> Files:
    files: Files = {}
    files["zip_bomb.xlsx"] = _zip_bomb()
    files["entity_bomb.xlsx"] = _entity_bomb()
    files["external_entity.xlsx"] = _with_shared_strings(
        '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;"
    )
    files["not_a_zip.xlsx"] = "Năm,2024\nđây là văn bản, không phải sổ tính\n".encode()
    good = XLSX.read_bytes()
    files["truncated.xlsx"] = good[: len(good) // 2]
    files["old_binary.xls"] = _ole2({"Workbook": b"\x09\x08" + bytes(200)})
    files["old_binary_named.xlsx"] = files["old_binary.xls"]
    files["encrypted.xlsx"] = _ole2(
        {"EncryptionInfo": b"\x04\x00\x04\x00" + bytes(100), "EncryptedPackage": bytes(512)}
    )
    files["macros.xlsm"] = _edit(
        "[Content_Types].xml",
        lambda d: d.replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        ).replace(
            b"</Types>",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            b"</Types>",
        ),
        {"xl/vbaProject.bin": _ole2({"VBA": b'Attribute VB_Name = "Module1"\r\n' * 4})},
    )
    files["external_links.xlsx"] = _edit(
        "[Content_Types].xml",
        _ctypes_add(
            b'<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>'
        ),
        {
            "xl/externalLinks/externalLink1.xml": b'<?xml version="1.0"?><externalLink xmlns='
            b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            b'r:id="rId1"/></externalLink>',
            "xl/externalLinks/_rels/externalLink1.xml.rels": b'<?xml version="1.0"?><Relationships'
            b' xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship'
            b' Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships'
            b'/externalLinkPath" Target="file:///\\\\server\\share\\evil.xlsx" '
            b'TargetMode="External"/></Relationships>',
        },
    )
    files["far_value_cell.xlsx"] = _edit(
        SHEET, _sheet_add(b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>')
    )
    files["far_value_column.xlsx"] = _edit(
        SHEET, _sheet_add(b'<row r="300"><c r="XFD300" t="inlineStr"><is><t>x</t></is></c></row>')
    )
    files["dimension_claims_all.xlsx"] = _edit(
        SHEET,
        lambda d: d.replace(b'<dimension ref="A1:G14"/>', b'<dimension ref="A1:XFD1048576"/>'),
    )
    files["formatted_columns.xlsx"] = _edit(
        SHEET,
        lambda d: (
            d.replace(b'<dimension ref="A1:G14"/>', b'<dimension ref="A1:XFD14"/>')
            .replace(
                b"</cols>", b'<col min="8" max="16384" width="9" style="1" customWidth="1"/></cols>'
            )
            .replace(
                b"</row></sheetData>",
                b'<c r="XFD14" s="1"/></row></sheetData>',
            )
        ),
    )
    files["formatted_rows.xlsx"] = _edit(
        SHEET,
        _sheet_add(
            b"".join(b'<row r="%d" s="1" customFormat="1"/>' % r for r in range(15, 200_015))
            + b'<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/></row>'
        ),
    )
    files["formula_no_cache.xlsx"] = _edit(
        SHEET,
        lambda d: d.replace(
            b'<c r="F14" s="15" t="n"><v>251</v></c>', b'<c r="F14" s="15"><f>SUM(1,2)</f></c>'
        ),
    )
    files["date_for_number.xlsx"] = _edit(
        SHEET,
        lambda d: d.replace(
            b'<c r="F14" s="15" t="n"><v>251</v></c>',
            b'<c r="F14" t="d"><v>2024-06-18T00:00:00</v></c>',
        ),
    )
    files["merged_value_column.xlsx"] = _edit(
        SHEET,
        lambda d: d.replace(
            b"</sheetData>",
            b'</sheetData><mergeCells count="1"><mergeCell ref="E14:F14"/></mergeCells>',
        ).replace(b'<c r="F14" s="15" t="n"><v>251</v></c>', b'<c r="F14" s="15" t="n"></c>'),
    )
    files["hidden_second_table.xlsx"] = _hidden_second_table()
    files["empty_zip.xlsx"] = _zip([])
    files["docx_renamed.xlsx"] = _zip([("word/document.xml", b"<w:document/>")])
    files["lying_sizes.xlsx"] = _lying_sizes()
    return files


def _zip_bomb() -> bytes:
    """A 400 MB sheet in about 400 KB: valid XML, rows of empty cells, deflated at level 9."""
    head = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    filler = b" " * (1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = bytearray(compressor.compress(head))
    crc = zlib.crc32(head)
    size = len(head)
    for _ in range(400):
        body += compressor.compress(filler)
        crc = zlib.crc32(filler, crc)
        size += len(filler)
    tail = b"</sheetData></worksheet>"
    body += compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(tail, crc)
    size += len(tail)
    members = [(n, d) for n, d in _members() if n != SHEET]
    small = _zip(members)
    return _append_raw_member(small, SHEET, bytes(body), crc, size)


def _append_raw_member(archive: bytes, name: str, body: bytes, crc: int, size: int) -> bytes:
    """Add an already deflated member to a zip by hand (zipfile would inflate nothing, but
    compressing 400 MB through it takes seconds; this takes one pass of zlib)."""
    end = archive.rfind(b"PK\x05\x06")
    count, dir_size, dir_offset = struct.unpack("<HII", archive[end + 10 : end + 20])
    entries = archive[dir_offset : dir_offset + dir_size]
    data = archive[:dir_offset]
    encoded = name.encode()
    dostime = (DATE[3] << 11) | (DATE[4] << 5) | (DATE[5] // 2)
    dosdate = ((DATE[0] - 1980) << 9) | (DATE[1] << 5) | DATE[2]
    local = struct.pack(
        "<4sHHHHHIIIHH",
        b"PK\x03\x04",
        20,
        0,
        8,
        dostime,
        dosdate,
        crc,
        len(body),
        size,
        len(encoded),
        0,
    )
    offset = len(data)
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        b"PK\x01\x02",
        20,
        20,
        0,
        8,
        dostime,
        dosdate,
        crc,
        len(body),
        size,
        len(encoded),
        0,
        0,
        0,
        0,
        0o644 << 16,
        offset,
    )
    data += local + encoded + body
    new_offset = len(data)
    new_dir = entries + central + encoded
    end_record = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, count + 1, count + 1, len(new_dir), new_offset, 0
    )
    return data + new_dir + end_record


def _entity_bomb() -> bytes:
    """Billion laughs in the shared strings: ten levels of ten, a billion "lol"s if expanded."""
    entities = ['<!ENTITY a0 "lollollollollollollollollol">'] + [
        f'<!ENTITY a{i} "' + f"&a{i - 1};" * 10 + '">' for i in range(1, 10)
    ]
    return _with_shared_strings("<!DOCTYPE sst [" + "".join(entities) + "]>", "&a9;")


def _with_shared_strings(doctype: str, text: str) -> bytes:
    strings = (
        '<?xml version="1.0"?>' + doctype + '<sst xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>' + text + "</t></si></sst>"
    ).encode()
    return _edit(
        "[Content_Types].xml",
        _ctypes_add(
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        ),
        {"xl/sharedStrings.xml": strings},
    )


def _hidden_second_table() -> bytes:
    """A hidden third sheet holding another results table with other figures."""
    members = _members()
    sheet = dict(members)[SHEET].replace(b"<v>251</v>", b"<v>9999</v>")
    out: list[tuple[str, bytes]] = []
    for name, data in members:
        if name == "xl/workbook.xml":
            data = data.replace(
                b"</sheets>",
                b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships" name="K\xe1\xba\xbft qu\xe1\xba\xa3 (2)" sheetId="9" '
                b'state="hidden" r:id="rId99"/></sheets>',
            )
        elif name == "xl/_rels/workbook.xml.rels":
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/>'
                b"</Relationships>",
            )
        elif name == "[Content_Types].xml":
            data = data.replace(
                b"</Types>",
                b'<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.'
                b'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
            )
        out.append((name, data))
    out.append(("xl/worksheets/sheet9.xml", sheet))
    return _zip(out)


def _lying_sizes() -> bytes:
    """The directory says the sheet is 1 000 bytes; it inflates to 5 MB."""
    members = [(n, d) for n, d in _members() if n != SHEET]
    real = dict(_members())[SHEET]
    big = real.replace(b"</sheetData>", b" " * (5 * 1024 * 1024) + b"</sheetData>")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = compressor.compress(big) + compressor.flush()
    return _append_raw_member(_zip(members), SHEET, body, zlib.crc32(big[:1000]), 1000)


def _ole2(streams: dict[str, bytes]) -> bytes:
    """A small but well-formed OLE2 compound file (512-byte sectors) holding ``streams``.

    Streams under 4 096 bytes belong in the mini stream by the format's rule; to stay short this
    writes every stream in regular sectors and sets the cutoff to 0, which readers accept.
    """
    sector = 512
    free, end_chain, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    names = list(streams)
    payload = bytearray()
    starts: list[int] = []
    fat: list[int] = []
    next_sector = 2  # 0 = FAT, 1 = directory
    for name in names:
        data = streams[name]
        count = max(1, -(-len(data) // sector))
        starts.append(next_sector)
        for i in range(count):
            fat.append(next_sector + i + 1 if i < count - 1 else end_chain)
        payload += data.ljust(count * sector, b"\x00")
        next_sector += count
    table = [fat_sector, end_chain, *fat]
    table += [free] * (sector // 4 - len(table))
    entries = bytearray()

    def entry(name: str, kind: int, start: int, size: int, child: int, right: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", 0xFFFFFFFF, right, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IIi", start, size, 0)
        )

    entries += entry("Root Entry", 5, end_chain, 0, 1, 0xFFFFFFFF)
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else 0xFFFFFFFF
        entries += entry(name, 2, starts[i], len(streams[name]), 0xFFFFFFFF, right)
    directory = bytes(entries).ljust(sector, b"\x00")[:sector] if len(entries) <= sector else b""
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0, end_chain, 0, end_chain, 0)
        + struct.pack("<I", 0)
        + b"".join(struct.pack("<I", free) for _ in range(108))
    )
    return header + struct.pack("<128I", *table) + directory + bytes(payload)


# -- main ------------------------------------------------------------------------------------------


def build() -> dict[str, bytes]:
    corpus: dict[str, bytes] = {}
    for folder, make in (("yaml", yaml_files), ("csv", csv_files), ("xlsx", xlsx_files)):
        for name, data in make().items():
            corpus[f"{folder}/{name}"] = data
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    corpus = build()
    if args.check:
        stale = [
            n for n, d in corpus.items() if not (OUT / n).is_file() or (OUT / n).read_bytes() != d
        ]
        for name in stale:
            print(f"differs: {name}")
        return 1 if stale else 0
    for name, data in corpus.items():
        target = OUT / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    total = sum(len(d) for d in corpus.values())
    print(f"{len(corpus)} files, {total / 1024:.0f} KB in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
