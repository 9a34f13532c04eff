"""Options shared by several commands, defined once (help texts come from the catalog)."""

from pathlib import Path
from typing import Annotated

import typer

from ..messages import normalize_lang, set_lang, t


def _lang_callback(value: str | None) -> str | None:
    if value is None:
        return None
    lang = normalize_lang(value)
    if lang is None:
        raise typer.BadParameter(t("cli.bad_lang", value=value))
    set_lang(lang)
    return lang


def _debug_callback(value: bool) -> bool:
    if value:
        from . import app

        app.DEBUG = True
    return value


# The results folder is chosen by plans.results_folder (beside the plan); this relative default
# is kept for callers that still name it.
DEFAULT_RESULTS = Path("data") / "results"

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang", help=t("help.lang"), callback=_lang_callback, is_eager=True, metavar="vi|en"
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help=t("help.debug"), callback=_debug_callback, is_eager=True)
]
PlanOption = Annotated[
    Path | None, typer.Option("--plan", help=t("help.plan"), metavar="PLAN.yaml")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help=t("help.quiet"))]
TodayOption = Annotated[
    str | None,
    typer.Option("--today", help=t("help.report_today"), metavar="YYYY-MM-DD"),
]
