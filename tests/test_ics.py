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


# --- The calendar is written without ics at run time (start-up), but must stay what ics writes ----

def _met_ics(plan, herinnering=None, per_onderdeel=False, herhaling=None, reeks="") -> bytes:
    """The calendar as ics 0.7 (the pinned dependency) builds it: the reference for our own lines.

    Plus what ics 0.7 cannot write and the planner adds on purpose (tests/test_ics_extra.py checks
    what each means): METHOD, X-WR-CALNAME and X-WR-TIMEZONE after PRODID, and every VALARM moved
    behind the event's own properties (RFC 5545 order). The reminder text and every property value
    still come from ics's serialiser."""
    import warnings
    from datetime import datetime, timedelta

    import arrow
    import ics
    from ics.alarm import DisplayAlarm

    from planner.kern.planning import herhaling_van
    from planner.kern.tijd import plus_minuten
    from planner.uitvoer import ics as mod

    kalender = ics.Calendar(creator=mod.PRODID)
    nu = arrow.get(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    afspraken = []

    def afspraak(naam, begin, eind, sleutel, tekst):
        event = ics.Event(name=naam, begin=arrow.get(begin.astimezone(UTC)), end=arrow.get(eind.astimezone(UTC)),
                          uid=sleutel, description=tekst, location=plan.locatie or None, created=nu,
                          last_modified=nu)
        if herinnering is not None:
            event.alarms.append(DisplayAlarm(trigger=timedelta(minutes=-herinnering),
                                             display_text=mod.herinnering_tekst(naam, begin, herinnering,
                                                                                mod._zone(plan))))
        afspraken.append(event)

    for sessie in plan.sessies:
        if per_onderdeel:
            for o in sessie.onderdelen:
                afspraak(mod.samenvatting_onderdeel(plan, o), o.start, o.eind,
                         mod.uid_onderdeel(plan, sessie, o, reeks), mod.beschrijving_onderdeel(plan, sessie, o))
        else:
            afspraak(mod.samenvatting(plan, sessie), sessie.start, sessie.eind, mod.uid(plan, sessie, reeks),
                     mod.beschrijving(plan, sessie))
    if herhaling is not None:
        extra = herhaling_van(plan.draaiboek)
        begin = mod.herhaling_start(plan, herhaling)
        afspraak(extra.titel, begin, plus_minuten(begin, extra.minuten), mod.uid_herhaling(plan, reeks),
                 mod.beschrijving_herhaling(plan, extra))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Behaviour of str", category=FutureWarning)
        leeg = kalender.serialize().replace("\r\n", "\n")
        inhoud = "".join(_alarm_achteraan(event.serialize().replace("\r\n", "\n")) + "\n" for event in afspraken)
    # ics escapes a TEXT value for us: an X- property set on an ics object comes out unescaped.
    naam = ics.Event(name=plan.draaiboek.titel).serialize().replace("\r\n", "\n")
    naam = next(r for r in naam.split("\n") if r.startswith("SUMMARY:")).removeprefix("SUMMARY:")
    kop = f"METHOD:PUBLISH\nX-WR-CALNAME:{naam}\nX-WR-TIMEZONE:{plan.tz}\n"
    return mod._rfc5545(leeg.replace("END:VCALENDAR", kop + inhoud + "END:VCALENDAR"))


def _alarm_achteraan(event: str) -> str:
    """Move the VALARM block(s) ics 0.7 writes first to just before END:VEVENT."""
    regels = event.split("\n")
    alarm = [i for i, r in enumerate(regels) if r in ("BEGIN:VALARM", "END:VALARM")]
    if not alarm:
        return event
    begin, eind = alarm[0], alarm[-1] + 1
    blok, rest = regels[begin:eind], regels[:begin] + regels[eind:]
    einde = rest.index("END:VEVENT")
    return "\n".join(rest[:einde] + blok + rest[einde:])


def _zonder_stempel(data: bytes) -> bytes:
    import re

    return re.sub(rb"(DTSTAMP|LAST-MODIFIED):\d{8}T\d{6}Z", rb"\1:X", data)


@pytest.mark.parametrize("naam", ["kickoff", "training", "kennismaking", "intervisie", "gespreksfases"])
@pytest.mark.parametrize(("herinnering", "per_onderdeel"), [(None, False), (15, False), (1440, True), (90, True),
                                                             (10080 + 61, False)])
@pytest.mark.parametrize("locatie", ["", "Buurthuis De Linde, zaal 2; Utrecht\\Noord\nachterom"])
def test_eigen_regels_zijn_wat_ics_schrijft(naam, herinnering, per_onderdeel, locatie):
    from planner.bibliotheek import laden
    from planner.kern.tijd import lees_interval

    # 90 minutes splits the kickoff; the training is never split (R13), so it gets its own 2u30.
    tijd = 150 if naam == "training" else 90
    gepland = maak_plan(laden.vind(naam), Vraag(groep=12, tijd_min=tijd, start=start("2026-10-20T13:30"),
                                                locatie=locatie))
    herhaling = lees_interval("3mnd") if naam == "training" else None
    opties = {"herinnering": herinnering, "per_onderdeel": per_onderdeel, "herhaling": herhaling}
    assert _zonder_stempel(render("ics", gepland, **opties)) == _zonder_stempel(_met_ics(gepland, **opties))


@pytest.mark.parametrize("minuten", [0, 1, 59, 60, 61, 1439, 1440, 1441, 10080, 10081, 20160 + 1500])
def test_duur_als_ics(minuten):
    from datetime import timedelta

    from ics.utils import timedelta_to_duration

    from planner.uitvoer.ics import duur

    assert duur(timedelta(minutes=-minuten)) == timedelta_to_duration(timedelta(minutes=-minuten))
    assert duur(timedelta(minutes=minuten)) == timedelta_to_duration(timedelta(minutes=minuten))


@pytest.mark.parametrize("per_onderdeel", [False, True])
def test_eigen_regels_zijn_wat_ics_schrijft_met_reeks_en_andere_zone(per_onderdeel):
    """A --reeks and a zone other than Europe/Amsterdam (named in the texts) in the same comparison;
    a title with characters TEXT escapes checks X-WR-CALNAME's escaping against ics's."""
    import dataclasses
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from planner.bibliotheek import laden

    draaiboek = laden.vind("kickoff")
    draaiboek = dataclasses.replace(draaiboek, titel="Kick; off, deel\\1")
    londen = datetime(2026, 10, 20, 13, 30, tzinfo=ZoneInfo("Europe/London"))
    gepland = maak_plan(draaiboek, Vraag(groep=12, tijd_min=90, start=londen, tz="Europe/London",
                                         locatie="Zaal B"))
    opties = {"herinnering": 1440, "per_onderdeel": per_onderdeel, "reeks": "groep B"}
    eigen = render("ics", gepland, **opties)
    assert b"(Europe/London)" in eigen and b"X-WR-CALNAME:Kick\\; off\\, deel\\\\1" in eigen
    assert _zonder_stempel(eigen) == _zonder_stempel(_met_ics(gepland, **opties))
