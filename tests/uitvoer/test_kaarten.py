"""Question cards: which cards follow from the plan, counted in the HTML and in the printed PDF."""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.bibliotheek import laden, valideren
from planner.kern.model import Plan
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from planner.uitvoer import render
from planner.uitvoer.handout import titel_voor_deelnemers
from planner.uitvoer.kaarten import PER_KAART, kaarten
from tests.uitvoer.test_handouts import GEEN_CHROMIUM, _paginas, _zonder_zacht

START = datetime(2026, 12, 1, 13, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _plan(naam: str, groep: int, tijd: int | None = None) -> Plan:
    return maak_plan(laden.vind(naam), Vraag(groep=groep, tijd_min=tijd, start=START))


def _met_vragen(plan: Plan):
    """The parts with a card: questions, or a task of the subgroups' own (kaart = "groepje")."""
    return [o for s in plan.sessies for o in s.onderdelen
            if any(st.soort == "vraag" and not st.tekst.startswith("[") for st in o.stappen) or _taak(o)]


def _taak(o) -> list:
    return [st for st in o.stappen if st.kaart == "groepje"] if o.groepjes else []


def _op_de_kaart(plan: Plan, o) -> tuple[list[str], list[str]]:
    """What the cards of `o` carry, in order: (items, their sub-items). A subgroup's own task and the
    questions an earlier part hands it to practise; else the part's questions."""
    if _taak(o):
        eerder = [x for s in plan.sessies for x in s.onderdelen]
        eerder = eerder[:eerder.index(o)]
        stappen = _taak(o) + [st for x in eerder for st in x.stappen if st.kaart == "oefenen"]
    else:
        stappen = [v for v in o.stappen if v.soort == "vraag" and not v.tekst.startswith("[")]
    return [v.tekst for v in stappen], [t for v in stappen for t in v.sub if not t.startswith("[")]


@pytest.mark.parametrize("naam, groep, tijd", [("kennismaking", 20, None), ("kennismaking", 30, None),
                                               ("kennismaking", 13, None), ("kickoff", 20, 240),
                                               ("kickoff", 30, 120), ("training", 16, 180),
                                               ("intervisie", 6, None), ("intervisie", 1, None),
                                               ("ontmoeting", 8, None), ("ambitiegesprek", 4, 120)])
def test_een_kaart_per_groepje_en_per_vragenset(naam: str, groep: int, tijd: int | None) -> None:
    plan = _plan(naam, groep, tijd)
    lijst = kaarten(plan)
    for o in _met_vragen(plan):
        # Cards lie on the participants' tables: the title without the template's note in brackets.
        eigen = [k for k in lijst if k.onderdeel == titel_voor_deelnemers(o)
                 and k.tijd == f"{o.start:%H:%M}–{o.eind:%H:%M}"]
        delen = len({k.deel for k in eigen})
        if o.groepjes:
            # Every groepje the plan computed has its own card(s), saying its size.
            assert len(eigen) == len(o.groepjes) * delen
            assert sorted({k.groep for k in eigen}) == sorted(
                f"Groepje {i} van {len(o.groepjes)} · {n} personen" for i, n in enumerate(o.groepjes, 1))
        else:
            assert len(eigen) == delen and all(k.groep == "" for k in eigen)
        # Every question of the onderdeel is on its card(s), in order, none twice.
        vragen, subs = _op_de_kaart(plan, o)
        per_groep = [v.tekst for k in eigen if k.groep == eigen[0].groep and k.deel != "overzicht" for v in k.vragen]
        assert per_groep == vragen
        # Sub-questions stay with their question, the source's bracketed notes to the facilitator do not.
        assert [t for k in eigen if k.groep == eigen[0].groep and k.deel != "overzicht"
                for v in k.vragen for t in v.sub] == subs
        for overzicht in (k for k in eigen if k.deel == "overzicht"):
            # The set in short on one card: each question's first sentence, in order.
            assert len(overzicht.vragen) == len(vragen)
            assert all(v.startswith(kort.tekst) for kort, v in zip(overzicht.vragen, vragen, strict=True))
    assert {k.onderdeel for k in lijst} == {titel_voor_deelnemers(o) for o in _met_vragen(plan)}
    tekst = _zonder_zacht(render("kaarten", plan))
    assert tekst.count('<div class="kaart">') == len(lijst)
    assert tekst.count('<div class="vel">') == math.ceil(len(lijst) / 4)
    assert "[Verzin" not in tekst  # the source's note to the facilitator is no question for the table


def test_kernvragen_en_vragensets_op_kaarten() -> None:
    kernvragen = kaarten(_plan("intervisie", 6))
    bevragen = [k for k in kernvragen if k.onderdeel.startswith("Bevragen")]
    assert [v.tekst[:2] for k in bevragen if k.deel != "overzicht" for v in k.vragen] == ["1.", "2.", "3.", "4.", "5."]
    # And one card with the five core questions together.
    [overzicht] = [k for k in bevragen if k.deel == "overzicht"]
    assert [v.tekst[:2] for v in overzicht.vragen] == ["1.", "2.", "3.", "4.", "5."]
    assert overzicht.vragen[0].tekst == "1. Is er een probleem in de interactie?"
    assert all(not v.sub for v in overzicht.vragen)  # the set in short: the questions, not their elaboration
    ontmoeting = {k.onderdeel for k in kaarten(_plan("ontmoeting", 8))}
    assert {"Inleidende vragen", "Het gesprek: kernvragen", "Afrondende vragen en bedanken"} <= ontmoeting


def test_geen_vragen_geeft_een_pagina_die_dat_zegt(tmp_path: Path) -> None:
    pad = tmp_path / "stil.toml"
    pad.write_text('titel = "T"\nbron = "b"\n[[onderdelen]]\nid = "a"\ntitel = "A"\nsoort = "werkvorm"\n'
                   'minuten = 30\nstappen = ["Doe iets."]\n', encoding="utf-8")
    plan = maak_plan(laden.vind(str(pad)), Vraag(groep=5, start=START))
    assert kaarten(plan) == []
    assert "geen vragen" in render("kaarten", plan)


_zin = st.text(alphabet="abcdefghij ", min_size=1, max_size=300).map(lambda t: (t.strip() or "x") + "?")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 30), st.integers(2, 5), st.lists(_zin, min_size=1, max_size=8))
def test_kaarten_volgen_uit_de_groepjes_van_elk_draaiboek(groep: int, kleinste: int, vragen: list[str]) -> None:
    # Any draaiboek, no names known to the code: subgroups give a card per groepje.
    onderdeel = {"id": "g", "titel": "Groepswerk", "soort": "werkvorm", "minuten": 30,
                 "groepjes": [kleinste, kleinste + 2], "stappen": [{"vraag": v} for v in vragen]}
    draaiboek, problemen = valideren.lees_draaiboek({"titel": "T", "bron": "b", "onderdelen": [onderdeel]}, "t.toml")
    assert draaiboek is not None, problemen
    plan = maak_plan(draaiboek, Vraag(groep=groep, start=START))
    [o] = plan.sessies[0].onderdelen
    lijst = kaarten(plan)
    delen = len({k.deel for k in lijst})
    assert len(lijst) == max(1, len(o.groepjes)) * delen
    for kaart in lijst:
        # A card holds what fits in large type; a single long question still gets a card of its own.
        assert len(kaart.vragen) == 1 or sum(len(v.tekst) + 40 for v in kaart.vragen) <= PER_KAART


