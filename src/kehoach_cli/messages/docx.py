"""Messages of the Word report (template, prose, officer's notes): key → (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.docx_template": (
        "Ghi ra mẫu báo cáo Word (.docx) để văn phòng sửa tiêu đề, nơi nhận, người ký, lời văn "
        "trong Word; dùng lại bằng report --docx-template TỆP hoặc reporting.docx_template trong "
        "kế hoạch. Ví dụ: kehoach docx-template --output mau-bao-cao.docx",
        "Write the Word (.docx) template of the report for the office to edit in Word "
        "(letterhead, recipients, signer, wording); use it with report --docx-template FILE or "
        "reporting.docx_template in the plan. Example: kehoach docx-template --output "
        "report-template.docx",
    ),
    "help.docx_template_output": ("Tệp .docx sẽ ghi.", "The .docx file to write."),
    "help.docx_template_force": (
        "Thay tệp đã có bằng mẫu gốc.",
        "Replace an existing file with the original template.",
    ),
    "help.report_docx_template": (
        "Mẫu Word của văn phòng cho báo cáo .docx (mặc định: reporting.docx_template của kế "
        "hoạch, rồi mẫu có sẵn).",
        "The office's Word template for the .docx report (default: the plan's "
        "reporting.docx_template, then the built-in one).",
    ),
    "help.report_notes": (
        "Tệp Markdown ý kiến của văn phòng (## Đánh giá chung, ## Phương hướng, nhiệm vụ kỳ tới) "
        "đưa vào báo cáo .docx và .html (mặc định: notes/<mã kỳ>.md cạnh kế hoạch, ví dụ "
        "data/notes/2024Q2.md, nếu có).",
        "A Markdown file of the office's own words (## Overall assessment, ## Next period) placed "
        "in the .docx and .html report (default: notes/<period id>.md beside the plan, e.g. "
        "data/notes/2024Q2.md, when it exists).",
    ),
    # The letterhead and signature in English (the plan writes them in Vietnamese; the
    # Vietnamese column is what the English stands for).
    "docx.en.committee_of": ("ỦY BAN NHÂN DÂN {place}", "PEOPLE'S COMMITTEE OF {place}"),
    "docx.en.on_behalf": ("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE PEOPLE'S COMMITTEE"),
    "docx.en.for_chair": ("KT. CHỦ TỊCH", "FOR THE CHAIRPERSON"),
    "docx.en.chair": ("CHỦ TỊCH", "CHAIRPERSON"),
    "docx.en.vice_chair": ("PHÓ CHỦ TỊCH", "VICE CHAIRPERSON"),
    "docx.en.place_date": (
        "{place}, ngày {day} tháng {month} năm {year}",
        "{place}, {month} {day}, {year}",
    ),
    # Numbering of the body: one scheme, I › 1 › a › –.
    "docx.part.results": ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "RESULTS AGAINST THE TARGETS"),
    "docx.part.emulation": (
        "KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THI ĐUA",
        "THE EMULATION CONTENTS",
    ),
    "docx.part.assessment": ("ĐÁNH GIÁ CHUNG", "OVERALL ASSESSMENT"),
    "docx.part.next": ("PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "TASKS FOR THE NEXT PERIOD"),
    "docx.assessment.placeholders": (
        "Kết quả nổi bật|Tồn tại, hạn chế|Nguyên nhân",
        "Main results|Shortcomings|Causes",
    ),
    "docx.to_fill": (
        "(Văn phòng - Thống kê bổ sung nội dung trước khi trình ký)",
        "(to be completed by the Office–Statistics before signing)",
    ),
    # Prose: a paragraph per section that groups its indicators, then the figures.
    "docx.section_counts": (
        "Trong {total} chỉ tiêu {section}, {parts}.",
        "Of the {total} indicators in “{section}”, {parts}.",
    ),
    "docx.count_part": ("{count} chỉ tiêu {status}", "{count} {status}"),
    # A status as a count sentence says it, where the table's word would read badly.
    "docx.count_status.no_target": ("chưa giao kế hoạch", "without a target"),
    "docx.count_status.not_assessed": (
        "là số dự báo (không đánh giá)",
        "not assessed (projected)",
    ),
    "docx.count_status.target_flagged": ("có kế hoạch cần đính chính", "with a target to correct"),
    "docx.count_status.year_end_only": ("đánh giá vào cuối năm", "assessed at year end"),
    "docx.count_status.to_confirm": ("có số liệu cần xác nhận", "with a figure to confirm"),
    "docx.count_status.no_data": ("chưa có số liệu", "without a figure yet"),
    "docx.and": (" và ", " and "),
    "docx.no_data_list": (
        "Chưa có số liệu: {names}.",
        "No figure yet: {names}.",
    ),
    "docx.ranking": (
        "Kết quả bình xét thi đua các đơn vị: {ranking}. {rule}",
        "Emulation ranking of the units: {ranking}. {rule}",
    ),
    "docx.ranking_item": (
        "{rank}. {unit} ({good}/{assessed} chỉ tiêu đạt yêu cầu, đạt {score} số điểm tối đa)",
        "{rank}. {unit} ({good} of {assessed} indicators on target, {score} of the most points)",
    ),
    "docx.ranking_unranked": (
        "Chưa đủ số liệu để xếp hạng: {units}.",
        "Not ranked for want of figures: {units}.",
    ),
    # Errors of the office's template.
    "docx.template_not_found": (
        "Không tìm thấy mẫu Word {path}. Kiểm tra đường dẫn (--docx-template hoặc "
        "reporting.docx_template trong kế hoạch), hoặc tạo mẫu bằng: kehoach docx-template "
        "--output {path}",
        "Word template {path} not found. Check the path (--docx-template or "
        "reporting.docx_template in the plan), or write one with: kehoach docx-template "
        "--output {path}",
    ),
    "docx.template_unreadable": (
        "Mẫu Word {path} không mở được ({reason}). Mở lại bằng Word và lưu dưới dạng "
        '"Word Document (*.docx)", hoặc tạo mẫu mới bằng: kehoach docx-template --output '
        "mau-bao-cao.docx",
        "Word template {path} cannot be opened ({reason}). Open it in Word and save it as "
        '"Word Document (*.docx)", or write a new one with: kehoach docx-template --output '
        "report-template.docx",
    ),
    "docx.template_error": (
        "Mẫu Word {path} có lỗi ở thẻ {{{{ … }}}}: {reason}. Sửa thẻ trong Word (mỗi thẻ mở "
        "phải có thẻ đóng, ví dụ {{%p for … %}} … {{%p endfor %}}) hoặc tạo lại mẫu bằng "
        "kehoach docx-template",
        "Word template {path} has an error in a {{{{ … }}}} tag: {reason}. Fix the tag in Word "
        "(every opening tag needs its closing tag, e.g. {{%p for … %}} … {{%p endfor %}}) or "
        "write the template again with kehoach docx-template",
    ),
    "docx.template_exists": (
        "Tệp {path} đã có: không ghi đè (có thể là mẫu văn phòng đã sửa). Chọn tên khác, hoặc "
        "thêm --force nếu chắc chắn muốn thay bằng mẫu gốc.",
        "{path} already exists and is not replaced (it may be the office's edited template). "
        "Choose another name, or add --force to replace it with the original template.",
    ),
    "docx.template_suffix": (
        "Mẫu Word phải có đuôi .docx: {path}",
        "The Word template must end in .docx: {path}",
    ),
    "docx.template_written": ("Đã ghi mẫu báo cáo Word: {path}", "Wrote the Word template: {path}"),
    # The officer's notes file.
    "docx.notes_not_found": (
        "Không tìm thấy tệp ghi chú {path} (--notes).",
        "Notes file {path} not found (--notes).",
    ),
    "docx.notes_unreadable": (
        "Tệp ghi chú {path} không đọc được: {reason}. Lưu tệp dạng văn bản UTF-8 (.md).",
        "Notes file {path} cannot be read: {reason}. Save it as UTF-8 text (.md).",
    ),
}

# English month names for the English date line; "July 5, 2024".
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
