"""`kehoach report`: exit codes, streams, formats, --output, and JSON = the library's report."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.report.completion import compute
from kehoach_cli.results import load_results

from ..conftest import PLAN, Cli
from ..render.fixtures import Q2_VALUES

TODAY = "2024-06-20"


def write_results(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for unit, values in Q2_VALUES.items():
        lines = ["year: 2024", "period: 2024Q2", f"unit: {unit}", "basis: year_to_date", "values:"]
        lines += [f"  {code}: {value}" for code, value in values.items()]
        (folder / f"{unit}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run(cli: Cli, results: Path, *args: str):  # noqa: ANN201
    return cli("report", "--plan", str(PLAN), "--results", str(results), "--today", TODAY, *args)


def test_json_equals_the_library_report(cli: Cli, tmp_path: Path) -> None:
    folder = write_results(tmp_path / "results")
    result = run(cli, folder, "--period", "q2", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    plan = load_plan(PLAN)
    loaded, problems = load_results([folder], plan)
    expected = compute(
        plan, loaded, Period(2024, "quarter", 2), date(2024, 6, 20), problems=problems
    ).to_dict()
    data = json.loads(result.stdout)
    assert data == json.loads(json.dumps(expected, ensure_ascii=False))
    by_code = {i["code"]: i for i in data["indicators"]}
    assert by_code["rice_output"]["completion_pct"] == 51.06
    assert (by_code["grain_output"]["actual"], by_code["grain_output"]["completion_pct"]) == (
        160,
        49.54,
    )
    assert by_code["poverty_rate"]["status"] not in ("achieved", "exceeded")
    assert data["period"]["id"] == "2024Q2"
    assert (data["period"]["start"], data["period"]["end"]) == ("2024-03-15", "2024-06-14")
    assert by_code["forest_protection"]["completion_pct"] is None


def test_table_is_vietnamese_without_escape_codes(cli: Cli, tmp_path: Path) -> None:
    result = run(cli, write_results(tmp_path / "r"), "--period", "2024Q2")
    assert result.exit_code == 0
    assert "51,06%" in result.stdout and "15/03/2024" in result.stdout
    assert "\x1b[" not in result.stdout


def test_no_results_at_all_gives_all_no_data(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(cli, empty, "--period", "q2", "--format", "json")
    assert result.exit_code == 0
    counts = json.loads(result.stdout)["counts"]
    assert (counts["no_data"], counts["target_flagged"]) == (31, 1)


def test_invalid_results_stop_the_report_unless_allowed(cli: Cli, tmp_path: Path) -> None:
    folder = write_results(tmp_path / "r")
    (folder / "bad.yaml").write_text(
        "year: 2024\nperiod: 2024Q2\nunit: vhxh\nvalues:\n  no_such_indicator: 3\n",
        encoding="utf-8",
    )
    result = run(cli, folder, "--period", "q2")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "bad.yaml" in result.stderr and "--allow-invalid" in result.stderr
    allowed = run(cli, folder, "--period", "q2", "--allow-invalid", "--format", "json")
    assert allowed.exit_code == 0
    assert json.loads(allowed.stdout)["problems"]["errors"] >= 1


def test_output_follows_the_extension_and_is_written_whole(cli: Cli, tmp_path: Path) -> None:
    folder = write_results(tmp_path / "r")
    target = tmp_path / "q2.csv"
    result = run(cli, folder, "--period", "2024Q2", "--output", str(target))
    assert result.exit_code == 0
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())
    assert "Sản lượng lương thực".encode() in data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q2.csv", "r"]
    md = tmp_path / "q2.md"
    assert run(cli, folder, "--period", "q2", "-o", str(md)).exit_code == 0
    assert md.read_text(encoding="utf-8").count("| TT |") == 1


def test_output_refuses_to_overwrite_an_input(cli: Cli, tmp_path: Path) -> None:
    folder = write_results(tmp_path / "r")
    before = (folder / "vhxh.yaml").read_bytes()
    result = run(cli, folder, "--period", "q2", "--format", "json", "-o", str(folder / "vhxh.yaml"))
    assert result.exit_code == 2
    assert "vhxh.yaml" in result.stderr
    assert (folder / "vhxh.yaml").read_bytes() == before


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    folder = write_results(tmp_path / "r")
    bad_format = run(cli, folder, "--period", "q2", "--format", "pdf")
    assert bad_format.exit_code == 2 and "pdf" in bad_format.stderr
    bad_ext = run(cli, folder, "--period", "q2", "--output", str(tmp_path / "x.pdf"))
    assert bad_ext.exit_code == 2 and "--format" in bad_ext.stderr
    bad_period = run(cli, folder, "--period", "q7")
    assert bad_period.exit_code == 2
    other_year = run(cli, folder, "--period", "q2", "--year", "2023")
    assert other_year.exit_code == 2
    assert run(cli, folder, "--period", "q2", "--by", "month").exit_code == 2
    missing = run(cli, tmp_path / "nowhere", "--period", "q2")
    assert missing.exit_code == 2


def test_current_period_and_by_quarter(cli: Cli, tmp_path: Path) -> None:
    folder = write_results(tmp_path / "r")
    result = run(cli, folder, "--period", "current", "--format", "json")
    assert json.loads(result.stdout)["period"]["id"] == "2024Q2"  # Q2 closed on 14/6
    year = run(cli, folder, "--period", "year", "--by", "quarter", "--format", "json")
    data = json.loads(year.stdout)
    assert data["by"] == "quarter"
    rice = next(i for i in data["indicators"] if i["code"] == "rice_output")
    assert [q["period"] for q in rice["quarters"]] == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    table = run(cli, folder, "--period", "year", "--by", "quarter")
    assert "Quý" in table.stdout and "IV" in table.stdout


def test_english(cli: Cli, tmp_path: Path) -> None:
    result = run(cli, write_results(tmp_path / "r"), "--period", "q2", "--lang", "en")
    assert result.exit_code == 0
    assert "51.06%" in result.stdout and "EMULATION RANKING" in result.stdout


def test_shipped_sample_data_prints_the_summary(cli: Cli, workdir: Path) -> None:
    result = cli("report", "--period", "q2", "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    assert "BẢNG XẾP HẠNG THI ĐUA" in result.stdout
