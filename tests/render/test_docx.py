"""The .docx report: the Word template filled by docxtpl, reopened with python-docx.

Page setup, fonts and language, page numbers, the heading and date line of Nghị định 30/2020,
one numbering scheme, the prose, the officer's notes, the appendix, the English version, and the
office's own template (an edit carried into the output; a broken one refused with a message).
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kehoach_cli.errors import InputFileNotFound, InvalidData
from kehoach_cli.render.docx import default_template, fill, render, sentence, spoken_names
from kehoach_cli.report.model import Report
from kehoach_cli.report.notes import parse_notes

from .test_xlsx import HOSTILE, hostile_report, q2_report

NOTES = """## Đánh giá chung
### Kết quả nổi bật
Vụ Đông Xuân thắng lợi.
### Tồn tại, hạn chế
- Trồng rừng chậm.
## Phương hướng, nhiệm vụ kỳ tới
- Gieo trồng vụ Hè Thu đúng lịch.
"""


def signed(report: Report, day: date = date(2024, 7, 5), number: str = "12") -> Report:
    return replace(report, plan=replace(report.plan, document_number=number, document_date=day))


def open_doc(report: Report):  # noqa: ANN201
    return Document(io.BytesIO(render(report)))


@pytest.fixture(scope="module")
def doc():  # noqa: ANN201
    return open_doc(q2_report())


def mm(*lengths: int) -> tuple[int, ...]:
    return tuple(round(length / Mm(1)) for length in lengths)


def texts(document) -> list[str]:  # noqa: ANN001
    return [p.text for p in document.paragraphs]


def cell_texts(table) -> list[list[str]]:  # noqa: ANN001
    return [[cell.text for cell in row.cells] for row in table.rows]


# --- Nghị định 30/2020: page, fonts, language, page numbers -----------------------------------


def test_a4_margins_and_a_landscape_appendix(doc) -> None:  # noqa: ANN001
    first, appendix = doc.sections[0], doc.sections[-1]
    assert mm(first.page_width, first.page_height) == (210, 297)
    assert first.orientation == WD_ORIENT.PORTRAIT
    assert mm(first.top_margin, first.bottom_margin, first.left_margin, first.right_margin) == (
        20,
        20,
        30,
        15,
    )
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert mm(appendix.page_width, appendix.page_height) == (297, 210)


def test_times_new_roman_14_in_every_slot_and_vietnamese_language(doc) -> None:  # noqa: ANN001
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "Times New Roman"
    }
    assert normal.element.rPr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    assert doc.core_properties.language == "vi-VN"


def test_page_numbers_centred_at_the_top_from_page_two(doc) -> None:  # noqa: ANN001
    first = doc.sections[0]
    assert first.different_first_page_header_footer
    assert first.first_page_header.paragraphs[0].text == ""
    header = first.header.paragraphs[0]
    fields = header._p.findall(qn("w:fldSimple"))  # noqa: SLF001 - reading the field back
    assert [f.get(qn("w:instr")).strip() for f in fields] == ["PAGE"]
    assert str(header.alignment).startswith("CENTER")


def test_heading_two_columns(doc) -> None:  # noqa: ANN001
    heading = cell_texts(doc.tables[0])
    assert heading[0][0].split("\n")[:2] == [
        "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG",
        "ỦY BAN NHÂN DÂN XÃ TRÀ BÙI",
    ]
    assert heading[0][1].split("\n")[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert heading[1] == ["Số: ……/BC-UBND", "Trà Bùi, ngày …… tháng …… năm ……"]


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (date(2024, 7, 5), "ngày 05 tháng 7 năm 2024"),
        (date(2024, 2, 15), "ngày 15 tháng 02 năm 2024"),
        (date(2025, 1, 3), "ngày 03 tháng 01 năm 2025"),
        (date(2024, 12, 20), "ngày 20 tháng 12 năm 2024"),
    ],
)
def test_dates_as_the_decree_writes_them(day: date, written: str) -> None:
    # Days below 10 and the months 1 and 2 take a leading zero, other months do not.
    document = open_doc(signed(q2_report(), day))
    assert cell_texts(document.tables[0])[1] == ["Số: 12/BC-UBND", f"Trà Bùi, {written}"]
    ref = f"(Kèm theo Báo cáo số 12/BC-UBND {written} của Ủy ban nhân dân xã Trà Bùi)"
    assert ref in texts(document)


def test_document_properties_dated_by_the_report_and_same_bytes() -> None:
    report = signed(q2_report(), date(2024, 7, 5))
    assert render(report) == render(report)
    props = open_doc(report).core_properties
    assert props.created.date() == date(2024, 7, 5) == props.modified.date()
    assert props.title.startswith("Kết quả thực hiện")
    unsigned = open_doc(q2_report()).core_properties
    assert unsigned.created.date() == date(2024, 6, 20)  # the report's day (--today)


# --- the body: one numbering scheme, prose an official writes ---------------------------------


def test_one_numbering_scheme(doc) -> None:  # noqa: ANN001
    lines = texts(doc)
    start = lines.index("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    assert "1. Chỉ tiêu kinh tế chủ yếu" in lines[start:]
    assert "a) Nông nghiệp" in lines[start:] and "b) Lâm nghiệp" in lines[start:]
    assert "2. Văn hóa - xã hội - môi trường" in lines[start:]
    assert "a) Giáo dục và đào tạo" in lines[start:]
    parts = [line for line in lines if line[:4] in ("I. K", "II. ", "III.", "IV. ")]
    assert [p.split(".")[0] for p in parts] == ["I", "II", "III", "IV"]
    # No Roman numeral or letter of the plan's table inside the parts ("I. Giáo dục", "A ").
    assert not any(line.startswith(("I. Giáo", "II. Y tế", "A. ", "B. ")) for line in lines)


def test_each_section_is_summed_up_then_each_figure_said_once(doc) -> None:  # noqa: ANN001
    lines = texts(doc)
    summary = next(line for line in lines if line.startswith("Trong 24 chỉ tiêu"))
    assert summary.startswith(
        "Trong 24 chỉ tiêu kinh tế chủ yếu, 04 chỉ tiêu vượt kế hoạch, 01 chỉ tiêu đạt kế hoạch, "
        "05 chỉ tiêu đúng tiến độ, 08 chỉ tiêu chậm tiến độ"
    )
    assert " 0 chỉ tiêu" not in summary and " 00 chỉ tiêu" not in summary
    body = " ".join(lines)
    # The total with its parts, once; "ước đạt" only for an estimate (none here).
    assert body.count("Tổng sản lượng lương thực có hạt đạt 160 tấn, bằng 49,54% kế hoạch năm") == 1
    assert "trong đó lúa 120 tấn (51,06%) và ngô 40 tấn (45,45%)" in body
    assert body.count("diện tích gieo trồng lúa 58,5 ha") == 1
    assert "ước đạt" not in body
    assert "thấp hơn tiến độ kỳ vọng" not in body  # no second list of the same figures
    assert "Trồng mới rừng tập trung - Trồng rừng sản xuất" not in body
    assert "›" not in " ".join(lines[: lines.index("Phụ lục")])  # no path of the table's names


def test_every_indicator_has_one_sentence() -> None:
    report = q2_report()
    names = spoken_names(report)
    assert names["rice_output"] == "Sản lượng lúa" and names["buffalo_herd"] == "Đàn trâu"
    assert names["preschool_pupils"] == "Số cháu mầm non ra lớp"
    assert names["forest_production"] == "Diện tích trồng rừng sản xuất"
    for item in report.indicators:
        assert sentence(report, item, names[item.code]).endswith(".")


def test_ranking_as_the_council_writes_it(doc) -> None:  # noqa: ANN001
    ranking = next(line for line in texts(doc) if line.startswith("Kết quả xếp hạng thi đua"))
    assert ranking.startswith(
        "Kết quả xếp hạng thi đua các đơn vị: xếp thứ nhất là Trạm Y tế xã (01/01 chỉ tiêu đạt "
        "yêu cầu, đạt 100,00% số điểm tối đa); xếp thứ hai là Công chức Địa chính - Nông nghiệp "
        "(07/15 chỉ tiêu đạt yêu cầu, đạt 46,67% số điểm tối đa)."
    )
    # The units with nothing on target yet together, with where they stand, not "3. … (0,00%)"
    assert (
        "Trường Tiểu học, Trường THCS và Trường Mầm non (xếp từ thứ ba đến thứ năm theo tỷ lệ "
        "hoàn thành bình quân) chưa có chỉ tiêu đạt yêu cầu." in ranking
    )
    assert "Mỗi đơn vị này mới có 01 chỉ tiêu được đánh giá trong kỳ." in ranking
    assert " 0,00%" not in ranking and "3. " not in ranking
    assert "chưa xếp hạng do chưa có chỉ tiêu được đánh giá trong kỳ" in ranking
    rule = next(line for line in texts(doc) if line.startswith("Cách xếp hạng"))
    assert "kehoach" not in rule and "ranking" not in rule  # no program or field name


def test_emulation_contents_with_dotted_lines(doc) -> None:  # noqa: ANN001
    lines = texts(doc)
    assert "II. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THI ĐUA" in lines
    first = next(i for i, line in enumerate(lines) if line.startswith("a) Triển khai Chỉ thị 34"))
    dotted = doc.paragraphs[first + 1]
    assert dotted.text == "\t"
    stop = dotted.paragraph_format.tab_stops[0]
    assert str(stop.leader).startswith("DOTS")
    assert any(line.startswith("đ) Phát triển văn hóa") for line in lines)


def test_without_notes_titled_blanks_to_fill(doc) -> None:  # noqa: ANN001
    lines = texts(doc)
    start = lines.index("III. ĐÁNH GIÁ CHUNG")
    assert lines[start + 1] == "(Văn phòng - Thống kê bổ sung nội dung trước khi trình ký)"
    assert lines[start + 2] == "a) Kết quả nổi bật"
    assert lines[start + 3] == "\t"
    assert "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI" in lines


def test_the_officers_notes_are_placed() -> None:
    report = replace(q2_report(), officer_notes=parse_notes(NOTES, "2024Q2.md"))
    lines = texts(open_doc(report))
    start = lines.index("III. ĐÁNH GIÁ CHUNG")
    assert lines[start + 1 : start + 5] == [
        "a) Kết quả nổi bật",
        "Vụ Đông Xuân thắng lợi.",
        "b) Tồn tại, hạn chế",
        "– Trồng rừng chậm.",
    ]
    after = lines.index("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI")
    assert lines[after + 1] == "– Gieo trồng vụ Hè Thu đúng lịch."
    assert "(Văn phòng - Thống kê bổ sung nội dung trước khi trình ký)" not in lines[start:]


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
    row = signature.rows[0]._tr  # noqa: SLF001 - reading the row's properties back
    assert row.trPr.find(qn("w:cantSplit")) is not None  # never split across pages


def test_appendix_rows_are_the_reports_rows_with_repeated_header(doc) -> None:  # noqa: ANN001
    report = q2_report()
    table = doc.tables[2]  # after the letterhead and the signature
    rows = cell_texts(table)
    header, sub = rows[0], rows[1]
    assert header[:4] == ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024"]
    assert header[4] == header[5] == "Thực hiện Quý II năm 2024"  # merged
    assert sub[4:8] == ["Kỳ này", "Lũy kế", "KH năm", "Tiến độ kỳ vọng"]
    for row in table.rows[:2]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None  # noqa: SLF001
    body = rows[2:]
    assert len(body) == len(report.rows)
    by_code = report.by_code
    for cells, report_row in zip(body, report.rows, strict=True):
        assert cells[0] == (report_row.tt or "")
        assert cells[1].strip().endswith(report_row.name)
        if report_row.code:
            assert cells[9] == by_code[report_row.code].status_label
    grain = body[[r.code for r in report.rows].index("grain_output")]
    assert grain[2:10] == ["Tấn", "323", "", "160*", "49,54%", "50%", "163", "Chậm tiến độ"]
    # (#16) last year's figure and the change: blank, headings too, with nothing to compare
    assert grain[10:] == header[10:] == ["", ""]
    assert "Phụ lục" in texts(doc)


def test_user_text_is_kept_literally_and_what_xml_cannot_carry_dropped() -> None:
    document = open_doc(hostile_report())
    assert any(HOSTILE in row[1] for row in cell_texts(document.tables[2]))
    report = q2_report()
    rows = list(report.rows)
    first = next(i for i, row in enumerate(rows) if row.code == "rice_area")
    rows[first] = replace(rows[first], name="Lúa <b>&\x01 \x0bxuân {{ x }}")
    document = open_doc(replace(report, rows=tuple(rows)))
    assert any("Lúa <b>& xuân {{ x }}" in row[1] for row in cell_texts(document.tables[2]))


def test_english_throughout() -> None:
    document = open_doc(signed(q2_report("en")))
    lines = texts(document)
    assert "REPORT" in lines and "I. RESULTS AGAINST THE TARGETS" in lines
    heading = cell_texts(document.tables[0])
    assert heading[0][0].split("\n")[:2] == [
        "PEOPLE'S COMMITTEE OF TRÀ BỒNG DISTRICT",
        "PEOPLE'S COMMITTEE OF TRÀ BÙI COMMUNE",
    ]
    assert heading[0][1].startswith("SOCIALIST REPUBLIC OF VIET NAM")
    assert heading[1] == ["No.: 12/BC-UBND", "Trà Bùi, July 5, 2024"]
    signer = document.tables[1].rows[0].cells[1].text.split("\n")
    assert signer[:2] == ["ON BEHALF OF THE PEOPLE'S COMMITTEE", "CHAIRPERSON"]
    assert document.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-US"
    assert not any("ngày" in line or "tháng" in line for line in lines)


# --- the office's own template ----------------------------------------------------------------


def edited_template(tmp_path: Path, old: str, new: str) -> Path:
    """The shipped template with one tag's paragraph text replaced, as an office would in Word."""
    document = Document(io.BytesIO(default_template()))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
    path = tmp_path / "mau-cua-xa.docx"
    document.save(path)
    return path


