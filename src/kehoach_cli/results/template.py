"""The results form (``kehoach template``): one sheet to fill, one of instructions, written safely.

The form is always in Vietnamese: it is what the units fill in, and the reader finds its parts
by these labels. Derived indicators get a protected formula, never an input cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..messages import t
from ..numbers import format_number
from ..periods import Period
from ..plan.formulas import BinOp, Expr, Number, Ref, parse
from ..plan.model import Indicator, Plan
from ..safety.output import Guarded, check_target, is_stdout, write_atomic
from .common import INSTRUCTIONS_SHEET, SHEET_NAME, WHOLE_COMMUNE_LABEL
from .estimates import ESTIMATE_CHOICES, ESTIMATE_LABEL
from .form_layout import (
    a4_portrait,
    guide_layout,
    signature_block,
    times_new_roman,
    tt_value,
    wrapped_lines,
)
from .grid import HEADERS
from .model import WHOLE_COMMUNE

HEADER_ROW = 11
FIRST_ROW = HEADER_ROW + 1
META_ROWS = {"year": 4, "period": 5, "unit": 6, "reporter": 7, "reported_on": 8, "basis": 9}
META_ROWS["estimate"] = 10  # #16: estimate or final, in the row left free above the table
BASIS_CHOICES = ("Lũy kế từ đầu năm", "Số trong kỳ")
_TO_FILL = ("reporter", "reported_on", "basis", "estimate")
WIDTHS = {"A": 6, "B": 26, "C": 50, "D": 12, "E": 14, "F": 14, "G": 32}
_INPUT_FILL = "FFF2CC"  # pale yellow: cells to fill
_COMPUTED_FILL = "E7E6E6"  # grey: computed, not asked for


@dataclass(frozen=True)
class FormRow:
    """A row of the form: a heading (no indicator) or an indicator, at its depth in the table."""

    depth: int
    tt: str | None
    name: str
    indicator: Indicator | None


def form_rows(plan: Plan, unit: str | None) -> list[FormRow]:
    """The plan's table cut down to ``unit``'s indicators (all of them for the whole commune),
    with the headings above them; indicators shown twice in the plan appear once."""
    wanted = {i.code for i in plan.indicators if unit in (None, WHOLE_COMMUNE, i.responsible)}
    kept_paths = {row.row_path for row in plan.rows if row.indicator in wanted and not row.is_ref}
    harvested = {
        code: plan.by_code[area]
        for code, area in plan.harvested_area_of.items()
        if area in plan.by_code
    }
    rows: list[FormRow] = []
    for row in plan.rows:
        if row.is_ref:
            continue
        if row.indicator is not None:
            if row.indicator in wanted:
                # A yield's harvested area is asked for just above it (Diện tích thu hoạch).
                area = harvested.get(row.indicator)
                if area is not None:
                    rows.append(FormRow(row.depth, None, area.name, area))
                rows.append(FormRow(row.depth, row.tt, row.name, plan.by_code[row.indicator]))
            continue
        depth = len(row.row_path)
        if any(path[:depth] == row.row_path for path in kept_paths):
            rows.append(FormRow(row.depth, row.tt, row.name, None))
    return rows


def inputs_of(plan: Plan, unit: str | None) -> list[Indicator]:
    """The indicators a unit types figures for: its own, less the computed ones."""
    return [r.indicator for r in form_rows(plan, unit) if r.indicator and not r.indicator.derived]


def unit_label(plan: Plan, unit: str | None) -> tuple[str, str]:
    """(code written in the form, name shown next to it)."""
    if unit in (None, WHOLE_COMMUNE):
        return WHOLE_COMMUNE, f"{WHOLE_COMMUNE_LABEL} ({plan.plan.issuer})"
    return unit, plan.unit_name(unit)


@dataclass(frozen=True)
class _Styles:
    """The form's few styles, made once (openpyxl's public style objects)."""

    bold: Any
    box: Any
    input_fill: Any
    computed_fill: Any
    unlocked: Any
    wrap: Any
    centre: Any

    @classmethod
    def make(cls) -> _Styles:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        thin = Side(style="thin", color="808080")
        return cls(
            bold=Font(bold=True),
            box=Border(left=thin, right=thin, top=thin, bottom=thin),
            input_fill=PatternFill("solid", fgColor=_INPUT_FILL),
            computed_fill=PatternFill("solid", fgColor=_COMPUTED_FILL),
            unlocked=Protection(locked=False),
            wrap=Alignment(wrap_text=True, vertical="top"),
            centre=Alignment(horizontal="center", vertical="top"),
        )


def build_form(plan: Plan, period: Period, unit: str | None) -> Any:
    """The form as an openpyxl Workbook (not saved)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME
    styles = _Styles.make()
    _title_rows(sheet, plan, period)
    code, name = unit_label(plan, unit)
    _meta_rows(sheet, plan, period, (code, name), styles)
    _header_row(sheet, styles)
    rows = form_rows(plan, unit)
    _indicator_rows(sheet, rows, styles)
    last = signature_block(sheet, FIRST_ROW + len(rows) + 1)
    _meta_validations(sheet)
    _page_setup(sheet)
    sheet.print_area = f"A1:G{last}"  # down to the room left for the signatures
    _instructions(book.create_sheet(INSTRUCTIONS_SHEET), plan, period, code, name, styles)
    times_new_roman(book)
    book.properties.title = f"{SHEET_NAME} {period.id} {code}"
    book.properties.creator = "kehoach"
    return book


