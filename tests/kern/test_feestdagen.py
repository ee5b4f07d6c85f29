"""The date check of issue 19.5 as a pure function: holidays arrive as data, no clock, no library."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.kern.feestdagen import Datum, datum_meldingen, land_voor, lees_land, volgende_werkdag, vrij
from planner.kern.fouten import InvoerFout
from tests.vaste_klok import AMS

KERST = {date(2026, 12, 25): "Eerste kerstdag", date(2026, 12, 26): "Tweede kerstdag",
         date(2027, 1, 1): "Nieuwjaarsdag"}


def test_een_feestdag_krijgt_zijn_naam_en_de_volgende_werkdag():
    datum = Datum("Sessie 2", datetime(2026, 12, 25, 13, 30, tzinfo=AMS), "kies een andere --start of --interval")
    (melding,) = datum_meldingen([datum], KERST)
    assert melding.startswith("Sessie 2 valt op Eerste kerstdag (vrijdag 25 december 2026)")
    assert "maandag 28 december 2026" in melding  # not the Saturday, not the Sunday


def test_een_zondag_zonder_feestdag():
    datum = Datum("De bijeenkomst", datetime(2026, 12, 6, 10, 0, tzinfo=AMS), "kies een andere --start")
    (melding,) = datum_meldingen([datum], {})
    assert melding.startswith("De bijeenkomst valt op zondag 6 december 2026")
    assert "maandag 7 december 2026" in melding


def test_een_werkdag_en_een_zaterdag_geven_niets():
    data = [Datum("Sessie 1", datetime(2026, 12, 1, 13, 30, tzinfo=AMS), ""),
            Datum("Sessie 2", datetime(2026, 12, 5, 13, 30, tzinfo=AMS), "")]
    assert datum_meldingen(data, KERST) == []


def test_de_zone_kiest_het_land_tenzij_land_gegeven():
    assert land_voor("Europe/Amsterdam") == "NL"
    assert land_voor("Europe/Brussels") == "BE"
    assert land_voor("Europe/London") is None
    assert land_voor("Europe/Amsterdam", "be") == "BE"
    with pytest.raises(InvoerFout, match="--land 'DE'"):
        lees_land("DE")


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
       st.sets(st.integers(min_value=0, max_value=30), max_size=20))
def test_de_volgende_werkdag_is_een_werkdag_erna(dag, verschuivingen):
    vrije = {dag + timedelta(days=n): "feest" for n in verschuivingen}
    werkdag = volgende_werkdag(dag, vrije)
    assert werkdag > dag
    assert werkdag.weekday() < 5 and vrij(werkdag, vrije) is None
    # and it is the first one: every day in between is a weekend day or a holiday
    tussen = dag + timedelta(days=1)
    while tussen < werkdag:
        assert tussen.weekday() >= 5 or tussen in vrije
        tussen += timedelta(days=1)


def test_live_controleert_alleen_de_sessie_die_het_draait_en_alleen_een_gekozen_datum(kickoff):
    """`planner live` (19.5): the running session's date when it was chosen (--start, or a later
    session the planner dated); a session started 'now' is not checked (too late to help)."""
    from planner.kern.feestdagen import live_te_controleren
    from planner.kern.planning import maak_plan
    from planner.kern.vraag import Vraag

    plan = maak_plan(kickoff, Vraag(groep=20, tijd_min=100, start=datetime(2026, 12, 11, 13, 30, tzinfo=AMS)))
    assert len(plan.sessies) >= 3
    (derde,) = live_te_controleren(plan, 3, start_gegeven=False)
    assert derde.moment == plan.sessies[2].start and derde.wie == "Sessie 3"
    (melding,) = datum_meldingen([derde], KERST)
    assert melding.startswith("Sessie 3 valt op Eerste kerstdag")
    assert live_te_controleren(plan, 1, start_gegeven=False) == []
    assert [d.wie for d in live_te_controleren(plan, 1, start_gegeven=True)] == ["Sessie 1"]
