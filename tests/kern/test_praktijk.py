"""Learning from practice: per onderdeel over sessions, and minutes moved only within the source's bounds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planner.bibliotheek import laden
from planner.kern.praktijk import MINSTE_SESSIES, Meting, bijstellingen, verzamel


def _log(wensen: int, status: str = "gedaan") -> list[Meting]:
    return [Meting("contracteren", "Contracteren", 10, 12, "gedaan"),
            Meting("pauze-1", "Pauze (klok stilgezet)", None, 5, "pauze"),
            Meting("wensen", "Wensen", 20, wensen, status),
            Meting("vrije-ruimte", "Vrije ruimte (uitloop)", None, 3, "gedaan")]


def test_mediaan_spreiding_en_hoe_vaak_langer():
    praktijk = {p.id: p for p in verzamel([_log(19), _log(24), _log(27), _log(12, "gestopt")])}
    # Pauses and the planner's free room are no onderdeel to learn from.
    assert set(praktijk) == {"contracteren", "wensen"}
    wensen = praktijk["wensen"]
    assert wensen.mediaan == 24 and wensen.spreiding == (19, 27) and wensen.langer == 2
    # Stopped halfway says nothing about how long the part takes.
    assert wensen.gedaan == 3 and wensen.sessies == 4 and wensen.niet_gedaan == 1


def test_bijstellen_binnen_de_grenzen_van_de_bron():
    ambitie = laden.vind("ambitiegesprek")
    wensen = next(o for o in ambitie.onderdelen if o.id == "wensen")
    voorstel = {b.id: b for b in bijstellingen(ambitie, verzamel([_log(24), _log(26), _log(23)]))}
    assert voorstel["wensen"].oud == wensen.minuten and voorstel["wensen"].nieuw == 25
    assert voorstel["wensen"].bewijs == "3 sessies: mediaan 24 min (23–26), 3× langer dan gepland"
    # Practice far above the source's maximum stops at the maximum, and says so.
    te_lang = {b.id: b for b in bijstellingen(ambitie, verzamel([_log(60), _log(70)]))}["wensen"]
    assert te_lang.nieuw == wensen.max_minuten and "hoogstens" in te_lang.grens


def test_een_sessie_is_te_weinig():
    ambitie = laden.vind("ambitiegesprek")
    voorstel = {b.id: b for b in bijstellingen(ambitie, verzamel([_log(30)]))}
    assert MINSTE_SESSIES > 1 and not voorstel["wensen"].verandert and "sessies" in voorstel["wensen"].grens


@given(st.lists(st.integers(0, 200), min_size=1, max_size=8), st.sampled_from(
    ["ambitiegesprek", "kennismaking", "training", "kickoff", "ontmoeting", "intervisie", "gespreksfases"]))
def test_nooit_buiten_de_grenzen_en_altijd_op_het_raster(minuten, naam):
    d = laden.vind(naam)
    logs = [[Meting(o.id, o.titel, o.minuten, m, "gedaan") for o in d.onderdelen] for m in minuten]
    per_id = {o.id: o for o in d.onderdelen}
    for b in bijstellingen(d, verzamel(logs)):
        o = per_id[b.id]
        assert o.min_minuten <= b.nieuw <= o.max_minuten
        assert b.nieuw == o.minuten or b.nieuw % o.stap == 0 or b.nieuw in (o.min_minuten, o.max_minuten)


def test_een_sessie_heet_een_sessie_in_het_bewijs():
    """'1 sessie: mediaan 24 min', not '1 sessies'."""
    voorstel = {b.id: b for b in bijstellingen(laden.vind("ambitiegesprek"), verzamel([_log(24)]))}
    assert voorstel["wensen"].bewijs.startswith("1 sessie: mediaan 24 min"), voorstel["wensen"].bewijs
