"""The calendar file: one event per session, readable by Google, Outlook, Apple and Thunderbird.

On request: a reminder (VALARM) on every event, an event per onderdeel instead of per session,
and the follow-up meeting a draaiboek recommends (its `herhaling`, R4) after the last session.

The calendar is built from ics objects (the project's pinned calendar library, 0.7) and serialised
by ics; `rfc5545` then corrects, in one place, the few things ics 0.7 writes against RFC 5545.
ics (with arrow, tatsu and attrs) is imported in `render` only: a plan without --ics never loads it.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from planner import __version__
from planner.kern.model import GeplandOnderdeel, Herhaling, Plan, Sessie
from planner.kern.planning import herhaling_start, herhaling_van
from planner.kern.tekst import stap_regels
from planner.kern.tijd import Interval, deelnemers, plus_minuten, toon_datum, toon_duur
from planner.uitvoer.handout import (
    agenda_voor_deelnemers,
    eind_voor_deelnemers,
    indeling,
    is_van_de_planner,
    is_van_het_team,
    materialen,
    merk_in_woorden,
)

PRODID = f"-//planner//planner {__version__}//NL"
STANDAARD_ZONE = "Europe/Amsterdam"
# Fixed for good: with the names below it makes the UIDs of every export, earlier ones included.
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


def beschrijving_deelnemers(plan: Plan, sessie: Sessie) -> str:
    """What a participant reads in the event (issue 19.8): why, their own programme, what to bring.

    Nothing for the facilitator's eyes: no group size, marks, source or parts the planner added, and
    no part of the team's own (the ontmoeting's reflection after the guest has left)."""
    from planner.uitvoer.uitnodiging import waarom

    d = plan.draaiboek
    regels = [d.titel]
    if reden := waarom(d.uitleg_deelnemers):
        regels.append(reden)
    regels += _zonregel(plan)
    regels += ["", "Programma:"]
    regels += [f"{start:%H:%M} {titel}" for start, _, titel, _ in agenda_voor_deelnemers(sessie)]
    regels.append(f"{eind_voor_deelnemers(sessie):%H:%M} Einde")
    if d.meenemen:
        regels += ["", f"Neem mee: {'; '.join(d.meenemen)}"]
    return "\n".join(regels)


def _afspraken_deelnemers(plan: Plan, sessie: Sessie, per_onderdeel: bool, reeks: str,
                          afspraak: Callable[[str, datetime, datetime, str, str], None]) -> None:
    """The participants' events of a session: it ends when their part ends; per onderdeel, one event
    per row of their programme (the same UID as the facilitator's event of that part)."""
    if not per_onderdeel:
        afspraak(samenvatting(plan, sessie), sessie.start, eind_voor_deelnemers(sessie), uid(plan, sessie, reeks),
                 beschrijving_deelnemers(plan, sessie))
        return
    # agenda_voor_deelnemers has a row for each part that is neither the planner's nor the team's.
    eigen = [o for o in sessie.onderdelen if not is_van_het_team(o) and not is_van_de_planner(o)]
    for o, (start, eind, titel, _) in zip(eigen, agenda_voor_deelnemers(sessie), strict=True):
        regels = [f"{start:%H:%M}-{eind:%H:%M} {titel}", *_zonregel(plan)]
        if len(plan.sessies) > 1:
            regels.append(f"Bijeenkomst {sessie.nummer} van {len(plan.sessies)}")
        regels += ["", plan.draaiboek.titel]
        afspraak(f"{titel} · {plan.draaiboek.titel}", start, eind, uid_onderdeel(plan, sessie, o, reeks),
                 "\n".join(regels))


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
           herhaling: Interval | None = None, reeks: str = "", voor: str = "begeleider",
           alleen: int | str | None = None, gemaakt: datetime | None = None, **_: Any) -> bytes:
    """The calendar: an event per session (or per onderdeel), optionally with reminders and the
    follow-up meeting the draaiboek recommends.

    `alleen`: only session N (a number), or only the follow-up meeting ("herhaling"), with the same
    events and UIDs as in the whole file: the file of one session for the programs that import only
    the first event of a file (`losse_bestanden`).

    `voor="deelnemers"` (the file that goes with the invitation, or --voor deelnemers): each session
    ends when the participants' part ends and its text is theirs (`beschrijving_deelnemers`); per
    onderdeel, only the rows of their programme, without steps or materials. The UIDs stay the
    facilitator's: the same meeting in two calendars."""

    afspraken: list[Afspraak] = []

    def afspraak(naam: str, begin: datetime, eind: datetime, sleutel: str, tekst: str) -> None:
        afspraken.append((naam, begin, eind, sleutel, tekst))

    for sessie in plan.sessies:
        if alleen is not None and alleen != sessie.nummer:
            continue
        if voor == "deelnemers":
            _afspraken_deelnemers(plan, sessie, per_onderdeel, reeks, afspraak)
        elif per_onderdeel:
            for o in sessie.onderdelen:
                afspraak(samenvatting_onderdeel(plan, o), o.start, o.eind, uid_onderdeel(plan, sessie, o, reeks),
                         beschrijving_onderdeel(plan, sessie, o))
        else:
            afspraak(samenvatting(plan, sessie), sessie.start, sessie.eind, uid(plan, sessie, reeks),
                     beschrijving(plan, sessie))
    if herhaling is not None and alleen in (None, "herhaling"):
        extra = herhaling_van(plan.draaiboek)
        begin = herhaling_start(plan, herhaling)
        tekst = (f"{extra.titel}, na {plan.draaiboek.titel}" if voor == "deelnemers"
                 else beschrijving_herhaling(plan, extra))
        afspraak(extra.titel, begin, plus_minuten(begin, extra.minuten), uid_herhaling(plan, reeks), tekst)
    return kalender(plan.draaiboek.titel, plan.tz, plan.locatie, afspraken, herinnering, _zone(plan), gemaakt)


