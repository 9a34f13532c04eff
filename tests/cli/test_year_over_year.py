"""Several years side by side and "so với cùng kỳ" (#16 points 1-2): real YAML plans of two
years, real results files of both years in one folder, the CLI run on them."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ..conftest import DATA, Cli
from ..render.fixtures import Q2_VALUES
from ..test_installed import KEHOACH

TODAY = "2024-06-20"
# Last year's figures at Q2 (year to date for flows, levels for the rest): hand-picked so that
# every change below is worked out by hand.
Q2_2023: dict[str, dict[str, str]] = {
    "dcnn": {
        "rice_output": "100",
        "rice_area": "58.5",
        "rice_area_harvested": "29.5",
        "maize_output": "50",
        "maize_area_harvested": "12",
        "crossbred_cattle_share": "20",
        "cattle_herd": "900",
    },
    "vhxh": {"poor_households_reduced": "20", "poverty_rate": "32.05"},
}


def write_year(folder: Path, year: int, quarter: int, values: dict[str, dict[str, Any]]) -> None:
    """One YAML results file per unit under ``<year>-q<quarter>/``."""
    where = folder / f"{year}-q{quarter}"
    where.mkdir(parents=True, exist_ok=True)
    for unit, figures in values.items():
        lines = [f"year: {year}", f"period: {year}Q{quarter}", f"unit: {unit}"]
        lines += ["basis: year_to_date", "values:"]
        lines += [f"  {code}: {value}" for code, value in figures.items()]
        (where / f"{unit}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def years(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder as the officer has it: data/plan_2023.yaml, data/plan_2024.yaml and
    data/results/ with both years' Q2 files; the current folder is the working folder."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(DATA / "plan_2024.yaml", data / "plan_2024.yaml")
    shutil.copy(DATA / "plan_2023.yaml", data / "plan_2023.yaml")
    write_year(data / "results", 2024, 2, Q2_VALUES)
    write_year(data / "results", 2023, 2, Q2_2023)
    monkeypatch.chdir(tmp_path)
    return data


def indicators(cli: Cli, *args: str) -> dict[str, dict[str, Any]]:
    result = cli("report", "--period", "q2", "--today", TODAY, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return {i["code"]: i for i in json.loads(result.stdout)["indicators"]}


def test_json_compares_with_the_same_period_last_year(cli: Cli, years: Path) -> None:
    found = indicators(cli)
    rice = found["rice_output"]  # 120 t against 100 t: +20 %
    assert (rice["actual"], rice["previous_year_actual"]) == (120, 100)
    assert (rice["change_pct"], rice["change_points"]) == (20, None)
    grain = found["grain_output"]  # computed both years: 160 against 100 + 50
    assert (grain["previous_year_actual"], grain["change_pct"]) == (150, 6.67)
    cattle = found["cattle_herd"]  # a stock: its level, 935 against 900
    assert (cattle["previous_year_actual"], cattle["change_pct"]) == (900, 3.89)
    poor = found["poor_households_reduced"]  # 18 against 20: −10 %
    assert poor["change_pct"] == -10


def test_a_rate_in_percent_changes_by_points_not_percent(cli: Cli, years: Path) -> None:
    found = indicators(cli)
    poverty = found["poverty_rate"]  # 31,2 % against 32,05 %: 0,85 percentage points less
    assert (poverty["previous_year_actual"], poverty["change_points"]) == (32.05, -0.85)
    assert poverty["change_pct"] is None
    share = found["crossbred_cattle_share"]
    assert (share["change_points"], share["change_pct"]) == (-0.8, None)
    # A yield (Tạ/ha) is a rate, but not a percentage: its change is in %.
    yield_ = found["rice_yield"]  # 120 × 10 ÷ 29,5 = 40,68 against 100 × 10 ÷ 29,5 = 33,9
    assert (yield_["previous_year_actual"], yield_["change_pct"]) == (33.9, 20)
    assert yield_["change_points"] is None


def test_blank_when_last_year_is_unknown(cli: Cli, years: Path) -> None:
    found = indicators(cli)
    # Reported in 2024 only (no 2023 figure): nothing compared.
    pigs = found["pig_herd"]
    assert pigs["actual"] == 900
    assert (pigs["previous_year_actual"], pigs["change_pct"], pigs["change_points"]) == (
        None,
        None,
        None,
    )
    (years / "plan_2023.yaml").unlink()  # without last year's plan: nothing at all
    alone = indicators(cli)
    assert all(i["previous_year_actual"] is None for i in alone.values())
    assert all(i["change_pct"] is None and i["change_points"] is None for i in alone.values())


def test_last_years_files_are_not_listed_as_skipped(cli: Cli, years: Path) -> None:
    result = cli("report", "--period", "q2", "--today", TODAY, "--format", "json")
    notes = json.loads(result.stdout)["notes"]
    assert result.exit_code == 0 and result.stderr == ""
    assert not [n for n in notes if "2023-q2" in n]
    table = cli("report", "--period", "q2", "--today", TODAY)
    assert "2023-q2" not in table.stdout


def test_the_comparison_follows_codes_when_the_plans_differ(cli: Cli, years: Path) -> None:
    plan = years / "plan_2023.yaml"
    text = plan.read_text(encoding="utf-8")
    # 2023 counted cattle in another unit (a unit changed: not comparable) and had no
    # poverty rate at all (an indicator of one year only).
    text = re.sub(r"(code: cattle_herd\n\s+name: Đàn bò\n\s+)unit: Con", r"\1unit: Hộ", text)
    text, removed = re.subn(
        r"\n\s+- tt: \"2\"\n\s+code: poverty_rate\n(\s+\w+: .*\n)*?\s+year_end_only: true", "", text
    )
    assert removed == 1
    plan.write_text(text, encoding="utf-8")
    write_year(years / "results", 2023, 2, {"vhxh": {"poor_households_reduced": "20"}})
    found = indicators(cli)
    assert found["poverty_rate"]["previous_year_actual"] is None
    assert found["cattle_herd"]["previous_year_actual"] is None
    assert found["rice_output"]["change_pct"] == 20  # the others still compared


def test_year_option_reads_that_years_plan_and_files(cli: Cli, years: Path) -> None:
    result = cli(
        "report", "--period", "q2", "--year", "2023", "--today", "2023-06-20", "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["plan"]["year"], data["period"]["id"]) == (2023, "2023Q2")
    found = {i["code"]: i for i in data["indicators"]}
    assert found["rice_output"]["actual"] == 100  # 2023's own figure
    assert found["rice_output"]["previous_year_actual"] is None  # no plan of 2022
    in_2024 = indicators(cli, "--year", "2024")
    assert in_2024["rice_output"]["previous_year_actual"] == 100


def test_shipped_samples_compare_q2_with_2023(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's main command on the shipped data shows the comparison."""
    monkeypatch.chdir(DATA.parent)
    found = indicators(cli, "--today", "2024-06-20")
    assert found["rice_output"]["previous_year_actual"] == 110.4
    assert found["poverty_rate"]["change_points"] == -2.6


