"""Recognising times in a document's text: durations ('45 min', '1u30'), clock times and ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.importeren.documenten import schoon

DAG = 24 * 60
GESCHAT_MIN = 15  # minutes for a part whose length the document does not give (a guess, marked)

# --- times -------------------------------------------------------------------------------------

# Every pattern here runs in linear time on any line (issue 21.1): whitespace runs are possessive
# ('\s*+': once taken, never given back piece by piece), and the patterns that look for a time at the
# END of a line are searched only in its last STAART characters (zoek_eind), so a search does not try
# every one of 2000 starting positions against a run of spaces.
_MIN = r"(?:minuten|minuut|minutes|minute|mins|min\.?|mn|m|'|’|′)"
_UUR = r"(?:uren|uur|hours|hour|hrs|hr|u|h)"
_GRENS = r"(?![a-zA-Z\u00c0-\u024f])"
_TOT = r"\s*+(?:-|–|—|‑|−|tot|t/m|à|a|>)\s*+"
_DUUR = (
    rf"(?P<uh>\d{{1,2}})\s*+{_UUR}\s*+(?:en\s*+)?(?P<um>[0-5]?\d)(?:\s*+{_MIN})?{_GRENS}"  # 1u30, 1 uur 30 min
    rf"|(?P<r1>\d{{1,3}}(?:[.,]\d+)?){_TOT}(?P<r2>\d{{1,3}}(?:[.,]\d+)?)\s*+(?P<re>{_MIN}|{_UUR}){_GRENS}"  # 10-15 min
    rf"|(?P<u>\d{{1,2}}(?:[.,]\d{{1,2}})?)\s*+{_UUR}{_GRENS}"  # 1,5 uur, 2u
    rf"|(?P<m>\d{{1,4}})\s*+{_MIN}{_GRENS}"  # 15m, 15 min, 15 minuten
    rf"|(?P<kh>0?[0-5]):(?P<km>[0-5]\d)(?!\d)"  # 0:15, 1:30 (a clock before 6 o'clock is a duration)
)
_KLOK = r"(?P<{h}>[01]?\d|2[0-3])\s?[:.hu]\s?(?P<{m}>[0-5]\d)(?!\d)(?:\s*+(?:uur|u)\b)?"
KLOK1 = _KLOK.format(h="h1", m="m1")
_KLOK2 = _KLOK.format(h="h2", m="m2")
_BEREIK_BEGIN = re.compile(rf"^\(?\s*+(?:van\s++)?{KLOK1}{_TOT}{_KLOK2}(?:\s*+\))?")
_KLOK_BEGIN = re.compile(rf"^\(?\s*+(?:om\s++|~\s*+|ca\.?\s*+|±\s*+)?{KLOK1}(?:-ish)?(?:\s*+\))?(?=[\s:|\-–—.,)]|$)")
_DUUR_BEGIN = re.compile(rf"^\(?\s*+(?:ca\.?\s*+|±\s*+|ongeveer\s*+)?(?:{_DUUR})(?:\s*+\))?(?=[\s:|\-–—.,)]|$)",
                         re.IGNORECASE)
_BEREIK_EIND = re.compile(rf"(?:^|[\s(\[,:;|–—-])\(?\s*+(?:van\s++)?{KLOK1}{_TOT}{_KLOK2}\s*+\)?\.?$")
_DUUR_EIND = re.compile(rf"(?P<sep>^|[\s(\[,:;|–—-])\(?\s*+(?:ca\.?\s*+|±\s*+|ongeveer\s*+)?(?:{_DUUR})\s*+\)?\.?$",
                        re.IGNORECASE)
_UUR_WOORD = re.compile(_UUR, re.IGNORECASE)
# '(30 min)' inside a line ('Welcome (30 min) - Brad leads'): the part's stated minutes (issue 20.2).
MIDDEN_DUUR = re.compile(r"\(\s*+(?:ca\.?\s*+|~\s*+|±\s*+)?(?P<m>\d{1,3})\s*+(?:minuten|minuut|minutes|minute|mins|"
                         r"min\.?)\s*+\)", re.IGNORECASE)
# '1:00' after '~12:00' in a programme that counts the clock to twelve: an afternoon time, not 60 minutes.
KLOK_TWAALF = re.compile(r"^[~±]?\s*+(?P<h>1[0-2]|0?[1-9]):(?P<m>[0-5]\d)$")
_KAAL_GETAL = re.compile(r"\d{1,3}")
# The patterns searched only in a line's last STAART characters: a time at the end is never longer.
STAART = 120
ALLEEN_AAN_EIND = (_BEREIK_EIND, _DUUR_EIND)


def zoek_eind(patroon: re.Pattern[str], tekst: str) -> re.Match[str] | None:
    """`patroon` (ending in '$') searched in the tail of `tekst` only: linear, whatever the line.
    ('^' in the pattern still means the real start of the line: re's pos argument keeps it so.)"""
    return patroon.search(tekst, max(0, len(tekst) - STAART))


def zonder_leiders(tekst: str) -> str:
    """'Welkom ........' without its dot leaders (and '…'), as plain string work."""
    kaal = tekst.rstrip()
    while kaal.endswith("…"):
        kaal = kaal[:-1].rstrip()
    if kaal == tekst.rstrip():
        staart = len(kaal) - len(kaal.rstrip(".·_ \t\x0b\x0c"))
        if sum(1 for c in kaal[len(kaal) - staart:] if c in ".·_") >= 2:
            kaal = kaal[:len(kaal) - staart]
    return kaal


_SCHEIDING = " \t:|-–—.,)]"


@dataclass
class Tijd:
    """What a part line says about time: minutes (maybe a range) or clock times, as written."""

    tekst: str
    minuten: int | None = None
    hoog: int | None = None
    start: int | None = None
    eind: int | None = None


def _getal(tekst: str) -> float:
    return float(tekst.replace(",", "."))


def _duur_uit(m: re.Match[str], tekst: str) -> Tijd | None:
    if m["uh"]:
        return Tijd(tekst, int(m["uh"]) * 60 + int(m["um"]))
    if m["r1"]:
        factor = 60 if _UUR_WOORD.fullmatch(m["re"]) else 1
        laag, hoog = round(_getal(m["r1"]) * factor), round(_getal(m["r2"]) * factor)
        return Tijd(tekst, laag, hoog) if 0 < laag <= hoog else None
    if m["u"]:
        uren, punt, na = m["u"].partition(".")
        if punt and len(na) == 2 and int(na) < 60:
            # '0.15 uur', '1.30 uur': hours and minutes as a Dutch programme writes them (h.mm), not 9 or 78
            # minutes; a decimal is written with a comma ('1,5 uur') or one digit ('1.5 uur').
            return Tijd(tekst, int(uren) * 60 + int(na))
        return Tijd(tekst, round(_getal(m["u"]) * 60))
    if m["m"]:
        return Tijd(tekst, int(m["m"]))
    if m["kh"]:
        return Tijd(tekst, int(m["kh"]) * 60 + int(m["km"]))
    return None


def klok_minuten(h: str, m: str) -> int:
    return int(h) * 60 + int(m)


def is_klok(h: str) -> bool:
    # Nobody holds a workshop between midnight and six: 1:30 there is a duration.
    return int(h) >= 6


def lees_tijd_begin(tekst: str) -> tuple[Tijd, str] | None:
    """A time at the start of a line, and the rest of the line (the title)."""
    if (m := _BEREIK_BEGIN.match(tekst)) and is_klok(m["h1"]):
        start, eind = klok_minuten(m["h1"], m["m1"]), klok_minuten(m["h2"], m["m2"])
        return Tijd(m[0].strip(), start=start, eind=eind), tekst[m.end():].lstrip(_SCHEIDING)
    if (m := _KLOK_BEGIN.match(tekst)) and is_klok(m["h1"]):
        return Tijd(m[0].strip(), start=klok_minuten(m["h1"], m["m1"])), tekst[m.end():].lstrip(_SCHEIDING)
    if m := _DUUR_BEGIN.match(tekst):
        tijd = _duur_uit(m, m[0].strip())
        if tijd is not None:
            return tijd, tekst[m.end():].lstrip(_SCHEIDING)
    return None


def lees_tijd_eind(tekst: str) -> tuple[Tijd, str] | None:
    """A time at the end of a line ('Welkom (15 min)', 'Pauze – 10 minuten'), and the title before it."""
    if (m := zoek_eind(_BEREIK_EIND, tekst)) and is_klok(m["h1"]):
        titel = tekst[:m.start()].rstrip(" \t(:[,;|–—-")
        if titel:
            return Tijd(m[0].strip(" (),.[;|–—-"), start=klok_minuten(m["h1"], m["m1"]),
                        eind=klok_minuten(m["h2"], m["m2"])), titel
    if m := zoek_eind(_DUUR_EIND, tekst):
        # 'Welkom ........ 15 min': dot leaders as in a printed programme.
        titel = zonder_leiders(tekst[:m.start()]).rstrip(" \t(:[,;|–—-")
        tijd = _duur_uit(m, m[0].strip(" (),.[;|–—-"))
        # A sentence that happens to end in minutes ('we praten 20 minuten') is no part line:
        # it needs a separator, or a short title.
        los = m["sep"] not in (" ", "") or len(titel.split()) <= 5
        if titel and tijd is not None and los and not titel.endswith(("?", ".")):
            return tijd, titel
    return None


def lees_tijdcel(tekst: str, kaal_getal: bool = False) -> Tijd | None:
    """The content of a Tijd/Duur cell: a duration, a clock time or range, or (`kaal_getal`, under a
    header that says so) a bare number of minutes."""
    tekst = schoon(tekst.replace("\n", " "))
    if kaal_getal and _KAAL_GETAL.fullmatch(tekst) and 0 < int(tekst) <= DAG:
        return Tijd(tekst, int(tekst))
    gevonden = lees_tijd_begin(tekst)
    if gevonden is None:
        return None
    return gevonden[0]


# '[0-10 min]', '0:00 – 0:10', '(10-20 min)', '0-10': a span counted from the start, at the start of a line.
_VANAF_START = re.compile(r"^[\[(]?\s*+(?P<a>\d{1,3})(?::(?P<am>[0-5]\d))?\s*+(?:-|–|—)\s*+(?P<b>\d{1,3})"
                          r"(?::(?P<bm>[0-5]\d))?(?:\s*+(?:minuten|minutes|mins|min\.?|m))?(?:\s*+[\])])?(?=[\s:|.,–—-]|$)",
                          re.IGNORECASE)
_SCHEIDING = " \t:|-–—.,)]"
# '### 0:00 — Welkom', '1:05 Break (10 min)': a start counted from the session's start, without an end.
START_VANAF = re.compile(r"^[\[(]?\s*+(?P<h>\d{1,2}):(?P<m>[0-5]\d)(?:\s*+[\])])?(?=[\s:|.,–—-]|$)"
                          r"(?!\s*+(?:-|–|—)\s*+\d)")


def _minuut(uren_of_minuten: str, minuten: str | None) -> int:
    return int(uren_of_minuten) * 60 + int(minuten) if minuten is not None else int(uren_of_minuten)


def vanaf_start(tekst: str) -> tuple[int, int, str] | None:
    """(from, to, title) of a line that starts with a span counted from the session's start."""
    m = _VANAF_START.match(tekst.strip("*_ "))
    if m is None or (m["am"] is None) != (m["bm"] is None):
        return None
    a, b = _minuut(m["a"], m["am"]), _minuut(m["b"], m["bm"])
    if not a < b:
        return None
    return a, b, tekst.strip("*_ ")[m.end():].lstrip(_SCHEIDING).strip("*_ ")
