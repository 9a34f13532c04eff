"""WordprocessingML written as text: the body's elements and the package around them.

``Doc`` collects paragraphs and tables with the few formatting primitives an official document
needs (``render.docx`` says what goes in them); ``package`` zips the body with the fixed parts:
its styles (document defaults, Normal, Normal Table, Table Grid), the settings, the content
types, the relationships and the properties.

The XML is written as text, not through python-docx: importing python-docx, loading its
template (a 440 kB styles part) and building the XML element by element took about four times
as long as the rest of ``kehoach report``. python-docx still reads these files in the tests.
Word is stricter than LibreOffice: the children of every property element (``w:pPr``,
``w:rPr``, ``w:tblPr``, ``w:trPr``, ``w:tcPr``, ``w:sectPr``, ``w:style``, ``w:settings``) are
written in the order of the ECMA-376 schema, which ``tests/render/test_docx.py`` checks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from .xlsx import stable_package

FONT = "Times New Roman"
BODY = 14
# Millimetres: top, bottom, left, right (Nghị định 30/2020: 20–25, 20–25, 30–35, 15–20).
MARGINS = (20, 20, 30, 15)
A4 = (210, 297)
FIRST_LINE = 1.27  # cm

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_FONTS = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
_JC = {"justify": "both", "center": "center", "left": "left", "right": "right"}
# Characters XML 1.0 cannot carry (python-docx refused them); tabs and breaks become elements.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BREAKS = re.compile("(\t|\r\n|\n|\r)")


def _escape(text: str, quote: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text


def twips_cm(cm: float) -> int:
    """Centimetres in twentieths of a point, rounded as Word does (python-docx's Cm().twips).

    >>> twips_cm(1.27), twips_cm(9.3)
    (720, 5272)
    """
    return round(int(cm * 360000) / 635)


def twips_mm(mm: float) -> int:
    """
    >>> twips_mm(210), twips_mm(297), twips_mm(20), twips_mm(15)
    (11906, 16838, 1134, 850)
    """
    return round(int(mm * 36000) / 635)


def _run(text: str, bold: bool, italic: bool, size: float, underline: bool) -> str:
    props = (
        _FONTS
        + ("<w:b/>" if bold else "")
        + ("<w:i/>" if italic else "")
        + f'<w:sz w:val="{round(size * 2)}"/>'
        + ('<w:u w:val="single"/>' if underline else "")
    )
    content = []
    for piece in _BREAKS.split(_NOT_XML.sub("", text)):
        if piece == "\t":
            content.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            content.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if piece != piece.strip() else ""
            content.append(f"<w:t{space}>{_escape(piece)}</w:t>")
    return f"<w:r><w:rPr>{props}</w:rPr>{''.join(content)}</w:r>"


class _Paragraph:
    """A paragraph: its properties (changed until the document is written) and its runs."""

    __slots__ = (
        "align",
        "before",
        "after",
        "keep_next",
        "first_line",
        "side_indent",
        "rule",
        "tab",
        "tiny_mark",
        "section",
        "runs",
    )

    def __init__(self, align: str | None = None, before: float | None = None) -> None:
        self.align = align
        self.before = before
        self.after: float | None = None
        self.keep_next = False
        self.first_line = 0  # twips
        self.side_indent = 0  # twips, left and right
        self.rule = False  # a top border (the short rules under the heading)
        self.tab = 0  # twips: a right tab stop with a dotted leader
        self.tiny_mark = False
        self.section = ""  # the w:sectPr of the section this paragraph ends
        self.runs: list[str] = []

    def xml(self) -> str:
        props = []
        if self.keep_next:
            props.append("<w:keepNext/>")
        if self.rule:
            props.append(
                '<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
            )
        if self.tab:
            props.append(
                f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{self.tab}"/></w:tabs>'
            )
        spacing = ""
        if self.before is not None:
            spacing += f' w:before="{round(self.before * 20)}"'
        if self.after is not None:
            spacing += f' w:after="{round(self.after * 20)}"'
        if spacing:
            props.append(f"<w:spacing{spacing}/>")
        if self.first_line or self.side_indent:
            ind = ""
            if self.side_indent:
                ind += f' w:left="{self.side_indent}" w:right="{self.side_indent}"'
            if self.first_line:
                ind += f' w:firstLine="{self.first_line}"'
            props.append(f"<w:ind{ind}/>")
        if self.align:
            props.append(f'<w:jc w:val="{_JC[self.align]}"/>')
        if self.tiny_mark:
            props.append('<w:rPr><w:sz w:val="2"/></w:rPr>')
        props.append(self.section)
        inner = "".join(props)
        return f"<w:p>{'<w:pPr>' + inner + '</w:pPr>' if inner else ''}{''.join(self.runs)}</w:p>"


class _Cell:
    __slots__ = ("width", "span", "merge", "fill", "middle", "paragraphs", "covered")

    def __init__(self, width: int) -> None:
        self.width = width  # twips
        self.span = 1
        self.merge = ""  # "restart" on the first cell of a vertical merge, "continue" below it
        self.fill = ""
        self.middle = False
        self.covered = False  # taken by the cell on its left (a horizontal merge)
        self.paragraphs = [_Paragraph()]

    def xml(self) -> str:
        props = f'<w:tcW w:type="dxa" w:w="{self.width}"/>'
        if self.span > 1:
            props += f'<w:gridSpan w:val="{self.span}"/>'
        if self.merge == "restart":
            props += '<w:vMerge w:val="restart"/>'
        elif self.merge == "continue":
            props += "<w:vMerge/>"
        if self.fill:
            props += f'<w:shd w:val="clear" w:color="auto" w:fill="{self.fill}"/>'
        if self.middle:
            props += '<w:vAlign w:val="center"/>'
        paragraphs = "".join(p.xml() for p in self.paragraphs)
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>"


class _Row:
    __slots__ = ("cells", "header", "keep")

    def __init__(self, widths: Sequence[int]) -> None:
        self.cells = [_Cell(width) for width in widths]
        self.header = False  # repeated at the top of every page
        self.keep = False  # never split across pages

    def shown(self) -> list[_Cell]:
        return [cell for cell in self.cells if not cell.covered]

    def xml(self) -> str:
        # In Word's order; bare, since Office's validator takes only "on"/"off" in w:tblHeader.
        props = ("<w:cantSplit/>" if self.keep else "") + ("<w:tblHeader/>" if self.header else "")
        cells = "".join(cell.xml() for cell in self.shown())
        return f"<w:tr>{'<w:trPr>' + props + '</w:trPr>' if props else ''}{cells}</w:tr>"


class _Table:
    def __init__(self, widths_cm: Sequence[float], rows: int, borders: bool) -> None:
        self.cell_widths = [twips_cm(width) for width in widths_cm]
        self.grid = [int(width * 567) for width in widths_cm]
        self.borders = borders
        self.rows = [_Row(self.cell_widths) for _ in range(rows)]

    def add_row(self) -> _Row:
        self.rows.append(_Row(self.cell_widths))
        return self.rows[-1]

    def merge_across(self, row: _Row, first: int, last: int) -> _Cell:
        cell = row.cells[first]
        for other in row.cells[first + 1 : last + 1]:
            other.covered = True
            cell.width += other.width
        cell.span = last - first + 1
        return cell

    def merge_down(self, col: int) -> _Cell:
        """The cell of the first row over the first two rows (the two-level header)."""
        top, below = self.rows[0].cells[col], self.rows[1].cells[col]
        top.merge, below.merge = "restart", "continue"
        return top

    def xml(self) -> str:
        style = '<w:tblStyle w:val="TableGrid"/>' if self.borders else ""
        # Schema order of w:tblPr: tblStyle, tblW, jc, tblBorders, tblLayout, tblLook.
        borders = ""
        if not self.borders:
            edges = ("top", "left", "bottom", "right", "insideH", "insideV")
            borders = "".join(f'<w:{edge} w:val="nil"/>' for edge in edges)
            borders = f"<w:tblBorders>{borders}</w:tblBorders>"
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in self.grid)
        return (
            f'<w:tbl><w:tblPr>{style}<w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/>'
            f'{borders}<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" '
            'w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" '
            f'w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            + "".join(row.xml() for row in self.rows)
            + "</w:tbl>"
        )


def _section(landscape: bool) -> str:
    width, height = A4
    if landscape:
        width, height = height, width
    orient = ' w:orient="landscape"' if landscape else ""
    top, bottom, left, right = (twips_mm(mm) for mm in MARGINS)
    return (
        f'<w:sectPr><w:pgSz w:w="{twips_mm(width)}" w:h="{twips_mm(height)}"{orient}/>'
        f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
        'w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/>'
        '<w:docGrid w:linePitch="360"/></w:sectPr>'
    )


class Doc:
    """The body being written, with the few formatting primitives an official document needs."""

    def __init__(self) -> None:
        self.body: list[_Paragraph | _Table] = []
        self.landscape = False

    # --- paragraphs and runs

    def run(
        self,
        paragraph: _Paragraph,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        size: float = BODY,
        underline: bool = False,
    ) -> None:
        paragraph.runs.append(_run(text, bold, italic, size, underline))

    def para(
        self,
        text: str = "",
        *,
        container: _Cell | None = None,
        align: str = "justify",
        indent: bool = False,
        before: float = 0,
        after: float = 6,
        keep_next: bool = False,
        **style: Any,
    ) -> _Paragraph:
        paragraph = _Paragraph(align, before)
        paragraph.after = after
        paragraph.keep_next = keep_next
        if indent:
            paragraph.first_line = twips_cm(FIRST_LINE)
        if container is not None:
            container.paragraphs.append(paragraph)
        else:
            self.body.append(paragraph)
        if text:
            self.run(paragraph, text, **style)
        return paragraph

    def rule(self, container: _Cell | None, width_cm: float, room_cm: float) -> None:
        """A short centred horizontal rule (under the issuer, the motto, the subject)."""
        paragraph = self.para(container=container, align="center", before=2, after=0)
        paragraph.side_indent = twips_cm(max((room_cm - width_cm) / 2, 0))
        paragraph.rule = True
        self.run(paragraph, "", size=2)

    def dotted_line(self, width_cm: float) -> None:
        """A line of dots across the text width, for the officer to write on."""
        paragraph = self.para(after=6)
        paragraph.tab = twips_cm(width_cm)
        self.run(paragraph, "\t")

    # --- tables

    def table(self, rows: int, cols: int, widths_cm: Sequence[float], borders: bool) -> _Table:
        if len(widths_cm) != cols:
            raise ValueError("one width per column")
        table = _Table(widths_cm, rows, borders)
        self.body.append(table)
        return table

    def cell_text(self, cell: _Cell, text: str, align: str = "left", **style: Any) -> _Paragraph:
        paragraph = cell.paragraphs[0]
        paragraph.align = align
        paragraph.after = 0
        if text:
            self.run(paragraph, text, **style)
        return paragraph

    def new_section(self, landscape: bool) -> None:
        """End the current section on a new page; what follows is on ``landscape`` pages.

        The paragraph that ends the section is empty: its mark is tiny, so that it never
        spills onto a blank page of its own after the signature block.
        """
        end = _Paragraph()
        end.tiny_mark = True
        end.section = _section(self.landscape)
        self.body.append(end)
        self.landscape = landscape

    def xml(self) -> str:
        body = "".join(part.xml() for part in self.body)
        return (
            f'{_DECL}<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>{body}'
            f"{_section(self.landscape)}</w:body></w:document>"
        )


def text_width_cm(landscape: bool = False) -> float:
    width = A4[1] if landscape else A4[0]
    return (width - MARGINS[2] - MARGINS[3]) / 10


# --- the package around the body ------------------------------------------------------------

_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument"
# The template python-docx used: Times New Roman in every slot and Normal at 14 pt, single line,
# no spacing (as the renderer set them); Word's Normal Table and Table Grid.
_TABLE_INDENT = '<w:tblInd w:w="0" w:type="dxa"/>'
_CELL_MARGINS = (
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
)
_GRID = "".join(
    f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
)
STYLES = (
    f'{_DECL}<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>{_FONTS}'
    '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" '
    'w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="200" '
    'w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    f'</w:pPr><w:rPr>{_FONTS}<w:sz w:val="{BODY * 2}"/></w:rPr></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
    "<w:unhideWhenUsed/></w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    f"<w:tblPr>{_TABLE_INDENT}{_CELL_MARGINS}</w:tblPr></w:style>"
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" '
    f'w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr>{_TABLE_INDENT}'
    f"<w:tblBorders>{_GRID}</w:tblBorders>{_CELL_MARGINS}</w:tblPr></w:style></w:styles>"
)
# The template's compatibility settings (Word 2010 layout), which decide how Word lays out.
SETTINGS = (
    f'{_DECL}<w:settings xmlns:w="{_W}"><w:zoom w:val="bestFit" w:percent="100"/>'
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    "<w:compat><w:useFELayout/>"
    + "".join(
        f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" '
        f'w:val="{value}"/>'
        for name, value in (
            ("compatibilityMode", 14),
            ("overrideTableStyleFontSizeAndJustification", 1),
            ("enableOpenTypeFeatures", 1),
            ("doNotFlipMirrorIndents", 1),
        )
    )
    + '</w:compat><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
)
CONTENT_TYPES = (
    f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{_TYPES}.extended-properties+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/><Override PartName="/word/document.xml" '
    f'ContentType="{_TYPES}.wordprocessingml.document.main+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_TYPES}.wordprocessingml.'
    'settings+xml"/><Override PartName="/word/styles.xml" '
    f'ContentType="{_TYPES}.wordprocessingml.styles+xml"/></Types>'
)
PACKAGE_RELS = (
    f'{_DECL}<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_RELS}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{_RELS}/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_OFFICE_RELS}/extended-properties" '
    'Target="docProps/app.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    f'{_DECL}<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_RELS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_OFFICE_RELS}/settings" Target="settings.xml"/>'
    "</Relationships>"
)
APP = (
    f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>kehoach</Application></Properties>'
)


def _core(title: str, lang: str, day: date) -> str:
    made = f"{day.isoformat()}T00:00:00Z"
    stamp = f'xsi:type="dcterms:W3CDTF">{made}'
    return (
        f"{_DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_escape(title)}</dc:title><dc:creator>kehoach</dc:creator>"
        "<cp:lastModifiedBy>kehoach</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f"<dcterms:created {stamp}</dcterms:created><dcterms:modified {stamp}</dcterms:modified>"
        f"<cp:lastPrinted>{made}</cp:lastPrinted><dc:language>{_escape(lang)}</dc:language>"
        "</cp:coreProperties>"
    )


def package(document: str, title: str, lang: str, day: date) -> bytes:
    """The .docx: the body ``document`` with its styles, settings and properties, zipped."""
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", _core(title, lang, day)),
        ("docProps/app.xml", APP),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/settings.xml", SETTINGS),
    ]
    return stable_package([(name, text.encode()) for name, text in parts], day)
