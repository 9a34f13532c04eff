"""Messages of the status area: key → (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # help
    "help.status": (
        "Tình hình nộp báo cáo của các đơn vị trong một kỳ: đã nộp, đúng hạn, muộn, chưa nộp, tệp "
        "có hợp lệ không, chỉ tiêu chưa có số liệu và tỷ lệ báo cáo.\n\n"
        "Ví dụ: kehoach status --period q3 --today 2024-09-20",
        "Who has reported for a period: received, on time, late, missing, whether each file is "
        "valid, indicators still without data, and the reporting rate.\n\n"
        "Example: kehoach status --period q3 --today 2024-09-20",
    ),
    "help.status_period": (
        "Kỳ báo cáo: q1…q4, h1 (6 tháng), 9m, year, 2024Q2…; current = quý gần nhất đã chốt số "
        "liệu, previous = quý trước đó.",
        "Period: q1…q4, h1 (6 months), 9m, year, 2024Q2…; current = the latest quarter whose data "
        "window has closed, previous = the quarter before.",
    ),
    "help.status_results": (
        "Thư mục kết quả của các đơn vị (mặc định data/results).",
        "Folder of the units' results files (default data/results).",
    ),
    "help.status_fail_on_missing": (
        "Thoát với mã 3 khi còn đơn vị chưa nộp, nộp muộn hoặc gửi biểu mẫu chưa có số liệu (để "
        "cron cảnh báo).",
        "Exit with code 3 when a unit is missing, late or sent a form without figures (for cron "
        "alerts).",
    ),
    "help.status_only_on_deadline": (
        "Chỉ chạy vào đúng ngày hạn nộp của kỳ; ngày khác không in gì, thoát 0 (dùng cho cron).",
        "Run only on the period's deadline day; on other days print nothing and exit 0 (for cron).",
    ),
    # usage errors
    "status.bad_period": (
        'Kỳ báo cáo không hợp lệ: "{value}". Dùng q1…q4, h1, 9m, year, 2024Q2, current hoặc '
        "previous.",
        'Not a reporting period: "{value}". Use q1…q4, h1, 9m, year, 2024Q2, current or previous.',
    ),
    "status.bad_today": (
        'Ngày không hợp lệ: "{value}". Viết theo dạng YYYY-MM-DD, ví dụ 2024-09-20.',
        'Not a date: "{value}". Write it as YYYY-MM-DD, e.g. 2024-09-20.',
    ),
    "status.period_not_in_plan": (
        "Kỳ {period} không thuộc kế hoạch {plan} (năm {year}). Chọn kế hoạch năm {period_year} "
        "bằng --plan hoặc KEHOACH_PLAN, hoặc chọn một kỳ của năm {year}.",
        "{period} is not in the plan {plan} (year {year}). Pick the {period_year} plan with "
        "--plan or KEHOACH_PLAN, or a period of {year}.",
    ),
    "status.results_not_found": (
        "Không tìm thấy thư mục kết quả: {path}. Chỉ rõ bằng --results THƯ_MỤC.",
        "No results folder: {path}. Name it with --results FOLDER.",
    ),
    "status.invalid_files_hint": (
        "{count} tệp có lỗi. Xem chi tiết: kehoach validate {path}",
        "{count} file(s) with errors. Details: kehoach validate {path}",
    ),
    # the report
    "status.title": (
        "{issuer}: tình hình nộp báo cáo {period}",
        "{issuer}: report submissions, {period}",
    ),
    "status.window": (
        "Thời gian chốt số liệu: {start} – {end}; hạn nộp: {deadline} ({days} ngày làm việc sau "
        "ngày chốt); hôm nay: {today}.",
        "Data window: {start} – {end}; deadline: {deadline} ({days} working day(s) after the "
        "cutoff); today: {today}.",
    ),
    "status.folder": ("Thư mục kết quả: {path}", "Results folder: {path}"),
    "status.windows.cutoff": ("chốt số liệu", "cutoff"),
    "status.windows.calendar": ("theo lịch", "calendar"),
    "status.col.unit": ("Đơn vị", "Unit"),
    "status.col.file": ("Tệp", "File"),
    "status.col.stated": ("Ngày báo cáo", "Stated date"),
    "status.col.file_time": ("Thời gian tệp", "File time"),
    "status.col.valid": ("Hợp lệ", "Valid"),
    "status.col.state": ("Tình trạng", "Status"),
    "status.state.on_time": ("Đúng hạn", "On time"),
    "status.state.late": ("Nộp muộn", "Late"),
    "status.state.late_by": (
        "Nộp muộn {days} ngày làm việc",
        "Late by {days} working day(s)",
    ),
    "status.state.undated": ("Đã nộp, không rõ ngày", "Received, no date"),
    "status.state.missing": ("Chưa nộp", "Missing"),
    "status.state.no_figures": ("Đã nhận, chưa có số liệu", "Received, no figures"),
    "status.state.not_due": ("Chưa nộp (còn hạn)", "Not yet (not due)"),
    "status.whole_commune": ("Toàn xã", "Whole commune"),
    "status.not_expected": ("không phải nộp", "not expected"),
    "status.valid.yes": ("Có", "Yes"),
    "status.valid.no": ("Không ({errors} lỗi)", "No ({errors} error(s))"),
    "status.rate": (
        "Tỷ lệ báo cáo: {received}/{expected} đơn vị ({rate}); đúng hạn: {on_time}/{expected} "
        "({on_time_rate}).",
        "Reporting rate: {received}/{expected} units ({rate}); on time: {on_time}/{expected} "
        "({on_time_rate}).",
    ),
    "status.counts": (
        "Đúng hạn {on_time}, muộn {late}, không rõ ngày {undated}, chưa nộp {missing}{no_figures}; "
        "tệp không hợp lệ: {invalid} đơn vị.",
        "On time {on_time}, late {late}, no date {undated}, missing {missing}{no_figures}; invalid "
        "files: {invalid} unit(s).",
    ),
    "status.gaps.title": (
        "Chỉ tiêu chưa có số liệu ({count}):",
        "Indicators still without data ({count}):",
    ),
    "status.gaps.none": (
        "Mọi chỉ tiêu đều đã có số liệu.",
        "Every indicator has data.",
    ),
    "status.unassigned.title": (
        "Tệp không đọc được (không rõ đơn vị, kỳ):",
        "Files that could not be read (unit and period unknown):",
    ),
    # --quiet lines: one per thing to chase
    "status.quiet.missing": (
        "{period}: {unit} chưa nộp báo cáo (hạn {deadline}).",
        "{period}: {unit} has not reported (due {deadline}).",
    ),
    "status.quiet.late": (
        "{period}: {unit} nộp muộn {days} ngày làm việc ({date}, hạn {deadline}).",
        "{period}: {unit} reported {days} working day(s) late ({date}, due {deadline}).",
    ),
    "status.quiet.undated": (
        "{period}: {unit} đã nộp nhưng tệp không ghi ngày báo cáo: {files}.",
        "{period}: {unit} reported but the file states no date: {files}.",
    ),
    "status.quiet.invalid": (
        "{period}: tệp của {unit} có lỗi: {files}.",
        "{period}: {unit}'s file has errors: {files}.",
    ),
    "status.quiet.unassigned": (
        "Tệp không đọc được: {file}.",
        "File could not be read: {file}.",
    ),
    "status.counts_no_figures": (
        ", đã nhận nhưng chưa có số liệu {count}",
        ", received without figures {count}",
    ),
    "status.quiet.no_figures": (
        "{period}: {unit} đã gửi biểu mẫu nhưng chưa điền số liệu nào: {files}.",
        "{period}: {unit} sent a form without any figure entered: {files}.",
    ),
}
