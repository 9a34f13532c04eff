"""Make the illustrative results in data/results/ (run from the repository root).

    python data/results/make_samples.py

Each file is the form ``kehoach template`` writes, filled in here with openpyxl as a unit would
fill it in Excel. The figures are made up but plausible for Trà Bùi; they are not official.
Q2 is also written as CSV and YAML under examples/, with the very same figures.

The previous year's results (2023-q1 … 2023-q3, for the comparison with the same period last
year) are derived from 2024's by the rules of ``figures_2023``, on data/plan_2023.yaml (itself
illustrative): plausible, not official.
"""

from __future__ import annotations

import csv
import io
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from kehoach_cli.numbers import format_number
from kehoach_cli.periods import Period
from kehoach_cli.plan.io import load_plan
from kehoach_cli.plan.model import Plan
from kehoach_cli.results.grid import HEADERS
from kehoach_cli.results.template import (
    FIRST_ROW,
    META_ROWS,
    build_form,
    form_rows,
)
from kehoach_cli.safety.output import write_atomic

HERE = Path(__file__).resolve().parent
PLAN = HERE.parent / "plan_2024.yaml"
PLAN_2023 = HERE.parent / "plan_2023.yaml"

# unit → reporter, and per quarter: the report date and {code: (figure, note)}.
# Flows are year to date ("lũy kế"); herds and pupils are counts at the date; rates in %.
# Harvested areas are year to date too: a yield is the output harvested over the area harvested
# (rice Q2: Đông Xuân 120 t on 29,5 ha → 40,68 tạ/ha; Q1: nothing harvested, "chưa thu hoạch").
REPORTERS = {
    "dcnn": "Nguyễn Văn Hòa - công chức Địa chính - Nông nghiệp",
    "tram-y-te": "Hồ Thị Lan - Trưởng Trạm Y tế",
    "mam-non": "Trần Thị Mai - Hiệu trưởng",
    "tieu-hoc": "Lê Văn Sơn - Hiệu trưởng",
    "thcs": "Phạm Văn Đức - Hiệu trưởng",
    "vhxh": "Hồ Văn Minh - công chức Văn hóa - Xã hội",
}
DATES = {1: date(2024, 3, 18), 2: date(2024, 6, 18), 3: date(2024, 9, 17)}
# Q3 is shown mid-collection, as the office sees it on 20/09/2024: the lower secondary school has
# not sent its report yet, and the Văn hóa - Xã hội officer sent it late (deadline 17/09).
LATE = {(3, "vhxh"): date(2024, 9, 19)}
NOT_YET_SENT = {(3, "thcs")}
# A report sent before its quarter ends may hold estimates ("Ước thực hiện"): dcnn's Q3 report
# of 17/09 says so (the Hè Thu harvest as estimated); every other sample is final.
ESTIMATES = {(3, "dcnn")}
Figures = dict[str, str | tuple[str, str]]
FIGURES: dict[str, dict[int, Figures]] = {
    "dcnn": {
        1: {
            "rice_area": ("29,5", "Gieo cấy vụ Đông Xuân"),
            "rice_area_harvested": ("0", "Lúa Đông Xuân chưa thu hoạch"),
            "rice_output": ("0", "Lúa Đông Xuân chưa thu hoạch"),
            "maize_area": "12",
            "maize_area_harvested": "0",
            "maize_output": "0",
            "cassava_area": "4",
            "cassava_area_harvested": "0",
            "cassava_output": "0",
            "beans_area": "5",
            "beans_area_harvested": "0",
            "beans_output": "0",
            "vegetables_area": "6",
            "vegetables_area_harvested": "5",
            "vegetables_output": "55",
            "buffalo_herd": "61",
            "cattle_herd": "905",
            "crossbred_cattle_share": "18,5",
            "pig_herd": "860",
            "poultry_flock": "6150",
            "forest_protection": "0",
            "forest_production": "0",
        },
        2: {
            "rice_area": ("58,5", "Đông Xuân 29,5 ha; Hè Thu 29 ha"),
            "rice_area_harvested": ("29,5", "Vụ Đông Xuân"),
            "rice_output": ("120", "Thu hoạch vụ Đông Xuân"),
            "maize_area": "27",
            "maize_area_harvested": "12",
            "maize_output": "40",
            "cassava_area": "9,5",
            "cassava_area_harvested": "2,5",
            "cassava_output": "35",
            "beans_area": "11",
            "beans_area_harvested": "5",
            "beans_output": "6,2",
            "vegetables_area": "13",
            "vegetables_area_harvested": "10,5",
            "vegetables_output": "120",
            "buffalo_herd": "62",
            "cattle_herd": "912",
            "crossbred_cattle_share": "19,2",
            "pig_herd": "875",
            "poultry_flock": "6320",
            "forest_protection": ("0", "Không có kế hoạch trồng rừng phòng hộ"),
            "forest_production": "180",
        },
        3: {
            "rice_area": "58,5",
            "rice_area_harvested": ("58,5", "Đông Xuân 29,5 ha; Hè Thu 29 ha"),
            "rice_output": ("230", "Đã thu hoạch vụ Hè Thu"),
            "maize_area": "27,5",
            "maize_area_harvested": "24",
            "maize_output": "66",
            "cassava_area": "10",
            "cassava_area_harvested": "5,5",
            "cassava_output": "80",
            "beans_area": "12",
            "beans_area_harvested": "11",
            "beans_output": "12,5",
            "vegetables_area": "19",
            "vegetables_area_harvested": "16",
            "vegetables_output": "190",
            "buffalo_herd": "63",
            "cattle_herd": "918",
            "crossbred_cattle_share": "20,1",
            "pig_herd": "884",
            "poultry_flock": "6480",
            "forest_protection": "0",
            "forest_production": "410",
        },
    },
    "tram-y-te": {
        1: {"population_avg": "2071", "child_malnutrition_rate": "31,4"},
        2: {"population_avg": "2078", "child_malnutrition_rate": "31"},
        3: {"population_avg": "2083", "child_malnutrition_rate": "30,7"},
    },
    "mam-non": {
        1: {"preschool_pupils": "152"},
        2: {"preschool_pupils": "154"},
        3: {"preschool_pupils": ("158", "Năm học 2024-2025")},
    },
    "tieu-hoc": {
        1: {"primary_pupils": "251"},
        2: {"primary_pupils": "251"},
        3: {"primary_pupils": ("255", "Năm học 2024-2025")},
    },
    "thcs": {
        1: {"lower_secondary_pupils": "124"},
        2: {"lower_secondary_pupils": "124"},
        3: {"lower_secondary_pupils": ("126", "Năm học 2024-2025")},
    },
    "vhxh": {
        1: {"poor_households_reduced": "0", "poverty_rate": "31,9"},
        2: {"poor_households_reduced": "18", "poverty_rate": "31,2"},
        3: {"poor_households_reduced": "35", "poverty_rate": "30,9"},
    },
}


