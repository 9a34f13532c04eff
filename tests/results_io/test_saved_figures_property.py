"""Property (issue #13): a figure written into a form and saved the usual ways is read back
exactly or refused at its cell, never changed.

The ways: a numeric cell and a text cell of an .xlsx, a CSV as Excel or LibreOffice writes it
from Vietnamese settings (";", "1.234", "58,5") and from English ones (",", "1,234", "58.5"),
and YAML (a number, or Vietnamese text). Counts are shown by the form's "#,##0", rates by
"#,##0.00", other figures as typed (General): those are what the CSV exports write.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kehoach_cli.numbers import format_number
from kehoach_cli.results import read_result_file

from .forms import make_form, plan

# One indicator of each kind, and a second of the same kind for the text cell of the same form.
KINDS = {
    "count": ("poultry_flock", "cattle_herd"),
    "decimal": ("rice_area", "maize_area"),
    "rate": ("poverty_rate", "child_malnutrition_rate"),
}
FIGURES = {
    # Round thousands too: "7,000" read as 7 is whole, so only they show that misreading.
    "count": st.one_of(
        st.integers(min_value=0, max_value=10**7), st.integers(0, 999).map(lambda n: n * 1000)
    ).map(Decimal),
    "decimal": st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False),
    "rate": st.decimals(min_value=0, max_value=100, places=2, allow_nan=False),
}
figures = st.sampled_from(sorted(KINDS)).flatmap(
    lambda kind: st.tuples(st.just(kind), FIGURES[kind])
)


def shown(kind: str, value: Decimal, lang: str) -> str:
    """The cell as the form's number format shows it, in Vietnamese or English settings."""
    if kind == "count":
        return format_number(value, 0, lang=lang)
    if kind == "rate":
        return format_number(value, 2, lang=lang)
    return format_number(value, lang=lang, grouping=False)  # General: as typed


def read_back(path: Path, code: str) -> tuple[Decimal | None, bool]:
    """The figure read for ``code`` and whether an error was found at it."""
    result, problems = read_result_file(path, plan())
    refused = any(p.severity == "error" and p.indicator == code for p in problems)
    values = {v.code: v.value for v in result.values} if result else {}
    return values.get(code), refused


def assert_exact_or_refused(path: Path, code: str, value: Decimal, how: str) -> None:
    read, refused = read_back(path, code)
    if refused:
        assert read is None, f"{how}: refused, yet {read} was read"
    else:
        assert read == value, f"{how}: {value} was read as {read}"


def write_csv(path: Path, code: str, text: str, delimiter: str) -> None:
    rows = [
        ["Năm", "2024"],
        ["Kỳ báo cáo", "2024Q2"],
        ["Đơn vị báo cáo", "Toàn xã"],
        ["Người báo cáo", "Nguyễn Văn A"],
        ["Ngày báo cáo", "18/06/2024"],
        [],
        ["TT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Thực hiện", "Ghi chú"],
        ["1", code, "", "", "", text, ""],
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)


def write_yaml(path: Path, code: str, value: object) -> None:
    path.write_text(
        "year: 2024\nperiod: 2024Q2\nunit: toan-xa\nreporter: A\nreported_on: 2024-06-18\n"
        f"values:\n  {code}: {value}\n",
        encoding="utf-8",
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(figures)
@example(("count", Decimal(7000))).via("issue #13: English-locale #,##0")
@example(("decimal", Decimal("58.125"))).via("12.345 / 12,345: ambiguous both ways")
@example(("rate", Decimal("29.4"))).via("a rate")
def test_a_saved_figure_is_read_back_exactly_or_refused(figure: tuple[str, Decimal]) -> None:
    kind, value = figure
    numeric, text = KINDS[kind]
    with TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # An .xlsx: the number in one cell, the Vietnamese and the English text in others.
        book = folder / "form.xlsx"
        make_form(book, {numeric: float(value), text: shown(kind, value, "vi")})
        assert_exact_or_refused(book, numeric, value, "xlsx numeric cell")
        assert_exact_or_refused(book, text, value, f"xlsx text cell {shown(kind, value, 'vi')!r}")
        make_form(book, {text: shown(kind, value, "en")})
        assert_exact_or_refused(book, text, value, f"xlsx text cell {shown(kind, value, 'en')!r}")
        for lang, delimiter in (("vi", ";"), ("en", ",")):
            written = shown(kind, value, lang)
            write_csv(folder / "r.csv", numeric, written, delimiter)
            assert_exact_or_refused(folder / "r.csv", numeric, value, f"CSV {lang} {written!r}")
        number = int(value) if kind == "count" else format_number(value, lang="en", grouping=False)
        for typed in (number, f'"{shown(kind, value, "vi")}"'):
            write_yaml(folder / "r.yaml", numeric, typed)
            assert_exact_or_refused(folder / "r.yaml", numeric, value, f"YAML {typed}")


def test_the_property_sees_a_change() -> None:
    """The check fails on a figure read as another: "7,000" taken for 7 would be caught."""
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.csv"
        write_csv(path, "rice_area", "58,5", ";")
        try:
            assert_exact_or_refused(path, "rice_area", Decimal("585"), "a wrong expectation")
        except AssertionError as exc:
            assert "58.5" in str(exc)
        else:
            raise AssertionError("a changed figure went unnoticed")
