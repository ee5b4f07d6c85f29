"""The rich console every terminal output is drawn on: the agenda table, `planner toon`, `planner lijst`.

Imported only inside those renderers, so `plan --format json` or `--ics` never load rich. Whether
there is colour and how wide the terminal is, is decided by the caller (planner.scherm: a terminal
without NO_COLOR, its width; a pipe or file gets no colour and 100 columns) and passed in, so a
renderer is a function of its arguments and the same plan always gives the same text.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

# Without a terminal to measure (a pipe, a file, a test) the text is laid out this wide.
STANDAARD_BREEDTE = 100
# The narrowest a column of titles gets ("Wensen noteren en" / "bespreken"): narrower, a title
# reads one word or half a word per line.
KORTSTE_TITEL = 16


def console(kleur: bool, breedte: int | None) -> Console:
    """A console writing to memory: colour only when asked, then the 16 standard colours (all the
    styles use), so the codes do not depend on TERM or COLORTERM; without colour no escape at all."""
    from rich.console import Console

    # markup=False: a '[' in a draaiboek's text is text, not a rich style (a stray '[/x]' would crash).
    return Console(file=io.StringIO(), force_terminal=kleur, no_color=not kleur,
                   color_system="standard" if kleur else None, width=breedte or STANDAARD_BREEDTE,
                   highlight=False, emoji=False, markup=False, legacy_windows=False)


def als_tekst(scherm: Console, *delen: Any) -> str:
    """`delen` drawn on `scherm`, one below the other, as text with a line break after every line.

    rich pads lines to the table's or the console's width, inside the style of the text they pad;
    those trailing spaces only get in the way of a pipe or a diff, so they go, and without them a
    coloured line is its plain line with colour codes added. Spaces on a background (the timeline
    bar) are what is drawn, and stay.
    """
    from rich.color import ColorSystem
    from rich.console import Group

    kleuren = ColorSystem.STANDARD if scherm.color_system else None
    uit = []
    for regel in scherm.render_lines(Group(*delen), scherm.options, pad=False):
        while regel and _leeg_aan_het_eind(regel[-1]):
            tekst, stijl, _ = regel[-1]
            ingekort = tekst.rstrip(" ")
            regel = regel[:-1] + ([type(regel[-1])(ingekort, stijl)] if ingekort else [])
            if ingekort:
                break
        uit.append("".join(stijl.render(tekst, color_system=kleuren) if stijl else tekst
                           for tekst, stijl, controle in regel if not controle))
        uit.append("\n")
    return "".join(uit)


def _leeg_aan_het_eind(segment: Any) -> bool:
    """A segment whose trailing spaces show nothing (an underline under nothing is left out too)."""
    tekst, stijl, controle = segment
    if controle:
        return True
    if not tekst.endswith(" "):
        return False
    return stijl is None or not (stijl.bgcolor or stijl.reverse)


def titels_en_getallen(koppen: tuple[str, ...], rijen: list[tuple[Any, ...]]) -> tuple[Table, int, int]:
    """A borderless table of a title column and columns of numbers (terugblik), with the width it
    needs at least and its full width (every title on one line).

    The title wraps between its words, never narrower than KORTSTE_TITEL (a word wider than that
    folds); numbers and headings never wrap. rich, short of room, would narrow every column alike
    and cut the last: the caller gives the console at least the width this needs, so a terminal
    narrower than that gets lines that wrap (as `ls -l` does), never columns cut to a sliver.
    """
    from rich.cells import cell_len
    from rich.table import Table

    def breedte(cel: Any) -> int:
        return max((cell_len(regel) for regel in str(cel).split("\n")), default=0)

    breedtes = [max(breedte(r[i]) for r in [koppen, *rijen]) for i in range(len(koppen))]
    kortste = min(KORTSTE_TITEL, breedtes[0])
    tabel = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold")
    tabel.add_column(koppen[0], min_width=kortste, overflow="fold")
    for kop in koppen[1:]:
        tabel.add_column(kop, justify="right", no_wrap=True)
    for rij in rijen:
        tabel.add_row(*rij)
    tussen = 2 * (len(koppen) - 1)
    return tabel, kortste + sum(breedtes[1:]) + tussen, sum(breedtes) + tussen
