"""Broken CSV, YAML and not-really-xlsx files under tests/data/results/invalid/."""

from __future__ import annotations

import pytest

from kehoach_cli.limits import Limits
from kehoach_cli.results_io import validate_results

from ..conftest import TESTDATA
from .forms import plan

INVALID = TESTDATA / "results" / "invalid"

# file → (code, location, severity)
EXPECTED: dict[str, tuple[str, str | None, str]] = {
    "csv_not_a_number.csv": ("not_a_number", "dòng 9, cột F", "error"),
    "csv_semicolon_over_100.csv": ("percentage_over_100", "dòng 9, cột F", "error"),
    "csv_no_header.csv": ("header_missing", None, "error"),
    "csv_latin1.csv": ("not_text", None, "error"),
    "csv_empty.csv": ("empty_file", None, "error"),
    "yaml_ambiguous.yaml": ("ambiguous_number", "dòng 8", "error"),
    "yaml_unknown_indicator.yaml": ("unknown_indicator", "dòng 8", "error"),
    "yaml_fraction_in_count.yaml": ("fraction_in_count", "dòng 7", "error"),
    "yaml_not_a_mapping.yaml": ("yaml_not_a_mapping", "dòng 1", "error"),
    "yaml_year_not_in_plan.yaml": ("year_not_in_plan", "dòng 1", "error"),
    "yaml_period_basis.yaml": ("basis_invalid", "dòng 6", "error"),
    "renamed_text.xlsx": ("not_xlsx", None, "error"),
    "word_renamed.xlsx": ("not_xlsx", None, "error"),
    "old_format.xls": ("old_xls", None, "error"),
    "encrypted.xlsx": ("encrypted_workbook", None, "error"),
    "empty.xlsx": ("empty_file", None, "error"),
}


def test_every_fixture_is_listed() -> None:
    assert sorted(p.name for p in INVALID.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_file_names_its_code_and_place(name: str) -> None:
    code, location, severity = EXPECTED[name]
    path = INVALID / name
    problems = validate_results([path], plan(), Limits())
    assert [(p.code, p.location, p.severity) for p in problems][:1] == [(code, location, severity)]
    assert problems[0].file == str(path)
    assert all(p.severity == "warning" for p in problems[1:])


def test_ambiguous_text_asks_which_number_was_meant() -> None:
    (problem,) = validate_results([INVALID / "yaml_ambiguous.yaml"], plan(), Limits())
    assert problem.indicator == "rice_output"
    assert "12345 (hàng nghìn) hay 12,345 (số thập phân)" in problem.message
