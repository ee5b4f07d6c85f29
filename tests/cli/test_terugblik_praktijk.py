"""`planner terugblik LOG…` over several sessions, and --bijstellen, through the real entry point."""

from __future__ import annotations

import csv
import os
import tomllib
from datetime import timedelta
from pathlib import Path

from planner.bibliotheek import laden
from planner.kern.live_staat import LiveStaat
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from tests.conftest import start

# Minutes over (+) or under (-) the plan per part, per session.
AFWIJKINGEN = [[2, 1, 6, -2, -3, -4, 1], [3, 2, 4, -1, -5, -2, 0], [1, 2, 7, 0, -4, -3, 2]]


def _logs(tmp_path: Path, naam: str = "ambitiegesprek") -> list[str]:
    paden = []
    for n, afwijking in enumerate(AFWIJKINGEN, 1):
        begin = start(f"2026-12-0{n}T13:00")
        staat = LiveStaat(maak_plan(laden.vind(naam), Vraag(groep=5, tijd_min=120, start=begin)))
        nu = begin
        staat.begin(nu)
        for minuten in afwijking:
            if staat.huidig is None:
                break
            nu = max(nu, staat.huidig.eind + timedelta(minutes=minuten))
            staat.volgend_onderdeel(nu)
        while staat.huidig is not None:
            nu = max(nu, staat.huidig.eind)
            staat.volgend_onderdeel(nu)
        pad = tmp_path / f"sessie{n}.csv"
        pad.write_bytes(staat.log_csv())
        paden.append(str(pad))
    return paden


def _rij(uit: str, begin: str) -> list[str]:
    regel = next(r for r in uit.splitlines() if r.strip().startswith(begin))
    return regel.split()


def test_meer_logs_geven_mediaan_spreiding_en_hoe_vaak_langer(planner, tmp_path):
    code, uit, fout = planner("terugblik", *_logs(tmp_path))
    assert code == 0, fout
    assert "Terugblik over 3 sessies: Ambitiegesprek (ambitiegesprek)" in uit
    assert "01-12-2026 13:00" in uit and "03-12-2026 13:00" in uit
    rij = _rij(uit, "Wensen noteren")
    # Planned 20 (and overrun in all three sessions): median 26, spread 22–27.
    assert rij[-10:] == ["20", "min", "26", "min", "22–27", "3×", "3", "van", "3"][-10:] or \
        rij[-9:] == ["20", "min", "26", "min", "22–27", "3×", "3", "van", "3"]
    assert "met --bijstellen NAAM" in uit


def test_bijstellen_schrijft_een_eigen_kopie_met_het_bewijs(planner, tmp_path):
    logs = _logs(tmp_path)
    code, uit, fout = planner("terugblik", *logs, "--bijstellen", "mijn-ambitie")
    assert code == 0, fout
    pad = Path(os.environ["PLANNER_DRAAIBOEKEN"]) / "mijn-ambitie.toml"
    data = tomllib.loads(pad.read_text(encoding="utf-8"))
    wensen = next(o for o in data["onderdelen"] if o["id"] == "wensen")
    assert wensen["minuten"] == 25 and wensen["praktijk"].startswith("3 sessies: mediaan 26 min")
    assert "# Uit de praktijk: 3 sessies" in pad.read_text(encoding="utf-8")
    # The built-in draaiboek is untouched.
    assert next(o for o in laden.vind("ambitiegesprek").onderdelen if o.id == "wensen").minuten == 20
    # Every output marks the minutes as from practice (P5).
    code, tabel, _ = planner("plan", "mijn-ambitie", "--groep", "5", "--tijd", "2u", "--start", "2026-12-08 13:00")
    assert code == 0 and "°" in tabel and "uit de praktijk" in tabel
    code, csvtekst, _ = planner("plan", "mijn-ambitie", "--groep", "5", "--tijd", "2u", "--start",
                                "2026-12-08 13:00", "-f", "csv")
    rijen = list(csv.DictReader(csvtekst.lstrip("\ufeff").splitlines(), delimiter=";"))
    assert any(r["praktijk"].startswith("3 sessies") for r in rijen)
    # Never again without --force.
    code, _, fout = planner("terugblik", *logs, "--bijstellen", "mijn-ambitie")
    assert code != 0 and "--force" in fout
    code, _, _ = planner("terugblik", *logs, "--bijstellen", "mijn-ambitie", "--force")
    assert code == 0


def test_een_ingebouwd_draaiboek_wordt_nooit_bijgesteld(planner, tmp_path):
    code, uit, fout = planner("terugblik", *_logs(tmp_path), "--bijstellen", "ambitiegesprek")
    assert code != 0 and "ingebouwd" in fout and uit == ""


def test_logs_van_verschillende_draaiboeken_worden_geweigerd(planner, tmp_path):
    ambitie = _logs(tmp_path / "a" if (tmp_path / "a").mkdir() is None else tmp_path)
    fases = _logs(tmp_path / "b" if (tmp_path / "b").mkdir() is None else tmp_path, "gespreksfases")
    code, _, fout = planner("terugblik", ambitie[0], fases[0])
    assert code != 0 and "verschillende draaiboeken" in fout and len(fout.strip().splitlines()) == 1


def test_een_kapot_log_wordt_geweigerd_met_het_regelnummer(planner, tmp_path):
    log = Path(_logs(tmp_path)[0])
    regels = log.read_text(encoding="utf-8-sig").splitlines()
    open_quote = tmp_path / "quote.csv"
    open_quote.write_text("\n".join(regels[:3] + [regels[3].replace(";", ';"', 1)] + regels[4:]) + "\n",
                          encoding="utf-8")
    code, uit, fout = planner("terugblik", str(open_quote))
    assert code != 0 and "regel 4" in fout and "aanhalingsteken" in fout and uit == ""
    dubbel = tmp_path / "dubbel.csv"
    dubbel.write_text("\n".join(regels + [regels[2]]) + "\n", encoding="utf-8")
    code, uit, fout = planner("terugblik", str(dubbel))
    assert code != 0 and f"regel {len(regels) + 1}" in fout and "(regel 3)" in fout and uit == ""


def test_de_kop_van_een_log_noemt_draaiboek_en_datum(planner, tmp_path):
    code, uit, _ = planner("terugblik", _logs(tmp_path)[1])
    assert code == 0
    assert uit.splitlines()[1] == "Ambitiegesprek (ambitiegesprek) · 02-12-2026 13:00"


def test_hetzelfde_log_onder_een_andere_naam_telt_niet_twee_keer(planner, tmp_path):
    """A copy of a log is the same session: 'elke sessie telt één keer', also under another name."""
    logs = _logs(tmp_path)
    kopie = tmp_path / "kopie.csv"
    kopie.write_bytes(Path(logs[0]).read_bytes())
    code, uit, fout = planner("terugblik", logs[0], logs[1], str(kopie))
    assert code != 0 and uit == "" and len(fout.strip().splitlines()) == 1
    assert "kopie.csv" in fout and "sessie1.csv" in fout and "één keer" in fout
