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

from kehoach_cli.plan.io import load_plan
from kehoach_cli.render.docx import render, sentence, spoken_names
from kehoach_cli.report.model import Report

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


# --- the XML against the ECMA-376 schema ------------------------------------------------------
#
# No copy of wml.xsd could be installed here (PyPI has no package shipping the ECMA-376 XSDs),
# so the content models of the elements the renderer writes are written down from ECMA-376
# Part 1 (transitional wml.xsd). Word rejects a file whose property elements have their
# children out of this order; LibreOffice does not, so the rendered pages cannot tell.
# Names joined with "|" share a place (a choice); a child not listed fails the test, so an
# element the renderer starts writing has to be placed here first.

CONTENT_MODELS = {
    # CT_PPrBase, then CT_PPr's own rPr, sectPr, pPrChange.
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    # EG_RPrBase (a choice in the transitional schema, a sequence for Office's validator),
    # after CT_ParaRPr's revision marks.
    "rPr": "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike "
    "outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern "
    "position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang "
    "eastAsianLayout specVanish oMath rPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
    "jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription tblPrChange",
    # CT_TrPrBase is a choice; this is the order Word writes.
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden ins del trPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange",
    "sectPr": "headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
    "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi "
    "rtlGutter docGrid printerSettings sectPrChange",
    "pBdr": "top left bottom right between bar",
    "tblBorders": "top left start bottom right end insideH insideV",
    "tblCellMar": "top left start bottom right end",
    "tabs": "tab",
    "document": "background body",
    "body": "p|tbl sectPr",
    "tbl": "tblPr tblGrid tr",
    "tblGrid": "gridCol",
    "tr": "tblPrEx trPr tc",
    "tc": "tcPr p|tbl",
    "p": "pPr r",
    "r": "rPr t|tab|br",
    "styles": "docDefaults latentStyles style",
    "docDefaults": "rPrDefault pPrDefault",
    "rPrDefault": "rPr",
    "pPrDefault": "pPr",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
    "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr "
    "trPr tcPr tblStylePr",
    # A subsequence of CT_Settings (98 children): the ones Word writes in a new document.
    "settings": "writeProtection view zoom proofState defaultTabStop characterSpacingControl "
    "savePreviewPicture compat rsids mathPr themeFontLang clrSchemeMapping "
    "doNotAutoCompressPictures shapeDefaults decimalSymbol listSeparator",
    # The end of CT_Compat: its 65 flags, of which only useFELayout is written, then the settings.
    "compat": "useFELayout compatSetting",
}
REPEATED = {"p", "tbl", "tr", "tc", "gridCol", "r", "t", "tab", "br", "style", "compatSetting"}
REPEATED |= {"headerReference", "footerReference"}
# Attributes the schema requires (use="required") on the elements written here.
REQUIRED = {
    "pgMar": "top right bottom left header footer gutter",
    "zoom": "percent",
    "tabs/tab": "val pos",
    "pBdr/*": "val",
    "tblBorders/*": "val",
    "shd": "val",
    "jc": "val",
    "sz": "val",
    "szCs": "val",
    "u": "",
    "gridSpan": "val",
    "vAlign": "val",
    "tblStyle": "val",
    "name": "val",
    "basedOn": "val",
    "uiPriority": "val",
    "defaultTabStop": "val",
    "characterSpacingControl": "val",
    "decimalSymbol": "val",
    "listSeparator": "val",
    "compatSetting": "name uri val",
}
# On/off properties are written bare, as Word writes them: Office's own validator allows only
# "on"/"off" in w:val for some of them (w:tblHeader), not the schema's "true"/"1".
BARE = {"b", "i", "keepNext", "cantSplit", "tblHeader", "qFormat", "semiHidden", "useFELayout"}
BARE |= {"unhideWhenUsed"}


def local(element) -> str:  # noqa: ANN001
    return element.tag.split("}")[1]


