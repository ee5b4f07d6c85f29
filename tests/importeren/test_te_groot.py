"""Issue 21.3: a document that would give a draaiboek the loader refuses is refused before anything is written."""

from __future__ import annotations

import sys

import pytest

from planner.cli.ingang import opdracht as main


def test_reuzentekst_wordt_geweigerd_voor_er_iets_geschreven_is(tmp_path, monkeypatch, capsys):
    map_ = tmp_path / "eigen"
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(map_))
    monkeypatch.chdir(tmp_path)
    # Under the 5 MB a document may be, but every line a step: far more than the 1 MB a draaiboek may be.
    regels = ["10:00 Welkom"] + [f"Stap {i}: iets te doen met {'tekst ' * 20}" for i in range(12000)] + ["12:00 Einde"]
    bron = tmp_path / "reus.txt"
    bron.write_text("\n".join(regels), encoding="utf-8")
    assert bron.stat().st_size < 5 * 1024 * 1024
    monkeypatch.setattr(sys, "argv", ["planner", "importeer", str(bron)])
    with pytest.raises(SystemExit) as uit:
        main()
    fout = capsys.readouterr().err.strip()
    assert uit.value.code != 0
    assert "MB" in fout and "niets geschreven" in fout and "Traceback" not in fout
    assert len(fout.splitlines()) == 1
    assert not map_.exists() or not any(map_.iterdir())
