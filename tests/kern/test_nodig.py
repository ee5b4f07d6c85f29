"""Materials, set-up and breaks: the Nodig list per plan and the planner's own pause policy."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.bibliotheek import laden
from planner.kern.fouten import DraaiboekFout
from planner.kern.model import Materiaal
from planner.kern.nodig import benodigdheden
from planner.kern.planning import lees_agendapunt, maak_plan
from planner.kern.vraag import Vraag

START = datetime(2026, 12, 1, 13, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))

KOP = 'titel = "Test"\nbron = "test"\n'


def _onderdeel(id_: str, minuten: int, soort: str = "werkvorm", extra: str = "") -> str:
    return (f'[[onderdelen]]\nid = "{id_}"\ntitel = "Deel {id_}"\nsoort = "{soort}"\n'
            f"minuten = {minuten}\n{extra}")


def _schrijf(tmp_path: Path, tekst: str) -> Path:
    pad = tmp_path / "test.toml"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_materiaal_per_deelnemer_schaalt_met_de_groep(tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, KOP + 'materialen = ["flap-over", { naam = "plaknotities", per_deelnemer = 5 }]\n'
                   + _onderdeel("a", 30, extra='materialen = ["Flap-over", "stiften", '
                                '{ naam = "plaknotities", per_deelnemer = 2 }, { naam = "scharen", aantal = 3 }]\n')
                   + _onderdeel("b", 30, extra='materialen = "stiften"\n'))
    d = laden.vind(str(pad))
    assert d.materialen[1] == Materiaal("plaknotities", per_deelnemer=5)
    plan = maak_plan(d, Vraag(groep=20, start=START))
    # Once each, in order of first mention; the largest number counts.
    assert [str(b) for b in benodigdheden(plan)] == ["flap-over", "100 plaknotities", "stiften", "3 scharen"]
    plan = maak_plan(d, Vraag(groep=3, start=START))
    assert "15 plaknotities" in [str(b) for b in benodigdheden(plan)]


def test_halve_aantallen_naar_boven() -> None:
    assert Materiaal("stiften", per_deelnemer=1.5).hoeveel(3) == 5
    assert Materiaal("stiften", per_deelnemer=0.5).hoeveel(4) == 2


def test_alleen_materialen_van_geplande_onderdelen() -> None:
    plan = maak_plan(laden.vind("kickoff"), Vraag(groep=20, start=START))
    assert [str(b) for b in benodigdheden(plan)] == ["flap-over", "post-its"]
    plan = maak_plan(laden.vind("kennismaking"), Vraag(groep=8, start=START))
    assert benodigdheden(plan) == ()


@pytest.mark.parametrize("materialen, fout", [
    ('[{ per_deelnemer = 5 }]', "materiaal 1: naam ontbreekt"),
    ('[{ naam = "x", per_deelnemer = -1 }]', "per_deelnemer moet een positief getal zijn"),
    ('[{ naam = "x", per_deelnemer = "veel" }]', "per_deelnemer moet een positief getal zijn"),
    ('["a", { naam = "x", aantal = 0 }]', "materiaal 2 ('x'): aantal moet een geheel getal"),
    ('[{ naam = "x", aantal = 2, per_deelnemer = 1 }]', "niet allebei"),
    ('[{ naam = "x", per_persoon = 1 }]', "'per_persoon' ken ik niet"),
    ("[3]", "materiaal 1 (3) moet een tekst zijn"),
    ('[""]', "materiaal 1 is een lege tekst"),
])
def test_fout_materiaal_noemt_onderdeel_veld_en_nummer(tmp_path: Path, materialen: str, fout: str) -> None:
    pad = _schrijf(tmp_path, KOP + _onderdeel("a", 30, extra=f"materialen = {materialen}\n"))
    with pytest.raises(DraaiboekFout) as info:
        laden.vind(str(pad))
    melding = str(info.value)
    assert "onderdeel 'a', veld 'materialen'" in melding
    assert fout in melding


def _pauzemeldingen(plan) -> list[str]:
    return [w for w in plan.waarschuwingen if "zonder pauze" in w]


def test_meer_dan_90_minuten_zonder_pauze_is_eigen_beleid(tmp_path: Path) -> None:
    # The draaiboek places no pause of its own: the planner's guideline speaks.
    pad = _schrijf(tmp_path, KOP + _onderdeel("a", 60) + _onderdeel("b", 35))
    plan = maak_plan(laden.vind(str(pad)), Vraag(groep=10, start=START))
    [melding] = _pauzemeldingen(plan)
    assert "1u35 zonder pauze (13:30-15:05)" in melding
    assert "eigen richtlijn van de planner, niet van de bron" in melding


def test_precies_90_minuten_is_goed(tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, KOP + _onderdeel("a", 60) + _onderdeel("b", 30)
                   + _onderdeel("p", 15, soort="pauze") + _onderdeel("c", 90))
    assert _pauzemeldingen(maak_plan(laden.vind(str(pad)), Vraag(groep=10, start=START))) == []


def test_ingebouwde_draaiboeken_en_pauzes() -> None:
    # Training: 75 min, pause, 75 min. Kickoff: 2 hours before its pause (R5).
    assert _pauzemeldingen(maak_plan(laden.vind("training"), Vraag(groep=12, start=START))) == []
    assert _pauzemeldingen(maak_plan(laden.vind("kickoff"), Vraag(groep=12, start=START))) == []


def test_geen_pauzemelding_waar_het_draaiboek_zelf_zo_lang_doorloopt_tot_zijn_pauze(tmp_path: Path) -> None:
    # 95 minutes before the draaiboek's own pause is the source's design, not something to nag about.
    pad = _schrijf(tmp_path, KOP + _onderdeel("a", 60) + _onderdeel("b", 35)
                   + _onderdeel("p", 15, soort="pauze") + _onderdeel("c", 90))
    d = laden.vind(str(pad))
    assert _pauzemeldingen(maak_plan(d, Vraag(groep=10, start=START))) == []
    # Made longer than the source's stretch (an agenda item in front), the guideline speaks again.
    mededelingen = lees_agendapunt("Mededelingen=10m", "--vooraf", set())
    langer = maak_plan(d, Vraag(groep=10, start=START, vooraf=(mededelingen,)))
    [melding] = _pauzemeldingen(langer)
    assert "1u45 zonder pauze (13:30-15:15)" in melding


@pytest.mark.parametrize("tijd", [120, 180, 210])
def test_kickoff_over_sessies_zonder_pauzemelding_de_tijd_ertussen_is_de_koffie(tijd: int) -> None:
    # Split at the pause: session 1 is the two hours before the coffee, session 2 the part after it,
    # each with the planner's own welkom terug or vooruitblik (which do not count).
    plan = maak_plan(laden.vind("kickoff"), Vraag(groep=12, tijd_min=tijd, start=START))
    assert len(plan.sessies) == 2 and _pauzemeldingen(plan) == []
