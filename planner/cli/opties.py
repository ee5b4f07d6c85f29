"""Every option of the command line, declared once as an `Annotated` alias.

A command names an option by its alias (`groep: opties.Groep = None`); the options `plan` and
`live` both take (group, time, start, zone, …) come in one piece through `@met_planning`, as
sqlite-utils shares its option groups: the command receives them as one `Planning`.
A new option goes here, then into the command that takes it, then into the README's table.
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.main
import typer.models

from planner.cli.aanvullen import draaiboeknamen, formaten, lijstformaten, strategieen, tijdzones, voor

# typer's own text type (it vendors click, so the class is asked from typer, not imported from click).
_Tekst = type(typer.main.get_click_type(annotation=str, parameter_info=typer.models.ParameterInfo()))


class _Woord(_Tekst):  # type: ignore[misc, valid-type]
    """An argument's value as typed: --help shows its name (DRAAIBOEK), not a type marker (<str>)."""

    def get_metavar(self, param: Any, ctx: Any) -> str:
        return ""


class _Doel(_Tekst):  # type: ignore[misc, valid-type]
    """A file to write, as typed: 'x.md/' is refused here, before pathlib drops the slash."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from planner.cli.bestanden import lees_doel

        return lees_doel(super().convert(value, param, ctx))


WOORD = _Woord()
DOEL = _Doel()
DRAAIBOEK_UITLEG = "Naam uit 'planner lijst' (een draaiboek of programma), of een pad naar een .toml-bestand."

# Arguments.
Draaiboek = Annotated[str, typer.Argument(click_type=WOORD, metavar="DRAAIBOEK", help=DRAAIBOEK_UITLEG,
                                          autocompletion=draaiboeknamen, show_default=False)]
DraaiboekOfVraag = Annotated[str | None, typer.Argument(
    click_type=WOORD,
    metavar="DRAAIBOEK", autocompletion=draaiboeknamen, show_default=False,
    help=DRAAIBOEK_UITLEG + " Zonder naam (in een terminal) vraagt de planner wat hij nodig heeft.")]
Naam = Annotated[str, typer.Argument(click_type=WOORD, metavar="NAAM", show_default=False,
                                     help="Naam van het nieuwe draaiboek: kleine letters, cijfers, '-' en '_'.")]
Document = Annotated[str, typer.Argument(
    click_type=WOORD, metavar="BESTAND", show_default=False,
    help="Je eigen draaiboek: Word-document (.docx), Markdown (.md) of tekst (.txt).")]
Paden = Annotated[list[str] | None, typer.Argument(
    click_type=WOORD,
    metavar="PAD", autocompletion=draaiboeknamen, show_default=False,
    help="Draaiboeken om te controleren: paden naar .toml-bestanden of namen. "
         "Zonder argument: alle ingebouwde en eigen draaiboeken.")]
Log = Annotated[Path, typer.Argument(click_type=WOORD, metavar="LOG", show_default=False,
                                     help="Het CSV-log van 'planner live --log'.")]
Logs = Annotated[list[Path], typer.Argument(
    click_type=WOORD, metavar="LOG", show_default=False,
    help="Het CSV-log van 'planner live --log'; meer logs van hetzelfde draaiboek geven per onderdeel de "
         "mediaan en spreiding.")]

# The planning options plan and live share.
Groep = Annotated[str | None, typer.Option("--groep", "-g", metavar="AANTAL", help="Aantal deelnemers (verplicht).")]
Tijd = Annotated[str | None, typer.Option(
    "--tijd", "-t", metavar="DUUR",
    help="Beschikbare tijd per sessie: 90, 90m, 1u30, 1:30, 1,5u, 2u, 2h, 1h30m. "
         "Zonder --tijd: de duur die het draaiboek zelf noemt.")]
Start = Annotated[str | None, typer.Option(
    "--start", "-s", metavar="DATUMTIJD",
    help="Begin van de eerste sessie: 'dinsdag 13:30', 'morgen 9:00', '1 dec 13:30' (de eerstvolgende), "
         "'1-12 13:30' of met jaar '1-12-2027 13:30'. Zonder --start plant 'planner plan' morgen om 09:00 "
         "en begint 'planner live' nu; bij een eerdere start herplant live meteen.")]
Interval = Annotated[str, typer.Option("--interval", metavar="DUUR",
                                       help="Tijd tussen sessies: 7d, 2w, 14dagen, 3mnd.")]
Zone = Annotated[str, typer.Option("--tz", metavar="ZONE", help="Tijdzone, bijvoorbeeld Europe/Brussels.",
                                   autocompletion=tijdzones)]
# plan only: the country whose public holidays the dates are checked against (issue 19.5).
Land = Annotated[str | None, typer.Option(
    "--land", metavar="LAND",
    help="NL of BE: de feestdagen waartegen de planner de data controleert (zonder: volgens --tz).")]
Strategie = Annotated[str, typer.Option(
    "--strategie", metavar="STRATEGIE", autocompletion=strategieen,
    help="Bij te weinig tijd: auto (wat het draaiboek voorschrijft), splitsen (over meer "
         "sessies, nooit inkorten) of inkorten (binnen de grenzen, anders weigeren).")]
Locatie = Annotated[str, typer.Option("--locatie", metavar="TEKST",
                                      help="Locatie in het agenda-bestand en op de handouts.")]
Vooraf = Annotated[list[str] | None, typer.Option(
    "--vooraf", metavar="TITEL=DUUR", help='Eigen agendapunt vóór het draaiboek, als "Titel=DUUR", '
                                          'bijvoorbeeld --vooraf "Mededelingen=10m". Mag vaker.')]
Daarna = Annotated[list[str] | None, typer.Option(
    "--daarna", metavar="TITEL=DUUR", help='Eigen agendapunt na het draaiboek, als "Titel=DUUR", '
                                          'bijvoorbeeld --daarna "Teamoverleg=45m". Mag vaker.')]
Variant = Annotated[str | None, typer.Option(
    "--variant", metavar="ID", help="Kies zelf de variant (bijvoorbeeld A) waar de groep bij meer "
                                    "dan één variant past; zie 'planner toon DRAAIBOEK'.")]
Zonder = Annotated[list[str] | None, typer.Option(
    "--zonder", metavar="ONDERDEEL", help="Laat een optioneel onderdeel weg (id uit 'planner toon "
                                          "DRAAIBOEK'), bijvoorbeeld --zonder reflectie. Mag vaker.")]

# Outputs of plan.
Formaat = Annotated[str, typer.Option(
    "--format", "-f", metavar="FORMAAT", autocompletion=formaten,
    help="Uitvoer: tabel, json, markdown (handout), html (trainersraster), csv, uitnodiging (tekst voor een "
         "e-mail aan de deelnemers) of kaarten (vraagkaarten, HTML).")]
LijstFormaat = Annotated[str, typer.Option("--format", "-f", metavar="FORMAAT", help="tabel of json.",
                                           autocompletion=lijstformaten)]
Uitvoer = Annotated[Path | None, typer.Option(
    "--uitvoer", "-o", metavar="PAD", click_type=DOEL,
    help="Schrijf de uitvoer naar dit bestand in plaats van naar het scherm ('-' is het scherm).")]
Ics = Annotated[Path | None, typer.Option(
    "--ics", metavar="PAD", click_type=DOEL,
    help="Schrijf ook een agenda-bestand (.ics) met een afspraak per sessie. Bij meer sessies (of met "
         "--herhaling) staat elke afspraak ernaast ook in een eigen bestand, want sommige mail- en "
         "agendaprogramma's lezen alleen de eerste: bij --ics agenda.ics zijn dat agenda-1.ics, agenda-2.ics "
         "en agenda-herhaling.ics. Bij een programma: agenda-1.ics, agenda-2.ics per bijeenkomst, en van een "
         "bijeenkomst over meer dagen elke dag: agenda-1-1.ics, agenda-1-2.ics (bij één bijeenkomst: "
         "agenda-1.ics, agenda-2.ics per dag).")]
Herinnering = Annotated[str | None, typer.Option(
    "--herinnering", metavar="DUUR",
    help="Met --ics: een herinnering in elke afspraak, zo lang van tevoren: 15m, 1u, 1d.")]
PerOnderdeel = Annotated[bool, typer.Option(
    "--per-onderdeel", help="Met --ics: een afspraak per onderdeel in plaats van per sessie.")]
Herhaling = Annotated[str | None, typer.Option(
    "--herhaling", metavar="DUUR",
    help="Met --ics: zet ook de herhalingsbijeenkomst die het draaiboek aanraadt in de agenda, "
         "zo lang na de laatste sessie: 3mnd, 10w.")]
Html = Annotated[Path | None, typer.Option(
    "--html", metavar="PAD", click_type=DOEL,
    help="Schrijf ook een printbaar trainersraster (HTML, A4) naar dit bestand.")]
Kaarten = Annotated[Path | None, typer.Option(
    "--kaarten", metavar="PAD", click_type=DOEL,
    help="Schrijf ook printbare vraagkaarten (HTML, A4 met A6-kaarten) naar "
         "dit bestand: per subgroepje de startvraag, per onderdeel de vragen.")]
Opdrachtgever = Annotated[str, typer.Option(
    "--opdrachtgever", metavar="TEKST", help="Opdrachtgever, op de eerste pagina van het trainersraster.")]
Begeleider = Annotated[list[str] | None, typer.Option(
    "--begeleider", metavar="NAAM", help="Begeleider, op het trainersraster en onder de uitnodiging. Mag vaker.")]
Voor = Annotated[str, typer.Option(
    "--voor", metavar="WIE", autocompletion=voor,
    help="Handout (markdown, html) voor de begeleider (alles) of voor deelnemers "
         "(alleen de agenda, zonder instructies en vragen).")]
CsvScheiding = Annotated[str, typer.Option(
    "--csv-scheiding", metavar="TEKEN", help="Scheidingsteken voor --format csv: ';' (standaard), ',' of tab.")]
Reeks = Annotated[str, typer.Option(
    "--reeks", metavar="NAAM", help="Met --ics: naam die deze bijeenkomst onderscheidt van een verder gelijke "
                                    "(zelfde draaiboek, start, zone en locatie), zodat de agenda ze allebei houdt.")]
Nu = Annotated[str | None, typer.Option(
    "--nu", metavar="TIJD",
    help="Met --klaar: herplan de rest van de sessie vanaf dit moment: 14:40 (op de dag van die "
         "sessie) of 'morgen 14:40'.")]
Klaar = Annotated[str | None, typer.Option(
    "--klaar", metavar="ONDERDEEL",
    help="Met --nu: het onderdeel (id) dat net klaar is; de rest wordt opnieuw verdeeld tot het "
         "afgesproken einde.")]
Force = Annotated[bool, typer.Option("--force", help="Vervang bestaande bestanden.")]

# Options of live.
Sessie = Annotated[int | None, typer.Option(
    "--sessie", metavar="N",
    help="Welke sessie van een planning over meer sessies; zonder: die van vandaag, anders de eerste.")]
LiveLog = Annotated[Path | None, typer.Option(
    "--log", metavar="PAD", click_type=DOEL,
    help="Schrijf na elke stap het werkelijke begin en einde van elk onderdeel "
         "naar dit CSV-bestand (lees het terug met 'planner terugblik').")]
VervangLog = Annotated[bool, typer.Option("--force", help="Vervang een bestaand log.")]
Stil = Annotated[bool, typer.Option("--stil", help="Signalen zonder geluid (alleen knipperen).")]
Zaal = Annotated[bool, typer.Option(
    "--zaal", help="Toon ook een zaalscherm voor de projector: een webpagina met de klok, het onderdeel en de "
                   "vragen voor de groep (alleen-lezen, op 127.0.0.1).")]
ZaalPoort = Annotated[int | None, typer.Option("--zaal-poort", metavar="POORT",
                                               help="Poort van het zaalscherm (standaard 8765).")]
ZaalOpen = Annotated[bool, typer.Option(
    "--zaal-open", help="Laat andere apparaten in het netwerk van de zaal het zaalscherm zien (het adres krijgt "
                        "een willekeurige sleutel).")]

# Options of terugblik.
Bijstellen = Annotated[str | None, typer.Option(
    "--bijstellen", metavar="NAAM",
    help="Schrijf een eigen kopie NAAM van het draaiboek met minuten naar de praktijk (binnen de grenzen van de "
         "bron); een ingebouwd draaiboek blijft zoals het is.")]

# Options of the draaiboek commands.
AlleenGroep = Annotated[str | None, typer.Option(
    "--groep", "-g", metavar="AANTAL", help="Toon alleen de onderdelen van de variant voor deze groep.")]
Van = Annotated[str | None, typer.Option("--van", metavar="DRAAIBOEK", autocompletion=draaiboeknamen,
                                         help="Begin met een kopie van dit draaiboek of programma (naam of pad).")]
NieuweNaam = Annotated[str | None, typer.Option(
    "--naam", metavar="NAAM", help="Naam van het nieuwe draaiboek (standaard: uit de bestandsnaam).")]
VervangEigen = Annotated[bool, typer.Option("--force", help="Vervang een bestaand eigen draaiboek met deze naam.")]
# issue 23: `planner nieuw NAAM --programma kennismaking training` (the names after the first are arguments).
ProgrammaBlokken = Annotated[list[str] | None, typer.Option(
    "--programma", metavar="DRAAIBOEK...", autocompletion=draaiboeknamen,
    help="Maak een programma met deze draaiboeken als blokken, in deze volgorde: --programma kennismaking training.")]
MeerBlokken = Annotated[list[str] | None, typer.Argument(click_type=WOORD, hidden=True, show_default=False,
                                                          metavar="DRAAIBOEK")]


@dataclass
class Planning:
    """The planning options `plan` and `live` share, as the user gave them."""

    groep: Groep = None
    tijd: Tijd = None
    start: Start = None
    interval: Interval = "7d"
    tz: Zone = "Europe/Amsterdam"
    strategie: Strategie = "auto"
    locatie: Locatie = ""
    vooraf: Vooraf = None
    daarna: Daarna = None
    variant: Variant = None
    zonder: Zonder = None


def met_planning(commando: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command the shared planning options: typer sees each as its own option, the command
    receives them together as `planning: Planning`."""
    eigen = inspect.signature(commando, eval_str=True)
    gedeeld = [inspect.Parameter(veld.name, inspect.Parameter.KEYWORD_ONLY, annotation=veld.type,
                                 default=veld.default) for veld in fields(Planning)]
    overige = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in eigen.parameters.values()
               if p.name != "planning"]
    namen = [veld.name for veld in fields(Planning)]

    @functools.wraps(commando)
    def met_opties(**waarden: Any) -> Any:
        planning = Planning(**{naam: waarden.pop(naam) for naam in namen})
        return commando(planning=planning, **waarden)

    # The argument first, as in the usage line; then the shared options, then the command's own.
    argumenten = [p for p in overige if _is_argument(p)]
    met_opties.__signature__ = eigen.replace(  # type: ignore[attr-defined]
        parameters=argumenten + gedeeld + [p for p in overige if not _is_argument(p)])
    met_opties.__annotations__ = {p.name: p.annotation for p in met_opties.__signature__.parameters.values()}  # type: ignore[attr-defined]
    del met_opties.__wrapped__  # typer must read the signature above, not the command's own
    return met_opties


def _is_argument(parameter: inspect.Parameter) -> bool:
    metadata = getattr(parameter.annotation, "__metadata__", ())
    return any(isinstance(deel, typer.models.ArgumentInfo) for deel in metadata)
