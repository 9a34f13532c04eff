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
    """The last lock event of a period: who, when, why, and the receipts it saw."""

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
        "SELECT period, action, at, by, reason, last_receipt FROM locks ORDER BY id"
    ).fetchall()
    return [
        LockState(parse_period(p), a, from_text(at), by, reason, last)
        for p, a, at, by, reason, last in rows
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
        state = LockState(period, action, now_utc(), by, reason, int(last))
        lines = _mirror_lines(results) + [json.dumps(_mirror(state), ensure_ascii=False)]
        archive = results / ARCHIVE_DIR
        archive.mkdir(parents=True, exist_ok=True)
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "INSERT INTO locks (period, action, at, by, reason, last_receipt) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (period.id, action, to_text(state.at), by, reason, state.last_receipt),
            )
            write_atomic(archive / LOCKS_FILE, "\n".join(lines) + "\n")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return state, before


def _own_state(conn: sqlite3.Connection, period: Period) -> LockState | None:
    found = [e for e in _events(conn) if e.period == period]
    return found[-1] if found else None


def _mirror(state: LockState) -> dict[str, Any]:
    return {
        "period": state.period.id,
        "action": state.action,
        "at": to_text(state.at),
        "by": state.by,
        "reason": state.reason,
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
        if item.get("action") in ("lock", "unlock"):
            events.append(item)
    return events


def current_user() -> str:
    """Who is running kehoach (the Windows or POSIX login name), for the lock's record."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment (some services): say so plainly
        return "?"
