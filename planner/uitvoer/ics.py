"""The calendar file: one event per session, readable by Google, Outlook, Apple and Thunderbird.

On request: a reminder (VALARM) on every event, an event per onderdeel instead of per session,
and the follow-up meeting a draaiboek recommends (its `herhaling`, R4) after the last session.

Built with ics 0.7, which lacks two things calendar programs rely on (RFC 5545): lines folded at
75 octets and CRLF line ends everywhere. `_rfc5545` adds them, in one place.
"""

from __future__ import annotations

import re
import uuid
import warnings
from datetime import UTC, datetime, timedelta
from typing import Any

from planner import __version__
from planner.model import GeplandOnderdeel, Herhaling, Plan, Sessie
from planner.planning import herhaling_van
from planner.tekst import groepjes_tekst, per_persoon_tekst
from planner.tijd import Interval, deelnemers, plus_minuten, toon_datum, toon_duur
from planner.uitvoer.handout import materialen, merk_in_woorden

PRODID = f"-//planner//planner {__version__}//NL"
STANDAARD_ZONE = "Europe/Amsterdam"
_UID_NAAMRUIMTE = uuid.UUID("6f1c2a52-6a8e-4d8e-9a57-6b1f0d1e7c11")


def _uid(plan: Plan, *delen: object, reeks: str = "") -> str:
    """What identifies the meeting: draaiboek, first start, zone, location and --reeks, plus `delen`
    (session number, onderdeel). Not the group size or the time available: re-exporting after such
    a change updates the events instead of duplicating them. Two meetings alike in all of this are
    told apart with --reeks."""
    sleutel = "|".join([plan.draaiboek.id, _utc(plan.sessies[0].start), plan.tz, plan.locatie, reeks,
                        *map(str, delen)])
    return f"{uuid.uuid5(_UID_NAAMRUIMTE, sleutel)}@planner"


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
    regels += [t for t in (o.werkvorm, groepjes_tekst(o.groepjes), per_persoon_tekst(o.per_persoon_min)) if t]
    if o.bron is not None:
        for kop, items in (("Instructies", o.bron.instructies), ("Vragen", o.bron.vragen),
                           ("Nodig", materialen(plan, o))):
            if items:
                # A continuation line stays under its item, indented like the text after "- ".
                regels += ["", f"{kop}:"] + [f"- {i}".replace("\n", "\n  ") for i in items]
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
    import arrow  # ics 0.7 works with arrow; both come with ics
    import ics
    from ics.alarm import DisplayAlarm

    kalender = ics.Calendar(creator=PRODID)
    nu = arrow.get(datetime.now(UTC))
    # ics 0.7 keeps events in a set; a list keeps them in the order of the plan in the file.
    afspraken: list[ics.Event] = []

    def afspraak(naam: str, begin: datetime, eind: datetime, sleutel: str, tekst: str) -> None:
        event = ics.Event(
            name=naam,
            begin=arrow.get(begin.astimezone(UTC)),
            end=arrow.get(eind.astimezone(UTC)),
            uid=sleutel,
            description=tekst,
            location=plan.locatie or None,
            created=nu,  # ics 0.7 writes 'created' as DTSTAMP
            last_modified=nu,  # a re-import under the same UID is a newer version
        )
        if herinnering is not None:
            event.alarms.append(DisplayAlarm(trigger=timedelta(minutes=-herinnering),
                                             display_text=herinnering_tekst(naam, begin, herinnering,
                                                                            _zone(plan))))
        afspraken.append(event)

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
    with warnings.catch_warnings():
        # ics 0.7 serialises alarms with str(), which warns about its own future; not ours to fix.
        warnings.filterwarnings("ignore", message="Behaviour of str", category=FutureWarning)
        leeg = kalender.serialize().replace("\r\n", "\n")
        inhoud = "".join(_alarmen_achteraan(event.serialize().replace("\r\n", "\n")) + "\n"
                         for event in afspraken)
        # What Google and Outlook use to name and place a subscribed or imported calendar.
        kop = (f"METHOD:PUBLISH\nX-WR-CALNAME:{_tekstwaarde(plan.draaiboek.titel)}\n"
               f"X-WR-TIMEZONE:{plan.tz}\n")
        return _rfc5545(leeg.replace("END:VCALENDAR", kop + inhoud + "END:VCALENDAR"))


def _tekstwaarde(tekst: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, ';', ',' and line breaks escaped."""
    return (tekst.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\n", "\\n"))


def _alarmen_achteraan(event: str) -> str:
    """ics 0.7 writes VALARM in the middle of the event; RFC 5545 puts the properties first."""
    regels = event.split("\n")
    eigen: list[str] = []
    alarmen: list[str] = []
    in_alarm = False
    for regel in regels:
        if regel == "BEGIN:VALARM":
            in_alarm = True
        (alarmen if in_alarm else eigen).append(regel)
        if regel == "END:VALARM":
            in_alarm = False
    einde = eigen.index("END:VEVENT") if "END:VEVENT" in eigen else len(eigen)
    return "\n".join(eigen[:einde] + alarmen + eigen[einde:])


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
