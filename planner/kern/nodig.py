"""What the facilitator needs to bring: the draaiboek's materials and its onderdelen's, once each.

Pure: from a Plan to a list. A material that scales with the group is counted for this group.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.kern.model import Materiaal, Plan


@dataclass(frozen=True)
class Benodigdheid:
    naam: str
    aantal: int | None = None

    def __str__(self) -> str:
        return f"{self.aantal} {self.naam}" if self.aantal is not None else self.naam


def voor_groep(materiaal: Materiaal, groep: int) -> Benodigdheid:
    return Benodigdheid(materiaal.naam, materiaal.hoeveel(groep))


def benodigdheden(plan: Plan) -> tuple[Benodigdheid, ...]:
    """The draaiboek's materials, then those of the planned onderdelen, in order, without doubles.

    A name that appears more than once (case-insensitive) is listed at its first place; when
    several mentions give a number, the largest counts: the same sticky notes serve every part.
    """
    materialen = list(plan.draaiboek.materialen)
    for sessie in plan.sessies:
        for onderdeel in sessie.onderdelen:
            if onderdeel.bron is not None:
                materialen += onderdeel.bron.materialen
    return tuple(samengevoegd(voor_groep(materiaal, plan.groep) for materiaal in materialen))


def samengevoegd(stukken: Iterable[Benodigdheid]) -> list[Benodigdheid]:
    """Each name once (case-insensitive, at its first place); of several numbers the largest counts."""
    lijst: dict[str, Benodigdheid] = {}
    for nieuw in stukken:
        sleutel = nieuw.naam.casefold()
        oud = lijst.get(sleutel)
        if oud is None:
            lijst[sleutel] = nieuw
        elif nieuw.aantal is not None and (oud.aantal is None or nieuw.aantal > oud.aantal):
            lijst[sleutel] = Benodigdheid(oud.naam, nieuw.aantal)
    return list(lijst.values())
