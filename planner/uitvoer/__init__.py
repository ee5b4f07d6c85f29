"""Output formats: one module per format, each a function from a Plan to text or bytes.

A format is imported only when it is used, so the heavy ones (rich, ics) cost nothing otherwise.
"""

from __future__ import annotations

import importlib
from typing import Any

from planner.model import Plan

# format name -> module holding `render(plan, **opties)`
FORMATEN: dict[str, str] = {
    "tabel": "planner.uitvoer.tabel",
    "json": "planner.uitvoer.json",
    "ics": "planner.uitvoer.ics",
    "markdown": "planner.uitvoer.markdown",
    "html": "planner.uitvoer.html",
    "csv": "planner.uitvoer.csv",
}


def render(formaat: str, plan: Plan, **opties: Any) -> str | bytes:
    module = importlib.import_module(FORMATEN[formaat])
    return module.render(plan, **opties)


def groepjes_tekst(groepjes: tuple[int, ...]) -> str:
    """'6 groepjes: 4 × 4 en 2 × 3' — how to divide the group."""
    if not groepjes:
        return ""
    aantallen: dict[int, int] = {}
    for grootte in groepjes:
        aantallen[grootte] = aantallen.get(grootte, 0) + 1
    delen = [f"{n} × {grootte}" for grootte, n in sorted(aantallen.items(), reverse=True)]
    woord = "groepje" if len(groepjes) == 1 else "groepjes"
    return f"{len(groepjes)} {woord}: " + " en ".join(delen)


def per_persoon_tekst(minuten: float | None) -> str:
    """'± 2½ min per persoon'."""
    if minuten is None:
        return ""
    heel = int(minuten)
    half = "½" if minuten - heel >= 0.5 else ""
    getal = f"{heel}{half}" if heel or not half else "½"
    return f"± {getal} min per persoon"
