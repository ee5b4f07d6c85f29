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


def _importeer(pad: Path, map_: Path) -> tuple[int, str, float]:
    """`planner importeer pad` in a child process under a bound: (exit code, stderr, seconds)."""
    import os

    omgeving = dict(os.environ, PLANNER_DRAAIBOEKEN=str(map_))
    begin = time.perf_counter()
    uit = subprocess.run([sys.executable, "-m", "planner", "importeer", str(pad)], capture_output=True, text=True,
                         timeout=120, cwd=WORTEL, env=omgeving, stdin=subprocess.DEVNULL)
    return uit.returncode, uit.stderr, time.perf_counter() - begin


def test_importeer_van_miljoenen_korte_regels_is_snel(tmp_path):
    """5 MB of short lines (blank lines, form feeds, '5 min a') is millions of lines: each costs a few
    microseconds, together half a minute. Within the size limit, so one sentence within seconds."""
    from planner.importeren.documenten import MAX_BYTES

    for naam, regel in (("leeg.md", "\n"), ("ff.txt", "\x0c"), ("min.txt", "5 min a\n"), ("a.md", "a\n")):
        pad = tmp_path / naam
        pad.write_text(regel * ((MAX_BYTES - 4096) // len(regel.encode())), encoding="utf-8")
        code, fout, duur = _importeer(pad, tmp_path / "eigen")
        assert duur < 8, (naam, duur)
        assert code == 2 and len(fout.strip().splitlines()) == 1 and "regels" in fout, (naam, fout)
        assert not (tmp_path / "eigen").exists() or not any((tmp_path / "eigen").iterdir())


def test_importeer_van_een_kleine_docx_met_miljoenen_alineas_is_snel(tmp_path):
    """A .docx of a few hundred kB whose text part unpacks to 55 MB of empty paragraphs: python-docx took
    4 s and 1.3 GB to parse it, reading it on took minutes. One sentence within seconds."""
    import zipfile

    import docx

    basis = tmp_path / "basis.docx"
    docx.Document().save(basis)
    for naam, romp in (("alineas.docx", "<w:p/>" * (55 * 1024 * 1024 // 6)),
                       ("regels.docx", "<w:p><w:r>" + "<w:br/>" * (3 * 1024 * 1024 // 7) + "</w:r></w:p>")):
        pad = tmp_path / naam
        with zipfile.ZipFile(basis) as oud, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as nieuw:
            for deel in oud.infolist():
                inhoud = oud.read(deel.filename)
                if deel.filename == "word/document.xml":
                    tekst = inhoud.decode()
                    begin, eind = tekst.index("<w:body>") + len("<w:body>"), tekst.index("</w:body>")
                    inhoud = (tekst[:begin] + romp + tekst[eind:]).encode()
                nieuw.writestr(deel.filename, inhoud)
        assert pad.stat().st_size < 1024 * 1024
        code, fout, duur = _importeer(pad, tmp_path / "eigen")
        assert duur < 8, (naam, duur)
        assert code == 2 and len(fout.strip().splitlines()) == 1 and "Traceback" not in fout, (naam, fout)
        assert not (tmp_path / "eigen").exists() or not any((tmp_path / "eigen").iterdir())


def test_importeer_van_een_docx_met_duizenden_alineas_is_snel(tmp_path):
    """19,000 paragraphs '10:00 a' (under the line limit): python-docx looked each paragraph's style up
    among all styles of the document, five times per paragraph, and the import took half a minute."""
    import docx

    document = docx.Document()
    for _ in range(19_000):
        document.add_paragraph("10:00 a")
    pad = tmp_path / "klok.docx"
    document.save(pad)
    code, fout, duur = _importeer(pad, tmp_path / "eigen")
    assert duur < 8, duur
    assert code == 2 and len(fout.strip().splitlines()) == 1 and "Traceback" not in fout, fout
