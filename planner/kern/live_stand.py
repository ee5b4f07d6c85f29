"""One moment of a running session (`planner live`): what the undo stack keeps, and the words the
log uses for what happened to each onderdeel. Plain data, shared by kern.live_staat (the steps)
and kern.live_log (the log)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from planner.kern.model import Plan

# 'draaiboek' and 'sessie' (added later, at the end) let 'planner terugblik' name the draaiboek and
# check that several logs are of the same one.
LOGKOLOMMEN = ("id", "titel", "gepland_start", "gepland_eind", "werkelijk_start", "werkelijk_eind",
               "minuten_verschil", "status", "draaiboek", "sessie")
# Status per onderdeel in the log: what happened to it.
GEDAAN, BEZIG, OVERGESLAGEN, VERVALLEN, GESTOPT = "gedaan", "bezig", "overgeslagen", "vervallen", "gestopt"
NIET_BEREIKT, PAUZE, AFGEBROKEN, AFSPRAAK = "niet bereikt", "pauze", "afgebroken", "afspraak"


@dataclass(frozen=True)
class Stand:
    """One moment of the run; the undo stack keeps earlier ones whole."""

    plan: Plan
    huidig: str | None = None  # id of the running part; None before the start and after the end
    gestart: datetime | None = None
    klaar_om: datetime | None = None
    werkelijk: dict[str, tuple[datetime, datetime | None]] = field(default_factory=dict)
    overgeslagen: tuple[str, ...] = ()
    vervallen: tuple[str, ...] = ()
    pauze_sinds: datetime | None = None
    # Finished pauses: (start, end, id of the part that was running); they do not count towards it.
    pauzes: tuple[tuple[datetime, datetime, str], ...] = ()
    niet_bereikt: tuple[str, ...] = ()
    # A later end agreed during the session (R8 then anchors to it), and when it was agreed.
    eind: datetime | None = None
    eind_afgesproken_om: datetime | None = None
    gestopt: bool = False
    afgebroken: bool = False
    # What the last step changed, for the screen ("'Kansen' 20 → 15 min").
    wijzigingen: tuple[str, ...] = ()



def pauze_min(stand: Stand, id_: str) -> float:
    """Minutes paused during part `id_` (finished pauses)."""
    return sum((b - a).total_seconds() for a, b, i in stand.pauzes if i == id_) / 60
