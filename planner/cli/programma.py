"""Programmes on the command line: `plan`, `toon`, `controleer`, `lijst` and `nieuw --programma` on a
programme file (planner.bibliotheek.programma) as on a draaiboek.

The existing commands call in here with one line each and go on as before when the name is no programme.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Any

from planner.cli import klok, scherm
from planner.cli.programma_lijst import zoek
from planner.kern.fouten import InvoerFout, PlannerFout

FORMATEN = ("tabel", "json", "markdown", "html", "uitnodiging", "kaarten", "csv")

# ---------------------------------------------------------------------------------------- plan

# Options of `planner plan` that belong to one draaiboek: in a programme each block carries its own.
PER_BLOK = {"variant": ("--variant", 'variant = "A"'), "zonder": ("--zonder", 'zonder = ["reflectie"]'),
             "vooraf": ("--vooraf", 'agendapunt = "Mededelingen" met minuten = 10'),
             "daarna": ("--daarna", 'agendapunt = "Teamoverleg" met minuten = 45'),
             "herhaling": ("--herhaling", 'een [[bijeenkomsten]] met na = "3mnd" en herhaling = "training"')}


def plan(o: Any) -> bool:
    """`planner plan NAAM` when NAAM is a programme: print and write it; False when it is none."""
    gevonden = zoek(o.draaiboek)
    if gevonden is None:
        return False
    from planner.bibliotheek.programma import laad_programma
    from planner.cli.bestanden import controleer_doel, schrijf_alles
    from planner.cli.opdrachten import _lees_herinnering, kies_formaat, lees_groep, vraag_uit_opties
    from planner.kern.traject import maak_programmaplan
    from planner.kern.veilig import schoon_kopie

    for veld, (optie, voorbeeld) in PER_BLOK.items():
        if getattr(o, veld):
            raise InvoerFout(f"{optie} geldt voor één draaiboek; in een programma zet je het in het blok zelf: "
                             f"{voorbeeld}.")
    if o.strategie.strip().lower() != "auto":
        raise InvoerFout("--strategie geldt voor één draaiboek; in een programma zet je het in het blok zelf: "
                         'strategie = "inkorten".')
    if o.nu is not None or o.klaar is not None:
        # Why no re-plan of a whole programme from a moment: the live screen already re-plans the running
        # block by its own rules after every step, and the blocks after it start when it ends.
        raise InvoerFout(f"--nu en --klaar herplannen één draaiboek, niet een programma: begeleid de dag met "
                         f"'planner live {o.draaiboek} --groep {o.groep or 12}' (het lopende blok herplant zich "
                         f"na elke stap), of herplan het lopende blok los met 'planner plan DRAAIBOEK --groep "
                         f"{o.groep or 12} --nu {o.nu or 'HH:MM'} --klaar ID'.")
    formaat = kies_formaat(o.formaat, FORMATEN)
    scheiding = ";"
    if o.csv_scheiding != ";":
        from planner.uitvoer.csv import lees_scheiding

        scheiding = lees_scheiding(o.csv_scheiding)
    if o.per_onderdeel and o.ics is None:
        raise InvoerFout("--per-onderdeel hoort bij het agenda-bestand: geef ook --ics BESTAND op.")
    if o.land is not None:
        from planner.kern.feestdagen import lees_land

        lees_land(o.land)  # a wrong --land is refused before anything is planned
    voor = o.voor
    if voor != "begeleider":
        from planner.uitvoer.handout import lees_voor

        voor = lees_voor(voor)
    if voor != "begeleider" and formaat not in ("markdown", "html") and o.html is None and o.ics is None:
        # As for a single draaiboek: a table, JSON or cards have no participants' version.
        raise InvoerFout("--voor deelnemers geldt voor een handout of het agenda-bestand: gebruik --format "
                         "markdown, --format html, --html PAD of --ics PAD.")
    if o.herinnering is not None and o.ics is None:
        raise InvoerFout("--herinnering hoort bij het agenda-bestand: geef ook --ics BESTAND op.")
    herinnering = _lees_herinnering(o.herinnering) if o.herinnering is not None else None
    programma = laad_programma(*gevonden)
    ics_paden = _ics_paden(o.ics, len(programma.bijeenkomsten)) if o.ics is not None else []
    doelen = [p for p in [o.uitvoer, *ics_paden, o.html, o.kaarten] if p is not None]
    if len({p.resolve() for p in doelen}) < len(doelen):
        raise InvoerFout("--uitvoer, --ics, --html en --kaarten wijzen naar hetzelfde bestand: geef elk een "
                         "eigen naam.")
    for pad in doelen:
        controleer_doel(pad, o.force)
    aantal = lees_groep(o.groep)
    assert aantal is not None
    vraag, _ = vraag_uit_opties(aantal, o.tijd, o.start, o.interval, o.tz, "auto", o.locatie)
    gepland = met_datumcontrole(maak_programmaplan(programma, vraag), o.land, vraag.start is not None)
    begeleiders = tuple(naam.strip() for naam in o.begeleider or () if naam.strip())
    papier = {"voor": voor, "opdrachtgever": o.opdrachtgever.strip(), "begeleiders": begeleiders}
    hoofd = render(formaat, gepland, kleur=scherm.kleur() and o.uitvoer is None,
                   breedte=scherm.breedte() if o.uitvoer is None else 100,
                   bijlage=o.ics.name if o.ics is not None else "", scheiding=scheiding, **papier)
    bestanden: list[tuple[Path, str | bytes]] = [(o.uitvoer, hoofd)] if o.uitvoer is not None else []
    if o.ics is not None:
        from planner.uitvoer.programma_ics import render as ics

        schoon = schoon_kopie(gepland)
        bestanden += [(pad, ics(schoon, herinnering, per_onderdeel=o.per_onderdeel, gemaakt=klok.nu(UTC), **deel))
                      for pad, deel in _ics_bestanden(o.ics, gepland)]
    if o.html is not None:
        bestanden.append((o.html, render("html", gepland, **papier)))
    if o.kaarten is not None:
        bestanden.append((o.kaarten, render("kaarten", gepland)))
    from planner.cli.opdrachten import geen_dubbele

    geen_dubbele([pad for pad, _ in bestanden])  # the files of one day are known once planned
    schrijf_alles(bestanden, force=o.force)
    for pad, _inhoud in bestanden:
        scherm.geschreven(pad)
    if o.uitvoer is None:
        scherm.naar_scherm(hoofd)
    return True


def met_datumcontrole(gepland: Any, land: str | None, start_gegeven: bool, alleen: Any = None) -> Any:
    """The programme with a warning for each date on a public holiday or a Sunday (planner.cli.feestdagen);
    with `alleen` (a day's start) only that day's date, as `planner live` runs one day."""
    from dataclasses import replace

    from planner.cli.feestdagen import meldingen_voor
    from planner.kern.traject import te_controleren

    data = [d for d in te_controleren(gepland, start_gegeven=start_gegeven) if alleen is None or d.moment == alleen]
    meldingen = meldingen_voor(data, gepland.tz, land)
    return replace(gepland, waarschuwingen=gepland.waarschuwingen + tuple(meldingen)) if meldingen else gepland


def _ics_paden(pad: Path, bijeenkomsten: int) -> list[Path]:
    """The calendar with every meeting, and with more than one meeting each meeting in a file of its own
    next to it (agenda-1.ics, agenda-2.ics, ...): several programs import only a file's first event."""
    if bijeenkomsten == 1:
        return [pad]
    from planner.uitvoer.ics import ernaast

    return [pad] + [ernaast(pad, n) for n in range(1, bijeenkomsten + 1)]


def _ics_bestanden(pad: Path, gepland: Any) -> list[tuple[Path, dict[str, int]]]:
    """Every calendar file with what it holds: all of it; with more than one meeting each meeting
    (agenda-1.ics, …, as before) and each day of a meeting of more days (agenda-1-1.ics, agenda-1-2.ics);
    one meeting of more days, each day (agenda-1.ics, agenda-2.ics, as the sessions of one draaiboek).
    So every event is in a file alone too: several programs import only a file's first event."""
    from planner.uitvoer.ics import ernaast

    bijeenkomsten = gepland.bijeenkomsten
    paden = _ics_paden(pad, len(bijeenkomsten))
    bestanden: list[tuple[Path, dict[str, int]]] = [(paden[0], {})]
    if len(bijeenkomsten) == 1:
        (bij,) = bijeenkomsten
        if len(bij.dagen) > 1:
            bestanden += [(ernaast(pad, d.nummer), {"alleen": bij.nummer, "dag": d.nummer})
                          for d in bij.dagen]
        return bestanden
    for bij, eigen in zip(bijeenkomsten, paden[1:], strict=True):
        bestanden.append((eigen, {"alleen": bij.nummer}))
        if len(bij.dagen) > 1:
            bestanden += [(ernaast(pad, bij.nummer, d.nummer),
                           {"alleen": bij.nummer, "dag": d.nummer}) for d in bij.dagen]
    return bestanden


def render(formaat: str, gepland: Any, scheiding: str = ";", **opties: Any) -> str | bytes:
    from planner.uitvoer import programma as uit

    if formaat == "json":
        return uit.render_json(gepland)
    from planner.kern.veilig import schoon_kopie

    schoon = schoon_kopie(gepland)
    if formaat == "csv":
        from planner.uitvoer import programma_csv

        return programma_csv.render(schoon, scheiding)
    if formaat == "markdown":
        return uit.render_markdown(schoon, **opties)
    if formaat in ("html", "uitnodiging", "kaarten"):
        from planner.uitvoer import programma_papier as papier

        maker = {"html": papier.trainersraster, "uitnodiging": papier.uitnodiging, "kaarten": papier.kaarten}
        return maker[formaat](schoon, **opties)
    return uit.render_tabel(schoon, **opties)


# ------------------------------------------------------------------------------------ toon, lijst


def toon(naam: str, formaat: str = "tabel", groep: str | None = None) -> bool:
    """`planner toon NAAM` for a programme: its meetings and blocks with their options; with --groep N
    also the variant each draaiboek block takes for that group (or why the group does not fit a block)."""
    gevonden = zoek(naam)
    if gevonden is None:
        return False
    from planner.bibliotheek.programma import laad_programma
    from planner.cli.opdrachten import kies_formaat, lees_groep
    from planner.kern.veilig import schoon_kopie

    formaat = kies_formaat(formaat, ("tabel", "json"))
    aantal = lees_groep(groep, verplicht=False)
    programma = laad_programma(*gevonden)
    varianten = _varianten(programma, aantal) if aantal is not None else None
    if formaat == "json":
        from planner.uitvoer.json import dumps

        scherm.uit(dumps(programma_dict(programma, aantal, varianten)), None, False)
    else:
        scherm.uit(programma_tekst(schoon_kopie(programma), aantal, varianten), None, False)
    return True


def _varianten(p: Any, groep: int) -> dict[tuple[int, int], str | None]:
    """The variant of each draaiboek block for this group, by (meeting, block) index; a group a block does
    not allow is refused naming the block, as `planner plan` would."""
    from planner.kern.maten import kies_variant

    gekozen: dict[tuple[int, int], str | None] = {}
    for i, bij in enumerate(p.bijeenkomsten):
        for j, k in enumerate(bij.blokken):
            if k.draaiboek is None:
                continue
            try:
                variant = kies_variant(k.draaiboek, groep, k.variant)
            except PlannerFout as fout:
                wie = f"Bijeenkomst {i + 1}, blok {j + 1}" if p.traject else f"Blok {j + 1}"
                raise type(fout)(f"{wie} ('{k.titel}'): {fout}") from None
            gekozen[(i, j)] = variant.id if variant is not None else None
    return gekozen


def programma_dict(p: Any, groep: int | None = None,
                   varianten: dict[tuple[int, int], str | None] | None = None) -> dict[str, Any]:
    gegevens = {
        "id": p.id, "titel": p.titel, "soort": "traject" if p.traject else "dag", "herkomst": p.herkomst,
        "pad": p.pad, "beschrijving": p.beschrijving,
        "bijeenkomsten": [{
            "titel": b.titel, "na": b.na_tekst or None, "tijd_min": b.tijd_min,
            "blokken": [{"soort": k.soort, "titel": k.titel,
                         "draaiboek": k.draaiboek.id if k.draaiboek else None,
                         "minuten": k.minuten if k.draaiboek is None else None,
                         "variant": k.variant, "zonder": list(k.zonder), "strategie": k.strategie,
                         **({"variant_voor_groep": varianten.get((i, j))} if varianten is not None
                            and k.draaiboek is not None else {})}
                        for j, k in enumerate(b.blokken)],
        } for i, b in enumerate(p.bijeenkomsten)],
    }
    if groep is not None:
        gegevens["groep"] = groep
    return gegevens


def programma_tekst(p: Any, groep: int | None = None,
                    varianten: dict[tuple[int, int], str | None] | None = None) -> str:
    from planner.kern.tijd import deelnemers, toon_duur

    regels = [f"{p.titel} ({p.id}, programma, {p.herkomst})"]
    if groep is not None:
        regels.append(f"Voor {deelnemers(groep)}: elk draaiboek-blok met zijn variant bij deze groep.")
    if p.beschrijving:
        regels.append(p.beschrijving)
    for nummer, b in enumerate(p.bijeenkomsten, start=1):
        if p.traject:
            na = f", {b.na_woorden} na de vorige" if b.na_tekst else ""
            regels += ["", f"Bijeenkomst {nummer}: {b.titel}{na}"]
        else:
            regels.append("")
        for j, k in enumerate(b.blokken):
            if k.draaiboek is not None:
                variant = (varianten or {}).get((nummer - 1, j))
                voor_groep = f"variant {variant} voor deze groep" if variant and not k.variant else ""
                opties = [f"variant {k.variant}" if k.variant else voor_groep,
                          f"zonder {', '.join(k.zonder)}" if k.zonder else "",
                          f"strategie {k.strategie}" if k.strategie != "auto" else ""]
                extra = "; ".join(x for x in opties if x)
                duur = k.draaiboek.tijdsduur or "duur volgens het draaiboek"
                regels.append(f"  - {k.titel} (draaiboek {k.draaiboek.id}, {duur}{'; ' + extra if extra else ''})")
            else:
                soort = {"herhaling": "herhaling, geschat" if k.herhaling and k.herhaling.geschat else "herhaling"}
                regels.append(f"  - {k.titel} ({soort.get(k.soort, k.soort)}, {toon_duur(k.minuten)})")
    regels += ["", f"Plannen: planner plan {p.id} --groep {groep or 12} --start \"dinsdag 9:30\""]
    return "\n".join(regels) + "\n"


# ------------------------------------------------------------------------------------------ nieuw


def nieuw(naam: str, blokken: list[str], force: bool = False, meer: list[str] | None = None) -> None:
    """`planner nieuw NAAM --programma kennismaking training`: a commented programme to start from."""

    if not blokken:
        raise InvoerFout(f"'{' '.join(meer or ())}' begrijp ik niet: geef één naam, of maak een programma met "
                         f"'planner nieuw {naam} --programma kennismaking training'.")
    blokken = [*blokken, *(meer or ())]
    from planner.bibliotheek import sjabloon
    from planner.bibliotheek.programma import sjabloon_tekst

    naam = sjabloon.controleer_naam(naam)
    tekst = sjabloon_tekst(naam, [b.strip().lower() for b in blokken])
    _bewaar(naam, tekst, force, lambda melding, _: f"Dit programma zou niet in orde zijn: {melding[:1].upper()}"
                                                   f"{melding[1:]}")


def kopieer(naam: str, pad: Path, van: str, force: bool = False) -> None:
    """`planner nieuw NAAM --van PROGRAMMA`: an own copy of a programme, to change its 'na' or blocks.

    The text is copied as it is (comments and layout survive) under a comment saying where it came
    from; the copy takes its name from its file, so a programme that sets its own id is not copied."""
    import json
    import tomllib

    from planner.bibliotheek import lezen, sjabloon

    naam = sjabloon.controleer_naam(naam)
    tekst = lezen.lees_tekst(pad)
    kop = tomllib.loads(tekst).get("programma")
    if isinstance(kop, dict) and "id" in kop:
        raise InvoerFout(f"Het programma '{van}' zet zelf een id: kopieer het bestand zelf naar {naam}.toml in je "
                         f"map met eigen draaiboeken en zet daarin id = \"{naam}\".")
    titel = kop.get("titel") if isinstance(kop, dict) else None
    if isinstance(titel, str):
        # Its own title too, so 'planner lijst' does not show two programmes with one name.
        eigen = f"{titel} (eigen: {naam})"
        regels = tekst.splitlines(keepends=True)
        for i, r in enumerate(regels):
            if r.strip() == f"titel = {json.dumps(titel, ensure_ascii=False)}":
                poging = "".join([*regels[:i], f"titel = {json.dumps(eigen, ensure_ascii=False)}\n", *regels[i + 1:]])
                if tomllib.loads(poging).get("programma", {}).get("titel") == eigen:
                    tekst = poging
                    break
    tekst = (f"# Eigen programma '{naam}', begonnen als kopie van '{van}' (planner nieuw {naam} --van {van}).\n"
             "# Pas het gerust aan, bijvoorbeeld 'na' van een bijeenkomst of de blokken.\n"
             f"# Daarna: planner controleer {naam}, en plan het met: planner plan {naam} --groep ...\n\n") + tekst
    _bewaar(naam, tekst, force, lambda melding, doel: f"De kopie van '{van}' zou niet in orde zijn ({melding}): "
                                                      f"kopieer het bestand zelf naar {doel}.")


def _bewaar(naam: str, tekst: str, force: bool, fout: Callable[[str, Path], str]) -> None:
    """A new own programme: checked as 'planner controleer' would, written, and the next step said."""
    import typer

    from planner.bibliotheek import vinden
    from planner.bibliotheek.programma import controleer_programmatekst
    from planner.cli.bestanden import schrijf

    doel = vinden.maak_eigen_map() / f"{naam}.toml"
    _, problemen = controleer_programmatekst(tekst, doel)
    if problemen:
        raise InvoerFout(fout(problemen[0].melding, doel))
    schrijf(doel, tekst, force=force)
    scherm.zo_verder(doel, f"planner plan {naam} --groep 12 --start \"dinsdag 9:30\"", typer.echo, controleer=naam)
