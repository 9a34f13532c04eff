"""Messages of the export area (xlsx, docx, html reports): key → (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # The national heading of an administrative document (Nghị định 30/2020/NĐ-CP).
    "export.nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "export.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "export.title": (
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH {period_upper}",
        "REPORT ON THE PLAN TARGETS, {period_upper}",
    ),
    # Sheet names: at most 31 characters, none of []:*?/\
    "export.sheet.summary": ("Tổng hợp", "Summary"),
    "export.sheet.ranking": ("Xếp hạng thi đua", "Emulation ranking"),
    "export.sheet.data": ("Dữ liệu", "Data"),
    "export.sheet.groups": ("Theo lĩnh vực", "By group"),
    # The indicator table's two-level header.
    "export.col.target": ("Kế hoạch năm {year}", "Target {year}"),
    "export.col.done": ("Thực hiện {period}", "Actual, {period}"),
    "export.col.in_period": ("Kỳ này", "This period"),
    "export.col.ytd": ("Lũy kế", "Year to date"),
    "export.col.compare": ("So sánh (%)", "Comparison (%)"),
    "export.col.vs_target": ("KH năm", "Annual target"),
    "export.col.vs_expected": ("Tiến độ kỳ vọng", "Expected progress"),
    "export.col.remaining": ("Còn lại", "Remaining"),
    "export.col.status": ("Đánh giá", "Assessment"),
    "export.col.responsible": ("Đơn vị thực hiện", "Responsible unit"),
    "export.col.period_id": ("Mã kỳ", "Period id"),
    "export.col.period": ("Kỳ", "Period"),
    "export.col.status_code": ("Mã đánh giá", "Status code"),
    "export.col.actual_level": ("Lũy kế / mức đạt", "Year to date / level"),
    "export.col.completion": ("% KH năm", "% of annual target"),
    "export.col.expected": ("Tiến độ kỳ vọng (%)", "Expected progress (%)"),
    "export.groups.title": ("TỔNG HỢP THEO LĨNH VỰC", "SUMMARY BY SECTION AND GROUP"),
    "export.chart.title": (
        "Tỷ lệ hoàn thành bình quân theo lĩnh vực (% kế hoạch năm)",
        "Mean completion by group (% of the annual target)",
    ),
    "export.chart.series": ("% KH bình quân", "Mean % of target"),
    # #18: the chart's second series and its column on "Theo lĩnh vực".
    "export.chart.expected": ("Tiến độ kỳ vọng", "Expected progress"),
    # #18: a --by quarter report whose quarters nobody has reported yet (Q4 of a year report
    # made in October) says so once, instead of "no data" on every row.
    "export.quarters_missing": (
        "Chưa có số liệu {quarters} (chưa đơn vị nào báo cáo): các cột này để trống.",
        "No figures for {quarters} yet (no unit has reported): those columns are blank.",
    ),
    "export.quarters_missing_end": (
        "Chưa có số liệu {quarters} (chưa đơn vị nào báo cáo): lũy kế, so sánh và đánh giá "
        "{period} để trống cho đến khi có báo cáo {last}.",
        "No figures for {quarters} yet (no unit has reported): the year-to-date figures, "
        "comparisons and assessments for {period} stay blank until the {last} reports are in.",
    ),
    "export.prepared_by": ("NGƯỜI LẬP BIỂU", "PREPARED BY"),
    "export.page": ("Trang &P/&N", "Page &P of &N"),
    # The place and date line; dots when the date is not given (--date).
    "export.place_date": (
        "{place}, ngày {day} tháng {month} năm {year}",
        "{place}, {year}-{month}-{day}",
    ),
    "export.dots": ("……", "……"),
    "export.number": ("Số: {number}/BC-UBND", "No.: {number}/BC-UBND"),
    # The .docx report.
    "export.docx.kind": ("BÁO CÁO", "REPORT"),
    "export.docx.subject": (
        "Kết quả thực hiện các chỉ tiêu kế hoạch phát triển kinh tế - xã hội {period}",
        "Results against the socio-economic plan targets, {period}",
    ),
    "export.docx.opening": (
        "Thực hiện {title}; Ủy ban nhân dân xã {commune} báo cáo kết quả thực hiện các chỉ tiêu "
        "kế hoạch {period} (số liệu từ ngày {start} đến ngày {end}) như sau:",
        "Following the {title}, the People's Committee of {commune} commune reports the results "
        "against the plan targets for {period} (data from {start} to {end}) as follows:",
    ),
    "export.docx.part_results": (
        "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "I. RESULTS AGAINST THE TARGETS",
    ),
    "export.docx.part_emulation": (
        "II. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THI ĐUA",
        "II. THE EMULATION CONTENTS",
    ),
    "export.docx.part_assessment": ("III. ĐÁNH GIÁ CHUNG", "III. OVERALL ASSESSMENT"),
    "export.docx.part_next": (
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "IV. TASKS FOR THE NEXT PERIOD",
    ),
    "export.docx.to_complete": (
        "(Cán bộ phụ trách bổ sung nội dung)",
        "(to be completed by the officer in charge)",
    ),
    # One sentence per indicator, in the way reports state results.
    "export.docx.reached": (
        "{name} {verb} {value}, đạt {pct} kế hoạch năm ({status_lower}).",
        "{name}: {verb} {value}, {pct} of the annual target ({status_lower}).",
    ),
    "export.docx.reached_yield": (
        "{name} {verb} {value} trên {area} ha đã thu hoạch, đạt {pct} kế hoạch năm "
        "({status_lower}).",
        "{name}: {verb} {value} over the {area} ha harvested, {pct} of the annual target "
        "({status_lower}).",
    ),
    "export.docx.reached_no_pct": (
        "{name} {verb} {value} ({status_lower}).",
        "{name}: {verb} {value} ({status_lower}).",
    ),
    "export.docx.reached_lower": (
        "{name} ở mức {value} (kế hoạch không quá {target}), đạt {pct} kế hoạch năm "
        "({status_lower}).",
        "{name} stands at {value} (target at most {target}), {pct} of the annual target "
        "({status_lower}).",
    ),
    "export.docx.lower_level": (
        "{name} ở mức {value} (kế hoạch không quá {target}) ({status_lower}).",
        "{name} stands at {value} (target at most {target}) ({status_lower}).",
    ),
    "export.docx.lower_change": (
        "{name} ở mức {value}, {change} so với {baseline} ({source}); kế hoạch không quá "
        "{target}{pct_part} ({status_lower}).",
        "{name} stands at {value}, {change} on {baseline} ({source}); target at most "
        "{target}{pct_part} ({status_lower}).",
    ),
    "export.docx.lower_pct_part": (
        ", đạt {pct} mức giảm kế hoạch",
        ", {pct} of the planned reduction",
    ),
    "export.docx.change_down": ("giảm {amount}", "down {amount}"),
    "export.docx.change_up": ("tăng {amount}", "up {amount}"),
    "export.docx.change_none": ("không đổi", "unchanged"),
    "export.docx.points": ("{value} điểm phần trăm", "{value} percentage points"),
    "export.docx.projection": (
        "{name} {level_verb} {value} (dự báo theo kế hoạch {target}, không đánh giá).",
        "{name}: {level_verb} {value} (projected {target} in the plan, not assessed).",
    ),
    # #16: "ước đạt" only for an estimate ("ước thực hiện"); a final figure "đạt".
    "export.docx.verb_estimate": ("ước đạt", "an estimated"),
    "export.docx.verb_final": ("đạt", "reached"),
    "export.docx.level_verb_estimate": ("ước", "an estimated"),
    "export.docx.level_verb_final": ("là", "stands at"),
    "export.docx.no_data": ("{name}: chưa có số liệu.", "{name}: no figure yet."),
    "export.docx.counts": (
        "Trong tổng số {total} chỉ tiêu: vượt kế hoạch {exceeded}, đạt kế hoạch {achieved}, đúng "
        "tiến độ {on_track}, chậm tiến độ {behind}, chưa có số liệu {no_data}, không đánh giá "
        "{no_target}.",
        "Of {total} indicators: exceeded {exceeded}, achieved {achieved}, on track {on_track}, "
        "behind {behind}, no data {no_data}, not assessed {no_target}.",
    ),
    "export.docx.behind_intro": (
        "Các chỉ tiêu chậm tiến độ so với kỳ vọng:",
        "Indicators behind the expected progress:",
    ),
    "export.docx.behind_item": (
        "{name}: đạt {pct} kế hoạch năm, thấp hơn tiến độ kỳ vọng ({expected}) {gap} điểm phần "
        "trăm; còn {remaining} để đạt kế hoạch.",
        "{name}: {pct} of the annual target, {gap} percentage points below the expected "
        "{expected}; {remaining} still to go.",
    ),
    "export.docx.behind_item_lower": (
        "{name}: ở mức {value}, kế hoạch không quá {target}; cần giảm thêm {remaining}.",
        "{name}: at {value}, target at most {target}; {remaining} still to reduce.",
    ),
    "export.docx.no_data_intro": (
        "Các chỉ tiêu chưa có số liệu: {names}.",
        "Indicators without a figure yet: {names}.",
    ),
    "export.docx.none_behind": (
        "Không có chỉ tiêu nào chậm tiến độ.",
        "No indicator is behind schedule.",
    ),
    "export.docx.ranking_intro": (
        "Xếp hạng thi đua các đơn vị (theo tỷ lệ chỉ tiêu vượt, đạt kế hoạch hoặc đúng tiến độ): "
        "{ranking}.",
        "Emulation ranking of the units (by the share of indicators exceeded, achieved or on "
        "track): {ranking}.",
    ),
    "export.docx.ranking_item": ("{rank}. {unit} ({share})", "{rank}. {unit} ({share})"),
    "export.docx.appendix_see": (
        "Chi tiết từng chỉ tiêu tại Phụ lục kèm theo.",
        "Each indicator in detail: see the appendix.",
    ),
    "export.docx.closing": (
        "Trên đây là báo cáo kết quả thực hiện các chỉ tiêu kế hoạch {period} của Ủy ban nhân "
        "dân xã {commune}./.",
        "This is the report of the People's Committee of {commune} commune on the plan targets "
        "for {period}./.",
    ),
    "export.docx.recipients": ("Nơi nhận:", "Recipients:"),
    "export.docx.archive": ("Lưu: VT", "Archive: VT"),
    "export.docx.appendix": ("Phụ lục", "Appendix"),
    "export.docx.appendix_title": (
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH {period_upper}",
        "RESULTS AGAINST THE PLAN TARGETS, {period_upper}",
    ),
    "export.docx.appendix_ref": (
        "(Kèm theo Báo cáo số {number}/BC-UBND ngày {date} của Ủy ban nhân dân xã {commune})",
        "(Attached to report no. {number}/BC-UBND of {date}, People's Committee of {commune})",
    ),
    "export.docx.ranking_title": ("BẢNG XẾP HẠNG THI ĐUA", "EMULATION RANKING"),
    # The HTML page.
    "export.html.lang": ("vi", "en"),
    "export.html.made_by": (
        "Lập bằng kehoach ngày {date}.",
        "Made with kehoach on {date}.",
    ),
}
