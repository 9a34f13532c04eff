"""Terminal output: rich consoles that drop colour and box drawing when not on a terminal."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def fancy(stream: TextIO | None = None) -> bool:
    """Colours and box drawing only on a real terminal and without NO_COLOR."""
    return is_terminal(stream or sys.stdout) and not os.environ.get("NO_COLOR")


def make_console(stderr: bool = False) -> Console:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    rich_ok = fancy(stream)
    return Console(
        file=stream,
        stderr=stderr,
        no_color=not rich_ok,
        color_system="auto" if rich_ok else None,
        highlight=False,
        emoji=False,
        markup=False,
        force_terminal=False if not rich_ok else None,
        soft_wrap=False,
    )


def echo(text: str = "", *, err: bool = False) -> None:
    """Plain text to stdout or stderr, with a final newline."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + ("\n" if not text.endswith("\n") else ""))
    stream.flush()
