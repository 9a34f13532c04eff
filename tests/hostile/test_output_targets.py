"""Where `report` and `template` may write: one test per refusal, --force, stdout, write failures.

Each refusal is exit 2 with one line on stderr naming the target, and the target unchanged.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from kehoach_cli.safety import output as output_module

from ..conftest import Cli

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX files and signals")
Q2 = Path("data/results/2024-q2")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(result: object, target: Path | str, *words: str) -> None:
    err = result.stderr  # type: ignore[attr-defined]
    assert result.exit_code == 2, err  # type: ignore[attr-defined]
    assert err.count("\n") == 1, err
    assert str(Path(target)) in err, err  # as the platform writes it
    assert "không mong đợi" not in err and "Traceback" not in err
    for word in words:
        assert word in err, err


def _report(cli: Cli, *args: str) -> object:
    return cli("report", "--period", "q2", *args)


def _template(cli: Cli, target: Path | str, *args: str) -> object:
    return cli("template", "--period", "q2", "--unit", "dcnn", "-o", str(target), *args)


# 1. A file this run read, the copies dropped as duplicates included (never, even --force).
def test_report_refuses_a_duplicate_copy_it_read(cli: Cli, workdir: Path) -> None:
    folder = workdir / "elsewhere"
    shutil.copytree(Q2, folder)
    copy = folder / "dcnn-copy.csv"
    shutil.copy("data/results/examples/csv/2024-q2/dcnn.csv", copy)
    before = _sha(copy)
    for extra in ((), ("--force",)):
        result = _report(cli, "-r", str(folder), "-f", "csv", "-o", str(copy), *extra)
        _refused(result, copy, "tệp đầu vào")
    assert _sha(copy) == before


def test_report_refuses_the_results_file_it_was_given(cli: Cli, workdir: Path) -> None:
    single = workdir / "dcnn.csv"
    shutil.copy("data/results/examples/csv/2024-q2/dcnn.csv", single)
    before = _sha(single)
    result = _report(cli, "-r", str(single), "-f", "csv", "-o", str(single), "--force")
    _refused(result, single, "tệp đầu vào")
    assert _sha(single) == before


# 2. The plan (report: test_report_output.py; template under any name: test_template.py).
def test_template_refuses_the_plan_even_with_force(cli: Cli, workdir: Path) -> None:
    plan = workdir / "plan.xlsx"
    shutil.copy("data/plan_2024.yaml", plan)
    result = _template(cli, plan, "--plan", str(plan), "--force")
    _refused(result, plan, "tệp kế hoạch")
    assert plan.read_bytes() == Path("data/plan_2024.yaml").read_bytes()


# 3. A results file under the results folder, read or not by this run (never, even --force).
@pytest.mark.parametrize(
    "target",
    [
        "data/results/2024-q1/dcnn.xlsx",
        "data/results/examples/csv/2024-q2/dcnn.csv",
        "data/results/examples/yaml/2024-q2/dcnn.yaml",
        "data/results/2024-q3/new.ods",
    ],
)
def test_report_refuses_the_results_tree(cli: Cli, workdir: Path, target: str) -> None:
    path = Path(target)
    before = _sha(path) if path.exists() else None
    result = _report(cli, "-r", str(Q2), "-f", "csv", "-o", target, "--force")
    _refused(result, target, "thư mục kết quả")
    assert (_sha(path) if path.exists() else None) == before


def test_template_refuses_a_form_in_the_results_tree(cli: Cli, workdir: Path) -> None:
    target = Path("data/results/2024-q1/vhxh.xlsx")
    before = _sha(target)
    _refused(_template(cli, target, "--force"), target, "thư mục kết quả")
    assert _sha(target) == before


# 4. Report: an existing file that is not an earlier kehoach report of the same format.
FORMATS = {
    "table": "txt",
    "json": "json",
    "csv": "csv",
    "markdown": "md",
    "html": "html",
    "xlsx": "xlsx",
    "docx": "docx",
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_report_replaces_its_own_earlier_output_but_no_other_file(
    cli: Cli, workdir: Path, fmt: str
) -> None:
    target = workdir / f"bao-cao.{FORMATS[fmt]}"
    # An earlier report, in English: a Vietnamese run replaces it without --force.
    assert _report(cli, "-f", fmt, "-o", str(target), "--lang", "en").exit_code == 0
    result = _report(cli, "-f", fmt, "-o", str(target), "-q")
    assert result.exit_code == 0, result.stderr
    # A file someone else wrote, or a report of another format, is refused without --force.
    other_format = "json" if fmt != "json" else "csv"
    assert _report(cli, "-f", other_format, "-o", str(workdir / "x")).exit_code == 0
    shutil.copy(workdir / "x", target)
    before = _sha(target)
    _refused(_report(cli, "-f", fmt, "-o", str(target)), target, "--force")
    assert _sha(target) == before
    result = _report(cli, "-f", fmt, "-o", str(target), "--force", "-q")
    assert result.exit_code == 0 and _sha(target) != before


@pytest.mark.parametrize(
    ("name", "content"),
    [("ghi-chu.txt", b"ghi ch\xc3\xba\n"), ("so-lieu.csv", b"a,b\n1,2\n"), ("du-lieu.json", b"[]")],
)
def test_report_refuses_a_users_file(cli: Cli, workdir: Path, name: str, content: bytes) -> None:
    target = workdir / name
    target.write_bytes(content)
    _refused(_report(cli, "-o", str(target)), target, "không phải là báo cáo")
    assert target.read_bytes() == content


def test_report_output_dir_refuses_a_foreign_file_of_that_name(cli: Cli, workdir: Path) -> None:
    (workdir / "out").mkdir()
    target = workdir / "out" / "2024Q2-tong-hop.csv"
    target.write_text("của tôi\n", encoding="utf-8")
    _refused(_report(cli, "-f", "csv", "--output-dir", "out"), "2024Q2-tong-hop.csv")
    assert target.read_text(encoding="utf-8") == "của tôi\n"


# 4'. Template: an existing file that is not an unfilled kehoach form.
def _filled_copy(workdir: Path) -> Path:
    target = workdir / "dcnn.xlsx"
    shutil.copy(Q2 / "dcnn.xlsx", target)
    return target


def _invalid_figures(workdir: Path) -> Path:
    target = workdir / "invalid.xlsx"
    book = openpyxl.load_workbook(Q2 / "dcnn.xlsx")
    sheet = book.worksheets[0]
    for row in range(12, sheet.max_row + 1):
        if isinstance(sheet.cell(row, 5).value, (int, float)):
            sheet.cell(row, 5).value = "chưa rõ"
    book.save(target)
    return target


def _other_period_text(workdir: Path) -> Path:
    target = workdir / "quy2.xlsx"
    book = openpyxl.load_workbook(Q2 / "dcnn.xlsx")
    book.worksheets[0]["C5"] = "Quý 2 năm 2024"
    book.save(target)
    return target


def _unrelated(workdir: Path) -> Path:
    target = workdir / "bang-luong.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Bảng lương tháng 6"
    book.save(target)
    return target


def _a_report(workdir: Path) -> Path:
    target = workdir / "bao-cao.xlsx"
    from kehoach_cli.cli.app import main

    with pytest.raises(SystemExit):
        main(["report", "-p", "q2", "-o", str(target), "-q"])
    return target


@pytest.mark.parametrize(
    "make", [_filled_copy, _invalid_figures, _other_period_text, _unrelated, _a_report]
)
def test_template_replaces_only_an_unfilled_form(cli: Cli, workdir: Path, make: object) -> None:
    target = make(workdir)  # type: ignore[operator]
    before = _sha(target)
    _refused(_template(cli, target), target, "biểu mẫu trống", "--force")
    assert _sha(target) == before
    assert _template(cli, target, "--force", "-q").exit_code == 0
    assert _sha(target) != before


def test_template_replaces_an_unfilled_form_without_force(cli: Cli, workdir: Path) -> None:
    target = workdir / "form.xlsx"
    assert _template(cli, target).exit_code == 0
    result = cli("template", "--period", "q3", "--unit", "dcnn", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert openpyxl.load_workbook(target).worksheets[0]["C5"].value == "2024Q3"


# 5. Not a regular file: a folder, a device, a FIFO (never, even --force).
def test_a_folder_is_refused(cli: Cli, workdir: Path) -> None:
    (workdir / "out.csv").mkdir()
    _refused(_report(cli, "-o", "out.csv", "--force"), "out.csv", "thư mục")
    (workdir / "f.xlsx").mkdir()
    _refused(_template(cli, "f.xlsx", "--force"), "f.xlsx", "thư mục")


@POSIX
def test_a_device_is_refused_and_left_a_device(cli: Cli, workdir: Path) -> None:
    for target in ("/dev/null", "/dev/stdout"):
        _refused(_report(cli, "-f", "csv", "-o", target, "--force"), target, "tệp thường")
    assert Path("/dev/null").is_char_device()


@POSIX
def test_a_fifo_is_refused_and_template_never_hangs(workdir: Path) -> None:
    fifo = workdir / "pipe.xlsx"
    os.mkfifo(fifo)
    for command in ("template", "report"):
        done = subprocess.run(
            [sys.executable, "-m", "kehoach_cli", command, "-p", "q2", "-o", str(fifo)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=workdir,
            env={**os.environ, "NO_COLOR": "1"},
        )
        assert done.returncode == 2, done.stderr
        assert "tệp thường" in done.stderr and done.stderr.count("\n") == 1
    assert fifo.is_fifo()


# 6. `-o -`: text formats to standard output; binary ones refused.
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown", "html"])
def test_dash_writes_text_formats_to_stdout(cli: Cli, workdir: Path, fmt: str) -> None:
    on_screen = _report(cli, "-f", fmt, "--today", "2024-07-01")
    dashed = _report(cli, "-f", fmt, "--today", "2024-07-01", "-o", "-")
    assert dashed.exit_code == 0 and dashed.stdout == on_screen.stdout  # type: ignore[attr-defined]
    assert not (workdir / "-").exists()


def test_dash_refuses_binary_formats(cli: Cli, workdir: Path) -> None:
    for fmt in ("xlsx", "docx"):
        result = _report(cli, "-f", fmt, "-o", "-")
        assert result.exit_code == 2 and "--output" in result.stderr  # type: ignore[attr-defined]
    result = _template(cli, "-")
    assert result.exit_code == 2 and "Excel" in result.stderr  # type: ignore[attr-defined]
    assert not (workdir / "-").exists()


# 7. Write failures: exit 2, one line naming the file and what to do.
def test_a_parent_that_is_a_file(cli: Cli, workdir: Path) -> None:
    (workdir / "notes").write_text("x", encoding="utf-8")
    _refused(_report(cli, "-o", "notes/q2.csv"), "notes", "không phải thư mục")
    _refused(_template(cli, "notes/f.xlsx"), "notes", "không phải thư mục")
    result = _report(cli, "-f", "csv", "--output-dir", "notes/out")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert str(Path("notes/out")) in result.stderr  # type: ignore[attr-defined]


def test_permission_denied(cli: Cli, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: the tests may run as root, for whom a read-only folder is writable.
    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output_module.tempfile, "mkstemp", denied)
    _refused(_report(cli, "-o", "q2.csv"), "q2.csv", "không có quyền ghi")
    _refused(_template(cli, "f.xlsx"), "f.xlsx", "không có quyền ghi")


def test_no_space_left(cli: Cli, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output_module.os, "fsync", full)
    _refused(_report(cli, "-o", "q2.md"), "q2.md", "đĩa đã đầy")
    _refused(_template(cli, "f.xlsx"), "f.xlsx", "đĩa đã đầy")
    assert sorted(p.name for p in workdir.iterdir()) == ["data"]  # no temporary file


# 8. A target held by another program (Windows: a report open in Excel/Word).
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_locked_target_is_retried_then_refused(
    cli: Cli, workdir: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    target = workdir / "bao-cao.xlsx"
    assert _report(cli, "-o", str(target), "-q").exit_code == 0
    before = _sha(target)
    tries: list[str] = []
    pauses: list[float] = []

    def locked(src: str, dst: str) -> None:
        tries.append(dst)
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(output_module.os, "replace", locked)
    monkeypatch.setattr(output_module.time, "sleep", pauses.append)
    result = _report(cli, "-o", str(target), "--lang", lang)
    words = ("Excel/Word", "đóng tệp bao-cao.xlsx") if lang == "vi" else ("Close the file",)
    _refused(result, target, *words)
    assert len(tries) == 3 and len(pauses) == 2 and sum(pauses) < 2
    assert _sha(target) == before
    assert sorted(p.name for p in workdir.iterdir()) == ["bao-cao.xlsx", "data"]


def test_a_lock_that_goes_away_is_waited_for(
    cli: Cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace
    tries: list[str] = []

    def briefly_locked(src: str, dst: str) -> None:
        tries.append(dst)
        if len(tries) < 2:  # an antivirus scan, over a moment later
            raise PermissionError(13, "The process cannot access the file")
        real(src, dst)

    monkeypatch.setattr(output_module.os, "replace", briefly_locked)
    monkeypatch.setattr(output_module.time, "sleep", lambda seconds: None)
    assert _template(cli, "f.xlsx", "-q").exit_code == 0
    assert len(tries) == 2 and (workdir / "f.xlsx").is_file()


# 9. SIGTERM and SIGHUP during a write: no temporary file, the previous output intact.
@POSIX
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_mid_write_leaves_the_previous_output(tmp_path: Path, name: str) -> None:
    signum = getattr(signal, name)
    target = tmp_path / "2024Q2-tong-hop.csv"
    output_module.write_atomic(target, "bản cũ\n")
    handler_before = signal.getsignal(signum)

    def pieces() -> object:
        yield "bản mới, nửa chừng\n"
        os.kill(os.getpid(), signum)
        yield "không bao giờ tới\n"

    with pytest.raises(SystemExit) as caught:
        output_module.write_atomic(target, pieces())  # type: ignore[arg-type]
    assert caught.value.code == 128 + signum
    assert target.read_text(encoding="utf-8") == "bản cũ\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert signal.getsignal(signum) == handler_before


@POSIX
def test_sigterm_to_a_running_report_leaves_no_temporary_file(workdir: Path) -> None:
    """The real process: killed while it writes (or before), never a half file or a .tmp."""
    target = workdir / "bao-cao.json"
    target.write_text("{}", encoding="utf-8")
    args = [sys.executable, "-m", "kehoach_cli", "report", "-p", "q2", "-f", "json"]
    args += ["--today", "2024-07-01"]  # the same report, whichever run finishes
    assert subprocess.run([*args, "-o", str(target), "--force", "-q"], cwd=workdir).returncode == 0
    before = _sha(target)
    for delay in (0.3, 0.6, 0.9):
        run = subprocess.Popen([*args, "-o", str(target), "-q"], cwd=workdir)
        try:
            run.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            run.send_signal(signal.SIGTERM)
            run.wait(timeout=60)
        names = sorted(p.name for p in workdir.iterdir())
        assert names == ["bao-cao.json", "data"], names
        assert _sha(target) == before  # the old report or the same new one, whole


# 10. Permissions: the umask's for a new file, the old mode when replacing.
@POSIX
def test_outputs_get_the_umask_and_keep_a_replaced_files_mode(cli: Cli, workdir: Path) -> None:
    old = os.umask(0o022)
    try:
        assert _report(cli, "-o", "q2.csv", "-q").exit_code == 0
        assert _template(cli, "f.xlsx", "-q").exit_code == 0
        assert (workdir / "q2.csv").stat().st_mode & 0o777 == 0o644
        assert (workdir / "f.xlsx").stat().st_mode & 0o777 == 0o644
        os.chmod("q2.csv", 0o600)
        os.chmod("f.xlsx", 0o640)
        assert _report(cli, "-o", "q2.csv", "-q").exit_code == 0
        assert _template(cli, "f.xlsx", "-q").exit_code == 0
        assert (workdir / "q2.csv").stat().st_mode & 0o777 == 0o600
        assert (workdir / "f.xlsx").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="Linux /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ("report", "-f", "csv"),
        ("report", "-f", "csv", "-o", "-"),
        ("report", "-o", "q2.csv"),  # the file is written; its confirmation line cannot be
        ("template", "-o", "f.xlsx"),
    ],
)
def test_a_full_stdout_is_one_line_and_exit_2(workdir: Path, args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "kehoach_cli", *args, "-p", "q2"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=workdir,
            timeout=120,
        )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "đầu ra chuẩn" in done.stderr, done.stderr
    assert "Exception ignored" not in done.stderr and "không mong đợi" not in done.stderr


def test_a_read_only_target_is_not_called_locked(
    cli: Cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a read-only file too: then the hint is about permission."""
    target = workdir / "bao-cao.csv"
    assert _report(cli, "-o", str(target), "-q").exit_code == 0

    def refused(src: str, dst: str) -> None:
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(output_module.os, "replace", refused)
    monkeypatch.setattr(output_module.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(output_module, "_writable", lambda path: False)
    _refused(_report(cli, "-o", str(target)), target, "không có quyền ghi")
