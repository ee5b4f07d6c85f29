"""Issue 21.1: no pattern of the import modules backtracks super-linearly.

Every compiled pattern in planner.importeren (inline patterns are module constants for this reason) is fed
adversarial lines five times the longest line the importer searches (documenten.LANGE_REGEL): runs of
spaces, vertical tabs, digits, stars, pipes, brackets … behind the prefixes the patterns look for. At that
length a quadratic pattern takes seconds per line and a cubic one hours; a linear one milliseconds. The
measuring runs in a child process under a timeout, so a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[2]
GRENS_PER_ZOEKTOCHT = 0.5  # seconds for one search of a 10,000-character line: linear takes ~1 ms

_VOORVOEGSELS = ("", "# a", "## a", "**a**", "**a", "*a", "1", "10:00", "10:00 - 11:00", "1u", "15", "(", "[",
                 "- ", "1. ", "einde", "totaal", "groep", "groepjes", "duur:", "ca", "van", "| a |", "welkom")
_VULLING = (" ", "\x0b", "\t", "\x0c", "\u00a0", "1 ", "1", ". ", ".", "*", "**", "* ", " *a", "-", "- ", "|", "| ",
            "#", "a ", "[](", "[", "(", "_", "__", ":", "10:00 ", "1-", "min ", "\\", "…")


def regels(lengte: int):
    for voor in _VOORVOEGSELS:
        for vulling in _VULLING:
            romp = voor + vulling * ((lengte - len(voor)) // len(vulling))
            yield romp + "b"
            yield romp + "\x00"  # a last character no pattern accepts: the engine must fail, the slow way


def meet(lengte: int) -> dict[str, float]:
    """The slowest search per pattern, in seconds (run in the child process)."""
    import importlib
    import pkgutil
    import re

    import planner.importeren as pakket
    from planner.importeren.tijden import ALLEEN_AAN_EIND, zoek_eind

    traagste: dict[str, float] = {}
    gezien: set[int] = set()
    lijst = list(regels(lengte))
    for info in pkgutil.iter_modules(pakket.__path__):
        module = importlib.import_module(f"planner.importeren.{info.name}")
        for naam, patroon in vars(module).items():
            if not isinstance(patroon, re.Pattern) or id(patroon) in gezien:
                continue  # a pattern imported from another import module is measured once
            gezien.add(id(patroon))
            sleutel = f"{info.name}.{naam}"
            slechtst = 0.0
            for regel in lijst:
                begin = time.perf_counter()
                if patroon in ALLEEN_AAN_EIND:
                    zoek_eind(patroon, regel)  # how the importer searches it: in the line's tail
                else:
                    patroon.search(regel)
                slechtst = max(slechtst, time.perf_counter() - begin)
            traagste[sleutel] = slechtst
    return traagste


def test_elk_importpatroon_is_lineair():
    from planner.importeren.documenten import LANGE_REGEL

    code = (f"import json, sys; sys.path.insert(0, {str(WORTEL)!r}); "
            f"from tests.importeren.test_lineair import meet; print(json.dumps(meet({5 * LANGE_REGEL})))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=WORTEL)
    assert uit.returncode == 0, uit.stderr
    traagste = json.loads(uit.stdout)
    assert len(traagste) >= 30, sorted(traagste)  # every module's patterns were found
    te_traag = {naam: round(t, 2) for naam, t in traagste.items() if t > GRENS_PER_ZOEKTOCHT}
    assert not te_traag, te_traag


def test_importeer_van_lange_regels_is_snel(tmp_path):
    """The two inputs of the report: 30 Markdown lines '# a' + 2 KB of spaces + 'b', and runs of \\x0b."""
    from planner.importeren.documenten import lees
    from planner.importeren.herkennen import herken
    from planner.kern.fouten import InvoerFout

    kop = tmp_path / "koppen.md"
    kop.write_text(("# a" + " " * 1990 + "b\n") * 30 + "\n10:00 Welkom\n10:30 Einde\n", encoding="utf-8")
    vt = tmp_path / "vt.txt"
    vt.write_text(("1" + "\x0b" * 1990 + "\n") * 30 + ("Welkom" + "\x0b" * 1900 + "15 min\n") * 30, encoding="utf-8")
    for pad in (kop, vt):
        begin = time.perf_counter()
        with contextlib.suppress(InvoerFout):  # refusing is fine; taking minutes is not
            herken(lees(pad), pad.name)
        assert time.perf_counter() - begin < 5, pad.name
