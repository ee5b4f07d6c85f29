"""Invariants of every plan of the built-in draaiboeken, for any group, time and start (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.bibliotheek import laden, vinden
from planner.kern.fouten import PlanFout
from planner.kern.maten import STRATEGIEEN, maat_voor
from planner.kern.planning import maak_plan
from planner.kern.tijd import bestaat
from planner.kern.vraag import Vraag
from tests.conftest import AMS

DRAAIBOEKEN = {b.id: laden.laad_bestand(b.pad) for b in vinden.alle_bronnen()}

# Starts around both daylight-saving changes of 2026 and an ordinary day.
momenten = st.sampled_from([datetime(2026, 3, 28, 20), datetime(2026, 10, 24, 22), datetime(2026, 12, 1, 9)]).flatmap(
    lambda basis: st.integers(0, 8 * 12).map(lambda k: (basis + timedelta(minutes=5 * k)).replace(tzinfo=AMS)))


@st.composite
def vragen(draw):
    draaiboek = DRAAIBOEKEN[draw(st.sampled_from(sorted(DRAAIBOEKEN)))]
    groep = draw(st.integers(draaiboek.groep_min, draaiboek.groep_max))
    tijd = draw(st.integers(20, 420))
    start = draw(momenten)
    strategie = draw(st.sampled_from(STRATEGIEEN))
    return draaiboek, Vraag(groep=groep, tijd_min=tijd, start=start, strategie=strategie)


@settings(max_examples=300, deadline=None)
@given(vragen())
def test_elk_plan_houdt_zich_aan_de_regels(geval):
    draaiboek, vraag = geval
    try:
        plan = maak_plan(draaiboek, vraag)
    except PlanFout:
        return  # refusing with a clear sentence is allowed; anything else is a bug
    bron = {o.id: o for o in draaiboek.onderdelen_voor(plan.variant)}
    gepland = [o for s in plan.sessies for o in s.onderdelen]

    # P4: every source onderdeel exactly once, in source order (a pause on a seam is dropped).
    assert [o.id for o in gepland if not o.toegevoegd] == [i for i in bron if i not in plan.vervallen]
    # Only a pause gives way to a break; only an optional part is left out (R15).
    assert all(bron[i].soort == "pauze" or (i in plan.weggelaten and bron[i].optioneel) for i in plan.vervallen)
    # R13: a draaiboek the source treats as one meeting is never split.
    assert draaiboek.splitsen or len(plan.sessies) == 1
    # R14: what belongs together shares a session.
    sessie_van = {o.id: s.nummer for s in plan.sessies for o in s.onderdelen}
    for groep in draaiboek.samen:
        assert len({sessie_van[i] for i in groep if i in sessie_van}) <= 1
    for sessie in plan.sessies:
        # Each session fits the available time.
        assert sessie.duur_min <= vraag.tijd_min
        # Times are contiguous, in absolute time (DST-safe).
        assert sessie.onderdelen[0].start == sessie.start and sessie.onderdelen[-1].eind == sessie.eind
        for voor, na in pairwise(sessie.onderdelen):
            assert voor.eind.astimezone(UTC) == na.start.astimezone(UTC)
        for o in sessie.onderdelen:
            assert (o.eind.astimezone(UTC) - o.start.astimezone(UTC)) == timedelta(minutes=o.duur_min)
    for o in gepland:
        if o.toegevoegd:
            continue
        # P2: never below the minimum, never above the maximum (as sized for this group).
        maat = maat_voor(bron[o.id], vraag.groep, "inkorten")
        assert bron[o.id].min_minuten <= maat.laag <= o.duur_min <= maat.hoog <= bron[o.id].max_minuten
        # P1: the grid of the onderdeel; it yields only to a closing anchored to the end (R8).
        assert o.duur_min % bron[o.id].stap == 0 or any(b.anker for b in bron.values())
        # 'splitsen' (and the kickoff in 'auto') never shortens (R5).
        if vraag.strategie == "splitsen" or (vraag.strategie == "auto" and draaiboek.bij_tijdgebrek == "splitsen"):
            assert o.duur_min >= maat.nominaal
    if vraag.strategie == "inkorten":
        assert len(plan.sessies) == 1
    # Sessions start on the wall-clock time asked for, unless summer time skips it that day.
    for sessie in plan.sessies:
        gevraagd = sessie.start.replace(hour=vraag.start.hour, minute=vraag.start.minute)
        assert (sessie.start.hour, sessie.start.minute) == (vraag.start.hour, vraag.start.minute) or not bestaat(
            gevraagd)
