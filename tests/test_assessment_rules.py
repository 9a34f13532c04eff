"""Assessments a statistician would sign (issue #15): levels, year end, projections, flagged
targets, lower-is-better rates with a baseline. Every figure below is computed by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.render.docx import sentence, spoken_names
from kehoach_cli.render.terminal import counts_line, render_text
from kehoach_cli.report.completion import compute

from .conftest import PLAN
from .render.fixtures import q2_files, result_file, small_plan

Q2, Q4 = Period(2024, "quarter", 2), Period(2024, "quarter", 4)
YEAR = Period(2024, "year")
DAY = date(2024, 6, 20)


def report_of(rows: list[dict[str, Any]], values: dict[str, str], period: Period) -> Any:
    plan = small_plan(rows)
    return compute(plan, [result_file("dcnn", period, values)], period, DAY, lang="vi")


# --- 3. levels are not progress ------------------------------------------------------------


def test_a_level_below_its_target_mid_year_is_not_yet_achieved_not_behind() -> None:
    rows = [{"code": "herd", "name": "Đàn bò", "kind": "stock", "target": 930, "unit": "Con"}]
    item = report_of(rows, {"herd": "912"}, Q2).indicator("herd")
    # 912 ÷ 930 × 100 = 98,0645… → 98,06 %; a level has no expected progress
    assert (item.completion_pct, item.expected_pct) == (Decimal("98.06"), None)
    assert (item.status, item.status_label) == ("not_yet_achieved", "Chưa đạt")
    assert report_of(rows, {"herd": "930"}, Q2).indicator("herd").status == "achieved"


def test_a_lower_rate_on_the_right_side_of_its_target_is_achieved_mid_year() -> None:
    rows = [{"code": "r", "name": "Tỷ lệ", "kind": "rate", "target": "30.2", "unit": "%"}]
    rows[0]["direction"] = "lower"
    assert report_of(rows, {"r": "29.5"}, Q2).indicator("r").status == "exceeded"
    assert report_of(rows, {"r": "30.2"}, Q2).indicator("r").status == "achieved"
    assert report_of(rows, {"r": "31"}, Q2).indicator("r").status == "not_yet_achieved"


# --- 6. year end speaks the year-end language ----------------------------------------------


YEAR_ROWS = [
    {"code": "a", "name": "A", "kind": "flow", "target": 100},
    {"code": "b", "name": "B", "kind": "flow", "target": 100},
    {"code": "c", "name": "C", "kind": "flow", "target": 100},
    {"code": "d", "name": "D", "kind": "stock", "target": 50, "unit": "Con"},
    {"code": "p", "name": "P", "kind": "stock", "target": 2089, "direction": "none"},
]


def test_at_the_year_end_short_of_the_target_is_not_achieved_never_behind() -> None:
    values = {"a": "120", "b": "100", "c": "60", "d": "40", "p": "2078"}
    for period in (YEAR, Q4):
        report = report_of([dict(r) for r in YEAR_ROWS], values, period)
        statuses = [report.indicator(c).status for c in "abcdp"]
        assert statuses == ["exceeded", "achieved", "not_achieved", "not_achieved", "not_assessed"]
        assert report.indicator("c").status_label == "Không đạt"
        assert report.count("behind") == 0 and report.count("on_track") == 0


def test_year_end_counts_read_as_year_end_reports_do() -> None:
    values = {"a": "120", "b": "100", "c": "60", "d": "50", "p": "2078"}
    report = report_of([dict(r) for r in YEAR_ROWS], values, YEAR)
    # a exceeded; b, d achieved; c not achieved; p a projection
    assert counts_line(report) == "1/5 chỉ tiêu vượt, 2 đạt, 1 không đạt; không đánh giá 1."
    text = render_text(report, 100)
    assert "chậm tiến độ" not in text.lower() and "1/5 chỉ tiêu vượt" in text


def test_year_end_counts_in_english() -> None:
    values = {"a": "120", "b": "100", "c": "60", "d": "50", "p": "2078"}
    plan = small_plan([dict(r) for r in YEAR_ROWS])
    report = compute(plan, [result_file("dcnn", YEAR, values)], YEAR, DAY, lang="en")
    assert counts_line(report) == (
        "1/5 indicators exceeded, 2 achieved, 1 not achieved; not assessed 1."
    )


# --- 7. a projection is not assessed, not "no target" ---------------------------------------


def test_a_projection_is_counted_as_not_assessed() -> None:
    report = compute(load_plan(PLAN), q2_files(), Q2, DAY, lang="vi")
    population = report.indicator("population_avg")
    assert (population.status, population.status_label) == ("not_assessed", "Không đánh giá")
    assert population.completion_pct == Decimal("99.47")  # 2.078 ÷ 2.089, for information
    assert report.count("not_assessed") == 1
    assert report.count("no_target") == 0  # the projection is not counted as "no target"
    line = counts_line(report)
    assert "không đánh giá 1" in line and "không có chỉ tiêu" not in line
    assert dict(report.status_labels)["not_assessed"] == "Không đánh giá"


# --- 5. a target the plan check flags is not assessed ---------------------------------------


def test_an_impossible_target_is_flagged_shown_and_left_out() -> None:
    report = compute(load_plan(PLAN), q2_files(), Q2, DAY, lang="vi")
    share = report.indicator("crossbred_cattle_share")
    assert share.target == 200 and share.actual is not None  # the figure is still shown
    assert (share.status, share.status_label) == ("target_flagged", "Cần đính chính")
    assert share.completion_pct is None and share.remaining is None
    assert dict(report.status_labels)["target_flagged"] == "Cần đính chính"
    # in the notes of every report
    assert any("Tỷ trọng bò lai" in note and "200%" in note for note in report.notes)
    assert any("Tỷ trọng bò lai" in n for n in report.to_dict()["notes"])
    assert "Cần đính chính" in render_text(report, 100)
    assert "chỉ tiêu cần đính chính 1" in counts_line(report)
    # left out of the averages and of the ranking
    dcnn = next(u for u in report.units if u.code == "dcnn")
    assert "crossbred_cattle_share" in dcnn.indicators
    agriculture = next(g for g in report.groups if g.name == "Nông nghiệp")
    assert dict(agriculture.counts)["target_flagged"] == 1


def test_a_flagged_target_does_not_move_the_average() -> None:
    rows = [
        {"code": "x", "name": "X", "kind": "flow", "target": 100},
        {"code": "s", "name": "S", "kind": "rate", "target": 200, "unit": "%"},
    ]
    report = report_of(rows, {"x": "50", "s": "19.2"}, Q2)
    assert report.indicator("s").status == "target_flagged"
    # only x: 50 ÷ 100 = 50,00 %; with s (19,2 ÷ 200 = 9,6 %) it would be 29,80 %
    assert report.groups[0].mean_completion_pct == Decimal("50.00")
    unit = report.units[0]
    assert (unit.assessed, unit.good) == (1, 1)  # x on track (50 % of an expected 50 %)


# --- 4. lower-is-better rates: level, change in percentage points, baseline ------------------


LOWER = {
    "code": "r",
    "name": "Tỷ lệ hộ nghèo",
    "kind": "rate",
    "target": "30.65",
    "unit": "%",
    "direction": "lower",
}


def test_with_a_baseline_completion_is_the_reduction_achieved_over_the_planned() -> None:
    row = dict(LOWER, baseline={"value": "32.65", "source": "Kết quả rà soát hộ nghèo 2023"})
    item = report_of([row], {"r": "31.2"}, Q2).indicator("r")
    # planned reduction 32,65 − 30,65 = 2 points; achieved 32,65 − 31,2 = 1,45 → 72,50 %
    assert item.completion_pct == Decimal("72.50")
    assert (item.baseline, item.change) == (Decimal("32.65"), Decimal("-1.45"))
    assert item.baseline_source == "Kết quả rà soát hộ nghèo 2023"
    assert item.status == "not_yet_achieved" and item.remaining == Decimal("0.55")
    data = item.to_dict()
    assert (data["baseline"], data["change"]) == (32.65, -1.45)


def test_without_a_baseline_the_level_is_compared_with_the_target() -> None:
    item = report_of([dict(LOWER)], {"r": "31.2"}, Q2).indicator("r")
    assert item.completion_pct == Decimal("98.24")  # 30,65 ÷ 31,2 × 100 = 98,237…
    assert item.baseline is None and item.change is None


def test_the_prose_states_a_difference_of_rates_in_percentage_points() -> None:
    row = dict(LOWER, baseline={"value": "32.65", "source": "rà soát 2023"})
    report = report_of([row], {"r": "31.2"}, Q2)
    text = sentence(report, report.indicator("r"), "Tỷ lệ hộ nghèo")
    assert text == (
        "Tỷ lệ hộ nghèo ở mức 31,20% (kế hoạch không quá 30,65%), giảm 1,45 điểm phần trăm so "
        "với 32,65% (rà soát 2023), chưa đạt kế hoạch."
    )
    plain = report_of([dict(LOWER)], {"r": "31.2"}, Q2)
    assert "%" not in sentence(plain, plain.indicator("r"), "X").split("30,65%")[-1]
    assert spoken_names(plain)["r"] == "Tỷ lệ hộ nghèo"


# --- 2. expected progress is the commune's assumption, shown; year-end-only indicators -------


def test_a_totals_profile_follows_from_its_components() -> None:
    from kehoach_cli.plan.profiles import expected_profiles

    profiles = expected_profiles(load_plan(PLAN))
    # grain = rice (235 t: 0/50/100/100) + maize (88 t: 0/50/75/100);
    # Q3: (235 × 100 + 88 × 75) ÷ 323 = 30.100 ÷ 323 = 93,188… → 93,19
    assert profiles["grain_output"] == {
        1: Decimal(0),
        2: Decimal(50),
        3: Decimal("93.19"),
        4: Decimal(100),
    }
    # forest = protection (no target: no weight) + production (default 25/50/75/100)
    assert list(profiles["forest_planted"].values()) == [25, 50, 75, 100]
    assert "rice_yield" not in profiles and "cattle_herd" not in profiles  # levels
    q3 = Period(2024, "quarter", 3)
    files = [result_file("dcnn", q3, {"rice_output": "230", "maize_output": "66"})]
    grain = compute(load_plan(PLAN), files, q3, DAY).indicator("grain_output")
    # 296 ÷ 323 = 91,64 %: behind the 93,19 % its parts imply (the old written 90 % said on track)
    assert (grain.actual, grain.completion_pct) == (296, Decimal("91.64"))
    assert (grain.expected_pct, grain.status) == (Decimal("93.19"), "behind")


def test_plan_show_gives_every_profile(cli: Any) -> None:
    import json

    result = cli("plan", "show", "--plan", str(PLAN), "--format", "json")
    by_code = {i["code"]: i for i in json.loads(result.stdout)["indicators"]}
    assert by_code["grain_output"]["expected_progress"] == {
        "q1": 0,
        "q2": 50,
        "q3": 93.19,
        "q4": 100,
    }
    assert by_code["cassava_output"]["expected_progress"] == {
        "q1": 25,
        "q2": 50,
        "q3": 75,
        "q4": 100,
    }
    assert by_code["cattle_herd"]["expected_progress"] is None
    assert by_code["poverty_rate"]["year_end_only"] is True
    table = cli("plan", "show", "--plan", str(PLAN)).stdout
    assert "Tiến độ kỳ vọng" in table and "93,19" in table and "đánh giá cuối năm" in table


def test_an_annual_review_indicator_waits_for_the_year_end() -> None:
    plan = load_plan(PLAN)
    report = compute(plan, q2_files(), Q2, DAY, lang="vi")
    poor = report.indicator("poor_households_reduced")
    assert (poor.status, poor.status_label) == ("year_end_only", "Đánh giá cuối năm")
    assert poor.actual is not None and poor.completion_pct is None  # the figure is shown
    rate = report.indicator("poverty_rate")
    assert rate.status == "year_end_only" and rate.actual == Decimal("31.2")
    vhxh = next(u for u in report.units if u.code == "vhxh")
    assert vhxh.assessed == 0 and vhxh.rank is None  # nothing of its own judged yet
    year_files = [
        result_file("vhxh", YEAR, {"poor_households_reduced": "75", "poverty_rate": "31"})
    ]
    at_year = compute(plan, year_files, YEAR, DAY, lang="vi")
    assert at_year.indicator("poor_households_reduced").status == "exceeded"  # 75 > 73
    assert at_year.indicator("poverty_rate").status == "not_achieved"  # 31 > 30,65


def test_a_profile_written_on_a_total_is_flagged(tmp_path: Any) -> None:
    from kehoach_cli.plan.io import read_plan

    text = PLAN.read_text(encoding="utf-8").replace(
        '            breakdown: true       # "Trong đó:"\n',
        '            breakdown: true       # "Trong đó:"\n'
        "            expected_progress: {q1: 0, q2: 50, q3: 90, q4: 100}\n",
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan, problems = read_plan(path)
    found = [p for p in problems if p.code == "profile_of_total"]
    assert plan is not None and len(found) == 1 and found[0].severity == "warning"
    line = 1 + text.splitlines().index(
        "            expected_progress: {q1: 0, q2: 50, q3: 90, q4: 100}"
    )
    assert found[0].indicator == "grain_output" and found[0].line == line


# --- 1. yields: the output harvested over the area harvested -------------------------------


def test_a_yield_is_the_output_harvested_over_the_area_harvested() -> None:
    q2 = [
        result_file(
            "dcnn",
            Q2,
            {"rice_area": "59", "rice_area_harvested": "30", "rice_output": "121"},
        )
    ]
    report = compute(load_plan(PLAN), q2, Q2, DAY, lang="vi")
    rice = report.indicator("rice_yield")
    # Đông Xuân 121 t on 30 ha: 121 × 10 ÷ 30 = 40,333… → 40,33 tạ/ha (not 121 × 10 ÷ 59 = 20,51);
    # as a level against 39,83: 40,33 ÷ 39,83 = 101,255… → 101,26 %
    assert (rice.actual, rice.completion_pct) == (Decimal("40.33"), Decimal("101.26"))
    assert rice.status == "exceeded" and rice.expected_pct is None
    assert "Tính trên 30 ha đã thu hoạch." in rice.notes
    # harvested areas are not indicators: not in the report's list, not counted
    assert "rice_area_harvested" not in report.by_code and len(report.indicators) == 32


def test_before_any_harvest_a_yield_is_not_assessed() -> None:
    q1 = Period(2024, "quarter", 1)
    files = [result_file("dcnn", q1, {"rice_area_harvested": "0", "rice_output": "0"})]
    rice = compute(load_plan(PLAN), files, q1, DAY, lang="vi").indicator("rice_yield")
    assert (rice.actual, rice.completion_pct, rice.status) == (None, None, "not_harvested")
    assert rice.status_label == "Chưa thu hoạch"
    # no harvested area reported at all: no data, as before
    none = compute(load_plan(PLAN), [result_file("dcnn", q1, {"rice_output": "0"})], q1, DAY)
    assert none.indicator("rice_yield").status == "no_data"


def test_the_plan_check_still_tests_a_yield_target_against_the_sown_area(tmp_path: Any) -> None:
    from kehoach_cli.plan.io import read_plan

    text = PLAN.read_text(encoding="utf-8").replace("target: 39.83", "target: 41.50")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = read_plan(path)
    found = [p for p in problems if p.code == "formula_mismatch"]
    assert [p.indicator for p in found] == ["rice_yield"]  # 235 × 10 ÷ 59 = 39,83, not 41,50
    assert "39,83" in found[0].message


def test_a_harvested_area_must_name_a_yield_of_the_table(tmp_path: Any) -> None:
    from kehoach_cli.plan.io import read_plan

    text = PLAN.read_text(encoding="utf-8").replace(
        "for_yield: rice_yield,", "for_yield: rice_yeild,"
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan, problems = read_plan(path)
    found = [p for p in problems if p.code == "harvested_area_unknown_yield"]
    assert plan is None and len(found) == 1 and found[0].line is not None
    assert "rice_yeild" in found[0].message and "rice_yield" in found[0].message


def test_the_form_asks_for_the_harvested_area_and_computes_the_yield_the_same_way(
    tmp_path: Any,
) -> None:
    from openpyxl import load_workbook

    from kehoach_cli.results.template import FIRST_ROW, build_form

    path = tmp_path / "dcnn.xlsx"
    build_form(load_plan(PLAN), Q2, "dcnn").save(path)
    sheet = load_workbook(path)["Kết quả"]
    rows = {sheet.cell(r, 2).value: r for r in range(FIRST_ROW, sheet.max_row + 1)}
    area, output, yld = rows["rice_area_harvested"], rows["rice_output"], rows["rice_yield"]
    assert sheet.cell(area, 3).value == "Diện tích thu hoạch" and area == yld - 1
    assert sheet.cell(area, 6).protection.locked is False  # to fill in
    # blank until both parts are entered, blank over a zero area, as kehoach computes it
    assert sheet.cell(yld, 6).value == (
        f'=IF(COUNT(F{area},F{output})=2,IFERROR(((F{output}*10)/F{area}),""),"")'
    )


def test_the_docx_states_a_yield_over_the_area_harvested() -> None:
    report = compute(load_plan(PLAN), q2_files(), Q2, DAY, lang="vi")
    rice = report.indicator("rice_yield")
    assert rice.harvested_area == Decimal("29.5") and rice.to_dict()["harvested_area"] == 29.5
    assert sentence(report, rice, "Năng suất lúa") == (
        "Năng suất lúa đạt 40,68 tạ/ha trên 29,5 ha đã thu hoạch, bằng 102,13% kế hoạch năm, "
        "vượt kế hoạch."
    )


# --- 8. the emulation ranking follows the plan's scoring rule -------------------------------


def ranking_plan(rule: dict[str, Any] | None) -> Any:
    from kehoach_cli.plan.model import Plan

    rows = [
        {"code": "a", "name": "A", "kind": "flow", "target": 100},
        {"code": "b", "name": "B", "kind": "flow", "target": 100},
        {"code": "c", "name": "C", "kind": "stock", "target": 10, "unit": "Con"},
        {"code": "t", "name": "T", "kind": "flow", "target": 200, "formula": "a + b"},
        {"code": "v", "name": "V", "kind": "flow", "target": 100, "responsible": "vhxh"},
    ]
    data = small_plan(rows).model_dump(mode="json", exclude_none=True)
    if rule is not None:
        data["ranking"] = rule
    return Plan.model_validate(data)


RANK_FILES = [
    # Q2, expected 50 %: a 60 on track, b 40 behind, c 9 of 10 not yet; v 50 on track
    result_file("dcnn", Q2, {"a": "60", "b": "40", "c": "9"}),
    result_file("vhxh", Q2, {"v": "50"}),
]


def test_the_default_rule_scores_own_indicators_only_and_marks_small_units() -> None:
    report = compute(ranking_plan(None), RANK_FILES, Q2, DAY, lang="vi")
    units = {u.code: u for u in report.units}
    dcnn, vhxh = units["dcnn"], units["vhxh"]
    # the total t = a + b (computed, 100 of 200: behind) is not dcnn's own: a, b, c only
    assert dcnn.ranked_indicators == ("a", "b", "c") and "t" in dcnn.indicators
    # default: 1 point per exceeded/achieved/on track: a → 1 of 3 → 33,33 %
    assert (dcnn.score, dcnn.max_score, dcnn.score_pct) == (1, 3, Decimal("33.33"))
    assert (vhxh.score, vhxh.max_score, vhxh.score_pct) == (1, 1, Decimal("100.00"))
    assert [u.code for u in report.units] == ["vhxh", "dcnn"]
    assert not dcnn.few_indicators and vhxh.few_indicators  # 1 indicator < 3
    assert "quy tắc mặc định của kehoach" in report.ranking_rule
    assert "vượt kế hoạch 1, đạt kế hoạch 1, đúng tiến độ 1, chậm tiến độ 0" in report.ranking_rule
    text = render_text(report, 120)
    assert "Văn hóa - Xã hội (dưới 3 chỉ tiêu được đánh giá)" in text
    assert report.to_dict()["units"][0]["few_indicators"] is True


def test_the_plans_scoring_table_ranks_the_units() -> None:
    rule = {
        "name": "Bảng điểm thi đua năm 2024",
        "points": {
            "exceeded": 10,
            "achieved": 9,
            "on_track": 8,
            "not_yet_achieved": 5,
            "behind": 4,
        },
        "weights": {"b": 2},
        "min_indicators": 1,
    }
    report = compute(ranking_plan(rule), RANK_FILES, Q2, DAY, lang="vi")
    units = {u.code: u for u in report.units}
    # dcnn: a on track 8 × 1 + b behind 4 × 2 + c not yet 5 × 1 = 21 of 10 × (1 + 2 + 1) = 40
    assert (units["dcnn"].score, units["dcnn"].max_score) == (21, 40)
    assert units["dcnn"].score_pct == Decimal("52.50")
    # vhxh: v on track 8 of 10 → 80,00 %
    assert units["vhxh"].score_pct == Decimal("80.00")
    assert not units["vhxh"].few_indicators  # min_indicators 1
    assert report.ranking_rule.startswith("Cách xếp hạng: Bảng điểm thi đua năm 2024.")
    assert "Hệ số: B × 2." in report.ranking_rule


def test_a_weight_on_an_unknown_or_computed_indicator_is_reported(tmp_path: Any) -> None:
    from kehoach_cli.plan.io import read_plan

    text = PLAN.read_text(encoding="utf-8") + (
        "ranking:\n  points: {exceeded: 1}\n  weights: {grain_output: 2, rice_outptu: 2}\n"
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan, problems = read_plan(path)
    codes = {(p.code, p.severity, p.indicator) for p in problems}
    assert ("ranking_derived_code", "warning", "grain_output") in codes
    assert ("ranking_unknown_code", "error", "rice_outptu") in codes and plan is None
    assert all(p.line for p in problems if p.code.startswith("ranking_"))


def test_the_shipped_plan_ranks_by_own_indicators() -> None:
    report = compute(load_plan(PLAN), q2_files(), Q2, DAY, lang="vi")
    units = {u.code: u for u in report.units}
    # vp-tk is responsible only for pupils of general education, computed from the schools'
    assert units["vp-tk"].ranked_indicators == () and units["vp-tk"].rank is None
    # dcnn's own judged: 21 of its indicators less grain, 5 yields, forest planted (computed),
    # Tỷ trọng bò lai (flagged) and forest for protection (no target) → 15 (each once,
    # though rice and maize output are shown twice)
    assert units["dcnn"].assessed == 15 == len(set(units["dcnn"].ranked_indicators))
    assert "grain_output" not in units["dcnn"].ranked_indicators
    for unit in report.units:
        if unit.assessed:
            assert unit.few_indicators == (unit.assessed < 3)


def test_the_worked_ranking_example_of_the_docs_on_the_shipped_samples() -> None:
    from pathlib import Path

    from kehoach_cli import load_results

    plan = load_plan(PLAN)
    results, _ = load_results([PLAN.parent / "results" / "2024-q2"], plan)
    report = compute(plan, results, Q2, DAY, lang="vi")
    dcnn = next(u for u in report.units if u.code == "dcnn")
    good = [c for c in dcnn.ranked_indicators if report.indicator(c).status == "on_track"]
    assert good == [
        "rice_output",
        "cassava_area",
        "beans_area",
        "vegetables_area",
        "vegetables_output",
    ]
    assert (dcnn.assessed, dcnn.score, dcnn.score_pct) == (15, 5, Decimal("33.33"))  # 5 ÷ 15
    # and the yield of the harvested Đông Xuân crop: 120 × 10 ÷ 29,5 = 40,68 tạ/ha
    assert report.indicator("rice_yield").actual == Decimal("40.68")
    assert isinstance(PLAN, Path)
