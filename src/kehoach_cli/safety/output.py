"""Writing output files safely: whole or not at all, and never over anything a user gave.

``check_target`` decides whether an output may go where it was asked. Never, ``--force`` or not:
onto a file this run read, onto the plan, onto a results file under the results folder, onto
something that is not a regular file (a folder, a device, a FIFO: ``-o /dev/null`` must not
replace /dev/null). Without ``--force``: onto an existing file that the command does not
recognise as its own earlier output (``ours``). Paths are compared however they are spelled
(symlinks, relative paths, hard links, letter case on Windows).

``write_atomic`` writes to a temporary file in the target's folder and then ``os.replace``-s it
over the target, so a reader (or a crash, Ctrl+C, SIGTERM, SIGHUP) never sees half a report, an
old report stays until the new one is complete, and no temporary file is left behind. A target
locked by another program (Windows: a report open in Excel or Word) is retried briefly, then
refused with a hint to close it. Every failure is an ``OutputError``: one line, exit 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from ..errors import OutputError
from ..messages import t

__all__ = ["STDOUT", "Guarded", "check_not_input", "check_target", "is_stdout", "write_atomic"]

STDOUT = "-"  # ``--output -``: standard output, for text formats
# A file locked by another program (an antivirus scan, Excel opening it) is often free again a
# moment later: try again after these pauses (seconds) before giving up.
LOCK_RETRY_DELAYS = (0.2, 0.5)


@dataclass(frozen=True)
class Guarded:
    """What an output may never replace, ``--force`` or not."""

    inputs: tuple[Path, ...] = ()  # every file the run read (copies dropped as duplicates too)
    plan: Path | None = None
    results_folders: tuple[Path, ...] = ()
    results_suffixes: frozenset[str] = frozenset()


def is_stdout(target: str | os.PathLike[str] | None) -> bool:
    """``-o -``: the output goes to standard output."""
    return target is not None and os.fspath(target) == STDOUT


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return _normal(a) == _normal(b)


def _normal(path: Path) -> str:
    """The path resolved, in the platform's case rules (Windows compares without case)."""
    return os.path.normcase(str(path.resolve()))


# /dev/stdout is a link to /proc/self/fd/1, which is a regular file when the shell redirected
# stdout to one: renaming over /dev/stdout would replace the system's link. Nothing under these
# folders is ever an output file.
_SYSTEM_FOLDERS = ("/dev/", "/proc/") if os.name == "posix" else ()


def _kind(target: Path) -> str:
    """What ``target`` is, following symlinks: missing, file, folder or other (a device, a
    FIFO, a socket, anything under /dev or /proc)."""
    spellings = (str(target.absolute()), str(target.resolve()))
    if _SYSTEM_FOLDERS and any(name.startswith(_SYSTEM_FOLDERS) for name in spellings):
        return "other"
    try:
        mode = os.stat(target).st_mode
    except OSError:  # missing, a dangling link, a parent that is a file: the write will tell
        return "missing"
    if stat.S_ISREG(mode):
        return "file"
    return "folder" if stat.S_ISDIR(mode) else "other"


def _under(target: Path, folders: Iterable[Path]) -> Path | None:
    here = _normal(target)
    for folder in folders:
        root = _normal(folder)
        if here.startswith(root.rstrip(os.sep) + os.sep):
            return folder
    return None


def check_target(
    target: Path,
    guarded: Guarded,
    *,
    ours: Callable[[Path], bool] | None = None,
    not_ours: str = "",
    force: bool = False,
) -> None:
    """Refuse (``OutputError``) an output ``target`` that would replace what a user gave.

    ``ours(target)`` says whether an existing file is the command's own earlier output, which
    may be replaced; any other existing file is refused with the message ``not_ours`` unless
    ``force``. The first rules (an input, the plan, a results file, not a regular file) hold
    whatever ``force`` says.
    """
    shown = str(target)
    kind = _kind(target)
    if kind == "folder":
        raise OutputError(t("output.is_folder", path=shown), file=shown)
    if kind == "other":
        raise OutputError(t("output.not_regular", path=shown), file=shown)
    if guarded.plan is not None and _same_file(target, guarded.plan):
        raise OutputError(t("output.is_plan", path=shown), file=shown)
    check_not_input(target, guarded.inputs)
    if target.suffix.lower() in guarded.results_suffixes:
        folder = _under(target, guarded.results_folders)
        if folder is not None:
            raise OutputError(t("output.in_results", path=shown, folder=str(folder)), file=shown)
    if kind == "file" and not force and ours is not None and not ours(target):
        raise OutputError(not_ours, file=shown)


