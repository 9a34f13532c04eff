"""``kehoach template``: write the Excel form a unit fills in for one period."""

from pathlib import Path
from typing import Annotated

import typer

from ...messages import get_lang, t
from ..app import boundary
from ..options import DebugOption, LangOption, PlanOption, TodayOption
from ..outputs import ForceOption


def register(app: typer.Typer) -> None:
    @app.command("template", help=t("help.template"))
    @boundary
    def template(
        period: Annotated[
            str,
            typer.Option(
                "--period", "-p", help=t("help.template_period"), metavar=t("help.period_metavar")
            ),
        ],
        output: Annotated[
            Path,
            typer.Option(
                "--output",
                "-o",
                help=t("help.template_output"),
                metavar=t("help.file_metavar") + ".xlsx",
            ),
        ],
        unit: Annotated[
            str | None,
            typer.Option(
                "--unit", "-u", help=t("help.template_unit"), metavar=t("help.unit_metavar")
            ),
        ] = None,
        plan: PlanOption = None,
        force: ForceOption = False,
        today: TodayOption = None,
        quiet: Annotated[
            bool, typer.Option("--quiet", "-q", help=t("help.template_quiet"))
        ] = False,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...errors import UsageError
        from ...periods import PeriodError, parse_period
        from ...plan.io import find_plan, load_plan
        from ...report.schedule import parse_today
        from ...results.model import WHOLE_COMMUNE
        from ...results.template import check_output, form_rows, inputs_of, unit_label, write_form
        from ..outputs import guarded, to_stdout

        plan_path = find_plan(plan)
        loaded = load_plan(plan_path)
        protected = guarded(plan_path)
        check_output(output, loaded, plan_path, protected, force=force)
        try:
            chosen = parse_period(
                period,
                year=loaded.year,
                today=parse_today(today),
                windows=loaded.reporting.windows,
            )
        except PeriodError:
            raise UsageError(t("template.bad_period", value=period)) from None
        codes = [u.code for u in loaded.reporting_units]
        if unit is not None and unit not in (*codes, WHOLE_COMMUNE):
            raise UsageError(t("template.unknown_unit", unit=unit, units=", ".join(codes)))
        if unit is not None and not inputs_of(loaded, unit):
            derived = [r.indicator.code for r in form_rows(loaded, unit) if r.indicator]
            raise UsageError(
                t("template.nothing_to_fill", unit=unit, codes=", ".join(derived) or "-")
            )
        count = write_form(loaded, chosen, unit, output, plan_path, protected, force=force)
        if quiet:
            return
        _, name = unit_label(loaded, unit)
        label = chosen.label(get_lang())
        written = t("template.written", path=str(output), unit=name, period=label, count=count)
        to_stdout(lambda: typer.echo(written))
