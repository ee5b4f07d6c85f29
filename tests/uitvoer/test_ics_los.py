"""One event alone: the calendar of one session (or one day of a meeting), for the programs that import
only the first event of a file. Read back with icalendar; the UIDs equal those of the combined file."""

from __future__ import annotations

import icalendar

from planner.kern.planning import maak_plan
from planner.kern.programma_model import Bijeenkomst, Blok, Programma
from planner.kern.tijd import Interval
from planner.kern.traject import maak_programmaplan
from planner.kern.vraag import Vraag
from planner.uitvoer import programma_ics, render
from tests.conftest import start


def _events(data: bytes) -> list[tuple[str, object, str]]:
    kalender = icalendar.Calendar.from_ical(data)
    return [(str(e["UID"]), e.decoded("DTSTART"), str(e["SUMMARY"])) for e in kalender.walk("VEVENT")]


def test_een_sessie_alleen_is_dezelfde_afspraak_als_in_het_hele_bestand(kickoff):
    plan = maak_plan(kickoff, Vraag(groep=20, tijd_min=120, start=start("2026-12-01T09:30")))
    assert len(plan.sessies) == 2
    for voor in ("begeleider", "deelnemers"):
        alles = _events(render("ics", plan, voor=voor))
        los = [_events(render("ics", plan, voor=voor, alleen=n)) for n in (1, 2)]
        assert [e for (e,) in los] == alles  # one event each, the same UID, start and title


def test_de_herhaling_alleen(training):
    plan = maak_plan(training, Vraag(groep=12, start=start()))
    herhaling = Interval(maanden=3)
    alles = _events(render("ics", plan, herhaling=herhaling))
    sessie = _events(render("ics", plan, herhaling=herhaling, alleen=1))
    extra = _events(render("ics", plan, herhaling=herhaling, alleen="herhaling"))
    assert sessie + extra == alles and len(alles) == 2


def test_een_dag_van_een_bijeenkomst_alleen():
    from planner.bibliotheek import laden

    d = laden.vind("training")
    lunch = Blok("agendapunt", "Lunch", minuten=45)
    gesprek = laden.vind("ambitiegesprek")
    programma = Programma("middag", "Middag", (Bijeenkomst("Middag", (
        Blok("draaiboek", d.titel, draaiboek=d), lunch, Blok("draaiboek", gesprek.titel, draaiboek=gesprek))),))
    pp = maak_programmaplan(programma, Vraag(groep=6, tijd_min=180,
                                             start=start("2026-12-01T09:30").replace(tzinfo=None)))
    assert len(pp.bijeenkomsten[0].dagen) == 2
    alles = _events(programma_ics.render(pp))
    los = [_events(programma_ics.render(pp, alleen=1, dag=n)) for n in (1, 2)]
    assert [e for (e,) in los] == alles
