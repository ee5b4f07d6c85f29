from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from datetime import datetime

import pytest
import time_machine
from hypothesis import settings

from planner.bibliotheek import laden
from planner.cli import ingang
from tests.vaste_klok import AMS, NU, START

# Test modules read the library at import time (collection), before the per-test guard below
# (_geen_eigen_draaiboeken) applies: the developer's own folder stays out of those reads too, or a
# broken draaiboek of one's own there fails the suite.
os.environ["PLANNER_DRAAIBOEKEN"] = tempfile.mkdtemp(prefix="planner-tests-eigen-")
atexit.register(shutil.rmtree, os.environ["PLANNER_DRAAIBOEKEN"], True)

# In CI (.ci/run sets CI=true) hypothesis draws the same examples every run, so a red CI is a fault
# in the change, never a roll of the dice; on a developer's machine it keeps exploring and remembers
# what failed (.hypothesis/).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# NU is "now" for the whole suite: the core gets it passed in, and the clock stands there too.


@pytest.fixture(autouse=True)
def _vaste_klok():
    """Every test runs at NU, whatever day the machine's clock says (tests/vaste_klok.py)."""
    with time_machine.travel(NU, tick=True):
        yield


@pytest.fixture(autouse=True)
def _geen_eigen_draaiboeken(tmp_path, tmp_path_factory, monkeypatch):
    """Tests never see the developer's own draaiboeken folder."""
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(tmp_path / "eigen-draaiboeken"))
    # nor write the holiday tables to the developer's cache folder (planner.cli.feestdagen)
    # (a folder of its own: tests list tmp_path to see that nothing was left behind)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


def start(tekst: str = START) -> datetime:
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
