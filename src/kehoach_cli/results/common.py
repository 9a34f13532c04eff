"""Shared pieces of the results readers: where a value sits, problems, text and number cells."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ..characters import hidden_in, without_zero_width
from ..errors import NumberFormatError
from ..messages import t
from ..numbers import format_number, is_whole, parse_number, spreadsheet_decimal, to_decimal
from ..plan.model import Indicator
from ..problems import Problem, quoted_head

SHEET_NAME = "Kết quả"
INSTRUCTIONS_SHEET = "Hướng dẫn"
WHOLE_COMMUNE_LABEL = "Toàn xã"


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a results file: a workbook cell, a CSV cell or a YAML line."""

    file: str
    sheet: str | None = None
    cell: str | None = None
    line: int | None = None

    @property
    def location(self) -> str | None:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        if self.line and self.cell:
            return t("where.csv_cell", line=self.line, column=_column_of(self.cell))
        if self.line:
            return t("where.line", line=self.line)
        return self.sheet

    @property
    def shown(self) -> str:
        """``file › location`` as messages quote another place."""
        return " › ".join(p for p in (self.file, self.location) if p)


def problem(
    code: str,
    where: Where,
    *,
    severity: Literal["error", "warning"] = "error",
    indicator: str | None = None,
    **params: object,
) -> Problem:
    """A results problem; its message is ``results.<code>`` from the catalog."""
    return Problem(
        severity=severity,
        code=code,
        message=t(f"results.{code}", **params),
        file=where.file,
        location=where.location,
        indicator=indicator,
        sheet=where.sheet,
        cell=where.cell,
        line=where.line,
    )


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA.

    >>> column_letter(0), column_letter(5), column_letter(27)
    ('A', 'F', 'AB')
    """
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_LETTERS = [column_letter(col) for col in range(256)]  # a row names its cells from these


def cell_ref(row: int, col: int) -> str:
    """A 0-based (row, col) as Excel writes it: (11, 5) → F12."""
    letters = _LETTERS[col] if 0 <= col < len(_LETTERS) else column_letter(col)
    return f"{letters}{row + 1}"


def _column_of(cell: str) -> str:
    return re.sub(r"\d+", "", cell)


_SPACES = re.compile(r"\s+")


def text_of(value: object) -> str:
    """A cell as clean text: NFC, trimmed, inner runs of spaces collapsed; empty → ""."""
    if value is None:
        return ""
    if isinstance(value, str) and value.isalnum():
        return unicodedata.normalize("NFC", value)  # no space to trim or collapse (a code)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value))
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def fold(text: str) -> str:
    """Text compared loosely, without case, accents, a final colon or characters that take no
    room (a second BOM before "Năm"): "Kỳ:" → "ky"."""
    cleaned = without_zero_width(text_of(text)).lower()
    decomposed = unicodedata.normalize("NFD", cleaned).replace("đ", "d")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.rstrip(":").strip()


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True, slots=True)
class CellValue:
    """A number cell read for an indicator: the value, or the code of what is wrong with it."""

    value: Decimal | None
    code: str | None = None
    params: tuple[tuple[str, object], ...] = ()
    severity: Literal["error", "warning"] = "error"


def read_number(raw: object, ind: Indicator, *, percent: bool = False) -> CellValue:
    """The "Thực hiện" of one indicator, from what a reader returned, checked against its kind;
    ``percent``: the cell's number format shows a percentage (29,4 % stored as 0,294)."""
    if percent and type(raw) in (float, int):
        return _percent_cell(raw, ind)  # type: ignore[arg-type]
    if type(raw) is float:  # the usual cell, past the checks below that it cannot meet
        if not -_TOO_LARGE < raw < _TOO_LARGE:  # past 1e28 to_decimal cannot even quantize
            return _beyond(raw)
        return check_range(spreadsheet_decimal(raw), ind)
    if is_empty(raw):
        return CellValue(None)
    if isinstance(raw, bool) or isinstance(raw, (date, datetime)):
        return CellValue(None, "not_a_number", (("value", text_of(raw)),))
    if isinstance(raw, (int, float, Decimal)):
        if not -_TOO_LARGE < raw < _TOO_LARGE:
            return _beyond(raw)
        value = spreadsheet_decimal(raw) if isinstance(raw, float) else to_decimal(raw)
    else:
        shown = text_of(raw)
        try:
            value = parse_number(shown, integer=ind.is_count)
        except NumberFormatError as exc:
            if exc.code == "ambiguous":
                return CellValue(None, "ambiguous_number", _readings(shown))
            if exc.code == "bad_grouping":
                return CellValue(None, "bad_grouping", (("value", shown),))
            if isinstance(raw, str) and hidden_in(raw):
                return CellValue(None, "hidden_characters", hidden_params(raw))
            return CellValue(None, "not_a_number", (("value", quoted_head(shown)),))
        if not -_TOO_LARGE < value < _TOO_LARGE:
            return CellValue(None, "number_too_large", (("value", quoted_head(shown)),))
    return check_range(value, ind)


