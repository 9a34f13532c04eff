"""Shared fixtures: the shipped data, a CLI runner, a clean language and environment."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach_cli.messages import set_lang

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PLAN = DATA / "plan_2024.yaml"
RESULTS = DATA / "results"
TESTDATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts in Vietnamese, without colour, and without the user's settings."""
    for name in list(os.environ):
        if name.startswith("KEHOACH_"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    set_lang("vi")
    from kehoach_cli.cli import app as app_module

    app_module.DEBUG = False
    yield
    set_lang("vi")


@pytest.fixture
def plan_path() -> Path:
    return PLAN


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ in a temporary folder, which is also the current directory."""
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


class Cli:
    """Runs the real Typer app in-process; stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):  # noqa: ANN204
        from kehoach_cli.cli.app import create_app

        return self.runner.invoke(create_app(), list(args), input=input, catch_exceptions=False)


@pytest.fixture
def cli() -> Cli:
    return Cli()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Windows is the officer's platform: the suite runs there, POSIX-only tests skipped."""
    if sys.platform != "win32":
        return
    skip = pytest.mark.skip(reason="POSIX only (marked posix)")
    for item in items:
        if "posix" in item.keywords:
            item.add_marker(skip)
