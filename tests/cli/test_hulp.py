"""--help teaches: every option documented in the README, no type markers, Dutch throughout.

Like sqlite-utils' README test: the option tables in README.md are compared with the options the
commands really have, so a new option without a line in the README fails here.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import typer.main

from planner.cli.app import app, main

README = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDO = typer.main.get_command(app)


def run(capsys, monkeypatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["planner", *args])
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as uit:
        main()
    vastgelegd = capsys.readouterr()
    return uit.value.code, vastgelegd.out, vastgelegd.err


def tabel(kop: str) -> list[str]:
    """The rows of the README table whose header starts with `kop`."""
    regels = README.split("\n" + kop, 1)[1].split("\n\n", 1)[0].splitlines()
    return [r for r in regels[1:] if r.startswith("| ") and not r.startswith("| ---")]


def gedocumenteerd(rijen: list[str]) -> set[str]:
    """Every option or argument named at the start of a `code` span: '`--groep N`' gives '--groep'."""
    return {deel.split()[0] for rij in rijen for deel in re.findall(r"`([^`]+)`", rij.split(" | ")[0]) if deel.split()}


def namen(commando) -> set[str]:
    uit = set()
    for param in commando.params:
        if param.param_type_name == "argument":
            uit.add(param.metavar or param.name.upper())
        else:
            uit.update(param.opts)
    uit.update(commando.get_help_option(typer.Context(commando)).opts)
    return uit


def test_elke_optie_van_plan_staat_in_de_readme_tabel():
    ontbreekt = namen(COMMANDO.commands["plan"]) - gedocumenteerd(tabel("| optie van `planner plan` |"))
    assert not ontbreekt, f"zet deze opties van 'planner plan' in de tabel in README.md: {sorted(ontbreekt)}"


def test_elke_optie_van_de_andere_commandos_staat_in_de_readme():
    rijen = tabel("| commando en optie |")
    for naam, commando in COMMANDO.commands.items():
        if naam == "plan":
            continue
        eigen = [r for r in rijen if f"`planner {naam} " in r or f"`planner {naam}`" in r]
        woorden = {w for r in eigen for deel in re.findall(r"`([^`]+)`", r.split(" | ")[0]) for w in deel.split()}
        woorden |= {w.rstrip("…") for w in woorden}
        ontbreekt = namen(commando) - woorden - {"--help", "-h"}  # '--help' is in the line under the table
        assert eigen and not ontbreekt, f"zet deze opties van 'planner {naam}' in README.md: {sorted(ontbreekt)}"
    hoofd = {o for p in COMMANDO.params for o in p.opts} - {"--help", "-h"}
    assert hoofd <= {w for r in rijen for deel in re.findall(r"`([^`]+)`", r) for w in deel.split()}
    assert "Elk commando heeft `--help` (of `-h`)" in README


@pytest.mark.parametrize("args", [["--help"], ["-h"], [], ["lijst", "--help"], ["toon", "--help"], ["plan", "--help"],
                                  ["nieuw", "--help"], ["controleer", "--help"]])
def test_hulp_zonder_typemarkering_of_accolades(capsys, monkeypatch, args):
    code, out, err = run(capsys, monkeypatch, *args)
    assert code == 0 and err == ""
    assert "Gebruik: planner" in out
    for teken in ("<str>", "<list", "<int>", "<path>", "{", "}", "Usage", "Options", "Arguments", "Show this"):
        assert teken not in out, f"'{teken}' in {args}"


@pytest.mark.parametrize(("commando", "gebruik"), [
    ("plan", "Gebruik: planner plan [OPTIES] [DRAAIBOEK]"),
    ("toon", "Gebruik: planner toon [OPTIES] DRAAIBOEK"),
    # The names after --programma are that option's (DRAAIBOEK... in its help line), not an argument.
    ("nieuw", "Gebruik: planner nieuw [OPTIES] NAAM"),
    ("controleer", "Gebruik: planner controleer [OPTIES] [PAD...]"),
    ("terugblik", "Gebruik: planner terugblik [OPTIES] LOG..."),  # at least one log: not in brackets
    ("lijst", "Gebruik: planner lijst [OPTIES]"),
])
def test_gebruiksregels(capsys, monkeypatch, commando, gebruik):
    _, out, _ = run(capsys, monkeypatch, commando, "--help")
    assert out.splitlines()[1].strip() == gebruik


def test_standaardwaarden_en_uitleg_in_de_hulp(capsys, monkeypatch):
    _, out, _ = run(capsys, monkeypatch, "plan", "--help")
    tekst = " ".join(out.replace("│", " ").split())  # a default may wrap onto the panel's next line
    assert "[standaard: 7d]" in tekst and "[standaard: tabel]" in tekst
    assert "'1 dec 13:30'" in tekst  # the Dutch dates are taught where the date is asked


def test_toetsen_van_live_staan_in_een_alinea(capsys, monkeypatch):
    # The key list is one paragraph that wraps; a blank line in the middle split it in two halves.
    _, out, _ = run(capsys, monkeypatch, "live", "--help")
    alinea = next(a for a in out.split("\n\n") if "Toetsen:" in a)
    assert "p = pauze" in alinea and "q = stoppen" in " ".join(alinea.split())


@pytest.mark.parametrize("args", [
    ["plan", "kickoff", "--bogus"], ["plan", "kickoff", "--groep"], ["plan", "kickoff", "--force=ja", "-g", "3"],
    ["plan", "kickoff", "een", "twee"], ["toon"],
])
def test_een_verwijzing_naar_de_hulp_van_het_commando(capsys, monkeypatch, args):
    code, out, err = run(capsys, monkeypatch, *args)
    assert code == 2 and out == ""
    assert err.endswith(f"zie 'planner {args[0]} --help'.\n") and err.count("\n") == 1


def test_onbekend_commando_verwijst_naar_de_hoofdhulp(capsys, monkeypatch):
    _, _, err = run(capsys, monkeypatch, "xyz")
    assert err == ("planner: Het commando 'xyz' bestaat niet: kies uit lijst, toon, plan, live, terugblik, "
                   "nieuw, importeer, controleer; zie 'planner --help'.\n")


def test_een_tikfout_krijgt_het_bedoelde_commando_of_de_bedoelde_optie(capsys, monkeypatch):
    _, _, err = run(capsys, monkeypatch, "plannen")
    assert "'plannen' bestaat niet (bedoel je 'plan'?)" in err and err.count("\n") == 1
    code, _, err = run(capsys, monkeypatch, "plan", "kickoff", "--groeb", "3")
    assert code == 2 and "'--groeb' bestaat niet (bedoel je '--groep'?): zie 'planner plan --help'." in err


def test_na_een_commando_kent_de_app_weer_alle_commandos(capsys, monkeypatch):
    # main() builds only the requested command (start-up speed); the next call must see them all.
    voor = [c.callback for c in app.registered_commands]
    code, _, err = run(capsys, monkeypatch, "plan", "kickoff", "--groep", "x")
    assert code == 2 and "--groep 'x' is geen getal" in err
    assert [c.callback for c in app.registered_commands] == voor
    test_onbekend_commando_verwijst_naar_de_hoofdhulp(capsys, monkeypatch)


def _sleutels(waarde, gevonden: set[str]) -> set[str]:
    if isinstance(waarde, dict):
        for sleutel, binnen in waarde.items():
            gevonden.add(sleutel)
            _sleutels(binnen, gevonden)
    elif isinstance(waarde, list):
        for binnen in waarde:
            _sleutels(binnen, gevonden)
    return gevonden


def test_elke_json_sleutel_staat_in_de_readme(capsys, monkeypatch):
    gevonden: set[str] = set()
    for args in (["kickoff", "--groep", "20", "--tijd", "3u"], ["training", "--groep", "16", "--tijd", "2u30"],
                 ["kennismaking", "--groep", "13", "--daarna", "Rondvraag=10m"]):
        code, out, err = run(capsys, monkeypatch, "plan", *args, "--start", "1-12-2026 13:30", "--format", "json")
        assert code == 0, err
        _sleutels(json.loads(out), gevonden)
    beschreven = gedocumenteerd(tabel("| sleutel | betekenis |"))
    beschreven |= {w.strip("`,") for r in tabel("| sleutel | betekenis |") for w in r.split(" | ")[0].split()}
    assert not gevonden - beschreven, f"beschrijf deze JSON-sleutels in README.md: {sorted(gevonden - beschreven)}"


def test_ci_draait_het_testcommando_uit_de_readme():
    """CI runs what the README tells a newcomer to run (in its own venv folder)."""
    ci = (Path(__file__).parent.parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    blokken = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    installeer, tests = blokken[0], blokken[1]
    assert "pip install" in installeer and "planner plan" in installeer
    for stap in tests.split(" && "):
        assert stap.replace(".venv", ".ci-venv") in ci, stap
    assert "export CI=true" in ci


@pytest.mark.parametrize("kolommen", ["40", "60", "100", "200"])
def test_hulp_past_in_het_venster_zonder_kleurcodes_in_een_pijp(capsys, monkeypatch, kolommen):
    monkeypatch.setenv("COLUMNS", kolommen)
    monkeypatch.setattr(sys, "argv", ["planner", "plan", "--help"])
    with pytest.raises(SystemExit):
        main()
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert all(len(regel) <= int(kolommen) for regel in out.splitlines())
    if int(kolommen) >= 60:  # narrower, rich shortens the longest option names with '…'
        assert "--csv-scheiding" in out and "[standaard: 7d]" in " ".join(out.split())


ENGELS = ("Missing", "No such", "Got unexpected", "requires", "Invalid value", "Error", "does not take", "Usage:",
          "Try '", "option", "argument")


@pytest.mark.parametrize("args", [
    ["--"], ["-V=1"], ["--version=1"], ["-x"], ["--", "plan"], ["plan", "--", "kickoff"], ["lijst", "extra"],
    ["plan", "kickoff", "-g"], ["plan", "kickoff", "-g", "20", "-t=2u", "-x"], ["toon", "kickoff", "--groep"],
    ["terugblik"], ["nieuw"], ["controleer", "--force"], ["plan", "kickoff", "--groep", "3", "--format"],
    ["importeer"], ["live", "kickoff", "--groep", "5", "--zaal-poort", "x"],
])
def test_click_spreekt_nooit_engels(capsys, monkeypatch, args):
    """Every usage error is one Dutch sentence (click's point to the help); nothing of click's English."""
    code, out, err = run(capsys, monkeypatch, *args)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert err.startswith("planner: ")
    assert not any(woord in err for woord in ENGELS), err
