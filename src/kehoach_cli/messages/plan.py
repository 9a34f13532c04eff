"""Messages about plan files and the plan's indicators."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "plan.not_found": (
        "Không tìm thấy tệp kế hoạch: {path}. Kiểm tra đường dẫn --plan.",
        "Plan file not found: {path}. Check the --plan path.",
    ),
    "plan.env_not_found": (
        "Biến {var} trỏ tới tệp không tồn tại: {path}.",
        "{var} names a file that does not exist: {path}.",
    ),
    "plan.year_not_found": (
        "Không có kế hoạch của năm này: {path}. Dùng --plan để chỉ tệp.",
        "No plan for that year: {path}. Use --plan to name the file.",
    ),
    "plan.none_found": (
        "Không tìm thấy kế hoạch: dùng --plan TỆP, đặt biến {var}, hoặc chạy trong thư mục có "
        "data/plan_<năm>.yaml.",
        "No plan found: pass --plan FILE, set {var}, or run where data/plan_<year>.yaml exists.",
    ),
    "plan.invalid": ("Kế hoạch có lỗi.", "The plan has errors."),
    "plan.invalid_stop": (
        "Kế hoạch {file} có {errors} lỗi: sửa trước khi lập báo cáo (xem kehoach validate {file}).",
        "The plan {file} has {errors} error(s): fix them first (see kehoach validate {file}).",
    ),
    "plan.not_a_mapping": (
        "Tệp kế hoạch phải là một bảng khóa: giá trị (bắt đầu bằng schema_version, plan, table…), "
        "không phải danh sách hay một giá trị đơn.",
        "A plan file must be a mapping of keys (schema_version, plan, table…), not a list or a "
        "single value.",
    ),
    "plan.unknown_key": (
        'Khóa không có trong mẫu kế hoạch: "{key}" (tại {field}). Xóa hoặc sửa lại chính tả.',
        'Key not in the plan schema: "{key}" (at {field}). Remove it or fix its spelling.',
    ),
    "plan.missing_key": (
        'Thiếu khóa bắt buộc "{key}" (tại {field}). Thêm khóa này.',
        'Missing required key "{key}" (at {field}). Add it.',
    ),
    "plan.bad_choice": (
        'Giá trị "{value}" không hợp lệ cho {field}: chọn {expected}.',
        'Invalid value "{value}" for {field}: choose {expected}.',
    ),
    "plan.bad_value": (
        'Giá trị "{value}" không hợp lệ cho {field} ({reason}).',
        'Invalid value "{value}" for {field} ({reason}).',
    ),
    "plan.number_not_a_number": (
        '"{value}" không phải là số ({field}). Viết số, ví dụ 323 hoặc "39,83".',
        '"{value}" is not a number ({field}). Write a number, e.g. 323 or "39,83".',
    ),
    "plan.number_too_large": (
        '"{value}" lớn quá mức ({field}): không có chỉ tiêu nào của xã lớn đến một triệu tỷ '
        "(10^15). Kiểm tra lại số.",
        '"{value}" is too large ({field}): no commune target reaches a thousand trillion '
        "(10^15). Check the number.",
    ),
    "plan.number_empty": (
        "Ô số để trống ({field}). Viết số hoặc null nếu không có chỉ tiêu.",
        "Empty number ({field}). Write a number, or null when there is no target.",
    ),
    "plan.number_ambiguous": (
        '"{value}" không rõ nghĩa ({field}): là hàng nghìn hay số thập phân? Viết 6700 (sáu '
        'nghìn bảy trăm) hoặc "6,7" (sáu phẩy bảy).',
        '"{value}" is ambiguous ({field}): thousands or a decimal? Write 6700 (six thousand '
        'seven hundred) or "6,7" (six point seven).',
    ),
    "plan.number_bad_grouping": (
        '"{value}" viết sai dấu phân cách ({field}). Dùng dấu phẩy cho phần thập phân, ví dụ '
        '"1.187,93" hoặc 1187.93.',
        '"{value}" has misplaced separators ({field}). Use a decimal comma, e.g. "1.187,93", '
        "or 1187.93.",
    ),
    "plan.row_code_and_ref": (
        "Một dòng không thể vừa có code vừa có ref ({field}). Giữ code nếu dòng định nghĩa chỉ "
        "tiêu, ref nếu chỉ nhắc lại chỉ tiêu ở chỗ khác.",
        "A row cannot have both code and ref ({field}). Keep code to define an indicator, ref "
        "to show one defined elsewhere.",
    ),
    "plan.row_missing": (
        "Chỉ tiêu thiếu: {keys} ({field}). Mỗi chỉ tiêu cần unit, kind, direction, responsible.",
        "Indicator lacks: {keys} ({field}). Each indicator needs unit, kind, direction, "
        "responsible.",
    ),
    "plan.row_heading_with": (
        "Dòng tiêu đề (không có code) lại có {keys} ({field}). Thêm code để thành chỉ tiêu, hoặc "
        "bỏ các khóa đó.",
        "A heading row (no code) has {keys} ({field}). Add a code to make it an indicator, or "
        "remove those keys.",
    ),
    "plan.duplicate_code": (
        'Mã chỉ tiêu "{code}" bị trùng (đã dùng ở dòng {first}). Mỗi mã chỉ dùng một lần; để '
        "nhắc lại chỉ tiêu ở chỗ khác, dùng ref: {code}.",
        'Indicator code "{code}" is used twice (first on line {first}). Use each code once; to '
        "show an indicator again, use ref: {code}.",
    ),
    "plan.duplicate_unit": (
        'Mã đơn vị báo cáo "{code}" bị trùng.',
        'Reporting unit code "{code}" is used twice.',
    ),
    "plan.unknown_ref": (
        "ref: {ref} trỏ tới chỉ tiêu không có trong kế hoạch. Sửa mã cho đúng.",
        "ref: {ref} names an indicator not in the plan. Fix the code.",
    ),
    "plan.unknown_unit": (
        'Đơn vị tính "{unit}" không có trong danh sách units_of_measure ({units}). Thêm vào '
        "danh sách hoặc sửa lại.",
        'Unit "{unit}" is not in units_of_measure ({units}). Add it there or fix it.',
    ),
    "plan.unknown_responsible": (
        'Đơn vị phụ trách "{unit}" không có trong reporting_units ({units}).',
        'Responsible unit "{unit}" is not in reporting_units ({units}).',
    ),
    "plan.negative_target": (
        "Chỉ tiêu kế hoạch âm ({value}): chỉ tiêu không thể âm. Sửa lại số.",
        "Negative target ({value}): a target cannot be negative. Fix the number.",
    ),
    "plan.share_over_100": (
        '"{name}": chỉ tiêu {value}% vượt quá 100% — một tỷ trọng không thể lớn hơn 100%. Giữ '
        "nguyên như văn bản đã ký, nhưng nên hỏi lại cơ quan ban hành để đính chính.",
        '"{name}": target {value}% exceeds 100% — a share cannot be above 100%. Kept as '
        "signed; ask the issuing office for a correction.",
    ),
    "plan.fraction_in_count": (
        '"{name}": chỉ tiêu {value} {unit} có phần lẻ, nhưng đơn vị này đếm nguyên. Nếu là '
        "hàng nghìn, viết không có dấu chấm (6700).",
        '"{name}": target {value} {unit} has a fraction, but this unit counts whole items. '
        "For thousands, write no dot (6700).",
    ),
    "plan.harvested_area_duplicate": (
        "Mã {code} của diện tích thu hoạch đã dùng cho một chỉ tiêu khác: đặt mã khác, ví "
        "dụ rice_area_harvested.",
        "The harvested area's code {code} is already used: choose another, e.g. "
        "rice_area_harvested.",
    ),
    "plan.harvested_area_unknown_yield": (
        'Diện tích thu hoạch {area} ghi {key}: "{code}", nhưng bảng chỉ tiêu không có mã này. '
        "Ghi mã của chỉ tiêu trong bảng (for_yield: chỉ tiêu năng suất, ví dụ rice_yield; "
        "sown_area: diện tích gieo trồng, ví dụ rice_area).",
        'The harvested area {area} has {key}: "{code}", which is not a code of the table. Give '
        "a code of the table (for_yield: the yield, e.g. rice_yield; sown_area: the area sown, "
        "e.g. rice_area).",
    ),
    "plan.ranking_unknown_code": (
        'ranking.weights ghi mã "{code}", nhưng bảng chỉ tiêu không có mã này: sửa lại cho đúng '
        "mã chỉ tiêu (xem kehoach plan show --format json).",
        'ranking.weights names "{code}", which is not a code of the table: give an indicator\'s '
        "code (see kehoach plan show --format json).",
    ),
    "plan.ranking_derived_code": (
        'ranking.weights ghi hệ số cho "{code}", một chỉ tiêu tính từ công thức: xếp hạng chỉ '
        "tính chỉ tiêu đơn vị tự báo cáo, nên hệ số này không được dùng. Ghi hệ số cho các chỉ "
        "tiêu thành phần.",
        'ranking.weights gives a weight to "{code}", computed by formula: the ranking counts only '
        "indicators a unit reports itself, so this weight is not used. Weight its components.",
    ),
    "plan.profile_of_total": (
        '"{name}" là tổng của các chỉ tiêu thành phần: tiến độ kỳ vọng của nó được tính từ tiến '
        "độ của các thành phần (theo kế hoạch của từng phần), expected_progress ghi ở đây không "
        "được dùng. Xóa dòng expected_progress này, hoặc sửa tiến độ của các thành phần.",
        '"{name}" is a total of its components: its expected progress is computed from theirs '
        "(weighted by their targets) and the expected_progress written here is not used. "
        "Remove it, or change the components' profiles.",
    ),
    "plan.bad_progress": (
        "expected_progress phải tăng dần từ 0 đến 100 (lỗi ở {quarter}).",
        "expected_progress must rise from 0 to 100 (wrong at {quarter}).",
    ),
    "plan.formula_syntax": (
        'Công thức "{formula}" sai cú pháp ở ký tự {position}. Chỉ dùng mã chỉ tiêu, số, '
        "+ - * / và ngoặc.",
        'Formula "{formula}" has a syntax error at character {position}. Use indicator '
        "codes, numbers, + - * / and parentheses only.",
    ),
    "plan.formula_unknown_code": (
        "Công thức dùng mã không có trong kế hoạch: {missing}. Sửa mã cho đúng.",
        "The formula uses codes not in the plan: {missing}. Fix them.",
    ),
    "plan.formula_cycle": (
        "Công thức vòng tròn: {cycle}. Một chỉ tiêu không thể tính từ chính nó.",
        "Circular formulas: {cycle}. An indicator cannot be computed from itself.",
    ),
    "plan.formula_mismatch": (
        '"{name}": kế hoạch ghi {target} nhưng theo công thức {formula} thì bằng {computed}. '
        "Kiểm tra lại các số trong văn bản.",
        '"{name}": the plan says {target} but its formula {formula} gives {computed}. Check '
        "the figures of the signed text.",
    ),
    # plan show
    "plan.show.title": ("{title} — {issuer}", "{title} — {issuer}"),
    "plan.col.tt": ("TT", "No."),
    "plan.col.name": ("Chỉ tiêu", "Indicator"),
    "plan.col.code": ("Mã", "Code"),
    "plan.col.unit": ("ĐVT", "Unit"),
    "plan.col.target": ("KH {year}", "Target {year}"),
    "plan.col.kind": ("Loại", "Kind"),
    "plan.col.direction": ("Chiều", "Direction"),
    "plan.profile.title": (
        "Tiến độ kỳ vọng (% kế hoạch năm, lũy kế đến cuối quý) — giả định của xã",
        "Expected progress (% of the annual target, cumulative to each quarter's end) — the "
        "commune's assumption",
    ),
    "plan.profile.note": ("Ghi chú", "Note"),
    "plan.profile.total": ("tính từ các thành phần", "from its components"),
    "plan.profile.default": ("mặc định 25% mỗi quý", "default, 25% a quarter"),
    "plan.profile.year_end": ("đánh giá cuối năm", "assessed at year end"),
    "plan.col.responsible": ("Đơn vị phụ trách", "Responsible"),
    "plan.breakdown": ("Trong đó:", "Of which:"),
    "kind.flow": ("lũy kế", "cumulative"),
    "kind.stock": ("thời điểm", "point in time"),
    "kind.rate": ("tỷ lệ", "rate"),
    "direction.higher": ("↑ tăng", "↑ higher"),
    "direction.lower": ("↓ giảm", "↓ lower"),
    "direction.none": ("dự báo", "projection"),
    "plan.derived": ("tính từ công thức", "computed"),
    "plan.show.footer": (
        "{count} chỉ tiêu, {units} đơn vị báo cáo. Loại có dấu * được tính từ công thức. "
        "Chiều: ↑ tăng là tốt, ↓ giảm là tốt.",
        "{count} indicators, {units} reporting units. A kind marked * is computed by formula. "
        "Direction: ↑ higher is better, ↓ lower is better.",
    ),
    "help.plan_group": (
        "Xem kế hoạch; lập kế hoạch năm sau; nhập kế hoạch đã ký từ tệp Word.",
        "Show the plan; start next year's plan; import a signed plan from Word.",
    ),
    "help.plan_show": (
        "In cây chỉ tiêu của kế hoạch.\n\nVí dụ: kehoach plan show --format json",
        "Print the plan's indicator tree.\n\nExample: kehoach plan show --format json",
    ),
    "help.validate": (
        "Kiểm tra tệp kế hoạch hoặc tệp kết quả (phân biệt theo nội dung), hay cả thư mục.\n\n"
        "Ví dụ: kehoach validate data/plan_2024.yaml ; kehoach validate data/results/",
        "Check plan or results files (told apart by content), or whole folders.\n\n"
        "Example: kehoach validate data/plan_2024.yaml ; kehoach validate data/results/",
    ),
    "help.validate_paths": ("Tệp hoặc thư mục cần kiểm tra.", "Files or folders to check."),
}
