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
    woorden = re.sub(rf"\w{{{max_tekens + 1},}}", lambda m: _woordenboek().inserted(m.group(0), hyphen=ZACHT),
                     keten)
    return re.sub(r"/(?=\w)", "/" + BREEKPUNT, woorden)


def html_tekst(tekst: str, max_tekens: int = 0) -> str:
    """Escaped for HTML; with `max_tekens`, hyphenated where a word cannot fit (see `afbreken`)."""
    from html import escape

    if max_tekens:
        tekst = afbreken(tekst, max_tekens)
    return escape(tekst, quote=True).replace(BREEKPUNT, "<wbr>")
