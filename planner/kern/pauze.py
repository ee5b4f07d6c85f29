"""P6: a pause is not a programme part in R5's sense. When only a few minutes stand between one
meeting and two (or between n and n+1 sessions), the pause gives way first, never below
PAUZE_MIN; when even that does not do, the plan says how much time keeps it in one meeting.
"""

from __future__ import annotations

from dataclasses import replace

from planner.kern.maten import GRID, Maat, naar_boven
from planner.kern.model import Draaiboek
from planner.kern.sessies import naden_voor, splits
from planner.kern.tijd import toon_duur

# The planner's own rule, not a source's: a pause shorter than this is no break.
PAUZE_MIN = 5


def met_pauze(maten: list[Maat], minuten: int) -> list[Maat]:
    """`maten` with every pause allowed down to `minuten` (never below PAUZE_MIN, on the pause's own
    step, never raised)."""
    minuten = max(PAUZE_MIN, minuten)
    return [replace(m, laag=min(m.laag, naar_boven(minuten, m.stap))) if m.is_pauze else m for m in maten]


def _lengtes(maten: list[Maat]) -> list[int]:
    """The pause lengths to try, longest first: from its minimum down to PAUZE_MIN on the grid."""
    hoogste = max((m.laag for m in maten if m.is_pauze), default=0)
    if hoogste <= PAUZE_MIN:
        return []
    # Grid lengths below the pause's own minimum, ending at PAUZE_MIN (itself on the grid).
    return list(range((hoogste - 1) // GRID * GRID, PAUZE_MIN - 1, -GRID))


def _aantal(draaiboek: Draaiboek, maten: list[Maat], tijd: int) -> int | None:
    reeksen = splits(maten, tijd, draaiboek.welkom_terug_min, draaiboek.vooruitblik_min,
                     naden_voor(draaiboek, maten))
    return None if reeksen is None else len(reeksen)


def pauze_wijkt(draaiboek: Draaiboek, maten: list[Maat], tijd: int) -> tuple[list[Maat], int | None]:
    """The sizes with the pause as long as possible while it saves a session, and that length
    (None when shortening the pause saves nothing: then `maten` are returned as they were).

    Only for a programme that would otherwise be split (the kickoff, R5): a draaiboek that is not
    split keeps its pause, its minimum time is the source's.
    """
    lengtes = _lengtes(maten)
    if not lengtes:
        return maten, None
    if sum(m.laag for m in maten) <= tijd:
        return maten, None
    gewoon = _aantal(draaiboek, maten, tijd)
    kortst = _aantal(draaiboek, met_pauze(maten, PAUZE_MIN), tijd)
    if kortst is None or (gewoon is not None and kortst >= gewoon):
        return maten, None
    for lengte in lengtes:  # longest first: the pause gives way only as far as it must
        if _aantal(draaiboek, met_pauze(maten, lengte), tijd) == kortst:
            return met_pauze(maten, lengte), lengte
    return maten, None  # pragma: no cover - PAUZE_MIN is the last length tried


# "A little" short of one meeting: within this many minutes the plan names the time that keeps it
# in one; further off, two meetings is what the time asks for (and what R5 advises), not a near miss.
NET_TE_KORT_MIN = 30


def een_bijeenkomst_met(maten: list[Maat], tijd: int) -> str:
    """'Met --tijd 3u50 past het in één bijeenkomst …': the time that keeps it one meeting, when
    `tijd` misses it by at most NET_TE_KORT_MIN; else ''."""
    korter = met_pauze(maten, PAUZE_MIN)
    nodig = naar_boven(sum(m.laag for m in korter), GRID)
    if nodig - tijd > NET_TE_KORT_MIN:
        return ""
    pauze = " (met een pauze van 5 min)" if korter != maten else ""
    return f"Met --tijd {toon_duur(nodig)} past het in één bijeenkomst{pauze}."


def pauzemelding(titel: str, minuten: int, nominaal: int, sessies: int, sessie: int | None) -> str:
    waar = f" in sessie {sessie}" if sessie is not None else ""
    doel = "past het programma in één bijeenkomst" if sessies == 1 else f"blijft het bij {sessies} sessies"
    return (f"'{titel}'{waar} duurt {minuten} in plaats van {nominaal} min: zo {doel}. Een pauze geeft als "
            f"eerste toe, maar nooit tot onder {PAUZE_MIN} min (een eigen regel van de planner, niet van de bron).")
