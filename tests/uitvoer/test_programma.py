"""A programme on screen (planner/uitvoer/programma.py, render_tabel) as a facilitator reads it: every block
and part with its time, parsed back from what rich drew, at several widths; never compared with rich's bytes."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from planner.bibliotheek.programma import laad_programma, zoek_programma
from planner.kern.programma import nodig
from planner.kern.tijd import toon_duur
from planner.kern.traject import maak_programmaplan
from planner.kern.vraag import Vraag
from planner.uitvoer.handout import merk, tijdvak
from planner.uitvoer.programma import alle_waarschuwingen, render_tabel
from tests.bibliotheek.test_programma import DAG, TRAJECT
from tests.conftest import start

ANSI = re.compile(r"\x1b\[[0-9;]*m")
BREEDTES = (40, 50, 80, 120, None)

# A day of every kind of block, with titles (of the programme, an own agenda item) longer than a
# narrow terminal and a list of things to bring that is too.
LANG = """[programma]
titel = "Een lange studiedag voor de samenwerkingsverbanden in de regio Noord-Oost"

[[blokken]]
draaiboek = "kennismaking"

[[blokken]]
agendapunt = "Mededelingen van de stuurgroep over de samenwerkingsverbanden in de regio"
minuten = 20

[[blokken]]
pauze = "Koffie"
minuten = 15

[[blokken]]
draaiboek = "intervisie"

[[blokken]]
draaiboek = "gespreksfases"
"""

# (programme, group, --tijd in minutes or None, start)
GEVALLEN = [("training-met-herhaling", 16, None, "2027-12-01T09:00"),
            ("studiedag", 14, None, "2026-12-01T09:30"),
            ("noord", 20, 150, "2026-12-01T13:30"),  # the kickoff and the training over two days each
            ("lang", 12, None, "2026-12-01T09:00")]


@pytest.fixture(scope="module")
def plannen(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("programmas")
    bestanden = {"studiedag": DAG, "noord": TRAJECT, "lang": LANG}
    for naam, tekst in bestanden.items():
        (map_ / f"{naam}.toml").write_text(tekst, encoding="utf-8")
    uit = []
    for naam, groep, tijd, begin in GEVALLEN:
        gevonden = zoek_programma(naam) if naam not in bestanden else (map_ / f"{naam}.toml", "eigen")
        assert gevonden is not None
        programma = laad_programma(*gevonden)
        uit.append(maak_programmaplan(programma, Vraag(groep=groep, tijd_min=tijd, start=start(begin))))
    return uit


def dagtabellen(tekst: str) -> list[list[tuple[str, str, str, str]]]:
    """Each day's table as its rows: ("blok" or "deel", time, duration, title). A row starts where its
    time is; a title's wrapped lines are joined by a space; a part is told from a block by its indent."""
    tabellen: list[list[tuple[str, str, str, str]]] = []
    rijen: list[list[str]] = []
    for regel in tekst.splitlines():
        if regel.startswith("┡"):
            rijen = []
        elif regel.startswith("└"):
            tabellen.append([(soort, tijd, duur, " ".join(titel.split())) for soort, tijd, duur, titel in rijen])
        elif regel.startswith("│"):
            tijd, duur, titel = regel[1:-1].split("│")
            if tijd.strip():
                # one space of cell padding; a part is indented two more
                soort = "deel" if titel.startswith("   ") else "blok"
                rijen.append([soort, tijd.strip(), duur.strip(), titel])
            else:
                rijen[-1][3] += " " + titel
    return tabellen


def verwacht(pp) -> list[list[tuple[str, str, str, str]]]:
    """What the facilitator needs, per day, straight from the plan."""
    dagen = []
    for bij in pp.bijeenkomsten:
        for dag in bij.dagen:
            rijen = []
            for b in dag.blokken:
                rijen.append(("blok", tijdvak(b), toon_duur(b.duur_min), b.blok.titel))
                if b.plan is not None:
                    rijen += [("deel", tijdvak(o), f"{o.duur_min}{merk(o)}", o.titel)
                              for s in b.plan.sessies for o in s.onderdelen]
            dagen.append(rijen)
    return dagen


def _woorden(tekst: str) -> str:
    # A word wider than its column (a long word on a 40-column terminal) is folded, not lost: compare
    # the letters, not where the lines broke.
    return "".join(tekst.split())


