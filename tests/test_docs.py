"""The README's command reference is checked against the commands (sqlite-utils style)."""

from __future__ import annotations

import re

import typer

from kehoach_cli.cli.app import create_app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, list[str]]:
    """Each command's name → its long options, as --help lists them."""
    root = typer.main.get_command(create_app())
    found: dict[str, list[str]] = {}

    def walk(command: object, prefix: str) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, f"{prefix} {name}".strip())
            return
        options = [
            opt
            for param in getattr(command, "params", [])
            for opt in getattr(param, "opts", [])
            if opt.startswith("--") and opt != "--help"
        ]
        found[prefix] = options

    walk(root, "")
    return found


def test_every_command_has_a_section_in_the_vietnamese_reference() -> None:
    for name in _commands():
        assert re.search(rf"^### `kehoach {re.escape(name)}\b", README, re.MULTILINE), name


def test_every_option_of_every_command_is_documented() -> None:
    for name, options in _commands().items():
        assert f"kehoach {name}" in README, name
        for option in options:
            if option in ("--lang", "--debug"):
                continue  # documented once for all commands
            assert f"`{option}" in README or f"[{option}" in README, f"{name} {option}"


def test_the_readme_commands_are_the_ones_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # The first command CI runs is the README's test command; the run at the declared minimums
    # comes after it.
    commands = [
        line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))
    ]
    test_command = commands[0]
    assert test_command.startswith("python3 -m venv .venv && ") and test_command.endswith("pytest")
    assert test_command in README
    assert "kehoach report --period q2" in README
