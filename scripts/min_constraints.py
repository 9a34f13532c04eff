"""Print a pip constraints file pinning every runtime dependency to its declared minimum.

``python scripts/min_constraints.py > min.txt`` reads ``[project].dependencies`` in
pyproject.toml and writes ``name==X`` for each ``name>=X``; .ci/run installs kehoach with it in a
second environment and runs the suite there, so a declared minimum is one that works.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import tomllib  # Python 3.11+; CI's Python has it (the tool itself needs only 3.10)

ROOT = Path(__file__).resolve().parent.parent
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")


def floors(pyproject: Path) -> list[str]:
    """``name==minimum`` for each dependency; an error for one without a ``>=`` minimum."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    pins = []
    for requirement in project["dependencies"]:
        found = _REQUIREMENT.match(requirement)
        specs = found.group(2).split(",") if found else []
        minimum = [spec.strip()[2:].strip() for spec in specs if spec.strip().startswith(">=")]
        if found is None or not minimum:
            raise SystemExit(f"{requirement!r}: no declared minimum (name>=version)")
        pins.append(f"{found.group(1)}=={minimum[0]}")
    return pins


if __name__ == "__main__":
    sys.stdout.write("".join(pin + "\n" for pin in floors(ROOT / "pyproject.toml")))
