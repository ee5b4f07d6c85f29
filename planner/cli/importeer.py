"""The work of 'planner importeer': read a document, write one draaiboek per draft into the own folder
(atomically, through planner.cli.bestanden) and check each. It writes files, so it lives in the
command-line layer; recognising the drafts is planner.importeren's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner.importeren.concept import Concept
from planner.importeren.herkennen import herken
from planner.importeren.schrijven import naam_van, toml_tekst

# --- the command's work ------------------------------------------------------------------------


@dataclass
class Geschreven:
    """One draaiboek written by 'planner importeer', with its check and what the user should know."""

    naam: str
    pad: Path
    concept: Concept
    problemen: list[str]
    waarschuwingen: list[str]


def importeer(bestand: Path, naam: str | None = None, force: bool = False) -> list[Geschreven]:
    """Read `bestand`, write one TOML draaiboek per draaiboek in it into the own folder, check each."""
    from planner.bibliotheek import laden, sjabloon, vinden
    from planner.cli.bestanden import controleer_doel, schrijf
    from planner.importeren import documenten

    omgezet = ""
    if naam is not None:
        gegeven = naam.strip()
        if not vinden.NAAM.match(gegeven) and not vinden.lijkt_pad(gegeven) and naam_van(gegeven) != "geimporteerd":
            # 'Mijn Teamdag' means mijn-teamdag: say so rather than refuse.
            naam = naam_van(gegeven)
            omgezet = f"de naam '{gegeven}' is '{naam}' geworden (kleine letters, cijfers, '-' en '_')."
        naam = sjabloon.controleer_naam(naam)
    concepten = herken(documenten.lees(bestand), bestand.name)
    ingebouwd = {b.id for b in vinden.alle_bronnen() if b.herkomst == "ingebouwd"}
    namen, waarschuwingen = _namen(concepten, naam, bestand, ingebouwd)
    if omgezet:
        waarschuwingen[0].insert(0, omgezet)
    teksten = [toml_tekst(concept, n, bestand.name) for concept, n in zip(concepten, namen, strict=True)]
    for tekst in teksten:
        _past_in_een_draaiboek(tekst, bestand)
    map_ = vinden.maak_eigen_map()
    paden = [map_ / f"{n}.toml" for n in namen]
    for pad in paden:  # all or nothing: refuse before writing the first one
        controleer_doel(pad, force)
    resultaat = []
    for concept, n, pad, extra, tekst in zip(concepten, namen, paden, waarschuwingen, teksten, strict=True):
        schrijf(pad, tekst, force=force)
        _, problemen = laden.controleer_bestand(pad, herkomst="eigen")
        resultaat.append(Geschreven(n, pad, concept, [str(p) for p in problemen], extra))
    return resultaat


def _past_in_een_draaiboek(tekst: str, bestand: Path) -> None:
    """Refuse, before writing anything, a draaiboek the loader would refuse for its size (issue 21.3):
    a huge text file must not leave a 29 MB draaiboek behind that no command can read."""
    from planner.bibliotheek.lezen import MAX_GROOTTE
    from planner.kern.fouten import InvoerFout

    grootte = len(tekst.encode("utf-8"))
    if grootte > MAX_GROOTTE:
        raise InvoerFout(f"Uit '{bestand.name}' zou een draaiboek van {grootte / 1024 / 1024:.1f} MB komen, meer dan "
                         f"de {MAX_GROOTTE // 1024 // 1024} MB die een draaiboek mag zijn: importeer alleen het "
                         "programma (knip de rest van het document weg); er is niets geschreven.")


def _namen(concepten: list[Concept], naam: str | None, bestand: Path,
           ingebouwd: set[str]) -> tuple[list[str], list[list[str]]]:
    """One name per draaiboek: --naam (numbered when there are several), else from file name or title."""
    if naam is not None:
        if len(concepten) == 1:
            return [naam], [[]]
        return [f"{naam}-{i}" for i in range(1, len(concepten) + 1)], [[] for _ in concepten]
    kandidaten = [naam_van(bestand.stem)] if len(concepten) == 1 else [naam_van(c.titel) for c in concepten]
    namen: list[str] = []
    waarschuwingen: list[list[str]] = []
    for kandidaat in kandidaten:
        extra = []
        gekozen = kandidaat
        if gekozen in ingebouwd:
            # A built-in draaiboek goes first under its name: the import would be invisible.
            gekozen = f"mijn-{kandidaat}"
            extra.append(f"'{kandidaat}' is al een ingebouwd draaiboek; dit draaiboek heet daarom '{gekozen}' "
                         "(kies zelf een naam met --naam).")
        basis, n = gekozen, 2
        while gekozen in namen:
            gekozen, n = f"{basis}-{n}", n + 1
        namen.append(gekozen)
        waarschuwingen.append(extra)
    return namen, waarschuwingen
