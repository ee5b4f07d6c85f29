"""Text for a new own draaiboek: a copy of an existing one, or a commented skeleton."""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

from planner.kern.fouten import InvoerFout


def controleer_naam(naam: str) -> str:
    """The id a new own draaiboek gets; refuses paths, odd characters and built-in names."""
    from planner.bibliotheek import vinden

    if vinden.lijkt_pad(naam):
        raise InvoerFout(f"'{naam}' is een pad of bestandsnaam: geef alleen een naam, bijvoorbeeld "
                         "'planner nieuw mijn-kickoff'; de planner kiest zelf de map.")
    if not vinden.NAAM.match(naam):
        raise InvoerFout(f"'{naam}' kan geen naam van een draaiboek zijn: gebruik kleine letters, cijfers, "
                         "'-' en '_', bijvoorbeeld mijn-kickoff.")
    if any(b.id == naam and b.herkomst == "ingebouwd" for b in vinden.alle_bronnen()):
        raise InvoerFout(f"'{naam}' is al een ingebouwd draaiboek: kies een andere naam, bijvoorbeeld "
                         f"'mijn-{naam}' (met --van {naam} begin je met een kopie).")
    return naam


def kopie(tekst: str, naam: str, van: str) -> str:
    """`tekst` with its id replaced by `naam` (and its title marked as own), under a comment saying
    where it came from.

    The text is edited, not regenerated, so the user's comments and layout survive; but every edit
    is checked against the parsed TOML: the copy must parse to the original with only id and titel
    changed. That holds for quoted keys ("id" = "q"), comments and multi-line strings alike.
    """
    origineel = tomllib.loads(tekst)
    nieuwe_id = f"id = {_toml_tekst(naam)}"
    if "id" in origineel:
        gekopieerd = _vervang_sleutel(tekst, origineel, "id", naam, nieuwe_id)
        if gekopieerd is None:
            raise InvoerFout(f"Het id in '{van}' kan ik niet veilig vervangen: kopieer het bestand zelf naar "
                             f"{naam}.toml in je map met eigen draaiboeken en zet daarin id = \"{naam}\".")
    else:
        gekopieerd = f"{nieuwe_id}\n{tekst}"  # the top of a file is always the top-level table
    titel = origineel.get("titel")
    if isinstance(titel, str):
        # Its own title too, so 'planner lijst' does not show two draaiboeken with one name.
        eigen_titel = f"{titel} (eigen: {naam})"
        gekopieerd = _vervang_sleutel(gekopieerd, tomllib.loads(gekopieerd), "titel", eigen_titel,
                                      f"titel = {_toml_tekst(eigen_titel)}") or gekopieerd
    uitleg = (
        f"# Eigen draaiboek '{naam}', begonnen als kopie van '{van}' (planner nieuw {naam} --van {van}).\n"
        "# Pas het gerust aan: een eigen variant maken is toegestaan en misschien zelfs wenselijk.\n"
        f"# Daarna: planner controleer <dit bestand>, en plan het met: planner plan {naam} --groep ...\n"
        "# Het formaat staat in de README, onder 'Eigen draaiboeken en het TOML-formaat'.\n\n"
    )
    return uitleg + gekopieerd


_SLEUTEL = '^[ \\t]*(?:{0}|"{0}"|\'{0}\')[ \\t]*='


def _vervang_sleutel(tekst: str, data: dict[str, Any], sleutel: str, waarde: str, regel: str) -> str | None:
    """`tekst` with the line that sets top-level `sleutel` replaced by `regel`, or None.

    Each line that looks like it sets the key is tried; the one whose replacement parses to `data`
    with just that key changed is the one (a line inside a table or a multi-line string is not).
    """
    verwacht = data | {sleutel: waarde}
    regels = tekst.splitlines(keepends=True)
    patroon = re.compile(_SLEUTEL.format(re.escape(sleutel)))
    for i, oud in enumerate(regels):
        if not patroon.match(oud):
            continue
        poging = "".join(regels[:i] + [regel + ("\n" if oud.endswith("\n") else "")] + regels[i + 1:])
        try:
            if tomllib.loads(poging) == verwacht:
                return poging
        except tomllib.TOMLDecodeError:
            continue
    return None


def _toml_tekst(tekst: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, plus DEL, which TOML wants escaped too."""
    return json.dumps(tekst, ensure_ascii=False).replace("\x7f", "\\u007f")


def leeg(naam: str) -> str:
    """A minimal, commented draaiboek that passes 'planner controleer' as it is."""
    return f'''# Eigen draaiboek '{naam}' (gemaakt met 'planner nieuw {naam}').
# Pas de teksten en minuten aan, controleer met 'planner controleer <dit bestand>' en plan het met
# 'planner plan {naam} --groep 12'. Het formaat staat in de README, onder
# 'Eigen draaiboeken en het TOML-formaat'. Regels die met # beginnen zijn uitleg.

# Het id moet gelijk zijn aan de bestandsnaam (zonder .toml).
id = "{naam}"
titel = "Mijn draaiboek"
# Waar de inhoud vandaan komt: een boek, een methodiek, of "eigen ontwerp".
bron = "eigen ontwerp"
beschrijving = "Waar is deze bijeenkomst voor?"
opstelling = "kringopstelling"
tijdsduur = "1 uur"
# Voor hoeveel deelnemers het draaiboek bedoeld is.
groep_min = 1
groep_max = 20
# Bij te weinig tijd: "inkorten" (onderdelen binnen min-max korter maken) of "splitsen"
# (over meer sessies verdelen, nooit korter).
bij_tijdgebrek = "inkorten"
materialen = ["flap-over", "stiften"]

# Elk onderdeel is een [[onderdelen]]-blok, in de volgorde van de bijeenkomst.
# minuten = de gewone duur; min en max = hoe ver de planner mag inkorten of verlengen.
# geschat = true betekent: deze minuten zijn een schatting, niet uit de bron.
# soort: opening, werkvorm, pauze, evaluatie of afronding.
# stappen = wat de begeleider doet en vraagt, in volgorde: een tekst is een instructie,
# {{ vraag = "..." }} een vraag, sub = ["...", "..."] zijn punten eronder, en
# als = "pauze" (of "geen-pauze", "een-sessie", "meer-sessies") laat een stap alleen staan als dat
# geldt; kaart = "groepje" zet een stap op de vraagkaart van elk groepje. {{eind}} in een tekst
# wordt het einde van de sessie (meer invulplekken in de README).

[[onderdelen]]
id = "opening"
titel = "Welkom en opening"
soort = "opening"
minuten = 10
min = 5
max = 15
geschat = true
werkvorm = "plenair"
stappen = [
    "Stel je voor en schets het programma.",
    {{ instructie = "Huishoudelijke mededelingen", sub = ["Duurt tot {{eind}} uur"] }},
    {{ vraag = "Wat wil je vandaag meenemen?" }},
]

[[onderdelen]]
id = "kern"
titel = "Het hoofdonderdeel"
soort = "werkvorm"
minuten = 40
min = 30
max = 60
geschat = true
werkvorm = "subgroepjes van 3-4"
groepjes = [3, 4]
stappen = [
    "Verdeel de groep in subgroepjes.",
    {{ vraag = "Welke vraag stel je de groep?" }},
]

[[onderdelen]]
id = "afronding"
titel = "Afronden en vooruitkijken"
soort = "afronding"
minuten = 10
min = 5
max = 10
geschat = true
werkvorm = "plenair"
# Met anker = "einde" begint dit onderdeel altijd precies 'minuten' voor het einde.
# anker = "einde"
stappen = [{{ vraag = "Wat neem je mee?" }}]
'''
