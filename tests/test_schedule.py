"""Deadlines in working days, `current`/`previous` at the cutoff boundaries, output names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kehoach_cli.errors import UsageError
from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.plan.model import Plan, Reporting
from kehoach_cli.report.schedule import (
    WorkingCalendar,
    check_period_in_plan,
    deadline,
    holidays_of,
    output_name,
    parse_today,
    public_holidays,
    resolve_period,
    working_days_late,
)

from .conftest import PLAN


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


def q(number: int, year: int = 2024) -> Period:
    return Period(year, "quarter", number)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (q(1), date(2024, 3, 18)),  # cutoff Thu 14/3 → Fri 15, (weekend), Mon 18
        (q(2), date(2024, 6, 18)),  # cutoff Fri 14/6 → Mon 17, Tue 18
        (q(3), date(2024, 9, 17)),  # cutoff Sat 14/9 → Mon 16, Tue 17
        (q(4), date(2024, 12, 17)),  # cutoff Sat 14/12 → Mon 16, Tue 17
        (Period(2024, "half"), date(2024, 6, 18)),  # same cutoff as Q2
        (Period(2024, "year"), date(2024, 12, 17)),
    ],
)
def test_deadline_is_two_working_days_after_the_cutoff_skipping_weekends(
    period: Period, expected: date
) -> None:
    assert deadline(period, Reporting()) == expected


def test_plan_holidays_are_skipped() -> None:
    # Without the public holidays, New Year's Day is a day off only when the plan lists it.
    local = Reporting(windows="calendar", public_holidays=False, holidays=[date(2025, 1, 1)])
    # Q4 2024 calendar window ends Tue 31/12; 1/1 is a holiday → Thu 2/1, Fri 3/1.
    assert deadline(q(4), local) == date(2025, 1, 3)
    assert deadline(q(4), Reporting(windows="calendar", public_holidays=False)) == date(2025, 1, 2)
    # A local day off on top of the public holidays: Mon 16/9/2024 → Tue 17, Wed 18.
    assert deadline(q(3), Reporting(holidays=[date(2024, 9, 16)])) == date(2024, 9, 18)


# Vietnam's public holidays of 2024 (Bộ luật Lao động, Điều 112; the 2024 swap of 29/4 for
# Saturday 4/5), as listed in DOMAIN.md, checked against what the holidays package knows.
VN_2024 = {
    date(2024, 1, 1),  # Tết Dương lịch
    *(date(2024, 2, day) for day in range(8, 15)),  # Tết Nguyên đán, 29 Tết to mùng 5
    date(2024, 4, 18),  # Giỗ Tổ Hùng Vương, 10/3 âm lịch
    date(2024, 4, 29),  # the bridge day, worked back on Saturday 4/5
    date(2024, 4, 30),
    date(2024, 5, 1),
    date(2024, 9, 2),  # Quốc khánh
    date(2024, 9, 3),  # and the day next to it
}


def test_the_holidays_package_knows_vietnams_2024_holidays() -> None:
    days_off, worked = public_holidays(2024)
    assert days_off == VN_2024
    assert date(2024, 5, 4) in worked  # Saturday 4/5/2024 worked for Monday 29/4


def test_the_2024_year_end_deadline_with_calendar_windows_is_3_january() -> None:
    # The year closes on Tue 31/12/2024; Wed 1/1/2025 is Tết Dương lịch → Thu 2/1, Fri 3/1.
    assert deadline(Period(2024, "year"), Reporting(windows="calendar")) == date(2025, 1, 3)
    assert deadline(q(4), Reporting(windows="calendar")) == date(2025, 1, 3)


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        # Tết: Wed 7/2 + 1 → Thu 8/2 … Wed 14/2 are days off → Thu 15/2.
        (date(2024, 2, 7), 1, date(2024, 2, 15)),
        # Giỗ Tổ: Wed 17/4 + 1 → Thu 18/4 off → Fri 19/4.
        (date(2024, 4, 17), 1, date(2024, 4, 19)),
        # 30/4–1/5 with the swap: Fri 26/4 + 2 → Mon 29, Tue 30, Wed 1/5 off → Thu 2/5, Fri 3/5.
        (date(2024, 4, 26), 2, date(2024, 5, 3)),
        # … and the third working day is Saturday 4/5, worked in exchange.
        (date(2024, 4, 26), 3, date(2024, 5, 4)),
        # Quốc khánh: Fri 30/8 + 1 → Mon 2/9, Tue 3/9 off → Wed 4/9.
        (date(2024, 8, 30), 1, date(2024, 9, 4)),
        # An ordinary week: Fri 14/6 + 2 → Mon 17, Tue 18.
        (date(2024, 6, 14), 2, date(2024, 6, 18)),
    ],
)
def test_deadlines_skip_the_public_holidays(start: date, count: int, expected: date) -> None:
    assert WorkingCalendar().add_working_days(start, count) == expected


def test_a_swapped_working_day_from_the_plan_counts() -> None:
    # Q3 closes Sat 14/9; with Sunday 15/9 worked (a made-up swap): Sun 15, Mon 16.
    assert deadline(q(3), Reporting(working_days=[date(2024, 9, 15)])) == date(2024, 9, 16)
    assert deadline(q(3), Reporting()) == date(2024, 9, 17)


def test_working_days_late_skip_the_public_holidays() -> None:
    # Due Wed 7/2/2024, sent Fri 16/2: Thu 8 … Wed 14 are Tết → Thu 15, Fri 16 = 2 days late.
    calendar = WorkingCalendar()
    assert working_days_late(date(2024, 2, 7), date(2024, 2, 16), calendar) == 2
    local = WorkingCalendar(public_holidays=False)
    assert working_days_late(date(2024, 2, 7), date(2024, 2, 16), local) == 7


def test_the_plan_file_takes_working_days_and_public_holidays(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").replace(
        "  holidays: []",
        "  holidays: [2024-09-16]\n  working_days: [2024-09-15]\n  public_holidays: false",
        1,
    )
    path = tmp_path / "plan_2024.yaml"
    path.write_text(text, encoding="utf-8")
    reporting = load_plan(path).reporting
    assert reporting.working_days == [date(2024, 9, 15)]
    assert reporting.public_holidays is False
    # Sun 15 worked, Mon 16 off, Tue 17.
    assert deadline(q(3), reporting) == date(2024, 9, 17)
    assert holidays_of(reporting).is_working_day(date(2024, 9, 15))


def test_holiday_on_the_monday_after_a_weekend_cutoff() -> None:
    reporting = Reporting(holidays=[date(2024, 9, 16)])
    assert deadline(q(3), reporting) == date(2024, 9, 18)


def test_zero_working_days_means_the_cutoff_day_itself() -> None:
    assert deadline(q(3), Reporting(deadline_working_days=0)) == date(2024, 9, 14)


def test_working_days_late_skips_the_weekend() -> None:
    due = date(2024, 9, 17)
    assert working_days_late(due, date(2024, 9, 17)) == 0
    assert working_days_late(due, date(2024, 9, 18)) == 1
    assert working_days_late(date(2024, 6, 14), date(2024, 6, 17)) == 1  # Fri → Mon
    assert working_days_late(date(2024, 6, 14), date(2024, 6, 15)) == 0  # Saturday


@pytest.mark.parametrize(
    ("today", "current", "previous"),
    [
        (date(2024, 3, 14), "2023Q4", "2023Q3"),
        (date(2024, 3, 15), "2024Q1", "2023Q4"),
        (date(2024, 6, 14), "2024Q1", "2023Q4"),
        (date(2024, 6, 15), "2024Q2", "2024Q1"),
        (date(2024, 6, 20), "2024Q2", "2024Q1"),
        (date(2024, 9, 14), "2024Q2", "2024Q1"),
        (date(2024, 9, 15), "2024Q3", "2024Q2"),
        (date(2024, 12, 14), "2024Q3", "2024Q2"),
        (date(2024, 12, 15), "2024Q4", "2024Q3"),
        (date(2025, 1, 1), "2024Q4", "2024Q3"),
        (date(2024, 1, 1), "2023Q4", "2023Q3"),
    ],
)
def test_current_and_previous_at_the_cutoff_boundaries(
    plan: Plan, today: date, current: str, previous: str
) -> None:
    assert resolve_period("current", plan, today).id == current
    assert resolve_period("previous", plan, today).id == previous
    assert resolve_period("hiện tại", plan, today).id == current


@pytest.mark.parametrize(
    ("today", "current"),
    [
        (date(2024, 6, 30), "2024Q1"),
        (date(2024, 7, 1), "2024Q2"),
        (date(2024, 12, 31), "2024Q3"),
        (date(2025, 1, 1), "2024Q4"),
    ],
)
def test_current_with_calendar_windows(plan: Plan, today: date, current: str) -> None:
    calendar = plan.model_copy(update={"reporting": Reporting(windows="calendar")})
    assert resolve_period("current", calendar, today).id == current


def test_a_bare_period_is_in_the_plans_year_whatever_today_is(plan: Plan) -> None:
    assert resolve_period("q3", plan, date(2026, 2, 1)).id == "2024Q3"
    assert resolve_period("2024-h1", plan, date(2026, 2, 1)).id == "2024S1"


def test_a_period_of_another_year_is_a_usage_error(plan: Plan) -> None:
    period = resolve_period("current", plan, date(2024, 3, 14))
    with pytest.raises(UsageError) as caught:
        check_period_in_plan(period, plan, "data/plan_2024.yaml")
    assert caught.value.exit_code == 2
    assert "Quý IV năm 2023" in caught.value.message
    assert "data/plan_2024.yaml" in caught.value.message


def test_bad_period_and_bad_today_are_usage_errors(plan: Plan) -> None:
    with pytest.raises(UsageError, match="q5"):
        resolve_period("q5", plan, date(2024, 9, 20))
    with pytest.raises(UsageError, match="20/09/2024"):
        parse_today("20/09/2024")
    assert parse_today("2024-09-20") == date(2024, 9, 20)


@pytest.mark.parametrize(
    ("period", "fmt", "name"),
    [
        (q(2), "xlsx", "2024Q2-tong-hop.xlsx"),
        (q(2), "csv", "2024Q2-tong-hop.csv"),
        (q(2), "markdown", "2024Q2-tong-hop.md"),
        (q(2), "json", "2024Q2-tong-hop.json"),
        (q(2), "table", "2024Q2-tong-hop.txt"),
        (q(2), "DOCX", "2024Q2-tong-hop.docx"),
        (Period(2024, "half"), "xlsx", "2024S1-tong-hop.xlsx"),
        (Period(2024, "nine_months"), "xlsx", "2024N9-tong-hop.xlsx"),
        (Period(2024, "year"), "xlsx", "2024-tong-hop.xlsx"),
    ],
)
def test_output_names_are_predictable(period: Period, fmt: str, name: str) -> None:
    assert output_name(period, fmt) == name


def test_output_name_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="pdf"):
        output_name(q(2), "pdf")


def test_every_report_format_has_an_output_name() -> None:
    from kehoach_cli.periods import Period
    from kehoach_cli.render import available_formats
    from kehoach_cli.report.schedule import output_name

    names = {output_name(Period(2024, "quarter", 2), fmt) for fmt in available_formats()}
    assert len(names) == len(available_formats())
    assert "2024Q2-tong-hop.html" in names


def test_the_reporting_example_of_docs_cron_is_a_valid_setting() -> None:
    import re

    import yaml

    from .conftest import ROOT

    text = (ROOT / "docs" / "cron.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(reporting:.*?)```", text, re.DOTALL)
    assert block is not None
    reporting = Reporting.model_validate(yaml.safe_load(block.group(1))["reporting"])
    assert reporting.working_days == [date(2024, 5, 4)]
    assert not holidays_of(reporting).is_working_day(date(2024, 8, 19))
