"""Calendar extras, checked by parsing what was written: reminders, per onderdeel, herhaling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from typer.testing import CliRunner

from planner.bibliotheek import laden, vinden
from planner.cli.app import app
from planner.kern.fouten import DraaiboekFout, InvoerFout
from planner.kern.planning import maak_plan
from planner.kern.tijd import lees_interval
from planner.kern.vraag import Vraag
from planner.uitvoer import render

ZONE = ZoneInfo("Europe/Amsterdam")
# Tuesday 20 October 2026, summer time; three months later it is winter time.
START = datetime(2026, 10, 20, 13, 30, tzinfo=ZONE)


def gebeurtenissen(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def plan(naam: str = "training", **vraag):
    return maak_plan(laden.vind(naam), Vraag(**({"groep": 16, "start": START} | vraag)))


def test_herinnering_in_elke_afspraak() -> None:
    gepland = plan("kickoff", tijd_min=105)  # split over sessions
    events = gebeurtenissen(render("ics", gepland, herinnering=15))
    assert len(events) == len(gepland.sessies) > 1
    for event in events:
        alarmen = list(event.walk("VALARM"))
        assert len(alarmen) == 1
        assert alarmen[0]["ACTION"] == "DISPLAY"
        assert alarmen[0].decoded("TRIGGER") == timedelta(minutes=-15)
        assert str(alarmen[0]["DESCRIPTION"]).startswith("Herinnering: ")
        assert "over 15 min" in str(alarmen[0]["DESCRIPTION"])


def test_zonder_herinnering_geen_alarm() -> None:
    assert not list(icalendar.Calendar.from_ical(render("ics", plan())).walk("VALARM"))


def test_per_onderdeel_een_afspraak_per_onderdeel() -> None:
    gepland = plan("kickoff", tijd_min=105)
    events = gebeurtenissen(render("ics", gepland, per_onderdeel=True))
    onderdelen = [o for s in gepland.sessies for o in s.onderdelen]
    assert len(events) == len(onderdelen)
    verwacht = {(o.start.astimezone(UTC), o.eind.astimezone(UTC)): o for o in onderdelen}
    for event in events:
        o = verwacht[(event.decoded("DTSTART"), event.decoded("DTEND"))]
        assert str(event["SUMMARY"]) == f"{o.titel} · {gepland.draaiboek.titel}"
    # Stable: planning the same again gives the same UIDs (a re-import updates, not duplicates).
    opnieuw = gebeurtenissen(render("ics", plan("kickoff", tijd_min=105), per_onderdeel=True))
    assert {str(e["UID"]) for e in events} == {str(e["UID"]) for e in opnieuw}
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_per_onderdeel_beschrijving_heeft_de_vragen() -> None:
    events = gebeurtenissen(render("ics", plan(), per_onderdeel=True))
    toepasbaarheid = next(e for e in events if str(e["SUMMARY"]).startswith("Verkennen toepasbaarheid"))
    assert "Hoe zou het toepasbaar zijn (voor wie)?" in str(toepasbaarheid["DESCRIPTION"])


def test_herhaling_na_de_laatste_sessie_zelfde_kloktijd_over_de_zomertijd() -> None:
    gepland = plan()
    events = gebeurtenissen(render("ics", gepland, herhaling=lees_interval("3mnd")))
    assert len(events) == len(gepland.sessies) + 1
    extra = next(e for e in events if "Herhalingsworkshop" in str(e["SUMMARY"]))
    begin = extra.decoded("DTSTART")
    # 13:30 summer time is 11:30 UTC; 20 January 2027, 13:30 winter time is 12:30 UTC.
    assert begin == datetime(2027, 1, 20, 12, 30, tzinfo=UTC)
    assert begin.astimezone(ZONE).strftime("%H:%M") == "13:30"
    assert extra.decoded("DTEND") - begin == timedelta(minutes=90)
    beschrijving = str(extra["DESCRIPTION"])
    assert "na een aantal maanden een herhalingsworkshop" in beschrijving
    assert "schatting" in beschrijving  # the source gives no duration (P5)


def test_herhaling_telt_vanaf_de_laatste_sessie() -> None:
    # The training itself is never split (R13); an own variant that allows it still counts from its last.
    from dataclasses import replace

    training = replace(laden.vind("training"), splitsen=True, niet_splitsen_omdat="")
    gepland = maak_plan(training, Vraag(groep=16, start=START, tijd_min=80, strategie="splitsen",
                                        interval=lees_interval("14d")))
    assert len(gepland.sessies) > 1
    events = gebeurtenissen(render("ics", gepland, herhaling=lees_interval("2mnd")))
    extra = next(e for e in events if "Herhalingsworkshop" in str(e["SUMMARY"]))
    assert gepland.sessies[-1].start == datetime(2026, 11, 3, 13, 30, tzinfo=ZONE)
    # Two months after the last session (3 November), not after the first.
    assert extra.decoded("DTSTART") == datetime(2027, 1, 3, 13, 30, tzinfo=ZONE).astimezone(UTC)


def test_draaiboek_zonder_herhaling_zegt_het_duidelijk() -> None:
    with pytest.raises(InvoerFout, match="noemt geen herhalingsbijeenkomst"):
        render("ics", plan("kickoff"), herhaling=lees_interval("3mnd"))


def test_herhaling_wordt_gecontroleerd_bij_het_laden(tmp_path: Path) -> None:
    bron = (vinden.ingebouwde_map() / "training.toml").read_text(encoding="utf-8")
    kapot = bron.replace("minuten = 90, geschat = true", "minuten = \"lang\", kleur = true")
    pad = tmp_path / "eigen.toml"
    pad.write_text(kapot, encoding="utf-8")
    with pytest.raises(DraaiboekFout) as fout:
        laden.laad_bestand(pad)
    plekken = {(p.onderdeel, p.veld) for p in fout.value.problemen}
    assert ("herhaling", "minuten") in plekken
    assert ("herhaling", "kleur") in plekken


runner = CliRunner()


def test_cli_schrijft_alle_extras(tmp_path: Path) -> None:
    pad = tmp_path / "training.ics"
    uit = runner.invoke(app, ["plan", "training", "--groep", "16", "--start", "2026-10-20T13:30",
                              "--ics", str(pad), "--herinnering", "1d", "--per-onderdeel", "--herhaling", "3mnd"])
    assert uit.exit_code == 0, uit.output
    events = gebeurtenissen(pad.read_bytes())
    assert len(events) == 7 + 1  # seven onderdelen and the herhalingsworkshop
    triggers = {a.decoded("TRIGGER") for e in events for a in e.walk("VALARM")}
    assert triggers == {timedelta(days=-1)}
    assert b"\r\n" in pad.read_bytes() and b"\n" not in pad.read_bytes().replace(b"\r\n", b"")


@pytest.mark.parametrize("argumenten, melding", [
    (["plan", "kickoff", "--groep", "20", "--herinnering", "15m"], "--ics"),
    (["plan", "kickoff", "--groep", "20", "--herhaling", "3mnd", "--ics", "x.ics"], "herhalingsbijeenkomst"),
    (["plan", "training", "--groep", "16", "--herinnering", "vroeg", "--ics", "x.ics"], "15m, 1u of 1d"),
    (["plan", "training", "--groep", "16", "--herhaling", "ooit", "--ics", "x.ics"], "--herhaling 'ooit'"),
])
def test_cli_foute_agenda_opties(argumenten: list[str], melding: str, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    uit = runner.invoke(app, argumenten)
    assert uit.exit_code != 0
    assert isinstance(uit.exception, InvoerFout)
    assert melding in str(uit.exception)
    assert not (tmp_path / "x.ics").exists()


def test_toon_noemt_de_herhaling() -> None:
    uit = runner.invoke(app, ["toon", "training"], env={"COLUMNS": "200"})
    assert uit.exit_code == 0
    assert "Herhaling: Herhalingsworkshop Waarderende Gespreksvoering, 1u30 (geschatte duur)" in uit.output
    assert "Herhaling:" not in runner.invoke(app, ["toon", "kickoff"]).output


# ------------------------------------------------------------ what identifies a meeting (UID)


def _uids(data: bytes) -> list[str]:
    return [str(e["UID"]) for e in gebeurtenissen(data)]


@pytest.mark.parametrize("anders", [{"locatie": "Buurthuis"}, {"tz": "Europe/Brussels"},
                                    {"start": START + timedelta(days=1)}])
def test_verschillende_bijeenkomsten_verschillende_uids(anders) -> None:
    """Importing one meeting must never replace another: location and zone are part of the identity."""
    een = _uids(render("ics", plan("kickoff", tijd_min=120)))
    ander = _uids(render("ics", plan("kickoff", tijd_min=120, **anders)))
    assert not set(een) & set(ander)


def test_reeks_onderscheidt_verder_gelijke_bijeenkomsten() -> None:
    gepland = plan("kickoff", tijd_min=120)
    assert not set(_uids(render("ics", gepland, reeks="groep A"))) & set(_uids(render("ics", gepland, reeks="B")))
    per_onderdeel = [_uids(render("ics", gepland, per_onderdeel=True, reeks=r)) for r in ("A", "B")]
    assert not set(per_onderdeel[0]) & set(per_onderdeel[1])


def test_andere_groep_of_tijd_werkt_dezelfde_afspraak_bij() -> None:
    """Re-exporting after changing the group size or the time available updates, not duplicates."""
    eerste = _uids(render("ics", plan("training", groep=12, tijd_min=180)))
    tweede = _uids(render("ics", plan("training", groep=18, tijd_min=170)))
    assert eerste == tweede


def test_reeks_via_de_opdrachtregel(tmp_path: Path) -> None:
    paden = [tmp_path / f"{r}.ics" for r in ("a", "b")]
    for pad, reeks in zip(paden, ("maandag-groep", "dinsdag-groep"), strict=True):
        uit = CliRunner().invoke(app, ["plan", "training", "--groep", "12", "--start", "2026-12-01T13:30",
                                       "--ics", str(pad), "--reeks", reeks])
        assert uit.exit_code == 0, uit.output
    assert not set(_uids(paden[0].read_bytes())) & set(_uids(paden[1].read_bytes()))


# ------------------------------------------------------------------ calendar and event properties


def test_kalender_heeft_methode_naam_en_zone() -> None:
    kalender = icalendar.Calendar.from_ical(render("ics", plan("training", tz="Europe/Brussels")))
    assert str(kalender["METHOD"]) == "PUBLISH"
    assert str(kalender["X-WR-CALNAME"]) == laden.vind("training").titel
    assert str(kalender["X-WR-TIMEZONE"]) == "Europe/Brussels"


def test_eigenschappen_staan_voor_het_alarm() -> None:
    tekst = render("ics", plan("training"), herinnering=15).decode()
    for blok in tekst.split("BEGIN:VEVENT")[1:]:
        na_alarm = blok.split("END:VALARM\r\n", 1)[1]
        assert na_alarm == "END:VEVENT\r\n" or na_alarm.startswith("END:VEVENT\r\n")


def test_herinnering_een_dag_eerder_zegt_morgen() -> None:
    event = gebeurtenissen(render("ics", plan("training"), herinnering=24 * 60))[0]
    tekst = str(next(iter(event.walk("VALARM")))["DESCRIPTION"])
    assert "morgen om 13:30" in tekst and "over" not in tekst


def test_andere_zone_staat_bij_de_kloktijden() -> None:
    londen = ZoneInfo("Europe/London")
    gepland = plan("training", tz="Europe/London", start=datetime(2026, 10, 20, 13, 30, tzinfo=londen))
    event = gebeurtenissen(render("ics", gepland, herinnering=15))[0]
    assert "Europe/London" in str(event["DESCRIPTION"])
    assert "13:30 (Europe/London)" in str(next(iter(event.walk("VALARM")))["DESCRIPTION"])
    thuis = gebeurtenissen(render("ics", plan("training")))[0]
    assert "Europe/Amsterdam" not in str(thuis["DESCRIPTION"])


def test_geen_stuurtekens_in_het_agenda_bestand(tmp_path: Path) -> None:
    pad = tmp_path / "vijandig.toml"
    pad.write_text('titel = "Kwaad\\u0000\\u001b]0;x\\u0007"\nbron = "b\\r\\u009b"\n[[onderdelen]]\nid = "a"\n'
                   'titel = "Een\\u001b[2J"\nsoort = "werkvorm"\nminuten = 30\n'
                   'instructies = ["regel 1\\nregel 2\\u0000"]\n', encoding="utf-8")
    gepland = maak_plan(laden.vind(str(pad)), Vraag(groep=4, start=START, locatie="zaal\u0007"))
    for opties in ({}, {"per_onderdeel": True, "herinnering": 10}):
        data = render("ics", gepland, **opties)
        regels = data.split(b"\r\n")
        assert not any(any(b < 32 or b == 127 for b in r) for r in regels)
        assert not any(0x80 <= ord(t) <= 0x9f for t in data.decode("utf-8"))
        assert gebeurtenissen(data)  # still a calendar


def test_onderdeel_van_een_week_noemt_de_einddag() -> None:
    from planner.kern.planning import lees_agendapunt

    lang = lees_agendapunt("Lang=10080", "--daarna", set())
    gepland = plan("kennismaking", groep=8, daarna=(lang,))
    beschrijving = str(gebeurtenissen(render("ics", gepland))[0]["DESCRIPTION"])
    assert "27 oktober 2026" in beschrijving


@pytest.mark.parametrize("draaiboek", ["kickoff", "training-met-herhaling"])
def test_dtstamp_is_het_moment_van_de_opdracht_en_verder_is_het_bestand_gelijk(tmp_path: Path, draaiboek) -> None:
    """The command line's clock (planner.cli.klok, fixed in the tests) gives DTSTAMP; written twice at
    that moment, the calendar is the same byte for byte, for a draaiboek and for a programme."""
    from tests.vaste_klok import NU

    bestanden = []
    for keer in ("een", "twee"):
        pad = tmp_path / f"{keer}.ics"
        uit = CliRunner().invoke(app, ["plan", draaiboek, "--groep", "12", "--tijd", "3u",
                                       "--start", "2026-12-01T13:00", "--ics", str(pad)])
        assert uit.exit_code == 0, uit.output
        bestanden.append(pad.read_bytes())
    assert bestanden[0] == bestanden[1]
    kalender = icalendar.Calendar.from_ical(bestanden[0])
    stempels = {e.decoded("DTSTAMP") for e in kalender.walk("VEVENT")}
    assert stempels == {NU.astimezone(UTC)}
