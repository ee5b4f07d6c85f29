"""`planner live PROGRAMMA` on the command line: a programme's day block after block on the live screen.

Split from planner.cli.programma (plan, toon, nieuw of programmes) because running a day is its own idea:
the clock, the logs per block and the room page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.cli import scherm
from planner.cli.programma import PER_BLOK, met_datumcontrole
from planner.cli.programma_lijst import zoek
from planner.cli.uitgang import Uitgang
from planner.kern.fouten import InvoerFout


def live(p: Any, naam: str, dag_nummer: int | None, log: Path | None, force: bool, stil: bool,
         zaal: bool = False, zaal_poort: int | None = None, zaal_open: bool = False,
         land: str | None = None) -> bool:
    """`planner live PROGRAMMA`: the day's blocks one after another, each on the live screen with its own
    rules (its anchored closing at the block's agreed end); own items and breaks in between are named,
    and Enter goes on to the next block. --sessie N picks the programme's N-th day; --log PAD writes one
    log per block (PAD-1.csv, PAD-2.csv, ...). --zaal serves one room page that follows the running block;
    a date on a holiday or a Sunday is said as for a single draaiboek."""
    gevonden = zoek(naam)
    if gevonden is None:
        return False
    from dataclasses import replace
    from datetime import datetime

    import typer

    from planner.bibliotheek.programma import laad_programma
    from planner.cli import klok as klokmodule
    from planner.cli.bestanden import controleer_doel, schrijf
    from planner.cli.opdrachten import lees_groep, vraag_uit_opties
    from planner.kern.live_staat import LiveStaat
    from planner.kern.traject import maak_programmaplan
    from planner.uitvoer.handout import tijdvak

    for veld, (optie, voorbeeld) in PER_BLOK.items():
        if veld != "herhaling" and getattr(p, veld, None):
            raise InvoerFout(f"{optie} geldt voor één draaiboek; in een programma zet je het in het blok zelf: "
                             f"{voorbeeld}.")
    if p.strategie.strip().lower() != "auto":
        raise InvoerFout("--strategie geldt voor één draaiboek; in een programma zet je het in het blok zelf: "
                         'strategie = "inkorten".')
    if land is not None:
        from planner.kern.feestdagen import lees_land

        lees_land(land)  # a wrong --land is refused before anything is planned
    aantal = lees_groep(p.groep)
    assert aantal is not None
    vraag, zone = vraag_uit_opties(aantal, p.tijd, p.start, p.interval, p.tz, "auto", p.locatie)

    def klok() -> datetime:
        return klokmodule.nu(zone)

    if vraag.start is None:
        vraag = replace(vraag, start=klok().replace(second=0, microsecond=0, tzinfo=None))
    gepland = maak_programmaplan(laad_programma(*gevonden), vraag)
    dagen = [d for bij in gepland.bijeenkomsten for d in bij.dagen]
    if dag_nummer is not None and not 1 <= dag_nummer <= len(dagen):
        raise InvoerFout(f"--sessie {dag_nummer} bestaat niet: dit programma heeft {len(dagen)} "
                         f"{'dag' if len(dagen) == 1 else 'dagen'}; kies 1 tot en met {len(dagen)}.")
    dag = dagen[(dag_nummer or 1) - 1]
    blokken = [b for b in dag.blokken if b.plan is not None]
    logs = {id(b): (log if len(blokken) == 1 else log.with_name(f"{log.stem}-{i}{log.suffix or '.csv'}"))
            for i, b in enumerate(blokken, start=1)} if log is not None else {}
    for pad in logs.values():
        if pad is not None:
            controleer_doel(pad, force)
    if not scherm.interactief():
        raise InvoerFout("'planner live' heeft een terminal nodig om de klok te tonen: start het in een "
                         "terminalvenster (voor een planning op papier: 'planner plan').")
    from planner.cli import zaalscherm
    from planner.live.app import LiveApp, afsluiten

    # Issue 19.5 as a single draaiboek does it: the day it runs on a holiday or a Sunday is said, on stderr
    # (left when the screen closes) and on the first block's screen until the first key.
    datum = [m for m in met_datumcontrole(replace(gepland, waarschuwingen=()), land, p.start is not None,
                                          alleen=dag.start).waarschuwingen]
    for melding in datum:
        typer.echo(f"let op: {melding}", err=True)
    # Started late, or again after a stop: the blocks whose agreed end has passed are named and skipped,
    # and the day goes on with the block that runs now (one that is over would be refused on its own).
    voorbij = _voorbij(dag, klok())
    overgeslagen = [f"Voorbij (overgeslagen): {tijdvak(b)}  {b.blok.titel}" for b in dag.blokken[:voorbij]]
    for regel in overgeslagen:
        typer.echo(regel)
    eerste = next(b for b in dag.blokken[voorbij:] if b.plan is not None)
    server = zaalscherm.start_als_gevraagd(LiveStaat(eerste.plan, 1, nu=klok()), klok, zaal, zaal_poort, zaal_open)
    try:
        if logs:
            # The first block's log (the plan, nothing done yet) before the screen opens: a folder that
            # cannot be written is refused now, not found out afterwards (every block's log lies beside it).
            schrijf(logs[id(eerste)], LiveStaat(eerste.plan, 1).log_csv(), force=force)
        _blok_na_blok(dag, voorbij, klok, logs, stil, [f"Let op: {m}" for m in datum] + overgeslagen, server,
                      LiveApp, afsluiten, schrijf)
    finally:
        if server is not None:
            server.stop()
    return True


def _voorbij(dag: Any, nu: Any) -> int:
    """How many of the day's first blocks are over at `nu`, as long as a draaiboek block is still to come."""
    from planner.kern.live_staat import afgesproken_eind

    lopend = [i for i, b in enumerate(dag.blokken)
              if b.plan is not None and afgesproken_eind(b.plan, b.plan.sessies[0]) > nu]
    if not lopend:
        return 0  # the whole day is over: the first block's refusal says so, naming its times
    eerste = lopend[0]
    # An own item or break right before the running block is kept: it may be what happens now.
    while eerste > 0 and dag.blokken[eerste - 1].plan is None and dag.blokken[eerste - 1].eind > nu:
        eerste -= 1
    return eerste


def _blok_na_blok(dag: Any, vanaf: int, klok: Any, logs: dict[int, Path | None], stil: bool, datum: list[str],
                  server: Any, LiveApp: Any, afsluiten: Any, schrijf: Any) -> None:  # noqa: N803 - a class
    """Each block of the day on the live screen, with its own rules; own items and breaks are named."""
    import typer

    from planner.cli import zaalscherm
    from planner.kern.live_staat import LiveStaat
    from planner.uitvoer.handout import tijdvak

    vooraf = list(datum)  # said on the next block's screen until the first key
    for i, blok in enumerate(dag.blokken):
        if i < vanaf:
            continue
        if blok.plan is None:
            # Said in the terminal and on the next block's screen: the full-screen clock hides the terminal.
            regel = f"{tijdvak(blok)}  {blok.blok.titel} ({blok.duur_min} min)"
            typer.echo(regel)
            vooraf.append(f"Eerst: {regel}")
            continue
        staat = LiveStaat(blok.plan, 1, nu=klok())
        app = LiveApp(staat, klok, log=logs.get(id(blok)), schrijf=lambda pad, tekst: schrijf(pad, tekst, force=True),
                      stil=stil)
        nummer = sum(1 for b in dag.blokken[:i + 1] if b.plan is not None)
        app.blok = f"blok {nummer} van {sum(1 for b in dag.blokken if b.plan is not None)}"
        rest = [b for b in dag.blokken[i + 1:] if b.plan is not None]
        app.verder = ", ".join(f"{b.start:%H:%M} {b.blok.titel}" for b in dag.blokken[i + 1:])
        if app.verder and not rest:
            app.verder += ", dan is de dag klaar"
        app.melding, vooraf = "\n".join(vooraf), []
        if server is not None:
            server.staat = staat  # the room page follows the running block
            zaalscherm.toon_adres(app, server)
        app.run()
        code = afsluiten(app, app.return_code or 0, lambda tekst: typer.echo(tekst, err=True), typer.echo,
                         log_kwijt=Uitgang.BESTAND)
        if code:
            raise typer.Exit(code)
        if not rest:
            for na in dag.blokken[i + 1:]:  # own items after the last block (an Afsluiting) are still said
                typer.echo(f"{tijdvak(na)}  {na.blok.titel} ({na.duur_min} min)")
            typer.echo("Het programma van deze dag is klaar.")
            raise typer.Exit(0)
        volgende = ", ".join(f"{b.start:%H:%M} {b.blok.titel}" for b in dag.blokken[i + 1:])
        klaar = "is gestopt" if staat.stand.gestopt else "is klaar"
        antwoord = typer.prompt(f"'{blok.blok.titel}' {klaar}. Verder: {volgende}. Enter = volgend blok, "
                                "s = stoppen", default="", show_default=False)
        if antwoord.strip().lower() in ("s", "q", "stop", "stoppen"):
            raise typer.Exit(0)
