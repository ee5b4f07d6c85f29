"""Turning a facilitator's own draaiboek (Word, Markdown, text) into a commented TOML draft.

What it recognises (see the README, 'Een eigen draaiboek importeren'): parts with minutes or clock
times, in a table or as lines; the bullets and sentences under a part as its steps; header lines for
group size, set-up and duration. Every minute is kept as written; everything it cannot place goes
into a `toelichting` and is reported, never dropped. The core returns the draft and the report;
the command prints them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from planner.bibliotheek import toml_schrijven as toml
from planner.importeren.documenten import LANGE_REGEL, Blok, Regel, Tabel, regel_van, schoon
from planner.kern.fouten import InvoerFout

DAG = 24 * 60
GESCHAT_MIN = 15  # minutes for a part whose length the document does not give (a guess, marked)

# --- times -------------------------------------------------------------------------------------

_MIN = r"(?:minuten|minuut|minutes|minute|mins|min\.?|mn|m|'|’|′)"
_UUR = r"(?:uren|uur|hours|hour|hrs|hr|u|h)"
_GRENS = r"(?![a-zA-Z\u00c0-\u024f])"
_TOT = r"\s*(?:-|–|—|‑|−|tot|t/m|à|a|>)\s*"
_DUUR = (
    rf"(?P<uh>\d{{1,2}})\s*{_UUR}\s*(?:en\s*)?(?P<um>[0-5]?\d)\s*(?:{_MIN})?{_GRENS}"  # 1u30, 1 uur 30 min
    rf"|(?P<r1>\d{{1,3}}(?:[.,]\d+)?){_TOT}(?P<r2>\d{{1,3}}(?:[.,]\d+)?)\s*(?P<re>{_MIN}|{_UUR}){_GRENS}"  # 10-15 min
    rf"|(?P<u>\d{{1,2}}(?:[.,]\d{{1,2}})?)\s*{_UUR}{_GRENS}"  # 1,5 uur, 2u
    rf"|(?P<m>\d{{1,4}})\s*{_MIN}{_GRENS}"  # 15m, 15 min, 15 minuten
    rf"|(?P<kh>0?[0-5]):(?P<km>[0-5]\d)(?!\d)"  # 0:15, 1:30 (a clock before 6 o'clock is a duration)
)
_KLOK = r"(?P<{h}>[01]?\d|2[0-3])\s?[:.hu]\s?(?P<{m}>[0-5]\d)(?!\d)(?:\s*(?:uur|u)\b)?"
_KLOK1 = _KLOK.format(h="h1", m="m1")
_KLOK2 = _KLOK.format(h="h2", m="m2")
_BEREIK_BEGIN = re.compile(rf"^\(?\s*(?:van\s+)?{_KLOK1}{_TOT}{_KLOK2}\s*\)?")
_KLOK_BEGIN = re.compile(rf"^\(?\s*(?:om\s+)?{_KLOK1}\s*\)?(?=[\s:|\-–—.,)]|$)")
_DUUR_BEGIN = re.compile(rf"^\(?\s*(?:ca\.?\s*|±\s*|ongeveer\s*)?(?:{_DUUR})\s*\)?(?=[\s:|\-–—.,)]|$)", re.IGNORECASE)
_BEREIK_EIND = re.compile(rf"(?:^|[\s(\[,:;|–—-])\(?\s*(?:van\s+)?{_KLOK1}{_TOT}{_KLOK2}\s*\)?\.?$")
_DUUR_EIND = re.compile(rf"(?P<sep>^|[\s(\[,:;|–—-])\(?\s*(?:ca\.?\s*|±\s*|ongeveer\s*)?(?:{_DUUR})\s*\)?\.?$",
                        re.IGNORECASE)
_SCHEIDING = " \t:|-–—.,)]"


@dataclass
class Tijd:
    """What a part line says about time: minutes (maybe a range) or clock times, as written."""

    tekst: str
    minuten: int | None = None
    hoog: int | None = None
    start: int | None = None
    eind: int | None = None


def _getal(tekst: str) -> float:
    return float(tekst.replace(",", "."))


def _duur_uit(m: re.Match[str], tekst: str) -> Tijd | None:
    if m["uh"]:
        return Tijd(tekst, int(m["uh"]) * 60 + int(m["um"]))
    if m["r1"]:
        factor = 60 if re.fullmatch(_UUR, m["re"], re.IGNORECASE) else 1
        laag, hoog = round(_getal(m["r1"]) * factor), round(_getal(m["r2"]) * factor)
        return Tijd(tekst, laag, hoog) if 0 < laag <= hoog else None
    if m["u"]:
        return Tijd(tekst, round(_getal(m["u"]) * 60))
    if m["m"]:
        return Tijd(tekst, int(m["m"]))
    if m["kh"]:
        return Tijd(tekst, int(m["kh"]) * 60 + int(m["km"]))
    return None


def _klok(h: str, m: str) -> int:
    return int(h) * 60 + int(m)


def _is_klok(h: str) -> bool:
    # Nobody holds a workshop between midnight and six: 1:30 there is a duration.
    return int(h) >= 6


def lees_tijd_begin(tekst: str) -> tuple[Tijd, str] | None:
    """A time at the start of a line, and the rest of the line (the title)."""
    if (m := _BEREIK_BEGIN.match(tekst)) and _is_klok(m["h1"]):
        start, eind = _klok(m["h1"], m["m1"]), _klok(m["h2"], m["m2"])
        return Tijd(m[0].strip(), start=start, eind=eind), tekst[m.end():].lstrip(_SCHEIDING)
    if (m := _KLOK_BEGIN.match(tekst)) and _is_klok(m["h1"]):
        return Tijd(m[0].strip(), start=_klok(m["h1"], m["m1"])), tekst[m.end():].lstrip(_SCHEIDING)
    if m := _DUUR_BEGIN.match(tekst):
        tijd = _duur_uit(m, m[0].strip())
        if tijd is not None:
            return tijd, tekst[m.end():].lstrip(_SCHEIDING)
    return None


def lees_tijd_eind(tekst: str) -> tuple[Tijd, str] | None:
    """A time at the end of a line ('Welkom (15 min)', 'Pauze – 10 minuten'), and the title before it."""
    if (m := _BEREIK_EIND.search(tekst)) and _is_klok(m["h1"]):
        titel = tekst[:m.start()].rstrip(" \t(:[,;|–—-")
        if titel:
            return Tijd(m[0].strip(" (),.[;|–—-"), start=_klok(m["h1"], m["m1"]),
                        eind=_klok(m["h2"], m["m2"])), titel
    if m := _DUUR_EIND.search(tekst):
        # 'Welkom ........ 15 min': dot leaders as in a printed programme.
        titel = re.sub(r"(?:\s*[.·_]){2,}$|\s*…+$", "", tekst[:m.start()]).rstrip(" \t(:[,;|–—-")
        tijd = _duur_uit(m, m[0].strip(" (),.[;|–—-"))
        # A sentence that happens to end in minutes ('we praten 20 minuten') is no part line:
        # it needs a separator, or a short title.
        los = m["sep"] not in (" ", "") or len(titel.split()) <= 5
        if titel and tijd is not None and los and not titel.endswith(("?", ".")):
            return tijd, titel
    return None


def lees_tijdcel(tekst: str, kaal_getal: bool = False) -> Tijd | None:
    """The content of a Tijd/Duur cell: a duration, a clock time or range, or (`kaal_getal`, under a
    header that says so) a bare number of minutes."""
    tekst = schoon(tekst.replace("\n", " "))
    if kaal_getal and re.fullmatch(r"\d{1,3}", tekst) and 0 < int(tekst) <= DAG:
        return Tijd(tekst, int(tekst))
    gevonden = lees_tijd_begin(tekst)
    if gevonden is None:
        return None
    return gevonden[0]


# --- words -------------------------------------------------------------------------------------

_PAUZE = re.compile(r"\b(?:koffie|thee|lunch|koffie-?\s?en\s?thee)?pauze\b|\bkoffie\b|\blunch\b|\bthee\b"
                    r"|\bbreak\b|\blunchpauze\b", re.IGNORECASE)
_SOORTEN = (
    ("opening", re.compile(r"\b(?:welkom|opening|openen|ontvangst|inloop|binnenkomst|check-?in|aftrap)\b", re.I)),
    ("evaluatie", re.compile(r"\b(?:evaluatie|evalueren|evaluatieronde|terugblik|terugblikken|terugkijken|"
                             r"reflectie|reflecteren|nabespreking|feedback)\b", re.I)),
    ("afronding", re.compile(r"\b(?:afronding|afronden|afsluiting|afsluiten|sluiting|slot|check-?out|uitcheck|"
                             r"tot slot)\b", re.I)),
)
_EERSTE_OPENING = re.compile(r"^(?:start|introductie|intro|inleiding)\b", re.I)
_EINDE = re.compile(r"^(?:einde|eind|afgelopen|klaar)(?:\s+(?:van\s+)?(?:de\s+|het\s+)?"
                    r"(?:bijeenkomst|workshop|training|programma|dag|sessie|dagdeel))?\s*[.!]?$", re.I)
# 'Einde 12:00', 'Eindtijd: 12.00 uur', 'Einde om 16u30'.
_EINDE_OM = re.compile(rf"^(?:einde|eindtijd|eind|sluiting|klaar)\s*[:–—-]?\s*(?:om\s+|ca\.?\s*)?{_KLOK1}\s*\.?$", re.I)
_TOTAAL = re.compile(r"^(?:totaal|totale\s+(?:duur|tijd|tijdsduur)|in\s+totaal|totaaltijd)\b", re.I)
_KOLOM_WOORDEN = {"tijd", "tijden", "duur", "minuten", "min", "min.", "onderdeel", "onderdelen", "wat", "wie",
                  "activiteit", "programma", "werkvorm", "materiaal", "materialen", "toelichting", "omschrijving",
                  "beschrijving", "inhoud", "hoe", "doel", "opmerkingen", "agendapunt", "en", "|", "/", "-",
                  "tijdstip", "benodigdheden", "onderwerp", "begeleider", "instructie", "uitleg"}
_LABELS = {"programma", "agenda", "tijdschema", "schema", "draaiboek", "planning", "dagprogramma", "opzet",
           "programma-opzet", "het programma", "de agenda", "inhoud", "tijdpad", "draaiboek en tijdschema"}
_GROEP = re.compile(r"^(?P<kop>(?:(?:max(?:imale|imum|\.)?|min(?:imale|imum|\.)?)\s*)?(?:groeps?grootte|"
                    r"aantal\s+(?:deelnemers|personen)|deelnemersaantal|deelnemers|groep)\b)(?P<rest>.*)$", re.I)
# What follows 'Maximale groepsgrootte': a number soon ('20 personen', 'variant A: 12', ': max. 20').
_GROEP_REST = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:variant\s+\w+\s*)?[:=–—-]?\s*(?:max(?:imaal|imum|\.)?\s*|"
                         r"min(?:imaal|imum|\.)?\s*|ca\.?\s*|tot\s*|van\s*)?\d", re.I)
_GROEP_GETAL = re.compile(r"^(?:max(?:imaal|imum|\.)?|min(?:imaal|imum|\.)?|tot)?\s*\d{1,4}(?:\s*(?:-|–|—|tot|à)\s*"
                          r"\d{1,4})?\s*(?:deelnemers|personen|mensen)\b", re.I)
_VELD = re.compile(r"^(?P<naam>opstelling|zaalopstelling|ruimte|tijdsduur|totale duur|duur|tijd|lengte|"
                   r"materia(?:al|len|alen)|benodigdheden|nodig|doel(?:stelling)?|werkvorm|wie|doelgroep|"
                   r"deelnemers)\s*[:=–—-]\s*(?P<waarde>\S.*)$", re.I)
# Subgroups, not the whole group: 'een groep van 12 personen' is no subgroup size.
_GROEPJES = re.compile(r"\b(?:subgroep(?:je|jes|en)?|groep(?:je|jes|en)|tafels|teams|kleine groepen)\s+(?:van\s+)?"
                       r"(?P<a>\d{1,2})(?:\s*(?:-|–|—|tot|à|a|of)\s*(?P<b>\d{1,2}))?\s*(?:personen|mensen|"
                       r"deelnemers|pers\.?)?\b", re.I)
_TALLEN = (("tweetallen", 2), ("duo's", 2), ("duos", 2), ("drietallen", 3), ("trio's", 3), ("viertallen", 4))
_LABEL_VORM = re.compile(r"^[^:]{1,40}:\s")


def _soort(titel: str, eerste: bool) -> tuple[str, str]:
    """The kind of a part from its title's usual Dutch words, and the word that decided it."""
    # The word that comes first decides: 'Inloop met koffie' is an opening, 'Koffie en kennismaking' a pause.
    treffers = [(m.start(), soort, m[0]) for soort, patroon in (("pauze", _PAUZE), *_SOORTEN)
                if (m := patroon.search(titel))]
    if treffers:
        _, soort, woord = min(treffers)
        return soort, woord
    if eerste and (m := _EERSTE_OPENING.match(titel)):
        return "opening", m[0]
    return "werkvorm", ""


