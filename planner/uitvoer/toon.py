"""A draaiboek as `planner toon` shows it in the terminal: its facts, variants and every onderdeel
with its minutes, steps and materials.

Drawn by planner.uitvoer.kader, as the agenda is: `planner toon` is the second command a newcomer
runs, and rich's console cost more start-up than the rest of it (issue 12).
"""

from __future__ import annotations

from planner.kern.model import Draaiboek, Onderdeel
from planner.kern.tekst import stap_regels
from planner.kern.tijd import toon_duur
from planner.uitvoer.kader import Kolom, alinea, als_tekst, gestijld, rijen

VET, DIM, KOPJE = "1", "2", "1;4"
STANDAARD_BREEDTE = 100


def render_draaiboek(d: Draaiboek, groep: int | None = None, kleur: bool = False,
                     breedte: int | None = None) -> str:
    from planner.kern.maten import kies_variant

    breedte = breedte or STANDAARD_BREEDTE
    variant = kies_variant(d, groep) if groep is not None else None
    regels: list[str] = []

    def schrijf(tekst: str, stijl: str = "", label: str = "") -> None:
        nieuw = alinea(tekst, breedte, stijl, kleur)
        if label and kleur and nieuw[0].startswith(label):
            nieuw[0] = gestijld(label, VET, kleur) + nieuw[0][len(label):]  # 'Naam:' bold, its value not
        regels.extend(nieuw)

    schrijf(d.titel, VET)
    schrijf(f"Bron: {d.bron}", DIM)
    feiten = [("Naam", d.id), ("Duur", d.tijdsduur), ("Groep", f"{d.groep_min}-{d.groep_max}"),
              ("Opstelling", d.opstelling), ("Bij tijdgebrek", d.bij_tijdgebrek),
              ("Over sessies verdelen", "ja" if d.splitsen else f"nee: {d.niet_splitsen_omdat}"),
              ("Deelnemers", d.deelnemers), ("Nodig", ", ".join(map(str, d.materialen)))]
    if d.herhaling:
        geschat = " (geschatte duur)" if d.herhaling.geschat else ""
        feiten.append(("Herhaling", f"{d.herhaling.titel}, {toon_duur(d.herhaling.minuten)}{geschat}; "
                                    "zet hem in de agenda met planner plan … --ics … --herhaling 3mnd"))
    for label, waarde in feiten:
        if waarde:
            schrijf(f"{label}: {waarde}", label=f"{label}:")
    if d.beschrijving:
        regels.append("")
        schrijf(d.beschrijving)
    if d.varianten or d.opmerkingen:
        regels.append("")  # the variants and remarks are not part of the description above them
    for v in d.varianten:
        gekozen = " ← voor deze groep" if variant and v.id == variant.id else ""
        label = v.titel if v.titel.lower().startswith("variant") else f"Variant {v.id}: {v.titel}"
        schrijf(f"{label}{gekozen}")
        if v.opstelling:
            schrijf(f"  opstelling: {v.opstelling}")
    for opmerking in d.opmerkingen:
        schrijf(f"• {opmerking}")
    for o in d.onderdelen_voor(variant):
        regels.append("")
        schrijf(f"{o.titel}  [{o.id}]", KOPJE)
        regels += rijen(_feiten(o), breedte, kleur)
    return als_tekst(regels, breedte, kleur)


def _feiten(o: Onderdeel) -> list[Kolom]:
    """An onderdeel's facts as two columns: the label (bold) and its value."""
    labels, waarden = Kolom("", niet_breken=True), Kolom("")
    grenzen = "" if o.min_minuten == o.max_minuten else f" (kan {o.min_minuten}-{o.max_minuten})"
    bron = "geschat" if o.geschat else "uit de bron"
    feiten = [("Minuten", f"{o.minuten}{grenzen}, {bron}"),
              ("Soort", o.soort + (" (optioneel: --zonder " + o.id + ")" if o.optioneel else ""))]
    if o.varianten:
        feiten.append(("Variant", ", ".join(o.varianten)))
    if o.werkvorm:
        feiten.append(("Werkvorm", o.werkvorm))
    if o.toelichting:
        feiten.append(("Toelichting", o.toelichting))
    if o.stappen:
        # A continuation line stays under its bullet.
        stappen = [(f"  – {t}".replace("\n", "\n    ") if diepte else f"• {t}".replace("\n", "\n  "))
                   for diepte, t in stap_regels(o.stappen)]
        feiten.append(("Stappen", "\n".join(stappen)))
    if o.materialen:
        feiten.append(("Nodig", "\n".join(f"• {m}".replace("\n", "\n  ") for m in o.materialen)))
    for label, waarde in feiten:
        labels.voeg_toe(label, VET)
        waarden.voeg_toe(waarde)
    return [labels, waarden]
