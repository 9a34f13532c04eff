"""`kehoach report --output bao-cao-q2.xlsx|.docx|.html`: the issue's acceptance, from the CLI."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from ..conftest import Cli

TODAY = "2024-07-05"


def write(cli: Cli, name: str, *args: str):  # noqa: ANN201
    return cli("report", "--period", "q2", "--today", TODAY, "--output", name, *args)


@pytest.mark.parametrize("ext", ["xlsx", "docx", "html"])
def test_each_export_is_written_and_reopens(cli: Cli, workdir: Path, ext: str) -> None:
    name = f"bao-cao-q2.{ext}"
    result = write(cli, name)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Đã ghi báo cáo: {name}\n"
    assert result.stderr == ""
    data = (workdir / name).read_bytes()
    if ext == "xlsx":
        ws = load_workbook(io.BytesIO(data))["Tổng hợp"]
        assert ws["A4"].value == "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH QUÝ II NĂM 2024"
        names = [ws.cell(r, 2).value for r in range(10, 20)]
        row = 10 + names.index("Sản lượng lương thực cây có hạt")
        assert ws.cell(row, 6).value == 160 and ws.cell(row, 7).value == pytest.approx(0.4954)
    elif ext == "docx":
        text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
        assert "Tổng sản lượng lương thực có hạt đạt 160 tấn, bằng 49,54% kế hoạch năm" in text
    else:
        parser = HTMLParser()
        parser.feed(data.decode("utf-8"))
        assert "49,54%" in data.decode("utf-8")
    # The same inputs and --today give the same bytes.
    again = write(cli, f"again.{ext}")
    assert again.exit_code == 0
    assert (workdir / f"again.{ext}").read_bytes() == data
    assert not list(workdir.glob(f".*{ext}*.tmp"))


def test_an_input_file_is_never_overwritten(cli: Cli, workdir: Path) -> None:
    target = workdir / "data" / "results" / "2024-q2" / "dcnn.xlsx"
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    result = write(cli, str(target))
    assert result.exit_code == 2
    assert "Không ghi đè tệp đầu vào" in result.stderr
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_binary_formats_are_not_printed(cli: Cli, workdir: Path, fmt: str) -> None:
    result = cli("report", "--period", "q2", "--today", TODAY, "--format", fmt)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_html_to_stdout(cli: Cli, workdir: Path) -> None:
    result = cli("report", "--period", "q2", "--today", TODAY, "--format", "html")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_every_export(cli: Cli, workdir: Path, tmp_path: Path) -> None:
    """LibreOffice converts each file to PDF without complaint (a damaged file gives no PDF)."""
    profile = tmp_path / "lo-profile"
    out = tmp_path / "pdf"
    for ext in ("xlsx", "docx", "html"):
        assert write(cli, f"bao-cao-q2.{ext}").exit_code == 0
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out / ext),
                str(workdir / f"bao-cao-q2.{ext}"),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = out / ext / "bao-cao-q2.pdf"
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), ext
        assert pdf.stat().st_size > 5000, ext
