"""Build the default Word template of the report: src/kehoach_cli/render/templates/bao-cao.docx.

Run it after changing the layout: ``python scripts/make_docx_template.py``. The template is an
ordinary .docx with Jinja tags (docxtpl) that an office may open in Word and edit: letterhead,
fixed wording, recipients, signer. Every word is a tag filled from the plan and the message
catalog (so the same template gives the English report), and any tag can be replaced by literal
text in Word. ``kehoach docx-template --output mau-bao-cao.docx`` writes this file out.

The layout follows Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait, margins 20/20/30/15 mm,
Times New Roman 14 pt, first-line indent 1,27 cm, page numbers centred in the top margin from the
second page, the appendix on landscape pages. The appendix table itself is added by kehoach
after the template's last paragraph (its columns depend on the report).

python-docx has no public call for a few WordprocessingML settings (a page-number field, the
language, a paragraph's bottom border, the East-Asian font slot); they are set here on the
elements python-docx exposes, once, when the template is built — never at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
OUT = Path(__file__).resolve().parents[1] / "src/kehoach_cli/render/templates/bao-cao.docx"
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def _fonts_and_language(doc) -> None:  # noqa: ANN001
    """Times New Roman in all four font slots and Vietnamese as the proofing language."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.0
    fmt.alignment = JUSTIFY
    fmt.first_line_indent = Cm(1.27)


def _para(
    container,
    text: str = "",
    *,
    align=CENTER,
    bold=False,
    italic=False,
    size=None,
    indent=False,
    after=0,
    keep=False,
):  # noqa: ANN001, ANN202
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(1.27) if indent else Cm(0)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
    return p


def _rule(container, width_cm: float, column_cm: float) -> None:  # noqa: ANN001
    """A short centred rule under the line before: an empty paragraph's bottom border."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.first_line_indent = Cm(0)
    side = Cm(max((column_cm - width_cm) / 2, 0))
    fmt.left_indent = fmt.right_indent = side
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(2)
    ppr = p._p.get_or_add_pPr()  # noqa: SLF001 - build script, see the docstring
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _page_number_header(section) -> None:  # noqa: ANN001
    """The page number centred in the top margin, not on the first page (Nghị định 30)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.paragraph_format.alignment = CENTER
    p.paragraph_format.first_line_indent = Cm(0)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)  # noqa: SLF001 - build script, see the docstring


def _no_borders(table, widths) -> None:  # noqa: ANN001
    """Fixed column widths, centred; python-docx's default table style draws no borders."""
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)


def _letterhead(doc) -> None:  # noqa: ANN001
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table, (8.4, 9.3))
    left, right = table.rows[0].cells
    left.paragraphs[0].paragraph_format.alignment = CENTER
    left.paragraphs[0].paragraph_format.first_line_indent = Cm(0)
    left.paragraphs[0].paragraph_format.space_after = Pt(0)
    run = left.paragraphs[0].add_run("{{ parent_body }}")
    run.font.size = Pt(12)
    _para(left, "{{ issuer }}", bold=True, size=12)
    _rule(left, 2.5, 8.4)
    right.paragraphs[0].paragraph_format.alignment = CENTER
    right.paragraphs[0].paragraph_format.first_line_indent = Cm(0)
    right.paragraphs[0].paragraph_format.space_after = Pt(0)
    run = right.paragraphs[0].add_run("{{ nation }}")
    run.bold = True
    run.font.size = Pt(12)
    _para(right, "{{ motto }}", bold=True, size=14)
    _rule(right, 6.2, 9.3)
    low_left, low_right = table.rows[1].cells
    for cell, text, italic, size in (
        (low_left, "{{ number_line }}", False, 13),
        (low_right, "{{ place_date }}", True, 14),
    ):
        p = cell.paragraphs[0]
        p.paragraph_format.alignment = CENTER
        p.paragraph_format.first_line_indent = Cm(0)
        p.paragraph_format.space_before = Pt(6)
        run = p.add_run(text)
        run.italic = italic
        run.font.size = Pt(size)


def _body(doc) -> None:  # noqa: ANN001
    _para(doc, after=6)
    _para(doc, "{{ kind }}", bold=True)
    _para(doc, "{{ subject }}", bold=True)
    _rule(doc, 4.0, 16.5)
    _para(doc, after=6)
    # One block a paragraph: level 1 "I. …", 2 "1. …", 3 "a) …", 0 a body paragraph,
    # "dots" a dotted line (a tab with a dot leader) for the officer to write on by hand.
    _para(doc, "{%p for b in body %}", align=LEFT)
    _para(doc, "{%p if b.level == 1 %}", align=LEFT)
    _para(doc, "{{ b.text }}", align=JUSTIFY, bold=True, indent=True, after=6, keep=True)
    _para(doc, "{%p elif b.level == 2 %}", align=LEFT)
    _para(doc, "{{ b.text }}", align=JUSTIFY, bold=True, indent=True, after=6, keep=True)
    _para(doc, "{%p elif b.level == 3 %}", align=LEFT)
    _para(
        doc, "{{ b.text }}", align=JUSTIFY, bold=True, italic=True, indent=True, after=6, keep=True
    )
    _para(doc, "{%p elif b.level == 'dots' %}", align=LEFT)
    dots = _para(doc, align=LEFT, after=0)
    dots.paragraph_format.tab_stops.add_tab_stop(
        Cm(16.5), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )
    dots.add_run().add_tab()
    _para(doc, "{%p else %}", align=LEFT)
    _para(doc, "{{ b.text }}", align=JUSTIFY, indent=True, after=6)
    _para(doc, "{%p endif %}", align=LEFT)
    _para(doc, "{%p endfor %}", align=LEFT)


