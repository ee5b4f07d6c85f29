"""Issue 19.5 through the command line: dates on a public holiday (NL or BE) or a Sunday are warned,
with the day's name and the next working day; the plan itself stays."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def _cache() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "planner"  # a folder per test (conftest.py)


def _waarschuwingen(planner, *args: str) -> list[str]:
    code, out, err = planner("plan", *args, "--format", "json")
    assert code == 0, err
    return [w for w in json.loads(out)["waarschuwingen"] if " valt op " in w]


def test_sessie_op_eerste_kerstdag(planner):
    meldingen = _waarschuwingen(planner, "kickoff", "--groep", "20", "--tijd", "1u40",
                                "--start", "2026-12-11T13:30")
    (melding,) = [m for m in meldingen if "kerstdag" in m]
    assert melding.startswith("Sessie 3 valt op Eerste kerstdag (vrijdag 25 december 2026)")
    assert "maandag 28 december 2026" in melding


def test_tweede_paasdag_in_nederland(planner):
    meldingen = _waarschuwingen(planner, "kickoff", "--groep", "20", "--tijd", "1u40",
                                "--start", "2027-03-22T13:30")
    assert any(m.startswith("Sessie 2 valt op Tweede paasdag (maandag 29 maart 2027)") for m in meldingen)
    assert any("dinsdag 30 maart 2027" in m for m in meldingen)


def test_21_juli_in_belgie_door_de_zone_of_door_land(planner):
    args = ("kickoff", "--groep", "20", "--tijd", "1u40", "--start", "2027-07-14T13:30")
    (melding,) = _waarschuwingen(planner, *args, "--tz", "Europe/Brussels")
    assert melding.startswith("Sessie 2 valt op Nationale feestdag (woensdag 21 juli 2027)")
    assert _waarschuwingen(planner, *args, "--land", "BE")[0].startswith("Sessie 2 valt op Nationale feestdag")
    assert _waarschuwingen(planner, *args) == []  # not a holiday in the Netherlands


def test_een_start_op_zondag_wordt_gemeld(planner):
    (melding,) = _waarschuwingen(planner, "training", "--groep", "16", "--start", "2026-12-06T10:00")
    assert melding.startswith("De bijeenkomst valt op zondag 6 december 2026")
    assert "maandag 7 december 2026" in melding and "--start" in melding


def test_herhaling_drie_maanden_later_op_koningsdag(planner, tmp_path):
    code, out, err = planner("plan", "training", "--groep", "16", "--start", "2027-01-27T13:30",
                             "--ics", str(tmp_path / "t.ics"), "--herhaling", "3mnd", "--format", "json")
    assert code == 0, err
    (melding,) = [w for w in json.loads(out)["waarschuwingen"] if " valt op " in w]
    assert melding.startswith("De herhalingsbijeenkomst (")
    assert "valt op Koningsdag (dinsdag 27 april 2027)" in melding
    assert "woensdag 28 april 2027" in melding and "--herhaling" in melding


def test_zonder_start_en_zonder_eigen_data_geen_controle_en_geen_holidays(planner, monkeypatch):
    # The library costs ~60 ms to import: a plan with no date to check does not load it.
    monkeypatch.setitem(sys.modules, "holidays", None)  # importing it now would fail
    code, out, err = planner("plan", "training", "--groep", "16", "--format", "json")
    assert code == 0, err
    assert not [w for w in json.loads(out)["waarschuwingen"] if " valt op " in w]


def test_onbekend_land_geweigerd(planner):
    code, out, err = planner("plan", "training", "--groep", "16", "--land", "DE")
    assert code == 2 and out == ""
    assert "--land 'DE' ken ik niet" in err and "Traceback" not in err


def test_de_tabel_van_een_jaar_komt_daarna_uit_de_cache(planner, monkeypatch, tmp_path):
    # The first lookup costs ~100 ms (holidays imports every country): once built, a year is cached.
    args = ("kickoff", "--groep", "20", "--tijd", "1u40", "--start", "2026-12-11T13:30")
    eerst = _waarschuwingen(planner, *args)
    jaren = {p.name.split("-")[2] for p in _cache().glob("feestdagen-NL-*.txt")}
    assert jaren >= {"2026", "2027"}  # the sessions' years (and the next, for the next working day)
    from planner.cli import feestdagen

    def niet(*_):
        raise AssertionError("de bibliotheek opnieuw gevraagd")

    monkeypatch.setattr(feestdagen, "_uit_de_bibliotheek", niet)
    assert _waarschuwingen(planner, *args) == eerst


def test_een_onleesbare_cache_stoort_niet(planner, tmp_path):
    map_ = _cache()
    args = ("kickoff", "--groep", "20", "--tijd", "1u40", "--start", "2026-12-11T13:30")
    eerst = _waarschuwingen(planner, *args)
    for pad in map_.glob("feestdagen-*.txt"):
        pad.write_text("{kapot", "utf-8")
    assert _waarschuwingen(planner, *args) == eerst
