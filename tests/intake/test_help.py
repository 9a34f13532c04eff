"""The new commands' help: an example each, in Vietnamese and in English."""

from __future__ import annotations

import pytest

from kehoach_cli.messages import set_lang

from ..conftest import Cli


@pytest.mark.parametrize(
    ("command", "example"),
    [
        ("receive", 'kehoach receive "BC quy 2 DCNN final (1).xlsx" --results data/results'),
        ("history", "kehoach history --indicator rice_output --period q2"),
        ("lock", "kehoach lock --period q2 --reason"),
        ("unlock", "kehoach unlock --period q2"),
    ],
)
def test_help_has_an_example(cli: Cli, command: str, example: str) -> None:
    vi = cli(command, "--help")
    assert vi.exit_code == 0
    assert f"Ví dụ: {example}" in vi.stdout
    set_lang("en")  # as `main` does for --lang en before the app (and its help) is built
    en = cli(command, "--help")
    assert f"Example: {example}" in en.stdout
