"""The entry point: Ctrl-C at any moment after the planner's first line gives 'Afgebroken.', never a traceback."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest


def _draai(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_ctrl_c_tijdens_het_laden_van_de_zware_modules() -> None:
    # The signal arrives while typer and rich would still be loading: before cli is imported.
    uit = _draai("import os, signal, planner.cli.ingang\nos.kill(os.getpid(), signal.SIGINT)\nimport planner.cli.app")
    assert uit.returncode == 130
    assert uit.stderr == "planner: Afgebroken.\n"


def test_ctrl_c_tijdens_een_commando_is_afgebroken() -> None:
    code = ("import os, signal, sys\nimport planner.bibliotheek.vinden as vinden\n"
            "def stop(*a, **k):\n    os.kill(os.getpid(), signal.SIGINT)\n"
            "vinden.alle_bronnen = stop\n"
            "sys.argv = ['planner', 'lijst']\nfrom planner.cli.ingang import main\nmain()")
    uit = _draai(code)
    assert uit.returncode == 130
    assert "Traceback" not in uit.stderr and "KeyboardInterrupt" not in uit.stderr


def test_console_script_begint_bij_de_ingang() -> None:
    project = tomllib.loads((Path(__file__).parent.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["planner"] == "planner.cli.ingang:main"
    hoofd = Path(__file__).parent.parent.parent / "planner" / "__main__.py"
    assert "planner.cli.ingang" in hoofd.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["--help"], ["plan", "--help"], ["-h"], ["--version"]])
def test_hulp_naar_een_lezer_die_weg_is_is_geen_fout(args: list[str]) -> None:
    """'planner --help | head -c0': the reader is gone, which is no failure (exit 0, nothing said), as for
    every command; click's own handling ended help and --version with an undocumented, silent exit 1."""
    opdracht = " ".join([sys.executable, "-m", "planner", *args])
    uit = subprocess.run(["bash", "-c", f"{opdracht} | head -c0; echo \"${{PIPESTATUS[0]}}\""],
                         capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert uit.stdout.strip() == "0", (uit.stdout, uit.stderr)
    assert uit.stderr == ""
