"""A period no unit has figures for (the year before Q4 is in): no ranking, one line why.

Before, every unit tied first on 0 points and the .docx said "… (xếp thứ nhất) chưa có chỉ
tiêu đạt yêu cầu" — not something a statistician signs.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from ..conftest import Cli

YEAR = ("report", "--period", "year", "--today", "2024-12-20")
WHY_VI = (
    "Chưa xếp hạng thi đua và chưa đề nghị khen thưởng: chưa đơn vị nào có số liệu của kỳ "
    "này ở các chỉ tiêu được tính điểm."
)


def test_json_keeps_the_units_without_ranks(cli: Cli) -> None:
    result = cli(*YEAR, "--format", "json")
    data = json.loads(result.stdout)
    assert data["units"] and all(unit["rank"] is None for unit in data["units"])
    assert data["ranking_withheld"] is True and data["commendations"] == []
    q3 = json.loads(cli("report", "--period", "q3", "--format", "json").stdout)
    assert q3["ranking_withheld"] is False and q3["units"][0]["rank"] == 1


def test_the_table_and_markdown_say_why_instead_of_ranks(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    table = cli(*YEAR).stdout
    after = table.split("BẢNG XẾP HẠNG THI ĐUA", 1)[1]
    assert after.split() == WHY_VI.split()  # the line, and no table nor rule below it
    markdown = cli(*YEAR, "--format", "markdown", "--lang", "en").stdout
    assert markdown.rstrip().endswith(
        "Units not ranked and no commendation proposed: no unit has figures for this period "
        "on the indicators the rule scores."
    )
    assert "| 1 |" not in markdown.split("EMULATION RANKING", 1)[1]


def test_word_and_web_page_say_it_once_without_tables(cli: Cli, tmp_path: Path) -> None:
    cli(*YEAR, "--output", str(tmp_path / "year.docx"), "-q")
    document = Document(str(tmp_path / "year.docx"))
    lines = [p.text for p in document.paragraphs]
    assert WHY_VI in lines
    assert not any("xếp thứ nhất" in line for line in lines)
    assert "BẢNG XẾP HẠNG THI ĐUA" not in lines and "ĐỀ NGHỊ KHEN THƯỞNG" not in lines
    assert not any(t.rows[0].cells[0].text == "Hạng" for t in document.tables)
    cli(*YEAR, "--output", str(tmp_path / "year.html"), "-q")
    page = (tmp_path / "year.html").read_text(encoding="utf-8")
    assert f"<p>{WHY_VI}</p>" in page and "ĐỀ NGHỊ KHEN THƯỞNG" not in page
    assert "<th>Hạng</th>" not in page


def test_the_workbook_ranking_sheet_holds_the_line(cli: Cli, tmp_path: Path) -> None:
    cli(*YEAR, "--output", str(tmp_path / "year.xlsx"), "-q")
    workbook = load_workbook(io.BytesIO((tmp_path / "year.xlsx").read_bytes()))
    sheet = next(ws for ws in workbook.worksheets if "xếp hạng" in ws.title.lower())
    assert sheet.cell(6, 1).value == WHY_VI
    assert [sheet.cell(row, 1).value for row in range(7, 12)] == [None] * 5
