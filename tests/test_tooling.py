"""Tooling is enforced, not optional: ruff and mypy (strict on src/) must be clean, and no
dependency is used through its private modules or attributes."""

from __future__ import annotations

import ast
import importlib.util
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
# library may change without notice. Read from the syntax tree, so comments and docstrings do not
# count; names imported from kehoach's own modules (relative imports), self and cls are its own.
def _private_uses(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    own = {"self", "cls"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            own.update(alias.asname or alias.name for alias in node.names)
    found = []
    for node in ast.walk(tree):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        found += [(node.lineno, m) for m in modules if _is_private(m) and "kehoach_cli" not in m]
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            if not (isinstance(node.value, ast.Name) and node.value.id in own):
                found.append((node.lineno, ast.unparse(node)))
    return found


def _is_private(dotted: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in dotted.split("."))


def test_no_private_module_or_attribute_of_a_dependency_is_used() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for line, what in _private_uses(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_private_use_check_finds_what_the_xlsx_renderer_used_to_do() -> None:
    used = (
        "from openpyxl.worksheet._writer import WorksheetWriter\n"
        "cell._style = copy(ws._cells[1, 1]._style)\n"
    )
    assert [what for _, what in _private_uses(used)] == [
        "openpyxl.worksheet._writer",
        "openpyxl.worksheet._writer.WorksheetWriter",
        "cell._style",
        "ws._cells[1, 1]._style",
        "ws._cells",
    ]
    assert _private_uses('from .x import y\ny._z = 1\nself._a = 2\n"""doc: app._b"""\n') == []
