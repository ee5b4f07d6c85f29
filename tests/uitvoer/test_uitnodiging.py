"""The invitation a facilitator pastes into an e-mail: read back for dates, times, place and programme."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.bibliotheek import laden
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from planner.uitvoer import handout, render
from planner.uitvoer.uitnodiging import MAX_WAAROM, waarom
from tests.vaste_klok import PLANNER

START = datetime(2026, 12, 1, 13, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]
DAGEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
DATUM = re.compile(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) (\d{1,2}) (\w+) (\d{4}), "
                   r"(\d\d):(\d\d)–(\d\d):(\d\d)")

PLANNEN = [("training", 16, 180), ("kickoff", 20, 120), ("kickoff", 20, 180), ("kickoff", 28, 240),
           ("kennismaking", 20, None), ("kennismaking", 7, None), ("intervisie", 6, None), ("ontmoeting", 1, None),
           ("ambitiegesprek", 4, 120), ("gespreksfases", 3, None)]


def _plan(naam: str, groep: int, tijd: int | None, locatie: str = "Buurthuis De Linde"):
    return maak_plan(laden.vind(naam), Vraag(groep=groep, tijd_min=tijd, start=START, locatie=locatie))


def _datums(tekst: str) -> list[tuple[datetime, datetime]]:
    """Every 'dinsdag 1 december 2026, 13:30–15:35' in the text, read back as moments."""
    gelezen = []
    for dag, nummer, maand, jaar, uur, minuut, tot_uur, tot_minuut in DATUM.findall(tekst):
        datum = (int(jaar), MAANDEN.index(maand) + 1, int(nummer))
        start = datetime(*datum, int(uur), int(minuut), tzinfo=START.tzinfo)
        assert dag == DAGEN[start.weekday()]
        gelezen.append((start, datetime(*datum, int(tot_uur), int(tot_minuut), tzinfo=START.tzinfo)))
    return gelezen


@pytest.mark.parametrize("naam, groep, tijd", PLANNEN)
def test_uitnodiging_noemt_elke_sessie_met_dag_datum_en_tijden(naam: str, groep: int, tijd: int | None) -> None:
    plan = _plan(naam, groep, tijd)
    tekst = render("uitnodiging", plan, begeleiders=("Anna de Vries",), bijlage="agenda.ics")
    assert _datums(tekst) == [(s.start, handout.eind_voor_deelnemers(s)) for s in plan.sessies]
    assert "Waar: Buurthuis De Linde" in tekst
    assert plan.draaiboek.titel in tekst.splitlines()[0]
    assert "agenda.ics" in tekst and tekst.rstrip().endswith("Anna de Vries")
    for meenemen in plan.draaiboek.meenemen:
        assert meenemen in tekst


@pytest.mark.parametrize("naam, groep, tijd", PLANNEN)
def test_uitnodiging_programma_zonder_instructies(naam: str, groep: int, tijd: int | None) -> None:
    plan = _plan(naam, groep, tijd)
    tekst = render("uitnodiging", plan)
    programma = re.findall(r"^  (\d\d:\d\d)  (.+)$", tekst, flags=re.MULTILINE)
    verwacht = []
    for sessie in plan.sessies:
        verwacht += [(f"{a:%H:%M}", titel) for a, _, titel, _ in handout.agenda_voor_deelnemers(sessie)]
        verwacht.append((f"{handout.eind_voor_deelnemers(sessie):%H:%M}", "Einde"))
    assert programma == verwacht
    for sessie in plan.sessies:
        for o in sessie.onderdelen:
            for stap in o.stappen:
                assert stap.tekst not in tekst
            if o.toegevoegd and o.soort != "agendapunt":
                assert o.titel not in tekst
    for waarschuwing in plan.waarschuwingen:
        assert waarschuwing not in tekst
    assert "draaiboek" not in tekst.lower() and "toegevoegd" not in tekst


def test_waarom_is_de_eigen_beschrijving_ingekort() -> None:
    d = laden.vind("training")
    assert waarom(d.beschrijving) == ("Deze werkvorm is bedoeld als training voor beroepskrachten en/of "
                                      "vrijwilligers die actief zijn ten dienste van een bepaalde doelgroep, "
                                      "zoals ouderen.")
    assert waarom("") == ""


_zin = st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=12), min_size=1, max_size=30).map(
    lambda woorden: " ".join(woorden).capitalize() + ".")


@given(st.lists(_zin, max_size=6))
def test_waarom_neemt_hele_zinnen_uit_het_begin(zinnen: list[str]) -> None:
    kort = waarom(" ".join(zinnen))
    if not zinnen:
        assert kort == ""
        return
    een, twee = zinnen[0], " ".join(zinnen[:2])
    # The first sentence always; a second only when both stay short enough for an e-mail.
    assert kort == (twee if len(zinnen) > 1 and len(twee) <= MAX_WAAROM else een)


def test_cli_uitnodiging_naar_bestand_met_agenda_ernaast(tmp_path: Path) -> None:
    uit = subprocess.run([*PLANNER, "plan", "kickoff", "--groep", "20", "--tijd", "3u",
                          "--start", "2026-12-01T13:30", "--format", "uitnodiging", "-o", "uitnodiging.txt",
                          "--ics", "kickoff.ics", "--locatie", "De Linde", "--begeleider", "Anna",
                          "--begeleider", "Bert"], cwd=tmp_path, capture_output=True, text=True)
    assert uit.returncode == 0, uit.stderr
    tekst = (tmp_path / "uitnodiging.txt").read_text("utf-8")
    assert len(_datums(tekst)) == 2 and "kickoff.ics" in tekst and "Anna en Bert" in tekst
    assert (tmp_path / "kickoff.ics").read_text("utf-8").count("BEGIN:VEVENT") == 2


# ----------------------------------------------------------------- issue 19.8: what participants receive


def _zinnen(tekst: str) -> list[str]:
    return [z for z in re.split(r"(?<=[.!?])\s+", " ".join(tekst.split())) if len(z) > 20]


@pytest.mark.parametrize("naam", ["training", "kickoff", "kennismaking", "intervisie", "ontmoeting",
                                  "ambitiegesprek", "gespreksfases"])
def test_deelnemers_lezen_geen_tekst_voor_de_begeleider(naam: str) -> None:
    d = laden.vind(naam)
    plan = _plan(naam, max(d.groep_min, 8 if d.groep_max >= 8 else d.groep_max), None)
    eigen = set(_zinnen(d.uitleg_deelnemers))
    voor_begeleider = [z for z in _zinnen(d.beschrijving) if z not in eigen]
    for uitvoer in (render("uitnodiging", plan), render("markdown", plan, voor="deelnemers"),
                    render("html", plan, voor="deelnemers")):
        tekst = " ".join(uitvoer.replace("\u00ad", "").split())
        assert "bedoeld als" not in tekst and "draaiboek integraal" not in tekst
        for zin in voor_begeleider:
            assert zin[:40] not in tekst
    # What the invitation does explain is the source's own words, marked for participants.
    for zin in _zinnen(waarom(d.uitleg_deelnemers)):
        assert zin in " ".join(d.beschrijving.split())


@pytest.mark.parametrize("groep", [1, 8])
def test_de_gast_wordt_niet_uitgenodigd_voor_de_reflectie_van_het_team(groep: int) -> None:
    plan = _plan("ontmoeting", groep, 90)
    sessie = plan.sessies[0]
    reflectie = next(o for o in sessie.onderdelen if o.id == "reflectie")  # 90 min: it is planned
    afsluiting = next(o for o in sessie.onderdelen if o.id == "afsluiting")
    uitnodiging = render("uitnodiging", plan)
    assert "Reflectie" not in uitnodiging and "team" not in uitnodiging.lower()
    assert f"{START:%H:%M}–{afsluiting.eind:%H:%M}" in uitnodiging
    assert f"{afsluiting.eind:%H:%M}  Einde" in uitnodiging and f"{reflectie.eind:%H:%M}" not in uitnodiging
    for formaat in ("markdown", "html"):
        handout_tekst = render(formaat, plan, voor="deelnemers")
        assert "Reflectie" not in handout_tekst and f"{reflectie.eind:%H:%M}" not in handout_tekst
    # The facilitator's own handout keeps it.
    assert reflectie.titel in render("markdown", plan)


@pytest.mark.parametrize("naam, groep, tijd", PLANNEN)
def test_bijlage_zin_klopt_in_enkelvoud_en_meervoud(naam: str, groep: int, tijd: int | None) -> None:
    """'In de bijlage staat de afspraak' for one meeting, 'staan de afspraken' for several."""
    plan = _plan(naam, groep, tijd)
    tekst = render("uitnodiging", plan, bijlage="agenda.ics")
    if len(plan.sessies) == 1:
        assert "In de bijlage (agenda.ics) staat de afspraak voor je agenda." in tekst
    else:
        assert "In de bijlage (agenda.ics) staan de afspraken voor je agenda." in tekst