def figure(entry: str | tuple[str, str]) -> tuple[Decimal, str | None]:
    text, note = (entry, None) if isinstance(entry, str) else entry
    return Decimal(text.replace(",", ".")), note


def as_cell(value: Decimal) -> int | float:
    """What Excel stores: whole numbers as integers, the rest as floats."""
    return int(value) if value == value.to_integral_value() else float(value)


# 2023 from 2024 (illustrative): each figure times its factor (amounts to one decimal, counts
# whole), areas as in 2024; rates moved by points. Most figures were lower in 2023, a few higher
# (cassava, buffaloes), so that reports show both "tăng" and "giảm".
FACTOR_2023 = {
    "rice_output": "0.92",
    "maize_output": "0.85",
    "cassava_output": "1.08",
    "beans_output": "0.9",
    "vegetables_output": "0.88",
    "forest_production": "0.8",
    "poor_households_reduced": "0.9",
    "buffalo_herd": "1.03",
    "cattle_herd": "0.98",
    "pig_herd": "0.97",
    "poultry_flock": "0.95",
    "preschool_pupils": "0.98",
    "primary_pupils": "0.99",
    "lower_secondary_pupils": "0.97",
    "population_avg": "0.985",
}
POINTS_2023 = {
    "crossbred_cattle_share": "-1.5",
    "child_malnutrition_rate": "1.2",
    "poverty_rate": "2.6",
}


def figure_2023(code: str, entry: str | tuple[str, str]) -> str:
    """Last year's figure for the same period, from this year's (rules above)."""
    value, _ = figure(entry)
    if code in POINTS_2023:
        value += Decimal(POINTS_2023[code])
    elif code in FACTOR_2023:
        step = Decimal("0.1") if code.endswith("_output") else Decimal(1)
        value = (value * Decimal(FACTOR_2023[code])).quantize(step)
    return format_number(value.normalize(), grouping=False)


def figures_2023(unit: str, quarter: int) -> dict[str, str | tuple[str, str]]:
    return {code: figure_2023(code, entry) for code, entry in FIGURES[unit][quarter].items()}


def save_atomic(book: Any, path: Path) -> None:
    """The workbook saved to ``path`` atomically (as ``kehoach template`` writes its forms)."""
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(path, buffer.getvalue())