def _title_rows(sheet: Any, plan: Plan, period: Period) -> None:
    from openpyxl.styles import Alignment, Font

    sheet["A1"] = f"BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA NĂM {plan.year}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells("A1:G1")
    sheet["A2"] = f"{plan.plan.issuer} — {period.label('vi')}"
    sheet["A2"].font = Font(italic=True)
    sheet["A2"].alignment = Alignment(horizontal="center")
    sheet.merge_cells("A2:G2")


def _meta_rows(
    sheet: Any, plan: Plan, period: Period, unit: tuple[str, str], styles: _Styles
) -> None:
    """Year, period and unit written in; reporter, date and basis to fill."""
    from openpyxl.styles import Font

    code, name = unit
    meta: list[tuple[str, str, object, str]] = [
        ("year", "Năm", plan.year, ""),
        ("period", "Kỳ báo cáo", period.id, period.label("vi")),
        ("unit", "Đơn vị báo cáo", code, name),
        ("reporter", "Người báo cáo", None, "Họ tên, chức vụ người lập biểu"),
        ("reported_on", "Ngày báo cáo", None, "Ngày lập biểu (dd/mm/yyyy)"),
        (
            "basis",
            "Số liệu",
            BASIS_CHOICES[0],
            "Lũy kế từ đầu năm: cộng dồn từ 01/01; Số trong kỳ: chỉ số liệu của kỳ này",
        ),
        (
            "estimate",
            ESTIMATE_LABEL,
            ESTIMATE_CHOICES[1],
            'Ước thực hiện: số ước; Chính thức: số đã chốt (một số ước: ghi "Ước" ở Ghi chú)',
        ),
    ]
    for key, label, value, hint in meta:
        row = META_ROWS[key]
        sheet.cell(row, 2, label).font = styles.bold
        cell = sheet.cell(row, 3, value)
        if key in _TO_FILL:
            cell.protection = styles.unlocked
            cell.fill = styles.input_fill
            cell.border = styles.box
        if key == "reported_on":
            cell.number_format = "dd/mm/yyyy"
        hint_cell = sheet.cell(row, 4, hint or None)
        hint_cell.font = Font(italic=key in _TO_FILL, color="595959")
        sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=7)


def _header_row(sheet: Any, styles: _Styles) -> None:
    from openpyxl.styles import Alignment, PatternFill

    for col, label in enumerate(HEADERS, start=1):
        cell = sheet.cell(HEADER_ROW, col, label)
        cell.font = styles.bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = styles.box
        cell.fill = PatternFill("solid", fgColor="D9E1F2")


