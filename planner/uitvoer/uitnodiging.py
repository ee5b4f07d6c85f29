"""A short Dutch invitation a facilitator pastes into an e-mail to the participants.

Plain text: what, why (the draaiboek's own description, shortened), when (every session with day,
date and times), where, what to bring, and the programme in a few lines. Nothing for the
facilitator's eyes only: no instructions, questions, advice or parts the planner added.
"""

from __future__ import annotations

import re
from typing import Any

from planner.kern.model import Plan
from planner.kern.tijd import toon_datum
from planner.uitvoer import handout

# The description is the source's, written for facilitators; its sentences about the template
# itself ("Je kunt het draaiboek integraal overnemen…") mean nothing to a participant.
OVER_HET_DRAAIBOEK = re.compile(r"\bdraaiboek", re.IGNORECASE)
MAX_WAAROM = 320


def waarom(beschrijving: str) -> str:
    """The first sentences of the participants' explanation (Draaiboek.uitleg_deelnemers, never the
    facilitator's description), up to about two lines of an e-mail, whole sentences only."""
    zinnen = [z for z in re.split(r"(?<=[.!?])\s+", " ".join(beschrijving.split())) if z]
    gekozen: list[str] = []
    for zin in zinnen:
        if OVER_HET_DRAAIBOEK.search(zin):
            continue
        if gekozen and len(" ".join([*gekozen, zin])) > MAX_WAAROM:
            break
        gekozen.append(zin)
        if len(gekozen) == 2:
            break
    return " ".join(gekozen)


def _wanneer(plan: Plan) -> list[str]:
    if len(plan.sessies) == 1:
        return [f"Wanneer: {handout.data(plan, 'deelnemers')[0]}"]
    regels = [f"Wanneer ({len(plan.sessies)} bijeenkomsten):"]
    data = handout.data(plan, "deelnemers")
    regels += [f"- bijeenkomst {s.nummer}: {d}" for s, d in zip(plan.sessies, data, strict=True)]
    return regels


def _programma(plan: Plan) -> list[str]:
    regels = ["Programma:"]
    for sessie in plan.sessies:
        if len(plan.sessies) > 1:
            regels.append(f"Bijeenkomst {sessie.nummer} ({toon_datum(sessie.start)}):")
        regels += [f"  {start:%H:%M}  {titel}" for start, _, titel, _ in handout.agenda_voor_deelnemers(sessie)]
        regels.append(f"  {handout.eind_voor_deelnemers(sessie):%H:%M}  Einde")
    return regels


def onderwerp(plan: Plan) -> str:
    return f"Uitnodiging: {plan.draaiboek.titel}, {toon_datum(plan.sessies[0].start)}"


def render(plan: Plan, begeleiders: tuple[str, ...] | list[str] = (), bijlage: str = "", **_: Any) -> str:
    d = plan.draaiboek
    regels = [f"Onderwerp: {onderwerp(plan)}", "", "Beste deelnemer,", "",
              f"Je bent van harte uitgenodigd voor '{d.titel}'."]
    reden = waarom(d.uitleg_deelnemers)
    if reden:
        regels.append(reden)
    regels += ["", *_wanneer(plan)]
    if plan.locatie:
        regels.append(f"Waar: {plan.locatie}")
    if d.meenemen:
        regels.append(f"Neem mee: {'; '.join(d.meenemen)}")
    regels += ["", *_programma(plan), ""]
    return slot(regels, bijlage, len(plan.sessies), begeleiders)


def slot(regels: list[str], bijlage: str, afspraken: int, begeleiders: tuple[str, ...] | list[str]) -> str:
    """The invitation's end, for one draaiboek and for a programme: the attachment, the greeting and
    who sends it."""
    if bijlage:
        # One event per session (or day): the verb agrees with how many there are.
        woorden = "staat de afspraak" if afspraken == 1 else "staan de afspraken"
        regels = [*regels, f"In de bijlage ({bijlage}) {woorden} voor je agenda.", ""]
    regels = [*regels, "Tot dan!", ""]
    if begeleiders:
        namen = list(begeleiders)
        regels += ["Met vriendelijke groet,",
                   namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]]
    return "\n".join(regels).rstrip("\n") + "\n"
