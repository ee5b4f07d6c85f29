"""The calendar file: one event per session, readable by Google, Outlook, Apple and Thunderbird.

On request: a reminder (VALARM) on every event, an event per onderdeel instead of per session,
and the follow-up meeting a draaiboek recommends (its `herhaling`, R4) after the last session.

The lines are written here, in exactly the form ics 0.7 (the project's pinned calendar library)
gives them: importing ics and arrow (tatsu, attrs) costs more start-up time than the rest of
`planner plan --ics` together. tests/test_ics.py checks the bytes against ics itself (plus the
calendar name, METHOD and zone, and the reminder after the event's properties, which ics 0.7
does not write). ics 0.7
lacks two things calendar programs rely on (RFC 5545): lines folded at 75 octets and CRLF line
ends everywhere. `_rfc5545` adds them, in one place.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from planner import __version__
from planner.kern.model import GeplandOnderdeel, Herhaling, Plan, Sessie
from planner.kern.planning import herhaling_van
from planner.kern.tekst import stap_regels
from planner.kern.tijd import Interval, deelnemers, plus_minuten, toon_datum, toon_duur
from planner.uitvoer.handout import indeling, materialen, merk_in_woorden

PRODID = f"-//planner//planner {__version__}//NL"
STANDAARD_ZONE = "Europe/Amsterdam"
_UID_NAAMRUIMTE = bytes.fromhex("6f1c2a526a8e4d8e9a576b1f0d1e7c11")


def uuid5(naamruimte: bytes, naam: str) -> str:
    """RFC 4122 name-based UUID (version 5), as uuid.uuid5 makes it: the uuid module imports
    platform and costs more start-up than the whole calendar (issue 12)."""
    cijfers = bytearray(hashlib.sha1(naamruimte + naam.encode("utf-8")).digest()[:16])
    cijfers[6] = (cijfers[6] & 0x0F) | 0x50  # version 5
    cijfers[8] = (cijfers[8] & 0x3F) | 0x80  # the RFC 4122 variant
    x = cijfers.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def _uid(plan: Plan, *delen: object, reeks: str = "") -> str:
    """What identifies the meeting: draaiboek, first start, zone, location and --reeks, plus `delen`
    (session number, onderdeel). Not the group size or the time available: re-exporting after such
    a change updates the events instead of duplicating them. Two meetings alike in all of this are
    told apart with --reeks."""
    sleutel = "|".join([plan.draaiboek.id, _utc(plan.sessies[0].start), plan.tz, plan.locatie, reeks,
                        *map(str, delen)])
    return f"{uuid5(_UID_NAAMRUIMTE, sleutel)}@planner"


def uid(plan: Plan, sessie: Sessie, reeks: str = "") -> str:
    return _uid(plan, sessie.nummer, reeks=reeks)


def _zone(plan: Plan) -> str:
    """' (Europe/London)' when the clock times are not Dutch/Belgian ones people assume."""
    return "" if plan.tz == STANDAARD_ZONE else f" ({plan.tz})"


def _van_tot(o: GeplandOnderdeel) -> str:
    """'13:30-14:15'; an onderdeel that ends on another day names that day."""
    if o.eind.date() != o.start.date():
        return f"{o.start:%H:%M}-{toon_datum(o.eind)} {o.eind:%H:%M}"
    return f"{o.start:%H:%M}-{o.eind:%H:%M}"


def _zonregel(plan: Plan) -> list[str]:
    return [] if plan.tz == STANDAARD_ZONE else [f"Tijden in tijdzone {plan.tz}."]


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
    regels += _zonregel(plan)
    regels.append("")
    for o in sessie.onderdelen:
        tijd = _van_tot(o)
        merk = _merk(o)
        regels.append(f"{tijd} {o.titel} ({o.duur_min} min){merk}")
    regels += ["", f"Bron: {plan.draaiboek.bron}"]
    return "\n".join(regels)


def uid_onderdeel(plan: Plan, sessie: Sessie, onderdeel: GeplandOnderdeel, reeks: str = "") -> str:
    return _uid(plan, sessie.nummer, onderdeel.id, reeks=reeks)


def uid_herhaling(plan: Plan, reeks: str = "") -> str:
    return _uid(plan, "herhaling", reeks=reeks)


def samenvatting_onderdeel(plan: Plan, onderdeel: GeplandOnderdeel) -> str:
    return f"{onderdeel.titel} · {plan.draaiboek.titel}"


def _merk(o: GeplandOnderdeel) -> str:
    woorden = merk_in_woorden(o)
    return f" ({woorden})" if woorden else ""


def beschrijving_onderdeel(plan: Plan, sessie: Sessie, o: GeplandOnderdeel) -> str:
    merk = _merk(o)
    regels = [f"{_van_tot(o)} {o.titel} ({o.duur_min} min){merk}", *_zonregel(plan)]
    if len(plan.sessies) > 1:
        regels.append(f"Sessie {sessie.nummer} van {len(plan.sessies)}")
    regels += indeling(o)
    if o.stappen:  # also the planner's own parts (welkom terug, vooruitblik), which have no bron
        regels += ["", "Stappen:"] + [_opsomming(t, diepte) for diepte, t in stap_regels(o.stappen)]
    nodig = materialen(plan, o) if o.bron is not None else []
    if nodig:
        regels += ["", "Nodig:"] + [_opsomming(i) for i in nodig]
    regels += ["", f"{plan.draaiboek.titel}, {deelnemers(plan.groep)}", f"Bron: {plan.draaiboek.bron}"]
    return "\n".join(regels)


def _opsomming(tekst: str, diepte: int = 0) -> str:
    """'- item'; a continuation line stays under its item, indented like the text after '- '."""
    inspringing = "  " * diepte
    return f"{inspringing}- " + tekst.replace("\n", f"\n{inspringing}  ")


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


def herinnering_tekst(naam: str, begin: datetime, minuten: int, zone: str = "") -> str:
    """'begint om 13:30 (over 15 min)' the same day; 'morgen om 13:30' when it rings the day before."""
    klok = f"{begin:%H:%M}{zone}"
    dagen = (begin.date() - plus_minuten(begin, -minuten).date()).days
    if dagen == 0:
        wanneer = f"om {klok} (over {toon_duur(minuten)})"
    elif dagen == 1:
        wanneer = f"morgen om {klok}"
    elif dagen == 2:
        wanneer = f"overmorgen om {klok}"
    else:
        wanneer = f"op {toon_datum(begin)} om {klok}"
    return f"Herinnering: {naam} begint {wanneer}."


def render(plan: Plan, herinnering: int | None = None, per_onderdeel: bool = False,
           herhaling: Interval | None = None, reeks: str = "", **_: Any) -> bytes:
    """The calendar: an event per session (or per onderdeel), optionally with reminders and the
    follow-up meeting the draaiboek recommends."""
    nu = _utc(datetime.now(UTC))
    regels = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}",
              # What Google and Outlook use to name and place a subscribed or imported calendar.
              "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(plan.draaiboek.titel)}", f"X-WR-TIMEZONE:{plan.tz}"]

    def afspraak(naam: str, begin: datetime, eind: datetime, sleutel: str, tekst: str) -> None:
        # The properties in ics 0.7's order (alphabetical by its serialiser's method names), then
        # the reminder, as RFC 5545 orders an event (ics 0.7 itself writes the VALARM first).
        regels.extend(["BEGIN:VEVENT", f"DTSTAMP:{nu}"])
        if tekst:
            regels.append(f"DESCRIPTION:{escape(tekst)}")
        regels.extend([f"DTEND:{_utc(eind)}", f"LAST-MODIFIED:{nu}"])  # a re-import is a newer version
        if plan.locatie:
            regels.append(f"LOCATION:{escape(plan.locatie)}")
        regels.append(f"DTSTART:{_utc(begin)}")
        if naam:
            regels.append(f"SUMMARY:{escape(naam)}")
        regels.append(f"UID:{sleutel}")
        if herinnering is not None:
            regels.extend(["BEGIN:VALARM", "ACTION:DISPLAY",
                           f"DESCRIPTION:{escape(herinnering_tekst(naam, begin, herinnering, _zone(plan)))}",
                           f"TRIGGER:{duur(timedelta(minutes=-herinnering))}", "END:VALARM"])
        regels.append("END:VEVENT")

    for sessie in plan.sessies:
        if per_onderdeel:
            for o in sessie.onderdelen:
                afspraak(samenvatting_onderdeel(plan, o), o.start, o.eind, uid_onderdeel(plan, sessie, o, reeks),
                         beschrijving_onderdeel(plan, sessie, o))
        else:
            afspraak(samenvatting(plan, sessie), sessie.start, sessie.eind, uid(plan, sessie, reeks),
                     beschrijving(plan, sessie))
    if herhaling is not None:
        extra = herhaling_van(plan.draaiboek)
        begin = herhaling_start(plan, herhaling)
        afspraak(extra.titel, begin, plus_minuten(begin, extra.minuten), uid_herhaling(plan, reeks),
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


# No raw control character may reach a calendar program: a NUL or ESC would end or corrupt the line.
_STUURTEKEN = re.compile("[\x00-\x1f\x7f-\x9f]")


def _rfc5545(tekst: str) -> bytes:
    regels = tekst.replace("\r\n", "\n").split("\n")
    gevouwen = [vouw(_STUURTEKEN.sub("", r)) for r in regels if r]
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
