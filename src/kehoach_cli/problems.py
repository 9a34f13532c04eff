"""Problems found in input files, collected rather than raised, and their report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where, what, and how to fix it.

    ``code`` is stable (scripts match on it); ``message`` is in the user's language.
    ``location`` is "line 12" for YAML/CSV or "Kết quả!F12" for a workbook cell.
    """

    severity: Severity
    code: str
    message: str
    file: str | None = None
    location: str | None = None
    indicator: str | None = None
    sheet: str | None = None
    cell: str | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "file": self.file,
            "location": self.location,
            "indicator": self.indicator,
            "sheet": self.sheet,
            "cell": self.cell,
            "line": self.line,
        }

    @property
    def where(self) -> str:
        """``file › location`` as shown to users."""
        parts = [p for p in (self.file, self.location) if p]
        return " › ".join(parts)


@dataclass
class ProblemReport:
    """All problems of one run, in the order found."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")

    @property
    def valid(self) -> bool:
        return self.errors == 0

    def flatten(self, *keys: str) -> list[tuple[Any, ...]]:
        """Tuples of the named fields, for tests: ``flatten("code", "location")``."""
        names = keys or ("severity", "code", "location")
        return [tuple(getattr(p, k) for k in names) for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "errors": self.errors,
            "warnings": self.warnings,
            "problems": [p.to_dict() for p in self.problems],
        }


def quoted_head(text: str) -> str:
    """A value as a problem's message quotes it: whole, or its first 40 characters and "…" (a
    5 000-digit number or a pasted blob would bury the message)."""
    return text if len(text) <= 40 else text[:40] + "…"
