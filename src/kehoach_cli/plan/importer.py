"""A signed plan's indicator table (.docx) as a plan file, every guess marked for the officer.

The rows keep their names and targets exactly as written. Their nesting follows the numbering a
commune's table uses, outermost first: A, B (sections); I, II (groups); 1, 2; "-"; "+"; rows
without a mark belong to the row above them ("+ Lúa: Diện tích" opens "Lúa" and its first row,
"Năng suất" below it is the next). "Trong đó:" makes its rows the parts of the row above. A
ditto mark (") in the unit column repeats the unit above.

Then kehoach proposes, and says so in a comment ("ĐOÁN", GUESS) next to each value: a code, the
kind and direction, the responsible unit, a part of a breakdown that repeats an indicator shown
further down (a ``ref``), and formulas: totals equal to the sum of their parts, yields as output
× 10 ÷ area. With an earlier plan, an indicator of the same name keeps that plan's code, kind,
direction, responsible unit and profile, so that year-over-year comparison follows it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import NumberFormatError
from ..messages import t
from ..numbers import format_number, parse_number
from ..problems import Problem, ProblemReport
from .docx_table import IndicatorTable, TableLine, where
from .model import COUNT_UNITS, Indicator, Plan

_DITTO = frozenset({'"', "“", "”", "″", "〃", "''", "„", "〃〃", '""'})
_BREAKDOWN = re.compile(r"^trong\s+đó\s*:?\s*", re.IGNORECASE)
_MARK = re.compile(r"^([-–+•])\s*")
_RANK_MARK = {"-": 30, "–": 30, "•": 30, "+": 40}
_UNMARKED = 50
_LOWER_WORDS = ("nghèo", "suy dinh dưỡng", "thất nghiệp", "tử vong", "bỏ học", "tai nạn")
_FLOW_WORDS = ("trong năm", "giảm", "tăng thêm", "mới", "sản lượng", "diện tích", "trồng")
_FLOW_UNITS = frozenset({"Tấn", "Ha", "Tạ", "Km", "m", "m2", "m3"})
# With no earlier plan, every indicator is given to the Office–Statistics, which consolidates.
_PLACEHOLDER_UNIT = {"code": "vp-tk", "name": "Văn phòng - Thống kê xã", "short_name": "VP-TK"}

Earlier = tuple[Plan, dict[str, Any], str]  # the plan, its file's data, its file name


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
    report.extend(_build_tree(table, year, display, root))
    report.extend(_fill_parent_units(table, display, root))
    if not report.valid:
        return None, report
    indicators = [n for n in _walk(root) if n.is_indicator]
    guesses = Guesses()
    _find_refs(indicators, guesses)
    matched = _match_earlier(indicators, earlier[0] if earlier else None)
    _assign_codes(indicators, matched, guesses, earlier)
    _propose_rules(indicators, matched, guesses, earlier)
    _propose_formulas(indicators, matched, guesses)
    text = _plan_text(root, year, earlier, guesses)
    return ImportedPlan(text, sum(1 for n in indicators if n.ref is None), guesses.count), report


class Guesses:
    """Counts the comments that ask the officer to confirm something."""

    def __init__(self) -> None:
        self.count = 0

    def mark(self, node: Node, key: str, text: str) -> None:
        node.notes[key] = t("plan_import.guess", text=text)
        self.count += 1


# -- the rows into a tree ------------------------------------------------------------------------


def _build_tree(table: IndicatorTable, year: int, display: str, root: Node) -> list[Problem]:
    problems: list[Problem] = []
    if table.year is not None and table.year != year:
        header = table.header["target"]
        loc = where(table.number, 1, header)
        problems.append(
            _problem("other_year", display, loc, header=header, found=table.year, year=year)
        )
    if not table.lines:
        problems.append(_problem("no_rows", display, where(table.number, 1)))
    stack = [root]
    last_unit: str | None = None
    for line in table.lines:
        made = _node_of(line, table, display, last_unit)
        if isinstance(made, Problem):
            problems.append(made)
            continue
        nodes, breakdown = made
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
    name, breakdown = line.name, False
    if _BREAKDOWN.match(name):
        name, breakdown = _BREAKDOWN.sub("", name), True
    mark = _MARK.match(name)
    tt = line.tt or (mark.group(1) if mark else None)
    if mark:
        name = name[mark.end() :]
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
    target = None
    if line.target:
        target_or_problem = _target_of(line, unit, table, display)
        if isinstance(target_or_problem, Problem):
            return target_or_problem
        target = target_or_problem
    node = Node(name, rank, tt, line, unit, target, is_indicator=bool(unit or target))
    if unit_note:
        node.notes["unit"] = unit_note
    split = re.fullmatch(r"(.+?)\s*:\s*(.+)", name)
    if node.is_indicator and rank < _UNMARKED and split:
        heading = Node(split.group(1), rank, tt, line)
        node.name, node.rank, node.tt = split.group(2), _UNMARKED + 1, None
        return [heading, node], breakdown
    return [node], breakdown


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
    loc = where(table.number, line.row, table.header["target"])
    try:
        value = parse_number(line.target, integer=unit in COUNT_UNITS)
    except NumberFormatError as exc:
        reason = t(f"plan_import.number_{exc.code}")
        return _problem("bad_target", display, loc, value=line.target, reason=reason)
    if value < 0:
        return _problem("negative_target", display, loc, value=line.target)
    return value


def _fill_parent_units(table: IndicatorTable, display: str, root: Node) -> list[Problem]:
    """An indicator whose unit cell is empty takes its rows' common unit (a guess)."""
    problems: list[Problem] = []
    for node in _walk(root):
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


