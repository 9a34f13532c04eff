"""What kehoach proposes for the rows of an imported table: refs, codes, kinds, directions,
responsible units and formulas; each proposal is marked for the officer to confirm."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

from ..messages import t
from ..numbers import format_number
from .import_tree import Node
from .model import Indicator, Plan

_LOWER_WORDS = ("nghèo", "suy dinh dưỡng", "thất nghiệp", "tử vong", "bỏ học", "tai nạn")
_FLOW_WORDS = ("trong năm", "giảm", "tăng thêm", "mới", "sản lượng", "diện tích", "trồng")
_FLOW_UNITS = frozenset({"Tấn", "Ha", "Tạ", "Km", "m", "m2", "m3"})
# With no earlier plan, every indicator is given to the Office–Statistics, which consolidates.
PLACEHOLDER_UNIT = {"code": "vp-tk", "name": "Văn phòng - Thống kê xã", "short_name": "VP-TK"}

Earlier = tuple[Plan, dict[str, Any], str]  # the plan, its file's data, its file name
# Keys of a row that the table gives or the import proposes; a matched row's others carry over.
# (Its baseline is not carried: that was the year before's figure.)
_READ_OR_PROPOSED = frozenset(
    {"tt", "code", "ref", "name", "unit", "target", "formula", "breakdown", "children", "baseline"}
)


class Guesses:
    """Counts the comments that ask the officer to confirm something."""

    def __init__(self) -> None:
        self.count = 0

    def mark(self, node: Node, key: str, text: str) -> None:
        node.notes[key] = t("plan_import.guess", text=text)
        self.count += 1


# -- what kehoach proposes -----------------------------------------------------------------------


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).rstrip(":").casefold().split())


def find_refs(indicators: list[Node], guesses: Guesses) -> None:
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


def match_earlier(indicators: list[Node], earlier: Plan | None) -> dict[int, Indicator]:
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


def assign_codes(
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


def propose_rules(
    indicators: list[Node], matched: dict[int, Indicator], guesses: Guesses, earlier: Earlier | None
) -> None:
    """Kind, direction, responsible unit of each indicator: an indicator matched in the earlier
    plan takes every setting of its row there (profile, decimals, notes, keys to come), except
    what the table says or this import proposes; the others are guesses."""
    from .draft import code_rows

    rows = (
        {str(row["code"]): row for _, row in code_rows(earlier[1].get("table", []), ())}
        if earlier
        else {}
    )
    responsible = earlier[0].reporting_units[0].code if earlier else PLACEHOLDER_UNIT["code"]
    for node in indicators:
        if node.ref is not None:
            continue
        known = matched.get(id(node))
        if known is not None:
            kept = rows.get(known.code, {})
            node.fields.update((k, v) for k, v in kept.items() if k not in _READ_OR_PROPOSED)
            responsible = known.responsible
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


def propose_formulas(
    indicators: list[Node],
    matched: dict[int, Indicator],
    guesses: Guesses,
    supporting: frozenset[str] = frozenset(),
) -> None:
    """A matched indicator keeps its formula when the parts are still there (the table's
    codes, and ``supporting`` figures the earlier plan carries over: its harvested areas)."""
    codes = {n.code for n in indicators if n.ref is None} | supporting
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
