"""#16: estimates ("ước thực hiện") against final figures, as the officer sees them in a report:
JSON ``estimate``, "ước đạt" / "đạt" in the prose, the "~" mark, and the note when a final
figure received later replaces an estimate (real ``receive`` runs, the real journal)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.render.docx import sentence, spoken_names
from kehoach_cli.report.completion import compute

from ..conftest import PLAN, Cli
from ..intake.forms import form, receive
from ..render.fixtures import q2_files

TODAY = "2024-07-05"
Q2 = Period(2024, "quarter", 2)


def _stated(path: Path, estimate: str) -> Path:
    """The form at ``path`` with its "Tình trạng số liệu" set (B10, C10: the shipped samples
    are forms from before the field), saved in place."""
    book = openpyxl.load_workbook(path)
    book["Kết quả"]["B10"] = "Tình trạng số liệu"
    book["Kết quả"]["C10"] = estimate
    book.save(path)
    return path


def _report(cli: Cli, results: Path, *args: str):  # noqa: ANN202
    return cli(
        "report", "--plan", str(PLAN), "--results", str(results), "--period", "q2",
        "--today", TODAY, *args,
    )  # fmt: skip


def _by_code(cli: Cli, results: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    run = _report(cli, results, "--format", "json")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    return {item["code"]: {**item, "report_notes": data["notes"]} for item in data["indicators"]}


@pytest.fixture
def revised(cli: Cli, tmp_path: Path) -> Path:
    """dcnn's Q2 form received as an estimate (rice 150 t), then as final figures (160 t)."""
    results, inbox = tmp_path / "results", tmp_path / "inbox"
    first = _stated(form(inbox, "uoc.xlsx", values={"rice_output": 150}), "Ước thực hiện")
    second = _stated(form(inbox, "chinh thuc.xlsx", values={"rice_output": 160}), "Chính thức")
    for sent in (first, second):
        assert receive(cli, results, str(sent)).exit_code == 0
    return results


def test_json_says_estimate_per_indicator_and_a_computed_one_follows_its_parts(
    cli: Cli, tmp_path: Path
) -> None:
    results, inbox = tmp_path / "results", tmp_path / "inbox"
    sent = form(inbox, "dcnn.xlsx", values={"rice_output": 150}, notes={"maize_output": "Ước"})
    assert receive(cli, results, str(sent)).exit_code == 0
    found = _by_code(cli, results)
    assert found["maize_output"]["estimate"] is True  # its note says "Ước"
    assert found["rice_output"]["estimate"] is False
    assert found["grain_output"]["estimate"] is True  # rice + maize: one part is an estimate
    assert found["maize_yield"]["estimate"] is True and found["rice_yield"]["estimate"] is False
    assert found["poverty_rate"]["estimate"] is False  # no figure of vhxh says estimate


def test_a_final_figure_replacing_an_estimate_is_noted_in_every_format(
    cli: Cli, revised: Path, tmp_path: Path
) -> None:
    found = _by_code(cli, revised)
    rice = found["rice_output"]
    assert (rice["actual"], rice["estimate"]) == (160, False)
    note = "Số liệu chính thức thay số ước: 150 → 160 tấn"
    assert any(n.startswith(note) for n in rice["notes"])
    line = (
        "Lúa › Sản lượng: số liệu chính thức thay số ước, 150 → 160 tấn (Công chức Địa chính - "
        "Nông nghiệp, Quý II năm 2024)."
    )
    assert line in rice["report_notes"]
    assert not any("thay số ước" in n for n in found["maize_output"]["notes"])
    text = _report(cli, revised).stdout
    assert "150 → 160 tấn" in text.replace("\n", " ")
    for fmt in ("markdown", "html"):
        assert "150 → 160 tấn" in _report(cli, revised, "--format", fmt).stdout
    out = tmp_path / "bao-cao.xlsx"
    assert _report(cli, revised, "--output", str(out)).exit_code == 0
    book = openpyxl.load_workbook(out)
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert any("150 → 160 tấn" in c for c in cells)


def test_no_note_while_the_latest_figure_is_still_an_estimate(cli: Cli, tmp_path: Path) -> None:
    results, inbox = tmp_path / "results", tmp_path / "inbox"
    for name, value in (("a.xlsx", 150), ("b.xlsx", 155)):
        sent = _stated(form(inbox, name, values={"rice_output": value}), "Ước thực hiện")
        assert receive(cli, results, str(sent)).exit_code == 0
    rice = _by_code(cli, results)["rice_output"]
    assert (rice["actual"], rice["estimate"]) == (155, True)
    assert not any("thay số ước" in n for n in rice["notes"] + rice["report_notes"])


def test_a_folder_without_a_journal_reports_estimates_without_notes(
    cli: Cli, tmp_path: Path
) -> None:
    results = tmp_path / "results" / "2024-q2"
    _stated(form(results, "dcnn.xlsx", values={"rice_output": 150}), "Ước thực hiện")
    rice = _by_code(cli, tmp_path / "results")["rice_output"]
    assert rice["estimate"] is True
    assert not any("thay số ước" in n for n in rice["report_notes"])


def test_the_figure_lists_mark_an_estimate(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = tmp_path / "results" / "2024-q2"
    _stated(form(results, "dcnn.xlsx", values={"rice_output": 150}), "Ước thực hiện")
    form(results, "vhxh.xlsx", unit="vhxh")  # an older form, without the field: final
    folder = tmp_path / "results"
    for width in ("80", "160"):
        monkeypatch.setenv("COLUMNS", width)
        lines = _report(cli, folder).stdout.splitlines()
        assert max(len(line) for line in lines) <= int(width)
        assert any("~150" in line for line in lines)
        assert any(line.startswith("~ Số ước thực hiện") for line in lines)
    text = _report(cli, folder, "--format", "csv").stdout.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    column = rows[0].index("Tình trạng số liệu")  # after "Cảnh báo số liệu"
    assert column == rows[0].index("Cảnh báo số liệu") + 1
    by_code = {row[3]: row for row in rows[1:]}
    assert by_code["rice_output"][column] == "Ước thực hiện"
    assert by_code["poverty_rate"][column] == "Chính thức"
    assert "| ~150 |" in _report(cli, folder, "--format", "markdown").stdout


def test_the_prose_says_uoc_dat_only_for_an_estimate() -> None:
    plan = load_plan(PLAN)
    final = compute(plan, q2_files(), Q2, date(2024, 6, 20))
    names = spoken_names(final)
    said = sentence(final, final.indicator("grain_output"), names["grain_output"])
    assert said.startswith("Tổng sản lượng lương thực có hạt đạt 160 tấn, bằng 49,54% kế hoạch")
    estimated = [f if f.unit != "dcnn" else _all_estimates(f) for f in q2_files()]
    report = compute(plan, estimated, Q2, date(2024, 6, 20))
    said = sentence(report, report.indicator("grain_output"), names["grain_output"])
    assert said.startswith("Tổng sản lượng lương thực có hạt ước đạt 160 tấn, bằng 49,54%")
    said = sentence(report, report.indicator("rice_yield"), names["rice_yield"])
    assert said.startswith("Năng suất lúa ước đạt 40,68 tạ/ha trên 29,5 ha đã thu hoạch")
    said = sentence(report, report.indicator("poverty_rate"), names["poverty_rate"])
    assert "ước" not in said


def _all_estimates(result):  # noqa: ANN001, ANN202
    from dataclasses import replace

    return replace(
        result, estimate=True, values=tuple(replace(v, estimate=True) for v in result.values)
    )
