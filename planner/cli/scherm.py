"""What a command says and writes: the screen, stderr and files.

Errors become one sentence and an exit code in `planner.cli.uitgang.draai` and nowhere else; the
sentences for failed writes are worded here.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any

from planner.kern.fouten import BestandFout


def kleur() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def breedte() -> int | None:
    if sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size((100, 24)).columns
    return None


def interactief() -> bool:
    """Only ask questions when someone can answer them and see the questions."""
    # stdin closed (<&-): Python has no sys.stdin at all; nobody can answer.
    return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()


def meld(tekst: str) -> None:
    """A line for the user on stderr ('Geschreven: …'), apart from the output itself."""
    if sys.stderr is None:
        return
    from planner.kern.veilig import schoon

    # Messages quote draaiboeken and paths: no control or invisible character reaches the terminal.
    sys.stderr.write(f"{schoon(tekst)}\n")
    sys.stderr.flush()


def uit(tekst: str | bytes, pad: Path | None, force: bool) -> None:
    if pad is None:
        naar_scherm(tekst)
        return
    from planner.cli.bestanden import schrijf

    schrijf(pad, tekst, force=force)
    geschreven(pad)


def zo_verder(pad: Path, plan: str, zeg: Any, controleer: str | None = None) -> None:
    """After 'planner nieuw' (a draaiboek or a programme): where the file is and the three next steps,
    through `zeg` (typer.echo: they are the command's output)."""
    from planner.kern.veilig import schoon

    toon = schoon(str(pad))
    for regel in (f"Geschreven: {toon}", "Zo verder:", f"  1. Pas het bestand aan in een teksteditor: {toon}",
                  f"  2. Controleer het: planner controleer {controleer or toon}", f"  3. Plan het: {plan}"):
        zeg(regel)


def geschreven(pad: Path) -> None:
    from planner.kern.veilig import schoon

    meld(f"Geschreven: {schoon(str(pad))}")


def naar_scherm(tekst: str | bytes) -> None:
    """Write to stdout, and say in Dutch when that cannot be done (closed, disk full)."""
    if sys.stdout is None or isinstance(sys.stdout, GeslotenUitvoer):
        raise BestandFout(GESLOTEN)
    if sys.stdout.isatty():
        # A file format (Markdown, csv, …) shown on a terminal: invisible characters visibly.
        tekst = _voor_terminal(tekst)
    if isinstance(tekst, bytes):
        sys.stdout.flush()  # text already buffered must come first
        sys.stdout.buffer.write(tekst)
    else:
        sys.stdout.write(tekst)
    sys.stdout.flush()  # a full disk shows here, while we can still say so


def _voor_terminal(tekst: str | bytes) -> str | bytes:
    from planner.kern.veilig import zichtbaar

    if isinstance(tekst, str):
        return zichtbaar(tekst)
    try:
        # The csv's byte-order mark is for Excel, which never reads a terminal.
        return zichtbaar(tekst.decode("utf-8").removeprefix("\ufeff")).encode("utf-8")
    except UnicodeDecodeError:
        return tekst  # not text (a binary format): shown as it is


GESLOTEN = ("De uitvoer (stdout) is gesloten, dus er kan niets getoond worden: start de planner zonder '>&-', "
            "of schrijf naar een bestand met --uitvoer PAD.")


class GeslotenUitvoer(io.TextIOBase):
    """Stands in for a closed stdout (>&-): writing anything says so in Dutch instead of crashing."""

    encoding = "utf-8"
    errors = "replace"

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def write(self, tekst: str) -> int:
        if tekst:
            raise BestandFout(GESLOTEN)
        return 0

    @property
    def buffer(self) -> Any:
        raise BestandFout(GESLOTEN)


def waarschuw_eigen_map() -> None:
    """PLANNER_DRAAIBOEKEN set to a file or a missing folder: say so, on stderr, and go on."""
    from planner.bibliotheek import vinden
    from planner.kern.veilig import schoon

    melding = vinden.eigen_map_melding()
    if melding:
        meld(f"Let op: {schoon(melding)}")


def bereid_stromen_voor() -> None:
    if sys.stdout is None:
        sys.stdout = GeslotenUitvoer()
    for stroom in (sys.stdout, sys.stderr):
        # A terminal that cannot show '–', '½' or '×' gets a '?' instead of a crash.
        if hasattr(stroom, "reconfigure"):
            stroom.reconfigure(errors="replace")


def fout(melding: str) -> None:
    # Messages quote what the user typed; a control character in it must not break the one line.
    if len(melding) > _LANG_CITAAT_TEKENS:
        melding = _ingekort(melding)
    schoon = "".join(t if t.isprintable() else repr(t)[1:-1] for t in melding)
    if sys.stderr is None:  # 2>&-: nobody to tell; the exit code still says it
        return
    try:
        sys.stderr.write(f"planner: {schoon}\n")
        sys.stderr.flush()
    except OSError:
        pass  # stderr full or gone: same as above


# A value quoted in a message ('…') is what the user typed, and may be 100,000 characters long (an option,
# a name): then its middle is left out (a path keeps its file name), or the one sentence would be a 100 kB line.
_LANG_CITAAT_TEKENS = 200


def _ingekort(melding: str) -> str:
    import re

    # Linear: a quote's attempt ends at the next quote or line end, which no other attempt crosses.
    return re.sub(rf"'([^'\n]{{{_LANG_CITAAT_TEKENS}}})[^'\n]+'", lambda m: f"'{m[0][1:61]}…{m[0][-41:-1]}'", melding)


def stdout_weg() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit finds nothing to complain about."""
    if sys.stdout is None:
        return
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        sys.stdout = None  # type: ignore[assignment]


def os_fout(fout_: OSError) -> str:
    import errno

    from planner.kern.veilig import os_reden

    naam = f"'{fout_.filename}'" if fout_.filename else "een bestand"
    if fout_.errno == errno.ENAMETOOLONG:
        return f"De naam {naam} is te lang voor het bestandssysteem: kies een kortere naam."
    if fout_.filename is None:
        return uitvoer_fout(fout_)
    return f"Met {naam} lukt het niet ({os_reden(fout_)}): controleer de naam en probeer opnieuw."


def uitvoer_fout(fout_: OSError) -> str:
    """Why stdout could not be written, in the words used for files."""
    import errno

    from planner.kern.veilig import os_reden

    if fout_.errno in (errno.ENOSPC, errno.EDQUOT):
        return "De schijf is vol: de uitvoer is niet (helemaal) geschreven; maak ruimte vrij en probeer opnieuw."
    if fout_.errno == errno.EBADF:
        return GESLOTEN
    return f"De uitvoer kon niet geschreven worden ({os_reden(fout_)}); probeer het met --uitvoer PAD."
