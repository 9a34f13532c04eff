"""The comparison with the same period last year in the library: like with like, the baseline
only at the year's end, and a previous report of another period refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kehoach_cli.periods import Period
from kehoach_cli.report.completion import compute

from .render.fixtures import result_file, small_plan

BASELINE = {"value": "32.65", "source": "Kết quả rà soát hộ nghèo năm 2023"}


def plan_with_baseline(year: int = 2024):  # noqa: ANN201
    plan = small_plan(
        [
            {
                "code": "rice_output",
                "name": "Sản lượng lúa",
                "target": 235,
                "kind": "flow",
                "baseline": {"value": "230", "source": "Báo cáo năm 2023"},
            },
            {
                "code": "poverty_rate",
                "name": "Tỷ lệ hộ nghèo",
                "unit": "%",
                "target": "30.65",
                "kind": "rate",
                "direction": "lower",
                "responsible": "vhxh",
                "baseline": BASELINE,
            },
        ]
    )
    return plan.model_copy(update={"plan": plan.plan.model_copy(update={"year": year})})


def test_the_baseline_is_last_years_figure_only_at_the_years_end() -> None:
    plan = plan_with_baseline()
    files = [
        result_file("dcnn", Period(2024, "quarter", q), {"rice_output": v})
        for q, v in ((2, "120"), (4, "240"))
    ] + [result_file("vhxh", Period(2024, "quarter", q), {"poverty_rate": "31.8"}) for q in (2, 4)]
    q4 = compute(plan, files, Period(2024, "quarter", 4), date(2024, 12, 20)).by_code
    assert (q4["rice_output"].previous_year_actual, q4["rice_output"].change_pct) == (
        Decimal(230),
        Decimal("4.35"),
    )
    assert q4["poverty_rate"].change_points == Decimal("-0.85")
    # Mid-year the year's figure is not the same period: nothing compared.
    q2 = compute(plan, files, Period(2024, "quarter", 2), date(2024, 6, 20)).by_code
    assert q2["rice_output"].previous_year_actual is None
    assert q2["poverty_rate"].previous_year_actual is None


def test_flows_compare_year_to_date_at_the_same_period() -> None:
    plan = plan_with_baseline()
    before = plan_with_baseline(2023)
    this_year = [
        result_file("dcnn", Period(2024, "quarter", 1), {"rice_output": "0"}),
        result_file("dcnn", Period(2024, "quarter", 2), {"rice_output": "120"}),
    ]
    last_year = [
        result_file("dcnn", Period(2023, "quarter", 2), {"rice_output": "96"}),
        result_file("dcnn", Period(2023, "quarter", 3), {"rice_output": "200"}),
    ]
    half = compute(before, last_year, Period(2023, "half"), date(2023, 6, 20))
    made = compute(plan, this_year, Period(2024, "half"), date(2024, 6, 20), previous=half)
    rice = made.indicator("rice_output")
    assert (rice.previous_year_actual, rice.change_pct) == (Decimal(96), Decimal(25))
    assert rice.to_dict()["change_pct"] == 25
    q3 = compute(before, last_year, Period(2023, "quarter", 3), date(2023, 9, 20))
    with pytest.raises(ValueError, match="2023Q3"):
        compute(plan, this_year, Period(2024, "half"), date(2024, 6, 20), previous=q3)


def test_no_percent_change_from_zero() -> None:
    plan = plan_with_baseline()
    before = plan_with_baseline(2023)
    q1 = Period(2023, "quarter", 1)
    previous = compute(
        before, [result_file("dcnn", q1, {"rice_output": "0"})], q1, date(2023, 3, 20)
    )
    now = [result_file("dcnn", Period(2024, "quarter", 1), {"rice_output": "5"})]
    made = compute(plan, now, Period(2024, "quarter", 1), date(2024, 3, 20), previous=previous)
    rice = made.indicator("rice_output")
    assert (rice.previous_year_actual, rice.change_pct, rice.change_points) == (0, None, None)


def test_the_change_as_reports_write_it() -> None:
    from kehoach_cli.render.comparison import change_sentence, change_text, change_words

    plan = plan_with_baseline()
    files = [
        result_file("dcnn", Period(2024, "quarter", 4), {"rice_output": "265.88"}),
        result_file("vhxh", Period(2024, "quarter", 4), {"poverty_rate": "31.8"}),
    ]
    for lang, rice, poverty in (
        (
            "vi",
            "tăng 15,60% so với cùng kỳ năm trước",
            "giảm 0,85 điểm phần trăm so với cùng kỳ năm trước",
        ),
        (
            "en",
            "up 15.60% on the same period last year",
            "down 0.85 percentage points on the same period last year",
        ),
    ):
        made = compute(plan, files, Period(2024, "quarter", 4), date(2024, 12, 20), lang=lang)
        assert change_sentence(made, made.indicator("rice_output")) == rice
        assert change_sentence(made, made.indicator("poverty_rate")) == poverty
    vi = compute(plan, files, Period(2024, "quarter", 4), date(2024, 12, 20), lang="vi")
    assert change_text(vi, vi.indicator("rice_output")) == "+15,60%"
    assert change_text(vi, vi.indicator("poverty_rate")) == "-0,85 điểm %"
    assert change_words(vi, vi.indicator("poverty_rate")) == "giảm 0,85 điểm %"
    same = compute(plan, files[:1], Period(2024, "quarter", 4), date(2024, 12, 20), lang="vi")
    poverty = same.indicator("poverty_rate")  # no figure this year: nothing to say
    assert change_sentence(same, poverty) == change_text(same, poverty) == ""
