"""A programme: several draaiboeken and own items in one meeting, each block keeping its own rules.

Every draaiboek block is planned by `planner.kern.planning.maak_plan` (its variant by group size, its
bounds, its anchored closing R8, its keep-together groups, its split policy); this module only decides
how many minutes each block gets, within the bounds the block's own plan allows, and where a meeting
needs more days, where it is split: only between blocks, at breaks first, fewest days.

Pure: plain dataclasses in, a ProgrammaPlan out, or a PlannerFout. It never prints or reads the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from planner.kern.fouten import PlanFout
from planner.kern.maten import GRID, PAUZE_NA_MIN
from planner.kern.model import VRIJE_RUIMTE, Draaiboek, GeplandOnderdeel, Plan
from planner.kern.nodig import Benodigdheid, benodigdheden, samengevoegd
from planner.kern.planning import maak_plan
from planner.kern.programma_model import Bijeenkomst, Blok, Programma
from planner.kern.tijd import Interval, plus_minuten, toon_duur
from planner.kern.vraag import Vraag

# The planner's own guideline, not a source's: a day longer than this gets a lunch.
LUNCH_NA_MIN = 240
LUNCH_MIN = 30


@dataclass(frozen=True)
class GeplandBlok:
    """A block as planned: a draaiboek block carries its own Plan (one session), the others one part."""

    blok: Blok
    start: datetime
    eind: datetime
    plan: Plan | None = None
    onderdeel: GeplandOnderdeel | None = None

    @property
    def duur_min(self) -> int:
        if self.plan is not None:
            return sum(s.duur_min for s in self.plan.sessies)
        assert self.onderdeel is not None
        return self.onderdeel.duur_min


@dataclass(frozen=True)
class Dag:
    """One day of a meeting: the blocks planned on it, one after another."""

    nummer: int
    start: datetime
    eind: datetime
    blokken: tuple[GeplandBlok, ...]

    @property
    def duur_min(self) -> int:
        return sum(b.duur_min for b in self.blokken)


@dataclass(frozen=True)
class GeplandeBijeenkomst:
    """A meeting with its days (one, unless it needs more) and its warnings."""

    nummer: int
    bijeenkomst: Bijeenkomst
    dagen: tuple[Dag, ...]
    tijd_min: int
    waarschuwingen: tuple[str, ...] = ()
    vervallen: tuple[str, ...] = ()  # titles of breaks the time between days replaces

    @property
    def start(self) -> datetime:
        return self.dagen[0].start

    @property
    def eind(self) -> datetime:
        return self.dagen[-1].eind


@dataclass(frozen=True)
class ProgrammaPlan:
    """What the planner made of a programme for one group."""

    programma: Programma
    groep: int
    bijeenkomsten: tuple[GeplandeBijeenkomst, ...]
    waarschuwingen: tuple[str, ...] = ()
    tz: str = "Europe/Amsterdam"
    locatie: str = ""
    start_aangenomen: bool = False

    @property
    def plannen(self) -> list[Plan]:
        """Every draaiboek block's own plan, in order (for materials, cards, ...)."""
        return [b.plan for bij in self.bijeenkomsten for d in bij.dagen for b in d.blokken if b.plan is not None]


# ------------------------------------------------------------------------ a block's own bounds


@dataclass(frozen=True)
class Grenzen:
    """The minutes a block can have in one session: its minimum, its own duration and its maximum."""

    laag: int
    nominaal: int
    hoog: int
    splitsbaar: bool = False


def blokvraag(blok: Blok, vraag: Vraag, tijd: int | None, start: datetime | None) -> Vraag:
    """The question for one draaiboek block: the programme's group and zone, the block's own options.
    A block is planned in one session here: --interval (the step between the days of a meeting) is checked
    for the days (planner.kern.traject), and only a block over its own days (R5) takes it along."""
    return replace(vraag, tijd_min=tijd, start=start, variant=blok.variant, zonder=blok.zonder,
                   strategie=blok.strategie, vooraf=(), daarna=(), interval=Interval(dagen=7))


def _in_een_sessie(d: Draaiboek, vraag: Vraag) -> Plan | None:
    try:
        plan = maak_plan(d, vraag)
    except PlanFout:
        return None
    return plan if len(plan.sessies) == 1 else None


