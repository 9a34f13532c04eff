"""Broken CSV, YAML and not-really-xlsx files under tests/data/results/invalid/."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_cli.results import validate_results
from kehoach_cli.safety.limits import Limits

from ..conftest import TESTDATA
from .forms import plan

INVALID = TESTDATA / "results" / "invalid"

# file → (code, location, severity)
EXPECTED: dict[str, tuple[str, str | None, str]] = {
    "csv_not_a_number.csv": ("not_a_number", "dòng 9, cột F", "error"),
    "csv_semicolon_over_100.csv": ("percentage_over_100", "dòng 9, cột F", "error"),
    "csv_no_header.csv": ("header_missing", None, "error"),
    "csv_latin1.csv": ("not_text", "dòng 1", "error"),
    "csv_empty.csv": ("empty_file", None, "error"),
    "yaml_ambiguous.yaml": ("ambiguous_number", "dòng 8", "error"),
    "yaml_unknown_indicator.yaml": ("unknown_indicator", "dòng 8", "error"),
    "yaml_fraction_in_count.yaml": ("fraction_in_count", "dòng 7", "error"),
    "yaml_not_a_mapping.yaml": ("yaml_not_a_mapping", "dòng 1", "error"),
    "yaml_year_not_in_plan.yaml": ("year_not_in_plan", "dòng 1", "error"),
    "yaml_period_basis.yaml": ("basis_invalid", "dòng 6", "error"),
    "yaml_estimate_word.yaml": ("estimate_invalid", "dòng 7", "warning"),
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


def test_size_limits_are_checked_before_parsing(tmp_path: Path) -> None:
    from .forms import make_form

    book = tmp_path / "q2.xlsx"
    make_form(book, {"rice_output": 120})
    (problem,) = validate_results([book], plan(), Limits(xlsx_bytes=1000))
    assert (problem.code, problem.location) == ("file_too_large", None)
    (problem,) = validate_results([book], plan(), Limits(xlsx_member_bytes=500))
    assert problem.code == "zip_member_too_large"
    (problem,) = validate_results([book], plan(), Limits(xlsx_uncompressed_bytes=2000))
    assert problem.code == "workbook_too_large"
    text = INVALID / "csv_not_a_number.csv"
    (problem,) = validate_results([text], plan(), Limits(text_bytes=10))
    assert problem.code == "file_too_large"


def test_every_documented_code_has_a_message_in_both_languages() -> None:
    import re

    from kehoach_cli.messages import catalog

    from ..conftest import ROOT

    doc = (ROOT / "docs" / "results-format.md").read_text(encoding="utf-8")
    table = doc.split("## Problem codes", 1)[1].split("YAML files can also", 1)[0]
    codes = set(re.findall(r"^\| `([a-z_0-9]+)`(?: / `([a-z_0-9]+)`)?", table, re.MULTILINE))
    flat = {c for pair in codes for c in pair if c}
    assert len(flat) >= 35
    missing = sorted(c for c in flat if f"results.{c}" not in catalog())
    assert missing == []
    used = {k.removeprefix("results.") for k in catalog() if k.startswith("results.")}
    assert used == flat
