"""Learning from practice (`planner terugblik LOG…`): planned against real minutes over sessions.

Pure: the logs arrive as plain measurements (one list per session), the draaiboek as the model. Per
onderdeel it gives the median and spread of the real minutes and how often the part ran over; and a
proposal to move a template's minutes towards practice, only within the bounds the source allows
(P2: the source's min and max stay) and on the draaiboek's grid (P1), each with its evidence.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from planner.kern.live_stand import AFSPRAAK, GEDAAN, PAUZE
from planner.kern.model import Draaiboek

# A single session is an anecdote: the minutes move only when a part was done in at least this
# many sessions (the planner's own choice, said in the evidence).
MINSTE_SESSIES = 2


@dataclass(frozen=True)
class Meting:
    """One onderdeel in one session's log: planned and real minutes (pauses not counted)."""

    id: str
    titel: str
    gepland_min: int | None
    werkelijk_min: int | None
    status: str


@dataclass(frozen=True)
class Praktijk:
    """One onderdeel over several sessions."""

    id: str
    titel: str
    gepland: tuple[int, ...]  # planned minutes in the sessions where it was done
    werkelijk: tuple[int, ...]  # real minutes in those sessions
    sessies: int  # in how many logs the part occurs at all
    niet_gedaan: int  # skipped, dropped, not reached, stopped halfway

    @property
    def gedaan(self) -> int:
        return len(self.werkelijk)

    @property
    def mediaan(self) -> float | None:
        return statistics.median(self.werkelijk) if self.werkelijk else None

    @property
    def gepland_mediaan(self) -> float | None:
        return statistics.median(self.gepland) if self.gepland else None

    @property
    def langer(self) -> int:
        """How often the part ran over its planned minutes."""
        return sum(w > g for g, w in zip(self.gepland, self.werkelijk, strict=True))

    @property
    def spreiding(self) -> tuple[int, int] | None:
        return (min(self.werkelijk), max(self.werkelijk)) if self.werkelijk else None


# Log rows that are no onderdeel of the draaiboek: a pause, an agreed later end (kern.live_stand's words).
_GEEN_ONDERDEEL = frozenset({PAUZE, AFSPRAAK})


def verzamel(logs: list[list[Meting]]) -> list[Praktijk]:
    """Per onderdeel (in the order they first occur) what the logs say about it. Rows without planned
    minutes (a 'vrije ruimte' the re-plan added) and pauses are no onderdeel to learn from."""
    volgorde: list[str] = []
    titels: dict[str, str] = {}
    gepland: dict[str, list[int]] = {}
    werkelijk: dict[str, list[int]] = {}
    sessies: dict[str, int] = {}
    niet: dict[str, int] = {}
    for log in logs:
        for m in log:
            if m.status in _GEEN_ONDERDEEL or m.gepland_min is None:
                continue
            if m.id not in titels:
                volgorde.append(m.id)
                titels[m.id] = m.titel
                gepland[m.id], werkelijk[m.id], sessies[m.id], niet[m.id] = [], [], 0, 0
            sessies[m.id] += 1
            if m.status == GEDAAN and m.werkelijk_min is not None:
                gepland[m.id].append(m.gepland_min)
                werkelijk[m.id].append(m.werkelijk_min)
            else:
                niet[m.id] += 1
    return [Praktijk(i, titels[i], tuple(gepland[i]), tuple(werkelijk[i]), sessies[i], niet[i]) for i in volgorde]


def minuten(waarde: float) -> str:
    """'19' or '18,5': a median of an even number of sessions may fall between two minutes."""
    return f"{waarde:g}".replace(".", ",")


def bewijs(p: Praktijk) -> str:
    """The evidence in one phrase: '5 sessies: mediaan 19 min (15–22), 3× langer dan gepland'."""
    assert p.mediaan is not None and p.spreiding is not None
    laag, hoog = p.spreiding
    spreiding = f" ({laag}–{hoog})" if laag != hoog else ""
    langer = f", {p.langer}× langer dan gepland" if p.langer else ""
    sessies = "sessie" if p.gedaan == 1 else "sessies"
    return f"{p.gedaan} {sessies}: mediaan {minuten(p.mediaan)} min{spreiding}{langer}"


@dataclass(frozen=True)
class Bijstelling:
    """A template's minutes for one onderdeel, moved towards practice (or why not)."""

    id: str
    titel: str
    oud: int
    nieuw: int
    bewijs: str
    # Why the minutes stop short of practice ('' when they follow it), or why they stay.
    grens: str = ""

    @property
    def verandert(self) -> bool:
        return self.nieuw != self.oud


def bijstellingen(draaiboek: Draaiboek, praktijk: list[Praktijk]) -> list[Bijstelling]:
    """Per onderdeel of `draaiboek` that the logs saw done often enough: the minutes moved to the
    median of practice, on the draaiboek's grid and never past the source's bounds (P2)."""
    per_id: dict[str, list] = {}
    for o in draaiboek.onderdelen:
        per_id.setdefault(o.id, []).append(o)
    uit: list[Bijstelling] = []
    for p in praktijk:
        bron = per_id.get(p.id)
        if not bron or p.mediaan is None:
            continue
        o = bron[0]
        if len(bron) > 1:
            continue  # one id in several variants: which one the logs saw is not known
        if p.gedaan < MINSTE_SESSIES:
            uit.append(Bijstelling(p.id, p.titel, o.minuten, o.minuten, bewijs(p),
                                   f"minder dan {MINSTE_SESSIES} sessies: blijft {o.minuten} min"))
            continue
        if o.beurten is not None:
            uit.append(Bijstelling(p.id, p.titel, o.minuten, o.minuten, bewijs(p),
                                   "de duur volgt uit de groep (beurten per persoon): blijft zoals de bron"))
            continue
        stap = max(1, o.stap)
        doel = round(p.mediaan / stap) * stap
        nieuw = min(max(doel, o.min_minuten), o.max_minuten)
        grens = ""
        if nieuw < doel:
            grens = f"de bron staat hoogstens {o.max_minuten} min toe"
        elif nieuw > doel:
            grens = f"de bron vraagt minstens {o.min_minuten} min"
        uit.append(Bijstelling(p.id, p.titel, o.minuten, nieuw, bewijs(p), grens))
    return uit