def write_form(
    plan: Plan, period: Period, unit: str, day: date, figures: Figures, *, estimate: bool = False
) -> Path:
    """The unit's form for ``period``, filled in, under ``<year>-q<n>/``; ``estimate``: its
    "Tình trạng số liệu" says "Ước thực hiện"."""
    folder = HERE / f"{period.year}-q{period.number}"
    folder.mkdir(exist_ok=True)
    book = build_form(plan, period, unit)
    sheet = book["Kết quả"]
    sheet.cell(META_ROWS["reporter"], 3, REPORTERS[unit])
    sheet.cell(META_ROWS["reported_on"], 3, day)
    if estimate:
        sheet.cell(META_ROWS["estimate"], 3, "Ước thực hiện")
    for row in range(FIRST_ROW, sheet.max_row + 1):
        code = sheet.cell(row, 2).value
        if code in figures:
            value, note = figure(figures[code])
            sheet.cell(row, 6, as_cell(value))
            if note:
                sheet.cell(row, 7, note)
    save_atomic(book, folder / f"{unit}.xlsx")
    return folder


def main() -> int:
    plan = load_plan(PLAN)
    for quarter in (1, 2, 3):
        period = Period(2024, "quarter", quarter)
        for unit, by_quarter in FIGURES.items():
            if (quarter, unit) in NOT_YET_SENT:
                (HERE / f"2024-q{quarter}" / f"{unit}.xlsx").unlink(missing_ok=True)
                continue
            day = LATE.get((quarter, unit), DATES[quarter])
            estimate = (quarter, unit) in ESTIMATES
            write_form(plan, period, unit, day, by_quarter[quarter], estimate=estimate)
            if quarter == 2:
                write_copies(plan, period, unit, by_quarter[quarter])
    before = load_plan(PLAN_2023)
    for quarter in (1, 2, 3):
        period = Period(2023, "quarter", quarter)
        day = DATES[quarter].replace(year=2023)
        for unit in FIGURES:
            write_form(before, period, unit, day, figures_2023(unit, quarter))
    print(f"written under {HERE}")
    return 0


def write_copies(plan: object, period: Period, unit: str, figures: dict[str, object]) -> None:
    """The Q2 report of ``unit`` again as CSV and YAML, same figures, same metadata."""
    from kehoach_cli.plan.model import Plan

    assert isinstance(plan, Plan)
    rows = [r for r in form_rows(plan, unit) if r.indicator and not r.indicator.derived]
    csv_folder = HERE / "examples" / "csv" / "2024-q2"
    yaml_folder = HERE / "examples" / "yaml" / "2024-q2"
    csv_folder.mkdir(parents=True, exist_ok=True)
    yaml_folder.mkdir(parents=True, exist_ok=True)
    day = DATES[2]
    with (csv_folder / f"{unit}.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Năm", plan.year])
        out.writerow(["Kỳ báo cáo", period.id])
        out.writerow(["Đơn vị báo cáo", unit])
        out.writerow(["Người báo cáo", REPORTERS[unit]])
        out.writerow(["Ngày báo cáo", day.strftime("%d/%m/%Y")])
        out.writerow(["Số liệu", "Lũy kế từ đầu năm"])
        if (period.end_quarter, unit) in ESTIMATES:
            out.writerow(["Tình trạng số liệu", "Ước thực hiện"])
        out.writerow([])
        out.writerow(HEADERS)
        for row in rows:
            ind = row.indicator
            assert ind is not None
            value, note = figure(figures[ind.code])  # type: ignore[arg-type]
            target = format_number(ind.target, grouping=False) if ind.target is not None else ""
            out.writerow(
                [
                    row.tt or "",
                    ind.code,
                    ind.name,
                    ind.unit,
                    target,
                    format_number(value, grouping=False),
                    note or "",
                ]
            )
    lines = [
        f"# {plan.unit_name(unit)} — {period.label()} (số liệu minh họa)",
        f"year: {plan.year}",
        f"period: {period.id}",
        f"unit: {unit}",
        f'reporter: "{REPORTERS[unit]}"',
        f"reported_on: {day.isoformat()}",
        "basis: year_to_date",
        *(["estimate: true  # Ước thực hiện"] if (period.end_quarter, unit) in ESTIMATES else []),
        "values:",
    ]
    for row in rows:
        ind = row.indicator
        assert ind is not None
        value, note = figure(figures[ind.code])  # type: ignore[arg-type]
        number = format_number(value, grouping=False, lang="en")
        if note:
            lines.append(f'  {ind.code}: {{value: {number}, note: "{note}"}}')
        else:
            lines.append(f"  {ind.code}: {number}")
    (yaml_folder / f"{unit}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
