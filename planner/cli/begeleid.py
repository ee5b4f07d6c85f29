"""Guided mode: `planner plan` in a terminal asks for what is missing, one question at a time.

Every answer goes through the same parser as the option it replaces; a bad answer gets that
parser's Dutch sentence and the question again. Input and output are parameters (`lees`, `meld`)
so tests can type the answers; the CLI passes typer's prompt and echo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from planner.bibliotheek import laden, vinden
from planner.cli import klok
from planner.kern.fouten import InvoerFout, PlannerFout
from planner.kern.maten import kies_variant
from planner.kern.model import Draaiboek, Plan
from planner.kern.tijd import lees_datumtijd, lees_duur, toon_duur, verleden_melding

Lees = Callable[[str], str]  # shows a question, returns what was typed ("" for just Enter)
Meld = Callable[[str], None]  # shows a line
T = TypeVar("T")

JA = ("j", "ja", "y", "yes")


@dataclass(frozen=True)
class Antwoorden:
    draaiboek: Draaiboek
    groep: int
    tijd_min: int | None  # None: the draaiboek's own duration
    start: datetime | None  # None: tomorrow at 09:00


def vraag_tot_goed(lees: Lees, meld: Meld, vraag: str, verwerk: Callable[[str], T]) -> T:
    """Ask until `verwerk` accepts the answer; a PlannerFout's sentence explains what was wrong."""
    while True:
        antwoord = lees(vraag).strip()
        try:
            return verwerk(antwoord)
        except PlannerFout as fout:
            from planner.kern.veilig import schoon

            meld(schoon(str(fout)))  # it quotes the answer, and names draaiboeken: nothing raw or invisible


def kies_draaiboek(lees: Lees, meld: Meld, zichtbaar: list[vinden.Bron]) -> Draaiboek:
    """A numbered list of draaiboeken (each id once, see vinden.zichtbare_bronnen); a number or a name."""
    meld("Welk draaiboek wil je plannen?")
    for nummer, bron in enumerate(zichtbaar, start=1):
        try:
            titel = laden.laad_bestand(bron.pad, herkomst=bron.herkomst).titel
        except PlannerFout:
            titel = "(dit bestand heeft fouten)"
        # A copy made with 'planner nieuw --van' says so in its title already: "… (eigen: naam)".
        eigen = " (eigen)" if bron.herkomst == "eigen" and "(eigen" not in titel else ""
        from planner.kern.veilig import schoon

        meld(f"  {nummer}. {bron.id}: {schoon(titel)}{eigen}")

    def verwerk(antwoord: str) -> Draaiboek:
        if antwoord.isdigit():
            nummer = int(antwoord)
            if not 1 <= nummer <= len(zichtbaar):
                raise InvoerFout(f"Nummer {nummer} staat niet in de lijst: kies 1 tot en met {len(zichtbaar)}.")
            bron = zichtbaar[nummer - 1]
            return laden.laad_bestand(bron.pad, herkomst=bron.herkomst)
        if not antwoord:
            raise InvoerFout("Typ het nummer of de naam van een draaiboek uit de lijst.")
        return laden.vind(antwoord)

    return vraag_tot_goed(lees, meld, "Nummer of naam", verwerk)


def vraag_groep(lees: Lees, meld: Meld, draaiboek: Draaiboek, lees_groep: Callable[[str], int]) -> int:
    def verwerk(antwoord: str) -> int:
        groep = lees_groep(antwoord)
        kies_variant(draaiboek, groep)  # a group the draaiboek is not made for: say so now
        return groep

    return vraag_tot_goed(
        lees, meld, f"Hoeveel deelnemers? ({draaiboek.groep_min}-{draaiboek.groep_max})", verwerk)


def vraag_tijd(lees: Lees, meld: Meld, probeer: Callable[[int | None], Plan]) -> int | None:
    """Minutes per session; Enter keeps the draaiboek's own duration. A time the draaiboek does
    not fit in is refused on the spot, with the planner's reason."""
    nominaal = probeer(None).tijd_min

    def verwerk(antwoord: str) -> int | None:
        if not antwoord:
            return None
        minuten = lees_duur(antwoord, naam="De tijd")
        probeer(minuten)
        return minuten

    return vraag_tot_goed(
        lees, meld, f"Hoeveel tijd per sessie? (Enter = {toon_duur(nominaal)}, zoals het draaiboek)", verwerk)


def vraag_start(lees: Lees, meld: Meld, zone: ZoneInfo, nu: datetime | None = None) -> datetime | None:
    def verwerk(antwoord: str) -> datetime | None:
        if not antwoord:
            return None
        start = lees_datumtijd(antwoord, zone, nu or klok.nu(zone), naam="De start")
        melding = verleden_melding(start, nu or klok.nu(zone), naam="de start")
        if melding:
            meld(melding[0].upper() + melding[1:])  # allowed, but said: a past date is rarely meant
        return start

    return vraag_tot_goed(
        lees, meld, "Wanneer begint de eerste sessie? (bijvoorbeeld dinsdag 13:30, "
                    "1 dec 13:30 of morgen 9:00; Enter = morgen om 09:00)",
        verwerk)


def vul_aan(lees: Lees, meld: Meld, *, draaiboek: Draaiboek | None, groep: int | None,
            tijd_min: int | None, start: datetime | None, zone: ZoneInfo,
            lees_groep: Callable[[str], int], probeer: Callable[[Draaiboek, int, int | None], Plan],
            nu: datetime | None = None) -> Antwoorden:
    """Ask for the draaiboek, group, time and start that were not given as options.

    `probeer(draaiboek, groep, tijd_min)` plans without printing; it is how a time is checked.
    The time and start are only asked when the draaiboek or the group had to be asked too:
    then the user is clearly in a conversation, not running a command line with defaults.
    """
    vraag_rest = draaiboek is None or groep is None
    if draaiboek is None:
        draaiboek = kies_draaiboek(lees, meld, vinden.zichtbare_bronnen())
    if groep is None:
        groep = vraag_groep(lees, meld, draaiboek, lees_groep)
    if vraag_rest and tijd_min is None:
        gekozen = draaiboek
        tijd_min = vraag_tijd(lees, meld, lambda minuten: probeer(gekozen, groep, minuten))
    if vraag_rest and start is None:
        start = vraag_start(lees, meld, zone, nu)
    return Antwoorden(draaiboek, groep, tijd_min, start)


def ja(antwoord: str) -> bool:
    return antwoord.strip().lower() in JA


def bewaar_agenda(lees: Lees, meld: Meld, standaard: str,
                  schrijf_naar: Callable[[Path, bool], None]) -> Path | None:
    """Offer to write the calendar file; never replaces an existing file without a yes."""
    if not ja(lees("Wil je de sessies in je agenda zetten met een .ics-bestand? [j/N]")):
        return None

    def verwerk(antwoord: str) -> Path:
        pad = Path(antwoord or standaard).expanduser()
        if not pad.suffix:
            pad = pad.with_name(pad.name + ".ics")
        vervangen = False
        if pad.is_file():
            if not ja(lees(f"'{pad}' bestaat al. Vervangen? [j/N]")):
                raise InvoerFout(f"'{pad}' blijft zoals het is: kies een andere naam.")
            vervangen = True
        schrijf_naar(pad, vervangen)
        return pad

    return vraag_tot_goed(lees, meld, f"Bestandsnaam (Enter = {standaard})", verwerk)
