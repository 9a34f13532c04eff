"""The plan's indicator tree as data for display, as JSON, and as a terminal table."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..messages import get_lang, t
from ..numbers import format_number, json_number
from ..plan.model import Plan

if TYPE_CHECKING:
    from rich.table import Table


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """``{"plan": {...}, "indicators": [...]}`` — the shape of ``plan show --format json``."""
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
        }
        for ind in plan.indicators
    ]
    return {"plan": meta, "indicators": indicators}


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
