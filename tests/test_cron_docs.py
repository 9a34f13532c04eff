"""docs/cron.md: every documented command line runs against the sample data, as cron would.

Each crontab line and each systemd ``ExecStart=`` is run in a copy of ``data/`` standing in for
``/srv/kehoach``, with the documented environment, in a subprocess without a terminal, on a fixed
day (``--today``) so the result does not depend on the calendar. A line using a command or an
option that kehoach does not have yet is skipped, with the reason.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA, ROOT

DOC = ROOT / "docs" / "cron.md"
SERVE = "/srv/kehoach"
INSTALL = "/opt/kehoach/.venv/bin/"
DAY = "2024-09-17"  # Q3 2024's deadline day: `current` is 2024Q3, --only-on-deadline runs

_CRON = re.compile(r"^\s*([\d*,/-]+\s+){5}(?P<command>.+)$")
_BLOCK = re.compile(r"```(crontab|ini)\n(.*?)```", re.DOTALL)


def documented_lines() -> list[tuple[str, str]]:
    """``(kind, line)`` for each crontab command and each ExecStart, in document order."""
    found: list[tuple[str, str]] = []
    for kind, body in _BLOCK.findall(DOC.read_text(encoding="utf-8")):
        for line in body.splitlines():
            if kind == "crontab" and not line.lstrip().startswith("#"):
                match = _CRON.match(line)
                if match:
                    found.append(("cron", match.group("command").strip()))
            elif kind == "ini" and line.startswith("ExecStart="):
                found.append(("systemd", line.removeprefix("ExecStart=").strip()))
    return found


def environment_of(kind: str) -> dict[str, str]:
    """The variables the document sets for cron (``NAME=value``) or systemd (``Environment=``)."""
    env: dict[str, str] = {}
    for block_kind, body in _BLOCK.findall(DOC.read_text(encoding="utf-8")):
        for line in body.splitlines():
            if kind == "cron" and block_kind == "crontab":
                match = re.fullmatch(r"([A-Z_]+)=(.*)", line.strip())
            elif kind == "systemd" and block_kind == "ini":
                match = re.fullmatch(r"Environment=([A-Z_]+)=(.*)", line.strip())
            else:
                match = None
            if match:
                env[match.group(1)] = match.group(2)
    return env


LINES = documented_lines()


def test_the_document_has_cron_and_systemd_lines_for_reports_and_status() -> None:
    kinds = {(kind, "status" if " status " in line else "report") for kind, line in LINES}
    assert kinds == {
        ("cron", "report"),
        ("cron", "status"),
        ("systemd", "report"),
        ("systemd", "status"),
    }


@pytest.mark.parametrize("kind", ["cron", "systemd"])
def test_the_documented_environment(kind: str) -> None:
    env = environment_of(kind)
    assert env["LANG"] == "C.UTF-8"
    assert env["KEHOACH_PLAN"] == f"{SERVE}/data/plan_2024.yaml"
    assert env["PATH"].split(":")[0] == INSTALL.rstrip("/")


def _invocations(line: str) -> list[list[str]]:
    """The argument lists of each ``kehoach`` call in a (shell) line."""
    calls: list[list[str]] = []
    for part in re.split(r"&&|;|\|\|", line):
        try:
            words = shlex.split(part)
        except ValueError:  # a split inside quotes (sh -c '…; …'): no kehoach call there
            continue
        if words and Path(words[0]).name == "kehoach":
            calls.append(words[1:])
    return calls


def _missing_features(line: str) -> list[str]:
    """What the line needs that this kehoach lacks: a command, or an option of a command."""
    import typer.main

    from kehoach_cli.cli.app import create_app

    group = typer.main.get_command(create_app())
    commands = getattr(group, "commands", {})
    missing: list[str] = []
    for args in _invocations(line):
        name = args[0]
        command = commands.get(name)
        if command is None:
            missing.append(f"the `kehoach {name}` command")
            continue
        known = {opt for param in command.params for opt in param.opts}
        missing += [
            f"`kehoach {name} {arg}`"
            for arg in args[1:]
            if arg.startswith("-") and arg.split("=")[0] not in known
        ]
    return missing


@pytest.mark.posix  # runs the lines with /bin/sh, as cron does
@pytest.mark.parametrize(("kind", "line"), LINES, ids=[f"{k}:{line[-70:]}" for k, line in LINES])
def test_documented_line_runs_on_the_sample_data(kind: str, line: str, tmp_path: Path) -> None:
    missing = _missing_features(line)
    if missing:
        pytest.skip("not in kehoach yet: " + ", ".join(missing))
    serve = tmp_path / "srv"
    shutil.copytree(DATA, serve / "data")
    (serve / "log").mkdir()  # made once, as "Người dùng và quyền" says
    bin_dir = str(Path(sys.executable).parent)
    command = line.replace(INSTALL, bin_dir + "/").replace(SERVE, str(serve))
    # A fixed day: insert --today right after each kehoach subcommand.
    command = re.sub(r"\b(kehoach (?:report|status))\b", rf"\1 --today {DAY}", command)
    env = {
        key: value.replace(INSTALL.rstrip("/"), bin_dir).replace(SERVE, str(serve))
        for key, value in environment_of(kind).items()
        if key != "SHELL" and key != "MAILTO"
    }
    env["HOME"] = str(tmp_path)
    if kind == "cron":
        done = subprocess.run(
            ["/bin/sh", "-c", command],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
    else:
        done = subprocess.run(
            shlex.split(command),
            env=env,
            cwd=serve,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
    is_status = " status " in f" {line} "
    allowed = {0, 3} if is_status else {0}
    assert done.returncode in allowed, done.stdout + done.stderr
    assert done.stderr == ""
    assert "\x1b[" not in done.stdout
    if is_status and done.returncode == 3:
        assert done.stdout.strip(), "exit 3 must say who is missing or late"
    if not is_status:
        _check_report_output(line, serve)
    if ">> log/" in line:
        _check_logs(line, serve)


def _check_logs(line: str, serve: Path) -> None:
    """Without a mail server the output goes to log/kehoach.log, a failure to log/that-bai.log."""
    log = (serve / "log" / "kehoach.log").read_text(encoding="utf-8")
    failed = serve / "log" / "that-bai.log"
    assert "Traceback" not in log and "Lỗi" not in log
    if " status " in line:  # on the deadline day THCS has not reported yet: exit 3
        assert "THCS" in log
        assert "status: mã thoát 3, " in failed.read_text(encoding="utf-8")
    else:  # --quiet: a report written without a word, and no failure
        assert log == "" and not failed.exists()


@pytest.mark.posix
def test_the_failure_unit_writes_the_failure_log(tmp_path: Path) -> None:
    (line,) = [line for kind, line in LINES if kind == "systemd" and "that-bai" in line]
    (tmp_path / "log").mkdir()
    command = line.replace("%i", "kehoach-status.service").replace(SERVE, str(tmp_path))
    done = subprocess.run(shlex.split(command), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    written = (tmp_path / "log" / "that-bai.log").read_text(encoding="utf-8")
    assert "kehoach-status.service thất bại" in written


def _check_report_output(line: str, serve: Path) -> None:
    from datetime import date

    from kehoach_cli.plan.io import load_plan
    from kehoach_cli.report.schedule import output_name, resolve_period

    for args in _invocations(line):
        options = dict(zip(args[1::2], args[2::2], strict=False))
        plan = load_plan(serve / "data" / "plan_2024.yaml")
        period = resolve_period(options.get("--period", "current"), plan, date.fromisoformat(DAY))
        folder = Path(options["--output-dir"].replace(SERVE, str(serve)))
        if not folder.is_absolute():
            folder = serve / folder
        produced = folder / output_name(period, options.get("--format", "xlsx"))
        assert produced.is_file(), f"{produced} was not written"


def test_env_has_no_kehoach_settings_leaking_in() -> None:
    # The subprocesses get only the documented environment, not the developer's.
    assert not any(name.startswith("KEHOACH_") for name in os.environ)


WINDOWS = ROOT / "docs" / "windows.md"
_SCHTASKS = re.compile(r'^schtasks /Create .*?/TR "cmd /c cd /d (?P<dir>\S+) && (?P<run>.*)"$')


def _schtasks_lines() -> list[re.Match[str]]:
    text = WINDOWS.read_text(encoding="utf-8")
    return [m for line in text.splitlines() if (m := _SCHTASKS.match(line.strip()))]


def test_windows_task_scheduler_lines_equal_the_crontab() -> None:
    """docs/windows.md's schtasks lines run the same kehoach commands as the crontab, each
    starting in the kehoach folder and appending to the log file."""
    crontab = [
        args for kind, line in LINES if kind == "cron" for args in _invocations(line.split(">>")[0])
    ]
    tasks = _schtasks_lines()
    assert len(tasks) == len(crontab) == 5
    windows = []
    for task in tasks:
        assert task.group("dir") == r"D:\kehoach"
        run, _, log = task.group("run").partition(" >> ")
        assert log == r"log\kehoach.log 2>&1"
        program, *args = shlex.split(run, posix=False)
        assert program == r".venv\Scripts\kehoach.exe"
        windows.append(args)
    assert windows == crontab


def test_the_readme_links_the_windows_guide() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/windows.md" in readme
    text = WINDOWS.read_text(encoding="utf-8")
    for needle in ("Add python.exe to PATH", "py -m venv .venv", r".venv\Scripts\kehoach"):
        assert needle in text
