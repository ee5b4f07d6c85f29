"""`planner terugblik LOG`: planned against actual per onderdeel, from a `planner live --log` file.

The facilitator's material to adjust a template's minutes next time. Pure apart from reading the file
and drawing the table (rich, imported inside render_terugblik: reading a log never loads it).
"""

from __future__ import annotations

import csv
import errno
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from planner.bibliotheek.grenzen import LOG_BYTES
from planner.kern.fouten import InvoerFout
from planner.kern.live_staat import LOGKOLOMMEN
from planner.kern.live_stand import AFGEBROKEN, AFSPRAAK, GESTOPT, NIET_BEREIKT, PAUZE
from planner.kern.tijd import hele_minuten, kloktijd, kort

if TYPE_CHECKING:
    from rich.text import Text

# A log has a row per onderdeel: kilobytes. Anything far larger is not one (or /dev/zero).
MAX_GROOTTE = LOG_BYTES  # the limits and their reasons: planner.bibliotheek.grenzen


@dataclass(frozen=True)
class Regel:
    id: str
    titel: str
    gepland_start: datetime | None
    gepland_eind: datetime | None
    werkelijk_start: datetime | None
    werkelijk_eind: datetime | None
    status: str
    # Added later (defaults: a log of an older planner without these columns).
    regel: int = 0  # the line in the file, for messages
    minuten_verschil: int | None = None  # real minus planned, pauses not counted (live's own sum)
    draaiboek: str = ""
    sessie: str = ""

    @property
    def gepland_min(self) -> int | None:
        return _minuten(self.gepland_start, self.gepland_eind)

    @property
    def werkelijk_min(self) -> int | None:
        return _minuten(self.werkelijk_start, self.werkelijk_eind)


def _minuten(van: datetime | None, tot: datetime | None) -> int | None:
    if van is None or tot is None:
        return None
    return hele_minuten((tot - van).total_seconds())


def _moment(tekst: str, pad: Path, regel: int) -> datetime | None:
    if not tekst.strip():
        return None
    try:
        moment = datetime.fromisoformat(tekst.strip())
    except ValueError:
        raise InvoerFout(f"'{pad}', regel {regel}: '{kort(tekst)}' is geen tijdstip; is het log met de hand "
                         "aangepast? Schrijf tijden als 2026-12-01 13:05:00.") from None
    if not 1900 <= moment.year <= 2999:
        # A session is not held in year 1 or 9999; at the calendar's edge rounding to the minute (and
        # every sum with a duration) would overflow.
        raise InvoerFout(f"'{pad}', regel {regel}: '{kort(tekst)}' ligt in het jaar {moment.year}, dat is geen "
                         "tijdstip van een sessie; is het log met de hand aangepast? Schrijf tijden als "
                         "2026-12-01 13:05:00.")
    # live writes clock times without a zone; one edited in with an offset ('+01:00') counts as the
    # clock time it names, or subtracting it from the others would fail.
    return moment.replace(tzinfo=None)


def lees_log(pad: Path) -> list[Regel]:
    """The rows of a live log, or one Dutch sentence when the file is not one."""
    from planner.bibliotheek.lezen import OnleesbaarBestand, lees_bytes

    try:
        # The one safe reader: a FIFO would wait forever, /dev/zero would fill the memory.
        tekst = lees_bytes(pad, MAX_GROOTTE).decode("utf-8-sig")
    except OnleesbaarBestand as fout:
        if fout.errno == errno.ENOENT:
            raise InvoerFout(f"'{pad}' bestaat niet: geef het pad van een log van 'planner live --log'.") from None
        raise InvoerFout(f"'{pad}' is geen log van 'planner live --log': {fout.strerror}; een log is een "
                         "gewoon CSV-bestand van hooguit enkele kilobytes.") from None
    except (OSError, ValueError):  # ValueError: not UTF-8
        raise InvoerFout(f"'{pad}' kan ik niet lezen als log van 'planner live --log' (CSV, UTF-8).") from None
    try:
        return _lees_rijen(tekst, pad)
    except csv.Error:  # e.g. a field larger than csv's limit: edited beyond recognition
        raise InvoerFout(f"'{pad}' is geen log van 'planner live --log': de CSV is onleesbaar.") from None


