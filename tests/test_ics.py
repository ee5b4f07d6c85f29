"""The calendar file, read back with an independent parser (icalendar)."""

from __future__ import annotations

from datetime import UTC

import icalendar
import pytest

from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from planner.uitvoer import render

from .conftest import start


@pytest.fixture
def gesplitst(kickoff):
    # Across the change to winter time on 25 October 2026.
    return maak_plan(kickoff, Vraag(groep=20, tijd_min=105, start=start("2026-10-20T13:30"),
                                    locatie="Buurthuis De Linde, zaal 2; Utrecht"))


def events(data: bytes):
    kalender = icalendar.Calendar.from_ical(data)
    return kalender, sorted(kalender.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))


def test_elke_dtstart_en_dtend_komt_overeen_met_het_plan(gesplitst):
    _, gevonden = events(render("ics", gesplitst))
    assert len(gevonden) == len(gesplitst.sessies) == 3
    for event, sessie in zip(gevonden, gesplitst.sessies, strict=True):
        assert event.decoded("DTSTART") == sessie.start.astimezone(UTC)
        assert event.decoded("DTEND") == sessie.eind.astimezone(UTC)


def test_verplichte_eigenschappen_en_inhoud(gesplitst):
    kalender, gevonden = events(render("ics", gesplitst))
    assert str(kalender["PRODID"]).startswith("-//planner//")
    assert str(kalender["VERSION"]) == "2.0"
    for nummer, event in enumerate(gevonden, start=1):
        assert "DTSTAMP" in event and "UID" in event
        assert str(event["SUMMARY"]) == f"Kickoff Samenwerking/Coalitievorming (deel {nummer} van 3)"
        assert str(event["LOCATION"]) == "Buurthuis De Linde, zaal 2; Utrecht"
        beschrijving = str(event["DESCRIPTION"])
        for onderdeel in gesplitst.sessies[nummer - 1].onderdelen:
            assert f"{onderdeel.start:%H:%M}-{onderdeel.eind:%H:%M} {onderdeel.titel}" in beschrijving


def test_een_sessie_heeft_geen_deel_in_de_titel(kickoff):
    plan = maak_plan(kickoff, Vraag(groep=20, start=start()))
    _, gevonden = events(render("ics", plan))
    assert [str(e["SUMMARY"]) for e in gevonden] == ["Kickoff Samenwerking/Coalitievorming"]


def test_regels_eindigen_op_crlf_en_zijn_hooguit_75_octetten(gesplitst):
    data = render("ics", gesplitst)
    assert data.endswith(b"\r\n")
    regels = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in r and b"\r" not in r for r in regels)
    assert max(len(r) for r in regels) <= 75
    for regel in regels:
        regel.decode("utf-8")  # folding never splits a character


def test_zelfde_plan_geeft_dezelfde_uids(kickoff, gesplitst):
    opnieuw = maak_plan(kickoff, Vraag(groep=20, tijd_min=105, start=start("2026-10-20T13:30"),
                                       locatie="Buurthuis De Linde, zaal 2; Utrecht"))
    uids = [str(e["UID"]) for e in events(render("ics", gesplitst))[1]]
    assert uids == [str(e["UID"]) for e in events(render("ics", opnieuw))[1]]
    assert len(set(uids)) == 3


def test_afspraken_staan_in_de_volgorde_van_het_plan(gesplitst):
    tekst = render("ics", gesplitst).decode()
    titels = [r.removeprefix("SUMMARY:") for r in tekst.split("\r\n") if r.startswith("SUMMARY:")]
    assert titels == [f"Kickoff Samenwerking/Coalitievorming (deel {i} van 3)" for i in (1, 2, 3)]


# --- Everything the calendar says, read back: the library writes it, these check what it means -----

def _plan(naam: str, locatie: str = "", **vraag):
    from planner.bibliotheek import laden

    # 90 minutes splits the kickoff; the training is never split (R13), so it gets its own 2u30.
    tijd = 150 if naam == "training" else 90
    return maak_plan(laden.vind(naam), Vraag(**({"groep": 12, "tijd_min": tijd, "start": start("2026-10-20T13:30"),
                                                 "locatie": locatie} | vraag)))


def _verwacht(gepland, per_onderdeel: bool, herhaling, reeks: str = "") -> list[tuple]:
    """(summary, start, end, uid, description) of each event, in the plan's order."""
    from planner.kern.planning import herhaling_van
    from planner.kern.tijd import plus_minuten
    from planner.uitvoer import ics as mod

    uit = []
    for sessie in gepland.sessies:
        if per_onderdeel:
            uit += [(mod.samenvatting_onderdeel(gepland, o), o.start, o.eind,
                     mod.uid_onderdeel(gepland, sessie, o, reeks), mod.beschrijving_onderdeel(gepland, sessie, o))
                    for o in sessie.onderdelen]
        else:
            uit.append((mod.samenvatting(gepland, sessie), sessie.start, sessie.eind, mod.uid(gepland, sessie, reeks),
                        mod.beschrijving(gepland, sessie)))
    if herhaling is not None:
        extra = herhaling_van(gepland.draaiboek)
        begin = mod.herhaling_start(gepland, herhaling)
        uit.append((extra.titel, begin, plus_minuten(begin, extra.minuten), mod.uid_herhaling(gepland, reeks),
                    mod.beschrijving_herhaling(gepland, extra)))
    return uit


