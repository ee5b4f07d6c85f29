"""Tab completion: every value a user picks from a list completes, through the real shell protocol."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from planner.cli import aanvullen

PLANNER = Path(sys.executable).with_name("planner")


def aangevuld(regel: str) -> list[str]:
    """What bash gets for the last word of `regel` (a trailing space: a new, empty word)."""
    woorden = regel.split()
    cword = len(woorden) if regel.endswith(" ") else len(woorden) - 1
    omgeving = os.environ | {"_PLANNER_COMPLETE": "complete_bash", "COMP_WORDS": regel, "COMP_CWORD": str(cword)}
    uit = subprocess.run([str(PLANNER)], env=omgeving, capture_output=True, text=True, timeout=30)
    assert uit.returncode == 0, uit.stderr
    return uit.stdout.split()


@pytest.mark.parametrize(("regel", "verwacht"), [
    ("planner plan k", ["kennismaking", "kickoff"]),
    ("planner toon kick", ["kickoff"]),
    ("planner nieuw eigen --van tra", ["training"]),
    ("planner controleer kenn", ["kennismaking"]),
    ("planner plan kickoff --format ", ["tabel", "json", "markdown", "html", "csv", "uitnodiging", "kaarten"]),
    ("planner plan kickoff -f m", ["markdown"]),
    ("planner lijst --format ", ["tabel", "json"]),
    ("planner toon kickoff --format j", ["json"]),
    ("planner plan kickoff --strategie ", ["auto", "splitsen", "inkorten"]),
    ("planner plan kickoff --voor d", ["deelnemers"]),
])
def test_aanvullen_in_de_shell(regel, verwacht):
    assert aangevuld(regel) == verwacht


def test_tijdzones_met_de_gewone_eerst():
    zones = aangevuld("planner plan kickoff --tz Europe/")
    assert zones[:2] == ["Europe/Amsterdam", "Europe/Brussels"]
    assert "Europe/Vienna" in zones
    assert [z for z, _ in aanvullen.tijdzones("brus")] == ["Europe/Brussels"]
    assert aanvullen.tijdzones("")[0][0] == "Europe/Amsterdam"


def test_varianten_van_het_draaiboek_op_de_regel():
    ctx = SimpleNamespace(params={"draaiboek": "kennismaking"})
    assert [v for v, _ in aanvullen.varianten(ctx, "")] == ["A", "B"]
    assert [v for v, _ in aanvullen.varianten(ctx, "b")] == ["B"]
    # No draaiboek yet, an unknown one, or one without variants: nothing to offer, no error.
    for naam in (None, "bestaat-niet", "kickoff", "../x.toml"):
        assert aanvullen.varianten(SimpleNamespace(params={"draaiboek": naam}), "") == []


def test_formaten_volgen_de_renderers():
    from planner.uitvoer import FORMATEN

    assert {f for f, _ in aanvullen.formaten("")} == set(FORMATEN) - {"ics"}
