"""The calendar file: one event per session, readable by Google, Outlook, Apple and Thunderbird.

Built with ics 0.7, which lacks two things calendar programs rely on (RFC 5545): lines folded at
75 octets and CRLF line ends everywhere. `_rfc5545` adds them, in one place.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from planner import __version__
from planner.model import Plan, Sessie

PRODID = f"-//planner//planner {__version__}//NL"
_UID_NAAMRUIMTE = uuid.UUID("6f1c2a52-6a8e-4d8e-9a57-6b1f0d1e7c11")


def uid(plan: Plan, sessie: Sessie) -> str:
    """Stable per draaiboek, first start and session number: a re-import updates, not duplicates."""
    sleutel = f"{plan.draaiboek.id}|{_utc(plan.sessies[0].start)}|{sessie.nummer}"
    return f"{uuid.uuid5(_UID_NAAMRUIMTE, sleutel)}@planner"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def samenvatting(plan: Plan, sessie: Sessie) -> str:
    titel = plan.draaiboek.titel
    if len(plan.sessies) > 1:
        return f"{titel} (deel {sessie.nummer} van {len(plan.sessies)})"
    return titel


def beschrijving(plan: Plan, sessie: Sessie) -> str:
    regels = [f"{plan.draaiboek.titel}, {plan.groep} deelnemers"]
    if plan.variant:
        regels.append(plan.variant.titel)
    regels.append("")
    for o in sessie.onderdelen:
        tijd = f"{o.start:%H:%M}-{o.eind:%H:%M}"
        merk = " (toegevoegd)" if o.toegevoegd else (" (geschatte minuten)" if o.geschat else "")
        regels.append(f"{tijd} {o.titel} ({o.duur_min} min){merk}")
    regels += ["", f"Bron: {plan.draaiboek.bron}"]
    return "\n".join(regels)


def render(plan: Plan, **_: Any) -> bytes:
    import arrow  # ics 0.7 works with arrow; both come with ics
    import ics

    kalender = ics.Calendar(creator=PRODID)
    nu = arrow.get(datetime.now(UTC))
    for sessie in plan.sessies:
        kalender.events.add(ics.Event(
            name=samenvatting(plan, sessie),
            begin=arrow.get(sessie.start.astimezone(UTC)),
            end=arrow.get(sessie.eind.astimezone(UTC)),
            uid=uid(plan, sessie),
            description=beschrijving(plan, sessie),
            location=plan.locatie or None,
            created=nu,  # ics 0.7 writes 'created' as DTSTAMP
        ))
    return _rfc5545(kalender.serialize())


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