@pytest.mark.parametrize("breedte", BREEDTES)
def test_elk_blok_en_onderdeel_met_zijn_tijd_en_duur_op_volgorde(plannen, breedte):
    for pp in plannen:
        tekst = render_tabel(pp, breedte=breedte)
        gezien = dagtabellen(tekst)
        dagen = verwacht(pp)
        assert len(gezien) == len(dagen)
        for rijen, moet in zip(gezien, dagen, strict=True):
            assert [r[:3] for r in rijen] == [m[:3] for m in moet]
            for (soort, _, _, titel), (_, _, _, moet_titel) in zip(rijen, moet, strict=True):
                # a block's title may carry its variant or "(herhaling, geschatte duur)" after it
                assert _woorden(titel).startswith(_woorden(moet_titel)) if soort == "blok" else (
                    _woorden(titel) == _woorden(moet_titel))
        for r in tekst.splitlines():
            assert cell_len(r) <= (breedte or 100) and r == r.rstrip()


def test_koppen_per_bijeenkomst_en_dag_en_de_legenda(plannen):
    noord = plannen[2]
    regels = render_tabel(noord, breedte=120).splitlines()
    assert regels[0] == "Samenwerking Noord · 20 deelnemers"
    for kop in ("Bijeenkomst 1: Kickoff", "Bijeenkomst 2: Training, 2 weken na de vorige"):
        assert kop in regels
    dagkoppen = [r for r in regels if re.match(r"dag \d van \d: \w+dag \d+ \w+ \d{4}, \d\d:\d\d–\d\d:\d\d \(", r)]
    assert [k[:11] for k in dagkoppen] == ["dag 1 van 2", "dag 2 van 2"] * 2
    # The legend explains the marks that occur, as under a single plan's table, and no others.
    tekens = {teken for bij in noord.bijeenkomsten for dag in bij.dagen for b in dag.blokken if b.plan
              for s in b.plan.sessies for o in s.onderdelen for teken in merk(o)}
    legenda = " ".join(render_tabel(noord, breedte=120).rstrip().split("\n\n")[-1].split())  # the last paragraph
    for teken in "+↓↑":
        assert (f"{teken} " in legenda) == (teken in tekens), (teken, legenda)
    # '*' also marks an estimated turn ('± 5 min per persoon *'), shown in the handouts, not here.
    assert "*" not in tekens or "* " in legenda


def test_een_smalle_terminal_breekt_titels_tussen_woorden_en_kapt_niets_af(plannen):
    """At 50 columns the hand-made table cut every row at the terminal's edge ('Welkom heten en ope')."""
    pp = plannen[0]
    tekst = render_tabel(pp, breedte=50)
    (training, _herhaling) = dagtabellen(tekst)
    titels = [o.titel for b in pp.bijeenkomsten[0].dagen[0].blokken for s in b.plan.sessies for o in s.onderdelen]
    # Every word of these titles fits the column, so each reads back exactly, breaks only between words.
    assert [titel for soort, _, _, titel in training if soort == "deel"] == titels
    assert all(cell_len(r) <= 50 for r in tekst.splitlines())
    assert len(tekst.splitlines()) > len(render_tabel(pp, breedte=120).splitlines())  # it did wrap


def _alinea(tekst: str, kop: str) -> list[str]:
    """The lines from `kop` up to the next blank line."""
    regels = tekst.splitlines()
    begin = next(i for i, r in enumerate(regels) if r.startswith(kop))
    eind = next((i for i in range(begin, len(regels)) if not regels[i].strip()), len(regels))
    return regels[begin:eind]


@pytest.mark.parametrize("breedte", [40, 50, 80])
def test_advies_en_benodigdheden_breken_af_op_de_breedte(plannen, breedte):
    for pp in plannen:
        tekst = render_tabel(pp, breedte=breedte)
        regels = _alinea(tekst, "Advies van de planner:")[1:]
        assert all(cell_len(r) <= breedte for r in regels)
        zinnen: list[str] = []
        for r in regels:
            if r.startswith("• "):
                zinnen.append(r[2:])
            else:
                assert r.startswith("  ")  # a wrapped sentence hangs under its first word
                zinnen[-1] += " " + r.strip()
        assert zinnen == [" ".join(m.split()) for m in alle_waarschuwingen(pp)]
        nodig_regels = _alinea(tekst, "Nodig voor het hele")
        assert all(cell_len(r) <= breedte for r in nodig_regels)
        assert " ".join(nodig_regels) == "Nodig voor het hele programma: " + ", ".join(map(str, nodig(pp.plannen)))
    # the long sentences of the training did wrap
    assert len(_alinea(render_tabel(plannen[0], breedte=breedte), "Advies")) > 1 + len(alle_waarschuwingen(plannen[0]))


def test_zonder_kleur_geen_escape_en_met_kleur_dezelfde_tekst(plannen):
    for pp in plannen:
        for breedte in (50, 100):
            kaal = render_tabel(pp, kleur=False, breedte=breedte)
            gekleurd = render_tabel(pp, kleur=True, breedte=breedte)
            assert "\x1b" not in kaal
            assert "\x1b[" in gekleurd
            assert ANSI.sub("", gekleurd) == kaal
