"""Step texts adapted to the plan (planner.kern.teksten): placeholders, conditions, the planner's parts."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.bibliotheek import laden, valideren, vinden
from planner.kern.model import Stap
from planner.kern.planning import maak_plan
from planner.kern.teksten import PLAATSHOUDERS, fout_in, pas_teksten_aan
from planner.kern.tijd import toon_datum
from planner.kern.vraag import Vraag
from planner.uitvoer import render
from tests.conftest import start

# A placeholder the planner knows, as it would look if it were left unfilled.
PLAATSHOUDER = re.compile(r"\{(" + "|".join(PLAATSHOUDERS) + r")\}")


def _plan(naam: str, groep: int, tijd: int | None, **kw):
    return maak_plan(laden.vind(naam), Vraag(groep=groep, tijd_min=tijd, start=start("2026-12-01T13:30"), **kw))


def _onderdeel(sessie, id_: str):
    return next(o for o in sessie.onderdelen if o.id == id_)


def _teksten(onderdeel) -> list[str]:
    return [t for s in onderdeel.stappen for t in (s.tekst, *s.sub)]


def _vind(onderdeel, begin: str) -> list[str]:
    return [t for t in _teksten(onderdeel) if t.startswith(begin)]


# --------------------------------------------------------------------------- the split kickoff


@pytest.fixture(scope="module")
def gesplitst():
    plan = _plan("kickoff", 20, 120)
    assert len(plan.sessies) >= 2
    return plan


def test_duurt_tot_is_het_einde_van_de_sessie(gesplitst):
    eerste = gesplitst.sessies[0]
    welkom = _onderdeel(eerste, "welkom")
    assert _vind(welkom, "Duurt tot") == [f"Duurt tot {eerste.eind:%H:%M} uur"]


def test_geen_korte_pauze_aangekondigd_zonder_pauze(gesplitst):
    eerste = gesplitst.sessies[0]
    assert not any(o.soort == "pauze" for o in eerste.onderdelen)
    welkom = _onderdeel(eerste, "welkom")
    assert "Tussendoor korte pauze" not in _teksten(welkom)
    # One set of announcements, not both of the template's alternatives.
    assert [s.tekst for s in welkom.stappen].count("Huishoudelijke mededelingen") == 1


def test_koffiezin_vervalt_als_de_pauze_vervalt(gesplitst, ruim):
    for plan in (gesplitst, ruim):
        _koffiezin_vervalt(plan)


def _koffiezin_vervalt(gesplitst):
    assert "pauze" in gesplitst.vervallen
    waartoe = next(o for s in gesplitst.sessies for o in s.onderdelen if o.id == "ons-waartoe")
    assert not _vind(waartoe, "Na de koffie/thee")
    assert _vind(waartoe, "Braindump")  # the rest of the onderdeel stays


@pytest.fixture(scope="module")
def ruim():
    """Kickoff in sessions of 3 hours: two sessions with room for the planner's own parts."""
    plan = _plan("kickoff", 20, 180)
    assert len(plan.sessies) == 2
    return plan


def test_vooruitblik_noemt_datum_tijd_en_wat_er_komt(ruim):
    for sessie, volgende in zip(ruim.sessies, ruim.sessies[1:], strict=False):
        vooruitblik = sessie.onderdelen[-1]
        assert vooruitblik.id == f"vooruitblik-{sessie.nummer}"
        tekst = " ".join(_teksten(vooruitblik))
        assert toon_datum(volgende.start) in tekst and f"{volgende.start:%H:%M}" in tekst
        for o in volgende.onderdelen:
            if not o.toegevoegd and o.soort != "pauze":
                assert o.titel in tekst


def test_welkom_terug_blikt_terug_op_de_vorige_sessie(ruim):
    for vorige, sessie in zip(ruim.sessies, ruim.sessies[1:], strict=False):
        welkom = sessie.onderdelen[0]
        assert welkom.id == f"welkom-terug-{sessie.nummer}"
        tekst = " ".join(_teksten(welkom))
        assert toon_datum(vorige.start) in tekst
        assert f"sessie {sessie.nummer} van {len(ruim.sessies)}" in tekst
        assert all(o.titel in tekst for o in vorige.onderdelen if not o.toegevoegd)


