"""Filling one session: each part's minutes within its bounds, an end-anchored closing (R8), the
'vrije ruimte' before it, and the 5-minute clock grid (P1, issue 19.6)."""

from __future__ import annotations

from planner.kern.maten import GRID, PAUZE_NA_MIN, Maat, naar_boven, verdeel
from planner.kern.model import VRIJE_RUIMTE, Onderdeel


def vul_sessie(maten: list[Maat], tijd: int, raster: bool = False) -> list[int]:
    """Fill one session up to `tijd`; an end-anchored onderdeel ends exactly on time (R8).

    Without an anchor the minutes stay on the 5-minute grid (P1) and the session may end early.
    With one (see `_vul_geankerd`) the session always fills `tijd` exactly.
    `raster`: a plan from its start (issue 19.6) keeps the starts on the clock's grid and has no
    'vrije ruimte' under 5 minutes; a re-plan from an odd moment (herplan) fills as it always did.
    """
    if anker_index(maten) is not None:
        return _vul_geankerd(maten, tijd, raster)
    # Each part moves in its own steps (P1), so the total need not be on the grid: an agenda
    # item of 7 minutes must not cost a source onderdeel 5 of its minutes.
    duren = _binnen(maten, verdeel(maten, tijd), tijd)
    if raster and any(m.onderdeel.soort == "agendapunt" and m.nominaal % GRID for m in maten):
        # An agenda item of odd minutes: the meeting still ends on time, the odd minutes go to the
        # last part that can take them, and the starts stay on the clock's grid (issue 19.6).
        put = _put(maten, len(maten))
        rest = tijd - sum(duren)
        if put is not None and 0 < rest < GRID and duren[put] + rest <= maten[put].hoog:
            duren[put] += rest
        duren = op_het_raster(maten, duren, put)
    # Last, so the odd minutes of an agenda item cannot push a stretch past the limit again; it
    # moves whole steps, so starts on the grid stay on it.
    return pauzes_houden(maten, duren)


def pauzes_houden(maten: list[Maat], duren: list[int]) -> list[int]:
    """Growth beyond the draaiboek's minutes makes no stretch between two pauses longer than
    PAUZE_NA_MIN: the planner would otherwise advise a pause against its own plan (a training of
    16 in 3u20: 'loopt 1u35 zonder pauze' after Evaluatie grew by 5). What such a stretch may not
    take goes to a part in another stretch with room under the limit, or stays free (reported).
    Only in a session with a pause to keep to; the draaiboek's own minutes and the R16 growth
    (everyone practises) are never cut for it.
    """
    if not any(m.is_pauze for m in maten):
        return duren
    duren = list(duren)
    blokken: list[list[int]] = [[]]
    for i, m in enumerate(maten):
        if m.is_pauze:
            blokken.append([])
        else:
            blokken[-1].append(i)
    vloer = [min(d, m.nominaal + m.voorrang) for m, d in zip(maten, duren, strict=True)]
    # A stretch already longer by the draaiboek's own minutes keeps that length, no more.
    plafonds = [max(PAUZE_NA_MIN, sum(vloer[i] for i in blok)) for blok in blokken]
    vrij = 0
    for blok, plafond in zip(blokken, plafonds, strict=True):
        while sum(duren[i] for i in blok) > plafond:
            groei = [i for i in blok if duren[i] - maten[i].stap >= vloer[i]]
            if not groei:
                break
            # The part grown most gives a step back first (the last on a tie: the closing).
            i = max(groei, key=lambda k: (duren[k] - vloer[k], k))
            duren[i] -= maten[i].stap
            vrij += maten[i].stap
    for blok, plafond in zip(blokken, plafonds, strict=True):
        for i in blok:
            while (vrij >= maten[i].stap and duren[i] + maten[i].stap <= maten[i].hoog
                   and sum(duren[k] for k in blok) + maten[i].stap <= plafond):
                duren[i] += maten[i].stap
                vrij -= maten[i].stap
    return duren


def _put(maten: list[Maat], tot: int) -> int | None:
    """The last part before `tot` that may change length: where odd minutes go."""
    return next((i for i in range(tot - 1, -1, -1) if maten[i].laag < maten[i].hoog), None)


def op_het_raster(maten: list[Maat], duren: list[int], put: int | None) -> list[int]:
    """The durations with every start up to part `put` on the 5-minute clock grid (P1) where the
    parts' bounds allow: an odd part (an agenda item of 7 minutes, a rounded fit) is followed by
    one that ends on the grid again, and `put` takes the difference, so the total is unchanged
    and the odd minutes end up just before an anchored closing or the meeting's own items.
    When `put` has no room a later part may even it out instead; of the two ways the one that
    leaves fewer starts off the grid wins (the first on a tie).
    """
    if put is None:
        return duren
    kandidaten = [_snap(maten, duren, put, rimpel) for rimpel in (False, True)]
    return min(kandidaten, key=lambda d: _naast_het_raster(d, put))


def _naast_het_raster(duren: list[int], put: int) -> int:
    eind, naast = 0, 0
    for duur in duren[:put]:
        eind += duur
        naast += eind % GRID != 0
    return naast


