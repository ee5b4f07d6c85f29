"""Choosing the variant and sizing the onderdelen: each one's length and how far it may stretch or shrink."""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, replace

from planner.kern.fouten import InvoerFout, PlanFout
from planner.kern.model import Draaiboek, Onderdeel, Variant
from planner.kern.verdeling import groepjes_passen, verdeel_groep

GRID = 5
# The planner's own guideline, not a source's: a pause after at most this many minutes. Growth
# beyond the draaiboek's minutes never makes a stretch longer than this (see kern.vullen).
PAUZE_NA_MIN = 90



@dataclass(frozen=True)
class Maat:
    """An onderdeel with the bounds it has for this group and this strategy."""

    onderdeel: Onderdeel
    laag: int
    nominaal: int
    hoog: int
    toegevoegd: bool = False
    # Minutes beyond nominal this part takes before any other part grows: what lets every
    # participant practise (R16: 10 + 5 min per gesprek for each member of the largest groepje).
    voorrang: int = 0

    @property
    def stap(self) -> int:
        return self.onderdeel.stap

    @property
    def is_pauze(self) -> bool:
        return self.onderdeel.soort == "pauze"



# ---------------------------------------------------------------------------- variant and sizes


def kies_variant(draaiboek: Draaiboek, groep: int, gekozen: str | None = None) -> Variant | None:
    """The variant for this group: the one whose range holds it, or `gekozen` (--variant) where
    the source allows that variant for this group too (Variant.ook_groep_min/max, R1)."""
    if groep < 1:
        raise InvoerFout(f"--groep {groep} kan niet: een groep heeft minstens 1 deelnemer.")
    if groep > draaiboek.groep_max or groep < draaiboek.groep_min:
        te_groot = groep > draaiboek.groep_max
        grens = f"maximaal {draaiboek.groep_max}" if te_groot else f"minstens {draaiboek.groep_min}"
        # The reason of the bound that was crossed. groep_omdat explains both ends only where neither
        # has its own: next to the other end's own reason it may be that end's, and a group too small
        # is never refused with the maximum's reason (nor one too large with the minimum's).
        eigen, andere = ((draaiboek.groep_max_omdat, draaiboek.groep_min_omdat) if te_groot
                         else (draaiboek.groep_min_omdat, draaiboek.groep_max_omdat))
        reden = eigen or ("" if andere else draaiboek.groep_omdat)
        waarom = f" — {reden.rstrip('.')}" if reden else ""
        raise PlanFout(
            f"Een groep van {groep} is te {'groot' if te_groot else 'klein'} voor '{draaiboek.id}', dat "
            f"{grens} deelnemers {'toelaat' if te_groot else 'vraagt'}{waarom}; "
            + ("verdeel de groep over meer bijeenkomsten of kies een ander draaiboek."
               if te_groot else "kies een ander draaiboek.")
        )
    if gekozen is not None:
        return _gekozen_variant(draaiboek, groep, gekozen)
    for variant in draaiboek.varianten:
        if variant.groep_min <= groep <= variant.groep_max:
            return variant
    return None


def _gekozen_variant(draaiboek: Draaiboek, groep: int, gekozen: str) -> Variant:
    ids = [v.id for v in draaiboek.varianten]
    variant = next((v for v in draaiboek.varianten if v.id.lower() == gekozen.strip().lower()), None)
    if variant is None:
        if not ids:
            raise InvoerFout(f"'{draaiboek.id}' heeft geen varianten: laat --variant weg.")
        raise InvoerFout(f"--variant '{gekozen}' bestaat niet in '{draaiboek.id}': kies uit {', '.join(ids)}.")
    if not variant.past_ook(groep):
        passend = [v.id for v in draaiboek.varianten if v.past_ook(groep)]
        raise PlanFout(
            f"Variant {variant.id} past niet bij een groep van {groep} ({_bereik(variant)} deelnemers): "
            f"kies {' of '.join(passend) or 'een andere variant'}, of laat --variant weg."
        )
    return variant


def _bereik(variant: Variant) -> str:
    laag = min(variant.groep_min, variant.ook_groep_min or variant.groep_min)
    hoog = max(variant.groep_max, variant.ook_groep_max or variant.groep_max)
    return f"{laag}-{hoog}" if laag != hoog else str(laag)


def naar_boven(minuten: float, stap: int) -> int:
    return int(math.ceil(minuten / stap - 1e-9)) * stap


def _naar_beneden(minuten: float, stap: int) -> int:
    return int(math.floor(minuten / stap + 1e-9)) * stap


def maat_voor(onderdeel: Onderdeel, groep: int, strategie: str) -> Maat:
    """The bounds of one onderdeel for this group; 'splitsen' never shrinks below nominal."""
    laag, nominaal, hoog = onderdeel.min_minuten, onderdeel.minuten, onderdeel.max_minuten
    beurten = onderdeel.beurten
    if beurten and beurten.bepaalt_duur:
        # A round along everybody takes groep x (min..max) minutes, within the template's bounds.
        laag = min(hoog, max(laag, naar_boven(groep * beurten.min, onderdeel.stap)))
        hoog = max(laag, min(hoog, _naar_beneden(groep * beurten.max, onderdeel.stap)))
        nominaal = min(max(nominaal, laag), hoog)
    if strategie == "splitsen":
        laag = nominaal
    voorrang = 0
    nodig = iedereen_oefent_in(onderdeel, groep)
    if nodig is not None and nodig > nominaal:
        # R16: every participant should get to practise. The part may grow to that, past the
        # template's maximum, taking free time before any other part does, and only whole (see
        # `verdeel`): half of it gives nobody an extra turn.
        voorrang = nodig - nominaal
    # The meeting's own agenda items (--vooraf/--daarna) are not the source's.
    return Maat(onderdeel, laag, nominaal, hoog, toegevoegd=onderdeel.soort == "agendapunt", voorrang=voorrang)


