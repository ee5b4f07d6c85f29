"""Reading a draaiboek file safely: only regular files, never too large, never blocking on a fifo,
with the reason in Dutch when it cannot be read."""

from __future__ import annotations

import errno
import os
from pathlib import Path

MAX_GROOTTE = 1024 * 1024


class GeenDraaiboekBestand(OSError):
    """A path that is not a regular file of reasonable size; its message is Dutch."""


def lees_tekst(pad: Path) -> str:
    """The text of a draaiboek file: only a regular file, never blocking, never megabytes.

    O_NONBLOCK: opening a FIFO (or a symlink to one) must not wait for a writer; fstat on the
    opened descriptor (not the name, which may change in between) decides what it really is.
    """
    import stat

    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as fout:
        raise GeenDraaiboekBestand(fout.errno, _reden(fout)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise GeenDraaiboekBestand(0, "dit is een map, geen draaiboek-bestand")
        if not stat.S_ISREG(info.st_mode):
            raise GeenDraaiboekBestand(0, "dit is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat); "
                                          "een draaiboek is een gewoon .toml-bestand")
        if info.st_size > MAX_GROOTTE:
            raise GeenDraaiboekBestand(0, f"het bestand is te groot ({info.st_size // 1024} kB); een draaiboek "
                                          "is een tekstbestand van hooguit 1 MB")
        data = b""
        while len(data) <= MAX_GROOTTE:
            stuk = os.read(fd, MAX_GROOTTE + 1 - len(data))
            if not stuk:
                break
            data += stuk
        if len(data) > MAX_GROOTTE:  # it grew while we read
            raise GeenDraaiboekBestand(0, "het bestand is te groot; een draaiboek is hooguit 1 MB")
    except GeenDraaiboekBestand:
        raise
    except OSError as fout:
        raise GeenDraaiboekBestand(fout.errno, _reden(fout)) from None
    finally:
        os.close(fd)
    # utf-8-sig: Windows Notepad may put an invisible byte-order mark in front.
    return data.decode("utf-8-sig")


def _reden(fout: OSError) -> str:
    from planner.kern.veilig import os_reden

    return f"kan het bestand niet lezen: {os_reden(fout)}"


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
