"""Dutch hyphenation for printed HTML, only where a word cannot fit its column.

Chromium hyphenates `lang="nl"` text with `hyphens: auto` only when it has a Dutch dictionary,
and many installations have none; then `overflow-wrap` breaks a long word anywhere
("Samenwerkingsverba|nden"). So a word longer than its column gets soft hyphens at Dutch
syllable boundaries (pyphen, LibreOffice's patterns), and a chain like "thema/vraagstuk/opgave"
may break after its slashes. Shorter words are left alone: a soft hyphen that is not used still
changes the text a PDF reader extracts ("Ken nis ma king").
"""

from __future__ import annotations

import re
from functools import cache

ZACHT = "\u00ad"
# Where a line may break without a hyphen (after a slash); HTML writes it as <wbr>, which is no
# character at all, so an unused one leaves the printed text as it is.
BREEKPUNT = "\u200b"
# Longer than any Dutch word a column is meant to hold ("arbeidsongeschiktheidsverzekering" is 33):
# such a "word" is no word (a pasted hash, a run of letters) and pyphen takes seconds on one of
# 200k letters (issue 21). It is left to the browser, which breaks it anywhere (overflow-wrap).
MAX_WOORD = 64


@cache
def _woordenboek():  # noqa: ANN202 - pyphen is imported only when a handout is printed
    import pyphen

    return pyphen.Pyphen(lang="nl_NL")


def afbreken(tekst: str, max_tekens: int) -> str:
    """`tekst` with soft hyphens in every word of more than `max_tekens` letters, and a
    BREEKPUNT after each slash of a longer chain of words."""
    if len(tekst) <= max_tekens:
        return tekst
    return re.sub(rf"[\w/]{{{max_tekens + 1},}}", lambda keten: _afgebroken(keten.group(0), max_tekens), tekst)


def _afgebroken(keten: str, max_tekens: int) -> str:
    woorden = re.sub(rf"\w{{{max_tekens + 1},}}", lambda m: _woord(m.group(0)), keten)
    return re.sub(r"/(?=\w)", "/" + BREEKPUNT, woorden)


def _woord(woord: str) -> str:
    if len(woord) > MAX_WOORD:
        return woord
    return _woordenboek().inserted(woord, hyphen=ZACHT)


def html_tekst(tekst: str, max_tekens: int = 0) -> str:
    """Escaped for HTML; with `max_tekens`, hyphenated where a word cannot fit (see `afbreken`)."""
    from html import escape

    if max_tekens:
        tekst = afbreken(tekst, max_tekens)
    return escape(tekst, quote=True).replace(BREEKPUNT, "<wbr>")
