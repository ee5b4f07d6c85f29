"""The agenda table drawn without rich looks exactly as rich drew it, at every width, for any text."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from planner.bibliotheek import laden
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from planner.uitvoer import render
from planner.uitvoer.kader import Kolom, breek, cel_breedte, passend, tabel
from tests.conftest import start
from tests.rich_agenda import render as met_rich

ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Letters, Dutch accents, the planner's own signs, wide (CJK) characters, and long words.
TEKENS = st.sampled_from(list("abcdefghij klmnop ABC  éëïĳ–·×½…,.-/") + ["中", "文", "ハ", "Straatnaamvereniging"])
TEKST = st.lists(TEKENS, max_size=60).map("".join)
PLANNEN = [("kickoff", 20, 180), ("kickoff", 7, 75), ("training", 16, 150), ("kennismaking", 8, 60),
           ("ambitiegesprek", 5, 120), ("intervisie", 6, 100)]


def _plan(naam: str, groep: int, minuten: int):
    d = laden.vind(naam)
    return maak_plan(d, Vraag(groep=groep, tijd_min=minuten, start=start()))


@pytest.fixture(scope="module")
def plannen():
    return [_plan(*p) for p in PLANNEN if p[0] in {d.id for d in map(laden.vind, [p[0]])}]


@pytest.mark.parametrize("breedte", [*range(24, 61, 3), 72, 80, 99, 100, 120, 160, 200])
def test_ingebouwde_plannen_als_met_rich(plannen, breedte):
    for plan in plannen:
        assert render("tabel", plan, breedte=breedte) == met_rich(plan, breedte), (plan.draaiboek.id, breedte)


@settings(max_examples=150, deadline=None)
@given(index=st.integers(0, len(PLANNEN) - 1), breedte=st.integers(20, 180),
       titels=st.lists(TEKST, min_size=1, max_size=12), werkvormen=st.lists(TEKST, max_size=12))
def test_willekeurige_teksten_als_met_rich(plannen, index, breedte, titels, werkvormen):
    plan = plannen[index % len(plannen)]
    sessies = []
    for sessie in plan.sessies:
        delen = tuple(dataclasses.replace(o, titel=titels[i % len(titels)] or "x",
                                          werkvorm=werkvormen[i % len(werkvormen)] if werkvormen else o.werkvorm)
                      for i, o in enumerate(sessie.onderdelen))
        sessies.append(dataclasses.replace(sessie, onderdelen=delen))
    plan = dataclasses.replace(plan, sessies=tuple(sessies))
    assert render("tabel", plan, breedte=breedte) == met_rich(plan, breedte)


@given(tekst=TEKST)
def test_celbreedte_als_rich(tekst):
    assert cel_breedte(tekst) == cell_len(tekst)


# Format characters a terminal (and rich) does show, one cell each: the soft hyphen (text pasted
# from a word processor) and the prepended concatenation marks (Arabic number signs).
ZICHTBARE_OPMAAK = "\u00ad\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"


@pytest.mark.parametrize("teken", ZICHTBARE_OPMAAK)
def test_zichtbare_opmaaktekens_als_rich(teken, plannen):
    assert cel_breedte(f"Ko{teken}op") == cell_len(f"Ko{teken}op") == 5
    plan = plannen[0]
    delen = tuple(dataclasses.replace(o, titel=f"Co{teken}ope{teken}ra{teken}tie") for o in plan.sessies[0].onderdelen)
    plan = dataclasses.replace(plan, sessies=(dataclasses.replace(plan.sessies[0], onderdelen=delen),))
    for breedte in (29, 40, 100):
        assert render("tabel", plan, breedte=breedte) == met_rich(plan, breedte)


@given(tekst=TEKST, breedte=st.integers(1, 30))
def test_passend_vult_precies(tekst, breedte):
    assert cel_breedte(passend(tekst, breedte)) == breedte


@given(tekst=TEKST, breedte=st.integers(2, 40), overloop=st.sampled_from(["vouw", "ellips", "knip"]))
def test_breek_houdt_de_breedte_en_de_woorden(tekst, breedte, overloop):
    regels = breek(tekst, breedte, overloop=overloop)
    assert all(cel_breedte(r) <= breedte for r in regels)
    if overloop == "vouw":
        # Folding loses nothing (a line holds at least one wide character): the words come back in order.
        assert "".join("".join(regels).split()) == "".join(tekst.split())


def test_met_kleur_dezelfde_tabel_met_stijlen(plannen):
    """Colour changes no letter of the tables and texts; only the timeline shows titles instead of letters."""
    for plan in plannen:
        gekleurd = ANSI.sub("", render("tabel", plan, kleur=True, breedte=100)).splitlines()
        kaal = render("tabel", plan, breedte=100).splitlines()
        assert len(gekleurd) == len(kaal)
        balk = re.compile(r"(?:[OWPEAG][owpeag]*)+|([OWPEAG] [a-z]+ *)+")
        assert [g for g, k in zip(gekleurd, kaal, strict=True) if g != k and not balk.fullmatch(k)] == []
    assert "\x1b[1mOnderdeel\x1b[0m" in render("tabel", plannen[0], kleur=True)


def test_tabel_met_rechts_uitgelijnde_kolom():
    kolommen = [Kolom("Naam", "Totaal"), Kolom("Min", "30", rechts=True, niet_breken=True)]
    for naam, minuten in (("Welkom", "5"), ("Een heel lange naam die moet breken", "25")):
        kolommen[0].voeg_toe(naam)
        kolommen[1].voeg_toe(minuten)
    regels = tabel(kolommen, 30)
    assert all(cel_breedte(r) <= 30 for r in regels)
    assert "│ Welkom               │   5 │" in regels  # minutes on the right, the name wraps
    assert "│ die moet breken      │     │" in regels
    assert regels[0].startswith("┏") and regels[-1].startswith("└")
