"""``kehoach history``: every version of each figure received, oldest first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...messages import t
from ..app import EXIT_OK, boundary
from ..options import DebugOption, LangOption, PlanOption, TodayOption

if TYPE_CHECKING:
    from ...intake.history import Version

FORMATS = ("table", "json")


def register(app: typer.Typer) -> None:
    @app.command("history", help=t("help.history"))
    @boundary
    def history(
        indicator: Annotated[
            str | None,
            typer.Option("--indicator", "-i", help=t("help.history_indicator"), metavar="CODE"),
        ] = None,
        unit: Annotated[
            str | None, typer.Option("--unit", "-u", help=t("help.history_unit"), metavar="UNIT")
        ] = None,
        period: Annotated[
            str | None,
            typer.Option("--period", "-p", help=t("help.history_period"), metavar="PERIOD"),
        ] = None,
        results: Annotated[
            Path | None, typer.Option("--results", help=t("help.intake_results"), metavar="DIR")
        ] = None,
        plan: PlanOption = None,
        today: TodayOption = None,
        output_format: Annotated[
            str,
            typer.Option("--format", "-f", help=t("help.format_table_json"), metavar="table|json"),
        ] = "table",
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...errors import UsageError
        from ...intake.history import Filter, versions
        from ...intake.journal import JournalError, journal_path

        if output_format not in FORMATS:
            raise UsageError(t("cli.bad_format", value=output_format, choices=", ".join(FORMATS)))
        chosen = None
        if period is not None:
            from ...report.schedule import parse_today
            from ..plans import locate_plan_and_period

            chosen = locate_plan_and_period(plan, period, parse_today(today))[2]
        from ...plan.io import find_plan
        from ..plans import results_folder

        folder = results_folder(results, find_plan(plan))
        found = versions(folder, Filter(indicator, unit, chosen))
        if found is None:
            path = journal_path(folder)
            raise JournalError(t("intake.journal_missing", path=str(path), results=str(folder)))
        if output_format == "json":
            data = {"versions": [v.to_dict() for v in found]}
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        elif not found:
            typer.echo(t("history.empty"))
        else:
            _print_table(found)
        raise typer.Exit(EXIT_OK)


def _print_table(found: list[Version]) -> None:
    from ...render.history import history_table
    from ..console import fancy, make_console

    console = make_console()
    if not fancy():
        console.width = max(console.width, 200)
    console.print(history_table(found, fancy()))
