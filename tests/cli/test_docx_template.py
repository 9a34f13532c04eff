"""`kehoach docx-template` and the report's Word template and notes, through the real CLI."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from kehoach_cli.render.docx import default_template

from ..conftest import Cli

TODAY = "2024-07-05"


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_writes_the_template_and_never_replaces_an_edited_one(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "mau-bao-cao.docx"
    result = cli("docx-template", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Đã ghi mẫu báo cáo Word: {target}\n"
    assert target.read_bytes() == default_template()
    heading = Document(str(target)).tables[0]
    assert any("{{ issuer }}" in cell.text for row in heading.rows for cell in row.cells)
    target.write_bytes(b"the office's edits")
    again = cli("docx-template", "--output", str(target))
    assert again.exit_code == 2
    assert "không ghi đè" in again.stderr and "--force" in again.stderr
    assert target.read_bytes() == b"the office's edits"
    forced = cli("docx-template", "--output", str(target), "--force", "--quiet")
    assert forced.exit_code == 0 and forced.stdout == ""
    assert target.read_bytes() == default_template()


def test_the_offices_template_from_the_option_and_from_the_plan(cli: Cli, workdir: Path) -> None:
    template = workdir / "data" / "mau-xa.docx"
    document = Document(io.BytesIO(default_template()))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace("{{ kind }}", "BÁO CÁO SƠ KẾT")
    document.save(str(template))
    out = workdir / "q2.docx"
    result = cli(
        "report", "-p", "q2", "--today", TODAY, "--docx-template", str(template), "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    assert "BÁO CÁO SƠ KẾT" in paragraphs(out)
    # The same from the plan's reporting.docx_template, relative to the plan's folder.
    plan = workdir / "data" / "plan_2024.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("reporting:\n", "reporting:\n  docx_template: mau-xa.docx\n", 1),
        encoding="utf-8",
    )
    out2 = workdir / "q2b.docx"
    result = cli("report", "-p", "q2", "--today", TODAY, "-o", str(out2))
    assert result.exit_code == 0, result.stderr
    assert "BÁO CÁO SƠ KẾT" in paragraphs(out2)
    # The template is an input: the report is never written over it.
    over = cli("report", "-p", "q2", "--today", TODAY, "-o", str(template))
    assert over.exit_code == 2
    assert "BÁO CÁO SƠ KẾT" in paragraphs(template)


def test_a_missing_or_broken_template_is_a_clear_error(cli: Cli, workdir: Path) -> None:
    missing = cli("report", "-p", "q2", "--docx-template", "khong-co.docx", "-o", "q2.docx")
    assert missing.exit_code == 2
    assert missing.stderr.startswith("Không tìm thấy mẫu Word khong-co.docx")
    broken = workdir / "hong.docx"
    document = Document(io.BytesIO(default_template()))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace("{%p endfor %}", "")
    document.save(str(broken))
    result = cli("report", "-p", "q2", "--docx-template", str(broken), "-o", "q2.docx")
    assert result.exit_code == 1
    assert "hong.docx" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (workdir / "q2.docx").exists()


def test_notes_beside_the_plan_reach_the_docx_and_the_page(cli: Cli, workdir: Path) -> None:
    notes = workdir / "data" / "notes" / "2024Q2.md"
    notes.parent.mkdir(exist_ok=True)
    notes.write_text(
        "## Đánh giá chung\nSản xuất vụ Đông Xuân thắng lợi.\n\n"
        "## Phương hướng, nhiệm vụ kỳ tới\n- Gieo trồng vụ Hè Thu.\n",
        encoding="utf-8",
    )
    assert cli("report", "-p", "q2", "--today", TODAY, "-o", "q2.docx").exit_code == 0
    lines = paragraphs(workdir / "q2.docx")
    assert "Sản xuất vụ Đông Xuân thắng lợi." in lines and "– Gieo trồng vụ Hè Thu." in lines
    assert cli("report", "-p", "q2", "--today", TODAY, "-o", "q2.html").exit_code == 0
    page = (workdir / "q2.html").read_text(encoding="utf-8")
    assert "<p>Sản xuất vụ Đông Xuân thắng lợi.</p>" in page
    # A Q3 report has no notes file: titled blanks instead.
    assert cli("report", "-p", "q3", "--today", "2024-10-05", "-o", "q3.html").exit_code == 0
    q3 = (workdir / "q3.html").read_text(encoding="utf-8")
    assert "Sản xuất vụ Đông Xuân" not in q3 and "III. ĐÁNH GIÁ CHUNG" in q3
    assert "(Văn phòng - Thống kê bổ sung nội dung trước khi trình ký)" in q3


def test_notes_given_on_the_command_line(cli: Cli, workdir: Path) -> None:
    missing = cli("report", "-p", "q2", "--notes", "khong-co.md", "-o", "q2.docx")
    assert missing.exit_code == 2 and "khong-co.md" in missing.stderr
    mine = workdir / "y-kien.md"
    mine.write_bytes("\ufeff## Đánh giá chung\nMột ý kiến.\n".encode())
    assert cli("report", "-p", "q2", "--notes", str(mine), "-o", "q2.docx").exit_code == 0
    assert "Một ý kiến." in paragraphs(workdir / "q2.docx")
    bad = workdir / "hong.md"
    bad.write_bytes(b"## \xc4\x91\xff\n")
    result = cli("report", "-p", "q2", "--notes", str(bad), "-o", "q3.docx")
    assert result.exit_code == 1 and "UTF-8" in result.stderr
