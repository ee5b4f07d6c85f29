"""Issue 20: the shapes real draaiboeken have — offsets, '(N min)', totals, open ends, lower-case timed lines."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.cli.ingang import opdracht as main
from planner.importeren.documenten import lees_tekst
from planner.importeren.herkennen import herken


def _delen(tekst: str, naam: str = "doc.md"):
    (concept,) = herken(lees_tekst(tekst, markdown=naam.endswith(".md")), naam)
    return concept


def test_tijden_vanaf_de_start_en_subtijden_als_stappen():
    concept = _delen("# Sessie\n\nDuur: 1 uur\n\n## Programma\n\n"
                     "### 0:00 – 0:10 Welkom (10 min)\n- [0-2 min] Welkom\n- [2-10 min] Rondje\n\n"
                     "### 0:10 – 0:45 Casus\nDuo's krijgen 5 minuten.\n\n"
                     "### 0:45 – 1:00 Afsluiting\n")
    assert [(d.titel, d.minuten) for d in concept.delen] == [("Welkom", 10), ("Casus", 35), ("Afsluiting", 15)]
    assert [s.tekst for s in concept.delen[0].stappen] == ["[0-2 min] Welkom", "[2-10 min] Rondje"]
    assert concept.tijdsduur == "1 uur"
    assert not any("tellen op" in g for g in concept.gegokt)


def test_markdowntabel_met_offsets_wordt_gelezen():
    concept = _delen("| Tijd | Onderdeel |\n|---|---|\n| 0-10 | Intro |\n| 10-40 | Oefening |\n| 40-45 | Close |\n")
    assert [(d.titel, d.minuten, d.soort) for d in concept.delen] == [
        ("Intro", 10, "opening"), ("Oefening", 30, "werkvorm"), ("Close", 5, "afronding")]


def test_genoemd_totaal_dat_afwijkt_wordt_gemeld():
    concept = _delen("Middag\n\nIn totaal 4.00 uur\n\n13.00 uur Inloop\n14.00 uur Muziek\n15.00 uur Einde\n", "m.txt")
    assert [d.minuten for d in concept.delen] == [60, 60]
    assert any("tellen op tot 2u" in g and "4.00 uur" in g for g in concept.gegokt)


def test_kloktijden_in_kleine_letters_verdwijnen_niet_en_het_open_einde_is_geen_onderdeel():
    concept = _delen("Programma\n\n11.00 uur inloop ouderen, koffie wordt hen ingeschonken door vrijwilligers\n"
                     "12.00-12.10 uur muziek en ondertussen wordt de lunch uitgeserveerd aan tafel\n"
                     "12.10 uur Lunch\n13.00 uur: officiële sluiting\n", "o.txt")
    assert [d.minuten for d in concept.delen] == [60, 10, 50]
    assert concept.delen[0].titel.startswith("inloop ouderen")
    assert concept.delen[2].soort == "werkvorm"  # a meal stays in the programme
    assert not any(d.geschat for d in concept.delen)


def test_uren_met_punt_zijn_uren_en_minuten():
    concept = _delen("Training\n\n0.15 uur Welkom\n1.30 uur Oefenen\n0.15 uur Afsluiting\n", "t.txt")
    assert [d.minuten for d in concept.delen] == [15, 90, 15]


def test_geimporteerd_programma_wordt_in_zijn_eigen_tijd_een_sessie(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(tmp_path / "eigen"))
    monkeypatch.chdir(tmp_path)
    bron = tmp_path / "middag.txt"
    bron.write_text("Middag\n\n13:00 Inloop\n13:30 Lezing\n14:30 Pauze\n14:45 Gesprek\n15:30 Borrel\n",
                    encoding="utf-8")

    def draai(*args):
        monkeypatch.setattr(sys, "argv", ["planner", *args])
        with pytest.raises(SystemExit) as uit:
            main()
        vast = capsys.readouterr()
        return uit.value.code, vast.out, vast.err

    code, uit, _ = draai("importeer", str(bron))
    assert code in (0, None), (uit, _)
    assert "Borrel" in uit and "einde van het programma" in uit
    code, uit, _ = draai("plan", "middag", "--groep", "12", "--tijd", "2u30", "--start", "2026-12-10T13:00",
                         "--format", "json")
    assert code in (0, None)
    assert uit.count('"sessie"') <= 1 or '"sessies"' in uit
    import json
    assert len(json.loads(uit)["sessies"]) == 1
    code, _, fout = draai("plan", "middag", "--groep", "12", "--tijd", "2u", "--start", "2026-12-10T13:00")
    assert code not in (0, None) and "2u30" in fout


def test_tekstvak_wordt_een_keer_gelezen():
    """Word stores a text box twice: the drawing (mc:Choice) and a VML copy (mc:Fallback)."""
    from lxml import etree

    from planner.importeren.documenten import _alinea_tekst

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    vak = (f'<w:txbxContent xmlns:w="{w}"><w:p><w:r><w:t>09:00 Welkom</w:t></w:r></w:p>'
           f'<w:p><w:r><w:t>09:30 Pauze</w:t></w:r></w:p></w:txbxContent>')
    xml = (f'<w:p xmlns:w="{w}" xmlns:mc="{mc}"><w:r><mc:AlternateContent>'
           f'<mc:Choice Requires="wps"><w:drawing>{vak}</w:drawing></mc:Choice>'
           f'<mc:Fallback><w:pict>{vak}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    tekst = _alinea_tekst(etree.fromstring(xml))
    assert tekst.count("09:00 Welkom") == 1 and tekst.count("09:30 Pauze") == 1


@pytest.mark.parametrize("tekst, verwacht", [
    ("| Tijd | Onderdeel |\n|---|---|\n| ochtend | Welkom |\n| middag | Pauze |\n", "'ochtend' lees ik niet als tijd"),
    ("# Sessie\n\nWe beginnen met een intro (10 min) en dan een oefening.\n", "een duur, maar"),
    ("Alleen wat tekst\nzonder tijden.\n", "geen onderdelen"),
])
def test_weigering_past_bij_het_document(tekst, verwacht):
    from planner.kern.fouten import InvoerFout

    with pytest.raises(InvoerFout) as fout:
        _delen(tekst)
    assert verwacht in str(fout.value)
    assert str(fout.value).count(". ") == 0  # one sentence


def test_klok_en_duur_die_elkaar_tegenspreken_worden_gemeld():
    concept = _delen("| Time | Activity | Duration |\n|---|---|---|\n| 09:00 - 09:15 | Welcome | 20 min |\n"
                     "| 09:15 - 10:00 | Work | 45 min |\n")
    assert [(d.titel, d.minuten) for d in concept.delen] == [("Welcome", 20), ("Work", 45)]
    assert any("20 minuten" in g and "09:00 - 09:15" in g for g in concept.gegokt)


def test_starttijden_vanaf_nul_zijn_geen_duren():
    concept = _delen("# Sessie\n\n### 0:00 — Welkom\nRondje namen.\n\n### 0:10 — Casus\n\n"
                     "### 1:05 — Break (10 min)\n\n### 1:15 — Afsluiting (15 min)\n")
    assert [(d.titel, d.minuten) for d in concept.delen] == [
        ("Welkom", 10), ("Casus", 55), ("Break", 10), ("Afsluiting", 15)]
    assert concept.delen[2].soort == "pauze"


def test_uitwerking_hoort_bij_het_onderdeel_dat_ze_beschrijft():
    concept = _delen("# Sessie\n\n## Programma\n\n| Tijd | Onderdeel |\n|---|---|\n| 0-10 | Intro |\n"
                     "| 10-40 | Casus in groepjes |\n| 40-50 | Lunch |\n| 50-60 | Afsluiting |\n\n## Uitwerking\n\n"
                     "### Intro (10 min)\nIedereen zegt zijn naam.\n\n### Lunch\nBroodjes in de kantine.\n\n"
                     "### Casus in groepjes (30 min)\nLees de casus.\n")
    assert [(d.titel, d.minuten) for d in concept.delen] == [
        ("Intro", 10), ("Casus in groepjes", 30), ("Lunch", 10), ("Afsluiting", 10)]
    stappen = {d.titel: [s.tekst for s in d.stappen] for d in concept.delen}
    assert "Iedereen zegt zijn naam." in stappen["Intro"]
    assert "Broodjes in de kantine." in stappen["Lunch"]
    assert "Lees de casus." in stappen["Casus in groepjes"]
    assert not any(d.geschat for d in concept.delen)


_WOORDEN = ("welkom", "casus", "oefenen", "Gesprek", "uitleg", "Presentatie", "groepswerk", "Vragen", "film")


@given(st.lists(st.tuples(st.integers(5, 90), st.lists(st.sampled_from(_WOORDEN), min_size=1, max_size=9)),
                min_size=2, max_size=8),
       st.integers(7 * 60, 10 * 60), st.sampled_from(["{t} uur {x}", "{t} {x}", "{t} - {x}", "{t}: {x}"]),
       st.booleans())
@settings(max_examples=60, deadline=None)
def test_elke_kloktijd_is_een_onderdeel_met_het_verschil_als_minuten(delen, begin, vorm, einde):
    """Issue 20.5/20.6: every line that starts with a clock time is a part, whatever its case or length, with the
    minutes to the next time; a last 'Einde' closes it and is no part."""
    regels, t = ["Programma"], begin
    for minuten, woorden in delen:
        regels.append(vorm.format(t=f"{t // 60:02d}.{t % 60:02d}", x=" ".join(woorden)))
        t += minuten
    if einde:
        regels.append(f"{t // 60:02d}.{t % 60:02d} uur Einde")
    concept = _delen("\n".join(regels) + "\n", "p.txt")
    verwacht = [m for m, _ in delen] if einde else [m for m, _ in delen[:-1]]
    assert [d.minuten for d in concept.delen][:len(verwacht)] == verwacht
    assert len(concept.delen) == len(delen)


def test_controleer_waarschuwt_voor_een_genoemd_totaal_dat_niet_klopt(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(tmp_path / "eigen"))
    monkeypatch.chdir(tmp_path)
    bron = tmp_path / "middag.txt"
    bron.write_text("Middag\n\nIn totaal 4.00 uur\n\n13.00 uur Inloop\n14.00 uur Muziek\n15.00 uur Einde\n",
                    encoding="utf-8")
    for args in (["importeer", str(bron)], ["controleer", "middag"]):
        monkeypatch.setattr(sys, "argv", ["planner", *args])
        with pytest.raises(SystemExit) as uit:
            main()
        assert uit.value.code in (0, None)
    uit = capsys.readouterr().out
    assert "het document noemt 4.00 uur" in uit  # the import report
    assert "⚠ let op: de onderdelen tellen op tot 2u, de tijdsduur noemt 4.00 uur" in uit  # controleer


@pytest.mark.parametrize("tijden", [("0:00 – 0:10", "0:10 – 0:40", "0:40 – 0:45"), ("0-10", "10-40", "40-45"),
                                    ("0:00", "0:10", "0:40")])
def test_tabel_met_tijden_vanaf_de_start(tijden):
    """Issue 20.9: a table Tijd | Onderdeel whose times count from the start is read, not refused."""
    rijen = "".join(f"| {t} | {titel} |\n" for t, titel in zip(tijden, ("Intro", "Oefening", "Close"), strict=True))
    einde = "| 0:45 | End |\n" if len(tijden[0]) == 4 else ""
    concept = _delen("| Tijd | Onderdeel |\n|---|---|\n" + rijen + einde)
    assert [(d.titel, d.minuten) for d in concept.delen] == [("Intro", 10), ("Oefening", 30), ("Close", 5)]
    assert not any(d.geschat for d in concept.delen)
