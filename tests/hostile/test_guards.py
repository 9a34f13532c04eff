"""The checks made before parsing, file by file of the hostile corpus (no subprocess)."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from kehoach_cli.messages import set_lang
from kehoach_cli.safety.guards import (
    check_text_bytes,
    check_text_file,
    check_xlsx_container,
    openpyxl_is_defused,
)
from kehoach_cli.safety.limits import Limits
from tests.conftest import DATA
from tests.hostile.corpus import GUARD, HOSTILE, WARNINGS


def _check(name: str, limits: Limits | None = None) -> list[str]:
    path = HOSTILE / name
    check = check_text_file if name.startswith(("yaml/", "csv/")) else check_xlsx_container
    return [p.code for p in check(path, name, limits or Limits())]


def test_the_corpus_has_at_least_forty_files_and_each_is_expected_somewhere() -> None:
    from tests.hostile.corpus import CLI

    files = sorted(str(p.relative_to(HOSTILE)) for p in HOSTILE.rglob("*") if p.is_file())
    assert len(files) >= 40
    unexpected = [f for f in files if f not in GUARD and f not in CLI]
    assert unexpected == []


@pytest.mark.parametrize("name", sorted(GUARD))
def test_guard_gives_the_expected_code(name: str) -> None:
    expected = GUARD[name]
    start = time.perf_counter()
    codes = _check(name)
    assert time.perf_counter() - start < 2.0  # the bound for every case
    assert codes[:1] == ([expected] if expected else [])


@pytest.mark.parametrize("name", sorted(n for n, c in GUARD.items() if c))
def test_guard_messages_name_the_file_and_are_in_vietnamese_then_english(name: str) -> None:
    path = HOSTILE / name
    check = check_text_file if name.startswith(("yaml/", "csv/")) else check_xlsx_container
    first = check(path, "tệp-gửi.xlsx", Limits())[0]
    assert first.file == "tệp-gửi.xlsx"
    assert first.severity == ("warning" if first.code in WARNINGS else "error")
    assert not first.message.startswith("security.")  # the catalog has it
    set_lang("en")
    english = check(path, "x", Limits())[0].message
    assert english != first.message


def test_the_sample_workbooks_pass_the_guard() -> None:
    for path in sorted((DATA / "results").rglob("*.xlsx")):
        assert check_xlsx_container(path, str(path), Limits()) == [], path


def test_the_sample_text_files_pass_the_guard() -> None:
    for path in sorted(DATA.rglob("*")):
        if path.suffix in (".csv", ".yaml", ".yml"):
            assert check_text_file(path, str(path), Limits()) == [], path


def test_far_cell_problem_names_sheet_and_cell() -> None:
    problem = check_xlsx_container(HOSTILE / "xlsx/far_value_cell.xlsx", "f.xlsx", Limits())[0]
    assert (problem.sheet, problem.cell, problem.location) == (
        "Kết quả",
        "XFD1048576",
        "Kết quả!XFD1048576",
    )


def test_zip_bomb_is_refused_from_the_directory_in_well_under_a_second() -> None:
    start = time.perf_counter()
    problems = check_xlsx_container(HOSTILE / "xlsx/zip_bomb.xlsx", "bomb.xlsx", Limits())
    assert time.perf_counter() - start < 1.0  # the bound for the zip bomb; measured ~0,05 s
    assert [p.code for p in problems] == ["zip_ratio_too_high"]
    assert "sheet1.xml" in problems[0].message


def test_each_zip_limit_is_configurable(tmp_path: Path) -> None:
    workbook = DATA / "results" / "2024-q2" / "tieu-hoc.xlsx"
    assert _codes(workbook, Limits(xlsx_bytes=100)) == ["file_too_large"]
    assert _codes(workbook, Limits(xlsx_uncompressed_bytes=1000)) == ["workbook_too_large"]
    assert _codes(workbook, Limits(xlsx_member_bytes=1000)) == ["zip_member_too_large"]
    bomb = HOSTILE / "xlsx/zip_bomb.xlsx"
    generous = Limits(xlsx_member_bytes=10**10, xlsx_uncompressed_bytes=10**10, xlsx_ratio=10**6)
    # with every limit lifted the bomb is inflated once, in pieces, by the guard's own pass
    assert _codes(bomb, generous) == []


def _codes(path: Path, limits: Limits) -> list[str]:
    return [p.code for p in check_xlsx_container(path, path.name, limits)]


def test_text_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_bytes(b"a,b\n" * 300_000)
    assert [p.code for p in check_text_file(big, "big.csv", Limits(text_bytes=1_000_000))] == [
        "file_too_large"
    ]


def test_windows_1258_names_the_first_line_that_is_not_utf8() -> None:
    problem = check_text_file(HOSTILE / "csv/windows1258.csv", "w.csv", Limits())[0]
    assert problem.line == 1 and problem.location == "dòng 1"


def test_text_without_vietnamese_marks_in_another_encoding_is_not_text() -> None:
    assert [p.code for p in check_text_bytes("Café,1\n".encode("cp1252"), "c.csv")] == ["not_text"]


def test_a_member_that_inflates_past_its_declared_size_is_damage(tmp_path: Path) -> None:
    problems = check_xlsx_container(HOSTILE / "xlsx/lying_sizes.xlsx", "l.xlsx", Limits())
    assert [(p.code, p.severity) for p in problems] == [("zip_damaged", "error")]


def test_defusedxml_is_in_force_for_openpyxl() -> None:
    assert openpyxl_is_defused()


@pytest.mark.parametrize("name", ["entity_bomb.xlsx", "external_entity.xlsx"])
def test_openpyxl_refuses_entities_through_defusedxml(name: str) -> None:
    import openpyxl
    from defusedxml import DefusedXmlException

    with pytest.raises(Exception) as info:  # openpyxl wraps some errors in a ValueError
        openpyxl.load_workbook(HOSTILE / "xlsx" / name)
    chain: list[BaseException] = []
    error: BaseException | None = info.value
    while error is not None and len(chain) < 5:
        chain.append(error)
        error = error.__cause__ or error.__context__
    assert any(isinstance(e, DefusedXmlException) for e in chain), chain


def test_the_corpus_script_is_deterministic() -> None:
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location(
        "make_hostile_corpus", ROOT / "scripts" / "make_hostile_corpus.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == module.build()


def test_zip_bomb_member_really_declares_hundreds_of_megabytes() -> None:
    with zipfile.ZipFile(HOSTILE / "xlsx/zip_bomb.xlsx") as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    assert sheet.file_size > 400 * 1024 * 1024
    assert (HOSTILE / "xlsx/zip_bomb.xlsx").stat().st_size < 500 * 1024
