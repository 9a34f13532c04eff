"""The plan and the period a command means, shared by the commands that take --period."""

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
