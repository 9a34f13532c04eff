"""Figures 10 times off their target, Q2 against 6 months, other years (issue #13: 4, 8, 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_cli.messages import set_lang
from kehoach_cli.periods import Period
from kehoach_cli.results import load_results
from kehoach_cli.results.checks import is_confirmed

from .forms import Q1, Q2, make_form, plan

H1 = Period(2024, "half")


def _codes(folder: Path) -> list[tuple[str, str, str | None, str | None]]:
    _, report = load_results([folder], plan())
    return [(p.severity, p.code, p.indicator, p.location) for p in report]


# --- case 4: implausible figures ------------------------------------------------------------


def test_a_figure_ten_times_its_target_is_a_located_warning(tmp_path: Path) -> None:
    rows = make_form(tmp_path / "q2.xlsx", {"rice_output": 2350}, unit="dcnn")
    results, report = load_results([tmp_path], plan())
    (warning,) = report
    assert (warning.severity, warning.code, warning.indicator, warning.location) == (
        "warning",
        "implausible_value",
        "rice_output",
        f"Kết quả!F{rows['rice_output']}",
    )
    assert warning.message.startswith("Số liệu 2.350 gấp 10 lần kế hoạch năm (235): có thể gõ nhầm")
    assert 'ghi "Đã xác nhận" vào cột Ghi chú' in warning.message
    # a warning keeps the figure: the report shows it, unassessed
    assert results.files[0].value_of("rice_output").value == 2350  # type: ignore[union-attr]


def test_a_level_ten_times_below_its_target_is_flagged_in_english_too(tmp_path: Path) -> None:
    set_lang("en")
    make_form(tmp_path / "q2.xlsx", {"cattle_herd": 93}, unit="dcnn")
    (warning,) = load_results([tmp_path], plan())[1]
    assert warning.code == "implausible_value"
    assert warning.message.startswith(
        "The figure 93 is only 1/10 of the annual target (930): probably a typing slip"
    )


def test_a_flow_is_measured_against_what_is_due_by_its_period(tmp_path: Path) -> None:
    # Q1 rice area: the plan's profile has 50 % of 59 ha due by Q1 (29,5); 1 ha is 1/30 of
    # it, 5 ha about a sixth (the winter-spring crop may be partly sown).
    make_form(tmp_path / "a.xlsx", {"rice_area": 1}, unit="dcnn", period=Q1)
    (warning,) = load_results([tmp_path / "a.xlsx"], plan())[1]
    assert "chỉ bằng 1/30 mức cần đạt đến kỳ này (29,5; kế hoạch năm 59)" in warning.message
    make_form(tmp_path / "b.xlsx", {"rice_area": 5}, unit="dcnn", period=Q1)
    assert len(load_results([tmp_path / "b.xlsx"], plan())[1]) == 0


@pytest.mark.parametrize("value", [0, 24, 2349])
def test_zero_and_figures_within_ten_times_are_not_flagged(tmp_path: Path, value: int) -> None:
    make_form(tmp_path / "q2.xlsx", {"rice_output": value}, unit="dcnn")
    assert _codes(tmp_path) == []


@pytest.mark.parametrize(
    ("note", "flagged"),
    [
        ("Đã xác nhận", False),
        ("đã xác nhận: có dự án giống mới", False),
        ("Confirmed", False),
        ("chưa xác nhận", True),
        ("số liệu tạm tính", True),
    ],
)
def test_the_rows_note_confirms_the_figure(tmp_path: Path, note: str, flagged: bool) -> None:
    make_form(tmp_path / "q2.xlsx", {"rice_output": 2350}, unit="dcnn", notes={"rice_output": note})
    assert [c for _, c, _, _ in _codes(tmp_path)] == (["implausible_value"] if flagged else [])
    assert is_confirmed(note) is not flagged


def test_a_yaml_note_confirms_too(tmp_path: Path) -> None:
    head = "year: 2024\nperiod: 2024Q2\nunit: dcnn\nreporter: A\nreported_on: 2024-06-18\n"
    (tmp_path / "a.yaml").write_text(head + "values:\n  rice_output: 2350\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        head + "values:\n  rice_output: {value: 2350, note: Đã xác nhận}\n", encoding="utf-8"
    )
    (flagged,) = load_results([tmp_path / "a.yaml"], plan())[1]
    assert (flagged.code, flagged.location) == ("implausible_value", "dòng 7")
    assert len(load_results([tmp_path / "b.yaml"], plan())[1]) == 0


def test_a_share_whose_target_is_above_100_is_the_plans_slip_not_the_figures(
    tmp_path: Path,
) -> None:
    make_form(tmp_path / "q2.xlsx", {"crossbred_cattle_share": 18.5}, unit="dcnn")
    assert _codes(tmp_path) == []  # "Tỷ trọng bò lai % 200" is flagged in the plan


# --- case 8: a Q2 file and a 6-month file -------------------------------------------------------


def test_a_q2_and_a_six_month_file_disagreeing_is_a_conflict(tmp_path: Path) -> None:
    make_form(tmp_path / "q2.xlsx", {"rice_output": 120}, unit="dcnn", period=Q2)
    rows = make_form(tmp_path / "h1.xlsx", {"rice_output": 125}, unit="dcnn", period=H1)
    _, report = load_results([tmp_path], plan())
    (conflict,) = report
    assert (conflict.code, conflict.severity, conflict.indicator) == (
        "conflicting_values",
        "error",
        "rice_output",
    )
    assert conflict.file == str(tmp_path / "q2.xlsx")
    assert f"{tmp_path / 'h1.xlsx'} › Kết quả!F{rows['rice_output']}" in conflict.message
    assert (
        "(cùng chỉ tiêu; Quý II năm 2024 và 6 tháng đầu năm 2024 có cùng thời điểm chốt số "
        "liệu)" in conflict.message
    )
    set_lang("en")
    (english,) = load_results([tmp_path], plan())[1]
    assert "(same indicator; Q2 2024 and" in english.message
    assert "end at the same data cutoff)" in english.message


def test_a_q2_and_a_six_month_file_agreeing_is_no_problem(tmp_path: Path) -> None:
    make_form(tmp_path / "q2.xlsx", {"rice_output": 120, "pig_herd": 860}, unit="dcnn")
    make_form(tmp_path / "h1.xlsx", {"rice_output": 120, "pig_herd": 860}, unit="dcnn", period=H1)
    assert _codes(tmp_path) == []


def test_a_quarters_own_amount_is_not_the_six_month_total(tmp_path: Path) -> None:
    def own(sheet, rows) -> None:  # noqa: ANN001 - the form's "Số liệu" cell
        sheet["C9"] = "Số trong kỳ"

    make_form(tmp_path / "q2.xlsx", {"rice_output": 70, "pig_herd": 860}, unit="dcnn", edit=own)
    make_form(tmp_path / "h1.xlsx", {"rice_output": 120, "pig_herd": 900}, unit="dcnn", period=H1)
    # Q2's own 70 t is no conflict with 120 t over six months; the herd is a level: it is.
    assert [(c, i) for _, c, i, _ in _codes(tmp_path)] == [("conflicting_values", "pig_herd")]


# --- case 9: another year's files under the results folder --------------------------------------


def _last_year(sheet, rows) -> None:  # noqa: ANN001
    sheet["C4"], sheet["C5"] = 2023, "2023Q4"


def test_last_years_file_is_skipped_with_a_note_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "2023-q4").mkdir()
    make_form(tmp_path / "2023-q4" / "dcnn.xlsx", {"rice_output": 230}, edit=_last_year)
    make_form(tmp_path / "q2.xlsx", {"rice_output": 120}, unit="dcnn")
    results, report = load_results([tmp_path], plan())
    assert [Path(f.source).name for f in results.files] == ["q2.xlsx"]
    (note,) = report
    assert (note.severity, note.code, note.location) == ("warning", "other_year", "Kết quả!C4")
    assert note.message.startswith(
        "Tệp này là số liệu năm 2023, không thuộc kế hoạch năm 2024: bỏ qua"
    )
    assert "Sửa năm" not in note.message and "không cần sửa" in note.message
    set_lang("en")
    (en,) = load_results([tmp_path], plan())[1]
    assert en.message.startswith("This file holds figures for 2023, not for the plan of 2024")


def test_a_year_far_from_the_plans_is_still_an_error(tmp_path: Path) -> None:
    make_form(
        tmp_path / "q2.xlsx", {"rice_output": 120}, edit=lambda s, r: s.__setitem__("C4", 2042)
    )
    assert [(s, c) for s, c, _, _ in _codes(tmp_path)] == [("error", "year_not_in_plan")]
