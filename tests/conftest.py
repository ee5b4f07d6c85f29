from __future__ import annotations

import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from planner.bibliotheek import laden
from planner.cli import ingang

AMS = ZoneInfo("Europe/Amsterdam")
# "Now" for the core, which never reads the clock: a fixed moment a week before the usual start.
NU = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)


@pytest.fixture(autouse=True)
def _geen_eigen_draaiboeken(tmp_path, monkeypatch):
    """Tests never see the developer's own draaiboeken folder."""
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(tmp_path / "eigen-draaiboeken"))


def start(tekst: str = "2026-12-01T13:30") -> datetime:
    return datetime.fromisoformat(tekst).replace(tzinfo=AMS)


@pytest.fixture
def kickoff():
    return laden.vind("kickoff")


@pytest.fixture
def training():
    return laden.vind("training")


@pytest.fixture
def kennismaking():
    return laden.vind("kennismaking")


@pytest.fixture
def planner(monkeypatch, capsys):
    """Run the real entry point (with its error handling) and return (exit code, stdout, stderr)."""

    def draai(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["planner", *args])
        with pytest.raises(SystemExit) as uit:
            ingang.opdracht()
        vast = capsys.readouterr()
        return uit.value.code, vast.out, vast.err

    return draai
