"""``kehoach report``: not yet available (placeholder)."""

from typing import Any


def register(app: Any) -> None:
    """The command is added when its issue lands."""
