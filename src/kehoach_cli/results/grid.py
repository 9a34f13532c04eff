"""A sheet or CSV as a grid of cells → one ResultFile: the metadata block, then the table."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..characters import hidden_in, legacy_encoding
from ..periods import Period, PeriodError, parse_period
from ..plan.model import Plan
from ..problems import Problem, quoted_head
from .common import Where, fold, hidden_params, is_empty, problem, read_number, text_of
from .estimates import ESTIMATE_CHOICES, figure_is_estimate, read_estimate_field
from .model import WHOLE_COMMUNE, Basis, ResultFile, ResultValue

# Labels are compared folded (no accents, lower case); English ones are accepted too.
META_LABELS: dict[str, tuple[str, ...]] = {
    "year": ("nam", "nam bao cao", "year"),
    "period": ("ky bao cao", "ky", "period"),
    "unit": ("don vi bao cao", "don vi", "ma don vi", "unit", "reporting unit"),
    "reporter": ("nguoi bao cao", "nguoi lap bieu", "nguoi lap", "reporter"),
    "reported_on": ("ngay bao cao", "ngay lap", "ngay", "date", "reported on"),
    "basis": ("so lieu", "loai so lieu", "basis"),
    # Estimate or final (#16); "Số liệu" stays the basis, as forms before it wrote it.
    "estimate": (
        "tinh trang so lieu",
        "uoc tinh hay chinh thuc",
        "uoc tinh/chinh thuc",
        "so uoc hay chinh thuc",
        "estimate",
        "estimate or final",
    ),
}
HEADERS = ("TT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Thực hiện", "Ghi chú")
_COLUMN_KEYS: dict[str, tuple[str, ...]] = {
    "code": ("ma chi tieu", "ma", "code"),
    "value": ("thuc hien", "actual", "value"),
    "note": ("ghi chu", "note"),
}
BASIS_WORDS: dict[str, Basis] = {
    "luy ke": "year_to_date",
    "luy ke tu dau nam": "year_to_date",
    "so luy ke": "year_to_date",
    "year_to_date": "year_to_date",
    "year to date": "year_to_date",
    "ytd": "year_to_date",
    "trong ky": "period",
    "so trong ky": "period",
    "so lieu trong ky": "period",
    "rieng ky": "period",
    "period": "period",
}
# A file of a year this close to the plan's is another year's report, skipped with a note;
# further off ("2042" for 2024) it is a typing slip, an error.
OTHER_YEARS = 5
WHOLE_COMMUNE_WORDS = ("toan xa", "toan-xa", "ca xa", "whole commune", "all")
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})")
# "Trà Bùi, ngày 18 tháng 6 năm 2024", as the date line of an official document (folded).
_DATE_WORDS = re.compile(r"\bngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})\b")


@dataclass
class Grid:
    """Rows of raw cell values (0-based), which cells hold formulas, and how to name a cell."""

    rows: list[list[object]]
    where: Callable[[int, int], Where]
    file_where: Where
    formulas: dict[tuple[int, int], bool] = field(default_factory=dict)  # → has a cached value
    # merged ranges (first row, first col, last row, last col), 0-based, inclusive
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # Excel errors: "#DIV/0!"
    percent: set[tuple[int, int]] = field(default_factory=set)  # cells formatted as a %

    def merged_rows(self, col: int) -> Callable[[int], bool]:
        """Whether a row's cell in ``col`` is part of a merged range of more than one cell.

        Asked once per row: scanning every range each time made a sheet with 200 000 merges and
        2 000 rows take 18 s (100 000 of each: hours). The rows covered are joined into sorted
        intervals once, and a row is looked up by bisection.
        """
        spans = sorted(
            (r0, r1) for r0, c0, r1, c1 in self.merged if c0 <= col <= c1 and (r0, c0) != (r1, c1)
        )
        starts: list[int] = []
        ends: list[int] = []
        for r0, r1 in spans:
            if ends and r0 <= ends[-1] + 1:
                ends[-1] = max(ends[-1], r1)
            else:
                starts.append(r0)
                ends.append(r1)

        def covered(row: int) -> bool:
            at = bisect_right(starts, row) - 1
            return at >= 0 and row <= ends[at]

        return covered

    def get(self, row: int, col: int) -> object:
        if row < len(self.rows) and col < len(self.rows[row]):
            return self.rows[row][col]
        return None


@dataclass
class Meta:
    year: int | None = None
    period: Period | None = None
    unit: str | None = None
    reporter: str | None = None
    reported_on: date | None = None
    basis: Basis = "year_to_date"
    estimate: bool | None = None  # the file's "Tình trạng số liệu"; None: not stated
    fatal: bool = False

    def result_file(
        self, source: str, values: list[ResultValue], sheet: str | None = None
    ) -> ResultFile | None:
        """The file's results, or None when its metadata does not identify it."""
        if self.fatal or self.year is None or self.period is None or self.unit is None:
            return None
        return ResultFile(
            source=source,
            year=self.year,
            period=self.period,
            unit=self.unit,
            values=tuple(self._flagged(values)),
            basis=self.basis,
            reporter=self.reporter,
            reported_on=self.reported_on,
            sheet=sheet,
            estimate=self.estimate,
        )

    def _flagged(self, values: list[ResultValue]) -> list[ResultValue]:
        """Each figure marked estimate or final: its note, else this file's field."""
        from dataclasses import replace

        return [
            replace(v, estimate=True) if figure_is_estimate(self.estimate, v.note) else v
            for v in values
        ]


