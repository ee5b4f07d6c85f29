"""Hostile text and broken systems: what the planner shows and says must be safe and Dutch.

Text from a draaiboek, a file name or an option may hold control characters. On a terminal an
escape sequence retitles the window, clears the screen or fakes output, so every text format is
cleaned here, in one place, before it is rendered (`schoon_kopie`) or printed (`schoon`). Invisible
characters (zero-width, direction marks) are written out visibly on the terminal only; files keep
them. JSON is left exact: it escapes them (planner.uitvoer.json), which changes no value.
"""

from __future__ import annotations

import dataclasses
import errno
import re
from datetime import date, datetime, timedelta
from pathlib import PurePath
from typing import Any, TypeVar

from planner.kern.lui import Patroon

T = TypeVar("T")

# C0 and C1 control characters and DEL, except the line break that multi-line text needs; also
# the bidirectional overrides that make text read differently from what it is ("Trojan source").
# Cleaned everywhere: on the terminal and in every text file the planner writes.
_STUUR = "\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
# Compiled on first use: a plan on the terminal only needs _SCHERM (each compile costs ~0.15 ms of start-up).
_GEVAARLIJK = Patroon(f"[{_STUUR}]")

# Invisible characters: zero-width spaces and joiners, direction marks, the byte-order mark, word
# joiners, fillers that look like nothing, tag characters (which can smuggle hidden text) and the
# invisible variation selectors. On a terminal they hide what a text really is ("ad\u200bmin" looks
# like "admin"), so there they are written out visibly; files keep them as written (issue 21.5).
# (The ordinary variation selectors U+FE00-FE0F stay: emoji need them.)
ONZICHTBAAR = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2060-\u206f"
               "\u3164\ufeff\uffa0\ufff9-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
               "\U000e0000-\U000e007f\U000e0100-\U000e01ef")
_SCHERM = re.compile(f"[{_STUUR}{ONZICHTBAAR}]")
_ZACHT_AFBREEKSTREEPJE = "\u00ad"
_ZWJ = "\u200d"


def _is_emoji(teken: str) -> bool:
    code = ord(teken)
    return code >= 0x1F000 or 0x2600 <= code <= 0x27BF or teken == "\ufe0f"


def _zichtbaar(gevonden: re.Match[str]) -> str:
    teken = gevonden[0]
    if teken == "\t":
        return " "  # a tab is harmless as a space; as a raw tab it breaks columns
    if teken == _ZACHT_AFBREEKSTREEPJE:
        return ""  # a hyphenation hint: nothing to see, nothing hidden
    if teken == _ZWJ:
        tekst, plek = gevonden.string, gevonden.start()
        if 0 < plek < len(tekst) - 1 and _is_emoji(tekst[plek - 1]) and _is_emoji(tekst[plek + 1]):
            return teken  # joins an emoji sequence (a family, a profession): that is what it is for
    code = ord(teken)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def schoon(tekst: str, bestand: bool = False) -> str:
    """`tekst` safe for a terminal: every control and invisible character written out visibly.

    With `bestand` (text for a file: Markdown, HTML, csv, calendar) only the control characters and
    direction overrides; invisible characters are kept as written. A Windows line end becomes a
    plain line break; a lone carriage return (which would overwrite the line on a terminal) is
    written out like any other control character.
    """
    if not isinstance(tekst, str):
        return tekst
    patroon = _GEVAARLIJK if bestand else _SCHERM
    return patroon.sub(_zichtbaar, tekst.replace("\r\n", "\n"))


def zichtbaar(tekst: str) -> str:
    """Only the invisible characters of `tekst` written out visibly: for output already rendered
    (which may hold its own colour escapes) on its way to a terminal."""
    return _ALLEEN_ONZICHTBAAR.sub(_zichtbaar, tekst)


_ALLEEN_ONZICHTBAAR = Patroon(f"[{ONZICHTBAAR}]")


def schoon_kopie(waarde: T, bestand: bool = False) -> T:
    """A copy of `waarde` (a Plan, Draaiboek, Probleem, tuple, ...) with every text in it cleaned.

    Recursive over dataclasses, tuples, lists, dicts and paths, so a renderer that gets the cleaned
    plan cannot print a raw escape, whatever fields the model grows. Only what holds a control
    character is rebuilt: a clean (immutable) dataclass or tuple comes back as itself, so cleaning
    an ordinary plan costs one regex search per text, not a copy of the whole tree.
    """
    # The compiled pattern itself, not its lazy stand-in: _schoon asks it once per text.
    return _schoon(waarde, {}, _GEVAARLIJK.gecompileerd() if bestand else _SCHERM)


# The init fields of each dataclass type, looked up once: dataclasses.fields() per object is slow.
_VELDEN: dict[type, tuple[str, ...]] = {}


def _init_velden(soort: type) -> tuple[str, ...]:
    namen = _VELDEN.get(soort)
    if namen is None:
        namen = _VELDEN[soort] = tuple(v.name for v in dataclasses.fields(soort) if v.init)
    return namen


# Exact types that hold no text, answered before any other test (a plan has tens of thousands of values).
_KAAL = frozenset({bool, int, float, type(None), datetime, date, timedelta})


def _schoon(waarde: Any, gezien: dict[int, Any], patroon: re.Pattern[str]) -> Any:
    soort = type(waarde)
    if soort is str or isinstance(waarde, str):
        return waarde if patroon.search(waarde) is None else patroon.sub(_zichtbaar, waarde.replace("\r\n", "\n"))
    if soort in _KAAL or isinstance(waarde, bool | int | float | type(None)):
        return waarde
    if id(waarde) in gezien:
        return gezien[id(waarde)]
    namen = _VELDEN.get(soort)  # a dataclass met before: no need to ask dataclasses again
    if namen is not None or (dataclasses.is_dataclass(waarde) and not isinstance(waarde, type)):
        gewijzigd = {}
        for naam in namen if namen is not None else _init_velden(soort):
            oud = getattr(waarde, naam)
            nieuw = _schoon(oud, gezien, patroon)
            if nieuw is not oud:
                gewijzigd[naam] = nieuw
        kopie = dataclasses.replace(waarde, **gewijzigd) if gewijzigd else waarde
    elif isinstance(waarde, tuple):
        delen = [_schoon(w, gezien, patroon) for w in waarde]
        if all(n is o for n, o in zip(delen, waarde, strict=True)):
            kopie = waarde
        elif hasattr(waarde, "_fields"):
            kopie = type(waarde)(*delen)
        else:
            kopie = type(waarde)(delen)
    elif isinstance(waarde, list):
        kopie = type(waarde)(_schoon(w, gezien, patroon) for w in waarde)
    elif isinstance(waarde, dict):
        kopie = {_schoon(k, gezien, patroon): _schoon(w, gezien, patroon) for k, w in waarde.items()}
    elif isinstance(waarde, PurePath):
        tekst = str(waarde)
        kopie = waarde if patroon.search(tekst) is None else type(waarde)(patroon.sub(_zichtbaar, tekst))
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
