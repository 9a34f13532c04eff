"""Report renderers: golden files for the plain table, Markdown and JSON; CSV for Excel."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.render import (
    FormatNotAvailable,
    UnknownFormat,
    format_for_path,
    get_renderer,
    normalize_format,
)
from kehoach_cli.render.csv import render as render_csv
from kehoach_cli.render.markdown import render as render_markdown
from kehoach_cli.render.terminal import render_styled, render_text
from kehoach_cli.report.completion import compute
from kehoach_cli.report.model import Report

from ..conftest import PLAN
from .fixtures import q2_2023_files, q2_files, result_file

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def q2_report(lang: str = "vi", by: str = "period", compared: bool = False) -> Report:
    """The Q2 2024 report of the fixtures; ``compared``: with Q2 2023 to compare with."""
    period = Period(2024, "quarter", 2) if by == "period" else Period(2024, "half")
    previous = None
    if compared:
        q2_2023 = Period(2023, "quarter", 2)
        before = load_plan(PLAN.parent / "plan_2023.yaml")
        previous = compute(before, q2_2023_files(), q2_2023, date(2023, 6, 20), lang=lang)
    files = q2_files()
    if by == "quarter":
        files.append(
            result_file(
                "dcnn", Period(2024, "quarter", 1), {"rice_area": "29.5", "rice_output": "0"}
            )
        )
    return compute(
        load_plan(PLAN),
        files,
        period,
        date(2024, 6, 20),
        lang=lang,
        by=by,
        previous=previous,  # type: ignore[arg-type]
    )


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [80, 160])
def test_plain_table_golden(width: int) -> None:
    text = render_text(q2_report(compared=True), width)
    check_golden(f"report_q2_{width}.txt", text)
    assert all(len(line) <= width for line in text.splitlines())
    assert all(line == line.rstrip() for line in text.splitlines())
    assert "\x1b[" not in text


def test_plain_table_by_quarter_golden() -> None:
    check_golden("report_h1_by_quarter_100.txt", render_text(q2_report(by="quarter"), 100))


def test_markdown_golden() -> None:
    check_golden("report_q2.md", render_markdown(q2_report(compared=True)))


def test_json_golden_is_to_dict() -> None:
    report = q2_report(compared=True)
    text = get_renderer("json")(report)
    assert isinstance(text, str)
    assert json.loads(text) == json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    check_golden("report_q2.json", text)


def test_table_reads_vietnamese_numbers_and_window() -> None:
    text = render_text(q2_report(), 120)
    for needle in (
        "51,06%",
        "49,54%",
        "6.320",
        "15/03/2024",
        "14/06/2024",
        "XÃ TRÀ BÙI",
        "BẢNG XẾP HẠNG THI ĐUA",
        "Cách xếp hạng",
        "Đúng tiến độ",
        "Vượt kế hoạch",
    ):
        assert needle in text, needle


def test_english_labels() -> None:
    text = render_text(q2_report("en"), 120)
    assert "51.06%" in text and "On track" in text and "EMULATION RANKING" in text


def test_styled_lines_colour_the_status() -> None:
    lines = render_styled(q2_report(), 120)
    styles = {str(span.style) for line in lines for span in line.spans}
    assert "cyan" in styles and "bold red" in styles


def test_csv_has_bom_no_grouping_and_neutralised_text() -> None:
    text = render_csv(q2_report())
    assert text.startswith("\ufeff")
    lines = text[1:].splitlines()
    assert lines[0].startswith("Phần,Lĩnh vực,TT,Mã,Chỉ tiêu,ĐVT,KH năm")
    poultry = next(line for line in lines if ",poultry_flock," in line)
    assert ",6700,6320," in poultry and "6.700" not in text
    grain = next(line for line in lines if ",grain_output," in line)
    assert ",'-,grain_output," in grain and '"49,54"' in grain


def test_csv_and_markdown_neutralise_hostile_text() -> None:
    from kehoach_cli.render.csv import neutralize
    from kehoach_cli.render.markdown import cell

    for hostile in ("=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralize(hostile).startswith("'")
        assert cell(hostile).startswith("'")
    assert cell("a|b") == "a\\|b"


def test_markdown_is_a_table() -> None:
    text = render_markdown(q2_report())
    assert "| TT | Chỉ tiêu | ĐVT |" in text
    assert "|---|---|---|---:|" in text


def test_format_registry() -> None:
    assert normalize_format("md") == "markdown"
    assert format_for_path("x.JSON") == "json"
    with pytest.raises(UnknownFormat):
        normalize_format("pdf")
    for fmt in ("table", "json", "csv", "markdown"):
        assert callable(get_renderer(fmt))


def test_a_missing_renderer_module_is_not_available(monkeypatch: pytest.MonkeyPatch) -> None:
    from kehoach_cli import render

    monkeypatch.setitem(render.REPORT_RENDERERS, "html", "no_such_module_here")
    with pytest.raises(FormatNotAvailable):
        get_renderer("html")
    assert "html" not in render.available_formats()
