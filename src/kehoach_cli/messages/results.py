"""Messages of the results area: key → (Vietnamese, English).

``results.<code>`` is the message of the problem with that stable code (docs/results-format.md
lists them); ``template.*`` and ``help.template*`` belong to ``kehoach template``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "where.csv_cell": ("dòng {line}, cột {column}", "line {line}, column {column}"),
    # the file as a whole
    "results.empty_file": (
        "Tệp rỗng: không có số liệu nào. Điền biểu mẫu (kehoach template) rồi gửi lại.",
        "The file is empty. Fill in the form (kehoach template) and send it again.",
    ),
    "results.unreadable_file": (
        "Không mở được tệp ({reason}). Kiểm tra quyền đọc tệp.",
        "Cannot open the file ({reason}). Check that it can be read.",
    ),
    "results.file_too_large": (
        "Tệp quá lớn ({size} MB, giới hạn {limit} MB): không đọc. Kiểm tra có đúng tệp kết quả "
        "không.",
        "File too large ({size} MB, limit {limit} MB): not read. Check it is the right results "
        "file.",
    ),
    "results.not_text": (
        "Tệp CSV không phải văn bản UTF-8. Trong Excel chọn Lưu thành › CSV UTF-8.",
        "The CSV file is not UTF-8 text. In Excel use Save As › CSV UTF-8.",
    ),
    "results.not_xlsx": (
        "Tệp không phải sổ tính Excel .xlsx thật (có thể là tệp khác bị đổi đuôi). Mở biểu mẫu "
        "trong Excel và chọn Lưu thành › Sổ làm việc Excel (.xlsx).",
        "Not a real Excel .xlsx workbook (perhaps another file renamed). Open the form in Excel "
        "and use Save As › Excel Workbook (.xlsx).",
    ),
    "results.old_xls": (
        "Tệp ở định dạng Excel cũ (.xls 97-2003). Mở trong Excel và chọn Lưu thành › Sổ làm "
        "việc Excel (.xlsx).",
        "The file is in the old Excel format (.xls 97-2003). Open it in Excel and use Save As › "
        "Excel Workbook (.xlsx).",
    ),
    "results.encrypted_workbook": (
        "Sổ tính được đặt mật khẩu (mã hóa) nên không đọc được. Mở trong Excel, gỡ mật khẩu "
        "(Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.",
        "The workbook is password-protected (encrypted) and cannot be read. Open it in Excel, "
        "remove the password (File › Info › Protect Workbook) and save it again.",
    ),
    "results.workbook_too_large": (
        "Sổ tính giải nén ra quá lớn ({member}): không đọc. Kiểm tra có đúng tệp kết quả không.",
        "The workbook inflates to too much data ({member}): not read. Check it is the right "
        "results file.",
    ),
    "results.unreadable_workbook": (
        "Không đọc được sổ tính ({reason}). Mở trong Excel hoặc LibreOffice và lưu lại thành "
        ".xlsx.",
        "Cannot read the workbook ({reason}). Open it in Excel or LibreOffice and save it again "
        "as .xlsx.",
    ),
    "results.sheet_missing": (
        'Không có trang tính "{sheet}" (có: {sheets}). Dùng biểu mẫu do kehoach template tạo, '
        'hoặc đổi tên trang chứa số liệu thành "{sheet}".',
        'No "{sheet}" sheet (found: {sheets}). Use the form made by kehoach template, or rename '
        'the sheet holding the figures to "{sheet}".',
    ),
    "results.text_not_results": (
        'Tệp .txt này không phải biểu mẫu kết quả (không có cột "Mã chỉ tiêu"): không đọc. Nếu '
        "là biểu mẫu lưu thành văn bản, giữ nguyên dòng tiêu đề; nếu không, chuyển tệp ra khỏi "
        "thư mục kết quả.",
        'This .txt file is not a results form (no "Mã chỉ tiêu" column): not read. If it is a '
        "form saved as text, keep its header row; if not, move it out of the results folder.",
    ),
    "results.header_missing": (
        "Thiếu dòng tiêu đề bảng với các cột {labels}. Giữ nguyên dòng tiêu đề của biểu mẫu.",
        "The table's header row with the columns {labels} is missing. Keep the form's header "
        "row as it is.",
    ),
    "results.yaml_not_a_mapping": (
        "Tệp YAML kết quả phải là các khóa year, period, unit, reporter, reported_on, values.",
        "A YAML results file must hold the keys year, period, unit, reporter, reported_on, values.",
    ),
    "results.yaml_values_missing": (
        "Thiếu khóa values (mã chỉ tiêu: số liệu). Thêm values: rồi mỗi dòng một chỉ tiêu.",
        "The values key (indicator code: figure) is missing. Add values: with one indicator "
        "per line.",
    ),
    "results.unknown_field": (
        'Khóa không có trong mẫu: "{key}"; bị bỏ qua. Xóa hoặc sửa chính tả.',
        'Key not in the format: "{key}"; ignored. Remove it or fix its spelling.',
    ),
    "results.csv_extra_fields": (
        "Dòng này có {fields} trường, nhiều hơn {columns} cột của dòng tiêu đề: các cột bị lệch "
        "nên không đọc dòng này. Thường do số thập phân viết bằng dấu phẩy (31,2) mà không đặt "
        'trong ngoặc kép. Ghi "31,2" trong ngoặc kép, hoặc mở tệp bằng Excel và lưu lại thành CSV '
        "UTF-8.",
        "This line has {fields} fields, more than the header's {columns} columns: the columns are "
        "shifted, so the line is not read. Usually a decimal comma (31,2) without quotes. Write "
        '"31,2" in quotes, or open the file in Excel and save it again as CSV UTF-8.',
    ),
    # the metadata block
    "results.year_missing": (
        'Thiếu năm báo cáo. Ghi năm (ví dụ 2024) vào ô bên cạnh "Năm".',
        'The year is missing. Write it (e.g. 2024) next to "Năm".',
    ),
    "results.year_invalid": (
        '"{value}" không phải là năm. Ghi năm bằng 4 chữ số, ví dụ 2024.',
        '"{value}" is not a year. Write four digits, e.g. 2024.',
    ),
    "results.year_not_in_plan": (
        "Năm {value} không phải năm của kế hoạch ({plan_year}). Sửa năm, hoặc dùng --plan để "
        "chọn kế hoạch năm {value}.",
        "Year {value} is not the plan's year ({plan_year}). Fix the year, or use --plan to pick "
        "the plan of {value}.",
    ),
    "results.period_missing": (
        'Thiếu kỳ báo cáo. Ghi kỳ vào ô bên cạnh "Kỳ báo cáo", ví dụ 2024Q2 hoặc "Quý II năm '
        '2024".',
        'The period is missing. Write it next to "Kỳ báo cáo", e.g. 2024Q2 or "Quý II năm 2024".',
    ),
    "results.period_invalid": (
        '"{value}" không phải kỳ báo cáo. Ghi 2024Q1…2024Q4, 2024S1 (6 tháng), 2024N9 (9 tháng) '
        "hoặc 2024 (cả năm).",
        '"{value}" is not a reporting period. Write 2024Q1…2024Q4, 2024S1 (6 months), 2024N9 '
        "(9 months) or 2024 (year).",
    ),
    "results.period_not_in_plan": (
        "Kỳ {value} không thuộc năm {year} của tệp. Sửa kỳ hoặc năm cho khớp.",
        "Period {value} is not in the file's year {year}. Make the period and the year agree.",
    ),
    "results.unit_missing": (
        'Thiếu đơn vị báo cáo. Ghi mã đơn vị vào ô bên cạnh "Đơn vị báo cáo".',
        'The reporting unit is missing. Write its code next to "Đơn vị báo cáo".',
    ),
    "results.unknown_unit": (
        '"{value}" không phải đơn vị báo cáo của kế hoạch. Ghi một trong các mã: {units} (hoặc '
        '"Toàn xã").',
        '"{value}" is not a reporting unit of the plan. Write one of: {units} (or "Toàn xã").',
    ),
    "results.reporter_missing": (
        'Chưa ghi người báo cáo. Ghi họ tên người lập biểu bên cạnh "Người báo cáo".',
        'No reporter named. Write who filled the form next to "Người báo cáo".',
    ),
    "results.date_missing": (
        'Chưa ghi ngày báo cáo. Ghi ngày (dd/mm/yyyy) bên cạnh "Ngày báo cáo".',
        'No report date. Write the date (dd/mm/yyyy) next to "Ngày báo cáo".',
    ),
    "results.date_invalid": (
        '"{value}" không phải ngày. Ghi ngày dạng dd/mm/yyyy, ví dụ 18/06/2024.',
        '"{value}" is not a date. Write it as dd/mm/yyyy, e.g. 18/06/2024.',
    ),
    "results.basis_invalid": (
        '"{value}" không rõ là số lũy kế hay số trong kỳ. Chọn "Lũy kế từ đầu năm" hoặc "Số '
        'trong kỳ".',
        '"{value}": neither year-to-date nor the period\'s own figure. Choose "Lũy kế từ đầu '
        'năm" (year to date) or "Số trong kỳ" (this period only).',
    ),
    "results.estimate_invalid": (
        '"{value}" không rõ là số ước hay số chính thức; các số liệu của tệp được coi là số '
        'chính thức. Chọn {choices} ở ô "Tình trạng số liệu".',
        '"{value}": neither an estimate nor final; the file\'s figures are taken as final. '
        'Choose {choices} ("Ước thực hiện" = estimate, "Chính thức" = final) in '
        '"Tình trạng số liệu".',
    ),
    # one cell
    "results.code_missing": (
        'Có số liệu "{value}" nhưng ô "Mã chỉ tiêu" của dòng này trống. Ghi lại mã chỉ tiêu '
        "hoặc xóa số liệu.",
        'A figure "{value}" without an indicator code on its row. Put the code back or clear '
        "the figure.",
    ),
    "results.unknown_indicator": (
        'Mã chỉ tiêu "{value}" không có trong kế hoạch. Sửa mã theo biểu mẫu (xem kehoach plan '
        "show).",
        'Indicator code "{value}" is not in the plan. Fix it from the form (see kehoach plan '
        "show).",
    ),
    "results.duplicate_indicator": (
        "Chỉ tiêu này đã có ở {first}. Mỗi chỉ tiêu chỉ ghi một lần: xóa một dòng.",
        "This indicator already appears at {first}. Report each indicator once: remove a row.",
    ),
    "results.not_a_number": (
        '"{value}" không phải là số. Ghi số, ví dụ 120 hoặc 39,5; để trống nếu chưa có số liệu.',
        '"{value}" is not a number. Write a number, e.g. 120 or 39,5; leave it empty when there '
        "is no figure yet.",
    ),
    "results.number_too_large": (
        '"{value}" lớn quá mức: không có số liệu nào của xã lớn đến một triệu tỷ (10^15). Kiểm '
        "tra lại số.",
        '"{value}" is too large: no commune figure reaches a thousand trillion (10^15). Check '
        "the number.",
    ),
    "results.ambiguous_number": (
        '"{value}" không rõ nghĩa: {thousands} (hàng nghìn) hay {decimal} (số thập phân)? Ghi '
        "lại cho rõ: {thousands} (không dùng dấu phân cách hàng nghìn) hoặc {decimal_written}.",
        '"{value}" is ambiguous: {thousands} (thousands) or {decimal} (a decimal)? Write it so '
        "that it cannot be misread: {thousands} (no thousands separator) or {decimal_written}.",
    ),
    "results.bad_grouping": (
        '"{value}": dấu phân cách sai chỗ. Viết kiểu Việt Nam, ví dụ 1.187,93 hoặc 1187,93.',
        '"{value}": separators in the wrong places. Write it the Vietnamese way, e.g. 1.187,93 '
        "or 1187,93.",
    ),
    "results.hidden_characters": (
        'Ô có ký tự ẩn ({chars}) nên không đọc được "{value}": thường do sao chép từ trang web, '
        "tin nhắn hoặc tệp khác. Xóa nội dung ô rồi gõ lại bằng tay.",
        'The cell has hidden characters ({chars}), so "{value}" cannot be read: usually text '
        "copied from a web page, a chat or another file. Clear the cell and type it again.",
    ),
    "results.legacy_font": (
        'Chữ "{value}" được gõ bằng phông tiếng Việt cũ ({encoding}), không phải Unicode, nên '
        "không đọc đúng được. Chuyển mã sang Unicode (ví dụ Unikey › Công cụ chuyển mã, từ "
        "{encoding} sang Unicode) rồi lưu lại.",
        'The text "{value}" is typed in an old Vietnamese font encoding ({encoding}), not '
        "Unicode, so it cannot be read right. Convert it to Unicode (e.g. Unikey's converter, "
        "from {encoding} to Unicode) and save again.",
    ),
    "results.negative_value": (
        "Số âm ({value}) không hợp lệ: kết quả thực hiện không thể âm. Sửa lại số.",
        "Negative figure ({value}): a result cannot be below zero. Fix the number.",
    ),
    "results.percentage_over_100": (
        "Tỷ lệ {value}% vượt quá 100%. Ghi tỷ lệ từ 0 đến 100 (ví dụ 31,2 cho 31,2%).",
        "A rate of {value}% is above 100%. Write a rate from 0 to 100 (e.g. 31,2 for 31.2%).",
    ),
    "results.percent_format_not_rate": (
        "Ô được định dạng phần trăm (hiện {value}%) nhưng chỉ tiêu này tính bằng {unit}, không "
        "phải tỷ lệ: không đọc được số. Định dạng lại ô thành số thường (Định dạng ô › Số) và "
        "ghi số theo {unit}.",
        "The cell is formatted as a percentage (shows {value}%) but this indicator is counted in "
        "{unit}, not a rate: the figure cannot be read. Format the cell as a plain number "
        "(Format Cells › Number) and write the figure in {unit}.",
    ),
    "results.fraction_in_count": (
        "Số lẻ ({value}) trong chỉ tiêu đếm bằng {unit}. Ghi số nguyên.",
        "A fraction ({value}) in an indicator counted in {unit}. Write a whole number.",
    ),
    "results.percentage_as_fraction": (
        "Tỷ lệ {value}% rất thấp so với kế hoạch: có phải ô đã được định dạng % và số gõ vào là "
        "{scaled}%? Nếu vậy ghi {scaled} vào ô định dạng số thường.",
        "A rate of {value}% is very low against the target: was the cell formatted as a "
        "percentage and {scaled}% typed? If so, write {scaled} in a plain number cell.",
    ),
    "results.too_many_rows": (
        "Bảng có {rows} dòng, quá giới hạn {limit} dòng: không đọc để khỏi bỏ sót số liệu. Kiểm "
        "tra có đúng tệp kết quả không; nếu đúng, đặt biến KEHOACH_LIMIT_ROWS lớn hơn.",
        "The table has {rows} rows, over the limit of {limit}: not read, so that no figure is "
        "silently left out. Check it is the right file; if so, set KEHOACH_LIMIT_ROWS higher.",
    ),
    "results.merged_value_cell": (
        'Ô "Thực hiện" bị gộp với ô khác (Merge cells): số liệu có thể bị che mất. Bỏ gộp ô '
        "(Unmerge) và ghi số vào đúng ô của chỉ tiêu.",
        'The "Thực hiện" cell is merged with other cells: a figure may be hidden. Unmerge the '
        "cells and type the figure into the indicator's own cell.",
    ),
    "results.cell_error": (
        'Ô đang báo lỗi Excel "{value}" (công thức không tính được) nên không đọc được số liệu. '
        "Sửa công thức hoặc ghi thẳng con số.",
        'The cell holds Excel\'s error "{value}" (a formula that cannot be computed), so no figure '
        "is read. Fix the formula, or type the number itself.",
    ),
    "results.formula_no_value": (
        "Ô chứa công thức nhưng chưa có giá trị tính sẵn (tệp chưa từng được mở bằng Excel). Mở "
        "tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi; hoặc ghi thẳng con số.",
        "The cell holds a formula without a computed value (the file was never opened in "
        "Excel). Open it in Excel or LibreOffice and save it; or type the number itself.",
    ),
    "results.indicator_other_unit": (
        "Chỉ tiêu này do đơn vị {owner} báo cáo, không phải {unit}. Kiểm tra lại; nếu đúng là "
        "số của đơn vị mình, ghi rõ ở Ghi chú.",
        "This indicator is reported by {owner}, not {unit}. Check it; if the figure is yours, "
        "say why in the note.",
    ),
    # across files
    "results.conflicting_values": (
        "Số liệu {value} khác với {other_value} ở {other} ({same}). Thống nhất một số rồi sửa "
        "tệp sai.",
        "The figure {value} differs from {other_value} at {other} ({same}). Agree on one figure "
        "and fix the wrong file.",
    ),
    "results.ytd_decreased": (
        "Số lũy kế {value} thấp hơn kỳ trước ({previous_period}: {previous} ở {previous_file}). "
        'Số lũy kế không thể giảm: kiểm tra lại, hoặc nếu là số trong kỳ thì chọn "Số trong kỳ".',
        "The year-to-date figure {value} is lower than last period's ({previous_period}: "
        "{previous} at {previous_file}). A year-to-date figure cannot fall: check it, or if it "
        'is this period\'s own figure choose "Số trong kỳ".',
    ),
    "results.stock_jump": (
        "Số {value} thay đổi {change}% so với kỳ trước ({previous_period}: {previous} ở "
        "{previous_file}). Kiểm tra có gõ nhầm không.",
        "The figure {value} moved by {change}% since last period ({previous_period}: {previous} "
        "at {previous_file}). Check for a typo.",
    ),
    "results.total_mismatch": (
        "Tổng {value} không bằng tổng các thành phần {parts} = {sum}. Sửa tổng hoặc thành phần "
        "(có thể để trống ô tổng: kehoach tự tính).",
        "The total {value} is not the sum of its parts {parts} = {sum}. Fix the total or a part "
        "(or leave the total empty: kehoach computes it).",
    ),
    # kehoach template
    "template.written": (
        "Đã ghi biểu mẫu {path}: {unit}, {period}, {count} chỉ tiêu cần nhập.",
        "Form written to {path}: {unit}, {period}, {count} indicator(s) to fill.",
    ),
    "template.unknown_unit": (
        "Không có đơn vị {unit} trong kế hoạch. Chọn một trong: {units}.",
        "No unit {unit} in the plan. Choose one of: {units}.",
    ),
    "template.nothing_to_fill": (
        "Đơn vị {unit} không có chỉ tiêu nào phải nhập (chỉ có chỉ tiêu tính từ số của đơn vị "
        "khác: {codes}), nên không cần biểu mẫu.",
        "Unit {unit} has no indicator to fill in (only ones computed from other units' figures: "
        "{codes}), so it needs no form.",
    ),
    "template.bad_period": (
        "Kỳ không hợp lệ: {value}. Dùng q1, q2, q3, q4, h1, 9m hoặc year.",
        "Invalid period: {value}. Use q1, q2, q3, q4, h1, 9m or year.",
    ),
    "template.bad_suffix": (
        "Tệp ra phải có đuôi .xlsx: {path}.",
        "The output file must end in .xlsx: {path}.",
    ),
    "template.not_to_stdout": (
        "Biểu mẫu là tệp Excel (nhị phân), không in ra màn hình được: ghi ra tệp bằng --output "
        "TỆP.xlsx.",
        "The form is an Excel file (binary) and cannot go to standard output: write it to a file "
        "with --output FILE.xlsx.",
    ),
    "template.not_a_blank_form": (
        "Không ghi đè {path}: tệp đã có và không phải là biểu mẫu trống do kehoach tạo (có thể đã "
        "điền số liệu). Chọn tên khác, hoặc thêm --force nếu chắc chắn muốn ghi đè.",
        "Will not overwrite {path}: it exists and is not an unfilled kehoach form (it may hold "
        "figures). Choose another name, or add --force if you are sure it may be replaced.",
    ),
    "template.no_folder": (
        "Thư mục {path} không tồn tại. Tạo thư mục trước.",
        "The folder {path} does not exist. Create it first.",
    ),
    "help.template": (
        "Tạo biểu mẫu Excel để một đơn vị (hoặc cả xã) điền kết quả một kỳ.\n\nVí dụ: kehoach "
        "template --period q2 --unit dcnn --output 2024-q2/dcnn.xlsx",
        "Write an Excel form for one unit (or the whole commune) to fill in a period's results."
        "\n\nExample: kehoach template --period q2 --unit dcnn --output 2024-q2/dcnn.xlsx",
    ),
    "help.template_period": (
        "Kỳ báo cáo: q1…q4, h1 (6 tháng), 9m, year; hoặc 2024Q2.",
        "Reporting period: q1…q4, h1 (6 months), 9m, year; or 2024Q2.",
    ),
    "help.template_unit": (
        "Mã đơn vị báo cáo (xem reporting_units của kế hoạch). Bỏ trống: biểu mẫu toàn xã.",
        "Reporting unit code (see the plan's reporting_units). Omitted: a whole-commune form.",
    ),
    "help.template_output": (
        "Tệp .xlsx sẽ ghi. Không ghi đè kế hoạch, tệp kết quả hay biểu mẫu đã điền.",
        "The .xlsx file to write. Never over the plan, a results file or a filled-in form.",
    ),
    "help.force": (
        "Cho phép ghi đè một tệp đã có mà kehoach không nhận ra là tệp do nó tạo trước đây "
        "(không bao giờ ghi đè kế hoạch, tệp đã đọc hay tệp trong thư mục kết quả).",
        "Allow replacing an existing file that kehoach does not recognise as its own earlier "
        "output (never the plan, a file read, or a file in the results folder).",
    ),
    # issue 13 (b): implausible figures, other years, blank forms, which sheet, .ods
    "results.implausible_value": (
        "Số liệu {value} {comparison}: có thể gõ nhầm (thừa hoặc thiếu "
        'chữ số 0, đặt sai dấu phẩy). Nếu sai, sửa số liệu; nếu đúng, ghi "Đã xác nhận" vào cột '
        "Ghi chú của dòng này. Đến khi được xác nhận, chỉ tiêu không được đánh giá và không tính "
        "vào xếp hạng thi đua.",
        "The figure {value} {comparison}: probably a typing slip (a zero "
        "too many or too few, a misplaced comma). If it is wrong, fix it; if it is right, write "
        '"Confirmed" (or "Đã xác nhận") in this row\'s Ghi chú (note) column. Until then the '
        "indicator is not assessed and does not count in the emulation ranking.",
    ),
    "check.same_period": ("cùng chỉ tiêu, cùng kỳ", "same indicator, same period"),
    "check.same_cutoff": (
        "cùng chỉ tiêu; {period} và {other_period} có cùng thời điểm chốt số liệu",
        "same indicator; {period} and {other_period} end at the same data cutoff",
    ),
    "check.implausible_high": (
        "gấp {times} lần kế hoạch năm ({target})",
        "is {times} times the annual target ({target})",
    ),
    "check.implausible_low": (
        "chỉ bằng 1/{times} kế hoạch năm ({target})",
        "is only 1/{times} of the annual target ({target})",
    ),
    "check.implausible_low_due": (
        "chỉ bằng 1/{times} mức cần đạt đến kỳ này ({due}; kế hoạch năm {target})",
        "is only 1/{times} of what is due by this period ({due}; annual target {target})",
    ),
    "results.other_year": (
        "Tệp này là số liệu năm {value}, không thuộc kế hoạch năm {plan_year}: bỏ qua khi "
        "kiểm tra và lập báo cáo năm {plan_year} (không cần sửa). Để dùng tệp, chọn kế hoạch năm "
        "{value} bằng --plan.",
        "This file holds figures for {value}, not for the plan of {plan_year}: skipped when "
        "checking and reporting {plan_year} (nothing to fix). To use it, pick the plan of "
        "{value} with --plan.",
    ),
    "results.no_figures": (
        'Biểu mẫu chưa có số liệu nào ở cột "Thực hiện": tệp được ghi nhận là đã nhận nhưng '
        "chưa có số liệu, không tính là đã báo cáo. Điền số liệu rồi gửi lại.",
        'No figure has been entered in the "Thực hiện" (actual) column: the file counts as '
        "received without figures, not as a report. Fill in the figures and send it again.",
    ),
    "results.values_missing": (
        'Còn {count} ô "Thực hiện" để trống mà không ghi lý do: {cells}. Điền số liệu; nếu '
        "chưa có, ghi lý do vào cột Ghi chú của dòng đó.",
        '{count} "Thực hiện" (actual) cells are empty with no reason given: {cells}. Fill them '
        "in; when there is no figure yet, give the reason in that row's Ghi chú (note) column.",
    ),
    "results.sheets_ambiguous": (
        "Có hơn một trang tính có thể là số liệu: {sheets}. kehoach không đoán trang nào đúng. "
        'Xóa (hoặc đổi tên và xóa bảng ở) trang không dùng, chỉ giữ một trang "Kết quả", rồi '
        "gửi lại.",
        "More than one sheet could hold the figures: {sheets}. kehoach does not guess which one "
        'is right. Delete the sheet not in use (or its table), keep a single "Kết quả" sheet, '
        "and send the file again.",
    ),
    "results.hidden_sheet_read": (
        'Số liệu được đọc từ trang tính đang ẩn "{sheet}" (không có trang hiện nào chứa bảng '
        "kết quả). Kiểm tra đúng trang rồi bỏ ẩn trang đó.",
        'The figures were read from the hidden sheet "{sheet}" (no visible sheet holds the '
        "results table). Check that it is the right sheet and unhide it.",
    ),
    "results.ods_not_supported": (
        "Không kiểm tra được nội dung tệp .ods này (ô lỗi, ô gộp, công thức chưa tính) nên "
        'không đọc. Mở tệp trong LibreOffice Calc, chọn Tệp › Lưu thành…, chọn kiểu "Excel '
        '2007-365 (.xlsx)", bấm "Dùng định dạng Excel" rồi gửi tệp .xlsx.',
        "The content of this .ods file cannot be checked (error cells, merged cells, formulas "
        "without a value), so it is not read. Open it in LibreOffice Calc, choose File › Save "
        'As…, pick "Excel 2007-365 (.xlsx)", click "Use Excel 2007-365!" and send the .xlsx file.',
    ),
    "results.columns_ambiguous": (
        'Có hơn một cột "{label}" ({cells}): kehoach không đoán cột nào là số liệu. Xóa cột '
        "không dùng (hoặc đổi tên tiêu đề của nó) rồi gửi lại.",
        'More than one "{label}" column ({cells}): kehoach does not guess which holds the '
        "figures. Delete the column not in use (or rename its header) and send the file again.",
    ),
}
