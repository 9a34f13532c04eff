"""The Excel workbook: reopened with openpyxl, its structure, numbers, print settings and text."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.render.xlsx import render
from kehoach_cli.report.completion import compute
from kehoach_cli.report.model import STATUSES, Report

from ..conftest import PLAN
from .fixtures import q2_files, result_file

HOSTILE = '=HYPERLINK("http://x","y")'


def q2_report(lang: str = "vi", by: str = "period") -> Report:
    period = Period(2024, "quarter", 2) if by == "period" else Period(2024, "half")
    files = q2_files()
    if by == "quarter":
        files.append(
            result_file(
                "dcnn", Period(2024, "quarter", 1), {"rice_area": "29.5", "rice_output": "0"}
            )
        )
    return compute(load_plan(PLAN), files, period, date(2024, 6, 20), lang=lang, by=by)  # type: ignore[arg-type]


def hostile_report() -> Report:
    """The Q2 report with user text that looks like formulas (names, units, unit names)."""
    report = q2_report()
    rows = list(report.rows)
    first = next(i for i, row in enumerate(rows) if row.code == "rice_area")
    rows[first] = replace(rows[first], name=HOSTILE)
    indicators = [
        replace(item, unit="@unit", responsible_short_name="-VH", responsible_name="+VH")
        if item.code == "rice_area"
        else item
        for item in report.indicators
    ]
    return replace(report, rows=tuple(rows), indicators=tuple(indicators))


def open_book(report: Report):  # noqa: ANN201
    return load_workbook(io.BytesIO(render(report)))


@pytest.fixture(scope="module")
def book():  # noqa: ANN201
    return open_book(q2_report())


def test_sheets_in_vietnamese_and_english(book) -> None:  # noqa: ANN001
    assert book.sheetnames == ["Tổng hợp", "Theo lĩnh vực", "Xếp hạng thi đua", "Dữ liệu"]
    english = open_book(q2_report("en"))
    assert english.sheetnames == ["Summary", "By group", "Emulation ranking", "Data"]
    assert english["Summary"]["A4"].value == "REPORT ON THE PLAN TARGETS, Q2 2024"


def test_title_block_and_two_level_header(book) -> None:  # noqa: ANN001
    ws = book["Tổng hợp"]
    assert ws["A1"].value == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG"
    assert ws["A2"].value == "ỦY BAN NHÂN DÂN XÃ TRÀ BÙI" and ws["A2"].font.b
    assert ws["G1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert ws["G2"].value == "Độc lập - Tự do - Hạnh phúc" and ws["G2"].font.u == "single"
    assert ws["A4"].value == "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH QUÝ II NĂM 2024"
    assert "15/03/2024" in ws["A5"].value and "14/06/2024" in ws["A5"].value
    merged = {str(r) for r in ws.merged_cells.ranges}
    # Single headings span both header rows; the two groups span their sub-columns.
    # (#16: L and M, last year's figure and the change, after the responsible unit in K.)
    for cells in ("A8:A9", "B8:B9", "C8:C9", "D8:D9", "I8:I9", "J8:J9", "K8:K9", "L8:L9", "M8:M9"):
        assert cells in merged
    assert {"E8:F8", "G8:H8", "A4:M4", "A1:C1", "G1:M1"} <= merged
    assert (ws["L8"].value, ws["M8"].value) == ("Cùng kỳ năm trước", "So với cùng kỳ")
    assert ws["E8"].value == "Thực hiện Quý II năm 2024"
    assert [ws.cell(9, c).value for c in range(5, 9)] == [
        "Kỳ này",
        "Lũy kế",
        "KH năm",
        "Tiến độ kỳ vọng",
    ]
    assert ws["D8"].value == "Kế hoạch năm 2024"


def table_rows(ws) -> list[int]:  # noqa: ANN001
    rows = []
    row = 10
    while ws.cell(row, 2).value:
        rows.append(row)
        row += 1
    return rows


def test_table_rows_are_the_reports_rows_with_real_numbers(book) -> None:  # noqa: ANN001
    report = q2_report()
    ws = book["Tổng hợp"]
    rows = table_rows(ws)
    assert len(rows) == len(report.rows)
    by_code = report.by_code
    for row, report_row in zip(rows, report.rows, strict=True):
        tt = ws.cell(row, 1)
        if report_row.tt and report_row.tt.isdigit():  # "1", "2": numbers, no green triangle
            assert (tt.value, tt.data_type, tt.number_format) == (int(report_row.tt), "n", "0")
        else:
            assert tt.value == (report_row.tt or None)
        assert ws.cell(row, 2).value.endswith(report_row.name)
        item = by_code.get(report_row.code) if report_row.code else None
        if item is None:
            assert ws.cell(row, 2).font.b
            continue
        for col in range(4, 10):  # target … remaining: numbers or empty, never text
            assert ws.cell(row, col).data_type == "n", (row, col)
        assert ws.cell(row, 10).value == item.status_label
        if item.completion_pct is not None:
            assert ws.cell(row, 7).value == pytest.approx(float(item.completion_pct) / 100)
            assert ws.cell(row, 7).number_format == "0.00%"
    grain = rows[[r.code for r in report.rows].index("grain_output")]
    assert (ws.cell(grain, 4).value, ws.cell(grain, 4).number_format) == (323, "#,##0")
    assert ws.cell(grain, 6).value == 160 and ws.cell(grain, 6).number_format == '#,##0"*"'
    area = rows[[r.code for r in report.rows].index("rice_area")]
    assert (ws.cell(area, 4).value, ws.cell(area, 4).number_format) == (59, "#,##0.00")
    assert ws.cell(area, 6).value == 58.5
    assert ws.cell(area, 8).value == 1 and ws.cell(area, 8).number_format == "0%"


def test_print_settings_and_frozen_header(book) -> None:  # noqa: ANN001
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
        assert ws.freeze_panes
    summary = book["Tổng hợp"]
    assert summary.print_title_rows == "$8:$9"
    assert summary.freeze_panes == "C10"
    assert book["Dữ liệu"].print_title_rows == "$1:$1"


def test_status_colours_are_conditional_formats(book) -> None:  # noqa: ANN001
    ws = book["Tổng hợp"]
    ranges = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    assert len(ranges) == 1
    ((sqref, rules),) = ranges.items()
    assert sqref.startswith("J10:J")
    assert sorted(rule.formula[0] for rule in rules) == sorted(
        f'"{q2_report().label(s)}"' for s in STATUSES
    )
    assert all(rule.operator == "equal" and rule.dxf.fill is not None for rule in rules)
    assert list(book["Dữ liệu"].conditional_formatting)


def test_chart_of_completion_by_group(book) -> None:  # noqa: ANN001
    ws = book["Theo lĩnh vực"]
    assert len(ws._charts) == 1
    report = q2_report()
    names = [ws.cell(r, 1).value for r in range(6, 6 + len(report.groups))]
    assert names[0] == "A. CHỈ TIÊU KINH TẾ CHỦ YẾU"
    # one column per status some indicator has, then the mean
    mean_col = 3 + len(report.statuses_present())
    assert ws.cell(5, mean_col).value == "% KH bình quân"
    means = [ws.cell(r, mean_col).value for r in range(6, 6 + len(report.groups))]
    assert means == [
        None if g.mean_completion_pct is None else pytest.approx(float(g.mean_completion_pct) / 100)
        for g in report.groups
    ]


def test_times_new_roman_everywhere(book) -> None:  # noqa: ANN001
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Times New Roman", (ws.title, cell.coordinate)


def test_ranking_sheet(book) -> None:  # noqa: ANN001
    report = q2_report()
    ws = book["Xếp hạng thi đua"]
    assert ws["A5"].value == "Hạng" and ws["B5"].value == "Đơn vị"
    for offset, unit in enumerate(report.units):
        assert ws.cell(6 + offset, 1).value == unit.rank
        # the name, marked when the rule judged the unit on fewer than 3 indicators
        marked = f"{unit.name} (dưới 3 chỉ tiêu được đánh giá)" if unit.few_indicators else None
        assert ws.cell(6 + offset, 2).value == (marked or unit.name)
        if unit.score_pct is not None:  # the score under the plan's rule, % of the most
            assert ws.cell(6 + offset, 5).value == pytest.approx(float(unit.score_pct) / 100)


def test_data_sheet_is_long_one_row_per_indicator_and_quarter() -> None:
    report = q2_report(by="quarter")
    ws = open_book(report)["Dữ liệu"]
    expected = [(q.period, item.code) for item in report.indicators for q in item.quarters]
    got = [(ws.cell(r, 1).value, ws.cell(r, 6).value) for r in range(2, ws.max_row + 1)]
    assert got == expected
    assert {p for p, _ in got} == {"2024Q1", "2024Q2"}
    assert ws.auto_filter.ref == f"A1:S{ws.max_row}"
    row = got.index(("2024Q1", "rice_area")) + 2
    assert ws.cell(row, 13).value == 29.5 and ws.cell(row, 13).data_type == "n"


def test_by_quarter_header_has_the_quarters() -> None:
    ws = open_book(q2_report(by="quarter"))["Tổng hợp"]
    assert [ws.cell(9, c).value for c in range(5, 8)] == ["Quý I", "Quý II", "Lũy kế"]
    assert "E8:G8" in {str(r) for r in ws.merged_cells.ranges}


def test_formula_looking_user_text_is_stored_as_text() -> None:
    ws = open_book(hostile_report())["Tổng hợp"]
    cells = {cell.value: cell for row in ws.iter_rows() for cell in row if cell.value}
    for text in (HOSTILE, "@unit", "-VH"):
        assert cells[text].data_type == "s", text
        assert cells[text].quotePrefix
    # Real TT labels "+" and "-" stay as they are, as text.
    assert cells["+"].data_type == "s" and cells["-"].data_type == "s"
    raw = zipfile.ZipFile(io.BytesIO(render(hostile_report()))).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in raw


def test_same_report_same_bytes_and_dated_properties() -> None:
    first, second = render(q2_report()), render(q2_report())
    assert first == second
    book = load_workbook(io.BytesIO(first))
    assert book.properties.created == datetime(2024, 6, 20)
    assert book.properties.modified == datetime(2024, 6, 20)
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert stamps == {(2024, 6, 20, 0, 0, 0)}
