"""English output names a status with one word everywhere (review of wave 3).

The table's status column said "Not yet met" while its counts line and the section summary
said "not yet achieved"; the .docx counted "1 projections (not assessed)".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from ..conftest import Cli


def test_one_word_for_one_status(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    table = cli("report", "--period", "q3", "--lang", "en").stdout
    assert "Not yet met" in table and "not yet met 11" in table
    assert "Behind/not yet met" in table and "not yet achieved" not in table
    cli("report", "--period", "q3", "--lang", "en", "-q", "--output", str(tmp_path / "q3.docx"))
    body = " ".join(p.text for p in Document(str(tmp_path / "q3.docx")).paragraphs)
    assert "1 not assessed (projected)" in body and "1 projections" not in body


def test_english_data_sheet_and_ranking_say_no_code_words(cli: Cli, tmp_path: Path) -> None:
    """The English workbook's "Data" sheet names kinds in words, and the ranking sentence about
    units judged on few indicators has no "indicator(s)"."""
    import openpyxl

    out = tmp_path / "q2.xlsx"
    cli("report", "--period", "q2", "--lang", "en", "-q", "--output", str(out))
    sheet = openpyxl.load_workbook(out)["Data"]
    header = [cell.value for cell in sheet[1]]
    kinds = {row[header.index("Kind")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    kinds.discard(None)
    assert kinds and kinds <= {"cumulative", "point in time", "rate"}, kinds
    cli("report", "--period", "q2", "--lang", "en", "-q", "--output", str(tmp_path / "q2.docx"))
    body = " ".join(p.text for p in Document(str(tmp_path / "q2.docx")).paragraphs)
    assert "Indicators judged at this period: 1 each." in body and "indicator(s)" not in body