def test_an_edit_in_word_is_carried_into_the_report(tmp_path: Path) -> None:
    path = edited_template(tmp_path, "{{ kind }}", "BÁO CÁO NHANH")
    report = replace(q2_report(), docx_template=str(path))
    lines = texts(open_doc(report))
    assert "BÁO CÁO NHANH" in lines and "BÁO CÁO" not in lines
    assert "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" in lines  # the rest still filled


def test_a_broken_template_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = edited_template(tmp_path, "{%p endfor %}", "")
    with pytest.raises(InvalidData) as caught:
        fill(replace(q2_report(), docx_template=str(path)), path.read_bytes())
    assert "mau-cua-xa.docx" in caught.value.message
    assert "kehoach docx-template" in caught.value.message
    not_docx = tmp_path / "plan.yaml"
    not_docx.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(InvalidData, match="không phải tệp .docx"):
        render(replace(q2_report(), docx_template=str(not_docx)))
    with pytest.raises(InputFileNotFound, match="Không tìm thấy mẫu Word"):
        render(replace(q2_report(), docx_template=str(tmp_path / "missing.docx")))


def test_template_tags_run_in_a_sandbox(tmp_path: Path) -> None:
    path = edited_template(tmp_path, "{{ kind }}", "{{ ''.__class__.__mro__ }}")
    with pytest.raises(InvalidData):
        render(replace(q2_report(), docx_template=str(path)))


