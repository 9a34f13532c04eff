"""The plan's indicator tree as data for display, as JSON, and as a terminal table."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..messages import get_lang, t
from ..numbers import format_number, json_number
from ..plan.model import Plan
from ..plan.profiles import Profile, expected_profiles

if TYPE_CHECKING:
    from rich.table import Table


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """``{"plan": {...}, "indicators": [...]}`` — the shape of ``plan show --format json``.

    ``expected_progress`` is each flow's cumulative expected % by quarter (``{"q1": 0, …}``,
    a total's from its components'), ``null`` for a level (stock, rate) or a projection.
    """
    profiles = expected_profiles(plan)
    meta = plan.plan.model_dump(mode="json")
    meta["reporting"] = plan.reporting.model_dump(mode="json")
    meta["reporting_units"] = [u.model_dump(mode="json") for u in plan.reporting_units]
    meta["emulation_contents"] = [e.model_dump(mode="json") for e in plan.emulation_contents]
    indicators = [
        {
            "code": ind.code,
            "tt": ind.tt,
            "name": ind.name,
            "path": list(ind.path),
            "unit": ind.unit,
            "target": json_number(ind.target),
            "decimals": ind.decimals,
            "kind": ind.kind,
            "direction": ind.direction,
            "responsible": ind.responsible,
            "formula": ind.formula,
            "expected_progress": _profile_json(profiles.get(ind.code)),
            "year_end_only": ind.year_end_only,
            "baseline": ind.baseline.model_dump(mode="json") if ind.baseline else None,
        }
        for ind in plan.indicators
    ]
    return {"plan": meta, "indicators": indicators}


def _profile_json(profile: Profile | None) -> dict[str, Any] | None:
    if profile is None:
        return None
    return {f"q{q}": json_number(value) for q, value in profile.items()}


def plan_as_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


def plan_rows(plan: Plan) -> list[list[str]]:
    """One list of cell texts per table row, headings included, numbers the user's way."""
    lang = get_lang()
    out: list[list[str]] = []
    for row in plan.rows:
        name = "  " * row.depth + row.name
        if row.breakdown_lead:
            name = "  " * row.depth + t("plan.breakdown") + " " + row.name
        ind = plan.indicator(row.indicator) if row.indicator else None
        if ind is None:
            out.append([row.tt or "", name, "", "", "", "", ""])
            continue
        out.append(
            [
                row.tt or "",
                name,
                ind.unit,
                format_number(ind.target, ind.decimals, lang=lang),
                t(f"kind.{ind.kind}") + (" *" if ind.derived else ""),
                t(f"direction.{ind.direction}"),
                plan.unit_short_name(ind.responsible),
            ]
        )
    return out


def plan_table(plan: Plan, fancy: bool) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(
        title=t("plan.show.title", title=plan.plan.title, issuer=plan.plan.issuer),
        box=box.SIMPLE_HEAVY if fancy else None,
        show_edge=fancy,
        pad_edge=False,
        title_justify="left",
    )
    table.add_column(t("plan.col.tt"), no_wrap=True)
    table.add_column(t("plan.col.name"), overflow="fold")
    table.add_column(t("plan.col.unit"), no_wrap=True)
    table.add_column(t("plan.col.target", year=plan.year), justify="right", no_wrap=True)
    table.add_column(t("plan.col.kind"), no_wrap=True)
    table.add_column(t("plan.col.direction"), no_wrap=True)
    table.add_column(t("plan.col.responsible"), overflow="fold")
    for cells, row in zip(plan_rows(plan), plan.rows, strict=True):
        heading = row.indicator is None
        style = "bold" if heading and fancy else None
        table.add_row(*cells, style=style)
    table.caption = t(
        "plan.show.footer", count=len(plan.indicators), units=len(plan.reporting_units)
    )
    table.caption_justify = "left"
    return table


def profile_rows(plan: Plan) -> list[list[str]]:
    """The expected-progress table: each flow's cumulative % at Q1..Q4, and the indicators
    assessed at the year's end only."""
    lang = get_lang()
    profiles = expected_profiles(plan)
    out: list[list[str]] = []
    for ind in plan.indicators:
        profile = profiles.get(ind.code)
        if profile is None and not ind.year_end_only:
            continue
        cells = [format_number(v, None, lang=lang) for v in profile.values()] if profile else []
        notes = []
        if ind.formula and profile is not None:
            notes.append(t("plan.profile.total"))
        elif profile is not None and not ind.expected_progress:
            notes.append(t("plan.profile.default"))
        if ind.year_end_only:
            notes.append(t("plan.profile.year_end"))
        # "Lúa › Diện tích": the crop names a measure; other names read alone.
        name = " › ".join(ind.path[-2:]) if len(ind.path) >= 5 else ind.name
        out.append([name, *(cells or [""] * 4), "; ".join(notes)])
    return out


def profile_table(plan: Plan, fancy: bool) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(
        title=t("plan.profile.title"),
        box=box.SIMPLE_HEAVY if fancy else None,
        show_edge=fancy,
        pad_edge=False,
        title_justify="left",
    )
    table.add_column(t("plan.col.name"), overflow="fold")
    for quarter in ("Q1", "Q2", "Q3", "Q4"):
        table.add_column(quarter, justify="right", no_wrap=True)
    table.add_column(t("plan.profile.note"), overflow="fold")
    for cells in profile_rows(plan):
        table.add_row(*cells)
    return table
