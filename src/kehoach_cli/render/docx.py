"""The report as an official .docx document in the format of Nghị định 30/2020/NĐ-CP.

A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt (13 pt for the number line, 12/11 pt
for "Nơi nhận"), the two-column heading without borders, "Số: …/BC-UBND" and the italic place
and date line (dots until ``--number``/``--date`` fill them), "BÁO CÁO" and its subject, a body
written from the figures section by section, the emulation contents with dotted lines for the
officer, "Nơi nhận" and the signature block; then the indicator table as an appendix on
landscape pages with its header rows repeated on every page.

Fonts are set on every run with all four ``w:rFonts`` slots (ascii, hAnsi, eastAsia, cs) and
on the document defaults, so Vietnamese letters never fall back to a theme or East-Asian font.

The WordprocessingML is written here as text, not through python-docx: importing python-docx,
loading its template (a 440 kB styles part) and building the XML element by element took about
four times as long as the rest of ``kehoach report``. The package has only the parts the
document uses: the body, its styles (document defaults, Normal, Normal Table, Table Grid), the
settings and the properties. python-docx still reads these files in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from ..messages import t_in
from ..numbers import format_number
from ..report import IndicatorResult, Report
from .terminal import counts_line, expected, number, percent, row_name
from .xlsx import (
    date_parts,
    document_number,
    done_columns,
    done_values,
    place_date,
    stable_package,
    window_line,
)

FONT = "Times New Roman"
BODY = 14
# Millimetres: top, bottom, left, right (Nghị định 30/2020: 20–25, 20–25, 30–35, 15–20).
MARGINS = (20, 20, 30, 15)
A4 = (210, 297)
FIRST_LINE = 1.27  # cm
HEADER_FILL = "D9E1F2"

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
        props = ('<w:tblHeader w:val="true"/>' if self.header else "") + (
            "<w:cantSplit/>" if self.keep else ""
        )
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


class _Doc:
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


# --- the document ----------------------------------------------------------------------------


def _heading(d: _Doc, report: Report) -> None:
    lang = report.lang
    # The heading is a little wider than the text (centred, 0.6 cm into each margin), as
    # official forms are, so that the national name and the bodies' names fit on one line.
    left, right = 8.4, 9.3
    table = d.table(2, 2, (left, right), borders=False)
    top_left, top_right = table.rows[0].cells
    d.cell_text(top_left, report.plan.parent_body.upper(), "center", size=12)
    d.para(
        report.plan.issuer.upper(), container=top_left, align="center", after=0, bold=True, size=12
    )
    d.rule(top_left, 2.5, left)
    d.cell_text(top_right, t_in(lang, "export.nation"), "center", bold=True, size=12)
    d.para(
        t_in(lang, "export.motto"), container=top_right, align="center", after=0, bold=True, size=14
    )
    d.rule(top_right, 6.2, right)
    low_left, low_right = table.rows[1].cells
    number_text = t_in(lang, "export.number", number=document_number(report))
    d.cell_text(low_left, number_text, "center", size=13)
    d.cell_text(low_right, place_date(report), "center", italic=True, size=14)
    d.para(after=6)
    d.para(t_in(lang, "export.docx.kind"), align="center", after=0, bold=True, size=14)
    subject = t_in(lang, "export.docx.subject", period=report.period.label)
    d.para(subject, align="center", after=0, bold=True, size=14)
    d.rule(None, 4.0, text_width_cm())


def _value(report: Report, item: IndicatorResult, value: Decimal | None) -> str:
    """A figure with its unit as a sentence writes it: "160 tấn", "31,20%"."""
    text = number(report, value, item.decimals)
    if item.unit == "%":
        return text + "%"
    unit = item.unit.lower() if report.lang == "vi" else item.unit
    return f"{text} {unit}".strip()


def sentence(report: Report, item: IndicatorResult, name: str) -> str:
    """One indicator as reports state it ("… ước đạt 160 tấn, đạt 49,54% kế hoạch năm")."""
    lang = report.lang
    status = item.status_label.lower() if lang == "vi" else item.status_label
    if item.actual is None:
        return t_in(lang, "export.docx.no_data", name=name)
    value = _value(report, item, item.actual)
    target = _value(report, item, item.target) if item.target is not None else ""
    if item.direction == "none" and item.target is not None:
        return t_in(lang, "export.docx.projection", name=name, value=value, target=target)
    if item.completion_pct is None:
        return t_in(lang, "export.docx.reached_no_pct", name=name, value=value, status_lower=status)
    pct = percent(report, item.completion_pct)
    if item.direction == "lower":
        return t_in(
            lang,
            "export.docx.reached_lower",
            name=name,
            value=value,
            target=target,
            pct=pct,
            status_lower=status,
        )
    return t_in(lang, "export.docx.reached", name=name, value=value, pct=pct, status_lower=status)


def behind_sentence(report: Report, item: IndicatorResult, name: str) -> str:
    lang = report.lang
    remaining = _value(report, item, item.remaining) if item.remaining is not None else ""
    if item.direction == "lower":
        return t_in(
            lang,
            "export.docx.behind_item_lower",
            name=name,
            value=_value(report, item, item.actual),
            target=_value(report, item, item.target),
            remaining=remaining,
        )
    gap = None
    if item.expected_pct is not None and item.completion_pct is not None:
        gap = item.expected_pct - item.completion_pct
    return t_in(
        lang,
        "export.docx.behind_item",
        name=name,
        pct=percent(report, item.completion_pct),
        expected=expected(report, item.expected_pct),
        gap=format_number(gap, 2, lang=lang),
        remaining=remaining,
    )


def spoken_names(report: Report) -> dict[str, str]:
    """A name that reads alone in a sentence: "Diện tích" under "Lúa" → "Diện tích lúa"."""
    names: dict[str, str] = {}
    stack: list[tuple[str, bool]] = []  # (name, is an indicator) by depth
    for row in report.rows:
        del stack[row.depth :]
        if row.code and row.type == "indicator":
            parent = stack[-1] if stack else None
            name = row.name.rstrip(":")
            # Under a crop ("Lúa" at depth 3: A › 1 › Một số cây trồng › Lúa), a measure
            # names its crop; under a broader heading the name already reads alone.
            if parent is not None and not parent[1] and row.depth >= 4:
                name = (
                    f"{name} {parent[0].rstrip(':').lower()}"
                    if report.lang == "vi"
                    else (f"{parent[0]}: {name}")
                )
            elif parent is not None and parent[1]:
                name = f"{parent[0]} - {name}"
            names[row.code] = name
        stack.append((row.name, row.code is not None))
    return names


def _body(d: _Doc, report: Report) -> None:
    lang = report.lang
    plan = report.plan
    period = report.period
    from ..periods import format_day

    opening = t_in(
        lang,
        "export.docx.opening",
        title=plan.title,
        commune=plan.commune,
        period=period.label,
        start=format_day(period.start, lang),
        end=format_day(period.end, lang),
    )
    d.para(opening, indent=True)
    d.para(t_in(lang, "export.docx.part_results"), bold=True, keep_next=True)
    by_code = report.by_code
    names = spoken_names(report)
    for row in report.rows:
        if row.type == "ref":
            continue
        item = by_code.get(row.code) if row.code else None
        if item is None:
            if row.depth == 0:
                label = f"{row.tt}. {row.name}" if row.tt else row.name
                d.para(label, bold=True, keep_next=True, indent=True)
            elif row.depth == 1:
                label = f"{row.tt}. {row.name}" if row.tt else row.name
                d.para(label, bold=True, italic=True, keep_next=True, indent=True)
            continue
        d.para(sentence(report, item, names.get(item.code, item.name)), indent=True)

    counts = dict(report.counts)
    d.para(t_in(lang, "export.docx.counts", total=len(report.indicators), **counts), indent=True)
    behind = [item for item in report.indicators if item.status == "behind"]
    if behind:
        d.para(t_in(lang, "export.docx.behind_intro"), indent=True, keep_next=True)
        for item in behind:
            d.para(
                "- " + behind_sentence(report, item, names.get(item.code, item.name)), indent=True
            )
    else:
        d.para(t_in(lang, "export.docx.none_behind"), indent=True)
    missing = [names.get(i.code, i.name) for i in report.indicators if i.status == "no_data"]
    if missing:
        d.para(t_in(lang, "export.docx.no_data_intro", names="; ".join(missing)), indent=True)
    ranked = [
        t_in(
            lang,
            "export.docx.ranking_item",
            rank=u.rank,
            unit=u.short_name or u.name,
            share=percent(report, u.share_pct),
        )
        for u in report.units
        if u.rank is not None
    ]
    if ranked:
        d.para(t_in(lang, "export.docx.ranking_intro", ranking="; ".join(ranked)), indent=True)
    d.para(t_in(lang, "export.docx.appendix_see"), indent=True, italic=True)


def _emulation(d: _Doc, report: Report, contents: Sequence[tuple[str, str]]) -> None:
    lang = report.lang
    width = text_width_cm()
    d.para(t_in(lang, "export.docx.part_emulation"), bold=True, keep_next=True)
    d.para(t_in(lang, "export.docx.to_complete"), italic=True, indent=True, keep_next=True)
    for label, text in contents:
        d.para(f"{label}) {text}:", indent=True, keep_next=True)
        d.dotted_line(width)
        d.dotted_line(width)
    if not contents:
        for _ in range(3):
            d.dotted_line(width)
    for key in ("export.docx.part_assessment", "export.docx.part_next"):
        d.para(t_in(lang, key), bold=True, keep_next=True)
        for _ in range(3):
            d.dotted_line(width)
    closing = t_in(
        lang, "export.docx.closing", period=report.period.label, commune=report.plan.commune
    )
    d.para(closing, indent=True, after=12, keep_next=True)


def _signature(d: _Doc, report: Report) -> None:
    lang = report.lang
    plan = report.plan
    left, right = 7.5, text_width_cm() - 7.5
    table = d.table(1, 2, (left, right), borders=False)
    table.rows[0].keep = True  # the signature block is never split across pages
    recipients_cell, signer_cell = table.rows[0].cells
    d.cell_text(
        recipients_cell, t_in(lang, "export.docx.recipients"), bold=True, italic=True, size=12
    )
    recipients = [r.rstrip(".;") for r in plan.recipients]
    if not any(r.lower().startswith(("lưu", "archive")) for r in recipients):
        recipients.append(t_in(lang, "export.docx.archive"))
    for index, name in enumerate(recipients):
        end = "." if index == len(recipients) - 1 else ";"
        d.para(f"- {name}{end}", container=recipients_cell, align="left", after=0, size=11)
    d.cell_text(signer_cell, plan.signer_on_behalf.upper(), "center", bold=True, size=14)
    d.para(
        plan.signer_title.upper(),
        container=signer_cell,
        align="center",
        after=0,
        bold=True,
        size=14,
    )
    for _ in range(4):
        d.para(container=signer_cell, after=0)
    d.para(plan.signer_name, container=signer_cell, align="center", after=0, bold=True, size=14)


def _appendix(d: _Doc, report: Report) -> None:
    lang = report.lang
    d.new_section(landscape=True)
    d.para(t_in(lang, "export.docx.appendix"), align="center", after=0, bold=True)
    d.para(
        t_in(lang, "export.docx.appendix_title", period_upper=report.period.label.upper()),
        align="center",
        after=0,
        bold=True,
    )
    day, month, year = date_parts(report)
    signed = f"{day}/{month}/{year}" if report.plan.document_date else t_in(lang, "export.dots")
    ref = t_in(
        lang,
        "export.docx.appendix_ref",
        number=document_number(report),
        date=signed,
        commune=report.plan.commune,
    )
    d.para(ref, align="center", after=0, italic=True)
    d.para(window_line(report), align="center", after=6, italic=True, size=12)

    done = done_columns(report)
    headers = [
        t_in(lang, "report.col.tt"),
        t_in(lang, "report.col.name"),
        t_in(lang, "report.col.unit"),
        t_in(lang, "export.col.target", year=report.period.year),
    ]
    width = text_width_cm(landscape=True)
    fixed = [1.0, 0, 1.9, 2.3] + [2.2] * len(done) + [2.0, 2.0, 2.0, 3.3]
    fixed[1] = width - sum(fixed)
    cols = len(fixed)
    table = d.table(2, cols, fixed, borders=True)
    top, sub = table.rows
    size = 12
    head: dict[str, Any] = {"bold": True, "size": size}
    for col, text in enumerate(headers):
        d.cell_text(table.merge_down(col), text, "center", **head)
    c_done = 4
    c_pct = c_done + len(done)
    group = table.merge_across(top, c_done, c_pct - 1)
    d.cell_text(group, t_in(lang, "export.col.done", period=report.period.label), "center", **head)
    for offset, text in enumerate(done):
        d.cell_text(sub.cells[c_done + offset], text, "center", **head)
    compare = table.merge_across(top, c_pct, c_pct + 1)
    d.cell_text(compare, t_in(lang, "export.col.compare"), "center", **head)
    d.cell_text(sub.cells[c_pct], t_in(lang, "export.col.vs_target"), "center", **head)
    d.cell_text(sub.cells[c_pct + 1], t_in(lang, "export.col.vs_expected"), "center", **head)
    for col, key in ((c_pct + 2, "export.col.remaining"), (c_pct + 3, "export.col.status")):
        d.cell_text(table.merge_down(col), t_in(lang, key), "center", **head)
    for row in (top, sub):
        row.header = row.keep = True
        for cell in row.shown():
            cell.fill = HEADER_FILL
            cell.middle = True

    by_code = report.by_code
    for table_row in report.rows:
        added = table.add_row()
        added.keep = True
        cells = added.cells
        item = by_code.get(table_row.code) if table_row.code else None
        name = "  " * table_row.depth + row_name(
            report, table_row.depth, table_row.name, table_row.breakdown_lead
        )
        d.cell_text(cells[0], table_row.tt or "", "center", size=size, bold=item is None)
        lead = d.cell_text(cells[1], name, "left", size=size, bold=item is None)
        if item is None:
            lead.keep_next = True  # a heading stays with its first row
            continue
        d.cell_text(cells[2], item.unit, "center", size=size)
        d.cell_text(cells[3], number(report, item.target, item.decimals), "right", size=size)
        values = done_values(report, item)
        for offset, value in enumerate(values):
            text = number(report, value, item.decimals)
            if item.derived and offset == len(values) - 1 and text:
                text += "*"
            d.cell_text(cells[c_done + offset], text, "right", size=size)
        d.cell_text(cells[c_pct], percent(report, item.completion_pct), "right", size=size)
        d.cell_text(cells[c_pct + 1], expected(report, item.expected_pct), "right", size=size)
        d.cell_text(
            cells[c_pct + 2], number(report, item.remaining, item.decimals), "right", size=size
        )
        d.cell_text(cells[c_pct + 3], item.status_label, "center", size=size)
    from .terminal import footnotes

    d.para(before=6, after=0)
    for line in [counts_line(report), *footnotes(report)]:
        d.para(line, after=0, italic=True, size=12)


def render(report: Report, *, emulation_contents: Sequence[tuple[str, str]] | None = None) -> bytes:
    """The document as bytes (``kehoach report --format docx``).

    ``emulation_contents`` are the plan's "Nội dung thi đua" as (label, text); by default they
    come from ``report.plan.emulation_contents`` when the report carries them.
    """
    if emulation_contents is None:
        carried = getattr(report.plan, "emulation_contents", ())
        emulation_contents = [
            (item[0], item[1]) if isinstance(item, tuple) else (item.label, item.text)
            for item in carried
        ]
    d = _Doc()
    _heading(d, report)
    _body(d, report)
    _emulation(d, report, emulation_contents)
    _signature(d, report)
    _appendix(d, report)
    title = t_in(report.lang, "export.docx.subject", period=report.period.label)
    return stable_package(_package(d.xml(), title, report.lang, report.as_of), report.as_of)


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
    'w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr>{_TABLE_INDENT}'
    f"<w:tblBorders>{_GRID}</w:tblBorders>{_CELL_MARGINS}</w:tblPr></w:style></w:styles>"
)
# The template's compatibility settings (Word 2010 layout), which decide how Word lays out.
SETTINGS = (
    f'{_DECL}<w:settings xmlns:w="{_W}"><w:zoom w:val="bestFit"/><w:defaultTabStop w:val="720"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:useFELayout/>'
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


def _package(document: str, title: str, lang: str, day: date) -> list[tuple[str, bytes]]:
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
    return [(name, text.encode()) for name, text in parts]
