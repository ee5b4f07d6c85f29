"""The agenda as a spreadsheet: one row per onderdeel.

UTF-8 with a byte order mark and ';' between fields by default, because that is what a
spreadsheet with Dutch or Flemish regional settings opens correctly with a double click;
--csv-scheiding , for the rest of the world. (`import csv` below is the standard library:
imports are absolute, this module is planner.uitvoer.csv.)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from planner.kern.fouten import InvoerFout
from planner.kern.model import GeplandOnderdeel, Plan
from planner.kern.tekst import groepjes_tekst

KOLOMMEN = ("sessie", "datum", "start", "eind", "minuten", "titel", "soort", "werkvorm",
            "groepjes", "per_persoon_min", "geschat", "toegevoegd", "bron_min", "aangepast", "gedaan",
            "praktijk")

SCHEIDINGEN = {";": ";", ",": ",", "\t": "\t", "tab": "\t", "\\t": "\t"}


def lees_scheiding(tekst: str) -> str:
    gekozen = SCHEIDINGEN.get(tekst) or SCHEIDINGEN.get(tekst.strip().lower())
    if gekozen is None:
        raise InvoerFout(f"--csv-scheiding '{tekst}' kan niet: kies ';' (standaard), ',' of tab.")
    return gekozen


def _getal(waarde: float | None, scheiding: str) -> str:
    if waarde is None:
        return ""
    tekst = f"{waarde:g}"
    # With ';' the reader is a spreadsheet in a comma-decimal locale: 2,5 not 2.5.
    return tekst.replace(".", ",") if scheiding == ";" else tekst


# A cell starting with one of these is a formula to a spreadsheet (=HYPERLINK(...), +cmd|...): a
# template's title must never run as one. Prefixed with ', the way spreadsheet exporters do.
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def cel(tekst: str) -> str:
    """Text for a cell, neutralised when a spreadsheet would read it as a formula."""
    return "'" + tekst if tekst.lstrip(" ").startswith(FORMULE_BEGIN) else tekst


def rij(sessie: int, o: GeplandOnderdeel, scheiding: str = ";") -> list[Any]:
    """One onderdeel's row under KOLOMMEN (also the programme's spreadsheet, planner.uitvoer.programma_csv)."""
    return [
        sessie,
        o.start.date().isoformat(),
        f"{o.start:%H:%M}",
        f"{o.eind:%H:%M}",
        o.duur_min,
        cel(o.titel),
        cel(o.soort),
        cel(o.werkvorm),
        cel(groepjes_tekst(o.groepjes)),
        _getal(o.per_persoon_min, scheiding),
        "ja" if o.geschat else "nee",
        "ja" if o.toegevoegd else "nee",
        "" if o.bron_min is None else o.bron_min,
        "ja" if o.aangepast else "nee",
        "ja" if o.gedaan else "nee",
        cel("" if o.toegevoegd or o.bron is None else o.bron.praktijk),
    ]


def tabel(kolommen: tuple[str, ...], rijen: Iterable[list[Any]], scheiding: str = ";") -> bytes:
    """The file: a header, the rows, CRLF, UTF-8 with a byte order mark (see the module docstring)."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=scheiding, lineterminator="\r\n")
    schrijver.writerow(kolommen)
    schrijver.writerows(rijen)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render(plan: Plan, scheiding: str = ";", **_: Any) -> bytes:
    return tabel(KOLOMMEN, (rij(sessie.nummer, o, scheiding) for sessie in plan.sessies for o in sessie.onderdelen),
                 scheiding)
