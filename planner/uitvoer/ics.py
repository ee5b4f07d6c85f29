"""The calendar file: one event per session, readable by Google, Outlook, Apple and Thunderbird.

On request: a reminder (VALARM) on every event, an event per onderdeel instead of per session,
and the follow-up meeting a draaiboek recommends (its `herhaling`, R4) after the last session.

The lines are written here, in exactly the form ics 0.7 (the project's pinned calendar library)
gives them: importing ics and arrow (tatsu, attrs) costs more start-up time than the rest of
`planner plan --ics` together. tests/test_ics.py checks the bytes against ics itself. ics 0.7
lacks two things calendar programs rely on (RFC 5545): lines folded at 75 octets and CRLF line
ends everywhere. `_rfc5545` adds them, in one place.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from planner import __version__
from planner.model import GeplandOnderdeel, Herhaling, Plan, Sessie
from planner.planning import herhaling_van
from planner.tekst import stap_regels
from planner.tijd import Interval, deelnemers, plus_minuten, toon_duur
from planner.uitvoer.handout import indeling, materialen, merk_in_woorden

PRODID = f"-//planner//planner {__version__}//NL"
_UID_NAAMRUIMTE = uuid.UUID("6f1c2a52-6a8e-4d8e-9a57-6b1f0d1e7c11")


def _uid(plan: Plan, *delen: object) -> str:
    """Stable per draaiboek and first start plus `delen`: a re-import updates, not duplicates."""
    sleutel = "|".join([plan.draaiboek.id, _utc(plan.sessies[0].start), *map(str, delen)])
    return f"{uuid.uuid5(_UID_NAAMRUIMTE, sleutel)}@planner"


def uid(plan: Plan, sessie: Sessie) -> str:
    return _uid(plan, sessie.nummer)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def samenvatting(plan: Plan, sessie: Sessie) -> str:
    titel = plan.draaiboek.titel
    if len(plan.sessies) > 1:
        return f"{titel} (deel {sessie.nummer} van {len(plan.sessies)})"
    return titel


def beschrijving(plan: Plan, sessie: Sessie) -> str:
    regels = [f"{plan.draaiboek.titel}, {deelnemers(plan.groep)}"]
    if plan.variant:
        regels.append(plan.variant.titel)
    regels.append("")
    for o in sessie.onderdelen:
        tijd = f"{o.start:%H:%M}-{o.eind:%H:%M}"
        merk = _merk(o)
        regels.append(f"{tijd} {o.titel} ({o.duur_min} min){merk}")
    regels += ["", f"Bron: {plan.draaiboek.bron}"]
    return "\n".join(regels)


def uid_onderdeel(plan: Plan, sessie: Sessie, onderdeel: GeplandOnderdeel) -> str:
    return _uid(plan, sessie.nummer, onderdeel.id)


def uid_herhaling(plan: Plan) -> str:
    return _uid(plan, "herhaling")


def samenvatting_onderdeel(plan: Plan, onderdeel: GeplandOnderdeel) -> str:
    return f"{onderdeel.titel} · {plan.draaiboek.titel}"


def _merk(o: GeplandOnderdeel) -> str:
    woorden = merk_in_woorden(o)
    return f" ({woorden})" if woorden else ""


def beschrijving_onderdeel(plan: Plan, sessie: Sessie, o: GeplandOnderdeel) -> str:
    merk = _merk(o)
    regels = [f"{o.start:%H:%M}-{o.eind:%H:%M} {o.titel} ({o.duur_min} min){merk}"]
    if len(plan.sessies) > 1:
        regels.append(f"Sessie {sessie.nummer} van {len(plan.sessies)}")
    regels += indeling(o)
    if o.bron is not None:
        if o.stappen:
            regels += ["", "Stappen:"] + [("  - " if diepte else "- ") + t for diepte, t in stap_regels(o.stappen)]
        nodig = materialen(plan, o)
        if nodig:
            regels += ["", "Nodig:"] + [f"- {i}" for i in nodig]
    if o.bron is None and o.stappen:  # the planner's own parts (welkom terug, vooruitblik)
        regels += ["", "Stappen:"] + [("  - " if diepte else "- ") + t for diepte, t in stap_regels(o.stappen)]
    regels += ["", f"{plan.draaiboek.titel}, {deelnemers(plan.groep)}", f"Bron: {plan.draaiboek.bron}"]
    return "\n".join(regels)


def herhaling_start(plan: Plan, interval: Interval) -> datetime:
    """The interval after the LAST session, at the same clock time (across DST changes)."""
    return interval.na(plan.sessies[-1].start)


def beschrijving_herhaling(plan: Plan, herhaling: Herhaling) -> str:
    regels = [f"{herhaling.titel}, na {plan.draaiboek.titel}"]
    if herhaling.toelichting:
        regels += ["", herhaling.toelichting]
    if herhaling.geschat:
        regels += ["", f"Duur {toon_duur(herhaling.minuten)}: een schatting, de bron noemt geen duur."]
    regels += ["", f"Bron: {plan.draaiboek.bron}"]
    return "\n".join(regels)


def herinnering_tekst(naam: str, begin: datetime, minuten: int) -> str:
    return f"Herinnering: {naam} begint om {begin:%H:%M} (over {toon_duur(minuten)})."


def render(plan: Plan, herinnering: int | None = None, per_onderdeel: bool = False,
           herhaling: Interval | None = None, **_: Any) -> bytes:
    """The calendar: an event per session (or per onderdeel), optionally with reminders and the
    follow-up meeting the draaiboek recommends."""
    nu = _utc(datetime.now(UTC))
    regels = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}"]

    def afspraak(naam: str, begin: datetime, eind: datetime, sleutel: str, tekst: str) -> None:
        # The properties in ics 0.7's order (alphabetical by its serialiser's method names).
        regels.append("BEGIN:VEVENT")
        if herinnering is not None:
            regels.extend(["BEGIN:VALARM", "ACTION:DISPLAY",
                           f"DESCRIPTION:{escape(herinnering_tekst(naam, begin, herinnering))}",
                           f"TRIGGER:{duur(timedelta(minutes=-herinnering))}", "END:VALARM"])
        regels.append(f"DTSTAMP:{nu}")
        if tekst:
            regels.append(f"DESCRIPTION:{escape(tekst)}")
        regels.extend([f"DTEND:{_utc(eind)}", f"LAST-MODIFIED:{nu}"])  # a re-import is a newer version
        if plan.locatie:
            regels.append(f"LOCATION:{escape(plan.locatie)}")
        regels.append(f"DTSTART:{_utc(begin)}")
        if naam:
            regels.append(f"SUMMARY:{escape(naam)}")
        regels.extend([f"UID:{sleutel}", "END:VEVENT"])

    for sessie in plan.sessies:
        if per_onderdeel:
            for o in sessie.onderdelen:
                afspraak(samenvatting_onderdeel(plan, o), o.start, o.eind, uid_onderdeel(plan, sessie, o),
                         beschrijving_onderdeel(plan, sessie, o))
        else:
            afspraak(samenvatting(plan, sessie), sessie.start, sessie.eind, uid(plan, sessie),
                     beschrijving(plan, sessie))
    if herhaling is not None:
        extra = herhaling_van(plan.draaiboek)
        begin = herhaling_start(plan, herhaling)
        afspraak(extra.titel, begin, plus_minuten(begin, extra.minuten), uid_herhaling(plan),
                 beschrijving_herhaling(plan, extra))
    regels.append("END:VCALENDAR")
    return _rfc5545("\n".join(regels))


def escape(tekst: str) -> str:
    """A TEXT value (RFC 5545 3.3.11), escaped as ics 0.7 escapes it."""
    for teken, vervanging in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n"), ("\r", "\\r")):
        tekst = tekst.replace(teken, vervanging)
    return tekst


def duur(tijd: timedelta) -> str:
    """A DURATION value (RFC 5545 3.3.6) as ics 0.7 writes it: -P1D, -PT15M, -P1W."""
    totaal = abs(int(tijd.total_seconds()))
    dagen, seconden = divmod(totaal, 24 * 3600)
    tekst = "P"
    if dagen // 7:
        tekst += f"{dagen // 7}W"
        dagen %= 7
    if dagen:
        tekst += f"{dagen}D"
    if seconden:
        tekst += "T"
        for eenheid, lengte in (("H", 3600), ("M", 60), ("S", 1)):
            if seconden // lengte:
                tekst += f"{seconden // lengte}{eenheid}"
                seconden %= lengte
    return tekst if tijd.total_seconds() >= 0 else f"-{tekst}"


def _rfc5545(tekst: str) -> bytes:
    regels = tekst.replace("\r\n", "\n").split("\n")
    gevouwen = [vouw(r) for r in regels if r]
    return ("\r\n".join(gevouwen) + "\r\n").encode("utf-8")


def vouw(regel: str, breedte: int = 75) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    stukken = []
    huidig = b""
    limiet = breedte
    for teken in regel:
        data = teken.encode("utf-8")
        if len(huidig) + len(data) > limiet:
            stukken.append(huidig.decode("utf-8"))
            huidig = b""
            limiet = breedte - 1  # continuation lines start with one space
        huidig += data
    stukken.append(huidig.decode("utf-8"))
    return "\r\n ".join(stukken)