def _groepjes(tekst: str) -> tuple[int, int] | None:
    if m := _GROEPJES.search(tekst):
        a = int(m["a"])
        b = int(m["b"]) if m["b"] else a
        if 1 <= a <= b <= 50:
            return a, b
    laag = tekst.lower()
    for woord, grootte in _TALLEN:
        if woord in laag:
            return grootte, grootte
    return None


def slug(tekst: str, lengte: int = 40) -> str:
    """An id from a title: lower case ASCII letters, digits and '-'."""
    kaal = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode().lower()
    kaal = re.sub(r"[^a-z0-9]+", "-", kaal).strip("-")
    if len(kaal) > lengte:
        kaal = kaal[:lengte].rsplit("-", 1)[0] if "-" in kaal[:lengte] else kaal[:lengte]
    return kaal.strip("-")


# --- what a document holds ---------------------------------------------------------------------


@dataclass
class Stap:
    tekst: str
    sub: list[str] = field(default_factory=list)
    niveau: int = 0  # the depth of its bullet: a deeper bullet below it is a sub-point


@dataclass
class Deel:
    """One onderdeel as read from the document."""

    titel: str
    tijd: Tijd
    uit_tabel: bool = False
    stappen: list[Stap] = field(default_factory=list)
    werkvorm: str = ""
    materialen: list[str] = field(default_factory=list)
    toelichting: list[str] = field(default_factory=list)
    geschat: bool = False
    minuten: int = 0
    min: int = 0
    max: int = 0
    soort: str = "werkvorm"
    soort_woord: str = ""
    groepjes: tuple[int, int] | None = None


