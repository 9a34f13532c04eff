"""The YAML reader's edge cases met while making it faster: each gives a problem, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_cli.limits import current_limits
from kehoach_cli.yaml_io import read_yaml


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
