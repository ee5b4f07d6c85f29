"""Subgroups and turns: dividing a group (verdeel_groep) and the minutes per person (R2-R5)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.bibliotheek import laden
from planner.kern.groepjes import groepjes_passen, verdeel_groep
from planner.kern.planning import maak_plan
from planner.kern.tekst import groepjes_tekst, per_persoon_tekst
from planner.kern.vraag import Vraag

START = datetime(2026, 12, 1, 13, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _fewest_valid(groep: int, laag: int, hoog: int) -> int | None:
    """Brute force: the smallest number of groups that all fit in [laag, hoog], if any."""
    for aantal in range(1, groep + 1):
        if aantal * laag <= groep <= aantal * hoog:
            return aantal
    return None


@given(st.integers(1, 200), st.integers(1, 12), st.integers(0, 12))
def test_verdeel_groep_eigenschappen(groep: int, laag: int, extra: int) -> None:
    hoog = laag + extra
    groepjes = verdeel_groep(groep, laag, hoog)
    assert sum(groepjes) == groep
    assert max(groepjes) - min(groepjes) <= 1
    assert list(groepjes) == sorted(groepjes, reverse=True)
    fewest = _fewest_valid(groep, laag, hoog)
    assert groepjes_passen(groep, laag, hoog) == (fewest is not None)
    if fewest is not None:
        assert all(laag <= g <= hoog for g in groepjes)
        assert len(groepjes) == fewest
    else:
        # No valid division: never a group smaller than asked, unless the whole group is.
        assert len(groepjes) == 1 or min(groepjes) >= laag


def test_voorbeelden() -> None:
    assert verdeel_groep(22, 3, 4) == (4, 4, 4, 4, 3, 3)
    assert groepjes_tekst(verdeel_groep(22, 3, 4)) == "6 groepjes: 4 × 4 en 2 × 3"
    assert verdeel_groep(30, 5, 10) == (10, 10, 10)
    assert verdeel_groep(11, 5, 10) == (6, 5)
    assert verdeel_groep(5, 3, 4) == (5,)
    assert per_persoon_tekst(2.5) == "± 2½ min per persoon"


def _plan(naam: str, groep: int, tijd: int | None = None):
    return maak_plan(laden.vind(naam), Vraag(groep=groep, tijd_min=tijd, start=START))


def _onderdeel(plan, id_: str):
    return next(o for s in plan.sessies for o in s.onderdelen if o.id == id_)


def test_training_oefenen_drie_rondes_van_vijftien_minuten() -> None:
    # R4: 45 min in groups of 3-4, rounds of 10m conversation + 5m nabespreking.
    plan = _plan("training", 9)
    oefenen = _onderdeel(plan, "oefenen")
    assert oefenen.groepjes == (3, 3, 3)
    assert oefenen.per_persoon_min == 15
    assert not any("Oefenen" in w for w in plan.waarschuwingen)
    plan = _plan("training", 16)
    # 16 cannot all practise in 45 minutes: as many groups as 3-4 allows, so one person misses a
    # turn instead of four (4 x 4); the warning still says it.
    assert _onderdeel(plan, "oefenen").groepjes == (4, 3, 3, 3, 3)
    melding = next(w for w in plan.waarschuwingen if w.startswith("'Oefenen in subgroepen'"))
    assert "groepje van 4" in melding and "3 beurten" in melding


@pytest.mark.parametrize("groep", [4, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20])
def test_oefenen_zo_weinig_mogelijk_mensen_zonder_beurt(groep) -> None:
    # R16: every participant should practise (3 turns of 15 minutes fit); where that cannot be, as
    # few as possible miss out: only the groups of 4, and no more of those than the division needs.
    groepjes = _onderdeel(_plan("training", groep), "oefenen").groepjes
    assert sum(groepjes) == groep and all(3 <= g <= 4 for g in groepjes)
    assert sum(g - 3 for g in groepjes) == groep % 3


def test_per_persoon_blijft_binnen_de_bron() -> None:
    # R5: 1-2 minutes each; 30 minutes for 10 people does not make it 3.
    assert _onderdeel(_plan("kickoff", 10), "voorstellen").per_persoon_min == 2
    assert _onderdeel(_plan("kickoff", 30), "voorstellen").per_persoon_min == 1
    # R3: back after about 20 minutes, in groups of at most 4.
    b = _onderdeel(_plan("kennismaking", 22), "voorstellen-subgroepen")
    assert b.groepjes == (4, 4, 4, 4, 3, 3) and b.per_persoon_min == 5


def test_voorstelronde_groter_dan_twaalf_zegt_hoeveel_verhalen() -> None:
    # R4: more than 12 people: at most half an hour, with whoever wants to share.
    plan = _plan("training", 16)
    assert any("meer dan 12" in w and "10 à 15 verhalen" in w for w in plan.waarschuwingen)
    assert _onderdeel(plan, "voorstelronde").per_persoon_min == 2


def test_filmronde_volgt_de_groep_zonder_ingekort_te_heten() -> None:
    # R2: 1-3 minutes each for 8 people is 8-24 minutes: 20, not "cut from 30".
    plan = _plan("kennismaking", 8)
    assert _onderdeel(plan, "voorstellen").duur_min == 20
    assert not any("ingekort" in w for w in plan.waarschuwingen)
    assert any("ingekort van 20 naar 15" in w for w in _plan("kennismaking", 8, 45).waarschuwingen)


def test_onmogelijke_verdeling_geeft_waarschuwing(tmp_path) -> None:
    pad = tmp_path / "klein.toml"
    pad.write_text(
        'titel = "Klein"\nbron = "test"\n[[onderdelen]]\nid = "a"\ntitel = "Oefenen"\n'
        'soort = "werkvorm"\nminuten = 30\ngroepjes = [3, 4]\n', encoding="utf-8")
    plan = maak_plan(laden.vind(str(pad)), Vraag(groep=5, start=START))
    assert _onderdeel(plan, "a").groepjes == (5,)
    assert any("niet te verdelen in groepjes van 3-4" in w for w in plan.waarschuwingen)
