"""The layers a newcomer can see: every import in planner/ (top-level and inside functions) read with ast.

kern ← bibliotheek ← importeren; kern ← uitvoer; everything ← live, cli. A lower layer never imports a
higher one, the core imports no user-interface or file-format library, there is no import cycle, and no
module is over 500 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAKKET = Path(__file__).resolve().parent.parent / "planner"

# What each layer may import of planner (besides itself and the package root's __version__).
MAG = {
    "kern": set(),
    "bibliotheek": {"kern"},
    "importeren": {"kern", "bibliotheek"},
    "uitvoer": {"kern"},
    "live": {"kern", "bibliotheek", "uitvoer"},
    "cli": {"kern", "bibliotheek", "importeren", "uitvoer", "live"},
}
VERBODEN_IN_KERN = {"typer", "click", "rich", "textual", "ics", "docx", "os", "sys"}


def _modulenaam(pad: Path) -> str:
    delen = pad.relative_to(PAKKET.parent).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


MODULES = {_modulenaam(p): p for p in sorted(PAKKET.rglob("*.py"))}


def _imports(pad: Path) -> set[str]:
    """Every module `pad` imports, wherever in the file the import stands."""
    gevonden: set[str] = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            gevonden.update(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            gevonden.add(knoop.module)
            # `from planner.cli import klok` imports the module planner.cli.klok
            gevonden.update(f"{knoop.module}.{a.name}" for a in knoop.names if f"{knoop.module}.{a.name}" in MODULES)
    return gevonden


def _laag(module: str) -> str | None:
    delen = module.split(".")
    return delen[1] if len(delen) > 1 and delen[0] == "planner" and delen[1] in MAG else None


def test_elke_module_hoort_bij_een_laag() -> None:
    los = [m for m in MODULES if _laag(m) is None and m not in ("planner", "planner.__main__", "planner.draaiboeken")]
    assert not los


@pytest.mark.parametrize("module", sorted(MODULES))
def test_geen_laag_importeert_een_hogere(module: str) -> None:
    laag = _laag(module)
    if laag is None:
        return
    verkeerd = {m for m in _imports(MODULES[module]) if (_laag(m) or laag) not in MAG[laag] | {laag}}
    assert not verkeerd, f"{module} importeert {sorted(verkeerd)}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _laag(m) == "kern"))
def test_de_kern_is_puur(module: str) -> None:
    geimporteerd = _imports(MODULES[module])
    assert not {m.split(".")[0] for m in geimporteerd} & VERBODEN_IN_KERN
    assert all(_laag(m) in (None, "kern") for m in geimporteerd)
    tekst = MODULES[module].read_text(encoding="utf-8")
    for verboden in ("os.environ", "print(", "sys.exit", "open(", ".now(", ".today(", "time.time("):
        assert verboden not in tekst, f"{module} gebruikt {verboden}"


def test_geen_importkringen() -> None:
    graaf = {m: {i for i in _imports(p) if i in MODULES and i != m} for m, p in MODULES.items()}
    # A package's __init__ is imported with each of its modules; it is not an edge back.
    graaf = {m: {i for i in naar if not m.startswith(i + ".")} for m, naar in graaf.items()}
    bezig: set[str] = set()
    klaar: set[str] = set()

    def bezoek(m: str, pad: list[str]) -> None:
        if m in klaar:
            return
        assert m not in bezig, "importkring: " + " → ".join([*pad[pad.index(m):], m])
        bezig.add(m)
        for volgende in sorted(graaf[m]):
            bezoek(volgende, [*pad, m])
        bezig.discard(m)
        klaar.add(m)

    for m in sorted(graaf):
        bezoek(m, [])


def test_geen_module_boven_500_regels() -> None:
    te_lang = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert not te_lang, te_lang
