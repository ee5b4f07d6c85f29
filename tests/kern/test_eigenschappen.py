"""Invariants of every plan of the built-in draaiboeken, for any group, time and start (hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.bibliotheek import laden, vinden
from planner.kern.fouten import PlanFout
from planner.kern.maten import maat_voor
from planner.kern.model import STRATEGIEEN, VRIJE_RUIMTE
from planner.kern.pauze import PAUZE_MIN
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
        if o.soort == "pauze" and o.duur_min < maat.laag:
            # P6: a pause gives way only to save a session, never below 5 minutes, and it says so.
            assert o.duur_min >= PAUZE_MIN and draaiboek.splitsen
            assert any("nooit tot onder 5 min" in w for w in plan.waarschuwingen)
            continue
        assert bron[o.id].min_minuten <= maat.laag <= o.duur_min
        # Beyond the maximum only so everybody practises (R16), and then exactly that much, or by
        # less than a grid step just before an anchored closing (no 1-minute 'vrije ruimte' row).
        assert (o.duur_min <= maat.hoog <= bron[o.id].max_minuten or o.duur_min == maat.nominaal + maat.voorrang
                or (o.duur_min < maat.hoog + 5 and _voor_het_anker(plan, o)))
        # P1: the grid of the onderdeel; it yields only to a closing anchored to the end (R8).
        assert o.duur_min % bron[o.id].stap == 0 or any(b.anker for b in bron.values())
        # 'splitsen' (and the kickoff in 'auto') never shortens (R5).
        if vraag.strategie == "splitsen" or (vraag.strategie == "auto" and draaiboek.bij_tijdgebrek == "splitsen"):
            assert o.duur_min >= maat.nominaal
    if vraag.strategie == "inkorten":
        assert len(plan.sessies) == 1
    # Issue 19.6: no 'vrije ruimte' row shorter than a grid step.
    assert all(o.duur_min >= 5 for o in gepland if o.id == VRIJE_RUIMTE)
    # Sessions start on the wall-clock time asked for, unless summer time skips it that day.
    for sessie in plan.sessies:
        gevraagd = sessie.start.replace(hour=vraag.start.hour, minute=vraag.start.minute)
        assert (sessie.start.hour, sessie.start.minute) == (vraag.start.hour, vraag.start.minute) or not bestaat(
            gevraagd)


def _voor_het_anker(plan, onderdeel) -> bool:
    for sessie in plan.sessies:
        for voor, na in pairwise(sessie.onderdelen):
            if voor is onderdeel:
                return na.bron is not None and na.bron.anker == "einde"
    return False


@st.composite
def oefenvragen(draw):
    """The training at any group and a time from too short to ample."""
    draaiboek = DRAAIBOEKEN["training"]
    groep = draw(st.integers(draaiboek.groep_min, draaiboek.groep_max))
    tijd = draw(st.integers(150, 240))
    return draaiboek, Vraag(groep=groep, tijd_min=tijd, start=datetime(2026, 12, 8, 13, tzinfo=AMS))


@settings(max_examples=120, deadline=None)
@given(oefenvragen())
def test_iedereen_oefent_als_de_tijd_er_is(geval):
    """R16: when the time is there every member of every groepje gets a 10 + 5 min turn, and the
    warning that not everybody does appears exactly when the time is not there."""
    draaiboek, vraag = geval
    try:
        plan = maak_plan(draaiboek, vraag)
    except PlanFout:
        return
    oefenen = next(o for o in plan.sessies[0].onderdelen if o.id == "oefenen")
    bron = {o.id: o for o in draaiboek.onderdelen_voor(plan.variant)}
    extra = maat_voor(bron["oefenen"], vraag.groep, "inkorten").voorrang
    iedereen = oefenen.duur_min >= 15 * max(oefenen.groepjes)
    niet_iedereen = any("niet iedereen komt aan de beurt" in w for w in plan.waarschuwingen)
    assert iedereen != niet_iedereen
    # The time is there when the programme at nominal plus what practising needs fits.
    nominaal = sum(o.minuten for o in bron.values())
    assert iedereen == (extra == 0 or vraag.tijd_min >= nominaal + extra)
    # Without the time it keeps the source's 45 minutes; other parts may grow, practising does not.
    if not iedereen:
        assert oefenen.duur_min == bron["oefenen"].minuten


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 12), st.integers(35, 120))
def test_een_korte_filmronde_geeft_tijd_terug(groep, tijd):
    """A round along a small group is shorter than the source's 30 minutes; that time comes free
    and never stretches welkom or evaluatie beyond what the time minus it allows."""
    draaiboek = DRAAIBOEKEN["kennismaking"]
    try:
        plan = maak_plan(draaiboek, Vraag(groep=groep, tijd_min=tijd, start=datetime(2026, 12, 8, 13, tzinfo=AMS)))
    except PlanFout:
        return
    onderdelen = {o.id: o for o in plan.sessies[0].onderdelen}
    ronde = onderdelen["voorstellen"].duur_min
    terug = max(0, 30 - ronde)
    anders = sum(o.duur_min for i, o in onderdelen.items() if i != "voorstellen")
    assert anders <= max(30, tijd - terug - ronde)
    assert plan.vrij_min >= min(terug, tijd - 30 - ronde) if tijd >= 30 + ronde else True


@settings(max_examples=80, deadline=None)
@given(st.integers(2, 30), st.integers(60, 260))
def test_kickoff_pauze_wijkt_alleen_voor_een_sessie(groep, tijd):
    """P3/P6: the kickoff uses the fewest sessions its parts allow with a pause of at least 5 min,
    and a pause shorter than 15 min always saves a session compared with the full pause."""
    from planner.kern.maten import maat_voor as maat
    from planner.kern.sessies import naden_voor, splits

    draaiboek = DRAAIBOEKEN["kickoff"]
    try:
        plan = maak_plan(draaiboek, Vraag(groep=groep, tijd_min=tijd, start=datetime(2026, 12, 8, 13, tzinfo=AMS)))
    except PlanFout:
        return
    maten = [maat(o, groep, "splitsen") for o in draaiboek.onderdelen_voor(plan.variant)]

    def aantal(pauze: int) -> int | None:
        kort = [m.__class__(m.onderdeel, min(m.laag, pauze), m.nominaal, m.hoog) if m.is_pauze else m
                for m in maten]
        if sum(m.laag for m in kort) <= tijd:
            return 1
        reeksen = splits(kort, tijd, draaiboek.welkom_terug_min, draaiboek.vooruitblik_min,
                         naden_voor(draaiboek, kort))
        return None if reeksen is None else len(reeksen)

    assert len(plan.sessies) == aantal(PAUZE_MIN)
    pauzes = [o.duur_min for s in plan.sessies for o in s.onderdelen if o.soort == "pauze"]
    if any(p < 15 for p in pauzes):
        assert aantal(15) is None or aantal(15) > len(plan.sessies)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["ambitiegesprek", "gespreksfases", "training"]), st.integers(1, 14), st.integers(1, 14),
       st.integers(0, 60))
def test_oneven_agendapunten_houden_het_raster(naam, vooraf, daarna, ruimte):
    """Issue 19.6: with agenda items of odd minutes (--vooraf/--daarna) and room to grow, every start up
    to the part that takes the odd minutes lies on the 5-minute clock grid, the meeting ends on time,
    and no 'vrije ruimte' row is shorter than 5 minutes."""
    from planner.kern.planning import lees_agendapunt

    draaiboek = DRAAIBOEKEN[naam]
    bezet: set[str] = set()
    voor = lees_agendapunt(f"Koffie={vooraf}m", "--vooraf", bezet)
    na = lees_agendapunt(f"Rondvraag={daarna}m", "--daarna", bezet)
    onderdelen = draaiboek.onderdelen_voor(None)
    # Between nominal and the maxima: a plan that cuts parts lengthens none for the grid's sake, so
    # there the grid may yield.
    laag, hoog = sum(o.minuten for o in onderdelen), sum(o.max_minuten for o in onderdelen)
    tijd = vooraf + daarna + laag + 5 + ruimte * (hoog - laag - 10) // 60
    plan = maak_plan(draaiboek, Vraag(groep=3, tijd_min=tijd, start=datetime(2026, 12, 8, 13, tzinfo=AMS),
                                      vooraf=(voor,), daarna=(na,)))
    sessie = plan.sessies[0]
    # An anchored closing ends at the agreed end (R8); otherwise the plan may end a few minutes early.
    anker = any(o.anker for o in onderdelen)
    # ... or it leaves time free, and says so, rather than run past the pause guideline by growing.
    pauzeregel = any("meer dan 90 minuten zonder pauze" in w for w in plan.waarschuwingen)
    assert sessie.duur_min == tijd or (not anker and (0 < tijd - sessie.duur_min < 5 or pauzeregel))
    assert all(o.duur_min >= 5 for o in sessie.onderdelen if o.id == VRIJE_RUIMTE)
    elastisch = [i for i, o in enumerate(sessie.onderdelen) if o.bron is not None and not o.toegevoegd
                 and o.bron.min_minuten < o.bron.max_minuten]
    # The item starts the parts after it off the grid; the first one that may move (a part at its
    # nominal maximum may not: nothing is cut or stretched for the grid) ends on the grid again, and
    # from there every start up to the part that takes the odd minutes stays on it.
    def op_raster(o) -> bool:
        return (o.start - sessie.start).seconds // 60 % 5 == 0

    eerste = next((i for i in elastisch if sessie.onderdelen[i].duur_min < sessie.onderdelen[i].bron.max_minuten),
                  elastisch[-1])
    for o in sessie.onderdelen[eerste + 1:elastisch[-1] + 1]:
        assert op_raster(o), [(x.id, x.duur_min) for x in sessie.onderdelen]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(DRAAIBOEKEN)), st.integers(1, 40), st.integers(30, 300))
def test_het_plan_adviseert_geen_pauze_tegen_zijn_eigen_groei_in(naam, groep, tijd):
    """Issue 19.2 leftover: when a session has a pause, the planner's own growth (beyond the
    draaiboek's minutes and the R16 growth so everyone practises) never makes a stretch that it
    then advises to break ('loopt 1u35 zonder pauze')."""
    draaiboek = DRAAIBOEKEN[naam]
    try:
        plan = maak_plan(draaiboek, Vraag(groep=groep, tijd_min=tijd, start=datetime(2027, 3, 2, 13, tzinfo=AMS)))
    except PlanFout:
        return
    for sessie in plan.sessies:
        if not any(o.soort == "pauze" for o in sessie.onderdelen):
            continue
        blok: list = []
        for o in [*sessie.onderdelen, None]:
            if o is None or o.soort == "pauze":
                if sum(x.duur_min for x in blok) > 90:
                    for x in blok:
                        if x.bron is not None and not x.toegevoegd:
                            groei = maat_voor(x.bron, groep, plan.strategie)
                            assert x.duur_min <= groei.nominaal + groei.voorrang, (x.titel, x.duur_min)
                blok = []
            else:
                blok.append(o)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([n for n, d in sorted(DRAAIBOEKEN.items()) if any(o.anker for o in d.onderdelen)]),
       st.integers(1, 30), st.integers(45, 300))
@example("ambitiegesprek", 5, 175).via("2u55: Concretiseren 23 of at most 20")
@example("gespreksfases", 1, 106)
def test_een_onderdeel_boven_zijn_maximum_voor_het_afronden_wordt_uitgelegd(naam, groep, tijd):
    """The few odd minutes before an anchored closing may take a part past the draaiboek's maximum
    (R8 and the 5-minute grid); the plan then says so, and names a --tijd that stays within bounds."""
    import re

    from planner.kern.tijd import lees_duur

    draaiboek = DRAAIBOEKEN[naam]
    if not draaiboek.groep_min <= groep <= draaiboek.groep_max:
        return
    vraag = Vraag(groep=groep, tijd_min=tijd, start=datetime(2026, 12, 1, 13, tzinfo=AMS))
    try:
        plan = maak_plan(draaiboek, vraag)
    except PlanFout:
        return
    for sessie in plan.sessies:
        for o, volgende in pairwise(sessie.onderdelen):
            if o.bron is None or volgende.bron is None or volgende.bron.anker != "einde":
                continue
            if o.duur_min <= o.bron.max_minuten:
                assert not any(f"'{o.titel}' duurt" in w for w in plan.waarschuwingen)
                continue
            melding = next(w for w in plan.waarschuwingen if f"'{o.titel}' duurt {o.duur_min} min" in w)
            assert f"{o.duur_min - o.bron.max_minuten} meer dan de {o.bron.max_minuten}" in melding
            assert f"om {volgende.start:%H:%M}" in melding
            beter = lees_duur(re.search(r"--tijd (\S+) blijft", melding).group(1))
            binnen = maak_plan(draaiboek, replace(vraag, tijd_min=beter))
            assert all(x.duur_min <= x.bron.max_minuten
                       for s in binnen.sessies for x in s.onderdelen if x.id == o.id)
