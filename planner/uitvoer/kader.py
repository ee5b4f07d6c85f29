"""Text laid out in terminal cells without rich: cell widths, word wrap and a boxed table.

`planner plan` draws its agenda with this: importing rich's console cost about as much as the
rest of the command together (issue 12). The rules are rich's (how wide each column starts,
which one gives way, where a line breaks, when '…' ends a cell), so the table looks exactly as
it did when rich drew it; tests/test_kader.py draws random tables both ways and compares them.

Text reaching this module has been cleaned (planner.kern.veilig): no tabs, no control characters
except the line break. Widths follow Python's Unicode data (East Asian width, combining marks);
rich 15 carries its own, newer table and joins emoji sequences into one cell group. They differ for
emoji sequences, spacing marks of Indic scripts, decomposed Korean, symbols made wide in Unicode 16
and characters Python does not know yet; terminals disagree among themselves there too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ELLIPS = "…"
_WOORD = re.compile(r"\s*\S+\s*")
_WIT_AAN_HET_EIND = re.compile(r"\s+$")

# Box drawing as rich's HEAVY_HEAD: a heavy frame round the header, light lines below it.
BOVEN = "┏━┳┓"
KOPRIJ = "┃┃┃"
ONDER_KOP = "┡━╇┩"
RIJ = "│││"
BOVEN_VOET = "├─┼┤"
ONDER = "└─┴┘"


# Format characters that do take a cell, in terminals and in rich: the soft hyphen and the
# prepended concatenation marks (Arabic number signs).
_ZICHTBARE_OPMAAK = frozenset("\u00ad\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2"
                              "\U000110bd\U000110cd")


@lru_cache(maxsize=4096)
def _teken_breedte(teken: str) -> int:
    if teken in _ZICHTBARE_OPMAAK:
        return 1
    if unicodedata.combining(teken) or unicodedata.category(teken) in ("Mn", "Me", "Cc", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(teken) in ("W", "F") else 1


def cel_breedte(tekst: str) -> int:
    """How many terminal cells `tekst` takes."""
    if tekst.isascii() and tekst.isprintable():
        return len(tekst)
    return sum(_teken_breedte(teken) for teken in tekst)


def passend(tekst: str, breedte: int) -> str:
    """`tekst` in exactly `breedte` cells: cut off, or filled up with spaces. A wide character
    cut in half becomes a space."""
    if breedte <= 0:
        return ""
    gebruikt = 0
    for index, teken in enumerate(tekst):
        breed = cel_breedte(teken)
        if gebruikt + breed > breedte:
            return tekst[:index] + " " * (breedte - gebruikt)
        gebruikt += breed
    return tekst + " " * (breedte - gebruikt)


def _hak(woord: str, breedte: int) -> list[str]:
    """A word longer than a line, in pieces of at most `breedte` cells."""
    stukken: list[str] = []
    begin = gebruikt = 0
    for index, teken in enumerate(woord):
        breed = cel_breedte(teken)
        if gebruikt + breed > breedte:
            stukken.append(woord[begin:index])
            begin, gebruikt = index, 0
        gebruikt += breed
    if gebruikt:
        stukken.append(woord[begin:])
    return stukken


def _breekpunten(regel: str, breedte: int, vouwen: bool) -> list[int]:
    """Where a line breaks to fit `breedte`: before a word that does not fit any more; a word
    longer than a whole line is folded over several (`vouwen`) or left to be cut off."""
    punten: list[int] = []
    positie = 0
    for gevonden in _WOORD.finditer(regel):
        begin, woord = gevonden.start(), gevonden.group()
        lengte = cel_breedte(woord.rstrip())
        if breedte - positie >= lengte:
            positie += cel_breedte(woord)
        elif lengte > breedte:
            if vouwen:
                stukken = _hak(woord, breedte)
                for nummer, stuk in enumerate(stukken, 1):
                    if begin:
                        punten.append(begin)
                    if nummer == len(stukken):
                        positie = cel_breedte(stuk)
                    else:
                        begin += len(stuk)
            else:
                if begin:
                    punten.append(begin)
                positie = cel_breedte(woord)
        elif positie and begin:
            punten.append(begin)
            positie = cel_breedte(woord)
    return punten


def _ingekort(regel: str, breedte: int, overloop: str, aanvullen: bool = False) -> str:
    lengte = cel_breedte(regel)
    if lengte > breedte:
        regel = passend(regel, breedte - 1) + ELLIPS if overloop == "ellips" else passend(regel, breedte)
    if aanvullen and lengte < breedte:
        regel += " " * (breedte - lengte)
    return regel


def breek(tekst: str, breedte: int, uitlijning: str = "", overloop: str = "vouw",
          niet_breken: bool = False) -> list[str]:
    """`tekst` as lines of at most `breedte` cells, broken between words.

    uitlijning: "" (as is), "links" or "rechts" (filled up to `breedte`); overloop: what happens
    to a word longer than a line: "vouw" (over several lines), "ellips" (cut, with '…') or
    "knip" (cut).
    """
    regels: list[str] = []
    for alinea in tekst.split("\n"):
        if niet_breken:
            stukken = [alinea]
        else:
            punten = _breekpunten(alinea, breedte, vouwen=overloop == "vouw")
            grenzen = [0, *punten, len(alinea)]
            stukken = [_zonder_wit_voorbij(alinea[a:b], breedte) for a, b in zip(grenzen, grenzen[1:], strict=False)]
        if uitlijning == "links":
            stukken = [_ingekort(stuk, breedte, overloop, aanvullen=True) for stuk in stukken]
        elif uitlijning == "rechts":
            stukken = [_ingekort(stuk.rstrip(), breedte, overloop) for stuk in stukken]
            stukken = [" " * (breedte - cel_breedte(stuk)) + stuk for stuk in stukken]
        regels += [_ingekort(stuk, breedte, overloop) for stuk in stukken]
    return regels


def _zonder_wit_voorbij(regel: str, breedte: int) -> str:
    """The spaces a line ends with, as far as they run past `breedte` (counted in characters)."""
    teveel = len(regel) - breedte
    if teveel > 0 and (wit := _WIT_AAN_HET_EIND.search(regel)):
        return regel[: len(regel) - min(len(wit.group()), teveel)]
    return regel


class Kolom:
    """One column of a table: header, footer, how its cells are aligned and whether they wrap."""

    __slots__ = ("kop", "voet", "rechts", "niet_breken", "cellen", "stijlen")

    def __init__(self, kop: str, voet: str = "", rechts: bool = False, niet_breken: bool = False) -> None:
        self.kop, self.voet, self.rechts, self.niet_breken = kop, voet, rechts, niet_breken
        self.cellen: list[str] = []
        self.stijlen: list[str] = []  # per cell, when colour is on (SGR parameters, see `gestijld`)

    def voeg_toe(self, tekst: str, stijl: str = "") -> None:
        self.cellen.append(tekst)
        self.stijlen.append(stijl)

    def teksten(self, met_kop: bool = True, met_voet: bool = True) -> list[str]:
        return [self.kop] * met_kop + self.cellen + [self.voet] * met_voet


def _maat(tekst: str, breedte: int) -> tuple[int, int]:
    """Narrowest and widest a padded cell can be (longest word, longest line), at most `breedte`."""
    binnen = breedte - 2
    if binnen < 1:
        return breedte, breedte
    regels = tekst.splitlines()
    breedst = max(map(cel_breedte, regels)) if regels else 0
    woorden = tekst.split()
    smalst = max(map(cel_breedte, woorden)) if woorden else breedst
    breedst = min(breedst, binnen)
    smalst = min(max(0, smalst), breedst, binnen)
    if breedst < 1:
        return 2, 2
    return min(smalst + 2, breedte), min(breedst + 2, breedte)


def _kolommaat(kolom: Kolom, breedte: int, met_kop: bool = True, met_voet: bool = True) -> tuple[int, int]:
    if breedte < 1:
        return 0, 0
    maten = [_maat(tekst, breedte) for tekst in kolom.teksten(met_kop, met_voet)]
    if not maten:
        return 1, breedte
    return min(max(m[0] for m in maten), breedte), min(max(m[1] for m in maten), breedte)


def _verminder(teveel: int, aandelen: list[int], maxima: list[int], waarden: list[int]) -> list[int]:
    """Take `teveel` off `waarden` in proportion to `aandelen`, at most `maxima` each."""
    aandelen = [aandeel if maximum else 0 for aandeel, maximum in zip(aandelen, maxima, strict=True)]
    totaal = sum(aandelen)
    if not totaal:
        return waarden[:]
    rest, uitkomst = teveel, []
    for aandeel, maximum, waarde in zip(aandelen, maxima, waarden, strict=True):
        if aandeel and totaal > 0:
            eraf = min(maximum, round(aandeel * rest / totaal))
            uitkomst.append(waarde - eraf)
            rest -= eraf
            totaal -= aandeel
        else:
            uitkomst.append(waarde)
    return uitkomst


def _verdeel(totaal: int, aandelen: list[int]) -> list[int]:
    """`totaal` in parts proportional to `aandelen`, rounded up from the first."""
    over, rest, delen = sum(aandelen), totaal, []
    for aandeel in aandelen:
        deel = max(0, -(-aandeel * rest // over)) if over > 0 else rest
        delen.append(deel)
        over -= aandeel
        rest -= deel
    return delen


def _smaller(breedtes: list[int], breekbaar: list[bool], maximum: int) -> list[int]:
    """The widest wrapping column gives way first, down to the next widest, until all fits."""
    totaal = sum(breedtes)
    teveel = totaal - maximum
    if not any(breekbaar):
        return breedtes
    while totaal and teveel > 0:
        breedst = max(b for b, mag in zip(breedtes, breekbaar, strict=True) if mag)
        daarna = max(b if mag and b != breedst else 0 for b, mag in zip(breedtes, breekbaar, strict=True))
        aandelen = [1 if (b == breedst and mag) else 0 for b, mag in zip(breedtes, breekbaar, strict=True)]
        if not any(aandelen) or breedst == daarna:
            break
        breedtes = _verminder(teveel, aandelen, [min(teveel, breedst - daarna)] * len(breedtes), breedtes)
        totaal = sum(breedtes)
        teveel = totaal - maximum
    return breedtes


def kolombreedtes(kolommen: list[Kolom], maximum: int, minimum: int = 0, met_kader: bool = True,
                  met_kop: bool = True, met_voet: bool = True) -> list[int]:
    """Each column's width, padding included and borders not: as wide as its longest line, and
    when that does not fit in `maximum`, the wrapping columns narrower."""
    rand = len(kolommen) + 1 if met_kader else 0
    ruimte = maximum - rand

    def maat(kolom: Kolom, breedte: int) -> tuple[int, int]:
        return _kolommaat(kolom, breedte, met_kop, met_voet)

    breedtes = [maat(k, ruimte)[1] or 1 for k in kolommen]
    totaal = sum(breedtes)
    if totaal > ruimte:
        breedtes = _smaller(breedtes, [not k.niet_breken for k in kolommen], ruimte)
        if sum(breedtes) > ruimte:
            breedtes = _verminder(sum(breedtes) - ruimte, [1] * len(breedtes), breedtes, breedtes)
        # Measured again at the narrower widths; the minimum below still goes by the width before
        # that (as rich does), so a table is never drawn narrower than its heading.
        totaal = sum(breedtes)
        breedtes = [maat(k, b)[1] or 0 for k, b in zip(kolommen, breedtes, strict=True)]
    if minimum and totaal < minimum - rand:
        extra = _verdeel(min(minimum - rand, ruimte) - totaal, breedtes)
        breedtes = [b + e for b, e in zip(breedtes, extra, strict=True)]
    return breedtes


def _cel(tekst: str, breedte: int, kolom: Kolom) -> list[str]:
    binnen = breedte - 2
    if binnen < 1:
        return []  # no room for text: the column is only its padding, or nothing
    regels = breek(tekst, binnen, uitlijning="rechts" if kolom.rechts else "links", overloop="ellips",
                   niet_breken=kolom.niet_breken)
    return [passend(" " + passend(regel, binnen) + " ", breedte) for regel in regels]


def tabel(kolommen: list[Kolom], maximum: int, minimum: int = 0, kleur: bool = False) -> list[str]:
    """The table's lines: header, a row per cell of the columns, footer, in a box at most `maximum`
    wide (unless even the narrowest columns are wider)."""
    breedtes = kolombreedtes(kolommen, maximum, minimum)

    def lijn(tekens: str) -> str:
        links, vol, kruis, rechts = tekens
        return links + kruis.join(vol * b for b in breedtes) + rechts

    vet = ["1"] * len(kolommen)
    regels = [lijn(BOVEN), *_rij(kolommen, breedtes, [k.kop for k in kolommen], vet, kleur, KOPRIJ, onderaan=True),
              lijn(ONDER_KOP)]
    for nummer in range(len(kolommen[0].cellen)):
        regels += _rij(kolommen, breedtes, *_rijinhoud(kolommen, nummer), kleur, RIJ)
    regels += [lijn(BOVEN_VOET), *_rij(kolommen, breedtes, [k.voet for k in kolommen], vet, kleur, RIJ), lijn(ONDER)]
    return regels


def rijen(kolommen: list[Kolom], maximum: int, kleur: bool = False) -> list[str]:
    """The cells of the columns as plain rows side by side: no header, footer or lines between."""
    breedtes = kolombreedtes(kolommen, maximum, met_kader=False, met_kop=False, met_voet=False)
    return [regel for nummer in range(len(kolommen[0].cellen))
            for regel in _rij(kolommen, breedtes, *_rijinhoud(kolommen, nummer), kleur, "   ")]


def _rijinhoud(kolommen: list[Kolom], nummer: int) -> tuple[list[str], list[str]]:
    return ([k.cellen[nummer] for k in kolommen],
            [k.stijlen[nummer] if nummer < len(k.stijlen) else "" for k in kolommen])


def _rij(kolommen: list[Kolom], breedtes: list[int], teksten: list[str], stijlen: list[str], kleur: bool,
         zijkant: str, onderaan: bool = False) -> list[str]:
    """The lines of one row: its cells side by side, between `zijkant` (left, between, right; spaces
    for a table without lines, which are left out)."""
    links, tussen, rechts = (teken.strip() for teken in zijkant)
    cellen = [_cel(tekst, b, k) for tekst, b, k in zip(teksten, breedtes, kolommen, strict=True)]
    hoogte = max(1, *(len(c) for c in cellen))
    regels = []
    for nummer in range(hoogte):
        delen = []
        for cel, b, stijl in zip(cellen, breedtes, stijlen, strict=True):
            # The header sits on its last line, every other row on its first.
            index = nummer - (hoogte - len(cel)) if onderaan else nummer
            delen.append(_gestijlde_cel(cel[index], stijl, kleur) if 0 <= index < len(cel) else " " * b)
        regels.append(links + tussen.join(delen) + rechts)
    return regels


def alinea(tekst: str, breedte: int, stijl: str = "", kleur: bool = False) -> list[str]:
    """A paragraph for the terminal: broken between words to `breedte`, each line in `stijl`."""
    return [gestijld(regel.rstrip(" "), stijl, kleur) for regel in breek(tekst, breedte)]


def als_tekst(regels: list[str], breedte: int, kleur: bool) -> str:
    """Lines for the terminal: what does not fit is cut off, as a terminal would (without colour:
    cutting through a colour code is not worth the risk), and trailing spaces go (they only get in
    the way of a pipe or a diff)."""
    if not kleur:
        regels = [passend(regel, breedte) if cel_breedte(regel) > breedte else regel for regel in regels]
    return "".join(regel.rstrip(" ") + "\n" for regel in regels)


def _gestijlde_cel(regel: str, stijl: str, kleur: bool) -> str:
    """The text of a cell line in its style; the padding round it stays plain."""
    tekst = regel.strip(" ")
    if not (kleur and stijl and tekst):
        return regel
    begin = regel.index(tekst)
    return regel[:begin] + gestijld(tekst, stijl, kleur) + regel[begin + len(tekst):]


def gestijld(tekst: str, stijl: str, kleur: bool) -> str:
    """`tekst` in a terminal style (SGR parameters such as "1" for bold), when colour is on."""
    if not (kleur and stijl and tekst):
        return tekst
    return f"\x1b[{stijl}m{tekst}\x1b[0m"
