"""Build the corpus of ordinary results files (issue #13): forms saved the ways offices save them.

Run ``python -m tests.results_io.ordinary_corpus`` to rebuild ``tests/data/results/ordinary/``.
A form is written with openpyxl (as ``kehoach template`` makes it, then filled in) and saved
again by LibreOffice headless where the real program would save it: as .xlsx and .ods, as CSV
from Vietnamese settings (";", "58,5", "7.000") and English ones (",", "58.5", "7,000"), and as
"Unicode text" (UTF-16, tabs). Files a person or another program writes (a hand-typed CSV, a
YAML file, a CSV saved twice with a BOM, a TCVN3 file) are written directly. Without
LibreOffice the script stops: the committed files are what the tests read, so CI needs none.

``CASES`` maps each file to what reading it must give: the figures read (exactly) and the
problems found, as (code, location) pairs; test_ordinary_corpus.py holds the files to it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "data" / "results" / "ordinary"


@dataclass(frozen=True)
class Expected:
    """What reading one corpus file gives: figures by indicator, problems as (code, where)."""

    case: int  # the case of issue #13 the file is for
    values: dict[str, str] = field(default_factory=dict)
    problems: tuple[tuple[str, str | None], ...] = ()


# The figures typed into the form: a count shown "7,000" by its "#,##0" format, a rate typed as
# 29,4 % in a cell formatted as %, and the float noise a formula leaves.
FIGURES: dict[str, Any] = {"poultry_flock": 7000, "rice_area": 58.5, "pig_herd": 875}
NOISE: dict[str, Any] = {"rice_area": 58.50000000000001, "pig_herd": 874.9999999999999}

CASES: dict[str, Expected] = {
    "lo_vi.csv": Expected(
        1, {"poultry_flock": "7000", "rice_area": "58.5", "pig_herd": "875", "poverty_rate": "29.4"}
    ),
    "lo_en.csv": Expected(
        1,
        {"rice_area": "58.5", "pig_herd": "875", "poverty_rate": "29.4"},
        (("ambiguous_number", "dòng 41, cột F"),),
    ),
    "en_thousands.yaml": Expected(1, {"pig_herd": "875"}, (("ambiguous_number", "dòng 8"),)),
    "unquoted_commas.csv": Expected(2, {"rice_output": "120"}, (("csv_extra_fields", "dòng 9"),)),
    "lo_percent.xlsx": Expected(3, {"poverty_rate": "29.4", "poultry_flock": "7000"}),
    "lo_percent.ods": Expected(3, {"poverty_rate": "29.4", "poultry_flock": "7000"}),
    "lo_noise.xlsx": Expected(7, {"rice_area": "58.5", "pig_herd": "875"}),
    "lo_noise.ods": Expected(7, {"rice_area": "58.5", "pig_herd": "875"}),
    "lo_unicode_text.txt": Expected(11, {"poultry_flock": "7000", "poverty_rate": "29.4"}),
    "double_bom.csv": Expected(11, {"rice_output": "120"}),
    "hidden.xlsx": Expected(
        11,
        {"pig_herd": "875"},
        (("hidden_characters", "Kết quả!B17"), ("hidden_characters", "Kết quả!F41")),
    ),
    "tcvn3.csv": Expected(11, {}, (("encoding_legacy_font", "dòng 1"),)),
    "vni_unit.xlsx": Expected(11, {}, (("legacy_font", "Kết quả!C6"),)),
    "periods_dates.csv": Expected(12, {"rice_output": "120"}),
}


def build(folder: Path = CORPUS) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) rebuilds the corpus: apt-get install libreoffice-calc")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        _saved_by_libreoffice(soffice, work, folder)
    _written_directly(folder)


def _saved_by_libreoffice(soffice: str, work: Path, folder: Path) -> None:
    from .forms import make_form

    def percent(sheet: Any, rows: dict[str, int]) -> None:
        cell = sheet.cell(rows["poverty_rate"], 6, 0.294)  # "29,4 %" typed into a % cell
        cell.number_format = "0.0%"

    make_form(work / "lo_percent.xlsx", FIGURES, unit=None, edit=percent)
    make_form(work / "lo_noise.xlsx", NOISE)
    vi, en = _profile(work, "vi-VN"), _profile(work, "en-US")
    # Re-saved by LibreOffice as .xlsx and .ods, with its own styles and content parts.
    _convert(soffice, vi, "xlsx", work / "xlsx", work / "lo_percent.xlsx", work / "lo_noise.xlsx")
    _convert(soffice, vi, "ods", work / "ods", work / "lo_percent.xlsx", work / "lo_noise.xlsx")
    # CSV as shown on screen: Vietnamese settings ";" and "7.000", English "," and "7,000".
    csv = "csv:Text - txt - csv (StarCalc):{sep},34,{charset},1,,{lang},false,true,true"
    _convert(
        soffice,
        vi,
        csv.format(sep=59, charset=76, lang=1066),
        work / "vi",
        work / "lo_percent.xlsx",
    )
    _convert(
        soffice,
        en,
        csv.format(sep=44, charset=76, lang=1033),
        work / "en",
        work / "lo_percent.xlsx",
    )
    text = "txt:Text - txt - csv (StarCalc):9,34,65535,1,,1066,false,true,true"  # Unicode text
    _convert(soffice, vi, text, work / "txt", work / "lo_percent.xlsx")
    for source, target in (
        ("xlsx/lo_percent.xlsx", "lo_percent.xlsx"),
        ("xlsx/lo_noise.xlsx", "lo_noise.xlsx"),
        ("ods/lo_percent.ods", "lo_percent.ods"),
        ("ods/lo_noise.ods", "lo_noise.ods"),
        ("vi/lo_percent.csv", "lo_vi.csv"),
        ("en/lo_percent.csv", "lo_en.csv"),
        ("txt/lo_percent.txt", "lo_unicode_text.txt"),
    ):
        shutil.copyfile(work / source, folder / target)


def _profile(work: Path, locale: str) -> str:
    """A LibreOffice user profile of its own (no clash with a running one), in ``locale``."""
    user = work / f"profile-{locale}" / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry">\n'
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" '
        f'oor:op="fuse"><value>{locale}</value></prop></item>\n'
        "</oor:items>\n",
        encoding="utf-8",
    )
    return (work / f"profile-{locale}").as_uri()


def _convert(soffice: str, profile: str, target: str, outdir: Path, *sources: Path) -> None:
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target]
    command += ["--outdir", str(outdir), *map(str, sources)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)


def _written_directly(folder: Path) -> None:
    from .forms import make_form

    meta = "Năm,2024\r\nKỳ báo cáo,2024Q2\r\nĐơn vị báo cáo,dcnn\r\nNgười báo cáo,Nguyễn Văn A\r\n"
    header = "\r\nTT,Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Kế hoạch năm,Thực hiện,Ghi chú\r\n"
    # Typed by hand in a text editor: decimal commas, unquoted, in a comma-separated file.
    (folder / "unquoted_commas.csv").write_text(
        meta
        + "Ngày báo cáo,18/06/2024\r\n"
        + header
        + "1,rice_output,Lúa: sản lượng,Tấn,235,120,\r\n"
        + "2,rice_area,Lúa: diện tích,Ha,59,58,5,\r\n",
        encoding="utf-8-sig",
        newline="",
    )
    # A CSV UTF-8 file that a second program saved with a second BOM.
    body = meta + "Ngày báo cáo,18/06/2024\r\n" + header + "1,rice_output,Lúa,Tấn,235,120,\r\n"
    (folder / "double_bom.csv").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8-sig"))
    # Periods and dates as people type them.
    typed = body.replace("2024Q2", "Quý II - 2024").replace(
        "18/06/2024", '"Trà Bùi, ngày 18 tháng 6 năm 2024"'
    )
    (folder / "periods_dates.csv").write_text(typed, encoding="utf-8", newline="")
    # A file from a .VnTime document: TCVN3 bytes ("Năm", "Mã chỉ tiêu", "Thực hiện").
    tcvn3 = "N¨m,2024\r\nKú b¸o c¸o,2024Q2\r\n\r\nTT,M· chØ tiªu,Thùc hiÖn\r\n1,rice_output,120\r\n"
    (folder / "tcvn3.csv").write_bytes(tcvn3.encode("latin-1"))
    (folder / "en_thousands.yaml").write_text(
        "year: 2024\nperiod: 2024Q2\nunit: dcnn\nreporter: Nguyễn Văn A\n"
        "reported_on: 2024-06-18\nvalues:\n  pig_herd: 875\n  poultry_flock: 1,000\n",
        encoding="utf-8",
    )

    def hidden(sheet: Any, rows: dict[str, int]) -> None:
        sheet.cell(rows["rice_area"], 2, "rice_area\u200b")  # pasted from a chat
        sheet.cell(rows["poultry_flock"], 6, "7\u200b000")

    make_form(folder / "hidden.xlsx", {"pig_herd": 875}, edit=hidden)

    def vni(sheet: Any, rows: dict[str, int]) -> None:
        sheet["C6"] = "Ñòa chính - Noâng nghieäp"  # "Địa chính - Nông nghiệp" in VNI-Times

    make_form(folder / "vni_unit.xlsx", {"rice_output": 120}, edit=vni)


if __name__ == "__main__":
    build()
    print(f"{len(CASES)} files in {CORPUS}")
