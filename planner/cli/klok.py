"""The one place outside the core that reads the clock.

planner.kern never reads it ("now" is passed in, so a plan is a function of its inputs and tests
need no fake clock); every command that needs the current moment asks here.
"""

from __future__ import annotations

from datetime import datetime, tzinfo


def nu(zone: tzinfo) -> datetime:
    """The current moment in `zone`."""
    return datetime.now(zone)
