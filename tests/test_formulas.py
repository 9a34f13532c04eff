"""The safe formula parser: what it accepts, what it refuses, and where."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach_cli.errors import FormulaError
from kehoach_cli.plan.formulas import BinOp, parse


def test_precedence_and_parentheses() -> None:
    values = {"a": Decimal(2), "b": Decimal(3), "c": Decimal(4)}
    assert parse("a + b * c").evaluate(values) == 14
    assert parse("(a + b) * c").evaluate(values) == 20
    assert parse("a - b - c").evaluate(values) == -5


def test_division_by_zero_and_missing_values_give_none() -> None:
    assert parse("a / b").evaluate({"a": Decimal(1), "b": Decimal(0)}) is None
    assert parse("a + b").evaluate({"a": Decimal(1)}) is None
    assert parse("a + b").evaluate({"a": Decimal(1)}, missing_as_zero=True) == 1


def test_sums_are_recognised() -> None:
    sum_expr = parse("a + b + c")
    product = parse("a * 10 / b")
    assert isinstance(sum_expr, BinOp) and sum_expr.is_sum()
    assert isinstance(product, BinOp) and not product.is_sum()


@pytest.mark.parametrize(
    ("text", "position"),
    [("a +", 3), ("a $ b", 2), ("(a + b", 0), ("__import__('os')", 11), ("a b", 2)],
)
def test_bad_formulas_are_refused_with_a_position(text: str, position: int) -> None:
    with pytest.raises(FormulaError) as caught:
        parse(text)
    assert caught.value.position == position
