"""The plan and its indicator table as Pydantic models; no file I/O here.

A plan file holds a *table* of rows, as signed. A row with ``code`` defines an indicator, a row
with ``ref`` shows an indicator defined elsewhere, any other row is a heading. ``Plan.indicators``
is the flat list of indicators in table order, each with its path of ancestor names.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.dataclasses import dataclass as pydantic_dataclass

from ..errors import NumberFormatError
from ..numbers import decimals_of, parse_number

Kind = Literal["flow", "stock", "rate"]
Direction = Literal["higher", "lower", "none"]
WindowKind = Literal["cutoff", "calendar"]
QUARTER_KEYS = ("q1", "q2", "q3", "q4")


# No commune target reaches 10^15 (a thousand trillion); past 10^28 Decimal's default context
# cannot even round one, and the report would fail on it naming no file or line (the results
# readers refuse figures from the same bound: results.common).
_TOO_LARGE = 10**15


def _vietnamese_number(value: Any) -> Any:
    """Accept a target typed as Vietnamese text ("39,83") as well as a YAML number."""
    if isinstance(value, str):
        try:
            value = parse_number(value)
        except NumberFormatError as exc:
            raise ValueError(f"number:{exc.code}") from exc
    elif isinstance(value, bool):
        raise ValueError("number:not_a_number")
    finite = (
        (isinstance(value, Decimal) and value.is_finite())
        or (isinstance(value, float) and math.isfinite(value))
        or isinstance(value, int)
    )
    if finite and not -_TOO_LARGE < value < _TOO_LARGE:
        raise ValueError("number:too_large")
    return value


VnDecimal = Annotated[Decimal, BeforeValidator(_vietnamese_number)]


_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, **_CONFIG)


class Signer(_Model):
    name: str
    title: str = "Chủ tịch"
    on_behalf: str = "TM. ỦY BAN NHÂN DÂN"


class PlanMeta(_Model):
    code: str
    year: int = Field(ge=2000, le=2100)
    title: str
    issuer: str
    parent_body: str
    commune: str
    district: str | None = None
    province: str | None = None
    place: str
    implements: list[str] = []
    signer: Signer
    recipients: list[str] = []
    document_number: str | None = None
    document_date: date | None = None
    # A plan still being prepared (``kehoach plan new``, ``kehoach plan import``): it loads and
    # reports as any other, and ``validate`` lists what is left to do (targets to fill, guesses
    # to confirm) as warnings. The officer deletes the line once the plan is signed.
    draft: bool = False


class Reporting(_Model):
    windows: WindowKind = "cutoff"
    deadline_working_days: int = Field(default=2, ge=0, le=60)
    holidays: list[date] = []  # days off besides Vietnam's public holidays (a local day off)
    # Saturdays or Sundays worked in exchange for a bridge day (2024: Saturday 4/5 for 29/4).
    working_days: list[date] = []
    # Vietnam's public holidays (the ``holidays`` package) are days off for deadlines; false:
    # only ``holidays`` and weekends.
    public_holidays: bool = True
    # The office's Word template for the .docx report, relative to the plan's folder
    # (``kehoach docx-template`` writes the built-in one out to edit).
    docx_template: str | None = None


class ReportingUnit(_Model):
    code: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    short_name: str | None = None  # for narrow tables: "ĐC-NN", "Trạm Y tế"


class Baseline(_Model):
    """Where a lower-is-better rate starts from: last year's figure and the document giving it."""

    value: VnDecimal
    source: str = Field(min_length=1)


