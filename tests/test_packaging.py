"""Packaging is honest: an SPDX licence with its file, minimums CI installs, pinned test tools."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest

from .conftest import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11+


def _project() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_licence_is_an_spdx_string_with_its_file() -> None:
    project = _project()
    assert project["license"] == "MIT"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert any(
        str(c).startswith("Programming Language :: Python :: 3.10") for c in project["classifiers"]
    )


def test_every_dependency_is_pinned_at_its_declared_minimum_for_ci() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "min_constraints.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    pins = dict(line.split("==") for line in done.stdout.splitlines())
    declared = [re.split(r"[<>=!~ \[;]", d, maxsplit=1)[0] for d in _project()["dependencies"]]
    assert sorted(pins) == sorted(declared)
    assert pins["typer"] == "0.26" and pins["python-calamine"] == "0.8"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/min_constraints.py" in ci and ci.count("bin/pytest") == 2


def test_the_readme_test_command_installs_the_pinned_test_tools() -> None:
    pinned = (ROOT / "constraints" / "test-tools.txt").read_text(encoding="utf-8")
    for tool in ("pytest", "hypothesis", "ruff", "mypy", "types-PyYAML"):
        assert re.search(rf"^{re.escape(tool)}==\S+$", pinned, re.M), tool
    command = '.venv/bin/pip install -e ".[test]" -c constraints/test-tools.txt && .venv/bin/pytest'
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count(command) == 2  # Vietnamese and English
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
