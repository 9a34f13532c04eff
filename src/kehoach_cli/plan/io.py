"""Plan files: YAML → Plan, every problem located at its file and line."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..errors import InputFileNotFound, InvalidData
from ..messages import t
from ..problems import Problem, ProblemReport, quoted_head
from ..safety.limits import Limits, current_limits
from ..safety.yaml_io import YamlDocument, read_yaml
from .model import Plan

PLAN_ENV = "KEHOACH_PLAN"


def find_plan(explicit: str | os.PathLike[str] | None = None, year: int | None = None) -> Path:
    """``--plan PATH``, else ``$KEHOACH_PLAN``, else ``data/plan_<year>.yaml`` (newest year that
    is not a draft, else the newest)."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise InputFileNotFound(t("plan.not_found", path=str(path)), file=str(path))
        return path
    env = os.environ.get(PLAN_ENV)
    if env:
        path = Path(env)
        if not path.is_file():
            raise InputFileNotFound(t("plan.env_not_found", path=env, var=PLAN_ENV), file=env)
        return path
    data = Path("data")
    if year is not None:
        path = data / f"plan_{year}.yaml"
        if path.is_file():
            return path
        raise InputFileNotFound(t("plan.year_not_found", path=str(path)), file=str(path))
    candidates = sorted(data.glob("plan_*.yaml")) if data.is_dir() else []
    if not candidates:
        raise InputFileNotFound(t("plan.none_found", var=PLAN_ENV), file=None)
    # Next year's draft (plan new, plan import) is not this year's plan until it is signed.
    return next((c for c in reversed(candidates) if not is_draft_file(c)), candidates[-1])


# ``draft: true`` (or yes/on) as a key of its own line; only ``plan.draft`` is named so.
_DRAFT_LINE = re.compile(r"(?m)^[ \t]*draft:[ \t]*(?:true|yes|on)[ \t]*(?:#.*)?$", re.IGNORECASE)


def is_draft_file(path: Path) -> bool:
    """Whether a plan file says ``draft: true``, from its text (cheap: no YAML parsing, for
    choosing the default plan; a file that cannot be read is not a draft, its reading says why).
    """
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return False
    return "draft:" in text and _DRAFT_LINE.search(text) is not None


def looks_like_plan(data: Any) -> bool:
    """A plan has a ``table`` of rows; a results file has ``values``."""
    return isinstance(data, dict) and ("table" in data or "units_of_measure" in data)


def read_plan(
    path: Path, display: str | None = None, limits: Limits | None = None
) -> tuple[Plan | None, ProblemReport]:
    """Read and check a plan; the Plan is None when it has errors that stop its use."""
    shown = display or str(path)
    report = ProblemReport()
    doc = read_yaml(path, shown, limits or current_limits())
    report.extend(doc.problems)
    if doc.data is None:
        return None, report
    return plan_from_document(doc, shown, report)


def plan_from_document(
    doc: YamlDocument, shown: str, report: ProblemReport
) -> tuple[Plan | None, ProblemReport]:
    """Validate the document's data as a Plan, then cross-check the plan's own figures."""
    from pydantic import ValidationError

    from .checks import check_plan

    if not isinstance(doc.data, dict):
        report.add(_problem("not_a_mapping", shown, doc.line_of(())))
        return None, report
    try:
        plan = Plan.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors():
            report.add(_from_pydantic(error, doc, shown))
        return None, report
    report.extend(check_plan(plan, lambda path: doc.line_of(path), shown))
    return (plan if report.valid else None), report


def load_plan(path: str | os.PathLike[str], limits: Limits | None = None) -> Plan:
    """The library entry point: a valid Plan, or InvalidData carrying the problems."""
    file = Path(path)
    if not file.is_file():
        raise InputFileNotFound(t("plan.not_found", path=str(file)), file=str(file))
    plan, report = read_plan(file, limits=limits)
    if plan is None:
        first = next(iter(report), None)
        error = InvalidData(first.message if first else t("plan.invalid"), file=str(file))
        error.problems = report  # type: ignore[attr-defined]
        raise error
    return plan


def _problem(
    problem_code: str,
    /,
    file: str,
    line: int | None,
    severity: str = "error",
    indicator: str | None = None,
    **params: object,
) -> Problem:
    from .checks import plan_problem

    return plan_problem(problem_code, file, line, severity, indicator, **params)


def _from_pydantic(error: Any, doc: YamlDocument, shown: str) -> Problem:
    loc: tuple[str | int, ...] = tuple(error.get("loc", ()))
    line = doc.line_of(loc)
    field = ".".join(str(p) for p in loc) or "(gốc)"
    kind = error.get("type", "")
    value = error.get("input")
    indicator = _indicator_at(doc.data, loc)
    if kind == "dataclass_type":
        # Rows are a pydantic dataclass (plan.py says why): its error says what a model's did.
        kind = "model_type"
        class_name = (error.get("ctx") or {}).get("class_name", "")
        error = {**error, "msg": f"Input should be a valid dictionary or instance of {class_name}"}
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return _problem(
            "unknown_key", shown, line, indicator=indicator, key=loc[-1] if loc else "", field=field
        )
    if kind == "missing":
        return _problem(
            "missing_key", shown, line, indicator=indicator, key=loc[-1] if loc else "", field=field
        )
    if kind == "literal_error":
        expected = (error.get("ctx") or {}).get("expected", "")
        return _problem(
            "bad_choice",
            shown,
            line,
            indicator=indicator,
            field=field,
            value=value,
            expected=expected,
        )
    message = str(error.get("msg", ""))
    if "number:" in message:
        reason = message.split("number:", 1)[1].strip()
        return _problem(
            f"number_{reason}",
            shown,
            line,
            indicator=indicator,
            field=field,
            value=quoted_head(str(value)),
        )
    if "row:" in message:
        detail = message.split("row:", 1)[1].strip()
        name, _, extra = detail.partition(":")
        return _problem(
            f"row_{name}",
            shown,
            line,
            indicator=indicator,
            field=field,
            keys=extra.replace(":", ", "),
        )
    if kind.startswith(("decimal", "float", "int")):
        return _problem(
            "number_not_a_number", shown, line, indicator=indicator, field=field, value=value
        )
    return _problem(
        "bad_value", shown, line, indicator=indicator, field=field, value=value, reason=message
    )


def _indicator_at(data: Any, loc: tuple[str | int, ...]) -> str | None:
    """The code of the innermost row on the path, when it has one."""
    node = data
    code = None
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("code"), str):
            code = node["code"]
    return code
