"""The ranking rule as the officer reads it names no program nor plan field (review of wave 3).

The terminal, Markdown and .xlsx said "quy tắc mặc định của kehoach, vì kế hoạch chưa ghi bảng
điểm thi đua của xã (mục ranking)" while the .docx and .html said "xã chưa ban hành bảng điểm thi
đua riêng nên áp dụng cách tính chung": two wordings of one rule, one with code words.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ..conftest import Cli


@pytest.mark.parametrize(
    ("lang", "said", "code_words"),
    [
        ("vi", "xã chưa ban hành bảng điểm thi đua riêng", ("kehoach", "mục ranking")),
        (
            "en",
            "the commune has issued no scoring table",
            ("kehoach", "ranking section", "on_track", "not_yet_achieved", "no_data"),
        ),
    ],
)
def test_every_format_states_the_rule_in_the_same_words(
    cli: Cli, tmp_path: Path, lang: str, said: str, code_words: tuple[str, ...]
) -> None:
    q2 = ("report", "--period", "q2", "--lang", lang)
    table = " ".join(cli(*q2).stdout.split())
    markdown = cli(*q2, "--format", "markdown").stdout
    cli(*q2, "--output", str(tmp_path / "q2.xlsx"), "-q")
    workbook = load_workbook(io.BytesIO((tmp_path / "q2.xlsx").read_bytes()))
    ranking = workbook.worksheets[2]  # "Xếp hạng thi đua" ("Dữ liệu" keeps status codes)
    cells = " ".join(str(cell.value) for row in ranking.iter_rows() for cell in row)
    for text in (table, markdown, cells):
        assert said in text
        for word in code_words:
            assert word not in text
    # JSON, for programs, keeps the rule as computed.
    data = json.loads(cli(*q2, "--format", "json").stdout)
    assert data["ranking_rule"].startswith(("Cách xếp hạng", "Ranking"))