@dataclass
class Concept:
    """A draaiboek read from a document, with what was recognised and what was guessed."""

    titel: str
    delen: list[Deel] = field(default_factory=list)
    beschrijving: list[str] = field(default_factory=list)
    opstelling: str = ""
    tijdsduur: str = ""
    groep_min: int | None = None
    groep_max: int | None = None
    deelnemers: str = ""
    materialen: list[str] = field(default_factory=list)
    herkend: list[str] = field(default_factory=list)
    gegokt: list[str] = field(default_factory=list)
    niet_geplaatst: list[str] = field(default_factory=list)


# --- from blocks to items ----------------------------------------------------------------------


@dataclass
class _Item:
    regel: Regel
    soort: str  # deel, tijd_alleen, veld, totaal, einde, label, leeg, tekst
    tijd: Tijd | None = None
    titel: str = ""
    veld: str = ""
    waarde: str = ""
    werkvorm: str = ""
    materialen: tuple[str, ...] = ()
    extra: tuple[Regel, ...] = ()  # the rest of a table row: steps of the part
    uit_tabel: bool = False
    kandidaat: _Item | None = None  # a bullet that would be a part if the document's parts are bullets


def _klasse(regel: Regel) -> _Item:
    tekst = regel.tekst
    if not tekst:
        return _Item(regel, "leeg")
    if len(tekst) > LANGE_REGEL:
        return _Item(regel, "tekst")
    # Emphasis, and symbols in front ('⏱ 15 min', '→ 09:00 Welkom') are no part of the text.
    kaal = re.sub(r"^[^\w(\[{'\"‘“]+", "", tekst.strip("*_ ").rstrip(":").strip()) or tekst
    if kaal.lower() in _LABELS:
        return _Item(regel, "label")
    woorden = [w for w in re.split(r"[\s|/\t]+", kaal.lower()) if w]
    if woorden and len(woorden) >= 2 and all(w in _KOLOM_WOORDEN for w in woorden) and (
            {"tijd", "duur", "tijden", "minuten", "tijdstip"} & set(woorden)):
        return _Item(regel, "label")  # 'Tijd Onderdeel': a table header written as a line
    if _TOTAAL.match(kaal):
        return _Item(regel, "totaal", waarde=kaal)
    if _EINDE.match(kaal):
        return _Item(regel, "einde")
    if (m := _EINDE_OM.match(kaal)) and _is_klok(m["h1"]):
        return _Item(regel, "einde", tijd=Tijd(m[0], start=_klok(m["h1"], m["m1"])))
    if regel.soort == "punt":
        kandidaat = _deel_regel(regel, kaal)
        if m := _VELD.match(kaal):
            naam = _VELDNAAM.get(m["naam"].lower(), m["naam"].lower())
            if naam in ("materialen", "doel", "werkvorm"):
                return _Item(regel, "veld", veld=naam, waarde=m["waarde"].strip())
        # A bullet with a time is a step ('• Neem 10m voor het gesprek'), unless the whole
        # document lists its parts as bullets (decided in _items).
        bruikbaar = kandidaat is not None and kandidaat.soort in ("deel", "einde")
        return _Item(regel, "tekst", kandidaat=kandidaat if bruikbaar else None)
    if ((m := _GROEP.match(kaal)) and _GROEP_REST.match(m["rest"])) or _GROEP_GETAL.match(kaal):
        return _Item(regel, "veld", veld="groep", waarde=kaal)
    if (m := _VELD.match(kaal)) and not lees_tijd_begin(kaal):
        naam = m["naam"].lower()
        return _Item(regel, "veld", veld=_VELDNAAM.get(naam, naam), waarde=m["waarde"].strip())
    return _deel_regel(regel, kaal) or _Item(regel, "tekst")


def _deel_regel(regel: Regel, kaal: str) -> _Item | None:
    if gevonden := lees_tijd_begin(kaal):
        tijd, titel = gevonden
        if not titel:
            return _Item(regel, "tijd_alleen", tijd=tijd)
    elif gevonden := lees_tijd_eind(kaal):
        tijd, titel = gevonden
    else:
        return None
    if tijd.start is not None and (achteraan := lees_tijd_eind(titel)) and achteraan[0].minuten is not None:
        duur, titel = achteraan
        if tijd.eind is None:
            # '09:00 Welkom (15 min)': the minutes it states win over the gap to the next time.
            tijd = Tijd(f"{tijd.tekst} … {duur.tekst}", duur.minuten, duur.hoog, start=tijd.start)
        # '09:00-09:15 Welkom (15 min)': the clock range stands; the repeat leaves the title.
    # '3 uur durende training voor vrijwilligers in de wijk' is a sentence, not a part.
    if titel[:1].islower() and len(titel.split()) > 6:
        return None
    return _deel_of_einde(regel, tijd, titel)


_VELDNAAM = {
    "zaalopstelling": "opstelling", "ruimte": "opstelling", "totale duur": "tijdsduur", "lengte": "duur",
    "tijd": "duur", "materiaal": "materialen", "materialen": "materialen", "materiaal en": "materialen",
    "benodigdheden": "materialen", "nodig": "materialen", "doelstelling": "doel", "wie": "werkvorm",
    "doelgroep": "deelnemers",
}


def _deel_of_einde(regel: Regel, tijd: Tijd, titel: str) -> _Item:
    titel = _schone_titel(titel)
    if _EINDE.match(titel):
        return _Item(regel, "einde", tijd=tijd)
    if _TOTAAL.match(titel):
        return _Item(regel, "totaal", waarde=regel.tekst)
    return _Item(regel, "deel", tijd=tijd, titel=titel)


def _schone_titel(titel: str) -> str:
    # '1. Welkom' in a numbered heading: the number is the document's, not part of the title.
    return _NUMMER_VOOR.sub("", titel.strip().strip("*_").strip())


# 'Onderdeel 2: Casus', 'Stap 1 - Welkom', '3. Lunch': the numbering is the document's, not the title's.
_NUMMER_VOOR = re.compile(r"^(?:\d{1,2}[.)]|(?:stap|onderdeel|programmaonderdeel|blok|deel)\s*\d{1,2}\s*[:.)–—-])"
                          r"\s*(?=\S)", re.I)


_TIJD_KOP = ("tijd", "tijden", "duur", "minuten", "min", "min.", "tijdstip", "wanneer", "hoe lang", "tijdsduur",
             "time", "start", "begin", "klok", "uur", "tijd (min)", "duur (min)", "minuten (min)")
