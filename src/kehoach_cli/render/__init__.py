"""Renderers: pure functions from report data to text or bytes, chosen by format name.

A report renderer is a module ``kehoach_cli.render.<module>`` with a function
``render(report: Report) -> str | bytes``, and optionally ``render_chunks(report)`` giving the same
output in pieces (so a big report is written as it is made, not held whole in memory). Formats
are registered here by module *name* and
imported only when used, so a renderer that is not there yet (xlsx, docx, html come from another
piece of work) makes only its own format unavailable, never the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from ..report.model import Report

Renderer = Callable[["Report"], "str | bytes"]
ChunkRenderer = Callable[["Report"], "Iterable[str | bytes]"]

# format → module under kehoach_cli.render that has ``render(report)``.
REPORT_RENDERERS: dict[str, str] = {
    "table": "terminal",
    "json": "json",
    "csv": "csv",
    "markdown": "markdown",
    "xlsx": "xlsx",
    "docx": "docx",
    "html": "html",
}
FORMAT_ALIASES = {"md": "markdown", "txt": "table", "text": "table", "htm": "html"}
# Output file extension → format, for ``--output`` without ``--format``.
EXTENSION_FORMATS = {
    ".txt": "table",
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}
BINARY_FORMATS = frozenset({"xlsx", "docx"})


class UnknownFormat(ValueError):
    """A format name no renderer is registered for."""

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown format: {name!r}")
        self.name = name


class FormatNotAvailable(ValueError):
    """A registered format whose renderer module is not installed (yet)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"format not available: {name!r}")
        self.name = name


def normalize_format(name: str) -> str:
    """The canonical format name; ``UnknownFormat`` for a name nobody registered.

    >>> normalize_format("MD"), normalize_format("table")
    ('markdown', 'table')
    >>> normalize_format("pdf")
    Traceback (most recent call last):
    ...
    kehoach_cli.render.UnknownFormat: unknown format: 'pdf'
    """
    key = name.strip().lower()
    key = FORMAT_ALIASES.get(key, key)
    if key not in REPORT_RENDERERS:
        raise UnknownFormat(name)
    return key


def format_for_path(path: str | Path) -> str | None:
    """The format an output file's extension asks for, or None.

    >>> format_for_path("q2.csv"), format_for_path("BAO-CAO.MD"), format_for_path("q2.pdf")
    ('csv', 'markdown', None)
    """
    return EXTENSION_FORMATS.get(Path(path).suffix.lower())


def is_available(name: str) -> bool:
    """Whether the format's renderer module is installed."""
    module = REPORT_RENDERERS[normalize_format(name)]
    return find_spec(f"{__name__}.{module}") is not None


def available_formats() -> list[str]:
    """The formats that can be rendered now, in registration order."""
    return [name for name in REPORT_RENDERERS if is_available(name)]


def _renderer_module(name: str) -> ModuleType:
    """The module of a format's renderer; ``UnknownFormat`` or ``FormatNotAvailable``."""
    key = normalize_format(name)
    module_name = f"{__name__}.{REPORT_RENDERERS[key]}"
    if find_spec(module_name) is None:
        raise FormatNotAvailable(key)
    module = import_module(module_name)
    if not hasattr(module, "render"):
        raise FormatNotAvailable(key)
    return module


def get_renderer(name: str) -> Renderer:
    """The ``render`` function of a format; ``UnknownFormat`` or ``FormatNotAvailable``."""
    return cast(Renderer, _renderer_module(name).render)


def get_chunk_renderer(name: str) -> ChunkRenderer:
    """The format's ``render_chunks`` when it has one, else its ``render`` as a single piece."""
    module = _renderer_module(name)
    chunks = getattr(module, "render_chunks", None)
    if chunks is not None:
        return cast(ChunkRenderer, chunks)
    render = cast(Renderer, module.render)

    def whole(report: Report) -> Iterable[str | bytes]:
        return (render(report),)

    return whole
