"""What the facilitator should know about a plan: the warnings about turns, breaks and splits."""

from __future__ import annotations

import re

from planner.kern.groepjes import beurten_in, groepjes_passen, ronde_voor, verhalen_tekst
from planner.kern.maten import GRID, PAUZE_NA_MIN, Maat, iedereen_oefent_in, naar_boven, teruggegeven
from planner.kern.model import (
    VRIJE_RUIMTE,
    Draaiboek,
    GeplandOnderdeel,
    Onderdeel,
    Sessie,
    Variant,
    is_planner_id,
)
from planner.kern.tekst import groepjes_tekst
from planner.kern.tijd import deelnemers, toon_duur
from planner.kern.vraag import Vraag


def waarschuwingen_voor(draaiboek: Draaiboek, vraag: Vraag, tijd: int, sessies: tuple[Sessie, ...],
                    maten: list[Maat], plan_variant: Variant | None = None, pauze_wijkt: bool = False) -> list[str]:
    """`pauze_wijkt`: the pause gave way to save a session (P6); planning says that itself."""
    meldingen = []
    if len(sessies) == 1 and sessies[0].duur_min < tijd:
        over = tijd - sessies[0].duur_min
        terug = [m for m in maten if m.onderdeel.beurten is not None and m.onderdeel.beurten.bepaalt_duur
                 and m.nominaal < m.onderdeel.minuten]
        duren = {o.id: o.duur_min for o in sessies[0].onderdelen}
        # kern.vullen.pauzes_houden held growth back where it would run past the pause guideline.
        ingehouden = any(not m.is_pauze and m.onderdeel.id in duren and duren[m.onderdeel.id] < m.hoog
                         for m in maten)
        # More free than the round gave back: the other parts are at their maximum too (a kennismaking
        # for 3 in 2u shows welkom 20↑ beside this line, so the round alone is not the whole reason).
        ook_vol = "; die staan al op het maximum van het draaiboek" if (
            terug and not ingehouden and over > teruggegeven(maten)) else ""
        waarom = (f"'{terug[0].onderdeel.titel}' is voor {deelnemers(vraag.groep)} korter dan de "
                  f"{terug[0].onderdeel.minuten} min van de bron, en die tijd rekt de andere onderdelen niet op"
                  f"{ook_vol}"
                  if terug else
                  f"langer liep het programma meer dan {PAUZE_NA_MIN} minuten zonder pauze"
                  if ingehouden else "langer maakt het draaiboek de onderdelen niet")
        meldingen.append(
            f"Het programma duurt {toon_duur(sessies[0].duur_min)}: er blijft {toon_duur(over)} "
            f"vrij ({waarom}); "
            + ("gebruik die tijd voor een langere pauze of kies een kortere --tijd." if ingehouden and not terug
               else "vul die tijd met eigen agendapunten (--daarna) of kies een kortere --tijd.")
            if over >= GRID else
            f"Er blijft {over} min over: het programma rekent in blokken van {GRID} minuten."
        )
    for sessie in sessies:
        for i, o in enumerate(sessie.onderdelen):
            if o.id == VRIJE_RUIMTE and o.toegevoegd:
                anker = sessie.onderdelen[i + 1]
                meldingen.append(
                    f"De onderdelen duren samen hooguit {toon_duur(sessie.duur_min - o.duur_min)}: "
                    f"er blijft {toon_duur(o.duur_min)} vrije ruimte vóór '{anker.titel}', dat om "
                    f"{anker.start:%H:%M} begint (het draaiboek legt het vast aan het einde). "
                    "Gebruik die ruimte als uitloop, of kies een kortere --tijd."
                )
    meldingen += _boven_het_maximum(sessies, maten, tijd)
    for opmerking in draaiboek.groepsopmerkingen:
        gekozen = plan_variant.id if plan_variant else ""
        if opmerking.groep_min <= vraag.groep <= opmerking.groep_max and opmerking.variant in ("", gekozen):
            # Every output puts its own "Let op" above the warnings: a template's own would double it.
            meldingen.append(re.sub(r"^\s*let op\s*:\s*", "", opmerking.tekst, flags=re.IGNORECASE))
    gepland = {o.id: o for s in sessies for o in s.onderdelen}
    for maat in maten:
        onderdeel = maat.onderdeel
        plek = gepland.get(onderdeel.id)
        if plek is None:
            continue
        beurten = onderdeel.beurten
        if maat.nominaal != onderdeel.minuten and beurten is not None:
            meldingen.append(f"'{onderdeel.titel}' duurt bij {deelnemers(vraag.groep)} {plek.duur_min} min "
                             f"in plaats van {onderdeel.minuten}: de bron geeft ieder "
                             f"{beurten.min:g}-{beurten.max:g} minuten.")
        # Compare with the size for this group: a round that follows the group (R2) is not cut.
        if maat.voorrang and plek.duur_min >= maat.nominaal + maat.voorrang and beurten is not None:
            grootste = max(plek.groepjes) if plek.groepjes else vraag.groep
            meldingen.append(f"'{onderdeel.titel}' duurt {plek.duur_min} in plaats van {maat.nominaal} min: de tijd "
                             f"is er, en zo komt in een groepje van {grootste} iedereen aan de beurt "
                             f"({beurten.label or f'{beurten.min:g} min per persoon'}).")
        if plek.duur_min < maat.nominaal and not (pauze_wijkt and onderdeel.soort == "pauze"):
            meldingen.append(f"'{onderdeel.titel}' is ingekort van {maat.nominaal} naar "
                             f"{plek.duur_min} min (het draaiboek staat minimaal "
                             f"{onderdeel.min_minuten} min toe).")
        if onderdeel.groepjes and not groepjes_passen(vraag.groep, *onderdeel.groepjes):
            laag, hoog = onderdeel.groepjes
            meldingen.append(
                f"'{onderdeel.titel}': {deelnemers(vraag.groep)} zijn niet te verdelen in groepjes "
                f"van {laag}-{hoog}; de planner maakt {groepjes_tekst(plek.groepjes)}. "
                "Pas de verdeling zo nodig zelf aan."
            )
        if beurten is None:
            continue
        ronde, sprekers = ronde_voor(beurten, plek.duur_min, vraag.groep, plek.groepjes)
        if beurten.iedereen_tot is not None and vraag.groep > beurten.iedereen_tot:
            verhalen = verhalen_tekst(ronde, beurten.min, beurten.max)
            meldingen.append(
                f"'{onderdeel.titel}': bij meer dan {beurten.iedereen_tot} deelnemers komt niet "
                f"iedereen aan het woord; de ronde duurt maximaal {plek.duur_min} min, met wie "
                f"een verhaal wil delen (ruimte voor {verhalen} verhalen)."
            )
        elif sprekers * beurten.min > ronde + 1e-9:
            wie = f"in een groepje van {sprekers} iedereen" if plek.groepjes else f"{sprekers} mensen elk"
            meldingen.append(
                f"'{onderdeel.titel}': {ronde} min is te kort om {wie} {beurten.min:g} min te "
                f"geven; er is tijd voor {beurten_in(ronde, beurten.min)} beurten, dus niet "
                "iedereen komt aan de beurt." + _meer_tijd(maat, sessies, maten)
            )
    meldingen += _pauzemeldingen(sessies, draaiboek, plan_variant)
    return meldingen