class HarvestedArea(_Model):
    """The area of a crop harvested so far (year to date): a yield is the output of the crops
    harvested over this area. Units report it on the form under the crop; it has no target and
    is not one of the plan's indicators (not counted, not ranked)."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    for_yield: str  # the yield indicator whose formula divides by it
    # The area sown, whose target the harvested area reaches by the year's end: the plan check
    # tests the yield's target against output ÷ this target (235 × 10 ÷ 59 = 39,83).
    sown_area: str | None = None
    name: str = "Diện tích thu hoạch"
    unit: str = "Ha"


# The statuses an indicator judged at a period can have: what a scoring rule gives points to.
ScoredStatus = Literal[
    "exceeded",
    "achieved",
    "on_track",
    "behind",
    "not_yet_achieved",
    "not_achieved",
    "no_data",
]
SCORED_STATUSES: tuple[ScoredStatus, ...] = get_args(ScoredStatus)


class RankingRule(_Model):
    """The commune's scoring table for the emulation ranking ("bảng tiêu chí, thang điểm").

    Each indicator a unit reports itself earns ``points`` for its status, times its ``weight``
    (1 unless given); units rank by their points over the most they could earn. A status not
    listed earns 0.
    """

    name: str | None = None  # "Bảng điểm thi đua năm 2024 (Quyết định số …)"
    points: dict[ScoredStatus, VnDecimal]
    weights: dict[str, VnDecimal] = {}  # indicator code → weight
    min_indicators: int = Field(default=3, ge=1)  # fewer: the unit is marked


# kehoach's own rule, when the plan has none: one point for each indicator exceeded, achieved or
# on track, so units rank by the share of their indicators doing well.
DEFAULT_RANKING = RankingRule(
    points={"exceeded": Decimal(1), "achieved": Decimal(1), "on_track": Decimal(1)}
)


class CommendationRule(_Model):
    """Who the year's report proposes for commendation ("đề nghị khen thưởng").

    A unit is proposed when the emulation ranking puts it at ``top`` or higher (units tied share
    a rank) and, with ``all_achieved``, every indicator it was ranked on reached its target
    (exceeded or achieved). The council decides; the report lists the proposals and the rule.
    """

    award: str = Field(default="Giấy khen của Chủ tịch Ủy ban nhân dân xã", min_length=1)
    top: int = Field(default=1, ge=1, le=100)
    all_achieved: bool = True


# kehoach's proposal rule when the plan gives none (docs/plan-format.md, "commendation").
DEFAULT_COMMENDATION = CommendationRule()


class EmulationItem(_Model):
    label: str
    text: str


# A plan of 50 000 indicators has as many rows, all kept while the plan is in use. As a model
# each row would carry a __dict__ and a set of the fields it was given (~1.2 KB); a pydantic
# dataclass with slots holds its 15 fields alone (~150 bytes) and is validated the same way.
# (plan.io maps the dataclass's few differently named error types back to the model's.)
@pydantic_dataclass(frozen=True, slots=True, kw_only=True, config=_CONFIG)
class Row:
    """One row of the signed table: a heading, an indicator, or a second showing of one."""

    tt: str | None = None
    name: str
    code: Annotated[str | None, Field(pattern=r"^[a-z][a-z0-9_]*$")] = None
    ref: str | None = None
    unit: str | None = None
    target: VnDecimal | None = None
    kind: Kind | None = None
    direction: Direction | None = None
    responsible: str | None = None
    formula: str | None = None
    decimals: Annotated[int | None, Field(ge=0, le=6)] = None
    expected_progress: dict[Literal["q1", "q2", "q3", "q4"], VnDecimal] | None = None
    breakdown: bool = False
    note: str | None = None
    # The name a sentence of the report gives the indicator when its name in the table does not
    # read alone ("Diện tích" under "Lúa" → "Diện tích gieo trồng lúa"); without it the report
    # builds one from the table (render/prose.py).
    report_name: Annotated[str | None, Field(min_length=1, max_length=200)] = None
    # Assessed only at the annual review (poor households): "đánh giá cuối năm" before Q4.
    year_end_only: bool = False
    baseline: Baseline | None = None
    # A factory, not ``= []``: every row gets its own list. (Annotated: a pydantic dataclass
    # validates the fields given a ``= Field(...)`` first, which would change the errors' order.)
    children: Annotated[list[Row], Field(default_factory=list)]

    @model_validator(mode="after")
    def _shape(self) -> Row:
        # Runs for every row: the common, valid rows pass with a few attribute reads.
        if self.code:
            if self.ref:
                raise ValueError("row:code_and_ref")
            if self.unit and self.kind and self.direction and self.responsible:
                return self
            required = ("unit", "kind", "direction", "responsible")
            missing = [k for k in required if not getattr(self, k)]
            raise ValueError("row:missing:" + ",".join(missing))
        if (
            self.unit is None
            and self.target is None
            and self.kind is None
            and self.direction is None
            and self.responsible is None
            and self.formula is None
        ):
            return self
        extra = [
            k
            for k in ("unit", "target", "kind", "direction", "responsible", "formula")
            if getattr(self, k) is not None
        ]
        raise ValueError("row:heading_with:" + ",".join(extra))


@dataclass(frozen=True)
class Indicator:
    """An indicator of the plan, flattened out of the table."""

    code: str
    name: str
    path: tuple[str, ...]
    tt: str | None
    unit: str
    target: Decimal | None
    kind: Kind
    direction: Direction
    responsible: str
    formula: str | None
    decimals: int
    expected_progress: dict[str, Decimal] | None
    section: str
    group: str
    row_path: tuple[int, ...]
    year_end_only: bool = False
    baseline: Baseline | None = None
    report_name: str | None = None  # the plan's spoken name, if it gives one
    shown_at: tuple[tuple[int, ...], ...] = field(default=())

    @property
    def derived(self) -> bool:
        return self.formula is not None

    @property
    def is_count(self) -> bool:
        """Counted in whole units (Con, Người, Hộ, Học sinh, Cháu)."""
        return self.unit in COUNT_UNITS

    @property
    def is_percentage(self) -> bool:
        return self.unit == "%"

    @property
    def full_name(self) -> str:
        """The name with the ancestors that give it meaning: "Lúa › Diện tích"."""
        return " › ".join(self.path[2:]) if len(self.path) > 2 else self.name


COUNT_UNITS = frozenset({"Con", "Người", "Hộ", "Học sinh", "Cháu"})


def _new_indicator(
    code: str,
    name: str,
    path: tuple[str, ...],
    tt: str | None,
    unit: str,
    target: Decimal | None,
    kind: Kind,
    direction: Direction,
    responsible: str,
    formula: str | None,
    decimals: int,
    expected_progress: dict[str, Decimal] | None,
    section: str,
    group: str,
    row_path: tuple[int, ...],
    year_end_only: bool = False,
    baseline: Baseline | None = None,
    report_name: str | None = None,
) -> Indicator:
    """An Indicator as ``Indicator(...)`` makes it, all but its last field, ``shown_at``, which
    ``_set_shown_at`` writes once every row is seen (a ref may follow what it shows).

    A frozen dataclass's ``__init__`` sets its 18 fields one by one through
    ``object.__setattr__``: a third of building 50 000 indicators. Here they are written into
    the instance's dict, in field order so that it keeps sharing its keys with the class's
    other instances (``__dict__.update`` would be faster still, but doubles each one's size).
    Built straight from the row, not from a dict of its values: 50 000 such dicts were ~30 MB
    more at the peak of reading a plan.
    """
    indicator = object.__new__(Indicator)
    attributes = indicator.__dict__
    attributes["code"] = code
    attributes["name"] = name
    attributes["path"] = path
    attributes["tt"] = tt
    attributes["unit"] = unit
    attributes["target"] = target
    attributes["kind"] = kind
    attributes["direction"] = direction
    attributes["responsible"] = responsible
    attributes["formula"] = formula
    attributes["decimals"] = decimals
    attributes["expected_progress"] = expected_progress
    attributes["section"] = section
    attributes["group"] = group
    attributes["row_path"] = row_path
    attributes["year_end_only"] = year_end_only
    attributes["baseline"] = baseline
    attributes["report_name"] = report_name
    return indicator


def _set_shown_at(indicator: Indicator, shown_at: tuple[tuple[int, ...], ...]) -> None:
    # The last field, so written last: the dict keeps sharing its keys (see _new_indicator).
    indicator.__dict__["shown_at"] = shown_at


def _clean_name(name: str) -> str:
    """A row's name as part of an indicator's path: without a trailing colon ("Trong đó:")."""
    return name.rstrip(":").strip()


@dataclass(frozen=True)
class TableRow:
    """A row as displayed, in table order, with its depth and what it shows."""

    row_path: tuple[int, ...]
    depth: int
    tt: str | None
    name: str
    indicator: str | None  # code of the indicator shown, if any
    is_ref: bool
    breakdown_lead: bool  # first component under a "Trong đó:" parent


class Plan(_Model):
    schema_version: Literal[1]
    plan: PlanMeta
    reporting: Reporting = Reporting()
    units_of_measure: list[str]
    reporting_units: list[ReportingUnit]
    emulation_contents: list[EmulationItem] = []
    harvested_areas: list[HarvestedArea] = []
    ranking: RankingRule | None = None
    commendation: CommendationRule | None = None
    table: list[Row]

    @property
    def year(self) -> int:
        return self.plan.year

    def walk(self) -> Iterator[tuple[tuple[int, ...], tuple[Row, ...]]]:
        """Every row in table order with its index path and its ancestors-and-self."""
        # A stack rather than nested generators: each row costs the same at any depth.
        stack: list[tuple[tuple[int, ...], tuple[Row, ...]]] = [
            ((i,), (row,)) for i, row in reversed(list(enumerate(self.table)))
        ]
        while stack:
            path, chain = stack.pop()
            yield path, chain
            children = chain[-1].children
            for i in range(len(children) - 1, -1, -1):
                stack.append(((*path, i), (*chain, children[i])))

    def each_row(self) -> Iterator[tuple[tuple[int, ...], Row]]:
        """Every row in table order with its index path (``walk`` without the ancestors)."""
        stack: list[tuple[tuple[int, ...], Row]] = [
            ((i,), row) for i, row in reversed(list(enumerate(self.table)))
        ]
        while stack:
            path, row = stack.pop()
            yield path, row
            children = row.children
            for i in range(len(children) - 1, -1, -1):
                stack.append(((*path, i), children[i]))

    @cached_property
    def indicators(self) -> list[Indicator]:
        found: list[Indicator] = []
        shown: dict[str, list[tuple[int, ...]]] = {}
        # The walk, carrying the cleaned names of the ancestors-and-self instead of the rows: each
        # name is cleaned once, not once per indicator under it.
        stack: list[tuple[tuple[int, ...], Row, tuple[str, ...]]] = [
            ((i,), row, (_clean_name(row.name),))
            for i, row in reversed(list(enumerate(self.table)))
        ]
        while stack:
            path, row, names = stack.pop()
            children = row.children
            for i in range(len(children) - 1, -1, -1):
                child = children[i]
                stack.append(((*path, i), child, (*names, _clean_name(child.name))))
            if row.ref:
                shown.setdefault(row.ref, []).append(path)
            code = row.code
            if not code:
                continue
            shown.setdefault(code, []).insert(0, path)
            assert row.unit and row.kind and row.direction and row.responsible
            target = row.target
            decimals = row.decimals
            if decimals is None:
                decimals = decimals_of(target) if target is not None else 0
            progress = row.expected_progress
            found.append(
                _new_indicator(
                    code,
                    row.name,
                    names,
                    row.tt,
                    row.unit,
                    target,
                    row.kind,
                    row.direction,
                    row.responsible,
                    row.formula,
                    decimals,
                    {str(k): v for k, v in progress.items()} if progress else None,
                    names[0],
                    names[1] if len(names) > 2 else names[0],
                    path,
                    row.year_end_only,
                    row.baseline,
                    row.report_name,
                )
            )
        # Built once all rows are seen: a ref may come after the indicator it shows.
        for indicator in found:
            _set_shown_at(indicator, tuple(shown.get(indicator.code, [indicator.row_path])))
        return found

    @cached_property
    def supporting(self) -> list[Indicator]:
        """Figures units report that are not targets: the harvested areas, each placed with
        the yield it serves (its responsible unit, section and group)."""
        table = {ind.code: ind for ind in self.indicators}
        found: list[Indicator] = []
        for area in self.harvested_areas:
            served = table.get(area.for_yield)
            if served is None:
                continue  # the plan check reports the unknown yield
            found.append(
                _new_indicator(
                    area.code,
                    area.name,
                    (*served.path[:-1], area.name),
                    None,
                    area.unit,
                    None,
                    "flow",
                    "higher",
                    served.responsible,
                    None,
                    2,
                    None,
                    served.section,
                    served.group,
                    served.row_path,
                )
            )
            _set_shown_at(found[-1], ())
        return found

    @cached_property
    def harvested_area_of(self) -> dict[str, str]:
        """yield code → the code of its harvested area."""
        return {area.for_yield: area.code for area in self.harvested_areas}

    @cached_property
    def by_code(self) -> dict[str, Indicator]:
        """Every code a results file may give: the indicators and the supporting figures."""
        found = {ind.code: ind for ind in self.indicators}
        for ind in self.supporting:
            found.setdefault(ind.code, ind)
        return found

    def indicator(self, code: str) -> Indicator | None:
        return self.by_code.get(code)

    @cached_property
    def rows(self) -> list[TableRow]:
        out: list[TableRow] = []
        for path, chain in self.walk():
            row = chain[-1]
            parent = chain[-2] if len(chain) > 1 else None
            out.append(
                TableRow(
                    row_path=path,
                    depth=len(path) - 1,
                    tt=row.tt,
                    name=row.name,
                    indicator=row.code or row.ref,
                    is_ref=row.ref is not None,
                    breakdown_lead=bool(parent and parent.breakdown and path[-1] == 0),
                )
            )
        return out

    def unit_name(self, code: str) -> str:
        for unit in self.reporting_units:
            if unit.code == code:
                return unit.name
        return code

    def unit_short_name(self, code: str) -> str:
        for unit in self.reporting_units:
            if unit.code == code:
                return unit.short_name or unit.name
        return code

    def indicators_of(self, unit_code: str) -> list[Indicator]:
        return [ind for ind in self.indicators if ind.responsible == unit_code]
