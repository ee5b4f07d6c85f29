"""Re-planning during a session: fit what is left into the time left (issue 9).

Pure, like planning.py, whose building blocks it reuses (maat_voor, vul_sessie, maak_sessie):
given a plan, the moment now and the onderdeel that just finished, the remaining onderdelen of
that session are sized again between their bounds so that the session still ends at its agreed
end (its start plus the available time). An end-anchored closing stays anchored (R8). Optional
parts go first when time is short (R15); nothing goes below its minimum (P2); when even the
minimums do not fit, the plan says by how much the session runs over and, where the draaiboek may
be split, what could move to a next session. Later sessions are untouched.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from planner.kern.fouten import InvoerFout
from planner.kern.maten import GRID, Maat, maat_voor
from planner.kern.model import VRIJE_RUIMTE, GeplandOnderdeel, Onderdeel, Plan, Sessie
from planner.kern.planning import maak_sessie, maatstrategie_voor
from planner.kern.sessies import anker_index, met_vrije_ruimte, vul_sessie
from planner.kern.teksten import pas_teksten_aan
from planner.kern.tijd import hele_minuten, lees_kloktijd, plus_minuten, toon_duur
from planner.kern.waarschuwingen import beurten_kwijt

# The planner's own policy, not a source's: an overrun shorter than this is caught up on the way
# (a closing round a little tighter, a shorter goodbye); only from here on is it worth saying what
# could move to a next session, or that the draaiboek is not split.
VERSCHUIVEN_VANAF_MIN = 5


@dataclass(frozen=True)
class Herplanning:
    """The re-planned plan and what the facilitator should hear about it."""

    plan: Plan
    sessie: int  # number of the re-planned session
    meldingen: tuple[str, ...]
    afgesproken_eind: datetime
    # Minutes the session runs past its agreed end (0: it fits).
    over_min: int = 0
    # Minutes left free before the agreed end (early, and no part may grow further).
    vrij_min: int = 0
    # Optional onderdelen left out by this re-plan, in order.
    vervallen: tuple[str, ...] = ()
    # Onderdelen that could move to a next session when the minimums do not fit.
    naar_volgende: tuple[str, ...] = ()
    # Onderdelen not reached before an end-anchored closing (R8): a follow-up can be agreed.
    niet_bereikt: tuple[str, ...] = ()
    # When the end-anchored closing starts (R8), if the session has one still ahead.
    afronden_om: datetime | None = None
    # The sentences about what changed (skips, drops, minutes, what could move), without the heading.
    wijzigingen: tuple[str, ...] = ()


def afgesproken_eind(plan: Plan, sessie: Sessie) -> datetime:
    """The end agreed for a session of a plan as made (R8 anchors to this), as the participants were
    told: its start plus the available time, or its planned end when the plan does not fill that time
    (a split session, time left free; issue 22). A re-planned session's end moves: live passes its
    agreed end to herplan (`afgesproken`)."""
    return min(plus_minuten(sessie.start, plan.tijd_min), sessie.eind)


def sessie_van(plan: Plan, id_: str) -> Sessie:
    """The session that holds onderdeel `id_`, or one Dutch sentence why there is none."""
    for sessie in plan.sessies:
        if any(o.id == id_ for o in sessie.onderdelen):
            return sessie
    bron = {o.id for o in plan.draaiboek.onderdelen}
    if id_ in bron:
        raise InvoerFout(f"--klaar '{id_}' staat niet in deze planning (andere variant of vervallen): "
                         f"kies een van {_ids(plan)}.")
    raise InvoerFout(f"--klaar '{id_}' is geen onderdeel van deze planning: kies een van {_ids(plan)}.")


def _ids(plan: Plan) -> str:
    return ", ".join(o.id for s in plan.sessies for o in s.onderdelen if o.id != VRIJE_RUIMTE)


def controleer_moment(plan: Plan, sessie: Sessie, nu: datetime) -> None:
    """Refuse a moment before the session began or long after its agreed end, in one sentence."""
    eind = afgesproken_eind(plan, sessie)
    wie = f"sessie {sessie.nummer}" if len(plan.sessies) > 1 else "de sessie"
    venster = f"{sessie.start:%d-%m-%Y %H:%M}-{eind:%H:%M}"
    if nu < sessie.start:
        raise InvoerFout(f"--nu {nu:%d-%m-%Y %H:%M} ligt vóór het begin van {wie} ({venster}): "
                         "geef een tijd tijdens de sessie, bijvoorbeeld --nu "
                         f"{plus_minuten(sessie.start, min(30, plan.tijd_min)):%H:%M}.")
    # Later than the session is long after its end is no longer this session.
    if nu > plus_minuten(eind, plan.tijd_min):
        raise InvoerFout(f"--nu {nu:%d-%m-%Y %H:%M} ligt ver na het afgesproken einde van {wie} "
                         f"({venster}): geef een tijd tijdens de sessie, of een datum met --nu JJJJ-MM-DD UU:MM.")


def _maat(plan: Plan, o: GeplandOnderdeel, strategie: str, gesplitst: bool) -> Maat:
    """The bounds of a planned part: the source's for its onderdeel, fixed for the planner's own."""
    if o.bron is None or o.toegevoegd and o.bron.soort != "agendapunt":
        vast = Onderdeel(id=o.id, titel=o.titel, soort=o.soort, minuten=o.duur_min, min_minuten=o.duur_min,
                         max_minuten=o.duur_min, werkvorm=o.werkvorm, geschat=o.geschat, stappen=o.stappen,
                         stap=1)
        return Maat(vast, o.duur_min, o.duur_min, o.duur_min, toegevoegd=True)
    maat = maat_voor(o.bron, plan.groep, strategie)
    if gesplitst:
        # As in maak_plan: a split plan keeps parts at (at most) their nominal minutes.
        maat = replace(maat, hoog=max(maat.laag, maat.nominaal))
    return maat


def _minuten_tussen(van: datetime, tot: datetime) -> int:
    """Whole minutes from `van` to `tot` (negative when `tot` lies before `van`)."""
    return math.floor((tot - van).total_seconds() / 60 + 1e-9)


def herplan(plan: Plan, nu: datetime, klaar: str | None, zonder: frozenset[str] = frozenset(),
            sessienummer: int | None = None, raster: bool = False,
            afgesproken: datetime | None = None) -> Herplanning:
    """Re-plan the session of `klaar` from `nu`: parts up to `klaar` are done, the rest starts at `nu`.

    `klaar` None: nothing is done yet and the whole session (number `sessienummer`, default the
    first) starts at `nu`. `zonder`: optional parts the facilitator skips. `raster`: a re-plan on
    paper (planner plan --nu/--klaar) from a moment on the clock's grid keeps the later starts on it
    (issue 19.6); live re-plans from the moment a key is pressed fill as they always did.
    `afgesproken`: the session's agreed end when `plan` is already re-planned (live); default the
    plan's own (`afgesproken_eind`).
    """
    sessie = sessie_van(plan, klaar) if klaar is not None else plan.sessies[(sessienummer or 1) - 1]
    eind = afgesproken if afgesproken is not None else afgesproken_eind(plan, sessie)
    onderdelen = list(sessie.onderdelen)
    # A 'vrije ruimte' may occur twice (one lived through, one the last re-plan made): the part
    # meant is the first one not yet done.
    plekken = [i for i, o in enumerate(onderdelen) if o.id == klaar]
    plek = next((i for i in plekken if not onderdelen[i].gedaan), plekken[-1]) + 1 if plekken else 0
    gedaan = _gedaan(onderdelen[:plek], nu)
    # A 'vrije ruimte' still ahead is the old plan's leftover: the re-plan makes its own.
    rest = [o for o in onderdelen[plek:] if o.id != VRIJE_RUIMTE]
    strategie = maatstrategie_voor(plan.draaiboek, plan.strategie)
    gesplitst = len(plan.sessies) > 1
    maten = [_maat(plan, o, strategie, gesplitst) for o in rest]
    # To the nearest minute by the one rule (kern.tijd.hele_minuten): a re-plan from 14:40:50 plans
    # 79 minutes to 16:00 (79m10s), one from 14:40:30 80 (seconds are noise to a facilitator; on
    # whole minutes this is exact).
    tijd = hele_minuten((eind - nu).total_seconds())
    # On paper, from a moment on the clock's grid the rest keeps its starts on it, as a plan made
    # beforehand does (issue 19.6): a re-plan at 13:20 must not shift every later start to 13:38,
    # 14:03, ... From an odd moment (14:37) there is no grid to keep: the rest fills as it always did.
    raster = raster and nu.second == 0 and nu.microsecond == 0 and nu.minute % GRID == 0
    meldingen: list[str] = []
    vervallen: list[str] = []

    overgeslagen = [m for m in maten if m.onderdeel.id in zonder]
    for m in overgeslagen:
        meldingen.append(f"'{m.onderdeel.titel}' wordt overgeslagen.")
    maten = [m for m in maten if m.onderdeel.id not in zonder]
    # Optional parts go first (R15): the last one first, while the nominal minutes do not fit. Not
    # when it fits within its own bounds beside the rest at their nominal minutes: then nothing else
    # shrinks for it, and dropping it would leave that time empty ("no time" with 14 minutes left).
    while sum(m.nominaal for m in maten) > tijd:
        optioneel = [i for i, m in enumerate(maten) if m.onderdeel.optioneel and not m.toegevoegd]
        if not optioneel:
            break
        kandidaat = maten[optioneel[-1]]
        if sum(m.nominaal for m in maten) - kandidaat.nominaal + kandidaat.laag <= tijd:
            break
        weg = maten.pop(optioneel[-1])
        vervallen.append(weg.onderdeel.id)
        meldingen.append(f"'{weg.onderdeel.titel}' vervalt (optioneel): daar is geen tijd meer voor.")
    if sum(m.nominaal for m in maten) > tijd and any(m.onderdeel.optioneel for m in maten):
        # A kept optional part takes the shortage itself: the others stay at their nominal minutes.
        maten = [m if m.onderdeel.optioneel or m.toegevoegd else replace(m, laag=m.nominaal) for m in maten]

    over = 0
    naar_volgende: tuple[str, ...] = ()
    ruimte = ruimte_volgende_sessie(plan, sessie.nummer)
    niet_bereikt: list[str] = []
    r8: list[str] = []
    if not maten:
        duren: list[int] = []
    elif klaar == VRIJE_RUIMTE and sum(m.nominaal for m in maten) <= tijd:
        # Ending the free room is choosing to go on: what follows (the closing) starts now, at its
        # own minutes, without a new free room before it (the session then ends early).
        duren = [m.nominaal for m in maten]
    elif sum(m.laag for m in maten) > tijd and anker_index(maten) is not None:
        # R8: the closing starts when agreed, whatever is not finished; the parts before it get
        # what is left, and what does not fit is not reached.
        maten, duren, niet_bereikt, r8, over = _r8(maten, tijd, eind, raster)
    elif sum(m.laag for m in maten) <= tijd:
        duren = _anker_vast(maten, _vul(maten, tijd, raster), tijd)
        maten = met_vrije_ruimte(maten, duren)
    else:
        # Even the minimums do not fit: every part at its minimum, and say so (P2: never less).
        duren = [m.laag for m in maten]
        over = sum(duren) - tijd
        if over >= VERSCHUIVEN_VANAF_MIN:
            naar_volgende = _naar_volgende(plan, maten, over, ruimte)
    nieuw = maak_sessie(sessie.nummer, nu, maten, duren, plan.groep)
    alles = tuple(gedaan) + nieuw.onderdelen
    einde = alles[-1].eind if alles else nu
    sessie_nieuw = Sessie(sessie.nummer, sessie.start, einde, alles)
    sessies = tuple(sessie_nieuw if s.nummer == sessie.nummer else s for s in plan.sessies)
    sessies = _met_teksten(plan, sessies, sessie.nummer, {o.id for o in nieuw.onderdelen})
    nieuwe_rest = sessies[sessie.nummer - 1].onderdelen[len(gedaan):]
    vrij = max(0, _minuten_tussen(einde, eind)) if not over else 0
    meldingen += r8 + _veranderingen(rest, nieuwe_rest) + beurten_kwijt(rest, nieuwe_rest, plan.groep)
    if niet_bereikt:
        titels = {o.id: o.titel for o in rest}
        namen = _opsomming([f"'{titels[i]}'" for i in niet_bereikt])
        meldingen.append(f"Niet meer aan bod: {namen}. Spreek een vervolggesprek af om "
                         f"{'het' if len(niet_bereikt) == 1 else 'ze'} te bespreken.")
    if naar_volgende:
        titels = {m.onderdeel.id: m.onderdeel.titel for m in maten}
        namen = " en ".join(f"'{titels[i]}'" for i in naar_volgende)
        minuten = sum(m.laag for m in maten if m.onderdeel.id in naar_volgende)
        gevolg = ("dan past de rest wel" if minuten >= over else
                  f"dan loopt de sessie nog {toon_duur(over - minuten)} uit")
        if sessie.nummer < len(plan.sessies):
            meldingen.append(f"Wat naar een volgende sessie kan: {namen} ({toon_duur(minuten)}, daar is "
                             f"{toon_duur(ruimte)} vrij); {gevolg}.")
        else:
            # After the last session there is no next one with room: it would be a meeting of its own.
            meldingen.append(f"Wat naar een extra sessie kan (de planning heeft er geen meer, dus dat is een "
                             f"bijeenkomst erbij): {namen} ({toon_duur(minuten)}); {gevolg}.")
    elif over >= VERSCHUIVEN_VANAF_MIN and plan.draaiboek.splitsen and not niet_bereikt:
        # Advice that adds up: a part is only offered for the next session when it fits there. With
        # only the closing or the planner's own parts left (the look ahead) there is nothing to move.
        waarom = (f"Naar de volgende sessie past niets meer (daar is {toon_duur(ruimte)} vrij)"
                  if any(_verplaatsbaar(m) for m in maten) else
                  "Er is niets meer om naar de volgende sessie te verplaatsen")
        meldingen.append(f"{waarom}: de sessie loopt {toon_duur(over)} uit, tot {plus_minuten(eind, over):%H:%M}; "
                         "maak het af of spreek een later einde af.")
    elif over >= VERSCHUIVEN_VANAF_MIN and not plan.draaiboek.splitsen and not niet_bereikt:
        waarom = f" ({plan.draaiboek.niet_splitsen_omdat})" if plan.draaiboek.niet_splitsen_omdat else ""
        meldingen.append(f"Dit draaiboek wordt niet over sessies verdeeld{waarom}: maak het af of "
                         "spreek een later einde af.")
    wijzigingen = tuple(meldingen)
    meldingen = _kop(plan, sessie, nu, gedaan, eind, over, vrij) + meldingen
    vaste = tuple(g.tekst for g in plan.draaiboek.groepsopmerkingen if g.groep_min <= plan.groep <= g.groep_max)
    weg = tuple(i for i in (*(m.onderdeel.id for m in overgeslagen), *vervallen) if i not in plan.weggelaten)
    anker = next((o for o in nieuw.onderdelen if o.bron is not None and o.bron.anker == "einde"), None)
    return Herplanning(
        plan=replace(plan, sessies=sessies, waarschuwingen=tuple(meldingen) + vaste + _vooraf(plan, vaste),
                     vervallen=plan.vervallen + weg + tuple(niet_bereikt), weggelaten=plan.weggelaten + weg,
                     vrij_min=vrij if len(plan.sessies) == 1 else 0),
        sessie=sessie.nummer,
        meldingen=tuple(meldingen),
        afgesproken_eind=eind,
        over_min=over,
        vrij_min=vrij,
        vervallen=tuple(vervallen),
        naar_volgende=naar_volgende,
        wijzigingen=wijzigingen,
        niet_bereikt=tuple(niet_bereikt),
        afronden_om=anker.start if anker is not None else None,
    )


def _r8(maten: list[Maat], tijd: int, eind: datetime,
        raster: bool = False) -> tuple[list[Maat], list[int], list[str], list[str], int]:
    """Fit the parts before an end-anchored closing into the time up to it (R8).

    The closing keeps its minutes and its start (its nominal minutes before the agreed end); the
    parts before it are taken in order at their minimums while they fit, and grow within their
    bounds; a part that no longer fits at its minimum gets what is left, below its minimum (the
    source's own rule: close 'even if the conversation is not finished'), said; the rest is not
    reached. Returns the kept parts, their minutes, the ids not reached, the sentences and the
    minutes the session still runs over (only when even the closing no longer fits).
    """
    k = anker_index(maten)
    assert k is not None
    voor, vast = maten[:k], maten[k:]
    anker = maten[k]
    na = sum(m.nominaal for m in vast[1:])
    ruimte = tijd - na - anker.nominaal
    zinnen: list[str] = []
    over = 0
    if ruimte <= 0:
        # Already past the closing's start: it starts now with what is left (at least a minute).
        # Within the agreed time it gets what is left; past the agreed end, its minimum.
        ankerduur = tijd - na if tijd - na > 0 else anker.laag
        over = max(0, ankerduur + na - tijd)
        duren_vast = [ankerduur, *(m.nominaal for m in vast[1:])]
        zinnen.append(f"Het is tijd om af te ronden: '{anker.onderdeel.titel}' begint nu "
                      f"({toon_duur(ankerduur)}), ook als het gesprek niet af is (de bron: "
                      f"{toon_duur(anker.nominaal)} voor het afgesproken einde afronden).")
        return list(vast), duren_vast, [m.onderdeel.id for m in voor], zinnen, over
    gehaald: list[Maat] = []
    for m in voor:
        if sum(x.laag for x in gehaald) + m.laag > ruimte:
            break
        gehaald.append(m)
    duren = _vul([*gehaald, *vast], tijd, raster)
    gehouden = met_vrije_ruimte([*gehaald, *vast], duren)
    start_anker = plus_minuten(eind, -(anker.nominaal + na))
    rest = voor[len(gehaald):]
    # The room before the closing that the reached parts may not take goes to the next part, cut
    # short (better 8 minutes of it than 8 minutes of nothing), not to a 'vrije ruimte'.
    vrij = len(duren) > len(gehaald) + len(vast)
    if rest and vrij:
        kort = duren[len(gehaald)]
        m = rest.pop(0)
        gehouden = [*gehaald, m, *vast]
        duren = [*duren[:len(gehaald)], kort, *duren[len(gehaald) + 1:]]
        zinnen.append(f"'{m.onderdeel.titel}' krijgt nog {toon_duur(kort)}, minder dan zijn minimum "
                      f"({toon_duur(m.laag)}): '{anker.onderdeel.titel}' begint om {start_anker:%H:%M}, "
                      f"{toon_duur(anker.nominaal)} voor het afgesproken einde, ook als het gesprek niet af "
                      "is (de regel van de bron).")
    elif rest:
        zinnen.append(f"'{anker.onderdeel.titel}' begint om {start_anker:%H:%M}, {toon_duur(anker.nominaal)} "
                      "voor het afgesproken einde, ook als het gesprek niet af is (de regel van de bron).")
    return gehouden, duren, [m.onderdeel.id for m in rest], zinnen, over


def _vul(maten: list[Maat], tijd: int, raster: bool) -> list[int]:
    """`vul_sessie`, on the clock's grid where that keeps every part within its bounds: the grid's
    odd minutes are uitloop in the part before the closing, and a re-plan does not stretch a part
    past its maximum for them (then the rest fills as it always did)."""
    duren = vul_sessie(maten, tijd, raster=raster)
    if raster and any(d > max(m.hoog, m.nominaal + m.voorrang)
                      for m, d in zip(met_vrije_ruimte(maten, duren), duren, strict=True)):
        return vul_sessie(maten, tijd)
    return duren


def _opsomming(namen: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])} en {namen[-1]}"


def _met_teksten(plan: Plan, sessies: tuple[Sessie, ...], nummer: int, ids: set[str]) -> tuple[Sessie, ...]:
    """The re-planned parts' steps filled in again (their end, the session's end may have moved).

    The finished parts and the other sessions keep the texts they had: only the re-planned parts
    start from the template's raw steps (the planner's own parts from none, so teksten picks theirs).
    """
    def ruw(o: GeplandOnderdeel) -> GeplandOnderdeel:
        bron = o.bron.stappen if o.bron is not None and not o.toegevoegd else ()
        return replace(o, stappen=bron if o.id in ids else ())

    kale = tuple(replace(s, onderdelen=tuple(ruw(o) for o in s.onderdelen)) if s.nummer == nummer
                 else replace(s, onderdelen=tuple(replace(o, stappen=()) for o in s.onderdelen)) for s in sessies)
    gevuld = pas_teksten_aan(replace(plan, sessies=kale)).sessies[nummer - 1].onderdelen
    nieuw = tuple(replace(o, stappen=g.stappen) if o.id in ids else o
                  for o, g in zip(sessies[nummer - 1].onderdelen, gevuld, strict=True))
    return tuple(replace(s, onderdelen=nieuw) if s.nummer == nummer else s for s in sessies)


def _anker_vast(maten: list[Maat], duren: list[int], tijd: int) -> list[int]:
    """During the session the closing stays anchored to the agreed end (R8), however early the rest is.

    A plan made in advance may cap the free room before an anchored closing (nobody plans an hour
    of emptiness); once the session runs, the closing still starts when agreed, so all room the
    parts may not take shows as 'vrije ruimte' before it.
    """
    k = anker_index(maten)
    tekort = tijd - sum(duren)
    if k is None or tekort <= 0:
        return duren
    if len(duren) > len(maten):
        return duren[:k] + [duren[k] + tekort] + duren[k + 1:]
    return duren[:k] + [tekort] + duren[k:]


def _gedaan(onderdelen: list[GeplandOnderdeel], nu: datetime) -> list[GeplandOnderdeel]:
    """The finished parts: as planned, but none later than `nu`; the last one ends at `nu`."""
    klaar = []
    for i, o in enumerate(onderdelen):
        start = min(o.start, nu)
        eind = nu if i == len(onderdelen) - 1 else min(o.eind, nu)
        klaar.append(replace(o, start=start, eind=eind, duur_min=max(0, _minuten_tussen(start, eind)),
                             gedaan=True))
    if not klaar or all(o.duur_min >= 1 for o in klaar):
        return klaar
    # Done before a finished part was even due to start (--klaar a part further on, early): cut off
    # at `nu` it would read '15:20–15:20 · 0 min'. The parts not over by `nu` (as planned) share the
    # time from the first one's start instead, in proportion to their planned minutes, each at
    # least a minute; the parts before them keep their times.
    j = next((i for i, o in enumerate(onderdelen) if o.eind > nu), None)
    if j is None:  # a part done in no time earlier on (a space at its very start in live) stays so
        return klaar
    while j > 0 and _minuten_tussen(onderdelen[j].start, nu) < len(onderdelen) - j:
        j -= 1
    begin = onderdelen[j].start
    verstreken = _minuten_tussen(begin, nu)
    staart = onderdelen[j:]
    if verstreken < len(staart):
        return klaar
    gepland = [max(1, o.duur_min) for o in staart]
    duren = [max(1, g * verstreken // sum(gepland)) for g in gepland]
    while sum(duren) > verstreken:
        i = max(range(len(duren)), key=lambda k: (duren[k], k))
        duren[i] -= 1
    duren[-1] += verstreken - sum(duren)
    gedeeld = klaar[:j]
    for i, (o, duur) in enumerate(zip(staart, duren, strict=True)):
        eind = nu if i == len(staart) - 1 else plus_minuten(begin, duur)
        gedeeld.append(replace(o, start=begin, eind=eind, duur_min=duur, gedaan=True))
        begin = eind
    return gedeeld


def _kop(plan: Plan, sessie: Sessie, nu: datetime, gedaan: list[GeplandOnderdeel], eind: datetime,
         over: int, vrij: int) -> list[str]:
    wie = f"Sessie {sessie.nummer}" if len(plan.sessies) > 1 else "De sessie"
    if gedaan and gedaan[-1] is sessie_laatste(sessie, gedaan):
        verschil = _minuten_tussen(eind, nu)
        stand = (f"{toon_duur(verschil)} na" if verschil > 0 else
                 f"{toon_duur(-verschil)} vóór" if verschil < 0 else "precies op")
        return [f"{wie} is klaar om {nu:%H:%M}, {stand} het afgesproken einde ({eind:%H:%M})."]
    if gedaan:
        kop = f"Herplanning om {nu:%H:%M}, na '{gedaan[-1].titel}': de rest begint om {nu:%H:%M}."
    else:
        kop = f"Herplanning: {wie.lower()} begint om {nu:%H:%M}."
    if over:
        return [kop, f"{wie} loopt {toon_duur(over)} uit: tot {plus_minuten(eind, over):%H:%M} in plaats "
                     f"van {eind:%H:%M}, ook met elk onderdeel op zijn minimum."]
    if vrij:
        return [kop, f"{wie} is op tijd: er blijft {toon_duur(vrij)} vrij vóór het afgesproken einde "
                     f"({eind:%H:%M}); langer maakt het draaiboek de onderdelen niet."]
    return [kop, f"{wie} eindigt zoals afgesproken om {eind:%H:%M}."]


def sessie_laatste(sessie: Sessie, gedaan: list[GeplandOnderdeel]) -> GeplandOnderdeel | None:
    """The finished part when it was the session's last one (then nothing is left to re-plan)."""
    laatste = [o for o in sessie.onderdelen if o.id != VRIJE_RUIMTE][-1]
    return gedaan[-1] if gedaan[-1].id == laatste.id else None


