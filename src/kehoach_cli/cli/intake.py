"""Reading a results folder for ``report`` and ``status``, with its journal when it has one.

Both commands keep working without a journal (folders filled by hand); a damaged or lost
journal is reported on stderr and the folder is read as it is.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..messages import get_lang, t
from ..periods import Period

if TYPE_CHECKING:
    from ..plan.model import Plan
    from ..problems import ProblemReport
    from ..report.revisions import Revision
    from ..results.model import ResultSet

Loaded = tuple["ResultSet", "ProblemReport", dict[str, datetime]]


def load_folder(folder: Path, plan: Plan, locked_period: Period | None = None) -> Loaded:
    """``load_results`` of the folder and the receive times the journal knows; with
    ``locked_period`` locked, the files as they stood at the lock instead (with notes).

    The journal is held for reading meanwhile, so that no receive changes the folder under it.
    """
    from ..intake.journal import JournalError, is_lost, journal_path, open_for_read
    from ..results import load_results

    if is_lost(folder):
        path = journal_path(folder)
        typer.echo(t("intake.journal_lost", path=str(path), results=str(folder)), err=True)
    try:
        with open_for_read(folder) as conn:
            if conn is not None:
                return _load_with(conn, folder, plan, locked_period)
    except JournalError as exc:
        typer.echo(exc.message, err=True)
    return (*load_results([folder], plan), {})


def _load_with(conn: sqlite3.Connection, folder: Path, plan: Plan, period: Period | None) -> Loaded:
    from ..intake.history import locked_sources, receive_times
    from ..intake.journal import guarded
    from ..results import load_results

    sources = [folder]
    if period is not None:
        locked = guarded(folder, lambda: locked_sources(conn, folder, period))
        if locked is not None:
            _notes(locked.lock.period, locked.lock.at, locked.lock.by, locked.later, period)
            for path in locked.missing:
                typer.echo(t("intake.report_missing", path=path), err=True)
            sources = locked.files
    received = guarded(folder, lambda: receive_times(conn, folder))
    return (*load_results(sources, plan), received)


def _notes(locked: Period, at: datetime, by: str, later: int, period: Period) -> None:
    from .commands.lock import moment_text

    label = locked.label(get_lang())
    typer.echo(t("intake.report_locked", period=label, at=moment_text(at), by=by), err=True)
    if later:
        typer.echo(t("intake.report_later", count=later, key=period.key), err=True)


def revisions_in(folder: Path, plan: Plan) -> list[Revision]:
    """The final figures that replaced an estimate, from the journal (#16); none without one
    (or with a damaged one, which ``load_folder`` has already reported)."""
    from ..intake.history import estimate_revisions, versions
    from ..intake.journal import JournalError, is_lost

    if is_lost(folder):
        return []
    try:
        found = versions(folder)
    except JournalError:
        return []
    return estimate_revisions(found or [], plan.unit_name)
