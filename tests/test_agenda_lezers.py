"""The calendar file, read back by real readers: khal (a calendar program), vobject and icalendar.

Every kind of file the planner writes is made through the command line, exactly as a user would,
then imported into khal in a throw-away home and read back: start, end, title, location and UID
must be what the plan (its JSON, from the same run) says. vobject and icalendar check the file
strictly, and the raw bytes are checked against RFC 5545's line rules.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.vaste_klok import PLANNER

icalendar = pytest.importorskip("icalendar")
vobject = pytest.importorskip("vobject")

try:
    import khal  # noqa: F401

    KHAL_REDEN = ""
except ImportError:  # pragma: no cover - khal is in the test extra
    KHAL_REDEN = "khal is niet geïnstalleerd (pip install -e '.[test]' installeert het)"

LASTIG = {
    "titel": 'Werksessie "Samen, beter"; één plan \\ twee wegen — café ’s avonds',
    "onderdelen": [
        ("welkom", "opening", 30, 'Welkom, koffie; thee & "kennismaken" in het café'),
        ("ronde", "werkvorm", 45, "Ronde: wat gaat goed? Wat kan beter\\anders; wie doet wat, en wanneer?"),
        ("pauze", "pauze", 15, "Pauze (koffie, thee; fruit)"),
        # A long run of two-byte characters makes a fold land inside the multi-byte zone.
        ("e-ronde", "werkvorm", 40, "É" * 60 + "-ronde: naïeve vragen, één voor één"),
        ("afronding", "afronding", 30, "Afronding: ‘wat neem je mee?’ — één woord 😀, dan naar huis"),
    ],
}
LASTIGE_LOCATIE = 'Zaal 3, 2e verdieping; ingang "Achterom" \\ Café ’t Hoekje'


def _toml_tekst(tekst: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes for quotes and backslashes).
    return json.dumps(tekst, ensure_ascii=False)


def _schrijf_lastig(map_: Path) -> Path:
    regels = [
        'id = "lastig"',
        f"titel = {_toml_tekst(LASTIG['titel'])}",
        'bron = "tests/test_agenda_lezers.py (testgegevens, geen echte bron)"',
        'bij_tijdgebrek = "splitsen"',
        "",
    ]
    for id_, soort, minuten, titel in LASTIG["onderdelen"]:
        regels += ["[[onderdelen]]", f'id = "{id_}"', f"titel = {_toml_tekst(titel)}",
                   f'soort = "{soort}"', f"minuten = {minuten}", ""]
    pad = map_ / "lastig.toml"
    pad.write_text("\n".join(regels), encoding="utf-8")
    return pad


# name -> planner arguments (after 'plan'); "{lastig}" is the tricky draaiboek's path.
GEVALLEN = {
    "een-sessie": ["{lastig}", "--groep", "8", "--tijd", "3u", "--start", "2026-12-01T13:30"],
    "zomertijd-najaar": ["kickoff", "--groep", "20", "--tijd", "1u45", "--start", "2026-10-20T13:30",
                         "--interval", "7d"],
    "locatie": ["kennismaking", "--groep", "8", "--start", "2026-06-02T09:00",
                "--locatie", "Buurthuis De Brug, Kerkstraat 1, Utrecht"],
    "lastige-tekst-zomertijd-voorjaar": ["{lastig}", "--groep", "8", "--tijd", "1u30", "--start",
                                         "2026-03-24T19:00", "--interval", "7d",
                                         "--locatie", LASTIGE_LOCATIE],
}


def _omgeving(tmp_path: Path) -> dict[str, str]:
    """Nothing may touch the real home: khal's config, cache and data all live in tmp_path."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KHAL"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"), TZ="Europe/Amsterdam", LANG="C.UTF-8",
               PLANNER_DRAAIBOEKEN=str(tmp_path / "eigen"))
    return env


def _maak(tmp_path: Path, geval: str, naam: str = "agenda.ics") -> tuple[bytes, dict]:
    """Run the planner as a user would; returns the .ics bytes and the JSON of the same plan."""
    lastig = _schrijf_lastig(tmp_path)
    args = [a.replace("{lastig}", str(lastig)) for a in GEVALLEN[geval]]
    uit = tmp_path / naam
    klaar = subprocess.run([*PLANNER, "plan", *args, "--format", "json", "--ics", str(uit)],
                           capture_output=True, text=True, env=_omgeving(tmp_path), cwd=tmp_path)
    assert klaar.returncode == 0, klaar.stderr
    return uit.read_bytes(), json.loads(klaar.stdout)


