"""``kehoach docx-template``: write out the Word template of the report for the office to edit."""

from pathlib import Path
from typing import Annotated

import typer

from ...messages import t
from ..app import boundary
from ..options import DebugOption, LangOption, QuietOption


def register(app: typer.Typer) -> None:
    @app.command("docx-template", help=t("help.docx_template"))
    @boundary
    def docx_template(
        output: Annotated[
            Path,
            typer.Option(
                "--output", "-o", help=t("help.docx_template_output"), metavar="FILE.docx"
            ),
        ],
        force: Annotated[bool, typer.Option("--force", help=t("help.docx_template_force"))] = False,
        quiet: QuietOption = False,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...errors import OutputError
        from ...render.docx import default_template
        from ...safety.output import write_atomic

        # An office's edited template is its own work: never replaced unless asked.
        if output.exists() and not force:
            raise OutputError(t("docx.template_exists", path=str(output)), file=str(output))
        if output.suffix.lower() != ".docx":
            raise OutputError(t("docx.template_suffix", path=str(output)), file=str(output))
        write_atomic(output, default_template())
        if not quiet:
            typer.echo(t("docx.template_written", path=str(output)))
