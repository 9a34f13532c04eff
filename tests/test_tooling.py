"""Tooling is enforced, not optional: ruff and mypy (strict on src/) must be clean, and no
dependency is used through its private modules or attributes."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff not installed")
def test_ruff_is_clean() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean() -> None:
    pytest.importorskip("mypy")
    done = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr


# A dependency's private module (``openpyxl.worksheet._writer``) or an underscored attribute of
# an object that is not kehoach's own (``cell._style``, ``ws._cells``): what a release of the
# library may change without notice.
_PRIVATE = re.compile(r"(?:from|import)\s+[\w.]*\._\w|\b(?!self\b|cls\b)[a-z]\w*\._[a-z]\w*")


def test_no_private_module_or_attribute_of_a_dependency_is_used() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _PRIVATE.search(line.split("#")[0])
    ]
    assert found == []
