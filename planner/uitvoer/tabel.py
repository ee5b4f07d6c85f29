"""The agenda as a table in the terminal: per session a heading, a row per onderdeel, a timeline.

Drawn by planner.uitvoer.kader rather than rich: this is the output of the command people run
most, and rich's console cost about as much start-up as the rest of `planner plan` (issue 12).
"""

from __future__ import annotations

from typing import Any

from planner.kern.model import Plan, Sessie
from planner.kern.nodig import benodigdheden
from planner.kern.tijd import deelnemers, toon_duur
from planner.uitvoer.handout import indeling, legenda, merk, sessiekop, tijdvak, voetnoten
from planner.uitvoer.kader import Kolom, alinea, als_tekst, cel_breedte, tabel
from planner.uitvoer.tijdlijn import legenda as tijdlijn_legenda
from planner.uitvoer.tijdlijn import tijdlijn

# Terminal colours (SGR) of an onderdeel's title, by soort.
SOORT_STIJL = {
    "opening": "36",
    "werkvorm": "",
    "pauze": "2",
    "evaluatie": "35",
    "afronding": "32",
    "agendapunt": "33",
}
VET, DIM, LET_OP = "1", "2", "1;33"
STANDAARD_BREEDTE = 100


def _sessie(plan: Plan, sessie: Sessie, breedte: int, kleur: bool) -> list[str]:
    """Heading and table of one session; the heading sets the table's least width (a table of short
    titles would otherwise break '… · dinsdag 8 december 2026 · 09:00–09:40' over two lines)."""
    kop = sessiekop(plan, sessie)
    kolommen = [Kolom("Tijd", "Totaal", niet_breken=True),
                Kolom("Min", toon_duur(sessie.duur_min), rechts=True, niet_breken=True),
                Kolom("Onderdeel"), Kolom("Werkvorm")]
    for o in sessie.onderdelen:
        kolommen[0].voeg_toe(tijdvak(o))
        kolommen[1].voeg_toe(f"{o.duur_min}{merk(o)}")
        kolommen[2].voeg_toe(o.titel, SOORT_STIJL.get(o.soort, ""))
        kolommen[3].voeg_toe("\n".join(indeling(o)))
    regels = tabel(kolommen, breedte, minimum=len(kop), kleur=kleur)
    tabelbreedte = cel_breedte(regels[0])
    return alinea(kop, tabelbreedte, VET, kleur) + regels


def render(plan: Plan, kleur: bool = False, breedte: int | None = None, **_: Any) -> str:
    breedte = breedte or STANDAARD_BREEDTE
    d = plan.draaiboek
    regels: list[str] = []

    def schrijf(tekst: str, stijl: str = "") -> None:
        regels.extend(alinea(tekst, breedte, stijl, kleur))

    kenmerken = [deelnemers(plan.groep), f"{toon_duur(plan.tijd_min)} per sessie"]
    if plan.variant:
        kenmerken.append(plan.variant.titel)
    if plan.opstelling:
        kenmerken.append(f"opstelling: {plan.opstelling}")
    schrijf(d.titel, VET)
    schrijf(" · ".join(kenmerken), DIM)
    nodig = benodigdheden(plan)
    if nodig:
        schrijf(f"Nodig: {', '.join(map(str, nodig))}", DIM)
    regels.append("")
    soorten: list[str] = []
    for sessie in plan.sessies:
        sessieregels = _sessie(plan, sessie, breedte, kleur)
        regels += sessieregels
        # The bar sits under the table, exactly as wide, to show the rhythm of the session.
        balk = tijdlijn(sessie, cel_breedte(sessieregels[-1]), kleur, met_legenda=False)  # border: no colour
        if balk is not None:
            regels += balk
            soorten += [o.soort for o in sessie.onderdelen]
        regels.append("")
    if soorten:
        regels += tijdlijn_legenda(soorten, breedte, kleur)
    uitleg = legenda(o for s in plan.sessies for o in s.onderdelen)
    if uitleg:
        schrijf("   ".join(uitleg), DIM)
    for noot in voetnoten(plan):
        schrijf(noot, DIM)
    if plan.waarschuwingen:
        schrijf("Let op:", LET_OP)
        for waarschuwing in plan.waarschuwingen:
            schrijf(f"• {waarschuwing}")
    schrijf(f"Bron: {d.bron}", DIM)
    return als_tekst(regels, breedte, kleur)