def test_the_prose_says_what_the_table_says() -> None:
    """Issue #15: the counts, the statuses, the flagged target and the ranking rule of the
    body are the table's."""
    from kehoach_cli.render.terminal import counts_line, render_text

    report = q2_report()
    body = texts(open_doc(report))
    table = render_text(report, 200)
    assert counts_line(report) in table
    assert any(p.startswith("Tổng hợp chung, trong 32 chỉ tiêu có 05 chỉ tiêu vượt") for p in body)
    assert any(p.startswith("Cách xếp hạng: xã chưa ban hành") for p in body)
    assert any(
        p.startswith("Chỉ tiêu tỷ lệ bò lai trong tổng đàn bò có kế hoạch 200%") for p in body
    )
    prose = " ".join(body)
    for item in report.indicators:
        assert item.status_label in table
        if item.actual is not None or item.status != "no_data":
            assert item.status_label.lower() in prose  # each status as the table says it
    assert "0,55%" not in prose  # a difference of rates is in điểm phần trăm
    assert "chậm tiến độ" not in "".join(
        p for p in body if "Tỷ lệ" in p and "suy dinh dưỡng" in p
    )  # a rate is a level: never "chậm tiến độ"


def test_the_closing_line_keeps_with_the_signature(doc) -> None:  # noqa: ANN001
    """A signature block never stands alone at the top of a page: the closing line goes with it."""
    closing = [p for p in doc.paragraphs if p.text.startswith("Trên đây là báo cáo")]
    assert len(closing) == 1 and closing[0].paragraph_format.keep_with_next is True
    following = closing[0]._p.getnext()  # noqa: SLF001 - the element after it, in the body
    assert following is not None and following.tag.endswith("}tbl")  # the signature table
    others = [p for p in doc.paragraphs if p.text.startswith("Trong 24 chỉ tiêu")]
    assert others and others[0].paragraph_format.keep_with_next is not True
