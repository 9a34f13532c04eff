"""A signed plan's indicator table (.docx) as a plan file, every guess marked for the officer.

Three steps: read the table's cells (plan.docx_table), nest its rows as their numbering says,
names and targets as written (plan.import_tree), propose what the table does not say, each
proposal marked "ĐOÁN" (plan.import_guesses); then the plan file, with an earlier plan's parts
when one is given. With an earlier plan, an indicator of the same name keeps that plan's code,
kind, direction, responsible unit and profile, so that year-over-year comparison follows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..messages import t
from ..problems import ProblemReport
from .import_guesses import (
    PLACEHOLDER_UNIT,
    Earlier,
    Guesses,
    assign_codes,
    find_refs,
    match_earlier,
    propose_formulas,
    propose_rules,
)
from .import_tree import Node, build_tree, fill_parent_units, walk


@dataclass
class ImportedPlan:
    text: str
    indicators: int
    guesses: int


def import_plan(
    path: Path, display: str, year: int, earlier: Earlier | None = None
) -> tuple[ImportedPlan | None, ProblemReport]:
    """The plan text of the .docx's indicator table, or None and the problems that stop it."""
    from ..safety.limits import current_limits
    from .docx_table import read_indicator_table

    report = ProblemReport()
    table, problems = read_indicator_table(path, display, current_limits())
    report.extend(problems)
    if table is None:
        return None, report
    root = Node("", -1)
    report.extend(build_tree(table, year, display, root))
    report.extend(fill_parent_units(table, display, root))
    if not report.valid:
        return None, report
    indicators = [n for n in walk(root) if n.is_indicator]
    guesses = Guesses()
    find_refs(indicators, guesses)
    matched = match_earlier(indicators, earlier[0] if earlier else None)
    assign_codes(indicators, matched, guesses, earlier)
    propose_rules(indicators, matched, guesses, earlier)
    harvested = frozenset(a.code for a in earlier[0].harvested_areas) if earlier else frozenset()
    propose_formulas(indicators, matched, guesses, harvested)
    text = _plan_text(root, year, earlier, guesses)
    return ImportedPlan(text, sum(1 for n in indicators if n.ref is None), guesses.count), report


# -- the plan file -------------------------------------------------------------------------------


def _plan_text(root: Node, year: int, earlier: Earlier | None, guesses: Guesses) -> str:
    from .draft import carry_over
    from .yaml_text import plan_text

    units: list[str] = []
    for node in walk(root):
        if node.unit and node.unit not in units and node.ref is None:
            units.append(node.unit)
    if earlier is not None:
        plan, data, source = earlier
        out, comments = carry_over(data, plan.year, year, source)
        out["units_of_measure"] = list(plan.units_of_measure) + [
            u for u in units if u not in plan.units_of_measure
        ]
        if out.get("emulation_contents"):
            comments[("emulation_contents",)] = _guess(guesses, "emulation_from", source=source)
    else:
        out, comments = _new_plan_data(year, units, guesses)
    out["table"] = [
        _row_data(child, ("table", i), comments) for i, child in enumerate(root.children)
    ]
    header = [t("plan_import.header", year=year), t("plan_import.header_confirm")]
    return plan_text(out, comments, header)


def _guess(guesses: Guesses, key: str, **params: object) -> str:
    guesses.count += 1
    return t("plan_import.guess", text=t(f"plan_import.{key}", **params))


def _new_plan_data(
    year: int, units: list[str], guesses: Guesses
) -> tuple[dict[str, Any], dict[tuple[str | int, ...], str]]:
    """Without an earlier plan: what the table does not say, as placeholders to fill."""
    fill = t("plan_import.placeholder")
    meta: dict[str, Any] = {
        "code": f"ke-hoach-{year}",
        "year": year,
        "title": t("plan_import.title", year=year),
        "issuer": fill,
        "parent_body": fill,
        "commune": fill,
        "place": fill,
        "signer": {"name": fill},
        "draft": True,
    }
    comments: dict[tuple[str | int, ...], str] = {
        ("plan", "draft"): t("plan_new.draft_comment"),
        ("reporting_units",): _guess(guesses, "units_guess"),
    }
    for key in ("code", "title", "issuer", "parent_body", "commune", "place", "signer"):
        comments[("plan", key)] = t("plan_import.fill", what=key)
    data = {
        "schema_version": 1,
        "plan": meta,
        "units_of_measure": units,
        "reporting_units": [dict(PLACEHOLDER_UNIT)],
    }
    return data, comments


def _row_data(
    node: Node, path: tuple[str | int, ...], comments: dict[tuple[str | int, ...], str]
) -> dict[str, Any]:
    row: dict[str, Any] = {}
    if node.tt:
        row["tt"] = node.tt
    if node.ref is not None:
        row["ref"] = node.ref.code
    elif node.code:
        row["code"] = node.code
    row["name"] = node.name
    if node.is_indicator and node.ref is None:
        row["unit"] = node.unit
        row["target"] = node.target
        for key in ("kind", "direction", "responsible", "formula"):
            if key in node.fields:
                row[key] = node.fields[key]
        row.update((k, v) for k, v in node.fields.items() if k not in row)
    if node.breakdown:
        row["breakdown"] = True
    for key, note in node.notes.items():
        note_path = (*path, key)
        comments[note_path] = note
    if node.children:
        row["children"] = [
            _row_data(child, (*path, "children", i), comments)
            for i, child in enumerate(node.children)
        ]
    return row
