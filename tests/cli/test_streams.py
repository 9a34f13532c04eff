"""Every command, run as a process, whatever the code page: UTF-8 to pipes and files, Vietnamese
on a console where it can, and exit 141 without a word when the reader goes away."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from kehoach_cli.cli import console

from ..conftest import PLAN, RESULTS, ROOT

TODAY = ("--today", "2024-07-10")

# Each command with a text it prints (stdout, or stderr for the usage error) and its exit code.
COMMANDS = [
    (["validate", str(PLAN)], "Tỷ trọng bò lai", 0),
    (["validate", str(RESULTS)], "hợp lệ", 0),
    (["plan", "show"], "Diện tích", 0),
    (["report", "--period", "q2", *TODAY], "ỦY BAN NHÂN DÂN XÃ TRÀ BÙI", 0),
    (["report", "--period", "q2", "--format", "csv", *TODAY], "\ufeffPhần,Lĩnh vực", 0),
    (["report", "--period", "q2", "--format", "json", *TODAY], "Trà Bùi", 0),
    (["report", "--period", "q2", "--format", "markdown", *TODAY], "Đánh giá", 0),
    (["report", "--period", "q2", "--format", "html", *TODAY], "Trà Bùi", 0),
    (["status", "--period", "q2", *TODAY], "tình hình nộp báo cáo Quý II", 0),
    (["status", "--period", "q2", "--format", "json", *TODAY], "Trà Bùi", 0),
    (
        ["template", "--period", "q3", "--unit", "tram-y-te", "--output", "{tmp}/f.xlsx"],
        "Đã ghi",
        0,
    ),
    (["--help"], "Tùy chọn:", 0),
    (["report", "--help"], "Kỳ báo cáo", 0),
    (["reprot"], "Không có lệnh", 2),
]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KEHOACH_", "PYTHONIO"))}
    env.update(NO_COLOR="1", **extra)
    return env


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "kehoach_cli", *args], cwd=ROOT, timeout=120, **kwargs
    )


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252"])
@pytest.mark.parametrize(("args", "expected", "code"), COMMANDS, ids=lambda v: str(v)[:40])
def test_every_command_writes_utf8_to_a_pipe_whatever_the_code_page(
    encoding: str, args: list[str], expected: str, code: int, tmp_path: Path
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    done = _run(args, capture_output=True, env=_env(PYTHONIOENCODING=encoding))
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert done.returncode == code, err
    assert expected in (out if code == 0 else err)
    assert "UnicodeEncodeError" not in err


def test_a_narrow_console_shows_vietnamese_as_near_as_it_can(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Console(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    text = "Ủy ban nhân dân xã Trà Bùi — Tỷ lệ hoàn thành 39,83 %: Vượt kế hoạch\n"
    for encoding, shown in (
        ("cp1258", text),  # every letter, as a base letter and its combining marks
        ("cp1252", "Uy ban nhân dân xã Trà Bùi — Ty lê hoàn thành 39,83 %: Vuot kê hoach\n"),
        ("ascii", "Uy ban nhan dan xa Tra Bui - Ty le hoan thanh 39,83 %: Vuot ke hoach\n"),
    ):
        raw = io.BytesIO()
        screen = Console(raw, encoding=encoding, write_through=True)
        monkeypatch.setattr(sys, "stdout", screen)
        console.setup_streams()
        screen.write(text)
        assert unicodedata.normalize("NFC", raw.getvalue().decode(encoding)) == shown, encoding


def test_a_redirected_stream_becomes_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp1258"))
    console.setup_streams()
    sys.stdout.write("Ủy ban")
    sys.stdout.flush()
    assert raw.getvalue() == "Ủy ban".encode()


def test_the_nearest_handler_is_only_for_encoding() -> None:
    handler = console.nearest_handler("cp1252")
    assert "Đã ghi – 3 tệp".encode("cp1252", errors=handler) == "Dã ghi – 3 têp".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        b"\x81".decode("cp1252", errors=handler)


PIPED = [
    ["status", "--period", "q2", *TODAY],
    ["plan", "show"],
    ["validate", str(RESULTS)],
    ["report", "--period", "q2", *TODAY],
    ["report", "--period", "q2", "--format", "csv", *TODAY],
    ["--help"],
]


@pytest.mark.parametrize("args", PIPED, ids=" ".join)
def test_a_reader_that_went_away_gives_141_and_no_message(args: list[str]) -> None:
    """`kehoach … | head -1` with head gone before kehoach writes: BrokenPipeError."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _run(args, stdout=write_end, stderr=subprocess.PIPE, env=_env())
    finally:
        os.close(write_end)
    assert done.returncode == 141, done.stderr.decode()
    assert done.stderr == b""


WINDOWS_PIPE = """
import errno, io, os, stat, sys
class ClosedPipe(io.FileIO):
    def write(self, data):
        if stat.S_ISCHR(os.fstat(self.fileno()).st_mode):  # the null device, once kehoach's
            return super().write(data)
        raise OSError(errno.EINVAL, "Invalid argument")
sys.stdout = io.TextIOWrapper(io.BufferedWriter(ClosedPipe(os.dup(1), "w")), encoding="cp1258")
from kehoach_cli.cli.app import main
main(sys.argv[1:])
"""


@pytest.mark.parametrize("args", PIPED[:4], ids=" ".join)
def test_windows_closed_pipe_einval_gives_141_and_no_message(args: list[str]) -> None:
    """Windows raises OSError EINVAL, not BrokenPipeError, when the reader is gone."""
    done = subprocess.run(
        [sys.executable, "-c", WINDOWS_PIPE, *args],
        cwd=ROOT,
        capture_output=True,
        env=_env(),
        timeout=120,
    )
    assert done.returncode == 141, done.stderr.decode()
    assert done.stderr == b""


def test_einval_on_a_file_name_is_not_a_closed_pipe() -> None:
    bad_name = OSError(22, "Invalid argument", "bao-cao?.xlsx")
    assert not console.reader_went_away(bad_name)
    assert console.reader_went_away(BrokenPipeError())


@pytest.mark.posix
def test_a_closed_stdout_still_writes_the_file_and_never_a_traceback(tmp_path: Path) -> None:
    """`kehoach report -o q2.xlsx >&-` (cron lines sometimes close stdout): Python has no
    sys.stdout at all; the report is still written and nothing is said on stderr."""
    out = tmp_path / "q2.xlsx"
    done = subprocess.run(
        ["/bin/sh", "-c", '"$0" -m kehoach_cli "$@" >&-', sys.executable]
        + ["report", "--period", "q2", *TODAY, "--output", str(out)],
        cwd=ROOT,
        timeout=120,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert done.returncode == 0, done.stderr.decode()
    assert b"Traceback" not in done.stderr and done.stderr == b""
    assert out.stat().st_size > 0
