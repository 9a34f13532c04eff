"""Limits on what kehoach reads, checked before parsing so a hostile file costs little."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Defaults suit a commune's files many times over; each can be raised by an environment
    variable ``KEHOACH_LIMIT_<NAME>`` (e.g. ``KEHOACH_LIMIT_TEXT_BYTES=20000000``)."""

    text_bytes: int = 10 * MB  # YAML and CSV files
    xlsx_bytes: int = 50 * MB  # the .xlsx file itself
    xlsx_uncompressed_bytes: int = 50 * MB  # all members together, from the zip directory
    xlsx_member_bytes: int = 50 * MB  # any one member
    xlsx_ratio: int = 100  # uncompressed ÷ compressed, for any member of more than 1 MB
    yaml_nodes: int = 200_000  # nodes after alias expansion
    yaml_depth: int = 64  # nesting
    rows: int = 100_000  # rows read per sheet or CSV
    columns: int = 64  # columns read per row


def current_limits() -> Limits:
    """The defaults, overridden by ``KEHOACH_LIMIT_*`` environment variables."""
    values: dict[str, int] = {}
    for f in fields(Limits):
        raw = os.environ.get(f"KEHOACH_LIMIT_{f.name.upper()}")
        if raw and raw.strip().isdigit():
            values[f.name] = int(raw.strip())
    return Limits(**values)
