"""Loading draaiboeken: by name (own folder first, then built-in) or from one file.

Every file is validated once, here (planner.bibliotheek.valideren); a problem names the file, the line,
the onderdeel and the field.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.bibliotheek.grenzen import SLEUTEL_PUNTEN, lange_sleutel, te_groot
from planner.bibliotheek.lezen import is_bestand, lees_of_probleem, waarom_niet
from planner.bibliotheek.valideren import lees_draaiboek
from planner.bibliotheek.vinden import NAAM, lijkt_pad, zichtbare_bron, zichtbare_bronnen
from planner.kern.fouten import DraaiboekFout, InvoerFout, Probleem
from planner.kern.lui import Patroon
from planner.kern.model import Draaiboek
from planner.kern.veilig import ONZICHTBAAR

if TYPE_CHECKING:
    import tomllib


def vind(naam: str) -> Draaiboek:
    """The draaiboek a user means by `naam`: a built-in or own id, or a path to a .toml file."""
    if lijkt_pad(naam):
        pad = Path(naam).expanduser()
        if pad.suffix != ".toml":
            raise InvoerFout(
                f"'{naam}' is geen draaiboek: geef een naam uit 'planner lijst' "
                "of een pad naar een .toml-bestand."
            )
        if not is_bestand(pad):
            raise InvoerFout(f"Het bestand '{naam}' {waarom_niet(pad)}")
        return laad_bestand(pad, herkomst=str(pad))
    naam = naam.strip().lower()
    if not NAAM.match(naam):
        raise InvoerFout(
            f"'{naam}' is geen geldige draaiboeknaam: gebruik een naam uit 'planner lijst'."
        )
    bron = zichtbare_bron(naam)
    if bron is not None:
        return laad_bestand(bron.pad, herkomst=bron.herkomst)
    bekend = ", ".join(sorted(b.id for b in zichtbare_bronnen()))
    raise InvoerFout(f"Draaiboek '{naam}' bestaat niet: kies uit {bekend} (zie 'planner lijst').")


def laad_bestand(pad: Path, herkomst: str = "eigen") -> Draaiboek:
    draaiboek, problemen = controleer_bestand(pad, herkomst)
    if problemen:
        raise DraaiboekFout(problemen)
    assert draaiboek is not None
    return draaiboek


def controleer_bestand(pad: Path, herkomst: str = "eigen") -> tuple[Draaiboek | None, list[Probleem]]:
    """Read and validate one file; returns the draaiboek or every problem found."""
    tekst, problemen = lees_of_probleem(pad)
    if tekst is None:
        return None, problemen
    return controleer_tekst(tekst, pad, herkomst)


def controleer_tekst(tekst: str, pad: Path, herkomst: str = "eigen") -> tuple[Draaiboek | None, list[Probleem]]:
    """Validate the text of a draaiboek as if it were the file `pad` (also before it is written)."""
    draaiboek, problemen = _gecontroleerd(tekst, pad, herkomst)
    return draaiboek, list(problemen)


@lru_cache(maxsize=64)
def _gecontroleerd(tekst: str, pad: Path, herkomst: str) -> tuple[Draaiboek | None, tuple[Probleem, ...]]:
    # Remembered for the process, by the text itself: `lijst` and `controleer` validate every
    # draaiboek and then every programme, which names some of them again. The results are frozen.
    draaiboek, problemen = _controleer(tekst, pad, herkomst)
    return draaiboek, tuple(problemen)


def _controleer(tekst: str, pad: Path, herkomst: str) -> tuple[Draaiboek | None, list[Probleem]]:
    naam = str(pad)
    regel = lange_sleutel(tekst)
    if regel is not None:
        # Refused before parsing: the TOML reader needs minutes for such a key (issue 21).
        return None, [Probleem(naam, f"een veldnaam of [kop] heeft meer dan {SLEUTEL_PUNTEN} punten "
                                     "(a.b.c…); een draaiboek heeft er hooguit één nodig (beurten.min).",
                               regel=regel)]
    try:
        data = _lees_toml(tekst, herkomst)
    except ValueError as fout:
        import tomllib

        if not isinstance(fout, tomllib.TOMLDecodeError):
            return None, [Probleem(naam, TE_VEEL_CIJFERS)]
        return None, [_toml_probleem(naam, fout, tekst)]
    except RecursionError:
        # x = [[[[...]]]] thousands deep: the reader gives up; one broken file must not hide the rest.
        return None, [Probleem(naam, "dit is geen bruikbare TOML: lijsten of tabellen staan te diep in "
                                     "elkaar; een draaiboek heeft er hooguit een paar nodig.")]
    reden = te_groot(data)
    if reden is not None:
        return None, [Probleem(naam, f"dit is te groot voor een draaiboek: {reden}.")]
    try:
        draaiboek, problemen = lees_draaiboek(data, naam, herkomst=herkomst, standaard_id=pad.stem)
    except RecursionError:
        return None, [Probleem(naam, "lijsten of tabellen staan te diep in elkaar; een draaiboek heeft er "
                                     "hooguit een paar nodig.")]
    if herkomst == "eigen" and isinstance(data.get("id"), str) and data["id"] != pad.stem:
        # Found by its file name: an id that differs would make 'planner plan NAAM' confusing.
        problemen.append(Probleem(naam, f"het id '{data['id']}' verschilt van de bestandsnaam "
                                  f"'{pad.stem}'; maak ze gelijk (de planner vindt het bestand "
                                  "onder de bestandsnaam).", veld="id"))
        draaiboek = None
    return draaiboek, _met_regels(problemen, tekst)


# tomllib gives a plain ValueError (no TOMLDecodeError, no line) for one thing only: an integer longer than
# Python converts (4300 digits).
TE_VEEL_CIJFERS = ("er staat een getal van duizenden cijfers in (meer dan Python leest); een draaiboek of "
                   "programma heeft getallen van een paar cijfers.")


def _lees_toml(tekst: str, herkomst: str) -> dict[str, Any]:
    """The parsed text; built-in draaiboeken are parsed each time too (no cache written on a read)."""
    import tomllib

    return tomllib.loads(tekst)


_KOP = Patroon(r"^\s*\[\[?\s*([A-Za-z_]+)\s*\]\]?")
_ID = Patroon(r"""^\s*id\s*=\s*["']([^"']*)["']""")


def _met_regels(problemen: list[Probleem], tekst: str) -> list[Probleem]:
    """Add the line number of each field problem by finding the field in its block of the text.

    A nicety: when the text is unusual (inline tables, dotted keys) the problem simply has no line.
    The text is split into blocks once and each block's fields are looked up once, so a file with
    thousands of problems is still read in linear time.
    """
    if all(p.regel is not None for p in problemen):
        return problemen
    regels = tekst.splitlines()
    # Blocks: (table name, first line index, id inside or None); the top level is block "".
    blokken: list[tuple[str, int, str | None]] = [("", 0, None)]
    for i, regel in enumerate(regels):
        kop = _KOP.match(regel)
        if kop:
            blokken.append((kop[1], i, None))
        elif (gevonden := _ID.match(regel)) and blokken[-1][2] is None:
            blokken[-1] = (blokken[-1][0], blokken[-1][1], gevonden[1])
    grenzen = [b[1] for b in blokken[1:]] + [len(regels)]
    velden: dict[int, tuple[dict[str, int], dict[str, int]]] = {}

    def veldregels(index: int) -> tuple[dict[str, int], dict[str, int]]:
        # The first line of each field in the block: as `veld =`, and inside an inline table.
        if index not in velden:
            los: dict[str, int] = {}
            binnen: dict[str, int] = {}
            for i in range(blokken[index][1], grenzen[index]):
                kop = _VELD.match(regels[i])
                if kop:
                    los.setdefault(kop[1], i + 1)
                for naam in _BINNEN_VELD.findall(regels[i]):
                    binnen.setdefault(naam, i + 1)
            velden[index] = (los, binnen)
        return velden[index]

    gezocht: dict[tuple[str | None, str | None], list[int]] = {}
    uit = []
    for probleem in problemen:
        if probleem.regel is None:
            sleutel = (probleem.onderdeel, probleem.veld if probleem.onderdeel is None else None)
            if sleutel not in gezocht:
                gezocht[sleutel] = _blokken_voor(probleem, blokken)
            probleem = _met_regel(probleem, gezocht[sleutel], blokken, veldregels)
        uit.append(probleem)
    return uit


_VELD = Patroon(r"^\s*([A-Za-z0-9_-]+)\s*=")
_BINNEN_VELD = Patroon(r"[{,]\s*([A-Za-z0-9_-]+)\s*=")


def _met_regel(probleem: Probleem, kandidaten: list[int], blokken: list[tuple[str, int, str | None]],
               veldregels: Any) -> Probleem:
    if not kandidaten:
        return probleem
    index = kandidaten[-1] if probleem.veld == "id" else kandidaten[0]
    begin = blokken[index][1]
    if probleem.veld:
        los, binnen = veldregels(index)
        regel = los.get(probleem.veld) or binnen.get(probleem.veld)
        if regel is not None:
            return replace(probleem, regel=regel)
    if index == 0:
        return probleem
    return replace(probleem, regel=begin + 1)


def _blokken_voor(probleem: Probleem, blokken: list[tuple[str, int, str | None]]) -> list[int]:
    wie = probleem.onderdeel
    if wie is None:
        if probleem.veld in ("varianten", "onderdelen", "groepsopmerkingen", "splitsen"):
            return [i for i, b in enumerate(blokken) if b[0] == probleem.veld][:1] or [0]
        return [0]
    nummer = re.search(r"(?:^|\()nummer (\d+)\)?$", wie)
    if nummer:
        onderdelen = [i for i, b in enumerate(blokken) if b[0] == "onderdelen"]
        return onderdelen[int(nummer[1]) - 1:int(nummer[1])]
    if wie.startswith("variant "):
        naam = wie.removeprefix("variant ")
        return [i for i, b in enumerate(blokken) if b[0] == "varianten" and b[2] == naam]
    if wie == "groepsopmerking":
        return []
    return [i for i, b in enumerate(blokken) if b[0] == "onderdelen" and b[2] == wie]


_TOML_REGEL = Patroon(r"\(at line (\d+), column (\d+)\)")
_TOML_EINDE = "(at end of document)"
_ONZICHTBAAR_OF_STUUR = Patroon(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{ONZICHTBAAR}\u2028\u2029\u202a-\u202e]")


def _teken_op(tekst: str, regel: int | None, kolom: int) -> str:
    """The character at line `regel`, column `kolom` (both from 1), as the parser counts them."""
    if regel is None or kolom < 1:
        return ""
    begin = 0
    for _ in range(regel - 1):
        begin = tekst.find("\n", begin) + 1
        if begin == 0:
            return ""
    plek = begin + kolom - 1
    return tekst[plek] if plek < len(tekst) and tekst[plek] != "\n" else ""


def _toml_probleem(bestand: str, fout: tomllib.TOMLDecodeError, bron: str) -> Probleem:
    """The parser's error in Dutch, with line and column; its English words are never shown."""
    tekst = str(fout)
    plek = _TOML_REGEL.search(tekst)
    regel = int(plek[1]) if plek else None
    kolom = f" (kolom {plek[2]})" if plek else ""
    if plek is None and _TOML_EINDE in tekst:
        # The parser reached the end looking for what is missing: the last line is where it is.
        regel = bron.rstrip("\n").count("\n") + 1
        kolom = " (aan het einde)"
    oorzaak = _TOML_REGEL.sub("", tekst).replace(_TOML_EINDE, "").strip()
    uitleg = next((nl for en, nl in _TOML_UITLEG if oorzaak.startswith(en)),
                  "controleer aanhalingstekens, haakjes en = op die regel")
    teken = _teken_op(bron, regel, int(plek[2])) if plek else ""
    if teken and _ONZICHTBAAR_OF_STUUR.match(teken):
        # A byte-order mark or a NUL in the middle: the user cannot see what the parser stumbled on.
        uitleg = f"er staat een onzichtbaar teken (U+{ord(teken):04X}); verwijder het of typ de regel opnieuw"
    return Probleem(bestand, f"dit is geen geldige TOML{kolom}: {uitleg}.", regel=regel)


