"""What the facilitator asks for: the request the planning core answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from planner.kern.model import Onderdeel
from planner.kern.tijd import Interval


@dataclass(frozen=True)
class Vraag:
    """What the facilitator asks for."""

    groep: int
    tijd_min: int | None = None  # None: the draaiboek's own nominal duration
    start: datetime | None = None  # local, with tzinfo; None: the day after `nu` at 09:00
    interval: Interval = field(default_factory=lambda: Interval(dagen=7))
    tz: str = "Europe/Amsterdam"
    strategie: str = "auto"
    locatie: str = ""
    vooraf: tuple[Onderdeel, ...] = ()
    daarna: tuple[Onderdeel, ...] = ()
    variant: str | None = None  # --variant: the facilitator's choice where the group fits more than one
    zonder: tuple[str, ...] = ()  # --zonder: optional onderdelen to leave out
    # The moment the plan is asked for, passed in by the caller: the core never reads the clock.
    # Needed only when there is no start.
    nu: datetime | None = None
