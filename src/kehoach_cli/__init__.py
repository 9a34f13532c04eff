"""kehoach: the commune's yearly plan, its departments' results, and how far along they are."""

from __future__ import annotations

__version__ = "0.1.0"
