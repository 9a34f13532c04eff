"""The installed ``kehoach`` against the hostile corpus: expected code, exit 1 or 2, no traceback,
under 2 s and 200 MB (address space capped, peak resident size measured)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.corpus import CLI, HOSTILE, validate


def _assert_clean(run_stderr: str) -> None:
    assert "Traceback" not in run_stderr
    assert "panicked" not in run_stderr


@pytest.mark.parametrize("name", sorted(CLI))
def test_each_file_gives_its_code_in_bounded_time_and_memory(name: str) -> None:
    exit_code, code = CLI[name]
    run = validate(HOSTILE / name)
    _assert_clean(run.stderr)
    assert run.exit_code == exit_code, run.stderr
    errors = [p for p in run.problems if p["severity"] == "error"]
    assert [p["code"] for p in errors][:1] == ([code] if code else [])
    for problem in errors:
        assert problem["file"] == str(HOSTILE / name)
        assert problem["message"]
    assert run.seconds < 2.0
    assert run.peak_mb < 200


def test_messages_are_vietnamese_by_default_and_name_the_line() -> None:
    run = run_text(HOSTILE / "yaml/tab_indent.yaml")
    assert "dòng 37" in run and "Tab" in run


def run_text(path: Path, *extra: str) -> str:
    from tests.conftest import PLAN
    from tests.hostile.corpus import run_kehoach

    run = run_kehoach("validate", "--plan", str(PLAN), *extra, str(path))
    assert run.exit_code == 1
    return run.stdout + run.stderr


def test_english_with_lang_en() -> None:
    text = run_text(HOSTILE / "yaml/windows1258.yaml", "--lang", "en")
    assert "Windows-1258" in text and "line 6" in text


def test_a_huge_yaml_file_is_refused_by_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("w", encoding="utf-8") as handle:
        handle.write("table:\n")
        line = "  - {code: x, name: " + "a" * 100 + "}\n"
        for _ in range(11 * 1024 * 1024 // len(line)):
            handle.write(line)
    run = validate(huge)
    _assert_clean(run.stderr)
    assert (run.exit_code, run.problems[0]["code"]) == (1, "file_too_large")
    assert run.seconds < 2.0 and run.peak_mb < 200


def test_a_yaml_list_of_millions_stops_at_the_node_limit(tmp_path: Path) -> None:
    wide = tmp_path / "wide.yaml"
    wide.write_text("table: [" + "1," * 4_000_000 + "1]\n")
    run = validate(wide)
    assert (run.exit_code, run.problems[0]["code"]) == (1, "yaml_too_many_nodes")
    assert run.seconds < 2.0 and run.peak_mb < 200
