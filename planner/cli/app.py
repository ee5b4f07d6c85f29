"""The command line as typer declares it: options, help, completion, and each command's call.

`plan`, `lijst` and `toon` hand their options to `planner.cli.opdrachten`, which the fast route of
`planner.cli.snel` calls too; errors become one Dutch sentence and an exit code in `scherm.draai`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from planner import __version__
from planner.cli import klok as klokmodule
from planner.cli import opdrachten, scherm
from planner.cli.aanvullen import draaiboeknamen, formaten, lijstformaten, strategieen, tijdzones, voor
from planner.kern.fouten import InvoerFout, PlannerFout


class _NederlandseHulp:
    """Dutch for the two bits of --help that click writes itself: the usage line and --help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[OPTIES]"
        if hasattr(self, "subcommand_metavar"):
            self.subcommand_metavar = "COMMANDO [ARGUMENTEN]..."

    def get_help_option(self, ctx: Any) -> Any:
        optie = super().get_help_option(ctx)
        if optie is not None:
            optie.help = "Toon deze hulp en stop."
            optie.metavar = ""  # a flag takes no value: no type to show
        return optie

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        from planner.cli.hulp import gebruiksregel

        formatter.write(gebruiksregel(self, ctx) + "\n")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # Our own panels: typer's rich help costs ~100 ms of imports and shows type markers.
        from planner.cli.hulp import toon

        toon(self, ctx)


class Commando(_NederlandseHulp, TyperCommand):
    pass


class _LangsClick(Exception):
    """Ctrl-C or a reader gone (`planner … | head`) while a command runs, carried past click: click
    would end the command itself (a silent exit 130, or exit 1), where `scherm.draai` says
    'Afgebroken.' (130) or stops silently (0), as it does for the fast route of `planner.cli.snel`."""

    def __init__(self, fout: BaseException) -> None:
        super().__init__()
        self.fout = fout


class Groep(_NederlandseHulp, TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, BrokenPipeError) as fout:
            raise _LangsClick(fout) from None


