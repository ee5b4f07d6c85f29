"""A programme as a spreadsheet: one row per onderdeel of every block, in the order of the day.

The columns of a single plan's spreadsheet (planner.uitvoer.csv.KOLOMMEN) in the same places, so a
sheet made for one draaiboek reads a programme too, followed by where the row sits in the programme.
`sessie` counts the days of the whole programme (1, 2, ...), as a single plan counts its sessions;
`blok` counts per meeting, as in the programme's JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from planner.kern.programma import ProgrammaPlan
from planner.uitvoer.csv import KOLOMMEN, cel, rij, tabel

BLOKKOLOMMEN = ("bijeenkomst", "dag", "blok", "blok_soort", "blok_titel")


def _rijen(pp: ProgrammaPlan, scheiding: str) -> Iterator[list[Any]]:
    sessie = 0
    for bij in pp.bijeenkomsten:
        blok = 0  # counted per meeting, as "blok" in the programme's JSON
        for dag in bij.dagen:
            sessie += 1
            for b in dag.blokken:
                blok += 1
                delen = [o for s in b.plan.sessies for o in s.onderdelen] if b.plan is not None else [b.onderdeel]
                for o in delen:
                    assert o is not None
                    yield rij(sessie, o, scheiding) + [bij.nummer, dag.nummer, blok, b.blok.soort, cel(b.blok.titel)]


def render(pp: ProgrammaPlan, scheiding: str = ";", **_: Any) -> bytes:
    return tabel(KOLOMMEN + BLOKKOLOMMEN, _rijen(pp, scheiding), scheiding)
