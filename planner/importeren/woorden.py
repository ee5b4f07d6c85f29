"""Recognising words in a document's text: the kind of a part, subgroups, header labels, slugs."""

from __future__ import annotations

import re
import unicodedata

from planner.importeren.tijden import KLOK1

_MAAND = (r"januari|january|jan|februari|february|feb|maart|march|mrt|mar|april|apr|mei|may|juni|june|jun|juli|"
          r"july|jul|augustus|august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|december|dec")

# --- words -------------------------------------------------------------------------------------

_PAUZE = re.compile(r"\b(?:koffie|thee|koffie-?\s?en\s?thee)?pauze\b|\bkoffie\b|\bthee\b"
                    r"|\b(?:coffee\s++|tea\s++)?break\b|\bcoffee\b", re.IGNORECASE)
# A meal stays in the programme (issue 20.8): not a pause, which a split may leave out at a session's edge.
_MAALTIJD = re.compile(r"\b(?:lunch|lunchpauze|diner|dinner|maaltijd|ontbijt|breakfast)\b", re.IGNORECASE)
MAALTIJD = "werkvorm"
_SOORTEN = (
    ("opening", re.compile(r"\b(?:welkom|welkomstwoord|welkomst|opening|openingswoord|openen|ontvangst|inloop|"
                           r"binnenkomst|check-?in|aftrap|welcome|arrival|registration)\b", re.I)),
    ("evaluatie", re.compile(r"\b(?:evaluatie|evalueren|evaluatieronde|terugblik|terugblikken|terugkijken|"
                             r"reflectie|reflecteren|nabespreking|feedback|debrief|retrospective)\b", re.I)),
    ("afronding", re.compile(r"\b(?:afronding|afronden|afsluiting|afsluiten|sluiting|slot|check-?out|uitcheck|"
                             r"tot slot|closing|close|wrap-?\s?up|conclusion)\b", re.I)),
)
_EERSTE_OPENING = re.compile(r"^(?:start|introductie|intro|inleiding)\b", re.I)
EINDE = re.compile(r"^(?:einde|eind|afgelopen|klaar)(?:\s++(?:van\s++)?(?:de\s++|het\s++)?"
                    r"(?:bijeenkomst|workshop|training|programma|dag|sessie|dagdeel))?\s*+[.!]?$", re.I)
# 'Einde 12:00', 'Eindtijd: 12.00 uur', 'Einde om 16u30'.
EINDE_OM = re.compile(rf"^(?:einde|eindtijd|eind|sluiting|klaar)\s*+[:–—-]?\s*+(?:om\s++|ca\.?\s*+)?{KLOK1}\s*+\.?$",
                      re.I)
# The last time in a programme that only marks its end: 'Einde, uitloop met een drankje', '13.00 uur: officiële
# sluiting', '16.40 Borrel', '4:30 - Workshop ends'. It gets no minutes of its own.
# Words that end a programme wherever they stand; the others ('Close', 'Borrel') only as its last line.
STERK_EINDE = re.compile(r"^(?:einde|eind|(?:the\s++)?end|(?:workshop|session|meeting|day)\s++(?:ends|closes))\b", re.I)
OPEN_EINDE = re.compile(r"^(?:einde|eind|uitloop|(?:officiële\s++)?sluiting|(?:netwerk|afsluitende\s++)?borrel|"
                        r"drankje|(?:the\s++)?end|(?:workshop|session|meeting|day)\s++(?:ends|closes)|"
                        r"close|drinks|reception)\b", re.I)
TOTAAL = re.compile(r"^(?:totaal|totale\s+(?:duur|tijd|tijdsduur)|in\s+totaal|totaaltijd)\b", re.I)
KOLOM_WOORDEN = {"tijd", "tijden", "duur", "minuten", "min", "min.", "onderdeel", "onderdelen", "wat", "wie",
                  "activiteit", "programma", "werkvorm", "materiaal", "materialen", "toelichting", "omschrijving",
                  "beschrijving", "inhoud", "hoe", "doel", "opmerkingen", "agendapunt", "en", "|", "/", "-",
                  "tijdstip", "benodigdheden", "onderwerp", "begeleider", "instructie", "uitleg"}
LABELS = {"programma", "agenda", "tijdschema", "schema", "draaiboek", "planning", "dagprogramma", "opzet",
           "programma-opzet", "het programma", "de agenda", "inhoud", "tijdpad", "draaiboek en tijdschema"}
