"""Programme files: found where draaiboeken live, validated once with file, line, block and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.bibliotheek import vinden
from planner.bibliotheek.programma import controleer_programmatekst, laad_programma, sjabloon_tekst

DAG = """[programma]
titel = "Studiedag"

[[blokken]]
draaiboek = "kennismaking"

[[blokken]]
agendapunt = "Lunch"
minuten = 45

[[blokken]]
draaiboek = "training"
"""

TRAJECT = """[programma]
titel = "Samenwerking Noord"

[[bijeenkomsten]]
titel = "Kickoff"
draaiboek = "kickoff"

[[bijeenkomsten]]
titel = "Training"
na = "2w"
[[bijeenkomsten.blokken]]
draaiboek = "training"
[[bijeenkomsten.blokken]]
agendapunt = "Afsluiting"
minuten = "15m"

[[bijeenkomsten]]
na = "3mnd"
herhaling = "training"
"""


def _controleer(tekst: str, naam: str = "p.toml"):
    return controleer_programmatekst(tekst, Path(naam))


def test_een_dag_en_een_traject_worden_gelezen():
    dag, problemen = _controleer(DAG, "studiedag.toml")
    assert problemen == [] and dag.id == "studiedag" and not dag.traject
    assert [b.soort for b in dag.bijeenkomsten[0].blokken] == ["draaiboek", "agendapunt", "draaiboek"]
    traject, problemen = _controleer(TRAJECT)
    assert problemen == [] and traject.traject
    assert [b.titel for b in traject.bijeenkomsten] == ["Kickoff", "Training",
                                                         "Herhalingsworkshop Waarderende Gespreksvoering"]
    assert traject.bijeenkomsten[1].blokken[1].minuten == 15
    assert traject.bijeenkomsten[2].blokken[0].minuten == 90  # the training's own estimate (geschat)


@pytest.mark.parametrize(("oud", "nieuw", "regel", "verwacht"), [
    ('draaiboek = "training"', 'draaiboek = "trainig"', 12, "blok 3', veld 'draaiboek'"),
    ('minuten = 45', 'minuten = "lang"', 9, "blok 2', veld 'minuten'"),
    ('minuten = 45', 'minuten = 45\nvariant = "A"', 10, "hoort bij een draaiboek-blok"),
    ('agendapunt = "Lunch"', 'agendapunt = "Lunch"\ndraaiboek = "kickoff"', 8, "precies één van"),
    ('draaiboek = "kennismaking"', 'draaiboek = "kennismaking"\nvariant = "C"', 6, "kies uit A, B"),
    ('draaiboek = "kennismaking"', 'draaiboek = "kennismaking"\nzonder = ["opening"]', 6, "geen optioneel"),
    ('titel = "Studiedag"', 'titel = "Studiedag"\nkleur = "rood"', 3, "ken ik niet"),
])
def test_fouten_noemen_bestand_regel_blok_en_veld(oud, nieuw, regel, verwacht):
    _, problemen = _controleer(DAG.replace(oud, nieuw, 1), "dag.toml")
    assert problemen, "expected a problem"
    tekst = str(problemen[0])
    assert tekst.startswith(f"dag.toml, regel {regel}") and verwacht in tekst, tekst


def test_een_kennismaking_opent_de_bijeenkomst():
    tekst = DAG.replace('draaiboek = "kennismaking"', 'agendapunt = "Mededelingen"\nminuten = 10', 1)
    tekst += '\n[[blokken]]\ndraaiboek = "kennismaking"\n'
    _, problemen = _controleer(tekst, "dag.toml")
    assert "opent een bijeenkomst" in str(problemen[0]) and "blok 4" in str(problemen[0])


def test_traject_fouten_bij_de_bijeenkomst():
    _, problemen = _controleer(TRAJECT.replace('na = "2w"\n', ""), "t.toml")
    assert "bijeenkomst 2', veld 'na'" in str(problemen[0]) and "regel 8" in str(problemen[0])
    _, problemen = _controleer(TRAJECT.replace('herhaling = "training"', 'herhaling = "kickoff"'), "t.toml")
    assert "noemt geen herhalingsbijeenkomst" in str(problemen[0])
    _, problemen = _controleer(TRAJECT.replace('na = "3mnd"', 'na = "ooit"'), "t.toml")
    assert "veld 'na'" in str(problemen[0]) and "3mnd" in str(problemen[0])


def test_geen_geldige_toml_een_nederlandse_zin_met_regel():
    _, problemen = _controleer(DAG.replace('"Studiedag"', '"Studiedag'), "dag.toml")
    assert "regel 2" in str(problemen[0]) and "aanhalingsteken" in str(problemen[0])


def test_het_sjabloon_is_een_geldig_programma():
    tekst = sjabloon_tekst("mijndag", ["kennismaking", "training"])
    programma, problemen = _controleer(tekst, "mijndag.toml")
    assert problemen == [] and [b.draaiboek.id for b in programma.bijeenkomsten[0].blokken] == [
        "kennismaking", "training"]


def test_programmas_staan_naast_draaiboeken_en_zijn_zelf_geen_draaiboek(tmp_path, monkeypatch):
    map_ = tmp_path / "eigen"
    map_.mkdir()
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(map_))
    (map_ / "studiedag.toml").write_text(DAG, encoding="utf-8")
    assert "studiedag" not in {b.id for b in vinden.alle_bronnen()}
    assert laad_programma(map_ / "studiedag.toml").titel == "Studiedag"
    json.dumps(str(map_))


@pytest.mark.parametrize("pad", sorted(p for p in vinden.ingebouwde_map().glob("*.toml") if vinden.is_programma_pad(p)),
                         ids=lambda p: p.stem)
def test_elk_ingebouwd_programma_is_geldig_en_plant(pad):
    from planner.kern.traject import maak_programmaplan
    from planner.kern.vraag import Vraag
    from tests.conftest import start

    programma = laad_programma(pad, "ingebouwd")
    pp = maak_programmaplan(programma, Vraag(groep=12, start=start().replace(tzinfo=None)))
    assert len(pp.bijeenkomsten) == len(programma.bijeenkomsten)
