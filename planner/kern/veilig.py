"""Hostile text and broken systems: what the planner shows and says must be safe and Dutch.

Text from a draaiboek, a file name or an option may hold control characters. On a terminal an
escape sequence retitles the window, clears the screen or fakes output, so every text format is
cleaned here, in one place, before it is rendered (`schoon_kopie`) or printed (`schoon`). JSON is
left exact: json.dumps escapes control characters itself.
"""

from __future__ import annotations

import dataclasses
import errno
import re
from pathlib import PurePath
from typing import Any, TypeVar

T = TypeVar("T")

# C0 and C1 control characters and DEL, except the line break that multi-line text needs; also
# the bidirectional overrides that make text read differently from what it is ("Trojan source").
_GEVAARLIJK = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _zichtbaar(gevonden: re.Match[str]) -> str:
    teken = gevonden[0]
    if teken == "\t":
        return " "  # a tab is harmless as a space; as a raw tab it breaks columns
    return f"\\x{ord(teken):02x}" if ord(teken) < 0x100 else f"\\u{ord(teken):04x}"


def schoon(tekst: str) -> str:
    """`tekst` safe for a terminal or a text file: every control character written out visibly.

    A Windows line end becomes a plain line break; a lone carriage return (which would overwrite
    the line on a terminal) is written out like any other control character.
    """
    if not isinstance(tekst, str):
        return tekst
    return _GEVAARLIJK.sub(_zichtbaar, tekst.replace("\r\n", "\n"))


def schoon_kopie(waarde: T) -> T:
    """A copy of `waarde` (a Plan, Draaiboek, Probleem, tuple, ...) with every text in it cleaned.

    Recursive over dataclasses, tuples, lists, dicts and paths, so a renderer that gets the cleaned
    plan cannot print a raw escape, whatever fields the model grows. Only what holds a control
    character is rebuilt: a clean (immutable) dataclass or tuple comes back as itself, so cleaning
    an ordinary plan costs one regex search per text, not a copy of the whole tree.
    """
    return _schoon(waarde, {})


# The init fields of each dataclass type, looked up once: dataclasses.fields() per object is slow.
_VELDEN: dict[type, tuple[str, ...]] = {}


def _init_velden(soort: type) -> tuple[str, ...]:
    namen = _VELDEN.get(soort)
    if namen is None:
        namen = _VELDEN[soort] = tuple(v.name for v in dataclasses.fields(soort) if v.init)
    return namen


def _schoon(waarde: Any, gezien: dict[int, Any]) -> Any:
    if isinstance(waarde, str):
        return waarde if _GEVAARLIJK.search(waarde) is None else schoon(waarde)
    if isinstance(waarde, bool | int | float | type(None)):
        return waarde
    if id(waarde) in gezien:
        return gezien[id(waarde)]
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        gewijzigd = {}
        for naam in _init_velden(type(waarde)):
            oud = getattr(waarde, naam)
            nieuw = _schoon(oud, gezien)
            if nieuw is not oud:
                gewijzigd[naam] = nieuw
        kopie = dataclasses.replace(waarde, **gewijzigd) if gewijzigd else waarde
    elif isinstance(waarde, tuple):
        delen = [_schoon(w, gezien) for w in waarde]
        if all(n is o for n, o in zip(delen, waarde, strict=True)):
            kopie = waarde
        elif hasattr(waarde, "_fields"):
            kopie = type(waarde)(*delen)
        else:
            kopie = type(waarde)(delen)
    elif isinstance(waarde, list):
        kopie = type(waarde)(_schoon(w, gezien) for w in waarde)
    elif isinstance(waarde, dict):
        kopie = {_schoon(k, gezien): _schoon(w, gezien) for k, w in waarde.items()}
    elif isinstance(waarde, PurePath):
        tekst = str(waarde)
        kopie = waarde if _GEVAARLIJK.search(tekst) is None else type(waarde)(schoon(tekst))
    else:
        return waarde  # datetimes, zones and other values without free text
    gezien[id(waarde)] = kopie
    return kopie


# What the operating system says, in Dutch; strerror is English (or the machine's language).
_REDENEN = {
    errno.ENOENT: "bestaat niet",
    errno.EEXIST: "bestaat al",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "niet toegestaan",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "je schijfquotum is op",
    errno.ENAMETOOLONG: "de naam is te lang voor het bestandssysteem",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dit is een map",
    errno.ELOOP: "te veel symbolische koppelingen achter elkaar",
    errno.EIO: "invoer/uitvoerfout van het apparaat",
    errno.EBADF: "de uitvoer is gesloten",
    errno.EPIPE: "de lezer is gestopt",
    errno.EFBIG: "het bestand wordt te groot",
    errno.EMFILE: "te veel open bestanden",
    errno.ENXIO: "er is geen apparaat of lezer",
    errno.ETXTBSY: "het bestand is in gebruik",
    errno.EBUSY: "het bestand is in gebruik",
    errno.EXDEV: "ander bestandssysteem",
    errno.EINVAL: "ongeldige bewerking voor dit bestand",
    errno.EAGAIN: "het bestand is nu niet beschikbaar",
}


def os_reden(fout: OSError) -> str:
    """Why an operation failed, in Dutch words (never the system's English)."""
    return _REDENEN.get(fout.errno or 0, f"systeemfout {fout.errno}" if fout.errno else "onbekende systeemfout")
