"""The fast route: plain `planner plan …`, `planner lijst …` and `planner toon …` lines, without typer.

Importing typer and its click takes about 40 ms, a third of `planner plan` (issue 12). A command
line made only of the options below, each written `--optie WAARDE`, `--optie=WAARDE` or
`-o WAARDE`, is read here and goes straight to `planner.cli.opdrachten`: the same code typer calls,
with the same error handling (`scherm.draai`). Anything else returns None and goes to typer, which
also explains every mistake: help, completion, an unknown or misspelt option, a missing value, a
word too many, or no draaiboek or group (the guided mode). tests/test_snel.py holds this table
against typer's declaration in `planner.cli.app`, and both routes against each other.
"""

from __future__ import annotations

import os

WAARDE, PAD, MEER, VLAG = "waarde", "pad", "meer", "vlag"

# option -> (field of PlanOpties, kind): as declared for `plan` in planner/cli.py.
PLAN: dict[str, tuple[str, str]] = {
    "--groep": ("groep", WAARDE), "-g": ("groep", WAARDE),
    "--tijd": ("tijd", WAARDE), "-t": ("tijd", WAARDE),
    "--start": ("start", WAARDE), "-s": ("start", WAARDE),
    "--interval": ("interval", WAARDE),
    "--tz": ("tz", WAARDE),
    "--land": ("land", WAARDE),
    "--strategie": ("strategie", WAARDE),
    "--format": ("formaat", WAARDE), "-f": ("formaat", WAARDE),
    "--uitvoer": ("uitvoer", PAD), "-o": ("uitvoer", PAD),
    "--ics": ("ics", PAD),
    "--locatie": ("locatie", WAARDE),
    "--herinnering": ("herinnering", WAARDE),
    "--per-onderdeel": ("per_onderdeel", VLAG),
    "--herhaling": ("herhaling", WAARDE),
    "--html": ("html", PAD),
    "--kaarten": ("kaarten", PAD),
    "--opdrachtgever": ("opdrachtgever", WAARDE),
    "--begeleider": ("begeleider", MEER),
    "--voor": ("voor", WAARDE),
    "--csv-scheiding": ("csv_scheiding", WAARDE),
    "--force": ("force", VLAG),
    "--reeks": ("reeks", WAARDE),
    "--vooraf": ("vooraf", MEER),
    "--daarna": ("daarna", MEER),
    "--variant": ("variant", WAARDE),
    "--zonder": ("zonder", MEER),
    "--nu": ("nu", WAARDE),
    "--klaar": ("klaar", WAARDE),
}
LIJST: dict[str, tuple[str, str]] = {"--format": ("formaat", WAARDE), "-f": ("formaat", WAARDE)}
TOON: dict[str, tuple[str, str]] = {"--groep": ("groep", WAARDE), "-g": ("groep", WAARDE), **LIJST}

# Characters click expands itself on Windows (globs, ~, variables): there typer must read the line.
_WINDOWS_UITGEBREID = frozenset("*?[~$%")


def voer_uit(commando: str, waarden: dict[str, object]) -> int:
    """Run what `lees` read; the exit code."""
    from planner.cli import opdrachten, scherm

    if commando == "lijst":
        return scherm.draai(lambda: opdrachten.lijst(**waarden))
    if commando == "toon":
        return scherm.draai(lambda: opdrachten.toon(**waarden))
    return scherm.draai(lambda: opdrachten.plan(opdrachten.PlanOpties(**waarden)))


def lees(argv: list[str]) -> tuple[str, dict[str, object]] | None:
    """The command and its options as typer would pass them, or None when this is not a plain line."""
    if not argv or argv[0] not in ("plan", "lijst", "toon") or os.environ.get("_PLANNER_COMPLETE"):
        return None
    if os.name == "nt" and any(_WINDOWS_UITGEBREID.intersection(woord) for woord in argv):
        return None
    commando = argv[0]
    if commando == "lijst":
        waarden = _lees_opties(argv[1:], LIJST, positie=None)
        return None if waarden is None else (commando, waarden)
    if commando == "toon":
        waarden = _lees_opties(argv[1:], TOON, positie="draaiboek")
        return None if waarden is None or "draaiboek" not in waarden else (commando, waarden)
    waarden = _lees_opties(argv[1:], PLAN, positie="draaiboek")
    if waarden is None or waarden.get("draaiboek") is None or waarden.get("groep") is None:
        return None
    return commando, waarden


def _lees_opties(woorden: list[str], tabel: dict[str, tuple[str, str]],
                 positie: str | None) -> dict[str, object] | None:
    waarden: dict[str, object] = {}
    rest = list(reversed(woorden))
    while rest:
        woord = rest.pop()
        if not woord.startswith("-"):
            if positie is None or positie in waarden:
                return None  # a word too many: typer says so
            waarden[positie] = woord
            continue
        naam, is_gelijk, waarde = woord.partition("=") if woord.startswith("--") else (woord, "", "")
        if naam not in tabel:
            return None  # --help, -h, '--', '-', -g20, a typo: typer's
        veld, soort = tabel[naam]
        if soort == VLAG:
            if is_gelijk:
                return None
            waarden[veld] = True
            continue
        if not is_gelijk:
            if not rest:
                return None
            waarde = rest.pop()
        if soort == PAD:
            from pathlib import Path

            if not _leesbaar_of_nieuw(waarde):
                return None
            waarden[veld] = Path(waarde)
        elif soort == MEER:
            waarden.setdefault(veld, []).append(waarde)  # type: ignore[union-attr]
        else:
            waarden[veld] = waarde
    return waarden


def _leesbaar_of_nieuw(pad: str) -> bool:
    """Click refuses an existing path it cannot read, with its own message: leave that to typer."""
    return not os.path.exists(pad) or os.access(pad, os.R_OK)
