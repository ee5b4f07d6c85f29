"""A closed stdin (`<&-`): Python has no sys.stdin at all. No command asks a question then, and none
fails with an internal error; each says what it needs in one sentence."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.vaste_klok import PLANNER


@pytest.mark.parametrize("opdracht", [["plan"], ["plan", "kickoff"], ["live", "kickoff", "--groep", "20"],
                                      ["plan", "kickoff", "--groep", "20"], ["lijst"]])
def test_gesloten_stdin(opdracht: list[str]) -> None:
    uit = subprocess.run([*PLANNER, *opdracht], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                         timeout=60, preexec_fn=lambda: os.close(0))
    assert uit.returncode in (0, 2), uit.stderr
    assert "Interne fout" not in uit.stderr and "Traceback" not in uit.stderr
    if uit.returncode:
        assert uit.stderr.startswith("planner: ") and uit.stderr.count("\n") == 1
