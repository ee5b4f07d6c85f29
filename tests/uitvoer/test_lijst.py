"""`planner lijst` drawn by rich: names stay whole (they are typed), the title gives way first."""

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


def _blokken(tekst: str, namen: set[str]) -> dict[str, str]:
    """Each name's lines: its row and the wrapped lines under it, up to the next name or blank line."""
    blokken: dict[str, list[str]] = {}
    huidig = None
    for regel in tekst.splitlines():
        if not regel.strip():
            huidig = None
        elif regel[:1].strip() and regel.split()[0] in namen:
            huidig = regel.split()[0]
            blokken.setdefault(huidig, [regel])
        elif huidig is not None and not regel[:1].strip():
            blokken[huidig].append(regel)
    return {naam: "\n".join(regels) for naam, regels in blokken.items()}


@pytest.mark.parametrize("breedte", [40, 60, 79, 80, 90, 100, 120])
def test_een_smalle_terminal_laat_eerst_de_titel_wijken(breedte):
    """The title gives way first, then groups and durations wrap between their parts; names stay
    whole, and from 80 columns on no line is wider than the terminal (a narrower one gets lines that
    wrap, as `ls -l` does, never columns cut off)."""
    from rich.cells import cell_len

    draaiboeken = _ingebouwd()
    tekst = render_lijst(draaiboeken, set(), breedte=breedte)
    blokken = _blokken(tekst, {d.id for d in draaiboeken})
    assert set(blokken) == {d.id for d in draaiboeken}  # every name whole, at the start of its row
    if breedte >= 80:
        assert max(cell_len(r) for r in tekst.splitlines() if not r.startswith(("Plan er", "Eigen"))) <= breedte
    for d in draaiboeken:
        blok = blokken[d.id]
        # Each variant's group whole on one line: "intervisie: 2-12", never "intervisie:" / "2-12".
        for v in d.varianten:
            assert any(f"{v.id}: {v.groep_min}-{v.groep_max}" in regel for regel in blok.splitlines()), blok
        if not d.varianten:
            assert f"{d.groep_min}-{d.groep_max}" in blok
        assert "ingebouwd" in blok.splitlines()[0]
        # The title starts on the row itself (it wraps or folds below, never cut off with "…").
        assert d.titel.split()[0][:12] in blok.splitlines()[0] and "…" not in blok


def test_met_genoeg_ruimte_blijven_groep_en_duur_heel():
    draaiboeken = _ingebouwd()
    tekst = render_lijst(draaiboeken, set(), breedte=140)
    rijen = _rijen(tekst, {d.id for d in draaiboeken})
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
