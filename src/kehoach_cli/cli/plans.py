"""The plan, the period and the results folder a command means, shared by the commands that take
--period."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..periods import Period
    from ..plan.model import Plan


def locate_plan_and_period(
    explicit: Path | None, text: str, today: date
) -> tuple[Path, Plan, Period]:
    """The plan file, the plan and the period a command means.

    ``current``/``previous`` can fall in another year than the newest plan's (on 1 January the
    current quarter is last year's Q4): then, unless a plan was named (``--plan`` or
    ``KEHOACH_PLAN``), the plan of that year is used, ``data/plan_<year>.yaml``.
    """
    from ..plan.io import PLAN_ENV, find_plan, load_plan
    from ..report.schedule import check_period_in_plan, resolve_period

    path = find_plan(explicit)
    plan = load_plan(path)
    period = resolve_period(text, plan, today)
    if period.year != plan.year and explicit is None and not os.environ.get(PLAN_ENV):
        other = Path("data") / f"plan_{period.year}.yaml"
        if other.is_file():
            path, plan = other, load_plan(other)
            period = resolve_period(text, plan, today)
    check_period_in_plan(period, plan, str(path))
    return path, plan, period


RESULTS_ENV = "KEHOACH_RESULTS"


def results_folder(explicit: Path | None, plan_file: Path) -> Path:
    """``--results``, else ``$KEHOACH_RESULTS``, else the ``results`` folder beside the plan.

    Beside the plan, not in the current folder: Task Scheduler and cron start elsewhere, and a
    report of "no data" written from an empty place once replaced a good one. A folder that
    does not exist is a usage error naming it, for every command that reads results.
    """
    from ..errors import InputFileNotFound
    from ..messages import t

    env = os.environ.get(RESULTS_ENV)
    if explicit is not None:
        folder, hint = explicit, "cli.results_folder_hint_option"
    elif env:
        folder, hint = Path(env), "cli.results_folder_hint_env"
    else:
        folder, hint = plan_file.parent / "results", "cli.results_folder_hint_default"
    if not folder.exists():
        shown = str(folder)
        raise InputFileNotFound(
            t("cli.results_folder_not_found", path=shown) + " " + t(hint, var=RESULTS_ENV),
            file=shown,
        )
    return folder
