"""Reporting periods: quarters, 6 months, 9 months and the year, with their data windows.

Windows are half-open ``[start, end)``. Two kinds exist (the plan chooses, DOMAIN.md):

* ``cutoff`` — the data cutoffs of Nghị định 09/2019/NĐ-CP, Art. 12: a quarter runs from the
  15th of the month before it to the 14th of its last month; 6 months, 9 months and the year run
  from 15/12 of the previous year to 14/6, 14/9 and 14/12.
* ``calendar`` — statistical calendar periods: Q2 = 1/4–30/6, 9 months = 1/1–30/9.

Stable ids follow DHIS2 where it has one: ``2024Q2``, ``2024S1`` (6 months), ``2024`` (year);
9 months, which DHIS2 lacks, is ``2024N9`` ("9 tháng").

>>> p = parse_period("q2", year=2024)
>>> p.id, p.window("cutoff"), p.window("calendar")
('2024Q2', Window(start=datetime.date(2024, 3, 15), end=datetime.date(2024, 6, 15)), \
Window(start=datetime.date(2024, 4, 1), end=datetime.date(2024, 7, 1)))
>>> [parse_period(s, year=2024).id for s in ("h1", "6t", "s1", "9m", "9t", "year", "nam")]
['2024S1', '2024S1', '2024S1', '2024N9', '2024N9', '2024', '2024']
>>> [parse_period(s).id for s in ("2024-q2", "2024Q2", "q2/2024", "2024S1", "2024")]
['2024Q2', '2024Q2', '2024Q2', '2024S1', '2024']
>>> [parse_period(s, year=2024).id for s in ("Quý II", "quý 2/2024", "Q2 2024", "6 tháng")]
['2024Q2', '2024Q2', '2024Q2', '2024S1']
>>> [parse_period(s).id for s in ("Quý 2 năm 2024", "II/2024", "Quý II - 2024", "6 tháng năm 2024")]
['2024Q2', '2024Q2', '2024Q2', '2024S1']
>>> [parse_period(s, year=2024).id for s in ("quy2", "quý2", "Quý IV")]
['2024Q2', '2024Q2', '2024Q4']
>>> [parse_period("current", today=date(2024, 6, d)).id for d in (14, 15)]
['2024Q1', '2024Q2']
>>> parse_period("previous", today=date(2024, 6, 20)).id
'2024Q1'
>>> parse_period("current", today=date(2025, 1, 1), windows="calendar").id
'2024Q4'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple

PeriodKind = Literal["quarter", "half", "nine_months", "year"]
WindowKind = Literal["cutoff", "calendar"]

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_ORDER = {"quarter": 0, "half": 1, "nine_months": 2, "year": 3}


class PeriodError(ValueError):
    """A text that names no period; ``text`` is what was given."""

    def __init__(self, text: str, reason: str = "unknown") -> None:
        super().__init__(f"{reason}: {text!r}")
        self.text = text
        self.reason = reason


class Window(NamedTuple):
    """Days ``start`` ≤ d < ``end``."""

    start: date
    end: date

    @property
    def last_day(self) -> date:
        """The last day inside the window (what people write as its end)."""
        return self.end - timedelta(days=1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.end


@dataclass(frozen=True)
class Period:
    """A reporting period of one year: a quarter, the first 6 or 9 months, or the whole year."""

    year: int
    kind: PeriodKind
    number: int = 1  # the quarter's number; 1 for the others

    @property
    def id(self) -> str:
        if self.kind == "quarter":
            return f"{self.year}Q{self.number}"
        if self.kind == "half":
            return f"{self.year}S1"
        if self.kind == "nine_months":
            return f"{self.year}N9"
        return f"{self.year}"

    @property
    def key(self) -> str:
        """The short name used on the command line: q1…q4, h1, 9m, year."""
        return {"quarter": f"q{self.number}", "half": "h1", "nine_months": "9m", "year": "year"}[
            self.kind
        ]

    @property
    def end_quarter(self) -> int:
        """The quarter this period ends with (h1 → 2, 9m → 3, year → 4)."""
        return {"quarter": self.number, "half": 2, "nine_months": 3, "year": 4}[self.kind]

    @property
    def start_quarter(self) -> int:
        return self.number if self.kind == "quarter" else 1

    @property
    def quarters(self) -> tuple[Period, ...]:
        """The quarters this period is made of, in order."""
        return tuple(
            Period(self.year, "quarter", q) for q in range(self.start_quarter, self.end_quarter + 1)
        )

    @property
    def is_year_to_date(self) -> bool:
        """True for periods that start with the year (h1, 9m, year; and q1)."""
        return self.start_quarter == 1

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Chronological by end, a quarter before the longer period ending with it."""
        return (self.year, self.end_quarter, _ORDER[self.kind])

    def window(self, kind: WindowKind = "cutoff") -> Window:
        """The data window ``[start, end)`` of this period.

        >>> Period(2024, "year").window("cutoff")
        Window(start=datetime.date(2023, 12, 15), end=datetime.date(2024, 12, 15))
        >>> Period(2024, "nine_months").window("calendar")
        Window(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 10, 1))
        """
        first_month = 3 * (self.start_quarter - 1) + 1
        last_month = 3 * self.end_quarter
        if kind == "calendar":
            start = date(self.year, first_month, 1)
            if last_month == 12:
                return Window(start, date(self.year + 1, 1, 1))
            return Window(start, date(self.year, last_month + 1, 1))
        if first_month == 1:
            return Window(date(self.year - 1, 12, 15), date(self.year, last_month, 15))
        return Window(date(self.year, first_month - 1, 15), date(self.year, last_month, 15))

    def label(self, lang: str = "vi") -> str:
        """How reports name the period.

        >>> Period(2024, "quarter", 2).label(), Period(2024, "half").label("en")
        ('Quý II năm 2024', 'First 6 months of 2024')
        """
        if lang == "en":
            return {
                "quarter": f"Q{self.number} {self.year}",
                "half": f"First 6 months of {self.year}",
                "nine_months": f"First 9 months of {self.year}",
                "year": f"Year {self.year}",
            }[self.kind]
        return {
            "quarter": f"Quý {_ROMAN[self.number]} năm {self.year}",
            "half": f"6 tháng đầu năm {self.year}",
            "nine_months": f"9 tháng năm {self.year}",
            "year": f"Năm {self.year}",
        }[self.kind]

    def short_label(self, lang: str = "vi") -> str:
        """A column heading: "Quý II", "6 tháng", "9 tháng", "Cả năm".

        >>> [p.short_label() for p in Period(2024, "year").quarters]
        ['Quý I', 'Quý II', 'Quý III', 'Quý IV']
        >>> Period(2024, "half").short_label("en"), Period(2024, "year").short_label()
        ('H1', 'Cả năm')
        """
        if lang == "en":
            return {
                "quarter": f"Q{self.number}",
                "half": "H1",
                "nine_months": "9M",
                "year": "Year",
            }[self.kind]
        return {
            "quarter": f"Quý {_ROMAN[self.number]}",
            "half": "6 tháng",
            "nine_months": "9 tháng",
            "year": "Cả năm",
        }[self.kind]

    def window_text(self, kind: WindowKind = "cutoff", lang: str = "vi") -> tuple[str, str]:
        """The first and the last day of the data window, as people write them.

        >>> Period(2024, "quarter", 2).window_text()
        ('15/03/2024', '14/06/2024')
        >>> Period(2024, "half").window_text("calendar", "en")
        ('2024-01-01', '2024-06-30')
        """
        window = self.window(kind)
        return format_day(window.start, lang), format_day(window.last_day, lang)

    def previous_quarter(self) -> Period:
        """The quarter before this period's last quarter (Q1 → Q4 of the year before)."""
        q = self.end_quarter
        return Period(self.year, "quarter", q - 1) if q > 1 else Period(self.year - 1, "quarter", 4)

    def __str__(self) -> str:
        return self.id


