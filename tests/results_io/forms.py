"""Build real results workbooks for tests: the template, filled in with openpyxl."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.plan.model import Plan
from kehoach_cli.results.template import FIRST_ROW, META_ROWS, build_form

from ..conftest import PLAN

Q1, Q2, Q3 = (Period(2024, "quarter", q) for q in (1, 2, 3))


@cache
def plan() -> Plan:
    return load_plan(PLAN)


def make_form(
    path: Path,
    values: dict[str, Any],
    *,
    period: Period = Q2,
    unit: str | None = None,
    notes: dict[str, str] | None = None,
    reporter: str | None = "Nguyễn Văn A",
    reported_on: date | None = date(2024, 6, 18),
    edit: Callable[[Any, dict[str, int]], None] | None = None,
) -> dict[str, int]:
    """Write a filled form to ``path``; returns each indicator's row number."""
    book = build_form(plan(), period, unit)
    sheet = book["Kết quả"]
    rows = {
        sheet.cell(r, 2).value: r
        for r in range(FIRST_ROW, sheet.max_row + 1)
        if sheet.cell(r, 2).value
    }
    if reporter:
        sheet.cell(META_ROWS["reporter"], 3, reporter)
    if reported_on:
        sheet.cell(META_ROWS["reported_on"], 3, reported_on)
    for code, value in values.items():
        sheet.cell(rows[code], 6, value)
    for code, note in (notes or {}).items():
        sheet.cell(rows[code], 7, note)
    if edit:
        edit(sheet, rows)
    book.save(path)
    return rows