def _indicator_rows(sheet: Any, rows: list[FormRow], styles: _Styles) -> None:
    """One row per line of the plan: headings in bold, figures to fill with their checks,
    derived figures as Excel formulas."""
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.datavalidation import DataValidation

    row_of = {
        r.indicator.code: FIRST_ROW + i for i, r in enumerate(rows) if r.indicator is not None
    }
    checks = {
        "count": _validation(DataValidation, "whole", "greaterThanOrEqual", "0", None, "count"),
        "percent": _validation(DataValidation, "decimal", "between", "0", "100", "percent"),
        "number": _validation(DataValidation, "decimal", "greaterThanOrEqual", "0", None, "number"),
    }
    for i, form_row in enumerate(rows):
        r = FIRST_ROW + i
        ind = form_row.indicator
        tt = sheet.cell(r, 1, tt_value(form_row.tt))
        tt.alignment = styles.centre
        if isinstance(tt.value, int):  # "1" as a number: no green triangle in Excel
            tt.number_format = "0" * len(form_row.tt or "0")
        name_cell = sheet.cell(r, 3, form_row.name)
        name_cell.alignment = Alignment(wrap_text=True, vertical="top", indent=form_row.depth)
        # about 50 characters of 12 pt text fit column C (50 wide), less its indent
        lines = wrapped_lines(form_row.name, 50 - 3 * form_row.depth)
        if lines > 1:
            sheet.row_dimensions[r].height = 16.0 * lines + 2
        for col in range(1, 8):
            sheet.cell(r, col).border = styles.box
        if ind is None:
            name_cell.font = styles.bold
            sheet.cell(r, 1).font = styles.bold
            continue
        sheet.cell(r, 2, ind.code)
        sheet.cell(r, 4, ind.unit)
        target = sheet.cell(r, 5, float(ind.target) if ind.target is not None else None)
        target.number_format = "#,##0" + ("." + "0" * ind.decimals if ind.decimals else "")
        actual = sheet.cell(r, 6)
        note = sheet.cell(r, 7)
        note.protection = styles.unlocked
        note.fill = styles.input_fill  # yellow: the instructions say the notes are to fill
        note.alignment = styles.wrap
        if ind.derived:
            actual.value = _excel_formula(ind, row_of)
            actual.fill = styles.computed_fill
            actual.number_format = "#,##0.00" if ind.kind == "rate" else "General"
            if actual.value is None:
                note.value = None
            continue
        actual.protection = styles.unlocked
        actual.fill = styles.input_fill
        actual.number_format = "#,##0" if ind.is_count else "General"
        kind = "count" if ind.is_count else "percent" if ind.is_percentage else "number"
        checks[kind].add(actual.coordinate)
    for check in checks.values():
        if check.sqref:
            sheet.add_data_validation(check)


