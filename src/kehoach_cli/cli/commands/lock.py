"""``kehoach lock`` and ``kehoach unlock``: close a period once its report is issued, or reopen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from ...messages import get_lang, t
from ..app import EXIT_OK, boundary
from ..options import DebugOption, LangOption, PlanOption, QuietOption, TodayOption

PeriodOption = Annotated[
    str, typer.Option("--period", "-p", help=t("help.lock_period"), metavar="PERIOD")
]
ReasonOption = Annotated[
    str | None, typer.Option("--reason", help=t("help.lock_reason"), metavar="TEXT")
]
ByOption = Annotated[str | None, typer.Option("--by", help=t("help.lock_by"), metavar="NAME")]
ResultsOption = Annotated[
    Path | None, typer.Option("--results", help=t("help.intake_results"), metavar="DIR")
]


def moment_text(moment: datetime) -> str:
    """A moment in local time as people read it: 05/07/2024 10:15."""
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def register(app: typer.Typer) -> None:
    for name, action in (("lock", "lock"), ("unlock", "unlock")):
        _register(app, name, action)


def _register(app: typer.Typer, name: str, action: str) -> None:
    @app.command(name, help=t(f"help.{name}"))
    @boundary
    def command(
        period: PeriodOption,
        reason: ReasonOption = None,
        by: ByOption = None,
        results: ResultsOption = None,
        plan: PlanOption = None,
        today: TodayOption = None,
        quiet: QuietOption = False,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...intake.locks import current_user, set_lock
        from ...report.schedule import parse_today
        from ..plans import locate_plan_and_period, results_folder

        plan_file, _, chosen = locate_plan_and_period(plan, period, parse_today(today))
        folder = results_folder(results, plan_file)
        who = (by or "").strip() or current_user()
        state, before = set_lock(folder, chosen, action, who, reason)  # type: ignore[arg-type]
        label = chosen.label(get_lang())
        if not quiet:
            if action == "lock" and before is not None and before.action == "lock":
                typer.echo(t("lock.again", period=label, at=moment_text(before.at)))
            if action == "unlock" and (before is None or before.action != "lock"):
                typer.echo(t("unlock.not_locked", period=label))
            why = t("intake.reason", reason=reason) if reason else ""
            key = "lock.done" if action == "lock" else "unlock.done"
            typer.echo(t(key, period=label, at=moment_text(state.at), by=who, reason=why))
        raise typer.Exit(EXIT_OK)
