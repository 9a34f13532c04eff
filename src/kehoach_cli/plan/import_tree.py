"""The rows of a signed plan's table as a tree of rows, as its numbering nests them.

Outermost first: A, B (sections); I, II (groups); 1, 2 (1.1 under 1); a); "-"; "+"; rows without
a mark belong to the row above them ("+ Lúa: Diện tích" opens "Lúa" and its first row, "Năng
suất" below it is the next). "Trong đó:" makes its rows the parts of the row above. A ditto mark
(") in the unit column repeats the unit above. Names and targets are kept as written; a cell
that cannot be read is a problem at its table, row and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import NumberFormatError
from ..messages import t
from ..numbers import parse_number
from ..problems import Problem
from .docx_table import IndicatorTable, TableLine, where
from .model import COUNT_UNITS

_DITTO = frozenset({'"', "“", "”", "″", "〃", "''", "„", "〃〃", '""'})
_BREAKDOWN = re.compile(r"^trong\s+đó\s*:?\s*", re.IGNORECASE)
_MARK = re.compile(r"^([-–+•])\s*")
_RANK_MARK = {"-": 30, "–": 30, "•": 30, "+": 40}
_UNMARKED = 50
_TOO_LARGE = Decimal(10) ** 15  # as the plan model's bound: no commune target reaches it


@dataclass(eq=False)
class Node:
    """A row of the table being built into a plan row."""

    name: str
    rank: int
    tt: str | None = None
    line: TableLine | None = None
    unit: str | None = None
    target: Decimal | None = None
    is_indicator: bool = False
    breakdown: bool = False
    parent: Node | None = field(default=None, repr=False)
    children: list[Node] = field(default_factory=list)
    code: str | None = None
    ref: Node | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # kind, direction, formula…
    notes: dict[str, str] = field(default_factory=dict)  # key → comment

    def path(self) -> tuple[str, ...]:
        names: list[str] = []
        node: Node | None = self
        while node is not None and node.parent is not None:
            names.append(node.name.rstrip(":").strip())
            node = node.parent
        return tuple(reversed(names))


def build_tree(table: IndicatorTable, year: int, display: str, root: Node) -> list[Problem]:
    problems: list[Problem] = []
    if table.year is not None and table.year != year:
        header = table.header["target"]
        loc = where(table.number, table.header_rows, header)
        problems.append(
            _problem("other_year", display, loc, header=header, found=table.year, year=year)
        )
    if not table.lines:
        problems.append(_problem("no_rows", display, where(table.number, table.header_rows)))
    stack = [root]
    last_unit: str | None = None
    for line in table.lines:
        made = _node_of(line, table, display, last_unit)
        if isinstance(made, Problem):
            problems.append(made)
            continue
        nodes, breakdown = made
        if not nodes:  # a numbering alone, without a name: nothing to keep
            continue
        last_unit = nodes[-1].unit or last_unit
        for node in nodes:
            while stack[-1].rank >= node.rank:
                stack.pop()
            parent = stack[-1]
            if breakdown and node is nodes[0]:
                parent.breakdown = True
            node.parent = parent
            parent.children.append(node)
            stack.append(node)
    return problems


def _node_of(
    line: TableLine, table: IndicatorTable, display: str, last_unit: str | None
) -> tuple[list[Node], bool] | Problem:
    """The node(s) of one line: two for "+ Lúa: Diện tích"; or the problem of the line."""
    columns = table.header
    name, tt, breakdown = _marks(line)
    rank = _rank(tt)
    if rank is None:
        return _problem("bad_tt", display, where(table.number, line.row, columns["tt"]), value=tt)
    if not name:
        if line.unit or line.target:
            return _problem("no_name", display, where(table.number, line.row, columns["name"]))
        return [], False
    unit, unit_note = _unit_of(line, name, last_unit)
    if unit == "":
        return _problem("ditto_first", display, where(table.number, line.row, columns["unit"]))
    target = _target_of(line, unit, table, display) if line.target else None
    if isinstance(target, Problem):
        return target
    node = Node(name, rank, tt, line, unit, target, is_indicator=bool(unit or target))
    if unit_note:
        node.notes["unit"] = unit_note
    split = re.fullmatch(r"(.+?)\s*:\s*(.+)", name)
    if node.is_indicator and rank < _UNMARKED and split:
        heading = Node(split.group(1), rank, tt, line)
        node.name, node.rank, node.tt = split.group(2), _UNMARKED + 1, None
        return [heading, node], breakdown
    return [node], breakdown


def _marks(line: TableLine) -> tuple[str, str | None, bool]:
    """The name without its leading "Trong đó:" and "-"/"+", its numbering, and whether it
    opens a breakdown. The TT cell's numbering wins over a mark in the name."""
    name, breakdown = line.name, False
    if _BREAKDOWN.match(name):
        name, breakdown = _BREAKDOWN.sub("", name), True
    mark = _MARK.match(name)
    if mark:
        name = name[mark.end() :]
    return name, line.tt or (mark.group(1) if mark else None), breakdown


