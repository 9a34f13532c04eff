"""Messages of the year-over-year comparison ("so với cùng kỳ") and of "kỳ này – lũy kế"."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Columns. "Kỳ này" is the period's own amount of a flow (the level of a stock or a rate);
    # "Lũy kế" the year to date (report.col.actual); "Cùng kỳ" last year's figure at the same
    # period; "So cùng kỳ" the change from it (% or percentage points).
    "report.col.this_period": ("Kỳ này", "This period"),
    "report.col.year_to_date": ("Lũy kế", "Year to date"),
    "report.col.previous_year": ("Cùng kỳ năm trước", "Same period last year"),
    "report.col.previous_year_short": ("Cùng kỳ", "Last year"),
    "report.col.change_pct": ("So cùng kỳ (%)", "Change (%)"),
    "report.col.change_points": ("So cùng kỳ (điểm %)", "Change (points)"),
    "report.col.change": ("So với cùng kỳ", "Change on last year"),
    "report.col.change_short": ("So c.kỳ", "Change"),
    "report.compare.title": (
        "Kỳ này, lũy kế và so với cùng kỳ năm trước",
        "This period, year to date and the same period last year",
    ),
    # A change in a cell: "+15,60%", "−0,85 điểm %".
    "report.change.pct": ("{sign}{value}%", "{sign}{value}%"),
    "report.change.points": ("{sign}{value} điểm %", "{sign}{value} pts"),
    # In a document's cell (Markdown, HTML, Word): words rather than a sign, which a pasted
    # table would take for a formula.
    "report.change.up_cell": ("tăng {value}", "up {value}"),
    "report.change.down_cell": ("giảm {value}", "down {value}"),
    "report.change.same_cell": ("bằng", "same"),
    # A change in a sentence, as published reports write it.
    "report.change.up_pct": (
        "tăng {value}% so với cùng kỳ năm trước",
        "up {value}% on the same period last year",
    ),
    "report.change.down_pct": (
        "giảm {value}% so với cùng kỳ năm trước",
        "down {value}% on the same period last year",
    ),
    "report.change.up_points": (
        "tăng {value} điểm phần trăm so với cùng kỳ năm trước",
        "up {value} percentage points on the same period last year",
    ),
    "report.change.down_points": (
        "giảm {value} điểm phần trăm so với cùng kỳ năm trước",
        "down {value} percentage points on the same period last year",
    ),
    "report.change.same": (
        "bằng cùng kỳ năm trước",
        "the same as the same period last year",
    ),
    "report.previous_plan_unreadable": (
        "Không so sánh với cùng kỳ năm trước: không đọc được kế hoạch năm trước {path} "
        "({message}). Sửa tệp đó (kehoach validate {path}) hoặc bỏ nó khỏi thư mục.",
        "Not compared with the same period last year: the previous year's plan {path} cannot "
        "be read ({message}). Fix it (kehoach validate {path}) or move it out of the folder.",
    ),
    "report.previous_results_errors": (
        "Số liệu năm trước trong {path} có {errors} lỗi: phần so sánh với cùng kỳ chỉ dùng các "
        "số liệu không lỗi. Xem lỗi: kehoach validate --plan {plan} {path}",
        "The previous year's results in {path} have {errors} errors: the comparison with the "
        "same period last year uses only the figures without errors. See them: kehoach "
        "validate --plan {plan} {path}",
    ),
}
