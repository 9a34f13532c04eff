"""The root callback: options that apply before any command (--version, --lang, --debug)."""

import typer

from ..messages import t
from .options import DebugOption, LangOption


def register(app: typer.Typer) -> None:
    @app.callback(invoke_without_command=True)
    def _root(
        version: bool = typer.Option(False, "--version", help=t("help.version")),
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        if version:
            from .. import __version__

            typer.echo(f"kehoach {__version__}")
            raise typer.Exit(0)
