"""Tab completion for every value a user picks from a list: draaiboeken, formats, strategies,
audiences, time zones and the variants of the draaiboek already on the command line.

Each function takes what typer passes by name (`ctx`, `incomplete`) and returns (value, help)
pairs, which bash shows as values and zsh and fish with their explanation. New commands use them
with `autocompletion=...`. They only run when the shell asks (Tab), so they may import freely,
and they never raise: a broken draaiboek or an unknown name simply completes to nothing.
"""

from __future__ import annotations

from typing import Any

from planner.kern.fouten import PlannerFout

Keuzes = list[tuple[str, str]]

STRATEGIEEN: Keuzes = [
    ("auto", "wat het draaiboek voorschrijft"),
    ("splitsen", "over meer sessies, nooit inkorten"),
    ("inkorten", "binnen de grenzen, anders weigeren"),
]
VOOR: Keuzes = [("begeleider", "alles, met instructies en vragen"), ("deelnemers", "alleen de agenda")]
FORMAAT_UITLEG = {
    "tabel": "een tabel in de terminal",
    "json": "voor andere programma's",
    "markdown": "handout",
    "html": "printbaar trainersraster (A4)",
    "csv": "voor een spreadsheet",
    "uitnodiging": "tekst voor een e-mail aan de deelnemers",
    "kaarten": "printbare vraagkaarten (A6)",
}
# The zones facilitators in the Netherlands and Flanders (and the Caribbean parts of the Kingdom,
# and Suriname) plan in come first; every other zone follows alphabetically.
GEWONE_ZONES = ("Europe/Amsterdam", "Europe/Brussels", "America/Curacao", "America/Aruba",
                "America/Kralendijk", "America/Paramaribo", "Europe/London", "Europe/Berlin",
                "Europe/Paris", "UTC")


def _begint_met(keuzes: Keuzes, incomplete: str) -> Keuzes:
    begin = incomplete.strip().lower()
    return [(waarde, uitleg) for waarde, uitleg in keuzes if waarde.lower().startswith(begin)]


def draaiboeknamen(incomplete: str) -> Keuzes:
    """Built-in and own draaiboeken (with where they come from)."""
    from planner.bibliotheek import vinden

    begin = incomplete.strip().lower()
    return sorted((b.id, b.herkomst) for b in vinden.zichtbare_bronnen() if b.id.startswith(begin))


def formaten(incomplete: str) -> Keuzes:
    """The formats of `planner plan`: every registered renderer except the calendar (that is --ics)."""
    from planner.uitvoer import FORMATEN

    return _begint_met([(f, FORMAAT_UITLEG.get(f, "")) for f in FORMATEN if f != "ics"], incomplete)


def lijstformaten(incomplete: str) -> Keuzes:
    """The formats of `planner lijst` and `planner toon`."""
    return _begint_met([("tabel", FORMAAT_UITLEG["tabel"]), ("json", FORMAAT_UITLEG["json"])], incomplete)


def strategieen(incomplete: str) -> Keuzes:
    return _begint_met(STRATEGIEEN, incomplete)


def voor(incomplete: str) -> Keuzes:
    return _begint_met(VOOR, incomplete)


def tijdzones(incomplete: str) -> Keuzes:
    """Common zones first, then every zone the machine knows; 'brus' finds Europe/Brussels too."""
    from zoneinfo import available_timezones

    begin = incomplete.strip().lower()

    def past(zone: str) -> bool:
        return zone.lower().startswith(begin) or zone.lower().split("/")[-1].startswith(begin)

    gewoon = [z for z in GEWONE_ZONES if past(z)]
    rest = sorted(z for z in available_timezones() - set(GEWONE_ZONES)
                  if past(z) and not z.startswith(("posix/", "right/")))
    return [(z, "") for z in gewoon + rest]


def varianten(ctx: Any, incomplete: str) -> Keuzes:
    """The variants of the draaiboek already typed on the command line (`planner plan kennismaking --variant <Tab>`)."""
    from planner.bibliotheek import laden

    naam = (getattr(ctx, "params", None) or {}).get("draaiboek")
    if not naam:
        return []
    try:
        draaiboek = laden.vind(naam)
    except PlannerFout:
        return []
    keuzes = [(v.id, f"{v.titel} ({v.groep_min}-{v.groep_max} deelnemers)".strip()) for v in draaiboek.varianten]
    return _begint_met(keuzes, incomplete)
