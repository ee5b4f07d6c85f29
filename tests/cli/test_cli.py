"""The command line as a facilitator uses it: through the real entry point, in a subprocess-free way."""

from __future__ import annotations

import json
import sys

import pytest

from planner.cli.ingang import opdracht as main
from tests.vaste_klok import AMS


def run(capsys, monkeypatch, *args):
    monkeypatch.setattr(sys, "argv", ["planner", *args])
    with pytest.raises(SystemExit) as uit:
        main()
    vastgelegd = capsys.readouterr()
    return uit.value.code, vastgelegd.out, vastgelegd.err


def test_plan_als_json_volgt_het_contract(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "--tijd", "3u",
                         "--start", "2026-12-01T13:30", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"draaiboek", "titel", "variant", "groep", "tijd_min", "strategie", "sessies",
                         "waarschuwingen"}
    assert (data["draaiboek"], data["variant"], data["groep"], data["tijd_min"]) == ("kickoff", None, 20, 180)
    sessie = data["sessies"][0]
    assert set(sessie) >= {"nummer", "start", "eind", "duur_min", "onderdelen"}
    assert sessie["start"] == "2026-12-01T13:30:00+01:00"
    assert set(sessie["onderdelen"][0]) >= {"id", "titel", "soort", "start", "eind", "duur_min", "toegevoegd"}


def test_variant_in_json(capsys, monkeypatch):
    _, out, _ = run(capsys, monkeypatch, "plan", "kennismaking", "--groep", "13", "--format", "json")
    assert json.loads(out)["variant"] == "B"


def test_tabel_toont_sessies_en_tijden(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "--tijd", "3u",
                       "--start", "2026-12-01T13:30")
    assert code == 0
    assert "Sessie 1 van 2 · dinsdag 1 december 2026 · 13:30–15:35" in out
    assert "Sessie 2 van 2 · dinsdag 8 december 2026" in out
    assert "\x1b[" not in out  # piped output carries no colour codes


@pytest.mark.parametrize("args", [
    ["--groep", "0"], ["--groep", "-4"], ["--groep", "twintig"], ["--groep", "5", "--tijd", "0"],
    ["--groep", "5", "--tijd", "lang"], ["--groep", "5", "--tijd", "-2u"],
    ["--groep", "5", "--start", "2027-02-30T10:00"], ["--groep", "5", "--tz", "Mars/Olympus"],
    ["--groep", "40"], ["--groep", "5", "--tijd", "30"], ["--groep", "5", "--format", "pdf"],
    ["--groep", "5", "--strategie", "snel"], ["--groep", "5", "--onzin"], [],
])
def test_foute_invoer_geeft_een_nederlandse_zin_en_geen_traceback(capsys, monkeypatch, args):
    code, out, err = run(capsys, monkeypatch, "plan", "kickoff", *args)
    assert code != 0
    assert out == ""
    assert err.startswith("planner: ") and err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("naam", ["onbekend", "../../etc/passwd", "/etc/passwd", "KICK OFF"])
def test_onbekend_draaiboek_of_pad(capsys, monkeypatch, naam):
    code, _, err = run(capsys, monkeypatch, "plan", naam, "--groep", "5")
    assert code != 0 and err.startswith("planner: ") and "Traceback" not in err


def test_ics_wordt_geschreven_en_niet_overschreven_zonder_force(capsys, monkeypatch, tmp_path):
    pad = tmp_path / "kickoff.ics"
    args = ["plan", "kickoff", "--groep", "20", "--ics", str(pad), "--start", "2026-12-01T13:30"]
    assert run(capsys, monkeypatch, *args)[0] == 0
    assert pad.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    pad.write_text("mijn eigen agenda")
    code, _, err = run(capsys, monkeypatch, *args)
    assert code != 0 and "--force" in err
    assert pad.read_text() == "mijn eigen agenda"
    assert run(capsys, monkeypatch, *args, "--force")[0] == 0
    assert pad.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_uitvoer_naar_bestand(capsys, monkeypatch, tmp_path):
    pad = tmp_path / "plan.json"
    code, out, err = run(capsys, monkeypatch, "plan", "training", "--groep", "10", "--format", "json",
                         "--uitvoer", str(pad))
    assert code == 0 and out == ""
    assert json.loads(pad.read_text())["draaiboek"] == "training"


def test_lijst_en_toon(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "lijst", "--format", "json")
    assert code == 0
    assert {"kennismaking", "training", "kickoff"} <= {d["id"] for d in json.loads(out)}
    code, out, _ = run(capsys, monkeypatch, "toon", "kickoff")
    assert code == 0 and "Ons Waartoe" in out and "Bron:" in out


