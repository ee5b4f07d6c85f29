"""Programmes on the command line: planned, shown, checked, listed and made as a draaiboek is."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.bibliotheek.test_programma import DAG, TRAJECT


@pytest.fixture
def eigen(tmp_path, monkeypatch) -> Path:
    map_ = tmp_path / "eigen"
    map_.mkdir()
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(map_))
    (map_ / "studiedag.toml").write_text(DAG, encoding="utf-8")
    (map_ / "noord.toml").write_text(TRAJECT, encoding="utf-8")
    return map_


def test_json_geeft_elk_blok_met_de_velden_van_een_los_plan(eigen, planner):
    code, uit, fout = planner("plan", "studiedag", "--groep", "14", "--start", "1-12-2026 9:30", "--format", "json")
    assert code == 0, fout
    data = json.loads(uit)
    _, los, _ = planner("plan", "kennismaking", "--groep", "14", "--start", "1-12-2026 9:30", "--format", "json")
    velden = set(json.loads(los))
    kennis, lunch, training = data["blokken"]
    assert velden <= set(kennis) and velden <= set(training)  # add, rename nothing
    assert (kennis["variant"], kennis["start"][11:16], lunch["blok_soort"], lunch["duur_min"]) == (
        "B", "09:30", "agendapunt", 45)
    assert training["start"] == lunch["eind"] and data["soort"] == "dag"
    assert data["nodig"] and len(data["nodig"]) == len(set(data["nodig"]))


def test_te_weinig_tijd_verdeelt_over_dagen_bij_de_lunch(eigen, planner):
    middag = ('[programma]\ntitel = "Middag"\n\n[[blokken]]\ndraaiboek = "training"\n\n[[blokken]]\n'
              'agendapunt = "Lunch"\nminuten = 45\n\n[[blokken]]\ndraaiboek = "ambitiegesprek"\n')
    (eigen / "middag.toml").write_text(middag, encoding="utf-8")
    code, uit, fout = planner("plan", "middag", "--groep", "6", "--tijd", "3u", "--start", "1-12-2026 9:30",
                              "--format", "json")
    assert code == 0, fout
    data = json.loads(uit)
    assert [d["nummer"] for d in data["bijeenkomsten"][0]["dagen"]] == [1, 2]
    assert data["bijeenkomsten"][0]["vervallen"] == ["Lunch"]
    assert [(b["draaiboek"], b["dag"]) for b in data["blokken"]] == [("training", 1), ("ambitiegesprek", 2)]
    code, _, fout = planner("plan", "studiedag", "--groep", "14", "--tijd", "3u")
    assert code == 3 and "opent de bijeenkomst" in fout and "--tijd 4u" in fout


def test_traject_met_een_agenda_en_een_bestand_per_bijeenkomst(eigen, planner, tmp_path):
    agenda = tmp_path / "noord.ics"
    code, uit, fout = planner("plan", "noord", "--groep", "20", "--start", "1-12-2026 13:30", "--ics", str(agenda))
    assert code == 0, fout
    # Paper says the distance in words; JSON keeps the file's own text ("na": "2w").
    assert "Bijeenkomst 2: Training, 2 weken na de vorige" in uit and "3 maanden na de vorige" in uit
    alles = agenda.read_text(encoding="utf-8")
    assert alles.count("BEGIN:VEVENT") == 3
    for nummer in (1, 2, 3):
        los = (tmp_path / f"noord-{nummer}.ics").read_text(encoding="utf-8")
        assert los.count("BEGIN:VEVENT") == 1
    assert "DTSTART:20270315T123000Z" in alles  # 3 months after 15-12, at 13:30 Amsterdam


def test_toon_controleer_lijst_kennen_programmas(eigen, planner):
    code, uit, _ = planner("toon", "noord")
    assert code == 0 and "Bijeenkomst 3" in uit and "herhaling" in uit
    code, uit, _ = planner("controleer", "studiedag")
    assert code == 0 and "in orde" in uit
    code, uit, _ = planner("lijst")
    assert code == 0 and "studiedag" in uit and "Programma's" in uit
    code, uit, _ = planner("lijst", "--format", "json")
    assert {"studiedag", "noord"} <= {r["id"] for r in json.loads(uit) if r.get("soort") == "programma"}


def test_lijst_noemt_de_groepen_die_elk_blok_van_een_programma_toelaat(eigen, planner):
    # As for a draaiboek, the list says which groups a programme takes: what every draaiboek block allows.
    dag = ('[programma]\ntitel = "Dag"\n\n[[blokken]]\ndraaiboek = "kennismaking"\n\n[[blokken]]\n'
           'draaiboek = "ambitiegesprek"\n\n[[blokken]]\ndraaiboek = "training"\n')
    (eigen / "drie.toml").write_text(dag, encoding="utf-8")
    code, uit, _ = planner("lijst", "--format", "json")
    rijen = {r["id"]: r for r in json.loads(uit) if r.get("soort") == "programma"}
    assert (rijen["drie"]["groep_min"], rijen["drie"]["groep_max"]) == (3, 10)  # training 3-20, gesprek 1-10
    assert (rijen["noord"]["groep_min"], rijen["noord"]["groep_max"]) == (3, 20)
    code, uit, _ = planner("lijst")
    (regel,) = [r for r in uit.splitlines() if r.startswith("drie ")]
    assert " 3-10 " in regel


def test_controleer_noemt_een_fout_in_een_programma(eigen, planner):
    (eigen / "kapot.toml").write_text(DAG.replace('"training"', '"trainig"'), encoding="utf-8")
    code, uit, _ = planner("controleer")
    assert code == 5 and "kapot.toml, regel 12" in uit and "trainig" in uit


def test_nieuw_programma_schrijft_een_geldig_beginpunt(eigen, planner):
    code, uit, fout = planner("nieuw", "mijndag", "--programma", "kennismaking", "training")
    assert code == 0, fout
    assert (eigen / "mijndag.toml").exists()
    code, uit, fout = planner("plan", "mijndag", "--groep", "9", "--start", "1-12-2026 9:30")
    assert code == 0, fout
    assert "Kennismakings-/voorstelronde (variant A)" in uit


def test_opties_van_een_draaiboek_verwijzen_naar_het_blok(eigen, planner):
    code, _, fout = planner("plan", "studiedag", "--groep", "9", "--variant", "A")
    assert code != 0 and 'variant = "A"' in fout and "Traceback" not in fout


def test_markdown_handout_voor_het_hele_programma(eigen, planner):
    code, uit, _ = planner("plan", "studiedag", "--groep", "9", "--start", "1-12-2026 9:30", "--format", "markdown")
    assert code == 0 and uit.startswith("# Studiedag") and "## Overzicht" in uit
    assert uit.count("## Nodig voor het hele programma") == 1
    assert os.linesep


def test_een_set_papier_voor_het_hele_programma(eigen, planner, tmp_path):
    raster, kaarten = tmp_path / "raster.html", tmp_path / "kaarten.html"
    code, uit, fout = planner("plan", "studiedag", "--groep", "14", "--start", "1-12-2026 9:30", "--html", str(raster),
                              "--kaarten", str(kaarten), "--format", "uitnodiging", "--locatie", "De Linde")
    assert code == 0, fout
    # One invitation: one programme, one 'Einde', the lunch among the agenda, no facilitator text.
    assert uit.count("Je bent van harte uitgenodigd") == 1 and uit.count("Einde") == 1
    assert "10:30  Lunch" in uit and "Procesbegeleider" not in uit
    html = raster.read_text(encoding="utf-8")
    assert html.count("<h1>") == 1 and html.count("Nodig voor het hele programma") == 1
    assert "Kennismakings-/voorstelronde" in html and "Oefenen betekenisvol" in html
    kaart = kaarten.read_text(encoding="utf-8")
    assert "Kennismakings-/voorstelronde" in kaart and "Oefenen betekenisvol" in kaart


def test_live_op_een_programma_vraagt_een_terminal_en_kent_zijn_dagen(eigen, planner):
    code, _, fout = planner("live", "studiedag", "--groep", "9", "--sessie", "3")
    assert code != 0 and "--sessie 3 bestaat niet" in fout and "1 dag" in fout
    code, _, fout = planner("live", "studiedag", "--groep", "9")
    assert code != 0 and "terminal" in fout and "Traceback" not in fout


def test_toon_met_groep_noemt_de_variant_van_elk_blok(eigen, planner):
    code, uit, fout = planner("toon", "studiedag", "--groep", "14")
    assert code == 0, fout
    assert "Voor 14 deelnemers" in uit and "variant B voor deze groep" in uit  # kennismaking, more than 12
    code, uit, _ = planner("toon", "studiedag", "--groep", "9", "--format", "json")
    data = json.loads(uit)
    kennis = data["bijeenkomsten"][0]["blokken"][0]
    assert data["groep"] == 9 and kennis["variant_voor_groep"] == "A"
    code, _, fout = planner("toon", "noord", "--groep", "25")
    assert code == 3 and "Bijeenkomst 2, blok 1 ('Oefenen" in fout and "te groot" in fout
    assert "Traceback" not in fout


def test_csv_heeft_de_kolommen_van_een_los_plan_en_waar_elke_rij_staat(eigen, planner):
    import csv
    import io

    code, uit, fout = planner("plan", "noord", "--groep", "12", "--start", "1-12-2026 9:30", "--format", "csv",
                              "--csv-scheiding", ",")
    assert code == 0, fout
    _, los, _ = planner("plan", "training", "--groep", "12", "--format", "csv")
    kop_los = next(csv.reader(io.StringIO(los.lstrip("\ufeff")), delimiter=";"))
    rijen = list(csv.DictReader(io.StringIO(uit.lstrip("\ufeff"))))
    kop = list(rijen[0])
    assert kop[:len(kop_los)] == kop_los  # the same columns in the same places, block columns after them
    assert kop[len(kop_los):] == ["bijeenkomst", "dag", "blok", "blok_soort", "blok_titel"]
    training = [r for r in rijen if r["bijeenkomst"] == "2"]
    assert training[-1]["titel"] == "Afsluiting" and training[-1]["blok_soort"] == "agendapunt"
    assert {r["blok_titel"] for r in rijen if r["bijeenkomst"] == "3"} == {rijen[-1]["blok_titel"]}
    assert [int(r["sessie"]) for r in rijen] == sorted(int(r["sessie"]) for r in rijen)


def test_ics_per_onderdeel_geeft_elke_rij_van_het_deelnemersprogramma(eigen, planner, tmp_path):
    agenda = tmp_path / "dag.ics"
    code, _, fout = planner("plan", "studiedag", "--groep", "14", "--start", "1-12-2026 9:30", "--ics", str(agenda),
                            "--per-onderdeel")
    assert code == 0, fout
    tekst = agenda.read_text(encoding="utf-8")
    uids = [r for r in tekst.splitlines() if r.startswith("UID:")]
    assert len(uids) > 3 and len(set(uids)) == len(uids)
    assert "SUMMARY:Lunch" in tekst and "· Kennismakings-/voorstelronde" in tekst.replace("\r\n ", "")
    code, _, fout = planner("plan", "studiedag", "--groep", "14", "--per-onderdeel")
    assert code == 2 and "--ics" in fout


def test_papier_deelnemersagenda_en_traject_overzicht_lezen_als_papier(eigen, planner, tmp_path):
    import re

    deelnemers, raster = tmp_path / "deelnemers.html", tmp_path / "raster.html"
    code, _, fout = planner("plan", "studiedag", "--groep", "14", "--start", "1-12-2026 9:30", "--html",
                            str(deelnemers), "--voor", "deelnemers")
    assert code == 0, fout
    html = deelnemers.read_text(encoding="utf-8")
    # The first day follows the header on page 1 (no page with only the header), later days start a page.
    secties = re.findall(r'<section class="([^"]+)"', html)
    assert secties and secties[0] == "sessie eerste"
    # Each block's name above its rows; no facilitator text.
    assert '<tr class="blokkop"><td colspan="2">Kennismakings-/voorstelronde</td></tr>' in html
    assert "Procesbegeleider" not in html
    code, _, fout = planner("plan", "noord", "--groep", "12", "--start", "1-12-2026 9:30", "--html", str(raster))
    assert code == 0, fout
    html = raster.read_text(encoding="utf-8")
    # Short labels in the facts, the meeting's title and distance with its date.
    assert "<dt>Bijeenkomst 2</dt><dd>Training, 2 weken na de vorige — " in html
    assert html.count("<h1>") == 1 and html.count("Nodig voor het hele programma") == 1


def test_markdown_voor_deelnemers_noemt_meenemen_eenmaal_bovenaan(eigen, planner):
    terugkijken = ('[programma]\ntitel = "Terugkijken"\n\n[[blokken]]\ndraaiboek = "ontmoeting"\n\n[[blokken]]\n'
                   'pauze = "Koffie"\nminuten = 15\n\n[[blokken]]\ndraaiboek = "intervisie"\n')
    (eigen / "terugkijken.toml").write_text(terugkijken, encoding="utf-8")
    code, uit, fout = planner("plan", "terugkijken", "--groep", "6", "--start", "1-12-2026 9:30", "--format",
                              "markdown", "--voor", "deelnemers")
    assert code == 0, fout
    regels = [r for r in uit.splitlines() if r.startswith("- **Meenemen:**")]
    assert len(regels) == 1 and "video-opname" in regels[0]
    assert uit.index(regels[0]) < uit.index("## Overzicht")


def test_voor_deelnemers_bij_een_tabel_wordt_geweigerd_zoals_bij_een_draaiboek(eigen, planner):
    code, uit, fout = planner("plan", "studiedag", "--groep", "9", "--voor", "deelnemers")
    assert code == 2 and "--voor deelnemers geldt voor een handout" in fout and not uit
    code, uit, fout = planner("plan", "studiedag", "--groep", "9", "--voor", "deelnemers", "--format", "markdown")
    assert code == 0, fout


def test_nieuw_van_een_ingebouwd_programma_maakt_een_eigen_kopie(eigen, planner):
    """The built-in training-met-herhaling says 'Maak een eigen kopie om na aan te passen', and a date on a
    holiday says "pas 'na' van bijeenkomst 2 aan"; 'planner nieuw … --van training-met-herhaling' answered
    "Draaiboek 'training-met-herhaling' bestaat niet" while 'planner lijst' shows it."""
    code, uit, fout = planner("nieuw", "mijn-traject", "--van", "training-met-herhaling")
    assert code == 0, fout
    tekst = (eigen / "mijn-traject.toml").read_text(encoding="utf-8")
    assert 'na = "3mnd"' in tekst and "planner nieuw mijn-traject --van training-met-herhaling" in tekst
    assert "(eigen: mijn-traject)" in tekst
    (eigen / "mijn-traject.toml").write_text(tekst.replace('na = "3mnd"', 'na = "4mnd"'), encoding="utf-8")
    code, uit, fout = planner("plan", "mijn-traject", "--groep", "12", "--start", "1-12-2026 9:30")
    assert code == 0, fout
    assert "4 maanden na de vorige" in uit
    code, _, fout = planner("nieuw", "mijn-traject", "--van", "training-met-herhaling")
    assert code != 0 and "--force" in fout


def _ics(pad: Path) -> list[tuple[str, str]]:
    import icalendar

    kalender = icalendar.Calendar.from_ical(pad.read_bytes())
    return [(str(e["UID"]), str(e["SUMMARY"])) for e in kalender.walk("VEVENT")]


def test_traject_met_een_bijeenkomst_over_twee_dagen_geeft_elke_dag_een_eigen_bestand(eigen, planner, tmp_path):
    # 2u30 a day: the kickoff (3-4 hours) and the training with its closing take 2 days each.
    agenda = tmp_path / "noord.ics"
    code, uit, fout = planner("plan", "noord", "--groep", "20", "--tijd", "2u30", "--start", "1-12-2026 13:30",
                              "--ics", str(agenda))
    assert code == 0, fout
    alles = _ics(agenda)
    assert len(alles) == 5
    # The existing names stay what they were (a meeting each, all its days); the days are added.
    assert [len(_ics(tmp_path / f"noord-{n}.ics")) for n in (1, 2, 3)] == [2, 2, 1]
    los = [_ics(tmp_path / naam) for naam in ("noord-1-1.ics", "noord-1-2.ics", "noord-2-1.ics", "noord-2-2.ics",
                                              "noord-3.ics")]
    assert [e for (e,) in los] == alles  # one event each, with the UID of the combined file
    assert sorted(p.name for p in tmp_path.glob("*.ics")) == sorted(
        ["noord.ics", "noord-1.ics", "noord-2.ics", "noord-3.ics", "noord-1-1.ics", "noord-1-2.ics",
         "noord-2-1.ics", "noord-2-2.ics"])
    for naam in ("noord-1-1.ics", "noord-2-2.ics"):
        assert naam in uit + fout


def test_een_dagprogramma_over_twee_dagen_geeft_elke_dag_een_eigen_bestand(eigen, planner, tmp_path):
    middag = ('[programma]\ntitel = "Middag"\n\n[[blokken]]\ndraaiboek = "training"\n\n[[blokken]]\n'
              'agendapunt = "Lunch"\nminuten = 45\n\n[[blokken]]\ndraaiboek = "ambitiegesprek"\n')
    (eigen / "middag.toml").write_text(middag, encoding="utf-8")
    agenda = tmp_path / "middag.ics"
    args = ("plan", "middag", "--groep", "6", "--tijd", "3u", "--start", "1-12-2026 9:30", "--ics", str(agenda))
    (tmp_path / "middag-2.ics").write_text("van mij", encoding="utf-8")
    code, _, fout = planner(*args)
    # All or nothing, never over a file of the user's without --force: nothing is written.
    assert code != 0 and "middag-2.ics" in fout and "--force" in fout
    assert not agenda.exists() and not (tmp_path / "middag-1.ics").exists()
    assert (tmp_path / "middag-2.ics").read_text(encoding="utf-8") == "van mij"
    code, uit, fout = planner(*args, "--force")
    assert code == 0, fout
    alles = _ics(agenda)
    los = [_ics(tmp_path / f"middag-{n}.ics") for n in (1, 2)]
    assert len(alles) == 2 and [e for (e,) in los] == alles
    assert "middag-1.ics" in uit + fout and "middag-2.ics" in uit + fout


def test_een_dagprogramma_van_een_dag_schrijft_een_bestand(eigen, planner, tmp_path):
    agenda = tmp_path / "dag.ics"
    code, _, fout = planner("plan", "studiedag", "--groep", "14", "--start", "1-12-2026 9:30", "--ics", str(agenda))
    assert code == 0, fout
    assert [p.name for p in tmp_path.glob("*.ics")] == ["dag.ics"]


def test_scherm_geeft_kleur_alleen_op_een_terminal_zonder_no_color_en_past_in_de_breedte(eigen, planner,
                                                                                         monkeypatch):
    """The programme's table takes the terminal's width and colour choice as the single plan's does
    (planner.cli.scherm): a pipe gets 100 columns and no escape, NO_COLOR on a terminal none either."""
    import re
    import sys

    from rich.cells import cell_len

    args = ("plan", "studiedag", "--groep", "14", "--start", "1-12-2026 9:30")
    code, pijp, fout = planner(*args)
    assert code == 0, fout
    assert "\x1b" not in pijp and "┏" in pijp and max(map(cell_len, pijp.splitlines())) <= 100
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    code, kleur, fout = planner(*args)
    assert code == 0, fout
    kaal = re.sub(r"\x1b\[[0-9;]*m", "", kleur)
    assert "\x1b[" in kleur and max(map(cell_len, kaal.splitlines())) <= 60
    monkeypatch.setenv("NO_COLOR", "1")
    code, zonder, fout = planner(*args)
    assert code == 0, fout
    assert "\x1b" not in zonder and zonder == kaal


def test_stuurtekens_in_een_eigen_agendapunt_staan_zichtbaar_op_het_scherm(eigen, planner):
    (eigen / "vreemd.toml").write_text(
        '[programma]\ntitel = "Vreemd"\n\n[[blokken]]\ndraaiboek = "kennismaking"\n\n[[blokken]]\n'
        'agendapunt = "Lunch \\u001b[31mrood\\u200b"\nminuten = 30\n\n[[blokken]]\ndraaiboek = "training"\n',
        encoding="utf-8")
    code, uit, fout = planner("plan", "vreemd", "--groep", "9", "--start", "1-12-2026 9:30")
    assert code == 0, fout
    assert "\x1b" not in uit and "\u200b" not in uit
    assert "Lunch \\x1b[31mrood\\u200b" in uit
