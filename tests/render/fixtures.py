"""Results built in code for the report tests (independent of the shipped sample files)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kehoach_cli.periods import Period
from kehoach_cli.plan.model import Plan
from kehoach_cli.results.model import ResultFile, ResultValue

Q2_VALUES: dict[str, dict[str, Any]] = {
    "dcnn": {
        "rice_area": "58.5",
        "rice_area_harvested": "29.5",
        "rice_output": "120",
        "maize_area": "27",
        "maize_area_harvested": "12",
        "maize_output": "40",
        "cassava_area": "9.5",
        "cassava_area_harvested": "2.5",
        "cassava_output": "35",
        "beans_area": "11",
        "beans_area_harvested": "5",
        "beans_output": "6.2",
        "vegetables_area": "13",
        "vegetables_area_harvested": "10.5",
        "vegetables_output": "120",
        "buffalo_herd": "62",
        "cattle_herd": "935",
        "crossbred_cattle_share": "19.2",
        "pig_herd": "900",
        "poultry_flock": "6320",
        "forest_production": "180",
    },
    "mam-non": {"preschool_pupils": "154"},
    "tieu-hoc": {"primary_pupils": "251"},
    "thcs": {"lower_secondary_pupils": "124"},
    "tram-y-te": {"population_avg": "2078", "child_malnutrition_rate": "29.5"},
    "vhxh": {"poor_households_reduced": "18", "poverty_rate": "31.2"},
}


# The same period of the year before (2023 Q2), for some indicators only: the others have no
# figure last year and show blank (#16).
Q2_2023_VALUES: dict[str, dict[str, Any]] = {
    "dcnn": {
        "rice_area": "58.5",
        "rice_area_harvested": "29.5",
        "rice_output": "100",
        "maize_area_harvested": "12",
        "maize_output": "50",
        "cattle_herd": "900",
    },
    "vhxh": {"poor_households_reduced": "20", "poverty_rate": "32.05"},
}


def result_file(
    unit: str,
    period: Period,
    values: dict[str, Any],
    *,
    basis: str = "year_to_date",
    source: str | None = None,
) -> ResultFile:
    return ResultFile(
        source=source or f"{period.id}/{unit}.yaml",
        year=period.year,
        period=period,
        unit=unit,
        values=tuple(
            ResultValue(code, None if v is None else Decimal(str(v))) for code, v in values.items()
        ),
        basis=basis,  # type: ignore[arg-type]
    )


def q2_files() -> list[ResultFile]:
    q2 = Period(2024, "quarter", 2)
    return [result_file(unit, q2, values) for unit, values in Q2_VALUES.items()]


def q2_2023_files() -> list[ResultFile]:
    q2 = Period(2023, "quarter", 2)
    return [result_file(unit, q2, values) for unit, values in Q2_2023_VALUES.items()]


def small_plan(rows: list[dict[str, Any]], windows: str = "cutoff") -> Plan:
    """A plan with one section and the given indicator rows (unit dcnn unless given)."""
    for row in rows:
        row.setdefault("responsible", "dcnn")
        row.setdefault("direction", "higher")
        row.setdefault("unit", "Tấn")
    return Plan.model_validate(
        {
            "schema_version": 1,
            "plan": {
                "code": "test",
                "year": 2024,
                "title": "Kế hoạch thử",
                "issuer": "Ủy ban nhân dân xã Thử",
                "parent_body": "Ủy ban nhân dân huyện Thử",
                "commune": "Thử",
                "place": "Thử",
                "signer": {"name": "Người Ký"},
            },
            "reporting": {"windows": windows},
            "units_of_measure": ["Tấn", "Ha", "Tạ/ha", "Con", "%", "Hộ"],
            "reporting_units": [
                {"code": "dcnn", "name": "Địa chính - Nông nghiệp"},
                {"code": "vhxh", "name": "Văn hóa - Xã hội"},
            ],
            "table": [{"tt": "A", "name": "KINH TẾ", "children": rows}],
        }
    )