GROEP = re.compile(r"^(?P<kop>(?:(?:max(?:imale|imum|\.)?|min(?:imale|imum|\.)?)\s*+)?(?:groeps?grootte|"
                    r"aantal\s+(?:deelnemers|personen)|deelnemersaantal|deelnemers|groep)\b)(?P<rest>.*)$", re.I)
# What follows 'Maximale groepsgrootte': a number soon ('20 personen', 'variant A: 12', ': max. 20').
GROEP_REST = re.compile(r"^\s*+(?:\([^)]*+\)\s*+)?(?:variant\s++\w++\s*+)?[:=–—-]?\s*+(?:max(?:imaal|imum|\.)?\s*+|"
                         r"min(?:imaal|imum|\.)?\s*+|ca\.?\s*+|tot\s*+|van\s*+)?\d", re.I)
GROEP_GETAL = re.compile(r"^(?:max(?:imaal|imum|\.)?|min(?:imaal|imum|\.)?|tot)?\s*+\d{1,4}(?:\s*+(?:-|–|—|tot|à)\s*+"
                          r"\d{1,4})?\s*+(?:deelnemers|personen|mensen)\b", re.I)
VELD = re.compile(r"^(?P<naam>opstelling|zaalopstelling|ruimte|tijdsduur|totale duur|duur|tijd|lengte|"
                   r"materia(?:al|len|alen)|benodigdheden|nodig|doel(?:stelling)?|werkvorm|wie|doelgroep|"
                   r"deelnemers)\s*+[:=–—-]\s*+(?P<waarde>\S.*)$", re.I)
# Subgroups, not the whole group: 'een groep van 12 personen' is no subgroup size.
_GROEPJES = re.compile(r"\b(?:subgroep(?:je|jes|en)?|groep(?:je|jes|en)|tafels|teams|kleine groepen)\s++(?:van\s++)?"
                       r"(?P<a>\d{1,2})(?:\s*+(?:-|–|—|tot|à|a|of)\s*+(?P<b>\d{1,2}))?\s*+(?:personen|mensen|"
                       r"deelnemers|pers\.?)?\b", re.I)
_TALLEN = (("tweetallen", 2), ("duo's", 2), ("duos", 2), ("drietallen", 3), ("trio's", 3), ("viertallen", 4))
# A line that is only a date ('23 september 2020', 'Zaterdag 16 november 2019', '16-11-2019', 'September 23, 2020'):
# when a programme was held, not what it is called.
DATUM = re.compile(r"(?:(?:datum|date)\s*+:\s*+)?(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
                   r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|ma|di|wo|do|vr|za|zo)\.?,?\s++)?"
                   r"(?:\d{1,2}\s++(?:" + _MAAND + r")\.?(?:\s++\d{4})?|"
                   r"(?:" + _MAAND + r")\.?\s++\d{1,2}(?:st|nd|rd|th)?,?(?:\s++\d{4})?|"
                   r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\s*+", re.I)
LABEL_VORM = re.compile(r"^[^:]{1,40}:\s")
_NIET_SLUG = re.compile(r"[^a-z0-9]+")
_HAAKJES = re.compile(r"\([^()]*+\)|\[[^\[\]]*+\]")


def soort_van(titel: str, eerste: bool) -> tuple[str, str]:
    """The kind of a part from its title's usual Dutch words, and the word that decided it."""
    # The word that comes first decides: 'Inloop met koffie' is an opening, 'Koffie en kennismaking' a pause.
    # What stands in brackets is a note ('Topic Discussions (or once everyone returns from the break)').
    titel = _HAAKJES.sub(" ", titel) if _HAAKJES.sub("", titel).strip() else titel
    treffers = [(m.start(), soort, m[0]) for soort, patroon in (("pauze", _PAUZE), (MAALTIJD, _MAALTIJD), *_SOORTEN)
                if (m := patroon.search(titel))]
    if treffers:
        _, soort, woord = min(treffers)
        return soort, woord
    if eerste and (m := _EERSTE_OPENING.match(titel)):
        return "opening", m[0]
    return "werkvorm", ""


def groepjes_in(tekst: str) -> tuple[int, int] | None:
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
    kaal = _NIET_SLUG.sub("-", kaal).strip("-")
    if len(kaal) > lengte:
        kaal = kaal[:lengte].rsplit("-", 1)[0] if "-" in kaal[:lengte] else kaal[:lengte]
    return kaal.strip("-")