_DUUR_KOP = ("duur", "minuten", "min", "min.", "tijdsduur", "hoe lang", "duur (min)", "minuten (min)")
_INHOUD_KOP = ("toelichting", "omschrijving", "beschrijving", "inhoud", "instructie", "instructies", "uitleg",
               "activiteit", "activiteiten", "programma", "wat", "details", "opmerkingen", "")
_TITEL_KOP = ("onderdeel", "onderdelen", "programmaonderdeel", "wat", "activiteit", "activiteiten", "programma",
              "agendapunt", "onderwerp", "titel", "omschrijving", "inhoud", "wat doen we", "thema", "werkvorm")
_WERKVORM_KOP = ("wie", "werkvorm", "vorm", "methode", "hoe", "door", "begeleider", "werkwijze", "wie doet wat")
_MATERIAAL_KOP = ("materiaal", "materialen", "benodigdheden", "middelen", "nodig", "wat is nodig", "hulpmiddelen")


def _kolomnaam(cel: str) -> str:
    naam = schoon(cel.replace("\n", " ")).lower().strip(" :*")
    if naam in _TIJD_KOP or naam in _TITEL_KOP or naam in _WERKVORM_KOP or naam in _MATERIAAL_KOP:
        return naam
    # 'Tijd (min.)', 'Onderdeel / activiteit': the first word names the column.
    return re.split(r"[\s/(:,-]", naam, maxsplit=1)[0]


def _tabel_items(tabel: Tabel) -> list[_Item]:
    """A schedule table becomes part items; any other table becomes lines ('Opstelling: kring')."""
    rijen = [list(r) for r in tabel.rijen if any(c.strip() for c in r)]
    if not rijen:
        return []
    breedte = max(len(r) for r in rijen)
    rijen = [r + [""] * (breedte - len(r)) for r in rijen]
    kop = None
    kolommen: dict[str, int] = {}
    for nummer, rij in enumerate(rijen[:3]):
        namen = [_kolomnaam(c) for c in rij]
        tijden = [i for i, n in enumerate(namen) if n in _TIJD_KOP]
        if tijden and not any(lees_tijdcel(c) for c in rij):
            kop = nummer
            # 'Tijd' and 'Duur' both: the stated minutes win; the clock column is then redundant.
            duren = [i for i in tijden if namen[i] in _DUUR_KOP]
            tijd = duren[0] if duren else tijden[0]
            kolommen["tijd"] = tijd
            for i, andere in enumerate(t for t in tijden if t != tijd):
                kolommen[f"klok{i}"] = andere
            titels = [(i, n) for i, n in enumerate(namen) if n in _TITEL_KOP and i != tijd]
            # 'Onderdeel' before 'Werkvorm': the werkvorm column is the title only when nothing else is.
            titels.sort(key=lambda t: _TITEL_KOP.index(t[1]))
            if titels:
                kolommen["titel"] = titels[0][0]
            for i, n in enumerate(namen):
                if i in kolommen.values():
                    continue
                if n in _WERKVORM_KOP and "werkvorm" not in kolommen:
                    kolommen["werkvorm"] = i
                elif n in _MATERIAAL_KOP and "materialen" not in kolommen:
                    kolommen["materialen"] = i
            break
    data = rijen[kop + 1:] if kop is not None else rijen
    kaal = kop is not None  # a bare '15' is minutes only under a Tijd/Duur header
    if "tijd" not in kolommen:
        # No header row: the time column is the one whose cells read as times.
        tellingen = [sum(1 for r in data if lees_tijdcel(r[i])) for i in range(breedte)]
        beste = max(range(breedte), key=lambda i: tellingen[i])
        if tellingen[beste] == 0 or breedte < 2:
            return _tabel_als_regels(rijen)
        kolommen["tijd"] = beste
    if "titel" not in kolommen:
        kandidaten = [i for i in range(breedte) if i not in kolommen.values()
                      and any(r[i].strip() for r in data)]
        if not kandidaten:
            return _tabel_als_regels(rijen)
        kolommen["titel"] = kandidaten[0]
    if not any(lees_tijdcel(r[kolommen["tijd"]], kaal) for r in data):
        return _tabel_als_regels(rijen)
    namen = [_kolomnaam(c) for c in rijen[kop]] if kop is not None else [""] * breedte
    items: list[_Item] = []
    for rij in data:
        items.extend(_rij_items(rij, kolommen, namen, kaal))
    return items


def _rij_items(rij: list[str], kolommen: dict[str, int], namen: list[str], kaal: bool) -> list[_Item]:
    cellen = [schoon(c.replace("\n", " ")) for c in rij if c.strip()]
    # 'Totaal | 3 uur' or '180 min | Totaal': the total, in any column, is no part.
    if any(_TOTAAL.match(c.strip("*_ ")) and len(c.split()) <= 4 for c in cellen):
        tekst = " ".join(cellen)
        return [_Item(Regel(tekst), "totaal", waarde=tekst)]
    tijd = lees_tijdcel(rij[kolommen["tijd"]], kaal)
    titel_regels = [regel_van(r) for r in rij[kolommen["titel"]].split("\n")]
    titel_regels = [r for r in titel_regels if r.tekst]
    extra: list[Regel] = titel_regels[1:]
    for i, cel in enumerate(rij):
        if i in kolommen.values() or not cel.strip():
            continue
        regels = [regel_van(r) for r in cel.split("\n") if schoon(r)]
        if namen[i] not in _INHOUD_KOP and regels:
            # An unknown column keeps its name with its text, so nothing is read out of context.
            regels[0] = Regel(f"{namen[i].capitalize()}: {regels[0].tekst}", regels[0].soort, regels[0].niveau)
        extra.extend(regels)
    werkvorm = schoon(rij[kolommen["werkvorm"]].replace("\n", " ")) if "werkvorm" in kolommen else ""
    materialen: tuple[str, ...] = ()
    if "materialen" in kolommen:
        materialen = tuple(m for m in (schoon(re.sub(r"^[•\-*–]\s*", "", x))
                                       for x in re.split(r"[\n;,]", rij[kolommen["materialen"]])) if m)
    if tijd is None or not titel_regels:
        # A row without a time (or without a title) continues the part above it.
        regels = titel_regels + extra
        if werkvorm:
            regels.append(Regel(f"Werkvorm: {werkvorm}"))
        if materialen:
            regels.append(Regel(f"Materialen: {', '.join(materialen)}"))
        if tijd is not None and not titel_regels:
            regels.insert(0, Regel(schoon(rij[kolommen["tijd"]])))
        return [_klasse(r) for r in regels]
    titel = titel_regels[0].tekst
    if _EINDE.match(titel):
        return [_Item(titel_regels[0], "einde", tijd=tijd)] + [_klasse(r) for r in extra]
    return [_Item(titel_regels[0], "deel", tijd=tijd, titel=titel, werkvorm=werkvorm, materialen=materialen,
                  extra=tuple(extra), uit_tabel=True)]


