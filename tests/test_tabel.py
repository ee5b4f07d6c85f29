"""The terminal table (planner/uitvoer/tabel.py) as a facilitator reads it: parsed back from what was
drawn, at several widths, with and without colour; never compared with rich's exact bytes."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from planner.bibliotheek import laden
from planner.kern.model import Draaiboek, Onderdeel
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from planner.uitvoer import render, tabel
from planner.uitvoer.handout import GESCHAT, KORTER, LANGER, TOEGEVOEGD, indeling, merk, tijdvak

from .conftest import start

ANSI = re.compile(r"\x1b\[[0-9;]*m")
BREEDTES = (40, 80, 120, 200)
PLANNEN = [("kickoff", 20, 180), ("kickoff", 7, 75), ("training", 16, 150), ("kennismaking", 8, 60),
           ("kennismaking", 14, 60), ("ambitiegesprek", 5, 120), ("intervisie", 6, 100)]
# Letters, Dutch accents, the planner's own signs, wide (CJK) and combining characters, long words.
TEKENS = st.sampled_from([*"abcdefghij klmnop ABC  éëïĳ–·×½…,.-/", "中", "文", "ハ", "e\u0301", "Straatnaamvereniging",
                          "Arbeidsongeschiktheidsverzekeringsmaatschappij"])
TEKST = st.lists(TEKENS, max_size=40).map("".join)


def _plan(naam: str, groep: int, minuten: int):
    return maak_plan(laden.vind(naam), Vraag(groep=groep, tijd_min=minuten, start=start()))


@pytest.fixture(scope="module")
def plannen():
    return [_plan(*p) for p in PLANNEN]


def tabellen(tekst: str) -> list[list[list[str]]]:
    """Each boxed table drawn in `tekst` as its body rows, each row its cells (lines of a cell
    joined by a space, each line stripped)."""
    uit: list[list[list[str]]] = []
    rijen: list[list[list[str]]] | None = None
    for regel in tekst.splitlines():
        if regel.startswith("┡"):
            rijen = []
        elif regel.startswith("├") and rijen is not None:
            uit.append([[" ".join(d for d in delen if d) for delen in rij] for rij in rijen])
            rijen = None
        elif regel.startswith("│") and rijen is not None:
            cellen = [c.strip() for c in regel[1:-1].split("│")]
            if cellen[0]:  # a new onderdeel starts where its time is
                rijen.append([[] for _ in cellen])
            for kolom, cel in zip(rijen[-1], cellen, strict=True):
                kolom.append(cel)
    return uit


@pytest.mark.parametrize("breedte", [80, 120, 200])
def test_elk_onderdeel_in_zijn_eigen_rij(plannen, breedte):
    """Every part's time, minutes (with its mark), title and werkvorm in one row of its session's table."""
    for plan in plannen:
        getekend = tabellen(render("tabel", plan, breedte=breedte))
        assert len(getekend) == len(plan.sessies)
        for sessie, rijen in zip(plan.sessies, getekend, strict=True):
            assert len(rijen) == len(sessie.onderdelen)
            for o, (tijd, minuten, titel, werkvorm) in zip(sessie.onderdelen, rijen, strict=True):
                assert tijd == tijdvak(o)
                assert minuten == f"{o.duur_min}{merk(o)}"
                assert titel.split() == o.titel.split()
                assert werkvorm.split() == " ".join(indeling(o)).split()


@pytest.mark.parametrize("breedte", [40, 50, 59])
def test_een_smal_scherm_zet_de_werkvorm_onder_de_titel(plannen, breedte):
    """Below 60 columns there is no Werkvorm column: the werkvorm follows the title ('· plenair'), so
    the titles get the room and no header or ordinary word is broken in the middle."""
    for plan in plannen:
        tekst = render("tabel", plan, breedte=breedte)
        assert "Werkvorm" not in tekst and "Onderdeel" in tekst
        getekend = tabellen(tekst)
        for sessie, rijen in zip(plan.sessies, getekend, strict=True):
            for o, (tijd, minuten, cel) in zip(sessie.onderdelen, rijen, strict=True):
                assert tijd == tijdvak(o) and minuten == f"{o.duur_min}{merk(o)}"
                werkvorm = " ".join(f"· {r}" for r in indeling(o))
                # every letter there, in order (a long word may continue on the next line)
                assert "".join(cel.split()) == "".join(f"{o.titel} {werkvorm}".split()), cel
                assert cel.startswith(o.titel.split()[0][:10])


def test_totaal_en_kop_per_sessie(plannen):
    for plan in plannen:
        regels = render("tabel", plan, breedte=100).splitlines()
        for sessie in plan.sessies:
            voet = [r for r in regels if r.startswith("│ Totaal")]
            assert any(r.split("│")[2].strip() == tabel.toon_duur(sessie.duur_min) for r in voet)
        assert regels[0] == plan.draaiboek.titel
        tekst = "\n".join(regels)
        bron = tekst[tekst.rindex("Bron: "):]
        assert bron.split() == f"Bron: {plan.draaiboek.bron}".split()


def test_legenda_van_de_merktekens(plannen):
    """Every mark in the Min column is explained under the tables, and only those that occur."""
    uitleg = {"+": TOEGEVOEGD, "*": GESCHAT, "↓": KORTER, "↑": LANGER}
    gezien = set()
    for plan in plannen:
        tekst = render("tabel", plan, breedte=120)
        # A '*' may also follow an estimated turn in the Werkvorm column ('± 5 min per persoon *').
        merken = "".join(merk(o) + o.beurt_tekst[-1:] for s in plan.sessies for o in s.onderdelen)
        for teken, zin in uitleg.items():
            assert (zin in tekst) == (teken in merken), (plan.draaiboek.id, teken)
            gezien |= {teken} & set(merken)
    assert gezien == set(uitleg)  # the plans above show every mark


@pytest.mark.parametrize("breedte", BREEDTES)
@pytest.mark.parametrize("kleur", [False, True])
def test_geen_regel_breder_dan_gevraagd_en_de_rand_sluit(plannen, breedte, kleur):
    for plan in plannen:
        regels = [ANSI.sub("", r) for r in render("tabel", plan, kleur=kleur, breedte=breedte).splitlines()]
        assert max(map(cell_len, regels)) <= breedte, (plan.draaiboek.id, breedte)
        _randen_sluiten(regels)


def _randen_sluiten(regels: list[str]) -> None:
    """Every line of a boxed table is equally wide and ends in a border: nothing pushed it out."""
    for nummer, regel in enumerate(regels):
        if regel.startswith("┏"):
            eind = next(i for i in range(nummer, len(regels)) if regels[i].startswith("└"))
            breedte = cell_len(regel)
            for lijn in regels[nummer:eind + 1]:
                assert cell_len(lijn) == breedte, lijn
                assert lijn[-1] in "┓┃┩│┤┘", lijn


def test_zonder_kleur_geen_escape_en_met_kleur_dezelfde_tekst(plannen):
    for plan in plannen:
        for breedte in BREEDTES:
            kaal = render("tabel", plan, kleur=False, breedte=breedte)
            gekleurd = render("tabel", plan, kleur=True, breedte=breedte)
            assert "\x1b" not in kaal
            assert "\x1b[" in gekleurd
            # The same text, but for the timeline, which shows titles on colour instead of letters.
            assert zonder_balk(ANSI.sub("", gekleurd)) == zonder_balk(kaal)
            assert len(ANSI.sub("", gekleurd).splitlines()) >= len(kaal.splitlines()) - 1


LEGENDA = re.compile(r"(?:\s*(?:[OWPEAG] )?(?:opening|werkvorm|pauze|evaluatie|afronding|agendapunt))+\s*")


def zonder_balk(tekst: str) -> list[str]:
    """The lines without the timeline bars (the line under each table) and their legend."""
    regels = tekst.splitlines()
    return [r for i, r in enumerate(regels) if not (i and regels[i - 1].startswith("└")) and not LEGENDA.fullmatch(r)]


def test_no_color_en_pijp_zonder_escape(tmp_path):
    """Through the command line: output to a pipe, or NO_COLOR, carries no escape byte."""
    import os
    import subprocess
    import sys

    for extra in ({}, {"NO_COLOR": "1"}):
        proces = subprocess.run([sys.executable, "-m", "planner", "plan", "kickoff", "--groep", "20", "--tijd", "3u",
                                 "--start", "2026-12-08T13:30"], capture_output=True, cwd=tmp_path,
                                env={**os.environ, **extra, "PLANNER_DRAAIBOEKEN": str(tmp_path / "geen")})
        assert proces.returncode == 0, proces.stderr
        assert b"\x1b" not in proces.stdout
        assert b"\xe2\x94\x8f" in proces.stdout  # the table's corner: the table was drawn
        # A pipe gets the width a terminal does not tell: 100 columns.
        assert max(map(cell_len, proces.stdout.decode().splitlines())) <= 100


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, len(PLANNEN) - 1), breedte=st.sampled_from(BREEDTES),
       titels=st.lists(TEKST, min_size=1, max_size=6), werkvormen=st.lists(TEKST, max_size=6), kleur=st.booleans())
def test_brede_tekens_en_lange_woorden_breken_de_rand_niet(plannen, index, breedte, titels, werkvormen, kleur):
    plan = plannen[index]
    sessies = []
    for sessie in plan.sessies:
        delen = tuple(dataclasses.replace(o, titel=titels[i % len(titels)] or "x",
                                          werkvorm=werkvormen[i % len(werkvormen)] if werkvormen else o.werkvorm)
                      for i, o in enumerate(sessie.onderdelen))
        sessies.append(dataclasses.replace(sessie, onderdelen=delen))
    plan = dataclasses.replace(plan, sessies=tuple(sessies))
    regels = [ANSI.sub("", r) for r in render("tabel", plan, kleur=kleur, breedte=breedte).splitlines()]
    assert max(map(cell_len, regels)) <= breedte
    _randen_sluiten(regels)
    assert len(tabellen("\n".join(regels))[0]) == len(plan.sessies[0].onderdelen)


def test_sessiekop_breekt_niet_af_bij_een_smalle_tabel():
    # Short titles make a narrow table; its heading (session, date, times) stays on one line.
    onderdelen = tuple(Onderdeel(id=f"o{i}", titel=f"Deel {i}", soort="werkvorm", minuten=30, min_minuten=30,
                                 max_minuten=30) for i in range(3))
    d = Draaiboek(id="kort", titel="Kort", bron="test", onderdelen=onderdelen, bij_tijdgebrek="splitsen")
    plan = maak_plan(d, Vraag(groep=5, tijd_min=60, start=start("2026-12-01T09:00")))
    tekst = tabel.render(plan, breedte=110)
    regels = tekst.splitlines()
    for sessie in plan.sessies:
        kop = next(r for r in regels if r.startswith(f"Sessie {sessie.nummer} van"))
        assert kop.endswith(f"{sessie.start:%H:%M}–{sessie.eind:%H:%M}"), kop


def test_sterretje_bij_een_geschatte_beurt_wordt_uitgelegd(kennismaking):
    """'± 5 min per persoon *' in the werkvorm column: the legend says what the '*' means."""
    plan = maak_plan(kennismaking, Vraag(groep=14, tijd_min=60, start=start()))
    assert any(o.beurt_tekst.endswith(" *") for s in plan.sessies for o in s.onderdelen)
    for formaat in ("tabel", "markdown"):
        assert "* geschatte minuten" in render(formaat, plan), formaat


@pytest.mark.parametrize("breedte", [40, 60, 80])
def test_lange_woorden_in_een_smalle_terminal_blijven_heel(plannen, breedte):
    """A title or werkvorm with a word wider than its column keeps every letter (no 'Noordoost-Braba…')."""
    lang = "Een bijeenkomst in de regio Noordoost-Brabant-en-omstreken-samenwerkingsverband"
    plan = plannen[0]
    werkvorm = "groepjesgesprekkenronde-plenair"
    sessies = [dataclasses.replace(s, onderdelen=tuple(dataclasses.replace(o, titel=lang, werkvorm=werkvorm)
                                                       for o in s.onderdelen)) for s in plan.sessies]
    plan = dataclasses.replace(plan, sessies=tuple(sessies))
    tekst = render("tabel", plan, breedte=breedte)
    assert "…" not in "".join(c for t in tabellen(tekst) for rij in t for c in rij[2:])
    for rijen in tabellen(tekst):
        for rij in rijen:
            if breedte < tabel.SMAL:  # the werkvorm under the title: "· groepjes…"
                titel, werkvorm = rij[2].split(" · ", 1)
            else:
                titel, werkvorm = rij[2], rij[3]
            assert "".join(titel.split()) == "".join(lang.split())
            # the werkvorm comes first; groepjes and turns follow on their own lines
            assert "".join(werkvorm.split()).startswith("groepjesgesprekkenronde-plenair")
