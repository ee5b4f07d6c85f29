"""The re-plan, live and terugblik routes through the real entry point (issue 9)."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import run

AMBITIE = ["plan", "ambitiegesprek", "--groep", "5", "--tijd", "2u", "--start", "2026-12-01T13:00"]


def test_herplan_als_json_markeert_gedaan_en_begint_de_rest_op_nu(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, *AMBITIE, "--nu", "14:10", "--klaar", "ambities", "-f", "json")
    assert code == 0
    data = json.loads(out)
    onderdelen = data["sessies"][0]["onderdelen"]
    ids = [o["id"] for o in onderdelen]
    plek = ids.index("ambities")
    assert all(o["gedaan"] for o in onderdelen[:plek + 1])
    assert not any(o["gedaan"] for o in onderdelen[plek + 1:])
    assert onderdelen[plek]["eind"] == onderdelen[plek + 1]["start"] == "2026-12-01T14:10:00+01:00"
    afronden = onderdelen[-1]
    assert afronden["start"] == "2026-12-01T14:53:00+01:00" and afronden["eind"] == "2026-12-01T15:00:00+01:00"
    assert any(w.startswith("Herplanning om 14:10") for w in data["waarschuwingen"])


@pytest.mark.parametrize("formaat", ["tabel", "markdown", "html", "csv"])
def test_elk_formaat_toont_de_herplanning(capsys, monkeypatch, formaat):
    code, out, _ = run(capsys, monkeypatch, *AMBITIE, "--nu", "14:40", "--klaar", "ambities", "-f", formaat)
    assert code == 0
    if formaat == "csv":
        import csv as csvmodule

        rijen = list(csvmodule.DictReader(out.lstrip("\ufeff").splitlines(), delimiter=";"))
        assert rijen[3]["gedaan"] == "ja" and rijen[4]["gedaan"] == "nee"
    else:
        assert "Herplanning om 14:40" in out and "Niet meer aan bod" in out and "✓" in out


def test_herplan_met_een_datumtijd_en_vroeg_klaar(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "20", "--start", "2026-12-01T13:00",
                       "--nu", "2026-12-01 13:40", "--klaar", "voorstellen", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["sessies"][0]["eind"] == "2026-12-01T16:55:00+01:00"
    assert any("er blijft 5 min vrij" in w for w in data["waarschuwingen"])


@pytest.mark.parametrize("extra, fout", [
    (["--nu", "14:10", "--klaar", "bestaat-niet"], "is geen onderdeel van deze planning"),
    (["--nu", "12:10", "--klaar", "focus"], "vóór het begin van de sessie"),
    (["--nu", "straks", "--klaar", "focus"], "--nu 'straks' is geen tijd"),
    (["--nu", "14:10"], "--nu en --klaar horen bij elkaar"),
])
def test_foute_herplanning_is_een_zin(capsys, monkeypatch, extra, fout):
    code, out, err = run(capsys, monkeypatch, *AMBITIE, *extra)
    assert code != 0 and out == ""
    assert fout in err and err.count("\n") == 1 and "Traceback" not in err


def test_live_zonder_terminal_en_een_bestaand_log(capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, "live", "ambitiegesprek", "--groep", "5")
    assert code != 0 and "heeft een terminal nodig" in err
    log = tmp_path / "log.csv"
    log.write_text("van een eerdere sessie", encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "live", "ambitiegesprek", "--groep", "5", "--log", str(log))
    assert code != 0 and "bestaat al" in err and "--force" in err
    assert log.read_text(encoding="utf-8") == "van een eerdere sessie"


def test_terugblik_leest_een_log(capsys, monkeypatch, tmp_path):
    log = tmp_path / "log.csv"
    log.write_bytes(("\ufeffid;titel;gepland_start;gepland_eind;werkelijk_start;werkelijk_eind;minuten_verschil;"
                     "status\r\n"
                     "a;Opening;2026-12-01 13:00:00;2026-12-01 13:15:00;2026-12-01 13:02:00;2026-12-01 13:25:00;8;"
                     "gedaan\r\n"
                     "b;Kern;2026-12-01 13:15:00;2026-12-01 14:00:00;2026-12-01 13:25:00;;;bezig\r\n").encode())
    code, out, _ = run(capsys, monkeypatch, "terugblik", str(log))
    assert code == 0
    assert "Opening" in out and "15 min" in out and "23 min" in out and "+8 min" in out
    assert "geen einde" in out and "Duurde langer dan gepland: 'Opening' (+8)" in out
    code, _, err = run(capsys, monkeypatch, "terugblik", str(tmp_path / "weg.csv"))
    assert code != 0 and "bestaat niet" in err


def test_terugblik_houdt_de_kolommen_recht_met_een_lange_reden(capsys, monkeypatch, tmp_path):
    log = tmp_path / "log.csv"
    log.write_bytes(("\ufeffid;titel;gepland_start;gepland_eind;werkelijk_start;werkelijk_eind;minuten_verschil;"
                     "status\r\n"
                     "a;Opening;2026-12-01 13:00:00;2026-12-01 13:15:00;2026-12-01 13:00:00;2026-12-01 13:20:00;5;"
                     "gedaan\r\n"
                     "b;Reflectie;2026-12-01 13:15:00;2026-12-01 13:25:00;;;;overgeslagen\r\n").encode())
    code, out, _ = run(capsys, monkeypatch, "terugblik", str(log))
    assert code == 0
    kop = next(r for r in out.splitlines() if r.startswith("Onderdeel"))
    rij = next(r for r in out.splitlines() if r.startswith("Reflectie"))
    # The reason ends where the column heading ends, as the minutes of a done part do.
    assert rij.endswith("overgeslagen") and len(rij) == kop.index("Werkelijk") + len("Werkelijk")


def test_terugblik_van_een_log_volgt_de_breedte_van_de_terminal(capsys, monkeypatch, tmp_path):
    """The command hands the terminal's width to the table: a long title wraps in 50 columns and
    stays on one line in a pipe."""
    from planner.cli import scherm

    titel = "Kansen noteren, bespreken en prioriteren (de roze ronde) met de hele groep"
    log = tmp_path / "log.csv"
    log.write_bytes(("\ufeffid;titel;gepland_start;gepland_eind;werkelijk_start;werkelijk_eind;minuten_verschil;"
                     "status\r\n"
                     f"a;{titel};2026-12-01 13:00:00;2026-12-01 13:20:00;2026-12-01 13:00:00;2026-12-01 13:26:00;6;"
                     "gedaan\r\n").encode())
    code, out, _ = run(capsys, monkeypatch, "terugblik", str(log))
    assert code == 0 and any(r.startswith(titel) and r.endswith("+6 min") for r in out.splitlines())
    monkeypatch.setattr(scherm, "breedte", lambda: 50)
    code, out, _ = run(capsys, monkeypatch, "terugblik", str(log))
    assert code == 0 and max(len(r) for r in out.splitlines()) <= 50
    rij = next(r for r in out.splitlines() if r.startswith("Kansen"))
    assert rij.split()[-6:] == ["20", "min", "26", "min", "+6", "min"] and "…" not in out
    assert titel.split()[-1] in out  # the end of the title on a line of its own, not cut off


def test_live_van_opties_tot_scherm(capsys, monkeypatch, tmp_path):
    """The route through main: options read as by plan, the session picked, the app started once."""
    from planner.cli import scherm
    from planner.live.app import LiveApp

    gestart = []
    monkeypatch.setattr(scherm, "interactief", lambda: True)
    monkeypatch.setattr(LiveApp, "run", lambda self: gestart.append(self))
    log = tmp_path / "log.csv"
    code, _, err = run(capsys, monkeypatch, "live", "kickoff", "--groep", "20", "--tijd", "2u",
                       "--start", "2026-12-01T13:00", "--sessie", "2", "--log", str(log))
    assert code == 0 and len(gestart) == 1
    app = gestart[0]
    assert app.staat.sessienummer == 2 and app.logpad == log
    assert "Log bewaard" in err


def test_live_weigert_een_verplicht_onderdeel_weglaten(capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "live", "ontmoeting", "--groep", "6", "--zonder", "kern")
    assert code != 0 and "kern" in err and err.count("\n") == 1


@pytest.mark.parametrize(("extra", "verwacht"), [
    (["--start", "2026-12-06T13:00"], "De bijeenkomst valt op zondag 6 december 2026"),
    (["--start", "2026-12-11T13:30", "--tijd", "1u40", "--sessie", "3"], "Sessie 3 valt op Eerste kerstdag"),
])
def test_live_waarschuwt_voor_een_zondag_of_feestdag_zoals_plan(capsys, monkeypatch, extra, verwacht):
    """19.5 in live: the date warning is a line on stderr and on the screen at the start; the session runs."""
    from planner.cli import scherm
    from planner.live.app import LiveApp

    gestart = []
    monkeypatch.setattr(scherm, "interactief", lambda: True)
    monkeypatch.setattr(LiveApp, "run", lambda self: gestart.append(self))
    draaiboek = ["kickoff", "--groep", "20"] if "--sessie" in extra else ["ambitiegesprek", "--groep", "5"]
    code, _, err = run(capsys, monkeypatch, "live", *draaiboek, *extra)
    assert code == 0 and len(gestart) == 1
    regels = [r for r in err.splitlines() if verwacht in r]
    assert len(regels) == 1 and regels[0].startswith("let op: ")
    assert verwacht in gestart[0].melding


def test_live_op_een_werkdag_of_zonder_start_zegt_niets_over_data(capsys, monkeypatch):
    from planner.cli import scherm
    from planner.live.app import LiveApp

    gestart = []
    monkeypatch.setattr(scherm, "interactief", lambda: True)
    monkeypatch.setattr(LiveApp, "run", lambda self: gestart.append(self))
    code, _, err = run(capsys, monkeypatch, "live", "ambitiegesprek", "--groep", "5", "--start", "2026-12-01T13:00")
    assert code == 0 and " valt op " not in err and gestart[0].melding == ""
    code, _, err = run(capsys, monkeypatch, "live", "ambitiegesprek", "--groep", "5", "--land", "XX")
    assert code != 0 and "--land 'XX'" in err


@pytest.mark.parametrize("draaiboek", [["ambitiegesprek", "--groep", "5", "--tijd", "2u"],
                                       ["training-met-herhaling", "--groep", "12"]])
def test_live_weigert_een_log_in_een_map_zonder_schrijfrechten_voor_de_start(capsys, monkeypatch, tmp_path,
                                                                            draaiboek):
    """A --log in a folder that cannot be written (read-only, a read-only disk) is refused before the
    session starts, with one sentence and exit code 4: not found out after the session. Tests may run
    as root, where chmod does not stop a write: the write itself is made to fail as it would there."""
    import errno

    from planner.cli import bestanden, scherm
    from planner.live.app import LiveApp

    def geweigerd(stuk):
        raise PermissionError(errno.EACCES, "Permission denied", str(stuk.pad))

    gestart = []
    monkeypatch.setattr(scherm, "interactief", lambda: True)
    monkeypatch.setattr(LiveApp, "run", lambda self: gestart.append(self))
    monkeypatch.setattr(bestanden, "_bereid", geweigerd)
    log = tmp_path / "log.csv"
    code, _, err = run(capsys, monkeypatch, "live", *draaiboek, "--start", "2026-12-01T13:00", "--log", str(log))
    assert code == 4 and gestart == [], err
    assert "Ik mag niet schrijven in" in err and err.count("\n") == 1 and "Traceback" not in err
    assert not log.exists() and not list(tmp_path.iterdir())


@pytest.mark.parametrize("draaiboek", [["ambitiegesprek", "--groep", "5", "--tijd", "2u"],
                                       ["training-met-herhaling", "--groep", "12"]])
def test_een_bezette_poort_voor_het_zaalscherm_laat_geen_log_achter(capsys, monkeypatch, tmp_path, draaiboek):
    """The room page cannot start (its port is in use): one sentence, and no log of a session that never
    began, which the next try (on another port) would refuse to replace without --force."""
    import socket

    from planner.cli import scherm
    from planner.live.app import LiveApp

    gestart = []
    monkeypatch.setattr(scherm, "interactief", lambda: True)
    monkeypatch.setattr(LiveApp, "run", lambda self: gestart.append(self))
    log = tmp_path / "log.csv"
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = str(bezet.getsockname()[1])
        code, _, err = run(capsys, monkeypatch, "live", *draaiboek, "--start", "2026-12-01T13:00",
                           "--log", str(log), "--zaal-poort", poort)
    assert code != 0 and gestart == [] and "Traceback" not in err and err.count("\n") == 1, err
    assert poort in err
    assert list(tmp_path.iterdir()) == []
    # The next try, on a port that is free, starts without --force.
    with socket.socket() as vrij:
        vrij.bind(("127.0.0.1", 0))
        poort = str(vrij.getsockname()[1])
    code, _, err = run(capsys, monkeypatch, "live", *draaiboek, "--start", "2026-12-01T13:00",
                       "--log", str(log), "--zaal-poort", poort)
    assert code == 0 and len(gestart) == 1, err


@pytest.mark.parametrize(("naam", "groep"), [("ambitiegesprek", "5"), ("training-met-herhaling", "12")])
def test_live_schrijft_de_kop_van_het_log_bij_de_start(capsys, monkeypatch, tmp_path, naam, groep):
    """The log exists (the plan, nothing done yet) before the screen opens: a folder that works is proven."""
    from planner.cli import scherm
    from planner.live.app import LiveApp

    gezien = []
    monkeypatch.setattr(scherm, "interactief", lambda: True)
    monkeypatch.setattr(LiveApp, "run", lambda self: gezien.append(sorted(p.name for p in tmp_path.iterdir())))
    log = tmp_path / "log.csv"
    code, _, err = run(capsys, monkeypatch, "live", naam, "--groep", groep, "--start", "2026-12-01T13:00",
                       "--log", str(log))
    assert gezien and gezien[0], err
    assert all(n.endswith(".csv") for n in gezien[0])
    eerste = tmp_path / gezien[0][0]
    assert eerste.read_text(encoding="utf-8-sig").startswith("id;titel;gepland_start")
