"""Dates that fall on a public holiday or a Sunday (issue 19.5).

The planner chooses dates itself (every later session `--interval` after the first, the herhaling
`--herhaling` after the last) and a facilitator does not want to find out in the invitation that
session 2 is on Christmas Day. Pure: the holidays arrive as data (a date -> name mapping, built
outside the core from the `holidays` library), so this module reads no clock and no calendar.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from planner.kern.fouten import InvoerFout
from planner.kern.model import Plan
from planner.kern.tijd import toon_datum

LANDEN = ("NL", "BE")
# The zone decides the country when --land is not given; other zones get the Sunday check only.
LAND_VAN_ZONE = {"Europe/Amsterdam": "NL", "Europe/Brussels": "BE"}
ZONDAG = 6


def lees_land(tekst: str) -> str:
    """--land: NL or BE, in any case."""
    land = tekst.strip().upper()
    if land not in LANDEN:
        raise InvoerFout(f"--land '{tekst}' ken ik niet: kies NL (Nederland) of BE (België).")
    return land


def land_voor(tz: str, land: str | None = None) -> str | None:
    """The country whose public holidays count: --land, else the zone's, else none."""
    return lees_land(land) if land is not None else LAND_VAN_ZONE.get(tz)


@dataclass(frozen=True)
class Datum:
    """A date to check: who falls on it ("Sessie 2") and how the user moves it."""

    wie: str
    moment: datetime
    verschuif: str


def te_controleren(plan: Plan, *, start_gegeven: bool, herhaling: tuple[str, datetime] | None = None
                   ) -> list[Datum]:
    """The plan's dates worth a warning: the planner's own choices (later sessions, the herhaling) and
    the first session when the user gave --start (an assumed "tomorrow" is a placeholder, not a date)."""
    meer = len(plan.sessies) > 1
    data = []
    for sessie in plan.sessies:
        if sessie.nummer == 1 and not start_gegeven:
            continue
        wie = f"Sessie {sessie.nummer}" if meer else "De bijeenkomst"
        verschuif = "kies een andere --start" if sessie.nummer == 1 else "kies een andere --start of --interval"
        data.append(Datum(wie, sessie.start, verschuif))
    if herhaling is not None:
        titel, moment = herhaling
        data.append(Datum(f"De herhalingsbijeenkomst ({titel})", moment, "kies een andere --herhaling"))
    return data


def live_te_controleren(plan: Plan, nummer: int, *, start_gegeven: bool) -> list[Datum]:
    """For `planner live`: the date of the session it runs, when that date was chosen rather than
    'now' (a --start, or a later session the planner dated --interval after the first). Started
    without either, the session runs today and a warning would come too late to help."""
    sessie = next((s for s in plan.sessies if s.nummer == nummer), None)
    if sessie is None:
        return []
    return [d for d in te_controleren(plan, start_gegeven=start_gegeven) if d.moment == sessie.start]


def vrij(dag: date, feestdagen: Mapping[date, str]) -> str | None:
    """Why nobody meets on `dag`: the holiday's name, 'een zondag', or None."""
    if dag in feestdagen:
        return feestdagen[dag]
    return "een zondag" if dag.weekday() == ZONDAG else None


def volgende_werkdag(dag: date, feestdagen: Mapping[date, str]) -> date:
    """The first Monday-to-Friday after `dag` that is no public holiday."""
    dag += timedelta(days=1)
    while dag.weekday() >= 5 or dag in feestdagen:
        dag += timedelta(days=1)
    return dag


def datum_meldingen(data: list[Datum], feestdagen: Mapping[date, str]) -> list[str]:
    """One warning per date on a holiday or a Sunday, naming the day and the next working day."""
    meldingen = []
    for datum in data:
        dag = datum.moment.date()
        reden = vrij(dag, feestdagen)
        if reden is None:
            continue
        werkdag = volgende_werkdag(dag, feestdagen)
        volgende = toon_datum(datetime.combine(werkdag, datum.moment.time()))
        dag_tekst = toon_datum(datum.moment)
        waarop = dag_tekst if reden == "een zondag" else f"{reden} ({dag_tekst})"
        meldingen.append(f"{datum.wie} valt op {waarop}; de eerstvolgende werkdag "
                         f"is {volgende}: {datum.verschuif} als je die dag liever niet bijeenkomt.")
    return meldingen


def jaren(data: list[Datum]) -> list[int]:
    """The years whose holidays the check needs (the next year too: the next working day may be in it)."""
    return sorted({j for d in data for j in (d.moment.year, d.moment.year + 1)})
