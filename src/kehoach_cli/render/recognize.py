"""Whether an existing file is an earlier kehoach report of a format (``report --output``).

A report may replace its own earlier output (cron writes 2024Q2-tong-hop.xlsx every night), never
a file someone else wrote, unless ``--force``. Each format is known by what only kehoach writes
there, in either language: the title line of the text and Markdown reports, the CSV header, the
JSON report's keys, the HTML page's title, the ``kehoach`` creator and the report's title in the
.xlsx and .docx packages' properties. Only the file's beginning is read (the JSON report's keys
are at its top).
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

from ..messages import LANGS, t_in

__all__ = ["is_earlier_report"]

_HEAD_BYTES = 64 * 1024
_CORE_PROPS = "docProps/core.xml"
_PACKAGE_PART = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml"}
_JSON_KEYS = ('"plan"', '"period"', '"as_of"', '"indicators"')


def is_earlier_report(path: Path, fmt: str) -> bool:
    """True when ``path`` holds a report kehoach wrote in format ``fmt`` (any language)."""
    try:
        if fmt in _PACKAGE_PART:
            return _package_by_kehoach(path, _PACKAGE_PART[fmt])
        with path.open("rb") as handle:
            raw = handle.read(_HEAD_BYTES)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return False
    head = raw.decode("utf-8-sig", errors="replace")
    if fmt == "json":
        # Whole or not by the bytes read: 64 KB of Vietnamese text decode to fewer characters,
        # and a cut-off file must not be parsed as if it were whole.
        return _is_json(head, whole=len(raw) < _HEAD_BYTES)
    check = {
        "table": _is_table,
        "markdown": _is_markdown,
        "csv": _is_csv,
        "html": _is_html,
    }.get(fmt)
    return check is not None and check(head)


def _titles(key: str) -> list[str]:
    """A heading's fixed beginning (before its first placeholder), in every language."""
    return [t_in(lang, key).split("{", 1)[0].strip() for lang in LANGS]


def _first_lines(head: str, count: int = 8) -> list[str]:
    return [line.strip() for line in head.splitlines()[:count]]


def _is_table(head: str) -> bool:
    lines = _first_lines(head)
    return any(line.startswith(title) for title in _titles("report.title") for line in lines)


def _is_markdown(head: str) -> bool:
    lines = [line.lstrip("#").strip() for line in _first_lines(head) if line.startswith("#")]
    return any(line.startswith(title) for title in _titles("report.title") for line in lines)


def _is_csv(head: str) -> bool:
    from .csv import header

    first = head.splitlines()[0] if head else ""
    # The first columns only: a later version may add columns at the end.
    return any(first.startswith(",".join(header(lang)[:6]) + ",") for lang in LANGS)


def _is_json(head: str, whole: bool) -> bool:
    text = head.lstrip()
    if not text.startswith("{"):
        return False
    if whole:  # the whole file: parse it
        try:
            data = json.loads(head)
        except ValueError:
            return False
        return isinstance(data, dict) and all(k.strip('"') in data for k in _JSON_KEYS)
    return all(re.search(re.escape(key) + r"\s*:", text) for key in _JSON_KEYS)


def _is_html(head: str) -> bool:
    found = re.search(r"<title>(.*?)</title>", head, re.S)
    return found is not None and any(
        found.group(1).strip().startswith(title) for title in _titles("export.title")
    )


def _package_by_kehoach(path: Path, part: str) -> bool:
    """An Office package (zip) of the right kind that kehoach wrote, with a report's title."""
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        if part not in names or _CORE_PROPS not in names:
            return False
        info = package.getinfo(_CORE_PROPS)
        if info.file_size > _HEAD_BYTES:  # a core.xml is a few hundred bytes
            return False
        core = package.read(_CORE_PROPS).decode("utf-8", errors="replace")
    if re.search(r"<dc:creator[^>]*>\s*kehoach\s*</dc:creator>", core) is None:
        return False  # the results forms of the samples say kehoach too: the title decides
    title = re.search(r"<dc:title[^>]*>(.*?)</dc:title>", core, re.S)
    key = "export.title" if part == _PACKAGE_PART["xlsx"] else "export.docx.subject"
    return title is not None and any(
        html.unescape(title.group(1)).strip().startswith(start) for start in _titles(key)
    )
