"""The form, filled in and read back; the same figures in xlsx, csv and yaml; reader quirks."""

from __future__ import annotations

import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

from kehoach_cli.results import load_results, read_result_file
from kehoach_cli.results.template import inputs_of, write_form

from ..conftest import PLAN, RESULTS
from .forms import Q2, make_form, plan


def _figures(path: Path) -> dict[str, Decimal | None]:
    result, problems = read_result_file(path, plan())
    assert result is not None, problems
    assert [p for p in problems if p.severity == "error"] == []
    return {v.code: v.value for v in result.values}


def test_template_filled_with_openpyxl_reads_back_what_was_written(tmp_path: Path) -> None:
    written: dict[str, object] = {}
    for i, ind in enumerate(inputs_of(plan(), None)):
        if ind.is_count:
            written[ind.code] = 100 + i
        elif ind.is_percentage:
            written[ind.code] = 30.5 - i / 10
        else:
            written[ind.code] = 10 + i + 0.25
    path = tmp_path / "form.xlsx"
    make_form(path, written, notes={"rice_output": "Thu hoạch Đông Xuân"})
    result, problems = read_result_file(path, plan())
    assert problems == []
    assert result is not None
    assert (result.year, result.period, result.unit, result.basis) == (
        2024,
        Q2,
        "toan-xa",
        "year_to_date",
    )
    assert result.reporter == "Nguyễn Văn A"
    read = {v.code: v.value for v in result.values}
    assert read == {code: Decimal(str(value)) for code, value in written.items()}
    note = result.value_of("rice_output")
    assert note is not None and note.note == "Thu hoạch Đông Xuân"


def test_derived_indicators_are_computed_not_asked_for(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "form.xlsx"
    write_form(plan(), Q2, "dcnn", path, PLAN)
    sheet = openpyxl.load_workbook(path)["Kết quả"]
    rows = {sheet.cell(r, 2).value: r for r in range(12, sheet.max_row + 1)}
    grain = sheet.cell(rows["grain_output"], 6)
    assert str(grain.value).startswith("=") and grain.protection.locked
    rice = sheet.cell(rows["rice_output"], 6)
    assert rice.value is None and not rice.protection.locked
    assert "general_pupils" not in rows  # another unit's


def test_same_figures_in_xlsx_csv_and_yaml_read_identically() -> None:
    for unit in ("dcnn", "tram-y-te", "mam-non", "tieu-hoc", "thcs", "vhxh"):
        from_xlsx = _figures(RESULTS / "2024-q2" / f"{unit}.xlsx")
        from_csv = _figures(RESULTS / "examples" / "csv" / "2024-q2" / f"{unit}.csv")
        from_yaml = _figures(RESULTS / "examples" / "yaml" / "2024-q2" / f"{unit}.yaml")
        assert from_xlsx == from_csv == from_yaml, unit
        assert from_xlsx


def test_reader_copes_with_what_excel_and_libreoffice_save(tmp_path: Path) -> None:
    def messy(sheet, rows) -> None:  # noqa: ANN001
        sheet.insert_rows(3, 2)  # extra blank rows above the metadata
        sheet.column_dimensions["D"].hidden = True
        sheet.title = unicodedata.normalize("NFD", "Kết quả")
        sheet["C9"] = unicodedata.normalize("NFD", "  Ngô Thị Hường  ")  # moved down by 2

    path = tmp_path / "messy.xlsx"
    make_form(
        path,
        {
            "rice_output": " 120 ",  # text with spaces
            "rice_area": "58,5",  # Vietnamese decimal comma, as text
            "poultry_flock": "6.320",  # thousands dot in a count
            "pig_herd": 875.0,  # an integer returned as a float
        },
        reporter=None,
        edit=messy,
    )
    result, problems = read_result_file(path, plan())
    assert result is not None and problems == []
    assert result.reporter == "Ngô Thị Hường"
    assert result.sheet == "Kết quả"
    assert {v.code: v.value for v in result.values if v.value is not None} == {
        "rice_output": Decimal(120),
        "rice_area": Decimal("58.5"),
        "poultry_flock": Decimal(6320),
        "pig_herd": Decimal(875),
    }
    # (rice's harvested area is asked for above its yield, so output is on row 22)
    assert result.value_of("rice_output").location == "Kết quả!F22"  # type: ignore[union-attr]


def test_a_formula_with_a_cached_value_is_read(tmp_path: Path) -> None:
    path = tmp_path / "saved.xlsx"
    rows = make_form(path, {"rice_output": "=100+20"})
    # What Excel does on save: keep the formula and cache its value next to it.
    cached = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(cached, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                cell = f'r="F{rows["rice_output"]}"'
                text = data.decode()
                start = text.index(cell)
                end = text.index("</c>", start)
                chunk = text[start:end]
                text = (
                    text[:start]
                    + chunk.replace("<v></v>", "").replace("<v />", "")
                    + "<v>120</v>"
                    + text[end:]
                )
                data = text.encode()
            dst.writestr(item, data)
    assert _figures(cached)["rice_output"] == 120


def test_load_results_never_writes_its_inputs(tmp_path: Path) -> None:
    path = tmp_path / "q2.xlsx"
    make_form(path, {"rice_output": 120})
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_results([tmp_path], plan())
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
