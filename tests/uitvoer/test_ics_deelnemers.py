"""Issue 19.8: the calendar file participants receive (with the invitation, or --voor deelnemers)
holds their text only, and a guest is not invited to the team's own reflection."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from tests.vaste_klok import START

VOOR_BEGELEIDERS = ("Bron:", "Stappen:", "Nodig:", "bedoeld", "deelnemers,", "Welkom terug", "Vooruitblik",
                    "geschat", "↓", "↑")


def _afspraken(pad: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(pad.read_bytes()).walk("VEVENT"))


@pytest.mark.parametrize("hoe", [["--format", "uitnodiging"], ["--voor", "deelnemers"]])
def test_de_gast_van_een_ontmoeting_krijgt_de_reflectie_niet(planner, tmp_path, hoe):
    pad = tmp_path / "o.ics"
    code, _, err = planner("plan", "ontmoeting", "--groep", "8", "--start", START, "--ics", str(pad), *hoe)
    assert code == 0, err
    (afspraak,) = _afspraken(pad)
    tekst = str(afspraak["DESCRIPTION"])
    assert "Reflectie" not in tekst and not any(w in tekst for w in VOOR_BEGELEIDERS)
    assert "ongedwongen manier" in tekst  # the template's uitleg_deelnemers
    # the event ends when the guest's part ends, not after the team's reflection
    assert (afspraak["DTEND"].dt - afspraak["DTSTART"].dt).total_seconds() == 60 * 60


def test_de_begeleider_houdt_zijn_agenda(planner, tmp_path):
    pad = tmp_path / "b.ics"
    code, _, err = planner("plan", "ontmoeting", "--groep", "8", "--start", START, "--ics", str(pad))
    assert code == 0, err
    (afspraak,) = _afspraken(pad)
    assert "Reflectie" in str(afspraak["DESCRIPTION"]) and "Bron:" in str(afspraak["DESCRIPTION"])


def test_per_onderdeel_alleen_het_programma_van_deelnemers(planner, tmp_path):
    pad = tmp_path / "k.ics"
    code, _, err = planner("plan", "kickoff", "--groep", "20", "--tijd", "2u", "--start", START,
                           "--ics", str(pad), "--per-onderdeel", "--voor", "deelnemers")
    assert code == 0, err
    afspraken = _afspraken(pad)
    assert afspraken
    for afspraak in afspraken:
        tekst = f"{afspraak['SUMMARY']}\n{afspraak['DESCRIPTION']}"
        assert not any(w in tekst for w in VOOR_BEGELEIDERS), tekst
    # every event of the facilitator's calendar that is the participants' keeps its UID
    begeleider = tmp_path / "b.ics"
    planner("plan", "kickoff", "--groep", "20", "--tijd", "2u", "--start", START, "--ics", str(begeleider),
            "--per-onderdeel")
    assert {str(a["UID"]) for a in afspraken} < {str(a["UID"]) for a in _afspraken(begeleider)}


def test_herhaling_voor_deelnemers_zonder_toelichting_voor_de_begeleider(planner, tmp_path):
    pad = tmp_path / "t.ics"
    code, _, err = planner("plan", "training", "--groep", "16", "--start", START, "--ics", str(pad),
                           "--herhaling", "3mnd", "--format", "uitnodiging")
    assert code == 0, err
    herhaling = _afspraken(pad)[-1]
    assert "Herhalingsworkshop" in str(herhaling["SUMMARY"])
    assert "schatting" not in str(herhaling["DESCRIPTION"]) and "Bron" not in str(herhaling["DESCRIPTION"])
