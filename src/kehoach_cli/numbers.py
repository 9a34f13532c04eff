"""Numbers the Vietnamese way: exact Decimals, half-up rounding, "1.234,5" in and out.

Why not Babel: ``babel.numbers.parse_decimal("3.5", locale="vi")`` gives 35 unless strict, it
rounds half-even by default, and it costs an import at start-up. Decimal's own ``format`` with
grouping is exact; swapping the two separators afterwards is all Vietnamese writing needs.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import NumberFormatError

NumberLike = Decimal | int | float

# Spaces people (and Excel) put inside numbers: normal, no-break, narrow no-break, thin.
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
_PLAIN = re.compile(r"[+-]?\d+")
_SWAP_MARKS = str.maketrans(",.", ".,")


def to_decimal(value: NumberLike) -> Decimal:
    """An exact Decimal for what a reader returned; floats through their shortest repr.

    >>> to_decimal(0.1), to_decimal(1234.0), to_decimal(7)
    (Decimal('0.1'), Decimal('1234'), Decimal('7'))
    """
    if isinstance(value, bool):
        raise NumberFormatError("not_a_number", str(value))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        return Decimal(value)
    else:
        if value != value or value in (float("inf"), float("-inf")):
            raise NumberFormatError("not_a_number", str(value))
        result = Decimal(repr(value))
    if result == result.to_integral_value():
        return result.quantize(Decimal(1))
    return result


def spreadsheet_decimal(value: float) -> Decimal:
    """A spreadsheet's float as the figure it stands for: the 15 significant digits Excel keeps
    and shows, so a formula's binary noise is not taken for the figure's precision.

    >>> spreadsheet_decimal(58.50000000000001), spreadsheet_decimal(874.9999999999999)
    (Decimal('58.5'), Decimal('875'))
    >>> spreadsheet_decimal(0.1 + 0.2), spreadsheet_decimal(39.83), spreadsheet_decimal(1e-7)
    (Decimal('0.3'), Decimal('39.83'), Decimal('1E-7'))
    """
    return to_decimal(Decimal(format(value, ".15g")))


def parse_number(text: str, *, integer: bool = False) -> Decimal:
    """Read a number as written in a Vietnamese report; never guess an ambiguous one.

    A comma is the decimal mark, dots group thousands; English writing is accepted where it
    cannot be misread. ``integer`` says the value is a count, which settles "1.234" (but not
    "1,234": seven thousand in English, a fraction in Vietnamese).

    >>> parse_number("39,83"), parse_number("1.234.567,5"), parse_number("6.700", integer=True)
    (Decimal('39.83'), Decimal('1234567.5'), Decimal('6700'))
    >>> parse_number("3.5"), parse_number(" 1 200 "), parse_number("63,13%")
    (Decimal('3.5'), Decimal('1200'), Decimal('63.13'))
    >>> parse_number("12.345")
    Traceback (most recent call last):
    ...
    kehoach_cli.errors.NumberFormatError: ambiguous: '12.345'
    >>> parse_number("7,000")
    Traceback (most recent call last):
    ...
    kehoach_cli.errors.NumberFormatError: ambiguous: '7,000'
    >>> parse_number("1,187,93")
    Traceback (most recent call last):
    ...
    kehoach_cli.errors.NumberFormatError: bad_grouping: '1,187,93'
    """
    raw = text
    s = unicodedata.normalize("NFKC", text).strip()
    s = _SPACES.sub("", s)
    if s.endswith("%"):
        s = s[:-1]
    s = s.replace("\u2212", "-")  # the minus sign some editors type
    if not s:
        raise NumberFormatError("empty", raw)
    if _PLAIN.fullmatch(s):
        return Decimal(s)
    if not re.fullmatch(r"[+-]?[\d.,]+", s) or not re.search(r"\d", s):
        raise NumberFormatError("not_a_number", raw)
    sign = ""
    if s[0] in "+-":
        sign, s = s[0], s[1:]
    dots, commas = s.count("."), s.count(",")
    if s[0] in ".," or s[-1] in ".,":
        raise NumberFormatError("not_a_number", raw)
    if dots and commas:
        # Both marks: the last one is the decimal mark, the other groups thousands.
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        whole, _, frac = s.rpartition(decimal_mark)
        if decimal_mark in whole or not _groups_ok(whole, group_mark):
            raise NumberFormatError("bad_grouping", raw)
        return Decimal(sign + whole.replace(group_mark, "") + "." + frac)
    mark = "." if dots else ","
    count = dots or commas
    if count > 1:
        if not _groups_ok(s, mark):
            raise NumberFormatError("bad_grouping", raw)
        return Decimal(sign + s.replace(mark, ""))
    whole, _, frac = s.partition(mark)
    if len(frac) == 3 and len(whole) <= 3 and not whole.startswith("0"):
        # "12.345": twelve thousand (Vietnamese) or twelve point three (English)? A count
        # settles it. "7,000": seven thousand as English-locale Excel writes a "#,##0" cell, or
        # seven with the Vietnamese decimal comma? Nothing settles that one, not even a count.
        if integer and mark == ".":
            return Decimal(sign + whole + frac)
        raise NumberFormatError("ambiguous", raw)
    return Decimal(sign + whole + "." + frac)  # "39,83" (Vietnamese) or "39.83"


def _groups_ok(digits: str, mark: str) -> bool:
    groups = digits.split(mark)
    return (
        1 <= len(groups[0]) <= 3
        and all(g.isdigit() for g in groups)
        and all(len(g) == 3 for g in groups[1:])
    )


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """Round as people expect (half up), not as Python does (half even).

    >>> round_half_up(Decimal("2.345"), 2), round_half_up(Decimal("0.5"), 0)
    (Decimal('2.35'), Decimal('1'))
    """
    quantum = _QUANTA.get(decimals)
    if quantum is None:
        quantum = Decimal(1).scaleb(-decimals)
    return value.quantize(quantum, rounding=ROUND_HALF_UP)


_QUANTA = {d: Decimal(1).scaleb(-d) for d in range(0, 7)}  # 1, 0.1, … 0.000001


def decimals_of(value: Decimal) -> int:
    """How many decimals a Decimal was written with.

    >>> decimals_of(Decimal("59.00")), decimals_of(Decimal("323"))
    (2, 0)
    """
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def format_number(
    value: NumberLike | None,
    decimals: int | None = None,
    *,
    lang: str = "vi",
    grouping: bool = True,
) -> str:
    """Write a number for people: Vietnamese "1.234,5", English "1,234.5"; None → "".

    ``decimals`` None keeps the value's own decimals (trailing zeros dropped).

    >>> format_number(Decimal("6700")), format_number(Decimal("39.83")), format_number(None)
    ('6.700', '39,83', '')
    >>> format_number(Decimal("1234567.5"), 2), format_number(Decimal("59"), 2, lang="en")
    ('1.234.567,50', '59.00')
    """
    if value is None:
        return ""
    number = value if isinstance(value, Decimal) else to_decimal(value)
    if decimals is None:
        number = _drop_zeros(number)
        decimals = decimals_of(number)
    else:
        number = round_half_up(number, decimals)
    text = format(number, ("," if grouping else "") + f".{decimals}f")
    if text.startswith("-") and not number.is_zero() and set(text) <= set("-0.,"):
        text = text[1:]
    text = text.replace("-0", "0", 1) if text.startswith("-0") and number.is_zero() else text
    if lang == "en":
        return text
    return text.translate(_SWAP_MARKS)


def format_percent(value: NumberLike | None, decimals: int = 2, *, lang: str = "vi") -> str:
    """ "63,13%" (no space, as Vietnamese reports write it); None → "".

    >>> format_percent(Decimal("51.063829")), format_percent(Decimal("100"), lang="en")
    ('51,06%', '100.00%')
    """
    if value is None:
        return ""
    return format_number(value, decimals, lang=lang, grouping=True) + "%"


def _drop_zeros(number: Decimal) -> Decimal:
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def is_whole(value: Decimal) -> bool:
    """Whether a number has no fractional part.

    >>> is_whole(Decimal("3.0")), is_whole(Decimal("3.5"))
    (True, False)
    """
    try:
        return value == value.to_integral_value()
    except InvalidOperation:  # pragma: no cover - only for NaN/inf, which we never build
        return False


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: whole values as integers, None stays None.

    >>> json_number(Decimal("323")), json_number(Decimal("39.83")), json_number(None)
    (323, 39.83, None)
    """
    if value is None:
        return None
    if is_whole(value):
        return int(value)
    return float(value)
