"""The one "now" of the whole test suite (issue 17).

Every test sees the clock standing at NU — in-process through the autouse fixture in conftest.py,
in a child process through `PLANNER` below — so the suite passes on any day the machine's clock
says. A start date a test needs in the future is after NU (START), never "after today".
Kept apart from conftest.py so a child process can import it without pytest.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")

# A Tuesday morning a week before the suite's usual start: before every date a test plans for.
NU = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)

# The usual start of a planned session in the tests: tuesday 1 December 2026, a week after NU.
START = "2026-12-01T13:30"

# `python -m planner`, but with the clock at NU: for tests that run the planner as its own process.
PLANNER = [sys.executable, str(Path(__file__).with_name("planner_vast.py"))]