def test_planner_delen_in_markdown_en_json(ruim):
    markdown = render("markdown", ruim)
    assert "De volgende sessie is op " + toon_datum(ruim.sessies[1].start) in markdown
    data = json.loads(render("json", ruim))
    vooruitblik = data["sessies"][0]["onderdelen"][-1]
    assert vooruitblik["toegevoegd"] is True
    assert [s["soort"] for s in vooruitblik["stappen"]] == ["instructie"] * len(vooruitblik["stappen"])
    assert toon_datum(ruim.sessies[1].start) in vooruitblik["stappen"][0]["tekst"]


# -------------------------------------------------------------------------- one session


def test_een_sessie_met_pauze_houdt_de_bron():
    plan = _plan("kickoff", 20, 240)
    assert len(plan.sessies) == 1
    sessie = plan.sessies[0]
    welkom = _onderdeel(sessie, "welkom")
    assert _vind(welkom, "Duurt tot") == [f"Duurt tot {sessie.eind:%H:%M} uur"] == ["Duurt tot 17:30 uur"]
    assert "Tussendoor korte pauze" in _teksten(welkom)
    waartoe = _onderdeel(sessie, "ons-waartoe")
    assert _vind(waartoe, "Na de koffie/thee kijken we")
    # No planner's parts in a plan of one session, and no condition survives into the plan.
    assert not any(o.toegevoegd for o in sessie.onderdelen)
    assert all(s.als == "" for o in sessie.onderdelen for s in o.stappen)


def test_training_zonder_splitsen_kondigt_de_pauze_aan():
    plan = _plan("training", 12, None)
    welkom = _onderdeel(plan.sessies[0], "welkom")
    assert "Tussendoor korte pauze" in _teksten(welkom)
    assert _vind(welkom, "Duurt tot") == [f"Duurt tot {plan.sessies[0].eind:%H:%M} uur"]


# ------------------------------------------------------------------ templates and validation


def _draaiboek(stappen: list, **extra):
    data = {"titel": "T", "bron": "b", "bij_tijdgebrek": "splitsen", "onderdelen": [
        {"id": "a", "titel": "A", "soort": "werkvorm", "minuten": 30, "stappen": stappen},
        {"id": "b", "titel": "B", "soort": "werkvorm", "minuten": 30},
    ], **extra}
    return valideren.lees_draaiboek(data, "eigen.toml")


def test_onbekende_plaatshouder_geweigerd():
    draaiboek, problemen = _draaiboek(["Klaar om {eindtijd} uur"])
    assert draaiboek is None
    assert len(problemen) == 1
    probleem = problemen[0]
    assert (probleem.bestand, probleem.onderdeel, probleem.veld) == ("eigen.toml", "a", "stappen")
    assert "{eindtijd}" in probleem.melding and "{eind}" in probleem.melding and "{{" in probleem.melding
    assert "eigen.toml" in str(probleem) and "'a'" in str(probleem)


@pytest.mark.parametrize("stap", [
    {"vraag": "Wat {x}?"},
    {"instructie": "Punten:", "sub": ["tot {eind:%H} uur"]},
    "een losse { accolade",
    "een losse } accolade",
])
def test_ook_in_vragen_en_sub_en_losse_accolades(stap):
    draaiboek, problemen = _draaiboek([stap])
    assert draaiboek is None and [p.veld for p in problemen] == ["stappen"]


def test_oude_vorm_en_splitsen_teksten_worden_ook_gecontroleerd():
    data = {"titel": "T", "bron": "b", "onderdelen": [
        {"id": "a", "titel": "A", "soort": "werkvorm", "minuten": 30, "instructies": ["Tot {einde}"],
         "vragen": ["Goed?"]}],
        "splitsen": {"vooruitblik_stappen": ["Tot {volgende_dag}"]}}
    _, problemen = valideren.lees_draaiboek(data, "oud.toml")
    assert sorted((p.onderdeel, p.veld) for p in problemen) == [("a", "instructies"),
                                                               ("splitsen", "vooruitblik_stappen")]


