"""Splitting a draaiboek into sessions: the seams, what stays together, and filling one session."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from planner.kern.fouten import PlanFout
from planner.kern.maten import GRID, Maat, eigen_minuten, meld_eigen, naar_boven, toegevoegde_maat
from planner.kern.model import (
    VOORUITBLIK,
    WELKOM_TERUG,
    Draaiboek,
)
from planner.kern.tijd import toon_duur

# Filling one session lives in vullen.py; callers have always found these names here.
from planner.kern.vullen import anker_index as anker_index
from planner.kern.vullen import met_vrije_ruimte as met_vrije_ruimte
from planner.kern.vullen import vul_sessie as vul_sessie

# -------------------------------------------------------------------------------- splitting


@dataclass(frozen=True)
class Naden:
    """Where sessions may break and where the template prefers them (R14, P3), by part index.

    A seam "after i" lies between part i and part i+1. `verboden`: seams inside a keep-together
    group (R14), never chosen. `voorkeur`: the template's preferred seams (`naden`); None when the
    template names none, so no seam is worse than another on that count.
    """

    verboden: frozenset[int] = frozenset()
    voorkeur: frozenset[int] | None = None


def _plekken(maten: list[Maat]) -> dict[str, int]:
    """Where each of the draaiboek's own parts stands among `maten` (not the planner's additions)."""
    return {m.onderdeel.id: i for i, m in enumerate(maten) if not m.toegevoegd}


def _samen_blokken(draaiboek: Draaiboek, plek: dict[str, int]) -> list[tuple[int, int]]:
    """The first and last index of each keep-together group (R14) with two or more parts in this plan."""
    blokken = []
    for groep in draaiboek.samen:
        posities = [plek[i] for i in groep if i in plek]
        if len(posities) > 1:
            blokken.append((min(posities), max(posities)))
    return blokken


def naden_voor(draaiboek: Draaiboek, maten: list[Maat]) -> Naden:
    """The seam rules of `draaiboek` for these parts (ids of other variants or dropped parts ignored)."""
    plek = _plekken(maten)
    verboden: set[int] = set()
    for eerste, laatste in _samen_blokken(draaiboek, plek):
        verboden.update(range(eerste, laatste))
    voorkeur = frozenset(plek[i] for i in draaiboek.naden if i in plek) if draaiboek.naden else None
    return Naden(frozenset(verboden), voorkeur)


def _samen_nodig(draaiboek: Draaiboek, maten: list[Maat], nodig: int, langste: Maat) -> str | None:
    """Why sessions must be `nodig` long, when a run of parts that must share a session sets it and
    not its longest part: a keep-together group (R14), or an opening or closing with the part next
    to it (GEEN_INHOUD). None when no such run explains `nodig` exactly."""
    for begin, einde, waarom in _verplichte_blokken(draaiboek, maten):
        blok = maten[begin:einde + 1]
        minuten = sum(m.laag for m in blok)
        delen = [m for m in blok if not m.is_pauze]
        if minuten == nodig and minuten > langste.laag and len(delen) > 1:
            namen = ", ".join(f"'{m.onderdeel.titel}'" for m in delen[:-1]) + f" en '{delen[-1].onderdeel.titel}'"
            return f"{namen} moeten in één sessie ({waarom}) en duren samen minstens {toon_duur(minuten)}"
    return None


_NIET_ALLEEN = "komt niet alleen in een sessie"


def _verplichte_blokken(draaiboek: Draaiboek, maten: list[Maat]) -> list[tuple[int, int, str]]:
    """Runs of parts (first and last index) that no split can take apart, and why."""
    blokken = [(eerste, laatste, "het draaiboek houdt ze bij elkaar")
               for eerste, laatste in _samen_blokken(draaiboek, _plekken(maten))]
    eigen = [i for i, m in enumerate(maten) if not m.toegevoegd]
    inhoud = [i for i in eigen if is_inhoud(maten[i])]
    if inhoud and eigen[0] < inhoud[0]:
        blokken.append((eigen[0], inhoud[0], f"een {maten[eigen[0]].onderdeel.soort} {_NIET_ALLEEN}"))
    if inhoud and eigen[-1] > inhoud[-1]:
        blokken.append((inhoud[-1], eigen[-1], f"een {maten[eigen[-1]].onderdeel.soort} {_NIET_ALLEEN}"))
    return blokken


# A session is worth meeting for only with one part beyond these: nobody meets a week later for
# only a welcome, a break or the closing round (the planner's reading, issue 8).
GEEN_INHOUD = ("opening", "pauze", "afronding")


def is_inhoud(maat: Maat) -> bool:
    """True for a part that makes a session worth meeting for (not in GEEN_INHOUD)."""
    return maat.onderdeel.soort not in GEEN_INHOUD


def splits(maten: list[Maat], tijd: int, welkom: int, vooruit: int,
           naden: Naden = Naden()) -> list[tuple[int, int]] | None:
    """The fewest sessions, as (first, end) index ranges, or None when no split fits.

    A session fits when its parts fit at their minimum: the planner's own welkom terug and
    vooruitblik shrink or drop to make room and never cost a session (P3, R13). Every session
    holds a part beyond an opening or closing (`is_inhoud`), starts with no pause, and no seam falls inside a
    keep-together group (R14). A seam at an interior pause drops the pause: the break between
    sessions replaces it.

    Dynamic programming over the start of each session. Cost, compared in order: number of
    sessions; seams the template does not prefer (`naden`); seams not at a pause (P3); the
    longest session counting welkom terug and vooruitblik at full length (balance, which leaves
    them room); on a tie the earliest start.

    Each position v (the next session starts at part v) has one possible last part e(v): v-1,
    or v-2 when part v-1 is the pause that gives way. The sessions that can end there start in a
    window of positions that only moves right as v grows, so the best start is kept in a
    monotone queue: O(n log n) instead of O(n x parts per session), which matters when a long
    draaiboek is split into a few long sessions.
    """
    n = len(maten)
    if n == 0:
        return []
    # som[b] = minutes before part b at their minimum; a session [b, e] fits when
    # som[e+1] - som[b] <= tijd. Its load for balance adds welkom (not for the first) and the
    # vooruitblik; `basis` folds the welkom in, so load = som[e+1] + extra - basis[b].
    som = [0] * (n + 1)
    for i, m in enumerate(maten):
        som[i + 1] = som[i] + m.laag
    basis = [0] + [som[b] - welkom for b in range(1, n + 1)]
    # laatste_inhoud[e]: the last part <= e with content, or -1; a session [b, e] needs b <= it.
    # A draaiboek with no such part at all (only openings) is judged on every part.
    inhoud = [is_inhoud(m) for m in maten]
    if not any(inhoud):
        inhoud = [True] * n
    laatste_inhoud = [-1] * n
    for i in range(n):
        laatste_inhoud[i] = i if inhoud[i] else (laatste_inhoud[i - 1] if i else -1)
    beste: list[tuple[int, int, int, int] | None] = [None] * (n + 1)
    vorige: list[tuple[int, int] | None] = [None] * (n + 1)
    beste[0] = (0, 0, 0, 0)
    rij: list[int] = []  # starts b >= 1, costs non-decreasing from rij[kop] on
    kop = 0
    ingevoegd = 1  # next start to offer to the queue
    links = 1  # no start left of this fits any more

    def kosten(b: int) -> tuple[int, int, int, int]:
        waarde = beste[b]
        assert waarde is not None
        return waarde

    def mag_na(i: int) -> bool:
        return i not in naden.verboden

    def voorkeur(*plekken: int) -> int:
        """0 when the template prefers a seam after one of `plekken` (or names no seams), else 1."""
        if naden.voorkeur is None:
            return 0
        return 0 if any(p in naden.voorkeur for p in plekken) else 1

    for v in range(1, n + 1):
        if v == n:
            einde, extra, naad, mis = n - 1, 0, 0, 0
        elif maten[v].is_pauze:
            continue  # a session does not open with a pause
        elif maten[v - 1].is_pauze:
            if v < 2 or not (mag_na(v - 2) and mag_na(v - 1)):
                continue
            einde, extra, naad, mis = v - 2, vooruit, 0, voorkeur(v - 2, v - 1)
        else:
            if not mag_na(v - 1):
                continue
            einde, extra, naad, mis = v - 1, vooruit, 1, voorkeur(v - 1)
        grens = laatste_inhoud[einde]  # the latest start that still holds content
        drempel = som[einde + 1] - tijd - welkom  # a start b >= 1 fits when basis[b] >= drempel
        totaal = som[einde + 1] + extra
        while ingevoegd <= grens:
            if beste[ingevoegd] is not None:
                nieuw = kosten(ingevoegd)
                # A later start that is no worse makes an earlier one useless from now on.
                while len(rij) > kop and kosten(rij[-1]) > nieuw:
                    rij.pop()
                rij.append(ingevoegd)
            ingevoegd += 1
        kandidaat: tuple[tuple[int, int, int, int], int] | None = None
        if v == n:
            # The last session has no look-ahead, so its window may reach further left than the
            # queue still holds: scan it once.
            for b in range(max(1, bisect.bisect_left(basis, drempel, 1, einde + 1)), grens + 1):
                if beste[b] is not None:
                    s, m, k, lang = kosten(b)
                    sleutel = (s + 1, m + mis, k + naad, max(lang, totaal - basis[b]))
                    if kandidaat is None or sleutel < kandidaat[0]:
                        kandidaat = (sleutel, b)
        else:
            while links <= einde and basis[links] < drempel:
                links += 1
            while len(rij) > kop and rij[kop] < links:
                kop += 1
            if len(rij) > kop:
                groep = kosten(rij[kop])[:3]
                # The starts with the fewest sessions and seams: their longest session rises
                # along the queue while this session's load falls, so the best is where they cross.
                eind = bisect.bisect_right(rij, groep, kop, key=lambda b: kosten(b)[:3])
                kruis = bisect.bisect_left(rij, True, kop, eind,
                                           key=lambda b: kosten(b)[3] >= totaal - basis[b])
                for plek in (kruis - 1, kruis):
                    if kop <= plek < eind:
                        b = rij[plek]
                        sleutel = (groep[0] + 1, groep[1] + mis, groep[2] + naad,
                                   max(kosten(b)[3], totaal - basis[b]))
                        if kandidaat is None or sleutel < kandidaat[0]:
                            kandidaat = (sleutel, b)
        # The first session has no welkom, so start 0 is outside the queue's order: check it apart.
        if som[einde + 1] <= tijd and grens >= 0 and (
                kandidaat is None or (1, mis, naad, totaal) <= kandidaat[0]):
            kandidaat = ((1, mis, naad, totaal), 0)
        if kandidaat is not None:
            beste[v], vorige[v] = kandidaat[0], (kandidaat[1], einde + 1)
    if beste[n] is None:
        return None
    reeksen = []
    positie = n
    while positie > 0:
        stap = vorige[positie]
        assert stap is not None
        reeksen.append(stap)
        positie = stap[0]
    return list(reversed(reeksen))


def minimale_sessietijd(maten: list[Maat], welkom: int, vooruit: int, naden: Naden = Naden()) -> int:
    """The shortest session length for which some split exists (binary search on `splits`).

    The answer lies close to the longest part, so gallop up from there and bisect the last gap:
    far fewer probes than bisecting the whole range up to the programme's total length.
    """
    laag = max(m.laag for m in maten)
    bovengrens = sum(m.laag for m in maten)  # one session always fits
    sprong = max(1, welkom + vooruit)
    hoog = min(laag + sprong, bovengrens)
    while hoog < bovengrens and splits(maten, hoog, welkom, vooruit, naden) is None:
        laag = hoog + 1
        sprong *= 2
        hoog = min(laag + sprong, bovengrens)
    while laag < hoog:
        midden = (laag + hoog) // 2
        if splits(maten, midden, welkom, vooruit, naden) is None:
            laag = midden + 1
        else:
            hoog = midden
    return laag



def splits_in_sessies(draaiboek: Draaiboek, maten: list[Maat], tijd: int,
                       vervallen: list[str], waarschuwingen: list[str]) -> list[list[Maat]]:
    welkom, vooruit = draaiboek.welkom_terug_min, draaiboek.vooruitblik_min
    naden = naden_voor(draaiboek, maten)
    reeksen = splits(maten, tijd, welkom, vooruit, naden)
    if reeksen is None:
        nodig = minimale_sessietijd(maten, welkom, vooruit, naden)
        langste = max(maten, key=lambda m: m.laag)
        reden = _samen_nodig(draaiboek, maten, nodig, langste)
        if reden is None and langste.laag <= tijd:
            # Every part fits on its own: what does not is a keep-together group (R14), or an
            # opening or closing that needs a part with it (GEEN_INHOUD).
            samen = "wat het draaiboek samen in één sessie houdt, of " if naden.verboden else ""
            reden = f"{samen}een opening of afronding past er niet samen met een ander onderdeel in"
        elif reden is None:
            reden = f"'{langste.onderdeel.titel}' duurt minstens {toon_duur(langste.laag)}"
        raise PlanFout(f"Sessies van {toon_duur(tijd)} zijn te kort: {reden}; kies minstens {toon_duur(nodig)} "
                       "per sessie.")
    groepen = []
    for nummer, (begin, einde) in enumerate(reeksen, start=1):
        groep = list(maten[begin:einde])
        # The planner's own parts take the room the source's parts leave (P3, R13): on the grid,
        # welkom terug first, and they drop out rather than cost a session.
        ruimte = tijd - sum(m.laag for m in groep)
        if nummer > 1:
            minuten = eigen_minuten(welkom, ruimte)
            ruimte -= minuten
            if minuten:
                groep.insert(0, toegevoegde_maat(f"{WELKOM_TERUG}-{nummer}", "Welkom terug", "opening", minuten))
            meld_eigen(waarschuwingen, f"Het welkom terug van sessie {nummer}", welkom, minuten)
        if nummer < len(reeksen):
            minuten = eigen_minuten(vooruit, ruimte)
            if minuten:
                groep.append(toegevoegde_maat(f"{VOORUITBLIK}-{nummer}", "Vooruitblik op de volgende sessie",
                                         "afronding", minuten))
            meld_eigen(waarschuwingen, f"De vooruitblik aan het einde van sessie {nummer}", vooruit, minuten)
            volgende = reeksen[nummer][0]
            if volgende == einde + 1:
                vervallen.append(maten[einde].onderdeel.id)
        groepen.append(groep)
    return groepen


def sessietijd_voor(draaiboek: Draaiboek, maten: list[Maat], aantal: int, vanaf: int) -> int:
    """The shortest session length on the grid, from `vanaf` on, that splits into at most `aantal`
    sessions (one session of everything at its minimum always does)."""
    welkom, vooruit = draaiboek.welkom_terug_min, draaiboek.vooruitblik_min
    naden = naden_voor(draaiboek, maten)

    def past(tijd: int) -> bool:
        reeksen = splits(maten, tijd, welkom, vooruit, naden)
        return reeksen is not None and len(reeksen) <= aantal

    # More time never needs more sessions, so bisect over the grid between `vanaf` and one session.
    laag, hoog = naar_boven(vanaf, GRID) // GRID, naar_boven(sum(m.laag for m in maten), GRID) // GRID
    while laag < hoog:
        midden = (laag + hoog) // 2
        if past(midden * GRID):
            hoog = midden
        else:
            laag = midden + 1
    return hoog * GRID


def meer_sessies_dan_de_bron(draaiboek: Draaiboek, maten: list[Maat], tijd: int, aantal: int) -> str:
    """Say so when a split needs more meetings than the source speaks of ([splitsen] bron_sessies)."""
    bron = draaiboek.bron_sessies
    assert bron is not None
    nodig = sessietijd_voor(draaiboek, maten, bron, tijd)
    return (f"De bron stelt voor het programma over {bron} bijeenkomsten te verdelen; in sessies van "
            f"{toon_duur(tijd)} worden het er {aantal}: kies --tijd {toon_duur(nodig)} of meer om het bij "
            f"{bron} te houden.")
