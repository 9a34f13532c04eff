"""Hostile workbooks and CSV through ``kehoach validate`` once the readers call the guards first.

results.read_result_file calls safety.guards.check_xlsx_container / check_text_file before any
parser. Each file: (exit code, first error code or None, warning codes expected).
"""

from __future__ import annotations

import pytest

from tests.hostile.corpus import HOSTILE, run_kehoach, validate

WIRED: dict[str, tuple[int, str | None, tuple[str, ...]]] = {
    "xlsx/zip_bomb.xlsx": (1, "zip_ratio_too_high", ()),
    "xlsx/entity_bomb.xlsx": (1, "xml_doctype", ()),
    "xlsx/external_entity.xlsx": (1, "xml_doctype", ()),
    "xlsx/lying_sizes.xlsx": (1, "zip_damaged", ()),
    "xlsx/not_a_zip.xlsx": (1, "not_xlsx", ()),
    "xlsx/empty_zip.xlsx": (1, "not_xlsx", ()),
    "xlsx/docx_renamed.xlsx": (1, "not_xlsx", ()),
    "xlsx/truncated.xlsx": (1, "zip_truncated", ()),
    "xlsx/old_binary.xls": (1, "old_xls", ()),
    "xlsx/old_binary_named.xlsx": (1, "old_xls", ()),
    "xlsx/encrypted.xlsx": (1, "encrypted_workbook", ()),
    "xlsx/far_value_cell.xlsx": (1, "sheet_too_large", ()),
    "xlsx/far_value_column.xlsx": (1, "sheet_too_large", ()),
    "xlsx/macros.xlsm": (0, None, ("workbook_macros",)),
    "xlsx/external_links.xlsx": (0, None, ("external_links",)),
    "xlsx/hidden_second_table.xlsx": (0, None, ("hidden_sheets",)),
    "xlsx/dimension_claims_all.xlsx": (0, None, ()),
    "xlsx/formatted_columns.xlsx": (0, None, ()),
    "xlsx/formatted_rows.xlsx": (0, None, ()),
    "xlsx/formula_no_cache.xlsx": (1, "formula_no_value", ()),
    "xlsx/date_for_number.xlsx": (1, "not_a_number", ()),
    # a value hidden under a merge must not pass as "no figure"
    "xlsx/merged_value_column.xlsx": (1, "merged_value_cell", ()),
    "csv/bom.csv": (0, None, ()),
    "csv/no_bom.csv": (0, None, ()),
    "csv/semicolon.csv": (0, None, ()),
    "csv/quoted_newline.csv": (0, None, ()),
    "csv/ragged_rows.csv": (0, None, ()),
    "csv/utf16le_bom_tab.csv": (0, None, ()),
    "csv/formula_injection.csv": (0, None, ()),
    "csv/binary.csv": (1, "not_text", ()),
    "csv/utf16_no_bom.csv": (1, "encoding_utf16_no_bom", ()),
    "csv/windows1258.csv": (1, "encoding_windows_1258", ()),
    "csv/zip_named_csv.csv": (1, "zip_truncated", ()),  # a cut workbook, whatever its name
}


@pytest.mark.parametrize("name", sorted(WIRED))
def test_each_file_gives_its_code_in_bounded_time_and_memory(name: str) -> None:
    exit_code, code, warnings = WIRED[name]
    run = validate(HOSTILE / name)
    assert "Traceback" not in run.stderr and "panicked" not in run.stderr
    assert run.exit_code == exit_code, run.stderr
    errors = [p["code"] for p in run.problems if p["severity"] == "error"]
    assert errors[:1] == ([code] if code else [])
    found = {p["code"] for p in run.problems if p["severity"] == "warning"}
    assert set(warnings) <= found
    assert run.seconds < 2.0
    assert run.peak_mb < 200


def test_the_zip_bomb_is_refused_in_under_a_second_and_100_mb() -> None:
    run = validate(HOSTILE / "xlsx/zip_bomb.xlsx", memory_mb=100)
    assert run.problems[0]["code"] == "zip_ratio_too_high"
    assert run.seconds < 1.0 and run.peak_mb < 100


def test_the_whole_corpus_folder_exits_1_without_a_crash() -> None:
    from tests.conftest import PLAN

    run = run_kehoach("validate", "--plan", str(PLAN), str(HOSTILE))
    assert run.exit_code == 1, run.stderr[-500:]
    assert "Traceback" not in run.stderr
