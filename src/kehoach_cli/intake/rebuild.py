"""``receive --rebuild``: a new journal from the results folder, its archive and its lock file.

What the files still say is recovered: each version's unit, period, figures, sha256 and receive
time (the archive name's time for earlier versions, the file's time for current ones — kehoach
sets it to the receive time). What only the old journal knew is not: the name a file arrived
under (the stored name is used). The old journal, if any, is kept beside the new one.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..plan.model import Plan
from ..results.validation import ARCHIVE_DIR, RESULT_SUFFIXES, expand_paths
from . import store
from .journal import JournalError, folder_lock, guarded, journal_path, to_text, writer
from .receive import insert_figures

_STAMP = re.compile(r"\.(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}[+-]\d{4})(?:-\d+)?$")


@dataclass
class RebuildOutcome:
    journal: Path
    receipts: int = 0
    locks: int = 0
    skipped: list[str] = field(default_factory=list)  # files that are no unit's form
    kept_old: Path | None = None


def rebuild(results: Path, plan: Plan) -> RebuildOutcome:
    """Write a new journal for ``results``; the old one (damaged or not) is renamed, not lost."""
    from ..errors import InputFileNotFound
    from ..messages import t

    if not results.is_dir():
        raise InputFileNotFound(t("intake.results_not_found", path=str(results)))
    target = journal_path(results)
    outcome = RebuildOutcome(journal=target)
    # The new journal is built under a hidden name beside the real one, then renamed over it,
    # all under the folder's lock: no receive files a form meanwhile, no reader has it open.
    scratch = target.with_name(f".{target.name}.moi")
    with folder_lock(results):
        _settle_old(target, results)
        _remove(scratch)
        with writer(scratch, results) as conn:
            _fill(conn, results, plan, outcome)
        if target.exists():
            outcome.kept_old = target.with_name(f"{target.name}.cu-{store.stamp(_now())}")
            os.replace(target, outcome.kept_old)
        os.replace(scratch, target)
    return outcome


def _settle_old(target: Path, results: Path) -> None:
    """A receive that died left the folder half-changed: an old journal that can still be read
    settles it first, so the rebuilt one sees the old state or the new (a damaged one cannot:
    the folder is read as it is, less the half-written copies no version ever was)."""
    if target.is_file():
        try:
            with writer(target, results) as conn:
                guarded(results, lambda: store.settle(conn, results))
        except JournalError:
            pass
    store.remove_strays(results)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _remove(path: Path) -> None:
    for extra in ("", "-journal"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def _versions(results: Path) -> list[tuple[datetime, Path, bool]]:
    """Every version on disk: (receive time, file, archived?), oldest first."""
    found: list[tuple[datetime, Path, bool]] = []
    archive = results / ARCHIVE_DIR
    if archive.is_dir():
        for path in sorted(archive.rglob("*")):
            if path.is_file() and path.suffix.lower() in RESULT_SUFFIXES:
                if not path.name.startswith("."):
                    found.append((_archived_time(path), path, True))
    for path in expand_paths([results]):
        found.append((_file_time(path), path, False))
    found.sort(key=lambda item: item[0])
    return found


def _archived_time(path: Path) -> datetime:
    match = _STAMP.search(path.stem)
    if match:
        return datetime.strptime(match.group(1), "%Y-%m-%dT%H-%M-%S%z").astimezone(timezone.utc)
    return _file_time(path)


def _file_time(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)


def _fill(conn: sqlite3.Connection, results: Path, plan: Plan, outcome: RebuildOutcome) -> None:
    from ..results import read_result_file
    from ..results.checks import cross_check

    conn.execute("BEGIN IMMEDIATE")
    for moment, path, archived in _versions(results):
        if path.name == "khoa-ky.jsonl":
            continue
        result, problems = read_result_file(path, plan, display=str(path))
        if result is None or result.period is None:
            outcome.skipped.append(str(path))
            continue
        problems = problems + cross_check([result], plan)
        stored = f"{store.folder_of(result.period)}/{result.unit}{path.suffix.lower()}"
        cursor = conn.execute(
            "INSERT INTO receipts (received_at, original_name, stored_path, archived_path, "
            "sha256, unit, period, valid, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'done')",
            (
                to_text(moment),
                path.name,
                stored if archived else path.relative_to(results).as_posix(),
                path.relative_to(results).as_posix() if archived else None,
                store.sha256_of(path),
                result.unit,
                result.period.id,
                int(not any(p.severity == "error" for p in problems)),
            ),
        )
        insert_figures(conn, int(cursor.lastrowid or 0), result)
        outcome.receipts += 1
    outcome.locks = _restore_locks(conn, results)
    conn.execute("COMMIT")


def _restore_locks(conn: sqlite3.Connection, results: Path) -> int:
    from .locks import mirrored_events, record

    events = mirrored_events(results)
    for event in events:
        last = conn.execute(
            "SELECT COALESCE(MAX(id), 0) FROM receipts WHERE received_at <= ?", (event["at"],)
        ).fetchone()[0]
        record(conn, event, int(last))
    return len(events)
