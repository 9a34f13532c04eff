"""The journal: one SQLite file beside the results folder, of receipts, figures and period locks.

SQLite from the standard library is the embedded database the issue asks for: transactions,
durability and file locking that work the same on Windows and POSIX, with no server.

* The schema is versioned with ``PRAGMA user_version``; a journal made by a newer kehoach, or
  one SQLite cannot read, is refused with a message naming the file and the way out
  (``kehoach receive --rebuild``).
* Every command that changes a results folder (``receive``, ``lock``, ``unlock``,
  ``--rebuild``) or reads it with its journal (``history``, ``status``, ``report``) first takes
  the folder's lock: an OS file lock on ``<results>-nhat-ky.lock`` beside the journal
  (``folder_lock``). Two runs at once take turns, the second waiting up to ``WAIT_SECONDS``.
  The lock dies with its process, so a crash leaves no stale lock (at most the file).
  SQLite's own locks are not that lock: a receive commits several times (the receipt pending,
  then done) and must keep the folder between its commits; SQLite's EXCLUSIVE locking mode
  would, but two such connections starting at once deadlock inside ``BEGIN EXCLUSIVE`` (each
  keeps the shared lock it took first while its busy handler waits for the other's to go).
* Under the folder's lock every change is a short transaction: schema creation on first use
  included, so a journal is either empty or whole.
* Readers see committed receipts only (``state = 'done'``); one left ``pending`` by a receive
  that died is settled first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from ..errors import KehoachError
from ..messages import t

T = TypeVar("T")
SCHEMA_VERSION = 1
WAIT_SECONDS = 60.0
JOURNAL_SUFFIX = "-nhat-ky.sqlite"
LOCK_SUFFIX = "-nhat-ky.lock"

_SCHEMA = """
CREATE TABLE receipts (
    id INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL,      -- UTC, ISO 8601
    original_name TEXT NOT NULL,    -- the file as it arrived ("BC quy 2 DCNN final (1).xlsx")
    stored_path TEXT NOT NULL,      -- where it was filed, relative to the results folder
    archived_path TEXT,             -- where it went when a later submission replaced it
    sha256 TEXT NOT NULL,
    unit TEXT NOT NULL,
    period TEXT NOT NULL,           -- the period id: 2024Q2, 2024S1, 2024N9, 2024
    valid INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'done'))
);
CREATE INDEX receipts_unit_period ON receipts (unit, period);
CREATE TABLE figures (
    receipt_id INTEGER NOT NULL REFERENCES receipts (id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    value TEXT,                     -- the exact decimal as text; NULL: the cell was left empty
    estimate INTEGER NOT NULL,      -- 1: an estimate ("ước"), 0: a final figure
    PRIMARY KEY (receipt_id, indicator)
);
CREATE INDEX figures_indicator ON figures (indicator);
CREATE TABLE moves (                -- a pending receipt's copies into the archive
    receipt_id INTEGER NOT NULL REFERENCES receipts (id) ON DELETE CASCADE,
    earlier_path TEXT NOT NULL,
    archive_path TEXT NOT NULL,
    earlier_receipt INTEGER
);
CREATE TABLE locks (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('lock', 'unlock')),
    at TEXT NOT NULL,               -- UTC, ISO 8601
    by TEXT NOT NULL,
    reason TEXT,
    last_receipt INTEGER NOT NULL   -- receipts up to this id came before the lock
);
CREATE TABLE lock_files (           -- the files a locked period's report read: its figures
    lock_id INTEGER NOT NULL REFERENCES locks (id) ON DELETE CASCADE,
    path TEXT NOT NULL,             -- where it was, relative to the results folder
    sha256 TEXT NOT NULL            -- found again by its bytes once moved to the archive
);
"""
_TABLES = {"receipts", "figures", "moves", "locks", "lock_files"}


class JournalError(KehoachError):
    """The journal cannot be used: missing, damaged, newer, or busy (the message says which)."""


def journal_path(results: Path) -> Path:
    """The journal of a results folder, one file beside it.

    >>> journal_path(Path("data") / "results").as_posix()
    'data/results-nhat-ky.sqlite'
    """
    name = results.name or results.resolve().name
    return results.parent / f"{name}{JOURNAL_SUFFIX}"


def is_lost(results: Path) -> bool:
    """No journal, yet the folder has the archive only ``receive`` makes: it was lost."""
    from ..results.validation import ARCHIVE_DIR

    return not journal_path(results).exists() and (results / ARCHIVE_DIR).is_dir()


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def to_text(moment: datetime) -> str:
    """A moment as stored: UTC ISO 8601 with microseconds (sorts as text)."""
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text)


def lock_path(results: Path) -> Path:
    """The lock file of a results folder, beside its journal.

    >>> lock_path(Path("data") / "results").as_posix()
    'data/results-nhat-ky.lock'
    """
    name = results.name or results.resolve().name
    return results.parent / f"{name}{LOCK_SUFFIX}"


@contextmanager
def folder_lock(results: Path) -> Iterator[None]:
    """The results folder's lock, held until the block ends; waits up to ``WAIT_SECONDS``.

    ``filelock`` rather than a hand-written ``msvcrt``/``fcntl`` lock: it is the maintained
    cross-platform OS lock (Windows' own byte-range lock there, ``flock`` elsewhere), tested on
    Windows by its CI, where the officer works and this project's tests do not run; it handles
    that platform's cases (a lock file being removed while opened, a read-only file) that a
    hand-written one would meet there first. Two ``folder_lock`` of one folder in one thread
    would wait for each other: no caller nests them.
    """
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(results), timeout=WAIT_SECONDS)
    try:
        lock.acquire()
    except Timeout as exc:  # a TimeoutError, so an OSError: first
        path = journal_path(results)
        raise JournalError(
            t("intake.journal_busy", path=str(path), seconds=int(WAIT_SECONDS))
        ) from exc
    except OSError as exc:  # the folder beside the results cannot be written
        where = exc.filename if isinstance(exc.filename, str) else str(lock_path(results))
        reason = exc.strerror or str(exc)
        raise JournalError(t("intake.lock_unwritable", path=where, reason=reason)) from exc
    try:
        yield
    finally:
        lock.release()


@contextmanager
def open_for_write(results: Path, *, create: bool = True) -> Iterator[sqlite3.Connection]:
    """The journal, created on first use, with the folder's lock held until the block ends."""
    path = journal_path(results)
    with folder_lock(results):
        if not path.exists() and not create:
            raise JournalError(t("intake.journal_missing", path=str(path), results=str(results)))
        if not path.exists() and is_lost(results):
            raise JournalError(t("intake.journal_lost", path=str(path), results=str(results)))
        with writer(path, results) as conn:
            yield conn


@contextmanager
def writer(path: Path, results: Path) -> Iterator[sqlite3.Connection]:
    """A connection to the journal ``path`` of ``results``, its schema made or checked.

    The caller holds ``folder_lock(results)``: no other kehoach command uses the journal
    meanwhile, so each change is its own short transaction (``BEGIN IMMEDIATE … COMMIT``).
    """
    with _journal_errors(path, results):  # a page found damaged in the caller's block too
        conn = _connect(path, read_only=False)
        try:
            _make_schema(conn, path, results)
            yield conn
        finally:
            conn.close()


@contextmanager
def open_for_read(results: Path) -> Iterator[sqlite3.Connection | None]:
    """The journal held for reading, or None when there is none yet (folders filled by hand).

    The folder's lock is held for the whole block, so no receive changes the folder while the
    caller reads it and the journal and the files agree. A receipt left pending is settled
    first: a live receive would hold the lock, so a pending receipt seen here is a dead one's.
    """
    from .store import settle

    path = journal_path(results)
    if not path.is_file():
        yield None
        return
    with folder_lock(results), _journal_errors(path, results):
        conn = _connect(path, read_only=True)
        try:
            if _begin_read(conn, path, results):
                conn.execute("ROLLBACK")
                settle(conn, results)
                _begin_read(conn, path, results)
            yield conn
        finally:
            conn.close()


def _begin_read(conn: sqlite3.Connection, path: Path, results: Path) -> bool:
    """Take the shared lock; True when a receipt is pending."""
    conn.execute("BEGIN")
    _check_schema(conn, path, results, allow_empty=False)
    return (
        conn.execute("SELECT 1 FROM receipts WHERE state = 'pending' LIMIT 1").fetchone()
        is not None
    )


def guarded(results: Path, action: Callable[[], T]) -> T:
    """Run ``action()`` turning SQLite's errors into a journal error that names the file."""
    return _guard(journal_path(results), results, action)


def _guard(path: Path, results: Path, action: Callable[[], T]) -> T:
    with _journal_errors(path, results):
        return action()


@contextmanager
def _journal_errors(path: Path, results: Path) -> Iterator[None]:
    """SQLite's errors in the block, as a journal error that names the file and the way out."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise JournalError(
                t("intake.journal_busy", path=str(path), seconds=int(WAIT_SECONDS))
            ) from exc
        raise _damaged(path, results, exc) from exc
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, results, exc) from exc


def _damaged(path: Path, results: Path, exc: Exception) -> JournalError:
    return JournalError(
        t("intake.journal_damaged", path=str(path), reason=str(exc), results=str(results))
    )


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        # "rw", not "ro": a reader may have to roll back what a crashed writer left (a hot
        # rollback journal), which a read-only connection cannot do. It never creates the file.
        uri = path.resolve().as_uri() + "?mode=rw"
        conn = sqlite3.connect(uri, uri=True, timeout=WAIT_SECONDS, isolation_level=None)
    else:
        conn = sqlite3.connect(path, timeout=WAIT_SECONDS, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _make_schema(conn: sqlite3.Connection, path: Path, results: Path) -> None:
    """Make the schema of a new journal, or check an existing one's, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not _check_schema(conn, path, results, allow_empty=True):
            for statement in _statements(_SCHEMA):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """A script's statements one by one (``executescript`` would commit first, outside the
    schema's transaction); ``sqlite3.complete_statement`` knows where each ends, comments
    included."""
    found: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending)
            pending = ""
    return found


def _check_schema(
    conn: sqlite3.Connection, path: Path, results: Path, *, allow_empty: bool
) -> bool:
    """True for a journal of this version; False for an empty new file (when allowed)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if version == 0 and not tables and allow_empty:
        return False
    if version > SCHEMA_VERSION:
        raise JournalError(
            t("intake.journal_newer", path=str(path), version=version, known=SCHEMA_VERSION)
        )
    if version != SCHEMA_VERSION or not _TABLES <= tables:
        raise _damaged(path, results, ValueError(t("intake.journal_not_ours")))
    return True