_SHORT = {
    "q1": ("quarter", 1),
    "q2": ("quarter", 2),
    "q3": ("quarter", 3),
    "q4": ("quarter", 4),
    "h1": ("half", 1),
    "6t": ("half", 1),
    "s1": ("half", 1),
    "6m": ("half", 1),
    "9m": ("nine_months", 1),
    "9t": ("nine_months", 1),
    "n9": ("nine_months", 1),
    "year": ("year", 1),
    "nam": ("year", 1),
    "y": ("year", 1),
    "ca-nam": ("year", 1),
    # Vietnamese words and Roman quarter numbers: "quý II", "6 tháng", "9 tháng đầu năm".
    "qi": ("quarter", 1),
    "qii": ("quarter", 2),
    "qiii": ("quarter", 3),
    "qiv": ("quarter", 4),
    "6-thang": ("half", 1),
    "6thang": ("half", 1),
    "6-thang-dau-nam": ("half", 1),
    "9-thang": ("nine_months", 1),
    "9thang": ("nine_months", 1),
    "9-thang-dau-nam": ("nine_months", 1),
}
_CURRENT_WORDS = ("current", "hien-tai", "hientai")
# Words for a period relative to today (``current``, ``previous``), accents folded.
RELATIVE_WORDS = frozenset((*_CURRENT_WORDS, "previous", "truoc", "ky-truoc", "kytruoc"))
_WITH_YEAR_FIRST = re.compile(r"(\d{4})[-/ ]?([a-z0-9-]+)")
_WITH_YEAR_LAST = re.compile(r"([a-z0-9-]+)[-/ ](\d{4})")


