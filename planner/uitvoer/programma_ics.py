"""The calendar of a programme: one event per day of every meeting, in one file; and each meeting as a
file of its own (several mail and calendar programs import only the first event of a file).

Built with ics 0.7 and corrected by planner.uitvoer.ics.rfc5545, like the calendar of a single plan.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from planner.kern.programma import Dag, GeplandeBijeenkomst, ProgrammaPlan
from planner.kern.tijd import deelnemers
from planner.uitvoer.handout import agenda_voor_deelnemers, tijdvak
from planner.uitvoer.ics import _UID_NAAMRUIMTE, kalender


def _uid(pp: ProgrammaPlan, bij: GeplandeBijeenkomst, dag: Dag) -> str:
    """Stable across re-exports of the same programme, start, zone and location (group and time may change)."""
    eerste = pp.bijeenkomsten[0].start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    sleutel = "|".join(["programma", pp.programma.id, eerste, pp.tz, pp.locatie, str(bij.nummer), str(dag.nummer)])
    return f"{uuid.uuid5(_UID_NAAMRUIMTE, sleutel)}@planner"


def samenvatting(pp: ProgrammaPlan, bij: GeplandeBijeenkomst, dag: Dag) -> str:
    naam = pp.programma.titel
    if len(pp.bijeenkomsten) > 1:
        naam = f"{naam}: {bij.bijeenkomst.titel}"
    if len(bij.dagen) > 1:
        naam += f" (dag {dag.nummer} van {len(bij.dagen)})"
    return naam


def beschrijving(pp: ProgrammaPlan, dag: Dag) -> str:
    """What participants may read (P8): the blocks and their parts with times, no facilitator text."""
    regels = [f"{pp.programma.titel}, {deelnemers(pp.groep)}", ""]
    for b in dag.blokken:
        regels.append(f"{tijdvak(b)} {b.blok.titel}")
        if b.plan is not None and len(b.plan.sessies[0].onderdelen) > 1:
            for begin, eind, titel, _ in agenda_voor_deelnemers(b.plan.sessies[0]):
                regels.append(f"  {begin:%H:%M}-{eind:%H:%M} {titel}")
    if pp.tz != "Europe/Amsterdam":
        regels += ["", f"Tijden in tijdzone {pp.tz}."]
    return "\n".join(regels)


def _uid_deel(pp: ProgrammaPlan, bij: GeplandeBijeenkomst, dag: Dag, blok: int, rij: int) -> str:
    """Stable like the day's UID, one for each row of the day."""
    return f"{uuid.uuid5(_UID_NAAMRUIMTE, f'{_uid(pp, bij, dag)}|{blok}|{rij}')}@planner"


def _per_onderdeel(pp: ProgrammaPlan, bij: GeplandeBijeenkomst, dag: Dag) -> list[tuple[str, datetime, datetime,
                                                                                          str, str]]:
    """--per-onderdeel: one event per row of the participants' programme of each block (the rows a single
    plan's participants' calendar has, planner.uitvoer.ics), and one for each own item or break."""
    afspraken = []
    for nummer, b in enumerate(dag.blokken, start=1):
        if b.plan is None:
            afspraken.append((b.blok.titel, b.start, b.eind, _uid_deel(pp, bij, dag, nummer, 0),
                              f"{tijdvak(b)} {b.blok.titel}\n\n{pp.programma.titel}"))
            continue
        for rij, (begin, eind, titel, _) in enumerate(agenda_voor_deelnemers(b.plan.sessies[0]), start=1):
            afspraken.append((f"{titel} · {b.blok.titel}", begin, eind, _uid_deel(pp, bij, dag, nummer, rij),
                              f"{begin:%H:%M}-{eind:%H:%M} {titel}\n\n{b.blok.titel}\n{pp.programma.titel}"))
    return afspraken


def render(pp: ProgrammaPlan, herinnering: int | None = None, alleen: int | None = None, per_onderdeel: bool = False,
           dag: int | None = None, gemaakt: datetime | None = None, **_: Any) -> bytes:
    """The calendar: every day of every meeting, or (alleen) only the days of that meeting, or (alleen and dag)
    only that day of it; per_onderdeel, an event per row of the participants' programme instead of one per
    day. The events and UIDs are the same in each."""
    afspraken = []
    for bij in pp.bijeenkomsten:
        if alleen is not None and bij.nummer != alleen:
            continue
        for d in bij.dagen:
            if dag is not None and d.nummer != dag:
                continue
            if per_onderdeel:
                afspraken += _per_onderdeel(pp, bij, d)
            else:
                afspraken.append((samenvatting(pp, bij, d), d.start, d.eind, _uid(pp, bij, d), beschrijving(pp, d)))
    return kalender(pp.programma.titel, pp.tz, pp.locatie, afspraken, herinnering, gemaakt=gemaakt)
