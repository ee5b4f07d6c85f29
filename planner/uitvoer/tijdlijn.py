"""The rhythm of a session at a glance: one proportional bar, coloured by soort, with clock marks.

    OooWwwwwwwwEeeeeeePpWwwwwwwwwwwwWwwwwwwAa      (without colour: a letter per soort)
    |13:30    |14:00    |14:30    |15:00  16:15|

A pure function of a session, a width and a colour flag, giving a rich Text (rich is imported
inside the functions that build one); the table puts it under each session.
Without colour every onderdeel starts with the capital of its soort and is filled with the small
letter, so borders and kinds stay readable on paper, in a pipe and with NO_COLOR.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from planner.kern.model import SOORTEN, Sessie
from planner.kern.tijd import plus_minuten

if TYPE_CHECKING:
    from rich.text import Text

# Background colour per soort; the title inside is written in black or, on the dark ones, white
# for contrast.
KLEUR = {
    "opening": "cyan",
    "werkvorm": "blue",
    "pauze": "bright_black",
    "evaluatie": "magenta",
    "afronding": "green",
    "agendapunt": "yellow",
}
TEKSTKLEUR = {"werkvorm": "white", "pauze": "white", "evaluatie": "white"}
# Without colour: the first cell of an onderdeel shows the capital, the rest the small letter.
LETTER = {
    "opening": "O",
    "werkvorm": "W",
    "pauze": "P",
    "evaluatie": "E",
    "afronding": "A",
    "agendapunt": "G",
}
# Below this width a bar says nothing useful; the table alone is clearer.
KLEINSTE_BREEDTE = 16
# Candidate distances between clock marks, in minutes; the smallest that fits is used.
STAPPEN = (15, 30, 60, 120, 240)


def cellen(minuten: list[int], breedte: int) -> list[int]:
    """Divide `breedte` cells over the parts in proportion to their minutes, each at least one.

    Largest remainder: the cells add up to exactly `breedte`, and a part of 60 minutes gets
    twice the cells of a part of 30 (give or take one).
    """
    totaal = sum(minuten)
    if not minuten or breedte < len(minuten) or totaal <= 0:
        return []
    exact = [m * breedte / totaal for m in minuten]
    deel = [max(1, math.floor(e)) for e in exact]
    while sum(deel) < breedte:
        # The part that is furthest behind its exact share gets the next cell.
        i = max(range(len(deel)), key=lambda j: exact[j] - deel[j])
        deel[i] += 1
    while sum(deel) > breedte:
        # Only possible after rounding tiny parts up to 1: take back from the most generous.
        i = max((j for j in range(len(deel)) if deel[j] > 1), key=lambda j: deel[j] - exact[j])
        deel[i] -= 1
    return deel


def _balk(sessie: Sessie, breedte: int, kleur: bool) -> Text:
    from rich.cells import cell_len, set_cell_size
    from rich.text import Text

    balk = Text()
    for onderdeel, n in zip(sessie.onderdelen, cellen([o.duur_min for o in sessie.onderdelen], breedte),
                            strict=True):
        if kleur:
            # A title only where a few letters of it fit; a sliver is just colour. Measured in
            # cells, on one line: a wide, combining or line-break character must not make the bar
            # wider or narrower than the table, or break it.
            titel = (" " + onderdeel.titel.replace("\n", " ")) if n >= 4 else ""
            if cell_len(titel) > n:
                titel = set_cell_size(titel, n - 1) + "…"
            stijl = f"{TEKSTKLEUR.get(onderdeel.soort, 'black')} on {KLEUR.get(onderdeel.soort, 'default')}"
            balk.append(set_cell_size(titel, n), style=stijl)
        else:
            letter = LETTER.get(onderdeel.soort, "?")
            balk.append(letter + letter.lower() * (n - 1))
    return balk


def _klokregel(sessie: Sessie, breedte: int) -> str:
    """'|13:30    |14:00 …  16:15|': start and end, and marks at round clock times between."""
    totaal = sessie.duur_min
    regel = [" "] * breedte
    begin, eind = f"|{sessie.start:%H:%M}", f"{sessie.eind:%H:%M}|"
    regel[:len(begin)] = begin
    # The end time matters more than the last round mark: it gets its place first.
    grens = breedte
    if breedte >= len(begin) + 1 + len(eind):
        regel[breedte - len(eind):] = eind
        grens = breedte - len(eind) - 1
    bezet = len(begin)  # first column after the last label
    per_minuut = breedte / totaal
    # At least 12 cells between marks: a 3-hour day gets a mark every 30 or 60 minutes.
    stap = next((s for s in STAPPEN if s * per_minuut >= 12), None)
    if stap is not None:
        op_de_klok = sessie.start.hour * 60 + sessie.start.minute
        verstreken = -op_de_klok % stap or stap
        while verstreken < totaal:
            positie = round(verstreken * per_minuut)
            merk = f"|{plus_minuten(sessie.start, verstreken):%H:%M}"
            if positie > bezet and positie + len(merk) <= grens:
                regel[positie:positie + len(merk)] = merk
                bezet = positie + len(merk)
            verstreken += stap
    return "".join(regel).rstrip()


def legenda(soorten: list[str], breedte: int, kleur: bool) -> Text:
    """Which colour or letter means which soort, in lines of at most `breedte` cells."""
    from rich.text import Text

    tekst = Text(no_wrap=True, overflow="crop")
    regel = 0
    for soort in [s for s in SOORTEN if s in soorten]:
        lengte = (3 if kleur else 2) + len(soort)
        if regel and regel + 3 + lengte > breedte:
            tekst.append("\n")
            regel = 0
        elif regel:
            tekst.append("   ")
            regel += 3
        if kleur:
            tekst.append("  ", style=f"on {KLEUR[soort]}")
            tekst.append(f" {soort}")
        else:
            tekst.append(f"{LETTER[soort]} {soort}")
        regel += lengte
    return tekst


def tijdlijn(sessie: Sessie, breedte: int, kleur: bool, met_legenda: bool = True) -> Text | None:
    """The bar for one session, exactly `breedte` cells wide, its clock line (and legend), as one
    rich Text of lines that never wrap; None when that is too narrow."""
    from rich.text import Text

    if breedte < KLEINSTE_BREEDTE or breedte < len(sessie.onderdelen) or sessie.duur_min <= 0:
        return None
    tekst = Text(no_wrap=True, overflow="crop")
    tekst.append_text(_balk(sessie, breedte, kleur))
    tekst.append("\n" + _klokregel(sessie, breedte), style="dim")
    if met_legenda:
        tekst.append("\n")
        tekst.append_text(legenda([o.soort for o in sessie.onderdelen], breedte, kleur))
    return tekst
