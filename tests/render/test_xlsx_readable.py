"""The workbook read as the office reads it (#18 point 6): whole headers and columns on "Dữ liệu",
expected progress beside completion in the chart, one line for a quarter nobody has reported,
TT labels that Excel does not flag as numbers stored as text."""

from __future__ import annotations

import io
import textwrap
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.render.xlsx import render
from kehoach_cli.report.completion import compute, is_assessed
from kehoach_cli.report.model import Report

from ..conftest import PLAN
from .fixtures import q2_files, result_file


def report_of(period: Period, *, with_q1: bool = True, lang: str = "vi") -> Report:
    files = q2_files()
    if with_q1:
        q1 = {"rice_area": "29.5", "rice_output": "0"}
        files.append(result_file("dcnn", Period(2024, "quarter", 1), q1))
    return compute(load_plan(PLAN), files, period, date(2024, 6, 20), lang=lang, by="quarter")  # type: ignore[arg-type]


def book_of(report: Report):  # noqa: ANN201
    return load_workbook(io.BytesIO(render(report)))


@pytest.fixture(scope="module")
def year_book():  # noqa: ANN201
    """A year report by quarter made at the end of June: Q3 and Q4 have no figures yet."""
    return book_of(report_of(Period(2024, "year")))


def test_data_headers_wrap_whole_and_columns_hold_their_longest_text() -> None:
    ws = book_of(report_of(Period(2024, "half")))["Dữ liệu"]
    widths = {c: ws.column_dimensions[ws.cell(1, c).column_letter].width for c in range(1, 20)}
    lines = 1
    for col, width in widths.items():
        header = ws.cell(1, col)
        assert header.alignment.wrap_text, header.coordinate
        # no word of a header is cut: the longest fits the column
        assert width >= len(max(header.value.split(), key=len)) + 1, header.value
        # bold 12 pt text is about 1.15 units a character: as many lines as wrapping needs
        room = int((width - 2) / 1.15)
        lines = max(lines, len(textwrap.wrap(header.value, room, break_long_words=False)))
        for row in range(2, ws.max_row + 1):
            value = ws.cell(row, col).value
            if isinstance(value, str):  # every text shows on its line, none cut at the edge
                assert width >= len(value), (ws.cell(row, col).coordinate, value, width)
    assert lines >= 2  # "Thực hiện trong kỳ", "Tiến độ kỳ vọng (%)" wrap…
    assert ws.row_dimensions[1].height >= 15 * lines  # …and the row is tall enough for them
    assert ws.cell(1, 13).value == "Thực hiện trong kỳ"
    kinds = {(ws.cell(r, 9).value, ws.cell(r, 10).value) for r in range(2, ws.max_row + 1)}
    assert {("lũy kế", "↑ tăng"), ("tỷ lệ", "↓ giảm"), ("thời điểm", "↑ tăng")} <= kinds
    assert ws.cell(1, 14).value == "Lũy kế / mức đạt"


def test_chart_shows_expected_progress_beside_completion() -> None:
    report = report_of(Period(2024, "quarter", 2), with_q1=False)
    ws = book_of(report)["Theo lĩnh vực"]
    (chart,) = ws._charts
    assert len(chart.series) == 2
    mean_col = 3 + len(report.statuses_present())
    assert ws.cell(5, mean_col).value == "% KH bình quân"
    assert ws.cell(5, mean_col + 1).value == "Tiến độ kỳ vọng"
    refs = [s.tx.strRef.f for s in chart.series]
    letters = [ws.cell(5, c).column_letter for c in (mean_col, mean_col + 1)]
    assert refs == [f"'Theo lĩnh vực'!{letter}5" for letter in letters]
    assert chart.legend is not None and chart.legend.position == "b"
    first = report.groups[0]  # A. CHỈ TIÊU KINH TẾ CHỦ YẾU
    members = [report.indicator(code) for code in first.indicators]
    counted = [
        m.expected_pct
        for m in members
        if is_assessed(m) and m.completion_pct is not None and m.expected_pct is not None
    ]
    mean = sum(counted, Decimal(0)) / len(counted)
    assert ws.cell(6, mean_col + 1).value == pytest.approx(float(mean) / 100, abs=1e-4)
    assert ws.cell(6, mean_col + 1).number_format == "0.00%"


def test_quarters_not_reported_are_said_once_not_on_every_row(year_book) -> None:  # noqa: ANN001
    line = (
        "Chưa có số liệu Quý III năm 2024, Quý IV năm 2024 (chưa đơn vị nào báo cáo): lũy kế, "
        "so sánh và đánh giá năm 2024 để trống cho đến khi có báo cáo Quý IV."
    )
    summary = year_book["Tổng hợp"]
    assert summary["A7"].value == line and summary["A7"].font.b
    statuses = [summary.cell(r, 13).value for r in range(10, summary.max_row + 1)]
    assert "Chưa có số liệu" not in statuses  # was on 31 of the 32 rows
    assert "Cần đính chính" in statuses  # other assessments stay
    groups = year_book["Theo lĩnh vực"]
    assert groups["A4"].value == line
    assert groups.row_dimensions[4].height >= 30  # two lines on the narrower sheet, both shown
    assert groups._charts == []  # nothing to measure yet: no chart of empty bars
    data = year_book["Dữ liệu"]
    periods = {data.cell(r, 1).value for r in range(2, data.max_row + 1)} - {None}
    assert periods == {"2024Q1", "2024Q2", line}  # no rows for Q3, Q4: the line under them
    assert data.cell(data.max_row, 1).value == line
    assert data.auto_filter.ref == f"A1:S{data.max_row - 2}"


def test_a_missing_middle_quarter_keeps_the_assessments() -> None:
    report = report_of(Period(2024, "half"), with_q1=False)
    book = book_of(report)
    summary = book["Tổng hợp"]
    line = "Chưa có số liệu Quý I năm 2024 (chưa đơn vị nào báo cáo): các cột này để trống."
    assert summary["A7"].value == line
    statuses = [summary.cell(r, 11).value for r in range(10, summary.max_row + 1)]
    shown = [report.by_code[r.code].status for r in report.rows if r.code in report.by_code]
    assert statuses.count("Chậm tiến độ") == shown.count("behind") > 0
    assert statuses.count("Chưa có số liệu") == shown.count("no_data") > 0
    english = book_of(report_of(Period(2024, "year"), lang="en"))["Summary"]["A7"].value
    assert english.startswith("No figures for Q3 2024, Q4 2024 yet (no unit has reported)")


def test_a_report_with_every_quarter_in_has_no_such_line() -> None:
    book = book_of(report_of(Period(2024, "half")))
    assert book["Tổng hợp"]["A7"].value is None
    assert book["Theo lĩnh vực"]["A4"].value is None


def test_tt_labels_are_not_numbers_stored_as_text(year_book) -> None:  # noqa: ANN001
    for title, col in (("Tổng hợp", 1), ("Dữ liệu", 5)):
        ws = year_book[title]
        seen = set()
        for row in range(2, ws.max_row + 1):
            cell = ws.cell(row, col)
            if isinstance(cell.value, str):
                assert not cell.value.strip().isdigit(), (title, cell.coordinate, cell.value)
                seen.add(cell.value)
            elif isinstance(cell.value, int) and row > 9:
                assert cell.number_format == "0" and cell.alignment.horizontal == "center"
                seen.add(cell.value)
        assert {1, 2, "+", "-"} <= seen, title
    assert {"A", "B", "I", "II"} <= {
        year_book["Tổng hợp"].cell(r, 1).value for r in range(10, year_book["Tổng hợp"].max_row)
    }
