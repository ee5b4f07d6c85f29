"""The README's first command works on a fresh machine on any day (issue 17)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

README = Path(__file__).parent.parent / "README.md"


def _eerste_opdracht() -> str:
    """The first shell command in the README: install, then `.venv/bin/planner plan …`."""
    return re.search(r"```sh\n(.+?)\n```", README.read_text(encoding="utf-8"), re.S)[1].strip()


def test_eerste_opdracht_installeert_en_plant_een_ingebouwd_draaiboek() -> None:
    stappen = [shlex.split(stap) for stap in _eerste_opdracht().split("&&")]
    assert stappen[0][:3] == ["python3", "-m", "venv"]
    assert any(stap[1:4] == ["-m", "pip", "install"] for stap in stappen)
    assert stappen[-1][0].endswith("planner") and stappen[-1][1] == "plan"


def test_eerste_opdracht_meldt_niets_op_stderr_op_de_echte_dag() -> None:
    """Run with the machine's own clock, not the suite's fixed one: the example must hold on the day
    it is run (CI runs the suite once more under a far-future clock, so a date that expires is caught)."""
    planner = shlex.split(_eerste_opdracht().split("&&")[-1])
    uit = subprocess.run([sys.executable, "-m", "planner", *planner[1:]], capture_output=True, text=True,
                         timeout=60)
    assert uit.returncode == 0
    assert uit.stderr == ""
    assert "Sessie 1" in uit.stdout or "kickoff" in uit.stdout.lower()
