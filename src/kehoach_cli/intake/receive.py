"""``receive``: file forms by what they say, keep what they replace, journal every figure.

Each file named is copied into the results folder as ``<year>-<period>/<unit>.<ext>`` whatever
its own name; the original is only read. The order of the steps on disk, and what a crash
between two of them leaves, is in ``store``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from ..messages import t
from ..periods import Period
from ..plan.model import Plan
from ..problems import Problem, ProblemReport
from ..results.model import ResultFile
from ..results.validation import RESULT_SUFFIXES
from . import store
from .journal import JournalError, from_text, now_utc, open_for_write, to_text
from .locks import LockState, active_lock

Outcome = Literal["filed", "unchanged", "invalid", "unreadable", "locked"]


@dataclass(frozen=True)
class Receipt:
    """What became of one file handed to ``receive``."""

    source: str
    outcome: Outcome
    unit: str | None = None
    period: Period | None = None
    stored: Path | None = None
    sha256: str | None = None
    received_at: datetime | None = None
    valid: bool = False
    archived: tuple[Path, ...] = ()
    lock: LockState | None = None

    @property
    def refused(self) -> bool:
        return self.outcome in ("invalid", "unreadable", "locked")


@dataclass
class ReceiveOutcome:
    receipts: list[Receipt] = field(default_factory=list)
    problems: ProblemReport = field(default_factory=ProblemReport)

    @property
    def refused(self) -> bool:
        return any(r.refused for r in self.receipts)


@dataclass(frozen=True)
class Options:
    allow_invalid: bool = False
    reopen: bool = False


def receive_files(
    files: list[Path], results: Path, plan: Plan, options: Options = Options()
) -> ReceiveOutcome:
    """File each of ``files`` under ``results``, one after the other, under the journal's lock."""
    outcome = ReceiveOutcome()
    results.mkdir(parents=True, exist_ok=True)
    with open_for_write(results) as conn:
        store.settle(conn, results)
        for file in files:
            receipt, problems = _receive_one(conn, file, results, plan, options)
            outcome.receipts.append(receipt)
            outcome.problems.extend(problems)
    return outcome


def _receive_one(
    conn: sqlite3.Connection, source: Path, results: Path, plan: Plan, options: Options
) -> tuple[Receipt, list[Problem]]:
    shown = str(source)
    try:
        staged, sha = store.stage(source, results, _suffix_of(source))
    except OSError as exc:  # unreadable (locked by another program, no permission)
        from ..results.common import Where, problem

        found = problem("unreadable_file", Where(shown), reason=exc.strerror or str(exc))
        return Receipt(shown, "unreadable"), [found]
    try:
        result, problems = _read(staged, shown, plan)
        if result is None:
            return Receipt(shown, "unreadable"), problems
        valid = not any(p.severity == "error" for p in problems)
        base = Receipt(shown, "invalid", result.unit, result.period, sha256=sha, valid=valid)
        if not valid and not options.allow_invalid:
            return base, problems
        return _file(conn, results, staged, base, result, options), problems
    finally:
        staged.unlink(missing_ok=True)


def _with(base: Receipt, **changes: object) -> Receipt:
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


def _suffix_of(source: Path) -> str:
    """The file's own suffix when it is a results format, else .xlsx (the reader goes by bytes)."""
    suffix = source.suffix.lower()
    return suffix if suffix in RESULT_SUFFIXES else ".xlsx"


def _read(staged: Path, shown: str, plan: Plan) -> tuple[ResultFile | None, list[Problem]]:
    """The same reading and checks as ``kehoach validate FILE``, named as the user named it."""
    from ..results import read_result_file
    from ..results.checks import cross_check

    result, problems = read_result_file(staged, plan, display=shown)
    if result is not None:
        problems = problems + cross_check([result], plan)
    return result, problems


