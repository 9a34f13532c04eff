"""Period locks: a period whose report was issued takes no new form unless reopened.

A lock names a period; it covers every period with the same year and end quarter (the Q2 report
and the 6-month report are one submission, ``report.submissions.covers``). Lock and unlock are
events in the journal, never deleted, and are also written to ``_luu-tru/khoa-ky.jsonl`` so that
``receive --rebuild`` can restore them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ..periods import Period, parse_period
from ..results.validation import ARCHIVE_DIR
from .journal import from_text, now_utc, open_for_write, to_text

LOCKS_FILE = "khoa-ky.jsonl"
Action = Literal["lock", "unlock"]


@dataclass(frozen=True)
class LockState:
    """A lock event of a period: who, when, why, and the receipts it saw."""

    id: int
    period: Period
    action: Action
    at: datetime
    by: str
    reason: str | None
    last_receipt: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.id,
            "action": self.action,
            "at": self.at.astimezone().isoformat(timespec="seconds"),
            "by": self.by,
            "reason": self.reason,
        }


def _covers(a: Period, b: Period) -> bool:
    from ..report.submissions import covers

    return covers(a, b)


def active_lock(conn: sqlite3.Connection, period: Period) -> LockState | None:
    """The lock in force over ``period``, if any (the latest event of each period counts)."""
    latest: dict[str, LockState] = {}
    for event in _events(conn):
        latest[event.period.id] = event
    held = [s for s in latest.values() if s.action == "lock" and _covers(s.period, period)]
    return max(held, key=lambda s: s.at) if held else None


def _events(conn: sqlite3.Connection) -> list[LockState]:
    rows = conn.execute(
        "SELECT id, period, action, at, by, reason, last_receipt FROM locks ORDER BY id"
    ).fetchall()
    return [
        LockState(i, parse_period(p), a, from_text(at), by, reason, last)
        for i, p, a, at, by, reason, last in rows
    ]


def set_lock(
    results: Path, period: Period, action: Action, by: str, reason: str | None
) -> tuple[LockState, LockState | None]:
    """Record a lock or unlock event; the new state and the one it replaced."""
    from ..safety.output import write_atomic
    from . import store

    with open_for_write(results) as conn:
        store.settle(conn, results)
        before = _own_state(conn, period)
        last = conn.execute("SELECT COALESCE(MAX(id), 0) FROM receipts").fetchone()[0]
        state = LockState(0, period, action, now_utc(), by, reason, int(last))
        files = snapshot(results) if action == "lock" else []
        mirrored = _mirror(state, files)
        lines = _mirror_lines(results) + [json.dumps(mirrored, ensure_ascii=False)]
        archive = results / ARCHIVE_DIR
        archive.mkdir(parents=True, exist_ok=True)
        conn.execute("BEGIN IMMEDIATE")
        try:
            record(conn, mirrored, state.last_receipt)
            write_atomic(archive / LOCKS_FILE, "\n".join(lines) + "\n")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return state, before


def _own_state(conn: sqlite3.Connection, period: Period) -> LockState | None:
    found = [e for e in _events(conn) if e.period == period]
    return found[-1] if found else None


def snapshot(results: Path) -> list[tuple[str, str]]:
    """Every results file of the folder now, (relative path, sha256): what a report reads."""
    from ..results.validation import expand_paths
    from .store import sha256_of

    return [
        (path.relative_to(results).as_posix(), sha256_of(path)) for path in expand_paths([results])
    ]


def record(conn: sqlite3.Connection, event: dict[str, Any], last_receipt: int) -> None:
    """Insert a lock event (as mirrored) and, for a lock, its files."""
    cursor = conn.execute(
        "INSERT INTO locks (period, action, at, by, reason, last_receipt) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (event["period"], event["action"], event["at"], event.get("by") or "?",
         event.get("reason"), last_receipt),
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO lock_files (lock_id, path, sha256) VALUES (?, ?, ?)",
        [(cursor.lastrowid, path, sha) for path, sha in event.get("files") or []],
    )


def _mirror(state: LockState, files: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "period": state.period.id,
        "action": state.action,
        "at": to_text(state.at),
        "by": state.by,
        "reason": state.reason,
        "files": [list(item) for item in files],
    }


def _mirror_lines(results: Path) -> list[str]:
    path = results / ARCHIVE_DIR / LOCKS_FILE
    if not path.is_file():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def mirrored_events(results: Path) -> list[dict[str, Any]]:
    """The lock events kept beside the archive (for ``--rebuild``); unreadable lines skipped."""
    events: list[dict[str, Any]] = []
    for line in _mirror_lines(results):
        try:
            item = json.loads(line)
            parse_period(str(item["period"]))
            from_text(str(item["at"]))
        except (ValueError, KeyError, TypeError):
            continue
        if item.get("action") in ("lock", "unlock") and _pairs(item.get("files") or []):
            events.append(item)
    return events


def _pairs(files: object) -> bool:
    """A lock's files as mirrored: a list of [relative path, sha256]."""
    return isinstance(files, list) and all(
        isinstance(f, list) and len(f) == 2 and all(isinstance(x, str) for x in f) for f in files
    )


def current_user() -> str:
    """Who is running kehoach (the Windows or POSIX login name), for the lock's record."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment (some services): say so plainly
        return "?"