# tomllib speaks English; each of its messages (Python 3.11-3.13), in Dutch. The first match wins,
# so a longer English start comes before a shorter one it begins with.
_TOML_UITLEG = (
    ("Unterminated string", "een tekst mist zijn sluitende aanhalingsteken"),
    ("Unclosed array", "een lijst [ … ] wordt niet gesloten met ]"),
    ("Unclosed inline table", "een tabel { … } wordt niet gesloten met }"),
    ("Expected '=' after a key", "na een veldnaam hoort een ="),
    ("Invalid value", "na de = staat geen geldige waarde: een tekst hoort tussen aanhalingstekens"),
    ("Invalid statement", "deze regel is geen veld = waarde en geen [kop]"),
    ("Invalid initial character for a key part", "een veldnaam begint met een teken dat daar niet mag; "
                                                  "gebruik letters, cijfers, - en _"),
    ("Invalid date or datetime", "deze datum of tijd bestaat niet of is anders geschreven dan 2026-12-01"),
    ("Invalid hex value", "een \\u-code in een tekst is geen geldige tekencode"),
    ("Escaped character is not a Unicode scalar value", "een \\u-code in een tekst is geen geldig teken"),
    ("Unescaped '\\' in a string", "een \\ in een tekst hoort verdubbeld te worden (\\\\) of tussen "
                                   "enkele aanhalingstekens te staan"),
    ("Duplicate inline table key", "een veld staat twee keer in dezelfde { … }"),
    ("Cannot declare", "een veld of kop staat hier twee keer"),
    ("Cannot overwrite a value", "een veld staat hier twee keer"),
    ("Cannot redefine namespace", "deze [kop] of veldnaam is al eerder anders gebruikt"),
    ("Cannot mutate immutable namespace", "een { … }-tabel of lijst kan later niet meer aangevuld worden"),
    ("Expected newline or end of document", "na de waarde staat nog iets op dezelfde regel"),
    ("Expected ']]'", "een [[kop]] mist zijn sluitende ]]"),
    ("Expected ']'", "een [kop] mist zijn sluitende ]"),
    ("Expected", "hier ontbreekt een teken (bijvoorbeeld een haakje of komma)"),
    ("Illegal character '\\n'", "een tekst mist zijn sluitende aanhalingsteken aan het einde van de regel"),
    ("Illegal character", "er staat een onzichtbaar of ongeldig teken"),
    ("Found invalid character", "er staat een ongeldig teken"),
)
