"""Invariants under random input: whatever draaiboek, group, time and start, a plan keeps its promises.

Random valid draaiboeken (built as dataclasses and, the same ones, as TOML text through the
loader) x group sizes x available times x start moments (including the hours around the
daylight-saving changes in Europe/Amsterdam) x strategies. Every plan must hold P1-P4; on small
cases the number of sessions must equal what an exhaustive search finds; otherwise the planner
refuses with a PlannerFout, never another exception. Broken TOML and random command lines must
end in a Dutch message, never a traceback.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import math
import re
import shutil
import sys
import tempfile
import tomllib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.bibliotheek import laden, valideren
from planner.cli import ingang
from planner.kern.fouten import PlanFout, PlannerFout
from planner.kern.maten import Maat
from planner.kern.model import STRATEGIEEN, Draaiboek, Onderdeel, Plan, Variant
from planner.kern.planning import maak_plan
from planner.kern.sessies import GEEN_INHOUD, Naden, is_inhoud, splits
from planner.kern.tijd import Interval
from planner.kern.vraag import Vraag

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SOORTEN = ("opening", "werkvorm", "pauze", "evaluatie", "afronding")
INSTELLINGEN = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ----------------------------------------------------------------------------- generators


@st.composite
def varianten(draw) -> tuple[Variant, ...]:
    """0-3 variants whose group ranges join up, as the loader demands."""
    aantal = draw(st.integers(0, 3))
    grenzen = sorted(draw(st.sets(st.integers(1, 39), min_size=aantal, max_size=aantal)))
    begin = draw(st.integers(1, 3))
    uit = []
    for i, eind in enumerate(grenzen):
        eind = max(eind, begin)
        if uit and begin > 40:
            break
        uit.append(Variant(id=f"v{i}", titel=f"Variant {i}", groep_min=begin, groep_max=eind))
        begin = eind + 1
    return tuple(uit)


@st.composite
def onderdeel(draw, nummer: int, variant_ids: tuple[str, ...], laatste: bool) -> Onderdeel:
    stap = draw(st.sampled_from((1, 5, 5, 5, 10, 15)))
    # P1: the draaiboek's own minutes lie on its grid.
    laag = draw(st.integers(1, 12)) * stap
    nominaal = laag + draw(st.integers(0, 4)) * stap
    hoog = nominaal + draw(st.integers(0, 4)) * stap
    if draw(st.booleans()):
        laag = hoog = nominaal  # shrinking and growing forbidden (kickoff, R5)
    soort = draw(st.sampled_from(SOORTEN))
    return Onderdeel(
        id=f"o{nummer}",
        titel=f"Onderdeel {nummer}",
        soort=soort,
        minuten=nominaal,
        min_minuten=laag,
        max_minuten=hoog,
        stap=stap,
        varianten=tuple(draw(st.lists(st.sampled_from(variant_ids), unique=True, max_size=2)))
        if variant_ids else (),
        geschat=draw(st.booleans()),
        anker="einde" if laatste and soort != "pauze" and draw(st.integers(0, 3)) == 0 else None,
        optioneel=soort != "pauze" and draw(st.integers(0, 4)) == 0,
    )


@st.composite
def samen_groepen(draw, ids: list[str]) -> tuple[tuple[str, ...], ...]:
    """0-2 disjoint runs of consecutive ids that must share a session (R14)."""
    groepen: list[tuple[str, ...]] = []
    begin = 0
    for _ in range(draw(st.integers(0, 2))):
        if begin >= len(ids) - 1:
            break
        start = draw(st.integers(begin, len(ids) - 2))
        eind = draw(st.integers(start + 1, min(len(ids) - 1, start + 3)))
        groepen.append(tuple(ids[start:eind + 1]))
        begin = eind + 1
    return tuple(groepen)


@st.composite
def draaiboeken(draw, max_onderdelen: int = 7) -> Draaiboek:
    vs = draw(varianten())
    ids = tuple(v.id for v in vs)
    n = draw(st.integers(1, max_onderdelen))
    delen = tuple(draw(onderdeel(i, ids, i == n - 1)) for i in range(n))
    groep_min, groep_max = (vs[0].groep_min, vs[-1].groep_max) if vs else (1, draw(st.integers(1, 40)))
    alle_ids = [o.id for o in delen]
    mag = draw(st.integers(0, 3)) > 0
    return Draaiboek(
        id="willekeurig",
        titel="Willekeurig draaiboek",
        bron="tests/test_invarianten.py (gegenereerd)",
        onderdelen=delen,
        varianten=vs,
        groep_min=groep_min,
        groep_max=groep_max,
        bij_tijdgebrek=draw(st.sampled_from(("splitsen", "inkorten"))),
        welkom_terug_min=draw(st.sampled_from((5, 5, 10, 3, 0))),
        vooruitblik_min=draw(st.sampled_from((5, 5, 10, 7, 0))),
        splitsen=mag,
        niet_splitsen_omdat="" if mag else "de bron zegt 'één bijeenkomst'",
        samen=draw(samen_groepen(alle_ids)),
        naden=tuple(draw(st.lists(st.sampled_from(alle_ids), unique=True, max_size=2))),
    )


def rond_zomertijd() -> st.SearchStrategy[datetime]:
    """Start moments, many in the hours around Europe/Amsterdam's DST changes (wall clock, fold 0)."""
    overgangen = [datetime(2026, 3, 29, 0, 0), datetime(2026, 10, 25, 0, 0),
                  datetime(2027, 3, 28, 0, 0), datetime(2026, 3, 22, 0, 0)]
    rond = st.builds(lambda dag, minuten: dag + timedelta(minutes=minuten),
                     st.sampled_from(overgangen), st.integers(-3 * 60, 6 * 60))
    los = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31))
    return st.one_of(rond, los).map(lambda d: d.replace(second=0, microsecond=0, tzinfo=AMSTERDAM))


