"""``kehoach plan show|new|import``: the plan's indicator tree, next year's draft, a signed plan."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ...messages import t
from ..app import EXIT_INVALID, boundary
from ..options import DebugOption, LangOption, PlanOption, QuietOption

if TYPE_CHECKING:
    from ...plan.model import Plan

YearOption = Annotated[
    int, typer.Option("--year", "-y", help=t("help.plan_new_year"), metavar="YYYY")
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help=t("help.plan_new_output"), metavar="PLAN.yaml"),
]
ForceOption = Annotated[bool, typer.Option("--force", help=t("help.plan_force"))]


def register(app: typer.Typer) -> None:
    plan_app = typer.Typer(help=t("help.plan_group"), no_args_is_help=True)
    app.add_typer(plan_app, name="plan")
    _register_show(plan_app)
    _register_new(plan_app)
    _register_import(plan_app)


def _register_show(plan_app: typer.Typer) -> None:
    @plan_app.command("show", help=t("help.plan_show"))
    @boundary
    def show(
        plan: PlanOption = None,
        output_format: Annotated[
            str,
            typer.Option("--format", "-f", help=t("help.format_table_json"), metavar="table|json"),
        ] = "table",
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...errors import UsageError
        from ...plan.io import find_plan, load_plan
        from ...render.plan import plan_as_json, plan_table, profile_table
        from ..console import fancy, make_console, print_trimmed

        if output_format not in ("table", "json"):
            raise UsageError(t("cli.bad_format", value=output_format, choices="table, json"))
        loaded = load_plan(find_plan(plan))
        if output_format == "json":
            typer.echo(plan_as_json(loaded), nl=False)
            return
        console = make_console()
        print_trimmed(console, plan_table(loaded, fancy()))
        console.print()
        print_trimmed(console, profile_table(loaded, fancy()))


def _register_new(plan_app: typer.Typer) -> None:
    @plan_app.command("new", help=t("help.plan_new"))
    @boundary
    def new(
        year: YearOption,
        source: Annotated[
            Path | None,
            typer.Option("--from", help=t("help.plan_new_from"), metavar="PLAN.yaml"),
        ] = None,
        output: OutputOption = None,
        results: Annotated[
            Path | None,
            typer.Option("--results", "-r", help=t("help.plan_new_results"), metavar="DIR"),
        ] = None,
        force: ForceOption = False,
        quiet: QuietOption = False,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...errors import InputFileNotFound, UsageError
        from ...plan.draft import YearFigure, next_year_plan, write_plan, year_figures
        from ...plan.io import find_plan

        _check_year(year)
        plan_file = find_plan(source, year - 1 if source is None else None)
        plan, data = _read_plan_or_exit(plan_file)
        if year <= plan.year:
            raise UsageError(
                t("plan_new.same_year", year=year, source=str(plan_file), old=plan.year)
            )
        from ..plans import results_folder

        # The results beside the plan (or --results, KEHOACH_RESULTS), as report and status
        # read them; none there yet is no error here: the draft simply has no baselines.
        try:
            folder = results_folder(results, plan_file)
        except InputFileNotFound:
            if results is not None:
                raise
            folder = plan_file.parent / "results"
        figures: dict[str, YearFigure] = {}
        if folder.exists():
            figures, problems = year_figures(plan, folder)
            if problems.errors:
                _print_problems(problems)
                typer.echo(
                    t("plan_new.invalid_results", errors=problems.errors, folder=folder), err=True
                )
                raise typer.Exit(EXIT_INVALID)
        if not figures and not quiet:
            typer.echo(t("plan_new.no_year_results", year=plan.year, folder=folder), err=True)
        made = next_year_plan(plan, data, year, figures, str(plan_file))
        target = output if output is not None else Path("data") / f"plan_{year}.yaml"
        write_plan(target, made.text, [plan_file], force)
        if not quiet:
            typer.echo(
                t(
                    "plan_new.written",
                    path=str(target),
                    indicators=made.indicators,
                    baselines=made.baselines,
                    old=plan.year,
                )
            )


def _register_import(plan_app: typer.Typer) -> None:
    @plan_app.command("import", help=t("help.plan_import"))
    @boundary
    def import_(
        document: Annotated[
            Path, typer.Argument(help=t("help.plan_import_file"), metavar="KE_HOACH.docx")
        ],
        year: Annotated[
            int, typer.Option("--year", "-y", help=t("help.plan_import_year"), metavar="YYYY")
        ],
        output: Annotated[
            Path,
            typer.Option("--output", "-o", help=t("help.plan_import_output"), metavar="PLAN.yaml"),
        ],
        source: Annotated[
            Path | None,
            typer.Option("--from", help=t("help.plan_import_from"), metavar="PLAN.yaml"),
        ] = None,
        force: ForceOption = False,
        quiet: QuietOption = False,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...errors import InputFileNotFound
        from ...plan.draft import write_plan
        from ...plan.importer import import_plan

        _check_year(year)
        if not document.is_file():
            raise InputFileNotFound(t("plan_import.not_found", path=str(document)))
        earlier = None
        inputs = [document]
        if source is not None:
            from ...plan.io import find_plan

            plan_file = find_plan(source)
            earlier = (*_read_plan_or_exit(plan_file), str(plan_file))
            inputs.append(plan_file)
        made, problems = import_plan(document, str(document), year, earlier)
        if made is None:
            _print_problems(problems)
            typer.echo(t("plan_import.not_written", errors=problems.errors), err=True)
            raise typer.Exit(EXIT_INVALID)
        write_plan(output, made.text, inputs, force)
        if not quiet:
            typer.echo(
                t(
                    "plan_import.written",
                    path=str(output),
                    indicators=made.indicators,
                    guesses=made.guesses,
                )
            )


def _check_year(year: int) -> None:
    from ...errors import UsageError

    if not 2000 <= year <= 2100:
        raise UsageError(t("report.bad_year", value=year))


def _read_plan_or_exit(path: Path) -> "tuple[Plan, dict[str, Any]]":
    """The plan and its data; an invalid plan's problems are printed and the command exits 1."""
    from ...errors import InvalidData
    from ...plan.draft import read_source_plan

    try:
        return read_source_plan(path)
    except InvalidData as exc:
        problems = getattr(exc, "problems", None)
        if problems is not None:
            _print_problems(problems)
        typer.echo(exc.message, err=True)
        raise typer.Exit(EXIT_INVALID) from None


def _print_problems(problems: object) -> None:
    from ...problems import ProblemReport
    from ...render.problems import problems_as_text

    if isinstance(problems, ProblemReport):
        shown = sorted({p.file for p in problems if p.file})
        typer.echo(problems_as_text(problems, shown, quiet=True), nl=False, err=True)
