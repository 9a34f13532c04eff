"""Results as YAML: the metadata as keys, then ``values`` mapping each code to its figure.

```yaml
year: 2024
period: 2024Q2
unit: dcnn
reporter: Nguyễn Văn A
reported_on: 2024-06-18
basis: year_to_date        # or "period"
estimate: false            # true: estimates ("Ước thực hiện"); absent: final unless a note says
values:
  rice_output: 120
  rice_area: "58,5"        # Vietnamese text is read as in a sheet
  maize_output: {value: 40, note: Thu hoạch vụ Đông Xuân}
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..plan.model import Plan
from ..problems import Problem
from ..safety.limits import Limits
from ..safety.yaml_io import YamlDocument, read_yaml
from .common import Where, problem, text_of
from .grid import parse_meta, read_row
from .model import ResultFile, ResultValue

META_KEYS = ("year", "period", "unit", "reporter", "reported_on", "basis", "estimate")
KNOWN_KEYS = frozenset((*META_KEYS, "values", "schema_version"))


def read_yaml_results(
    path: Path, display: str, plan: Plan, limits: Limits
) -> tuple[ResultFile | None, list[Problem]]:
    doc = read_yaml(path, display, limits)
    problems: list[Problem] = list(doc.problems)
    if doc.data is None:
        return None, problems
    file_where = Where(display, line=doc.line_of(()))
    if not isinstance(doc.data, dict):
        return None, [*problems, problem("yaml_not_a_mapping", file_where)]
    data: dict[str, Any] = doc.data

    def at(*path: str | int) -> Where:
        return Where(display, line=doc.line_of(path))

    for key in data:
        if key not in KNOWN_KEYS:
            problems.append(problem("unknown_field", at(key), severity="warning", key=key))
    cells = {k: (data[k], at(k), at(k)) for k in META_KEYS if k in data}
    meta = parse_meta(cells, plan, file_where, problems)
    values = _values(data.get("values"), doc, display, plan, meta.unit, problems)
    return meta.result_file(display, values), problems


def _values(
    raw: object,
    doc: YamlDocument,
    display: str,
    plan: Plan,
    unit: str | None,
    problems: list[Problem],
) -> list[ResultValue]:
    if raw is None:
        problems.append(problem("yaml_values_missing", Where(display, line=doc.line_of(()))))
        return []
    if not isinstance(raw, dict):
        problems.append(
            problem("yaml_values_missing", Where(display, line=doc.line_of(("values",))))
        )
        return []
    found: list[ResultValue] = []
    seen: dict[str, Where] = {}
    for key, entry in raw.items():
        where = Where(display, line=doc.line_of(("values", key)))
        value, note = entry, None
        if isinstance(entry, dict):
            value = entry.get("value")
            note = text_of(entry.get("note")) or None
            unknown = set(entry) - {"value", "note"}
            if unknown:
                problems.append(
                    problem(
                        "unknown_field", where, severity="warning", key=", ".join(sorted(unknown))
                    )
                )
        code = text_of(key).lower()
        item = read_row(
            code, value, note, None, where, where, plan, unit, seen, problems, code_raw=key
        )
        if item is not None:
            found.append(item)
    return found
