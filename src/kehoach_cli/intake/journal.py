"""The journal: one SQLite file beside the results folder, of receipts, figures and period locks.

SQLite from the standard library is the embedded database the issue asks for: transactions,
durability and file locking that work the same on Windows and POSIX, with no server.

* The schema is versioned with ``PRAGMA user_version``; a journal made by a newer kehoach, or
  one SQLite cannot read, is refused with a message naming the file and the way out
  (``kehoach receive --rebuild``).
* Writers (``receive``, ``lock``, ``unlock``, ``--rebuild``) open it with
  ``locking_mode=EXCLUSIVE`` and ``BEGIN EXCLUSIVE``: the connection keeps SQLite's lock on the
  file until it is closed, across the several commits one receive makes, so two runs at once
  take turns (the second waits up to ``WAIT_SECONDS``). This is the lock on the folder: every
  change kehoach makes to a results folder goes through its journal. No ``fcntl`` and no lock
  file of our own to go stale after a crash: SQLite's lock dies with the process.
* Readers (``history``, ``status``, ``report``) open it read-only and see committed receipts
  only (``state = 'done'``).
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


@contextmanager
def open_for_write(
    results: Path, *, create: bool = True, journal: Path | None = None
) -> Iterator[sqlite3.Connection]:
    """The journal (``journal`` when given), created on first use, held exclusively until the
    block ends."""
    path = journal or journal_path(results)
    if not path.exists() and journal is None:
        if not create:
            raise JournalError(t("intake.journal_missing", path=str(path), results=str(results)))
        if is_lost(results):
            raise JournalError(t("intake.journal_lost", path=str(path), results=str(results)))
    conn = _guard(path, results, lambda: _exclusive(path))
    try:
        _guard(path, results, lambda: _take_lock(conn, path, results))
        yield conn
    finally:
        conn.close()


@contextmanager
def open_for_read(results: Path) -> Iterator[sqlite3.Connection | None]:
    """The journal held for reading, or None when there is none yet (folders filled by hand).

    A read transaction is open for the whole block: SQLite's shared lock keeps any receive
    from changing the folder while the caller reads it, so the journal and the files agree.
    A receipt left pending by a receive that died is settled first (a live receive holds the
    lock, so a pending receipt seen here is always a dead one's).
    """
    path = journal_path(results)
    if not path.is_file():
        yield None
        return
    conn = _connect(path, read_only=True)
    try:
        if _guard(path, results, lambda: _begin_read(conn, path, results)):
            conn.close()
            _settle(results)
            conn = _connect(path, read_only=True)
            _guard(path, results, lambda: _begin_read(conn, path, results))
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


def _settle(results: Path) -> None:
    from .store import settle

    with open_for_write(results) as conn:
        settle(conn, results)


def guarded(results: Path, action: Callable[[], T]) -> T:
    """Run ``action()`` turning SQLite's errors into a journal error that names the file."""
    return _guard(journal_path(results), results, action)


def _guard(path: Path, results: Path, action: Callable[[], T]) -> T:
    try:
        return action()
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


def _exclusive(path: Path) -> sqlite3.Connection:
    """A connection holding the journal's lock for good (until it is closed).

    In EXCLUSIVE locking mode a connection never gives back a lock it took, not even the shared
    lock of a ``BEGIN EXCLUSIVE`` that failed: retrying on the same connection would keep that
    shared lock and block the writer it waits for (both then wait out the timeout). So each
    try is a new connection, the failed one closed.
    """
    import time

    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        conn = _connect(path, read_only=False)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            conn.execute("BEGIN EXCLUSIVE")  # SQLite waits for another writer (the timeout)
            return conn
        except sqlite3.OperationalError:
            conn.close()
            # Two connections both starting on a brand-new file can be told "busy" at once,
            # without waiting (SQLite's deadlock rule): wait here instead, up to the same time.
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _take_lock(conn: sqlite3.Connection, path: Path, results: Path) -> None:
    """Within the exclusive transaction ``_exclusive`` began, make the schema of a new journal
    (or check an existing one's); the lock stays after the commit."""
    try:
        if not _check_schema(conn, path, results, allow_empty=True):
            for statement in _statements(_SCHEMA):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")  # in EXCLUSIVE locking mode the lock stays after the commit
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """A script's statements one by one (``executescript`` would commit, ending the lock's
    transaction); ``sqlite3.complete_statement`` knows where each ends, comments included."""
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
