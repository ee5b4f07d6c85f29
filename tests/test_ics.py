"""The calendar file, read back with an independent parser (icalendar)."""

from __future__ import annotations

from datetime import UTC

import icalendar
import pytest

from planner.planning import Vraag, maak_plan
from planner.uitvoer import render

from .conftest import start


@pytest.fixture
def gesplitst(kickoff):
    # Across the change to winter time on 25 October 2026.
    return maak_plan(kickoff, Vraag(groep=20, tijd_min=120, start=start("2026-10-20T13:30"),
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
    opnieuw = maak_plan(kickoff, Vraag(groep=20, tijd_min=120, start=start("2026-10-20T13:30"),
                                       locatie="Buurthuis De Linde, zaal 2; Utrecht"))
    uids = [str(e["UID"]) for e in events(render("ics", gesplitst))[1]]
    assert uids == [str(e["UID"]) for e in events(render("ics", opnieuw))[1]]
    assert len(set(uids)) == 3


def test_afspraken_staan_in_de_volgorde_van_het_plan(gesplitst):
    tekst = render("ics", gesplitst).decode()
    titels = [r.removeprefix("SUMMARY:") for r in tekst.split("\r\n") if r.startswith("SUMMARY:")]
    assert titels == [f"Kickoff Samenwerking/Coalitievorming (deel {i} van 3)" for i in (1, 2, 3)]
