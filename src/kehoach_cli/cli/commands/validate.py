"""``kehoach validate``: check plan and results files."""

from pathlib import Path
from typing import Annotated

import typer

from ...messages import t
from ..app import EXIT_INVALID, EXIT_OK, boundary
from ..options import DebugOption, LangOption, PlanOption


def register(app: typer.Typer) -> None:
    @app.command("validate", help=t("help.validate"))
    @boundary
    def validate(
        paths: Annotated[
            list[Path],
            typer.Argument(help=t("help.validate_paths"), metavar=t("help.validate_metavar")),
        ],
        plan: PlanOption = None,
        output_format: Annotated[
            str,
            typer.Option("--format", "-f", help=t("help.format_table_json"), metavar="table|json"),
        ] = "table",
        quiet: Annotated[
            bool, typer.Option("--quiet", "-q", help=t("help.validate_quiet"))
        ] = False,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...errors import UsageError
        from ...render.problems import problems_as_json, problems_as_text
        from ...results.validation import validate_paths

        if output_format not in ("table", "json"):
            raise UsageError(t("cli.bad_format", value=output_format, choices="table, json"))
        outcome = validate_paths(paths, plan)
        if output_format == "json":
            typer.echo(problems_as_json(outcome.report, outcome.files), nl=False)
        else:
            text = problems_as_text(outcome.report, outcome.files, quiet=quiet)
            if text:
                typer.echo(text, nl=False)
        raise typer.Exit(EXIT_OK if outcome.report.valid else EXIT_INVALID)
