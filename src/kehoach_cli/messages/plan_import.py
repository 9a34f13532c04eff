"""Messages of the yearly cycle: next year's draft plan (plan new), a signed plan's import."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # validate: a draft plan
    "plan.draft": (
        "Kế hoạch năm {year} đang là bản nháp (draft: true): điền các chỉ tiêu còn trống, xác "
        'nhận những chỗ ghi chú "ĐOÁN" trong tệp, rồi xóa dòng draft: true khi kế hoạch đã ký.',
        "The {year} plan is a draft (draft: true): fill the empty targets, confirm what the "
        'file\'s comments mark "GUESS", then delete the line draft: true once the plan is signed.',
    ),
    "plan.target_to_fill": (
        '"{name}": chưa có chỉ tiêu năm {year}. Điền target theo kế hoạch đã ký{baseline}.',
        '"{name}": no {year} target yet. Fill in target from the signed plan{baseline}.',
    ),
    "plan.target_to_fill.baseline": (" (năm trước: {value})", " (last year: {value})"),
    # plan new
    "plan_new.header": (
        "Kế hoạch năm {year}: bản nháp do kehoach plan new lập từ {source}.",
        "The {year} plan: a draft made by kehoach plan new from {source}.",
    ),
    "plan_new.header_fill": (
        "Điền chỉ tiêu (target) theo văn bản đã ký, rồi chạy kehoach validate với tệp này.",
        "Fill in each target from the signed text, then run kehoach validate on this file.",
    ),
    "plan_new.fill_target": ("ĐIỀN chỉ tiêu năm {year}", "FILL IN the {year} target"),
    "plan_new.old_target": (" (kế hoạch năm {year}: {value})", " ({year} plan: {value})"),
    "plan_new.baseline_source": ("Kết quả năm {year}: {files}", "{year} results: {files}"),
    "plan_new.year_changed": (
        "ĐOÁN: đã đổi {old} thành {new}; kiểm tra lại",
        "GUESS: {old} changed to {new}; check it",
    ),
    "plan_new.implements": (
        "ĐIỀN các nghị quyết, quyết định năm {year} (danh sách của {source} đã bỏ)",
        "FILL IN the {year} resolutions and decisions (those of {source} were dropped)",
    ),
    "plan_new.holidays": (
        "chỉ giữ các ngày nghỉ năm {year}",
        "only the holidays of {year} are kept",
    ),
    "plan_new.draft_comment": (
        "xóa dòng này khi kế hoạch đã ký",
        "delete this line once the plan is signed",
    ),
    "plan_new.same_year": (
        "--year {year} phải sau năm của kế hoạch {source} ({old}).",
        "--year {year} must come after the year of the plan {source} ({old}).",
    ),
    "plan_new.written": (
        "Đã ghi {path}: {indicators} chỉ tiêu, {baselines} có số liệu năm {old} (baseline). "
        "Điền chỉ tiêu rồi chạy: kehoach validate {path}",
        "Wrote {path}: {indicators} indicators, {baselines} with a {old} figure (baseline). "
        "Fill in the targets, then run: kehoach validate {path}",
    ),
    "plan_new.no_year_results": (
        "Chưa có kết quả cả năm {year} trong {folder}: chưa điền baseline.",
        "No {year} year results in {folder}: no baseline filled in.",
    ),
    "plan_new.invalid_results": (
        "Kết quả trong {folder} có {errors} lỗi: sửa trước khi lấy số năm trước (xem kehoach "
        "validate {folder}).",
        "The results in {folder} have {errors} error(s): fix them before taking last year's "
        "figures (see kehoach validate {folder}).",
    ),
    "plan_new.output_exists": (
        "{path} đã có: không ghi đè một kế hoạch. Chọn --output khác, hoặc thêm --force để thay.",
        "{path} exists: a plan is not overwritten. Choose another --output, or add --force to "
        "replace it.",
    ),
    "help.plan_new": (
        "Lập kế hoạch năm sau từ kế hoạch năm nay: cùng cây chỉ tiêu, mã, đơn vị, cách tính; "
        "chỉ tiêu để trống; baseline lấy từ kết quả cả năm.\n\n"
        "Ví dụ: kehoach plan new --year 2025 --from data/plan_2024.yaml",
        "Start next year's plan from this year's: same indicators, codes, units and rules; "
        "targets left empty; baselines from the year's results.\n\n"
        "Example: kehoach plan new --year 2025 --from data/plan_2024.yaml",
    ),
    "help.plan_new_year": ("Năm của kế hoạch mới.", "The new plan's year."),
    "help.plan_new_from": (
        "Kế hoạch năm trước (mặc định data/plan_<năm-1>.yaml).",
        "The earlier plan (default data/plan_<year-1>.yaml).",
    ),
    "help.plan_new_output": (
        "Tệp kế hoạch mới (mặc định data/plan_<năm>.yaml); không ghi đè tệp đã có.",
        "The new plan file (default data/plan_<year>.yaml); an existing file is not replaced.",
    ),
    "help.plan_new_results": (
        "Thư mục kết quả để lấy số năm trước (mặc định data/results).",
        "Results folder for last year's figures (default data/results).",
    ),
    "help.plan_force": (
        "Thay tệp --output đã có (không bao giờ thay tệp đầu vào).",
        "Replace an existing --output file (never an input file).",
    ),
    "help.plan_import": (
        "Đọc bảng chỉ tiêu của kế hoạch đã ký (tệp Word .docx) thành tệp kế hoạch YAML; mọi chỗ "
        "đoán có ghi chú để xác nhận.\n\n"
        "Ví dụ: kehoach plan import KE_HOACH.docx --year 2025 -o data/plan_2025.yaml "
        "--from data/plan_2024.yaml",
        "Read the indicator table of a signed plan (a Word .docx) into a plan YAML file; every "
        "guess carries a comment to confirm.\n\n"
        "Example: kehoach plan import KE_HOACH.docx --year 2025 -o data/plan_2025.yaml "
        "--from data/plan_2024.yaml",
    ),
    "help.plan_import_file": ("Tệp Word (.docx) của kế hoạch.", "The plan's Word file (.docx)."),
    "help.plan_import_year": ("Năm của kế hoạch.", "The plan's year."),
    "help.plan_import_output": (
        "Tệp kế hoạch sẽ ghi; không ghi đè tệp đã có.",
        "The plan file to write; an existing file is not replaced.",
    ),
    "help.plan_import_from": (
        "Kế hoạch trước: chỉ tiêu trùng tên giữ mã, loại, chiều, đơn vị phụ trách của nó.",
        "An earlier plan: indicators of the same name keep its codes, kinds, directions, units.",
    ),
    # plan import: the container
    "security.not_docx": (
        "Tệp không phải văn bản Word .docx (có thể là tệp khác bị đổi đuôi). Mở bằng Word và "
        "lưu lại dưới dạng Word Document (.docx).",
        "Not a Word .docx document (perhaps another file renamed). Open it in Word and save it "
        "as a Word Document (.docx).",
    ),
    "security.old_doc": (
        "Tệp là văn bản Word cũ (.doc) hoặc có mật khẩu: kehoach chỉ đọc .docx. Mở bằng Word, bỏ "
        "mật khẩu nếu có, và lưu lại dưới dạng Word Document (.docx).",
        "An old Word document (.doc) or a password-protected one: kehoach reads .docx only. "
        "Open it in Word, remove any password, and save it as a Word Document (.docx).",
    ),
    "security.docx_too_large": (
        "Tệp Word giải nén ra quá lớn hoặc nén bất thường (tỷ lệ trên {limit}:1, dấu hiệu tệp "
        "bom nén): không đọc, không giải nén. Một kế hoạch chỉ vài chục KB; hỏi lại người gửi.",
        "The Word file inflates too much or is compressed oddly (over {limit}:1, the mark of a "
        "zip bomb): not read, nothing inflated. A plan is a few tens of KB; ask the sender.",
    ),
    "security.docx_damaged": (
        "Tệp .docx bị cắt cụt hoặc hỏng. Mở bằng Word, lưu lại, hoặc lấy lại tệp từ người gửi.",
        "The .docx file is cut short or damaged. Open it in Word and save it again, or get it "
        "again from the sender.",
    ),
    # plan import: reading the table
    "plan_import.not_found": (
        "Không tìm thấy tệp Word: {path}. Kiểm tra đường dẫn.",
        "Word file not found: {path}. Check the path.",
    ),
    "plan_import.unreadable": (
        "Không đọc được văn bản Word ({reason}). Mở bằng Word và lưu lại dưới dạng .docx.",
        "The Word document cannot be read ({reason}). Open it in Word and save it as .docx.",
    ),
    "plan_import.no_table": (
        "Không thấy bảng chỉ tiêu trong {tables} bảng của văn bản: cần một bảng có các cột TT | "
        "Chỉ tiêu | Đơn vị tính (ĐVT) | Kế hoạch năm ở dòng tiêu đề.",
        "No indicator table among the document's {tables} table(s): one is needed whose header "
        "names the columns TT | Chỉ tiêu | Đơn vị tính (ĐVT) | Kế hoạch năm.",
    ),
    "plan_import.where_row": ("bảng {table}, dòng {row}", "table {table}, row {row}"),
    "plan_import.where_cell": (
        "bảng {table}, dòng {row}, cột {column}",
        "table {table}, row {row}, column {column}",
    ),
    "plan_import.other_year": (
        'Cột "{header}" là kế hoạch năm {found}, không phải năm {year}. Kiểm tra --year hoặc tệp.',
        'The column "{header}" is the {found} plan, not {year}. Check --year or the file.',
    ),
    "plan_import.no_rows": (
        "Bảng chỉ tiêu không có dòng nào dưới dòng tiêu đề.",
        "The indicator table has no rows below its header.",
    ),
    "plan_import.bad_target": (
        '"{value}" không đọc được thành số ({reason}). Sửa ô này trong tệp Word: số viết kiểu '
        "Việt Nam, ví dụ 323, 59,00, 6.700.",
        '"{value}" cannot be read as a number ({reason}). Fix this cell in the Word file: a '
        "number written the Vietnamese way, e.g. 323, 59,00, 6.700.",
    ),
    "plan_import.negative_target": (
        '"{value}": chỉ tiêu không thể âm. Sửa ô này trong tệp Word.',
        '"{value}": a target cannot be negative. Fix this cell in the Word file.',
    ),
    "plan_import.target_too_large": (
        '"{value}" lớn quá mức: không có chỉ tiêu nào của xã lớn đến một triệu tỷ (10^15). Sửa ô '
        "này trong tệp Word.",
        '"{value}" is too large: no commune target reaches a thousand trillion (10^15). Fix this '
        "cell in the Word file.",
    ),
    "plan_import.fraction_in_count": (
        '"{value}" có phần lẻ nhưng đơn vị {unit} đếm nguyên. Sửa ô số hoặc ô ĐVT trong tệp Word.',
        '"{value}" has a fraction but {unit} counts whole items. Fix the figure or the unit in '
        "the Word file.",
    ),
    "plan_import.no_name": (
        "Dòng có số liệu nhưng không có tên chỉ tiêu. Điền tên trong tệp Word.",
        "A row with figures but no indicator name. Write the name in the Word file.",
    ),
    "plan_import.bad_tt": (
        '"{value}" không phải số thứ tự quen thuộc (A, I, 1, -, +). Sửa ô này trong tệp Word.',
        '"{value}" is not a known numbering (A, I, 1, -, +). Fix this cell in the Word file.',
    ),
    "plan_import.ditto_first": (
        'Ô ĐVT ghi dấu nháy (") nhưng không có dòng nào ở trên có đơn vị. Ghi đơn vị trong tệp '
        "Word.",
        'The unit cell holds a ditto mark (") but no row above has a unit. Write the unit in '
        "the Word file.",
    ),
    "plan_import.no_unit": (
        '"{name}" có chỉ tiêu nhưng không có đơn vị tính, và không đoán được từ các dòng con. '
        "Ghi đơn vị trong tệp Word.",
        '"{name}" has a target but no unit, and its rows below give none. Write the unit in '
        "the Word file.",
    ),
    "plan_import.not_written": (
        "Không ghi tệp kế hoạch: bảng có {errors} chỗ không đọc được (xem trên). Sửa trong tệp "
        "Word rồi chạy lại.",
        "No plan written: the table has {errors} place(s) that cannot be read (see above). Fix "
        "them in the Word file and run again.",
    ),
    "plan_import.written": (
        "Đã ghi {path}: {indicators} chỉ tiêu, {guesses} chỗ đoán (ghi chú ĐOÁN) cần xác nhận. "
        "Xem lại tệp rồi chạy: kehoach validate {path}",
        "Wrote {path}: {indicators} indicators, {guesses} guesses (comments GUESS) to confirm. "
        "Review the file, then run: kehoach validate {path}",
    ),
    "plan_import.number_ambiguous": (
        "không rõ là hàng nghìn hay số thập phân; với chỉ tiêu đếm (Con, Người…) 6.700 là sáu "
        "nghìn bảy trăm",
        "thousands or a decimal? for a count (Con, Người…) 6.700 is six thousand seven hundred",
    ),
    "plan_import.number_bad_grouping": ("sai dấu phân cách", "misplaced separators"),
    "plan_import.number_not_a_number": ("không phải số", "not a number"),
    "plan_import.number_empty": ("ô trống", "empty cell"),
    # plan import: the comments of the written plan
    "plan_import.header": (
        "Kế hoạch năm {year}: bản nháp do kehoach plan import đọc từ bảng chỉ tiêu của văn bản "
        "đã ký.",
        "The {year} plan: a draft read by kehoach plan import from the signed text's table.",
    ),
    "plan_import.header_confirm": (
        'Tên và số chỉ tiêu giữ đúng như văn bản. Mỗi chỗ ghi "ĐOÁN" là kehoach đề xuất: xác '
        "nhận hoặc sửa, rồi chạy kehoach validate với tệp này.",
        'Names and targets are as written. Each comment "GUESS" is a proposal of kehoach\'s: '
        "confirm or correct it, then run kehoach validate on this file.",
    ),
    "plan_import.guess": ("ĐOÁN: {text}", "GUESS: {text}"),
    "plan_import.ditto": (
        'ô ĐVT ghi dấu nháy ("): như dòng trên, {unit}',
        'the unit cell is a ditto mark ("): as above, {unit}',
    ),
    "plan_import.ditto_ambiguous": (
        'ô ĐVT ghi dấu nháy (") dưới "%", không rõ nghĩa; dòng này đếm nên lấy {unit}',
        'the unit cell is a ditto mark (") under "%", ambiguous; the row counts, so {unit}',
    ),
    "plan_import.unit_from_rows": (
        "ô ĐVT trống; lấy đơn vị của các dòng con ({unit})",
        "the unit cell is empty; the rows below it count in {unit}",
    ),
    "plan_import.ref": (
        "chính là chỉ tiêu {name} ở dưới (cùng tên, ĐVT và số): chỉ nhắc lại",
        "the same indicator as {name} below (same name, unit and figure): shown again",
    ),
    "plan_import.code_from": (
        "mã của chỉ tiêu cùng tên trong {source}",
        "the code of the indicator of the same name in {source}",
    ),
    "plan_import.code_guess": ("mã đặt từ tên chỉ tiêu", "code made from the name"),
    "plan_import.responsible_guess": ("đơn vị phụ trách", "responsible unit"),
    "plan_import.sum": (
        "tổng các dòng con ({parts} = {total})",
        "the sum of its rows ({parts} = {total})",
    ),
    "plan_import.yield_ta": (
        "năng suất (tạ/ha) = sản lượng (tấn) × 10 ÷ diện tích (ha)",
        "yield (tạ/ha) = output (tấn) × 10 ÷ area (ha)",
    ),
    "plan_import.yield_tan": (
        "năng suất (tấn/ha) = sản lượng (tấn) ÷ diện tích (ha)",
        "yield (tấn/ha) = output (tấn) ÷ area (ha)",
    ),
    "plan_import.emulation_from": (
        "nội dung thi đua của {source}; sửa theo văn bản mới",
        "the emulation contents of {source}; update them from the new text",
    ),
    "plan_import.units_guess": (
        "mọi chỉ tiêu tạm giao Văn phòng - Thống kê; thêm các ban, ngành phụ trách",
        "every indicator is given to the Office-Statistics for now; add the responsible units",
    ),
    "plan_import.placeholder": ("…", "…"),
    "plan_import.title": ("Kế hoạch năm {year}", "Kế hoạch năm {year}"),
    "plan_import.fill": ("ĐIỀN: {what} (văn bản không có trong bảng)", "FILL IN: {what}"),
}
