"""Property tests on everything that reads text from users: numbers, periods, plan files."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_cli.errors import NumberFormatError
from kehoach_cli.numbers import format_number, parse_number
from kehoach_cli.periods import PeriodError, parse_period
from tests.conftest import PLAN

DECIMALS = st.decimals(
    min_value=Decimal("-1e12"),
    max_value=Decimal("1e12"),
    allow_nan=False,
    allow_infinity=False,
    places=6,
)


@given(DECIMALS, st.integers(min_value=0, max_value=4))
def test_what_the_vietnamese_formatter_writes_parses_back(value: Decimal, places: int) -> None:
    written = format_number(value, places)
    if _AMBIGUOUS_COMMA.fullmatch(written):
        # "1,000" could be English for a thousand: refused by design, never read as either.
        with pytest.raises(NumberFormatError, match="ambiguous"):
            parse_number(written)
        return
    # "1.000" alone is ambiguous by design (numbers.py asks rather than guesses), so a whole
    # number written with a thousands dot is read as a count, as the readers do for counts.
    parsed = parse_number(written, integer=places == 0)
    assert parsed == Decimal(written.replace(".", "").replace(",", "."))


_AMBIGUOUS_COMMA = re.compile(r"-?[1-9]\d{0,2},\d{3}")


@given(DECIMALS)
def test_numbers_with_their_own_decimals_round_trip_exactly(value: Decimal) -> None:
    written = format_number(value, grouping=False)
    if _AMBIGUOUS_COMMA.fullmatch(written):
        with pytest.raises(NumberFormatError, match="ambiguous"):
            parse_number(written)
        return
    assert parse_number(written) == value


@given(st.text(max_size=40))
def test_random_text_gives_a_number_or_the_documented_error(text: str) -> None:
    try:
        parse_number(text)
    except NumberFormatError as exc:
        assert exc.code


@given(st.text(alphabet="0123456789.,-+ %eE\u00a0", max_size=20))
def test_number_like_text_gives_a_number_or_the_documented_error(text: str) -> None:
    try:
        parse_number(text)
    except NumberFormatError:
        pass


@given(st.text(max_size=30))
def test_random_period_text_raises_only_period_error(text: str) -> None:
    try:
        parse_period(text)
    except PeriodError:
        pass


@given(st.text(alphabet="0123456789QqSsHh-/ quýnăm", max_size=14))
def test_period_like_text_raises_only_period_error(text: str) -> None:
    try:
        parse_period(text)
    except PeriodError:
        pass


_PLAN_TEXT = PLAN.read_text(encoding="utf-8")
_PIECES = [":", "- ", "  ", "\t", "&a ", "*a", "!!str ", "[", "{", '"', "'", "#", "\n", "~", "1e9"]


@st.composite
def _mutated_plan(draw: st.DrawFn) -> str:
    rng = random.Random(draw(st.integers(min_value=0, max_value=2**32)))
    text = _PLAN_TEXT
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        at = rng.randrange(len(text))
        action = rng.randrange(4)
        if action == 0:
            text = text[:at] + text[at + rng.randrange(1, 20) :]  # delete
        elif action == 1:
            text = text[:at] + rng.choice(_PIECES) + text[at:]  # insert YAML syntax
        elif action == 2:
            end = min(len(text), at + rng.randrange(1, 80))
            text = text[:at] + text[at:end] * 2 + text[end:]  # duplicate a run (keys, rows)
        else:
            lines = text.splitlines(keepends=True)
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]  # swap two lines
            text = "".join(lines)
    return text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_mutated_plan())
def test_mutated_plans_give_only_documented_problems(tmp_path: Path, text: str) -> None:
    from kehoach_cli.messages import catalog
    from kehoach_cli.plan.io import read_plan

    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan, report = read_plan(path, "plan.yaml")
    assert (plan is None) == (not report.valid)
    keys = catalog()
    for problem in report:
        assert problem.code and problem.code == problem.code.lower()
        assert problem.message and not problem.message.startswith(("plan.", "yaml.", "security."))
        assert problem.file == "plan.yaml"
        assert any(key.endswith("." + problem.code) for key in keys), problem.code
