"""kehoach: the commune's yearly plan, its departments' results, and how far along they are.

The library API, imported lazily so that ``import kehoach_cli`` stays cheap::

    from kehoach_cli import load_plan, load_results, compute
    plan = load_plan("data/plan_2024.yaml")
    results, problems = load_results([Path("data/results")], plan)
    report = compute(plan, results, parse_period("q2", year=plan.year))
    report.to_dict()  # what ``kehoach report --format json`` prints
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .periods import Period, parse_period
    from .plan.io import load_plan
    from .report.completion import compute
    from .report.model import Report
    from .results import load_results

_EXPORTS = {
    "load_plan": ("plan.io", "load_plan"),
    "load_results": ("results", "load_results"),
    "compute": ("report.completion", "compute"),
    "Report": ("report.model", "Report"),
    "Period": ("periods", "Period"),
    "parse_period": ("periods", "parse_period"),
}
__all__ = [
    "Period",
    "Report",
    "__version__",
    "compute",
    "load_plan",
    "load_results",
    "parse_period",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        from importlib import import_module

        module, attribute = _EXPORTS[name]
        return getattr(import_module(f"{__name__}.{module}"), attribute)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
