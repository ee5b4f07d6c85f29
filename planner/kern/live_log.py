"""The log of a running session (`planner live --log`): planned against actual per onderdeel, one
row per pause and per agreement, in the --format csv dialect. Pure: it reads a Stand and writes
text; kern.live_staat decides when."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from planner.kern.herplan import afgesproken_eind
from planner.kern.live_stand import (
    AFGEBROKEN,
    AFSPRAAK,
    BEZIG,
    GEDAAN,
    GESTOPT,
    LOGKOLOMMEN,
    NIET_BEREIKT,
    OVERGESLAGEN,
    PAUZE,
    VERVALLEN,
    Stand,
    pauze_min,
)
from planner.kern.model import GeplandOnderdeel, Plan
from planner.kern.tijd import hele_minuten


def logrijen(stand: Stand, origineel: Plan, sessienummer: int) -> list[dict[str, str]]:
    """Planned against actual per onderdeel: the original plan's times, and what happened."""
    oorspronkelijk = origineel.sessies[sessienummer - 1].onderdelen
    onderdelen = stand.plan.sessies[sessienummer - 1].onderdelen
    bekend = {o.id for o in oorspronkelijk}
    volgorde = list(oorspronkelijk)
    # A 'vrije ruimte' the re-plan added and that was lived through belongs in the log too.
    for i, o in enumerate(onderdelen):
        if o.id not in bekend and o.id in stand.werkelijk:
            na = next((x.id for x in onderdelen[i + 1:] if x.id in bekend), None)
            plek = len(volgorde) if na is None else [x.id for x in volgorde].index(na)
            volgorde.insert(plek, o)
            bekend.add(o.id)  # once: a re-plan that keeps its 'vrije ruimte' names it again
    geplande = {x.id for x in oorspronkelijk}
    rijen = [_logrij(stand, o, o.id in geplande) for o in volgorde]
    # Each pause is a row of its own, after the part it interrupted.
    for nummer, (van, tot, id_) in enumerate(stand.pauzes, start=1):
        plek = next((i for i, r in enumerate(rijen) if r["id"] == id_), len(rijen) - 1) + 1
        while plek < len(rijen) and rijen[plek]["status"] == PAUZE:
            plek += 1
        rijen.insert(plek, _vrije_rij(f"pauze-{nummer}", "Pauze (klok stilgezet)", van, tot, PAUZE))
    if stand.eind is not None and stand.eind_afgesproken_om is not None:
        oud = afgesproken_eind(origineel, origineel.sessies[sessienummer - 1])
        rijen.append(_vrije_rij("later-einde", f"Later einde afgesproken: {stand.eind:%H:%M} in plaats van "
                                f"{oud:%H:%M}", stand.eind_afgesproken_om, None, AFSPRAAK))
    for rij in rijen:
        rij["draaiboek"] = origineel.draaiboek.id
        rij["sessie"] = str(sessienummer)
    return rijen


def _logrij(stand: Stand, o: GeplandOnderdeel, gepland: bool) -> dict[str, str]:
    start, eind = stand.werkelijk.get(o.id, (None, None))
    if o.id in stand.werkelijk:
        status = GEDAAN if eind is not None else BEZIG
        if eind is not None and stand.gestopt and o.id == stand.huidig:
            status = AFGEBROKEN if stand.afgebroken else GESTOPT
    elif o.id in stand.overgeslagen:
        status = OVERGESLAGEN
    elif o.id in stand.niet_bereikt:
        status = NIET_BEREIKT
    elif o.id in stand.vervallen:
        status = VERVALLEN
    else:
        status = ""
    verschil = ""
    if gepland and start is not None and eind is not None:
        # A pause is its own row: it does not count towards the part it interrupted.
        seconden = (eind - start).total_seconds() - pauze_min(stand, o.id) * 60 - o.duur_min * 60
        verschil = str(hele_minuten(seconden))
    return {
        "id": o.id,
        "titel": o.titel,
        "gepland_start": _moment(o.start) if gepland else "",
        "gepland_eind": _moment(o.eind) if gepland else "",
        "werkelijk_start": _moment(start),
        "werkelijk_eind": _moment(eind),
        "minuten_verschil": verschil,
        "status": status,
    }


def log_csv(rijen: list[dict[str, str]]) -> bytes:
    """The log in the --format csv dialect: UTF-8 with BOM, ';' between fields."""
    buffer = io.StringIO()
    schrijver = csv.DictWriter(buffer, fieldnames=LOGKOLOMMEN, delimiter=";", lineterminator="\r\n")
    schrijver.writeheader()
    schrijver.writerows(rijen)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _vrije_rij(id_: str, titel: str, van: datetime, tot: datetime | None, status: str) -> dict[str, str]:
    """A log row that is no onderdeel: a pause, an agreement."""
    return {"id": id_, "titel": titel, "gepland_start": "", "gepland_eind": "", "werkelijk_start": _moment(van),
            "werkelijk_eind": _moment(tot), "minuten_verschil": "", "status": status}


def _moment(moment: datetime | None) -> str:
    # The log keeps the seconds: terugblik rounds them by the one rule (kern.tijd).
    return "" if moment is None else f"{moment:%Y-%m-%d %H:%M:%S}"
