"""``kehoach plan show``: the plan's indicator tree."""

from typing import Annotated

import typer

from ...messages import t
from ..app import boundary
from ..options import DebugOption, LangOption, PlanOption


def register(app: typer.Typer) -> None:
    plan_app = typer.Typer(help=t("help.plan_group"), no_args_is_help=True)
    app.add_typer(plan_app, name="plan")

    @plan_app.command("show", help=t("help.plan_show"))
    @boundary
    def show(
        plan: PlanOption = None,
        output_format: Annotated[
            str, typer.Option("--format", "-f", help=t("help.format_table_json"))
        ] = "table",
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...errors import UsageError
        from ...plan.io import find_plan, load_plan
        from ...render.plan import plan_as_json, plan_table, profile_table
        from ..console import fancy, make_console

        if output_format not in ("table", "json"):
            raise UsageError(t("cli.bad_format", value=output_format, choices="table, json"))
        loaded = load_plan(find_plan(plan))
        if output_format == "json":
            typer.echo(plan_as_json(loaded), nl=False)
            return
        console = make_console()
        console.print(plan_table(loaded, fancy()))
        console.print()
        console.print(profile_table(loaded, fancy()))
