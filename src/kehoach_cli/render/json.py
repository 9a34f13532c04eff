"""The report as JSON: exactly ``Report.to_dict()``, indented, UTF-8 text kept readable."""

from __future__ import annotations

import json

from ..report import Report


def render(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
