"""`planner lijst` drawn by rich: names stay whole (they are typed), only the title gives way."""

from __future__ import annotations

import pytest

from planner.bibliotheek import laden, vinden
from planner.uitvoer.lijst import render_lijst


def _ingebouwd():
    return [laden.vind(b.id) for b in vinden.alle_bronnen() if b.herkomst == "ingebouwd"]


def _rijen(tekst: str, namen: set[str]) -> dict[str, str]:
    """Each name's row: the first line that starts with it (a wrapped title may hold a name too)."""
    rijen: dict[str, str] = {}
    for regel in tekst.splitlines():
        if regel[:1].strip() and regel.split()[0] in namen:
            rijen.setdefault(regel.split()[0], regel)
    return rijen


def test_zonder_terminal_staat_elke_titel_heel_op_een_regel():
    draaiboeken = _ingebouwd()
    rijen = _rijen(render_lijst(draaiboeken, set()), {d.id for d in draaiboeken})
    assert set(rijen) == {d.id for d in draaiboeken}
    for d in draaiboeken:
        assert d.titel in rijen[d.id]
        assert "…" not in rijen[d.id]


@pytest.mark.parametrize("breedte", [40, 60, 80, 100])
def test_een_smalle_terminal_kort_alleen_de_titel(breedte):
    draaiboeken = _ingebouwd()
    tekst = render_lijst(draaiboeken, set(), breedte=breedte)
    rijen = _rijen(tekst, {d.id for d in draaiboeken})
    assert set(rijen) == {d.id for d in draaiboeken}  # every name whole, at the start of its row
    for d in draaiboeken:
        groep = (" / ".join(f"{v.id}: {v.groep_min}-{v.groep_max}" for v in d.varianten)
                 or f"{d.groep_min}-{d.groep_max}")
        assert groep in rijen[d.id] and "ingebouwd" in rijen[d.id]


def test_programmas_in_een_eigen_tabel_met_kapotte_als_laatste():
    programmas = [{"id": "stuk", "herkomst": "eigen", "kapot": True, "problemen": ["regel 3: onbekend veld"]},
                  {"id": "studiedag", "titel": "Studiedag", "herkomst": "eigen", "kapot": False, "bijeenkomsten": 2}]
    tekst = render_lijst(_ingebouwd(), set(), programmas=programmas)
    deel = tekst[tekst.index("Programma's"):]
    assert deel.index("studiedag") < deel.index("stuk")
    assert "2 bijeenkomsten" in deel and "kapot: regel 3: onbekend veld" in deel
