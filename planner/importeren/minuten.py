"""Minutes for the parts of a recognised draft: clock times and their differences, a clock that counts to
twelve, block headings over parts, the programme's open end, and the timed lines left in the description."""

from __future__ import annotations

import re

from planner.importeren.concept import Concept
from planner.importeren.programma import vanaf_start
from planner.importeren.tijden import DAG, GESCHAT_MIN, KLOK_TWAALF, MIDDEN_DUUR, Tijd, lees_tijd_begin, lees_tijd_eind
from planner.importeren.woorden import OPEN_EINDE, STERK_EINDE


def kort(tekst: str, lengte: int = 60) -> str:
    return tekst if len(tekst) <= lengte else tekst[:lengte - 1].rstrip() + "…"


def _twaalf_uur(concept: Concept) -> None:
    """'8:30 … ~12:00 Lunch … 1:00 Topic Discussions … 4:00 Wrap up': a clock that counts to twelve. A time
    below the one before it, read as a duration by itself ('1:00' = 60 minutes), is the afternoon."""
    vorige: int | None = None
    for deel in concept.delen:
        tijd = deel.tijd
        if tijd.start is not None:
            vorige = tijd.start
            continue
        m = KLOK_TWAALF.match(tijd.tekst.strip())
        if m is None or vorige is None:
            continue
        middag = (int(m["h"]) % 12 + 12) * 60 + int(m["m"])
        if int(m["h"]) * 60 + int(m["m"]) < vorige < middag:
            deel.tijd = Tijd(tijd.tekst, start=middag)
            vorige = middag
            concept.herkend.append(f"'{tijd.tekst}' voor '{kort(deel.titel)}' gelezen als {hhmm(middag)} "
                                   "(de klok telt tot twaalf).")


def _blokken(concept: Concept) -> None:
    """'Morning Block (09:00 - 12:30)' above '09:00 - 09:30 Welcome': a heading over the parts inside its
    span, not a part of its own (issue 20.3)."""
    delen = concept.delen
    i = 0
    while i + 1 < len(delen):
        blok, volgende = delen[i].tijd, delen[i + 1].tijd
        if (blok.start is not None and blok.eind is not None and volgende.start is not None
                and volgende.eind is not None and blok.start <= volgende.start < blok.eind
                and volgende.eind <= blok.eind and volgende.eind - volgende.start < blok.eind - blok.start):
            weg = delen.pop(i)
            concept.herkend.append(f"'{kort(weg.titel)}' ({blok.tekst}) gelezen als kop boven de onderdelen "
                                   "in die tijd, niet als onderdeel.")
            delen[i].toelichting[:0] = [s.tekst for s in weg.stappen] + weg.toelichting
            continue
        i += 1


def _open_einde(concept: Concept) -> None:
    """A part with only a start time that names the end ('17:00 Einde, uitloop met een drankje', '4:30 -
    Workshop ends') is the end of the programme, not a part with an invented 15 minutes (issue 20.6); a
    timed line after it is reported, not planned."""
    delen = concept.delen
    einde = next((i for i, d in enumerate(delen) if i > 0 and d.tijd.start is not None and d.tijd.eind is None
                  and d.tijd.minuten is None and OPEN_EINDE.match(d.titel)
                  and (i == len(delen) - 1 or STERK_EINDE.match(d.titel))), None)
    if einde is None:
        return
    laatste, na = delen[einde], delen[einde + 1:]
    tijd = laatste.tijd
    assert tijd.start is not None
    del delen[einde:]
    vorige = delen[-1]
    for deel in na:
        vorige.toelichting.append(f"Na het einde: {deel.tijd.tekst} {deel.titel}")
        concept.niet_geplaatst.append(f"'{deel.tijd.tekst} {kort(deel.titel)}' staat na het einde van het "
                                      f"programma: niet als onderdeel, wel in de toelichting van "
                                      f"'{kort(vorige.titel)}'.")
    if vorige.tijd.start is not None and vorige.tijd.eind is None and vorige.tijd.minuten is None:
        vorige.tijd.eind = tijd.start
    elif vorige.tijd.eind is not None and vorige.tijd.eind < tijd.start:
        concept.gegokt.append(f"tussen {hhmm(vorige.tijd.eind)} en {hhmm(tijd.start)} (het einde) staat niets in "
                              "het document; voeg zelf een onderdeel toe als dat nodig is.")
    concept.herkend.append(f"'{kort(laatste.titel)}' om {hhmm(tijd.start)} gelezen als het einde van het "
                           "programma (geen onderdeel, geen minuten).")
    # A new paragraph after the end line ('16.15 - ......... Netwerkborrel', blank line, 'Informatie over de open
    # Space sessies') is about the day, not about its end: it goes to the description (see na_het_programma).
    los = next((i for i, s in enumerate(laatste.stappen) if s.na_leeg), None)
    if los is not None:
        concept.nawoord[:0] = [s.tekst for s in laatste.stappen[los:]] + laatste.toelichting
        laatste.stappen, laatste.toelichting = laatste.stappen[:los], []
    rest = [s.tekst for s in laatste.stappen] + laatste.toelichting
    if los is not None and not rest:
        vorige.toelichting.append(f"Na afloop ({hhmm(tijd.start)}): {laatste.titel}")
    elif rest:
        vorige.toelichting.extend([f"Na afloop ({hhmm(tijd.start)}): {laatste.titel}"] + rest)
        concept.niet_geplaatst.append(f"wat na het einde staat ('{kort(rest[0])}') staat in de toelichting van "
                                      f"'{kort(vorige.titel)}'.")


