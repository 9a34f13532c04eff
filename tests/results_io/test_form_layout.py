"""The form as a department sees and prints it (#18 point 8): the instructions whole on screen and
on A4, the instructions and the colours agreeing, Times New Roman, derived cells blank until all
their parts are in, the signature lines; and the form still read back as before, also after
LibreOffice has recalculated it."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kehoach_cli.results import read_result_file
from kehoach_cli.results.template import FIRST_ROW, META_ROWS, build_form

from .forms import Q2, make_form, plan

YELLOW, GREY = "FFF2CC", "E7E6E6"


def form(unit: str | None = None) -> Any:
    return build_form(plan(), Q2, unit)


def fill_of(cell: Any) -> str | None:
    colour = cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None
    return colour[-6:] if isinstance(colour, str) else None


def rows_of(sheet: Any) -> dict[str, int]:
    return {
        sheet.cell(r, 2).value: r
        for r in range(FIRST_ROW, sheet.max_row + 1)
        if sheet.cell(r, 2).value
    }


def test_times_new_roman_throughout() -> None:
    book = form()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None or fill_of(cell):
                    assert cell.font.name == "Times New Roman", (sheet.title, cell.coordinate)
    assert book["Kết quả"]["F20"].font.sz == 12


def test_every_instruction_shows_whole_on_screen_and_on_a4_portrait() -> None:
    sheet = form()["Hướng dẫn"]
    width = sheet.column_dimensions["A"].width
    margins = sheet.page_margins
    printable = 8.27 - margins.left - margins.right  # inches of A4 portrait between margins
    # Excel draws a unit as 7 px (96 a inch); LibreOffice wider, about 0.0972 in, and a single
    # column wider than the page is cut there, not shrunk: it fits in both.
    assert (width * 7 + 5) / 96 <= printable and width * 0.0972 <= printable
    setup = sheet.page_setup
    assert (int(setup.paperSize), setup.orientation) == (9, "portrait")
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)
    # 12 pt Times New Roman: about 1.04 characters a unit in Excel, 15 pt a line at least
    chars = int(width * 1.04)
    texts = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    assert len([t for t in texts if t]) == 11
    for row, text in enumerate(texts, start=1):
        cell = sheet.cell(row, 1)
        assert cell.alignment.wrap_text, row
        lines = len(textwrap.wrap(text or "", chars)) or 1
        assert sheet.row_dimensions[row].height >= 15 * lines, (row, text)
    assert any(len(textwrap.wrap(t or "", chars)) >= 2 for t in texts)  # some do wrap
    assert "Thủ trưởng đơn vị ký, ghi rõ họ tên" in " ".join(t for t in texts if t)


def test_the_instructions_and_the_colours_say_the_same() -> None:
    book = form()
    guide = book["Hướng dẫn"]
    texts = {r: guide.cell(r, 1).value or "" for r in range(1, guide.max_row + 1)}
    to_fill = next(r for r, t in texts.items() if t.startswith("1. Chỉ điền các ô nền vàng"))
    computed = next(r for r, t in texts.items() if t.startswith("5. Ô nền xám"))
    assert fill_of(guide.cell(to_fill, 1)) == YELLOW  # the words shown on their colour
    assert fill_of(guide.cell(computed, 1)) == GREY
    assert '"Thực hiện", cột "Ghi chú"' in texts[to_fill]
    sheet = book["Kết quả"]
    derived = {i.code for i in plan().indicators if i.derived}
    rows = rows_of(sheet)
    yellow, unlocked, grey = set(), set(), set()
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=7):
        for cell in row:
            if fill_of(cell) == YELLOW:
                yellow.add(cell.coordinate)
            if fill_of(cell) == GREY:
                grey.add(cell.coordinate)
            if not cell.protection.locked:
                unlocked.add(cell.coordinate)
    assert yellow == unlocked  # a yellow cell is one to fill, and only those can be filled
    to_type = ("reporter", "reported_on", "basis")  # Người báo cáo, Ngày báo cáo, Số liệu
    assert {f"C{META_ROWS[key]}" for key in to_type} <= yellow
    for code, row in rows.items():
        assert f"G{row}" in yellow, code  # "Ghi chú" on every indicator's row
        assert (f"F{row}" in yellow) == (code not in derived), code  # "Thực hiện"
        assert (f"F{row}" in grey) == (code in derived), code  # computed: grey
    assert {c for c in grey if not c.startswith("F")} == set()


def test_derived_cells_stay_blank_until_every_part_is_entered() -> None:
    sheet = form()["Kết quả"]
    rows = rows_of(sheet)
    rice, maize = rows["rice_output"], rows["maize_output"]
    assert sheet.cell(rows["grain_output"], 6).value == (
        f'=IF(COUNT(F{maize},F{rice})=2,IFERROR((F{rice}+F{maize}),""),"")'
    )
    for code in ("forest_planted", "general_pupils", "rice_yield"):
        formula = sheet.cell(rows[code], 6).value
        assert formula.startswith("=IF(COUNT(") and "=2,IFERROR(" in formula, code


def test_signature_lines_under_the_table() -> None:
    sheet = form("dcnn")["Kết quả"]
    last = max(rows_of(sheet).values())
    below = {
        cell.coordinate: cell.value
        for row in sheet.iter_rows(min_row=last + 1, max_row=sheet.max_row)
        for cell in row
        if cell.value
    }
    start = last + 2
    assert below == {
        f"G{start}": "……, ngày …… tháng …… năm ……",
        f"C{start + 1}": "NGƯỜI LẬP BIỂU",
        f"G{start + 1}": "THỦ TRƯỞNG ĐƠN VỊ",
        f"C{start + 2}": "(Ký, ghi rõ họ tên)",
        f"G{start + 2}": "(Ký, ghi rõ họ tên)",
    }
    assert sheet[f"C{start + 1}"].font.b and sheet[f"G{start + 2}"].font.i
    assert sheet.print_area == f"'Kết quả'!$A$1:$G${start + 6}"  # printed with room to sign


def test_tt_labels_are_numbers_or_letters_never_digits_as_text() -> None:
    sheet = form()["Kết quả"]
    labels = [sheet.cell(r, 1).value for r in range(FIRST_ROW, sheet.max_row + 1)]
    assert {1, 2, "A", "B", "I", "+", "-"} <= set(labels)
    assert not [v for v in labels if isinstance(v, str) and v.isdigit()]


def _filled(tmp_path: Path, values: dict[str, object]) -> Path:
    path = tmp_path / "dcnn.xlsx"
    make_form(path, values, unit="dcnn", notes={"rice_output": "Đông Xuân"})
    return path


def _read(path: Path) -> tuple[dict[str, Decimal | None], list[str]]:
    result, problems = read_result_file(path, plan())
    assert result is not None, problems
    figures = {v.code: v.value for v in result.values if v.value is not None}
    return figures, sorted(p.code for p in problems)


VALUES = {"rice_output": 120, "rice_area_harvested": 29.5, "maize_area": 27}


def test_a_filled_form_reads_back_with_its_signature_lines(tmp_path: Path) -> None:
    figures, problems = _read(_filled(tmp_path, VALUES))
    assert figures == {code: Decimal(str(v)) for code, v in VALUES.items()}
    assert problems == []  # nothing about the signature lines under the table


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_recalculated_by_libreoffice_the_form_reads_back_the_same(tmp_path: Path) -> None:
    source = _filled(tmp_path, VALUES)
    out = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = out / "dcnn.xlsx"
    assert _read(saved) == _read(source)
    sheet = openpyxl.load_workbook(saved, data_only=True)["Kết quả"]
    rows = rows_of(sheet)
    # the yield has both parts: computed; the grain lacks the maize: blank, not 120
    assert sheet.cell(rows["rice_yield"], 6).value == pytest.approx(120 * 10 / 29.5)
    assert sheet.cell(rows["grain_output"], 6).value in (None, "")
    assert sheet.cell(rows["maize_yield"], 6).value in (None, "")


def test_the_committed_libreoffice_recalculation_has_the_yield_and_no_grain() -> None:
    """The same, on the file built by make_saved_forms.py (runs without LibreOffice)."""
    from .make_saved_forms import OUT

    path = OUT / "recalculated_by_libreoffice.xlsx"
    figures, problems = _read(path)
    assert figures == {"rice_output": Decimal(120), "rice_area_harvested": Decimal("29.5")}
    assert problems == []
    sheet = openpyxl.load_workbook(path, data_only=True)["Kết quả"]
    rows = rows_of(sheet)
    assert sheet.cell(rows["rice_yield"], 6).value == pytest.approx(120 * 10 / 29.5)
    assert sheet.cell(rows["grain_output"], 6).value in (None, "")
    assert "THỦ TRƯỞNG ĐƠN VỊ" in [c.value for c in sheet["G"]]
