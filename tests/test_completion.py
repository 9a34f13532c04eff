"""The completion engine: hand-computed expectations for every kind × direction and the rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.report.completion import compute

from .conftest import PLAN
from .render.fixtures import q2_files, result_file, small_plan

Q1, Q2, Q3, Q4 = (Period(2024, "quarter", q) for q in (1, 2, 3, 4))
H1 = Period(2024, "half")
YEAR = Period(2024, "year")
DAY = date(2024, 6, 20)


def one(row: dict[str, Any], files: list[Any], period: Period = Q2) -> Any:
    plan = small_plan([{"code": "x", "name": "X", **row}])
    return compute(plan, files, period, DAY).indicator("x")


def test_acceptance_on_the_signed_plan() -> None:
    report = compute(load_plan(PLAN), q2_files(), Q2, DAY)
    rice = report.indicator("rice_output")
    assert (rice.actual, rice.completion_pct, rice.status) == (120, Decimal("51.06"), "on_track")
    grain = report.indicator("grain_output")
    assert grain.actual == 160 and grain.completion_pct == Decimal("49.54")
    assert grain.derived and grain.sources == ("2024Q2/dcnn.yaml",)
    # judged at the yearly review only: the figure is shown, not assessed before the year's end
    poverty = report.indicator("poverty_rate")
    assert (poverty.actual, poverty.status) == (Decimal("31.2"), "year_end_only")
    yield_ = report.indicator("rice_yield")
    # output over the area harvested: 120 × 10 ÷ 29,5 = 40,677… → 40,68 tạ/ha (not ÷ 58,5 sown)
    assert yield_.actual == Decimal("40.68")
    assert (yield_.completion_pct, yield_.status) == (Decimal("102.13"), "exceeded")
    pupils = report.indicator("general_pupils")
    assert pupils.actual == 375 and pupils.sources == ("2024Q2/thcs.yaml", "2024Q2/tieu-hoc.yaml")
    # forest planted = protection (no target, not reported: 0) + production 180
    assert report.indicator("forest_planted").actual == 180
    assert report.indicator("forest_protection").status == "no_data"
    assert report.indicator("cattle_herd").status == "exceeded"
    assert report.indicator("pig_herd").status == "achieved"
    assert report.indicator("population_avg").status == "not_assessed"
    assert report.indicator("child_malnutrition_rate").status == "exceeded"  # 29,5 < 30,2


@pytest.mark.parametrize(
    ("row", "value", "pct", "expected", "remaining", "status"),
    [
        # flow, higher: 120 of 235 at Q2, expected 50 %
        ({"kind": "flow", "target": 235}, "120", "51.06", "50", "115", "on_track"),
        ({"kind": "flow", "target": 235}, "100", "42.55", "50", "135", "behind"),
        ({"kind": "flow", "target": 235}, "235", "100.00", "50", "0", "achieved"),
        ({"kind": "flow", "target": 235}, "240", "102.13", "50", "0", "exceeded"),
        # a seasonal profile replaces 25/50/75/100
        (
            {"kind": "flow", "target": 100, "expected_progress": {"q1": 0, "q2": 30}},
            "31",
            "31.00",
            "30",
            "69",
            "on_track",
        ),
        # stock, higher: a level is not progress; below the target mid-year it is "chưa đạt"
        ({"kind": "stock", "target": 930}, "912", "98.06", None, "18", "not_yet_achieved"),
        ({"kind": "stock", "target": 930}, "931", "100.11", None, "0", "exceeded"),
        ({"kind": "stock", "target": 930}, "930", "100.00", None, "0", "achieved"),
        # rate, lower is better: completion = target ÷ actual × 100
        (
            {"kind": "rate", "target": "30.65", "unit": "%", "direction": "lower"},
            "31.2",
            "98.24",
            None,
            "0.55",
            "not_yet_achieved",
        ),
        (
            {"kind": "rate", "target": "30.65", "unit": "%", "direction": "lower"},
            "30.65",
            "100.00",
            None,
            "0",
            "achieved",
        ),
        (
            {"kind": "rate", "target": "30.65", "unit": "%", "direction": "lower"},
            "29",
            "105.69",
            None,
            "0",
            "exceeded",
        ),
        # stock, lower
        (
            {"kind": "stock", "target": 40, "direction": "lower"},
            "50",
            "80.00",
            None,
            "10",
            "not_yet_achieved",
        ),
        # flow, lower (a ceiling for the year): before Q4 within the expected share is on track
        (
            {"kind": "flow", "target": 10, "direction": "lower"},
            "5",
            "200.00",
            "50",
            "0",
            "on_track",
        ),
        ({"kind": "flow", "target": 10, "direction": "lower"}, "6", "166.67", "50", "0", "behind"),
        ({"kind": "flow", "target": 10, "direction": "lower"}, "11", "90.91", "50", "1", "behind"),
        # direction none: the percentage is shown, nothing is assessed ("không đánh giá")
        (
            {"kind": "stock", "target": 2089, "direction": "none"},
            "2078",
            "99.47",
            None,
            None,
            "not_assessed",
        ),
        # no target: actual only
        ({"kind": "flow", "target": None}, "7", None, None, None, "no_target"),
        # a zero target: no percentage, never a division by zero
        ({"kind": "flow", "target": 0}, "3", None, "50", "0", "exceeded"),
        ({"kind": "rate", "target": 0, "direction": "lower"}, "0", None, None, "0", "achieved"),
        # lower is better with an actual of 0: no percentage, and better than the target
        ({"kind": "rate", "target": 5, "direction": "lower"}, "0", None, None, "0", "exceeded"),
    ],
)
def test_kind_direction_cases(
    row: dict[str, Any],
    value: str,
    pct: str | None,
    expected: str | None,
    remaining: str | None,
    status: str,
) -> None:
    item = one(dict(row), [result_file("dcnn", Q2, {"x": value})])
    assert item.actual == Decimal(value)
    assert item.completion_pct == (Decimal(pct) if pct else None)
    assert item.expected_pct == (Decimal(expected) if expected else None)
    assert item.remaining == (Decimal(remaining) if remaining else None)
    assert item.status == status


def test_lower_flow_at_the_year_end_is_judged_against_the_target() -> None:
    row = {"kind": "flow", "target": 10, "direction": "lower"}
    assert one(dict(row), [result_file("dcnn", Q4, {"x": "9"})], Q4).status == "exceeded"
    assert one(dict(row), [result_file("dcnn", Q4, {"x": "10"})], YEAR).status == "achieved"


def test_missing_data_is_no_data_and_never_carried_forward() -> None:
    row = {"kind": "stock", "target": 10}
    item = one(dict(row), [result_file("dcnn", Q1, {"x": "9"})], Q2)
    assert (item.actual, item.status, item.completion_pct, item.sources) == (
        None,
        "no_data",
        None,
        (),
    )
    assert one(dict(row), [result_file("dcnn", Q2, {"x": None})]).status == "no_data"


def test_period_values_are_summed_into_the_year_to_date() -> None:
    row = {"kind": "flow", "target": 200}
    files = [
        result_file("dcnn", Q1, {"x": "30"}, basis="period"),
        result_file("dcnn", Q2, {"x": "50"}, basis="period"),
    ]
    item = one(dict(row), files)
    assert (item.actual, item.period_value, item.completion_pct) == (80, 50, Decimal("40.00"))
    assert item.sources == ("2024Q1/dcnn.yaml", "2024Q2/dcnn.yaml")
    # without Q1 the year-to-date cannot be known
    assert one(dict(row), files[1:]).status == "no_data"


def test_year_to_date_gives_the_quarter_its_own_value() -> None:
    row = {"kind": "flow", "target": 200}
    files = [result_file("dcnn", Q1, {"x": "30"}), result_file("dcnn", Q2, {"x": "80"})]
    item = one(dict(row), files)
    assert (item.actual, item.period_value) == (80, 50)
    by_h1 = one(dict(row), files, H1)
    assert by_h1.actual == 80 and [q.period_value for q in by_h1.quarters] == [30, 50]


def test_a_six_month_file_counts_for_q2_and_a_q2_file_for_six_months() -> None:
    row = {"kind": "flow", "target": 100}
    assert one(dict(row), [result_file("dcnn", H1, {"x": "60"})], Q2).actual == 60
    assert one(dict(row), [result_file("dcnn", Q2, {"x": "60"})], H1).actual == 60


def test_the_latest_report_wins_whatever_the_order() -> None:
    from dataclasses import replace

    old = replace(
        result_file("dcnn", Q2, {"x": "5"}, source="a.yaml"), reported_on=date(2024, 6, 16)
    )
    new = replace(
        result_file("dcnn", Q2, {"x": "7"}, source="b.yaml"), reported_on=date(2024, 6, 18)
    )
    row = {"kind": "stock", "target": 10}
    assert one(dict(row), [old, new]).actual == 7
    assert one(dict(row), [new, old]).actual == 7


def test_a_reported_derived_value_stands_and_ratios_are_rounded() -> None:
    rows = [
        {"code": "area", "name": "Diện tích", "kind": "flow", "target": 59, "unit": "Ha"},
        {"code": "out", "name": "Sản lượng", "kind": "flow", "target": 235},
        {
            "code": "yld",
            "name": "Năng suất",
            "kind": "rate",
            "target": "39.83",
            "unit": "Tạ/ha",
            "formula": "out * 10 / area",
        },
        {"code": "total", "name": "Tổng", "kind": "flow", "target": 300, "formula": "out + area"},
    ]
    plan = small_plan(rows)
    files = [result_file("dcnn", Q2, {"area": "58.5", "out": "120", "total": "999"})]
    report = compute(plan, files, Q2, DAY)
    assert report.indicator("yld").actual == Decimal("20.51")
    assert report.indicator("yld").derived
    assert report.indicator("total").actual == 999 and not report.indicator("total").derived
    zero = compute(plan, [result_file("dcnn", Q2, {"area": "0", "out": "5"})], Q2, DAY)
    assert zero.indicator("yld").status == "no_data"  # division by zero gives no figure


def test_no_results_gives_every_indicator_no_data() -> None:
    report = compute(load_plan(PLAN), [], Q2, DAY)
    # 31 without data; the 32nd, "Tỷ trọng bò lai" (200 %), is not assessed at all
    assert report.count("no_data") == 31 and report.count("target_flagged") == 1
    # units with indicators of their own to judge score 0; the others are not ranked
    assert all(u.score_pct == 0 or (u.assessed == 0 and u.rank is None) for u in report.units)


def test_groups_and_units() -> None:
    report = compute(load_plan(PLAN), q2_files(), Q2, DAY)
    names = [(g.level, g.name) for g in report.groups]
    assert names[:3] == [
        ("section", "CHỈ TIÊU KINH TẾ CHỦ YẾU"),
        ("group", "Nông nghiệp"),
        ("group", "Lâm nghiệp"),
    ]
    health = next(g for g in report.groups if g.name == "Y tế")
    assert dict(health.counts)["exceeded"] == 1 and dict(health.counts)["not_assessed"] == 1
    assert health.mean_completion_pct == Decimal("102.37")  # 30,2 ÷ 29,5; population excluded
    units = {u.code: u for u in report.units}
    assert units["tram-y-te"].rank == 1 and units["tram-y-te"].share_pct == 100
    assert units["tram-y-te"].mean_completion_capped_pct == 100
    ranks = [u.rank for u in report.units]
    ranked = [r for r in ranks if r is not None]
    assert ranks == ranked + [None] * (len(ranks) - len(ranked)) and ranked == sorted(ranked)
    assert units["vhxh"].rank is None  # both its indicators wait for the year's end
    assert report.ranking_rule.startswith("Cách xếp hạng")


def _without_sources(data: dict[str, Any]) -> dict[str, Any]:
    for item in data["indicators"]:
        item["sources"] = []
        for q in item["quarters"]:
            q["sources"] = []
    data["files"] = []
    return data


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=4))
def test_same_results_in_any_order_or_split_give_the_same_report(rnd: Any, parts: int) -> None:
    plan = load_plan(PLAN)
    files = q2_files()
    base = compute(plan, files, Q2, DAY).to_dict()
    shuffled = files[:]
    rnd.shuffle(shuffled)
    assert compute(plan, shuffled, Q2, DAY).to_dict() == base
    # split every file's values over ``parts`` files of the same unit and period
    split = []
    for f in files:
        values = list(f.values)
        rnd.shuffle(values)
        for n in range(parts):
            chunk = values[n::parts]
            if chunk:
                split.append(
                    result_file(
                        f.unit, Q2, {v.code: v.value for v in chunk}, source=f"{f.source}.{n}"
                    )
                )
    rnd.shuffle(split)
    assert _without_sources(compute(plan, split, Q2, DAY).to_dict()) == _without_sources(base)


amounts = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(amounts, min_size=4, max_size=4), st.booleans())
def test_quarter_values_summed_equal_the_year_to_date(values: list[Decimal], ytd: bool) -> None:
    plan = small_plan([{"code": "x", "name": "X", "kind": "flow", "target": 1000}])
    quarters = (Q1, Q2, Q3, Q4)
    if ytd:
        running = Decimal(0)
        files = []
        for q, v in zip(quarters, values, strict=True):
            running += v
            files.append(result_file("dcnn", q, {"x": running}))
    else:
        files = [
            result_file("dcnn", q, {"x": v}, basis="period")
            for q, v in zip(quarters, values, strict=True)
        ]
    item = compute(plan, files, YEAR, DAY, by="quarter").indicator("x")
    assert sum((q.period_value for q in item.quarters), Decimal(0)) == item.actual
    assert item.actual == sum(values, Decimal(0))
