"""Terminal output: the streams' encoding, a reader that went away, and rich consoles that drop
colour and box drawing when not on a terminal."""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
import unicodedata
from itertools import combinations
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def fancy(stream: TextIO | None = None) -> bool:
    """Colours and box drawing on a real terminal, or when FORCE_COLOR asks for them; never
    with NO_COLOR (https://no-color.org, https://force-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or is_terminal(stream or sys.stdout)


def make_console(stderr: bool = False) -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich's own hook exits 1; kehoach's boundary exits 141 quietly.
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    stream = sys.stderr if stderr else sys.stdout
    rich_ok = fancy(stream)
    return _Console(
        file=stream,
        stderr=stderr,
        no_color=not rich_ok,
        color_system="auto" if rich_ok else None,
        highlight=False,
        emoji=False,
        markup=False,
        force_terminal=rich_ok,
        soft_wrap=False,
    )


def echo(text: str = "", *, err: bool = False) -> None:
    """Plain text to stdout or stderr, with a final newline."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + ("\n" if not text.endswith("\n") else ""))
    stream.flush()


def setup_streams() -> None:
    """UTF-8 to files and pipes, whatever the code page; Vietnamese on the console where it can.

    Windows writes a redirected stdout in the ANSI code page (cp1258, cp1252), which cannot hold
    every Vietnamese letter: such output is UTF-8 instead (the CSV renderer adds its BOM). A
    console whose encoding lacks a letter shows it as near as it can (``_nearest``), never fails.
    A stream the caller closed (``kehoach report -o f.xlsx >&-``: Python then has None) is the
    null device: what would go there is dropped, the command's work is still done.
    """
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as stdout
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as stderr
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # replaced by a caller (tests, an embedding program)
            continue
        if not is_terminal(stream):
            reconfigure(encoding="utf-8", errors="backslashreplace")
        elif not _holds_vietnamese(getattr(stream, "encoding", None)):
            reconfigure(errors=nearest_handler(stream.encoding))


def _holds_vietnamese(encoding: str | None) -> bool:
    try:
        "Ủy ban nhân dân xã Trà Bùi — 39,83 %".encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def nearest_handler(encoding: str) -> str:
    """The name of a codec error handler that writes each letter ``encoding`` lacks as near as
    it can: cp1258 writes "ệ" as "ê" and a combining dot below; cp1252 has neither, so "ệ"
    becomes "e". The standard handlers only offer "?" or escapes. One handler per encoding:
    the charmap codecs report their errors as "charmap", not by their name."""
    name = codecs.lookup(encoding).name
    handler = f"kehoach-nearest-{name}"

    def nearest(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        return "".join(_spell(ch, name) for ch in exc.object[exc.start : exc.end]), exc.end

    codecs.register_error(handler, nearest)
    return handler


_PLAIN = {"Đ": "D", "đ": "d", "—": "-", "–": "-", "…": "...", "›": ">", "•": "*", "≥": ">="}


def _spell(ch: str, encoding: str) -> str:
    """``ch`` as near as ``encoding`` can write it: composed, or with a combining mark apart, or
    with fewer marks ("ệ" → "ê" → "e")."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], list(decomposed[1:])
    candidates = []
    for kept in range(len(marks), -1, -1):
        for subset in combinations(marks, kept):
            composed = unicodedata.normalize("NFC", base + "".join(subset))
            apart = [m for m in marks if m not in subset]
            candidates += [composed + "".join(apart), composed]
    for candidate in [*candidates, _PLAIN.get(ch, "?")]:
        try:
            candidate.encode(encoding)
        except UnicodeEncodeError:
            continue
        return candidate
    return "?"


def reader_went_away(exc: BaseException) -> bool:
    """The program reading stdout closed it (`kehoach status | head -1`).

    POSIX raises BrokenPipeError; Windows raises OSError EINVAL when writing to a closed pipe.
    An EINVAL naming a file is a bad file name (Windows refuses "a?.xlsx"), not a pipe; one
    naming none, while stdout is a pipe that no longer takes what is buffered, is the pipe.
    """
    if isinstance(exc, BrokenPipeError):
        return True
    if not isinstance(exc, OSError) or exc.errno != errno.EINVAL or exc.filename is not None:
        return False
    return _stdout_is_pipe() or not _stdout_flushes()


def _stdout_is_pipe() -> bool:
    try:
        return stat.S_ISFIFO(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return False


def _stdout_flushes() -> bool:
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return False
    return True


def silence_stdout() -> None:
    """The reader of stdout went away: not kehoach's error. The process ends quietly, as one
    killed by SIGPIPE does; what is still buffered goes to the null device, so that the
    interpreter's last flush does not complain either."""
    try:
        fileno = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


def print_trimmed(console: Console, renderable: object) -> None:
    """Print a rich table with no trailing spaces on any line.

    rich pads every cell to its column's width, the last column too; a line that ends in
    spaces is noise in a cron mail, a diff or a log. Each rendered line loses its trailing
    blank segments, styles kept.
    """
    from rich.segment import Segment, Segments

    trimmed: list[Segment] = []
    for line in console.render_lines(renderable, pad=False):  # type: ignore[arg-type]
        while line and not line[-1].control and not line[-1].text.rstrip(" "):
            line.pop()
        if line and not line[-1].control:
            last = line[-1]
            line[-1] = Segment(last.text.rstrip(" "), last.style, last.control)
        trimmed += [*line, Segment.line()]
    console.print(Segments(trimmed), overflow="ignore", crop=False)