def test_validate_checks_each_years_files_against_that_years_plan(cli: Cli, years: Path) -> None:
    clean = cli("validate", "data/results")
    assert clean.exit_code == 0, clean.stdout
    assert "other_year" not in clean.stdout  # 2023's files are checked, not skipped
    write_year(years / "results", 2023, 2, {"vhxh": {"poverty_rate": "ba mươi"}})
    broken = cli("validate", "data/results")
    assert broken.exit_code == 1
    assert "2023-q2/vhxh.yaml" in broken.stdout and "poverty_rate" in broken.stdout
    write_year(years / "results", 2023, 2, Q2_2023)
    (years / "plan_2023.yaml").unlink()  # no plan of 2023: its files are only noted
    noted = cli("validate", "data/results")
    assert noted.exit_code == 0 and "other_year" in noted.stdout, noted.stdout


def report_text(cli: Cli, fmt: str, *args: str) -> str:
    result = cli("report", "--period", "q2", "--today", TODAY, "--format", fmt, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_csv_has_this_period_last_year_and_the_change(cli: Cli, years: Path) -> None:
    rows = list(csv.reader(io.StringIO(report_text(cli, "csv").lstrip("\ufeff"))))
    head = rows[0]
    assert head[16:] == ["Kỳ này", "Cùng kỳ năm trước", "So cùng kỳ (%)", "So cùng kỳ (điểm %)"]
    by_code = {row[3]: row for row in rows[1:] if row[3]}
    assert by_code["rice_output"][16:] == ["", "100", "20,00", ""]  # no Q1 figure: no own amount
    assert by_code["poverty_rate"][16:] == ["31,20", "32,05", "", "-0,85"]
    assert by_code["pig_herd"][16:] == ["900", "", "", ""]  # blank when last year is unknown


@pytest.mark.parametrize("width", [80, 160])
def test_table_shows_the_comparison_at_80_and_160_columns(
    cli: Cli, years: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    text = report_text(cli, "table")
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    poverty = next(line for line in lines if "32,05" in line)
    assert "-0,85 điểm %" in poverty
    assert any("110" not in line and "+20,00%" in line for line in lines)
    # At 80 columns the comparison is a table of its own under the main one; at 160, columns.
    apart = "Kỳ này, lũy kế và so với cùng kỳ năm trước" in text
    assert apart == (width == 80)


def test_markdown_and_english(cli: Cli, years: Path) -> None:
    markdown = report_text(cli, "markdown")
    assert (
        "| Kỳ này | Lũy kế |" in markdown and "| Cùng kỳ năm trước | So với cùng kỳ |" in markdown
    )
    poverty = next(line for line in markdown.splitlines() if "32,05" in line)
    assert "| giảm 0,85 điểm % |" in poverty
    rice = next(line for line in markdown.splitlines() if "| 100 |" in line)
    assert "| tăng 20,00% |" in rice
    english = report_text(cli, "markdown", "--lang", "en")
    assert "| Same period last year | Change on last year |" in english
    assert "| down 0.85 pts |" in english


def test_without_last_year_no_comparison_columns(cli: Cli, years: Path) -> None:
    (years / "plan_2023.yaml").unlink()
    markdown = report_text(cli, "markdown")
    assert "Cùng kỳ" not in markdown and "| Kỳ này | Lũy kế |" in markdown
    table = report_text(cli, "table")
    assert "Cùng kỳ" not in table


def write_report(cli: Cli, years: Path, ext: str, *args: str) -> Path:
    out = years.parent / f"bao-cao.{ext}"
    result = cli("report", "--period", "q2", "--today", TODAY, "-o", str(out), *args)
    assert result.exit_code == 0, result.stderr
    return out


def test_xlsx_has_last_year_and_the_change_as_numbers(cli: Cli, years: Path) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(write_report(cli, years, "xlsx"))["Tổng hợp"]
    assert (ws["L8"].value, ws["M8"].value) == ("Cùng kỳ năm trước", "So với cùng kỳ")
    rows = {ws.cell(r, 2).value.strip(): r for r in range(10, ws.max_row) if ws.cell(r, 2).value}
    poverty = rows["Tỷ lệ hộ nghèo theo chuẩn mới Quốc gia"]
    assert ws.cell(poverty, 12).value == 32.05
    assert ws.cell(poverty, 13).value == -0.85 and "điểm %" in ws.cell(poverty, 13).number_format
    rice = rows["Trong đó: Lúa"]
    assert (ws.cell(rice, 12).value, ws.cell(rice, 13).value) == (100, 0.2)
    assert ws.cell(rice, 13).number_format == "+0.00%;-0.00%;0.00%"
    pigs = rows["Đàn heo"]
    assert ws.cell(pigs, 12).value is None and ws.cell(pigs, 13).value is None
    # "Kỳ này" and "Lũy kế" were already there: the poverty rate's level in both
    assert (ws.cell(poverty, 5).value, ws.cell(poverty, 6).value) == (31.2, 31.2)


def test_docx_and_html_tables_show_the_comparison(cli: Cli, years: Path) -> None:
    from docx import Document

    tables = Document(str(write_report(cli, years, "docx"))).tables
    # the appendix's indicator table (the ranking tables follow it)
    table = next(
        t for t in tables if [c.text for c in t.rows[0].cells][:3] == ["TT", "Chỉ tiêu", "ĐVT"]
    )
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][10:] == ["Cùng kỳ năm trước", "So với cùng kỳ"]
    poverty = next(row for row in rows if row[1].strip().startswith("Tỷ lệ hộ nghèo"))
    assert poverty[10:] == ["32,05", "-0,85 điểm %"]
    pigs = next(row for row in rows if row[1].strip() == "Đàn heo")
    assert pigs[10:] == ["", ""]
    html = write_report(cli, years, "html").read_text(encoding="utf-8")
    row = html[html.index('data-code="poverty_rate"') :].split("</tr>")[0]
    assert ">32,05<" in row and ">giảm 0,85 điểm %<" in row
    rice = html[html.index('data-code="rice_output"') :].split("</tr>")[0]
    assert ">tăng 20,00%<" in rice
    english = write_report(cli, years, "html", "--lang", "en", "--force")
    assert ">down 0.85 pts<" in english.read_text(encoding="utf-8")


def test_last_years_broken_files_never_stop_this_years_report(cli: Cli, years: Path) -> None:
    write_year(years / "results", 2023, 2, {"vhxh": {"poverty_rate": "ba mươi"}})
    result = cli("report", "--period", "q2", "--today", TODAY, "--format", "json")
    assert result.exit_code == 0
    assert "Số liệu năm trước trong data/results có 1 lỗi" in result.stderr
    assert "kehoach validate --plan data/plan_2023.yaml data/results" in result.stderr
    found = {i["code"]: i for i in json.loads(result.stdout)["indicators"]}
    assert found["poverty_rate"]["previous_year_actual"] is None  # the figure in error
    assert found["rice_output"]["previous_year_actual"] == 100  # the good ones still compared
    (years / "plan_2023.yaml").write_text("table: [\n", encoding="utf-8")
    broken = cli("report", "--period", "q2", "--today", TODAY, "--format", "json")
    assert broken.exit_code == 0
    assert "Không so sánh với cùng kỳ năm trước" in broken.stderr
    assert "data/plan_2023.yaml" in broken.stderr
    data = json.loads(broken.stdout)
    assert all(i["previous_year_actual"] is None for i in data["indicators"])


@pytest.mark.skipif(not KEHOACH.exists(), reason="the kehoach script is not installed here")
def test_the_readme_command_as_a_process_shows_the_comparison() -> None:
    """`kehoach report --period q2` in the repository, at 80 columns, as the README runs it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEHOACH_")}
    env |= {"NO_COLOR": "1", "COLUMNS": "80"}
    done = subprocess.run(
        [str(KEHOACH), "report", "--period", "q2", "--today", TODAY],
        capture_output=True,
        text=True,
        env=env,
        cwd=DATA.parent,
        timeout=60,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "Kỳ này, lũy kế và so với cùng kỳ năm trước" in lines
    poverty = [line for line in lines if "33,80" in line]  # 2023 Q2: 33,8 %
    assert poverty and "-2,60 điểm %" in poverty[0]
    assert "Bỏ qua" not in done.stdout  # 2023's files are last year's figures, not skipped
