"""Planning a whole programme: each meeting on its date (its distance from the previous one), each
meeting on as few days as its blocks allow, split only between blocks and at breaks first.

Pure: the first start comes from the Vraag (--start, or the day after vraag.nu); the dates the planner
picks itself are listed for the check against Sundays and public holidays (P7, planner.kern.feestdagen,
the holidays passed in by the CLI), which points them out and never moves them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from planner.kern.feestdagen import Datum
from planner.kern.fouten import InvoerFout, PlanFout, PlannerFout
from planner.kern.planning import eerste_start, maak_plan
from planner.kern.programma import (
    Bijeenkomst,
    Blok,
    Dag,
    GeplandBlok,
    GeplandeBijeenkomst,
    Grenzen,
    Programma,
    ProgrammaPlan,
    blokvraag,
    grenzen_van,
    plan_dag,
)
from planner.kern.tijd import lees_zone, toon_duur
from planner.kern.vraag import Vraag


def maak_programmaplan(programma: Programma, vraag: Vraag) -> ProgrammaPlan:
    """Plan every meeting of `programma` for the group and time in `vraag`.

    vraag.tijd_min is the time available per day (--tijd); without it, each meeting takes the
    duration its blocks name. vraag.interval is the step between the days of one meeting that needs
    more than one day.
    """
    start = eerste_start(vraag)
    gepland: list[GeplandeBijeenkomst] = []
    for nummer, bijeenkomst in enumerate(programma.bijeenkomsten, start=1):
        if nummer > 1:
            assert bijeenkomst.na is not None
            # From the previous meeting's last day: "2 weeks after the kickoff" counts from its end.
            start = bijeenkomst.na.na(gepland[-1].dagen[-1].start)
            vorige = gepland[-1].eind
            if start.timestamp() < vorige.timestamp():
                raise PlanFout(f"{_naam(bijeenkomst, nummer)} zou om {start:%H:%M} beginnen, voordat bijeenkomst "
                               f"{nummer - 1} om {vorige:%H:%M} klaar is; 'na' telt vanaf het begin van (de laatste "
                               f"dag van) de vorige bijeenkomst: zet bij deze bijeenkomst bijvoorbeeld na = \"1d\".")
        try:
            gepland.append(plan_bijeenkomst(nummer, bijeenkomst, vraag, start))
        except PlannerFout as fout:
            if len(programma.bijeenkomsten) == 1:
                raise
            raise type(fout)(f"{_naam(bijeenkomst, nummer)}: {fout}") from None
    return ProgrammaPlan(programma, vraag.groep, tuple(gepland), tz=lees_zone(vraag.tz).key,
                         locatie=vraag.locatie, start_aangenomen=vraag.start is None)


def _naam(bijeenkomst: Bijeenkomst, nummer: int) -> str:
    return f"Bijeenkomst {nummer} ('{bijeenkomst.titel}')"


# ---------------------------------------------------------------------------------- one meeting


@dataclass(frozen=True)
class _Stuk:
    """A run of blocks on one day (indexes into the meeting's blocks), or one block over several days."""

    blokken: tuple[int, ...]
    eigen_sessies: bool = False


def plan_bijeenkomst(nummer: int, bijeenkomst: Bijeenkomst, vraag: Vraag, start: datetime) -> GeplandeBijeenkomst:
    """One meeting: in one day when its blocks fit, else over the fewest days, split between blocks."""
    blokken = list(bijeenkomst.blokken)
    grenzen = []
    for i, blok in enumerate(blokken, start=1):
        try:
            grenzen.append(grenzen_van(blok, vraag, start))
        except PlannerFout as fout:
            if len(blokken) == 1:
                raise
            raise type(fout)(f"Blok {i} ('{blok.titel}'): {fout}") from None
    # A day never starts or ends with a break: one before the meeting's first block or after its last
    # gives way too (said below), and its minutes are no part of the meeting's own duration.
    binnen = [i for i, b in enumerate(blokken) if not b.is_pauze]
    rand = [i for i in range(len(blokken)) if not binnen or i < binnen[0] or i > binnen[-1]]
    tijd = bijeenkomst.tijd_min or vraag.tijd_min or sum(g.nominaal for i, g in enumerate(grenzen) if i not in rand)
    meldingen: list[str] = []
    meer = _meer_tijd(bijeenkomst.tijd_min is not None)
    stukken = _verdeel_over_dagen(blokken, grenzen, tijd, meer)
    weg = [i for i in range(len(blokken)) if not any(i in s.blokken for s in stukken)]
    vervallen = [blokken[i].titel for i in weg]
    # Split between blocks, each day is a meeting of whole blocks: each block is fitted into that day's time
    # within its own bounds, as `planner plan DRAAIBOEK --tijd` fits it (a block over its own days, R5, is
    # planned by its own plan and keeps its parts' durations there).
    dagen: list[Dag] = []
    moment = start
    for stuk in stukken:
        if dagen:
            moment = vraag.interval.na(dagen[-1].start)
            # Compare instants, not wall clocks (DST), as planner.kern.planning does for sessions.
            if moment.timestamp() < dagen[-1].eind.timestamp():
                raise InvoerFout(
                    f"Het --interval is te kort: dag {len(dagen) + 1} zou beginnen voordat dag {len(dagen)} om "
                    f"{dagen[-1].eind:%H:%M} klaar is; kies minstens {toon_duur(tijd)}, bijvoorbeeld 1d of 7d.")
        if stuk.eigen_sessies:
            # A block that does not fit in a day and whose draaiboek may be split (R5): its own plan splits
            # it by its own rules, each of its sessions a day of this meeting.
            (i,) = stuk.blokken
            blok = blokken[i]
            assert blok.draaiboek is not None
            plan = maak_plan(blok.draaiboek, replace(blokvraag(blok, vraag, tijd, moment),
                                                     interval=vraag.interval))
            meldingen += [(f"{blok.titel}: " if len(blokken) > 1 else "") + w for w in plan.waarschuwingen]
            for sessie in plan.sessies:
                deel = replace(plan, sessies=(replace(sessie, nummer=1),))
                dagen.append(Dag(len(dagen) + 1, sessie.start, sessie.eind,
                                 (GeplandBlok(blok, sessie.start, sessie.eind, plan=deel),)))
            continue
        dag, extra = plan_dag([(i, blokken[i]) for i in stuk.blokken], [grenzen[i] for i in stuk.blokken],
                              tijd, moment, vraag, len(dagen) + 1,
                              minder="zet minder tijd bij deze bijeenkomst" if bijeenkomst.tijd_min else
                              "kies minder --tijd")
        dagen.append(dag)
        meldingen += [f"Dag {dag.nummer}: {m}" if len(stukken) > 1 else m for m in extra]
    if rand:
        meldingen.insert(0, _randmelding(blokken, rand, binnen))
    if len(stukken) > 1:  # a block split by its own plan says so itself
        meldingen.insert(0, _splitsmelding(bijeenkomst, blokken, grenzen, stukken, tijd,
                                           [blokken[i].titel for i in weg if i not in rand], len(dagen)))
    return GeplandeBijeenkomst(nummer, bijeenkomst, tuple(dagen), tijd, tuple(meldingen), tuple(vervallen))


def _meer_tijd(eigen: bool):
    """The way to more time: the meeting's own `tijd` in the programme file wins over --tijd, so name that."""
    def meer(minuten: int | None) -> str:
        if eigen:
            hoeveel = f'tijd = "{toon_duur(minuten)}" of meer' if minuten else "meer tijd"
            return f"zet {hoeveel} bij deze bijeenkomst in het programmabestand"
        return f"kies --tijd {toon_duur(minuten)} of meer" if minuten else "kies meer --tijd"
    return meer


def _verdeel_over_dagen(blokken: list[Blok], grenzen: list[Grenzen], tijd: int, meer=_meer_tijd(False)) -> list[_Stuk]:
    """Fewest days, then fewest seams that are not at a break; a day never starts or ends with a break
    (the time between the days replaces it). A block longer than a day on its own takes days of its own
    when its draaiboek allows splitting, else the plan is refused with the time it needs."""
    n = len(blokken)
    for i, (blok, g) in enumerate(zip(blokken, grenzen, strict=True)):
        # A break longer than a day is no problem: the time between the days replaces it.
        if g.laag > tijd and not blok.is_pauze and not (blok.draaiboek is not None and g.splitsbaar):
            waarom = ('met strategie = "inkorten" gaat dit blok niet over meer dagen (laat strategie weg om het '
                      'te verdelen)' if blok.draaiboek is not None and blok.draaiboek.splitsen
                      else f"het draaiboek '{blok.draaiboek.id}' gaat niet over meer dagen: "
                      f"{blok.draaiboek.niet_splitsen_omdat.rstrip('.')}" if blok.draaiboek is not None
                      else "een herhalingsbijeenkomst wordt niet gesplitst" if blok.soort == "herhaling"
                      else "een eigen agendapunt wordt niet gesplitst")
            raise PlanFout(f"Blok {i + 1} ('{blok.titel}') duurt minstens {toon_duur(g.laag)} en past niet in "
                           f"{toon_duur(tijd)} per dag; {waarom}; {meer(g.laag)}.")
    oneindig = (n + 1, n + 1)
    # beste[a]: (days, seams not at a break) to plan blocks a.. with a day starting at a; n is done.
    beste: list[tuple[int, int]] = [oneindig] * (n + 1)
    keuze: list[tuple[int, int] | None] = [None] * (n + 1)
    beste[n] = (0, 0)
    for a in range(n - 1, -1, -1):
        if blokken[a].is_pauze:
            continue  # no day opens with a break
        einden = [a] if grenzen[a].laag > tijd else range(a, n)
        som = 0
        for e in einden:
            som += grenzen[e].laag
            if grenzen[a].laag <= tijd and som > tijd:
                break
            if blokken[e].is_pauze:
                continue  # no day ends with a break
            if e == a and _opent(blokken[a]) and any(not b.is_pauze for b in blokken[a + 1:]):
                continue  # R13: the regular agenda goes on after a kennismaking, on the same day
            volgende = e + 1
            while volgende < n and blokken[volgende].is_pauze:
                volgende += 1
            bij_pauze = volgende > e + 1 or volgende == n
            rest = beste[volgende]
            if rest == oneindig:
                continue
            dagen = 1 if grenzen[a].laag <= tijd else 2  # a block over its own days counts as more than one
            kandidaat = (rest[0] + dagen, rest[1] + (0 if bij_pauze else 1))
            if kandidaat < beste[a]:
                beste[a], keuze[a] = kandidaat, (e, volgende)
    begin = 0
    while begin < n and blokken[begin].is_pauze:
        begin += 1
    stukken = []
    while begin < n:
        stap = keuze[begin]
        if stap is None:
            raise PlanFout(_past_niet(blokken, grenzen, begin, tijd, meer))
        e, volgende = stap
        stukken.append(_Stuk(tuple(range(begin, e + 1)), eigen_sessies=grenzen[begin].laag > tijd))
        begin = volgende
    return stukken


def _opent(blok: Blok) -> bool:
    return blok.draaiboek is not None and blok.draaiboek.opent_bijeenkomst


def _past_niet(blokken: list[Blok], grenzen: list[Grenzen], begin: int, tijd: int, meer) -> str:
    """Why no split exists from block `begin` on: a kennismaking needs the next block on its day (R13)."""
    if _opent(blokken[begin]):
        volgende = next(i for i in range(begin + 1, len(blokken)) if not blokken[i].is_pauze)
        nodig = sum(g.laag for g in grenzen[begin:volgende + 1])
        d = blokken[begin].draaiboek
        assert d is not None
        return (f"'{blokken[begin].titel}' opent de bijeenkomst ({d.niet_splitsen_omdat.rstrip('.')}) en daarna gaat "
                f"de agenda verder: met '{blokken[volgende].titel}' erbij duurt die dag minstens {toon_duur(nodig)}; "
                f"{meer(nodig)}.")
    return f"Het programma past niet in dagen van {toon_duur(tijd)}: {meer(None)}."


def _randmelding(blokken: list[Blok], rand: list[int], binnen: list[int]) -> str:
    """The breaks before the meeting's first block or after its last: named, not silently left out."""
    delen = []
    for waar, indexen in (("aan het begin", [i for i in rand if binnen and i < binnen[0]]),
                          ("aan het einde", [i for i in rand if not binnen or i > binnen[-1]])):
        if indexen:
            namen = [f"'{blokken[i].titel}'" for i in indexen]
            delen.append(f"{' en '.join(namen)} {waar}")
    aantal = len(rand)
    return (f"{' en '.join(delen)} van de bijeenkomst {'vervalt' if aantal == 1 else 'vervallen'}: een dag begint "
            "of eindigt niet met een pauze (een agendapunt dat lunch, pauze, koffie, thee of break heet, telt als "
            f"pauze); zet {'hem' if aantal == 1 else 'ze'} tussen twee blokken als je {'hem' if aantal == 1 else 'ze'} "
            "wilt houden.")


def _splitsmelding(bijeenkomst: Bijeenkomst, blokken: list[Blok], grenzen: list[Grenzen], stukken: list[_Stuk],
                   tijd: int, vervallen: list[str], aantal: int) -> str:
    naden = []
    for eerder, later in zip(stukken, stukken[1:], strict=False):
        tussen = [blokken[i].titel for i in range(eerder.blokken[-1] + 1, later.blokken[0])]
        plek = f"bij '{tussen[0]}'" if tussen else (f"na '{blokken[eerder.blokken[-1]].titel}'")
        naden.append(plek)
    totaal = sum(g.laag for g in grenzen)
    zin = (f"In {toon_duur(tijd)} per dag past '{bijeenkomst.titel}' niet (de blokken vragen samen minstens "
           f"{toon_duur(totaal)}): het is verdeeld over {aantal} dagen, alleen tussen blokken")
    if naden:
        zin += f" ({'; '.join(naden)})"
    if len(vervallen) == 1:
        zin += f"; '{vervallen[0]}' vervalt: de tijd tussen de dagen vervangt de pauze"
    elif vervallen:
        namen = [f"'{v}'" for v in vervallen]
        zin += (f"; {', '.join(namen[:-1])} en {namen[-1]} vervallen: de tijd tussen de dagen vervangt "
                "de pauzes")
    return zin + "."


# ------------------------------------------------------------------------------------ dates (P7)


def te_controleren(pp: ProgrammaPlan, *, start_gegeven: bool) -> list[Datum]:
    """The dates worth a warning (planner.kern.feestdagen): every day the planner chose itself (later
    meetings, later days), and the first when the user gave --start."""
    data = []
    for bij in pp.bijeenkomsten:
        for dag in bij.dagen:
            if bij.nummer == 1 and dag.nummer == 1 and not start_gegeven:
                continue
            wie = _naam(bij.bijeenkomst, bij.nummer) if len(pp.bijeenkomsten) > 1 else "De bijeenkomst"
            if len(bij.dagen) > 1:
                wie = f"Dag {dag.nummer} van {wie[:1].lower()}{wie[1:]}"
            verschuif = ("kies een andere --start" if bij.nummer == dag.nummer == 1 else
                         "kies een andere --interval" if dag.nummer > 1 else
                         f"pas 'na' van bijeenkomst {bij.nummer} aan")
            data.append(Datum(wie, dag.start, verschuif))
    return data
