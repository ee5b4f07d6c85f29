"""A programme as data: the blocks and meetings a programme file lists (planner.bibliotheek.programma
reads them). Apart from the planning of a programme (planner.kern.programma) so that listing and
checking programme files (`planner lijst`, `controleer`) does not load the planner itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.kern.lui import Patroon
from planner.kern.tijd import toon_duur

if TYPE_CHECKING:
    from planner.kern.model import Draaiboek, Herhaling
    from planner.kern.tijd import Interval

BLOKSOORTEN = ("draaiboek", "agendapunt", "pauze", "herhaling")
# A break-out (work in groups) is no break.
_LUNCH = Patroon(r"lunch|pauze|koffie|thee|break(?![\s-]*out)", re.IGNORECASE)


@dataclass(frozen=True)
class Blok:
    """One block of a programme: a draaiboek with its options, an own agenda item, a break, or the
    follow-up meeting a draaiboek recommends (its `herhaling`)."""

    soort: str
    titel: str
    minuten: int = 0  # agendapunt, pauze, herhaling: fixed minutes
    draaiboek: Draaiboek | None = None
    variant: str | None = None
    zonder: tuple[str, ...] = ()
    strategie: str = "auto"
    herhaling: Herhaling | None = None

    @property
    def is_pauze(self) -> bool:
        """A break: a pauze block, or an own item named as one ("Lunch=45m")."""
        return self.soort == "pauze" or (self.soort == "agendapunt" and bool(_LUNCH.search(self.titel)))


@dataclass(frozen=True)
class Bijeenkomst:
    """One meeting of a programme: its blocks in order; `na` is the distance from the previous meeting."""

    titel: str
    blokken: tuple[Blok, ...]
    na: Interval | None = None
    na_tekst: str = ""
    tijd_min: int | None = None  # this meeting's own available time; None: the programme's

    @property
    def na_woorden(self) -> str:
        """The distance in words for paper ('2 weken', '3 maanden'); the file's own text ('2w') stays in JSON."""
        if self.na is None:
            return self.na_tekst
        delen = []
        if self.na.maanden:
            delen.append(f"{self.na.maanden} {'maand' if self.na.maanden == 1 else 'maanden'}")
        weken, dagen = divmod(self.na.dagen, 7)
        if self.na.dagen and not dagen:
            delen.append(f"{weken} {'week' if weken == 1 else 'weken'}")
        elif self.na.dagen:
            delen.append(f"{self.na.dagen} {'dag' if self.na.dagen == 1 else 'dagen'}")
        if self.na.minuten:
            delen.append(toon_duur(self.na.minuten))
        return " en ".join(delen) or self.na_tekst


@dataclass(frozen=True)
class Programma:
    """A programme file: one meeting ([[blokken]]) or a traject of meetings ([[bijeenkomsten]])."""

    id: str
    titel: str
    bijeenkomsten: tuple[Bijeenkomst, ...]
    beschrijving: str = ""
    traject: bool = False
    herkomst: str = "eigen"
    pad: str = ""

    @property
    def groep_bereik(self) -> tuple[int, int] | None:
        """The group sizes every draaiboek block allows: (lowest, highest), as `planner lijst` shows a
        draaiboek's; None without a draaiboek block; lowest > highest when no group suits every block."""
        bereiken = []
        for bij in self.bijeenkomsten:
            for blok in bij.blokken:
                d = blok.draaiboek
                if d is None:
                    continue
                varianten = [v for v in d.varianten if blok.variant in (None, v.id)]
                if varianten:
                    bereiken.append((min(min(v.groep_min, v.ook_groep_min or v.groep_min) for v in varianten),
                                     max(max(v.groep_max, v.ook_groep_max or v.groep_max) for v in varianten)))
                else:
                    bereiken.append((d.groep_min, d.groep_max))
        if not bereiken:
            return None
        return max(laag for laag, _ in bereiken), min(hoog for _, hoog in bereiken)
