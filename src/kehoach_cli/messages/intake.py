"""Messages of receiving forms, the journal, history and period locks: key → (vi, en)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # help: receive
    "help.receive": (
        "Nhận biểu mẫu các đơn vị gửi (tên tệp thế nào cũng được): đọc năm, kỳ, đơn vị trong tệp, "
        "kiểm tra, rồi lưu vào <thư mục kết quả>/<năm>-<kỳ>/<đơn vị>.<đuôi>. Tệp gốc không bị "
        "sửa hay di chuyển; bản nộp trước được chuyển vào thư mục lưu trữ _luu-tru; mỗi lần nhận "
        "và mỗi số liệu được ghi vào nhật ký.\n\n"
        'Ví dụ: kehoach receive "BC quy 2 DCNN final (1).xlsx" --results data/results',
        "Receive the forms units send (any file name): read year, period and unit from the file, "
        "check it, and file it as <results>/<year>-<period>/<unit>.<ext>. The original is never "
        "changed or moved; an earlier submission moves to the _luu-tru archive; every receipt "
        "and figure goes into the journal.\n\n"
        'Example: kehoach receive "BC quy 2 DCNN final (1).xlsx" --results data/results',
    ),
    "help.receive_files": (
        "Các tệp vừa nhận được (một thư mục: mọi tệp kết quả trong đó).",
        "The files that came in (a folder: every results file in it).",
    ),
    "help.intake_results": (
        "Thư mục kết quả (mặc định: biến KEHOACH_RESULTS, rồi thư mục results cạnh tệp kế "
        "hoạch); nhật ký nằm cạnh thư mục này.",
        "Results folder (default: KEHOACH_RESULTS, then the results folder beside the plan); "
        "its journal sits beside it.",
    ),
    "help.receive_allow_invalid": (
        "Vẫn lưu tệp có lỗi (ghi là không hợp lệ trong nhật ký).",
        "File forms with errors too (journalled as invalid).",
    ),
    "help.receive_reopen": (
        "Nhận cả tệp của kỳ đã khóa (mở lại kỳ cho lần nhận này).",
        "Receive a form of a locked period too (reopen it for this receipt).",
    ),
    "help.receive_rebuild": (
        "Dựng lại nhật ký từ thư mục kết quả và thư mục lưu trữ (khi nhật ký bị mất hoặc hỏng).",
        "Rebuild the journal from the results folder and its archive (when it is lost or damaged).",
    ),
    # help: history
    "help.history": (
        "Mọi phiên bản của từng số liệu đã nhận, cũ trước mới sau: giá trị, tệp, thời gian nhận "
        "và thay đổi so với bản trước.\n\n"
        "Ví dụ: kehoach history --indicator rice_output --period q2",
        "Every version of each figure received, oldest first: value, file, receive time and the "
        "change from the previous version.\n\n"
        "Example: kehoach history --indicator rice_output --period q2",
    ),
    "help.history_indicator": ("Chỉ tiêu (mã).", "Indicator code."),
    "help.history_unit": ("Đơn vị báo cáo (mã).", "Reporting unit code."),
    "help.history_period": ("Kỳ: q1…q4, h1, 9m, year, 2024Q2…", "Period: q1…q4, h1, 9m, year…"),
    # help: lock, unlock
    "help.lock": (
        "Khóa một kỳ khi đã ban hành báo cáo: không nhận thêm tệp của kỳ đó (trừ khi "
        "receive --reopen); báo cáo của kỳ dùng số liệu tại lúc khóa.\n\n"
        'Ví dụ: kehoach lock --period q2 --reason "Đã ban hành Báo cáo số 45/BC-UBND"',
        "Lock a period once its report is issued: no more forms for it (unless receive "
        "--reopen); its report uses the figures as they stood at the lock.\n\n"
        'Example: kehoach lock --period q2 --reason "Report 45/BC-UBND issued"',
    ),
    "help.unlock": (
        "Mở khóa một kỳ (được ghi vào nhật ký).\n\nVí dụ: kehoach unlock --period q2",
        "Unlock a period (journalled).\n\nExample: kehoach unlock --period q2",
    ),
    "help.lock_period": ("Kỳ cần khóa hoặc mở khóa.", "The period to lock or unlock."),
    "help.lock_reason": ("Lý do (ghi vào nhật ký).", "Reason (kept in the journal)."),
    "help.lock_by": (
        "Tên người khóa (mặc định: tên đăng nhập máy).",
        "Who locks it (default: the login name).",
    ),
    # the journal
    "intake.results_not_found": (
        "Không tìm thấy thư mục kết quả: {path}. Chỉ rõ bằng --results THƯ_MỤC.",
        "No results folder: {path}. Name it with --results FOLDER.",
    ),
    "intake.journal_missing": (
        "Chưa có nhật ký nhận tệp: {path}. Nhật ký được tạo khi nhận tệp đầu tiên "
        "(kehoach receive TỆP --results {results}); nếu đã từng có mà bị mất, dựng lại bằng: "
        "kehoach receive --rebuild --results {results}",
        "No receiving journal: {path}. It is created by the first receive "
        "(kehoach receive FILE --results {results}); if it existed and was lost, rebuild it: "
        "kehoach receive --rebuild --results {results}",
    ),
    "intake.journal_lost": (
        "Không thấy nhật ký {path}, nhưng thư mục {results} đã có thư mục lưu trữ _luu-tru của "
        "những lần nhận trước: nhật ký đã bị xóa hoặc chuyển đi. Dựng lại bằng: kehoach receive "
        "--rebuild --results {results}",
        "No journal {path}, yet {results} has the _luu-tru archive of earlier receipts: the "
        "journal was deleted or moved. Rebuild it with: kehoach receive --rebuild --results "
        "{results}",
    ),
    "intake.journal_damaged": (
        "Nhật ký {path} bị hỏng, không đọc được ({reason}). Số liệu trong thư mục kết quả vẫn "
        "còn nguyên; dựng lại nhật ký bằng: kehoach receive --rebuild --results {results} "
        "(nhật ký cũ được giữ lại bên cạnh).",
        "The journal {path} is damaged and cannot be read ({reason}). The results folder is "
        "intact; rebuild the journal with: kehoach receive --rebuild --results {results} (the old "
        "journal is kept beside it).",
    ),
    "intake.journal_not_ours": (
        "không phải nhật ký của kehoach",
        "not a kehoach journal",
    ),
    "intake.journal_newer": (
        "Nhật ký {path} do phiên bản kehoach mới hơn tạo (lược đồ {version}, bản này hiểu đến "
        "{known}). Hãy cập nhật kehoach.",
        "The journal {path} was made by a newer kehoach (schema {version}; this one knows up to "
        "{known}). Update kehoach.",
    ),
    "intake.journal_busy": (
        "Nhật ký {path} đang được một lệnh khác dùng (đã chờ {seconds} giây). Chờ lệnh kia xong "
        "rồi chạy lại.",
        "The journal {path} is in use by another command (waited {seconds} s). Run again once "
        "it is done.",
    ),
    "intake.lock_unwritable": (
        "Không tạo được tệp khóa {path} ({reason}): kehoach cần ghi được vào thư mục chứa thư mục "
        "kết quả để hai lệnh cùng lúc không ghi đè nhau. Hãy cấp quyền ghi hoặc chép thư mục kết "
        "quả sang nơi ghi được.",
        "Cannot create the lock file {path} ({reason}): kehoach must be able to write in the "
        "folder that holds the results folder, so that two commands at once do not overwrite "
        "each other. Grant write access or copy the results folder somewhere writable.",
    ),
    "intake.file_open": (
        "Không ghi được {path}: {reason}. Nếu tệp đang mở trong Excel, hãy đóng lại rồi nhận lại; "
        "thư mục kết quả không thay đổi.",
        "Cannot write {path}: {reason}. If the file is open in Excel, close it and receive "
        "again; the results folder is unchanged.",
    ),
    # receive
    "intake.no_files": (
        "Chưa nêu tệp nào. Ví dụ: kehoach receive TỆP.xlsx --results data/results",
        "No file named. Example: kehoach receive FILE.xlsx --results data/results",
    ),
    "intake.nothing_to_receive": (
        "Không có tệp kết quả nào (.xlsx, .ods, .csv, .txt, .yaml) trong: {path}.",
        "No results file (.xlsx, .ods, .csv, .txt, .yaml) in: {path}.",
    ),
    "intake.rebuild_alone": (
        "--rebuild dựng lại nhật ký từ những gì đã lưu: chạy riêng, không kèm tệp mới; rồi mới "
        "nhận tệp mới bằng một lệnh receive khác.",
        "--rebuild rebuilds the journal from what is filed: run it alone, without new files; "
        "then receive new files with another receive.",
    ),
    "intake.filed": (
        "Đã nhận: {source} → {stored} ({unit}, {period}).",
        "Received: {source} → {stored} ({unit}, {period}).",
    ),
    "intake.filed_invalid": (
        "Đã nhận (có lỗi, --allow-invalid): {source} → {stored} ({unit}, {period}).",
        "Received (with errors, --allow-invalid): {source} → {stored} ({unit}, {period}).",
    ),
    "intake.archived": (
        "    Bản nộp trước được chuyển vào lưu trữ: {path}",
        "    The earlier submission was moved to the archive: {path}",
    ),
    "intake.unchanged": (
        "Không thay đổi: {source} giống hệt bản đã lưu {stored}; không lưu thêm.",
        "Unchanged: {source} is identical to the stored {stored}; nothing filed.",
    ),
    "intake.invalid": (
        "Không nhận: {source} có lỗi (xem ở trên). Sửa rồi nhận lại, hoặc dùng --allow-invalid.",
        "Not received: {source} has errors (see above). Fix it and receive again, or use "
        "--allow-invalid.",
    ),
    "intake.unreadable": (
        "Không nhận: {source} không đọc được năm, kỳ và đơn vị (xem ở trên).",
        "Not received: {source}: its year, period and unit cannot be read (see above).",
    ),
    "intake.locked": (
        "Không nhận: {source} thuộc {period}, kỳ đã khóa lúc {at} bởi {by}{reason}. Nếu cần nhận, "
        "dùng --reopen (báo cáo đã ban hành vẫn dùng số liệu tại lúc khóa).",
        "Not received: {source} is for {period}, locked at {at} by {by}{reason}. To receive it "
        "anyway use --reopen (the issued report keeps the figures as they stood at the lock).",
    ),
    "intake.reason": ("; lý do: {reason}", "; reason: {reason}"),
    "intake.summary": (
        "Đã nhận {filed} tệp, {unchanged} tệp không đổi, {refused} tệp không nhận.",
        "{filed} file(s) received, {unchanged} unchanged, {refused} refused.",
    ),
    "intake.rebuilt": (
        "Đã dựng lại nhật ký {path}: {receipts} lần nhận, {locks} lần khóa/mở khóa.",
        "Journal {path} rebuilt: {receipts} receipt(s), {locks} lock/unlock event(s).",
    ),
    "intake.rebuilt_old": (
        "Nhật ký cũ được giữ lại: {path}",
        "The old journal is kept: {path}",
    ),
    "intake.rebuilt_skipped": (
        "Bỏ qua (không đọc được là biểu mẫu của đơn vị nào): {path}",
        "Skipped (not readable as any unit's form): {path}",
    ),
    # history
    "history.empty": ("Không có phiên bản nào khớp.", "No version matches."),
    "history.col.indicator": ("Chỉ tiêu", "Indicator"),
    "history.col.period": ("Kỳ", "Period"),
    "history.col.unit": ("Đơn vị", "Unit"),
    "history.col.value": ("Giá trị", "Value"),
    "history.col.change": ("Thay đổi", "Change"),
    "history.col.received": ("Nhận lúc", "Received"),
    "history.col.file": ("Tệp", "File"),
    "history.estimate": ("(ước)", "(est.)"),
    "history.first": ("bản đầu", "first"),
    # lock
    "lock.done": (
        "Đã khóa {period} lúc {at} (người khóa: {by}{reason}).",
        "{period} locked at {at} (by {by}{reason}).",
    ),
    "lock.again": (
        "{period} đã được khóa từ {at}; ghi thêm một lần khóa mới.",
        "{period} was already locked at {at}; a new lock is recorded.",
    ),
    "unlock.done": (
        "Đã mở khóa {period} lúc {at} (người mở: {by}{reason}).",
        "{period} unlocked at {at} (by {by}{reason}).",
    ),
    "unlock.not_locked": (
        "{period} đang không bị khóa; vẫn ghi lần mở khóa vào nhật ký.",
        "{period} was not locked; the unlock is journalled anyway.",
    ),
    # report and status of a journalled folder
    "intake.report_locked": (
        "Ghi chú: {period} đã khóa lúc {at} ({by}); báo cáo dùng số liệu tại lúc khóa.",
        "Note: {period} was locked at {at} ({by}); the report uses the figures as they stood then.",
    ),
    "intake.report_later": (
        "Ghi chú: có {count} lần nhận sau khi khóa chưa được tính; xem: kehoach history --period "
        "{key}",
        "Note: {count} receipt(s) after the lock are not counted; see: kehoach history "
        "--period {key}",
    ),
    "intake.report_missing": (
        "Cảnh báo: không còn tệp {path} mà nhật ký ghi là số liệu tại lúc khóa.",
        "Warning: the file {path}, part of the figures at the lock, is no longer there.",
    ),
}
