"""Messages shared by every command: locations, YAML reading, the CLI's own errors."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # where
    "where.line": ("dòng {line}", "line {line}"),
    # severities and summaries
    "severity.error": ("LỖI", "ERROR"),
    "severity.warning": ("CẢNH BÁO", "WARNING"),
    "summary.ok": ("{file}: hợp lệ.", "{file}: valid."),
    "summary.counts": (
        "Tổng cộng: {errors} lỗi, {warnings} cảnh báo trong {files} tệp.",
        "Total: {errors} error(s), {warnings} warning(s) in {files} file(s).",
    ),
    # YAML reading (code yaml.<problem code>)
    "yaml.file_too_large": (
        "Tệp quá lớn ({size} MB, giới hạn {limit} MB): không đọc. Kiểm tra lại có đúng tệp không; "
        "nếu đúng, đặt biến KEHOACH_LIMIT_TEXT_BYTES lớn hơn.",
        "File too large ({size} MB, limit {limit} MB): not read. Check it is the right file; if "
        "so, set KEHOACH_LIMIT_TEXT_BYTES higher.",
    ),
    "yaml.not_text": (
        "Tệp không phải văn bản UTF-8 (có thể là tệp nhị phân hoặc bảng mã khác). Hãy lưu lại "
        "dưới dạng UTF-8.",
        "The file is not UTF-8 text (binary, or another encoding). Save it again as UTF-8.",
    ),
    "yaml.empty_file": (
        "Tệp rỗng: không có nội dung nào. Hãy điền nội dung theo mẫu.",
        "The file is empty. Fill it in following the template.",
    ),
    "yaml.yaml_syntax": (
        "Lỗi cú pháp YAML: {reason}. Kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép ở dòng này.",
        "YAML syntax error: {reason}. Check the indentation, colons and quotes on this line.",
    ),
    "yaml.yaml_tab": (
        "Có ký tự Tab dùng để thụt lề: YAML chỉ chấp nhận dấu cách. Thay Tab bằng dấu cách.",
        "A Tab character is used for indentation: YAML accepts spaces only. Replace it.",
    ),
    "yaml.yaml_too_deep": (
        "Cấu trúc lồng nhau quá sâu (giới hạn {limit} cấp): tệp không phải kế hoạch hay kết quả "
        "hợp lệ.",
        "Nesting too deep (limit {limit} levels): not a valid plan or results file.",
    ),
    "yaml.yaml_too_many_nodes": (
        "Tệp mở rộng ra quá nhiều phần tử (giới hạn {limit}), thường do bí danh (&/*) lồng nhau: "
        "không đọc. Bỏ các bí danh.",
        "The file expands to too many elements (limit {limit}), usually through nested aliases "
        "(&/*): not read. Remove the aliases.",
    ),
    "yaml.yaml_tag": (
        "Thẻ YAML không được phép ({reason}): kehoach không tạo đối tượng từ tệp. Xóa thẻ (!!...).",
        "YAML tag not allowed ({reason}): kehoach builds no objects from files. Remove the "
        "tag (!!...).",
    ),
    "yaml.yaml_bad_key": (
        "Khóa không hợp lệ: khóa phải là một chữ đơn giản.",
        "Invalid key: a key must be plain text.",
    ),
    "yaml.duplicate_key": (
        'Khóa "{key}" xuất hiện hai lần (lần đầu ở dòng {first}); chỉ giữ một.',
        'Key "{key}" appears twice (first on line {first}); keep only one.',
    ),
    # CLI
    "cli.file_not_found": (
        "Không tìm thấy tệp hoặc thư mục: {path}",
        "No such file or folder: {path}",
    ),
    "cli.unexpected": (
        "Lỗi không mong đợi: {error}. Chạy lại với --debug để xem chi tiết và báo cho nhóm phát "
        "triển.",
        "Unexpected error: {error}. Run again with --debug for details and report it.",
    ),
    "cli.bad_lang": (
        "Ngôn ngữ không hỗ trợ: {value}. Chọn vi hoặc en.",
        "Unsupported language: {value}. Choose vi or en.",
    ),
    "cli.bad_format": (
        "Định dạng không hỗ trợ: {value}. Chọn một trong: {choices}.",
        "Unsupported format: {value}. Choose one of: {choices}.",
    ),
    "cli.interrupted": ("Đã dừng.", "Interrupted."),
    "cli.not_implemented": (
        'Lệnh "{command}" chưa có trong phiên bản này.',
        'The "{command}" command is not available in this version yet.',
    ),
    "cli.nothing_to_validate": (
        "Không có tệp nào để kiểm tra trong: {path}",
        "Nothing to validate in: {path}",
    ),
    # usage errors (the words of typer's own click are English only)
    "usage.no_such_option": (
        "Không có tùy chọn {option}.",
        "No such option: {option}.",
    ),
    "usage.did_you_mean": ("Có phải ý bạn là: {options}?", "Did you mean: {options}?"),
    "usage.missing": (
        "Thiếu tùy chọn bắt buộc {name}.",
        "Missing required option {name}.",
    ),
    "usage.bad_value": (
        "Giá trị không hợp lệ cho {name}: {reason}",
        "Invalid value for {name}: {reason}",
    ),
    "usage.generic": ("Gọi lệnh sai: {reason}", "Usage error: {reason}"),
    "usage.needs_value": (
        "Tùy chọn {option} cần một giá trị đi sau.",
        "Option {option} needs a value after it.",
    ),
    "usage.hint": (
        "Xem cách dùng: {command} --help",
        "See how to call it: {command} --help",
    ),
    # help texts
    "help.app": (
        "kehoach — theo dõi kế hoạch, chỉ tiêu thi đua của UBND xã: kiểm tra số liệu, tính tỷ lệ "
        "hoàn thành, lập báo cáo quý, 6 tháng, năm.",
        "kehoach — follow a commune's yearly plan and emulation targets: check data, compute "
        "completion, produce quarterly, 6-month and yearly reports.",
    ),
    "help.lang": (
        "Ngôn ngữ hiển thị: vi (mặc định) hoặc en. Biến môi trường KEHOACH_LANG.",
        "Display language: vi (default) or en. Environment variable KEHOACH_LANG.",
    ),
    "help.debug": (
        "Hiện chi tiết kỹ thuật (traceback) khi có lỗi.",
        "Show technical details (traceback) on errors.",
    ),
    "help.plan": (
        "Tệp kế hoạch YAML. Mặc định: biến KEHOACH_PLAN, rồi data/plan_<năm>.yaml.",
        "Plan YAML file. Default: KEHOACH_PLAN, then data/plan_<year>.yaml.",
    ),
    "help.format_table_json": (
        "Định dạng: table (bảng, mặc định) hoặc json.",
        "Format: table (default) or json.",
    ),
    "help.quiet": (
        "Chỉ in lỗi; không in gì khi mọi thứ ổn (dùng cho cron).",
        "Print errors only; print nothing when all is well (for cron).",
    ),
    "help.version": ("In phiên bản và thoát.", "Print the version and exit."),
    "help.help": ("In hướng dẫn này và thoát.", "Show this message and exit."),
}