def read_grid(grid: Grid, plan: Plan, source: str) -> tuple[ResultFile | None, list[Problem]]:
    """Parse a whole grid; the ResultFile is None when the file cannot be identified."""
    problems: list[Problem] = []
    if all(is_empty(v) for row in grid.rows for v in row):
        return None, [problem("empty_file", grid.file_where)]
    header_row = _find_header(grid)
    if header_row is None:
        legacy = _legacy_cell(grid)
        if legacy is not None:
            return None, [legacy]
        labels = ", ".join(f'"{h}"' for h in ("Mã chỉ tiêu", "Thực hiện"))
        return None, [problem("header_missing", grid.file_where, labels=labels)]
    columns = _columns(grid, header_row)
    missing = [
        label
        for key, label in (("code", "Mã chỉ tiêu"), ("value", "Thực hiện"))
        if key not in columns
    ]
    if missing:
        where = grid.where(header_row, 0)
        return None, [problem("header_missing", where, labels=", ".join(f'"{m}"' for m in missing))]
    twice = _value_columns_twice(grid, header_row)
    if twice is not None:
        return None, [twice]
    meta = _read_meta(grid, header_row, plan, problems)
    values = _read_table(grid, header_row, columns, plan, meta, problems)
    return meta.result_file(source, values, grid.file_where.sheet), problems


def _legacy_cell(grid: Grid) -> Problem | None:
    """The first text cell typed in an old Vietnamese font, as a problem, or None."""
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            encoding = legacy_encoding(value) if isinstance(value, str) else None
            if encoding:
                shown = quoted_head(text_of(value))
                return problem("legacy_font", grid.where(r, c), value=shown, encoding=encoding)
    return None


def _find_header(grid: Grid) -> int | None:
    for r, row in enumerate(grid.rows):
        if any(fold(text_of(v)) in _COLUMN_KEYS["code"][:1] for v in row):
            return r
    return None