def _meta_validations(sheet: Any) -> None:
    """The basis and the estimate field are one of their words; the date a date."""
    from openpyxl.worksheet.datavalidation import DataValidation

    basis_check = DataValidation(
        type="list",
        formula1='"' + ",".join(BASIS_CHOICES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Số liệu",
        error="Chọn " + " hoặc ".join(BASIS_CHOICES) + ".",
    )
    basis_check.add(f"C{META_ROWS['basis']}")
    sheet.add_data_validation(basis_check)
    estimate_check = DataValidation(
        type="list",
        formula1='"' + ",".join(ESTIMATE_CHOICES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=ESTIMATE_LABEL,
        error="Chọn " + " hoặc ".join(ESTIMATE_CHOICES) + ".",
    )
    estimate_check.add(f"C{META_ROWS['estimate']}")
    sheet.add_data_validation(estimate_check)
    date_check = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 01/01/2000
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ngày báo cáo",
        error="Ghi ngày dạng dd/mm/yyyy.",
    )
    date_check.add(f"C{META_ROWS['reported_on']}")
    sheet.add_data_validation(date_check)


def _page_setup(sheet: Any) -> None:
    """Column widths, frozen header, A4 portrait one page wide, protection against slips."""
    for letter, width in WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    a4_portrait(sheet)
    sheet.page_margins.left = 0.8  # the form is wider than the instructions: narrower margins
    sheet.page_margins.right = 0.4
    # Protected without a password: it guards against slips, not against people.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _validation(
    factory: Any, kind: str, operator: str, low: str, high: str | None, what: str
) -> Any:
    errors = {
        "count": "Ghi số nguyên không âm (ví dụ 912).",
        "percent": "Ghi tỷ lệ từ 0 đến 100 (ví dụ 31,2).",
        "number": "Ghi số không âm (ví dụ 120 hoặc 58,5).",
    }
    return factory(
        type=kind,
        operator=operator,
        formula1=low,
        formula2=high,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="Số liệu không hợp lệ",
        error=errors[what],
        promptTitle="Thực hiện",
        prompt=errors[what],
    )


def _excel_formula(ind: Indicator, row_of: dict[str, int]) -> str | None:
    """The plan's formula over the form's cells, blank until a component is filled in."""
    assert ind.formula is not None
    expr = parse(ind.formula)
    refs = sorted(expr.references())
    if any(code not in row_of for code in refs):
        return None  # computed from another unit's figures: kehoach computes it
    body = _excel(expr, row_of)
    cells = ",".join(f"F{row_of[c]}" for c in refs)
    # Blank until every part is in (a total of only the rice would pass for the grain), and
    # blank over a zero (nothing harvested yet), as kehoach computes it.
    return f'=IF(COUNT({cells})={len(refs)},IFERROR({body},""),"")'


def _excel(expr: Expr, row_of: dict[str, int]) -> str:
    if isinstance(expr, Number):
        return format_number(expr.value, lang="en", grouping=False)
    if isinstance(expr, Ref):
        return f"F{row_of[expr.code]}"
    assert isinstance(expr, BinOp)
    return f"({_excel(expr.left, row_of)}{expr.op}{_excel(expr.right, row_of)})"


