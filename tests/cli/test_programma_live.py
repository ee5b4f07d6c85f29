"""`planner live PROGRAMMA` as `planner live DRAAIBOEK`: the date check, the room page, and a clear
sentence for what a programme does not do (--nu/--klaar) — issue 23, the remaining gaps."""

from __future__ import annotations

import json
import socket
import urllib.request
from datetime import timedelta

import pytest
import typer

from tests.cli.test_cli import run
from tests.cli.test_programma import eigen  # noqa: F401 - the fixture with the programme files


@pytest.fixture
def scherm_nep(monkeypatch):
    """The live screen without a terminal: each block's app is recorded, Enter goes on to the next."""
    from planner.cli import scherm
    from planner.live.app import LiveApp

    gestart: list[LiveApp] = []
    monkeypatch.setattr(scherm, "interactief", lambda: True)
    monkeypatch.setattr(LiveApp, "run", lambda self: gestart.append(self))
    monkeypatch.setattr(typer, "prompt", lambda *a, **k: "")
    return gestart


def test_live_programma_noemt_een_zondag_zoals_een_draaiboek(eigen, scherm_nep, capsys, monkeypatch):  # noqa: F811
    code, uit, err = run(capsys, monkeypatch, "live", "studiedag", "--groep", "9", "--start", "2026-12-06T09:30")
    assert code == 0 and len(scherm_nep) == 2  # both draaiboek blocks ran, the lunch was named between them
    regels = [r for r in err.splitlines() if "zondag 6 december 2026" in r]
    assert len(regels) == 1 and regels[0].startswith("let op: ")
    assert "zondag 6 december 2026" in scherm_nep[0].melding and "zondag" not in scherm_nep[1].melding
    assert "Lunch (45 min)" in uit
    # A finished first block names what comes next; the last one is the end of the day.
    assert scherm_nep[0].blok == "blok 1 van 2" and scherm_nep[0].verder.startswith("10:25 Lunch, 11:10 ")
    assert scherm_nep[1].blok == "blok 2 van 2" and scherm_nep[1].verder == ""
    # The lunch between the blocks is also on the second block's screen (the clock hides the terminal).
    assert "Eerst: 10:25–11:10  Lunch (45 min)" in scherm_nep[1].melding
    assert "Het programma van deze dag is klaar." in uit


def test_live_programma_noemt_een_agendapunt_na_het_laatste_blok(eigen, scherm_nep, capsys, monkeypatch):  # noqa: F811
    (eigen / "dag.toml").write_text('[programma]\ntitel = "Dag"\n\n[[blokken]]\ndraaiboek = "kennismaking"\n\n'
                                    '[[blokken]]\nagendapunt = "Afsluiting"\nminuten = 10\n', encoding="utf-8")
    code, uit, err = run(capsys, monkeypatch, "live", "dag", "--groep", "9", "--start", "2026-12-01T09:30")
    assert code == 0, err
    assert scherm_nep[0].verder == "10:25 Afsluiting, dan is de dag klaar"
    assert "10:25–10:35  Afsluiting (10 min)" in uit and uit.rstrip().endswith("Het programma van deze dag is klaar.")


def test_live_programma_op_een_werkdag_zegt_niets_en_weigert_een_fout_land(eigen, scherm_nep, capsys,  # noqa: F811
                                                                       monkeypatch):
    code, _, err = run(capsys, monkeypatch, "live", "studiedag", "--groep", "9", "--start", "2026-12-01T09:30")
    assert code == 0 and " valt op " not in err and scherm_nep[0].melding == ""
    code, _, err = run(capsys, monkeypatch, "live", "studiedag", "--groep", "9", "--land", "XX")
    assert code != 0 and "--land 'XX'" in err and "Traceback" not in err


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_live_programma_zaal_volgt_het_lopende_blok(eigen, capsys, monkeypatch):  # noqa: F811
    from planner.cli import scherm
    from planner.live.app import LiveApp

    gezien: list[tuple[str, str]] = []

    def kijk(app: LiveApp) -> None:
        adres = app.zaal.split("open ", 1)[1].split(" ", 1)[0]
        with urllib.request.urlopen(adres + "stand.json", timeout=5) as antwoord:
            gezien.append((json.loads(antwoord.read())["draaiboek"], app.staat.origineel.draaiboek.titel))

    monkeypatch.setattr(scherm, "interactief", lambda: True)
    monkeypatch.setattr(LiveApp, "run", kijk)
    monkeypatch.setattr(typer, "prompt", lambda *a, **k: "")
    poort = _vrije_poort()
    code, _, err = run(capsys, monkeypatch, "live", "studiedag", "--groep", "9", "--start", "2026-12-01T09:30",
                       "--zaal", "--zaal-poort", str(poort))
    assert code == 0, err
    assert len(gezien) == 2 and all(kamer == blok for kamer, blok in gezien)  # the room shows the running block
    assert gezien[0][0] != gezien[1][0]
    with socket.socket() as s:  # the server stopped when the day ended (a closed port can be listened on again)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", poort))
        s.listen()


def test_nu_en_klaar_bij_een_programma_zeggen_wat_wel_kan(eigen, capsys, monkeypatch):  # noqa: F811
    code, _, err = run(capsys, monkeypatch, "plan", "studiedag", "--groep", "9", "--start", "2026-12-01T09:30",
                       "--nu", "10:10", "--klaar", "ronde")
    assert code != 0 and err.count("\n") == 1 and "Traceback" not in err
    assert "planner live studiedag --groep 9" in err and "--nu 10:10 --klaar ID" in err


def test_live_programma_later_gestart_gaat_verder_met_het_blok_dat_nu_loopt(eigen, scherm_nep, capsys,  # noqa: F811
                                                                           monkeypatch):
    """A facilitator who starts (again) during the training is not refused for the kennismaking that is over."""
    from tests.vaste_klok import NU

    begin = (NU - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    code, uit, err = run(capsys, monkeypatch, "live", "studiedag", "--groep", "9", "--start", begin)
    assert code == 0, err
    assert len(scherm_nep) == 1 and scherm_nep[0].blok == "blok 2 van 2"
    assert "Voorbij (overgeslagen): " in uit and "Kennismakings-/voorstelronde" in scherm_nep[0].melding
    code, _, err = run(capsys, monkeypatch, "live", "studiedag", "--groep", "9",
                       "--start", (NU - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M"))
    assert code != 0 and "al voorbij" in err and "Traceback" not in err
