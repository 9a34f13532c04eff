"""Plan files: the shipped plan, and broken plans each giving its own error at the right line."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from kehoach_cli.errors import InputFileNotFound, InvalidData
from kehoach_cli.plan.io import find_plan, load_plan, read_plan
from kehoach_cli.plan.model import Indicator

from .conftest import PLAN, TESTDATA

PLANS = TESTDATA / "plans"


def test_shipped_plan_has_exactly_one_warning_the_crossbred_cattle_share() -> None:
    plan, report = read_plan(PLAN)
    assert plan is not None
    assert report.flatten("severity", "code", "indicator") == [
        ("warning", "share_over_100", "crossbred_cattle_share")
    ]
    assert "Tỷ trọng bò lai" in report.problems[0].message
    assert report.problems[0].line is not None
    line = PLAN.read_text(encoding="utf-8").splitlines()[report.problems[0].line - 1]
    assert "target: 200" in line


def test_shipped_plan_has_every_row_of_the_signed_table() -> None:
    plan = load_plan(PLAN)
    targets = {ind.code: ind.target for ind in plan.indicators}
    assert len(plan.indicators) == 32
    assert targets["grain_output"] == 323
    assert targets["rice_yield"] == Decimal("39.83")
    assert targets["poultry_flock"] == 6700
    assert targets["forest_protection"] is None
    assert targets["poverty_rate"] == Decimal("30.65")
    assert plan.by_code["rice_area"].decimals == 2  # "59,00" as signed
    # rice output is one indicator shown twice: under grain and under crops
    assert len(plan.by_code["rice_output"].shown_at) == 2
    names = [row.name for row in plan.rows]
    assert names.count("Lúa") == 2 and "Tỷ trọng bò lai" in names
    assert plan.by_code["poverty_rate"].direction == "lower"
    assert plan.by_code["population_avg"].direction == "none"


@pytest.mark.parametrize(
    ("fixture", "code", "line"),
    [
        ("unknown_key.yaml", "unknown_key", 34),
        ("duplicate_code.yaml", "duplicate_code", 43),
        ("formula_missing.yaml", "formula_unknown_code", 28),
        ("formula_cycle.yaml", "formula_cycle", 28),
        ("negative_target.yaml", "negative_target", 39),
        ("target_abc.yaml", "number_not_a_number", 39),
        ("syntax_error.yaml", "yaml_syntax", 37),
        ("empty.yaml", "empty_file", None),
        ("list.yaml", "not_a_mapping", 1),
        ("alias_bomb.yaml", "yaml_too_many_nodes", 1),
        ("unknown_unit.yaml", "unknown_unit", 45),
        ("ambiguous_number.yaml", "number_ambiguous", 32),
        ("duplicate_key.yaml", "duplicate_key", 40),
        ("tab_indent.yaml", "yaml_tab", 37),
        ("python_tag.yaml", "yaml_tag", 39),
        ("bad_kind.yaml", "bad_choice", 33),
    ],
)
def test_broken_plan_gives_its_own_error_at_its_line(
    fixture: str, code: str, line: int | None
) -> None:
    plan, report = read_plan(PLANS / fixture)
    assert plan is None
    first = report.problems[0]
    assert (first.severity, first.code, first.line) == ("error", code, line)
    assert first.file == str(PLANS / fixture)
    assert report.errors == 1


def test_sum_that_does_not_add_up_is_a_warning_naming_both_figures() -> None:
    plan, report = read_plan(PLANS / "sum_mismatch.yaml")
    assert plan is not None
    assert report.flatten("severity", "code", "line") == [("warning", "formula_mismatch", 24)]
    assert "330" in report.problems[0].message and "323" in report.problems[0].message


def test_target_written_the_vietnamese_way_is_accepted() -> None:
    plan = load_plan(PLANS / "minimal.yaml")
    assert plan.by_code["rice_yield"].target == Decimal("39.83")


def test_a_20_mb_file_is_refused_by_size_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("schema_version: 1\ntable:\n")
        line = "  - {tt: A, name: " + "x" * 80 + "}\n"
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    plan, report = read_plan(big)
    assert plan is None
    assert report.flatten("code") == [("file_too_large",)]
    assert "MB" in report.problems[0].message


def test_load_plan_raises_invalid_data_with_problems() -> None:
    with pytest.raises(InvalidData) as caught:
        load_plan(PLANS / "negative_target.yaml")
    assert caught.value.problems.flatten("code") == [("negative_target",)]  # type: ignore[attr-defined]


def test_find_plan_order_option_then_env_then_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputFileNotFound):
        find_plan()
    (tmp_path / "data").mkdir()
    default = tmp_path / "data" / "plan_2024.yaml"
    default.write_text("x: 1\n", encoding="utf-8")
    assert find_plan() == Path("data/plan_2024.yaml")
    other = tmp_path / "other.yaml"
    other.write_text("x: 1\n", encoding="utf-8")
    monkeypatch.setenv("KEHOACH_PLAN", str(other))
    assert find_plan() == other
    assert find_plan(default) == default
    with pytest.raises(InputFileNotFound):
        find_plan(tmp_path / "missing.yaml")


def test_indicators_are_the_dataclass_with_every_field_set() -> None:
    # Plan.indicators sets the fields without the dataclass's __init__ (for speed): the same.
    plan = load_plan(PLAN)
    names = {f.name for f in dataclasses.fields(Indicator)}
    for ind in plan.indicators:
        assert vars(ind).keys() == names
        assert dataclasses.replace(ind) == ind
    rice = plan.by_code["rice_output"]
    assert rice.path[-1] == rice.name and rice.section == rice.path[0]


def test_row_errors_come_in_field_order_with_the_wording_of_a_model(tmp_path: Path) -> None:
    # Rows are a pydantic dataclass, for memory: its errors must read as a model's did.
    text = (PLANS / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("      - code: grain\n", "      - code: Grain Total\n        foo: 1\n", 1)
    text = text.replace("        name: Lương thực\n", "        name: [x]\n", 1)
    text = text.replace("      - code: maize\n", "      - 7\n      - code: maize\n", 1)
    broken = tmp_path / "plan.yaml"
    broken.write_text(text, encoding="utf-8")
    plan, report = read_plan(broken)
    assert plan is None
    assert report.flatten("code", "line") == [
        ("bad_value", 23),  # name, before code as in the table's columns
        ("bad_value", 21),
        ("unknown_key", 22),
        ("bad_value", 37),
    ]
    messages = [p.message for p in report.problems]
    assert "table.0.children.0.name (Input should be a valid string)" in messages[0]
    assert '"foo" (tại table.0.children.0.foo)' in messages[2]
    assert messages[3] == (
        'Giá trị "7" không hợp lệ cho table.0.children.2 '
        "(Input should be a valid dictionary or instance of Row)."
    )


@pytest.mark.parametrize("digits", [31, 101, 5000])
def test_an_absurdly_large_target_is_refused_at_its_line(tmp_path: Path, digits: int) -> None:
    # 10^30 used to fail the report with an unexpected InvalidOperation, 5 000 digits the YAML
    # reader with ValueError (Python converts at most 4 300): neither named the file or line.
    text = PLAN.read_text(encoding="utf-8")
    assert "target: 323\n" in text
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text.replace("target: 323\n", f"target: 1{'0' * (digits - 1)}\n", 1))
    plan, report = read_plan(plan_file)
    assert plan is None
    assert report.flatten("code", "indicator") == [("number_too_large", "grain_output")]
    line = [row.strip() for row in text.splitlines()].index("target: 323") + 1
    assert report.problems[0].line == line
    assert '"1000000000000000000000000000000' in report.problems[0].message
    assert len(report.problems[0].message) < 300  # the number is quoted by its head


def test_a_target_below_a_thousand_trillion_is_accepted(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text.replace("target: 323\n", "target: 999999999999999\n", 1))
    plan, report = read_plan(plan_file)
    assert plan is not None, report.problems
    assert plan.by_code["grain_output"].target == Decimal(999999999999999)