def _instructions(
    sheet: Any, plan: Plan, period: Period, code: str, name: str, styles: _Styles
) -> None:
    from openpyxl.styles import Font

    lines = [
        ("HƯỚNG DẪN ĐIỀN BIỂU MẪU", True),
        (f"{plan.plan.issuer} — {period.label('vi')} — {name} ({code})", False),
        ("", False),
        (
            f'1. Chỉ điền các ô nền vàng: cột "Thực hiện", cột "Ghi chú" và các ô Người báo cáo, '
            f'Ngày báo cáo, Số liệu, Tình trạng số liệu ở trang "{SHEET_NAME}". Các ô khác '
            "được khóa.",
            False,
        ),
        (
            '2. "Thực hiện" của chỉ tiêu lũy kế (sản lượng, diện tích, trồng rừng, hộ thoát nghèo) '
            'là số cộng dồn từ đầu năm đến hết kỳ. Nếu ghi số riêng của kỳ, chọn "Số trong kỳ" '
            'ở ô "Số liệu". Số ước tính chọn "Ước thực hiện" ở ô "Tình trạng số liệu" (chỉ một '
            'vài số là ước: ghi "Ước" ở cột Ghi chú của dòng đó); số đã chốt chọn "Chính thức".',
            False,
        ),
        (
            "3. Chỉ tiêu thời điểm (đàn gia súc, học sinh, dân số) ghi số tại thời điểm báo cáo; "
            "tỷ lệ (%) ghi số từ 0 đến 100, ví dụ 31,2 — không ghi dấu %.",
            False,
        ),
        (
            "4. Số lẻ dùng dấu phẩy (39,5). Không dùng dấu chấm phân cách hàng nghìn: ghi 6700, "
            "không ghi 6.700. Chỉ tiêu đếm bằng con, người, hộ, học sinh, cháu ghi số nguyên.",
            False,
        ),
        (
            "5. Ô nền xám được tính tự động (lương thực, năng suất, tổng số): không điền.",
            False,
        ),
        (
            "6. Chưa có số liệu thì để trống, ghi lý do ở cột Ghi chú. Không xóa hay thêm dòng, "
            'không sửa cột "Mã chỉ tiêu".',
            False,
        ),
        (
            "7. Lưu tệp dạng Excel (.xlsx), đặt tên theo mã đơn vị (ví dụ dcnn.xlsx) và gửi Văn "
            "phòng – Thống kê xã. Văn phòng kiểm tra bằng lệnh: kehoach validate <tệp>.",
            False,
        ),
        (
            "8. Số liệu gấp 10 lần kế hoạch năm trở lên, hoặc chỉ bằng 1/10 trở xuống, thường là "
            'gõ nhầm: kiểm tra lại. Nếu đúng, ghi "Đã xác nhận" ở cột Ghi chú của dòng đó; chưa '
            "xác nhận thì chỉ tiêu chưa được đánh giá và không tính vào xếp hạng thi đua.",
            False,
        ),
        (
            "9. Bản in: Người lập biểu và Thủ trưởng đơn vị ký, ghi rõ họ tên ở cuối trang "
            f'"{SHEET_NAME}", ghi nơi và ngày ký.',
            False,
        ),
    ]
    for i, (text, strong) in enumerate(lines, start=1):
        cell = sheet.cell(i, 1, text or None)
        if strong:
            cell.font = Font(bold=True, size=13)
    # The instruction on which cells to fill shows their yellow; the one on computed cells
    # their grey: the words and the colours say the same thing.
    fills = {
        i: styles.input_fill if text.startswith("1.") else styles.computed_fill
        for i, (text, _) in enumerate(lines, start=1)
        if text.startswith(("1.", "5."))
    }
    guide_layout(sheet, fills)


def check_output(
    output: Path,
    plan: Plan,
    plan_path: Path | None,
    guarded: Guarded | None = None,
    *,
    force: bool = False,
) -> None:
    """Refuse to write over what a user gave: the plan, a results file, a filled-in form (or
    any other existing file but an unfilled kehoach form, unless ``force``)."""
    if is_stdout(output):
        raise OutputError(t("template.not_to_stdout"), file=str(output))
    if output.suffix.lower() != ".xlsx":
        raise OutputError(t("template.bad_suffix", path=str(output)), file=str(output))
    if guarded is None:
        guarded = Guarded(plan=plan_path)
    check_target(
        output,
        guarded,
        ours=lambda path: is_unfilled_form(path, plan),
        not_ours=t("template.not_a_blank_form", path=str(output)),
        force=force,
    )
    folder = output.parent
    if not folder.is_dir():
        if folder.exists():
            message = t("output.parent_is_file", path=str(folder), file=str(output))
        else:
            message = t("template.no_folder", path=str(folder))
        raise OutputError(message, file=str(output))


def is_unfilled_form(path: Path, plan: Plan) -> bool:
    """A form kehoach wrote for this plan, read without errors, with nothing filled in yet."""
    from . import read_result_file

    result, problems = read_result_file(path, plan)
    if result is None or any(p.severity == "error" for p in problems):
        return False
    filled = any(v.value is not None for v in result.values)
    return not filled and result.reporter is None and result.reported_on is None


def write_form(
    plan: Plan,
    period: Period,
    unit: str | None,
    output: Path,
    plan_path: Path | None = None,
    guarded: Guarded | None = None,
    *,
    force: bool = False,
) -> int:
    """Build and save the form (atomically); returns how many indicators it asks for."""
    import io

    check_output(output, plan, plan_path, guarded, force=force)
    buffer = io.BytesIO()
    build_form(plan, period, unit).save(buffer)
    write_atomic(output, buffer.getvalue(), [plan_path] if plan_path else [])
    return len(inputs_of(plan, unit))
