"""The English web page's letterhead is English, as the English .docx's is (review of wave 3).

The page said "ỦY BAN NHÂN DÂN XÃ TRÀ BÙI" beside "SOCIALIST REPUBLIC OF VIET NAM".
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from ..conftest import Cli


def test_english_letterhead_on_the_page_and_in_word(cli: Cli, tmp_path: Path) -> None:
    q2 = ("report", "--period", "q2", "--lang", "en", "-q", "--output")
    cli(*q2, str(tmp_path / "q2.html"))
    page = (tmp_path / "q2.html").read_text(encoding="utf-8")
    assert "PEOPLE&#x27;S COMMITTEE OF TRÀ BÙI COMMUNE" in page
    assert "PEOPLE&#x27;S COMMITTEE OF TRÀ BỒNG DISTRICT" in page
    assert "ỦY BAN NHÂN DÂN" not in page
    cli(*q2, str(tmp_path / "q2.docx"))
    cells = [
        c.text for t in Document(str(tmp_path / "q2.docx")).tables for r in t.rows for c in r.cells
    ]
    assert any("PEOPLE'S COMMITTEE OF TRÀ BÙI COMMUNE" in c for c in cells)
    vi = cli(
        "report", "--period", "q2", "--lang", "vi", "-q", "--output", str(tmp_path / "vi.html")
    )
    assert vi.exit_code == 0
    assert "ỦY BAN NHÂN DÂN XÃ TRÀ BÙI" in (tmp_path / "vi.html").read_text(encoding="utf-8")


def test_english_letterhead_in_the_terminal_and_the_workbook(cli: Cli, tmp_path: Path) -> None:
    """One report names its issuer one way: the terminal and the .xlsx too (they said "ỦY BAN
    NHÂN DÂN XÃ TRÀ BÙI" in English)."""
    import openpyxl

    table = cli("report", "--period", "q2", "--lang", "en").stdout
    assert table.splitlines()[0] == "PEOPLE'S COMMITTEE OF TRÀ BÙI COMMUNE"
    cli("report", "--period", "q2", "--lang", "en", "-q", "--output", str(tmp_path / "q2.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "q2.xlsx")
    texts = {
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    assert "PEOPLE'S COMMITTEE OF TRÀ BÙI COMMUNE" in texts
    assert not any(text.startswith(("ỦY BAN NHÂN DÂN", "TM. ỦY BAN")) for text in texts)
    vi = cli("report", "--period", "q2", "--lang", "vi").stdout
    assert vi.splitlines()[0] == "ỦY BAN NHÂN DÂN XÃ TRÀ BÙI"
