"""The year's report says "năm 2024" inside its sentences (review of wave 3).

The .docx said "báo cáo kết quả thực hiện các chỉ tiêu kế hoạch Năm 2024 (số liệu …" and
"Trên đây là báo cáo … kế hoạch Năm 2024 của …": "Năm" is capitalised only where it starts a
heading ("Kỳ báo cáo: Năm 2024" keeps it).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from ..conftest import Cli


def test_the_year_is_lower_case_inside_sentences(cli: Cli, tmp_path: Path) -> None:
    year = ("report", "--period", "year", "--today", "2024-12-20", "-q")
    cli(*year, "--output", str(tmp_path / "year.docx"))
    document = Document(str(tmp_path / "year.docx"))
    lines = [p.text for p in document.paragraphs]
    body = "\n".join(lines)
    assert "các chỉ tiêu kế hoạch năm 2024 (số liệu từ ngày 15/12/2023" in body
    assert "Trên đây là báo cáo kết quả thực hiện các chỉ tiêu kế hoạch năm 2024 của" in body
    subject = "Kết quả thực hiện các chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2024"
    assert subject in lines
    assert document.core_properties.title.endswith("xã hội năm 2024")
    assert " Năm 2024" not in body.replace("Kỳ báo cáo: Năm 2024", "")
    header = [c.text for c in document.tables[-1].rows[0].cells]
    assert "Thực hiện năm 2024" in header
    cli(*year, "--output", str(tmp_path / "year.html"))
    page = (tmp_path / "year.html").read_text(encoding="utf-8")
    assert "Thực hiện năm 2024" in page and "Thực hiện Năm 2024" not in page
    # A quarter keeps its label as every other message writes it.
    cli("report", "--period", "q2", "-q", "--output", str(tmp_path / "q2.docx"))
    quarter = "\n".join(p.text for p in Document(str(tmp_path / "q2.docx")).paragraphs)
    assert "các chỉ tiêu kế hoạch Quý II năm 2024 (số liệu" in quarter