def _tabel_als_regels(rijen: list[list[str]]) -> list[_Item]:
    items = []
    for rij in rijen:
        cellen = [schoon(c.replace("\n", " ")) for c in rij if c.strip()]
        # Repeated cells (a merged row) once.
        cellen = [c for i, c in enumerate(cellen) if i == 0 or c != cellen[i - 1]]
        if len(cellen) == 1:
            items.extend(_klasse(regel_van(r)) for r in rij[[c.strip() != "" for c in rij].index(True)].split("\n"))
        elif cellen:
            eerste = cellen[0].rstrip(":")
            items.append(_klasse(Regel(f"{eerste}: {' – '.join(cellen[1:])}")))
    return items


def _items(blokken: list[Blok]) -> list[_Item]:
    items: list[_Item] = []
    for blok in blokken:
        if isinstance(blok, Tabel):
            items.append(_Item(Regel(""), "grens"))
            items.extend(_tabel_items(blok))
            items.append(_Item(Regel(""), "grens"))
        else:
            items.append(_klasse(blok))
    items = _tijd_op_eigen_regel(_koppen_met_duur(items))
    if not any(x.soort == "deel" for x in items):
        # Every part is a bullet ('- 09:00 Welkom'): the least indented bullets with a time are parts.
        niveaus = [x.regel.niveau for x in items if x.kandidaat is not None and x.kandidaat.soort == "deel"]
        if niveaus:
            items = [x.kandidaat if x.kandidaat is not None and x.regel.niveau == min(niveaus) else x
                     for x in items]
    return items


