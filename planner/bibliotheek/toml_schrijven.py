"""A small TOML writer for the values a draaiboek holds: texts, whole numbers, booleans, lists, inline tables.

Only what `planner importeer` needs; every text becomes a TOML basic string, escaped so that any
character a document can contain (quotes, backslashes, tabs, control characters) reads back the same.
"""

from __future__ import annotations

from typing import Any

# TOML basic strings: these have short escapes; every other control character gets \uXXXX.
_KORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def tekst(waarde: str) -> str:
    """`waarde` as a TOML basic string ("…")."""
    delen = []
    for teken in waarde:
        if teken in _KORT:
            delen.append(_KORT[teken])
        elif ord(teken) < 0x20 or ord(teken) == 0x7F:
            delen.append(f"\\u{ord(teken):04X}")
        else:
            delen.append(teken)
    return '"' + "".join(delen) + '"'


def sleutel(naam: str) -> str:
    """A bare key when TOML allows one, else a quoted key."""
    if naam and all(t.isascii() and (t.isalnum() or t in "-_") for t in naam):
        return naam
    return tekst(naam)


def waarde(w: Any) -> str:
    """One value on one line: str, bool, int, list or dict (as an inline table)."""
    if isinstance(w, bool):
        return "true" if w else "false"
    if isinstance(w, int):
        return str(w)
    if isinstance(w, str):
        return tekst(w)
    if isinstance(w, list | tuple):
        return "[" + ", ".join(waarde(x) for x in w) + "]"
    if isinstance(w, dict):
        if not w:
            return "{}"
        return "{ " + ", ".join(f"{sleutel(k)} = {waarde(v)}" for k, v in w.items()) + " }"
    raise TypeError(f"geen TOML-waarde: {w!r}")


def veld(naam: str, w: Any, uitleg: str = "") -> str:
    """'naam = waarde', with a comment after it when `uitleg` is given."""
    regel = f"{sleutel(naam)} = {waarde(w)}"
    return f"{regel}  # {_commentaar(uitleg)}" if uitleg else regel


def lijst(naam: str, items: list[Any]) -> str:
    """A list with one item per line, easier to edit by hand than one long line."""
    if not items:
        return f"{sleutel(naam)} = []"
    regels = [f"{sleutel(naam)} = ["] + [f"    {waarde(x)}," for x in items] + ["]"]
    return "\n".join(regels)


def commentaar(uitleg: str) -> str:
    """A whole-line comment; every line of `uitleg` gets its own '#'."""
    return "\n".join(f"# {_commentaar(r)}".rstrip() for r in uitleg.splitlines() or [""])


def _commentaar(t: str) -> str:
    # A comment runs to the end of the line and may hold no control characters but tab.
    return "".join(c if c == "\t" or (ord(c) >= 0x20 and ord(c) != 0x7F) else " " for c in t)
