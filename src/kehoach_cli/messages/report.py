"""Messages of the report area: key → (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Status words, exactly as the issue and the commune's reports write them.
    "report.status.exceeded": ("Vượt kế hoạch", "Exceeded"),
    "report.status.achieved": ("Đạt kế hoạch", "Achieved"),
    "report.status.on_track": ("Đúng tiến độ", "On track"),
    "report.status.behind": ("Chậm tiến độ", "Behind"),
    "report.status.no_data": ("Chưa có số liệu", "No data"),
    "report.status.no_target": ("Không có chỉ tiêu", "No target"),
    "report.status.not_assessed": ("Không đánh giá", "Unassessed"),
    "report.status.to_confirm": ("Số liệu cần xác nhận", "Figure to confirm"),
    "report.status.not_yet_achieved": ("Chưa đạt", "Not yet met"),
    "report.status.not_achieved": ("Không đạt", "Not achieved"),
    # (Short enough to stay whole in an 80-column table; the notes say "chỉ tiêu cần đính chính".)
    "report.status.year_end_only": ("Đánh giá cuối năm", "At year end"),
    "report.status.target_flagged": ("Cần đính chính", "Fix target"),
    "report.status.not_harvested": ("Chưa thu hoạch", "Unharvested"),
    # Counts as the status words say them inside a sentence (see render.terminal.counts_line).
    "report.count.exceeded": ("vượt kế hoạch {n}", "exceeded {n}"),
    "report.count.achieved": ("đạt kế hoạch {n}", "achieved {n}"),
    "report.count.on_track": ("đúng tiến độ {n}", "on track {n}"),
    "report.count.behind": ("chậm tiến độ {n}", "behind {n}"),
    "report.count.not_yet_achieved": ("chưa đạt {n}", "not yet met {n}"),
    "report.count.not_achieved": ("không đạt {n}", "not achieved {n}"),
    "report.count.year_end_only": ("đánh giá cuối năm {n}", "assessed at year end {n}"),
    "report.count.not_harvested": ("chưa thu hoạch {n}", "not harvested yet {n}"),
    "report.count.no_data": ("chưa có số liệu {n}", "no data {n}"),
    "report.count.to_confirm": ("số liệu cần xác nhận {n}", "figure to confirm {n}"),
    "report.count.target_flagged": (
        "chỉ tiêu cần đính chính {n}",
        "target to be corrected {n}",
    ),
    "report.count.not_assessed": ("không đánh giá {n}", "not assessed {n}"),
    "report.count.no_target": ("không có chỉ tiêu {n}", "no target {n}"),
    "report.counts_mid_year": (
        "Tổng số {total} chỉ tiêu: {parts}.",
        "{total} indicators: {parts}.",
    ),
    # Year-end reports: "13/32 chỉ tiêu vượt, 11 đạt, 1 không đạt".
    "report.counts_year_end": (
        "{exceeded}/{total} chỉ tiêu vượt, {achieved} đạt, {not_achieved} không đạt",
        "{exceeded}/{total} indicators exceeded, {achieved} achieved, {not_achieved} not achieved",
    ),
    "report.note.target_flagged": (
        'Chỉ tiêu cần đính chính: "{name}" có kế hoạch {target}% — một tỷ lệ không thể vượt '
        "100%; chưa đánh giá, không tính vào bình quân và xếp hạng cho đến khi kế hoạch được "
        "đính chính.",
        'Target to be corrected: "{name}" has a target of {target}% — a share cannot exceed '
        "100%; not assessed, left out of averages and of the ranking until the plan is "
        "corrected.",
    ),
    "report.ranking_rule_text": (
        "Cách xếp hạng: {name}. Điểm của mỗi chỉ tiêu: {points}. Chỉ tính các chỉ tiêu đơn vị "
        "tự báo cáo, mỗi chỉ tiêu một lần (không tính chỉ tiêu tổng hợp, tính từ công thức) và "
        "được đánh giá trong kỳ (không tính chỉ tiêu không có kế hoạch, số dự báo, chỉ tiêu cần "
        "đính chính, chỉ tiêu đánh giá cuối năm hoặc chưa thu hoạch). Xếp theo tổng điểm so với "
        "điểm tối đa; bằng nhau thì theo tỷ lệ hoàn thành bình quân, mỗi chỉ tiêu tính tối đa "
        "100% (chưa có số liệu tính 0%). Đơn vị có dưới {least} chỉ tiêu được đánh giá được ghi "
        "chú bên cạnh tên.",
        "Ranking rule: {name}. Points per indicator: {points}. Only the indicators a unit reports "
        "itself count, each once (not totals computed by formula), and only those judged at the "
        "period (not those without a target, projections, targets to be corrected, indicators "
        "assessed at year end or not harvested yet). Units rank by points over the most they "
        "could earn; ties by mean completion, each indicator capped at 100% (no data 0%). A unit "
        "judged on fewer than {least} indicators is marked next to its name.",
    ),
    "report.ranking.default_name": (
        "quy tắc mặc định của kehoach, vì kế hoạch chưa ghi bảng điểm thi đua của xã (mục ranking)",
        "kehoach's default rule, as the plan gives no scoring table of the commune (its ranking "
        "section)",
    ),
    "report.ranking.points_item": ("{status} {points}", "{status} {points}"),
    "report.ranking.weights": ("Hệ số: {weights}.", "Weights: {weights}."),
    "report.ranking.weight_item": ("{name} × {weight}", "{name} × {weight}"),
    "report.units.few": (
        "{name} (dưới {least} chỉ tiêu được đánh giá)",
        "{name} (judged on fewer than {least} indicators)",
    ),
    "report.note.missing_earlier": (
        "Thiếu số liệu {period} nên không cộng dồn được lũy kế.",
        "No figure for {period}, so the year-to-date cannot be summed.",
    ),
    "report.note.harvested": (
        "Tính trên {area} ha đã thu hoạch.",
        "Over the {area} ha harvested.",
    ),
    "report.note.derived": ("Tính từ: {formula}", "Computed as: {formula}"),
    # The terminal/Markdown report.
    "report.title": (
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA {period_upper}",
        "RESULTS AGAINST THE EMULATION TARGETS, {period_upper}",
    ),
    "report.issuer": ("{issuer} — {place}", "{issuer} — {place}"),
    "report.window.cutoff": (
        "Kỳ báo cáo: {period}; số liệu từ {start} đến {end} (thời gian chốt số liệu theo Nghị "
        "định 09/2019/NĐ-CP)",
        "Period: {period}; data from {start} to {end} (data cutoff of Decree 09/2019/ND-CP)",
    ),
    "report.window.calendar": (
        "Kỳ báo cáo: {period}; số liệu từ {start} đến {end} (kỳ theo lịch)",
        "Period: {period}; data from {start} to {end} (calendar period)",
    ),
    "report.as_of": ("Ngày lập: {date}", "Made on: {date}"),
    "report.col.tt": ("TT", "No."),
    "report.col.name": ("Chỉ tiêu", "Indicator"),
    "report.col.unit": ("ĐVT", "Unit"),
    "report.col.target": ("KH năm", "Annual target"),
    "report.col.actual": ("Thực hiện (lũy kế)", "Actual (year to date)"),
    "report.col.completion": ("% KH", "% of target"),
    "report.col.expected": ("Tiến độ kỳ vọng", "Expected progress"),
    "report.col.remaining": ("Còn lại", "Remaining"),
    "report.col.status": ("Đánh giá", "Assessment"),
    "report.col.responsible": ("Đơn vị thực hiện", "Responsible unit"),
    "report.col.sources": ("Nguồn số liệu", "Sources"),
    "report.col.code": ("Mã", "Code"),
    "report.col.section": ("Phần", "Section"),
    "report.col.group": ("Lĩnh vực", "Group"),
    "report.col.period_value": ("Thực hiện trong kỳ", "Actual in the period"),
    "report.col.kind": ("Loại", "Kind"),
    "report.col.direction": ("Chiều", "Direction"),
    "report.derived_footnote": (
        "Số liệu tính từ các chỉ tiêu thành phần (lương thực = lúa + ngô; năng suất = sản lượng "
        "× 10 ÷ diện tích; tổng = các phần).",
        "Computed from the component indicators (grain = rice + maize; yield = output × 10 ÷ "
        "area; totals = their parts).",
    ),
    "report.groups.title": ("TỔNG HỢP THEO LĨNH VỰC", "SUMMARY BY SECTION AND GROUP"),
    "report.groups.col.name": ("Phần / lĩnh vực", "Section / group"),
    "report.groups.col.count": ("Số chỉ tiêu", "Indicators"),
    "report.groups.col.good": ("Vượt/đạt/đúng tiến độ", "Exceeded/achieved/on track"),
    "report.groups.col.short": ("Chậm tiến độ/chưa đạt", "Behind/not yet met"),
    "report.groups.col.short_year_end": ("Không đạt", "Not achieved"),
    "report.groups.col.no_data": ("Chưa có số liệu", "No data"),
    "report.groups.col.not_judged": ("Không đánh giá", "Not assessed"),
    "report.groups.col.mean": ("% KH bình quân", "Mean % of target"),
    "report.units.title": ("BẢNG XẾP HẠNG THI ĐUA", "EMULATION RANKING"),
    "report.units.col.rank": ("Hạng", "Rank"),
    "report.units.col.unit": ("Đơn vị", "Unit"),
    "report.units.col.assessed": ("Số chỉ tiêu đánh giá", "Assessed"),
    "report.units.col.good": ("Vượt/đạt/đúng tiến độ", "Exceeded/achieved/on track"),
    "report.units.col.share": ("Điểm (% tối đa)", "Score (% of most)"),
    "report.units.col.mean": ("% HT bình quân (tối đa 100%)", "Mean completion (capped 100%)"),
    "report.units.none": ("Chưa có đơn vị nào để xếp hạng.", "No unit to rank yet."),
    "report.units.withheld": (
        "Chưa xếp hạng thi đua: chưa đơn vị nào có số liệu của kỳ này ở các chỉ tiêu được tính "
        "điểm.",
        "Units not ranked: no unit has figures for this period on the indicators the rule scores.",
    ),
    "report.units.withheld_year": (
        "Chưa xếp hạng thi đua và chưa đề nghị khen thưởng: chưa đơn vị nào có số liệu của kỳ "
        "này ở các chỉ tiêu được tính điểm.",
        "Units not ranked and no commendation proposed: no unit has figures for this period on "
        "the indicators the rule scores.",
    ),
    "report.problems_allowed": (
        "Lưu ý: số liệu kết quả có {errors} lỗi; báo cáo được lập với --allow-invalid, các giá trị "
        "lỗi không được dùng.",
        "Note: the results have {errors} errors; the report was made with --allow-invalid and "
        "the faulty values were not used.",
    ),
    # The command.
    "report.invalid_results": (
        "Số liệu kết quả có {errors} lỗi (xem ở trên): chưa lập báo cáo. Sửa các tệp, kiểm tra "
        "lại bằng `kehoach validate {path}`, hoặc chạy lại với --allow-invalid để lập báo cáo với "
        "các số liệu hợp lệ.",
        "The results have {errors} errors (see above): no report made. Fix the files, check them "
        "with `kehoach validate {path}`, or run again with --allow-invalid to report on the valid "
        "figures.",
    ),
    "report.results_not_found": (
        "Không tìm thấy thư mục kết quả {path}. Chỉ rõ thư mục bằng --results (mặc định "
        "data/results).",
        "Results folder {path} not found. Name it with --results (default data/results).",
    ),
    "report.bad_by": (
        "Không hiểu --by {value}: chỉ dùng --by quarter (chia theo quý).",
        "Unknown --by {value}: only --by quarter (split by quarter) is supported.",
    ),
    "report.unknown_extension": (
        "Không biết định dạng của tệp {path} theo đuôi tệp. Ghi rõ --format ({choices}).",
        "Cannot tell the format of {path} from its extension. Give --format ({choices}).",
    ),
    "report.format_not_installed": (
        "Định dạng {value} chưa có trong phiên bản này của kehoach. Dùng một trong: {choices}.",
        "The {value} format is not available in this kehoach. Use one of: {choices}.",
    ),
    "report.binary_to_terminal": (
        "Định dạng {value} là tệp nhị phân: ghi ra tệp bằng --output TỆP.{value}.",
        "The {value} format is binary: write it to a file with --output FILE.{value}.",
    ),
    "report.output_dir_failed": (
        "Không tạo được thư mục {path} cho --output-dir (một phần đường dẫn là tệp, hoặc không "
        "có quyền ghi). Chọn thư mục khác.",
        "Could not create the folder {path} for --output-dir (part of the path is a file, or "
        "permission denied). Choose another folder.",
    ),
    "report.written": ("Đã ghi báo cáo: {path}", "Report written: {path}"),
    "report.bad_year": (
        "Năm không hợp lệ: {value}. Ghi năm bằng 4 chữ số, ví dụ --year 2024.",
        "Invalid year: {value}. Write the year with 4 digits, e.g. --year 2024.",
    ),
    # Writing files (safety/output.py, shared by every command that writes).
    "output.is_input": (
        "Không ghi đè tệp đầu vào {path}: chọn tên khác cho --output.",
        "Will not overwrite the input file {path}: choose another name for --output.",
    ),
    "output.no_folder": (
        "Thư mục {path} không tồn tại: tạo thư mục trước hoặc chọn nơi ghi khác.",
        "Folder {path} does not exist: create it first or write somewhere else.",
    ),
    "output.failed": (
        "Không ghi được {path}: {reason}. Kiểm tra thư mục và ổ đĩa rồi chạy lại.",
        "Could not write {path}: {reason}. Check the folder and the drive, then run again.",
    ),
    "output.is_folder": (
        "{path} là một thư mục: ghi rõ tên tệp cho --output.",
        "{path} is a folder: give a file name to --output.",
    ),
    "output.not_regular": (
        "Không ghi vào {path}: đó không phải là một tệp thường (thiết bị, FIFO…). Ghi ra một tệp, "
        "hoặc dùng --output - để in ra màn hình.",
        "Will not write to {path}: it is not a regular file (a device, a FIFO…). Write to a file, "
        "or use --output - to print to standard output.",
    ),
    "output.is_plan": (
        "Không ghi đè tệp đầu vào {path} (tệp kế hoạch): chọn tên khác cho --output.",
        "Will not overwrite the input file {path} (the plan): choose another name for --output.",
    ),
    "output.in_results": (
        "Không ghi vào {path}: tệp nằm trong thư mục kết quả {folder}, nơi để số liệu các đơn vị "
        "gửi. Ghi ra chỗ khác, ví dụ thư mục bao-cao.",
        "Will not write to {path}: it is inside the results folder {folder}, where the units' "
        "submissions go. Write it elsewhere, e.g. a bao-cao folder.",
    ),
    "output.not_a_report": (
        "Không ghi đè {path}: tệp đã có và không phải là báo cáo {format} do kehoach lập trước "
        "đây. Chọn tên khác, hoặc thêm --force nếu chắc chắn muốn ghi đè.",
        "Will not overwrite {path}: it exists and is not an earlier {format} report of kehoach. "
        "Choose another name, or add --force if you are sure it may be replaced.",
    ),
    "output.parent_is_file": (
        "Không ghi được {file}: {path} là một tệp, không phải thư mục. Chọn nơi ghi khác.",
        "Could not write {file}: {path} is a file, not a folder. Write somewhere else.",
    ),
    "output.failed.no_space": (
        "Không ghi được {path}: đĩa đã đầy. Giải phóng chỗ trống hoặc ghi ra ổ khác rồi chạy lại.",
        "Could not write {path}: the disk is full. Free some space or write to another drive, "
        "then run again.",
    ),
    "output.failed.denied": (
        "Không ghi được {path}: không có quyền ghi. Chọn thư mục bạn được ghi (ví dụ trong thư "
        "mục của bạn) rồi chạy lại.",
        "Could not write {path}: permission denied. Choose a folder you may write to (e.g. in "
        "your home folder) and run again.",
    ),
    "output.failed.read_only": (
        "Không ghi được {path}: ổ đĩa chỉ cho đọc. Ghi ra ổ khác rồi chạy lại.",
        "Could not write {path}: the drive is read-only. Write to another drive and run again.",
    ),
    "output.locked": (
        "Không thay được {path}: tệp đang được một chương trình khác mở. Hãy đóng tệp {name} "
        "trong Excel/Word rồi chạy lại.",
        "Could not replace {path}: another program has it open. Close the file {name} in "
        "Excel/Word and run again.",
    ),
    "output.stdout_failed": (
        "Không ghi được ra màn hình (đầu ra chuẩn): {reason}. Kiểm tra nơi chuyển hướng đầu ra "
        "rồi chạy lại.",
        "Could not write to standard output: {reason}. Check where the output is redirected and "
        "run again.",
    ),
    # Help texts.
    "help.report": (
        "Lập báo cáo kết quả thực hiện chỉ tiêu của một kỳ: % kế hoạch, tiến độ, đánh giá, "
        "xếp hạng thi đua.\n\nVí dụ: kehoach report --period q2\n\n"
        "kehoach report --period 2024Q2 --format csv --output q2.csv",
        "Report how each indicator stands at a period: % of target, progress, assessment, the "
        "emulation ranking.\n\nExample: kehoach report --period q2\n\nkehoach report --period "
        "2024Q2 --format csv --output q2.csv",
    ),
    "help.report_period": (
        "Kỳ báo cáo: q1…q4, h1 (6 tháng), 9m (9 tháng), year (cả năm), 2024Q2, current, previous.",
        "Period: q1…q4, h1 (6 months), 9m (9 months), year, 2024Q2, current, previous.",
    ),
    "help.report_year": (
        "Năm của kỳ khi --period không ghi năm (mặc định: năm của kế hoạch); dùng kế hoạch "
        "data/plan_<năm>.yaml và so sánh với cùng kỳ năm trước.",
        "The period's year when --period has none (default: the plan's year); uses the plan "
        "data/plan_<year>.yaml and compares with the same period of the year before.",
    ),
    "help.report_results": (
        "Thư mục hoặc tệp kết quả (mặc định data/results).",
        "Results folder or file (default data/results).",
    ),
    "help.report_format": (
        "Định dạng: table (mặc định), json, csv, markdown; nếu không ghi thì theo đuôi tệp của "
        "--output.",
        "Format: table (default), json, csv, markdown; from the --output extension when not given.",
    ),
    "help.report_output": (
        "Ghi báo cáo ra tệp này (ghi an toàn: tệp cũ chỉ bị thay khi đã ghi xong).",
        "Write the report to this file (atomically: an old file is replaced only once complete).",
    ),
    "help.report_by": (
        "quarter: đặt các quý của kỳ cạnh nhau (xu hướng), ví dụ --period year --by quarter.",
        "quarter: put the period's quarters side by side (trend), e.g. --period year --by quarter.",
    ),
    "help.report_allow_invalid": (
        "Vẫn lập báo cáo khi tệp kết quả có lỗi (chỉ dùng các số liệu hợp lệ).",
        "Make the report even when results files have errors (only valid figures are used).",
    ),
    "help.report_today": (
        "Coi hôm nay là ngày này (YYYY-MM-DD): cho current/previous, hạn nộp, ngày lập; để chạy "
        "lại cho cùng kết quả.",
        "Take this day (YYYY-MM-DD) as today: for current/previous, deadlines and the report "
        "date; for reproducible runs.",
    ),
    "help.report_output_dir": (
        "Ghi báo cáo vào thư mục này, tên tệp theo kỳ và định dạng (ví dụ 2024Q2-tong-hop.xlsx); "
        "chạy lại sẽ thay tệp cũ an toàn. Cần --format.",
        "Write the report into this folder, named by period and format (e.g. "
        "2024Q2-tong-hop.xlsx); a rerun safely replaces its own file. Needs --format.",
    ),
    "help.report_number": (
        'Số văn bản của báo cáo (phần "Số: …/BC-UBND" của tệp .docx).',
        'Document number of the report (the "Số: …/BC-UBND" of the .docx).',
    ),
    "help.report_date": (
        'Ngày ký báo cáo (YYYY-MM-DD) cho dòng "…, ngày … tháng … năm …".',
        "Date of the report (YYYY-MM-DD) for its place-and-date line.",
    ),
    "report.output_and_dir": (
        "Chỉ dùng một trong hai: --output (một tệp) hoặc --output-dir (thư mục).",
        "Use either --output (one file) or --output-dir (a folder), not both.",
    ),
    "report.output_dir_needs_format": (
        "--output-dir cần --format (ví dụ --format xlsx) để đặt tên tệp.",
        "--output-dir needs --format (e.g. --format xlsx) to name the file.",
    ),
    "report.bad_date": (
        'Ngày không hợp lệ: "{value}". Viết YYYY-MM-DD, ví dụ 2024-07-05.',
        'Invalid date: "{value}". Write YYYY-MM-DD, e.g. 2024-07-05.',
    ),
    # issue 13 (b): warnings about a figure reach the report
    "report.col.warnings": ("Cảnh báo số liệu", "Warnings"),
    # #16: estimates ("ước thực hiện") against final figures
    "report.col.estimate": ("Tình trạng số liệu", "Estimate or final"),
    "report.estimate.yes": ("Ước thực hiện", "Estimate"),
    "report.estimate.no": ("Chính thức", "Final"),
    "report.estimate_footnote": (
        "~ Số ước thực hiện (đơn vị báo số ước); số chính thức sẽ thay khi đơn vị gửi.",
        "~ An estimate (the unit reported an estimate); the final figure replaces it when sent.",
    ),
    "report.note.revised": (
        "Số liệu chính thức thay số ước: {old} → {new} {unit} ({unit_name}, {period}).",
        "Final figure replacing the estimate: {old} → {new} {unit} ({unit_name}, {period}).",
    ),
    "report.note.revised_line": (
        "{name}: số liệu chính thức thay số ước, {old} → {new} {unit} ({unit_name}, {period}).",
        "{name}: final figure replacing the estimate, {old} → {new} {unit} ({unit_name}, "
        "{period}).",
    ),
    "report.note.to_confirm": (
        "⚠ {name} ({code}): số liệu {value} lệch kế hoạch năm {target} từ 10 lần trở lên, chưa "
        "được xác nhận — chưa đánh giá, không tính vào xếp hạng thi đua. Đơn vị sửa số liệu, hoặc "
        'ghi "Đã xác nhận" vào cột Ghi chú của dòng này ({sources}).',
        "⚠ {name} ({code}): the figure {value} is 10 times or more off the annual target "
        "{target} and not confirmed — not assessed, not counted in the emulation ranking. The "
        'unit fixes it, or writes "Confirmed" in this row\'s Ghi chú (note) column ({sources}).',
    ),
    "report.note.warnings": (
        "⚠ {name} ({code}): số liệu có cảnh báo khi kiểm tra ({codes}); xem `kehoach validate`.",
        "⚠ {name} ({code}): the figure has warnings from the checks ({codes}); see `kehoach "
        "validate`.",
    ),
    "report.note.skipped": ("Bỏ qua {file}: {message}", "Skipped {file}: {message}"),
}