def iedereen_oefent_in(onderdeel: Onderdeel, groep: int) -> int | None:
    """Minutes a round in subgroups needs so each member of the largest groepje has a turn of
    fixed length (R16: 10 + 5 min per gesprek), with the groepjes as small as the bounds allow;
    None for a part without such turns."""
    beurten = onderdeel.beurten
    if (beurten is None or not onderdeel.groepjes or beurten.bepaalt_duur or beurten.iedereen_tot is not None
            or beurten.ronde_minuten or beurten.min != beurten.max):
        return None
    kleinste, grootste = onderdeel.groepjes
    grootte = next((g for g in range(kleinste, grootste + 1) if groepjes_passen(groep, kleinste, g)),
                   max(verdeel_groep(groep, kleinste, grootste)))
    return naar_boven(grootte * beurten.min, onderdeel.stap)


# ---------------------------------------------------------------------------------- fitting


def verdeel(maten: list[Maat], doel: int) -> list[int]:
    """Minutes per onderdeel: from nominal towards `doel`, within bounds, in steps.

    Grows or shrinks every elastic part in proportion to its room, so no single part
    absorbs the whole difference.
    """
    duren = [m.nominaal for m in maten]
    verschil = doel - sum(duren)
    if verschil == 0:
        return duren
    if verschil > 0 and any(m.voorrang for m in maten):
        # R16 first: a part that needs more time so everybody practises gets it whole, in order,
        # before the rest grows; half of it would give nobody an extra turn.
        eerst = []
        for m in maten:
            if m.voorrang and m.voorrang <= verschil:
                verschil -= m.voorrang
                m = replace(m, nominaal=m.nominaal + m.voorrang, hoog=max(m.hoog, m.nominaal + m.voorrang))
            eerst.append(replace(m, voorrang=0))
        return verdeel(eerst, doel)
    teken = 1 if verschil > 0 else -1
    ruimte = [(m.hoog - m.nominaal) if teken > 0 else (m.nominaal - m.laag) for m in maten]
    totaal = sum(ruimte)
    if totaal == 0:
        return duren
    te_verdelen = min(abs(verschil), totaal)
    for i, m in enumerate(maten):
        deel = _naar_beneden(te_verdelen * ruimte[i] / totaal, m.stap)
        duren[i] += teken * deel
        ruimte[i] -= deel
    rest = abs(verschil) - abs(sum(duren) - sum(m.nominaal for m in maten))
    # Hand out what is left one step at a time, roomiest part first (ties: the earliest). A heap
    # keeps this O(n log n): a part dropped because its step no longer fits never fits again,
    # since both its room and `rest` only shrink.
    rij = [(-ruimte[i], i) for i in range(len(maten)) if ruimte[i] > 0]
    heapq.heapify(rij)
    while rest > 0 and rij:
        _, i = heapq.heappop(rij)
        stap = maten[i].stap
        if ruimte[i] < stap or stap > rest:
            continue
        duren[i] += teken * stap
        ruimte[i] -= stap
        rest -= stap
        heapq.heappush(rij, (-ruimte[i], i))
    if teken < 0 and rest > 0:
        # Still too long, and every step left is larger than what remains: one more step ends a
        # little early rather than past the time. Take the smallest step (the roomiest on a tie).
        kandidaten = [i for i, m in enumerate(maten) if ruimte[i] >= m.stap]
        if kandidaten:
            i = min(kandidaten, key=lambda k: (maten[k].stap, -ruimte[k], k))
            duren[i] -= maten[i].stap
    return duren


def teruggegeven(maten: list[Maat]) -> int:
    """Minutes a round along everybody needs less than the source's nominal for this small group
    (R2: 3 people x 1-3 min is no 30-minute round). That time is given back, reported free, not
    spent stretching the other parts (a kennismaking for 3 is not 20 minutes of welkom)."""
    return sum(max(0, m.onderdeel.minuten - m.nominaal) for m in maten
               if m.onderdeel.beurten is not None and m.onderdeel.beurten.bepaalt_duur)


def past_in(maten: list[Maat], tijd: int) -> bool:
    return sum(m.laag for m in maten) <= tijd



def toegevoegde_maat(id_: str, titel: str, soort: str, minuten: int) -> Maat:
    onderdeel = Onderdeel(id=id_, titel=titel, soort=soort, minuten=minuten,
                          min_minuten=minuten, max_minuten=minuten, geschat=True,
                          werkvorm="plenair")
    return Maat(onderdeel, minuten, minuten, minuten, toegevoegd=True)



def eigen_minuten(nominaal: int, ruimte: int) -> int:
    """A planner part's minutes: nominal when there is room, else what is left on the grid (P1)."""
    if ruimte >= nominaal:
        return nominaal
    return max(0, _naar_beneden(ruimte, GRID))


def meld_eigen(waarschuwingen: list[str], wat: str, nominaal: int, minuten: int) -> None:
    if minuten == nominaal:
        return
    if minuten == 0:
        waarschuwingen.append(f"{wat} vervalt: de onderdelen uit het draaiboek vullen de sessie al "
                              "(zo blijft het bij zo weinig mogelijk sessies); doe het kort bij het vorige "
                              "of volgende onderdeel.")
    else:
        waarschuwingen.append(f"{wat} duurt {minuten} in plaats van {nominaal} min: meer ruimte laten de "
                              "onderdelen uit het draaiboek niet.")
