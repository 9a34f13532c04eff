"""The one message catalog: every text a user reads, in Vietnamese (default) and English.

The catalog is split by area (``core``, ``plan``, ``results``, ``report``, ``export``, ``status``,
``security``, ``plan_import``, ``comparison`` …)
so that each area's texts sit together; keys are unique across all of them (a test checks).
Each entry is ``key: (vietnamese, english)`` with ``str.format`` placeholders.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from importlib import import_module

LANGS = ("vi", "en")
# One area a line: each new area is a line of its own.
AREAS = (
    "core",
    "plan",
    "plan_import",
    "results",
    "report",
    "export",
    "docx",
    "status",
    "security",
    "cli",
    "intake",
    "prose",
    "comparison",
)

_lang: ContextVar[str] = ContextVar("kehoach_lang", default="vi")
_catalog: dict[str, tuple[str, str]] | None = None


def normalize_lang(value: str | None) -> str | None:
    """``"EN"``, ``"en_US.UTF-8"`` → ``"en"``; unknown → None."""
    if not value:
        return None
    code = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in LANGS else None


def default_lang() -> str:
    """``KEHOACH_LANG`` when set to a known language, else Vietnamese."""
    return normalize_lang(os.environ.get("KEHOACH_LANG")) or "vi"


def set_lang(lang: str) -> None:
    _lang.set(normalize_lang(lang) or "vi")


def get_lang() -> str:
    return _lang.get()


def catalog() -> dict[str, tuple[str, str]]:
    """All entries of all areas, merged (loaded once)."""
    global _catalog
    if _catalog is None:
        merged: dict[str, tuple[str, str]] = {}
        for area in AREAS:
            module = import_module(f"{__name__}.{area}")
            entries: dict[str, tuple[str, str]] = module.MESSAGES
            merged.update(entries)
        _catalog = merged
    return _catalog


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language, with ``params`` filled in."""
    return t_in(get_lang(), key, **params)


def t_in(lang: str, key: str, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` ("vi" or "en")."""
    entry = catalog().get(key)
    if entry is None:  # a missing key is a bug; show the key rather than crash
        return key + (" " + repr(params) if params else "")
    text = entry[1] if lang == "en" else entry[0]
    return text.format(**params) if params else text
