"""`kehoach plan new`: next year's draft plan, and `validate` listing what is left to fill."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from kehoach_cli.plan.io import load_plan, read_plan

from ..conftest import PLAN, Cli

YEAR_RESULTS = """\
year: 2024
period: "2024"
unit: dcnn
reporter: Nguyễn Văn Hòa
reported_on: 2024-12-16
basis: year_to_date
values:
  rice_output: 240
  rice_area: "59,5"
  rice_area_harvested: "59,5"
  maize_output: 90
  maize_area: 28
  maize_area_harvested: 28
"""


def _rules(plan_path: Path) -> list[tuple[object, ...]]:
    return [
        (
            i.code,
            i.name,
            i.path,
            i.tt,
            i.unit,
            i.kind,
            i.direction,
            i.responsible,
            i.formula,
            i.expected_progress,
            i.shown_at,
        )
        for i in load_plan(plan_path).indicators
    ]


def test_same_tree_and_rules_targets_empty_and_validate_lists_them(cli: Cli, workdir: Path) -> None:
    result = cli("plan", "new", "--year", "2025", "--from", "data/plan_2024.yaml")
    assert result.exit_code == 0, result.stderr
    output = workdir / "data" / "plan_2025.yaml"
    assert result.stdout.startswith("Đã ghi data/plan_2025.yaml: 32 chỉ tiêu, 0 có số liệu")
    assert "Chưa có kết quả cả năm 2024 trong data/results" in result.stderr
    new, old = load_plan(output), load_plan(PLAN)
    assert _rules(output) == _rules(PLAN)
    assert new.reporting_units == old.reporting_units
    assert new.units_of_measure == old.units_of_measure
    assert new.emulation_contents == old.emulation_contents
    assert all(i.target is None for i in new.indicators)
    assert new.year == 2025 and new.plan.code == "tra-bui-2025" and new.plan.draft
    assert new.plan.title.endswith("của xã năm 2025")
    assert new.plan.implements == [] and new.plan.document_number is None
    text = output.read_text(encoding="utf-8")
    assert "target: null  # ĐIỀN chỉ tiêu năm 2025 (kế hoạch năm 2024: 59,00)" in text

    checked = cli("validate", str(output), "--format", "json")
    assert checked.exit_code == 0
    problems = json.loads(checked.stdout)["problems"]
    assert [p["code"] for p in problems] == ["draft"] + ["target_to_fill"] * 32
    assert {p["severity"] for p in problems} == {"warning"}
    assert [p["indicator"] for p in problems[1:]] == [i.code for i in new.indicators]
    rice = next(p for p in problems if p["indicator"] == "rice_area")
    assert rice["message"].startswith('"Một số cây trồng chủ yếu › Lúa › Diện tích": chưa có')
    lines = text.splitlines()
    start = _line_of(text, "code: rice_area")
    target = next(n for n in range(start, len(lines)) if "target:" in lines[n - 1])
    assert rice["location"] == f"dòng {target}"


def _line_of(text: str, needle: str) -> int:
    # The line that ends with ``needle`` ("code: rice_area", not "code: rice_area_harvested").
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.rstrip().endswith(needle))


def test_baselines_are_last_years_year_figures(cli: Cli, workdir: Path) -> None:
    year = workdir / "data" / "results" / "2024-nam"
    year.mkdir()
    (year / "dcnn.yaml").write_text(YEAR_RESULTS, encoding="utf-8")
    result = cli("plan", "new", "-y", "2025")
    assert result.exit_code == 0, result.stderr
    assert "7 có số liệu năm 2024 (baseline)" in result.stdout
    plan = load_plan(workdir / "data" / "plan_2025.yaml")
    raw, _ = read_plan(workdir / "data" / "plan_2025.yaml")
    assert raw is not None
    baselines = {
        code: row.baseline.value
        for _, row in raw.each_row()
        if (code := row.code) and row.baseline is not None
    }
    assert baselines == {
        "grain_output": Decimal(330),
        "rice_area": Decimal("59.5"),
        "rice_yield": Decimal("40.34"),
        "rice_output": Decimal(240),
        "maize_area": Decimal(28),
        "maize_yield": Decimal("32.14"),
        "maize_output": Decimal(90),
    }
    source = next(row.baseline for _, row in raw.each_row() if row.code == "rice_area")
    assert source is not None
    assert source.source == "Kết quả năm 2024: data/results/2024-nam/dcnn.yaml"
    assert plan.by_code["rice_area"].target is None
    checked = cli("validate", "data/plan_2025.yaml")
    assert "chưa có chỉ tiêu năm 2025. Điền target theo kế hoạch đã ký (năm trước: 59,5)." in (
        checked.stdout
    )


def test_refusals(cli: Cli, workdir: Path) -> None:
    done = cli("plan", "new", "-y", "2025")
    assert done.exit_code == 0
    before = (workdir / "data" / "plan_2025.yaml").read_bytes()
    again = cli("plan", "new", "-y", "2025")
    assert again.exit_code == 2 and "không ghi đè một kế hoạch" in again.stderr
    assert (workdir / "data" / "plan_2025.yaml").read_bytes() == before
    assert cli("plan", "new", "-y", "2025", "--force", "--quiet").exit_code == 0
    same = cli("plan", "new", "-y", "2024", "--from", "data/plan_2024.yaml", "-o", "x.yaml")
    assert same.exit_code == 2 and "phải sau năm của kế hoạch" in same.stderr
    over = cli("plan", "new", "-y", "2025", "-o", "data/plan_2024.yaml", "--force")
    assert over.exit_code == 2
    assert load_plan(workdir / "data" / "plan_2024.yaml").by_code["rice_area"].target == 59
    missing = cli("plan", "new", "-y", "2026")
    assert missing.exit_code == 0  # data/plan_2025.yaml is there now: 2026 starts from it
    assert cli("plan", "new", "-y", "2030").exit_code == 2  # no data/plan_2029.yaml


def test_results_with_errors_stop_it(cli: Cli, workdir: Path) -> None:
    year = workdir / "data" / "results" / "2024-nam"
    year.mkdir()
    (year / "dcnn.yaml").write_text(YEAR_RESULTS.replace("240", "abc"), encoding="utf-8")
    result = cli("plan", "new", "-y", "2025")
    assert result.exit_code == 1
    assert "2024-nam/dcnn.yaml" in result.stderr
    assert "Kết quả trong data/results có 1 lỗi" in result.stderr
    assert not (workdir / "data" / "plan_2025.yaml").exists()


def test_a_draft_plan_reports_like_any_plan(cli: Cli, workdir: Path) -> None:
    assert cli("plan", "new", "-y", "2025", "-q").exit_code == 0
    result = cli("plan", "show", "--plan", "data/plan_2025.yaml", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["plan"]["year"] == 2025


def test_the_draft_is_not_the_default_plan_until_signed(cli: Cli, workdir: Path) -> None:
    assert cli("plan", "new", "-y", "2025", "-q").exit_code == 0
    # This year's commands go on as before: the newest plan that is not a draft is 2024's.
    assert cli("validate", "data/results").exit_code == 0
    report = cli("report", "--period", "q2", "--format", "json")
    assert report.exit_code == 0 and json.loads(report.stdout)["plan"]["year"] == 2024
    shown = cli("plan", "show", "--format", "json")
    assert json.loads(shown.stdout)["plan"]["year"] == 2024
    # Signed (the draft line deleted): 2025 is the plan.
    draft = workdir / "data" / "plan_2025.yaml"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("  draft: true", ""), encoding="utf-8")
    shown = cli("plan", "show", "--format", "json")
    assert json.loads(shown.stdout)["plan"]["year"] == 2025


def test_in_english(cli: Cli, workdir: Path) -> None:
    result = cli("plan", "new", "-y", "2025", "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.startswith("Wrote data/plan_2025.yaml: 32 indicators, 0 with a 2024")
    assert result.stderr.startswith("No 2024 year results in data/results")
    text = (workdir / "data" / "plan_2025.yaml").read_text(encoding="utf-8")
    assert "target: null  # FILL IN the 2025 target (2024 plan: 323)" in text
    checked = cli("validate", "data/plan_2025.yaml", "--lang", "en")
    assert '"Sản lượng lương thực cây có hạt": no 2025 target yet.' in checked.stdout