intervallen = st.one_of(
    st.builds(Interval, dagen=st.integers(1, 30)),
    st.builds(Interval, maanden=st.integers(1, 3)),
    st.builds(Interval, minuten=st.integers(1, 3 * 24 * 60)),
)


# ------------------------------------------------------------------------ the invariants


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def splitst(draaiboek: Draaiboek, strategie: str) -> bool:
    """True when the plan splits rather than shortens (R5); never for a draaiboek that may not (R13)."""
    return draaiboek.splitsen and (strategie == "splitsen" or (
        strategie == "auto" and draaiboek.bij_tijdgebrek == "splitsen"))


def effectieve_laag(o: Onderdeel, draaiboek: Draaiboek, strategie: str, pauze_wijkt: bool = False) -> int:
    """The least minutes the rules allow: 'splitsen' (asked, or the draaiboek's 'auto') never shrinks.
    With `pauze_wijkt`: a pause may give way down to 5 minutes to save a session (P6)."""
    laag = o.minuten if splitst(draaiboek, strategie) else o.min_minuten
    if pauze_wijkt and o.soort == "pauze":
        return min(laag, -(-5 // o.stap) * o.stap)  # 5 minutes, on the pause's own step
    return laag


def behouden(bron: tuple[Onderdeel, ...], tijd: int, zonder: tuple[str, ...] = ()) -> list[Onderdeel]:
    """The rule of R15 as stated: --zonder parts go, then optional parts, last first, while the
    nominal minutes exceed the time (before anything shrinks or a session is added)."""
    delen = [o for o in bron if o.id not in zonder]
    while sum(o.minuten for o in delen) > tijd and any(o.optioneel for o in delen):
        laatste = max(i for i, o in enumerate(delen) if o.optioneel)
        del delen[laatste]
    return delen


def verboden_naden(draaiboek: Draaiboek, delen: list[Onderdeel]) -> frozenset[int]:
    """Seams 'after i' inside a keep-together group (R14)."""
    plek = {o.id: i for i, o in enumerate(delen)}
    verboden: set[int] = set()
    for groep in draaiboek.samen:
        posities = [plek[i] for i in groep if i in plek]
        if len(posities) > 1:
            verboden.update(range(min(posities), max(posities)))
    return frozenset(verboden)


def fewest_sessies(laag: list[int], pauze: list[bool], tijd: int, inhoud: list[bool] | None = None,
                   verboden: frozenset[int] = frozenset()) -> int | None:
    """Exhaustive search over every set of seams, under sessies.splits' rules (P3, R13, R14).

    A session holds consecutive parts whose minutes fit `tijd` (the planner's own welkom terug and
    vooruitblik shrink or drop, never costing a session) and at least one part with content, not
    only an opening, pause or closing (if the draaiboek has any). A seam lies after a part that is
    no pause, before one that is no pause, or drops an interior pause (the break between sessions
    replaces it); never inside a keep-together group (`verboden`: seams 'after i').
    """
    n = len(laag)
    inhoud = list(inhoud) if inhoud is not None and any(inhoud) else [True] * n
    beste: list[int | None] = [None]

    def verder(begin: int, sessies: int) -> None:
        for einde in range(begin, n):
            if sum(laag[begin:einde + 1]) > tijd:
                return
            if not any(inhoud[begin:einde + 1]):
                continue
            if einde == n - 1:
                if beste[0] is None or sessies + 1 < beste[0]:
                    beste[0] = sessies + 1
                return
            if not pauze[einde] and not pauze[einde + 1] and einde not in verboden:
                verder(einde + 1, sessies + 1)
            if (pauze[einde + 1] and einde + 1 < n - 1 and not pauze[einde + 2]
                    and einde not in verboden and einde + 1 not in verboden):
                verder(einde + 2, sessies + 1)

    verder(0, 0)
    return beste[0]


def controleer_plan(plan: Plan, draaiboek: Draaiboek, vraag: Vraag, bron: tuple[Onderdeel, ...]) -> None:
    tijd = plan.tijd_min
    per_id = {o.id: o for o in bron}
    gezien: list[str] = []
    vorige_eind = None
    for nummer, sessie in enumerate(plan.sessies, start=1):
        assert sessie.nummer == nummer
        # Each session fits the available time, measured in real elapsed minutes (DST-safe).
        assert sessie.duur_min <= tijd
        assert _utc(sessie.eind) - _utc(sessie.start) == timedelta(minutes=sessie.duur_min)
        # Sessions follow each other and never overlap.
        if vorige_eind is not None:
            assert _utc(sessie.start) >= _utc(vorige_eind)
        vorige_eind = sessie.eind
        klok = _utc(sessie.start)
        laatste_bron = [o for o in sessie.onderdelen if not o.toegevoegd]
        for i, g in enumerate(sessie.onderdelen):
            # Contiguous: each part starts when the previous ends.
            assert _utc(g.start) == klok, (g.id, g.start, klok)
            assert _utc(g.eind) - _utc(g.start) == timedelta(minutes=g.duur_min)
            assert g.duur_min >= 1
            klok = _utc(g.eind)
            if g.id in per_id:
                o = per_id[g.id]
                assert not g.toegevoegd
                gezien.append(g.id)
                # P2: never below its minimum (under 'splitsen', never below nominal); only a pause
                # gives way, to 5 minutes at least, to save a session (P6), and the plan says so.
                # P1: on the onderdeel's own grid, except around an end anchor (R8).
                geankerd = any(b.bron is not None and b.bron.anker == "einde" for b in laatste_bron)
                if g.duur_min < effectieve_laag(o, draaiboek, plan.strategie):
                    # A pause that gave way is on its grid, unless it stands before an anchored
                    # closing, which takes the odd minutes (R8, 19.6).
                    assert o.soort == "pauze" and g.duur_min >= 5, (g.id, g.duur_min)
                    assert geankerd or g.duur_min % o.stap == 0, (g.id, g.duur_min)
                    assert any("nooit tot onder 5 min" in w for w in plan.waarschuwingen)
                if not geankerd:
                    assert g.duur_min % o.stap == 0, (g.id, g.duur_min, o.stap)
            else:
                # Everything not from the draaiboek is marked as added (P3).
                assert g.toegevoegd, g.id
                volgende = sessie.onderdelen[i + 1] if i + 1 < len(sessie.onderdelen) else None
                assert (i == 0 and g.id == f"welkom-terug-{nummer}" and nummer > 1) or (
                    i == len(sessie.onderdelen) - 1 and g.id == f"vooruitblik-{nummer}"
                    and nummer < len(plan.sessies)) or (
                    # Room beyond every maximum sits just before a closing anchored to the end (R8).
                    g.id == "vrije-ruimte" and volgende is not None and volgende.bron is not None
                    and volgende.bron.anker == "einde"), g.id
        assert _utc(sessie.eind) == klok
    # P4: every source onderdeel exactly once, in order; only a pause may give way to a break, and
    # only an optional part may be left out (R15).
    verwacht = [o.id for o in bron if o.id not in plan.vervallen]
    assert gezien == verwacht
    for id_ in plan.weggelaten:
        assert per_id[id_].optioneel and id_ in plan.vervallen
    pauzes = [i for i in plan.vervallen if i not in plan.weggelaten]
    for id_ in pauzes:
        assert per_id[id_].soort == "pauze"
    assert len(pauzes) <= len(plan.sessies) - 1
    # R14: the parts of a keep-together group share a session.
    sessie_van = {o.id: s.nummer for s in plan.sessies for o in s.onderdelen}
    for groep in draaiboek.samen:
        assert len({sessie_van[i] for i in groep if i in sessie_van}) <= 1, groep
    # R13: a draaiboek that may not be split is one session.
    if not draaiboek.splitsen:
        assert len(plan.sessies) == 1
    # Every session holds content beyond an opening or closing (when the draaiboek has any).
    if len(plan.sessies) > 1 and any(per_id[i].soort not in GEEN_INHOUD for i in gezien):
        for sessie in plan.sessies:
            assert any(o.bron is not None and o.soort not in GEEN_INHOUD for o in sessie.onderdelen
                       if not o.toegevoegd or o.soort == "agendapunt"), sessie.nummer
    # R15: an optional part goes before anything shrinks below nominal or a session is added; and
    # only when the nominal minutes did not fit with it.
    ingekort = any(o.id in per_id and o.duur_min < per_id[o.id].minuten for s in plan.sessies for o in s.onderdelen)
    if ingekort or len(plan.sessies) > 1:
        assert not any(per_id[i].optioneel for i in gezien)
    zelf_weg = [i for i in plan.weggelaten if i not in vraag.zonder]
    if zelf_weg:
        eerste = min(zelf_weg, key=[o.id for o in bron].index)
        over = [o.id for o in bron if o.id not in plan.weggelaten]
        assert sum(per_id[i].minuten for i in over) + per_id[eerste].minuten > plan.tijd_min
    # The first session starts when asked (the same instant).
    assert _utc(plan.sessies[0].start) == _utc(vraag.start)


def plan_of_weigering(draaiboek: Draaiboek, vraag: Vraag) -> None:
    """Plan, check every invariant, and compare the session count with the exhaustive search."""
    variant = next((v for v in draaiboek.varianten if v.groep_min <= vraag.groep <= v.groep_max), None)
    bron = draaiboek.onderdelen_voor(variant)
    tijd = vraag.tijd_min
    assert tijd is not None
    delen = behouden(bron, tijd, vraag.zonder)
    laag = [effectieve_laag(o, draaiboek, vraag.strategie) for o in delen]
    # P6: where the plan would split, the pause gives way first (not below 5 minutes).
    if vraag.strategie != "inkorten" and draaiboek.splitsen and sum(laag) > tijd:
        laag = [effectieve_laag(o, draaiboek, vraag.strategie, pauze_wijkt=True) for o in delen]
    past = sum(laag) <= tijd

    def minst() -> int | None:
        return fewest_sessies(laag, [o.soort == "pauze" for o in delen], tijd,
                              [o.soort not in GEEN_INHOUD for o in delen],
                              verboden_naden(draaiboek, delen))

    try:
        plan = maak_plan(draaiboek, vraag)
    except PlannerFout as fout:
        assert str(fout).strip()
        buiten = not draaiboek.groep_min <= vraag.groep <= draaiboek.groep_max
        if buiten or not bron:
            return
        if isinstance(fout, PlanFout) and vraag.strategie == "splitsen" and not draaiboek.splitsen:
            assert draaiboek.niet_splitsen_omdat in str(fout)  # says why, citing the source
            return
        if isinstance(fout, PlanFout) and not past and (
                vraag.strategie == "inkorten" or not draaiboek.splitsen or minst() is None):
            return
        if "--interval is te kort" in str(fout):
            return  # refused: the next session would start before this one ends
        raise AssertionError(f"onterecht geweigerd: {fout}") from fout
    assert draaiboek.groep_min <= vraag.groep <= draaiboek.groep_max
    controleer_plan(plan, draaiboek, vraag, bron)
    assert [o.id for s in plan.sessies for o in s.onderdelen if not o.toegevoegd] == [
        o.id for o in delen if o.id not in plan.vervallen]
    if past:
        assert len(plan.sessies) == 1
    else:
        assert vraag.strategie != "inkorten" and draaiboek.splitsen
        assert len(plan.sessies) == minst()


vragen = st.builds(
    Vraag,
    groep=st.integers(1, 42),
    tijd_min=st.integers(1, 8 * 60),
    start=rond_zomertijd(),
    interval=intervallen,
    strategie=st.sampled_from(STRATEGIEEN),
)


@INSTELLINGEN
@given(draaiboek=draaiboeken(), vraag=vragen, data=st.data())
def test_elk_plan_houdt_zich_aan_de_regels(draaiboek: Draaiboek, vraag: Vraag, data: st.DataObject) -> None:
    variant = next((v for v in draaiboek.varianten if v.groep_min <= vraag.groep <= v.groep_max), None)
    optioneel = [o.id for o in draaiboek.onderdelen_voor(variant) if o.optioneel]
    if optioneel:
        # --zonder: leave out some optional parts by hand.
        vraag = replace(vraag, zonder=tuple(data.draw(st.lists(st.sampled_from(optioneel), unique=True))))
    plan_of_weigering(draaiboek, vraag)


@settings(max_examples=100, deadline=None)
@given(draaiboek=draaiboeken(max_onderdelen=30), vraag=vragen)
def test_grotere_draaiboeken(draaiboek: Draaiboek, vraag: Vraag) -> None:
    """Beyond brute-force size the same invariants hold."""
    variant = next((v for v in draaiboek.varianten if v.groep_min <= vraag.groep <= v.groep_max), None)
    try:
        plan = maak_plan(draaiboek, vraag)
    except PlannerFout:
        return
    controleer_plan(plan, draaiboek, vraag, draaiboek.onderdelen_voor(variant))


# ------------------------------------------------------------------------------ via TOML


def als_toml(d: Draaiboek) -> str:
    """The draaiboek as a facilitator would write it."""
    def tekst(t: str) -> str:
        return json.dumps(t, ensure_ascii=False)

    regels = [f"id = {tekst(d.id)}", f"titel = {tekst(d.titel)}", f"bron = {tekst(d.bron)}",
              f"bij_tijdgebrek = {tekst(d.bij_tijdgebrek)}"]
    if not d.varianten:
        regels += [f"groep_min = {d.groep_min}", f"groep_max = {d.groep_max}"]
    regels += ["", "[splitsen]", f"welkom_terug = {d.welkom_terug_min}", f"vooruitblik = {d.vooruitblik_min}",
               f"mag = {str(d.splitsen).lower()}", f"samen = {json.dumps([list(g) for g in d.samen])}",
               f"naden = {json.dumps(list(d.naden))}"]
    if d.niet_splitsen_omdat:
        regels.append(f"omdat = {tekst(d.niet_splitsen_omdat)}")
    regels.append("")
    for v in d.varianten:
        regels += ["[[varianten]]", f"id = {tekst(v.id)}", f"titel = {tekst(v.titel)}",
                   f"groep_min = {v.groep_min}", f"groep_max = {v.groep_max}", ""]
    for o in d.onderdelen:
        regels += ["[[onderdelen]]", f"id = {tekst(o.id)}", f"titel = {tekst(o.titel)}",
                   f"soort = {tekst(o.soort)}", f"minuten = {o.minuten}", f"min = {o.min_minuten}",
                   f"max = {o.max_minuten}", f"stap = {o.stap}", f"geschat = {str(o.geschat).lower()}"]
        if o.varianten:
            regels.append(f"varianten = {json.dumps(list(o.varianten))}")
        if o.anker:
            regels.append(f"anker = {tekst(o.anker)}")
        if o.optioneel:
            regels.append("optioneel = true")
        regels.append("")
    return "\n".join(regels)


@INSTELLINGEN
@given(draaiboek=draaiboeken(), vraag=vragen)
def test_via_toml_hetzelfde_draaiboek_en_dezelfde_regels(draaiboek: Draaiboek, vraag: Vraag) -> None:
    gelezen, problemen = valideren.lees_draaiboek(tomllib.loads(als_toml(draaiboek)), "willekeurig.toml")
    assert problemen == []
    assert gelezen is not None
    assert replace(gelezen, herkomst=draaiboek.herkomst, pad=draaiboek.pad) == draaiboek
    plan_of_weigering(gelezen, vraag)


# ------------------------------------------------------------------------------ broken TOML


@st.composite
def kapotte_toml(draw) -> str:
    regels = als_toml(draw(draaiboeken())).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not regels:
            break
        i = draw(st.integers(0, len(regels) - 1))
        soort = draw(st.sampled_from(("weg", "negatief", "tekst", "komma", "dubbel", "rommel", "leeg",
                                      "afkappen", "ander-type", "groot")))
        regel = regels[i]
        if soort == "weg":
            del regels[i]
        elif soort == "negatief":
            regels[i] = re.sub(r"= (\d+)", r"= -\1", regel)
        elif soort == "tekst":
            regels[i] = re.sub(r"= (\d+)", r'= "\1"', regel)
        elif soort == "komma":
            regels[i] = re.sub(r"= (\d+)", r"= \1.5", regel)
        elif soort == "groot":
            regels[i] = re.sub(r"= (\d+)", r"= 99999999999999999999", regel)
        elif soort == "dubbel":
            # Duplicate a whole [[onderdelen]] block: two parts with the same id.
            begin = max((j for j in range(i + 1) if regels[j] == "[[onderdelen]]"), default=None)
            if begin is not None:
                eind = next((j for j in range(begin + 1, len(regels)) if regels[j].startswith("[")), len(regels))
                regels[eind:eind] = ["", *regels[begin:eind]]
        elif soort == "rommel":
            regels.insert(i, draw(st.sampled_from(("[[onderdelen]]", "[varianten]", "x = ", "= 3", "minuten = []",
                                                   "soort = \"feest\"", "anker = \"begin\"", "groepjes = [4, 3]",
                                                   "beurten = 3", "[splitsen]", "stap = 0", "onderdelen = 5"))))
        elif soort == "leeg":
            regels[i] = re.sub(r'= ".*"', '= ""', regel)
        elif soort == "ander-type":
            regels[i] = re.sub(r"= .*", draw(st.sampled_from(("= true", "= []", "= {}", "= 1979-05-27", "= 3"))),
                               regel)
        else:
            regels[i] = regel[: draw(st.integers(0, len(regel)))]
    return "\n".join(regels)


@settings(max_examples=300, deadline=None)
@given(tekst=kapotte_toml(), groep=st.integers(1, 40), tijd=st.integers(1, 600),
       strategie=st.sampled_from(STRATEGIEEN))
def test_kapotte_toml_geeft_problemen_nooit_een_crash(tekst: str, groep: int, tijd: int, strategie: str) -> None:
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "kapot.toml"
        pad.write_text(tekst, encoding="utf-8")
        draaiboek, problemen = laden.controleer_bestand(pad)
    assert (draaiboek is None) == bool(problemen)
    for probleem in problemen:
        assert str(probleem).startswith(str(pad))
    if draaiboek is not None:
        # Whatever the loader accepts, the core plans or refuses in Dutch.
        with contextlib.suppress(PlannerFout):
            maak_plan(draaiboek, Vraag(groep=groep, tijd_min=tijd, strategie=strategie,
                                       start=datetime(2026, 12, 1, 13, 30, tzinfo=AMSTERDAM)))


# ------------------------------------------------------------------------- command lines


WERK = Path(tempfile.mkdtemp(prefix="planner-cli-"))
atexit.register(shutil.rmtree, WERK, ignore_errors=True)
(WERK / "eigen").mkdir()
(WERK / "eigen.toml").write_text(
    'id = "eigen"\ntitel = "Eigen"\nbron = "test"\n[[onderdelen]]\nid = "a"\ntitel = "A"\n'
    'soort = "werkvorm"\nminuten = 30\nmin = 20\nmax = 40\n', encoding="utf-8")
(WERK / "kapot.toml").write_text('id = "kapot\n', encoding="utf-8")

WOORDEN = {
    "cmd": ["plan", "lijst", "toon", "onzin", "", "--help", "-h", "--version", "plan plan"],
    "draaiboek": ["kickoff", "training", "kennismaking", "ontmoeting", "onbekend", "", "KICKOFF", "../x.toml",
                  str(WERK / "eigen.toml"), str(WERK / "kapot.toml"), str(WERK), "a b", "é"],
    "--groep": ["20", "1", "0", "-3", "abc", "", "1e3", "99999999999999999999", "8", "31", " 12 "],
    "--tijd": ["2u", "90", "0", "-1u", "abc", "1u30", "99999u", "", "1,5u", "1:30", "5", "10000"],
    "--start": ["2026-03-29T02:30", "2026-13-01", "x", "2026-10-25T02:30", "2026-12-01 13:30", "2026-02-30T10:00",
                "9999-12-31T23:59", "0001-01-01T00:00"],
    "--interval": ["7d", "0d", "2u", "-1", "x", "1m", "3mnd", "5", "9999999999w"],
    "--tz": ["Europe/Amsterdam", "Europe/Brussels", "Mars/Olympus", "../../etc/passwd", "", "UTC", "America/Sao_Paulo"],
    "--strategie": ["auto", "splitsen", "inkorten", "snel", ""],
    "--variant": ["A", "B", "a", "Z", ""],
    "--zonder": ["reflectie", "welkom", "onbekend", ""],
    "--format": ["tabel", "json", "ics", "xml", "JSON", ""],
    "--locatie": ["Zaal 1", "", "; , \\ \"", "é" * 200],
    "--uitvoer": [str(WERK / "uit.txt"), str(WERK), str(WERK / "geen" / "uit.txt"), "-"],
    "--ics": [str(WERK / "agenda.ics"), str(WERK), str(WERK / "geen" / "a.ics")],
}
VLAGGEN = ["--force", "--bogus", "-g", "--groep", "--"]


@st.composite
def opdrachtregels(draw) -> list[str]:
    args = draw(st.sampled_from(WOORDEN["cmd"])).split()
    if draw(st.booleans()):
        args.append(draw(st.sampled_from(WOORDEN["draaiboek"])))
    for optie in draw(st.lists(st.sampled_from([k for k in WOORDEN if k.startswith("-")]), max_size=6)):
        args += [optie, draw(st.sampled_from(WOORDEN[optie]))]
    if draw(st.integers(0, 3)) == 0:
        args.insert(draw(st.integers(0, len(args))), draw(st.sampled_from(VLAGGEN)))
    if draw(st.integers(0, 5)) == 0:
        args.append(draw(st.text(max_size=8)))
    return args


def draai_cli(args: list[str]) -> tuple[int, str, str]:
    uit, fout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    code: object = 0
    with mock.patch.object(sys, "argv", ["planner", *args]), \
            mock.patch.dict("os.environ", {"PLANNER_DRAAIBOEKEN": str(WERK / "eigen")}), \
            contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        try:
            ingang.opdracht()
        except SystemExit as einde:
            code = einde.code
    uit.flush()
    return code, uit.buffer.getvalue().decode("utf-8"), fout.getvalue()  # type: ignore[attr-defined]


@settings(max_examples=250, deadline=None)
@given(args=opdrachtregels())
@example(args=["plan", "kickoff", "--groep", "20", "--tijd", "2u", "--interval", "2u"])
@example(args=["plan", "kickoff", "--groep", "20", "--start", "9999-12-31T23:59"])
@example(args=["plan", "kickoff", "--groep", "20", "--tijd", "10000"])
@example(args=["toon", "0\r0"])
def test_willekeurige_opdrachtregel_nooit_een_traceback(args: list[str]) -> None:
    code, uit, fout = draai_cli(args)
    assert "Traceback" not in fout and "Traceback" not in uit
    # 0 ok; 2 usage/input; 3 cannot plan; 4 file; 5 broken draaiboek (see fouten.py).
    assert code in (0, 2, 3, 4, 5), (code, fout)
    if code:
        regels = fout.strip().splitlines()
        assert len(regels) == 1 and regels[0].startswith("planner: "), fout


def test_brute_force_telt_zelf_goed() -> None:
    """The reference itself: the planner's own parts cost no session, a pause gives way, a
    keep-together group and a session of only an opening are never chosen."""
    assert fewest_sessies([60, 60, 60], [False] * 3, 59) is None
    assert fewest_sessies([60, 60, 60], [False] * 3, 60) == 3
    assert fewest_sessies([60, 60, 60], [False] * 3, 120) == 2
    assert fewest_sessies([30, 15, 30], [False, True, False], 30) == 2  # the pause gives way
    assert fewest_sessies([30, 30, 30], [False] * 3, 60, verboden=frozenset({0})) == 2
    assert fewest_sessies([30, 30, 30], [False] * 3, 60, verboden=frozenset({0, 1})) is None
    assert fewest_sessies([30, 30, 30], [False] * 3, 30, [False, True, True]) is None  # opening alone


# ------------------------------------------------------- splits against the plain DP


def splits_eenvoudig(maten: list[Maat], tijd: int, welkom: int, vooruit: int,
                     naden: Naden = Naden()) -> list[tuple[int, int]] | None:
    """The straightforward O(n x parts per session) DP that `sessies.splits` speeds up."""
    n = len(maten)
    inhoud = [is_inhoud(m) for m in maten]
    if not any(inhoud):
        inhoud = [True] * n
    oneindig = (math.inf, math.inf, math.inf, math.inf)
    beste: list[tuple[float, float, float, float]] = [oneindig] * (n + 1)
    vorige: list[tuple[int, int] | None] = [None] * (n + 1)
    beste[0] = (0, 0, 0, 0)

    def mis(*plekken: int) -> int:
        return 0 if naden.voorkeur is None or any(p in naden.voorkeur for p in plekken) else 1

    for begin in range(n):
        if beste[begin] == oneindig:
            continue
        sessies, missers, zonder_pauze, langste = beste[begin]
        last = 0
        for einde in range(begin, n):
            last += maten[einde].laag
            if last > tijd:
                break
            if not any(inhoud[begin:einde + 1]):
                continue
            eigen = welkom if begin > 0 else 0
            if einde == n - 1:
                opties = [(n, 0, 0, last + eigen)]
            else:
                opties = []
                if (maten[einde + 1].is_pauze and einde + 1 < n - 1 and not maten[einde + 2].is_pauze
                        and einde not in naden.verboden and einde + 1 not in naden.verboden):
                    opties.append((einde + 2, mis(einde, einde + 1), 0, last + eigen + vooruit))
                if (not maten[einde].is_pauze and not maten[einde + 1].is_pauze
                        and einde not in naden.verboden):
                    opties.append((einde + 1, mis(einde), 1, last + eigen + vooruit))
            for volgende, m, naad, sessielast in opties:
                kosten = (sessies + 1, missers + m, zonder_pauze + naad, max(langste, sessielast))
                if kosten < beste[volgende]:
                    beste[volgende] = kosten
                    vorige[volgende] = (begin, einde + 1)
    if beste[n] == oneindig:
        return None
    reeksen = []
    positie = n
    while positie > 0:
        stap = vorige[positie]
        assert stap is not None
        reeksen.append(stap)
        positie = stap[0]
    return reeksen[::-1]


@st.composite
def maten_lijsten(draw) -> list[Maat]:
    uit = []
    for i in range(draw(st.integers(1, 14))):
        laag = draw(st.sampled_from((5, 10, 15, 30, 45, 60)) | st.integers(1, 90))
        soort = draw(st.sampled_from(("pauze", "werkvorm", "werkvorm", "opening", "evaluatie", "afronding")))
        uit.append(Maat(Onderdeel(f"o{i}", "O", soort, laag, laag, laag), laag, laag, laag))
    return uit


@settings(max_examples=1000, deadline=None)
@given(maten=maten_lijsten(), tijd=st.integers(1, 400), welkom=st.integers(0, 10), vooruit=st.integers(0, 10),
       data=st.data())
def test_splits_kiest_precies_wat_de_eenvoudige_dp_kiest(maten: list[Maat], tijd: int, welkom: int,
                                                         vooruit: int, data: st.DataObject) -> None:
    """Same sessions, same seams, same tie-breaks: the fast splits is only faster."""
    plekken = st.integers(0, max(0, len(maten) - 1))
    naden = Naden(frozenset(data.draw(st.sets(plekken, max_size=3))),
                  data.draw(st.none() | st.frozensets(plekken, max_size=3)))
    assert splits(maten, tijd, welkom, vooruit, naden) == splits_eenvoudig(maten, tijd, welkom, vooruit, naden)