def _boven_het_maximum(sessies: tuple[Sessie, ...], maten: list[Maat], tijd: int) -> list[str]:
    """A part the plan gives more than the draaiboek's maximum: only the few odd minutes before an
    anchored closing, which start exactly at the agreed time while the rest stays on the 5-minute grid
    (kern.vullen, issue 19.6). The table marks it ↑; this says why and what keeps it within bounds."""
    hoogste = {m.onderdeel.id: m.hoog for m in maten}
    meldingen = []
    for sessie in sessies:
        for o, volgende in zip(sessie.onderdelen, sessie.onderdelen[1:], strict=False):
            hoog = hoogste.get(o.id)
            vast = volgende.bron is not None and volgende.bron.anker == "einde"
            # More than that (training's Oefenen, R16: everyone practises) has a warning of its own.
            if hoog is None or o.toegevoegd or not vast or not 0 < o.duur_min - hoog < GRID:
                continue
            meer = o.duur_min - hoog
            waarom = (f"zo begint '{volgende.titel}' precies om {volgende.start:%H:%M} (het draaiboek legt het "
                      "vast aan het einde) en blijven de andere tijden op hele vijf minuten")
            binnen = (f"; met --tijd {toon_duur(tijd - meer)} blijft alles binnen de grenzen"
                      if len(sessies) == 1 else "")
            meldingen.append(f"'{o.titel}' duurt {o.duur_min} min, {meer} meer dan de {hoog} die het draaiboek "
                             f"toestaat: {waarom}{binnen}.")
    return meldingen


def _meer_tijd(maat: Maat, sessies: tuple[Sessie, ...], maten: list[Maat]) -> str:
    """How much time lets everybody practise (R16), when one meeting and a longer --tijd can."""
    if not maat.voorrang or len(sessies) > 1:
        return ""
    # Free time goes to this part first (`verdeel`), so the others at nominal plus its need.
    nodig = sum(m.nominaal for m in maten) + maat.voorrang
    return f" Met --tijd {toon_duur(naar_boven(nodig, GRID))} komt iedereen aan de beurt."



