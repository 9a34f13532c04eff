"""Results reported by the commune's units: one file = one unit × one period.

These models are what the readers (``results``) produce and what the completion engine
consumes; they know nothing of file formats. Values are exact Decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ..periods import Period

Basis = Literal["year_to_date", "period"]

# The reserved unit code of a form filled for the whole commune (``kehoach template`` without
# ``--unit``): it may report any indicator, and no unit's ownership is checked.
WHOLE_COMMUNE = "toan-xa"


@dataclass(frozen=True, slots=True)
class ResultValue:
    """The figure a unit reported for one indicator, and where it was read."""

    code: str
    value: Decimal | None  # None: the unit left the cell empty
    note: str | None = None
    location: str | None = None  # "Kết quả!F12", "dòng 14"
    cell: str | None = None  # "F12" (workbooks and CSV)
    line: int | None = None  # CSV and YAML
    # An estimate ("ước thực hiện") rather than a final figure: the row's note, else the
    # file's "Tình trạng số liệu" (results/estimates.py has the rule).
    estimate: bool = False


@dataclass(frozen=True)
class ResultFile:
    """One results file as read: who reported which period, and the values.

    ``basis`` says whether flow values are year-to-date ("lũy kế", the default) or the
    period's own values. ``source`` is the path as shown to users; ``modified`` the file's time.
    ``estimate`` is the file's "Tình trạng số liệu": True "Ước thực hiện", False "Chính thức",
    None when the file does not say (its figures are then final unless their note says not).
    """

    source: str
    year: int
    period: Period
    unit: str
    values: tuple[ResultValue, ...]
    basis: Basis = "year_to_date"
    reporter: str | None = None
    reported_on: date | None = None
    modified: datetime | None = None
    sheet: str | None = None
    estimate: bool | None = None

    def value_of(self, code: str) -> ResultValue | None:
        for item in self.values:
            if item.code == code:
                return item
        return None

    @property
    def is_whole_commune(self) -> bool:
        """A form filled on behalf of the whole commune rather than by one unit."""
        return self.unit == WHOLE_COMMUNE


@dataclass
class ResultSet:
    """All results files read for a plan (any periods), in a stable order."""

    files: list[ResultFile] = field(default_factory=list)

    def for_period(self, period: Period) -> list[ResultFile]:
        return [f for f in self.files if f.period == period]

    def up_to(self, period: Period) -> list[ResultFile]:
        """Files of the same year whose period ends no later than ``period``."""
        return [
            f
            for f in self.files
            if f.period.year == period.year and f.period.end_quarter <= period.end_quarter
        ]

    def values_for(self, period: Period) -> dict[str, ResultValue]:
        """The value of each indicator reported for ``period`` (first file with a figure wins;
        ``kehoach validate`` reports files that disagree)."""
        found: dict[str, ResultValue] = {}
        for result in self.for_period(period):
            for item in result.values:
                if item.value is not None and item.code not in found:
                    found[item.code] = item
        return found
