"""Help pages and usage errors read well: headings in the user's language, no internal
notation, every format listed, -q doing what its help says, FORCE_COLOR, shell completion."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
import typer

from kehoach_cli.cli import console
from kehoach_cli.cli.app import create_app
from kehoach_cli.messages import set_lang
from kehoach_cli.render import REPORT_RENDERERS

from ..conftest import PLAN, RESULTS, ROOT, Cli

HEADINGS = {
    "vi": ("Cách dùng: kehoach", "Tùy chọn:", "Lệnh:"),
    "en": ("Usage: kehoach", "Options:", "Commands:"),
}
INTERNAL = ("<list", "<str>", "<int>", "<path>", "{", "OUTPUT_FORMAT", "...]...", "_FORMAT")


def _command_paths() -> list[list[str]]:
    """Every command and group, as the words typed before --help (commands added later too)."""
    found: list[list[str]] = [[]]

    def walk(command: object, prefix: list[str]) -> None:
        for name, sub in (getattr(command, "commands", None) or {}).items():
            found.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(typer.main.get_command(create_app()), [])
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_help_page_is_in_the_users_language_without_internal_notation(
    cli: Cli, lang: str
) -> None:
    set_lang(lang)
    usage, options, commands = HEADINGS[lang]
    for words in _command_paths():
        result = cli(*words, "--help")
        assert result.exit_code == 0, words
        page = result.stdout
        assert page.startswith(f"{usage}{' ' if words else ''}{' '.join(words)}"), page[:80]
        assert f"\n{options}\n" in page, words
        has_commands = not words or words == ["plan"]
        assert (f"\n{commands}\n" in page) == has_commands, words
        for notation in INTERNAL:
            assert notation not in page, (words, notation)
        if lang == "vi":
            for english in ("Usage", "Options", "Show this", "[required]", "[default"):
                assert english not in page, (words, english)


def test_validate_help_names_its_argument_the_way_the_readme_does(cli: Cli) -> None:
    page = cli("validate", "--help").stdout
    assert page.startswith("Cách dùng: kehoach validate [TÙY_CHỌN] TỆP_HOẶC_THƯ_MỤC...\n")
    assert "\nĐối số:\n  TỆP_HOẶC_THƯ_MỤC...  Tệp hoặc thư mục cần kiểm tra.  [bắt buộc]\n" in page


def test_the_command_list_is_never_cut_short(cli: Cli) -> None:
    page = cli("--help").stdout
    assert "..." not in page.split("Lệnh:")[1]
    assert "tiến độ, đánh giá, xếp hạng thi đua." in " ".join(page.split())


def test_report_help_lists_every_format(cli: Cli) -> None:
    page = " ".join(cli("report", "--help").stdout.split())
    assert "-f, --format ĐỊNH_DẠNG Định dạng: " + ", ".join(REPORT_RENDERERS) in page


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("KEHOACH_", "NO_COLOR"))}
    return subprocess.run(
        [sys.executable, "-m", "kehoach_cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**clean, **env},
        timeout=120,
    )


def test_force_color_is_honoured_and_no_color_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = _run("plan", "show", FORCE_COLOR="1")
    assert coloured.returncode == 0 and "\x1b[" in coloured.stdout
    plain = _run("plan", "show", FORCE_COLOR="1", NO_COLOR="1")
    assert plain.returncode == 0 and "\x1b[" not in plain.stdout
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert console.fancy()
    monkeypatch.setenv("FORCE_COLOR", "")
    assert not console.fancy()  # stdout is not a terminal under pytest


def test_shell_completion_can_be_installed_and_completes() -> None:
    script = _run("--show-completion", "bash")
    assert script.returncode == 0 and "_KEHOACH_COMPLETE" in script.stdout
    done = _run(_KEHOACH_COMPLETE="complete_bash", COMP_WORDS="kehoach rep", COMP_CWORD="1")
    assert done.stdout.split() == ["report"]
    page = _run("--help").stdout
    assert "--install-completion" in page and "Cài gợi ý lệnh khi nhấn Tab" in page


def test_quiet_validate_prints_nothing_when_all_is_well(cli: Cli) -> None:
    result = cli("validate", "--plan", str(PLAN), "-q", str(RESULTS))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    loud = cli("validate", "--plan", str(PLAN), str(RESULTS))
    assert "hợp lệ" in loud.stdout


def test_quiet_report_and_template_print_nothing_when_writing_a_file(
    cli: Cli, tmp_path: Path
) -> None:
    common = ("--plan", str(PLAN), "--period", "q2", "--today", "2024-07-10")
    report = cli("report", *common, "--results", str(RESULTS), "-o", str(tmp_path / "r.csv"), "-q")
    assert (report.exit_code, report.stdout, report.stderr) == (0, "", "")
    form = cli("template", *common, "--unit", "dcnn", "-o", str(tmp_path / "f.xlsx"), "-q")
    assert (form.exit_code, form.stdout, form.stderr) == (0, "", "")
    assert (tmp_path / "r.csv").stat().st_size > 0 and (tmp_path / "f.xlsx").stat().st_size > 0


def test_quiet_status_prints_only_the_units_to_chase(cli: Cli, tmp_path: Path) -> None:
    args = ("status", "--plan", str(PLAN), "--period", "q2", "--today", "2024-07-10", "-q")
    assert cli(*args, "--results", str(RESULTS)).stdout == ""
    empty = tmp_path / "results"
    empty.mkdir()
    lines = cli(*args, "--results", str(empty)).stdout.splitlines()
    assert len(lines) == 6 and all("Quý II năm 2024" in line for line in lines)


def test_a_command_registered_later_reads_the_same_way() -> None:
    """A new command (receive, history, lock…) registered as the others gets the same help."""
    from typer.testing import CliRunner

    from kehoach_cli.cli.app import _localize_help_option

    app = typer.Typer(name="kehoach", add_completion=False, rich_markup_mode=None)  # as create_app

    @app.command("receive", help="Nhận tệp kết quả.")
    def receive(
        paths: Annotated[list[Path], typer.Argument(help="Tệp nhận về.")],
        output_format: Annotated[str, typer.Option("--format", help="Định dạng.")] = "table",
    ) -> None:
        """Nothing to do."""

    @app.command("history")
    def history() -> None:
        """Nothing to do."""

    _localize_help_option(app)
    page = CliRunner().invoke(app, ["receive", "--help"], prog_name="kehoach").stdout
    assert page.startswith("Cách dùng: kehoach receive [TÙY_CHỌN] PATHS...\n")
    assert "--format GIÁ_TRỊ  Định dạng." in page and "[bắt buộc]" in page
    for notation in INTERNAL:
        assert notation not in page
