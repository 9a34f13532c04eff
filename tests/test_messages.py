"""The message catalog: every entry in both languages, with the same placeholders."""

from __future__ import annotations

import string
from importlib import import_module

from kehoach_cli.messages import AREAS, catalog, set_lang, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_entry_has_vietnamese_and_english_with_the_same_placeholders() -> None:
    for key, (vi, en) in catalog().items():
        assert vi.strip() and en.strip(), key
        assert _fields(vi) == _fields(en), key


def test_keys_are_unique_across_areas() -> None:
    seen: dict[str, str] = {}
    for area in AREAS:
        for key in import_module(f"kehoach_cli.messages.{area}").MESSAGES:
            assert key not in seen, f"{key} in {area} and {seen.get(key)}"
            seen[key] = area


def test_language_switch() -> None:
    set_lang("en")
    assert t("where.line", line=3) == "line 3"
    set_lang("vi")
    assert t("where.line", line=3) == "dòng 3"
