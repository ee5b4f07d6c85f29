"""Only the programme becomes parts (issue 20.1, 20.3).

A session script counts its parts from the start ('### [0-10 min] Opening', '0:00 – 0:10 Welkom',
'[10-20 min] …'): ranges that rise without a gap from 0 at one level of the document. Once such a programme
is found, every other timed line (metadata 'Duur: 2 uur', homework '(30 minuten)', a handout's 'STAP 1 (5 min)',
the sub-timings '- [2-4 min] Individual think' under a part, a totals table) is a step of the part it stands
in, or text before the programme; a heading above the programme's level ('## BLOCK 1 … (30 min)') is a
heading over parts, not a part.
"""

from __future__ import annotations

from planner.importeren.regels import Item, midden_duur, schone_titel
from planner.importeren.tijden import _SCHEIDING as SCHEIDING
from planner.importeren.tijden import START_VANAF, Tijd, vanaf_start


def alleen_programma(items: list[Item]) -> list[Item]:
    """Items with the programme counted from the start as the only parts, when the document has one."""
    groepen: dict[tuple[str, int], list[tuple[int, int, int, str]]] = {}
    for i, item in enumerate(items):
        if item.soort in ("leeg", "grens") or not item.regel.tekst:
            continue
        if (gevonden := vanaf_start(item.regel.tekst)) is not None and gevonden[2]:
            groepen.setdefault((item.regel.soort, item.regel.niveau), []).append((i, *gevonden))
    ketens = [k for k in (_keten(kandidaten) for kandidaten in groepen.values()) if len(k) >= 2]
    if not ketens:
        return _starts_vanaf_begin(items)
    # The programme reaches furthest; of two that reach as far, the coarser one (the parts, not their
    # sub-timings '- [0-2 min] Welkom' under '### [0-10 min] Opening').
    beste = max(ketens, key=lambda k: (k[-1][2], -len(k)))
    niveau = items[beste[0][0]].regel.niveau
    soort = items[beste[0][0]].regel.soort
    programma = {i: (a, b, titel) for i, a, b, titel in beste}
    uit: list[Item] = []
    for i, item in enumerate(items):
        if i in programma:
            a, b, titel = programma[i]
            tekst = item.regel.tekst.strip("*_ ")
            tijd = Tijd(tekst[: len(tekst) - len(titel)].strip(" :|-–—[]()"), b - a)
            deel = Item(item.regel, "deel", tijd=tijd, titel=schone_titel(titel))
            midden_duur(deel)
            if deel.tijd is not None and deel.tijd.minuten != b - a:
                deel.tijd = tijd
            uit.append(deel)
        elif item.soort == "deel" or (item.soort == "tekst" and item.kandidaat is not None):
            if soort == "kop" and item.regel.soort == "kop" and item.regel.niveau < niveau:
                uit.append(Item(item.regel, "label"))  # '## BLOCK 1 … (30 min)': a heading over parts
            else:
                uit.append(Item(item.regel, "tekst"))  # a step of its part, minutes kept in its text
        else:
            uit.append(item)
    return uit


def _starts_vanaf_begin(items: list[Item]) -> list[Item]:
    """'0:00 Welkom', '0:10 Casus', '1:05 Break (10 min)': starts counted from 0:00 that rise at one level of
    the document are the programme (not durations of 0, 10 and 65 minutes); each part lasts until the next."""
    groepen: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for i, item in enumerate(items):
        tekst = item.regel.tekst.strip("*_ ")
        if item.soort in ("leeg", "grens") or not tekst or not (m := START_VANAF.match(tekst)):
            continue
        titel = tekst[m.end():].lstrip(SCHEIDING).strip("*_ ")
        if titel:
            groepen.setdefault((item.regel.soort, item.regel.niveau), []).append(
                (i, int(m["h"]) * 60 + int(m["m"]), titel))
    beste: list[tuple[int, int, str]] = []
    for kandidaten in groepen.values():
        keten: list[tuple[int, int, str]] = []
        for kandidaat in kandidaten:
            if (not keten and kandidaat[1] == 0) or (keten and kandidaat[1] > keten[-1][1]):
                keten.append(kandidaat)
        if len(keten) >= 3 and len(keten) > len(beste):
            beste = keten
    if not beste:
        return _alleen_de_tabel(items)
    programma = {i: (start, titel) for i, start, titel in beste}
    niveau, soort = items[beste[0][0]].regel.niveau, items[beste[0][0]].regel.soort
    uit: list[Item] = []
    for i, item in enumerate(items):
        if i in programma:
            start, titel = programma[i]
            tekst = item.regel.tekst.strip("*_ ")
            deel = Item(item.regel, "deel", tijd=Tijd(tekst[: len(tekst) - len(titel)].strip(" :|-–—[]()"),
                                                        start=start), titel=schone_titel(titel))
            midden_duur(deel)
            uit.append(deel)
        elif item.soort == "deel":
            kop = soort == "kop" and item.regel.soort == "kop" and item.regel.niveau < niveau
            uit.append(Item(item.regel, "label" if kop else "tekst"))
        else:
            uit.append(item)
    return uit


def _alleen_de_tabel(items: list[Item]) -> list[Item]:
    """A schedule table of three or more parts is the programme: a timed heading after it ('### Within 24 Hours'
    under 'Post-Workshop') is text of the part it stands under, not a part of a day."""
    if sum(1 for x in items if x.soort == "deel" and x.uit_tabel) < 3:
        return items
    if any(x.soort == "deel" and x.uit_tabel is False and x.tijd is not None and x.tijd.start is not None
           for x in items):
        return items  # clock times outside the table: a document with more than one programme shape
    return [Item(x.regel, "tekst") if x.soort == "deel" and not x.uit_tabel else x for x in items]


def _keten(kandidaten: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """The spans in document order that start at 0 and each begin where the one before ended."""
    keten: list[tuple[int, int, int, str]] = []
    for kandidaat in kandidaten:
        a = kandidaat[1]
        if not keten:
            if a == 0:
                keten.append(kandidaat)
        elif a == keten[-1][2]:
            keten.append(kandidaat)
    return keten
