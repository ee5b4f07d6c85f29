"""The fast route for plain `plan`/`lijst` lines reads exactly what typer would, or leaves the line to typer."""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from hypothesis import event, given, settings
from hypothesis import strategies as st

from planner.cli import app as cli
from planner.cli import ingang, opdrachten, snel

README = Path(__file__).resolve().parent.parent / "README.md"


def _commando(naam: str):
    return typer.main.get_command(cli.app).commands[naam]  # type: ignore[attr-defined]


def _soort(param) -> str:
    if param.is_flag:
        return snel.VLAG
    if param.multiple:
        return snel.MEER
    if type(param.type).__name__.endswith("Path"):  # click.Path, or typer's copy of it
        return snel.PAD
    return snel.WAARDE


@pytest.mark.parametrize(("naam", "tabel"), [("plan", snel.PLAN), ("lijst", snel.LIJST), ("toon", snel.TOON)])
def test_tabel_is_die_van_typer(naam, tabel):
    """An option added to, renamed in or removed from cli.py without the table fails here."""
    verwacht = {}
    for param in _commando(naam).params:
        if param.param_type_name != "option":
            continue
        for optie in (*param.opts, *param.secondary_opts):
            verwacht[optie] = (param.name, _soort(param))
    assert tabel == verwacht


def test_standaardwaarden_zijn_die_van_typer():
    velden = {veld.name: veld.default for veld in dataclasses.fields(opdrachten.PlanOpties)}
    params = {param.name: param.default for param in _commando("plan").params}
    assert velden.keys() == params.keys()
    for naam, standaard in params.items():
        # typer keeps None for an unset list option, and passes None on
        assert velden[naam] == standaard, naam
    lijst = {param.name: param.default for param in _commando("lijst").params}
    assert lijst == {"formaat": "tabel"} and opdrachten.lijst.__defaults__ == ("tabel",)
    toon = {param.name: param.default for param in _commando("toon").params if param.param_type_name == "option"}
    assert toon == {"groep": None, "formaat": "tabel"} and opdrachten.toon.__defaults__ == (None, "tabel")


def _wat_typer_leest(monkeypatch, argv: list[str]):
    """What typer's route hands to the command, or None when typer refuses the line."""
    gezien = []
    monkeypatch.setattr(opdrachten, "plan", lambda opties, **_: gezien.append(("plan", opties)))
    monkeypatch.setattr(opdrachten, "lijst", lambda formaat: gezien.append(("lijst", {"formaat": formaat})))
    monkeypatch.setattr(opdrachten, "toon", lambda draaiboek, groep, formaat: gezien.append(
        ("toon", {"draaiboek": draaiboek, "groep": groep, "formaat": formaat})))
    monkeypatch.setattr(sys, "argv", ["planner", *argv])
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with pytest.raises(SystemExit):
        cli.main()
    return gezien[0] if gezien else None


def _als_typer(gelezen):
    commando, waarden = gelezen
    if commando == "plan":
        return commando, opdrachten.PlanOpties(**waarden)
    if commando == "toon":
        return commando, {"groep": None, "formaat": "tabel", **waarden}
    return commando, {"formaat": "tabel", **waarden}


WAARDEN = st.sampled_from(["20", "3u", "kickoff", "-2u", "", "a=b", "--groep", "-g", "x.ics", "~/x", "1 dec 13:30",
                           "--", "-", "=", "json", "--force", "Ans"])
RUIS = st.sampled_from(["--help", "-h", "--version", "--onbekend", "-g20", "--groep=", "--force=ja", "--tijd=1u",
                        "-o=x", "--begeleider=Ans", "--", "-", "training", ""])


@st.composite
def regels(draw) -> list[str]:
    """Mostly lines typer accepts (options with values, a draaiboek somewhere), some with a slip in them."""
    commando = draw(st.sampled_from(["plan", "plan", "plan", "lijst", "toon"]))
    tabel = {"plan": snel.PLAN, "lijst": snel.LIJST, "toon": snel.TOON}[commando]
    woorden: list[str] = []
    for optie in draw(st.lists(st.sampled_from(sorted(tabel)), max_size=7)):
        woorden.append(optie if tabel[optie][1] == snel.VLAG else draw(st.sampled_from([optie, f"{optie}="])))
        if tabel[optie][1] != snel.VLAG:
            waarde = draw(WAARDEN)
            woorden[-1:] = [woorden[-1] + waarde] if woorden[-1].endswith("=") else [woorden[-1], waarde]
    if commando in ("plan", "toon"):
        woorden.insert(draw(st.integers(0, len(woorden))), draw(st.sampled_from(["kickoff", "training", ""])))
    if commando == "plan":
        woorden += ["--groep", draw(WAARDEN)] if draw(st.integers(0, 4)) else []
    if draw(st.integers(0, 3)) == 0:
        woorden.insert(draw(st.integers(0, len(woorden))), draw(RUIS))
    return [commando, *woorden]


