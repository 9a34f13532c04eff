"""Submission status: expected units, on time / late / undated / missing, validity, the rates."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.plan.model import Plan
from kehoach_cli.problems import Problem
from kehoach_cli.report.submissions import StatusReport, submission_status
from kehoach_cli.results.model import ResultFile, ResultSet, ResultValue

from .conftest import PLAN

Q1 = Period(2024, "quarter", 1)
Q2 = Period(2024, "quarter", 2)
Q3 = Period(2024, "quarter", 3)
H1 = Period(2024, "half")
TODAY = date(2024, 9, 20)  # Q3 closed on Saturday 14/9, due Tuesday 17/9


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


def result(
    unit: str,
    period: Period = Q3,
    *,
    codes: tuple[str, ...] = (),
    reported_on: date | None = None,
    modified: datetime | None = None,
    source: str | None = None,
) -> ResultFile:
    return ResultFile(
        source=source or f"results/{period.id}/{unit}.xlsx",
        year=period.year,
        period=period,
        unit=unit,
        values=tuple(ResultValue(code, Decimal(1)) for code in codes),
        reporter="Nguyễn Văn A",
        reported_on=reported_on,
        modified=modified,
    )


DCNN_CODES = (
    "rice_area",
    "rice_output",
    "maize_area",
    "maize_output",
    "cassava_area",
    "cassava_output",
    "beans_area",
    "beans_output",
    "vegetables_area",
    "vegetables_output",
    "buffalo_herd",
    "cattle_herd",
    "crossbred_cattle_share",
    "pig_herd",
    "poultry_flock",
    "forest_protection",
    "forest_production",
)


def q3_files() -> list[ResultFile]:
    return [
        # on time by the date it states (file copied later: the stated date counts)
        result(
            "dcnn",
            codes=DCNN_CODES,
            reported_on=date(2024, 9, 16),
            modified=datetime(2024, 9, 19, 8, 0),
        ),
        # late: Thursday 19/9, two working days after Tuesday 17/9
        result(
            "tram-y-te",
            codes=("population_avg", "child_malnutrition_rate"),
            reported_on=date(2024, 9, 19),
        ),
        # on time but invalid (the error names the file)
        result("mam-non", codes=("preschool_pupils",), reported_on=date(2024, 9, 17)),
        # tieu-hoc: nothing
        # no stated date, and the file's time is after "today": undated
        result("thcs", codes=("lower_secondary_pupils",), modified=datetime(2025, 3, 1, 9, 0)),
        # no stated date: the file's time decides (on the deadline day: on time)
        result(
            "vhxh",
            codes=("poor_households_reduced", "poverty_rate"),
            modified=datetime(2024, 9, 17, 16, 45),
        ),
        # a unit that reports nothing of its own sent a file anyway
        result("vp-tk", reported_on=date(2024, 9, 16)),
        # other periods and years are not this period's submissions
        result("tieu-hoc", Q2, codes=("primary_pupils",), reported_on=date(2024, 6, 17)),
        result("tieu-hoc", Period(2023, "quarter", 3), reported_on=date(2023, 9, 15)),
    ]


PROBLEMS = [
    Problem("error", "negative", "Số âm", file="results/2024Q3/mam-non.xlsx", indicator=None),
    Problem("warning", "stock_jump", "Tăng mạnh", file="results/2024Q3/dcnn.xlsx"),
    Problem("error", "not_a_number", "abc", file="results/2024Q3/dcnn.xlsx", indicator="pig_herd"),
    Problem("error", "not_a_workbook", "Không phải xlsx", file="results/2024Q3/lạ.xlsx"),
]


@pytest.fixture
def q3(plan: Plan) -> StatusReport:
    return submission_status(plan, ResultSet(q3_files()), PROBLEMS, Q3, TODAY)


def states(report: StatusReport) -> dict[str, str]:
    return {u.code: u.state for u in report.units}


def test_each_unit_is_on_time_late_undated_or_missing(q3: StatusReport) -> None:
    assert states(q3) == {
        "dcnn": "on_time",
        "tram-y-te": "late",
        "mam-non": "on_time",
        "tieu-hoc": "missing",
        "thcs": "undated",
        "vhxh": "on_time",
        "vp-tk": "on_time",
    }
    by_code = {u.code: u for u in q3.units}
    assert by_code["tram-y-te"].working_days_late == 2
    assert by_code["tram-y-te"].submitted_on == date(2024, 9, 19)
    assert by_code["dcnn"].submitted_on == date(2024, 9, 16)
    assert by_code["dcnn"].files[0].date_basis == "stated"
    assert by_code["vhxh"].files[0].date_basis == "file_time"
    assert by_code["thcs"].files[0].date_basis is None
    assert q3.deadline == date(2024, 9, 17)
    assert (q3.window_start, q3.window_end) == (date(2024, 6, 15), date(2024, 9, 14))


def test_expected_units_are_those_responsible_for_a_reported_indicator(q3: StatusReport) -> None:
    # vp-tk is responsible only for the derived pupil total: it is not expected.
    assert [u.code for u in q3.expected_units] == [
        "dcnn",
        "tram-y-te",
        "mam-non",
        "tieu-hoc",
        "thcs",
        "vhxh",
    ]
    assert not {u.code: u for u in q3.units}["vp-tk"].expected


def test_validity_comes_from_error_problems_naming_the_file(q3: StatusReport) -> None:
    by_code = {u.code: u for u in q3.units}
    assert by_code["mam-non"].valid is False
    assert by_code["mam-non"].files[0].errors == 1
    assert by_code["dcnn"].valid is False  # one bad cell
    assert by_code["dcnn"].files[0].warnings == 1
    assert by_code["vhxh"].valid is True
    assert by_code["tieu-hoc"].valid is None
    assert q3.unassigned_files == ("results/2024Q3/lạ.xlsx",)


def test_reporting_rate_as_dhis2_shows_it(q3: StatusReport) -> None:
    assert (q3.expected, q3.received, q3.on_time, q3.late, q3.undated, q3.missing) == (
        6,
        5,
        3,
        1,
        1,
        1,
    )
    assert q3.reporting_rate == Decimal("83.33")
    assert q3.on_time_rate == Decimal("50.00")
    assert q3.incomplete
    summary = q3.to_dict()["summary"]
    assert summary["reporting_rate"] == 83.33 and summary["on_time_rate"] == 50


def test_indicators_without_data(q3: StatusReport) -> None:
    # tieu-hoc sent nothing; the bad cell and the invalid file give no data either.
    assert [g.code for g in q3.indicators_without_data] == [
        "pig_herd",
        "preschool_pupils",
        "primary_pupils",
    ]
    by_code = {u.code: u for u in q3.units}
    assert by_code["dcnn"].indicators_without_data == ("pig_herd",)
    assert by_code["tieu-hoc"].indicators_without_data == ("primary_pupils",)
    assert "grain_output" not in by_code["dcnn"].indicators  # derived: computed, not sent


def test_needs_attention_lists_what_to_chase(q3: StatusReport) -> None:
    assert [u.code for u in q3.needs_attention] == [
        "dcnn",
        "tram-y-te",
        "mam-non",
        "tieu-hoc",
        "thcs",
    ]


def test_the_q2_file_is_the_six_month_submission(plan: Plan) -> None:
    files = [
        result("dcnn", Q2, reported_on=date(2024, 6, 17)),
        result("tram-y-te", H1, reported_on=date(2024, 6, 18)),
        result("mam-non", Q1, reported_on=date(2024, 3, 18)),
    ]
    report = submission_status(plan, ResultSet(files), [], H1, date(2024, 6, 20))
    assert report.deadline == date(2024, 6, 18)
    got = states(report)
    assert (got["dcnn"], got["tram-y-te"], got["mam-non"]) == ("on_time", "on_time", "missing")
    q2 = submission_status(plan, ResultSet(files), [], Q2, date(2024, 6, 20))
    assert states(q2) == got


def test_earliest_file_decides_and_resend_is_listed(plan: Plan) -> None:
    files = [
        result("dcnn", reported_on=date(2024, 9, 23), source="results/b.xlsx"),
        result("dcnn", reported_on=date(2024, 9, 16), source="results/a.xlsx"),
    ]
    report = submission_status(plan, ResultSet(files), [], Q3, date(2024, 9, 25))
    dcnn = report.units[0]
    assert dcnn.state == "on_time"
    assert [f.source for f in dcnn.files] == ["results/a.xlsx", "results/b.xlsx"]


def test_before_the_deadline_nothing_is_late_and_missing_is_not_overdue(plan: Plan) -> None:
    report = submission_status(plan, ResultSet(), [], Q3, date(2024, 9, 16))
    assert not report.deadline_passed
    assert report.missing == 6 and report.received == 0
    assert report.reporting_rate == Decimal("0.00")
    assert report.incomplete


def test_lateness_counts_working_days_after_the_deadline(plan: Plan) -> None:
    # Q1 2024: cutoff Thursday 14/3, due Monday 18/3; a report on Tuesday 19/3 is 1 day late.
    files = [result("dcnn", Q1, reported_on=date(2024, 3, 19))]
    report = submission_status(plan, ResultSet(files), [], Q1, date(2024, 3, 20))
    assert report.units[0].state == "late"
    assert report.units[0].working_days_late == 1


def test_to_dict_is_plain_json(q3: StatusReport) -> None:
    import json

    data = json.loads(json.dumps(q3.to_dict()))
    assert data["period"] == {
        "id": "2024Q3",
        "kind": "quarter",
        "windows": "cutoff",
        "start": "2024-06-15",
        "end": "2024-09-14",
    }
    assert data["deadline"] == "2024-09-17"
    unit = data["units"][1]
    assert unit["code"] == "tram-y-te" and unit["state"] == "late"
    assert unit["files"][0]["reported_on"] == "2024-09-19"
    assert data["incomplete"] is True


def test_a_whole_commune_form_gives_data_but_is_no_units_submission(plan: Plan) -> None:
    files = [result("toan-xa", codes=("primary_pupils",), reported_on=date(2024, 9, 16))]
    report = submission_status(plan, ResultSet(files), [], Q3, TODAY)
    whole = report.units[-1]
    assert (whole.code, whole.name, whole.expected, whole.state) == (
        "toan-xa",
        "Toàn xã",
        False,
        "on_time",
    )
    assert {u.code: u.state for u in report.units}["tieu-hoc"] == "missing"
    assert "primary_pupils" not in [g.code for g in report.indicators_without_data]
    assert report.received == 0