def test_versie_en_hulp(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "--version")
    assert code == 0 and out.startswith("planner ")
    code, out, _ = run(capsys, monkeypatch, "plan", "--help")
    assert code == 0 and "--groep" in out and "--strategie" in out
    assert "Gebruik: " in out and "plan [OPTIES]" in out and "Toon deze hulp en stop." in out
    assert "Usage" not in out and "Show this message" not in out


def test_twee_uitvoeropties_naar_hetzelfde_bestand_worden_geweigerd(capsys, monkeypatch, tmp_path):
    pad = tmp_path / "zelfde.ics"
    code, _, err = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "-o", str(pad), "--ics", str(pad))
    assert code != 0 and "hetzelfde bestand" in err
    assert not pad.exists()


def test_agendapunt_met_een_titel_en_een_duur(capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "plan", "kennismaking", "--groep", "10", "--daarna", "X=45m=3")
    assert code != 0 and "geen duur" in err


@pytest.mark.parametrize("args", [["--interval", "99999mnd"], ["--interval", "3000000d"],
                                  ["--start", "9999-12-20T10:00", "--tijd", "2u"]])
def test_tussentijd_voorbij_de_kalender_is_een_zin(capsys, monkeypatch, args):
    code, _, err = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "5", "--tijd", "2u", *args)
    assert code != 0 and err.startswith("planner: ") and "Traceback" not in err


def test_vervangen_met_force_houdt_de_rechten(capsys, monkeypatch, tmp_path):
    pad = tmp_path / "plan.json"
    pad.write_text("{}")
    pad.chmod(0o600)
    code, _, _ = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "5", "-f", "json", "-o", str(pad), "--force")
    assert code == 0 and (pad.stat().st_mode & 0o777) == 0o600


def test_het_voorbeeld_in_de_readme_klopt(capsys, monkeypatch):
    import shlex
    from datetime import datetime
    from pathlib import Path

    import time_machine

    readme = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")
    opdracht = '$ planner plan kickoff --groep 20 --tijd 3u --start "dinsdag 13:30"\n'
    voorbeeld = readme.split(opdracht, 1)[1].split("```", 1)[0]
    # The README's output was made in the week before Tuesday 1 December 2026.
    with time_machine.travel(datetime(2026, 11, 26, 10, 0, tzinfo=AMS), tick=False):
        code, out, _ = run(capsys, monkeypatch, *shlex.split(opdracht)[2:])
    assert code == 0 and out == voorbeeld


def test_start_in_nederlandse_schrijfwijze(capsys, monkeypatch):
    iso = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "--tijd", "3u", "--start", "2026-12-01T13:30",
              "--format", "json")
    nl = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "--tijd", "3u", "--start", "di 1-12-2026 13.30",
             "--format", "json")
    assert nl[0] == 0 and nl[1] == iso[1]


def test_start_in_het_verleden_wordt_gemeld_op_stderr(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "--start", "1 december 2001 13:30",
                         "--format", "json")
    assert code == 0
    assert json.loads(out)["sessies"][0]["start"].startswith("2001-12-01T13:30")
    assert "ligt in het verleden" in err and err.count("\n") == 1


def test_dagnaam_die_de_datum_tegenspreekt(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "--start", "wo 1-12-2026 13:30")
    assert code == 2 and out == ""
    assert err == ("planner: --start 'wo 1-12-2026 13:30': 1 december 2026 is een dinsdag, geen woensdag: "
                   "controleer de dag of de datum.\n")


@pytest.mark.parametrize("fout", [["--tijd", "10"], ["--interval", "7"], ["--format", "onzin"], ["--groep", "0"]])
def test_start_in_het_verleden_met_een_fout_geeft_alleen_de_fout(capsys, monkeypatch, fout):
    """A past --start and an error: the error alone, one sentence (issue 21.6)."""
    args = ["plan", "kickoff", "--groep", "20", "--start", "1 december 2001 13:30", *fout]
    code, out, err = run(capsys, monkeypatch, *args)
    assert code in (2, 3) and out == ""
    assert err.count("\n") == 1 and "verleden" not in err


def test_herhaling_zonder_eenheid_wordt_geweigerd(capsys, monkeypatch, tmp_path):
    code, out, err = run(capsys, monkeypatch, "plan", "training", "--groep", "16", "--ics", str(tmp_path / "t.ics"),
                         "--herhaling", "3")
    assert code == 2 and out == "" and "3mnd" in err and err.count("\n") == 1
    assert not (tmp_path / "t.ics").exists()


