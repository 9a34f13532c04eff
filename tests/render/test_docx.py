"""The .docx report: reopened with python-docx, page setup, fonts, heading, body and appendix."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kehoach_cli.plan_io import load_plan
from kehoach_cli.render.docx import render, sentence, spoken_names
from kehoach_cli.report import Report

from ..conftest import PLAN
from .test_xlsx import HOSTILE, hostile_report, q2_report


def emulation() -> list[tuple[str, str]]:
    return [(item.label, item.text) for item in load_plan(PLAN).emulation_contents]


def open_doc(report: Report, **options):  # noqa: ANN003, ANN201
    return Document(io.BytesIO(render(report, **options)))


@pytest.fixture(scope="module")
def doc():  # noqa: ANN201
    return open_doc(q2_report(), emulation_contents=emulation())


def mm(*lengths: int) -> tuple[int, ...]:
    """Lengths in whole millimetres (Word stores twentieths of a point)."""
    return tuple(round(length / Mm(1)) for length in lengths)


def texts(document) -> list[str]:  # noqa: ANN001
    return [p.text for p in document.paragraphs]


def cell_texts(table) -> list[list[str]]:  # noqa: ANN001
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_a4_margins_and_a_landscape_appendix(doc) -> None:  # noqa: ANN001
    body, appendix = doc.sections
    assert body.orientation == WD_ORIENT.PORTRAIT
    assert mm(body.page_width, body.page_height) == (210, 297)
    assert mm(body.top_margin, body.bottom_margin, body.left_margin, body.right_margin) == (
        20,
        20,
        30,
        15,
    )
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert mm(appendix.page_width, appendix.page_height) == (297, 210)


def test_times_new_roman_in_every_script_slot(doc) -> None:  # noqa: ANN001
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    xml = zipfile.ZipFile(io.BytesIO(render(q2_report()))).read("word/document.xml").decode()
    assert "Theme=" not in xml
    root = doc.element.body
    fonts = root.findall(".//" + qn("w:rFonts"))
    assert fonts
    for element in fonts:
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert element.get(qn(slot)) == "Times New Roman"
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert defaults.get(qn("w:eastAsia")) == "Times New Roman"
    assert defaults.get(qn("w:asciiTheme")) is None
    for run in (r for p in doc.paragraphs for r in p.runs if r.text.strip()):
        assert run.font.size in (Pt(11), Pt(12), Pt(13), Pt(14))


def test_heading_two_columns_without_borders(doc) -> None:  # noqa: ANN001
    heading = doc.tables[0]
    rows = cell_texts(heading)
    assert rows[0][0].split("\n") == [
        "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG",
        "ỦY BAN NHÂN DÂN XÃ TRÀ BÙI",
        "",
    ]
    assert rows[0][1].split("\n")[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert rows[1] == ["Số: ……/BC-UBND", "Trà Bùi, ngày …… tháng …… năm ……"]
    assert heading.rows[1].cells[1].paragraphs[0].runs[0].italic
    borders = heading._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    # Schema order: tblBorders before tblLayout and tblLook.
    tags = [child.tag.split("}")[1] for child in heading._tbl.tblPr]
    assert tags.index("tblBorders") < tags.index("tblLayout") < tags.index("tblLook")


def test_number_and_date_fill_the_lines() -> None:
    report = q2_report()
    report = replace(
        report, plan=replace(report.plan, document_number="12", document_date=date(2024, 7, 5))
    )
    document = open_doc(report)
    assert cell_texts(document.tables[0])[1] == [
        "Số: 12/BC-UBND",
        "Trà Bùi, ngày 05 tháng 07 năm 2024",
    ]
    assert "(Kèm theo Báo cáo số 12/BC-UBND ngày 05/07/2024 của Ủy ban nhân dân xã Trà Bùi)" in (
        texts(document)
    )


def test_title_subject_and_body_sentences(doc) -> None:  # noqa: ANN001
    lines = texts(doc)
    title = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold
    assert (
        "Kết quả thực hiện các chỉ tiêu kế hoạch phát triển kinh tế - xã hội Quý II năm 2024"
        in lines
    )
    assert "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" in lines
    assert (
        "Sản lượng lương thực cây có hạt ước đạt 160 tấn, đạt 49,54% kế hoạch năm "
        "(chậm tiến độ)." in lines
    )
    assert "Diện tích lúa ước đạt 58,50 ha, đạt 99,15% kế hoạch năm (chậm tiến độ)." in lines
    assert any(
        line.startswith("Tỷ lệ hộ nghèo theo chuẩn mới Quốc gia ở mức 31,20%") for line in lines
    )
    # Behind schedule, with the gap in percentage points.
    assert (
        "- Sản lượng lương thực cây có hạt: đạt 49,54% kế hoạch năm, thấp hơn tiến độ kỳ vọng "
        "(50%) 0,46 điểm phần trăm; còn 163 tấn để đạt kế hoạch." in lines
    )
    body = next(p for p in doc.paragraphs if p.text.startswith("Thực hiện Kế hoạch"))
    assert body.paragraph_format.first_line_indent is not None


def test_every_indicator_has_one_sentence() -> None:
    report = q2_report()
    names = spoken_names(report)
    assert names["rice_output"] == "Sản lượng lúa" and names["buffalo_herd"] == "Đàn trâu"
    for item in report.indicators:
        assert sentence(report, item, names[item.code]).endswith(".")


def test_emulation_contents_with_dotted_lines(doc) -> None:  # noqa: ANN001
    lines = texts(doc)
    assert "II. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THI ĐUA" in lines
    first = next(i for i, line in enumerate(lines) if line.startswith("a) Triển khai Chỉ thị 34"))
    dotted = doc.paragraphs[first + 1]
    assert dotted.text == "\t"
    stop = dotted.paragraph_format.tab_stops[0]
    assert str(stop.leader).startswith("DOTS")
    assert any(line.startswith("đ) Phát triển văn hóa") for line in lines)


def test_recipients_and_signature(doc) -> None:  # noqa: ANN001
    signature = doc.tables[1]
    recipients, signer = (cell.text.split("\n") for cell in signature.rows[0].cells)
    assert recipients[0] == "Nơi nhận:"
    assert recipients[1] == "- Hội đồng Thi đua - Khen thưởng huyện;"
    assert recipients[-1] == "- Lưu: VT."
    assert signer[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert signer[-1] == "Hồ Văn Ba"
    run = signature.rows[0].cells[0].paragraphs[0].runs[0]
    assert run.bold and run.italic and run.font.size == Pt(12)


def test_appendix_rows_are_the_reports_rows_with_repeated_header(doc) -> None:  # noqa: ANN001
    report = q2_report()
    table = doc.tables[-1]
    rows = cell_texts(table)
    header, sub = rows[0], rows[1]
    assert header[:4] == ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024"]
    assert header[4] == header[5] == "Thực hiện Quý II năm 2024"  # merged
    assert sub[4:8] == ["Trong kỳ", "Lũy kế", "KH năm", "Tiến độ kỳ vọng"]
    for row in table.rows[:2]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None
    body = rows[2:]
    assert len(body) == len(report.rows)
    by_code = report.by_code
    for cells, report_row in zip(body, report.rows, strict=True):
        assert cells[0] == (report_row.tt or "")
        assert cells[1].strip().endswith(report_row.name)
        if report_row.code:
            assert cells[-1] == by_code[report_row.code].status_label
    grain = body[[r.code for r in report.rows].index("grain_output")]
    assert grain[2:] == ["Tấn", "323", "", "160*", "49,54%", "50%", "163", "Chậm tiến độ"]
    assert "Phụ lục" in texts(doc)


def test_user_text_is_kept_literally() -> None:
    document = open_doc(hostile_report())
    assert any(HOSTILE in row[1] for row in cell_texts(document.tables[-1]))


def test_same_report_same_bytes() -> None:
    assert render(q2_report()) == render(q2_report())
    props = open_doc(q2_report()).core_properties
    assert props.created.date() == date(2024, 6, 20) == props.modified.date()


def test_english() -> None:
    document = open_doc(q2_report("en"))
    lines = texts(document)
    assert "REPORT" in lines and "I. RESULTS AGAINST THE TARGETS" in lines
    assert cell_texts(document.tables[0])[0][1].startswith("SOCIALIST REPUBLIC OF VIET NAM")


def test_text_xml_cannot_carry_is_dropped_and_markup_escaped() -> None:
    report = q2_report()
    rows = list(report.rows)
    first = next(i for i, row in enumerate(rows) if row.code == "rice_area")
    rows[first] = replace(rows[first], name="Lúa <b>&\x01 \x0bxuân")
    document = open_doc(replace(report, rows=tuple(rows)))
    assert any("Lúa <b>& xuân" in row[1] for row in cell_texts(document.tables[-1]))
