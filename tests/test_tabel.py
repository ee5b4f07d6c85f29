"""The terminal table (planner/uitvoer/tabel.py) as a facilitator reads it."""

from __future__ import annotations

from planner.kern.model import Draaiboek, Onderdeel
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from planner.uitvoer import render, tabel

from .conftest import start


def test_sessiekop_breekt_niet_af_bij_een_smalle_tabel():
    # Short titles make a narrow table; its heading (session, date, times) stays on one line.
    onderdelen = tuple(Onderdeel(id=f"o{i}", titel=f"Deel {i}", soort="werkvorm", minuten=30, min_minuten=30,
                                 max_minuten=30) for i in range(3))
    d = Draaiboek(id="kort", titel="Kort", bron="test", onderdelen=onderdelen, bij_tijdgebrek="splitsen")
    plan = maak_plan(d, Vraag(groep=5, tijd_min=60, start=start("2026-12-01T09:00")))
    tekst = tabel.render(plan, breedte=110)
    regels = tekst.splitlines()
    for sessie in plan.sessies:
        kop = next(r for r in regels if r.startswith(f"Sessie {sessie.nummer} van"))
        assert kop.endswith(f"{sessie.start:%H:%M}–{sessie.eind:%H:%M}"), kop


def test_sterretje_bij_een_geschatte_beurt_wordt_uitgelegd(kennismaking):
    """'± 5 min per persoon *' in the werkvorm column: the legend says what the '*' means."""
    plan = maak_plan(kennismaking, Vraag(groep=14, tijd_min=60, start=start()))
    assert any(o.beurt_tekst.endswith(" *") for s in plan.sessies for o in s.onderdelen)
    for formaat in ("tabel", "markdown"):
        assert "* geschatte minuten" in render(formaat, plan), formaat
