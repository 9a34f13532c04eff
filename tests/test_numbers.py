"""Vietnamese numbers: reading messy input, writing for people, never guessing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_cli.errors import NumberFormatError
from kehoach_cli.numbers import format_number, format_percent, parse_number, round_half_up


@pytest.mark.parametrize(
    ("text", "integer", "expected"),
    [
        ("39,83", False, "39.83"),
        ("20,8", False, "20.8"),
        ("1.200,5", False, "1200.5"),
        ("1.234.567,5", False, "1234567.5"),
        ("1.234", True, "1234"),
        ("0,125", False, "0.125"),  # a leading zero cannot be a thousands group
        ("1234,567", False, "1234.567"),  # nor can four digits before the comma
        ("7,0", False, "7.0"),
        ("6.700", True, "6700"),
        ("0.125", False, "0.125"),
        ("3.5", False, "3.5"),
        ("1,234.5", False, "1234.5"),
        ("1 200", True, "1200"),
        ("1\u00a0200,5", False, "1200.5"),
        ("63,13%", False, "63.13"),
        ("-5", False, "-5"),
        ("  42 ", True, "42"),
        ("１２３", True, "123"),  # full-width digits from some keyboards
    ],
)
def test_reads_numbers_as_vietnamese_write_them(text: str, integer: bool, expected: str) -> None:
    assert parse_number(text, integer=integer) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("12.345", "ambiguous"),
        ("1.234", "ambiguous"),
        ("7,000", "ambiguous"),  # English-locale Excel's "#,##0": 7000, or 7 with a comma?
        ("1,000", "ambiguous"),
        ("6,725", "ambiguous"),
        ("1,187,93", "bad_grouping"),
        ("1.2.3", "bad_grouping"),
        ("abc", "not_a_number"),
        ("", "empty"),
        ("   ", "empty"),
        ("12,", "not_a_number"),
        ("1e5", "not_a_number"),
    ],
)
def test_refuses_what_it_cannot_read_with_a_reason(text: str, code: str) -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number(text)
    assert caught.value.code == code


def test_writes_numbers_for_people() -> None:
    assert format_number(Decimal("6700")) == "6.700"
    assert format_number(Decimal("1234567.5"), 1) == "1.234.567,5"
    assert format_number(Decimal("39.83")) == "39,83"
    assert format_number(Decimal("59"), 2) == "59,00"
    assert format_number(Decimal("2.345"), 2) == "2,35"  # half up, not half even
    assert format_number(Decimal("-0.001"), 2) == "0,00"
    assert format_number(Decimal("1234.5"), 1, lang="en") == "1,234.5"
    assert format_percent(Decimal("49.5412")) == "49,54%"


def test_round_half_up() -> None:
    assert round_half_up(Decimal("0.125"), 2) == Decimal("0.13")
    assert round_half_up(Decimal("-0.125"), 2) == Decimal("-0.13")


decimals = st.decimals(
    min_value=Decimal("-1e12"),
    max_value=Decimal("1e12"),
    places=3,
    allow_nan=False,
    allow_infinity=False,
)


@given(decimals, st.integers(min_value=0, max_value=3))
def test_anything_written_reads_back_the_same(value: Decimal, places: int) -> None:
    written = format_number(value, places)
    expected = round_half_up(value, places)
    if places == 3 and abs(expected) < 1000 and abs(expected) >= 1:
        # "12,345" could be English for 12345: refused, never read as either.
        with pytest.raises(NumberFormatError, match="ambiguous"):
            parse_number(written)
        return
    assert parse_number(written, integer=places == 0) == expected


@given(st.text(max_size=30))
def test_random_text_gives_a_number_or_the_documented_error(text: str) -> None:
    try:
        result = parse_number(text)
    except NumberFormatError as exc:
        assert exc.code in {"empty", "not_a_number", "ambiguous", "bad_grouping"}
    else:
        assert isinstance(result, Decimal) and result.is_finite()