def _signature(doc) -> None:  # noqa: ANN001
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table, (7.5, 9.0))
    # The signature block is never split across two pages.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # noqa: SLF001
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    first.paragraph_format.alignment = LEFT
    first.paragraph_format.first_line_indent = Cm(0)
    first.paragraph_format.space_after = Pt(0)
    run = first.add_run("{{ recipients_label }}")
    run.bold = run.italic = True
    run.font.size = Pt(12)
    _para(left, "{%p for r in recipients %}", align=LEFT)
    _para(left, "- {{ r }}", align=LEFT, size=11)
    _para(left, "{%p endfor %}", align=LEFT)
    top = right.paragraphs[0]
    top.paragraph_format.alignment = CENTER
    top.paragraph_format.first_line_indent = Cm(0)
    top.paragraph_format.space_after = Pt(0)
    run = top.add_run("{{ signer_on_behalf }}")
    run.bold = True
    _para(right, "{{ signer_title }}", bold=True)
    for _ in range(4):
        _para(right)
    _para(right, "{{ signer_name }}", bold=True)


def _appendix(doc) -> None:  # noqa: ANN001
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(20), Mm(15)
    # The appendix's first page shows its number too; the header is the same as before.
    section.different_first_page_header_footer = False
    _para(doc, "{{ appendix_label }}", bold=True)
    _para(doc, "{{ appendix_title }}", bold=True)
    _para(doc, "{{ appendix_ref }}", italic=True)
    _para(doc, "{{ window_line }}", italic=True, size=12, after=6)
    _appendix_table(doc)
    _para(doc, "{%p for line in appendix_notes %}", align=LEFT)
    _para(doc, "{{ line }}", align=LEFT, italic=True, size=12)
    _para(doc, "{%p endfor %}", align=LEFT)
    _ranking_tables(doc)


# The appendix table: two header rows repeated on every page, then one row per line of the
# report (a heading row for sections and groups, an indicator row otherwise).
# (#16 added the last two: last year's figure at the same period and the change from it.)
_WIDTHS = (1.0, 5.4, 1.6, 2.0, 2.0, 2.0, 1.9, 1.7, 1.7, 3.0, 1.9, 2.0)
_CELLS = (
    ("{{r r.tt }}", CENTER),
    ("{{r r.name }}", LEFT),
    ("{{ r.unit }}", CENTER),
    ("{{ r.target }}", WD_ALIGN_PARAGRAPH.RIGHT),
    ("{{ r.in_period }}", WD_ALIGN_PARAGRAPH.RIGHT),
    ("{{ r.ytd }}", WD_ALIGN_PARAGRAPH.RIGHT),
    ("{{ r.pct }}", WD_ALIGN_PARAGRAPH.RIGHT),
    ("{{ r.expected }}", WD_ALIGN_PARAGRAPH.RIGHT),
    ("{{ r.remaining }}", WD_ALIGN_PARAGRAPH.RIGHT),
    ("{{ r.status }}", CENTER),
    ("{{ r.previous_year }}", WD_ALIGN_PARAGRAPH.RIGHT),
    ("{{ r.change }}", WD_ALIGN_PARAGRAPH.RIGHT),
)


def _cell_text(cell, text: str, align, *, bold=False, size=12) -> None:  # noqa: ANN001
    p = cell.paragraphs[0]
    p.paragraph_format.alignment = align
    p.paragraph_format.first_line_indent = Cm(0)
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _repeat_and_keep(row) -> None:  # noqa: ANN001
    trpr = row._tr.get_or_add_trPr()  # noqa: SLF001 - build script, see the docstring
    for tag in ("w:tblHeader", "w:cantSplit"):
        trpr.append(OxmlElement(tag))


