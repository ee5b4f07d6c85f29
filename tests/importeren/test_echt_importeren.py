"""planner importeer on real, public documents nobody here wrote (tests/data/echt, sources in its README).

Each document's programme, as a human reads it, is in tests/data/echt/verwacht.toml. A document the importer
reads wrongly today is marked xfail(strict=True) with what goes wrong: when the importer learns to read it, the
test passes, strict turns that into a failure, and the mark must go.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from planner.importeren.documenten import lees
from planner.importeren.herkennen import herken
from planner.kern.tijd import lees_duur

pytest.importorskip("docx")

ECHT = Path(__file__).parent.parent / "data" / "echt"
VERWACHT: dict[str, dict] = tomllib.loads((ECHT / "verwacht.toml").read_text(encoding="utf-8"))["bestand"]

# What today's importer gets wrong per document (measured; see the README's table).
FOUT_VANDAAG = {
}


def _gevallen():
    for naam in VERWACHT:
        marks = [pytest.mark.xfail(strict=True, reason=FOUT_VANDAAG[naam])] if naam in FOUT_VANDAAG else []
        yield pytest.param(naam, marks=marks, id=naam)


def _delen(naam: str):
    concepten = herken(lees(ECHT / naam), naam)
    # One document is one draaiboek: none of these holds more than one programme.
    assert len(concepten) == 1, [c.titel for c in concepten]
    return concepten[0]


@pytest.mark.parametrize("naam", list(_gevallen()))
def test_onderdelen_zoals_een_mens_ze_leest(naam):
    verwacht = VERWACHT[naam]["onderdelen"]
    concept = _delen(naam)
    gekregen = [(d.titel, d.minuten, d.soort) for d in concept.delen]
    assert len(gekregen) == len(verwacht), gekregen
    for (titel, minuten, soort), wens in zip(gekregen, verwacht, strict=True):
        assert wens[0].casefold() in titel.casefold(), (wens, titel)
        assert minuten == wens[1], (wens, titel, minuten)
        if len(wens) > 2:
            assert soort == wens[2], (wens, titel, soort)


@pytest.mark.parametrize("naam", [n for n, v in VERWACHT.items() if "totaal_minuten" in v])
def test_genoemd_totaal_wordt_de_tijdsduur(naam):
    concept = herken(lees(ECHT / naam), naam)[0]
    assert concept.tijdsduur, "the stated total is not read"
    assert lees_duur(concept.tijdsduur) == VERWACHT[naam]["totaal_minuten"]


def test_elk_bestand_heeft_verwachtingen_en_een_bron():
    bestanden = {p.name for p in ECHT.iterdir() if p.suffix in (".md", ".txt", ".docx") and p.name != "README.md"}
    assert bestanden == set(VERWACHT)
    leesmij = (ECHT / "README.md").read_text(encoding="utf-8")
    for naam in bestanden:
        assert naam in leesmij


def test_spreker_onder_een_onderdeel_is_geen_deel_van_de_titel():
    # 'ir. Joris Melkert, TU Delft' under '10.30- 11.15 Inleiding Schiphol: groei of krimp' starts in lower case
    # after a blank line: who speaks is a line under the part, the title stays the topic.
    delen = {d.titel: d for d in _delen("symposium_50plus_2019.txt").delen}
    schiphol = delen["Inleiding Schiphol: groei of krimp"]
    assert [s.tekst for s in schiphol.stappen] == ["ir. Joris Melkert, TU Delft"]
    voltooid = delen["Inleiding Voltooid leven: het recht op zorg en het recht op zelfbeschikking"]
    assert [s.tekst for s in voltooid.stappen] == ["Jaap van Riemsdijk, NVVE"]


def test_een_spreker_met_titel_direct_onder_het_onderdeel_blijft_een_regel_eronder(tmp_path):
    pad = tmp_path / "middag.txt"
    pad.write_text("Middag\n\n13.00 – 13.45 Inleiding over de stad\nprof. dr. A. Jansen, UvA\n"
                   "13.45 – 14.00 Pauze\n", encoding="utf-8")
    (concept,) = herken(lees(pad), pad.name)
    assert concept.delen[0].titel == "Inleiding over de stad"
    assert [s.tekst for s in concept.delen[0].stappen] == ["prof. dr. A. Jansen, UvA"]


def test_een_datum_is_geen_titel():
    # The Eo Wijers page starts with '23 september 2020' and has no title line: the date goes to the description
    # and the title comes from the file name (the .docx of the same programme has its own heading).
    txt = _delen("eowijers_slotbijeenkomst.txt")
    assert txt.titel == "Eowijers slotbijeenkomst"
    assert txt.beschrijving == ["23 september 2020"]
    assert any("bestandsnaam" in r for r in txt.gegokt)
    assert _delen("eowijers_slotbijeenkomst.docx").titel == "Programma Eo Wijers slotbijeenkomst"


@pytest.mark.parametrize("datum", ["23 september 2020", "Zaterdag 16 november 2019", "16-11-2019",
                                   "September 23, 2020", "**di 3 okt.**"])
def test_de_titel_onder_een_datum(tmp_path, datum):
    pad = tmp_path / "dag.txt"
    pad.write_text(f"{datum}\n\nTeamdag Noord\n\n09:00 Welkom\n09:30 Werken\n10:00 Einde\n", encoding="utf-8")
    (concept,) = herken(lees(pad), pad.name)
    assert concept.titel == "Teamdag Noord"
    assert any(datum.strip("*") in regel for regel in concept.beschrijving)


def test_een_kort_vervolg_na_een_lege_regel_blijft_de_titel(tmp_path):
    # Text from a PDF breaks a title over a blank line ('30m Waarderend voorstellen -12', '', 'personen').
    pad = tmp_path / "pdf.txt"
    pad.write_text("Training\n\n30m Waarderend voorstellen -12\n\npersonen\n\n15m Afronding\n\n"
                   "10m Lezing\n\ndoor Jan de Vries, UvA\n", encoding="utf-8")
    (concept,) = herken(lees(pad), pad.name)
    assert [d.titel for d in concept.delen] == ["Waarderend voorstellen -12 personen", "Afronding", "Lezing"]
    assert [s.tekst for s in concept.delen[2].stappen] == ["door Jan de Vries, UvA"]


def test_tips_na_het_programma_zijn_geen_stappen_van_het_laatste_onderdeel():
    # '## Time Management Tips' after the Day 1 schedule is about the whole day, not 17 steps of 'Lightning Round'.
    concept = _delen("seminar_facilitator_timing_dag1.md")
    assert concept.delen[-1].titel.startswith("Lightning Round")
    assert concept.delen[-1].stappen == []
    assert "Time Management Tips" in concept.beschrijving
    assert "Lunch is 90 minutes - can shorten to 75 if needed" in concept.beschrijving
    melding = next(r for r in concept.niet_geplaatst if "na het programma en" in r)
    assert "'Time Management Tips'" in melding and "17 regels" in melding
    # Every timed line after the programme is named (issue 20.5).
    assert any("'Each break has 15 minutes" in r and "na het programma" in r for r in concept.niet_geplaatst)
    assert any("'Lunch is 90 minutes" in r for r in concept.niet_geplaatst)


def test_uitwerking_na_het_programma_hoort_bij_haar_onderdeel_de_rest_niet():
    # hangwl: '## Detailed Activity Plans' / '### Activity 1: [Name]' after the agenda table describe parts;
    # '## Facilitation Tips', '## Post-Workshop' … describe none and go to the description.
    delen = {d.titel: d for d in _delen("hangwl_workshop_facilitation_template.md").delen}
    assert any(s.tekst.startswith("Purpose:") for s in delen["[Activity 1]"].stappen)
    stappen_drie = [s.tekst for s in delen["[Activity 3]"].stappen]
    assert "[Step 3]" in stappen_drie and "Facilitation Tips" not in stappen_drie
    assert all(s.tekst != "Detailed Activity Plans" for s in delen["Feedback & Close"].stappen)
    concept = _delen("hangwl_workshop_facilitation_template.md")
    assert "Post-Workshop" in concept.beschrijving and "Within 24 Hours" in concept.beschrijving
    # econan: the totals overview after the last part is no step of 'Team Charter Kickstart + Closing'.
    econan = _delen("econan_week1_sessie.md")
    assert not any("TOTAAL OVERZICHT" in s.tekst for s in econan.delen[-1].stappen)
    assert any("TOTAAL OVERZICHT" in r for r in econan.beschrijving)


def test_een_kop_onder_een_onderdeel_als_kop_blijft_bij_dat_onderdeel(tmp_path):
    # A deeper heading under the last part (a part that is itself a heading) is that part's; a heading at its
    # level or above that names no part is text after the programme.
    pad = tmp_path / "sessie.md"
    pad.write_text("# Sessie\n\n## 0:00 – 0:10 Welkom\n\nKort rondje.\n\n## 0:10 – 0:40 Casus\n\n"
                   "### Vragen bij de casus\n\n- Wat zie je?\n\n## Na afloop\n\nMail de foto's.\n", encoding="utf-8")
    (concept,) = herken(lees(pad), pad.name)
    casus = concept.delen[-1]
    assert [s.tekst for s in casus.stappen][:2] == ["Vragen bij de casus", "Wat zie je?"]
    assert concept.beschrijving[-2:] == ["Na afloop", "Mail de foto's."]


def test_een_genoemde_duur_die_het_bereik_tegenspreekt_staat_in_het_verslag(tmp_path):
    # The econan script with one heading as people edit it: the span is changed, the stated minutes not.
    tekst = (ECHT / "econan_week1_sessie.md").read_text(encoding="utf-8")
    pad = tmp_path / "econan_variant.md"
    pad.write_text(tekst.replace("### [10-20 min] PAM Reflection Sharing",
                                 "### [10-20 min] PAM Reflection Sharing (15 min)"), encoding="utf-8")
    concept = herken(lees(pad), pad.name)[0]
    pam = concept.delen[1]
    assert (pam.titel, pam.minuten) == ("PAM Reflection Sharing", 10)  # the spans add up to the 120 minutes
    assert any("'PAM Reflection Sharing'" in r and "15 minuten" in r and "10-20 min" in r for r in concept.gegokt)
    # The unchanged document contradicts itself nowhere.
    assert not any("het document noemt" in r for r in _delen("econan_week1_sessie.md").gegokt)


def test_genoemde_minuten_tot_de_volgende_start_verliezen_niets_stil(tmp_path):
    pad = tmp_path / "sessie.md"
    pad.write_text("# Sessie\n\n### 0:00 — Welkom (10 min)\n### 0:10 — Casus (20 min)\n### 0:45 — Break (10 min)\n"
                   "### 0:50 — Afsluiting (5 min)\n", encoding="utf-8")
    (concept,) = herken(lees(pad), pad.name)
    assert [d.minuten for d in concept.delen] == [10, 20, 10, 5]
    assert any("'Casus'" in r and "15 minuten ertussen" in r for r in concept.gegokt)
    assert any("'Break'" in r and "al na 5 minuten" in r for r in concept.gegokt)
    assert not any("'Welkom'" in r for r in concept.gegokt)


def test_na_het_open_einde_hoort_een_nieuwe_alinea_bij_de_dag():
    # MBO Academie: '16.15 - ......... Netwerkborrel …' ends the programme; the paragraphs after a blank line
    # ('Informatie over de open Space sessies' …) are about the day, not the end: the description, reported.
    concept = _delen("mboacademie_excellentie.txt")
    assert concept.titel == "Mboacademie excellentie"  # 'Het programma ziet er als volgt uit:' is no title
    afsluiting = concept.delen[-1]
    assert afsluiting.toelichting == ["Na afloop (16:15): Netwerkborrel en overloop naar avondprogramma"]
    assert "Informatie over de open Space sessies" in concept.beschrijving
    assert any("'Informatie over de open Space sessies' staat na het programma" in r for r in concept.niet_geplaatst)
    # Eo Wijers: the line right under 'Einde, uitloop …' (no blank line) still belongs to the end.
    eo = _delen("eowijers_slotbijeenkomst.txt").delen[-1]
    assert any("groep C" in t for t in eo.toelichting)


def test_wad_in_de_stad_stappen_en_gat():
    concept = _delen("wadindestad_congres.txt")
    plenair = concept.delen[3]
    # '– inspiratie van Foppe de Haan, voormalig voetbalcoach' / 'sc Heerenveen …' is one step, broken in two.
    assert plenair.stappen[0].tekst.endswith("voormalig voetbalcoach sc Heerenveen en nationaal elftal onder 21 jaar.")
    assert len(plenair.stappen) == 2
    assert any("tussen 13:20 en 13:30 staat niets" in r for r in concept.gegokt)
    assert sum(d.minuten for d in concept.delen) == 440  # 09:30–17:00 less the 10-minute gap
