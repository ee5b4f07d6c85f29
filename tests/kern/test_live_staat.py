"""The running session's state without a terminal: steps, undo, pause, skip, the log."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta

import pytest

from planner.bibliotheek import laden
from planner.kern.fouten import InvoerFout
from planner.kern.live_staat import LOGKOLOMMEN, LiveStaat, kies_sessie
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from tests.conftest import start


def _staat(naam: str = "ambitiegesprek", groep: int = 5, tijd: int | None = 120, optioneel: str = "") -> LiveStaat:
    d = laden.vind(naam)
    if optioneel:
        d = replace(d, onderdelen=tuple(replace(o, optioneel=o.id == optioneel) for o in d.onderdelen))
    return LiveStaat(maak_plan(d, Vraag(groep=groep, tijd_min=tijd, start=start("2026-12-01T13:00"))))


def _log(staat: LiveStaat) -> list[dict[str, str]]:
    data = staat.log_csv()
    assert data.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_op_tijd_beginnen_houdt_de_planning():
    staat = _staat()
    plan = staat.stand.plan
    staat.begin(start("2026-12-01T13:00"))
    assert staat.stand.plan is plan and staat.huidig.id == "contracteren"
    assert staat.resterend(start("2026-12-01T13:04")) == timedelta(minutes=6)


def test_later_beginnen_herplant_meteen_met_het_einde_vast():
    staat = _staat()
    staat.begin(start("2026-12-01T13:15"))
    assert staat.huidig.start == start("2026-12-01T13:15")
    assert staat.sessie.eind == start("2026-12-01T15:00")
    assert staat.stand.wijzigingen  # the screen says what changed


def test_aftellen_voor_de_start():
    staat = _staat()
    assert not staat.gestart
    assert staat.resterend(start("2026-12-01T12:50")) == timedelta(minutes=10)


def test_klaar_herplant_de_rest_en_start_het_volgende():
    staat = _staat()
    staat.begin(start("2026-12-01T13:00"))
    staat.volgend_onderdeel(start("2026-12-01T13:14"))
    assert staat.huidig.id == "focus" and staat.huidig.start == start("2026-12-01T13:14")
    assert staat.sessie.eind == start("2026-12-01T15:00")
    assert staat.verschil_min(start("2026-12-01T13:15")) == 0
    rijen = {r["id"]: r for r in _log(staat)}
    assert rijen["contracteren"]["werkelijk_eind"] == "2026-12-01 13:14:00"
    assert rijen["contracteren"]["minuten_verschil"] == "4" and rijen["contracteren"]["status"] == "gedaan"
    assert rijen["focus"]["status"] == "bezig" and rijen["focus"]["werkelijk_eind"] == ""


def test_over_tijd_telt_door_en_de_verwachting_schuift():
    staat = _staat("kickoff", groep=20, tijd=None)
    staat.begin(start("2026-12-01T13:00"))
    nu = start("2026-12-01T13:25")
    assert staat.resterend(nu) == timedelta(minutes=-10)
    assert staat.voortgang(nu) == 1.0
    # The kickoff never shortens (R5): ten minutes late at the opening is ten minutes late at the end.
    assert staat.verschil_min(nu) == 10


def test_minuut_erbij_en_eraf_en_terugzetten():
    staat = _staat()
    staat.begin(start("2026-12-01T13:00"))
    staat.verschuif(start("2026-12-01T13:02"), 1)
    staat.verschuif(start("2026-12-01T13:02"), 1)
    assert staat.huidig.eind == start("2026-12-01T13:12") and not staat.huidig.gedaan
    assert staat.sessie.eind == start("2026-12-01T15:00")
    staat.verschuif(start("2026-12-01T13:02"), -1)
    assert staat.huidig.eind == start("2026-12-01T13:11")
    assert staat.zet_terug() and staat.huidig.eind == start("2026-12-01T13:12")
    assert staat.zet_terug() and staat.zet_terug() and staat.huidig.eind == start("2026-12-01T13:10")
    assert staat.zet_terug() and not staat.gestart  # back to before the start
    assert not staat.zet_terug()


def test_pauze_houdt_de_klok_stil_en_telt_bij_het_onderdeel():
    staat = _staat()
    staat.begin(start("2026-12-01T13:00"))
    staat.pauzeer(start("2026-12-01T13:04"))
    assert staat.resterend(start("2026-12-01T13:07")) == timedelta(minutes=6)
    staat.pauzeer(start("2026-12-01T13:07"))
    assert not staat.gepauzeerd and staat.huidig.eind == start("2026-12-01T13:13")
    assert staat.sessie.eind == start("2026-12-01T15:00")


def test_optioneel_overslaan_en_in_het_log():
    staat = _staat("ontmoeting", groep=6, tijd=None, optioneel="reflectie")
    staat.begin(start("2026-12-01T13:00"))
    assert staat.sla_optioneel_over(start("2026-12-01T13:01")) == "Reflectie als team, na de ontmoeting"
    assert "reflectie" not in [o.id for o in staat.onderdelen]
    assert staat.sla_optioneel_over(start("2026-12-01T13:01")) is None
    assert {r["id"]: r["status"] for r in _log(staat)}["reflectie"] == "overgeslagen"


def test_stoppen_sluit_het_lopende_onderdeel_af():
    staat = _staat()
    staat.begin(start("2026-12-01T13:00"))
    staat.stop(start("2026-12-01T13:05"))
    rij = _log(staat)[0]
    assert rij["status"] == "gestopt" and rij["werkelijk_eind"] == "2026-12-01 13:05:00"
    assert tuple(_log(staat)[0].keys()) == LOGKOLOMMEN


def test_de_hele_sessie_tot_het_einde():
    staat = _staat()
    nu = start("2026-12-01T13:00")
    staat.begin(nu)
    while not staat.klaar:
        nu += timedelta(minutes=staat.huidig.duur_min + 2)
        staat.volgend_onderdeel(nu)
    rijen = _log(staat)
    assert all(r["status"] == "gedaan" for r in rijen)
    assert rijen[-1]["id"] == "afronden" and rijen[-1]["werkelijk_eind"] == f"{nu:%Y-%m-%d %H:%M:%S}"
    assert staat.verwacht_eind(nu) == nu and staat.volgende() == []


def test_sessie_van_vandaag_en_een_onbestaande_sessie():
    plan = maak_plan(laden.vind("kickoff"), Vraag(groep=20, tijd_min=120, start=start("2026-12-01T13:00")))
    assert len(plan.sessies) > 1
    assert kies_sessie(plan, start("2026-12-08T10:00")) == 2
    assert kies_sessie(plan, start("2026-12-05T10:00")) == 1
    with pytest.raises(InvoerFout, match="--sessie 9 bestaat niet"):
        LiveStaat(plan, 9)


def test_wat_niet_meer_aan_bod_leek_komt_terug_als_er_weer_tijd_is():
    # 'Niet meer aan bod' (R8) is a forecast: when a part then finishes early, a dropped part that
    # fits again is planned again instead of the freed time becoming 'vrije ruimte'.
    plan = maak_plan(laden.vind("ambitiegesprek"), Vraag(groep=5, tijd_min=120, start=start("2026-12-01T13:00")))
    staat = LiveStaat(plan)
    staat.begin(start("2026-12-01T13:00"))
    for tijd in ("13:13", "13:41", "14:15"):
        staat.volgend_onderdeel(start(f"2026-12-01T{tijd}"))
    assert "kansen" in staat.stand.niet_bereikt
    staat.volgend_onderdeel(start("2026-12-01T14:20"))  # clustering took 5 minutes instead of 20
    assert "kansen" in [o.id for o in staat.volgende()] and "kansen" not in staat.stand.niet_bereikt
    assert staat.sessie.eind == start("2026-12-01T15:00")
    rijen = {r["id"]: r["status"] for r in staat.logrijen()}
    assert rijen["kansen"] == "" and rijen["concretiseren"] == "niet bereikt"
