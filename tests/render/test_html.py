"""The HTML page: parsed with html.parser; self-contained, escaped, the table's rows, printable."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

from kehoach_cli.render.html import render
from kehoach_cli.report.model import Report

from .test_xlsx import HOSTILE, hostile_report, q2_report


class Page(HTMLParser):
    """Tags, attributes, table rows (cell texts) and the text of the page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[list[str]] = []
        self.texts: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        if self._cell is not None:
            self._cell.append(data)


def page(report: Report | None = None) -> Page:
    return Page(render(report or q2_report()))


def test_self_contained_no_script_no_network() -> None:
    text = render(q2_report())
    parsed = page()
    tags = {tag for tag, _ in parsed.tags}
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert "http://" not in text and "https://" not in text and "url(" not in text
    assert text.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "vi"}) in parsed.tags
    assert ("meta", {"charset": "utf-8"}) in parsed.tags


def test_printable_a4_landscape_with_repeated_header() -> None:
    text = render(q2_report())
    assert "@page { size: A4 landscape;" in text
    assert "@media print" in text
    assert "thead { display: table-header-group; }" in text


def test_heading_and_title() -> None:
    texts = [t.strip() for t in page().texts if t.strip()]
    for needle in (
        "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG",
        "ỦY BAN NHÂN DÂN XÃ TRÀ BÙI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH QUÝ II NĂM 2024",
        "Hồ Văn Ba",
    ):
        assert needle in texts


def test_table_rows_are_the_reports_rows() -> None:
    report = q2_report()
    body = page().rows
    start = next(i for i, r in enumerate(body) if r[:2] == ["A", "CHỈ TIÊU KINH TẾ CHỦ YẾU"])
    table = body[start : start + len(report.rows)]
    by_code = report.by_code
    for cells, row in zip(table, report.rows, strict=True):
        assert cells[0] == (row.tt or "")
        assert cells[1].endswith(row.name)
        if row.code:
            assert cells[-2] == by_code[row.code].status_label
    grain = table[[r.code for r in report.rows].index("grain_output")]
    assert grain[2:9] == ["Tấn", "323", "", "160*", "49,54%", "50%", "163"]
    headers = body[start - 2 : start]
    assert headers[0][:4] == ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024"]
    assert headers[1] == ["Kỳ này", "Lũy kế", "KH năm", "Tiến độ kỳ vọng"]


def test_a_bar_per_completion() -> None:
    parsed = page()
    bars = [attrs for tag, attrs in parsed.tags if tag == "span" and attrs.get("class") == "bar"]
    report = q2_report()
    shown = sum(1 for row in report.rows if row.code and report.by_code[row.code].completion_pct)
    groups = sum(1 for g in report.groups if g.mean_completion_pct)
    assert len(bars) == shown + groups
    widths = [
        attrs["style"]
        for tag, attrs in parsed.tags
        if tag == "span" and (attrs.get("style") or "").startswith("width:")
    ]
    assert "width:49.5%;background:#9C0006" in widths  # grain, behind
    assert all(float(w.split(":")[1].split("%")[0]) <= 100 for w in widths)


def test_user_text_is_escaped() -> None:
    report = hostile_report()
    rows = list(report.rows)
    rows[0] = replace(rows[0], name="<script>alert(1)</script>")
    text = render(replace(report, rows=tuple(rows)))
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    parsed = Page(text)
    assert any(HOSTILE in cell for row in parsed.rows for cell in row)


def test_english_page() -> None:
    parsed = page(q2_report("en"))
    assert ("html", {"lang": "en"}) in parsed.tags
    assert "REPORT ON THE PLAN TARGETS, Q2 2024" in [t.strip() for t in parsed.texts]


def test_same_report_same_text() -> None:
    assert render(q2_report()) == render(q2_report())


class Nesting(HTMLParser):
    """For each <table> (not the letterhead), the classes of the element that holds it."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.holders: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "table" and classes != "heading":
            self.holders.append(self.stack[-1][1] if self.stack else "")
        if tag in ("div", "table", "body", "html"):
            self.stack.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("div", "table", "body", "html") and self.stack:
            self.stack.pop()


def test_every_table_scrolls_inside_its_box_on_a_phone() -> None:
    # At 390 px the indicator table is wider than the screen: it must scroll inside a box of
    # its own (the status column reachable), never push the whole page sideways.
    text = render(q2_report())
    holders = Nesting(text).holders
    assert len(holders) == 3  # indicators, groups, ranking
    assert holders == ["scroll"] * 3
    assert ".scroll { overflow-x: auto;" in text
    assert "@media (max-width: 640px)" in text


def test_printed_pages_are_numbered_from_the_second() -> None:
    # Nghị định 30/2020: page numbers centred in the top margin, not on the first page.
    text = render(q2_report())
    assert "@top-center { content: counter(page);" in text
    assert "@page :first { @top-center { content: none; } }" in text
