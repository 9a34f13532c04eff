"""`kehoach plan show`: the indicator tree as a Vietnamese table and as JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kehoach_cli.plan.io import load_plan
from kehoach_cli.render.plan import plan_to_dict

from ..conftest import PLAN, TESTDATA, Cli

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def test_json_lists_every_indicator_with_the_signed_targets(cli: Cli) -> None:
    result = cli("plan", "show", "--plan", str(PLAN), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == json.loads(json.dumps(plan_to_dict(load_plan(PLAN)), ensure_ascii=False))
    by_code = {i["code"]: i for i in data["indicators"]}
    assert len(by_code) == 32
    assert by_code["rice_yield"]["target"] == 39.83
    assert by_code["poultry_flock"]["target"] == 6700
    assert by_code["forest_protection"]["target"] is None
    assert by_code["grain_output"]["formula"] == "rice_output + maize_output"
    assert by_code["rice_area"]["path"][-2:] == ["Lúa", "Diện tích"]
    assert {
        "code",
        "name",
        "path",
        "unit",
        "target",
        "kind",
        "direction",
        "responsible",
        "formula",
    } <= set(by_code["poverty_rate"])
    assert data["plan"]["issuer"] == "Ủy ban nhân dân xã Trà Bùi"
    assert data["plan"]["signer"]["name"] == "Hồ Văn Ba"


def test_table_writes_numbers_the_vietnamese_way(cli: Cli) -> None:
    result = cli("plan", "show", "--plan", str(PLAN))
    assert result.exit_code == 0
    out = result.stdout
    for text in ("6.700", "39,83", "59,00", "30,65", "Đàn gia cầm", "Trong đó:", "KH 2024"):
        assert text in out
    assert "\x1b[" not in out  # no colour codes when not on a terminal


def test_plan_is_found_in_data_folder_of_current_directory(cli: Cli, workdir: Path) -> None:
    result = cli("plan", "show", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["plan"]["year"] == 2024


def test_broken_plan_stops_with_exit_1_and_a_located_message(cli: Cli) -> None:
    result = cli("plan", "show", "--plan", str(TESTDATA / "plans" / "negative_target.yaml"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "âm" in result.stderr


@pytest.mark.parametrize("columns", [80, 160])
def test_table_matches_golden_file(cli: Cli, columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("plan", "show", "--plan", str(PLAN))
    golden = GOLDEN / f"plan_show_{columns}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