def _verwacht(plan: dict, locatie: str) -> list[tuple[str, str, str, str]]:
    """(start, end, title, location) per session, local wall-clock time, from the plan's JSON."""
    n = len(plan["sessies"])
    rijen = []
    for s in plan["sessies"]:
        titel = plan["titel"] + (f" (deel {s['nummer']} van {n})" if n > 1 else "")
        rijen.append((_klok(s["start"]), _klok(s["eind"]), titel, locatie))
    return rijen


def _klok(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M")


def _locatie(geval: str) -> str:
    args = GEVALLEN[geval]
    return args[args.index("--locatie") + 1] if "--locatie" in args else ""


# ------------------------------------------------------------------------------ khal


KHAL_CONFIG = """\
[calendars]
[[planner]]
path = {vdir}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Amsterdam
default_timezone = Europe/Amsterdam

[default]
default_calendar = planner
"""
SCHEIDING = "\x1f"


class Khal:
    """khal with its own config file, vdir calendar and cache, all inside tmp_path."""

    def __init__(self, tmp_path: Path) -> None:
        self.vdir = tmp_path / "kalender"
        self.vdir.mkdir()
        self.config = tmp_path / "khal.conf"
        self.config.write_text(KHAL_CONFIG.format(vdir=self.vdir), encoding="utf-8")
        self.env = _omgeving(tmp_path)

    def __call__(self, *args: str) -> str:
        klaar = subprocess.run([sys.executable, "-m", "khal", "-c", str(self.config), *args],
                               capture_output=True, text=True, env=self.env, stdin=subprocess.DEVNULL)
        assert klaar.returncode == 0, klaar.stderr
        return klaar.stdout

    def importeer(self, pad: Path) -> None:
        self("import", "--batch", str(pad))

    def afspraken(self) -> list[tuple[str, ...]]:
        formaat = SCHEIDING.join(["{start}", "{end}", "{title}", "{location}", "{uid}"])
        uit = self("list", "--day-format", "", "--format", formaat, "2026-01-01", "2027-12-31")
        return [tuple(regel.split(SCHEIDING)) for regel in uit.splitlines() if regel.strip()]


@pytest.mark.skipif(bool(KHAL_REDEN), reason=KHAL_REDEN)
@pytest.mark.parametrize("geval", GEVALLEN)
def test_khal_leest_elke_afspraak_terug(tmp_path: Path, geval: str) -> None:
    data, plan = _maak(tmp_path, geval)
    khal_ = Khal(tmp_path)
    khal_.importeer(tmp_path / "agenda.ics")

    gelezen = khal_.afspraken()
    assert [rij[:4] for rij in gelezen] == _verwacht(plan, _locatie(geval))
    uids = {str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    assert {rij[4] for rij in gelezen} == uids

    # What khal stored in its vdir still carries each session's parts, titles intact.
    opgeslagen = sorted(khal_.vdir.glob("*.ics"))
    assert len(opgeslagen) == len(plan["sessies"])
    per_start = {}
    for pad in opgeslagen:
        event = icalendar.Calendar.from_ical(pad.read_bytes()).walk("VEVENT")[0]
        per_start[event.decoded("DTSTART")] = str(event["DESCRIPTION"])
    for sessie in plan["sessies"]:
        beschrijving = per_start[datetime.fromisoformat(sessie["start"])]
        for o in sessie["onderdelen"]:
            assert f"{_uur(o['start'])}-{_uur(o['eind'])} {o['titel']} ({o['duur_min']} min)" in beschrijving


def _uur(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M")


@pytest.mark.skipif(bool(KHAL_REDEN), reason=KHAL_REDEN)
def test_khal_opnieuw_importeren_werkt_bij_en_verdubbelt_niet(tmp_path: Path) -> None:
    _maak(tmp_path, "zomertijd-najaar", "eerste.ics")
    _maak(tmp_path, "zomertijd-najaar", "tweede.ics")
    khal_ = Khal(tmp_path)
    khal_.importeer(tmp_path / "eerste.ics")
    voor = khal_.afspraken()
    khal_.importeer(tmp_path / "tweede.ics")
    assert khal_.afspraken() == voor
    assert len(voor) == 3


def test_zomertijd_sessies_houden_hun_kloktijd(tmp_path: Path) -> None:
    """Sessions on both sides of 25 October 2026 start at 13:30 local: 11:30Z before, 12:30Z after."""
    data, _ = _maak(tmp_path, "zomertijd-najaar")
    starts = sorted(e.decoded("DTSTART") for e in icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert [s.strftime("%Y-%m-%dT%H:%MZ") for s in starts] == [
        "2026-10-20T11:30Z", "2026-10-27T12:30Z", "2026-11-03T12:30Z"]


# ------------------------------------------------------------------- strict validation


@pytest.mark.parametrize("geval", GEVALLEN)
def test_vobject_valideert_streng(tmp_path: Path, geval: str) -> None:
    data, plan = _maak(tmp_path, geval)
    kalenders = list(vobject.readComponents(data.decode("utf-8"), validate=True))
    assert len(kalenders) == 1
    kalender = kalenders[0]
    assert kalender.validate(raiseException=True, complainUnrecognized=True)
    events = sorted(kalender.vevent_list, key=lambda e: e.dtstart.value)
    assert [(e.dtstart.value, e.dtend.value) for e in events] == [
        (datetime.fromisoformat(s["start"]), datetime.fromisoformat(s["eind"])) for s in plan["sessies"]]
    assert [e.summary.value for e in events] == [rij[2] for rij in _verwacht(plan, "")]


@pytest.mark.parametrize("geval", GEVALLEN)
def test_icalendar_zonder_fouten_en_met_verplichte_velden(tmp_path: Path, geval: str) -> None:
    data, plan = _maak(tmp_path, geval)
    kalender = icalendar.Calendar.from_ical(data)
    for component in kalender.walk():
        assert not component.errors, (component.name, component.errors)
    assert "PRODID" in kalender and str(kalender["VERSION"]) == "2.0"
    events = kalender.walk("VEVENT")
    assert len(events) == len(plan["sessies"])
    for event in events:
        for veld in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert veld in event, veld
        assert event.decoded("DTEND") > event.decoded("DTSTART")
    locatie = _locatie(geval)
    assert {str(e.get("LOCATION", "")) for e in events} == {locatie}


@pytest.mark.parametrize("geval", GEVALLEN)
def test_ruwe_bytes_volgen_rfc5545(tmp_path: Path, geval: str) -> None:
    data, _ = _maak(tmp_path, geval)
    assert data.endswith(b"\r\n")
    regels = data.split(b"\r\n")[:-1]
    # CRLF everywhere: no bare LF or CR left inside a line.
    assert not any(b"\n" in r or b"\r" in r for r in regels)
    for regel in regels:
        assert len(regel) <= 75, regel
        regel.decode("utf-8")  # a fold never cuts a multi-byte character in two
    assert any(r.startswith(b" ") for r in regels), "the long descriptions must have been folded"


def test_lastige_tekens_komen_heel_terug(tmp_path: Path) -> None:
    data, _ = _maak(tmp_path, "lastige-tekst-zomertijd-voorjaar")
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert {str(e["SUMMARY"]).split(" (deel")[0] for e in events} == {LASTIG["titel"]}
    beschrijvingen = "\n".join(str(e["DESCRIPTION"]) for e in events)
    for _, soort, _, titel in LASTIG["onderdelen"]:
        if soort != "pauze":  # the pause gives way to the break between sessions
            assert titel in beschrijvingen


def test_opnieuw_exporteren_geeft_dezelfde_uids(tmp_path: Path) -> None:
    eerste, _ = _maak(tmp_path, "lastige-tekst-zomertijd-voorjaar", "eerste.ics")
    tweede, _ = _maak(tmp_path, "lastige-tekst-zomertijd-voorjaar", "tweede.ics")

    def uids(data: bytes) -> dict:
        return {e.decoded("DTSTART"): str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}

    assert uids(eerste) == uids(tweede)
    assert len(set(uids(eerste).values())) == len(uids(eerste)) > 1
