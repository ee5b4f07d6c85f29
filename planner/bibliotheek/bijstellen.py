"""`planner terugblik LOG… --bijstellen NAAM`: an own copy of a draaiboek with minutes from practice.

The copy is the original text edited (comments and layout survive, as with 'planner nieuw --van'):
per adjusted onderdeel its `minuten` line gets the new value, a comment with the evidence above it
and a `praktijk = "…"` line below it, which every output shows as minutes from practice (P5). Every
edit is checked against the parsed TOML: the copy must parse to the original with only those values
(and id and title) changed, or nothing is written.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from planner.bibliotheek.sjabloon import _toml_tekst, kopie
from planner.kern.fouten import InvoerFout

_ONDERDEEL = re.compile(r"^\s*\[\[\s*onderdelen\s*\]\]\s*(#.*)?$")
_TABEL = re.compile(r"^\s*\[")


@dataclass(frozen=True)
class Wijziging:
    id: str
    oud: int
    nieuw: int
    bewijs: str
    grens: str = ""


def bijgesteld(tekst: str, naam: str, van: str, wijzigingen: list[Wijziging], logs: int) -> str:
    """The text of the own copy `naam` of draaiboek `van` (its TOML `tekst`) with `wijzigingen`."""
    basis = tekst if naam == van else kopie(tekst, naam, van)
    regels = basis.splitlines(keepends=True)
    verwacht = tomllib.loads(basis)
    onderdelen = verwacht.get("onderdelen", [])
    for w in wijzigingen:
        plek = next((i for i, o in enumerate(onderdelen) if o.get("id") == w.id), None)
        if plek is None:
            raise InvoerFout(f"Onderdeel '{w.id}' staat niet in '{van}': bijstellen kan alleen een onderdeel "
                             "dat het draaiboek zelf noemt.")
        regels = _pas_aan(regels, w)
        onderdelen[plek]["minuten"] = w.nieuw
        onderdelen[plek]["praktijk"] = w.bewijs
    nieuw = "".join(regels)
    try:
        klopt = tomllib.loads(nieuw) == verwacht
    except tomllib.TOMLDecodeError:
        klopt = False
    if not klopt:
        raise InvoerFout(f"De minuten in '{van}' kan ik niet veilig aanpassen (het bestand is anders opgebouwd dan "
                         f"verwacht): maak een kopie met 'planner nieuw {naam} --van {van}' en pas de minuten zelf "
                         "aan.")
    uitleg = (f"# Minuten bijgesteld naar de praktijk van {logs} sessies (planner terugblik … --bijstellen {naam}),\n"
              "# alleen binnen de grenzen (min, max) van de bron; elk bijgesteld onderdeel zegt waarop dat berust.\n")
    return uitleg + nieuw


def _pas_aan(regels: list[str], w: Wijziging) -> list[str]:
    """`regels` with the minuten of onderdeel `w.id` replaced, the evidence beside it."""
    koppen = [i for i, r in enumerate(regels) if _ONDERDEEL.match(r)]
    id_regel = re.compile(r'^\s*(?:id|"id")\s*=\s*' + re.escape(_toml_tekst(w.id)) + r"\s*(#.*)?$")
    for kop in koppen:
        einde = next((i for i in range(kop + 1, len(regels)) if _TABEL.match(regels[i])), len(regels))
        blok = range(kop + 1, einde)
        if not any(id_regel.match(regels[i].rstrip("\r\n")) for i in blok):
            continue
        minuten = next((i for i in blok if re.match(r"^\s*minuten\s*=", regels[i])), None)
        if minuten is None:
            break
        weg = {i for i in blok if re.match(r"^\s*praktijk\s*=", regels[i])
               or regels[i].lstrip().startswith("# Uit de praktijk")}
        grens = f"; {w.grens}" if w.grens else ""
        nieuw = [f"# Uit de praktijk: {w.bewijs}; was {w.oud} min{grens}.\n",
                 f"minuten = {w.nieuw}\n",
                 f"praktijk = {_toml_tekst(w.bewijs)}\n"]
        return [r for i, r in enumerate(regels[:minuten]) if i not in weg] + nieuw + \
            [r for i, r in enumerate(regels[minuten + 1:], start=minuten + 1) if i not in weg]
    return regels  # the check afterwards says it could not be done