def _veranderingen(oud: list[GeplandOnderdeel], nieuw: tuple[GeplandOnderdeel, ...]) -> list[str]:
    """One line naming the parts whose minutes changed, e.g. "'Focus' 20 → 15 min"."""
    nu = {o.id: o.duur_min for o in nieuw}
    delen = [f"'{o.titel}' {o.duur_min} → {nu[o.id]} min" for o in oud
             if o.id in nu and nu[o.id] != o.duur_min and o.id != VRIJE_RUIMTE]
    return [f"Aangepast: {', '.join(delen)}."] if delen else []


def ruimte_volgende_sessie(plan: Plan, nummer: int) -> int:
    """Minutes free in the session after session `nummer`: its agreed time minus the minutes its
    parts already take ('vrije ruimte' counts as free). After the plan's last session the next one
    is a new session, free as a whole."""
    if nummer >= len(plan.sessies):
        return plan.tijd_min
    volgende = plan.sessies[nummer]
    bezet = sum(o.duur_min for o in volgende.onderdelen if o.id != VRIJE_RUIMTE)
    return max(0, plan.tijd_min - bezet)


def _verplaatsbaar(m: Maat) -> bool:
    """A source part that may go to a next session: not the planner's own, not a closing."""
    return not m.toegevoegd and not m.onderdeel.anker and m.onderdeel.soort != "afronding"


