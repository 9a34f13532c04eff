"""``kehoach receive``: file the forms that came in, by their content; ``--rebuild`` the journal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ...messages import get_lang, t
from ..app import EXIT_INVALID, EXIT_OK, boundary
from ..options import DebugOption, LangOption, PlanOption, QuietOption

if TYPE_CHECKING:
    from ...intake.receive import Receipt, ReceiveOutcome

FORMATS = ("table", "json")


def register(app: typer.Typer) -> None:
    @app.command("receive", help=t("help.receive"))
    @boundary
    def receive(
        files: Annotated[
            list[Path] | None,
            typer.Argument(help=t("help.receive_files"), metavar="FILE...", show_default=False),
        ] = None,
        results: Annotated[
            Path | None, typer.Option("--results", help=t("help.intake_results"), metavar="DIR")
        ] = None,
        plan: PlanOption = None,
        allow_invalid: Annotated[
            bool, typer.Option("--allow-invalid", help=t("help.receive_allow_invalid"))
        ] = False,
        reopen: Annotated[bool, typer.Option("--reopen", help=t("help.receive_reopen"))] = False,
        rebuild: Annotated[bool, typer.Option("--rebuild", help=t("help.receive_rebuild"))] = False,
        output_format: Annotated[
            str,
            typer.Option("--format", "-f", help=t("help.format_table_json"), metavar="table|json"),
        ] = "table",
        quiet: QuietOption = False,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        from ...errors import UsageError
        from ...plan.io import find_plan, load_plan
        from ...results.validation import expand_paths, is_plan_file

        if output_format not in FORMATS:
            raise UsageError(t("cli.bad_format", value=output_format, choices=", ".join(FORMATS)))
        if not files and not rebuild:
            raise UsageError(t("intake.no_files"))
        if files and rebuild:
            raise UsageError(t("intake.rebuild_alone"))
        # A folder stands for the results files in it (a whole "Tải về" at once).
        named = [f for f in expand_paths(files or []) if not is_plan_file(f)]
        if files and not named:
            shown = ", ".join(str(f) for f in files)
            raise UsageError(t("intake.nothing_to_receive", path=shown))
        plan_file = find_plan(plan)
        loaded = load_plan(plan_file)
        folder = _results_folder(results, plan_file, create=not rebuild)
        if rebuild:
            _rebuild(folder, loaded, output_format, quiet)
        else:
            _receive(named, folder, loaded, allow_invalid, reopen, output_format, quiet)
        raise typer.Exit(EXIT_OK)


def _results_folder(explicit: Path | None, plan_file: Path, *, create: bool) -> Path:
    """As every command finds it (``--results``, ``KEHOACH_RESULTS``, ``results`` beside the
    plan), except that receive makes it on first use (a rebuild does not)."""
    import os

    from ..plans import RESULTS_ENV, results_folder

    env = os.environ.get(RESULTS_ENV)
    folder = explicit or (Path(env) if env else plan_file.parent / "results")
    if create:
        # exist_ok: two receives started at once both find it missing (one makes it first).
        folder.mkdir(parents=True, exist_ok=True)
    return results_folder(explicit, plan_file)


def _receive(
    files: list[Path],
    folder: Path,
    plan: Any,
    allow_invalid: bool,
    reopen: bool,
    output_format: str,
    quiet: bool,
) -> None:
    from ...intake.receive import Options, receive_files
    from ...render.problems import problems_as_text

    outcome = receive_files(files, folder, plan, Options(allow_invalid, reopen))
    if len(outcome.problems):
        shown = sorted({p.file for p in outcome.problems if p.file})
        typer.echo(problems_as_text(outcome.problems, shown, quiet=True), nl=False, err=True)
    if output_format == "json":
        typer.echo(json.dumps(outcome_to_dict(outcome), ensure_ascii=False, indent=2))
    else:
        _print(outcome, plan, quiet)
    if outcome.refused:
        raise typer.Exit(EXIT_INVALID)


def outcome_to_dict(outcome: ReceiveOutcome) -> dict[str, Any]:
    return {
        "receipts": [_receipt_dict(r) for r in outcome.receipts],
        "problems": [p.to_dict() for p in outcome.problems],
        "valid": not outcome.refused,
    }


def _receipt_dict(r: Receipt) -> dict[str, Any]:
    return {
        "source": r.source,
        "outcome": r.outcome,
        "unit": r.unit,
        "period": r.period.id if r.period else None,
        "stored": str(r.stored) if r.stored else None,
        "sha256": r.sha256,
        "received_at": r.received_at.astimezone().isoformat(timespec="seconds")
        if r.received_at
        else None,
        "valid": r.valid,
        "archived": [str(p) for p in r.archived],
        "lock": r.lock.to_dict() if r.lock else None,
    }


def _print(outcome: ReceiveOutcome, plan: Any, quiet: bool) -> None:
    from .lock import moment_text

    counts = {"filed": 0, "unchanged": 0, "refused": 0}
    for r in outcome.receipts:
        counts["refused" if r.refused else r.outcome] += 1
        period = r.period.label(get_lang()) if r.period else ""
        unit = plan.unit_short_name(r.unit) if r.unit else ""
        fields = {"source": r.source, "stored": str(r.stored), "unit": unit, "period": period}
        if r.outcome == "filed":
            if not quiet:
                typer.echo(t("intake.filed" if r.valid else "intake.filed_invalid", **fields))
                for path in r.archived:
                    typer.echo(t("intake.archived", path=str(path)))
        elif r.outcome == "unchanged":
            if not quiet:
                typer.echo(t("intake.unchanged", **fields))
        elif r.outcome == "locked" and r.lock is not None:
            reason = t("intake.reason", reason=r.lock.reason) if r.lock.reason else ""
            at = moment_text(r.lock.at)
            typer.echo(
                t(
                    "intake.locked",
                    source=r.source,
                    period=period,
                    at=at,
                    by=r.lock.by,
                    reason=reason,
                ),
                err=True,
            )
        else:
            typer.echo(t(f"intake.{r.outcome}", source=r.source), err=True)
    if not quiet:
        typer.echo(t("intake.summary", **counts))


def _rebuild(folder: Path, plan: Any, output_format: str, quiet: bool) -> None:
    from ...intake.rebuild import rebuild

    done = rebuild(folder, plan)
    if output_format == "json":
        data = {
            "journal": str(done.journal),
            "receipts": done.receipts,
            "locks": done.locks,
            "skipped": done.skipped,
            "kept_old": str(done.kept_old) if done.kept_old else None,
        }
        typer.echo(json.dumps({"rebuild": data}, ensure_ascii=False, indent=2))
        return
    if quiet:
        return
    typer.echo(
        t("intake.rebuilt", path=str(done.journal), receipts=done.receipts, locks=done.locks)
    )
    if done.kept_old is not None:
        typer.echo(t("intake.rebuilt_old", path=str(done.kept_old)))
    for path in done.skipped:
        typer.echo(t("intake.rebuilt_skipped", path=path), err=True)
