"""No input within the size limits makes a command run for minutes (issue 21.1): the largest
draaiboek the limits allow, titles of hundreds of kilobytes, huge numbers and long option values,
through every command and format. The bound is generous: it catches quadratic work, not a slow
machine."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from planner.bibliotheek import grenzen
from tests.test_vijandig import draai, geen_interne_fout

RUIM = 60.0
KOP = 'id = "{id}"\ntitel = "T"\nbron = "eigen ontwerp"\n'
ONDERDEEL = '[[onderdelen]]\nid = "o{i}"\ntitel = "{titel}"\nsoort = "werkvorm"\nminuten = 5\nmin = 1\nmax = 30\n'


@pytest.fixture(scope="module")
def map_(tmp_path_factory: pytest.TempPathFactory) -> Path:
    eigen = tmp_path_factory.mktemp("eigen")
    (eigen / "veel.toml").write_text(
        KOP.format(id="veel") + "".join(ONDERDEEL.format(i=i, titel=f"t{i}") for i in range(grenzen.ONDERDELEN)),
        encoding="utf-8")
    (eigen / "lang.toml").write_text(
        KOP.format(id="lang") + ONDERDEEL.format(i=0, titel="woord " * 60_000)
        + ONDERDEEL.format(i=1, titel="x" * 300_000), encoding="utf-8")
    return eigen


FORMATEN = ["tabel", "html", "markdown", "csv", "json", "uitnodiging", "kaarten"]


@pytest.mark.parametrize("naam", ["veel", "lang"])
@pytest.mark.parametrize("formaat", FORMATEN)
def test_grootste_draaiboek_in_elk_formaat(map_: Path, monkeypatch: pytest.MonkeyPatch, naam: str,
                                           formaat: str) -> None:
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(map_))
    begin = time.monotonic()
    code, uit, fout = draai("plan", naam, "--groep", "5", "--tijd", "48u", "--start", "2026-12-01T09:00",
                            "-f", formaat)
    assert time.monotonic() - begin < RUIM
    geen_interne_fout(code, uit, fout, csv_regels=True)
    assert code == 0, fout


@pytest.mark.parametrize("opdracht", [["lijst"], ["controleer"], ["toon", "veel"], ["toon", "lang"]])
def test_lijst_toon_controleer(map_: Path, monkeypatch: pytest.MonkeyPatch, opdracht: list[str]) -> None:
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(map_))
    begin = time.monotonic()
    code, uit, fout = draai(*opdracht)
    assert time.monotonic() - begin < RUIM
    geen_interne_fout(code, uit, fout)
    assert code == 0, fout


@pytest.mark.parametrize("args", [
    ["--groep", "1" + "0" * 30], ["--groep", "9" * 5000], ["--tijd", "99999u"], ["--tijd", "9" * 5000 + "u"],
    ["--tijd", "167u"], ["--locatie", "x" * 120_000, "--opdrachtgever", "woord " * 20_000, "-f", "html"],
    ["--start", "1 dec " + "9" * 5000],
])
def test_reuzengetallen_en_lange_waarden(args: list[str]) -> None:
    opdracht = ["plan", "kickoff", "--groep", "20", "--start", "2026-12-01T13:30", *args]
    begin = time.monotonic()
    code, uit, fout = draai(*opdracht)
    assert time.monotonic() - begin < RUIM
    geen_interne_fout(code, uit, fout)
    assert code == 0 or (fout.startswith("planner: ") and fout.count("\n") == 1), fout
