"""Every size limit on what the planner reads, in one place, each with the reason for its number.

A limit is what keeps every command linear and quick on hostile input: a file that is not a
draaiboek (a device, a log of megabytes, thousands of dotted keys) gets one Dutch sentence instead
of minutes of work. Each limit is far above what a real file needs (the largest built-in draaiboek
is 12 kB, with 8 onderdelen and about 200 values).
"""

from __future__ import annotations

import re

from planner.kern.lui import Patroon

# A draaiboek is a few kilobytes of text; 1 MB is eighty times the largest built-in one.
DRAAIBOEK_BYTES = 1024 * 1024
# A facilitator's own Word or text document may hold images: 5 MB, then it is not a draaiboek.
DOCUMENT_BYTES = 5 * 1024 * 1024
# A log of 'planner live --log' is one CSV row per onderdeel: a few kilobytes; 10 MB leaves room
# for a log edited by hand or kept for months, and is still read in a moment.
LOG_BYTES = 10 * 1024 * 1024
# A document's lines (paragraphs, table rows and line breaks in Word): a long draaiboek of forty
# pages has a few thousand. 5 MB of short lines is millions of them, and at a few microseconds each
# the import took half a minute; past this many it is not a draaiboek.
DOCUMENT_REGELS = 20_000
# The XML of a .docx, unpacked (the text, styles, numbering; not images or fonts): python-docx parses
# all of it before a single line is read, and 55 MB of empty paragraphs (a 120 kB .docx) took 4 s and
# 1.3 GB of memory. A real one has under a megabyte, mostly styles (tests/data/echt: 830 kB).
DOCUMENT_XML_BYTES = 8 * 1024 * 1024
# A regular file is read in well under a second; a file system that drips (a /proc file, a stalled
# network mount) is given up on after this many seconds, with a sentence, instead of hanging.
LEESTIJD_SECONDEN = 10.0

# tomllib spends time growing with the square of the number of parts in one dotted key
# (x.a.a.a… = 1: 20,000 parts take seconds, 500,000 would take hours). A draaiboek uses at most
# two parts (beurten.min); more than this many dots in one key or [kop] is not a draaiboek.
SLEUTEL_PUNTEN = 16
# Values in one file (every field and every list item, counted through all tables): a hundred times
# what the largest built-in draaiboek has, so checking and planning stay quick.
WAARDEN = 20_000
# Onderdelen and varianten: a day has at most 1440 minutes; a real draaiboek has a handful.
ONDERDELEN = 500
VARIANTEN = 100

# A key part: a bare key or a quoted one ("…" with escapes, '…' literally). The pattern starts only
# at the beginning of a line or after [ { , (where a key can start) and every repetition needs its
# own dot, so no character is tried more than a few times: linear in the text.
_DEEL = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_LANGE_SLEUTEL = Patroon(rf"(?:^|[\[{{,])[ \t]*(?:{_DEEL}[ \t]*\.[ \t]*){{{SLEUTEL_PUNTEN + 1}}}", re.MULTILINE)


def lange_sleutel(tekst: str) -> int | None:
    """The line (from 1) of the first key or [kop] with more than SLEUTEL_PUNTEN dots, if any.

    Checked before the TOML is parsed: the parser itself is what takes the time.
    """
    gevonden = _LANGE_SLEUTEL.search(tekst)
    if gevonden is None:
        return None
    return tekst.count("\n", 0, gevonden.start()) + 1


def tel_waarden(data: object, grens: int = WAARDEN) -> int:
    """How many fields and list items `data` holds (stops counting just past `grens`)."""
    aantal = 0
    stapel = [data]
    while stapel and aantal <= grens:
        waarde = stapel.pop()
        if isinstance(waarde, dict):
            aantal += len(waarde)
            stapel.extend(waarde.values())
        elif isinstance(waarde, list):
            aantal += len(waarde)
            stapel.extend(waarde)
    return aantal


def te_groot(data: dict[str, object]) -> str | None:
    """Why a parsed draaiboek is too large to be one (one Dutch clause), or None."""
    onderdelen = data.get("onderdelen")
    if isinstance(onderdelen, list) and len(onderdelen) > ONDERDELEN:
        return (f"het heeft {len(onderdelen)} onderdelen; een draaiboek heeft er hooguit {ONDERDELEN} "
                "(een dag heeft 1440 minuten)")
    varianten = data.get("varianten")
    if isinstance(varianten, list) and len(varianten) > VARIANTEN:
        return f"het heeft {len(varianten)} varianten; een draaiboek heeft er hooguit {VARIANTEN}"
    if tel_waarden(data) > WAARDEN:
        return (f"het heeft meer dan {WAARDEN:,} velden en lijstitems".replace(",", ".")
                + "; een draaiboek heeft er een paar honderd")
    return None
