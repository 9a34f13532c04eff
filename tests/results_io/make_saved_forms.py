"""Build the corpus of forms as offices really save them (issue #13: sheets, .ods, blank forms).

Run from the repository root: ``python -m tests.results_io.make_saved_forms``. It writes
``tests/data/results/saved/``; the files are committed, so the tests need no LibreOffice.

Where LibreOffice is the program that would save the file (a department filling the form in
LibreOffice Calc, or saving it as .ods), the file is saved by LibreOffice headless
(``soffice --convert-to``), in its own profile so that it never touches a running one. What only
Excel produces (a hidden original sheet beside its visible copy, two "Thực hiện" columns) is
built with openpyxl, which writes the same parts Excel does for these.

Each file's expected value or problem code is in ``EXPECTED`` (test_saved_forms.py checks it).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "results" / "saved"

# file → (the problem codes validate gives, the rice_output read or None)
EXPECTED: dict[str, tuple[tuple[str, ...], int | None]] = {
    "ods_saved_by_libreoffice.ods": (("values_missing",), 120),
    "ods_error_merge_hidden.ods": (
        ("hidden_sheets", "merged_value_cell", "merged_value_cell", "cell_error"),
        None,
    ),
    "hidden_original_visible_copy.xlsx": (("sheets_ambiguous",), None),
    "hidden_identical_copy.xlsx": (("hidden_sheets", "values_missing"), 120),
    "visible_original_hidden_copy.xlsx": (("hidden_sheets", "values_missing"), 120),
    "hidden_only.xlsx": (("hidden_sheet_read", "values_missing"), 120),
    "ket_qua_twice.xlsx": (("sheets_ambiguous",), None),
    "two_value_columns.xlsx": (("columns_ambiguous",), None),
    "blank_saved_by_libreoffice.xlsx": (("no_figures",), None),
    # #18: the form with its signature lines and derived cells blank until every part is in,
    # filled (rice output and harvested area, no maize) and recalculated by LibreOffice
    "recalculated_by_libreoffice.xlsx": (("values_missing",), 120),
    "partly_filled_by_libreoffice.xlsx": (("values_missing",), 120),
    # #16: "Tình trạng số liệu: Ước thực hiện", maize noted "Số chính thức" (test_estimates.py)
    "estimate_saved_by_libreoffice.ods": (("values_missing",), 150),
    "estimate_saved_by_libreoffice.csv": (("values_missing",), 150),
}


def _form(values: dict[str, Any], unit: str = "dcnn") -> Any:
    """The dcnn Q2 form as an openpyxl workbook, with ``values`` typed in."""
    from datetime import date

    from kehoach_cli.periods import Period
    from kehoach_cli.plan.io import load_plan
    from kehoach_cli.results.template import FIRST_ROW, META_ROWS, build_form

    plan = load_plan(ROOT / "data" / "plan_2024.yaml")
    book = build_form(plan, Period(2024, "quarter", 2), unit)
    sheet = book["Kết quả"]
    sheet.cell(META_ROWS["reporter"], 3, "Nguyễn Văn A")
    sheet.cell(META_ROWS["reported_on"], 3, date(2024, 6, 18))
    rows = {sheet.cell(r, 2).value: r for r in range(FIRST_ROW, sheet.max_row + 1)}
    for code, value in values.items():
        sheet.cell(rows[code], 6, value)
    return book


def _libreoffice(source: Path, target: Path, fmt: str) -> None:
    """``source`` opened and saved as ``fmt`` by LibreOffice headless, written to ``target``."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed: apt-get install -y libreoffice-calc")
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        suffix = "." + fmt.split(":", 1)[0]
        shutil.move(str(Path(work, source.stem + suffix)), target)


def _with_copy(hidden_differs: bool) -> Any:
    """A hidden original "Kết quả" and its visible copy, as a department makes it in Excel."""
    book = _form({"rice_output": 120})
    original = book["Kết quả"]
    copy = book.copy_worksheet(original)
    copy.title = "Kết quả (2)"
    if hidden_differs:
        original["F16"] = 999  # the original was edited before it was hidden
    original.sheet_state = "hidden"
    return book


