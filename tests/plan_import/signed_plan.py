"""The signed 2024 plan's table II.2 as a commune keeps it in Word, built with python-docx.

Rows as the signed text (seeds/000_328531f6bf070e17.txt) has them: the TT column holds A, 1, I;
"-" and "+" lead the names; "Trong đó:" opens a breakdown; a ditto mark (") fills three unit
cells; "Giáo dục phổ thông công lập" has no unit; yields are written "59,00", "39,83".
"""

from __future__ import annotations

from pathlib import Path

HEADER = ("TT", "CHỈ TIÊU CHỦ YẾU", "Đơn vị tính", "Kế hoạch năm 2024")
ROWS: list[tuple[str, str, str, str]] = [
    ("A", "CHỈ TIÊU KINH TẾ CHỦ YẾU", "", ""),
    ("1", "Nông nghiệp", "", ""),
    ("", "- Sản lượng lương thực cây có hạt", "Tấn", "323"),
    ("", "Trong đó: + Lúa", "Tấn", "235"),
    ("", "+ Ngô", "Tấn", "88"),
    ("", "- Một số cây trồng chủ yếu", "", ""),
    ("", "+ Lúa: Diện tích", "Ha", "59,00"),
    ("", "Năng suất", "Tạ/ha", "39,83"),
    ("", "Sản lượng", "Tấn", "235"),
    ("", "+ Ngô: Diện tích", "Ha", "28"),
    ("", "Năng suất", "Tạ/ha", "31,43"),
    ("", "Sản lượng", "Tấn", "88"),
    ("", "+ Sắn: Diện tích", "Ha", "10"),
    ("", "Năng suất", "Tạ/ha", "146"),
    ("", "Sản lượng", "Tấn", "146"),
    ("", "+ Đậu: Diện tích", "Ha", "12"),
    ("", "Năng suất", "Tạ/ha", "11,7"),
    ("", "Sản lượng", "Tấn", "14"),
    ("", "+ Rau: Diện tích", "Ha", "20"),
    ("", "Năng suất", "Tạ/ha", "117,5"),
    ("", "Sản lượng", "Tấn", "235"),
    ("", "- Đàn gia súc:", "", ""),
    ("", "+ Đàn trâu", "Con", "65"),
    ("", "+ Đàn bò", "Con", "930"),
    ("", "Tỷ trọng bò lai", "%", "200"),
    ("", "+ Đàn heo", "Con", "900"),
    ("", "+ Đàn gia cầm ", "Con", "6.700"),
    ("2", "Lâm nghiệp", "", ""),
    ("", "- Trồng mới rừng tập trung", "Ha", "530"),
    ("", "Trong đó: + Trồng rừng phòng hộ", '"', ""),
    ("", "+ Trồng rừng sản xuất", '"', "530"),
    ("B", "VĂN HÓA - XÃ HỘI - MÔI TRƯỜNG", "", ""),
    ("I", "Giáo dục và đào tạo", "", ""),
    ("1", "Giáo dục mầm non công lập", "Cháu", "160"),
    ("2", "Giáo dục phổ thông công lập", "", "384"),
    ("", "- Tiểu học", "Học sinh", "257"),
    ("", "- Trung học cơ sở", '"', "127"),
    ("II", "Y tế", "", ""),
    ("1", "Dân số trung bình", "Người", "2.089"),
    ("2", "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", "%", "30,2"),
    ("III", "Lao động, việc làm, giảm nghèo", "", ""),
    ("1", "Số hộ nghèo giảm trong năm", '"', "73"),
    ("2", "Tỷ lệ hộ nghèo theo chuẩn mới Quốc gia", "%", "30,65"),
]


def write_signed_plan(
    path: Path,
    rows: list[tuple[str, str, str, str]] | None = None,
    header: tuple[str, str, str, str] = HEADER,
    merge_sections: bool = True,
) -> Path:
    """A .docx with the plan's opening paragraphs and its indicator table; section rows have
    their name merged across the unit and target cells, as Word users often do."""
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(
        "Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội "
        "của xã năm 2024"
    )
    document.add_paragraph("2. Chỉ tiêu thi đua")
    body = ROWS if rows is None else rows
    table = document.add_table(rows=1 + len(body), cols=4)
    for column, text in enumerate(header):
        table.cell(0, column).text = text
    for index, cells in enumerate(body, start=1):
        for column, text in enumerate(cells):
            table.cell(index, column).text = text
        if merge_sections and cells[0] in ("A", "B") and not cells[2]:
            table.cell(index, 1).merge(table.cell(index, 3))
    document.add_paragraph("III. GIẢI PHÁP THỰC HIỆN")
    document.save(str(path))
    return path