def test_letterlijke_accolade_blijft_mogelijk():
    draaiboek, problemen = _draaiboek(["Schrijf {{naam}} op het bord; einde {eind}"])
    assert problemen == []
    plan = maak_plan(draaiboek, Vraag(groep=5, tijd_min=60, start=start("2026-12-01T09:00")))
    assert plan.sessies[0].onderdelen[0].stappen[0].tekst == "Schrijf {naam} op het bord; einde 10:00"


def test_eigen_teksten_voor_welkom_terug_en_vooruitblik_en_voorwaarden():
    draaiboek, problemen = _draaiboek(
        [{"instructie": "Alles in één keer.", "als": "een-sessie"},
         {"instructie": "Dit is deel {sessie} van {sessies}.", "als": "meer-sessies"}],
        splitsen={"welkom_terug_stappen": [{"vraag": "Wat weet je nog van {vorige_onderdelen}?"}],
                  "vooruitblik_stappen": ["Tot {volgende_datum}, {volgende_start} uur!"]})
    assert problemen == []
    kort = maak_plan(draaiboek, Vraag(groep=5, tijd_min=40, start=start("2026-12-01T09:00")))
    assert len(kort.sessies) == 2
    eerste, tweede = kort.sessies
    assert [s.tekst for s in eerste.onderdelen[0].stappen] == ["Dit is deel 1 van 2."]
    assert [s.tekst for s in eerste.onderdelen[-1].stappen] == [f"Tot {toon_datum(tweede.start)}, 09:00 uur!"]
    assert [(s.soort, s.tekst) for s in tweede.onderdelen[0].stappen] == [("vraag", "Wat weet je nog van 'A'?")]
    lang = maak_plan(draaiboek, Vraag(groep=5, tijd_min=60, start=start("2026-12-01T09:00")))
    assert [s.tekst for s in lang.sessies[0].onderdelen[0].stappen] == ["Alles in één keer."]


def test_stap_over_de_volgende_sessie_vervalt_in_de_laatste():
    draaiboek, _ = _draaiboek(["Volgende keer: {volgende_onderdelen}", "Vorige keer: {vorige_onderdelen}"])
    plan = maak_plan(draaiboek, Vraag(groep=5, tijd_min=60, start=start("2026-12-01T09:00")))
    assert plan.sessies[0].onderdelen[0].stappen == ()


def test_pas_teksten_aan_is_idempotent_op_een_gevuld_plan(gesplitst):
    assert pas_teksten_aan(gesplitst) == gesplitst


def test_fout_in():
    assert fout_in("Duurt tot {eind} uur") is None
    assert fout_in("{{letterlijk}}") is None
    assert "ken ik niet" in fout_in("{eind_tijd}")
    assert fout_in("{") is not None


def test_ingebouwde_draaiboeken_gebruiken_de_plaatshouders():
    kickoff = laden.vind("kickoff")
    welkom = kickoff.onderdelen[0]
    assert any("{eind}" in t for s in welkom.stappen for t in s.sub)
    assert {s.als for s in welkom.stappen} == {"", "pauze", "geen-pauze"}


# -------------------------------------------------------------------------------- property


NAMEN = sorted(b.id for b in vinden.alle_bronnen())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(NAMEN), st.integers(1, 30), st.one_of(st.none(), st.integers(4, 60).map(lambda k: k * 5)),
       st.sampled_from(["auto", "splitsen"]))
