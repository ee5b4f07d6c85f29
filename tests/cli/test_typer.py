"""typer reads every command line: the options arrive in the commands as the user wrote them, the
shared planning options are declared once, and the behaviours the old hand-written fast route kept
(a reader gone, Ctrl-C, no heavy import a command does not need) hold through typer."""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from planner.cli import app as cli
from planner.cli import opdrachten, opties


def _commando(naam: str):
    return typer.main.get_command(cli.app).commands[naam]  # type: ignore[attr-defined]


def _wat_typer_leest(monkeypatch, argv: list[str]):
    """What typer hands to the command, or None when it refuses the line."""
    gezien = []
    monkeypatch.setattr(opdrachten, "plan", lambda o, **_: gezien.append(("plan", o)))
    monkeypatch.setattr(opdrachten, "lijst", lambda formaat: gezien.append(("lijst", {"formaat": formaat})))
    monkeypatch.setattr(opdrachten, "toon", lambda draaiboek, groep, formaat: gezien.append(
        ("toon", {"draaiboek": draaiboek, "groep": groep, "formaat": formaat})))
    monkeypatch.setattr(sys, "argv", ["planner", *argv])
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with pytest.raises(SystemExit):
        cli.main()
    return gezien[0] if gezien else None


def test_standaardwaarden_van_plan_zijn_die_van_planopties():
    velden = {veld.name: veld.default for veld in dataclasses.fields(opdrachten.PlanOpties)}
    params = {param.name: param.default for param in _commando("plan").params}
    assert velden == params


def test_plan_en_live_delen_de_planningsopties():
    """Declared once (opties.Planning): the same names, defaults and help in both commands."""
    gedeeld = {veld.name for veld in dataclasses.fields(opties.Planning)}

    def beschrijving(naam: str) -> dict[str, tuple]:
        return {p.name: (tuple(p.opts), p.default, p.help) for p in _commando(naam).params if p.name in gedeeld}

    assert beschrijving("plan") == beschrijving("live") and len(beschrijving("plan")) == len(gedeeld)