def _appendix_table(doc) -> None:  # noqa: ANN001
    table = doc.add_table(rows=5, cols=len(_WIDTHS))
    _no_borders(table, _WIDTHS)
    table.style = doc.styles["Table Grid"]
    top, sub = table.rows[0], table.rows[1]
    for col, tag in enumerate(("{{ h.tt }}", "{{ h.name }}", "{{ h.unit }}", "{{ h.target }}")):
        merged = top.cells[col].merge(sub.cells[col])
        _cell_text(merged, tag, CENTER, bold=True)
    _cell_text(top.cells[4].merge(top.cells[5]), "{{ h.done }}", CENTER, bold=True)
    _cell_text(sub.cells[4], "{{ h.in_period }}", CENTER, bold=True)
    _cell_text(sub.cells[5], "{{ h.ytd }}", CENTER, bold=True)
    _cell_text(top.cells[6].merge(top.cells[7]), "{{ h.compare }}", CENTER, bold=True)
    _cell_text(sub.cells[6], "{{ h.vs_target }}", CENTER, bold=True)
    _cell_text(sub.cells[7], "{{ h.vs_expected }}", CENTER, bold=True)
    singles = ((8, "{{ h.remaining }}"), (9, "{{ h.status }}"))
    singles += ((10, "{{ h.previous_year }}"), (11, "{{ h.change }}"))
    for col, tag in singles:
        _cell_text(top.cells[col].merge(sub.cells[col]), tag, CENTER, bold=True)
    for row in (top, sub):
        _repeat_and_keep(row)
    opening, rows, closing = table.rows[2], table.rows[3], table.rows[4]
    _cell_text(opening.cells[0], "{%tr for r in rows %}", LEFT)
    for (text, align), cell in zip(_CELLS, rows.cells, strict=False):
        # TT and name are docxtpl RichText ({{r …}}): bold on the rows of sections and groups.
        _cell_text(cell, text, align)
    _cell_text(closing.cells[0], "{%tr endfor %}", LEFT)


def _simple_table(doc, loop: str, header: tuple[str, ...], cells, widths) -> None:  # noqa: ANN001
    """A bordered table: a header row repeated on every page, then one row per item of
    ``loop`` (``{%tr for … %}``), cells given as (tag, alignment)."""
    table = doc.add_table(rows=4, cols=len(widths))
    _no_borders(table, widths)
    table.style = doc.styles["Table Grid"]
    for cell, tag in zip(table.rows[0].cells, header, strict=True):
        _cell_text(cell, tag, CENTER, bold=True)
    _repeat_and_keep(table.rows[0])
    _cell_text(table.rows[1].cells[0], "{%tr " + loop + " %}", LEFT)
    for (text, align), cell in zip(cells, table.rows[2].cells, strict=True):
        _cell_text(cell, text, align)
    # A row is never split across two pages.
    table.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # noqa: SLF001
    _cell_text(table.rows[3].cells[0], "{%tr endfor %}", LEFT)


def _ranking_tables(doc) -> None:  # noqa: ANN001
    """The emulation ranking and, for the year, the commendation proposals (issue #18)."""
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _para(doc, "{%p if units %}", align=LEFT)
    _para(
        doc, "{{ ranking_title }}", bold=True, after=6, keep=True
    ).paragraph_format.space_before = Pt(12)
    _simple_table(
        doc,
        "for u in units",
        tuple(
            f"{{{{ uh.{key} }}}}" for key in ("rank", "unit", "assessed", "good", "share", "mean")
        ),
        (
            ("{{ u.rank }}", CENTER),
            ("{{ u.unit }}", LEFT),
            ("{{ u.assessed }}", right),
            ("{{ u.good }}", right),
            ("{{ u.share }}", right),
            ("{{ u.mean }}", right),
        ),
        (1.5, 9.5, 3.0, 3.5, 3.0, 4.0),
    )
    _para(doc, "{{ ranking_note }}", align=LEFT, italic=True, size=12)
    _para(doc, "{%p endif %}", align=LEFT)
    _para(doc, "{%p if commendation_rule %}", align=LEFT)
    title = _para(doc, "{{ commendation_title }}", bold=True, after=6, keep=True)
    title.paragraph_format.space_before = Pt(12)
    _para(doc, "{%p if commendations %}", align=LEFT)
    _simple_table(
        doc,
        "for c in commendations",
        tuple(f"{{{{ ch.{key} }}}}" for key in ("tt", "unit", "rank", "result", "award")),
        (
            ("{{ c.tt }}", CENTER),
            ("{{ c.unit }}", LEFT),
            ("{{ c.rank }}", CENTER),
            ("{{ c.result }}", LEFT),
            ("{{ c.award }}", LEFT),
        ),
        (1.2, 7.0, 2.0, 5.8, 8.5),
    )
    _para(doc, "{%p endif %}", align=LEFT)
    _para(doc, "{{ commendation_rule }}", align=LEFT, italic=True, size=12)
    _para(doc, "{%p endif %}", align=LEFT)


def build() -> bytes:
    import io

    doc = Document()
    _fonts_and_language(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    _page_number_header(section)
    # python-docx's default document starts with an empty paragraph: the letterhead goes first.
    for paragraph in list(doc.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)  # noqa: SLF001 - build script
    _letterhead(doc)
    _body(doc)
    _signature(doc)
    _appendix(doc)
    props = doc.core_properties
    props.title = "{{ subject }}"
    props.author = props.last_modified_by = "kehoach"
    props.language = "vi-VN"
    props.comments = ""
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(build())
    sys.stdout.write(f"wrote {OUT}\n")
