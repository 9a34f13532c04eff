"""Periods as users write them, their windows, and the library exports."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach_cli.periods import Period, PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("q2", "2024Q2"),
        ("Quý II", "2024Q2"),
        ("quý 2/2024", "2024Q2"),
        ("2024-q2", "2024Q2"),
        ("2024Q2", "2024Q2"),
        ("q2/2024", "2024Q2"),
        ("Q2 2024", "2024Q2"),
        ("h1", "2024S1"),
        ("6t", "2024S1"),
        ("s1", "2024S1"),
        ("6 tháng", "2024S1"),
        ("9m", "2024N9"),
        ("9t", "2024N9"),
        ("9 tháng đầu năm", "2024N9"),
        ("year", "2024"),
        ("nam", "2024"),
        ("cả năm", "2024"),
        ("2024", "2024"),
    ],
)
def test_forms(text: str, expected: str) -> None:
    assert parse_period(text, year=2024).id == expected


@pytest.mark.parametrize("text", ["", "q5", "q0", "abc", "q2/1999"])
def test_bad(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text, year=2024)


def test_current_and_previous_follow_the_windows() -> None:
    assert parse_period("current", today=date(2024, 6, 15)).id == "2024Q2"
    assert parse_period("current", today=date(2024, 6, 15), windows="calendar").id == "2024Q1"
    assert parse_period("previous", today=date(2024, 1, 5)).id == "2023Q3"


def test_windows_and_labels() -> None:
    q2 = Period(2024, "quarter", 2)
    assert q2.window_text() == ("15/03/2024", "14/06/2024")
    assert Period(2024, "nine_months").window_text("calendar") == ("01/01/2024", "30/09/2024")
    assert q2.short_label() == "Quý II" and q2.short_label("en") == "Q2"


def test_library_exports_are_lazy() -> None:
    import kehoach_cli

    assert callable(kehoach_cli.compute) and callable(kehoach_cli.load_plan)
    assert kehoach_cli.Report.__name__ == "Report"
    with pytest.raises(AttributeError):
        _ = kehoach_cli.nothing_here  # type: ignore[attr-defined]
