"""The command line: parse options, call the core, hand the plan to a renderer.

Errors become one Dutch sentence on stderr and an exit code, in `main` and nowhere else.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import typer

from planner import __version__
from planner.fouten import InvoerFout, PlannerFout

app = typer.Typer(
    name="planner",
    help=(
        "Maak van een draaiboek een getimede agenda: kies het draaiboek, geef de groepsgrootte "
        "en de beschikbare tijd, en de planner kiest de variant, past de onderdelen in de tijd "
        "(of verdeelt ze over sessies) en schrijft desgewenst een agenda-bestand (.ics).\n\n"
        "Begin met 'planner lijst', bekijk een draaiboek met 'planner toon kickoff' en plan "
        "met 'planner plan kickoff --groep 20 --tijd 3u --start 2026-12-01T13:30'."
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

OPMAAK_LIJST = ("tabel", "json")


def _versie(waarde: bool) -> None:
    if waarde:
        typer.echo(f"planner {__version__}")
        raise typer.Exit()


@app.callback()
def hoofd(
    versie: bool = typer.Option(False, "--version", "-V", callback=_versie, is_eager=True,
                                help="Toon de versie en stop."),
) -> None:
    """Draaiboeken plannen voor procesbegeleiders."""


def _kleur() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _breedte() -> int | None:
    if sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return None


def _kies_formaat(formaat: str, toegestaan: tuple[str, ...]) -> str:
    gekozen = formaat.strip().lower()
    if gekozen not in toegestaan:
        raise InvoerFout(f"--format '{formaat}' ken ik niet: kies uit {', '.join(toegestaan)}.")
    return gekozen


def _lees_groep(tekst: str | None, verplicht: bool = True) -> int | None:
    if tekst is None:
        if verplicht:
            raise InvoerFout("Geef de groepsgrootte op met --groep, bijvoorbeeld --groep 12: "
                             "de variant hangt ervan af.")
        return None
    try:
        groep = int(tekst.strip())
    except ValueError:
        raise InvoerFout(f"--groep '{tekst}' is geen getal: geef het aantal deelnemers in cijfers, "
                         "bijvoorbeeld --groep 12.") from None
    if groep < 1:
        raise InvoerFout(f"--groep {groep} kan niet: een groep heeft minstens 1 deelnemer.")
    return groep


def _uit(tekst: str | bytes, pad: Path | None, force: bool) -> None:
    if pad is None:
        if isinstance(tekst, bytes):
            sys.stdout.buffer.write(tekst)
        else:
            sys.stdout.write(tekst)
        return
    from planner.bestanden import schrijf

    schrijf(pad, tekst, force=force)
    typer.echo(f"Geschreven: {pad}", err=True)


@app.command()
def lijst(
    formaat: str = typer.Option("tabel", "--format", "-f", help="tabel of json."),
) -> None:
    """Toon alle draaiboeken: ingebouwd en eigen, met groepsgrootte en duur."""
    from planner import laden

    formaat = _kies_formaat(formaat, OPMAAK_LIJST)
    bronnen = laden.alle_bronnen()
    draaiboeken = [laden.laad_bestand(b.pad, herkomst=b.herkomst) for b in bronnen]
    ingebouwd = {b.id for b in bronnen if b.herkomst == "ingebouwd"}
    dubbel = {b.id for b in bronnen if b.herkomst == "eigen" and b.id in ingebouwd}
    if formaat == "json":
        from planner.uitvoer.json import draaiboek_dict, dumps

        _uit(dumps([draaiboek_dict(d, kort=True) | {"genegeerd": d.herkomst == "eigen" and d.id in dubbel}
                    for d in draaiboeken]), None, False)
        return
    from planner.uitvoer.lijst import render_lijst

    _uit(render_lijst(draaiboeken, dubbel, kleur=_kleur(), breedte=_breedte()), None, False)


@app.command()
def toon(
    draaiboek: str = typer.Argument(..., help="Naam uit 'planner lijst', of een pad naar een .toml-bestand."),
    groep: str | None = typer.Option(None, "--groep", "-g",
                                        help="Toon alleen de onderdelen van de variant voor deze groep."),
    formaat: str = typer.Option("tabel", "--format", "-f", help="tabel of json."),
) -> None:
    """Toon een draaiboek: onderdelen, minuten, opstelling, instructies en vragen."""
    from planner import laden

    formaat = _kies_formaat(formaat, OPMAAK_LIJST)
    aantal = _lees_groep(groep, verplicht=False)
    d = laden.vind(draaiboek)
    if formaat == "json":
        from planner.uitvoer.json import draaiboek_dict, dumps

        _uit(dumps(draaiboek_dict(d)), None, False)
        return
    from planner.uitvoer.tabel import render_draaiboek

    _uit(render_draaiboek(d, aantal, kleur=_kleur(), breedte=_breedte()), None, False)


@app.command()
def plan(
    draaiboek: str = typer.Argument(..., help="Naam uit 'planner lijst', of een pad naar een .toml-bestand."),
    groep: str | None = typer.Option(None, "--groep", "-g", help="Aantal deelnemers (verplicht)."),
    tijd: str | None = typer.Option(
        None, "--tijd", "-t",
        help="Beschikbare tijd per sessie: 90, 90m, 1u30, 1:30, 1,5u, 2u, 2h, 1h30m. "
             "Zonder --tijd: de duur die het draaiboek zelf noemt."),
    start: str | None = typer.Option(
        None, "--start", "-s", help="Begin van de eerste sessie: 2026-12-01T13:30 of '2026-12-01 13:30'. "
                                    "Zonder --start: morgen om 09:00."),
    interval: str = typer.Option("7d", "--interval", help="Tijd tussen sessies: 7d, 2w, 14dagen, 3mnd."),
    tz: str = typer.Option("Europe/Amsterdam", "--tz", help="Tijdzone, bijvoorbeeld Europe/Brussels."),
    strategie: str = typer.Option(
        "auto", "--strategie",
        help="Bij te weinig tijd: auto (wat het draaiboek voorschrijft), splitsen (over meer "
             "sessies, nooit inkorten) of inkorten (binnen de grenzen, anders weigeren)."),
    formaat: str = typer.Option("tabel", "--format", "-f", help="Uitvoer: tabel of json."),
    uitvoer: Path | None = typer.Option(None, "--uitvoer", "-o",
                                           help="Schrijf de uitvoer naar dit bestand in plaats van naar het scherm."),
    ics: Path | None = typer.Option(None, "--ics",
                                    help="Schrijf ook een agenda-bestand (.ics) met een afspraak per sessie."),
    locatie: str = typer.Option("", "--locatie", help="Locatie in het agenda-bestand."),
    force: bool = typer.Option(False, "--force", help="Vervang bestaande bestanden."),
) -> None:
    """Plan een draaiboek voor een groep en een beschikbare tijd.

    Voorbeelden:

      planner plan kickoff --groep 20 --tijd 3u --start 2026-12-01T13:30

      planner plan kennismaking --groep 8 --format json

      planner plan training --groep 16 --tijd 2u --ics training.ics
    """
    from planner import laden
    from planner.planning import Vraag, maak_plan
    from planner.tijd import lees_datumtijd, lees_duur, lees_interval, lees_zone
    from planner.uitvoer import FORMATEN, render

    formaat = _kies_formaat(formaat, tuple(f for f in FORMATEN if f != "ics"))
    aantal = _lees_groep(groep)
    zone = lees_zone(tz)
    vraag = Vraag(
        groep=aantal,
        tijd_min=lees_duur(tijd) if tijd is not None else None,
        start=lees_datumtijd(start, zone) if start is not None else None,
        interval=lees_interval(interval),
        tz=zone.key,
        strategie=strategie.strip().lower(),
        locatie=locatie,
    )
    gepland = maak_plan(laden.vind(draaiboek), vraag)
    opties = {"kleur": _kleur() and uitvoer is None, "breedte": _breedte() if uitvoer is None else 100}
    _uit(render(formaat, gepland, **opties), uitvoer, force)
    if ics is not None:
        _uit(render("ics", gepland), ics, force)


def main() -> None:
    """Entry point: run the app and turn every failure into one Dutch sentence."""
    try:
        code = app(standalone_mode=False)
    except PlannerFout as fout:
        _fout(str(fout))
        code = fout.exit_code
    except typer.Exit as uit:
        code = uit.exit_code
    except (typer.Abort, KeyboardInterrupt, EOFError):
        _fout("Afgebroken.")
        code = 130
    except BrokenPipeError:
        # The reader went away (planner plan … | head): not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except Exception as fout:
        # Click's usage errors (typer vendors click in newer releases, so match by shape).
        if not hasattr(fout, "format_message"):
            raise
        _fout(_vertaal(fout))
        code = 2
    sys.exit(code if isinstance(code, int) else 0)


def _fout(melding: str) -> None:
    # Messages quote what the user typed; a control character in it must not break the one line.
    schoon = "".join(t if t.isprintable() else repr(t)[1:-1] for t in melding)
    sys.stderr.write(f"planner: {schoon}\n")


def _vertaal(fout: Exception) -> str:
    """Click's own usage errors, in Dutch."""
    ctx = getattr(fout, "ctx", None)
    hulp = f"zie '{ctx.command_path if ctx else 'planner'} --help'."
    soort = type(fout).__name__
    param = getattr(fout, "param", None)
    naam = param.opts[0] if param is not None and getattr(param, "opts", None) else "een waarde"
    bericht = fout.format_message()  # type: ignore[attr-defined]
    if soort == "NoSuchOption":
        return f"De optie '{getattr(fout, 'option_name', '')}' bestaat niet: {hulp}"
    if soort == "MissingParameter":
        return f"{naam} ontbreekt: {hulp}"
    if soort == "BadOptionUsage":
        return f"De optie '{getattr(fout, 'option_name', '')}' heeft een waarde nodig: {hulp}"
    if soort == "BadParameter":
        return f"De waarde voor {naam} klopt niet: {hulp}"
    if "No such command" in bericht:
        woord = bericht.split("'")[1] if "'" in bericht else ""
        return f"Het commando '{woord}' bestaat niet: kies uit {', '.join(_commandos())} (zie 'planner --help')."
    if "unexpected extra argument" in bericht:
        return f"Er staat een woord te veel op de opdrachtregel: {hulp}"
    return f"De opdracht klopt niet ({bericht}): {hulp}"


def _commandos() -> list[str]:
    return [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