def _tekst(waarde) -> str:
    """An X- property as a TEXT value (RFC 5545 3.3.11): icalendar leaves unknown ones escaped."""
    import re

    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], str(waarde))


def _ruwe_regels_volgen_rfc5545(data: bytes) -> None:
    assert data.endswith(b"\r\n")
    regels = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in r and b"\r" not in r and r for r in regels)
    assert max(len(r) for r in regels) <= 75
    for regel in regels:
        regel.decode("utf-8")  # a fold never splits a character
    # Logical lines: the properties of an event come before its alarms (RFC 5545 3.6.1).
    logisch = data.decode().replace("\r\n ", "").split("\r\n")
    for i, regel in enumerate(logisch):
        if regel == "END:VALARM":
            assert logisch[i + 1] in ("END:VEVENT", "BEGIN:VALARM")
    assert logisch[:1] == ["BEGIN:VCALENDAR"] and logisch[-2:] == ["END:VCALENDAR", ""]
    for naam in ("VERSION:2.0", "METHOD:PUBLISH"):
        assert logisch.count(naam) == 1
        assert logisch.index(naam) < logisch.index("BEGIN:VEVENT")  # a calendar property, not after events


@pytest.mark.parametrize("naam", ["kickoff", "training", "kennismaking", "intervisie", "gespreksfases"])
@pytest.mark.parametrize(("herinnering", "per_onderdeel"), [(None, False), (15, False), (1440, True), (90, True),
                                                             (10080 + 61, False)])
@pytest.mark.parametrize("locatie", ["", "Buurthuis De Linde, zaal 2; Utrecht\\Noord\nachterom"])
def test_agenda_leest_terug_als_het_plan(naam, herinnering, per_onderdeel, locatie):
    """Each event, its times, texts (escaped and unescaped again), UID and reminder, in the plan's order."""
    from datetime import timedelta

    from planner.kern.tijd import lees_interval
    from planner.uitvoer import ics as mod

    gepland = _plan(naam, locatie)
    herhaling = lees_interval("3mnd") if naam == "training" else None
    data = render("ics", gepland, herinnering=herinnering, per_onderdeel=per_onderdeel, herhaling=herhaling)
    _ruwe_regels_volgen_rfc5545(data)
    kalender = icalendar.Calendar.from_ical(data)
    assert str(kalender["PRODID"]) == mod.PRODID
    assert _tekst(kalender["X-WR-CALNAME"]) == gepland.draaiboek.titel
    assert str(kalender["X-WR-TIMEZONE"]) == "Europe/Amsterdam"
    gevonden = list(kalender.walk("VEVENT"))  # in the file's order
    verwacht = _verwacht(gepland, per_onderdeel, herhaling)
    assert len(gevonden) == len(verwacht)
    for event, (titel, begin, eind, sleutel, tekst) in zip(gevonden, verwacht, strict=True):
        assert str(event["SUMMARY"]) == titel
        assert event.decoded("DTSTART") == begin.astimezone(UTC)
        assert event.decoded("DTEND") == eind.astimezone(UTC)
        assert event.decoded("DTSTART").tzinfo is not None  # UTC, never floating
        assert str(event["UID"]) == sleutel
        assert str(event["DESCRIPTION"]) == tekst
        # DTSTAMP is the moment of writing; no LAST-MODIFIED, which would be a second line that
        # differs between two runs.
        assert event.decoded("DTSTAMP").tzinfo is not None and "LAST-MODIFIED" not in event
        if locatie:
            assert str(event["LOCATION"]) == locatie
        else:
            assert "LOCATION" not in event
        alarmen = list(event.walk("VALARM"))
        if herinnering is None:
            assert not alarmen
        else:
            assert len(alarmen) == 1
            assert str(alarmen[0]["ACTION"]) == "DISPLAY"
            assert alarmen[0].decoded("TRIGGER") == timedelta(minutes=-herinnering)
            assert str(alarmen[0]["DESCRIPTION"]) == mod.herinnering_tekst(titel, begin, herinnering)