def _csv_rijen(tekst: str, pad: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and (line, fields) per row; a quote that never closes is refused, naming its line,
    instead of swallowing the rest of the file into one field (half-read)."""
    lezer = csv.reader(io.StringIO(tekst), delimiter=";", strict=True)
    rijen: list[tuple[int, list[str]]] = []
    vorige = 0
    try:
        for velden in lezer:
            if velden:  # an empty line is no row: 10 MB of them are ten million, not worth a list entry each
                rijen.append((vorige + 1, velden))
            vorige = lezer.line_num
    except csv.Error:
        raise InvoerFout(f"'{pad}', regel {vorige + 1}: een aanhalingsteken (\") wordt niet gesloten of staat "
                         "midden in een veld; is het log met de hand aangepast? Herstel die regel.") from None
    if not rijen:
        return [], []
    return rijen[0][1], rijen[1:]


def _lees_rijen(tekst: str, pad: Path) -> list[Regel]:
    kop, ruwe_rijen = _csv_rijen(tekst, pad)
    if not set(LOGKOLOMMEN[:6]) <= set(kop):
        raise InvoerFout(f"'{pad}' is geen log van 'planner live --log': de kolommen "
                         f"{', '.join(LOGKOLOMMEN[:6])} ontbreken.")
    regels = []
    gezien: dict[str, int] = {}
    for nummer, velden in ruwe_rijen:
        if not any(v.strip() for v in velden):
            continue  # an empty line (an editor's trailing newline) is no row
        if len(velden) > len(kop):
            raise InvoerFout(f"'{pad}', regel {nummer}: {len(velden)} velden, maar de kop heeft er {len(kop)}; "
                             "staat er een ';' te veel? Herstel die regel.")
        rij = dict(zip(kop, velden + [""] * (len(kop) - len(velden)), strict=True))
        id_ = rij["id"].strip()
        if id_ in gezien:
            raise InvoerFout(f"'{pad}', regel {nummer}: onderdeel '{kort(id_)}' staat er al (regel {gezien[id_]}); "
                             "een log heeft één regel per onderdeel: verwijder de dubbele regel.")
        gezien[id_] = nummer
        regels.append(Regel(
            id=rij["id"] or "",
            titel=rij["titel"] or "",
            gepland_start=_moment(rij["gepland_start"] or "", pad, nummer),
            gepland_eind=_moment(rij["gepland_eind"] or "", pad, nummer),
            werkelijk_start=_moment(rij["werkelijk_start"] or "", pad, nummer),
            werkelijk_eind=_moment(rij["werkelijk_eind"] or "", pad, nummer),
            status=(rij.get("status") or "").strip(),
            regel=nummer,
            minuten_verschil=_geheel(rij.get("minuten_verschil") or ""),
            draaiboek=(rij.get("draaiboek") or "").strip(),
            sessie=(rij.get("sessie") or "").strip(),
        ))
    if not regels:
        raise InvoerFout(f"'{pad}' bevat geen onderdelen: is de sessie wel begonnen?")
    return regels


def _geheel(tekst: str) -> int | None:
    try:
        return int(tekst.strip())
    except ValueError:
        return None


def werkelijk_zonder_pauze(regels: list[Regel], i: int) -> int | None:
    """Row `i`'s real minutes without its pauses: live's own difference where the log has it;
    otherwise the clock times minus the pause rows that follow the part."""
    r = regels[i]
    if r.gepland_min is not None and r.minuten_verschil is not None and r.werkelijk_min is not None:
        return r.gepland_min + r.minuten_verschil
    werkelijk = r.werkelijk_min
    if werkelijk is not None and r.status != PAUZE:
        for volgende in regels[i + 1:]:
            if volgende.status != PAUZE:
                break
            werkelijk -= volgende.werkelijk_min or 0
    return werkelijk


def _verschil(minuten: int) -> str:
    return f"{minuten:+d} min" if minuten else "0 min"


KOPPEN = ("Onderdeel", "Gepland", "Werkelijk", "Verschil")


def render_terugblik(regels: list[Regel], kop: str = "", kleur: bool = False, breedte: int | None = None) -> str:
    """Per onderdeel planned, actual and the difference; totals; what stood out. Drawn by rich like
    the terugblik over more logs (planner.live.praktijk). `kop`: which draaiboek and session (the
    command line knows the draaiboek's title); `kleur` and `breedte` as planner.uitvoer.terminal."""
    from rich.text import Text

    from planner.uitvoer.terminal import STANDAARD_BREEDTE, als_tekst, console, titels_en_getallen

    rijen: list[tuple[str | Text, ...]] = []
    totaal_gepland = totaal_werkelijk = 0
    verschillen: list[tuple[int, Regel]] = []
    afspraken = [r for r in regels if r.status == AFSPRAAK]
    for i, r in enumerate(regels):
        if r.status == AFSPRAAK:
            continue  # an agreed later end is no onderdeel: a sentence below the table
        gepland, werkelijk = r.gepland_min, werkelijk_zonder_pauze(regels, i)
        verschil: str | Text
        if werkelijk is None:
            waarom = {"overgeslagen": "overgeslagen", "vervallen": "vervallen",
                      "bezig": "geen einde", NIET_BEREIKT: NIET_BEREIKT}.get(r.status, "niet gedaan")
            kolom, verschil = waarom, ""
        elif r.status in (GESTOPT, AFGEBROKEN):
            # Stopped halfway (q, or Ctrl-C / kill -INT): its minutes say nothing about how long the part takes.
            kolom, verschil = f"{werkelijk} min", r.status
        else:
            kolom = f"{werkelijk} min"
            verschil = _verschil(werkelijk - gepland) if gepland is not None else "extra"
            if gepland is not None:
                totaal_gepland += gepland
                totaal_werkelijk += werkelijk
                verschillen.append((werkelijk - gepland, r))
                # What 'Duurde langer dan gepland' names below, as the terugblik over more logs marks it.
                verschil = Text(verschil, style="yellow" if werkelijk - gepland >= 5 else "")
        rijen.append((r.titel, f"{gepland} min" if gepland is not None else "", kolom, verschil))
    rijen.append(tuple(Text(cel, style="bold") for cel in (
        "Totaal (gedane onderdelen)", f"{totaal_gepland} min", f"{totaal_werkelijk} min",
        _verschil(totaal_werkelijk - totaal_gepland))))
    zinnen = _zinnen(regels, afspraken, verschillen)
    tabel, nodig, heel = titels_en_getallen(KOPPEN, rijen)
    if breedte is None:
        # Without a terminal (a pipe, a file) nothing wraps: one line per onderdeel and per
        # sentence, for grep and cut, as before rich drew the table.
        from rich.cells import cell_len

        breedte = max(STANDAARD_BREEDTE, heel, *(cell_len(tekst) for tekst in [kop, *zinnen]))
    scherm = console(kleur, breedte)
    boven = [Text("Terugblik: gepland tegen werkelijk", style="bold"), *([Text(kop, style="dim")] if kop else []),
             Text("")]
    # The table never narrower than it needs (a terminal narrower than that wraps its lines, as with
    # `ls -l`); the sentences around it wrap at the terminal's width.
    return (als_tekst(scherm, *boven) + als_tekst(console(kleur, max(breedte, nodig)), tabel)
            + als_tekst(scherm, Text(""), *(Text(zin) for zin in zinnen)))


def _zinnen(regels: list[Regel], afspraken: list[Regel], verschillen: list[tuple[int, Regel]]) -> list[str]:
    """The sentences below the table: the session's times, an agreed later end, what stood out."""
    uit = []
    begin = [r.werkelijk_start for r in regels if r.werkelijk_start is not None]
    eind = [r.werkelijk_eind for r in regels if r.werkelijk_eind is not None]
    gepland_begin = [r.gepland_start for r in regels if r.gepland_start is not None]
    gepland_eind = [r.gepland_eind for r in regels if r.gepland_eind is not None]
    if begin and eind and gepland_begin and gepland_eind:
        # The one rounding rule (kern.tijd): 13:05:40 is 13:06 here as on the live screen.
        uit.append(f"Sessie: gepland {kloktijd(min(gepland_begin))}–{kloktijd(max(gepland_eind))}, "
                   f"werkelijk {kloktijd(min(begin))}–{kloktijd(max(eind))}.")
    for r in afspraken:
        om = f" (om {kloktijd(r.werkelijk_start)})" if r.werkelijk_start is not None else ""
        uit.append(f"{r.titel.rstrip('.')}{om}.")
    open_ = [r for r in regels if r.status == "bezig"]
    if open_:
        uit.append(f"'{open_[0].titel}' liep nog toen het log voor het laatst werd geschreven "
                   "(bijvoorbeeld na een crash): het einde ontbreekt.")
    langer = [(m, r) for m, r in verschillen if m >= 5]
    korter = [(m, r) for m, r in verschillen if m <= -5]
    if langer:
        namen = ", ".join(f"'{r.titel}' ({m:+d})" for m, r in sorted(langer, key=lambda x: -x[0]))
        uit.append(f"Duurde langer dan gepland: {namen}. Overweeg meer minuten in het draaiboek.")
    if korter:
        namen = ", ".join(f"'{r.titel}' ({m:+d})" for m, r in sorted(korter, key=lambda x: x[0]))
        uit.append(f"Ging sneller dan gepland: {namen}.")
    return uit