def _snap(maten: list[Maat], duren: list[int], put: int, rimpel: bool) -> list[int]:
    duren = list(duren)
    # A plan that cuts parts lengthens none beyond its nominal minutes for the grid's sake, and one
    # that does not cut shortens none below them.
    ingekort = any(d < m.nominaal for m, d in zip(maten, duren, strict=False))
    plafond = [max(m.nominaal, d) if ingekort else m.hoog for m, d in zip(maten, duren, strict=False)]
    vloer = [m.laag if ingekort else min(m.nominaal, d) for m, d in zip(maten, duren, strict=False)]
    eind = 0
    for i in range(put):
        eind += duren[i]
        rest = eind % GRID
        m = maten[i]
        if rest == 0 or m.laag == m.hoog:
            continue
        # `put` evens it out; with `rimpel` a later part may instead, whose own end is then snapped
        # in turn, so the odd minutes still end up at `put`.
        opvang = (put, *range(put - 1, i, -1)) if rimpel else (put,)
        for delta in sorted((-rest, GRID - rest), key=abs):
            if not vloer[i] <= duren[i] + delta <= plafond[i]:
                continue
            j = next((j for j in opvang
                      if maten[j].laag < maten[j].hoog and vloer[j] <= duren[j] - delta <= plafond[j]), None)
            if j is not None:
                duren[i] += delta
                duren[j] -= delta
                eind += delta
                break
    return duren


def anker_index(maten: list[Maat]) -> int | None:
    """The end-anchored onderdeel of a session; only fixed parts (agendapunten, vooruitblik) follow it."""
    for i in range(len(maten) - 1, -1, -1):
        if maten[i].onderdeel.anker == "einde":
            return i
        if maten[i].laag != maten[i].hoog:
            return None
    return None


def _binnen(maten: list[Maat], duren: list[int], doel: int) -> list[int]:
    """Shrink until the parts fit in `doel`: the step grid must never make a session overrun.

    `verdeel` moves in whole steps, so a target off the grid can leave it a few minutes long;
    then one more step (or what is left above the minimum) comes off the roomiest part.
    The caller guarantees that the minimums fit.
    """
    duren = list(duren)
    while sum(duren) > doel:
        kandidaten = [i for i, m in enumerate(maten) if duren[i] > m.laag]
        if not kandidaten:
            break
        i = max(kandidaten, key=lambda k: (duren[k] - maten[k].laag, k))
        duren[i] -= min(maten[i].stap, duren[i] - maten[i].laag)
    return duren


def _vul_geankerd(maten: list[Maat], tijd: int, raster: bool = False) -> list[int]:
    """Minutes for a session whose anchored part must start exactly `anker + after` before the end.

    The parts before the anchor take the time up to it: on the grid first, then the odd minutes
    (the grid yields to the anchor, R8) go to the last parts that still have room below their
    maximum. What no part may take stays visible as an added 'vrije ruimte' part just before the
    anchor (inserted by the caller); only less than one grid step goes to the part just before the
    anchor even beyond its maximum, and the plan's warnings say so (kern.waarschuwingen).
    """
    k = anker_index(maten)
    assert k is not None
    voor, anker, na = maten[:k], maten[k], [m.nominaal for m in maten[k + 1:]]
    # The anchor keeps its nominal minutes unless the parts before it cannot make room at their
    # minimum; then it shrinks on its own grid (never below its minimum, which `past_in` checked).
    ankerduur = anker.nominaal
    plek = tijd - sum(m.laag for m in voor) - sum(na)
    if ankerduur > plek:
        ankerduur = max(anker.laag, anker.nominaal - naar_boven(anker.nominaal - plek, anker.stap))
    vast = [ankerduur, *na]
    doel = tijd - sum(vast)
    duren = _binnen(voor, verdeel(voor, doel), doel)
    rest = doel - sum(duren)
    # First back towards nominal (a part the fit shortened), only then beyond it: a plan that cuts
    # parts does not also lengthen one with the odd minutes (1u45: not 'Concretiseren' 15 -> 18
    # while 'Wensen clusteren' is cut from 25 to 20).
    for plafond in ([m.nominaal for m in voor], [m.hoog for m in voor]):
        for i in range(len(voor) - 1, -1, -1):
            extra = min(rest, plafond[i] - duren[i])
            if extra > 0:
                duren[i] += extra
                rest -= extra
    put = _put(voor, len(voor))
    if not raster:
        return duren + ([rest] if rest > 0 else []) + vast
    if 0 < rest < GRID and put is not None:
        # Less than one grid step is no 'vrije ruimte' row of its own: it is a minute of uitloop in
        # the part just before the closing (issue 19.6).
        duren[put] += rest
        rest = 0
    if rest:
        # The 'vrije ruimte' takes the odd minutes then: it may shift, never below one grid step.
        ruimte = Maat(_vrije_ruimte(rest).onderdeel, GRID, rest, rest + GRID, toegevoegd=True)
        *duren, rest = op_het_raster([*voor, ruimte], [*duren, rest], len(voor))
    else:
        duren = op_het_raster(voor, duren, put)
    # A positive rest is the room no part may take: it shows whole as 'vrije ruimte' (uitloop before
    # the closing), so the closing still ends at the agreed end (R8: free time goes before it).
    return duren + ([rest] if rest > 0 else []) + vast


def _vrije_ruimte(minuten: int) -> Maat:
    onderdeel = Onderdeel(
        id=VRIJE_RUIMTE, titel="Vrije ruimte (uitloop)", soort="werkvorm", minuten=minuten,
        min_minuten=minuten, max_minuten=minuten, werkvorm="niet uit het draaiboek: uitloop of verdieping",
        toelichting="Meer tijd dan de onderdelen samen maximaal duren; het afronden blijft vastliggen "
                    "aan het einde.",
    )
    return Maat(onderdeel, minuten, minuten, minuten, toegevoegd=True)


def met_vrije_ruimte(maten: list[Maat], duren: list[int]) -> list[Maat]:
    """The session's parts, with a 'vrije ruimte' before the anchor when `duren` has one more entry."""
    if len(duren) == len(maten):
        return maten
    k = anker_index(maten)
    assert k is not None
    return maten[:k] + [_vrije_ruimte(duren[k])] + maten[k:]
