"""At 80 columns the terminal report stays readable: status words and units whole, numbers
whole, no line longer than the terminal; status and plan show leave no trailing spaces."""

from __future__ import annotations

import json
import re

import pytest

from ..conftest import PLAN, RESULTS, Cli

ANSI = re.compile(r"\x1b\[[0-9;]*m")
REPORT = ("report", "--plan", str(PLAN), "--results", str(RESULTS), "--today", "2024-07-10")
STATUS = ("status", "--plan", str(PLAN), "--results", str(RESULTS), "--today", "2024-09-25")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("period", ["q2", "year"])
def test_report_at_80_columns_keeps_status_words_and_units_whole(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, lang: str, period: str
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = cli(*REPORT, "--period", period, "--lang", lang).stdout
    data = json.loads(cli(*REPORT, "--period", period, "--lang", lang, "-f", "json").stdout)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)
    table = text.split("\n\n")[1].splitlines()
    by_code = {item["code"]: item for item in data["indicators"]}
    shown = [by_code[row["code"]] for row in data["rows"] if row["code"]]  # rice twice
    labels = [item["status_label"] for item in shown]
    for label in set(labels):  # each row's label whole on one of its lines
        assert sum(label in line for line in table) == labels.count(label), label
    units = [item["unit"] for item in shown if " " in item["unit"]]
    assert units  # "Học sinh"
    for unit in set(units):
        assert sum(unit in line for line in table) == units.count(unit), unit


@pytest.mark.parametrize("colour", ["", "1"])
@pytest.mark.parametrize("columns", ["80", "160"])
@pytest.mark.parametrize(
    "args",
    [("plan", "show", "--plan", str(PLAN)), (*STATUS, "--period", "q3")],
    ids=["plan show", "status"],
)
def test_no_trailing_spaces_on_any_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], columns: str, colour: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    if colour:
        monkeypatch.delenv("NO_COLOR")
        monkeypatch.setenv("FORCE_COLOR", colour)
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert ("\x1b[" in result.stdout) == bool(colour)
    for line in ANSI.sub("", result.stdout).splitlines():
        assert line == line.rstrip(), repr(line)


def test_status_at_80_columns_on_a_terminal_keeps_each_state_whole(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    text = ANSI.sub("", cli(*STATUS, "--period", "q3").stdout)
    lines = text.splitlines()
    for state in ("Đúng hạn", "Chưa nộp", "Nộp muộn 2"):  # wrapped only between words
        assert any(state in line for line in lines), state
    table = text[text.index("━") :].split("\n\n")[0].splitlines()
    assert all(len(line) <= 80 for line in table)