def _fold(text: str) -> str:
    """Lower case without Vietnamese accents: "Năm" → "nam", "Quý" → "quy"."""
    decomposed = unicodedata.normalize("NFD", text.strip().lower()).replace("đ", "d")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _normalize(text: str) -> str:
    """Folded, with "quý" as "q" and words joined by "-": "Quý II / 2024" → "qii/2024".

    >>> [_normalize(s) for s in ("Quý 2 năm 2024", "quý2", "Quý II - 2024", "II/2024")]
    ['q2-2024', 'q2', 'qii-2024', 'qii/2024']
    """
    folded = re.sub(r"\s+", " ", _fold(text)).strip()
    folded = re.sub(r"\bquy(?=\b|\d)\s*", "q", folded)  # "quý 2", "quý2"
    folded = re.sub(r"\bq\s+(?=\d|i|v)", "q", folded)
    folded = re.sub(r"\s+nam\s+(?=\d{4}$)", " ", folded)  # "Quý 2 năm 2024"
    folded = re.sub(r"\s*([/-])\s*", r"\1", folded)  # "Quý II - 2024", "q2 / 2024"
    folded = re.sub(r"^(i{1,3}|iv)(?=/\d{4}$)", r"q\1", folded)  # "II/2024": a quarter
    return folded.replace(" ", "-")


def parse_period(
    text: str,
    year: int | None = None,
    today: date | None = None,
    windows: WindowKind = "cutoff",
) -> Period:
    """Read a period as users write it; ``year`` applies when the text has none.

    Without a year in the text or ``year``, the year of ``today`` (default: the real today).
    """
    folded = _normalize(text)
    if not folded:
        raise PeriodError(text, "empty")
    if folded in RELATIVE_WORDS:
        day = today or date.today()
        current = current_period(day, windows)
        if folded in _CURRENT_WORDS:
            return current
        return current.previous_quarter()
    if folded.isdigit() and len(folded) == 4:
        return Period(int(folded), "year")
    found_year = year
    short = folded
    match = _WITH_YEAR_FIRST.fullmatch(folded) or None
    if match and match.group(2) in _SHORT:
        found_year, short = int(match.group(1)), match.group(2)
    else:
        match = _WITH_YEAR_LAST.fullmatch(folded)
        if match and match.group(1) in _SHORT:
            found_year, short = int(match.group(2)), match.group(1)
    if short not in _SHORT:
        raise PeriodError(text)
    if found_year is None:
        found_year = (today or date.today()).year
    if not 2000 <= found_year <= 2100:
        raise PeriodError(text, "year")
    kind, number = _SHORT[short]
    return Period(found_year, kind, number)  # type: ignore[arg-type]


def current_period(today: date, windows: WindowKind = "cutoff") -> Period:
    """The quarter being reported now: the latest whose data window has closed by ``today``.

    >>> current_period(date(2024, 3, 15)).id, current_period(date(2024, 3, 14)).id
    ('2024Q1', '2023Q4')
    >>> current_period(date(2024, 12, 15)).id, current_period(date(2024, 12, 31), "calendar").id
    ('2024Q4', '2024Q3')
    """
    for year in (today.year, today.year - 1):
        for quarter in (4, 3, 2, 1):
            period = Period(year, "quarter", quarter)
            if period.window(windows).end <= today:
                return period
    return Period(today.year - 2, "quarter", 4)  # pragma: no cover - unreachable


def format_day(day: date, lang: str = "vi") -> str:
    """A day as users read it: dd/mm/yyyy in Vietnamese, ISO in English.

    >>> format_day(date(2024, 3, 5)), format_day(date(2024, 3, 5), "en")
    ('05/03/2024', '2024-03-05')
    """
    return day.isoformat() if lang == "en" else day.strftime("%d/%m/%Y")


def add_working_days(day: date, count: int, holidays: frozenset[date] = frozenset()) -> date:
    """The date ``count`` working days after ``day`` (weekends and ``holidays`` skipped).

    >>> add_working_days(date(2024, 6, 14), 2)  # a Friday: Monday 17, Tuesday 18
    datetime.date(2024, 6, 18)
    """
    current = day
    left = count
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            left -= 1
    return current
