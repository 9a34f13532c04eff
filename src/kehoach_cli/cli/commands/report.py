"""``kehoach report``: how each indicator stands at a period, in the terminal or as a file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...messages import get_lang, t
from ...periods import RELATIVE_WORDS
from ...render import REPORT_RENDERERS
from ..app import EXIT_INVALID, EXIT_OK, boundary
from ..options import DebugOption, LangOption, PlanOption, TodayOption
from ..outputs import ForceOption

if TYPE_CHECKING:
    from ...periods import Period
    from ...plan.model import Plan
    from ...problems import ProblemReport
    from ...report.model import Report
    from ...results.model import ResultSet
    from ...safety.output import Guarded


def register(app: typer.Typer) -> None:
    @app.command("report", help=t("help.report"))
    @boundary
    def report(
        period: Annotated[
            str,
            typer.Option(
                "--period", "-p", help=t("help.report_period"), metavar=t("help.period_metavar")
            ),
        ],
        year: Annotated[
            int | None, typer.Option("--year", "-y", help=t("help.report_year"), metavar="YYYY")
        ] = None,
        plan: PlanOption = None,
        results: Annotated[
            Path | None,
            typer.Option(
                "--results", "-r", help=t("help.results_default"), metavar=t("help.folder_metavar")
            ),
        ] = None,
        output_format: Annotated[
            str | None,
            typer.Option(
                "--format",
                "-f",
                help=t("help.report_formats", formats=", ".join(REPORT_RENDERERS)),
                metavar=t("help.format_metavar"),
            ),
        ] = None,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output", "-o", help=t("help.report_output"), metavar=t("help.file_metavar")
            ),
        ] = None,
        output_dir: Annotated[
            Path | None,
            typer.Option(
                "--output-dir", help=t("help.report_output_dir"), metavar=t("help.folder_metavar")
            ),
        ] = None,
        number: Annotated[
            str | None, typer.Option("--number", help=t("help.report_number"), metavar="SỐ")
        ] = None,
        document_date: Annotated[
            str | None,
            typer.Option("--date", help=t("help.report_date"), metavar="YYYY-MM-DD"),
        ] = None,
        docx_template: Annotated[
            Path | None,
            typer.Option("--docx-template", help=t("help.report_docx_template"), metavar="FILE"),
        ] = None,
        notes: Annotated[
            Path | None, typer.Option("--notes", help=t("help.report_notes"), metavar="FILE.md")
        ] = None,
        by: Annotated[
            str | None, typer.Option("--by", help=t("help.report_by"), metavar="quarter")
        ] = None,
        allow_invalid: Annotated[
            bool, typer.Option("--allow-invalid", help=t("help.report_allow_invalid"))
        ] = False,
        force: ForceOption = False,
        today: TodayOption = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("help.report_quiet"))] = False,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...report.completion import compute
        from ...report.revisions import with_revisions
        from ...report.schedule import parse_today
        from ...safety.output import is_stdout
        from ..intake import revisions_in
        from ..plans import locate_plan_and_period, results_folder
        from ..previous_year import previous_year_report

        fmt = _check_options(output, output_dir, output_format, by)
        signed_on = _parse_date(document_date) if document_date else None
        day = parse_today(today)
        plan_file, loaded, chosen = locate_plan_and_period(plan, _period_text(period, year), day)
        folder = results_folder(results, plan_file)
        result_set, problems = _load_or_stop(folder, loaded, chosen, allow_invalid)
        own = _officer_files(plan_file, loaded, chosen.id, docx_template, notes)
        protected = _check_target(
            output, output_dir, fmt, chosen, plan_file, folder, problems, own, force=force
        )
        previous, compared = previous_year_report(plan_file, folder, chosen, day, get_lang())
        made = compute(
            loaded,
            result_set,
            chosen,
            day,
            by="quarter" if by else "period",
            problems=_not_skipped(problems, compared),
            lang=get_lang(),
            previous=previous,
        )
        made = with_revisions(made, revisions_in(folder, loaded))  # final figures for estimates
        made = _with_officer_files(_signed(made, number, signed_on), *own)
        if output_dir is not None:
            from ...report.schedule import output_name

            output = output_dir / output_name(chosen, fmt)
        # The plan and the values read are in the report now: let them go before it is
        # rendered (a 50 000-indicator plan is ~100 MB of objects).
        del loaded, result_set
        from ..outputs import to_stdout

        if output is None or is_stdout(output):
            to_stdout(lambda: _print(made, fmt))
        else:
            _write(made, fmt, output, protected, output_dir)
            if not quiet:
                to_stdout(lambda: typer.echo(t("report.written", path=str(output))))
        raise typer.Exit(EXIT_OK)


def _check_options(
    output: Path | None, output_dir: Path | None, output_format: str | None, by: str | None
) -> str:
    """The format to write, once the output options are known to go together."""
    from ...errors import UsageError
    from ...render import BINARY_FORMATS
    from ...safety.output import is_stdout

    if output is not None and output_dir is not None:
        raise UsageError(t("report.output_and_dir"))
    if output_dir is not None and output_format is None:
        raise UsageError(t("report.output_dir_needs_format"))
    fmt = _choose_format(output_format, None if is_stdout(output) else output)
    if is_stdout(output) and fmt in BINARY_FORMATS:
        raise UsageError(t("report.binary_to_terminal", value=fmt))
    if by not in (None, "quarter", "quy", "q"):
        raise UsageError(t("report.bad_by", value=by))
    return fmt


def _period_text(period: str, year: int | None) -> str:
    """``--period`` with ``--year`` put in front when the period names no year (q2 → 2023-q2)."""
    from ...errors import UsageError

    text = period.strip()
    if year is not None:
        if not 2000 <= year <= 2100:
            raise UsageError(t("report.bad_year", value=year))
        if not re.search(r"\d{4}", text) and text.lower() not in RELATIVE_WORDS:
            text = f"{year}-{text}"
    return text


def _load_or_stop(
    folder: Path, loaded: Plan, chosen: Period, allow_invalid: bool
) -> tuple[ResultSet, ProblemReport]:
    """The period's results (as they stood at a lock, for a locked period); results with
    errors print them and stop with exit 1 unless ``--allow-invalid``."""
    from ...render.problems import problems_as_text
    from ..intake import load_folder

    result_set, problems, _ = load_folder(folder, loaded, chosen)
    if problems.errors and not allow_invalid:
        shown = sorted({p.file for p in problems if p.file})
        typer.echo(problems_as_text(problems, shown, quiet=True), nl=False, err=True)
        typer.echo(t("report.invalid_results", errors=problems.errors, path=folder), err=True)
        raise typer.Exit(EXIT_INVALID)
    return result_set, problems


def _not_skipped(problems: ProblemReport, compared: frozenset[str]) -> ProblemReport:
    """The problems without the "other year" notes of last year's files: they are not skipped,
    they give the figures of the same period last year."""
    if not compared:
        return problems
    from ...problems import ProblemReport

    kept = ProblemReport()
    kept.extend(p for p in problems if not (p.code == "other_year" and p.file in compared))
    return kept


def _signed(made: Report, number: str | None, signed_on: date | None) -> Report:
    """The report with ``--number`` and ``--date`` for its document line, when given."""
    if number is None and signed_on is None:
        return made
    from dataclasses import replace

    return replace(
        made,
        plan=replace(
            made.plan,
            document_number=number if number is not None else made.plan.document_number,
            document_date=signed_on or made.plan.document_date,
        ),
    )


def _officer_files(
    plan_file: Path,
    loaded: Plan,
    period_id: str,
    docx_template: Path | None,
    notes: Path | None,
) -> tuple[Path | None, Path | None]:
    """The office's Word template and notes file for this report, when there are any.

    The template: ``--docx-template``, else the plan's ``reporting.docx_template`` (relative to
    the plan's folder), else none (the built-in one). The notes: ``--notes``, else
    ``notes/<period id>.md`` beside the plan when it exists.
    """
    from ...errors import InputFileNotFound

    template = docx_template
    if template is None and loaded.reporting.docx_template:
        template = plan_file.parent / loaded.reporting.docx_template
    if notes is not None and not notes.is_file():
        raise InputFileNotFound(t("docx.notes_not_found", path=str(notes)))
    if notes is None:
        beside = plan_file.parent / "notes" / f"{period_id}.md"
        notes = beside if beside.is_file() else None
    return template, notes


def _with_officer_files(made: Report, template: Path | None, notes: Path | None) -> Report:
    """The report carrying the template's path and the notes' text (for .docx and .html)."""
    from dataclasses import replace

    from ...report.notes import load_notes

    if template is not None:
        made = replace(made, docx_template=str(template))
    if notes is not None:
        made = replace(made, officer_notes=load_notes(notes))
    return made


def _check_target(
    output: Path | None,
    output_dir: Path | None,
    fmt: str,
    chosen: Period,
    plan_file: Path,
    folder: Path,
    problems: ProblemReport,
    own: tuple[Path | None, Path | None],
    *,
    force: bool,
) -> Guarded:
    """Refuse, before any work, an output that would replace what a user gave (see
    ``safety.output.check_target``): every results file considered is an input, the copies
    dropped as duplicates included."""
    from ...render.recognize import is_earlier_report
    from ...results.validation import expand_paths
    from ...safety.output import check_target, is_stdout
    from ..outputs import guarded

    read: list[Path | str] = [p.file for p in problems if p.file]
    read += [path for path in own if path is not None]  # the Word template and the notes
    if folder.exists():
        read += expand_paths([folder])
    protected = guarded(plan_file, folder, read)
    if output_dir is not None:
        from ...report.schedule import output_name

        output = output_dir / output_name(chosen, fmt)
    if output is None or is_stdout(output):
        return protected
    check_target(
        output,
        protected,
        ours=lambda path: is_earlier_report(path, fmt),
        not_ours=t("output.not_a_report", path=str(output), format=fmt),
        force=force,
    )
    return protected


def _write(made: Report, fmt: str, output: Path, protected: Guarded, folder: Path | None) -> None:
    """The report, written atomically; ``--output-dir`` is made first when it is missing."""
    from ...errors import OutputError
    from ...render import get_chunk_renderer
    from ...safety.output import write_atomic

    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise OutputError(
                t("report.output_dir_failed", path=str(folder)), file=str(folder)
            ) from None
    write_atomic(output, get_chunk_renderer(fmt)(made), protected.inputs)


def _parse_date(text: str) -> date:
    """``--date YYYY-MM-DD`` (or dd/mm/yyyy) for the report's date line."""
    from datetime import datetime

    from ...errors import UsageError

    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise UsageError(t("report.bad_date", value=text))