def check_not_input(target: Path, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Refuse a target that is one of the ``inputs`` (or a folder)."""
    for item in inputs:
        if _same_file(target, Path(item)):
            raise OutputError(t("output.is_input", path=str(target)), file=str(target))
    if target.is_dir():
        raise OutputError(t("output.is_folder", path=str(target)), file=str(target))


def write_atomic(
    target: str | os.PathLike[str],
    data: bytes | str | Iterable[bytes | str],
    inputs: Iterable[str | os.PathLike[str]] = (),
    *,
    encoding: str = "utf-8",
) -> Path:
    """Write ``data`` to ``target`` atomically; text is encoded with ``encoding``.

    ``data`` may also be an iterable of pieces (a renderer's ``render_chunks``), written as they
    come: the whole output never needs to be in memory at once. The target still appears only
    when every piece is written.

    Raises ``OutputError`` (a usage error, exit 2) when the target is an input file, a folder or
    not a regular file, its folder does not exist, or the file cannot be written. A SIGTERM or
    SIGHUP during the write ends the process (exit 128 + the signal) without a temporary file.
    Returns the target path.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", "xin chào").read_text(encoding="utf-8")
    'xin chào'
    >>> sorted(p.name for p in folder.iterdir())  # no temporary file left behind
    ['a.txt']
    """
    path = Path(target)
    check_not_input(path, list(inputs))
    if _kind(path) == "other":
        raise OutputError(t("output.not_regular", path=str(path)), file=str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        key = "output.parent_is_file" if folder.exists() else "output.no_folder"
        raise OutputError(t(key, path=str(folder), file=str(path)), file=str(path))
    pieces: Iterable[bytes | str] = (data,) if isinstance(data, (bytes, str)) else data
    with _signals_end_the_write():
        try:
            handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise _failure(path, exc) from None
        try:
            with os.fdopen(handle, "wb") as stream:
                for piece in pieces:
                    stream.write(piece.encode(encoding) if isinstance(piece, str) else piece)
                stream.flush()
                os.fsync(stream.fileno())
            _keep_mode(path, temp_name)
            _replace(temp_name, path)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            if isinstance(exc, OSError):
                raise _failure(path, exc) from None
            raise
    return path


def _replace(temp_name: str, path: Path) -> None:
    """``os.replace``, tried again briefly while another program holds the target."""
    for delay in LOCK_RETRY_DELAYS:
        try:
            os.replace(temp_name, path)
            return
        except PermissionError:
            time.sleep(delay)
    try:
        os.replace(temp_name, path)
    except PermissionError as exc:
        if path.is_file() and not _writable(path):  # Windows: a read-only file
            raise _failure(path, exc) from None
        raise OutputError(
            t("output.locked", path=str(path), name=path.name), file=str(path)
        ) from None


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def _failure(path: Path, exc: OSError) -> OutputError:
    """One line naming the file, what went wrong and what to do."""
    key = {
        errno.ENOSPC: "output.failed.no_space",
        errno.EACCES: "output.failed.denied",
        errno.EPERM: "output.failed.denied",
        errno.EROFS: "output.failed.read_only",
    }.get(exc.errno or 0, "output.failed")
    reason = exc.strerror or str(exc)
    return OutputError(t(key, path=str(path), reason=reason), file=str(path))


def _signal_names() -> list[signal.Signals]:
    # Windows has no SIGHUP; SIGINT is Python's KeyboardInterrupt already.
    return [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


@contextlib.contextmanager
def _signals_end_the_write() -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP end the process as SIGINT does: by an exception, so
    that the temporary file is removed and the previous output stays. Handlers are put back."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous: dict[signal.Signals, Any] = {}
    for signum in _signal_names():
        try:
            previous[signum] = signal.signal(signum, stop)
        except (ValueError, OSError):  # not the main thread: leave the signals alone
            break
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)


def _keep_mode(path: Path, temp_name: str) -> None:
    """mkstemp creates 0600 files; give the new file the old one's mode, or the umask's."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_name, mode)
