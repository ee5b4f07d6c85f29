"""`planner terugblik LOG` for one log: a pause is its own time, an agreed later end is no onderdeel."""

from __future__ import annotations

import re
from itertools import pairwise

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


# Issue 18.2: rich draws the table; a narrow terminal wraps a title, a pipe keeps one line per row ----------

LANG = "Activiteiten (m.b.t. ambities) inventariseren en verdelen over de groene, gele en roze ronde"
RONDE = [
    "focus;Focus;2027-03-02 13:10:00;2027-03-02 13:15:00;2027-03-02 13:10:00;2027-03-02 13:17:00;2;gedaan;x;1",
    f"act;{LANG};2027-03-02 13:15:00;2027-03-02 13:35:00;2027-03-02 13:17:00;2027-03-02 13:45:00;8;gedaan;x;1",
    "refl;Reflectie;2027-03-02 13:35:00;2027-03-02 13:45:00;;;;overgeslagen;x;1",
    "af;Afronden;2027-03-02 13:45:00;2027-03-02 13:50:00;2027-03-02 13:45:00;2027-03-02 13:49:00;-1;gedaan;x;1",
]
VERWACHT = [
    ("Focus", "5 min", "7 min", "+2 min"),
    (LANG, "20 min", "28 min", "+8 min"),
    ("Reflectie", "10 min", "overgeslagen", ""),
    ("Afronden", "5 min", "4 min", "-1 min"),
    ("Totaal (gedane onderdelen)", "30 min", "39 min", "+9 min"),
]


def _tabel(tekst: str) -> tuple[list[tuple[str, ...]], list[str]]:
    """The table's rows as (title, planned, actual, difference), and its lines. The numbers are
    right-aligned under their heading; a line with nothing right of the title column continues the
    title above it (a wrapped title). The Gepland column is as wide as its heading here (no 1000 min)."""
    regels = tekst.splitlines()
    begin = next(i for i, r in enumerate(regels) if r.startswith("Onderdeel"))
    eind = regels.index("", begin)
    kop = regels[begin]
    grens = kop.index("Gepland")
    einden = [grens] + [kop.index(h) + len(h) for h in ("Gepland", "Werkelijk", "Verschil")]
    rijen: list[list[str]] = []
    for regel in regels[begin + 1:eind]:
        cellen = [regel[:grens].strip()] + [regel[a:b].strip() for a, b in pairwise(einden)]
        assert regel[einden[-1]:] == "", regel  # nothing beyond the last column
        if any(cellen[1:]):
            rijen.append(cellen)
        else:
            rijen[-1][0] += " " + cellen[0]
    return [tuple(r) for r in rijen], regels[begin:eind]


def test_de_tabel_heeft_elke_rij_en_elk_getal(tmp_path):
    tekst = render_terugblik(_log(tmp_path, RONDE), kop="Draaiboek (x) · 02-03-2027 13:10")
    rijen, _ = _tabel(tekst)
    assert rijen == VERWACHT
    assert tekst.splitlines()[:3] == ["Terugblik: gepland tegen werkelijk", "Draaiboek (x) · 02-03-2027 13:10", ""]
    assert f"Duurde langer dan gepland: '{LANG}' (+8). Overweeg meer minuten in het draaiboek." in tekst


def test_in_een_pijp_blijft_elke_rij_op_een_regel(tmp_path):
    """Without a terminal (breedte None) nothing wraps: grep finds a part's numbers on its line."""
    tekst = render_terugblik(_log(tmp_path, RONDE))
    _, regels = _tabel(tekst)
    assert len(regels) == 1 + len(VERWACHT)  # the headings and one line per row
    assert any(r.startswith(LANG) and r.endswith("+8 min") for r in regels)
    # The sentences too: each on one line, as before rich drew the table.
    assert any(r.startswith("Duurde langer dan gepland: ") and r.endswith("in het draaiboek.")
               for r in tekst.splitlines())
    assert all(r == r.rstrip() for r in tekst.splitlines())  # no trailing spaces in a pipe


def test_een_smalle_terminal_vouwt_de_titel_in_plaats_van_hem_af_te_kappen(tmp_path):
    tekst = render_terugblik(_log(tmp_path, RONDE), breedte=50)
    rijen, regels = _tabel(tekst)
    # The long title whole, over more lines broken between its words (joined by a space they are the
    # title again); its numbers on its first line.
    assert rijen == VERWACHT
    assert "…" not in tekst
    assert len(regels) > 1 + len(VERWACHT)
    assert max(len(r) for r in tekst.splitlines()) <= 50


def test_kleur_alleen_als_erom_gevraagd_wordt(tmp_path):
    regels = _log(tmp_path, RONDE)
    assert "\x1b[" in render_terugblik(regels, kleur=True, breedte=80)
    zonder = render_terugblik(regels, kleur=False, breedte=80)
    assert "\x1b" not in zonder
    # Colour adds codes, nothing else: the same table underneath.
    assert re.sub(r"\x1b\[[0-9;]*m", "", render_terugblik(regels, kleur=True, breedte=80)) == zonder
