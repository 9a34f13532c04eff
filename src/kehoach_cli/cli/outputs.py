"""What a command's output may never replace: the files it read, the plan, the results tree."""

from __future__ import annotations

from collections.abc import Iterable
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
