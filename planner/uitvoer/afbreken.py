"""Dutch hyphenation for printed HTML, only where a word cannot fit its column.

Chromium hyphenates `lang="nl"` text with `hyphens: auto` only when it has a Dutch dictionary,
and many installations have none; then `overflow-wrap` breaks a long word anywhere
("Samenwerkingsverba|nden"). So a word longer than its column gets soft hyphens at Dutch
syllable boundaries (pyphen, LibreOffice's patterns). Shorter words are left alone: a soft
hyphen that is not used still changes the text a PDF reader extracts ("Ken nis ma king").
"""

from __future__ import annotations

import re
from functools import cache

ZACHT = "\u00ad"


@cache
def _woordenboek():  # noqa: ANN202 - pyphen is imported only when a handout is printed
    import pyphen

    return pyphen.Pyphen(lang="nl_NL")


def afbreken(tekst: str, max_tekens: int) -> str:
    """`tekst` with soft hyphens in every word of more than `max_tekens` letters."""
    if len(tekst) <= max_tekens:
        return tekst
    # A chain like "thema/vraagstuk/opgave" is one unbreakable run to a browser: hyphenate its words.
    return re.sub(rf"[\w/]{{{max_tekens + 1},}}", _afgebroken, tekst)


def _afgebroken(keten: re.Match[str]) -> str:
    return re.sub(r"\w{5,}", lambda m: _woordenboek().inserted(m.group(0), hyphen=ZACHT), keten.group(0))
