"""Subgroups: dividing the group into groepjes and the turns each person gets."""

from __future__ import annotations

import math

from planner.kern.maten import Maat
from planner.kern.model import Beurten, Onderdeel
from planner.kern.tekst import per_persoon_tekst
from planner.kern.verdeling import groepjes_passen, verdeel_groep


def per_persoon_voor(maat: Maat, duur: int, groep: int, groepjes: tuple[int, ...]) -> float | None:
    """Minutes per turn, in half minutes, never outside the source's range per person.

    When the round leaves more than the maximum per person, a turn still takes the source's
    maximum (R5: 1-2 minutes each, not 3); when it leaves less, whoever speaks gets the minimum
    and `waarschuwingen_voor` says that not everybody gets a turn.
    """
    beurten = maat.onderdeel.beurten
    if beurten is None:
        return None
    ronde, sprekers = ronde_voor(beurten, duur, groep, groepjes)
    per_persoon = math.floor(ronde / sprekers * 2) / 2
    return min(max(per_persoon, beurten.min), beurten.max)


def groepjes_voor(onderdeel: Onderdeel, groep: int, duur: int) -> tuple[int, ...]:
    """How to divide the group for this onderdeel of `duur` minutes.

    When the round gives each member a turn of fixed length (R16: 10 + 5 min per gesprek), the
    groups are no larger than the turns that fit, if the group can be divided that way (12 in
    45 minutes: 4 x 3, not 3 x 4); otherwise the plain division within the template's bounds,
    and `waarschuwingen_voor` says that not everybody gets a turn.
    """
    if not onderdeel.groepjes:
        return ()
    kleinste, grootste = onderdeel.groepjes
    beurten = onderdeel.beurten
    if beurten is not None and beurten.iedereen_tot is None:
        ronde = min(duur, beurten.ronde_minuten) if beurten.ronde_minuten else duur
        passen = beurten_in(ronde, beurten.min)
        if kleinste <= passen < grootste:
            if groepjes_passen(groep, kleinste, passen):
                return verdeel_groep(groep, kleinste, passen)
            # No division lets everybody practise: then as many groups as the bounds allow, so as
            # few people as possible miss their turn (16 in 45 minutes: 4 x 3 and 1 x 4, one person
            # without a turn instead of four with 4 x 4); `waarschuwingen_voor` still says it.
            meeste = groep // kleinste
            if meeste * grootste >= groep:
                basis, rest = divmod(groep, meeste)
                return tuple([basis + 1] * rest + [basis] * (meeste - rest))
    return verdeel_groep(groep, kleinste, grootste)


def beurt_tekst(beurten: Beurten | None, per_persoon: float | None) -> str:
    """How a turn reads in every output: the template's label, or '± N min per persoon' (marked
    '*' when the source gives no minutes per person, P5)."""
    if beurten is None:
        return ""
    tekst = beurten.label or per_persoon_tekst(per_persoon)
    return f"{tekst} *" if tekst and beurten.geschat else tekst



def ronde_voor(beurten: Beurten, duur: int, groep: int, groepjes: tuple[int, ...]) -> tuple[int, int]:
    """The minutes of the round itself and how many speak in it (the largest subgroup, or everybody)."""
    ronde = min(duur, beurten.ronde_minuten) if beurten.ronde_minuten else duur
    return ronde, max(groepjes) if groepjes else groep


def beurten_in(ronde: int, per_beurt: float) -> int:
    return int(ronde // per_beurt + 1e-9)


def verhalen_tekst(ronde: int, laag: float, hoog: float) -> str:
    meeste, minste = beurten_in(ronde, laag), beurten_in(ronde, hoog)
    return str(meeste) if meeste == minste else f"{minste} à {meeste}"


# The planner's own policy, not a source's: a stretch longer than this asks for a break.
