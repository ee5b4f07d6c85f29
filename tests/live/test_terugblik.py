"""`planner terugblik LOG` for one log: a pause is its own time, an agreed later end is no onderdeel."""

from __future__ import annotations

from planner.live.terugblik import lees_log, render_terugblik

KOP = "id;titel;gepland_start;gepland_eind;werkelijk_start;werkelijk_eind;minuten_verschil;status;draaiboek;sessie"
RIJEN = [
    "focus;Focus;2027-03-02 13:10:00;2027-03-02 13:15:00;2027-03-02 13:10:00;2027-03-02 13:15:00;0;gedaan;"
    "ambitiegesprek;1",
    # 19.5 minutes on the clock, of which 8.4 paused: 11 minutes of work against 20 planned.
    "wensen;Wensen;2027-03-02 13:15:00;2027-03-02 13:35:00;2027-03-02 13:39:57;2027-03-02 13:59:26;-9;gedaan;"
    "ambitiegesprek;1",
    "pauze-1;Pauze (klok stilgezet);;;2027-03-02 13:40:28;2027-03-02 13:48:52;;pauze;ambitiegesprek;1",
    "later-einde;Later einde afgesproken: 15:15 in plaats van 15:00;;;2027-03-02 13:58:09;;;afspraak;"
    "ambitiegesprek;1",
]


def _log(tmp_path, rijen=RIJEN):
    pad = tmp_path / "log.csv"
    pad.write_text("\ufeff" + "\n".join([KOP, *rijen]) + "\n", encoding="utf-8")
    return lees_log(pad)


def test_een_pauze_telt_niet_bij_het_onderdeel_zoals_in_het_log(tmp_path):
    tekst = render_terugblik(_log(tmp_path))
    wensen = next(r for r in tekst.splitlines() if r.startswith("Wensen "))
    # The log says -9 (pauses apart); terugblik says the same, not 19 min / -1 min.
    assert wensen.split()[-4:] == ["11", "min", "-9", "min"], wensen
    assert "Ging sneller dan gepland: 'Wensen' (-9)" in tekst
    # The pause stays a row of its own, outside the totals.
    assert any(r.startswith("Pauze (klok stilgezet)") and r.endswith("extra") for r in tekst.splitlines())
    totaal = next(r for r in tekst.splitlines() if r.startswith("Totaal"))
    assert totaal.split()[-6:] == ["25", "min", "16", "min", "-9", "min"], totaal


def test_een_later_einde_is_geen_onderdeel_maar_een_afspraak(tmp_path):
    tekst = render_terugblik(_log(tmp_path))
    assert "niet gedaan" not in tekst, tekst  # not a row of the table
    assert "Later einde afgesproken: 15:15 in plaats van 15:00 (om 13:58)." in tekst


def test_afgebroken_en_niet_bereikt_heten_zo_en_tellen_niet_mee(tmp_path):
    rijen = [RIJEN[0],
             "wensen;Wensen;2027-03-02 13:15:00;2027-03-02 13:35:00;2027-03-02 13:15:00;2027-03-02 13:50:00;15;"
             "afgebroken;ambitiegesprek;1",
             "kansen;Kansen;2027-03-02 13:35:00;2027-03-02 13:55:00;;;;niet bereikt;ambitiegesprek;1"]
    tekst = render_terugblik(_log(tmp_path, rijen))
    regels = tekst.splitlines()
    assert next(r for r in regels if r.startswith("Wensen ")).endswith("afgebroken")
    assert next(r for r in regels if r.startswith("Kansen ")).endswith("niet bereikt")
    assert "Duurde langer" not in tekst  # a part cut off by Ctrl-C says nothing about its length