def schema_problems(xml: bytes) -> list[str]:
    """Where the part breaks the content models, required attributes or element-only content."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    problems = []
    root = etree.fromstring(xml)
    for element in root.iter():
        name = local(element)
        where = root.getroottree().getpath(element)
        if name != "t" and (element.text or "").strip():
            problems.append(f"{where}: text {element.text!r} in element-only content")
        if (element.tail or "").strip():
            problems.append(f"{where}: text {element.tail!r} after it")
        parent = element.getparent()
        context = local(parent) if parent is not None else ""
        key = next((k for k in (f"{context}/{name}", f"{context}/*", name) if k in REQUIRED), "")
        for attribute in REQUIRED.get(key, "").split():
            if element.get(w + attribute) is None:
                problems.append(f"{where}: no w:{attribute}")
        if name in BARE and element.get(w + "val") is not None:
            problems.append(f"{where}: w:val on an on/off property")
        if name not in CONTENT_MODELS:
            continue
        rank = {
            child: place
            for place, names in enumerate(CONTENT_MODELS[name].split())
            for child in names.split("|")
        }
        children = [local(child) for child in element]
        for child in children:
            if child not in rank:
                problems.append(f"{where}: {child} is not a child {name} can have here")
            elif child not in REPEATED and children.count(child) > 1:
                problems.append(f"{where}: {child} twice")
        places = [rank[child] for child in children if child in rank]
        if places != sorted(places):
            problems.append(f"{where}: children out of schema order: {' '.join(children)}")
        if name == "tc" and children[-1] != "p":
            problems.append(f"{where}: a cell must end with a paragraph")
    for table in root.iter(w + "tbl"):
        columns = len(table.findall(f"{w}tblGrid/{w}gridCol"))
        for row in table.findall(w + "tr"):
            spans = [int(cell.get(w + "val")) for cell in row.iter(w + "gridSpan")]
            width = len(row.findall(w + "tc")) + sum(spans) - len(spans)
            if width != columns:
                problems.append(f"{root.getroottree().getpath(row)}: {width} of {columns} columns")
    return problems


def with_number_and_date() -> Report:
    report = q2_report()
    plan = replace(report.plan, document_number="12/BC-UBND", document_date=date(2024, 6, 25))
    return replace(report, plan=plan)


REPORTS = {
    "vi": lambda: render(q2_report(), emulation_contents=emulation()),
    "en": lambda: render(q2_report("en")),
    "by quarter": lambda: render(q2_report(by="quarter")),
    "number and date": lambda: render(with_number_and_date()),
    "hostile text": lambda: render(hostile_report()),
}


@pytest.mark.parametrize("which", REPORTS)
@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/settings.xml"])
def test_parts_follow_the_wordprocessingml_schema(which: str, part: str) -> None:
    xml = zipfile.ZipFile(io.BytesIO(REPORTS[which]())).read(part)
    assert schema_problems(xml) == []


def test_the_schema_check_finds_what_word_rejects() -> None:
    document = zipfile.ZipFile(io.BytesIO(render(q2_report()))).read("word/document.xml")
    swapped = document.replace(b"<w:keepNext/>", b"", 1).replace(
        b'<w:jc w:val="both"/>', b'<w:jc w:val="both"/><w:keepNext/>', 1
    )
    assert any("out of schema order" in problem for problem in schema_problems(swapped))
    settings = (
        b'<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    )
    stray = settings + b"<w:zoom w:val='bestFit'/>{_INDENT}</w:settings>"
    assert sorted(p.split(": ", 1)[1] for p in schema_problems(stray)) == [
        "no w:percent",
        "text '{_INDENT}' after it",
    ]


def test_the_package_parts_types_and_relationships() -> None:
    from lxml import etree

    archive = zipfile.ZipFile(io.BytesIO(render(q2_report())))
    names = archive.namelist()
    assert names[0] == "[Content_Types].xml" and len(names) == len(set(names))
    parts = {name: etree.fromstring(archive.read(name)) for name in names}  # all well-formed
    types = parts["[Content_Types].xml"]
    assert types.tag == "{http://schemas.openxmlformats.org/package/2006/content-types}Types"
    overrides = {o.get("PartName"): o.get("ContentType") for o in types if "PartName" in o.attrib}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types if "Extension" in d.attrib}
    assert defaults["rels"] == "application/vnd.openxmlformats-package.relationships+xml"
    office = "application/vnd.openxmlformats-officedocument"
    main = f"{office}.wordprocessingml"
    assert overrides == {
        "/word/document.xml": f"{main}.document.main+xml",
        "/word/styles.xml": f"{main}.styles+xml",
        "/word/settings.xml": f"{main}.settings+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{office}.extended-properties+xml",
    }
    assert {f"/{name}" for name in names if not name.endswith(".rels")} - {
        "/[Content_Types].xml"
    } == set(overrides)

    def targets(rels: str, base: str) -> dict[str, str]:
        root = parts[rels]
        assert (
            root.tag
            == "{http://schemas.openxmlformats.org/package/2006/relationships}Relationships"
        )
        ids = [r.get("Id") for r in root]
        assert len(ids) == len(set(ids))
        return {r.get("Type").rsplit("/", 1)[1]: base + r.get("Target") for r in root}

    assert targets("_rels/.rels", "") == {
        "officeDocument": "word/document.xml",
        "core-properties": "docProps/core.xml",
        "extended-properties": "docProps/app.xml",
    }
    assert targets("word/_rels/document.xml.rels", "word/") == {
        "styles": "word/styles.xml",
        "settings": "word/settings.xml",
    }
    core, app = parts["docProps/core.xml"], parts["docProps/app.xml"]
    assert core.nsmap["cp"].endswith("/package/2006/metadata/core-properties")
    assert app.tag.endswith("/officeDocument/2006/extended-properties}Properties")


def test_the_prose_says_what_the_table_says() -> None:
    """Issue #15: the counts, the statuses, the flagged target and the ranking rule of the
    body are the table's."""
    from kehoach_cli.render.terminal import counts_line, render_text

    report = q2_report()
    body = texts(open_doc(report))
    table = render_text(report, 200)
    line = counts_line(report)
    assert line in body and line in table
    assert report.ranking_rule in body
    assert any(note in body for note in report.notes)  # "Chỉ tiêu cần đính chính: …"
    assert "Các chỉ tiêu chưa đạt kế hoạch:" in body
    short = [i for i in report.indicators if i.status == "not_yet_achieved"]
    assert sum(1 for p in body if p.startswith("- ")) >= len(short)
    for item in report.indicators:
        assert item.status_label in table
    assert not any("0,55%" in p for p in body)  # a difference of rates is in điểm phần trăm