@settings(max_examples=400, deadline=None)
@given(argv=regels())
def test_snel_leest_wat_typer_leest(argv, tmp_path_factory):
    """Every line the fast route takes, typer reads the same way: the same options, the same values."""
    gelezen = snel.lees(argv)
    event("snel" if gelezen is not None else "typer")
    if gelezen is None:
        return  # typer's line: nothing to compare
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(tmp_path_factory.mktemp("snel"))
        assert _wat_typer_leest(monkeypatch, argv) == _als_typer(gelezen)


@pytest.mark.parametrize("argv", [
    ["plan", "kickoff", "--groep", "20", "--tijd", "3u", "--start", "2026-12-01T13:30"],
    ["plan", "kickoff", "-g", "20", "-t", "3u", "-s", "1 dec 13:30", "-f", "json"],
    ["plan", "--groep=16", "training", "--ics", "t.ics", "--herinnering", "1d", "--herhaling", "3mnd"],
    ["plan", "kennismaking", "--groep", "10", "--daarna", "Teamoverleg=45m", "--daarna", "Rondvraag=10m"],
    ["plan", "kickoff", "--groep", "20", "--format", "markdown", "--voor", "deelnemers", "-o", "a.md", "--force"],
    ["lijst"], ["lijst", "--format", "json"],
    ["toon", "kickoff"], ["toon", "kennismaking", "--groep", "8"], ["toon", "-f", "json", "training"],
])
def test_gewone_regels_gaan_snel(argv, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    gelezen = snel.lees(argv)
    assert gelezen is not None
    assert _wat_typer_leest(monkeypatch, argv) == _als_typer(gelezen)


@pytest.mark.parametrize("argv", [
    ["plan", "kickoff", "--groep", "20", "--help"], ["plan", "-h"], ["plan", "kickoff"], ["plan", "--groep", "20"],
    ["plan", "kickoff", "training", "--groep", "20"], ["plan", "kickoff", "-g20"], ["plan", "kickoff", "--groep"],
    ["plan", "kickoff", "--groep", "20", "--force=ja"], ["plan", "kickoff", "--groep", "20", "--"],
    ["plan", "kickoff", "--grope", "20"], ["lijst", "extra"], ["toon"], ["toon", "a", "b"], ["toon", "-h", "a"],
    ["controleer", "kickoff"], ["--version"], [],
])
def test_al_het_andere_gaat_naar_typer(argv):
    assert snel.lees(argv) is None


def test_aanvullen_gaat_naar_typer(monkeypatch):
    monkeypatch.setenv("_PLANNER_COMPLETE", "complete_bash")
    assert snel.lees(["plan", "kickoff", "--groep", "20"]) is None


def test_onleesbaar_bestaand_pad_gaat_naar_typer(monkeypatch, tmp_path):
    monkeypatch.setattr(snel.os, "access", lambda *_: False)
    (tmp_path / "a.md").write_text("oud")
    assert snel.lees(["plan", "kickoff", "--groep", "2", "-o", str(tmp_path / "a.md")]) is None
    assert snel.lees(["plan", "kickoff", "--groep", "2", "-o", str(tmp_path / "nieuw.md")]) is not None


REGELS = [
    ["plan", "kickoff", "--groep", "20", "--tijd", "3u", "--start", "2026-12-01T13:30"],
    ["plan", "training", "--groep", "16", "--tijd", "2u30", "--start", "2026-12-01T09:00", "--format", "markdown"],
    ["plan", "kennismaking", "--groep", "8", "--start", "2026-12-01T09:00", "-f", "csv"],
    ["plan", "kickoff", "--groep", "20", "--tijd", "10"],
    ["plan", "kickoff", "--groep", "0"],
    ["plan", "kickoff", "--groep", "20", "--format", "onzin"],
    ["plan", "onbekend", "--groep", "20"],
    ["plan", "kickoff", "--groep", "20", "--herinnering", "1d"],
    ["plan", "kickoff", "--groep", "20", "--start", "2026-12-01T13:30", "--nu", "14:40", "--klaar", "opening"],
    ["lijst"], ["lijst", "-f", "json"], ["lijst", "--format", "xml"],
    ["toon", "kickoff"], ["toon", "kennismaking", "-g", "8"], ["toon", "kickoff", "-f", "json"],
    ["toon", "onbekend"], ["toon", "kickoff", "--groep", "0"], ["toon", "kickoff", "--groep", "99"],
]


@pytest.mark.parametrize("argv", REGELS)
def test_beide_routes_geven_hetzelfde(argv, monkeypatch, capsys):
    """Output, messages and exit code are the same whichever route reads the line."""
    assert snel.lees(argv) is not None
    uitkomsten = []
    for route in (ingang.opdracht, cli.main):
        monkeypatch.setattr(sys, "argv", ["planner", *argv])
        with pytest.raises(SystemExit) as uit:
            route()
        vast = capsys.readouterr()
        uitkomsten.append((uit.value.code, vast.out, vast.err))
    assert uitkomsten[0] == uitkomsten[1]


@pytest.mark.parametrize(("argv", "met_typer", "met_rich"), [
    (["plan", "kickoff", "--groep", "20", "--format", "json"], False, False),
    (["plan", "kickoff", "--groep", "20", "--format", "json", "--ics", "uit.ics"], False, False),
    (["plan", "kickoff", "--groep", "20"], False, True),
    (["lijst"], False, False),
    (["toon", "kickoff"], False, True),
])
def test_snelle_route_laadt_typer_niet(argv, met_typer, met_rich, tmp_path):
    """The point of the route: a plain plan or list never imports typer; rich only where a table is
    drawn, so JSON and the calendar do without it."""
    proces = subprocess.run([sys.executable, "-X", "importtime", "-m", "planner", *argv], capture_output=True,
                            text=True, cwd=tmp_path, env={"PATH": "", "XDG_CACHE_HOME": str(tmp_path)})
    assert proces.returncode == 0, proces.stderr[-2000:]
    geladen = {regel.rsplit("|", 1)[-1].strip() for regel in proces.stderr.splitlines() if "|" in regel}
    assert ("typer" in geladen) == met_typer
    assert ("rich" in geladen) == met_rich


def _in_proces(route: str, argv: list[str], tmp_path: Path, voor: str = "", **kwargs) -> tuple[int, str]:
    """Exit code and stderr of one route in its own process (a real pipe, a real signal)."""
    (tmp_path / "eigen").mkdir(exist_ok=True)
    snel = "from planner.cli import ingang; ingang.main()"
    start = snel if route == "snel" else "from planner.cli import app; app.main()"
    # The suite's fixed clock (tests/vaste_klok.py) in the child process too.
    klok = (f"sys.path.insert(0, {str(Path(__file__).parent)!r})\nimport time_machine, vaste_klok\n"
            "time_machine.travel(vaste_klok.NU, tick=True).start()")
    code = f"import sys\n{klok}\n{voor}\nsys.argv = {['planner', *argv]!r}\n{start}"
    proces = subprocess.run([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                            env={"PATH": "", "XDG_CACHE_HOME": str(tmp_path / "cache"),
                                 "PLANNER_DRAAIBOEKEN": str(tmp_path / "eigen")}, timeout=60, **kwargs)
    return proces.returncode, proces.stderr


@pytest.mark.parametrize("argv", [["plan", "kickoff", "--groep", "20", "--start", "2026-12-01T13:30"], ["lijst"]])
def test_lezer_weg_is_op_beide_routes_gelijk(argv, tmp_path):
    """`planner plan … | head`: the reader has gone before the agenda is written. Click stops a
    command on EPIPE with exit 1 itself; both routes must end as scherm.draai says (0, silent)."""
    uitkomsten = []
    for route in ("snel", "typer"):
        lees, schrijf = os.pipe()
        os.close(lees)  # the reader is gone: the first write is a broken pipe
        try:
            uitkomsten.append(_in_proces(route, argv, tmp_path, stdout=schrijf))
        finally:
            os.close(schrijf)
    assert uitkomsten[0] == uitkomsten[1] == (0, "")


@pytest.mark.parametrize("argv", [["plan", "kickoff", "--groep", "20", "--start", "2026-12-01T13:30"], ["lijst"]])
def test_ctrl_c_tijdens_de_opdracht_is_op_beide_routes_gelijk(argv, tmp_path):
    """Ctrl-C while the command runs: 'Afgebroken.' and 130 on both routes (typer itself would
    turn it into a silent exit 130)."""
    stop = ("import os, signal\nfrom planner.cli import scherm\n"
            "def stop(*a, **k):\n    os.kill(os.getpid(), signal.SIGINT)\n"
            "scherm.naar_scherm = stop")
    uitkomsten = [_in_proces(route, argv, tmp_path, voor=stop, stdout=subprocess.DEVNULL)
                  for route in ("snel", "typer")]
    assert uitkomsten[0] == uitkomsten[1] == (130, "planner: Afgebroken.\n")