def _naar_volgende(plan: Plan, maten: list[Maat], over: int, ruimte: int) -> tuple[str, ...]:
    """The source parts at the end (before the closing) whose minimums make up the overrun, or
    as many as may move when even all of them do not, and only as many as fit in the `ruimte`
    minutes free in the next session (advice that adds up).

    Only where the draaiboek may be split (R13); a closing (anchored or 'afronding') and the
    planner's own parts stay; keep-together groups (R14) move whole or not at all.
    """
    d = plan.draaiboek
    if not d.splitsen:
        return ()
    kandidaten = [m for m in maten if not m.toegevoegd]
    while kandidaten and not _verplaatsbaar(kandidaten[-1]):
        kandidaten.pop()
    gekozen: list[str] = []
    minuten = 0
    laag = {m.onderdeel.id: m.laag for m in maten}
    for m in reversed(kandidaten):
        if minuten >= over:
            break
        if m.onderdeel.id in gekozen:
            continue
        if m.onderdeel.soort == "pauze":
            break  # the natural seam (R5): the break between the sessions replaces the pause
        # A keep-together group (R14) moves whole; one already partly done cannot move.
        groep = next((g for g in d.samen if m.onderdeel.id in g), (m.onderdeel.id,))
        if any(i not in laag for i in groep):
            break
        if minuten + sum(laag[i] for i in groep) > ruimte:
            break  # parts move from the end in order: one that does not fit stops the rest too
        gekozen += [i for i in groep if i not in gekozen]
        minuten += sum(laag[i] for i in groep)
    volgorde = [m.onderdeel.id for m in maten]
    return tuple(sorted(gekozen, key=volgorde.index))



def _vooraf(plan: Plan, vaste: tuple[str, ...]) -> tuple[str, ...]:
    """The warnings of the plan made beforehand, kept and labelled: a division in which not everyone
    gets a turn, or a dropped part, still holds after a re-plan; its timing may not, hence the label."""
    return tuple(f"Bij de planning vooraf: {w}" for w in plan.waarschuwingen if w not in vaste)

def lees_moment(tekst: str, sessie: Sessie, zone: ZoneInfo, nu: datetime, naam: str = "--nu") -> datetime:
    """A moment during `sessie`: a bare clock time ('14:40', '14.40') on the session's day, or a date-time."""
    dag = sessie.start.astimezone(zone).date()
    return lees_kloktijd(tekst, zone, dag, nu, naam=naam)