def _ruim(plan: Plan) -> bool:
    """True when the plan uses all its time: no part had to leave room free (vrij, vrije ruimte)."""
    return plan.vrij_min == 0 and not any(o.id == VRIJE_RUIMTE for s in plan.sessies for o in s.onderdelen)


def grenzen_van(blok: Blok, vraag: Vraag, start: datetime) -> Grenzen:
    """A block's bounds, asked of its own plan (maak_plan) rather than worked out again here."""
    if blok.draaiboek is None:
        return Grenzen(blok.minuten, blok.minuten, blok.minuten)
    d = blok.draaiboek
    # Without a time: the duration the draaiboek names; a group it does not allow raises here. Only the
    # minutes the block uses count: a filmronde for a small group leaves part of its hour free (R2), and
    # that part is the day's, for the other blocks.
    eigen = maak_plan(d, blokvraag(blok, vraag, None, start))
    nominaal = eigen.tijd_min - eigen.vrij_min
    laag, hoog = GRID, max(GRID, nominaal // GRID * GRID)
    if _in_een_sessie(d, blokvraag(blok, vraag, hoog, start)) is None:
        hoog = nominaal  # a nominal off the grid
    # The smallest time in one session (more time never needs more sessions).
    while laag < hoog:
        midden = (laag + hoog) // (2 * GRID) * GRID
        if _in_een_sessie(d, blokvraag(blok, vraag, midden, start)) is not None:
            hoog = midden
        else:
            laag = midden + GRID
    minimum = laag
    # The largest time on the grid the block fills without leaving room free.
    laag, hoog = -(-nominaal // GRID), 3 * nominaal // GRID
    while laag < hoog:
        midden = (laag + hoog + 1) // 2
        plan = _in_een_sessie(d, blokvraag(blok, vraag, midden * GRID, start))
        if plan is not None and _ruim(plan):
            laag = midden
        else:
            hoog = midden - 1
    laag *= GRID
    # The block's own strategie = "inkorten" forbids what the draaiboek would allow: spreading it over days.
    return Grenzen(min(minimum, nominaal), nominaal, max(laag, nominaal),
                   splitsbaar=d.splitsen and blok.strategie != "inkorten")


# ------------------------------------------------------------------------------ fitting a day


def verdeel_tijd(grenzen: list[Grenzen], tijd: int) -> list[int]:
    """Minutes per block: from each block's own duration towards `tijd`, only within its bounds,
    five minutes at a time to the block with the most room left (so no block takes it all)."""
    duren = [g.nominaal for g in grenzen]
    verschil = tijd - sum(duren)
    richting = 1 if verschil > 0 else -1
    while verschil != 0:
        ruimte = [(g.hoog - d) if richting > 0 else (d - g.laag) for g, d in zip(grenzen, duren, strict=True)]
        i = max(range(len(duren)), key=lambda k: (ruimte[k], -k), default=None)
        if i is None or ruimte[i] <= 0:
            break
        stap = min(GRID, ruimte[i], abs(verschil))
        duren[i] += richting * stap
        verschil -= richting * stap
    return duren


def _vast_onderdeel(blok: Blok, nummer: int, start: datetime) -> GeplandOnderdeel:
    soort = "pauze" if blok.soort == "pauze" else "agendapunt"
    werkvorm = {"pauze": "pauze", "herhaling": "herhalingsbijeenkomst die het draaiboek aanraadt"}.get(
        blok.soort, "agendapunt van het programma")
    return GeplandOnderdeel(
        id=f"blok-{nummer}", titel=blok.titel, soort=soort, start=start, eind=plus_minuten(start, blok.minuten),
        duur_min=blok.minuten, toegevoegd=True, werkvorm=werkvorm,
        geschat=blok.herhaling.geschat if blok.herhaling is not None else False,
    )


def plan_dag(blokken: list[tuple[int, Blok]], grenzen: list[Grenzen], tijd: int, start: datetime,
             vraag: Vraag, nummer: int, minder: str = "kies minder --tijd") -> tuple[Dag, list[str]]:
    """One day: each block fitted to its share of `tijd` and planned by its own rules from `start`."""
    duren = verdeel_tijd(grenzen, tijd)
    gepland: list[GeplandBlok] = []
    meldingen: list[str] = []
    moment = start
    for (index, blok), minuten in zip(blokken, duren, strict=True):
        if blok.draaiboek is not None:
            plan = maak_plan(blok.draaiboek, blokvraag(blok, vraag, minuten, moment.replace(tzinfo=None)))
            if plan.vrij_min:
                # The block takes the time it uses; what is left is the day's, said once for the day below.
                plan = maak_plan(blok.draaiboek, blokvraag(blok, vraag, minuten - plan.vrij_min,
                                                           moment.replace(tzinfo=None)))
            eind = plan.sessies[-1].eind
            gepland.append(GeplandBlok(blok, moment, eind, plan=plan))
            voor = f"{blok.titel}: " if len(blokken) > 1 else ""
            meldingen += [voor + _in_blok(w) for w in plan.waarschuwingen]
        else:
            onderdeel = _vast_onderdeel(blok, index + 1, moment)
            eind = onderdeel.eind
            gepland.append(GeplandBlok(blok, moment, eind, onderdeel=onderdeel))
        moment = eind
    dag = Dag(nummer, start, moment, tuple(gepland))
    vrij = tijd - dag.duur_min
    if vrij >= GRID and any(b.plan is not None for b in gepland):
        meldingen.append(f"Van de {toon_duur(tijd)} blijft {toon_duur(vrij)} vrij (de dag eindigt om {moment:%H:%M}): "
                         f"elk blok heeft al zoveel tijd als zijn draaiboek toestaat; voeg een blok toe of {minder}.")
    return dag, meldingen + pauzeadvies(dag)


_TIJD_ADVIES = re.compile(r"\b([Mm])et --tijd (\S+)")


def _in_blok(melding: str) -> str:
    """A block's own advice 'Met --tijd 3u …' (or '…; met --tijd 2u52 blijft …') means the block's share:
    in a programme --tijd is the day's."""
    return _TIJD_ADVIES.sub(r"\1et \2 voor dit blok", melding)


def pauzeadvies(dag: Dag) -> list[str]:
    """The planner's break advice for the whole day, across its blocks (each block's own stretches are
    its plan's concern): a lunch when the day passes four hours, a pause between blocks that together
    run longer than 90 minutes."""
    meldingen = []
    lunch = any(b.blok.is_pauze and b.duur_min >= LUNCH_MIN for b in dag.blokken)
    if dag.duur_min > LUNCH_NA_MIN and not lunch:
        meldingen.append(
            f"De dag duurt {toon_duur(dag.duur_min)} ({dag.start:%H:%M}-{dag.eind:%H:%M}) zonder lunch: zet een "
            "blok agendapunt = \"Lunch\" met minuten = 45 tussen twee blokken; een lunch na vier uur is een "
            "richtlijn van de planner, niet van de bron.")
    # Stretches without a pause that cross a block boundary.
    reeks: list[tuple[GeplandOnderdeel, int]] = []
    langste: list[tuple[GeplandOnderdeel, int]] = []
    for nummer, blok in enumerate(dag.blokken):
        delen = [o for s in blok.plan.sessies for o in s.onderdelen] if blok.plan else [blok.onderdeel]
        for o in delen:
            assert o is not None
            if o.soort == "pauze" or (blok.blok.is_pauze and blok.plan is None):
                reeks = []
                continue
            reeks.append((o, nummer))
            if sum(x.duur_min for x, _ in reeks) > sum(x.duur_min for x, _ in langste):
                langste = list(reeks)
    if langste and len({n for _, n in langste}) > 1 and sum(o.duur_min for o, _ in langste) > PAUZE_NA_MIN:
        eerste, laatste = langste[0][0], langste[-1][0]
        minuten = sum(o.duur_min for o, _ in langste)
        aantal = len({n for _, n in langste})
        hoeveel = "twee" if aantal == 2 else "drie" if aantal == 3 else str(aantal)
        meldingen.append(
            f"Van {eerste.start:%H:%M} tot {laatste.eind:%H:%M} loopt het programma {toon_duur(minuten)} zonder "
            f"pauze, over {hoeveel} blokken heen: zet een blok pauze = \"Pauze\" met minuten = 15 tussen de "
            f"blokken; de planner raadt een pauze aan na "
            f"hooguit {PAUZE_NA_MIN} minuten (een eigen richtlijn, niet van de bron).")
    return meldingen


def nodig(plannen: list[Plan]) -> list[Benodigdheid]:
    """One materials list for several blocks: each name once, the largest number counts (the same sticky
    notes serve every block, as they serve every part of one draaiboek, planner.kern.nodig)."""
    return samengevoegd(b for plan in plannen for b in benodigdheden(plan))