@pytest.mark.parametrize(("argv", "verwacht"), [
    (["plan", "kickoff", "--groep", "20", "--tijd", "3u", "--start", "2026-12-01T13:30"],
     {"draaiboek": "kickoff", "groep": "20", "tijd": "3u", "start": "2026-12-01T13:30"}),
    (["plan", "kickoff", "-g", "20", "-t", "3u", "-s", "1 dec 13:30", "-f", "json"],
     {"groep": "20", "tijd": "3u", "start": "1 dec 13:30", "formaat": "json"}),
    (["plan", "--groep=16", "training", "--ics", "t.ics", "--herinnering", "1d", "--herhaling", "3mnd"],
     {"draaiboek": "training", "groep": "16", "ics": Path("t.ics"), "herinnering": "1d", "herhaling": "3mnd"}),
    (["plan", "kennismaking", "--groep", "10", "--daarna", "Teamoverleg=45m", "--daarna", "Rondvraag=10m"],
     {"daarna": ["Teamoverleg=45m", "Rondvraag=10m"]}),
    (["plan", "kickoff", "--groep", "20", "--format", "markdown", "--voor", "deelnemers", "-o", "a.md", "--force"],
     {"formaat": "markdown", "voor": "deelnemers", "uitvoer": Path("a.md"), "force": True}),
])
def test_plan_krijgt_de_opties_zoals_gegeven(argv, verwacht, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    commando, gelezen = _wat_typer_leest(monkeypatch, argv)
    assert commando == "plan"
    assert {naam: getattr(gelezen, naam) for naam in verwacht} == verwacht
    standaard = opdrachten.PlanOpties()
    for veld in dataclasses.fields(gelezen):
        if veld.name not in verwacht and veld.name not in ("draaiboek", "groep"):
            assert getattr(gelezen, veld.name) == getattr(standaard, veld.name), veld.name


@pytest.mark.parametrize(("argv", "verwacht"), [
    (["lijst"], ("lijst", {"formaat": "tabel"})), (["lijst", "--format", "json"], ("lijst", {"formaat": "json"})),
    (["toon", "kickoff"], ("toon", {"draaiboek": "kickoff", "groep": None, "formaat": "tabel"})),
    (["toon", "-f", "json", "training"], ("toon", {"draaiboek": "training", "groep": None, "formaat": "json"})),
])
def test_lijst_en_toon(argv, verwacht, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert _wat_typer_leest(monkeypatch, argv) == verwacht


@pytest.mark.parametrize(("argv", "niet_geladen"), [
    (["plan", "kickoff", "--groep", "20", "--format", "json"], {"textual", "docx", "ics"}),
    (["plan", "kickoff", "--groep", "20"], {"textual", "docx", "ics"}),
    (["lijst"], {"textual", "docx", "ics"}),
    (["toon", "kickoff"], {"textual", "docx", "ics"}),
])
def test_een_commando_laadt_alleen_wat_het_nodig_heeft(argv, niet_geladen, tmp_path):
    """Libraries one command uses (textual for live, docx for importeer, ics for --ics) load only there."""
    proces = subprocess.run([sys.executable, "-X", "importtime", "-m", "planner", *argv], capture_output=True,
                            text=True, cwd=tmp_path, env={"PATH": "", "XDG_CACHE_HOME": str(tmp_path)})
    assert proces.returncode == 0, proces.stderr[-2000:]
    geladen = {regel.rsplit("|", 1)[-1].strip().split(".")[0] for regel in proces.stderr.splitlines() if "|" in regel}
    assert not geladen & niet_geladen


def _in_proces(argv: list[str], tmp_path: Path, voor: str = "", **kwargs) -> tuple[int, str]:
    """Exit code and stderr in a process of its own (a real pipe, a real signal)."""
    (tmp_path / "eigen").mkdir(exist_ok=True)
    # The suite's fixed clock (tests/vaste_klok.py) in the child process too.
    klok = (f"sys.path.insert(0, {str(Path(__file__).parent.parent)!r})\nimport time_machine, vaste_klok\n"
            "time_machine.travel(vaste_klok.NU, tick=True).start()")
    start = "from planner.cli import ingang; ingang.main()"
    code = f"import sys\n{klok}\n{voor}\nsys.argv = {['planner', *argv]!r}\n{start}"
    proces = subprocess.run([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                            env={"PATH": "", "XDG_CACHE_HOME": str(tmp_path / "cache"),
                                 "PLANNER_DRAAIBOEKEN": str(tmp_path / "eigen")}, timeout=60, **kwargs)
    return proces.returncode, proces.stderr


@pytest.mark.parametrize("argv", [["plan", "kickoff", "--groep", "20", "--start", "2026-12-01T13:30"], ["lijst"]])
def test_lezer_weg_is_geen_fout(argv, tmp_path):
    """`planner plan … | head`: the reader has gone before the agenda is written. Click would stop the
    command with exit 1 itself; the planner stops silently with 0."""
    lees, schrijf = os.pipe()
    os.close(lees)
    try:
        assert _in_proces(argv, tmp_path, stdout=schrijf) == (0, "")
    finally:
        os.close(schrijf)


@pytest.mark.parametrize("argv", [["plan", "kickoff", "--groep", "20", "--start", "2026-12-01T13:30"], ["lijst"]])
def test_ctrl_c_tijdens_de_opdracht(argv, tmp_path):
    """Ctrl-C while the command runs: 'Afgebroken.' and 130 (typer itself would exit 130 silently)."""
    stop = ("import os, signal\nfrom planner.cli import scherm\n"
            "def stop(*a, **k):\n    os.kill(os.getpid(), signal.SIGINT)\n"
            "scherm.naar_scherm = stop")
    assert _in_proces(argv, tmp_path, voor=stop, stdout=subprocess.DEVNULL) == (130, "planner: Afgebroken.\n")
