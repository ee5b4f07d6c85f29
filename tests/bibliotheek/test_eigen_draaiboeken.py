"""Own draaiboeken (nieuw, lijst, controleer, plan from a path) and the meeting's own agenda items."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from planner.bibliotheek import laden, sjabloon, vinden
from planner.kern.fouten import InvoerFout
from planner.kern.tijd import toon_duur

VARIANTEN = """
id = "{id}"
titel = "Met varianten"
bron = "eigen ontwerp"

[[varianten]]
id = "klein"
groep_min = 1
groep_max = {klein_max}

[[varianten]]
id = "groot"
groep_min = {groot_min}
groep_max = 20

[[onderdelen]]
id = "kern"
titel = "Kern"
soort = "werkvorm"
minuten = 30
"""


@pytest.fixture
def eigen(tmp_path, monkeypatch) -> Path:
    map_ = tmp_path / "nog" / "niet" / "aangemaakt"
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(map_))
    monkeypatch.chdir(tmp_path)
    return map_


# ---------------------------------------------------------------------------------- nieuw


def test_nieuw_van_bestaand_bewerken_controleren_plannen(eigen, planner):
    code, uit, _ = planner("nieuw", "mijn-kickoff", "--van", "kickoff")
    pad = eigen / "mijn-kickoff.toml"
    assert code == 0 and pad.is_file()
    assert str(pad) in uit and "planner controleer" in uit and "planner plan mijn-kickoff" in uit
    tekst = pad.read_text(encoding="utf-8")
    assert 'id = "mijn-kickoff"' in tekst and 'id = "kickoff"' not in tekst
    # Edit: a shorter opening, as a facilitator would.
    pad.write_text(tekst.replace('titel = "Welkom heten en opening"', 'titel = "Koffie en welkom"'),
                   encoding="utf-8")
    assert planner("controleer", str(pad))[0] == 0
    code, uit, _ = planner("plan", "mijn-kickoff", "--groep", "12", "--format", "json")
    assert code == 0
    data = json.loads(uit)
    assert data["draaiboek"] == "mijn-kickoff"
    assert data["sessies"][0]["onderdelen"][0]["titel"] == "Koffie en welkom"
    code, uit, _ = planner("lijst", "--format", "json")
    rij = next(r for r in json.loads(uit) if r["id"] == "mijn-kickoff")
    assert rij["herkomst"] == "eigen" and not rij["genegeerd"]


def test_nieuw_zonder_van_is_een_geldig_sjabloon(eigen, planner):
    assert planner("nieuw", "teamdag")[0] == 0
    code, uit, _ = planner("controleer", str(eigen / "teamdag.toml"))
    assert code == 0 and "alles in orde" in uit
    code, uit, _ = planner("plan", "teamdag", "--groep", "8")
    assert code == 0 and "Mijn draaiboek" in uit


def test_nieuw_overschrijft_niet_zonder_force(eigen, planner):
    planner("nieuw", "teamdag")
    pad = eigen / "teamdag.toml"
    pad.write_text(pad.read_text(encoding="utf-8") + "\n# mijn werk\n", encoding="utf-8")
    code, _, fout = planner("nieuw", "teamdag", "--van", "kickoff")
    assert code != 0 and "--force" in fout and "Traceback" not in fout
    assert "# mijn werk" in pad.read_text(encoding="utf-8")
    assert planner("nieuw", "teamdag", "--van", "kickoff", "--force")[0] == 0
    assert "# mijn werk" not in pad.read_text(encoding="utf-8")


@pytest.mark.parametrize(("naam", "verwacht"), [
    ("../weg", "pad"), ("sub/naam", "pad"), ("naam.toml", "pad"), ("Mijn Draaiboek", "kleine letters"),
    ("kickoff", "ingebouwd"),
])
def test_nieuw_weigert_foute_namen(eigen, planner, naam, verwacht):
    code, _, fout = planner("nieuw", naam)
    assert code == 2 and verwacht in fout and fout.count("\n") == 1
    assert not eigen.exists() or not list(eigen.iterdir())


def test_kopie_vervangt_alleen_het_id_bovenaan():
    tekst = '# uitleg\nid = "oud"\ntitel = "T"\n\n[[onderdelen]]\nid = "oud"\n'
    nieuw = sjabloon.kopie(tekst, "nieuw", "oud")
    assert 'id = "nieuw"\ntitel' in nieuw and '[[onderdelen]]\nid = "oud"' in nieuw
    assert sjabloon.kopie('titel = "T"\n', "nieuw", "x").count('id = "nieuw"') == 1


# ------------------------------------------------------------------------------------ lijst


def test_lijst_meldt_eigen_met_ingebouwde_naam(eigen, planner):
    eigen.mkdir(parents=True)
    (eigen / "kickoff.toml").write_text(sjabloon.leeg("kickoff"), encoding="utf-8")
    code, uit, _ = planner("lijst")
    assert code == 0 and "het ingebouwde gaat voor" in " ".join(uit.split())
    rijen = [r for r in json.loads(planner("lijst", "-f", "json")[1]) if r["id"] == "kickoff"]
    assert sorted((r["herkomst"], r["genegeerd"]) for r in rijen) == [("eigen", True), ("ingebouwd", False)]
    # The built-in wins.
    assert "Kickoff Samenwerking" in planner("plan", "kickoff", "--groep", "10")[1]


def test_lijst_zonder_tijdsduur_toont_de_som_van_de_minuten(eigen, planner):
    # An imported draaiboek has no 'tijdsduur': its Duur cell was empty.
    eigen.mkdir(parents=True)
    tekst = "\n".join(r for r in sjabloon.leeg("zonder").splitlines() if not r.startswith("tijdsduur"))
    (eigen / "zonder.toml").write_text(tekst, encoding="utf-8")
    d = laden.vind("zonder")
    assert not d.tijdsduur
    code, uit, _ = planner("lijst")
    rij = next(r for r in uit.splitlines() if r.startswith("zonder "))
    assert code == 0 and toon_duur(sum(o.minuten for o in d.onderdelen)) in rij.split()


def test_lijst_breekt_niet_op_een_kapot_eigen_bestand(eigen, planner):
    eigen.mkdir(parents=True)
    (eigen / "kapot.toml").write_text('titel = "x\n', encoding="utf-8")
    (eigen / "Fout Naam.toml").write_text(sjabloon.leeg("x"), encoding="utf-8")
    (eigen / "goed.toml").write_text(sjabloon.leeg("goed"), encoding="utf-8")
    code, uit, _ = planner("lijst")
    assert code == 0
    assert "kapot" in uit and "goed" in uit and "kickoff" in uit and "TOML" in uit
    rijen = {r["id"]: r for r in json.loads(planner("lijst", "-f", "json")[1])}
    assert rijen["kapot"]["kapot"] is True and "regel 1" in rijen["kapot"]["problemen"][0]
    assert rijen["Fout Naam"]["kapot"] is True
    assert rijen["goed"]["kapot"] is False


# --------------------------------------------------------------------------- plan van een pad


def test_plan_een_bestand_via_pad(eigen, planner, tmp_path):
    pad = tmp_path / "los.toml"
    pad.write_text(sjabloon.leeg("los"), encoding="utf-8")
    code, uit, _ = planner("plan", "./los.toml", "--groep", "5", "-f", "json")
    assert code == 0 and json.loads(uit)["draaiboek"] == "los"


@pytest.mark.parametrize(("pad", "verwacht"), [("./notities.txt", ".toml"), ("./weg.toml", "bestaat niet")])
def test_plan_pad_alleen_naar_een_bestaand_toml_bestand(eigen, planner, tmp_path, pad, verwacht):
    (tmp_path / "notities.txt").write_text("geheim", encoding="utf-8")
    code, _, fout = planner("plan", pad, "--groep", "5")
    assert code == 2 and verwacht in fout and "geheim" not in fout


# ----------------------------------------------------------------------------- kapotte bestanden

GOED = sjabloon.leeg("kapot")


def _vervang(oud: str, nieuw: str, nummer: int = 1) -> str:
    """GOED with the `nummer`-th occurrence of `oud` replaced."""
    delen = GOED.split(oud)
    assert len(delen) > nummer, oud
    return oud.join(delen[:nummer]) + nieuw + oud.join(delen[nummer:])


def _regel(tekst: str, stuk: str) -> int:
    return tekst[:tekst.index(stuk)].count("\n") + 1


KAPOT = {
    "toml-syntax": (_vervang('titel = "Het hoofdonderdeel"', 'titel = "Het hoofdonderdeel'),
                    'titel = "Het hoofdonderdeel', None, "geen geldige TOML"),
    "veld-ontbreekt": (_vervang('titel = "Het hoofdonderdeel"\n', ""), '[[onderdelen]]\nid = "kern"', "'titel'",
                       "ontbreekt"),
    "negatieve-minuten": (_vervang("minuten = 40", "minuten = -40"), "minuten = -40", "'minuten'",
                          "moet minstens 1 zijn, niet -40"),
    "onbekende-soort": (_vervang('soort = "werkvorm"', 'soort = "spelletje"'), 'soort = "spelletje"', "'soort'",
                        "'spelletje' kan niet"),
    "dubbel-id": (_vervang('id = "kern"', 'id = "opening"'), 'titel = "Het hoofdonderdeel"', "'opening (nummer 2)'",
                  "komt al eerder voor"),
    "min-groter-dan-max": (_vervang("min = 30\nmax = 60", "min = 50\nmax = 45"), "min = 50", "'min'",
                           "min (50) is groter dan max (45)"),
    "overlap": (VARIANTEN.format(id="kapot", klein_max=12, groot_min=10), "[[varianten]]", "'varianten'",
                "overlappen"),
    "gat": (VARIANTEN.format(id="kapot", klein_max=8, groot_min=12), "[[varianten]]", "'varianten'",
            "9 tot 11"),
}


@pytest.mark.parametrize("geval", list(KAPOT))
def test_kapot_bestand_precieze_melding(eigen, planner, tmp_path, geval):
    tekst, plek, veld, melding = KAPOT[geval]
    pad = tmp_path / "kapot.toml"
    pad.write_text(tekst, encoding="utf-8")
    # A line the parser knows (TOML) or the loader found; for a duplicate id the second block.
    regel = _regel(tekst, plek) - (1 if geval == "dubbel-id" else 0)
    code, uit, fout = planner("controleer", str(pad))
    assert code == 5 and fout == ""
    probleem = next(r for r in uit.splitlines() if melding in r)
    assert str(pad) in probleem and f"regel {regel}" in probleem
    if veld:
        assert f"veld {veld}" in probleem or f"onderdeel {veld}" in probleem
    assert "1 bestand gecontroleerd: 0 in orde, 1 met" in uit
    code, uit, fout = planner("plan", str(pad), "--groep", "5")
    assert code == 5 and uit == "" and melding in fout
    assert fout.count("\n") == 1 and "Traceback" not in fout


def test_controleer_alle_en_gemengd(eigen, planner, tmp_path):
    code, uit, _ = planner("controleer")
    assert code == 0 and "alles in orde" in uit and "ambitiegesprek.toml" in uit
    (tmp_path / "goed.toml").write_text(sjabloon.leeg("goed"), encoding="utf-8")
    (tmp_path / "fout.toml").write_text(KAPOT["negatieve-minuten"][0], encoding="utf-8")
    (tmp_path / "tekst.txt").write_text("x", encoding="utf-8")
    code, uit, _ = planner("controleer", "goed.toml", "fout.toml", "tekst.txt", "kickoff")
    assert code == 5
    assert "4 bestanden gecontroleerd: 2 in orde, 2 met 2 problemen." in uit
    assert "geen .toml-bestand" in uit


def test_eigen_bestand_met_ander_id_dan_bestandsnaam(eigen, planner):
    eigen.mkdir(parents=True)
    (eigen / "mijn.toml").write_text(sjabloon.leeg("iets-anders"), encoding="utf-8")
    code, uit, _ = planner("controleer", "mijn")
    assert code == 5 and "verschilt van de bestandsnaam" in uit


# ------------------------------------------------------------------------- --vooraf / --daarna


def test_daarna_en_vooraf_in_tabel_json_en_agenda(eigen, planner, tmp_path):
    opties = ["--groep", "8", "--start", "2026-12-01T19:00", "--vooraf", "Mededelingen=10m",
              "--daarna", "Teamoverleg=45m", "--daarna", "Rondvraag=10m"]
    code, uit, _ = planner("plan", "kennismaking", *opties, "-f", "json", "--ics", "a.ics")
    assert code == 0
    data = json.loads(uit)
    onderdelen = data["sessies"][0]["onderdelen"]
    assert [o["id"] for o in onderdelen] == ["mededelingen", "welkom", "voorstellen", "evalueren",
                                             "teamoverleg", "rondvraag"]
    for o in (onderdelen[0], *onderdelen[-2:]):
        assert o["soort"] == "agendapunt" and o["toegevoegd"] is True
    assert [o["duur_min"] for o in onderdelen[-2:]] == [45, 10]
    # Without --tijd the time is the draaiboek's own plus the agenda items.
    # For 8 people the round takes 20 of the source's 30 minutes: those 10 come free (R2, issue 19.2).
    assert data["tijd_min"] == sum(o["duur_min"] for o in onderdelen) + 10 == 10 + 60 + 55
    assert data["sessies"][0]["eind"].startswith("2026-12-01T20:55")
    agenda = (tmp_path / "a.ics").read_bytes().decode()
    assert "Teamoverleg" in agenda.replace("\r\n ", "")
    code, uit, _ = planner("plan", "kennismaking", *opties)
    assert "Teamoverleg" in uit and "45+" in uit


def test_agendapunten_doen_mee_met_inpassen_en_splitsen(eigen, planner):
    code, uit, _ = planner("plan", "kickoff", "--groep", "20", "--tijd", "2u", "--daarna", "Rondvraag=15m",
                           "-f", "json")
    assert code == 0
    sessies = json.loads(uit)["sessies"]
    assert len(sessies) > 1
    assert sessies[-1]["onderdelen"][-1]["id"] == "rondvraag"
    code, uit, _ = planner("plan", "kennismaking", "--groep", "8", "--tijd", "1u", "--daarna",
                           "Teamoverleg=30m", "--strategie", "inkorten", "-f", "json")
    assert code == 0
    onderdelen = json.loads(uit)["sessies"][0]["onderdelen"]
    assert onderdelen[-1]["duur_min"] == 30 and sum(o["duur_min"] for o in onderdelen) <= 60


def test_dubbele_titels_krijgen_eigen_ids(eigen, planner):
    code, uit, _ = planner("plan", "kennismaking", "--groep", "8", "--daarna", "Welkom=5", "--daarna", "Welkom=5",
                           "-f", "json")
    ids = [o["id"] for o in json.loads(uit)["sessies"][0]["onderdelen"]]
    assert ids[-2:] == ["welkom-2", "welkom-3"] and len(set(ids)) == len(ids)


@pytest.mark.parametrize(("punt", "verwacht"), [
    ("Teamoverleg", "titel=duur"), ("=45m", "titel=duur"), ("Teamoverleg=lang", "geen duur"),
    ("Teamoverleg=-5", "negatief"),
])
def test_fout_agendapunt_een_nederlandse_zin(eigen, planner, punt, verwacht):
    code, uit, fout = planner("plan", "kennismaking", "--groep", "8", "--daarna", punt)
    assert code == 2 and uit == "" and verwacht in fout and "--daarna" in fout
    assert fout.count("\n") == 1 and "Traceback" not in fout


def test_het_voorbeeld_in_de_readme_is_geldig(eigen, planner, tmp_path):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    deel = readme.split("### Een voorbeeld", 1)[1]
    voorbeeld = deel.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "teamdag.toml").write_text(voorbeeld, encoding="utf-8")
    assert planner("controleer", "teamdag.toml")[0] == 0
    for groep in ("8", "20"):
        code, uit, _ = planner("plan", "./teamdag.toml", "--groep", groep, "--tijd", "2u", "-f", "json")
        assert code == 0
        laatste = json.loads(uit)["sessies"][-1]["onderdelen"][-1]
        assert laatste["id"] == "afronden"


def test_bom_van_kladblok_is_geen_probleem(tmp_path):
    from planner.bibliotheek import laden

    bron = (vinden.ingebouwde_map() / "kickoff.toml").read_text(encoding="utf-8")
    pad = tmp_path / "kickoff-bom.toml"
    pad.write_bytes(b"\xef\xbb\xbf" + bron.replace('id = "kickoff"', 'id = "kickoff-bom"').encode())
    draaiboek, problemen = laden.controleer_bestand(pad)
    assert problemen == [] and draaiboek.id == "kickoff-bom"


@pytest.mark.parametrize(("zoek", "vervang", "veld"), [
    ("minuten = 60", "minuten = 100000000", "minuten"),
    ("groep_max = 30", "groep_max = 30000", "groep_max"),
])
def test_onmogelijke_waarden_worden_gemeld(tmp_path, zoek, vervang, veld):
    from planner.bibliotheek import laden

    bron = (vinden.ingebouwde_map() / "kickoff.toml").read_text(encoding="utf-8")
    pad = tmp_path / "kickoff.toml"
    pad.write_text(bron.replace(zoek, vervang, 1), encoding="utf-8")
    _, problemen = laden.controleer_bestand(pad)
    assert [p.veld for p in problemen] == [veld]


@pytest.mark.parametrize("waarde", ["inf", "nan"])
def test_oneindig_is_geen_aantal_minuten(tmp_path, waarde):
    from planner.bibliotheek import laden

    bron = (vinden.ingebouwde_map() / "kickoff.toml").read_text(encoding="utf-8")
    pad = tmp_path / "kickoff.toml"
    pad.write_text(bron.replace("beurten = { min = 1, max = 2 }", f"beurten = {{ min = 1, max = {waarde} }}"),
                   encoding="utf-8")
    _, problemen = laden.controleer_bestand(pad)
    assert [p.veld for p in problemen] == ["max"]


@pytest.mark.parametrize(("regel", "verwacht"), [
    ("bron_sessies = 1", "minstens 2"),
    ("bron_sessies = \"twee\"", "geheel getal"),
])
def test_bron_sessies_wordt_gecontroleerd(tmp_path, regel, verwacht):
    from planner.bibliotheek import laden

    bron = (vinden.ingebouwde_map() / "kickoff.toml").read_text(encoding="utf-8")
    pad = tmp_path / "kickoff.toml"
    pad.write_text(bron.replace("bron_sessies = 2", regel, 1), encoding="utf-8")
    _, problemen = laden.controleer_bestand(pad)
    assert [p.veld for p in problemen] == ["bron_sessies"] and verwacht in problemen[0].melding


def test_bron_sessies_hoort_bij_een_draaiboek_dat_verdeeld_mag_worden(tmp_path):
    from planner.bibliotheek import laden

    bron = (vinden.ingebouwde_map() / "ambitiegesprek.toml").read_text(encoding="utf-8")
    pad = tmp_path / "ambitiegesprek.toml"
    pad.write_text(bron.replace("mag = false", "mag = false\nbron_sessies = 2", 1), encoding="utf-8")
    _, problemen = laden.controleer_bestand(pad)
    assert [p.veld for p in problemen] == ["bron_sessies"] and "mag = true" in problemen[0].melding


# ------------------------------------------------------------- copies of unusual TOML (issue 10)

_ONGEWOON = '''# een eigen stijl
"id" = "q"
'titel' = "Q \\"met\\" aanhalingstekens"
bron = "b"
beschrijving = """
id = "nep"
"""
[[onderdelen]]
"id" = "a"
titel = "A"
soort = "werkvorm"
minuten = 30
'''


def test_kopie_met_sleutels_tussen_aanhalingstekens_heeft_een_id(eigen, planner, tmp_path):
    bron = tmp_path / "q.toml"
    bron.write_text(_ONGEWOON, encoding="utf-8")
    code, _, fout = planner("nieuw", "kopie-q", "--van", str(bron))
    assert code == 0, fout
    data = tomllib.loads((eigen / "kopie-q.toml").read_text(encoding="utf-8"))
    assert data["id"] == "kopie-q" and data["titel"] == 'Q "met" aanhalingstekens (eigen: kopie-q)'
    assert data["beschrijving"] == 'id = "nep"\n'  # text inside a string is left alone
    assert planner("controleer", "kopie-q")[0] == 0


def test_kopie_die_niet_veilig_kan_wordt_niet_geschreven():
    with pytest.raises(InvoerFout, match="niet veilig"):
        sjabloon.kopie('id = """\nq"""\ntitel = "T"\n', "nieuw", "q")