def losse_bestanden(pad: Path, plan: Plan, herhaling: bool = False) -> list[tuple[Path, int | str]]:
    """Next to a calendar file of more than one session (or with the follow-up meeting), each of them in a
    file of its own: agenda-1.ics, agenda-2.ics, … and agenda-herhaling.ics, each with its `alleen`.
    Several mail and calendar programs import only the first event of a file. None for one session alone."""
    delen: list[int | str] = [s.nummer for s in plan.sessies] + (["herhaling"] if herhaling else [])
    if len(delen) < 2:
        return []
    return [(ernaast(pad, deel), deel) for deel in delen]


def ernaast(pad: Path, *delen: int | str) -> Path:
    """The calendar file of a part next to the whole one: agenda.ics → agenda-2.ics, agenda-1-2.ics."""
    return pad.with_name(f"{pad.stem}-{'-'.join(str(d) for d in delen)}{pad.suffix or '.ics'}")


# One event: its name, begin, end, UID and description.
Afspraak = tuple[str, datetime, datetime, str, str]


def kalender(titel: str, tz: str, locatie: str, afspraken: list[Afspraak], herinnering: int | None = None,
             zone: str = "", gemaakt: datetime | None = None) -> bytes:
    """The .ics file with these events in this order (a plan's or a programme's), each with the reminder.

    `gemaakt`, the moment of writing (DTSTAMP), comes from the command line's clock (planner.cli.klok);
    only a call from Python without it reads the clock here. It is the one line that differs between
    two runs: the file is otherwise byte for byte the same (no LAST-MODIFIED, which would be a second)."""
    import ics
    from ics.alarm import DisplayAlarm
    from ics.grammar.parse import ContentLine
    from ics.utils import escape_string

    nu = (gemaakt or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    uit = ics.Calendar(creator=PRODID)
    # What Google and Outlook use to name and place a subscribed or imported calendar. METHOD goes
    # here too, not in `kalender.method`: ics 0.7 writes that one after the events, where RFC 5545
    # allows no calendar property. An extra line is written as given, so its TEXT is escaped here.
    uit.extra.extend([ContentLine("METHOD", value="PUBLISH"),
                      ContentLine("X-WR-CALNAME", value=escape_string(titel)),
                      ContentLine("X-WR-TIMEZONE", value=tz)])
    events: list[ics.Event] = []
    for naam, begin, eind, sleutel, tekst in afspraken:
        # ics writes the times in UTC (…Z): exact in every program, no VTIMEZONE needed.
        # `created` is what ics 0.7 writes as DTSTAMP: a program that imports the file again sees a newer
        # version of each event by it (same UID, later DTSTAMP).
        event = ics.Event(name=naam, begin=begin, end=eind, uid=sleutel, description=tekst or None,
                          location=locatie or None, created=nu)
        if herinnering is not None:
            tekst_alarm = herinnering_tekst(naam, begin, herinnering, zone)
            event.alarms.append(DisplayAlarm(trigger=timedelta(minutes=-herinnering), display_text=tekst_alarm))
        events.append(event)
    # ics 0.7 keeps events in a set (ordered by a hash of the UID); its serialiser only iterates
    # them, so a list keeps them in the plan's order, as people read the file.
    uit.events = events  # type: ignore[assignment]
    with warnings.catch_warnings():
        # ics 0.7 serialises each alarm with str(alarm), which warns about ics 0.9 on every call.
        warnings.filterwarnings("ignore", message="Behaviour of str", category=FutureWarning)
        return rfc5545(uit.serialize())


def rfc5545(tekst: str) -> bytes:
    """What ics 0.7 serialises, corrected where it departs from RFC 5545; nothing else changes.

    No control character reaches this point: planner.uitvoer.render hands every format but json
    a cleaned plan (planner.veilig), and ics escapes the newlines in TEXT values.

    1. Each VALARM moves behind its event's properties: ics writes it first, RFC 5545 3.6.1
       orders an event as properties, then alarms (`eventc`), and strict readers keep to it.
    2. Lines longer than 75 octets are folded (RFC 5545 3.1): ics 0.7 does not fold at all. The
       fold falls between UTF-8 characters, never inside one.
    3. Every line ends with CRLF, the last one too: ics 0.7 puts none after END:VCALENDAR.
    """
    regels: list[str] = []
    alarmen: list[str] = []  # the current event's, held until its END:VEVENT
    in_alarm = False
    for regel in tekst.split("\r\n"):
        in_alarm = in_alarm or regel == "BEGIN:VALARM"
        if in_alarm:
            alarmen.append(regel)
            in_alarm = regel != "END:VALARM"
            continue
        if regel == "END:VEVENT":
            regels += alarmen
            alarmen = []
        if regel:
            regels.append(regel)
    return "".join(vouw(r) + "\r\n" for r in regels).encode("utf-8")


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