@GEEN_CHROMIUM
@pytest.mark.parametrize("naam, groep", [("kennismaking", 20), ("kennismaking", 27), ("intervisie", 6)])
def test_kaarten_afgedrukt(tmp_path: Path, naam: str, groep: int) -> None:
    plan = _plan(naam, groep)
    lijst = kaarten(plan)
    paginas, _ = _paginas(render("kaarten", plan), tmp_path)
    assert len(paginas) == math.ceil(len(lijst) / 4)  # four A6 cards on an A4 sheet
    alles = " ".join(paginas)
    for o in _met_vragen(plan):
        for i in range(1, len(o.groepjes) + 1):
            assert f"Groepje {i} van {len(o.groepjes)}" in alles
    assert len(re.findall(r"Groepje \d+ van \d+", alles)) == sum(1 for k in lijst if k.groep)


@pytest.mark.parametrize("naam, groep", [("kennismaking", 20), ("intervisie", 6), ("ontmoeting", 8), ("kickoff", 20)])
def test_grote_letters(naam: str, groep: int) -> None:
    plan = _plan(naam, groep)
    html = render("kaarten", plan)
    maten = {m: float(pt) for m, pt in re.findall(r"\.(maat-\d) \{ font-size: (\d+)pt", html)}
    gebruikt = re.findall(r'<ul class="vragen (maat-\d)">', html)
    assert len(gebruikt) == len(kaarten(plan))
    for kaart, maat in zip(kaarten(plan), gebruikt, strict=True):
        # Readable across a table: 13pt or more, unless one question is too long to cut.
        assert maten[maat] >= 13 or len(kaart.vragen) == 1


# ------------------------------------------------------------------ issue 19.9: what groups do


