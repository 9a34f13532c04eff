"""How the results form looks and prints: Times New Roman, the instructions sheet laid out for
screen and A4, the signature lines under the table, TT labels as numbers.

Row heights are estimated here: openpyxl cannot measure text and spreadsheet programs do not
re-measure the rows of a file they open, so a wrapped instruction would otherwise show its first
line only. The estimate wraps at words with ``textwrap``, as the spreadsheet does, with a few
characters to spare.
"""

from __future__ import annotations

import textwrap
from typing import Any

FONT = "Times New Roman"
SIZE = 12
LINE_HEIGHT = 16.0  # points per line of 12 pt Times New Roman, with its leading
# The instructions column, in Excel's units (7 px each): about 13 cm, inside A4 portrait's
# margins in Excel and in LibreOffice, whose unit is wider and which does not shrink a single
# column that is wider than the page (it cuts it at both edges).
GUIDE_WIDTH = 70
# Characters of 12 pt Times New Roman a line of GUIDE_WIDTH holds in Excel (about 74), less a
# margin: a row is rather a little too tall than cut.
GUIDE_CHARS = 64
SIGNERS = (("NGƯỜI LẬP BIỂU", 3), ("THỦ TRƯỞNG ĐƠN VỊ", 7))  # (title, column): C and G
SIGN_HINT = "(Ký, ghi rõ họ tên)"
DATE_LINE = "……, ngày …… tháng …… năm ……"


def times_new_roman(book: Any) -> None:
    """Every cell of every sheet in Times New Roman, keeping its size, weight and colour (the
    workbook's default font would be Calibri); 12 pt where no size was chosen."""
    from openpyxl.styles import Font

    made: dict[tuple[Any, ...], Any] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                old = cell.font
                size = old.sz if old.sz and old.sz != 11 else SIZE
                # a theme colour (the default black) is left to the theme: no rgb to keep
                rgb = old.color is not None and old.color.type == "rgb"
                colour = old.color.rgb if rgb else None
                key = (size, old.b, old.i, old.u, colour)
                if key not in made:
                    made[key] = Font(
                        name=FONT,
                        size=size,
                        bold=old.b,
                        italic=old.i,
                        underline=old.u,
                        color=colour,
                    )
                cell.font = made[key]


def tt_value(tt: str | None) -> int | str | None:
    """A TT label for a cell: "1", "2" as whole numbers (a number stored as text gets Excel's
    green warning triangle, and openpyxl writes no ``ignoredErrors``), "A", "I", "+" as text."""
    if tt is not None and tt.isascii() and tt.isdigit() and len(tt) <= 9:
        return int(tt)
    return tt


def wrapped_lines(text: str, chars: int) -> int:
    """How many lines ``text`` takes, wrapped at words into lines of ``chars`` characters."""
    return max(len(textwrap.wrap(text, chars, break_long_words=False)), 1)


def signature_block(sheet: Any, first_row: int) -> int:
    """The place and date line, then "Người lập biểu" and "Thủ trưởng đơn vị" side by side,
    each with "(Ký, ghi rõ họ tên)" and room to sign, from ``first_row``; the last row used.

    Outside the "Mã chỉ tiêu" and "Thực hiện" columns, so the readers skip these rows."""
    from openpyxl.styles import Alignment, Font

    centre = Alignment(horizontal="center", vertical="center")
    date_cell = sheet.cell(first_row, SIGNERS[1][1], DATE_LINE)
    date_cell.font = Font(italic=True)
    date_cell.alignment = centre
    for title, col in SIGNERS:
        head = sheet.cell(first_row + 1, col, title)
        head.font = Font(bold=True)
        head.alignment = centre
        hint = sheet.cell(first_row + 2, col, SIGN_HINT)
        hint.font = Font(italic=True)
        hint.alignment = centre
    for row in range(first_row + 3, first_row + 7):  # room for the signatures
        sheet.row_dimensions[row].height = LINE_HEIGHT
    return first_row + 6


def guide_layout(sheet: Any, fills: dict[int, Any]) -> None:
    """The instructions sheet: one column wide enough for A4 portrait, every row as tall as its
    wrapped text, printed A4 portrait one page wide; ``fills``: row → the fill of the cells the
    instruction on that row is about (yellow to fill, grey computed), shown behind it."""
    from openpyxl.styles import Alignment

    sheet.column_dimensions["A"].width = GUIDE_WIDTH
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in range(1, sheet.max_row + 1):
        cell = sheet.cell(row, 1)
        cell.alignment = wrap
        text = str(cell.value or "")
        lines = wrapped_lines(text, GUIDE_CHARS) if text else 1
        sheet.row_dimensions[row].height = LINE_HEIGHT * lines + 4
        if row in fills:
            cell.fill = fills[row]
    a4_portrait(sheet)
    sheet.print_area = f"A1:A{sheet.max_row}"


def a4_portrait(sheet: Any) -> None:
    """A4 portrait, one page wide and as many long as needed, centred, 2 cm / 1.5 cm margins."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = 0.79
    sheet.page_margins.right = 0.59
    sheet.page_margins.top = sheet.page_margins.bottom = 0.79