def _columns(grid: Grid, header_row: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for c, raw in enumerate(grid.rows[header_row]):
        label = fold(text_of(raw))
        for key, words in _COLUMN_KEYS.items():
            if label in words and key not in found:
                found[key] = c
    return found


def _value_columns_twice(grid: Grid, header_row: int) -> Problem | None:
    """Two "Thực hiện" columns (a copied column, "Thực hiện" beside "Actual"): either could
    hold the figures, so neither is read (issue #13)."""
    places = [
        grid.where(header_row, c).location or ""
        for c, raw in enumerate(grid.rows[header_row])
        if fold(text_of(raw)) in _COLUMN_KEYS["value"]
    ]
    if len(places) < 2:
        return None
    return problem("columns_ambiguous", grid.file_where, label="Thực hiện", cells=", ".join(places))


def _read_meta(grid: Grid, header_row: int, plan: Plan, problems: list[Problem]) -> Meta:
    """The label/value pairs above the table: a label cell, its value in the cell to its right."""
    cells: dict[str, tuple[object, Where, Where]] = {}
    for r in range(header_row):
        row = grid.rows[r]
        for c, raw in enumerate(row):
            label = fold(text_of(raw))
            key = next((k for k, words in META_LABELS.items() if label in words), None)
            if key is None or key in cells:
                continue
            # The value sits right of its label; hints further right are not read.
            cells[key] = (grid.get(r, c + 1), grid.where(r, c + 1), grid.where(r, c))
            break
    basis = cells.get("basis")
    if basis and "estimate" not in cells and read_estimate_field(text_of(basis[0])) is not None:
        # "Số liệu: Ước thực hiện" in a hand-made form: the field it means, not a basis.
        cells["estimate"] = cells.pop("basis")
    return parse_meta(cells, plan, grid.file_where, problems)


def parse_meta(
    cells: dict[str, tuple[object, Where, Where]],
    plan: Plan,
    file_where: Where,
    problems: list[Problem],
) -> Meta:
    """Check the metadata of any format; ``cells`` maps a key to (value, its place, label place).

    Year, period and unit are needed to use the figures (a problem there is fatal); the
    reporter, the date and the basis are wanted, their problems are warnings or local."""
    meta = Meta()

    def at(key: str) -> Where:
        return cells[key][1] if key in cells else file_where

    def raw(key: str) -> object:
        return cells[key][0] if key in cells else None

    found: list[Problem] = []
    meta.year = _meta_year(raw("year"), at("year"), plan, found)
    meta.period = _meta_period(raw("period"), at("period"), meta.year, plan, found)
    meta.unit = _meta_unit(raw("unit"), at("unit"), plan, found)
    # Without its year, period or unit a file's figures cannot be placed (last year's file,
    # only a warning, included).
    meta.fatal = meta.year is None or meta.period is None or meta.unit is None
    meta.reporter = _meta_reporter(raw("reporter"), at("reporter"), found)
    meta.reported_on = _meta_day(raw("reported_on"), at("reported_on"), found)
    basis = _meta_basis(raw("basis"), at("basis"), found)
    if basis is not None:
        meta.basis = basis
    meta.estimate = _meta_estimate(raw("estimate"), at("estimate"), found)
    problems += found
    return meta


def _meta_year(raw: object, where: Where, plan: Plan, problems: list[Problem]) -> int | None:
    if is_empty(raw):
        problems.append(problem("year_missing", where))
        return None
    year = _as_int(raw)
    if year is None:
        problems.append(_unreadable("year_invalid", raw, where))
        return None
    if year == plan.year:
        return year
    # Last year's folder left under the results: a note, never "fix the year" (#13). Still
    # fatal for this file: its figures are not this plan's.
    if abs(year - plan.year) <= OTHER_YEARS:
        note = problem("other_year", where, severity="warning", value=year, plan_year=plan.year)
        problems.append(note)
    else:
        problems.append(problem("year_not_in_plan", where, value=year, plan_year=plan.year))
    return None


def _meta_period(
    raw: object, where: Where, year: int | None, plan: Plan, problems: list[Problem]
) -> Period | None:
    if is_empty(raw):
        problems.append(problem("period_missing", where))
        return None
    period = parse_period_cell(raw, year or plan.year)
    if period is None:
        problems.append(_unreadable("period_invalid", raw, where))
        return None
    if year is not None and period.year != year:
        problems.append(problem("period_not_in_plan", where, value=text_of(raw), year=year))
        return None
    return period


def _meta_unit(raw: object, where: Where, plan: Plan, problems: list[Problem]) -> str | None:
    if is_empty(raw):
        problems.append(problem("unit_missing", where))
        return None
    unit = match_unit(text_of(raw), plan)
    if unit is None:
        codes = ", ".join(u.code for u in plan.reporting_units)
        problems.append(_unreadable("unknown_unit", raw, where, units=codes))
    return unit


def _meta_reporter(raw: object, where: Where, problems: list[Problem]) -> str | None:
    reporter = text_of(raw)
    if not reporter:
        problems.append(problem("reporter_missing", where, severity="warning"))
        return None
    encoding = legacy_encoding(reporter)
    if encoding:  # the name would go garbled into the report
        problems.append(
            problem(
                "legacy_font",
                where,
                severity="warning",
                value=quoted_head(reporter),
                encoding=encoding,
            )
        )
    return reporter


def _meta_day(raw: object, where: Where, problems: list[Problem]) -> date | None:
    if is_empty(raw):
        problems.append(problem("date_missing", where, severity="warning"))
        return None
    day = _as_date(raw)
    if day is None:
        problems.append(_unreadable("date_invalid", raw, where))
    return day


def _meta_basis(raw: object, where: Where, problems: list[Problem]) -> Basis | None:
    text = text_of(raw)
    if not text:
        return None
    basis = BASIS_WORDS.get(fold(text))
    if basis is None:
        problems.append(problem("basis_invalid", where, value=text))
    return basis


def _meta_estimate(raw: object, where: Where, problems: list[Problem]) -> bool | None:
    """The file's "Tình trạng số liệu": True an estimate, False final, None not stated."""
    if isinstance(raw, bool):  # YAML's ``estimate: true``
        return raw
    text = text_of(raw)
    if not text:
        return None
    found = read_estimate_field(text)
    if found is None:
        choices = " hoặc ".join(f'"{c}"' for c in ESTIMATE_CHOICES)
        problems.append(
            problem("estimate_invalid", where, severity="warning", value=text, choices=choices)
        )
    return found


def _unreadable(code: str, raw: object, where: Where, **params: object) -> Problem:
    """The problem of a value that cannot be read: named for the hidden characters or the old
    font encoding that make it so, when that is why, or else ``code`` quoting the value."""
    text = raw if isinstance(raw, str) else text_of(raw)
    if hidden_in(text):
        return problem(
            "hidden_characters",
            where,
            severity="error",
            indicator=None,
            **dict(hidden_params(text)),
        )
    encoding = legacy_encoding(text)
    if encoding:
        return problem("legacy_font", where, value=quoted_head(text), encoding=encoding)
    params.setdefault("value", text_of(raw))
    return problem(code, where, severity="error", indicator=None, **params)


def parse_period_cell(raw: object, year: int) -> Period | None:
    """ "2024Q2", "q2/2024", "Quý II năm 2024", "6 tháng đầu năm 2024", 2024 → a Period."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        number = _as_int(raw)
        return Period(number, "year") if number else None
    text = text_of(raw)
    folded = fold(text)
    for candidate_year in {year, *(int(y) for y in re.findall(r"\d{4}", text))}:
        candidates = [Period(candidate_year, "quarter", q) for q in (1, 2, 3, 4)]
        candidates += [Period(candidate_year, k) for k in ("half", "nine_months", "year")]
        for period in candidates:
            if folded in (fold(period.label("vi")), fold(period.label("en"))):
                return period
    try:
        return parse_period(text, year=year)
    except PeriodError:
        return None


def match_unit(text: str, plan: Plan) -> str | None:
    """A unit's code from its code, name or short name; the whole commune's reserved code."""
    folded = fold(text)
    if folded in WHOLE_COMMUNE_WORDS or text == WHOLE_COMMUNE:
        return WHOLE_COMMUNE
    for unit in plan.reporting_units:
        names = (unit.code, unit.name, unit.short_name or unit.code)
        if folded in {fold(n) for n in names}:
            return unit.code
    return None


def _as_int(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    text = text_of(raw)
    # ASCII only: "²⁰²⁴" passes str.isdigit() but not int(), and int() refuses past 4300 digits.
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def _as_date(raw: object) -> date | None:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 36526 <= raw < 73051:
        # A date typed into a cell without a date format: Excel's day count from 30/12/1899.
        return date(1899, 12, 30) + timedelta(days=int(raw))
    text = text_of(raw)
    match = _DATE.fullmatch(text) or _DATE_WORDS.search(fold(text))
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            # "18/06/24": two digits are this century's year, as Excel reads them.
            return date(year + 2000 if year < 100 else year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None


def _read_table(
    grid: Grid,
    header_row: int,
    columns: dict[str, int],
    plan: Plan,
    meta: Meta,
    problems: list[Problem],
) -> list[ResultValue]:
    values: list[ResultValue] = []
    seen: dict[str, Where] = {}
    code_col, value_col = columns["code"], columns["value"]
    note_col = columns.get("note")
    # The loop runs once per indicator: cells are read straight from the row, and a place is
    # named (a string built) only for a row that gives a value or a problem.
    rows, formulas, where, errors = grid.rows, grid.formulas, grid.where, grid.errors
    merged = grid.merged_rows(value_col) if grid.merged else None
    for r in range(header_row + 1, len(rows)):
        row = rows[r]
        width = len(row)
        code_raw = row[code_col] if code_col < width else None
        raw = row[value_col] if value_col < width else None
        formula = formulas.get((r, value_col)) if formulas else None
        error = errors.get((r, value_col)) if errors else None
        code = text_of(code_raw).lower()
        if not code:
            if not is_empty(raw) and formula is None:
                problems.append(problem("code_missing", where(r, value_col), value=text_of(raw)))
            continue
        value_at = where(r, value_col)
        if merged is not None and merged(r):
            # A merge across "Thực hiện" hides the figure (Excel keeps only the first cell).
            problems.append(problem("merged_value_cell", value_at, indicator=code))
            continue
        note = text_of(row[note_col]) if note_col is not None and note_col < width else ""
        values_item = read_row(
            code,
            raw,
            note or None,
            formula,
            where(r, code_col),
            value_at,
            plan,
            meta.unit,
            seen,
            problems,
            error,
            percent=(r, value_col) in grid.percent,
            code_raw=code_raw,
        )
        if values_item is not None:
            values.append(values_item)
    return values


def read_row(
    code: str,
    raw: object,
    note: str | None,
    formula: bool | None,
    code_at: Where,
    value_at: Where,
    plan: Plan,
    unit: str | None,
    seen: dict[str, Where],
    problems: list[Problem],
    error: str | None = None,
    *,
    percent: bool = False,
    code_raw: object = None,
) -> ResultValue | None:
    """One indicator's row in any format; ``formula`` None: no formula, else whether cached;
    ``error`` the Excel error the value cell holds ("#DIV/0!"), if any; ``percent`` whether the
    value cell is formatted as a percentage."""
    ind = plan.indicator(code)
    if ind is None:
        typed = code_raw if isinstance(code_raw, str) else code
        problems.append(_unreadable("unknown_indicator", typed, code_at, value=code))
        return None
    if code in seen:
        problems.append(
            problem("duplicate_indicator", code_at, indicator=code, first=seen[code].shown)
        )
        return None
    seen[code] = code_at
    if ind.derived and formula is not None:
        return None  # the form computes it; the engine computes it again from the components
    if error is not None:
        problems.append(problem("cell_error", value_at, indicator=code, value=error))
        return None
    if formula is False:
        problems.append(problem("formula_no_value", value_at, indicator=code))
        return None
    cell = read_number(raw, ind, percent=percent)
    if cell.code is not None:
        params = dict(cell.params)
        problems.append(
            problem(cell.code, value_at, severity=cell.severity, indicator=code, **params)
        )
        if cell.severity == "error":
            return None
    if ind.derived and cell.value is None:
        return None
    if unit and unit != WHOLE_COMMUNE and ind.responsible != unit and cell.value is not None:
        problems.append(
            problem(
                "indicator_other_unit",
                value_at,
                severity="warning",
                indicator=code,
                unit=unit,
                owner=ind.responsible,
            )
        )
    return ResultValue(
        code=code,
        value=cell.value,
        note=note,
        location=value_at.location,
        cell=value_at.cell,
        line=value_at.line,
    )
