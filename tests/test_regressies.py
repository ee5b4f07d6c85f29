"""Bugs the random invariants (test_invarianten.py) found, pinned down as plain examples."""

from __future__ import annotations

import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from planner.cli import ingang
from planner.kern.fouten import InvoerFout
from planner.kern.model import Draaiboek, Onderdeel
from planner.kern.planning import maak_plan
from planner.kern.tijd import Interval, lees_datumtijd
from planner.kern.vraag import Vraag

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 12, 1, 13, 30, tzinfo=AMSTERDAM)


def _draaiboek(*onderdelen: Onderdeel) -> Draaiboek:
    return Draaiboek(id="t", titel="T", bron="test", onderdelen=onderdelen)


def test_inkorten_met_grote_stap_blijft_binnen_de_tijd() -> None:
    # 20 min, may shrink to 10 in steps of 10; 15 min available. It used to stay at 20.
    d = _draaiboek(Onderdeel("a", "A", "werkvorm", 20, 10, 20, stap=10))
    plan = maak_plan(d, Vraag(groep=5, tijd_min=15, start=START))
    assert [o.duur_min for o in plan.sessies[0].onderdelen] == [10]


def test_geankerd_slot_krimpt_als_de_rest_niet_kan() -> None:
    # Only the anchored closing can give way: it used to keep its 20 minutes and overrun to 50.
    d = _draaiboek(Onderdeel("a", "A", "werkvorm", 30, 30, 30),
                   Onderdeel("slot", "Slot", "afronding", 20, 10, 20, anker="einde"))
    plan = maak_plan(d, Vraag(groep=5, tijd_min=40, start=START))
    assert [o.duur_min for o in plan.sessies[0].onderdelen] == [30, 10]
    assert plan.sessies[0].eind == datetime(2026, 12, 1, 14, 10, tzinfo=AMSTERDAM)


def test_interval_korter_dan_een_sessie_wordt_geweigerd() -> None:
    d = _draaiboek(Onderdeel("a", "A", "werkvorm", 60, 60, 60), Onderdeel("b", "B", "werkvorm", 60, 60, 60))
    with pytest.raises(InvoerFout, match="--interval is te kort"):
        maak_plan(d, Vraag(groep=5, tijd_min=70, start=START, interval=Interval(minuten=30), strategie="splitsen"))


@pytest.mark.parametrize("tekst", ["9999-12-31T23:59", "0001-01-01T00:00"])
def test_start_ver_weg_is_een_nette_fout(tekst: str) -> None:
    with pytest.raises(InvoerFout, match="jaar van 1900 tot en met 2999"):
        lees_datumtijd(tekst, AMSTERDAM, datetime(2026, 11, 24, tzinfo=AMSTERDAM))


def test_stuurteken_in_invoer_breekt_de_ene_regel_niet(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "argv", ["planner", "toon", "0\r0"])
    with pytest.raises(SystemExit) as uit:
        ingang.opdracht()
    err = capsys.readouterr().err
    assert uit.value.code == 2
    assert err.count("\n") == 1 and "\r" not in err and "\\r" in err
