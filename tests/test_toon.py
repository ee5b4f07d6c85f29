"""`planner toon` drawn without rich looks exactly as rich drew it, for every draaiboek, group and width."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.bibliotheek import laden, vinden
from planner.kern.model import Stap
from planner.uitvoer.toon import render_draaiboek
from tests.rich_toon import render_draaiboek as met_rich
from tests.test_kader import TEKST

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def draaiboeken():
    return [laden.vind(bron.id) for bron in vinden.alle_bronnen()]


@pytest.mark.parametrize("breedte", [20, 27, 34, 41, 48, 60, 72, 80, 99, 100, 133, 160, 200])
def test_ingebouwde_draaiboeken_als_met_rich(draaiboeken, breedte):
    for d in draaiboeken:
        for groep in (None, 3, 12, 20):
            try:
                verwacht = met_rich(d, groep, breedte=breedte)
            except Exception as fout:  # a group outside the draaiboek: the same refusal
                with pytest.raises(type(fout)):
                    render_draaiboek(d, groep, breedte=breedte)
                continue
            assert render_draaiboek(d, groep, breedte=breedte) == verwacht, (d.id, groep, breedte)


@settings(max_examples=100, deadline=None)
@given(index=st.integers(0, 20), breedte=st.integers(20, 180), titel=TEKST, werkvorm=TEKST,
       stappen=st.lists(TEKST, max_size=4), bron=TEKST)
def test_willekeurige_teksten_als_met_rich(draaiboeken, index, breedte, titel, werkvorm, stappen, bron):
    d = draaiboeken[index % len(draaiboeken)]
    eerste = dataclasses.replace(d.onderdelen[0], titel=titel or "x", werkvorm=werkvorm,
                                 stappen=tuple(Stap("instructie", t) for t in stappen))
    d = dataclasses.replace(d, bron=bron, onderdelen=(eerste, *d.onderdelen[1:]))
    assert render_draaiboek(d, breedte=breedte) == met_rich(d, breedte=breedte)


def test_met_kleur_dezelfde_letters(draaiboeken):
    for d in draaiboeken:
        gekleurd = render_draaiboek(d, kleur=True, breedte=100)
        assert "\x1b[1mNaam:\x1b[0m" in gekleurd
        assert ANSI.sub("", gekleurd) == render_draaiboek(d, breedte=100)
