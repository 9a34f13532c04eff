"""The versions of figures as a table (``kehoach history``); pure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages import get_lang, t
from ..numbers import format_number

if TYPE_CHECKING:
    from rich.table import Table

    from ..intake.history import Version


def history_rows(found: list[Version]) -> list[list[str]]:
    """One row per version: indicator, period, unit, value, change, received, file."""
    lang = get_lang()
    rows: list[list[str]] = []
    for v in found:
        value = format_number(v.value, lang=lang)
        if v.estimate:
            value = f"{value} {t('history.estimate')}"
        if v.first:
            change = t("history.first")
        elif v.change is None:
            change = ""
        else:
            sign = "+" if v.change > 0 else ""
            change = sign + format_number(v.change, lang=lang)
        received = v.received_at.astimezone().strftime("%d/%m/%Y %H:%M:%S")
        rows.append([v.indicator, v.period.id, v.unit, value, change, received, v.file])
    return rows


def history_table(found: list[Version], fancy: bool) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAVY if fancy else None, show_edge=fancy, pad_edge=False)
    for key in ("indicator", "period", "unit", "value", "change", "received", "file"):
        right = key in ("value", "change")
        table.add_column(
            t(f"history.col.{key}"), no_wrap=True, justify="right" if right else "left"
        )
    for row in history_rows(found):
        table.add_row(*row)
    return table
