"""The installed `kehoach` command and `python -m kehoach_cli`, run as real processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PLAN, ROOT


def _kehoach(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m kehoach_cli args…`` as a real process, without the user's settings."""
    return subprocess.run(
        [sys.executable, "-m", "kehoach_cli", *args],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=cwd,
        timeout=60,
    )


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEHOACH_")}
    env["NO_COLOR"] = "1"
    return env


# The console script beside the interpreter: kehoach on POSIX, kehoach.exe on Windows.
KEHOACH = Path(shutil.which("kehoach", path=str(Path(sys.executable).parent)) or "kehoach")


@pytest.mark.skipif(not KEHOACH.exists(), reason="the kehoach script is not installed here")
def test_console_script_validates_the_shipped_plan() -> None:
    done = subprocess.run(
        [str(KEHOACH), "validate", str(PLAN)],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Tỷ trọng bò lai" in done.stdout


def test_python_m_runs_the_same_command_and_exits_2_on_a_missing_file() -> None:
    done = _kehoach("validate", "no-such-file.yaml")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == "Không tìm thấy tệp hoặc thư mục: no-such-file.yaml"


def test_help_is_vietnamese_by_default_and_english_on_request() -> None:
    vi = _kehoach("--help")
    en = _kehoach("--lang", "en", "validate", "--help")
    assert vi.returncode == 0 and "theo dõi kế hoạch" in vi.stdout
    assert en.returncode == 0 and "Check plan or results files" in en.stdout


def test_unexpected_failure_prints_one_line_and_a_debug_hint(tmp_path) -> None:  # noqa: ANN001
    unreadable = tmp_path / "plan.yaml"
    unreadable.mkdir()  # a folder where a plan file is expected
    done = _kehoach("plan", "show", "--plan", str(unreadable), cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report"], "Thiếu tùy chọn bắt buộc --period."),
        (["report", "--period", "q2", "--colour"], "Không có tùy chọn --colour."),
        (["report", "--period", "q2", "--format"], "Tùy chọn --format cần một giá trị đi sau."),
        (["bao-cao"], "Không có lệnh 'bao-cao'. Các lệnh: validate, report,"),
        (["reprot"], "Không có lệnh 'reprot'. Có phải ý bạn là 'report'?"),
        (["plan", "shwo"], "Không có lệnh 'shwo'. Có phải ý bạn là 'show'?"),
        (["validate"], "Thiếu TỆP_HOẶC_THƯ_MỤC (tệp hoặc thư mục cần kiểm tra)."),
        (["report", "-p", "q2", "--year", "abc"], "--year cần một số nguyên, ví dụ --year 2024."),
        (["report", "-p", "q2", "--allow-invalid=1"], "Tùy chọn --allow-invalid không nhận"),
        (["plan", "show", "extra"], "Thừa đối số: extra."),
        (["--lang", "en", "report", "--perio", "q2"], "No such option: --perio."),
    ],
)
def test_usage_errors_are_worded_in_the_users_language(args: list[str], expected: str) -> None:
    done = _kehoach(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    first, hint = done.stderr.strip().splitlines()
    assert first.startswith(expected)
    assert hint.endswith("--help")


def test_help_option_line_is_in_the_users_language() -> None:
    for args, expected in (
        (["--help"], "In hướng dẫn này và thoát."),
        (["report", "--help"], "In hướng dẫn này và thoát."),
        (["plan", "show", "--help"], "In hướng dẫn này và thoát."),
        (["--lang", "en", "status", "--help"], "Show this message and exit."),
    ):
        done = _kehoach(*args)
        assert done.returncode == 0
        (line,) = [
            x for x in done.stdout.splitlines() if "--help" in x and x.strip().startswith("-h")
        ]
        assert line.strip().endswith(expected), args


POSIX_ONLY = ("resource", "fcntl", "pwd", "grp", "termios", "pty")
IMPORT_ALL = """
import importlib, pkgutil, sys
for name in sys.argv[1:]:
    sys.modules[name] = None  # as on Windows: importing it fails
import kehoach_cli
for info in pkgutil.walk_packages(kehoach_cli.__path__, "kehoach_cli."):
    if info.name != "kehoach_cli.__main__":
        importlib.import_module(info.name)
"""


def test_no_module_imports_a_posix_only_module_at_import_time() -> None:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, *POSIX_ONLY],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_the_hint_names_the_command_even_when_click_gives_no_context() -> None:
    done = _kehoach("plan", "show", "-f")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "Tùy chọn -f cần một giá trị đi sau.",
        "Xem cách dùng: kehoach plan show --help",
    ]
