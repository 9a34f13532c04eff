"""Forms as offices save them (issue #13, cases 5, 6, 10): the right value or a located problem.

The files are built by ``make_saved_forms.py`` (LibreOffice headless where LibreOffice would
save them) and committed under tests/data/results/saved/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_cli.messages import set_lang
from kehoach_cli.results import load_results, validate_results
from kehoach_cli.safety.limits import current_limits

from .forms import plan
from .make_saved_forms import EXPECTED, OUT


def _validate(name: str) -> list[tuple[str, str]]:
    found = validate_results([OUT / name], plan(), current_limits())
    return [(p.code, p.severity) for p in found]


def test_every_saved_form_is_listed() -> None:
    assert sorted(p.name for p in OUT.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_saved_form_gives_its_value_or_its_problem(name: str) -> None:
    codes, rice = EXPECTED[name]
    assert tuple(code for code, _ in _validate(name)) == codes
    results, _ = load_results([OUT / name], plan())
    read = results.files[0].value_of("rice_output") if results.files else None
    assert (read.value if read is not None else None) == rice


def test_a_hidden_original_and_its_edited_visible_copy_are_refused_naming_both() -> None:
    (refusal,) = validate_results(
        [OUT / "hidden_original_visible_copy.xlsx"], plan(), current_limits()
    )
    assert (refusal.code, refusal.severity) == ("sheets_ambiguous", "error")
    assert '"Kết quả (2)", "Kết quả"' in refusal.message
    # the guard's "figures in hidden sheets are not counted" is not what happened: not said
    assert "không được tính" not in refusal.message


def test_kết_quả_and_ket_qua_are_refused_in_both_languages() -> None:
    path = OUT / "ket_qua_twice.xlsx"
    (vi,) = validate_results([path], plan(), current_limits())
    assert vi.message.startswith('Có hơn một trang tính có thể là số liệu: "Kết quả", "Ket qua".')
    set_lang("en")
    (en,) = validate_results([path], plan(), current_limits())
    assert en.message.startswith('More than one sheet could hold the figures: "Kết quả", "Ket qua"')


def test_a_visible_identical_copy_wins_and_the_hidden_warning_stays_true() -> None:
    results, report = load_results([OUT / "hidden_identical_copy.xlsx"], plan())
    assert results.files[0].sheet == "Kết quả (2)"
    (hidden,) = report
    assert hidden.code == "hidden_sheets" and '"Kết quả"' in hidden.message


def test_a_table_only_on_a_hidden_sheet_is_read_and_said_so() -> None:
    results, report = load_results([OUT / "hidden_only.xlsx"], plan())
    assert results.files[0].sheet == "Kết quả"
    assert [(p.code, p.location) for p in report] == [("hidden_sheet_read", "Kết quả")]
    assert report.problems[0].message.startswith('Số liệu được đọc từ trang tính đang ẩn "Kết quả"')


def test_two_value_columns_are_refused_naming_both_cells() -> None:
    (refusal,) = validate_results([OUT / "two_value_columns.xlsx"], plan(), current_limits())
    assert refusal.code == "columns_ambiguous"
    assert "(Kết quả!F11, Kết quả!H11)" in refusal.message


def test_an_ods_is_refused_with_how_to_save_it_as_xlsx() -> None:
    (refusal,) = validate_results([OUT / "ods_saved_by_libreoffice.ods"], plan(), current_limits())
    assert (refusal.code, refusal.severity, refusal.location) == (
        "ods_not_supported",
        "error",
        None,
    )
    assert "Lưu thành" in refusal.message and "Excel 2007-365 (.xlsx)" in refusal.message
    set_lang("en")
    (en,) = validate_results([OUT / "ods_saved_by_libreoffice.ods"], plan(), current_limits())
    assert "File › Save As" in en.message


def test_a_blank_form_saved_by_libreoffice_is_said_to_have_no_figures() -> None:
    (warning,) = validate_results(
        [OUT / "blank_saved_by_libreoffice.xlsx"], plan(), current_limits()
    )
    assert (warning.code, warning.severity) == ("no_figures", "warning")
    assert warning.message.startswith('Biểu mẫu chưa có số liệu nào ở cột "Thực hiện"')


def test_a_partly_filled_form_lists_its_empty_cells() -> None:
    (warning,) = validate_results(
        [OUT / "partly_filled_by_libreoffice.xlsx"], plan(), current_limits()
    )
    assert warning.code == "values_missing" and warning.location == "Kết quả"
    assert warning.message.startswith(
        'Còn 16 ô "Thực hiện" để trống mà không ghi lý do: F17 (rice_area), '
    )
    assert "F16 (rice_output)" not in warning.message  # the one filled in
    set_lang("en")
    (en,) = validate_results([OUT / "partly_filled_by_libreoffice.xlsx"], plan(), current_limits())
    assert en.message.startswith(
        '16 "Thực hiện" (actual) cells are empty with no reason given: F17 (rice_area), '
    )


def test_the_empty_cells_are_listed_by_validate_only(tmp_path: Path) -> None:
    _, report = load_results([OUT / "partly_filled_by_libreoffice.xlsx"], plan())
    assert len(report) == 0


def test_a_chart_sheet_beside_the_form_changes_nothing(tmp_path: Path) -> None:
    from openpyxl.chart import BarChart, Reference

    from .make_saved_forms import _form

    book = _form({"rice_output": 120})
    chart = BarChart()
    chart.add_data(Reference(book["Kết quả"], min_col=6, min_row=12, max_row=20))
    book.create_chartsheet("Biểu đồ").add_chart(chart)
    book.save(tmp_path / "chart.xlsx")
    results, report = load_results([tmp_path / "chart.xlsx"], plan())
    assert len(report) == 0 and results.files[0].sheet == "Kết quả"


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("hidden_only.xlsx", 'The figures were read from the hidden sheet "Kết quả"'),
        ("two_value_columns.xlsx", 'More than one "Thực hiện" column (Kết quả!F11, Kết quả!H11)'),
        ("blank_saved_by_libreoffice.xlsx", 'No figure has been entered in the "Thực hiện"'),
    ],
)
def test_english_messages(name: str, start: str) -> None:
    set_lang("en")
    found = validate_results([OUT / name], plan(), current_limits())
    assert any(p.message.startswith(start) for p in found), [p.message for p in found]


def test_an_empty_cell_with_its_reason_in_the_note_is_not_listed(tmp_path: Path) -> None:
    from .forms import make_form

    make_form(
        tmp_path / "q2.xlsx",
        {"rice_output": 120},
        unit="dcnn",
        notes={"rice_area": "Chưa thống kê xong diện tích"},
    )
    (warning,) = validate_results([tmp_path / "q2.xlsx"], plan(), current_limits())
    assert warning.message.startswith('Còn 15 ô "Thực hiện" để trống mà không ghi lý do: F21 ')
    assert "rice_area" not in warning.message
