"""A regular expression compiled on its first use, not when its module is imported.

Most commands never parse a date or report a broken file, yet importing the modules that can
would compile every pattern at start-up (issue 12: start-up speed).
"""

from __future__ import annotations

import re
from typing import Any


class Patroon:
    """Stands in for `re.compile(bron, vlaggen)`: every attribute (match, search, ...) is the
    compiled pattern's, compiled once on first use."""

    __slots__ = ("_bron", "_vlaggen", "_patroon")

    def __init__(self, bron: str, vlaggen: int = 0) -> None:
        self._bron = bron
        self._vlaggen = vlaggen
        self._patroon: re.Pattern[str] | None = None

    def gecompileerd(self) -> re.Pattern[str]:
        """The compiled pattern itself, for a loop that asks it many times (no `__getattr__` each time)."""
        if self._patroon is None:
            self._patroon = re.compile(self._bron, self._vlaggen)
        return self._patroon

    def __getattr__(self, naam: str) -> Any:
        return getattr(self.gecompileerd(), naam)