def hidden_params(raw: str) -> tuple[tuple[str, object], ...]:
    """What a hidden_characters message quotes: the text as seen, and the characters by name."""
    seen = quoted_head(text_of(without_zero_width(raw)))
    return (("value", seen), ("chars", ", ".join(hidden_in(raw))))


def _readings(shown: str) -> tuple[tuple[str, object], ...]:
    """The two readings of "12.345" or "7,000", and each written so that it cannot be misread:
    "12345" and "12,3450" (a fourth decimal), "7000" and "7"."""
    plain = re.sub(r"[\s%]", "", unicodedata.normalize("NFKC", shown)).replace("\u2212", "-")
    whole, _, frac = plain.replace(",", ".").partition(".")
    decimal = format_number(Decimal(f"{whole}.{frac}"))
    written = decimal + "0" if len(decimal.partition(",")[2]) == 3 else decimal
    return (
        ("value", shown),
        ("thousands", whole + frac),
        ("decimal", decimal),
        ("decimal_written", written),
    )


# No commune figure reaches 10^15 (a thousand trillion đồng); past 10^28 Decimal's default
# context cannot even round the value, and the report would fail on it with no file or cell.
_TOO_LARGE = 10**15


def _beyond(raw: float | int | Decimal) -> CellValue:
    """A number past the bound (or NaN, which is no number), quoted short: "1e+300"."""
    code = "not_a_number" if raw != raw else "number_too_large"
    shown = repr(raw) if isinstance(raw, float) else quoted_head(f"{Decimal(raw):.6e}")
    return CellValue(None, code, (("value", shown),))


def _percent_cell(raw: float, ind: Indicator) -> CellValue:
    """A number in a cell formatted as %: read as the percentage the user typed and sees."""
    if not -_TOO_LARGE < raw < _TOO_LARGE:
        return _beyond(raw)
    value = spreadsheet_decimal(raw) * 100
    value = value.quantize(Decimal(1)) if is_whole(value) else value.normalize()
    if not ind.is_percentage:
        # 0,85 shown as "85%" in a cell counted in Ha: neither reading can be trusted.
        params = (("value", format_number(value)), ("unit", ind.unit))
        return CellValue(None, "percent_format_not_rate", params)
    return check_range(value, ind, from_format=True)


def check_range(value: Decimal, ind: Indicator, *, from_format: bool = False) -> CellValue:
    """Negative values, percentages above 100 and fractions in counts are errors; ``from_format``: a
    percentage already read through its cell's % format (no second guess at it)."""
    # The value is formatted for a message only: most cells have none.
    if value < 0:
        return CellValue(value, "negative_value", (("value", format_number(value)),))
    percentage = ind.is_percentage
    if percentage and value > 100:
        return CellValue(value, "percentage_over_100", (("value", format_number(value)),))
    if ind.is_count and not is_whole(value):
        params = (("value", format_number(value)), ("unit", ind.unit))
        return CellValue(value, "fraction_in_count", params)
    if (
        percentage
        and not from_format
        and 0 < value < 1
        and ind.target is not None
        and ind.target >= 10
    ):
        # "31,2%" typed into Excel is stored as 0,312 in a cell formatted as a percentage.
        params = (("value", format_number(value)), ("scaled", format_number(value * 100)))
        return CellValue(value, "percentage_as_fraction", params, "warning")
    return CellValue(value)


def megabytes(size: int) -> str:
    """A size in MB with one decimal, written the Vietnamese way."""
    return format_number(Decimal(size) / (1024 * 1024), 1)
