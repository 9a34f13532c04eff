"""What a command's output may never replace: the files it read, the plan, the results tree."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated

import typer

from ..messages import t
from ..safety.output import Guarded
from .options import DEFAULT_RESULTS

ForceOption = Annotated[bool, typer.Option("--force", help=t("help.force"))]


def guarded(
    plan_path: Path | None, results: Path | None = None, read: Iterable[Path | str] = ()
) -> Guarded:
    """The plan, every file ``read`` and every results file of the results folders in use:
    the one named (``--results``), ``data/results`` here and the ``results`` folder beside the
    plan, whether or not this run read them (a unit's Q1 submission is safe from a Q2 report)."""
    from ..results.validation import RESULT_SUFFIXES

    folders = [DEFAULT_RESULTS]
    if results is not None:
        folders.append(results)
    if plan_path is not None:
        folders.append(plan_path.parent / "results")
    inputs = [Path(item) for item in read]
    if plan_path is not None:
        inputs.append(plan_path)
    return Guarded(
        inputs=tuple(inputs),
        plan=plan_path,
        results_folders=tuple(f for f in folders if f.is_dir()),
        results_suffixes=frozenset(RESULT_SUFFIXES),
    )


def to_stdout(write: Callable[[], None]) -> None:
    """Run ``write`` (printing to stdout) and flush; a stdout that cannot take it (a full disk
    behind `> file`) is one line and exit 2, not an unexpected error. A reader that went away
    (EPIPE, EINVAL on Windows) is left to the error boundary, which exits 141 quietly."""
    import errno
    import os
    import sys

    from ..errors import OutputError

    try:
        write()
        sys.stdout.flush()
    except OSError as exc:
        if isinstance(exc, BrokenPipeError) or exc.errno in (errno.EPIPE, errno.EINVAL):
            raise
        try:  # what is still buffered goes nowhere, so that the exit does not fail again
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
        reason = exc.strerror or str(exc)
        raise OutputError(t("output.stdout_failed", reason=reason)) from None