def _file(
    conn: sqlite3.Connection,
    results: Path,
    staged: Path,
    base: Receipt,
    result: ResultFile,
    options: Options,
) -> Receipt:
    assert base.sha256 is not None and base.unit is not None and base.period is not None
    # Unit codes are the plan's (pattern ^[a-z0-9][a-z0-9_-]*$): the target stays in the folder.
    target = results / store.folder_of(base.period) / f"{base.unit}{staged.suffix}"
    earlier = _earlier(conn, results, base.unit, base.period, target)
    for path, _, _ in earlier:
        if store.sha256_of(path) == base.sha256:  # sent twice: nothing to file, lock or not
            return _with(base, outcome="unchanged", stored=path)
    lock = active_lock(conn, base.period)
    if lock is not None and not options.reopen:
        return _with(base, outcome="locked", lock=lock)
    received_at = now_utc()
    moves = [
        (path, store.archive_name(results, base.period, base.unit, at, path.suffix), rid)
        for path, rid, at in earlier
    ]
    receipt_id = _record_pending(conn, results, base, target, received_at, result, moves)
    try:
        for path, archive, _ in moves:
            store.copy_into_archive(path, archive)
        for path, _, _ in moves:
            if path != target:  # dcnn.csv replaced by dcnn.xlsx: it is in the archive now
                path.unlink()
        store.put_in_place(staged, target, received_at)  # the last step that can fail
    except OSError as exc:  # Windows refuses to replace or remove a file open in Excel
        store.undo(conn, receipt_id, moves)
        where = exc.filename if isinstance(exc.filename, str) else str(target)
        reason = exc.strerror or str(exc)
        raise JournalError(t("intake.file_open", path=where, reason=reason)) from exc
    except BaseException:
        store.undo(conn, receipt_id, moves)
        raise
    store.finish(conn, results, receipt_id)
    archived = tuple(archive for _, archive, _ in moves)
    return _with(base, outcome="filed", stored=target, received_at=received_at, archived=archived)


def _earlier(
    conn: sqlite3.Connection, results: Path, unit: str, period: Period, target: Path
) -> list[tuple[Path, int | None, datetime]]:
    """The unit's current files for the period: (path, its receipt, when it came)."""
    rows = conn.execute(
        "SELECT id, stored_path, received_at FROM receipts WHERE state = 'done' "
        "AND archived_path IS NULL AND unit = ? AND period = ? ORDER BY id",
        (unit, period.id),
    ).fetchall()
    found: dict[Path, tuple[int | None, datetime]] = {}
    for receipt_id, stored, at in rows:
        path = results / stored
        if path.is_file():
            found[path] = _known_or_file_time(path, receipt_id, from_text(at))
    for path in store.unit_files(target.parent, unit):
        if path not in found:
            found[path] = (None, _file_time(path))
    return [(path, rid, at) for path, (rid, at) in found.items()]


def _known_or_file_time(
    path: Path, receipt_id: int, received_at: datetime
) -> tuple[int | None, datetime]:
    """A file still as it was received keeps its receive time (kehoach set it as the file's
    time); one changed by hand since is not that receipt any more."""
    file_time = _file_time(path)
    if abs((file_time - received_at).total_seconds()) < 2:  # FAT keeps 2-second times
        return receipt_id, received_at
    return None, file_time


def _file_time(path: Path) -> datetime:
    from datetime import timezone

    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)


def _record_pending(
    conn: sqlite3.Connection,
    results: Path,
    base: Receipt,
    target: Path,
    received_at: datetime,
    result: ResultFile,
    moves: list[tuple[Path, Path, int | None]],
) -> int:
    assert base.period is not None
    conn.execute("BEGIN IMMEDIATE")
    try:
        cursor = conn.execute(
            "INSERT INTO receipts (received_at, original_name, stored_path, sha256, unit, "
            "period, valid, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')",
            (
                to_text(received_at),
                Path(base.source).name,
                target.relative_to(results).as_posix(),
                base.sha256,
                base.unit,
                base.period.id,
                int(base.valid),
            ),
        )
        receipt_id = int(cursor.lastrowid or 0)
        insert_figures(conn, receipt_id, result)
        conn.executemany(
            "INSERT INTO moves (receipt_id, earlier_path, archive_path, earlier_receipt) "
            "VALUES (?, ?, ?, ?)",
            [(receipt_id, _rel(a, results), _rel(b, results), c) for a, b, c in moves],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return receipt_id


def _rel(path: Path, results: Path) -> str:
    return path.relative_to(results).as_posix()


def insert_figures(conn: sqlite3.Connection, receipt_id: int, result: ResultFile) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO figures (receipt_id, indicator, value, estimate) "
        "VALUES (?, ?, ?, ?)",
        [
            (
                receipt_id,
                v.code,
                None if v.value is None else str(v.value),
                int(v.estimate),
            )
            for v in result.values
        ],
    )
