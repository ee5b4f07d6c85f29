"""The commands that plan: `plan` (a timed agenda and its files) and `live` (a clock on the screen).

Both take the shared planning options (`opties.met_planning`); what they do with them is in
`planner.cli.opdrachten` (plan) and `planner.live` (the screen).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import typer

from planner.cli import klok as klokmodule
from planner.cli import opdrachten, opties, scherm
from planner.cli import programma as programma_cli
from planner.cli.opties import Planning
from planner.cli.uitgang import Uitgang
from planner.kern.fouten import InvoerFout


def _vraag(tekst: str) -> str:
    return typer.prompt(tekst, default="", show_default=False)


@opties.met_planning
def plan(
    planning: Planning,
    draaiboek: opties.DraaiboekOfVraag = None,
    formaat: opties.Formaat = "tabel",
    uitvoer: opties.Uitvoer = None,
    ics: opties.Ics = None,
    herinnering: opties.Herinnering = None,
    per_onderdeel: opties.PerOnderdeel = False,
    herhaling: opties.Herhaling = None,
    html: opties.Html = None,
    kaarten: opties.Kaarten = None,
    opdrachtgever: opties.Opdrachtgever = "",
    begeleider: opties.Begeleider = None,
    voor: opties.Voor = "begeleider",
    csv_scheiding: opties.CsvScheiding = ";",
    force: opties.Force = False,
    reeks: opties.Reeks = "",
    nu: opties.Nu = None,
    klaar: opties.Klaar = None,
    land: opties.Land = None,
) -> None:
    """Plan een draaiboek voor een groep en een beschikbare tijd.

    De planning komt op het scherm; --uitvoer, --ics, --html en --kaarten schrijven bestanden.

    Voorbeelden:

      planner plan kickoff --groep 20 --tijd 3u --start "dinsdag 13:30"

      planner plan kennismaking --groep 8 --start "morgen 9:00" --format json

      planner plan training --groep 16 --tijd 2u30 --ics training.ics --herinnering 1d --herhaling 3mnd

      planner plan          (in een terminal: de planner vraagt wat hij nodig heeft)

      planner plan kennismaking --groep 10 --daarna "Teamoverleg=45m" --daarna "Rondvraag=10m"

      planner plan training --groep 16 --html raster.html --locatie "Buurthuis De Linde"

      planner plan kickoff --groep 20 --format markdown --voor deelnemers -o agenda.md

      planner plan training --groep 16 --format uitnodiging -o uitnodiging.txt --ics training.ics

      planner plan kennismaking --groep 20 --kaarten kaarten.html

      planner plan ambitiegesprek --groep 5 --tijd 2u --start "dinsdag 13:00" --nu 14:40 --klaar ambities

      planner plan training-met-herhaling --groep 16 --ics traject.ics     (een programma: meer draaiboeken)
    """
    if uitvoer == Path("-"):
        uitvoer = None  # '-o -' is the screen, as a seasoned CLI user expects; never a file named '-'
    eigen = {naam: waarde for naam, waarde in locals().items() if naam != "planning"}
    gevraagd = opdrachten.PlanOpties(**asdict(planning), **eigen)
    if not programma_cli.plan(gevraagd):  # issue 23: a programme file is planned block after block
        opdrachten.plan(gevraagd, stel_vraag=_vraag, zeg=typer.echo)


@opties.met_planning
def live(
    planning: Planning,
    draaiboek: opties.Draaiboek,
    sessie: opties.Sessie = None,
    log: opties.LiveLog = None,
    force: opties.VervangLog = False,
    stil: opties.Stil = False,
    zaal: opties.Zaal = False,
    zaal_poort: opties.ZaalPoort = None,
    zaal_open: opties.ZaalOpen = False,
    land: opties.Land = None,
) -> None:
    """Begeleid een sessie met een klok op het hele scherm, die de rest na elke stap herplant.

    Toetsen: spatie/enter = onderdeel klaar · + of - = een minuut erbij of eraf
    · p = pauze · o = sla een optioneel onderdeel over · l = later einde afspreken
    · r = de rest met kloktijden · z = terugzetten · ? = hulp · q = stoppen

    Voorbeelden:

      planner live ambitiegesprek --groep 5 --tijd 2u --log gesprek.csv

      planner live kickoff --groep 20 --tijd 3u --start "dinsdag 13:30" --log kickoff.csv

      planner live kennismaking --groep 12 --tijd 1u --zaal     (ook een zaalscherm voor de projector)
    """
    import gc
    from datetime import datetime

    from planner.bibliotheek import laden
    from planner.cli.bestanden import controleer_doel, schrijf

    gc.enable()  # a session runs for hours: collect again (planner.cli.ingang switched it off for start-up)
    from planner.kern.live_staat import LiveStaat, kies_sessie
    from planner.kern.planning import maak_plan

    p = planning
    # issue 23: a programme, block after block
    from planner.cli import programma_live

    if programma_live.live(p, draaiboek, sessie, log, force, stil, zaal, zaal_poort, zaal_open, land):
        return
    if log is not None:
        # An earlier run's log is the facilitator's material: never replace it silently.
        controleer_doel(log, force)
    aantal = opdrachten.lees_groep(p.groep)
    assert aantal is not None
    if land is not None:
        from planner.kern.feestdagen import lees_land

        lees_land(land)  # a wrong --land is refused before anything is planned
    gekozen = laden.vind(draaiboek)
    vraag, zone = opdrachten.vraag_uit_opties(aantal, p.tijd, p.start, p.interval, p.tz, p.strategie, p.locatie,
                                              p.variant, p.zonder)

    def klok() -> datetime:
        return klokmodule.nu(zone)

    if vraag.start is None:
        from dataclasses import replace

        vraag = replace(vraag, start=klok().replace(second=0, microsecond=0))
    vraag = opdrachten.met_agendapunten(vraag, gekozen, p.vooraf, p.daarna)
    gepland = maak_plan(gekozen, vraag)
    staat = LiveStaat(gepland, sessie if sessie is not None else kies_sessie(gepland, klok()), nu=klok())
    if not scherm.interactief():
        raise InvoerFout("'planner live' heeft een terminal nodig om de klok te tonen: start het in een "
                         "terminalvenster (voor een planning op papier: 'planner plan').")
    from planner.cli import zaalscherm
    from planner.cli.feestdagen import live_datumcontrole
    from planner.live.app import LiveApp, afsluiten

    # Issue 19.5 as `plan` does it: a --start (or a later session) on a holiday or a Sunday is said,
    # on stderr (left when the screen closes) and on the screen until the first key.
    datum = live_datumcontrole(gepland, staat.sessienummer, land=land, start_gegeven=p.start is not None)
    for melding in datum:
        typer.echo(f"let op: {melding}", err=True)
    server = zaalscherm.start_als_gevraagd(staat, klok, zaal, zaal_poort, zaal_open)
    try:
        if log is not None:
            # The log's first version (the plan, nothing done yet), atomically and never over an earlier
            # log without --force: a folder that cannot be written is refused now, not found out afterwards.
            schrijf(log, staat.log_csv(), force=force)
        scherm_app = LiveApp(staat, klok, log=log, schrijf=lambda pad, tekst: schrijf(pad, tekst, force=True),
                             stil=stil)
        scherm_app.melding = "\n".join(f"Let op: {m}" for m in datum)
        zaalscherm.draai(scherm_app, server)
    finally:
        if server is not None:
            server.stop()
    code = scherm_app.return_code or 0
    raise typer.Exit(afsluiten(scherm_app, code, lambda tekst: typer.echo(tekst, err=True), typer.echo,
                               log_kwijt=Uitgang.BESTAND))
