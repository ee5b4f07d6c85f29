"""Guided mode and tab completion: questions for what is missing, never waiting without a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from typer.testing import CliRunner

from planner.bibliotheek import laden, vinden
from planner.cli import begeleid, scherm
from planner.cli.aanvullen import draaiboeknamen
from planner.cli.app import app
from planner.cli.opdrachten import lees_groep as _lees_groep
from planner.kern.fouten import InvoerFout
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from tests.conftest import NU

ZONE = ZoneInfo("Europe/Amsterdam")
PLANNER = Path(sys.executable).with_name("planner")


@pytest.fixture(autouse=True)
def geen_eigen_draaiboeken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(eigen))
    return eigen


class Gesprek:
    """Types the given answers, one per question, and keeps what the planner said."""

    def __init__(self, *antwoorden: str) -> None:
        self.antwoorden = list(antwoorden)
        self.vragen: list[str] = []
        self.meldingen: list[str] = []

    def lees(self, vraag: str) -> str:
        self.vragen.append(vraag)
        if not self.antwoorden:
            raise AssertionError(f"onverwachte vraag: {vraag}")
        return self.antwoorden.pop(0)

    def meld(self, tekst: str) -> None:
        self.meldingen.append(tekst)


def probeer(draaiboek, groep, tijd_min):
    return maak_plan(draaiboek, Vraag(nu=NU, groep=groep, tijd_min=tijd_min))


def vul_aan(gesprek: Gesprek, **gegeven):
    standaard = {"draaiboek": None, "groep": None, "tijd_min": None, "start": None}
    return begeleid.vul_aan(gesprek.lees, gesprek.meld, zone=ZONE, lees_groep=_lees_groep,
                            probeer=probeer, **(standaard | gegeven))


def test_vraagt_alles_en_vraagt_opnieuw_bij_een_fout_antwoord() -> None:
    aantal = len(vinden.zichtbare_bronnen())
    gesprek = Gesprek(str(aantal + 1), "kickof", "kickoff",  # draaiboek: bad number, typo, name
                      "veel", "40", "20",  # group: not a number, too large for a kickoff, fine
                      "lang", "30m", "3u",  # time: not a duration, too short for any session, fine
                      "morgenochtend", "wo 1 dec 2026 13:30", "1 dec 2026 13:30")  # start: unknown word, wrong weekday
    antwoorden = vul_aan(gesprek)
    assert antwoorden.draaiboek.id == "kickoff"
    assert antwoorden.groep == 20
    assert antwoorden.tijd_min == 180
    assert antwoorden.start == datetime(2026, 12, 1, 13, 30, tzinfo=ZONE)
    meldingen = "\n".join(gesprek.meldingen)
    for nummer, bron in enumerate(vinden.zichtbare_bronnen(), start=1):
        assert f"{nummer}. {bron.id}" in meldingen
    assert f"Nummer {aantal + 1} staat niet in de lijst: kies 1 tot en met {aantal}." in meldingen
    assert "Draaiboek 'kickof' bestaat niet" in meldingen
    assert "--groep 'veel' is geen getal" in meldingen
    assert "Een groep van 40 is te groot voor 'kickoff'" in meldingen
    assert "De tijd 'lang' is geen duur" in meldingen
    assert "Sessies van 30 min zijn te kort" in meldingen
    assert "De start 'morgenochtend' is geen datum en tijd" in meldingen
    assert "1 december 2026 is een dinsdag, geen woensdag" in meldingen
    assert not gesprek.antwoorden


def test_enter_neemt_de_standaard() -> None:
    gesprek = Gesprek("training", "16", "", "")
    antwoorden = vul_aan(gesprek)
    assert (antwoorden.draaiboek.id, antwoorden.groep) == ("training", 16)
    assert antwoorden.tijd_min is None and antwoorden.start is None
    # The time question names the draaiboek's own duration for this group.
    assert "Enter = 2u45" in gesprek.vragen[2]


def test_vraagt_alleen_wat_ontbreekt() -> None:

    gesprek = Gesprek("12", "")
    antwoorden = vul_aan(gesprek, draaiboek=laden.vind("training"), tijd_min=150)
    assert antwoorden.groep == 12 and antwoorden.tijd_min == 150 and antwoorden.start is None
    # Draaiboek and time were given: the group and the start are asked, the time is not.
    assert gesprek.vragen[0] == "Hoeveel deelnemers? (3-20)"
    assert gesprek.vragen[1].startswith("Wanneer begint")
    assert len(gesprek.vragen) == 2


def test_eigen_draaiboek_in_de_lijst(geen_eigen_draaiboeken: Path) -> None:
    from planner.bibliotheek import vinden

    bron = (vinden.ingebouwde_map() / "kennismaking.toml").read_text(encoding="utf-8")
    (geen_eigen_draaiboeken / "kring.toml").write_text(bron.replace('id = "kennismaking"', 'id = "kring"'),
                                                       encoding="utf-8")
    (geen_eigen_draaiboeken / "kickoff.toml").write_text(bron, encoding="utf-8")  # hidden by the built-in
    gesprek = Gesprek("kring")
    gekozen = begeleid.kies_draaiboek(gesprek.lees, gesprek.meld, vinden.zichtbare_bronnen())
    assert gekozen.id == "kring" and gekozen.herkomst == "eigen"
    assert sum("kickoff" in m for m in gesprek.meldingen) == 1


def test_agenda_bewaren_vervangt_nooit_zonder_ja(tmp_path: Path) -> None:
    bestaand = tmp_path / "bestaand.ics"
    bestaand.write_text("van mij", encoding="utf-8")
    geschreven: list[tuple[Path, bool]] = []

    def schrijf_naar(pad: Path, vervangen: bool) -> None:
        geschreven.append((pad, vervangen))

    gesprek = Gesprek("j", str(bestaand), "n", str(tmp_path / "nieuw"))
    pad = begeleid.bewaar_agenda(gesprek.lees, gesprek.meld, "standaard.ics", schrijf_naar)
    assert pad == tmp_path / "nieuw.ics"
    assert geschreven == [(tmp_path / "nieuw.ics", False)]
    assert any("blijft zoals het is" in m for m in gesprek.meldingen)

    gesprek = Gesprek("ja", str(bestaand), "j")
    begeleid.bewaar_agenda(gesprek.lees, gesprek.meld, "standaard.ics", schrijf_naar)
    assert geschreven[-1] == (bestaand, True)

    gesprek = Gesprek("")  # Enter: no calendar file
    assert begeleid.bewaar_agenda(gesprek.lees, gesprek.meld, "standaard.ics", schrijf_naar) is None
    assert len(geschreven) == 2


def test_schrijffout_vraagt_een_andere_naam(tmp_path: Path) -> None:
    from planner.cli.bestanden import schrijf

    gesprek = Gesprek("j", str(tmp_path / "bestaat-niet" / "a.ics"), str(tmp_path / "a.ics"))
    pad = begeleid.bewaar_agenda(gesprek.lees, gesprek.meld, "x.ics",
                                 lambda p, v: schrijf(p, b"BEGIN:VCALENDAR\r\n", force=v))
    assert pad == tmp_path / "a.ics" and pad.exists()
    assert any("bestaat niet" in m for m in gesprek.meldingen)


runner = CliRunner()


def test_cli_begeleid_met_getypte_antwoorden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(scherm, "interactief", lambda: True)
    typen = "training\n16\n\n2026-10-20 13:30\nj\nagenda\n"
    uit = runner.invoke(app, ["plan"], input=typen)
    assert uit.exit_code == 0, uit.output
    assert "Welk draaiboek wil je plannen?" in uit.output
    assert "Waarderende voorstelronde" in uit.output  # the plan itself
    assert "Geschreven: agenda.ics" in uit.output
    events = list(icalendar.Calendar.from_ical((tmp_path / "agenda.ics").read_bytes()).walk("VEVENT"))
    assert [e.decoded("DTSTART") for e in events] == [datetime(2026, 10, 20, 13, 30, tzinfo=ZONE)]


def test_cli_begeleid_neemt_gegeven_opties_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(scherm, "interactief", lambda: True)
    uit = runner.invoke(app, ["plan", "kickoff", "--tijd", "2u", "--start", "2026-12-01T13:30", "--ics", "k.ics",
                              "--herinnering", "30m"], input="20\n")
    assert uit.exit_code == 0, uit.output
    assert "Hoeveel deelnemers?" in uit.output
    assert "Hoeveel tijd" not in uit.output and "Wil je de sessies" not in uit.output
    kalender = icalendar.Calendar.from_ical((tmp_path / "k.ics").read_bytes())
    assert len(list(kalender.walk("VEVENT"))) == len(list(kalender.walk("VALARM"))) > 1


def test_zonder_terminal_wordt_er_niets_gevraagd() -> None:
    uit = runner.invoke(app, ["plan"], input="3\n16\n")
    assert uit.exit_code != 0
    assert isinstance(uit.exception, InvoerFout)
    assert str(uit.exception).startswith("Geef een draaiboek op")


def test_zonder_terminal_wacht_het_programma_niet() -> None:
    for argumenten, melding in ((["plan"], "Geef een draaiboek op"), (["plan", "kickoff"], "Geef de groepsgrootte op")):
        uit = subprocess.run([str(PLANNER), *argumenten], stdin=subprocess.PIPE, capture_output=True, text=True,
                             timeout=20)
        assert uit.returncode == 2
        assert melding in uit.stderr
        assert "Traceback" not in uit.stderr


# ------------------------------------------------------------------------------- tab completion


def test_aanvulling_noemt_ingebouwde_en_eigen_draaiboeken(geen_eigen_draaiboeken: Path) -> None:
    assert [naam for naam, _ in draaiboeknamen("")] == [b.id for b in vinden.zichtbare_bronnen()]
    assert draaiboeknamen("k") == [("kennismaking", "ingebouwd"), ("kickoff", "ingebouwd")]
    (geen_eigen_draaiboeken / "kring.toml").write_text("", encoding="utf-8")
    (geen_eigen_draaiboeken / "kickoff.toml").write_text("", encoding="utf-8")
    assert draaiboeknamen("ki") == [("kickoff", "ingebouwd")]
    assert draaiboeknamen("kr") == [("kring", "eigen")]
    assert draaiboeknamen("x") == []


def test_aanvulling_via_de_shell(geen_eigen_draaiboeken: Path) -> None:
    omgeving = os.environ | {"_PLANNER_COMPLETE": "complete_bash", "COMP_WORDS": "planner plan k",
                             "COMP_CWORD": "2"}
    uit = subprocess.run([str(PLANNER)], env=omgeving, capture_output=True, text=True, timeout=20)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == ["kennismaking", "kickoff"]


def test_aanvul_opties_in_het_nederlands(monkeypatch: pytest.MonkeyPatch) -> None:
    uit = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert "--install-completion" in uit.output and "Zet aanvullen met Tab aan" in uit.output
    assert "Install completion" not in uit.output
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    monkeypatch.setenv("SHELL", "/bin/bash")
    script = runner.invoke(app, ["--show-completion"])
    assert script.exit_code == 0 and "_planner_completion" in script.output
    monkeypatch.setenv("SHELL", "/bin/tcsh")
    fout = runner.invoke(app, ["--show-completion"])
    assert isinstance(fout.exception, InvoerFout) and "niet voor 'tcsh'" in str(fout.exception)


def test_geen_vraag_als_alles_gegeven_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scherm, "interactief", lambda: True)
    uit = runner.invoke(app, ["plan", "training", "--groep", "16"], input="")
    assert uit.exit_code == 0, uit.output
    assert "?" not in uit.output.split("Oefenen betekenisvol")[0]
    assert "Wil je de sessies" not in uit.output


def test_start_in_nederlandse_schrijfwijze_en_in_het_verleden() -> None:
    nu = datetime(2026, 11, 23, 10, 0, tzinfo=ZONE)
    gesprek = Gesprek("kickoff", "20", "3u", "gisteravond", "1-11-2026 13:30")
    antwoorden = begeleid.vul_aan(gesprek.lees, gesprek.meld, zone=ZONE, lees_groep=_lees_groep, probeer=probeer,
                                  draaiboek=None, groep=None, tijd_min=None, start=None, nu=nu)
    # A past start is taken, with a warning; an unknown word is asked again.
    assert antwoorden.start == datetime(2026, 11, 1, 13, 30, tzinfo=ZONE)
    assert any("ligt in het verleden" in m for m in gesprek.meldingen)


def test_kopie_van_nieuw_van_heet_een_keer_eigen(geen_eigen_draaiboeken: Path, planner) -> None:
    """'planner nieuw mijn --van kickoff' titles the copy '… (eigen: mijn)': the list says 'eigen' once."""
    from planner.bibliotheek import vinden

    code, _, fout = planner("nieuw", "mijn", "--van", "kickoff")
    assert code == 0, fout
    gesprek = Gesprek("mijn")
    begeleid.kies_draaiboek(gesprek.lees, gesprek.meld, vinden.zichtbare_bronnen())
    regel = next(m for m in gesprek.meldingen if "mijn:" in m)
    assert regel.count("eigen") == 1, regel