def _rank(tt: str | None) -> int | None:
    """How far out a numbering puts its row (smaller is outer); None for an unknown one."""
    if not tt:
        return _UNMARKED
    if tt in _RANK_MARK:
        return _RANK_MARK[tt]
    if re.fullmatch(r"[IVXL]+\.?", tt):
        return 10
    if re.fullmatch(r"[A-Z]\.?", tt):
        return 0
    if re.fullmatch(r"\d+(\.\d+)*\.?", tt):
        return 20 + 2 * tt.rstrip(".").count(".")
    if re.fullmatch(r"[a-zđ][.)]?", tt):
        return 28
    return None


def _unit_of(line: TableLine, name: str, last_unit: str | None) -> tuple[str | None, str]:
    """The row's unit and a comment when it is not as written: "" for a ditto with none above."""
    if line.unit not in _DITTO:
        return (line.unit or None), ""
    if last_unit is None:
        return "", ""
    folded = name.casefold()
    if last_unit == "%" and not any(w in folded for w in ("tỷ lệ", "tỷ trọng", "%")):
        # A ditto under a rate on a row that counts something: the ditto is ambiguous (DOMAIN).
        for unit in sorted(COUNT_UNITS):
            if re.search(rf"(?<!\w){re.escape(unit.casefold())}(?!\w)", folded):
                return unit, t(
                    "plan_import.guess", text=t("plan_import.ditto_ambiguous", unit=unit)
                )
    return last_unit, t("plan_import.ditto", unit=last_unit)


def _target_of(
    line: TableLine, unit: str | None, table: IndicatorTable, display: str
) -> Decimal | Problem:
    """The target as written, or the problem the plan's own check would find in it."""
    loc = where(table.number, line.row, table.header["target"])
    count = unit in COUNT_UNITS
    try:
        value = parse_number(line.target, integer=count)
    except NumberFormatError as exc:
        reason = t(f"plan_import.number_{exc.code}")
        return _problem("bad_target", display, loc, value=line.target, reason=reason)
    if value < 0:
        return _problem("negative_target", display, loc, value=line.target)
    if value >= _TOO_LARGE:
        return _problem("target_too_large", display, loc, value=line.target)
    if count and value != value.to_integral_value():
        return _problem("fraction_in_count", display, loc, value=line.target, unit=unit)
    return value


def fill_parent_units(table: IndicatorTable, display: str, root: Node) -> list[Problem]:
    """An indicator whose unit cell is empty takes its rows' common unit (a guess)."""
    problems: list[Problem] = []
    for node in walk(root):
        if not node.is_indicator or node.unit:
            continue
        units = {c.unit for c in node.children if c.is_indicator}
        if len(units) == 1 and None not in units:
            node.unit = units.pop()
            node.notes["unit"] = t(
                "plan_import.guess", text=t("plan_import.unit_from_rows", unit=node.unit)
            )
            continue
        assert node.line is not None
        loc = where(table.number, node.line.row, table.header["unit"])
        problems.append(_problem("no_unit", display, loc, name=node.name))
    return problems


def walk(root: Node) -> list[Node]:
    found: list[Node] = []
    stack = list(reversed(root.children))
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(reversed(node.children))
    return found


def _problem(code: str, display: str, location: str | None, **params: object) -> Problem:
    return Problem(
        severity="error",
        code=code,
        message=t(f"plan_import.{code}", **params),
        file=display,
        location=location,
    )