def test_geen_plaatshouder_overleeft_in_enige_uitvoer(naam, groep, tijd, strategie):
    draaiboek = laden.vind(naam)
    try:
        plan = maak_plan(draaiboek, Vraag(groep=groep, tijd_min=tijd, start=start(), strategie=strategie))
    except Exception as fout:  # a refused plan (too short, too big a group) has no texts to check
        from planner.kern.fouten import InvoerFout, PlanFout

        assert isinstance(fout, InvoerFout | PlanFout)
        return
    for sessie in plan.sessies:
        for o in sessie.onderdelen:
            for stap in o.stappen:
                assert isinstance(stap, Stap) and stap.als == ""
                for tekst in (stap.tekst, *stap.sub):
                    # The built-in templates have no literal braces: every brace was a placeholder.
                    assert "{" not in tekst and "}" not in tekst, tekst
    for formaat in ("markdown", "html", "json", "ics", "csv", "tabel"):
        uitvoer = render(formaat, plan)
        tekst = uitvoer.decode("utf-8") if isinstance(uitvoer, bytes) else uitvoer
        tekst = tekst.replace("\r\n ", "").replace("\\n", "\n")  # unfold calendar lines
        assert not PLAATSHOUDER.search(tekst), (formaat, PLAATSHOUDER.search(tekst))


# ------------------------------------------------------------------ issue 19.7: texts that fit


def _alle_teksten(plan) -> list[str]:
    return [t for s in plan.sessies for o in s.onderdelen for st in o.stappen for t in (st.tekst, *st.sub)]


def test_duurt_tot_noemt_het_echte_einde_met_daarna():
    from planner.kern.planning import lees_agendapunt

    overleg = lees_agendapunt("Teamoverleg=45m", "--daarna", set())
    plan = _plan("kennismaking", 9, None, daarna=(overleg,))
    assert f"Duurt tot {plan.sessies[0].eind:%H:%M} uur" in _alle_teksten(plan)
    assert "Duurt tot …" not in _alle_teksten(plan)
    # Without the meeting's own items the planner does not know the meeting's end: it stays open.
    assert "Duurt tot …" in _alle_teksten(_plan("kennismaking", 9, None))


@pytest.mark.parametrize("naam", ["training", "kickoff", "kennismaking", "ambitiegesprek"])
def test_toon_laat_geen_ruwe_invulplek_zien(naam):
    from planner.uitvoer.toon import render_draaiboek

    tekst = render_draaiboek(laden.vind(naam), kleur=False, breedte=200)
    assert not PLAATSHOUDER.search(tekst)


@settings(max_examples=40, deadline=None)
@given(st.integers(2025, 2040))
def test_het_toekomstjaar_ligt_na_de_sessie(jaar):
    plan = maak_plan(laden.vind("training"), Vraag(groep=9, start=start(f"{jaar}-06-02T13:30")))
    stap = next(st for s in plan.sessies for o in s.onderdelen for st in o.stappen
                if st.tekst.startswith("Toekomst: Stel je het jaar"))
    genoemd = int(re.search(r"het jaar (\d{4}) voor", stap.tekst).group(1))
    assert genoemd == jaar + 4 and any("aangepast" in t and t.startswith("[") for t in stap.sub)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["training", "kickoff", "kennismaking", "ambitiegesprek", "ontmoeting", "gespreksfases"]),
       st.integers(1, 30), st.integers(60, 300))
def test_geen_plan_laat_een_invulplek_of_dubbel_label_staan(naam, groep, tijd):
    from planner.kern.fouten import PlanFout

    try:
        plan = _plan(naam, groep, tijd)
    except PlanFout:
        return
    for t in _alle_teksten(plan):
        assert not PLAATSHOUDER.search(t)
    markdown = render("markdown", plan)
    assert "Vraag: Vraag" not in markdown and "Vraag:</span> Vraag" not in render("html", plan)


@pytest.mark.parametrize(("naam", "groot", "klein"), [("training", 21, 2), ("kickoff", 31, 1)])
def test_te_grote_groep_krijgt_de_reden_van_de_bovengrens(naam, groot, klein):
    from planner.kern.fouten import PlanFout

    with pytest.raises(PlanFout) as te_groot:
        _plan(naam, groot, None)
    assert "maximale groepsgrootte" in str(te_groot.value) and "minstens" not in str(te_groot.value).split("—")[1]
    with pytest.raises(PlanFout) as te_klein:
        _plan(naam, klein, None)
    assert "ondergrens van de planner" in str(te_klein.value)
