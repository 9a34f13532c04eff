"""``kehoach status``: who has reported for a period, on time or late, and the reporting rate."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...messages import t
from ..app import EXIT_INCOMPLETE, EXIT_OK, boundary
from ..options import DebugOption, LangOption, PlanOption, TodayOption

if TYPE_CHECKING:
    from ...report.submissions import StatusReport

FORMATS = ("table", "json")


def register(app: typer.Typer) -> None:
    @app.command("status", help=t("help.status"))
    @boundary
    def status(
        period: Annotated[
            str,
            typer.Option(
                "--period", "-p", help=t("help.status_period"), metavar=t("help.period_metavar")
            ),
        ],
        today: TodayOption = None,
        plan: PlanOption = None,
        results: Annotated[
            Path | None,
            typer.Option(
                "--results", help=t("help.results_default"), metavar=t("help.folder_metavar")
            ),
        ] = None,
        output_format: Annotated[
            str,
            typer.Option("--format", "-f", help=t("help.format_table_json"), metavar="table|json"),
        ] = "table",
        fail_on_missing: Annotated[
            bool, typer.Option("--fail-on-missing", help=t("help.status_fail_on_missing"))
        ] = False,
        only_on_deadline: Annotated[
            bool, typer.Option("--only-on-deadline", help=t("help.status_only_on_deadline"))
        ] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("help.status_quiet"))] = False,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...errors import UsageError
        from ...report.schedule import deadline, parse_today
        from ...report.submissions import submission_status
        from ...results import load_results
        from ..plans import locate_plan_and_period, results_folder

        if output_format not in FORMATS:
            raise UsageError(t("cli.bad_format", value=output_format, choices=", ".join(FORMATS)))
        day = parse_today(today)
        plan_file, loaded, chosen = locate_plan_and_period(plan, period, day)
        if only_on_deadline and day != deadline(chosen, loaded.reporting):
            raise typer.Exit(EXIT_OK)
        folder = results_folder(results, plan_file)
        result_set, problems = load_results([folder], loaded)
        report = submission_status(loaded, result_set, problems, chosen, day)

        if output_format == "json":
            from ...render.status import status_as_json

            typer.echo(status_as_json(report), nl=False)
        else:
            _print_table(report, quiet, str(folder))
        bad = {p.file for p in problems if p.severity == "error" and p.file}
        if bad and output_format == "table" and not quiet:
            typer.echo(t("status.invalid_files_hint", count=len(bad), path=str(folder)), err=True)
        raise typer.Exit(EXIT_INCOMPLETE if fail_on_missing and report.incomplete else EXIT_OK)


def _print_table(report: StatusReport, quiet: bool, root: str) -> None:
    from ...render.status import (
        status_footer,
        status_header,
        status_quiet_lines,
        status_table,
    )
    from ..console import fancy, make_console, print_trimmed

    if quiet:
        for line in status_quiet_lines(report):
            typer.echo(line)
        return
    # Plain lines are echoed, not printed by rich, so that they never wrap at 80 columns in a
    # cron mail; only the table is laid out to the terminal's width.
    typer.echo("\n".join([*status_header(report), t("status.folder", path=root)]))
    console = make_console()
    # Off a terminal (cron mail, a pipe) nothing limits the width: keep one line per file.
    if not fancy():
        console.width = max(console.width, 200)
    print_trimmed(console, status_table(report, fancy(), root))
    typer.echo("\n".join(status_footer(report)))
