"""Messages of the checks made before parsing (``safety/guards.py``): key → (Vietnamese, English).

``security.<code>`` is the message of the problem with that stable code; SECURITY.md lists them.
"""

from __future__ import annotations

_SAVE_XLSX_VI = "Mở tệp trong Excel hoặc LibreOffice và chọn Lưu thành › Sổ làm việc Excel (.xlsx)."
_SAVE_XLSX_EN = "Open it in Excel or LibreOffice and use Save As › Excel Workbook (.xlsx)."
_SAVE_UTF8_VI = (
    "Trong Excel chọn Lưu thành › CSV UTF-8 (phân cách bằng dấu phẩy); trong Notepad chọn "
    "Lưu thành › Mã hóa: UTF-8."
)
_SAVE_UTF8_EN = (
    "In Excel use Save As › CSV UTF-8 (Comma delimited); in Notepad use Save As › Encoding: UTF-8."
)

MESSAGES: dict[str, tuple[str, str]] = {
    # any file
    "security.empty_file": (
        "Tệp rỗng (0 byte): có thể chép hoặc tải về chưa xong. Lấy lại tệp từ người gửi.",
        "The file is empty (0 bytes): perhaps a copy or download did not finish. Get it again "
        "from the sender.",
    ),
    "security.file_too_large": (
        "Tệp quá lớn ({size} MB, giới hạn {limit} MB): không đọc. Kiểm tra có đúng tệp không; "
        "nếu đúng, đặt biến môi trường KEHOACH_LIMIT_TEXT_BYTES hoặc KEHOACH_LIMIT_XLSX_BYTES "
        "lớn hơn.",
        "File too large ({size} MB, limit {limit} MB): not read. Check it is the right file; if "
        "so, set KEHOACH_LIMIT_TEXT_BYTES or KEHOACH_LIMIT_XLSX_BYTES higher.",
    ),
    # workbooks
    "security.old_xls": (
        "Tệp ở định dạng Excel cũ (.xls 97-2003), kehoach không đọc. " + _SAVE_XLSX_VI,
        "The file is in the old Excel format (.xls 97-2003), which kehoach does not read. "
        + _SAVE_XLSX_EN,
    ),
    "security.encrypted_workbook": (
        "Sổ tính được đặt mật khẩu (mã hóa) nên không đọc được. Mở trong Excel, gỡ mật khẩu "
        "(Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa trống) rồi lưu lại.",
        "The workbook is password-protected (encrypted) and cannot be read. Open it in Excel, "
        "remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it) "
        "and save it again.",
    ),
    "security.not_xlsx": (
        "Tệp không phải sổ tính .xlsx (có thể là tệp khác bị đổi đuôi). " + _SAVE_XLSX_VI,
        "Not an .xlsx workbook (perhaps another file renamed). " + _SAVE_XLSX_EN,
    ),
    "security.zip_truncated": (
        "Tệp .xlsx bị cắt cụt hoặc hỏng (thiếu phần cuối, thường do tải về hoặc chép chưa xong). "
        "Lấy lại tệp từ người gửi.",
        "The .xlsx file is cut short or damaged (its end is missing, usually an unfinished "
        "download or copy). Get it again from the sender.",
    ),
    "security.zip_damaged": (
        'Phần "{member}" trong tệp .xlsx bị hỏng (dữ liệu không khớp với kích thước và mã kiểm '
        "tra đã khai): không đọc. Lấy lại tệp từ người gửi, hoặc mở trong Excel rồi lưu lại.",
        'The part "{member}" of the .xlsx file is damaged (its data does not match its declared '
        "size and checksum): not read. Get the file again, or open it in Excel and save it again.",
    ),
    "security.workbook_too_large": (
        "Sổ tính giải nén ra {size} MB (giới hạn {limit} MB): không đọc, không giải nén. Biểu "
        "mẫu kết quả chỉ vài chục KB; kiểm tra có đúng tệp không. Nếu đúng, đặt biến "
        "KEHOACH_LIMIT_XLSX_UNCOMPRESSED_BYTES lớn hơn.",
        "The workbook inflates to {size} MB (limit {limit} MB): not read, nothing inflated. A "
        "results form is a few tens of KB; check it is the right file. If so, set "
        "KEHOACH_LIMIT_XLSX_UNCOMPRESSED_BYTES higher.",
    ),
    "security.zip_member_too_large": (
        'Phần "{member}" của sổ tính giải nén ra {size} MB (giới hạn {limit} MB): không đọc. '
        "Kiểm tra có đúng tệp không; nếu đúng, đặt biến KEHOACH_LIMIT_XLSX_MEMBER_BYTES lớn hơn.",
        'The part "{member}" of the workbook inflates to {size} MB (limit {limit} MB): not read. '
        "Check it is the right file; if so, set KEHOACH_LIMIT_XLSX_MEMBER_BYTES higher.",
    ),
    "security.zip_ratio_too_high": (
        'Phần "{member}" của sổ tính nén với tỷ lệ {ratio}:1 (giới hạn {limit}:1) — dấu hiệu của '
        "tệp bom nén (zip bomb): không đọc, không giải nén. Không mở tệp này; hỏi lại người gửi.",
        'The part "{member}" of the workbook is compressed {ratio}:1 (limit {limit}:1), the mark '
        "of a zip bomb: not read, nothing inflated. Do not open this file; ask the sender.",
    ),
    "security.xml_doctype": (
        'Phần "{member}" của sổ tính có khai báo DOCTYPE/ENTITY, điều Excel không bao giờ ghi — '
        "có thể là tệp được tạo để làm treo máy: không đọc. Hỏi lại người gửi, hoặc nhập số "
        "liệu vào biểu mẫu mới (kehoach template).",
        'The part "{member}" of the workbook has a DOCTYPE/ENTITY declaration, which Excel never '
        "writes; it may be crafted to exhaust the computer: not read. Ask the sender, or enter "
        "the figures in a fresh form (kehoach template).",
    ),
    "security.sheet_too_large": (
        'Trang tính "{sheet}" có giá trị ở ô {cell}, quá xa bảng số liệu: trang tính thành một '
        "hình chữ nhật {cells} ô (giới hạn {limit}), đọc sẽ tốn rất nhiều bộ nhớ: không đọc. Xóa "
        "các ô thừa ở xa (chọn các cột/dòng thừa › Xóa) rồi lưu lại.",
        'Sheet "{sheet}" holds a value in cell {cell}, far outside the table: the sheet becomes a '
        "rectangle of {cells} cells (limit {limit}), too much memory to read: not read. Delete "
        "the stray cells (select the extra columns/rows › Delete) and save again.",
    ),
    "security.sheet_not_xml": (
        'Phần "{member}" của sổ tính không phải XML hợp lệ nên không đọc được bảng số liệu: tệp '
        "có thể bị hỏng hoặc do một chương trình lạ tạo ra. Mở tệp trong Excel rồi lưu lại, "
        "hoặc nhập số liệu vào biểu mẫu mới (kehoach template).",
        'The part "{member}" of the workbook is not well-formed XML, so its table cannot be '
        "read: the file may be damaged or made by an odd program. Open it in Excel and save it "
        "again, or enter the figures in a fresh form (kehoach template).",
    ),
    "security.hidden_sheets": (
        "Sổ tính có trang tính ẩn ({sheets}). kehoach chỉ đọc trang tính kết quả; số liệu trong "
        "trang ẩn không được tính. Kiểm tra lại rồi xóa trang ẩn nếu không cần.",
        "The workbook has hidden sheets ({sheets}). kehoach reads the results sheet only; "
        "figures in hidden sheets are not counted. Check them and delete them if not needed.",
    ),
    "security.workbook_macros": (
        "Sổ tính có macro (VBA). kehoach chỉ đọc giá trị các ô và không bao giờ chạy macro; nên "
        "lưu lại thành .xlsx (không macro) trước khi gửi.",
        "The workbook contains macros (VBA). kehoach reads cell values only and never runs a "
        "macro; better save it as .xlsx (no macros) before sending.",
    ),
    "security.external_links": (
        "Sổ tính có liên kết tới tệp khác. kehoach chỉ đọc giá trị đã lưu trong tệp này, không "
        "mở tệp được liên kết; kiểm tra số liệu đã được cập nhật (Dữ liệu › Sửa liên kết › Ngắt "
        "liên kết) trước khi gửi.",
        "The workbook links to other files. kehoach reads only the values saved in this file and "
        "never opens a linked one; check the figures are up to date (Data › Edit Links › Break "
        "Link) before sending.",
    ),
    # text files
    "security.not_text": (
        "Tệp không phải văn bản UTF-8 (là tệp nhị phân, hoặc ở bảng mã khác như TCVN3, VNI, "
        "Windows-1252). Kiểm tra có đúng tệp không. " + _SAVE_UTF8_VI,
        "The file is not UTF-8 text (it is binary, or in another encoding such as TCVN3, VNI, "
        "Windows-1252). Check it is the right file. " + _SAVE_UTF8_EN,
    ),
    "security.workbook_not_text": (
        "Tệp là sổ tính Excel nhưng mang đuôi của tệp văn bản. Đổi tên thành .xlsx.",
        "The file is an Excel workbook named like a text file. Rename it to .xlsx.",
    ),
    "security.encoding_utf16_no_bom": (
        "Tệp ở bảng mã UTF-16 nhưng không có dấu BOM ở đầu, nên không biết chắc thứ tự byte. "
        + _SAVE_UTF8_VI,
        "The file is UTF-16 without a byte-order mark, so its byte order is unknown. "
        + _SAVE_UTF8_EN,
    ),
    "security.encoding_legacy_font": (
        "Tệp có vẻ được gõ bằng phông tiếng Việt cũ ({encoding}: .VnTime, VNI-Times…), không "
        "phải Unicode UTF-8: đọc theo đoán sẽ sai chữ. Chuyển mã sang Unicode (ví dụ Unikey › "
        "Công cụ chuyển mã) rồi lưu lại. " + _SAVE_UTF8_VI,
        "The file seems typed in an old Vietnamese font encoding ({encoding}: .VnTime, "
        "VNI-Times…), not Unicode UTF-8: reading it by guess would garble the text. Convert it "
        "to Unicode (e.g. Unikey's converter) and save it again. " + _SAVE_UTF8_EN,
    ),
    "security.encoding_windows_1258": (
        "Tệp có vẻ ở bảng mã Windows-1258 (tiếng Việt kiểu cũ), không phải UTF-8: đọc theo đoán "
        "có thể sai chữ. " + _SAVE_UTF8_VI,
        "The file seems to be in Windows-1258 (old Vietnamese encoding), not UTF-8: reading it "
        "by guess could garble the text. " + _SAVE_UTF8_EN,
    ),
}
