"""`planner terugblik` over more logs, drawn by rich: a narrow terminal keeps whole headings, whole
numbers and a readable Onderdeel column (issue 18.2)."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from planner.kern.praktijk import verzamel
from planner.live.praktijk import metingen, render_praktijk, sessie_tekst
from planner.live.terugblik import lees_log
from tests.cli.test_terugblik_praktijk import _logs

KOPPEN = ("Onderdeel", "Gepland", "Mediaan", "Spreiding", "Langer", "Gedaan")


def _render(tmp_path: Path, breedte: int | None) -> tuple[str, list]:
    gelezen = [lees_log(Path(pad)) for pad in _logs(tmp_path)]
    praktijk = verzamel([metingen(regels) for regels in gelezen])
    return render_praktijk("Terugblik over 3 sessies: Ambitiegesprek (ambitiegesprek)",
                           [sessie_tekst(r) for r in gelezen], praktijk, [], breedte=breedte), praktijk


def _tabel(tekst: str) -> tuple[dict[str, list[str]], list[str]]:
    """Per title its cells (the title joined from its lines), and the table's lines. A line with
    nothing right of the Onderdeel column continues the title above it."""
    regels = tekst.splitlines()
    begin = next(i for i, r in enumerate(regels) if r.startswith("Onderdeel"))
    eind = regels.index("", begin)
    kop = regels[begin]
    einden = [kop.index("Gepland")] + [kop.index(h) + len(h) for h in KOPPEN[1:]]
    rijen: list[list[str]] = []
    for regel in regels[begin + 1:eind]:
        cellen = [regel[:einden[0]].strip()] + [regel[a:b].strip() for a, b in pairwise(einden)]
        if any(cellen[1:]):
            rijen.append(cellen)
        else:
            rijen[-1][0] += " " + cellen[0]
    return {r[0]: r[1:] for r in rijen}, regels[begin:eind]


@pytest.mark.parametrize("breedte", [50, 60, 80, None])
def test_een_smalle_terminal_houdt_koppen_getallen_en_titels_heel(tmp_path, breedte):
    tekst, praktijk = _render(tmp_path, breedte)
    rijen, regels = _tabel(tekst)
    # Every heading whole on the heading line, never one letter per line.
    assert regels[0].split() == list(KOPPEN)
    # Every title whole, wrapped between its words, with its numbers whole on its first line.
    assert set(rijen) == {p.titel for p in praktijk}
    assert rijen["Wensen noteren en bespreken (de gele ronde)"] == ["20 min", "26 min", "22–27", "3×", "3 van 3"]
    # A readable Onderdeel column: at least 16 wide, and no line of a title broken inside a word.
    assert regels[0].index("Gepland") >= 16
    woorden = {w for p in praktijk for w in p.titel.split()}
    assert all(set(r[:regels[0].index("Gepland")].split()) <= woorden for r in regels[1:])
    # The text around the table wraps at the terminal; only the table may be wider (as `ls -l`).
    buiten = [r for r in tekst.splitlines() if r not in regels]
    assert max(len(r) for r in buiten) <= (breedte or 100)


def test_kleur_alleen_als_erom_gevraagd_wordt(tmp_path):
    gelezen = [lees_log(Path(pad)) for pad in _logs(tmp_path)]
    praktijk = verzamel([metingen(regels) for regels in gelezen])
    kleur = render_praktijk("Terugblik", [], praktijk, [], kleur=True, breedte=50)
    zonder = render_praktijk("Terugblik", [], praktijk, [], kleur=False, breedte=50)
    assert "\x1b[" in kleur and "\x1b" not in zonder
    # Colour adds codes, nothing else; no line ends in spaces.
    assert re.sub(r"\x1b\[[0-9;]*m", "", kleur) == zonder
    assert all(r == r.rstrip() for r in zonder.splitlines())


def test_in_een_pijp_staat_elke_rij_op_een_regel(tmp_path):
    """Without a terminal (breedte None) no title wraps: grep finds a part's numbers on its line."""
    tekst, praktijk = _render(tmp_path, None)
    _, regels = _tabel(tekst)
    assert len(regels) == 1 + len(praktijk)
    lang = "Contracteren: verwachtingen en contouren van het gesprek afstemmen"
    assert any(r.startswith(lang) and r.endswith("3 van 3") for r in regels)
