"""What ``report`` and ``status`` take from a results folder's journal, when it has one.

Both commands keep working without a journal (folders filled by hand); a damaged journal is
reported on stderr and the folder is read as it is.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from ..messages import get_lang, t
from ..periods import Period


def report_sources(folder: Path, period: Period) -> list[Path]:
    """The folder, or for a locked period the files as they stood at the lock (with notes)."""
    from ..intake.history import locked_sources
    from ..intake.journal import JournalError
    from .commands.lock import moment_text

    _warn_if_lost(folder)
    try:
        locked = locked_sources(folder, period)
    except JournalError as exc:
        typer.echo(exc.message, err=True)
        return [folder]
    if locked is None:
        return [folder]
    label = locked.lock.period.label(get_lang())
    at = moment_text(locked.lock.at)
    typer.echo(t("intake.report_locked", period=label, at=at, by=locked.lock.by), err=True)
    if locked.later:
        typer.echo(t("intake.report_later", count=locked.later, key=period.key), err=True)
    for path in locked.missing:
        typer.echo(t("intake.report_missing", path=path), err=True)
    return locked.files


def receive_times(folder: Path) -> dict[str, datetime]:
    """When each file of the folder was received, as far as the journal knows."""
    from ..intake.history import receive_times as from_journal
    from ..intake.journal import JournalError

    _warn_if_lost(folder)
    try:
        return from_journal(folder)
    except JournalError as exc:
        typer.echo(exc.message, err=True)
        return {}


def _warn_if_lost(folder: Path) -> None:
    from ..intake.journal import is_lost, journal_path

    if is_lost(folder):
        path = journal_path(folder)
        typer.echo(t("intake.journal_lost", path=str(path), results=str(folder)), err=True)