def _pauzemeldingen(sessies: tuple[Sessie, ...], draaiboek: Draaiboek | None = None,
                    variant: Variant | None = None) -> list[str]:
    """One warning per session with a stretch of more than PAUZE_NA_MIN minutes without a pause.

    Not where the stretch is the draaiboek's own design: the draaiboek places a pause itself and the
    stretch is no longer than the source's run of parts up to that pause (the kickoff's two hours
    before the coffee, R5), also when the break between two sessions replaces that pause. The
    planner's own welkom terug and vooruitblik do not count; agenda items and longer parts do.
    """
    runs = _bron_blokken(draaiboek, variant) if draaiboek is not None else {}
    meldingen = []
    for sessie in sessies:
        langste: tuple[int, GeplandOnderdeel, GeplandOnderdeel] | None = None
        for blok in _blokken(sessie):
            lengte = sum(o.duur_min for o in blok)
            if lengte <= PAUZE_NA_MIN or _zoals_de_bron(blok, runs):
                continue
            if langste is None or lengte > langste[0]:
                langste = (lengte, blok[0], blok[-1])
        if langste is None:
            continue
        lengte, eerste, laatste = langste
        welke = f"Sessie {sessie.nummer} loopt" if len(sessies) > 1 else "Het programma loopt"
        meldingen.append(
            f"{welke} {toon_duur(lengte)} zonder pauze ({eerste.start:%H:%M}-{laatste.eind:%H:%M}). "
            f"Overweeg een korte pauze: de planner raadt er een aan na hooguit {PAUZE_NA_MIN} minuten; "
            "dat is een eigen richtlijn van de planner, niet van de bron."
        )
    return meldingen


def _blokken(sessie: Sessie) -> list[list[GeplandOnderdeel]]:
    """The session's stretches between pauses."""
    blokken: list[list[GeplandOnderdeel]] = [[]]
    for o in sessie.onderdelen:
        if o.soort == "pauze":
            blokken.append([])
        else:
            blokken[-1].append(o)
    return [b for b in blokken if b]


def _bron_blokken(draaiboek: Draaiboek, variant: Variant | None) -> dict[str, tuple[int, int]]:
    """Per source part: (number, nominal minutes) of its run between the draaiboek's own pauses;
    empty when the draaiboek places no pause (then every long stretch is the planner's concern)."""
    onderdelen = draaiboek.onderdelen_voor(variant)
    if not any(o.soort == "pauze" for o in onderdelen):
        return {}
    blokken: list[list[Onderdeel]] = [[]]
    for o in onderdelen:
        if o.soort == "pauze":
            blokken.append([])
        else:
            blokken[-1].append(o)
    return {o.id: (nummer, sum(x.minuten for x in blok))
            for nummer, blok in enumerate(blokken) for o in blok}


def _zoals_de_bron(blok: list[GeplandOnderdeel], runs: dict[str, tuple[int, int]]) -> bool:
    """True when a stretch is the source's own: its parts from one run, no longer than that run."""
    eigen = [o for o in blok if not (o.toegevoegd and is_planner_id(o.id) and o.id != VRIJE_RUIMTE)]
    bron = {runs.get(o.id) for o in eigen if not o.toegevoegd}
    if len(bron) != 1 or None in bron:
        return False
    (_, minuten), = bron
    return sum(o.duur_min for o in eigen) <= minuten


def beurten_kwijt(oud: list[GeplandOnderdeel], nieuw: tuple[GeplandOnderdeel, ...], groep: int) -> list[str]:
    """R16 after a re-plan: a round in subgroups in which everyone had a turn (10 + 5 min per gesprek)
    that the re-plan made too short for that. The warning of the plan made beforehand ('zo komt
    iedereen aan de beurt') no longer holds, so the facilitator hears who now misses a turn."""
    eerder = {o.id: o for o in oud}
    zinnen = []
    for o in nieuw:
        vorig = eerder.get(o.id)
        if (vorig is None or o.bron is None or o.bron.beurten is None
                or iedereen_oefent_in(o.bron, groep) is None):
            continue
        beurten = o.bron.beurten
        ronde, sprekers = ronde_voor(beurten, o.duur_min, groep, o.groepjes)
        vorige_ronde, vorige_sprekers = ronde_voor(beurten, vorig.duur_min, groep, vorig.groepjes)
        if sprekers * beurten.min > ronde + 1e-9 and vorige_sprekers * beurten.min <= vorige_ronde + 1e-9:
            zinnen.append(f"'{o.titel}': {ronde} min is te kort om in een groepje van {sprekers} iedereen "
                          f"{beurten.min:g} min te geven; er is tijd voor {beurten_in(ronde, beurten.min)} "
                          "beurten, dus niet iedereen komt nu aan de beurt.")
    return zinnen