@pytest.mark.parametrize("herhaling", ["30m", "2u"])
def test_herhaling_die_in_de_training_zelf_valt_wordt_geweigerd(capsys, monkeypatch, tmp_path, herhaling):
    """--herhaling counts from the last session's start: 2u after 13:00 fell inside a training that ends at
    16:00, and the calendar got the follow-up in the middle of it. Refused like a too short --interval."""
    code, out, err = run(capsys, monkeypatch, "plan", "training", "--groep", "13", "--tijd", "3u",
                         "--start", "2026-12-01T13:00", "--ics", str(tmp_path / "t.ics"), "--herhaling", herhaling)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "--herhaling" in err and "16:00" in err and "3mnd" in err
    assert not (tmp_path / "t.ics").exists()


def test_herhaling_na_een_dag_mag(capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, "plan", "training", "--groep", "13", "--tijd", "3u",
                       "--start", "2026-12-01T13:00", "--ics", str(tmp_path / "t.ics"), "--herhaling", "1d")
    assert code == 0, err
    assert "DTSTART:20261202T120000Z" in (tmp_path / "t.ics").read_text()  # 13:00 in Amsterdam


def test_uitvoer_streepje_is_het_scherm(capsys, monkeypatch, tmp_path):
    """'-o -' means standard output, as in most command-line tools; it never writes a file named '-'."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "--tijd", "3u",
                         "--start", "2026-12-01T13:30", "--format", "json", "-o", "-")
    assert code == 0, err
    assert json.loads(out)["draaiboek"] == "kickoff"
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("groep", ["-3", "-" + "9" * 40, "\u22125"])
def test_negatieve_groep_is_te_klein_niet_te_groot(capsys, monkeypatch, groep):
    code, out, err = run(capsys, monkeypatch, "plan", "kickoff", f"--groep={groep}")
    assert code != 0 and out == ""
    assert "minstens 1 deelnemer" in err and "te groot" not in err
    assert len(err.strip().splitlines()) == 1


def _ics(pad):
    import icalendar

    kalender = icalendar.Calendar.from_ical(pad.read_bytes())
    return [(str(e["UID"]), str(e["SUMMARY"])) for e in kalender.walk("VEVENT")]


def test_ics_met_twee_sessies_geeft_ook_elke_sessie_een_eigen_bestand(capsys, monkeypatch, tmp_path):
    # Several mail and calendar programs import only a file's first event: session 2 alone too.
    pad = tmp_path / "x.ics"
    args = ["plan", "kickoff", "--groep", "20", "--tijd", "2u", "--start", "2026-12-01T13:30", "--ics", str(pad)]
    code, out, err = run(capsys, monkeypatch, *args)
    assert code == 0, err
    alles = _ics(pad)
    los = [_ics(tmp_path / f"x-{n}.ics") for n in (1, 2)]
    assert len(alles) == 2 and [e for (e,) in los] == alles  # the same UIDs: importing both adds nothing
    assert "(deel 2 van 2)" in los[1][0][1]
    assert "x-1.ics" in out + err and "x-2.ics" in out + err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-1.ics", "x-2.ics", "x.ics"]
    # Never over an existing file without --force, and then nothing at all is written.
    for p in tmp_path.iterdir():
        p.unlink()
    (tmp_path / "x-2.ics").write_text("mijn eigen agenda")
    code, _, err = run(capsys, monkeypatch, *args)
    assert code != 0 and "x-2.ics" in err and "--force" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-2.ics"]
    assert run(capsys, monkeypatch, *args, "--force")[0] == 0 and len(_ics(tmp_path / "x-2.ics")) == 1


def test_ics_met_herhaling_geeft_de_herhaling_een_eigen_bestand(capsys, monkeypatch, tmp_path):
    pad = tmp_path / "training.ics"
    code, _, err = run(capsys, monkeypatch, "plan", "training", "--groep", "12", "--start", "2026-12-01T13:30",
                       "--ics", str(pad), "--herhaling", "3mnd")
    assert code == 0, err
    alles = _ics(pad)
    assert [e for (e,) in (_ics(tmp_path / "training-1.ics"), _ics(tmp_path / "training-herhaling.ics"))] == alles


def test_ics_met_een_sessie_schrijft_een_bestand(capsys, monkeypatch, tmp_path):
    pad = tmp_path / "k.ics"
    code, _, err = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "--start", "2026-12-01T13:30",
                       "--ics", str(pad), "--per-onderdeel")
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["k.ics"]  # one session: its file is already alone


def test_uitvoer_op_de_naam_van_een_los_agenda_bestand_wordt_geweigerd(capsys, monkeypatch, tmp_path):
    code, out, err = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "--tijd", "2u", "--ics",
                         str(tmp_path / "x.ics"), "-o", str(tmp_path / "x-2.ics"))
    assert code != 0 and "x-2.ics" in err and "Traceback" not in err
    assert out == "" and list(tmp_path.iterdir()) == []