def _tijd_op_eigen_regel(items: list[_Item]) -> list[_Item]:
    """A time on a line of its own, its title on the next line (a table copied as text)."""
    samen: list[_Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item.soort == "tijd_alleen":
            j = i + 1
            while j < len(items) and items[j].soort == "leeg" and j < i + 3:
                j += 1
            if j < len(items) and items[j].soort == "tekst" and items[j].regel.soort != "punt":
                assert item.tijd is not None
                samen.append(_deel_of_einde(items[j].regel, item.tijd, items[j].regel.tekst))
                i = j + 1
                continue
            item = _Item(item.regel, "tekst")
        samen.append(item)
        i += 1
    return samen


def _koppen_met_duur(items: list[_Item]) -> list[_Item]:
    """A heading followed by 'Duur: 20 minuten' (or just '20 minuten') is a part: a Word or
    Markdown draaiboek without a table."""
    koppen = [i for i, x in enumerate(items) if x.soort == "tekst" and x.regel.soort == "kop"]
    uit: list[_Item] = []
    deel_gezien = False
    for item in items:
        deel_gezien = deel_gezien or item.soort == "deel"
        tijd = None
        if item.soort == "veld" and item.veld == "duur":
            tijd = lees_tijdcel(item.waarde)
        elif item.soort == "tijd_alleen":
            tijd = item.tijd
        if tijd is not None:
            j = len(uit) - 1
            while j >= 0 and uit[j].soort in ("leeg", "grens"):
                j -= 1
            vorige = uit[j] if j >= 0 else None
            # The document's first heading is its title: 'Duur: 2 uur' under it is the whole meeting.
            if vorige is not None and _titel_boven_duur(vorige, items[koppen[0]] if koppen else None, deel_gezien):
                uit[j] = _Item(vorige.regel, "deel", tijd=tijd, titel=_schone_titel(vorige.regel.tekst))
                deel_gezien = True
                continue
        uit.append(item)
    return uit


def _titel_boven_duur(item: _Item, eerste_kop: _Item | None, deel_gezien: bool) -> bool:
    if item.soort != "tekst" or item.regel.soort == "punt":
        return False
    if item.regel.soort == "kop":
        return item is not eerste_kop
    tekst = item.regel.tekst
    if _NUMMER_VOOR.match(tekst) and not tekst[:1].isdigit():
        return True  # 'Onderdeel 2: Casus' above 'Tijd: 20 minuten'
    # A plain short line above 'Duur: …' once the parts have begun (before them it may be the title).
    return (deel_gezien and len(tekst.split()) <= 10 and not _LABEL_VORM.match(tekst)
            and not tekst.endswith((".", "?", "!", ":")))


# --- from items to draaiboeken -----------------------------------------------------------------

_KOPVELDEN = ("groep", "opstelling", "tijdsduur")


def _segmenten(items: list[_Item]) -> list[list[_Item]]:
    """Several draaiboeken in one document: a title line and a new header block (two of group size,
    set-up, duration) after parts, followed by parts again, start the next one."""
    grenzen = [0]
    deel_gezien = False
    for i, item in enumerate(items):
        if item.soort == "deel" and i >= grenzen[-1]:
            deel_gezien = True
        elif item.soort == "veld" and item.veld in _KOPVELDEN and deel_gezien and _kopblok(items, i):
            j = i - 1
            while j > grenzen[-1] and items[j].soort in ("leeg", "veld"):
                j -= 1
            if j > grenzen[-1] and items[j].soort == "tekst" and items[j].regel.soort in ("tekst", "kop") \
                    and len(items[j].regel.tekst) <= 120:
                # Its title stands right above the header block.
                grenzen.append(j)
                deel_gezien = False
    grenzen.append(len(items))
    return [items[a:b] for a, b in zip(grenzen, grenzen[1:], strict=False) if a < b]


def _kopblok(items: list[_Item], i: int) -> bool:
    """A new draaiboek's header: two or more of group size, set-up and duration before its first part.
    (One 'Opstelling: in een kring' under a part is that part's, not a new draaiboek.)"""
    velden = set()
    for item in items[i:]:
        if item.soort == "deel":
            return len(velden) >= 2
        if item.soort == "veld" and item.veld in _KOPVELDEN:
            velden.add(item.veld)
    return False


def _titel_index(items: list[_Item]) -> int | None:
    """The draaiboek's title: its first heading before the first part, else its first short line."""
    eerste_deel = next((i for i, x in enumerate(items) if x.soort == "deel"), len(items))
    voor = [(i, x) for i, x in enumerate(items[:eerste_deel]) if x.soort in ("tekst", "veld")]
    koppen = [(i, x) for i, x in voor if x.soort == "tekst" and x.regel.soort == "kop"]
    titelstijl = [i for i, x in koppen if x.regel.niveau == 0]
    if titelstijl:  # Word's 'Title' style (or '# ' in Markdown) says it outright
        return titelstijl[0]
    korte = [i for i, x in voor
             if x.soort == "tekst" and x.regel.soort in ("tekst", "nummer") and len(x.regel.tekst) <= 120
             and not _LABEL_VORM.match(x.regel.tekst) and not x.regel.tekst.endswith((".", ",", ";"))]
    # The first heading, unless a short line that looks like a title stands above it.
    kandidaten = [i for i, _ in koppen[:1]] + korte[:1]
    if kandidaten:
        return min(kandidaten)
    for i, x in voor:
        if x.soort == "tekst" and len(x.regel.tekst) <= 120:
            return i
    return None


def herken(blokken: list[Blok], bestandsnaam: str) -> list[Concept]:
    """Every draaiboek in the document; refuses a document without any recognisable part."""
    items = _items(blokken)
    if not any(x.soort == "deel" for x in items):
        raise InvoerFout(f"In '{bestandsnaam}' vind ik geen onderdelen met minuten of tijden: zet per onderdeel "
                         "de duur of het tijdstip vooraan op de regel ('15m Welkom', '09:00 - 09:15 Opening') of "
                         "gebruik een tabel met de kolommen Tijd en Onderdeel.")
    concepten = [_concept(segment, bestandsnaam) for segment in _segmenten(items)]
    return [c for c in concepten if c.delen]


class _Bouwer:
    """Walks one draaiboek's items in order, attaching each line to the right place."""

    def __init__(self, items: list[_Item], bestandsnaam: str, markdown_regels: bool) -> None:
        self.items = items
        titel_index = _titel_index(items)
        titel = schoon(items[titel_index].regel.tekst) if titel_index is not None else Path(bestandsnaam).stem
        self.titel_index = titel_index
        self.c = Concept(titel=titel.strip("*_# ").strip() or Path(bestandsnaam).stem)
        if titel_index is None:
            self.c.gegokt.append(f"titel: het document heeft geen kop; ik gebruik de bestandsnaam '{titel}'.")
        self.na_einde = False
        self.vorige_leeg = True
        self.vorige_soort = ""
        self.vorige_tekst = ""
        self.los = markdown_regels

    # where text goes
    @property
    def deel(self) -> Deel | None:
        return self.c.delen[-1] if self.c.delen else None

    def bouw(self) -> Concept:
        for i, item in enumerate(self.items):
            if i == self.titel_index:
                self.vorige_leeg = True
                continue
            self.stap(item)
        return self.c

    def stap(self, item: _Item) -> None:
        if item.soort in ("leeg", "grens"):
            self.vorige_leeg = True
            return
        soort = item.soort
        if soort == "deel":
            self.nieuw_deel(item)
        elif soort == "einde":
            self.einde(item)
        elif soort == "totaal":
            self.totaal(item)
        elif soort == "label":
            self.c.herkend.append(f"'{item.regel.tekst}' gelezen als kopje, niet als onderdeel.")
        elif soort == "veld":
            self.veld(item)
        else:
            self.tekst(item.regel)
        self.vorige_leeg = False
        self.vorige_soort = item.regel.soort
        self.vorige_tekst = item.regel.tekst

    def nieuw_deel(self, item: _Item) -> None:
        assert item.tijd is not None
        self.na_einde = False
        deel = Deel(titel=item.titel, tijd=item.tijd, uit_tabel=item.uit_tabel, werkvorm=item.werkvorm,
                    materialen=list(item.materialen))
        self.c.delen.append(deel)
        for extra in item.extra:
            self.stap(_klasse(extra))

    def einde(self, item: _Item) -> None:
        if self.deel is not None and item.tijd is not None and item.tijd.start is not None and \
                self.deel.tijd.start is not None and self.deel.tijd.eind is None:
            self.deel.tijd.eind = item.tijd.start
        self.c.herkend.append(f"'{item.regel.tekst}' gelezen als het einde van het programma.")
        self.na_einde = self.deel is not None

    def totaal(self, item: _Item) -> None:
        if not self.c.tijdsduur:
            tijd = lees_tijd_eind(item.waarde) or lees_tijd_begin(re.sub(_TOTAAL, "", item.waarde).strip(" :"))
            self.c.tijdsduur = tijd[0].tekst if tijd else item.waarde
        self.c.herkend.append(f"'{item.regel.tekst}' gelezen als de totale duur, niet als onderdeel.")

    def veld(self, item: _Item) -> None:
        naam, waarde = item.veld, item.waarde
        deel = self.deel
        if naam == "groep" and deel is None:
            self.groep(waarde)
        elif naam == "opstelling" and deel is None:
            self.c.opstelling = f"{self.c.opstelling}; {waarde}" if self.c.opstelling else waarde
            self.c.herkend.append(f"opstelling: '{waarde}'.")
        elif naam in ("tijdsduur", "duur") and not self.c.tijdsduur and deel is None:
            self.c.tijdsduur = waarde
            self.c.herkend.append(f"tijdsduur: '{waarde}'.")
        elif naam == "materialen":
            lijst = [m for m in (schoon(x) for x in re.split(r"[;,]", waarde)) if m]
            (deel.materialen if deel is not None else self.c.materialen).extend(lijst)
        elif naam == "werkvorm" and deel is not None and not deel.werkvorm:
            deel.werkvorm = waarde
        elif naam == "deelnemers" and deel is None and not self.c.deelnemers:
            self.c.deelnemers = waarde
        elif naam == "doel" and deel is not None:
            deel.toelichting.append(item.regel.tekst)
        else:
            self.tekst(item.regel)

    def groep(self, waarde: str) -> None:
        m = _GROEP.match(waarde)
        rest = m["rest"] if m else waarde
        kop = m["kop"].lower() if m else ""
        bereik = re.search(r"(\d{1,4})\s*(?:-|–|—|tot|à|a)\s*(\d{1,4})", rest)
        if bereik:
            laag, hoog = int(bereik[1]), int(bereik[2])
            self.c.groep_min = min(self.c.groep_min or laag, laag)
            self.c.groep_max = max(self.c.groep_max or hoog, hoog)
        else:
            getal = int(re.search(r"\d{1,4}", rest)[0])  # type: ignore[index]
            if kop.startswith("min") or re.search(r"\bmin(?:imaal|imum|\.)?\b", rest, re.I):
                self.c.groep_min = getal
            else:
                self.c.groep_max = max(self.c.groep_max or getal, getal)
        self.c.herkend.append(f"groepsgrootte uit '{waarde}'.")
        if re.search(r"[.;]\s+\S", waarde):
            # More than the group size on this line ('Maximaal 12 deelnemers. Opstelling: U-vorm.'): keep it all.
            self._beschrijving(Regel(waarde))

    def tekst(self, regel: Regel) -> None:
        deel = self.deel
        if deel is None:
            self._beschrijving(regel)
            return
        if self.na_einde:
            deel.toelichting.append(regel.tekst)
            self.c.niet_geplaatst.append(f"'{_kort(regel.tekst)}' (na het einde) staat in de toelichting van "
                                         f"'{deel.titel}'.")
            return
        if regel.soort in ("tekst", "kop", "nummer") and _is_pauze_regel(regel.tekst):
            tijd = Tijd(regel.tekst, GESCHAT_MIN * (2 if "lunch" in regel.tekst.lower() else 1))
            nieuw = Deel(titel=regel.tekst.strip(" .:"), tijd=tijd, geschat=True)
            self.c.delen.append(nieuw)
            self.c.gegokt.append(f"'{nieuw.titel}' staat er zonder minuten: {tijd.minuten} minuten geschat.")
            return
        if regel.soort == "punt" and deel.stappen and regel.niveau > deel.stappen[-1].niveau:
            deel.stappen[-1].sub.append(regel.tekst)
            return
        if regel.soort in ("tekst",) and self._vervolg(regel.tekst):
            self._plak(deel, regel.tekst)
            return
        # A sentence ending in ':' introduces the bullets below it; they become its sub-points.
        inleiding = regel.soort != "punt" and regel.tekst.endswith(":")
        deel.stappen.append(Stap(regel.tekst, niveau=-1 if inleiding else regel.niveau))

    def _vervolg(self, tekst: str) -> bool:
        """A line that continues the one above it (a line broken in the middle of a sentence)."""
        if not self.vorige_leeg and self.los and self.vorige_soort in ("tekst", "punt", "nummer"):
            return True  # Markdown: lines without a blank line between are one paragraph
        if not (tekst[:1].islower() or tekst[:1] in "(&"):
            return False
        # Text taken from a PDF has blank lines in odd places: a lower-case line after a blank line
        # still continues a sentence that did not end.
        return not self.vorige_leeg or not self.vorige_tekst.rstrip().endswith((".", "!", "?"))

    def _plak(self, deel: Deel, tekst: str) -> None:
        if deel.stappen:
            stap = deel.stappen[-1]
            if stap.sub:
                stap.sub[-1] = f"{stap.sub[-1]} {tekst}"
            else:
                stap.tekst = f"{stap.tekst} {tekst}"
        elif not deel.uit_tabel:
            deel.titel = f"{deel.titel} {tekst}"
        else:
            deel.stappen.append(Stap(tekst))

    def _beschrijving(self, regel: Regel) -> None:
        if self.c.beschrijving and regel.soort == "tekst" and self._vervolg(regel.tekst):
            self.c.beschrijving[-1] = f"{self.c.beschrijving[-1]} {regel.tekst}"
        else:
            self.c.beschrijving.append(regel.tekst)


def _is_pauze_regel(tekst: str) -> bool:
    kaal = tekst.strip(" .:!*").lower()
    return len(kaal.split()) <= 4 and bool(re.fullmatch(
        r"(?:koffie-?|thee-?|lunch)?pauze(?:\s*\(.*\))?|koffie(?:\s*(?:/|en)\s*thee)?|lunch|theepauze|"
        r"lunchpauze|koffiepauze|break", kaal))


def _kort(tekst: str, lengte: int = 60) -> str:
    return tekst if len(tekst) <= lengte else tekst[:lengte - 1].rstrip() + "…"


def _concept(items: list[_Item], bestandsnaam: str) -> Concept:
    concept = _Bouwer(items, bestandsnaam, markdown_regels=bestandsnaam.lower().endswith((".md", ".markdown"))).bouw()
    _minuten(concept)
    for nummer, deel in enumerate(concept.delen):
        deel.soort, deel.soort_woord = _soort(deel.titel, eerste=nummer == 0)
        deel.groepjes = _groepjes(" ".join([deel.titel, deel.werkvorm] + [s.tekst for s in deel.stappen]
                                           + [t for s in deel.stappen for t in s.sub]))
    if concept.beschrijving:
        aantal = len(concept.beschrijving)
        concept.niet_geplaatst.append(f"{aantal} {'regel' if aantal == 1 else 'regels'} vóór het eerste onderdeel "
                                      f"{'staat' if aantal == 1 else 'staan'} in de beschrijving van het draaiboek.")
    return concept


def _minuten(concept: Concept) -> None:
    """Minutes for every part: as written, or the difference between clock times."""
    delen = concept.delen
    for i, deel in enumerate(delen):
        tijd = deel.tijd
        if tijd.minuten is not None:
            deel.minuten = tijd.minuten
            deel.min = tijd.minuten
            deel.max = tijd.hoog or tijd.minuten
            continue
        assert tijd.start is not None
        eind = tijd.eind
        if eind is None:
            eind = next((delen[j].tijd.start for j in range(i + 1, len(delen))
                         if delen[j].tijd.start is not None), None)
        if eind is not None and eind < tijd.start:
            eind += DAG  # past midnight
        if eind is None or not 0 < eind - tijd.start <= 12 * 60:
            deel.minuten = deel.min = deel.max = GESCHAT_MIN
            deel.geschat = True
            concept.gegokt.append(f"'{deel.titel}' begint om {_hhmm(tijd.start)} maar het document zegt niet "
                                  f"wanneer het eindigt: {GESCHAT_MIN} minuten geschat.")
            continue
        deel.minuten = deel.min = deel.max = eind - tijd.start
        if tijd.eind is not None and i + 1 < len(delen) and delen[i + 1].tijd.start is not None:
            gat = delen[i + 1].tijd.start - tijd.eind
            if gat > 0:
                concept.gegokt.append(f"tussen {_hhmm(tijd.eind)} en {_hhmm(delen[i + 1].tijd.start)} staat niets "
                                      "in het document; voeg zelf een onderdeel (of pauze) toe als dat nodig is.")
    for deel in delen:
        if deel.minuten > DAG or deel.minuten < 1:
            concept.gegokt.append(f"'{deel.titel}': {deel.minuten} minuten kan niet; {GESCHAT_MIN} minuten geschat.")
            deel.minuten = deel.min = deel.max = GESCHAT_MIN
            deel.geschat = True


def _hhmm(minuten: int) -> str:
    return f"{minuten // 60 % 24:02d}:{minuten % 60:02d}"


# --- writing -----------------------------------------------------------------------------------


def naam_van(tekst: str) -> str:
    """A draaiboek name (vinden.NAAM) from a file name or title."""
    return slug(tekst, 48) or "geimporteerd"


def toml_tekst(concept: Concept, naam: str, bestandsnaam: str) -> str:
    """The commented TOML draaiboek for `concept`, loadable as it is."""
    regels = [
        toml.commentaar(
            f"Geïmporteerd uit '{bestandsnaam}' met 'planner importeer'. Lees het na: de minuten staan er zoals "
            "in het document,\nmaar min en max zijn nog gelijk aan de minuten (de planner kan dus niet inkorten) "
            "en de soort van elk\nonderdeel is gegokt aan zijn titel. Het formaat staat in de README, onder "
            "'Eigen draaiboeken en het TOML-formaat'.\n"
            f"Controleer na het aanpassen met: planner controleer {naam}"),
        "",
        toml.veld("id", naam),
        toml.veld("titel", concept.titel),
        toml.veld("bron", f"eigen draaiboek (geïmporteerd uit '{bestandsnaam}')"),
    ]
    if concept.beschrijving:
        regels.append(toml.veld("beschrijving", "\n".join(concept.beschrijving)))
    if concept.opstelling:
        regels.append(toml.veld("opstelling", concept.opstelling))
    if concept.tijdsduur:
        regels.append(toml.veld("tijdsduur", concept.tijdsduur))
    groep_min = concept.groep_min or 1
    # Unknown: wide open, so that any group plans; the comment asks the user to fill it in.
    groep_max = concept.groep_max or max(100, groep_min)
    if groep_min > groep_max:
        groep_min, groep_max = groep_max, groep_min
    regels.append(toml.veld("groep_min", groep_min, "" if concept.groep_min else "niet in het document; pas aan"))
    regels.append(toml.veld("groep_max", groep_max, "" if concept.groep_max else "niet in het document; pas aan"))
    if concept.deelnemers:
        regels.append(toml.veld("deelnemers", concept.deelnemers))
    if concept.materialen:
        regels.append(toml.veld("materialen", concept.materialen))
    regels.append(toml.commentaar(
        "Met min = max kan de planner een onderdeel niet korter maken; bij te weinig tijd verdeelt hij het\n"
        "draaiboek daarom over meer sessies. Verruim min en max per onderdeel als inkorten mag, en zet\n"
        'dan bij_tijdgebrek = "inkorten".'))
    regels.append(toml.veld("bij_tijdgebrek", "splitsen"))
    ids: dict[str, int] = {}
    for deel in concept.delen:
        regels += ["", "[[onderdelen]]"] + _deel_regels(deel, ids)
    return "\n".join(regels) + "\n"


def _deel_regels(deel: Deel, ids: dict[str, int]) -> list[str]:
    """The lines of one [[onderdelen]] block; `ids` counts the ids given so far (each id once)."""
    basis = slug(deel.titel) or "onderdeel"
    id_, n = basis, ids.get(basis, 1)
    while id_ in ids:
        n += 1
        id_ = f"{basis}-{n}"
    ids[basis] = n
    ids.setdefault(id_, 1)
    waar = f"'{deel.tijd.tekst}' in het document"
    if deel.tijd.minuten is None and deel.tijd.eind is None and not deel.geschat:
        waar = f"van {deel.tijd.tekst} tot de volgende tijd in het document"
    regels = [
        toml.veld("id", id_),
        toml.veld("titel", deel.titel),
        toml.veld("soort", deel.soort, f"gegokt aan '{deel.soort_woord}'" if deel.soort_woord
                  else "gegokt: geen woord als welkom, pauze, evaluatie of afsluiting gevonden"),
        toml.veld("minuten", deel.minuten, "geschat: niet in het document" if deel.geschat else waar),
        toml.veld("min", deel.min, "verruim: hoe kort mag dit onderdeel worden?"),
        toml.veld("max", deel.max, "verruim: hoe lang mag het worden?"),
    ]
    if deel.geschat:
        regels.append(toml.veld("geschat", True))
    if deel.werkvorm:
        regels.append(toml.veld("werkvorm", deel.werkvorm))
    if deel.groepjes:
        regels.append(toml.veld("groepjes", list(deel.groepjes), "uit de tekst van het onderdeel"))
    if deel.materialen:
        regels.append(toml.veld("materialen", deel.materialen))
    if deel.stappen:
        regels.append(toml.lijst("stappen", [_stap_waarde(s) for s in deel.stappen]))
    if deel.toelichting:
        regels.append(toml.veld("toelichting", "\n".join(deel.toelichting)))
    return regels


def _letterlijk(tekst: str) -> str:
    """A document's text in a step: braces doubled, so the planner fills in no {placeholder}."""
    return tekst.replace("{", "{{").replace("}", "}}")


# A document's own label before a question; every output writes 'Vraag: ' before a question itself.
_VRAAG_LABEL = re.compile(r"vraag\s*:\s*", re.IGNORECASE)


def _stap_waarde(stap: Stap) -> str | dict[str, object]:
    soort = "vraag" if stap.tekst.rstrip(" )”\"'").endswith("?") else "instructie"
    if not stap.sub and soort == "instructie":
        return _letterlijk(stap.tekst)
    tekst = stap.tekst
    if soort == "vraag" and (label := _VRAAG_LABEL.match(tekst)) and tekst[label.end():].strip():
        tekst = tekst[label.end():]  # else 'Vraag: Vraag: …' in every plan
    waarde: dict[str, object] = {soort: _letterlijk(tekst)}
    if stap.sub:
        waarde["sub"] = [_letterlijk(t) for t in stap.sub]
    return waarde


# --- the command's work ------------------------------------------------------------------------


@dataclass
class Geschreven:
    """One draaiboek written by 'planner importeer', with its check and what the user should know."""

    naam: str
    pad: Path
    concept: Concept
    problemen: list[str]
    waarschuwingen: list[str]


def importeer(bestand: Path, naam: str | None = None, force: bool = False) -> list[Geschreven]:
    """Read `bestand`, write one TOML draaiboek per draaiboek in it into the own folder, check each."""
    from planner.bibliotheek import laden, sjabloon, vinden
    from planner.cli.bestanden import controleer_doel, schrijf
    from planner.importeren import documenten

    omgezet = ""
    if naam is not None:
        gegeven = naam.strip()
        if not vinden.NAAM.match(gegeven) and not vinden.lijkt_pad(gegeven) and naam_van(gegeven) != "geimporteerd":
            # 'Mijn Teamdag' means mijn-teamdag: say so rather than refuse.
            naam = naam_van(gegeven)
            omgezet = f"de naam '{gegeven}' is '{naam}' geworden (kleine letters, cijfers, '-' en '_')."
        naam = sjabloon.controleer_naam(naam)
    concepten = herken(documenten.lees(bestand), bestand.name)
    ingebouwd = {b.id for b in vinden.alle_bronnen() if b.herkomst == "ingebouwd"}
    namen, waarschuwingen = _namen(concepten, naam, bestand, ingebouwd)
    if omgezet:
        waarschuwingen[0].insert(0, omgezet)
    map_ = vinden.maak_eigen_map()
    paden = [map_ / f"{n}.toml" for n in namen]
    for pad in paden:  # all or nothing: refuse before writing the first one
        controleer_doel(pad, force)
    resultaat = []
    for concept, n, pad, extra in zip(concepten, namen, paden, waarschuwingen, strict=True):
        schrijf(pad, toml_tekst(concept, n, bestand.name), force=force)
        _, problemen = laden.controleer_bestand(pad, herkomst="eigen")
        resultaat.append(Geschreven(n, pad, concept, [str(p) for p in problemen], extra))
    return resultaat


def _namen(concepten: list[Concept], naam: str | None, bestand: Path,
           ingebouwd: set[str]) -> tuple[list[str], list[list[str]]]:
    """One name per draaiboek: --naam (numbered when there are several), else from file name or title."""
    if naam is not None:
        if len(concepten) == 1:
            return [naam], [[]]
        return [f"{naam}-{i}" for i in range(1, len(concepten) + 1)], [[] for _ in concepten]
    kandidaten = [naam_van(bestand.stem)] if len(concepten) == 1 else [naam_van(c.titel) for c in concepten]
    namen: list[str] = []
    waarschuwingen: list[list[str]] = []
    for kandidaat in kandidaten:
        extra = []
        gekozen = kandidaat
        if gekozen in ingebouwd:
            # A built-in draaiboek goes first under its name: the import would be invisible.
            gekozen = f"mijn-{kandidaat}"
            extra.append(f"'{kandidaat}' is al een ingebouwd draaiboek; dit draaiboek heet daarom '{gekozen}' "
                         "(kies zelf een naam met --naam).")
        basis, n = gekozen, 2
        while gekozen in namen:
            gekozen, n = f"{basis}-{n}", n + 1
        namen.append(gekozen)
        waarschuwingen.append(extra)
    return namen, waarschuwingen


def duur_tekst(minuten: int) -> str:
    """'2u45', '45m': how 'planner plan --tijd' reads a duration."""
    uren, rest = divmod(minuten, 60)
    if not uren:
        return f"{rest}m"
    return f"{uren}u{rest:02d}" if rest else f"{uren}u"