@pytest.mark.parametrize("per_onderdeel", [False, True])
def test_titel_met_lastige_tekens_en_andere_zone(per_onderdeel):
    """Characters TEXT escapes, accents and an emoji (four octets) in every name; folded lines stay
    whole characters and unfold to the same text. The zone other than Europe/Amsterdam is named."""
    import dataclasses
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from planner.bibliotheek import laden
    from planner.uitvoer import ics as mod

    titel = "Kick; off, deel\\1 — coöperatie 🚀 in café Zoë " * 3
    draaiboek = dataclasses.replace(laden.vind("kickoff"), titel=titel)
    londen = datetime(2026, 10, 20, 13, 30, tzinfo=ZoneInfo("Europe/London"))
    gepland = maak_plan(draaiboek, Vraag(groep=12, tijd_min=90, start=londen, tz="Europe/London", locatie="Zaal ; 2"))
    data = render("ics", gepland, herinnering=1440, per_onderdeel=per_onderdeel, reeks="groep B")
    _ruwe_regels_volgen_rfc5545(data)
    assert b"X-WR-CALNAME:Kick\\; off\\, deel\\\\1" in data
    kalender = icalendar.Calendar.from_ical(data)
    assert _tekst(kalender["X-WR-CALNAME"]) == titel
    assert str(kalender["X-WR-TIMEZONE"]) == "Europe/London"
    verwacht = _verwacht(gepland, per_onderdeel, None, reeks="groep B")
    for event, (naam, begin, _, sleutel, tekst) in zip(kalender.walk("VEVENT"), verwacht, strict=True):
        assert (str(event["SUMMARY"]), str(event["UID"]), str(event["DESCRIPTION"])) == (naam, sleutel, tekst)
        assert event.decoded("DTSTART") == begin.astimezone(UTC)
        herinnering = str(next(iter(event.walk("VALARM")))["DESCRIPTION"])
        assert herinnering == mod.herinnering_tekst(naam, begin, 1440, " (Europe/London)")
        assert f"morgen om {begin:%H:%M} (Europe/London)" in herinnering


def test_uids_van_eerdere_exporten_blijven_gelijk():
    """The UIDs the planner wrote before (with its own RFC 4122 uuid5): a re-import of a new export
    must update those events, never add them a second time."""
    from planner.uitvoer import ics as mod

    gepland = _plan("kickoff", locatie="Zaal ; 2, Utrecht", groep=20, tijd_min=105)
    assert [mod.uid(gepland, s) for s in gepland.sessies] == [
        "45ec2b56-8e5d-5bdb-a7e0-95e37121d20e@planner", "d6ccbf9b-c8ef-5f59-8ac1-e8567853009e@planner",
        "f4bf40a0-f146-5221-a899-0fd9db20b801@planner"]
    eerste = gepland.sessies[0]
    assert mod.uid(gepland, eerste, "groep B") == "7e5582ae-0615-5a38-b50b-c07d16880317@planner"
    assert mod.uid_onderdeel(gepland, eerste, eerste.onderdelen[0]) == "3cdb4d31-909e-5f3b-8b99-1296b5ba24fd@planner"


_SCHRIJF = """
import sys
from datetime import datetime
from zoneinfo import ZoneInfo
from planner.bibliotheek import laden
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from planner.uitvoer import render
start = datetime(2026, 10, 20, 13, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
gepland = maak_plan(laden.vind("kickoff"), Vraag(groep=12, tijd_min=90, start=start, locatie="Zaal ; 2"))
sys.stdout.buffer.write(render("ics", gepland, herinnering=15, per_onderdeel=True))
"""


def test_zelfde_bytes_in_elk_proces_op_de_stempels_na():
    """Byte-stable between runs (a calendar under version control, a re-sent invitation): only
    DTSTAMP, the moment of writing, changes; not even a different hash seed does."""
    import os
    import re
    import subprocess
    import sys

    uitkomsten = []
    for zaad in ("1", "2"):
        data = subprocess.run([sys.executable, "-c", _SCHRIJF], capture_output=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": zaad}).stdout
        uitkomsten.append(re.sub(rb"DTSTAMP:\d{8}T\d{6}Z", rb"DTSTAMP:X", data))
    assert uitkomsten[0] == uitkomsten[1]
    assert uitkomsten[0].count(b"BEGIN:VEVENT") > 3


@pytest.mark.parametrize("met_ics", [False, True])
def test_ics_wordt_alleen_geladen_als_er_een_agenda_komt(met_ics, tmp_path):
    """ics (with arrow and tatsu) costs start-up time: a plan without --ics never imports it."""
    import os
    import subprocess
    import sys

    argv = ["plan", "kickoff", "--groep", "20", "--format", "json"] + (["--ics", "x.ics"] if met_ics else [])
    proces = subprocess.run([sys.executable, "-X", "importtime", "-m", "planner", *argv], capture_output=True,
                            text=True, cwd=tmp_path, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)})
    assert proces.returncode == 0, proces.stderr[-2000:]
    geladen = {regel.rsplit("|", 1)[-1].strip() for regel in proces.stderr.splitlines() if "|" in regel}
    assert {"ics", "arrow", "tatsu"} <= geladen if met_ics else not {"ics", "arrow", "tatsu"} & geladen
    assert (tmp_path / "x.ics").exists() == met_ics
