"""Writing output files safely: whole or not at all, and never over an input file.

``write_atomic`` writes to a temporary file in the target's folder and then ``os.replace``-s it
over the target, so a reader (or a crash) never sees half a report and an old report stays
until the new one is complete. ``inputs`` are files the run read (the plan, results): writing
over one of them is refused, however it is spelled (symlinks and relative paths resolved).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError
from ..messages import t

__all__ = ["check_not_input", "write_atomic"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


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

    Raises ``OutputError`` (a usage error, exit 2) when the target is an input file or a folder,
    its folder does not exist, or the file cannot be written. Returns the target path.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", "xin chào").read_text(encoding="utf-8")
    'xin chào'
    >>> sorted(p.name for p in folder.iterdir())  # no temporary file left behind
    ['a.txt']
    """
    path = Path(target)
    inputs = list(inputs)
    check_not_input(path, inputs)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(t("output.no_folder", path=str(folder)), file=str(path))
    pieces: Iterable[bytes | str] = (data,) if isinstance(data, (bytes, str)) else data
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            t("output.failed", path=str(path), reason=exc.strerror or str(exc)), file=str(path)
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            for piece in pieces:
                stream.write(piece.encode(encoding) if isinstance(piece, str) else piece)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(path, temp_name)
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise OutputError(
            t("output.failed", path=str(path), reason=exc.strerror or str(exc)), file=str(path)
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return path


def _keep_mode(path: Path, temp_name: str) -> None:
    """mkstemp creates 0600 files; give the new file the old one's mode, or the umask's."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_name, mode)
