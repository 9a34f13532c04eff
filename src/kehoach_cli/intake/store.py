"""The files of a receipt on disk: staging, the archive, and settling an interrupted receive.

A receive changes the folder in an order where every step can be undone or finished:

1. the incoming file is copied (and hashed) into a hidden staging file inside the results folder;
2. the receipt is committed to the journal as ``pending``, with the archive copies it will make;
3. each earlier submission is *copied* into the archive (its original stays in place);
4. earlier files under another name (``dcnn.csv`` replaced by ``dcnn.xlsx``) are removed;
5. the staging file is renamed over the target (``os.replace``: atomic on Windows and POSIX);
6. the receipt is marked ``done``.

``settle`` runs before every write and before any read of a journalled folder: a pending receipt
whose target already holds the new bytes is finished (step 6), any other is undone (a removed
file comes back from its archive copy, the other copies are removed, its row deleted), so a
crash leaves the old state or the new one, never half of a form. A failure of steps 3–5 (a file
open in Excel on Windows) is undone the same way at once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from ..periods import Period
from ..results.validation import ARCHIVE_DIR, RESULT_SUFFIXES

STAGE_PREFIX = ".kehoach-nhan-"
_CHUNK = 1 << 20


def folder_of(period: Period) -> str:
    """The sub-folder of a period: ``2024-q2``, ``2024-h1``, ``2024-year``."""
    return f"{period.year}-{period.key}"


def stage(source: Path, results: Path, suffix: str) -> tuple[Path, str]:
    """Copy ``source`` into a hidden file of ``results``; its path and the sha256 of its bytes."""
    digest = hashlib.sha256()
    handle, name = tempfile.mkstemp(prefix=STAGE_PREFIX, suffix=suffix, dir=results)
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as incoming:
            for chunk in iter(lambda: incoming.read(_CHUNK), b""):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name), digest.hexdigest()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def stamp(moment: datetime) -> str:
    r"""A receive time for a file name, local time with its offset, legal on Windows.

    >>> import re
    >>> bool(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d[+-]\d{4}", stamp(datetime.now())))
    True
    """
    return moment.astimezone().strftime("%Y-%m-%dT%H-%M-%S%z")


def archive_name(results: Path, period: Period, unit: str, moment: datetime, suffix: str) -> Path:
    """``_luu-tru/2024-q2/dcnn.2024-07-05T10-15-30+0700.xlsx``, numbered when taken."""
    folder = results / ARCHIVE_DIR / folder_of(period)
    base = f"{unit}.{stamp(moment)}"
    candidate = folder / f"{base}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{suffix}"
        number += 1
    return candidate


def unit_files(folder: Path, unit: str) -> list[Path]:
    """Files named after ``unit`` in a period folder, any results format."""
    candidates = [folder / f"{unit}{suffix}" for suffix in sorted(RESULT_SUFFIXES)]
    return [path for path in candidates if path.is_file()]


def copy_into_archive(earlier: Path, archive: Path) -> None:
    """Copy a file into the archive; the copy appears whole or not at all."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=STAGE_PREFIX, suffix=archive.suffix, dir=archive.parent)
    os.close(handle)
    try:
        shutil.copy2(earlier, name)  # keeps the file's time: it says when that version came
        with open(name, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(name, archive)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def put_in_place(staged: Path, target: Path, received_at: datetime) -> None:
    """The staged file becomes the target in one rename; its time is the receive time."""
    moment = received_at.timestamp()
    os.utime(staged, (moment, moment))
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, target)


def settle(conn: sqlite3.Connection, results: Path) -> None:
    """Finish or undo every receipt a crash left pending; remove stray staging files."""
    pending = conn.execute(
        "SELECT id, stored_path, sha256 FROM receipts WHERE state = 'pending'"
    ).fetchall()
    for receipt_id, stored, sha in pending:
        target = results / stored
        done = target.is_file() and sha256_of(target) == sha
        moves = moves_of(conn, results, receipt_id)
        if done:
            for earlier, archive, _ in moves:
                if earlier != target and earlier.is_file():
                    if not archive.exists():
                        copy_into_archive(earlier, archive)
                    earlier.unlink()
            finish(conn, results, receipt_id)
        else:
            undo(conn, receipt_id, moves)
    remove_strays(results)


def remove_strays(results: Path) -> None:
    """Remove half-written copies a crash left: never renamed into place, so never read."""
    strays = [*results.glob(f"{STAGE_PREFIX}*"), *(results / ARCHIVE_DIR).rglob(f"{STAGE_PREFIX}*")]
    for stray in strays:
        stray.unlink(missing_ok=True)


def moves_of(
    conn: sqlite3.Connection, results: Path, receipt_id: int
) -> list[tuple[Path, Path, int | None]]:
    """A pending receipt's archive copies: (earlier file, its archive copy, its receipt)."""
    rows = conn.execute(
        "SELECT earlier_path, archive_path, earlier_receipt FROM moves WHERE receipt_id = ?",
        (receipt_id,),
    ).fetchall()
    return [(results / a, results / b, c) for a, b, c in rows]


def finish(conn: sqlite3.Connection, results: Path, receipt_id: int) -> None:
    """Mark a receipt done: the earlier receipts now live in the archive."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for _, archive, earlier_receipt in moves_of(conn, results, receipt_id):
            if earlier_receipt is not None:
                conn.execute(
                    "UPDATE receipts SET archived_path = ? WHERE id = ?",
                    (archive.relative_to(results).as_posix(), earlier_receipt),
                )
        conn.execute("DELETE FROM moves WHERE receipt_id = ?", (receipt_id,))
        conn.execute("UPDATE receipts SET state = 'done' WHERE id = ?", (receipt_id,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def undo(
    conn: sqlite3.Connection, receipt_id: int, moves: list[tuple[Path, Path, int | None]]
) -> None:
    """Take back an unfinished receipt: an earlier file already removed comes back from its
    archive copy, the other copies are removed (their originals are in place)."""
    for earlier, archive, _ in moves:
        if not archive.is_file():
            continue
        if earlier.is_file():
            archive.unlink()
        else:
            os.replace(archive, earlier)
    conn.execute("DELETE FROM receipts WHERE id = ?", (receipt_id,))
