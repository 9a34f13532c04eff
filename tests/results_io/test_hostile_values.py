"""Hostile cell values and parts that once crashed, hung or passed silently; each with its fix."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import Any

from kehoach_cli.results import validate_results
from kehoach_cli.results.common import Where
from kehoach_cli.results.grid import Grid, read_grid
from kehoach_cli.safety.limits import Limits

from ..conftest import DATA
from ..hostile.corpus import validate
from .forms import make_form, plan

_SST = (
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="{count}"><si><t>x</t></si></sst>'
)


def _with_shared_strings(source: Path, target: Path, name: str, count: str) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename.lower() != "xl/sharedstrings.xml":
                new.writestr(info, old.read(info))
        new.writestr(name, _SST.format(count=count))


def _codes(path: Path) -> list[tuple[str, str | None]]:
    return [(p.code, p.location) for p in validate_results([path], plan(), Limits())]


def test_a_shared_strings_count_the_part_cannot_hold_is_refused_not_an_abort(
    tmp_path: Path,
) -> None:
    form = tmp_path / "form.xlsx"
    make_form(form, {"rice_output": 120})
    for name, count in (
        ("xl/sharedStrings.xml", "2147483648"),
        ("XL/SharedStrings.XML", " +0002147483648"),
    ):
        book = tmp_path / "lying.xlsx"
        _with_shared_strings(form, book, name, count)
        run = validate(book, memory_mb=400)
        # calamine reserved 2^31 strings: 'memory allocation of 51539607552 bytes failed', 134
        assert run.exit_code == 1, run.stderr
        assert '"code": "unreadable_workbook"' in run.stdout
        assert "uniqueCount" in run.stdout


def test_a_true_shared_strings_count_is_read(tmp_path: Path) -> None:
    form = tmp_path / "form.xlsx"
    make_form(form, {"rice_output": 120})
    book = tmp_path / "honest.xlsx"
    _with_shared_strings(form, book, "xl/sharedStrings.xml", "1")
    assert "unreadable_workbook" not in [code for code, _ in _codes(book)]


def test_absurdly_large_numbers_are_too_large_at_their_cell(tmp_path: Path) -> None:
    # 1e30 made to_decimal raise InvalidOperation (an unexpected error naming no file); forty
    # nines passed validate and then failed the report the same way.
    for value in (1e30, -1e300, "9" * 40, 10**40):
        book = tmp_path / "big.xlsx"
        rows = make_form(book, {"rice_output": value})
        assert _codes(book) == [("number_too_large", f"Kết quả!F{rows['rice_output']}")], value


def test_a_year_in_other_digits_is_invalid_not_a_crash(tmp_path: Path) -> None:
    def year(text: str) -> Any:
        def edit(sheet: Any, rows: dict[str, int]) -> None:
            sheet["C4"] = text

        return edit

    # "²⁰²⁴".isdigit() is True but int() refuses it: ValueError, an unexpected error
    for text in ("²⁰²⁴", "9" * 5000):
        book = tmp_path / "year.xlsx"
        make_form(book, {"rice_output": 120}, edit=year(text))
        assert _codes(book) == [("year_invalid", "Kết quả!C4")]


def test_a_csv_field_over_128_kb_is_a_located_problem(tmp_path: Path) -> None:
    sample = DATA / "results" / "examples" / "csv" / "2024-q2" / "mam-non.csv"
    text = sample.read_text(encoding="utf-8-sig")
    assert ",160,154," in text
    hostile = tmp_path / "mam-non.csv"
    hostile.write_text(text.replace(",160,154,", ',160,"' + "x" * 200_000 + '",'), "utf-8")
    # csv.Error: field larger than field limit (131072), an unexpected error naming no line
    (found,) = validate_results([hostile], plan(), Limits())
    assert (found.code, found.location) == ("not_a_number", "dòng 9, cột F")
    assert len(found.message) < 300


def test_many_merged_ranges_do_not_make_reading_quadratic() -> None:
    rows: list[list[object]] = [
        ["Năm", 2024],
        ["Kỳ báo cáo", "2024Q2"],
        ["Đơn vị báo cáo", "dcnn"],
        ["TT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Thực hiện"],
    ]
    rows += [[i, f"x{i}", "", "", "", ""] for i in range(5_000)]
    merged = [(r, 7, r, 8) for r in range(100_000)]  # H:I on 100 000 rows, away from the table
    merged.append((10, 5, 12, 5))  # one over "Thực hiện"

    def where(row: int, col: int) -> Where:
        return Where("f.xlsx", sheet="Kết quả", cell=f"{row}:{col}")

    grid = Grid(rows, where, Where("f.xlsx", sheet="Kết quả"), merged=merged)
    start = time.perf_counter()
    _, problems = read_grid(grid, plan(), "f.xlsx")
    # every range scanned for every row: 5 × 10^8 comparisons, about 25 s
    assert time.perf_counter() - start < 5
    assert [p.location for p in problems if p.code == "merged_value_cell"] == [
        "Kết quả!10:5",
        "Kết quả!11:5",
        "Kết quả!12:5",
    ]
