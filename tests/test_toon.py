"""`planner toon` as a newcomer reads it: every part with its facts, within the width, colour only
as decoration. Parsed from what was drawn, not compared with rich's bytes."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from rich.cells import cell_len

from planner.bibliotheek import laden, vinden
from planner.kern.model import Stap
from planner.uitvoer.toon import render_draaiboek
from tests.test_tabel import TEKST

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def draaiboeken():
    return [laden.vind(bron.id) for bron in vinden.alle_bronnen()]


def test_elk_onderdeel_met_zijn_minuten(draaiboeken):
    for d in draaiboeken:
        regels = render_draaiboek(d, breedte=200).splitlines()
        assert regels[0] == d.titel
        assert f"Naam: {d.id}" in regels
        for o in d.onderdelen_voor(None):
            kop = regels.index(f"{o.titel}  [{o.id}]")
            assert regels[kop - 1] == ""
            minuten = regels[kop + 1].split()
            assert [minuten[0], minuten[1].rstrip(",")] == ["Minuten", str(o.minuten)], (d.id, o.id)
            assert regels[kop + 2].split()[:2] == ["Soort", o.soort]


@pytest.mark.parametrize("breedte", [40, 80, 120, 200])
def test_geen_regel_breder_dan_gevraagd(draaiboeken, breedte):
    for d in draaiboeken:
        for kleur in (False, True):
            regels = ANSI.sub("", render_draaiboek(d, kleur=kleur, breedte=breedte)).splitlines()
            assert max(map(cell_len, regels)) <= breedte, (d.id, breedte)


def test_met_kleur_dezelfde_letters_zonder_kleur_geen_escape(draaiboeken):
    for d in draaiboeken:
        kaal = render_draaiboek(d, breedte=100)
        gekleurd = render_draaiboek(d, kleur=True, breedte=100)
        assert "\x1b" not in kaal
        assert ANSI.sub("", gekleurd) == kaal
        # The labels are bold: an SGR turning on bold (1) right before 'Naam:'.
        assert re.search(r"\x1b\[(?:[0-9;]*;)?1(?:;[0-9;]*)?mNaam:", gekleurd)


@settings(max_examples=60, deadline=None)
@given(titel=TEKST, werkvorm=TEKST, stap=TEKST)
def test_brede_tekens_en_lange_woorden_binnen_de_breedte(draaiboeken, titel, werkvorm, stap):
    d = draaiboeken[0]
    eerste = dataclasses.replace(d.onderdelen[0], titel=titel or "x", werkvorm=werkvorm,
                                 stappen=(Stap("instructie", stap or "y"),))
    d = dataclasses.replace(d, onderdelen=(eerste, *d.onderdelen[1:]))
    for breedte in (40, 80):
        regels = render_draaiboek(d, breedte=breedte).splitlines()
        assert max(map(cell_len, regels)) <= breedte
        # The label column stays whole: a value never pushes 'Minuten' out of its place.
        assert any(r.startswith(" Minuten ") for r in regels)
