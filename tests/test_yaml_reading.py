"""The YAML reader's edge cases met while making it faster: each gives a problem, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_cli.safety.limits import current_limits
from kehoach_cli.safety.yaml_io import read_yaml


def _codes(tmp_path: Path, text: str) -> list[tuple[str, int | None]]:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    doc = read_yaml(path, "doc.yaml", current_limits())
    return [(p.code, p.line) for p in doc.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<<\n", [("yaml_tag", 1)]),  # a document that is only a merge key (was an IndexError)
        ("- a\n- <<\n", [("yaml_tag", 2)]),
        ("a: {<<: 1}\n", [("yaml_tag", 1)]),
        ("? [1]\n: 2\nb: 3\n", [("yaml_bad_key", 1)]),
        ("~: 1\nb: 2\n", [("yaml_bad_key", 1)]),
        ("a: &k 1\n*k : 2\n1: 3\n", [("duplicate_key", 3)]),
        ("a: 1\nb:\n  - x\na: !!python/object:x {}\n", [("duplicate_key", 4)]),
    ],
)
def test_odd_keys_and_merge_keys_are_problems_at_their_line(
    tmp_path: Path, text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert _codes(tmp_path, text) == expected


def test_a_scalar_document_is_its_value(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text("42\n", encoding="utf-8")
    doc = read_yaml(path, "doc.yaml", current_limits())
    assert (doc.data, doc.problems) == (42, [])


def test_an_integer_longer_than_python_converts_stays_text(tmp_path: Path) -> None:
    # int() refuses more than 4 300 digits (ValueError, an unexpected error for the user); the
    # digits are kept as text, which every reader of a figure refuses as too large at its line.
    path = tmp_path / "doc.yaml"
    path.write_text(f"a: {'9' * 5000}\nb: {'9' * 4300}\n", encoding="utf-8")
    doc = read_yaml(path, "doc.yaml", current_limits())
    assert doc.problems == []
    assert doc.data["a"] == "9" * 5000
    assert doc.data["b"] == int("9" * 4300)


def test_a_results_figure_of_5000_digits_is_too_large_at_its_line(tmp_path: Path) -> None:
    from kehoach_cli.plan.io import load_plan
    from kehoach_cli.results import validate_results

    from .conftest import PLAN, RESULTS

    shipped = RESULTS / "examples" / "yaml" / "2024-q2" / "dcnn.yaml"
    text = shipped.read_text(encoding="utf-8")
    assert "  rice_area: {value: 58.5," in text
    sent = tmp_path / "dcnn.yaml"
    sent.write_text(text.replace("rice_area: {value: 58.5,", f"rice_area: {{value: {'9' * 5000},"))
    plan = load_plan(PLAN)
    problems = validate_results([sent], plan, current_limits())
    assert [(p.code, p.indicator) for p in problems] == [("number_too_large", "rice_area")]
    line = (
        text.splitlines().index(
            '  rice_area: {value: 58.5, note: "Đông Xuân 29,5 ha; Hè Thu 29 ha"}'
        )
        + 1
    )
    assert problems[0].line == line
