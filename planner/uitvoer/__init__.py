"""Output formats: one module per format, each a function from a Plan to text or bytes.

A format is imported only when it is used, so the heavy ones (rich, ics) cost nothing otherwise.
"""

from __future__ import annotations

import importlib
from typing import Any

from planner.kern.model import Plan

# format name -> module holding `render(plan, **opties)`
FORMATEN: dict[str, str] = {
    "tabel": "planner.uitvoer.tabel",
    "json": "planner.uitvoer.json",
    "ics": "planner.uitvoer.ics",
    "markdown": "planner.uitvoer.markdown",
    "html": "planner.uitvoer.html",
    "csv": "planner.uitvoer.csv",
    "uitnodiging": "planner.uitvoer.uitnodiging",
    "kaarten": "planner.uitvoer.kaarten",
}


# Formats that carry text exactly; every other format gets the plan with control characters
# written out visibly (planner.kern.veilig), so no renderer, present or future, can print a raw escape.
EXACT = frozenset({"json"})
# Formats made for the terminal: there invisible characters are written out visibly too.
SCHERM = frozenset({"tabel"})


def render(formaat: str, plan: Plan, **opties: Any) -> str | bytes:
    module = importlib.import_module(FORMATEN[formaat])
    if formaat not in EXACT:
        from planner.kern.veilig import schoon_kopie

        # The terminal table also shows invisible characters (zero-width, direction marks) visibly;
        # file formats keep them as written.
        bestand = formaat not in SCHERM
        plan = schoon_kopie(plan, bestand=bestand)
        # Text options printed in the output (--opdrachtgever, --begeleider, the calendar's file
        # name) too. Not the ones that are no display text: the csv separator (a tab is meant) and
        # --reeks, which only goes into the calendar's UIDs and must stay what the user typed.
        opties = {naam: waarde if naam in _GEEN_TEKST else schoon_kopie(waarde, bestand=bestand)
                  for naam, waarde in opties.items()}
    return module.render(plan, **opties)


_GEEN_TEKST = frozenset({"scheiding", "reeks"})
