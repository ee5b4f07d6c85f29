"""The commands about draaiboeken themselves: list, show, create, import and check them, and look
back on a session's log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from planner.cli import opdrachten, opties, programma_lijst, scherm
from planner.cli import programma as programma_cli
from planner.cli.uitgang import Uitgang
from planner.kern.fouten import InvoerFout


def lijst(
    formaat: opties.LijstFormaat = "tabel",
) -> None:
    """Toon alle draaiboeken: ingebouwd en eigen, met groepsgrootte, duur en herkomst.

    Programma's (een dag of traject van meer draaiboeken) staan in een tweede tabel.

    Voorbeelden:

      planner lijst

      planner lijst --format json
    """
    opdrachten.lijst(formaat)


def toon(
    draaiboek: opties.Draaiboek,
    groep: opties.AlleenGroep = None,
    formaat: opties.LijstFormaat = "tabel",
) -> None:
    """Toon een draaiboek: onderdelen, minuten, opstelling, instructies en vragen.

    Met --groep alleen de onderdelen van de variant die bij die groep past.

    Voorbeelden:

      planner toon kickoff

      planner toon kennismaking --groep 8

      planner toon training --format json
    """
    if not programma_cli.toon(draaiboek, formaat, groep):  # issue 23: a programme file
        opdrachten.toon(draaiboek, groep=groep, formaat=formaat)


def terugblik(
    log: opties.Logs,
    bijstellen: opties.Bijstellen = None,
    force: opties.VervangEigen = False,
) -> None:
    """Zet gepland naast werkelijk per onderdeel, met totalen: materiaal om de minuten bij te stellen.

    Met --bijstellen schrijft de planner een eigen kopie van het draaiboek met minuten naar de praktijk.

    Voorbeelden:

      planner terugblik gesprek.csv

      planner terugblik sessie1.csv sessie2.csv sessie3.csv --bijstellen mijn-ambitiegesprek
    """
    from planner.cli import praktijk

    praktijk.terugblik(log, bijstellen, force, typer.echo)


def nieuw(
    naam: opties.Naam,
    van: opties.Van = None,
    force: opties.VervangEigen = False,
    programma: opties.ProgrammaBlokken = None,
    meer: opties.MeerBlokken = None,
) -> None:
    """Maak een eigen draaiboek (TOML) in je map met eigen draaiboeken.

    Daarna zegt de planner hoe verder: het bestand aanpassen, controleren en plannen.

    Voorbeelden:

      planner nieuw mijn-kickoff --van kickoff

      planner nieuw teamdag

      planner nieuw studiedag --programma kennismaking training
    """
    from planner.bibliotheek import laden, lezen, sjabloon, vinden
    from planner.cli.bestanden import schrijf

    if programma or meer:  # issue 23: a programme file (planner/cli/programma.py)
        return programma_cli.nieuw(naam, [*(programma or ())], force, meer)
    naam = sjabloon.controleer_naam(naam)
    if van is not None:
        from planner.bibliotheek.programma import zoek_programma

        gevonden = zoek_programma(van)
        if gevonden is not None:  # a programme (training-met-herhaling) is copied as a programme
            return programma_cli.kopieer(naam, gevonden[0], van, force)
        bron = laden.vind(van)
        tekst = sjabloon.kopie(lezen.lees_tekst(Path(bron.pad)), naam, bron.id)
    else:
        tekst = sjabloon.leeg(naam)
    map_ = vinden.maak_eigen_map()
    pad = map_ / f"{naam}.toml"
    if van is not None:
        # The copy is checked before it is written: a planner-made file must pass 'planner controleer'.
        _, problemen = laden.controleer_tekst(tekst, pad)
        if problemen:
            raise InvoerFout(f"De kopie van '{van}' zou niet in orde zijn ({problemen[0].melding}): kopieer het "
                             f"bestand zelf naar {pad} en pas het id aan.")
    schrijf(pad, tekst, force=force)
    scherm.zo_verder(pad, f"planner plan {naam} --groep 12 --tijd 1u", typer.echo)


def importeer(
    bestand: opties.Document,
    naam: opties.NieuweNaam = None,
    force: opties.VervangEigen = False,
) -> None:
    """Maak van een bestaand draaiboek (Word, Markdown of tekst) een eigen draaiboek voor de planner.

    De planner zegt wat hij herkende en wat hij gokte: lees het bestand daarna na.

    Voorbeelden:

      planner importeer teamdag.docx

      planner importeer draaiboek.txt --naam mijn-training
    """
    from planner.cli.importeer import importeer as lees_in

    geschreven = lees_in(Path(bestand).expanduser(), naam, force)
    fout = False
    for resultaat in geschreven:
        _meld_import(resultaat)
        fout = fout or bool(resultaat.problemen)
    if len(geschreven) > 1:
        typer.echo(f"Het document bevat {len(geschreven)} draaiboeken; elk staat in een eigen bestand.")
    if fout:
        raise typer.Exit(Uitgang.DRAAIBOEK)


def _meld_import(resultaat: Any) -> None:
    from planner.importeren.schrijven import duur_tekst
    from planner.kern.veilig import schoon

    def echo(tekst: str) -> None:
        typer.echo(schoon(tekst))  # the report quotes the document's text: no raw control character

    c = resultaat.concept
    totaal = sum(d.minuten for d in c.delen)
    echo(f"Geïmporteerd: '{c.titel}' → {resultaat.pad}")
    echo(f"Herkend: {len(c.delen)} onderdelen, samen {totaal} minuten:")
    for d in c.delen:
        stappen = f", {len(d.stappen)} {'stap' if len(d.stappen) == 1 else 'stappen'}" if d.stappen else ""
        schatting = " (geschat)" if d.geschat else ""
        echo(f"  {d.minuten:>4} min{schatting}  {d.titel}  [{d.soort}{stappen}]")
    for regel in c.herkend:
        echo(f"  • {regel}")
    echo("Gegokt (lees het na in het bestand):")
    echo("  • de soort van elk onderdeel (opening, werkvorm, pauze, evaluatie, afronding), aan de titel.")
    echo("  • min en max zijn gelijk aan de minuten: verruim ze als de planner mag inkorten of verlengen.")
    for regel in c.gegokt + resultaat.waarschuwingen:
        echo(f"  • {regel}")
    if c.niet_geplaatst:
        echo("Niet als onderdeel of stap herkend, maar bewaard:")
        for regel in c.niet_geplaatst:
            echo(f"  • {regel}")
    if resultaat.problemen:
        echo("Controle: het bestand heeft problemen:")
        for probleem in resultaat.problemen:
            echo(f"  ✗ {probleem}")
    else:
        echo("Controle: in orde.")
    groep = max(c.groep_min or 1, min(c.groep_max or 12, 12))
    echo("Zo verder:")
    echo(f"  planner toon {resultaat.naam}")
    echo(f"  planner plan {resultaat.naam} --groep {groep} --tijd {duur_tekst(totaal)}")
    echo("")


def controleer(
    paden: opties.Paden = None,
) -> None:
    """Controleer draaiboeken en noem elk probleem met bestand, regel, onderdeel en veld.

    Zonder argument controleert de planner alle ingebouwde en eigen draaiboeken en programma's.

    Voorbeelden:

      planner controleer

      planner controleer mijn-kickoff.toml
    """
    from planner.bibliotheek import lezen, vinden
    from planner.kern.fouten import Probleem
    from planner.kern.veilig import schoon

    if paden:
        te_doen = [_te_controleren(p) for p in paden]
    else:
        scherm.waarschuw_eigen_map()  # checking "all": say when the own ones cannot even be looked for
        te_doen = [(b.pad, b.herkomst) for b in vinden.alle_bronnen()] + [
            (b.pad, "eigen") for b in vinden.ongeldige_namen()] + programma_lijst.te_controleren()
    aantal_fout = 0
    aantal_problemen = 0
    for pad, herkomst in te_doen:
        draaiboek = None
        if pad.suffix != ".toml":
            problemen = [Probleem(str(pad), "dit is geen .toml-bestand; een draaiboek is een .toml-bestand.")]
        elif not lezen.is_bestand(pad):
            problemen = [Probleem(str(pad), f"dit bestand {lezen.waarom_niet(pad)}")]
        elif herkomst == "eigen" and not vinden.NAAM.match(pad.stem):
            problemen = [vinden.ongeldige_naam(pad)]
        else:
            # issue 23: a programme file is checked as such (and gives no draaiboek for the remarks)
            draaiboek, problemen = programma_lijst.controleer_bestand(pad, herkomst)
        if problemen:
            aantal_fout += 1
            aantal_problemen += len(problemen)
            for probleem in problemen:
                typer.echo(f"✗ {schoon(str(probleem))}")
        else:
            typer.echo(f"✓ {schoon(str(pad))}: in orde")
            from planner.bibliotheek.opmerkingen import opmerkingen  # issue 20.4: a stated total that differs

            for opmerking in opmerkingen(draaiboek) if draaiboek is not None else []:
                typer.echo(f"  ⚠ let op: {schoon(opmerking)}")
    woord = "bestand" if len(te_doen) == 1 else "bestanden"
    if aantal_fout:
        typer.echo(f"{len(te_doen)} {woord} gecontroleerd: {len(te_doen) - aantal_fout} in orde, "
                   f"{aantal_fout} met {aantal_problemen} "
                   f"{'probleem' if aantal_problemen == 1 else 'problemen'}.")
        raise typer.Exit(Uitgang.DRAAIBOEK)
    typer.echo(f"{len(te_doen)} {woord} gecontroleerd: alles in orde.")


def _te_controleren(argument: str) -> tuple[Path, str]:
    """A path as given, or the file behind a draaiboek name."""
    from planner.bibliotheek import lezen, vinden

    if vinden.lijkt_pad(argument) or lezen.is_bestand(Path(argument).expanduser()):
        return Path(argument).expanduser(), str(argument)
    for bron in vinden.zichtbare_bronnen():
        if bron.id == argument.strip().lower():
            return bron.pad, bron.herkomst
    if (gevonden := programma_lijst.zoek(argument)) is not None:
        return gevonden
    raise InvoerFout(f"'{argument}' is geen bestand en geen draaiboek uit 'planner lijst': "
                     "geef een pad naar een .toml-bestand.")
