"""Reading every file the planner is given (draaiboeken, documents to import, live logs) in one way:
only regular files, never too large, never blocking on a FIFO or a pseudo-file, within a time
bound, with the reason in Dutch when it cannot be read. The limits are in planner.bibliotheek.grenzen."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from planner.bibliotheek.grenzen import DRAAIBOEK_BYTES, LEESTIJD_SECONDEN
from planner.kern.fouten import Probleem

MAX_GROOTTE = DRAAIBOEK_BYTES


class OnleesbaarBestand(OSError):
    """A path that is not a regular file of reasonable size; its strerror is a Dutch clause."""


GeenDraaiboekBestand = OnleesbaarBestand  # the name callers of lees_tekst know


def lees_bytes(pad: Path | str, grens: int, seconden: float = LEESTIJD_SECONDEN) -> bytes:
    """The bytes of the regular file `pad`: the one way the planner reads a file it is given.

    Never blocks and never reads without end: O_NONBLOCK so a FIFO (or a link to one) does not wait
    for a writer; fstat on the opened descriptor (not the name, which may change in between) decides
    what it really is; at most `grens` bytes, and no more than the file said it had, so a "file" of
    size 0 that gives text anyway (/proc/kmsg, /proc/self/status) is refused instead of drained;
    and given up after `seconden` on a file system that drips. Raises OnleesbaarBestand (an
    OSError) whose strerror says why in Dutch, without the file name.
    """
    import stat
    import time

    from planner.kern.veilig import os_reden

    vlaggen = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(pad, vlaggen)
    except OSError as fout:
        raise OnleesbaarBestand(fout.errno, os_reden(fout)) from None
    except ValueError:  # a NUL in the name
        raise OnleesbaarBestand(0, "de naam bevat een ongeldig teken") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise OnleesbaarBestand(0, "dit is een map")
        if not stat.S_ISREG(info.st_mode):
            raise OnleesbaarBestand(0, "dit is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat)")
        if info.st_size > grens:
            groot, hooguit = _maat(info.st_size), _maat(grens)
            if groot == hooguit:  # just over the limit: say it in kB, or it reads "1 MB, hooguit 1 MB"
                groot = f"{-(-info.st_size // 1024):,} kB".replace(",", ".")
                hooguit = f"{grens // 1024:,} kB".replace(",", ".")
            raise OnleesbaarBestand(0, f"het bestand is te groot ({groot}, hooguit {hooguit})")
        # What the file said it holds, as of now (a log that live is still appending to is read as
        # it was); a file of size 0 gets one byte, which only a pseudo-file (/proc/kmsg) gives.
        verwacht = info.st_size or 1
        einde = time.monotonic() + seconden
        stukken: list[bytes] = []
        gelezen = 0
        while gelezen < verwacht:
            stuk = os.read(fd, min(verwacht - gelezen, 1 << 20))
            if not stuk:
                break
            stukken.append(stuk)
            gelezen += len(stuk)
            if time.monotonic() > einde:
                raise OnleesbaarBestand(0, f"het lezen duurt te lang (meer dan {seconden:g} seconden)")
        if info.st_size == 0 and gelezen:
            raise OnleesbaarBestand(0, "dit is geen gewoon bestand met een vaste inhoud (zoals de bestanden in "
                                       "/proc), of het veranderde terwijl ik het las")
    except OnleesbaarBestand:
        raise
    except OSError as fout:
        raise OnleesbaarBestand(fout.errno, os_reden(fout)) from None
    finally:
        os.close(fd)
    return b"".join(stukken)


def lees_tekst(pad: Path) -> str:
    """The text of a draaiboek file: only a regular file, never blocking, never megabytes."""
    try:
        data = lees_bytes(pad, DRAAIBOEK_BYTES)
    except OnleesbaarBestand as fout:
        reden = f"kan het bestand niet lezen: {fout.strerror}" if fout.errno else fout.strerror
        raise OnleesbaarBestand(fout.errno, f"{reden}; een draaiboek is een gewoon .toml-tekstbestand "
                                            f"van hooguit {_maat(DRAAIBOEK_BYTES)}") from None
    # utf-8-sig: Windows Notepad may put an invisible byte-order mark in front.
    return data.decode("utf-8-sig")


def _maat(aantal: int) -> str:
    if aantal >= 1024 * 1024:
        return f"{aantal / 1024 / 1024:.1f} MB".replace(".0 MB", " MB").replace(".", ",")
    return f"{max(1, aantal // 1024)} kB"


def waarom_niet(pad: Path) -> str:
    """Why `pad` cannot be read as a draaiboek (not there, not a regular file, a name too long)."""
    try:
        pad.stat()
    except OSError as fout:
        if fout.errno == errno.ENAMETOOLONG:
            return "heeft een naam die te lang is voor het bestandssysteem: kies een kortere naam."
        return "bestaat niet: controleer het pad."
    except ValueError:  # a NUL in the name
        return "heeft een ongeldig teken in de naam: controleer het pad."
    return "is geen gewoon bestand: een draaiboek is een .toml-tekstbestand."


def is_bestand(pad: Path) -> bool:
    """Path.is_file without the crash on a name the file system refuses (too long, NUL)."""
    try:
        return pad.is_file()
    except (OSError, ValueError):
        return False


def lees_of_probleem(pad: Path) -> tuple[str | None, list[Probleem]]:
    """The text of a draaiboek or programme file, or the one problem that keeps it from being read
    (the validator's form, so 'planner controleer' and 'planner lijst' can name it with the others)."""
    try:
        return lees_tekst(pad), []
    except UnicodeDecodeError:
        return None, [Probleem(str(pad), "het bestand is geen UTF-8-tekst; sla het op als UTF-8.")]
    except OSError as fout:
        return None, [Probleem(str(pad), f"{fout.strerror or waarom_niet(pad)}.")]
