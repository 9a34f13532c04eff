"""A small safe parser and evaluator for the plan's formulas: codes, numbers, + - * / ( ).

Nothing here calls Python's ``eval``: a formula is tokenised, parsed by recursive descent into a
tree, and evaluated over Decimals. A missing operand or a division by zero gives None.

>>> f = parse("rice_output * 10 / rice_area")
>>> sorted(f.references())
['rice_area', 'rice_output']
>>> f.evaluate({"rice_output": Decimal(235), "rice_area": Decimal(59)}).quantize(Decimal("0.01"))
Decimal('39.83')
>>> parse("a + b").evaluate({"a": Decimal(1), "b": None}) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation

from ..errors import FormulaError

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(.))")
Values = Mapping[str, Decimal | None]


@dataclass(frozen=True)
class Number:
    value: Decimal

    def evaluate(self, values: Values, missing_as_zero: bool = False) -> Decimal | None:
        return self.value

    def references(self) -> set[str]:
        return set()


@dataclass(frozen=True)
class Ref:
    code: str

    def evaluate(self, values: Values, missing_as_zero: bool = False) -> Decimal | None:
        value = values.get(self.code)
        if value is None and missing_as_zero:
            return Decimal(0)
        return value

    def references(self) -> set[str]:
        return {self.code}


@dataclass(frozen=True)
class BinOp:
    op: str
    left: Expr
    right: Expr

    def evaluate(self, values: Values, missing_as_zero: bool = False) -> Decimal | None:
        # Only sums treat a missing term as zero (a total with a part that has no target).
        zero = missing_as_zero and self.op in "+-"
        left = self.left.evaluate(values, zero)
        right = self.right.evaluate(values, zero)
        if left is None or right is None:
            return None
        if self.op == "+":
            return left + right
        if self.op == "-":
            return left - right
        if self.op == "*":
            return left * right
        try:
            return left / right
        except (DivisionByZero, InvalidOperation):
            return None

    def references(self) -> set[str]:
        return self.left.references() | self.right.references()

    def is_sum(self) -> bool:
        """True when the formula only adds codes (a total of components)."""
        return self.op == "+" and all(
            isinstance(side, Ref) or (isinstance(side, BinOp) and side.is_sum())
            for side in (self.left, self.right)
        )


Expr = Number | Ref | BinOp


def parse(text: str) -> Expr:
    """Parse a formula; raise FormulaError with the position of the first bad character."""
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    stripped = text.rstrip()
    while pos < len(stripped):
        match = _TOKEN.match(stripped, pos)
        if match is None:  # pragma: no cover - the pattern matches any character
            raise FormulaError("unexpected", text, pos)
        number, name, other = match.groups()
        start = match.start(match.lastindex or 0)
        if number is not None:
            tokens.append(("num", number, start))
        elif name is not None:
            tokens.append(("name", name, start))
        elif other in "+-*/()":
            tokens.append(("op", other, start))
        else:
            raise FormulaError("unexpected", text, start)
        pos = match.end()
    parser = _Parser(text, tokens)
    expr = parser.sum()
    if parser.index != len(tokens):
        raise FormulaError("unexpected", text, tokens[parser.index][2])
    return expr


class _Parser:
    def __init__(self, text: str, tokens: list[tuple[str, str, int]]) -> None:
        self.text = text
        self.tokens = tokens
        self.index = 0

    def _peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def sum(self) -> Expr:
        left = self.product()
        while (tok := self._peek()) is not None and tok[1] in "+-" and tok[0] == "op":
            self.index += 1
            left = BinOp(tok[1], left, self.product())
        return left

    def product(self) -> Expr:
        left = self.atom()
        while (tok := self._peek()) is not None and tok[1] in "*/" and tok[0] == "op":
            self.index += 1
            left = BinOp(tok[1], left, self.atom())
        return left

    def atom(self) -> Expr:
        tok = self._peek()
        if tok is None:
            raise FormulaError("incomplete", self.text, len(self.text))
        self.index += 1
        kind, value, position = tok
        if kind == "num":
            return Number(Decimal(value))
        if kind == "name":
            return Ref(value)
        if value == "(":
            inner = self.sum()
            closing = self._peek()
            if closing is None or closing[1] != ")":
                raise FormulaError("unclosed", self.text, position)
            self.index += 1
            return inner
        raise FormulaError("unexpected", self.text, position)


def dependency_order(formulas: Mapping[str, Expr]) -> tuple[list[str], list[str]]:
    """Codes with formulas in an order where every formula comes after what it uses.

    Returns ``(order, cycle)``; ``cycle`` is empty or the codes of one cycle found.

    >>> dependency_order({"a": parse("b + c"), "b": parse("c * 2")})[0]
    ['b', 'a']
    >>> dependency_order({"a": parse("b"), "b": parse("a")})[1]
    ['a', 'b', 'a']
    """
    order: list[str] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done
    stack: list[str] = []

    def visit(code: str) -> list[str]:
        state[code] = 1
        stack.append(code)
        for ref in sorted(formulas[code].references()):
            if ref not in formulas:
                continue
            if state.get(ref) == 1:
                return stack[stack.index(ref) :] + [ref]
            if state.get(ref) is None:
                cycle = visit(ref)
                if cycle:
                    return cycle
        stack.pop()
        state[code] = 2
        order.append(code)
        return []

    for code in formulas:
        if code not in state:
            cycle = visit(code)
            if cycle:
                return order, cycle
    return order, []
