"""What the journal tells the other commands: versions of figures, receive times, locked sets."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..numbers import json_number
from ..periods import Period, parse_period
from .journal import from_text, guarded, open_for_read
from .locks import LockState, active_lock

if TYPE_CHECKING:
    from ..report.revisions import Revision


@dataclass(frozen=True)
class Version:
    """One version of one figure: what a receipt brought for an indicator."""

    indicator: str
    period: Period
    unit: str
    value: Decimal | None
    estimate: bool
    received_at: datetime
    file: str  # where this version's file is now (the archive once replaced)
    original_name: str
    sha256: str
    valid: bool
    previous_value: Decimal | None
    first: bool  # no earlier version

    @property
    def change(self) -> Decimal | None:
        if self.first or self.value is None or self.previous_value is None:
            return None
        return self.value - self.previous_value

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "period": self.period.id,
            "unit": self.unit,
            "value": json_number(self.value),
            "estimate": self.estimate,
            "received_at": self.received_at.astimezone().isoformat(timespec="seconds"),
            "file": self.file,
            "sha256": self.sha256,
            "previous_value": json_number(self.previous_value),
            "original_name": self.original_name,
            "valid": self.valid,
        }


def estimate_revisions(found: list[Version], unit_name: Callable[[str], str]) -> list[Revision]:
    """Each figure whose latest version is final and replaced an estimate of the same period
    with another value (#16): the last estimate → the final figure. ``found`` as ``versions``
    gives them (each figure's versions in the order received)."""
    from ..report.revisions import Revision

    by_figure: dict[tuple[str, str, str], list[Version]] = {}
    for version in found:
        by_figure.setdefault((version.indicator, version.period.id, version.unit), []).append(
            version
        )
    revisions: list[Revision] = []
    for versions_of in by_figure.values():
        latest = versions_of[-1]
        estimates = [v.value for v in versions_of[:-1] if v.estimate and v.value is not None]
        if latest.estimate or latest.value is None or not estimates:
            continue
        if estimates[-1] == latest.value:
            continue  # confirmed as it was: "đạt" instead of "ước đạt" says it
        revisions.append(
            Revision(
                indicator=latest.indicator,
                period=latest.period,
                unit=latest.unit,
                unit_name=unit_name(latest.unit),
                estimate=estimates[-1],
                final=latest.value,
                file=latest.file,
            )
        )
    return revisions


@dataclass(frozen=True)
class Filter:
    indicator: str | None = None
    unit: str | None = None
    period: Period | None = None


def versions(results: Path, where: Filter = Filter()) -> list[Version] | None:
    """Every version of each figure, oldest first; None when the folder has no journal."""
    with open_for_read(results) as conn:
        if conn is None:
            return None
        rows = guarded(results, lambda: _rows(conn, where))
    found: list[Version] = []
    last: dict[tuple[str, str, str], Decimal | None] = {}
    for row in rows:
        indicator, period_id, unit, value, estimate, at, stored, archived = row[:8]
        key = (indicator, period_id, unit)
        amount = None if value is None else Decimal(value)
        found.append(
            Version(
                indicator=indicator,
                period=parse_period(period_id),
                unit=unit,
                value=amount,
                estimate=bool(estimate),
                received_at=from_text(at),
                file=str(results / (archived or stored)),
                original_name=row[8],
                sha256=row[9],
                valid=bool(row[10]),
                previous_value=last.get(key),
                first=key not in last,
            )
        )
        last[key] = amount
    found.sort(key=lambda v: (v.period.sort_key, v.indicator, v.unit, v.received_at))
    return found


def _rows(conn: sqlite3.Connection, where: Filter) -> list[tuple[Any, ...]]:
    sql = (
        "SELECT f.indicator, r.period, r.unit, f.value, f.estimate, r.received_at, "
        "r.stored_path, r.archived_path, r.original_name, r.sha256, r.valid "
        "FROM figures f JOIN receipts r ON r.id = f.receipt_id WHERE r.state = 'done'"
    )
    params: list[str] = []
    if where.indicator:
        sql += " AND f.indicator = ?"
        params.append(where.indicator)
    if where.unit:
        sql += " AND r.unit = ?"
        params.append(where.unit)
    if where.period:
        sql += " AND r.period = ?"
        params.append(where.period.id)
    return conn.execute(sql + " ORDER BY r.id", params).fetchall()


def receive_times(conn: sqlite3.Connection, results: Path) -> dict[str, datetime]:
    """The receive time of each file in the folder that is still as it was received, keyed
    as ``load_results`` names files (``str(results / "2024-q2/dcnn.xlsx")``); local time."""
    rows = conn.execute(
        "SELECT stored_path, received_at FROM receipts "
        "WHERE state = 'done' AND archived_path IS NULL"
    ).fetchall()
    times: dict[str, datetime] = {}
    for stored, at in rows:
        path = results / stored
        received = from_text(at)
        try:
            file_time = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
        except OSError:
            continue
        if abs((file_time - received).total_seconds()) < 2:  # not replaced by hand since
            times[str(path)] = received.astimezone().replace(tzinfo=None)
    return times


@dataclass(frozen=True)
class LockedSources:
    """The files a report of a locked period reads, and what came after the lock."""

    lock: LockState
    files: list[Path]
    later: int  # receipts after the lock for periods the report covers
    missing: list[str]  # files the journal names that are no longer on disk


def locked_sources(conn: sqlite3.Connection, results: Path, period: Period) -> LockedSources | None:
    """For a locked period, the files as they stood at the lock (found by their sha256 where
    they are now: in place, or in the archive); None when the period is not locked."""
    lock = active_lock(conn, period)
    if lock is None:
        return None
    wanted = conn.execute(
        "SELECT path, sha256 FROM lock_files WHERE lock_id = ? ORDER BY path", (lock.id,)
    ).fetchall()
    finder = _ByContent(conn, results)
    files: list[Path] = []
    missing: list[str] = []
    for relative, sha in wanted:
        found = finder.find(results / relative, sha)
        if found is None:
            missing.append(str(results / relative))
        else:
            files.append(found)
    later = sum(
        1
        for (period_id,) in conn.execute(
            "SELECT period FROM receipts WHERE state = 'done' AND id > ?", (lock.last_receipt,)
        )
        if _feeds(parse_period(period_id), period)
    )
    return LockedSources(lock, files, later, missing)


class _ByContent:
    """Finds a file by its sha256: where it was, where the journal says it went, the archive."""

    def __init__(self, conn: sqlite3.Connection, results: Path) -> None:
        self.results = results
        rows = conn.execute(
            "SELECT sha256, COALESCE(archived_path, stored_path) FROM receipts WHERE state = 'done'"
        ).fetchall()
        self.known: dict[str, list[Path]] = {}
        for sha, where in rows:
            self.known.setdefault(sha, []).append(results / where)
        self.archive: dict[str, Path] | None = None

    def find(self, place: Path, sha: str) -> Path | None:
        from .store import sha256_of

        for candidate in [place, *self.known.get(sha, [])]:
            if self._inside(candidate) and candidate.is_file() and sha256_of(candidate) == sha:
                return candidate
        if self.archive is None:  # a form filed by hand has no receipt: look at every copy
            from ..results.validation import ARCHIVE_DIR

            folder = self.results / ARCHIVE_DIR
            copies = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
            self.archive = {sha256_of(p): p for p in copies if p.suffix != ".jsonl"}
        return self.archive.get(sha)

    def _inside(self, path: Path) -> bool:
        return path.resolve().is_relative_to(self.results.resolve())


def _feeds(file_period: Period, period: Period) -> bool:
    """A file of this period is read by a report of ``period`` (same year, not after it)."""
    return file_period.year == period.year and file_period.end_quarter <= period.end_quarter