def build_recalculated(out: Path = OUT) -> None:
    """The form filled in and recalculated by LibreOffice (derived cells with cached values)."""
    with tempfile.TemporaryDirectory() as work:
        filled = Path(work, "filled.xlsx")
        _form({"rice_output": 120, "rice_area_harvested": 29.5}).save(filled)
        target = out / "recalculated_by_libreoffice.xlsx"
        _libreoffice(filled, target, "xlsx:Calc MS Excel 2007 XML")


def build(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        filled = Path(work, "filled.xlsx")
        _form({"rice_output": 120}).save(filled)
        _libreoffice(filled, out / "ods_saved_by_libreoffice.ods", "ods")
        # "#DIV/0!" from a formula, a figure typed over two merged cells, a hidden sheet:
        # what the .xlsx checks find must be found in an .ods too.
        book = _form({"rice_output": "=1/0"})  # row 19
        book["Kết quả"].merge_cells("F17:F18")  # rice area and yield
        book["Kết quả"]["F17"] = 5
        book["Hướng dẫn"].sheet_state = "hidden"
        broken = Path(work, "broken.xlsx")
        book.save(broken)
        _libreoffice(broken, out / "ods_error_merge_hidden.ods", "ods")
        blank = Path(work, "blank.xlsx")
        _form({}).save(blank)
        excel = "xlsx:Calc MS Excel 2007 XML"
        _libreoffice(blank, out / "blank_saved_by_libreoffice.xlsx", excel)
        _libreoffice(filled, out / "partly_filled_by_libreoffice.xlsx", excel)

    build_recalculated(out)
    _with_copy(hidden_differs=True).save(out / "hidden_original_visible_copy.xlsx")
    _with_copy(hidden_differs=False).save(out / "hidden_identical_copy.xlsx")

    book = _form({"rice_output": 120})
    hidden_copy = book.copy_worksheet(book["Kết quả"])
    hidden_copy["F16"] = 999  # an old draft kept out of sight: the visible original wins
    hidden_copy.sheet_state = "hidden"
    book.save(out / "visible_original_hidden_copy.xlsx")

    book = _form({"rice_output": 120})
    book["Kết quả"].sheet_state = "hidden"
    book.active = 1
    book.save(out / "hidden_only.xlsx")

    book = _form({"rice_output": 120})
    book.copy_worksheet(book["Kết quả"]).title = "Ket qua"
    book.save(out / "ket_qua_twice.xlsx")
    build_estimates(out)


def build_estimates(out: Path = OUT) -> None:
    """#16: a form saying "Ước thực hiện", one figure noted final, saved as .ods and as CSV."""
    from kehoach_cli.results.template import FIRST_ROW, META_ROWS

    book = _form({"rice_output": 150, "maize_output": 40})
    sheet = book["Kết quả"]
    sheet.cell(META_ROWS["estimate"], 3, "Ước thực hiện")
    rows = {sheet.cell(r, 2).value: r for r in range(FIRST_ROW, sheet.max_row + 1)}
    sheet.cell(rows["maize_output"], 7, "Số chính thức")
    with tempfile.TemporaryDirectory() as work:
        filled = Path(work, "estimate.xlsx")
        book.save(filled)
        _libreoffice(filled, out / "estimate_saved_by_libreoffice.ods", "ods")
        csv = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1066,false,true,true"
        _libreoffice(filled, out / "estimate_saved_by_libreoffice.csv", csv)

    book = _form({"rice_output": 120})
    sheet = book["Kết quả"]
    header = next(r for r in range(1, 20) if sheet.cell(r, 6).value == "Thực hiện")
    sheet.cell(header, 8, "Thực hiện")  # a column copied beside the form's own
    book.save(out / "two_value_columns.xlsx")


if __name__ == "__main__":
    build()
    print(f"wrote {len(EXPECTED)} files to {OUT}")