def _walk(root: Node) -> list[Node]:
    found: list[Node] = []
    stack = list(reversed(root.children))
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(reversed(node.children))
    return found


# -- what kehoach proposes -----------------------------------------------------------------------


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).rstrip(":").casefold().split())


def _find_refs(indicators: list[Node], guesses: Guesses) -> None:
    """A part of a breakdown that is an indicator shown further down ("Trong đó: + Lúa" and
    "+ Lúa: … Sản lượng"): same name as the other's heading, same unit, same target."""
    for node in indicators:
        parent = node.parent
        if parent is None or not parent.breakdown or node.children or node.target is None:
            continue
        same = [
            other
            for other in indicators
            if other is not node
            and other.parent is not None
            and other.parent is not parent
            and _norm(other.parent.name) == _norm(node.name)
            and other.unit == node.unit
            and other.target == node.target
        ]
        if len(same) == 1:
            node.ref = same[0]
            shown = " › ".join(same[0].path()[-2:])
            guesses.mark(node, "ref", t("plan_import.ref", name=shown))


def _match_earlier(indicators: list[Node], earlier: Plan | None) -> dict[int, Indicator]:
    """Each indicator's namesake in the earlier plan: by the whole path of names, then by its
    last two, then by its own name, each only where it is unique on both sides."""
    matched: dict[int, Indicator] = {}
    if earlier is None:
        return matched
    taken: set[str] = set()
    for depth in (None, 2, 1):
        ours = _keyed([n for n in indicators if n.ref is None and id(n) not in matched], depth)
        theirs = _keyed([i for i in earlier.indicators if i.code not in taken], depth)
        for key, nodes in ours.items():
            found = theirs.get(key, [])
            if len(nodes) == 1 and len(found) == 1:
                matched[id(nodes[0])] = found[0]
                taken.add(found[0].code)
    return matched


def _keyed(items: list[Any], depth: int | None) -> dict[tuple[str, ...], list[Any]]:
    keyed: dict[tuple[str, ...], list[Any]] = {}
    for item in items:
        names = item.path() if isinstance(item, Node) else item.path
        key = tuple(_norm(n) for n in (names if depth is None else names[-depth:]))
        keyed.setdefault(key, []).append(item)
    return keyed


def _assign_codes(
    indicators: list[Node], matched: dict[int, Indicator], guesses: Guesses, earlier: Earlier | None
) -> None:
    taken = {ind.code for ind in matched.values()}
    for node in indicators:
        if id(node) in matched:
            node.code = matched[id(node)].code
            assert earlier is not None
            node.notes["code"] = t("plan_import.code_from", source=earlier[2])
    names = [_norm(n.name) for n in indicators if n.ref is None]
    for node in indicators:
        if node.ref is not None or node.code:
            continue
        words = _slug_words(node.name)[:5]
        if names.count(_norm(node.name)) > 1 and node.parent is not None:
            words = _slug_words(node.parent.name)[:2] + words
        base = "_".join(words) or "chi_tieu"
        base = base if base[0].isalpha() else f"ct_{base}"
        code, n = base, 2
        while code in taken:
            code, n = f"{base}_{n}", n + 1
        taken.add(code)
        node.code = code
        guesses.mark(node, "code", t("plan_import.code_guess"))


