"""The timeline under the agenda: proportional, within the width, readable without colour."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rich.cells import cell_len
from rich.text import Text

from planner.bibliotheek import laden
from planner.kern.model import GeplandOnderdeel, Sessie
from planner.kern.planning import maak_plan
from planner.kern.tijd import plus_minuten
from planner.kern.vraag import Vraag
from planner.uitvoer import render
from planner.uitvoer.terminal import als_tekst, console
from planner.uitvoer.tijdlijn import cellen, tijdlijn

ANSI = re.compile(r"\x1b\[")
ZONE = ZoneInfo("Europe/Amsterdam")


def sessie(*delen: tuple[str, str, int], start: datetime | None = None) -> Sessie:
    moment = start or datetime(2026, 12, 1, 13, 30, tzinfo=ZONE)
    begin = moment
    onderdelen = []
    for i, (titel, soort, minuten) in enumerate(delen):
        eind = plus_minuten(moment, minuten)
        onderdelen.append(GeplandOnderdeel(f"o{i}", titel, soort, moment, eind, minuten))
        moment = eind
    return Sessie(1, begin, moment, tuple(onderdelen))


def tekst(uit: Text | None, kleur: bool = False, breedte: int = 300) -> str:
    """The bar as the terminal gets it."""
    assert uit is not None
    return als_tekst(console(kleur, breedte), uit)


def regels(uit: Text | None, kleur: bool = False, breedte: int = 300) -> list[str]:
    return tekst(uit, kleur, breedte).splitlines()


def kaal(regel: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", regel)


DAG = sessie(("Welkom", "opening", 15), ("Voorstelronde", "werkvorm", 30), ("Pauze", "pauze", 15),
             ("Oefenen", "werkvorm", 60), ("Evaluatie", "evaluatie", 30), ("Afronding", "afronding", 15))


@pytest.mark.parametrize("kleur", [False, True])
def test_elke_regel_past_in_de_breedte(kleur: bool) -> None:
    for breedte in range(20, 201):
        uit = tijdlijn(DAG, breedte, kleur)
        assert uit is not None
        getekend = [kaal(r) for r in regels(uit, kleur, breedte)]
        assert cell_len(getekend[0]) == breedte  # the bar fills the width exactly
        assert all(cell_len(r) <= breedte for r in getekend), breedte
        assert len(getekend) == len(uit.plain.split("\n"))  # nothing wrapped


def test_een_uur_krijgt_twee_keer_zoveel_cellen_als_een_half_uur() -> None:
    for breedte in (20, 37, 80, 200):
        dertig, zestig = cellen([30, 60], breedte)
        assert dertig + zestig == breedte
        assert abs(zestig - 2 * dertig) <= 2
    balk = tijdlijn(sessie(("Half uur", "opening", 30), ("Uur", "werkvorm", 60)), 90, False)
    assert balk is not None
    assert regels(balk)[0] == "O" + "o" * 29 + "W" + "w" * 59


def test_klein_onderdeel_blijft_zichtbaar() -> None:
    assert cellen([5, 240], 20)[0] == 1
    assert sum(cellen([5, 5, 5, 240], 20)) == 20


def test_zonder_kleur_letters_en_legenda_zonder_escapes() -> None:
    uit = tijdlijn(DAG, 80, kleur=False)
    assert uit is not None
    geprint = tekst(uit)
    assert not ANSI.search(geprint)
    balk, klok, *legenda = geprint.rstrip("\n").split("\n")
    # Each onderdeel starts with the capital of its soort: six parts, six capitals, in order.
    assert re.sub(r"[a-z]", "", balk) == "OWPWEA"
    assert klok.startswith("|13:30")
    assert "|14:30" in klok
    assert klok.endswith("16:15|")
    legenda_tekst = " ".join(legenda)
    for regel in ("O opening", "W werkvorm", "P pauze", "E evaluatie", "A afronding"):
        assert regel in legenda_tekst
    assert "agendapunt" not in legenda_tekst  # only the soorten that occur


@pytest.mark.parametrize("titel", ["中文中文中文中文中文中文中文中文", "Cafe\u0301 re\u0301sume\u0301 nai\u0308ve " * 3,
                                   "Twee\nregels", "\n\n", "\u3000"])
def test_met_kleur_titels_in_cellen_op_een_regel(titel: str) -> None:
    """The bar holds titles in terminal cells, not characters: wide or combining characters make it
    neither wider nor narrower than the table, and a line break in a title does not break the bar
    (with a colour left open at its end)."""
    dag = sessie((titel, "opening", 15), (titel, "werkvorm", 60), ("Kort", "pauze", 5))
    for breedte in (16, 20, 33, 80):
        uit = tijdlijn(dag, breedte, kleur=True, met_legenda=False)
        getekend = regels(uit, kleur=True, breedte=breedte)
        assert len(getekend) == 2  # the bar and its clock line
        assert cell_len(kaal(getekend[0])) == breedte
        assert getekend[0].endswith("\x1b[0m")


def test_met_kleur_achtergrond_per_soort() -> None:
    geprint = tekst(tijdlijn(DAG, 80, kleur=True), kleur=True)
    assert ANSI.search(geprint)
    assert "Voorstelronde" in geprint  # a wide enough part shows its title
    assert "\x1b[30;46m" in geprint  # opening: black on cyan
    assert "\x1b[37;44m" in geprint  # werkvorm: white on blue


def test_klokmarkeringen_om_de_30_of_60_minuten() -> None:
    klok = regels(tijdlijn(DAG, 100, False))[1]
    # 16:00 would touch the end time, which wins.
    assert re.findall(r"\|(\d\d:\d\d)", klok) == ["13:30", "14:00", "14:30", "15:00", "15:30"]
    assert klok.endswith("16:15|")
    breed = regels(tijdlijn(DAG, 200, False))[1]
    # Wide enough for a mark every quarter of an hour.
    kwartieren = ["13:30", "13:45", "14:00", "14:15", "14:30", "14:45", "15:00", "15:15", "15:30", "15:45", "16:00"]
    assert re.findall(r"\|(\d\d:\d\d)", breed) == kwartieren
    smal = regels(tijdlijn(DAG, 40, False))[1]
    assert re.findall(r"\|(\d\d:\d\d)", smal) == ["13:30", "14:00", "15:00"]


def test_klok_loopt_met_de_zomertijd_mee() -> None:
    # The night of 25 October 2026 the clocks go back: 02:00-03:00 happens twice.
    nacht = sessie(("Nachtsessie", "werkvorm", 180), start=datetime(2026, 10, 25, 0, 30, tzinfo=ZONE))
    klok = regels(tijdlijn(nacht, 120, False))[1]
    assert re.findall(r"\|(\d\d:\d\d)", klok)[:5] == ["00:30", "01:00", "01:30", "02:00", "02:30"]


def test_te_smal_geen_balk() -> None:
    assert tijdlijn(DAG, 10, False) is None


def test_tabel_toont_tijdlijn_onder_elke_sessie() -> None:
    d = laden.vind("kickoff")
    plan = maak_plan(d, Vraag(groep=16, tijd_min=120, start=datetime(2026, 12, 1, 13, 30, tzinfo=ZONE)))
    assert len(plan.sessies) > 1
    for breedte in (40, 60, 100, 160):
        uit = render("tabel", plan, kleur=False, breedte=breedte)
        assert not ANSI.search(uit)
        assert all(cell_len(r) <= breedte for r in uit.split("\n"))
        balken = [r for r in uit.split("\n") if re.fullmatch(r"(?:[OWPEAG][owpeag]*)+", r)]
        assert len(balken) == len(plan.sessies)
        assert "O opening" in uit and "W werkvorm" in uit
