"""The exceptions kehoach raises; the CLI turns them into one-line user messages."""

from __future__ import annotations


class KehoachError(Exception):
    """Base of every error kehoach raises on purpose.

    ``exit_code`` is what the CLI exits with: 1 invalid data, 2 usage.
    """

    exit_code = 1

    def __init__(self, message: str, *, file: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file


class UsageError(KehoachError):
    """The command was called wrongly: a missing file, a bad option value."""

    exit_code = 2


class InputFileNotFound(UsageError):
    """A file or folder named on the command line does not exist."""


class InvalidData(KehoachError):
    """An input file holds data that cannot be used (details in its problems)."""


class NumberFormatError(ValueError):
    """A text is not a number as Vietnamese people write it; ``code`` says why."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


class FormulaError(ValueError):
    """A formula cannot be parsed; ``position`` is the character where it fails."""

    def __init__(self, reason: str, formula: str, position: int) -> None:
        super().__init__(f"{reason} at {position} in {formula!r}")
        self.reason = reason
        self.formula = formula
        self.position = position


class OutputError(UsageError):
    """An output cannot be written where it was asked (e.g. it would overwrite an input)."""
