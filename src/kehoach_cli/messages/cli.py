"""Messages of the command line itself: where results are looked for, help headings, usage."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the results folder (cli/plans.py)
    "cli.results_folder_not_found": (
        "Không tìm thấy thư mục kết quả: {path}.",
        "No results folder: {path}.",
    ),
    "cli.results_folder_hint_option": (
        "Kiểm tra lại đường dẫn --results.",
        "Check the --results path.",
    ),
    "cli.results_folder_hint_env": (
        "Đường dẫn này lấy từ biến {var}: sửa biến hoặc chỉ rõ bằng --results THƯ_MỤC.",
        "This path comes from {var}: fix it or name the folder with --results FOLDER.",
    ),
    "cli.results_folder_hint_default": (
        "Mặc định là thư mục results cạnh tệp kế hoạch; tạo thư mục đó, hoặc chỉ rõ bằng "
        "--results THƯ_MỤC hay biến {var}.",
        "The default is the results folder beside the plan; create it, or name the folder with "
        "--results FOLDER or {var}.",
    ),
    # help pages (cli/helptext.py)
    "help.usage": ("Cách dùng:", "Usage:"),
    "help.options": ("Tùy chọn", "Options"),
    "help.arguments": ("Đối số", "Arguments"),
    "help.commands": ("Lệnh", "Commands"),
    "help.options_metavar": ("[TÙY_CHỌN]", "[OPTIONS]"),
    "help.command_metavar": ("LỆNH [ĐỐI_SỐ]...", "COMMAND [ARGS]..."),
    "help.required": ("bắt buộc", "required"),
    "help.default": ("mặc định: {value}", "default: {value}"),
    "help.param.install_completion": (
        "Cài gợi ý lệnh khi nhấn Tab cho shell đang dùng (bash, zsh, fish, PowerShell).",
        "Install Tab completion for the current shell (bash, zsh, fish, PowerShell).",
    ),
    "help.param.show_completion": (
        "In đoạn mã gợi ý lệnh cho shell đang dùng, để tự cài.",
        "Print the completion script for the current shell, to install it yourself.",
    ),
    "help.validate_metavar": ("TỆP_HOẶC_THƯ_MỤC...", "FILE_OR_FOLDER..."),
    "help.format_metavar": ("ĐỊNH_DẠNG", "FORMAT"),
    "help.folder_metavar": ("THƯ_MỤC", "FOLDER"),
    "help.file_metavar": ("TỆP", "FILE"),
    "help.period_metavar": ("KỲ", "PERIOD"),
    "help.unit_metavar": ("ĐƠN_VỊ", "UNIT"),
    "help.value_metavar": ("GIÁ_TRỊ", "VALUE"),
    "help.validate_quiet": (
        "Chỉ in lỗi và cảnh báo; không in gì khi mọi tệp hợp lệ và không có cảnh báo (dùng cho "
        "cron).",
        "Print only errors and warnings; nothing when every file is valid and without warnings "
        "(for cron).",
    ),
    "help.report_quiet": (
        'Không in dòng "Đã ghi báo cáo …" khi ghi ra tệp (dùng cho cron); lỗi vẫn được in.',
        'Do not print the "Report written …" line when writing a file (for cron); errors are '
        "still printed.",
    ),
    "help.template_quiet": (
        'Không in dòng "Đã ghi biểu mẫu …"; lỗi vẫn được in.',
        'Do not print the "Form written …" line; errors are still printed.',
    ),
    "help.status_quiet": (
        "Chỉ in các đơn vị cần nhắc (chưa nộp, nộp muộn, tệp lỗi), mỗi đơn vị một dòng; không in "
        "gì khi mọi đơn vị đã nộp đúng hạn (dùng cho cron).",
        "Print only the units to chase (missing, late, invalid files), one line each; nothing "
        "when every unit reported on time (for cron).",
    ),
    "help.results_default": (
        "Thư mục hoặc tệp kết quả. Mặc định: biến KEHOACH_RESULTS, rồi thư mục results cạnh tệp "
        "kế hoạch (data/results).",
        "Results folder or file. Default: KEHOACH_RESULTS, then the results folder beside the "
        "plan (data/results).",
    ),
    "help.report_formats": (
        "Định dạng: {formats}; mặc định table, hoặc theo đuôi tệp của --output.",
        "Format: {formats}; table by default, or from the --output extension.",
    ),
    # usage errors
    "usage.missing_argument": (
        "Thiếu {name} ({what}).",
        "Missing {name} ({what}).",
    ),
    "usage.not_integer": (
        "{name} cần một số nguyên, ví dụ {name} 2024.",
        "{name} needs a whole number, e.g. {name} 2024.",
    ),
    "usage.takes_no_value": (
        "Tùy chọn {option} không nhận giá trị: chỉ ghi {option}.",
        "Option {option} takes no value: write just {option}.",
    ),
    "usage.extra_arguments": (
        "Thừa đối số: {args}. Lệnh này không nhận thêm tên tệp hay giá trị nào ở đó.",
        "Unexpected extra argument(s): {args}. This command takes no more names or values there.",
    ),
    "usage.no_such_command_suggest": (
        "Không có lệnh '{name}'. Có phải ý bạn là '{match}'?",
        "No such command '{name}'. Did you mean '{match}'?",
    ),
    "usage.no_such_command_list": (
        "Không có lệnh '{name}'. Các lệnh: {commands}.",
        "No such command '{name}'. Commands: {commands}.",
    ),
}
