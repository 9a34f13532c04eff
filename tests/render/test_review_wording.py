"""What the officer and the chairman read, from the shipped data (review of wave 3).

Each test names the defect it caught in the renders.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

from ..conftest import Cli


def _body(cli: Cli, tmp_path: Path, *args: str) -> str:
    out = tmp_path / "report.docx"
    result = cli("report", *args, "--output", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    return "\n".join(p.text for p in Document(str(out)).paragraphs)


def test_changes_in_a_sentence_keep_the_decimals_of_the_percentages_beside_them(
    cli: Cli, tmp_path: Path
) -> None:
    # Q3 said "đàn trâu 63 con (96,92%; giảm 3,08% …), đàn bò 918 con (98,71%; tăng 2% …)".
    body = _body(cli, tmp_path, "--period", "q3")
    assert "đàn bò 918 con (98,71%; tăng 2,00% so với cùng kỳ)" in body
    assert "tăng 25,00% so với cùng kỳ" in body  # forest planted, not "tăng 25%"
    assert not re.search(r"(tăng|giảm) \d+% so với", body)
    # A difference of rates keeps the rate's own decimals: "30,90%" … "giảm 2,60 điểm".
    assert "giảm 2,60 điểm phần trăm so với cùng kỳ" in body
    assert "giảm 1,2 điểm phần trăm so với cùng kỳ" in body  # 30,7% against 31,9%