def _slug_words(text: str) -> list[str]:
    """ASCII words of a Vietnamese name ("Sản lượng" → san, luong), for a proposed code."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return re.findall(r"[a-z0-9]+", plain)


def _propose_rules(
    indicators: list[Node], matched: dict[int, Indicator], guesses: Guesses, earlier: Earlier | None
) -> None:
    """Kind, direction, responsible unit (and the earlier plan's profile) of each indicator."""
    responsible = earlier[0].reporting_units[0].code if earlier else _PLACEHOLDER_UNIT["code"]
    for node in indicators:
        if node.ref is not None:
            continue
        known = matched.get(id(node))
        if known is not None:
            node.fields.update(kind=known.kind, direction=known.direction)
            node.fields["responsible"] = responsible = known.responsible
            if known.expected_progress:
                node.fields["expected_progress"] = dict(known.expected_progress)
            continue
        kind, direction = _kind_of(node), _direction_of(node)
        node.fields.update(kind=kind, direction=direction, responsible=responsible)
        guesses.mark(node, "kind", t(f"kind.{kind}"))
        guesses.mark(node, "direction", t(f"direction.{direction}"))
        guesses.mark(node, "responsible", t("plan_import.responsible_guess"))


def _kind_of(node: Node) -> str:
    folded = _norm(node.name)
    if node.unit == "%" or (node.unit and "/" in node.unit) or "tỷ lệ" in folded:
        return "rate"
    if node.unit in _FLOW_UNITS or any(w in folded for w in _FLOW_WORDS):
        return "flow"
    return "stock"


def _direction_of(node: Node) -> str:
    folded = _norm(node.name)
    if "dân số" in folded:
        return "none"
    if "tỷ lệ" in folded and any(w in folded for w in _LOWER_WORDS):
        return "lower"
    return "higher"


def _propose_formulas(
    indicators: list[Node], matched: dict[int, Indicator], guesses: Guesses
) -> None:
    codes = {n.code for n in indicators if n.ref is None}
    for node in indicators:
        if node.ref is not None:
            continue
        known = matched.get(id(node))
        if known is not None and known.formula:
            from .formulas import parse

            if parse(known.formula).references() <= codes:
                node.fields["formula"] = known.formula
                continue
        formula, note = _sum_formula(node) or _yield_formula(node) or (None, "")
        if formula:
            node.fields["formula"] = formula
            guesses.mark(node, "formula", note)


def _sum_formula(node: Node) -> tuple[str, str] | None:
    parts = [c.ref or c for c in node.children]
    if len(parts) < 2 or node.target is None:
        return None
    if not all(p.is_indicator and p.unit == node.unit for p in parts):
        return None
    targets = [p.target for p in parts if p.target is not None]
    if not targets or sum(targets, Decimal(0)) != node.target:
        return None
    shown = " + ".join(format_number(p.target or Decimal(0)) for p in parts)
    note = t("plan_import.sum", parts=shown, total=format_number(node.target))
    return " + ".join(str(p.code) for p in parts), note


def _yield_formula(node: Node) -> tuple[str, str] | None:
    if node.unit not in ("Tạ/ha", "Tấn/ha") or node.parent is None:
        return None
    siblings = {_norm(c.name): c for c in node.parent.children if c.is_indicator}
    area, output = siblings.get("diện tích"), siblings.get("sản lượng")
    if area is None or output is None or area.unit != "Ha" or output.unit != "Tấn":
        return None
    if node.unit == "Tạ/ha":  # a tấn is ten tạ
        return f"{output.code} * 10 / {area.code}", t("plan_import.yield_ta")
    return f"{output.code} / {area.code}", t("plan_import.yield_tan")


# -- the plan file -------------------------------------------------------------------------------


def _plan_text(root: Node, year: int, earlier: Earlier | None, guesses: Guesses) -> str:
    from .draft import carry_over
    from .yaml_text import plan_text

    units: list[str] = []
    for node in _walk(root):
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
        "reporting_units": [dict(_PLACEHOLDER_UNIT)],
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
    if node.breakdown:
        row["breakdown"] = True
    if "expected_progress" in node.fields and node.ref is None:
        row["expected_progress"] = node.fields["expected_progress"]
    for key, note in node.notes.items():
        note_path = (*path, key)
        comments[note_path] = note
    if node.children:
        row["children"] = [
            _row_data(child, (*path, "children", i), comments)
            for i, child in enumerate(node.children)
        ]
    return row


def _problem(code: str, display: str, location: str | None, **params: object) -> Problem:
    return Problem(
        severity="error",
        code=code,
        message=t(f"plan_import.{code}", **params),
        file=display,
        location=location,
    )
