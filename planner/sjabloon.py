"""Text for a new own draaiboek: a copy of an existing one, or a commented skeleton."""

from __future__ import annotations

import re

from planner.fouten import InvoerFout

_ID_REGEL = re.compile(r"""^id\s*=\s*(["']).*?\1[ \t]*(#.*)?$""", re.MULTILINE)
_TITEL_REGEL = re.compile(r'^titel\s*=\s*"([^"\n]*)"\s*$', re.MULTILINE)
_EERSTE_TABEL = re.compile(r"^\s*\[", re.MULTILINE)


def controleer_naam(naam: str) -> str:
    """The id a new own draaiboek gets; refuses paths, odd characters and built-in names."""
    from planner import laden

    if laden.lijkt_pad(naam):
        raise InvoerFout(f"'{naam}' is een pad of bestandsnaam: geef alleen een naam, bijvoorbeeld "
                         "'planner nieuw mijn-kickoff'; de planner kiest zelf de map.")
    if not laden.NAAM.match(naam):
        raise InvoerFout(f"'{naam}' kan geen naam van een draaiboek zijn: gebruik kleine letters, cijfers, "
                         "'-' en '_', bijvoorbeeld mijn-kickoff.")
    if any(b.id == naam and b.herkomst == "ingebouwd" for b in laden.alle_bronnen()):
        raise InvoerFout(f"'{naam}' is al een ingebouwd draaiboek: kies een andere naam, bijvoorbeeld "
                         f"'mijn-{naam}' (met --van {naam} begin je met een kopie).")
    return naam


def kopie(tekst: str, naam: str, van: str) -> str:
    """`tekst` with its id replaced by `naam`, under a comment saying where it came from."""
    einde_kop = _EERSTE_TABEL.search(tekst)
    kop, rest = (tekst[:einde_kop.start()], tekst[einde_kop.start():]) if einde_kop else (tekst, "")
    nieuwe_id = f'id = "{naam}"'
    kop = _ID_REGEL.sub(nieuwe_id, kop, count=1) if _ID_REGEL.search(kop) else f"{nieuwe_id}\n{kop}"
    # Its own title too, so 'planner lijst' does not show two draaiboeken with one name.
    kop = _TITEL_REGEL.sub(lambda m: f'titel = "{m[1]} (eigen: {naam})"', kop, count=1)
    uitleg = (
        f"# Eigen draaiboek '{naam}', begonnen als kopie van '{van}' (planner nieuw {naam} --van {van}).\n"
        "# Pas het gerust aan: een eigen variant maken is toegestaan en misschien zelfs wenselijk.\n"
        f"# Daarna: planner controleer <dit bestand>, en plan het met: planner plan {naam} --groep ...\n"
        "# Het formaat staat in de README, onder 'Eigen draaiboeken en het TOML-formaat'.\n\n"
    )
    return uitleg + kop + rest


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
# geldt. {{eind}} in een tekst wordt het einde van de sessie (meer invulplekken in de README).

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