app = typer.Typer(
    name="planner",
    cls=Groep,
    help=(
        "Maak van een draaiboek een getimede agenda: kies het draaiboek, geef de groepsgrootte "
        "en de beschikbare tijd, en de planner kiest de variant, past de onderdelen in de tijd "
        "(of verdeelt ze over sessies) en schrijft desgewenst een agenda-bestand (.ics).\n\n"
        "Begin met 'planner lijst', bekijk een draaiboek met 'planner toon kickoff' en plan "
        "met 'planner plan kickoff --groep 20 --tijd 3u --start \"1 dec 13:30\"'."
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _versie(waarde: bool) -> None:
    if waarde:
        typer.echo(f"planner {__version__}")
        raise typer.Exit()


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell() -> str:
    """The user's shell, for tab completion: detected, else $SHELL."""
    from typer import completion

    naam = None
    if not os.environ.get("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"):
        naam = completion._get_shell_name()
    naam = naam or Path(os.environ.get("SHELL", "")).name
    if naam not in SHELLS:
        raise InvoerFout(f"Aanvullen met Tab kan ik instellen voor {', '.join(SHELLS)}, "
                         f"niet voor '{naam or 'een onbekende shell'}': start 'planner' vanuit een van die shells.")
    return naam


def _installeer_aanvulling(ctx: typer.Context, waarde: bool) -> None:
    if not waarde or ctx.resilient_parsing:
        return
    from typer import completion

    completion.completion_init()
    shell, pad = completion.install(shell=_shell(), prog_name="planner")
    typer.echo(f"Aanvullen met Tab staat aan voor {shell} (in {pad}); open een nieuwe terminal om het te gebruiken.")
    raise typer.Exit()


def _toon_aanvulling(ctx: typer.Context, waarde: bool) -> None:
    if not waarde or ctx.resilient_parsing:
        return
    from typer import completion

    completion.completion_init()
    typer.echo(completion.get_completion_script(prog_name="planner", complete_var="_PLANNER_COMPLETE",
                                                shell=_shell()))
    raise typer.Exit()


@app.callback()
def hoofd(
    versie: bool = typer.Option(False, "--version", "-V", metavar="", callback=_versie, is_eager=True,
                                help="Toon de versie en stop."),
    installeer: bool = typer.Option(False, "--install-completion", metavar="", callback=_installeer_aanvulling,
                                    is_eager=True, expose_value=False,
                                    help="Zet aanvullen met Tab aan voor je shell (namen van draaiboeken, opties)."),
    toon_script: bool = typer.Option(False, "--show-completion", metavar="", callback=_toon_aanvulling,
                                     is_eager=True, expose_value=False,
                                     help="Toon het aanvul-script voor je shell, om het zelf te installeren."),
) -> None:
    """Draaiboeken plannen voor procesbegeleiders."""


def _vraag(tekst: str) -> str:
    return typer.prompt(tekst, default="", show_default=False)


@app.command(cls=Commando)
def lijst(
    formaat: str = typer.Option("tabel", "--format", "-f", metavar="FORMAAT", help="tabel of json.",
                                autocompletion=lijstformaten),
) -> None:
    """Toon alle draaiboeken: ingebouwd en eigen, met groepsgrootte, duur en herkomst."""
    opdrachten.lijst(formaat)


@app.command(cls=Commando)
def toon(
    draaiboek: str = typer.Argument(..., metavar="DRAAIBOEK",
                                    help="Naam uit 'planner lijst', of een pad naar een .toml-bestand.",
                                    autocompletion=draaiboeknamen),
    groep: str | None = typer.Option(None, "--groep", "-g", metavar="AANTAL",
                                        help="Toon alleen de onderdelen van de variant voor deze groep."),
    formaat: str = typer.Option("tabel", "--format", "-f", metavar="FORMAAT", help="tabel of json.",
                                autocompletion=lijstformaten),
) -> None:
    """Toon een draaiboek: onderdelen, minuten, opstelling, instructies en vragen."""
    opdrachten.toon(draaiboek, groep=groep, formaat=formaat)


@app.command(cls=Commando)
def plan(
    draaiboek: str | None = typer.Argument(
        None, metavar="DRAAIBOEK",
        help="Naam uit 'planner lijst', of een pad naar een .toml-bestand. Zonder naam (in een "
                   "terminal) vraagt de planner wat hij nodig heeft.",
        autocompletion=draaiboeknamen, show_default=False),
    groep: str | None = typer.Option(None, "--groep", "-g", metavar="AANTAL", help="Aantal deelnemers (verplicht)."),
    tijd: str | None = typer.Option(
        None, "--tijd", "-t", metavar="DUUR",
        help="Beschikbare tijd per sessie: 90, 90m, 1u30, 1:30, 1,5u, 2u, 2h, 1h30m. "
             "Zonder --tijd: de duur die het draaiboek zelf noemt."),
    start: str | None = typer.Option(
        None, "--start", "-s", metavar="DATUMTIJD",
        help="Begin van de eerste sessie: 'dinsdag 13:30', 'morgen 9:00', '1 dec 13:30' (de eerstvolgende), "
             "'1-12 13:30' of met jaar '1-12-2027 13:30'. Zonder --start: morgen om 09:00."),
    interval: str = typer.Option("7d", "--interval", metavar="DUUR",
                                 help="Tijd tussen sessies: 7d, 2w, 14dagen, 3mnd."),
    tz: str = typer.Option("Europe/Amsterdam", "--tz", metavar="ZONE", help="Tijdzone, bijvoorbeeld Europe/Brussels.",
                           autocompletion=tijdzones),
    strategie: str = typer.Option(
        "auto", "--strategie", metavar="STRATEGIE",
        help="Bij te weinig tijd: auto (wat het draaiboek voorschrijft), splitsen (over meer "
             "sessies, nooit inkorten) of inkorten (binnen de grenzen, anders weigeren).",
        autocompletion=strategieen),
    formaat: str = typer.Option("tabel", "--format", "-f", metavar="FORMAAT",
                                help="Uitvoer: tabel, json, markdown (handout), html (trainersraster), csv, "
                                     "uitnodiging (tekst voor een e-mail aan de deelnemers) of kaarten "
                                     "(vraagkaarten, HTML).",
                                autocompletion=formaten),
    uitvoer: Path | None = typer.Option(None, "--uitvoer", "-o", metavar="PAD",
                                           help="Schrijf de uitvoer naar dit bestand in plaats van naar het scherm."),
    ics: Path | None = typer.Option(None, "--ics", metavar="PAD",
                                    help="Schrijf ook een agenda-bestand (.ics) met een afspraak per sessie."),
    locatie: str = typer.Option("", "--locatie", metavar="TEKST",
                                help="Locatie in het agenda-bestand en op de handouts."),
    herinnering: str | None = typer.Option(
        None, "--herinnering", metavar="DUUR",
        help="Met --ics: een herinnering in elke afspraak, zo lang van tevoren: 15m, 1u, 1d."),
    per_onderdeel: bool = typer.Option(
        False, "--per-onderdeel", metavar="", help="Met --ics: een afspraak per onderdeel in plaats van per sessie."),
    herhaling: str | None = typer.Option(
        None, "--herhaling", metavar="DUUR",
        help="Met --ics: zet ook de herhalingsbijeenkomst die het draaiboek aanraadt in de agenda, "
             "zo lang na de laatste sessie: 3mnd, 10w."),
    html: Path | None = typer.Option(None, "--html", metavar="PAD",
                                     help="Schrijf ook een printbaar trainersraster (HTML, A4) naar dit bestand."),
    kaarten: Path | None = typer.Option(None, "--kaarten", metavar="PAD",
                                        help="Schrijf ook printbare vraagkaarten (HTML, A4 met A6-kaarten) naar "
                                             "dit bestand: per subgroepje de startvraag, per onderdeel de vragen."),
    opdrachtgever: str = typer.Option("", "--opdrachtgever", metavar="TEKST",
                                      help="Opdrachtgever, op de eerste pagina van het trainersraster."),
    begeleider: list[str] | None = typer.Option(
        None, "--begeleider", metavar="NAAM",
        help="Begeleider, op het trainersraster en onder de uitnodiging. Mag vaker."),
    voor: str = typer.Option("begeleider", "--voor", metavar="WIE",
                             help="Handout (markdown, html) voor de begeleider (alles) of voor deelnemers "
                                  "(alleen de agenda, zonder instructies en vragen).", autocompletion=voor),
    csv_scheiding: str = typer.Option(";", "--csv-scheiding", metavar="TEKEN",
                                      help="Scheidingsteken voor --format csv: ';' (standaard), ',' of tab."),
    force: bool = typer.Option(False, "--force", metavar="", help="Vervang bestaande bestanden."),
    reeks: str = typer.Option("", "--reeks", metavar="NAAM",
                              help="Met --ics: naam die deze bijeenkomst onderscheidt van een verder gelijke "
                                   "(zelfde draaiboek, start, zone en locatie), zodat de agenda ze allebei houdt."),
    vooraf: list[str] | None = typer.Option(
        None, "--vooraf", metavar="TITEL=DUUR", help='Eigen agendapunt vóór het draaiboek, als "Titel=DUUR", '
                               'bijvoorbeeld --vooraf "Mededelingen=10m". Mag vaker.'),
    daarna: list[str] | None = typer.Option(
        None, "--daarna", metavar="TITEL=DUUR", help='Eigen agendapunt na het draaiboek, als "Titel=DUUR", '
                               'bijvoorbeeld --daarna "Teamoverleg=45m". Mag vaker.'),
    variant: str | None = typer.Option(
        None, "--variant", metavar="ID", help="Kies zelf de variant (bijvoorbeeld A) waar de groep bij meer "
                                              "dan één variant past; zie 'planner toon DRAAIBOEK'."),
    zonder: list[str] | None = typer.Option(
        None, "--zonder", metavar="ONDERDEEL", help="Laat een optioneel onderdeel weg (id uit 'planner toon "
                                                    "DRAAIBOEK'), bijvoorbeeld --zonder reflectie. Mag vaker."),
    nu: str | None = typer.Option(
        None, "--nu", metavar="TIJD",
        help="Met --klaar: herplan de rest van de sessie vanaf dit moment: 14:40 (op de dag van die "
             "sessie) of 'morgen 14:40'."),
    klaar: str | None = typer.Option(
        None, "--klaar", metavar="ONDERDEEL",
        help="Met --nu: het onderdeel (id) dat net klaar is; de rest wordt opnieuw verdeeld tot het "
             "afgesproken einde."),
) -> None:
    """Plan een draaiboek voor een groep en een beschikbare tijd.

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
    """
    # typer hands over the options as declared above; PlanOpties has the same names.
    opdrachten.plan(opdrachten.PlanOpties(**locals()), stel_vraag=_vraag, zeg=typer.echo)


@app.command(cls=Commando)
def live(
    draaiboek: str = typer.Argument(..., metavar="DRAAIBOEK",
                                    help="Naam uit 'planner lijst', of een pad naar een .toml-bestand.",
                                    autocompletion=draaiboeknamen),
    groep: str | None = typer.Option(None, "--groep", "-g", metavar="AANTAL", help="Aantal deelnemers (verplicht)."),
    tijd: str | None = typer.Option(None, "--tijd", "-t", metavar="DUUR",
                                    help="Beschikbare tijd per sessie, zoals bij 'planner plan'."),
    start: str | None = typer.Option(
        None, "--start", "-s", metavar="DATUMTIJD",
        help="Begin van de eerste sessie. Zonder --start begint de sessie nu; bij een latere start telt "
             "de klok af, bij een eerdere wordt meteen herpland."),
    interval: str = typer.Option("7d", "--interval", metavar="DUUR", help="Tijd tussen sessies: 7d, 2w."),
    tz: str = typer.Option("Europe/Amsterdam", "--tz", metavar="ZONE", help="Tijdzone, bijvoorbeeld Europe/Brussels."),
    strategie: str = typer.Option("auto", "--strategie", metavar="STRATEGIE",
                                  help="auto, splitsen of inkorten, zoals bij 'planner plan'."),
    locatie: str = typer.Option("", "--locatie", metavar="TEKST", help="Locatie (alleen ter informatie)."),
    vooraf: list[str] | None = typer.Option(None, "--vooraf", metavar="TITEL=DUUR",
                                            help="Eigen agendapunt vóór het draaiboek. Mag vaker."),
    daarna: list[str] | None = typer.Option(None, "--daarna", metavar="TITEL=DUUR",
                                            help="Eigen agendapunt na het draaiboek. Mag vaker."),
    variant: str | None = typer.Option(
        None, "--variant", metavar="ID", help="Kies zelf de variant, zoals bij 'planner plan'."),
    zonder: list[str] | None = typer.Option(
        None, "--zonder", metavar="ONDERDEEL", help="Laat een optioneel onderdeel weg, zoals bij 'planner plan'. "
                                                    "Mag vaker."),
    sessie: int | None = typer.Option(None, "--sessie", metavar="N",
                                      help="Welke sessie van een planning over meer sessies; zonder: die van "
                                           "vandaag, anders de eerste."),
    log: Path | None = typer.Option(None, "--log", metavar="PAD",
                                    help="Schrijf na elke stap het werkelijke begin en einde van elk onderdeel "
                                         "naar dit CSV-bestand (lees het terug met 'planner terugblik')."),
    force: bool = typer.Option(False, "--force", metavar="", help="Vervang een bestaand log."),
    stil: bool = typer.Option(False, "--stil", metavar="", help="Signalen zonder geluid (alleen knipperen)."),
) -> None:
    """Begeleid een sessie met een klok op het hele scherm, die de rest na elke stap herplant.

    Toetsen: spatie/enter = onderdeel klaar · + of - = een minuut erbij of eraf · p = pauze
    · o = sla een optioneel onderdeel over · z = terugzetten · ? = hulp · q = stoppen

    Voorbeelden:

      planner live ambitiegesprek --groep 5 --tijd 2u --log gesprek.csv

      planner live kickoff --groep 20 --tijd 3u --start "dinsdag 13:30" --log kickoff.csv
    """
    from datetime import datetime

    from planner.bibliotheek import laden
    from planner.cli.bestanden import controleer_doel, schrijf
    from planner.kern.live_staat import LiveStaat, kies_sessie
    from planner.kern.planning import maak_plan

    if log is not None:
        # An earlier run's log is the facilitator's material: never replace it silently.
        controleer_doel(log, force)
    aantal = opdrachten.lees_groep(groep)
    assert aantal is not None
    gekozen = laden.vind(draaiboek)
    vraag, zone = opdrachten.vraag_uit_opties(aantal, tijd, start, interval, tz, strategie, locatie, variant, zonder)

    def klok() -> datetime:
        return klokmodule.nu(zone)

    if vraag.start is None:
        from dataclasses import replace

        vraag = replace(vraag, start=klok().replace(second=0, microsecond=0))
    vraag = opdrachten.met_agendapunten(vraag, gekozen, vooraf, daarna)
    gepland = maak_plan(gekozen, vraag)
    staat = LiveStaat(gepland, sessie if sessie is not None else kies_sessie(gepland, klok()), nu=klok())
    if not scherm.interactief():
        raise InvoerFout("'planner live' heeft een terminal nodig om de klok te tonen: start het in een "
                         "terminalvenster (voor een planning op papier: 'planner plan').")
    from planner.live.app import LiveApp

    scherm_app = LiveApp(staat, klok, log=log, schrijf=lambda pad, tekst: schrijf(pad, tekst, force=True), stil=stil)
    scherm_app.run()
    code = scherm_app.return_code or 0
    from planner.live.app import afsluiten

    raise typer.Exit(afsluiten(scherm_app, code, lambda tekst: typer.echo(tekst, err=True), typer.echo))


@app.command(cls=Commando)
def terugblik(
    log: Path = typer.Argument(..., metavar="LOG", help="Het CSV-log van 'planner live --log'."),
) -> None:
    """Zet gepland naast werkelijk per onderdeel, met totalen: materiaal om de minuten bij te stellen."""
    from planner.kern.veilig import schoon_kopie
    from planner.live.terugblik import lees_log, render_terugblik

    # A log is a CSV anyone can edit: its titles are shown with control characters written out.
    scherm.uit(render_terugblik(schoon_kopie(lees_log(log))), None, False)


@app.command(cls=Commando)
def nieuw(
    naam: str = typer.Argument(..., metavar="NAAM",
                               help="Naam van het nieuwe draaiboek: kleine letters, cijfers, '-' en '_'."),
    van: str | None = typer.Option(None, "--van", metavar="DRAAIBOEK",
                                   help="Begin met een kopie van dit draaiboek (naam of pad).",
                                   autocompletion=draaiboeknamen),
    force: bool = typer.Option(False, "--force", metavar="",
                               help="Vervang een bestaand eigen draaiboek met deze naam."),
) -> None:
    """Maak een eigen draaiboek (TOML) in je map met eigen draaiboeken.

    Voorbeelden:

      planner nieuw mijn-kickoff --van kickoff

      planner nieuw teamdag
    """
    from planner.bibliotheek import laden, lezen, sjabloon, vinden
    from planner.cli.bestanden import schrijf
    from planner.kern.veilig import schoon

    naam = sjabloon.controleer_naam(naam)
    if van is not None:
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
    toon = schoon(str(pad))
    typer.echo(f"Geschreven: {toon}")
    typer.echo("Zo verder:")
    typer.echo(f"  1. Pas het bestand aan in een teksteditor: {toon}")
    typer.echo(f"  2. Controleer het: planner controleer {toon}")
    typer.echo(f"  3. Plan het: planner plan {naam} --groep 12 --tijd 1u")


@app.command(cls=Commando)
def importeer(
    bestand: str = typer.Argument(..., metavar="BESTAND",
                                   help="Je eigen draaiboek: Word-document (.docx), Markdown (.md) of tekst (.txt)."),
    naam: str | None = typer.Option(None, "--naam", metavar="NAAM",
                                    help="Naam van het nieuwe draaiboek (standaard: uit de bestandsnaam)."),
    force: bool = typer.Option(False, "--force", metavar="",
                               help="Vervang een bestaand eigen draaiboek met deze naam."),
) -> None:
    """Maak van een bestaand draaiboek (Word, Markdown of tekst) een eigen draaiboek voor de planner.

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
        raise typer.Exit(5)


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


@app.command(cls=Commando)
def controleer(
    paden: list[str] | None = typer.Argument(
        None, metavar="PAD", autocompletion=draaiboeknamen,
        help="Draaiboeken om te controleren: paden naar .toml-bestanden of namen. "
             "Zonder argument: alle ingebouwde en eigen draaiboeken."),
) -> None:
    """Controleer draaiboeken en noem elk probleem met bestand, regel, onderdeel en veld."""
    from planner.bibliotheek import laden, lezen, vinden
    from planner.kern.fouten import Probleem
    from planner.kern.veilig import schoon

    if paden:
        te_doen = [_te_controleren(p) for p in paden]
    else:
        scherm.waarschuw_eigen_map()  # checking "all": say when the own ones cannot even be looked for
        te_doen = [(b.pad, b.herkomst) for b in vinden.alle_bronnen()] + [
            (b.pad, "eigen") for b in vinden.ongeldige_namen()]
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
            draaiboek, problemen = laden.controleer_bestand(pad, herkomst=herkomst)
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
        raise typer.Exit(5)
    typer.echo(f"{len(te_doen)} {woord} gecontroleerd: alles in orde.")


def _te_controleren(argument: str) -> tuple[Path, str]:
    """A path as given, or the file behind a draaiboek name."""
    from planner.bibliotheek import lezen, vinden

    if vinden.lijkt_pad(argument) or lezen.is_bestand(Path(argument).expanduser()):
        return Path(argument).expanduser(), str(argument)
    for bron in vinden.zichtbare_bronnen():
        if bron.id == argument.strip().lower():
            return bron.pad, bron.herkomst
    raise InvoerFout(f"'{argument}' is geen bestand en geen draaiboek uit 'planner lijst': "
                     "geef een pad naar een .toml-bestand.")


def main() -> None:
    """Entry point through typer: run the app; `scherm.draai` turns every failure into one Dutch sentence."""
    sys.exit(scherm.draai(_met_typer))


def _met_typer() -> int:
    if os.environ.get("_PLANNER_COMPLETE"):
        _controleer_aanvulling(os.environ["_PLANNER_COMPLETE"])
        # The shell asks for completions (Tab): typer's completion classes must be registered.
        from typer.completion import completion_init

        completion_init()
    alle = app.registered_commands
    # Typer builds the options of every command before it runs one; 'planner plan …' needs only
    # plan's (start-up speed, issue 12). The full list is back before any error is worded.
    gevraagd = sys.argv[1] if len(sys.argv) > 1 and not os.environ.get("_PLANNER_COMPLETE") else None
    try:
        if gevraagd in _commandos():
            app.registered_commands = [c for c in alle if (c.name or getattr(c.callback, "__name__", "")) == gevraagd]
        try:
            code = app(standalone_mode=False, prog_name="planner")  # also under python -m planner, planner.exe
        finally:
            app.registered_commands = alle
    except _LangsClick as langs:
        raise langs.fout from None
    except typer.Exit as uit:
        return uit.exit_code
    except typer.Abort:
        raise KeyboardInterrupt from None
    except Exception as fout:
        if type(fout).__name__ == "NoArgsIsHelpError":
            return 0  # 'planner' alone shows the help; that is no error
        # Click's usage errors (typer vendors click in newer releases, so match by shape).
        if not hasattr(fout, "format_message") or isinstance(fout, PlannerFout):
            raise
        raise InvoerFout(_vertaal(fout)) from None
    return code if isinstance(code, int) else 0


def _controleer_aanvulling(waarde: str) -> None:
    """_PLANNER_COMPLETE is set by the shell's completion script; anything else gets a Dutch answer."""
    instructie, _, shell = waarde.partition("_")
    if instructie not in ("complete", "source") or shell not in SHELLS:
        scherm.fout(f"_PLANNER_COMPLETE='{waarde}' ken ik niet: die variabele zet het aanvul-script van je shell; "
              "haal hem weg, of zet aanvullen opnieuw aan met 'planner --install-completion'.")
        sys.exit(2)


def _vertaal(fout: Exception) -> str:
    """Click's own usage errors, in Dutch."""
    hulp = f"zie '{_commandopad(getattr(fout, 'ctx', None))} --help'."
    soort = type(fout).__name__
    param = getattr(fout, "param", None)
    if param is not None and getattr(param, "param_type_name", "") == "argument":
        naam = param.metavar or (param.name or "").upper()  # as the usage line shows it: DRAAIBOEK
    else:
        naam = param.opts[0] if param is not None and getattr(param, "opts", None) else "een waarde"
    bericht = fout.format_message()  # type: ignore[attr-defined]
    if soort == "NoSuchOption":
        return f"De optie '{getattr(fout, 'option_name', '')}' bestaat niet: {hulp}"
    if soort == "MissingParameter":
        return f"{naam} ontbreekt: {hulp}"
    if soort == "BadOptionUsage":
        optie = getattr(fout, "option_name", "")
        if "does not take a value" in bericht:
            return f"De optie '{optie}' neemt geen waarde: laat '=…' weg; {hulp}"
        return f"De optie '{optie}' heeft een waarde nodig: {hulp}"
    if soort == "BadParameter":
        return f"De waarde voor {naam} klopt niet: {hulp}"
    if "No such command" in bericht:
        woord = bericht.split("'")[1] if "'" in bericht else ""
        return f"Het commando '{woord}' bestaat niet: kies uit {', '.join(_commandos())}; {hulp}"
    if "unexpected extra argument" in bericht:
        return f"Er staat een woord te veel op de opdrachtregel: {hulp}"
    return f"De opdracht klopt niet ({bericht}): {hulp}"


def _commandopad(ctx: Any) -> str:
    """'planner plan' for every mistake inside `planner plan …`, so each message points to the same
    help; click reports some (a missing option value) from the group, before the command is known."""
    if ctx is not None and ctx.command_path != "planner":
        return str(ctx.command_path)
    for woord in sys.argv[1:]:
        if woord in _commandos():
            return f"planner {woord}"
        if not woord.startswith("-"):
            break
    return "planner"


def _commandos() -> list[str]:
    return [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