def _choose_format(output_format: str | None, output: Path | None) -> str:
    """``--format`` when given, else the output's extension, else the table."""
    from ...errors import UsageError
    from ...render import (
        FormatNotAvailable,
        UnknownFormat,
        available_formats,
        format_for_path,
        get_renderer,
        normalize_format,
    )

    choices = ", ".join(available_formats())
    if output_format is None:
        if output is None:
            return "table"
        found = format_for_path(output)
        if found is None:
            raise UsageError(t("report.unknown_extension", path=str(output), choices=choices))
        output_format = found
    try:
        fmt = normalize_format(output_format)
        get_renderer(fmt)
    except UnknownFormat:
        raise UsageError(t("cli.bad_format", value=output_format, choices=choices)) from None
    except FormatNotAvailable:
        raise UsageError(
            t("report.format_not_installed", value=output_format, choices=choices)
        ) from None
    return fmt


def _print(made: Report, fmt: str) -> None:
    from ...errors import UsageError
    from ...render import BINARY_FORMATS, get_chunk_renderer
    from ..console import fancy

    if fmt in BINARY_FORMATS:
        raise UsageError(t("report.binary_to_terminal", value=fmt))
    if fmt == "table" and fancy():
        from ...render.terminal import render_styled
        from ..console import make_console

        console = make_console()
        for line in render_styled(made, console.width):
            console.print(line, overflow="ignore", crop=False)
        return
    for piece in get_chunk_renderer(fmt)(made):
        typer.echo(piece.decode("utf-8") if isinstance(piece, bytes) else piece, nl=False)