def getimede_beschrijving(concept: Concept, regels: list[str] | None = None, waar: str = "vóór") -> None:
    """Every line with a time is a part, a step, or named in the report (issue 20.5): the ones before the
    programme ('Duur: 2 uur', 'Pre-Sessie Werk (30 minuten)') or after it ('Lunch is 90 minutes - can shorten to
    75') went into the description; say which and why."""
    getimed = [r for r in (concept.beschrijving if regels is None else regels)
               if lees_tijd_begin(r) or lees_tijd_eind(r) or MIDDEN_DUUR.search(r) or vanaf_start(r)
               or (regels is not None and _DUUR_IN_ZIN.search(r))]
    for regel in getimed[:8]:
        concept.niet_geplaatst.append(f"'{kort(regel)}' noemt een tijd maar staat {waar} het programma: geen "
                                      "onderdeel, wel in de beschrijving.")
    if len(getimed) > 8:
        concept.niet_geplaatst.append(f"en nog {len(getimed) - 8} zulke regels {waar} het programma, ook in de "
                                      "beschrijving.")


# 'Each break has 15 minutes', 'Give 5-minute warnings': a duration inside a sentence after the programme.
_DUUR_IN_ZIN = re.compile(r"\b\d{1,3}\s*+-?\s*+(?:minuten|minuut|minutes|minute|mins|min)\b", re.I)


def na_het_programma(concept: Concept) -> None:
    """Sections after the last part that describe none of the parts ('## Time Management Tips', '## Post-Workshop')
    are about the whole draaiboek: they end its description, and the report says so (issue 20.3)."""
    if not concept.nawoord:
        return
    koppen = concept.nawoord_koppen or concept.nawoord[:1]
    genoemd = ", ".join(f"'{kort(k, 40)}'" for k in koppen[:4]) + (f" en nog {len(koppen) - 4}" if len(koppen) > 4
                                                                   else "")
    aantal = len(concept.nawoord)
    laatste = concept.delen[-1].titel if concept.delen else ""
    een = len(koppen) == 1
    concept.niet_geplaatst.append(
        f"{genoemd} {'staat' if een else 'staan'} na het programma en {'beschrijft' if een else 'beschrijven'} geen "
        f"onderdeel: {aantal} {'regel' if aantal == 1 else 'regels'} in de beschrijving van het draaiboek, niet "
        f"als stappen van '{kort(laatste, 40)}'.")
    getimede_beschrijving(concept, concept.nawoord, "na")
    concept.beschrijving.extend(concept.nawoord)


def minuten(concept: Concept) -> None:
    """Minutes for every part: as written, or the difference between clock times."""
    _twaalf_uur(concept)
    _blokken(concept)
    _open_einde(concept)
    delen = concept.delen
    for i, deel in enumerate(delen):
        tijd = deel.tijd
        if tijd.minuten is not None:
            deel.minuten = tijd.minuten
            deel.min = tijd.minuten
            deel.max = tijd.hoog or tijd.minuten
            _tot_het_volgende(concept, i)
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
            concept.gegokt.append(f"'{deel.titel}' begint om {hhmm(tijd.start)} maar het document zegt niet "
                                  f"wanneer het eindigt: {GESCHAT_MIN} minuten geschat.")
            continue
        deel.minuten = deel.min = deel.max = eind - tijd.start
        if tijd.eind is not None and i + 1 < len(delen) and delen[i + 1].tijd.start is not None:
            gat = delen[i + 1].tijd.start - tijd.eind
            if gat > 0:
                concept.gegokt.append(f"tussen {hhmm(tijd.eind)} en {hhmm(delen[i + 1].tijd.start)} staat niets "
                                      "in het document; voeg zelf een onderdeel (of pauze) toe als dat nodig is.")
    for deel in delen:
        if deel.minuten > DAG or deel.minuten < 1:
            concept.gegokt.append(f"'{deel.titel}': {deel.minuten} minuten kan niet; {GESCHAT_MIN} minuten geschat.")
            deel.minuten = deel.min = deel.max = GESCHAT_MIN
            deel.geschat = True


def _tot_het_volgende(concept: Concept, i: int) -> None:
    """'0:10 — Casus (20 min)' and the next part at '0:45': the stated minutes win over the time to the next
    start, but the 15 minutes between are in no part; and a next start before the stated end overlaps. Both
    are said in the report, never silently dropped (issue 20.2)."""
    deel, delen = concept.delen[i], concept.delen
    tijd = deel.tijd
    if tijd.start is None or tijd.eind is not None or tijd.minuten is None or tijd.hoog is not None \
            or i + 1 >= len(delen) or (volgende := delen[i + 1].tijd.start) is None:
        return
    tot = (volgende - tijd.start) % DAG
    if tot == tijd.minuten or tot > 12 * 60:
        return
    if tot > tijd.minuten:
        concept.gegokt.append(f"'{deel.titel}' begint om {tijd.tekst.split(' …')[0]} en duurt volgens het document "
                              f"{tijd.minuten} minuten, maar het volgende onderdeel begint pas na {tot} minuten; de "
                              f"{tot - tijd.minuten} minuten ertussen staan in geen onderdeel.")
    else:
        concept.gegokt.append(f"'{deel.titel}' begint om {tijd.tekst.split(' …')[0]} en duurt volgens het document "
                              f"{tijd.minuten} minuten, maar het volgende onderdeel begint al na {tot} minuten; ik "
                              f"neem de {tijd.minuten} minuten, het programma wordt {tijd.minuten - tot} minuten "
                              "langer dan de tijden zeggen.")


def hhmm(minuten: int) -> str:
    return f"{minuten // 60 % 24:02d}:{minuten % 60:02d}"