def test_oefenen_in_subgroepen_heeft_een_kaart_per_groepje_met_taak_vragen_en_rondes() -> None:
    plan = _plan("training", 16, 180)
    (oefenen,) = [o for s in plan.sessies for o in s.onderdelen if o.id == "oefenen"]
    lijst = [k for k in kaarten(plan) if k.onderdeel == "Oefenen in subgroepen"]
    assert {k.groep for k in lijst} == {f"Groepje {i} van {len(oefenen.groepjes)} · {n} personen"
                                        for i, n in enumerate(oefenen.groepjes, 1)}
    for groep in {k.groep for k in lijst}:
        eigen = [k for k in lijst if k.groep == groep]
        teksten = [v.tekst for k in eigen for v in k.vragen]
        # the groepje's own task from the source, not the facilitator's "Groep verdelen…"
        assert any(t.startswith("Neem 10m voor het gesprek") for t in teksten)
        assert not any(t.startswith("Groep verdelen") for t in teksten)
        # the questions to practise, from the minicollege
        assert [t.split(":")[0] for t in teksten if t.split(":")[0] in ("Verleden", "Heden", "Toekomst")] == [
            "Verleden", "Heden", "Toekomst"]
        extra = " ".join(r for k in eigen for r in k.extra)
        grootte = int(groep.split("· ")[1].split()[0])
        # rounds of 10 + 5 minutes with the plan's clock times, from the part's start
        assert f"{oefenen.start:%H:%M}–{oefenen.start + timedelta(minutes=15):%H:%M}" in extra
        assert "10 + 5 min per gesprek" in extra
        assert ("niet ieder" in extra) == (grootte * 15 > oefenen.duur_min)
        assert all(k.wanneer == "dinsdag 1 december 2026" for k in eigen)


def test_subgroepkaart_heeft_de_opdracht_niet_de_plenaire_vraag() -> None:
    plan = _plan("kickoff", 20, 240)
    lijst = [k for k in kaarten(plan) if k.groep and k.onderdeel.startswith("Elkaar kennen")]
    assert lijst
    for kaart in lijst:
        teksten = " ".join(v.tekst for v in kaart.vragen)
        assert "Ga in groepjes van 5-10 mensen zitten" in teksten
        assert "Vraag aan deelnemers" not in teksten and "Plenaire terugkoppeling" not in teksten


def test_elke_kaart_noemt_sessie_en_datum() -> None:
    plan = _plan("kickoff", 20, 120)
    assert len(plan.sessies) > 1
    html = _zonder_zacht(render("kaarten", plan))
    for sessie in plan.sessies:
        dag = f"{sessie.start.day} december 2026"
        wanneer = [k.wanneer for k in kaarten(plan) if dag in k.wanneer]
        assert wanneer and all(w.startswith(f"Sessie {sessie.nummer} · ") for w in wanneer)
        assert f"Sessie {sessie.nummer} · " in html


def test_kaart_sleutel_in_een_draaiboek_wordt_gecontroleerd() -> None:
    data = {"titel": "T", "bron": "b", "onderdelen": [
        {"id": "a", "titel": "A", "soort": "werkvorm", "minuten": 30, "groepjes": [3, 4],
         "stappen": [{"instructie": "Praat met elkaar.", "kaart": "groepje"},
                     {"vraag": "Wat?", "kaart": "tafel"}]}]}
    draaiboek, problemen = valideren.lees_draaiboek(data, "eigen.toml")
    assert [p.veld for p in problemen] == ["stappen"] and "kaart = 'tafel'" in problemen[0].melding


# Measured in the browser: for every card, does its footer (when and where) lie inside the card?
_METEN = """<script>
const buiten = [...document.querySelectorAll('.kaart')].filter(k => {
  const w = (k.querySelector(".voet .wanneer") || k.querySelector(".voet")).getBoundingClientRect();
  const r = k.getBoundingClientRect();
  return w.bottom > r.bottom + 1 || w.height === 0;
}).length;
document.body.setAttribute('data-buiten', String(buiten));
document.body.setAttribute('data-kaarten', String(document.querySelectorAll('.kaart').length));
</script></body>"""


@GEEN_CHROMIUM
def test_lange_titels_duwen_de_voet_niet_van_de_kaart(tmp_path: Path) -> None:
    """An own draaiboek with very long titles: every card still shows its session, date and time."""
    import dataclasses
    import subprocess

    from tests.uitvoer.test_handouts import _chromium

    lang = ("Een heel erg lange titel voor een eigen bijeenkomst over samenwerking tussen gemeente, welzijn, "
            "zorg, onderwijs en cultuur in de regio Noordoost-Brabant en omstreken")
    plan = _plan("training", 16, 180)
    sessies = tuple(dataclasses.replace(s, onderdelen=tuple(dataclasses.replace(o, titel=lang) for o in s.onderdelen))
                    for s in plan.sessies)
    plan = dataclasses.replace(plan, draaiboek=dataclasses.replace(plan.draaiboek, titel=lang), sessies=sessies)
    pad = tmp_path / "kaarten.html"
    pad.write_text(render("kaarten", plan).replace("</body>", _METEN), encoding="utf-8")
    browser = _chromium()
    assert browser is not None
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={tmp_path / 'profiel'}", "--dump-dom", pad.resolve().as_uri()],
                         check=True, capture_output=True, text=True, timeout=120).stdout
    gemeten = re.search(r'data-buiten="(\d+)" data-kaarten="(\d+)"', dom)
    assert gemeten is not None
    assert int(gemeten.group(2)) == len(kaarten(plan)) > 0
    assert gemeten.group(1) == "0"
