"""The planning core: choose the variant, size the onderdelen, fit them into sessions, set times.

Pure: takes a Draaiboek and a Vraag, returns a Plan or raises a PlannerFout. It never prints.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from planner.kern.fouten import InvoerFout, PlanFout
from planner.kern.model import (
    Beurten,
    Draaiboek,
    GeplandOnderdeel,
    Herhaling,
    Onderdeel,
    Plan,
    Sessie,
    Variant,
)
from planner.kern.tekst import groepjes_tekst, per_persoon_tekst
from planner.kern.teksten import pas_teksten_aan
from planner.kern.tijd import Interval, deelnemers, lees_duur, lees_zone, plus_minuten, toon_duur

STRATEGIEEN = ("auto", "splitsen", "inkorten")
GRID = 5
# Ids of the parts the planner adds itself (P3, R8).
VRIJE_RUIMTE = "vrije-ruimte"
WELKOM_TERUG = "welkom-terug"
VOORUITBLIK = "vooruitblik"


def is_planner_id(id_: str) -> bool:
    """True for the ids of parts the planner adds itself; an agenda item must not take one."""
    return id_ == VRIJE_RUIMTE or re.fullmatch(rf"({WELKOM_TERUG}|{VOORUITBLIK})-\d+", id_) is not None


@dataclass(frozen=True)
class Vraag:
    """What the facilitator asks for."""

    groep: int
    tijd_min: int | None = None  # None: the draaiboek's own nominal duration
    start: datetime | None = None  # local, with tzinfo; None: tomorrow at 09:00
    interval: Interval = field(default_factory=lambda: Interval(dagen=7))
    tz: str = "Europe/Amsterdam"
    strategie: str = "auto"
    locatie: str = ""
    vooraf: tuple[Onderdeel, ...] = ()
    daarna: tuple[Onderdeel, ...] = ()
    variant: str | None = None  # --variant: the facilitator's choice where the group fits more than one
    zonder: tuple[str, ...] = ()  # --zonder: optional onderdelen to leave out


@dataclass(frozen=True)
class Maat:
    """An onderdeel with the bounds it has for this group and this strategy."""

    onderdeel: Onderdeel
    laag: int
    nominaal: int
    hoog: int
    toegevoegd: bool = False

    @property
    def stap(self) -> int:
        return self.onderdeel.stap

    @property
    def is_pauze(self) -> bool:
        return self.onderdeel.soort == "pauze"


# ------------------------------------------------------------------- the meeting's own agenda


def herhaling_van(draaiboek: Draaiboek) -> Herhaling:
    """The follow-up meeting the draaiboek recommends, or a clear sentence why there is none."""
    if draaiboek.herhaling is None:
        raise InvoerFout(
            f"Het draaiboek '{draaiboek.id}' noemt geen herhalingsbijeenkomst, dus --herhaling kan "
            "hier niet: laat de optie weg, of zet in een eigen draaiboek een regel "
            "herhaling = { titel = \"…\", minuten = … }."
        )
    return draaiboek.herhaling


def lees_agendapunt(tekst: str, optie: str, bezet: set[str]) -> Onderdeel:
    """An agenda item of the meeting itself from 'Titel=DUUR' (--vooraf/--daarna).

    Fixed minutes (the user gave them), soort 'agendapunt' so every output marks it as added,
    and an id made from the title that clashes with nothing in `bezet` (which it extends).
    """
    titel, teken, duur = tekst.partition("=")
    titel = titel.strip()
    if not teken or not titel:
        raise InvoerFout(f"{optie} '{tekst}' is geen agendapunt: schrijf titel=duur, bijvoorbeeld "
                         f'{optie} "Teamoverleg=45m".')
    minuten = lees_duur(duur, naam=f"{optie} '{titel}':")
    basis = _slug(titel)
    id_, nummer = basis, 2
    # The planner's own added parts must keep their ids too.
    while id_ in bezet or is_planner_id(id_):
        id_, nummer = f"{basis}-{nummer}", nummer + 1
    bezet.add(id_)
    return Onderdeel(id=id_, titel=titel, soort="agendapunt", minuten=minuten,
                     min_minuten=minuten, max_minuten=minuten, stap=1,
                     werkvorm="agendapunt van de bijeenkomst")


def _slug(titel: str) -> str:
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", titel).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_).split())[:40] or "agendapunt"


# ---------------------------------------------------------------------------- variant and sizes


def kies_variant(draaiboek: Draaiboek, groep: int, gekozen: str | None = None) -> Variant | None:
    """The variant for this group: the one whose range holds it, or `gekozen` (--variant) where
    the source allows that variant for this group too (Variant.ook_groep_min/max, R1)."""
    if groep < 1:
        raise InvoerFout(f"--groep {groep} kan niet: een groep heeft minstens 1 deelnemer.")
    if groep > draaiboek.groep_max or groep < draaiboek.groep_min:
        te_groot = groep > draaiboek.groep_max
        grens = f"maximaal {draaiboek.groep_max}" if te_groot else f"minstens {draaiboek.groep_min}"
        # groep_omdat explains both ends of the range (what the source says, what is the planner's own).
        waarom = f" — {draaiboek.groep_omdat.rstrip('.')}" if draaiboek.groep_omdat else ""
        raise PlanFout(
            f"Een groep van {groep} is te {'groot' if te_groot else 'klein'} voor '{draaiboek.id}', dat "
            f"{grens} deelnemers {'toelaat' if te_groot else 'vraagt'}{waarom}; "
            + ("verdeel de groep over meer bijeenkomsten of kies een ander draaiboek."
               if te_groot else "kies een ander draaiboek.")
        )
    if gekozen is not None:
        return _gekozen_variant(draaiboek, groep, gekozen)
    for variant in draaiboek.varianten:
        if variant.groep_min <= groep <= variant.groep_max:
            return variant
    return None


def _gekozen_variant(draaiboek: Draaiboek, groep: int, gekozen: str) -> Variant:
    ids = [v.id for v in draaiboek.varianten]
    variant = next((v for v in draaiboek.varianten if v.id.lower() == gekozen.strip().lower()), None)
    if variant is None:
        if not ids:
            raise InvoerFout(f"'{draaiboek.id}' heeft geen varianten: laat --variant weg.")
        raise InvoerFout(f"--variant '{gekozen}' bestaat niet in '{draaiboek.id}': kies uit {', '.join(ids)}.")
    if not variant.past_ook(groep):
        passend = [v.id for v in draaiboek.varianten if v.past_ook(groep)]
        raise PlanFout(
            f"Variant {variant.id} past niet bij een groep van {groep} ({_bereik(variant)} deelnemers): "
            f"kies {' of '.join(passend) or 'een andere variant'}, of laat --variant weg."
        )
    return variant


def _bereik(variant: Variant) -> str:
    laag = min(variant.groep_min, variant.ook_groep_min or variant.groep_min)
    hoog = max(variant.groep_max, variant.ook_groep_max or variant.groep_max)
    return f"{laag}-{hoog}" if laag != hoog else str(laag)


def _naar_boven(minuten: float, stap: int) -> int:
    return int(math.ceil(minuten / stap - 1e-9)) * stap


def _naar_beneden(minuten: float, stap: int) -> int:
    return int(math.floor(minuten / stap + 1e-9)) * stap


def maat_voor(onderdeel: Onderdeel, groep: int, strategie: str) -> Maat:
    """The bounds of one onderdeel for this group; 'splitsen' never shrinks below nominal."""
    laag, nominaal, hoog = onderdeel.min_minuten, onderdeel.minuten, onderdeel.max_minuten
    beurten = onderdeel.beurten
    if beurten and beurten.bepaalt_duur:
        # A round along everybody takes groep x (min..max) minutes, within the template's bounds.
        laag = min(hoog, max(laag, _naar_boven(groep * beurten.min, onderdeel.stap)))
        hoog = max(laag, min(hoog, _naar_beneden(groep * beurten.max, onderdeel.stap)))
        nominaal = min(max(nominaal, laag), hoog)
    if strategie == "splitsen":
        laag = nominaal
    # The meeting's own agenda items (--vooraf/--daarna) are not the source's.
    return Maat(onderdeel, laag, nominaal, hoog, toegevoegd=onderdeel.soort == "agendapunt")


# ---------------------------------------------------------------------------------- fitting


def verdeel(maten: list[Maat], doel: int) -> list[int]:
    """Minutes per onderdeel: from nominal towards `doel`, within bounds, in steps.

    Grows or shrinks every elastic part in proportion to its room, so no single part
    absorbs the whole difference.
    """
    duren = [m.nominaal for m in maten]
    verschil = doel - sum(duren)
    if verschil == 0:
        return duren
    teken = 1 if verschil > 0 else -1
    ruimte = [(m.hoog - m.nominaal) if teken > 0 else (m.nominaal - m.laag) for m in maten]
    totaal = sum(ruimte)
    if totaal == 0:
        return duren
    te_verdelen = min(abs(verschil), totaal)
    for i, m in enumerate(maten):
        deel = _naar_beneden(te_verdelen * ruimte[i] / totaal, m.stap)
        duren[i] += teken * deel
        ruimte[i] -= deel
    rest = abs(verschil) - abs(sum(duren) - sum(m.nominaal for m in maten))
    # Hand out what is left one step at a time, roomiest part first (ties: the earliest). A heap
    # keeps this O(n log n): a part dropped because its step no longer fits never fits again,
    # since both its room and `rest` only shrink.
    rij = [(-ruimte[i], i) for i in range(len(maten)) if ruimte[i] > 0]
    heapq.heapify(rij)
    while rest > 0 and rij:
        _, i = heapq.heappop(rij)
        stap = maten[i].stap
        if ruimte[i] < stap or stap > rest:
            continue
        duren[i] += teken * stap
        ruimte[i] -= stap
        rest -= stap
        heapq.heappush(rij, (-ruimte[i], i))
    if teken < 0 and rest > 0:
        # Still too long, and every step left is larger than what remains: one more step ends a
        # little early rather than past the time. Take the smallest step (the roomiest on a tie).
        kandidaten = [i for i, m in enumerate(maten) if ruimte[i] >= m.stap]
        if kandidaten:
            i = min(kandidaten, key=lambda k: (maten[k].stap, -ruimte[k], k))
            duren[i] -= maten[i].stap
    return duren


def _past(maten: list[Maat], tijd: int) -> bool:
    return sum(m.laag for m in maten) <= tijd


# -------------------------------------------------------------------------------- splitting


@dataclass(frozen=True)
class Naden:
    """Where sessions may break and where the template prefers them (R14, P3), by part index.

    A seam "after i" lies between part i and part i+1. `verboden`: seams inside a keep-together
    group (R14), never chosen. `voorkeur`: the template's preferred seams (`naden`); None when the
    template names none, so no seam is worse than another on that count.
    """

    verboden: frozenset[int] = frozenset()
    voorkeur: frozenset[int] | None = None


def _plekken(maten: list[Maat]) -> dict[str, int]:
    """Where each of the draaiboek's own parts stands among `maten` (not the planner's additions)."""
    return {m.onderdeel.id: i for i, m in enumerate(maten) if not m.toegevoegd}


def _samen_blokken(draaiboek: Draaiboek, plek: dict[str, int]) -> list[tuple[int, int]]:
    """The first and last index of each keep-together group (R14) with two or more parts in this plan."""
    blokken = []
    for groep in draaiboek.samen:
        posities = [plek[i] for i in groep if i in plek]
        if len(posities) > 1:
            blokken.append((min(posities), max(posities)))
    return blokken


def naden_voor(draaiboek: Draaiboek, maten: list[Maat]) -> Naden:
    """The seam rules of `draaiboek` for these parts (ids of other variants or dropped parts ignored)."""
    plek = _plekken(maten)
    verboden: set[int] = set()
    for eerste, laatste in _samen_blokken(draaiboek, plek):
        verboden.update(range(eerste, laatste))
    voorkeur = frozenset(plek[i] for i in draaiboek.naden if i in plek) if draaiboek.naden else None
    return Naden(frozenset(verboden), voorkeur)


def _samen_nodig(draaiboek: Draaiboek, maten: list[Maat], nodig: int, langste: Maat) -> str | None:
    """Why sessions must be `nodig` long, when a run of parts that must share a session sets it and
    not its longest part: a keep-together group (R14), or an opening or closing with the part next
    to it (GEEN_INHOUD). None when no such run explains `nodig` exactly."""
    for begin, einde, waarom in _verplichte_blokken(draaiboek, maten):
        blok = maten[begin:einde + 1]
        minuten = sum(m.laag for m in blok)
        delen = [m for m in blok if not m.is_pauze]
        if minuten == nodig and minuten > langste.laag and len(delen) > 1:
            namen = ", ".join(f"'{m.onderdeel.titel}'" for m in delen[:-1]) + f" en '{delen[-1].onderdeel.titel}'"
            return f"{namen} moeten in één sessie ({waarom}) en duren samen minstens {toon_duur(minuten)}"
    return None


_NIET_ALLEEN = "komt niet alleen in een sessie"


def _verplichte_blokken(draaiboek: Draaiboek, maten: list[Maat]) -> list[tuple[int, int, str]]:
    """Runs of parts (first and last index) that no split can take apart, and why."""
    blokken = [(eerste, laatste, "het draaiboek houdt ze bij elkaar")
               for eerste, laatste in _samen_blokken(draaiboek, _plekken(maten))]
    eigen = [i for i, m in enumerate(maten) if not m.toegevoegd]
    inhoud = [i for i in eigen if is_inhoud(maten[i])]
    if inhoud and eigen[0] < inhoud[0]:
        blokken.append((eigen[0], inhoud[0], f"een {maten[eigen[0]].onderdeel.soort} {_NIET_ALLEEN}"))
    if inhoud and eigen[-1] > inhoud[-1]:
        blokken.append((inhoud[-1], eigen[-1], f"een {maten[eigen[-1]].onderdeel.soort} {_NIET_ALLEEN}"))
    return blokken


# A session is worth meeting for only with one part beyond these: nobody meets a week later for
# only a welcome, a break or the closing round (the planner's reading, issue 8).
GEEN_INHOUD = ("opening", "pauze", "afronding")


def is_inhoud(maat: Maat) -> bool:
    """True for a part that makes a session worth meeting for (not in GEEN_INHOUD)."""
    return maat.onderdeel.soort not in GEEN_INHOUD


def splits(maten: list[Maat], tijd: int, welkom: int, vooruit: int,
           naden: Naden = Naden()) -> list[tuple[int, int]] | None:
    """The fewest sessions, as (first, end) index ranges, or None when no split fits.

    A session fits when its parts fit at their minimum: the planner's own welkom terug and
    vooruitblik shrink or drop to make room and never cost a session (P3, R13). Every session
    holds a part beyond an opening or closing (`is_inhoud`), starts with no pause, and no seam falls inside a
    keep-together group (R14). A seam at an interior pause drops the pause: the break between
    sessions replaces it.

    Dynamic programming over the start of each session. Cost, compared in order: number of
    sessions; seams the template does not prefer (`naden`); seams not at a pause (P3); the
    longest session counting welkom terug and vooruitblik at full length (balance, which leaves
    them room); on a tie the earliest start.

    Each position v (the next session starts at part v) has one possible last part e(v): v-1,
    or v-2 when part v-1 is the pause that gives way. The sessions that can end there start in a
    window of positions that only moves right as v grows, so the best start is kept in a
    monotone queue: O(n log n) instead of O(n x parts per session), which matters when a long
    draaiboek is split into a few long sessions.
    """
    n = len(maten)
    if n == 0:
        return []
    # som[b] = minutes before part b at their minimum; a session [b, e] fits when
    # som[e+1] - som[b] <= tijd. Its load for balance adds welkom (not for the first) and the
    # vooruitblik; `basis` folds the welkom in, so load = som[e+1] + extra - basis[b].
    som = [0] * (n + 1)
    for i, m in enumerate(maten):
        som[i + 1] = som[i] + m.laag
    basis = [0] + [som[b] - welkom for b in range(1, n + 1)]
    # laatste_inhoud[e]: the last part <= e with content, or -1; a session [b, e] needs b <= it.
    # A draaiboek with no such part at all (only openings) is judged on every part.
    inhoud = [is_inhoud(m) for m in maten]
    if not any(inhoud):
        inhoud = [True] * n
    laatste_inhoud = [-1] * n
    for i in range(n):
        laatste_inhoud[i] = i if inhoud[i] else (laatste_inhoud[i - 1] if i else -1)
    beste: list[tuple[int, int, int, int] | None] = [None] * (n + 1)
    vorige: list[tuple[int, int] | None] = [None] * (n + 1)
    beste[0] = (0, 0, 0, 0)
    rij: list[int] = []  # starts b >= 1, costs non-decreasing from rij[kop] on
    kop = 0
    ingevoegd = 1  # next start to offer to the queue
    links = 1  # no start left of this fits any more

    def kosten(b: int) -> tuple[int, int, int, int]:
        waarde = beste[b]
        assert waarde is not None
        return waarde

    def mag_na(i: int) -> bool:
        return i not in naden.verboden

    def voorkeur(*plekken: int) -> int:
        """0 when the template prefers a seam after one of `plekken` (or names no seams), else 1."""
        if naden.voorkeur is None:
            return 0
        return 0 if any(p in naden.voorkeur for p in plekken) else 1

    for v in range(1, n + 1):
        if v == n:
            einde, extra, naad, mis = n - 1, 0, 0, 0
        elif maten[v].is_pauze:
            continue  # a session does not open with a pause
        elif maten[v - 1].is_pauze:
            if v < 2 or not (mag_na(v - 2) and mag_na(v - 1)):
                continue
            einde, extra, naad, mis = v - 2, vooruit, 0, voorkeur(v - 2, v - 1)
        else:
            if not mag_na(v - 1):
                continue
            einde, extra, naad, mis = v - 1, vooruit, 1, voorkeur(v - 1)
        grens = laatste_inhoud[einde]  # the latest start that still holds content
        drempel = som[einde + 1] - tijd - welkom  # a start b >= 1 fits when basis[b] >= drempel
        totaal = som[einde + 1] + extra
        while ingevoegd <= grens:
            if beste[ingevoegd] is not None:
                nieuw = kosten(ingevoegd)
                # A later start that is no worse makes an earlier one useless from now on.
                while len(rij) > kop and kosten(rij[-1]) > nieuw:
                    rij.pop()
                rij.append(ingevoegd)
            ingevoegd += 1
        kandidaat: tuple[tuple[int, int, int, int], int] | None = None
        if v == n:
            # The last session has no look-ahead, so its window may reach further left than the
            # queue still holds: scan it once.
            for b in range(max(1, bisect.bisect_left(basis, drempel, 1, einde + 1)), grens + 1):
                if beste[b] is not None:
                    s, m, k, lang = kosten(b)
                    sleutel = (s + 1, m + mis, k + naad, max(lang, totaal - basis[b]))
                    if kandidaat is None or sleutel < kandidaat[0]:
                        kandidaat = (sleutel, b)
        else:
            while links <= einde and basis[links] < drempel:
                links += 1
            while len(rij) > kop and rij[kop] < links:
                kop += 1
            if len(rij) > kop:
                groep = kosten(rij[kop])[:3]
                # The starts with the fewest sessions and seams: their longest session rises
                # along the queue while this session's load falls, so the best is where they cross.
                eind = bisect.bisect_right(rij, groep, kop, key=lambda b: kosten(b)[:3])
                kruis = bisect.bisect_left(rij, True, kop, eind,
                                           key=lambda b: kosten(b)[3] >= totaal - basis[b])
                for plek in (kruis - 1, kruis):
                    if kop <= plek < eind:
                        b = rij[plek]
                        sleutel = (groep[0] + 1, groep[1] + mis, groep[2] + naad,
                                   max(kosten(b)[3], totaal - basis[b]))
                        if kandidaat is None or sleutel < kandidaat[0]:
                            kandidaat = (sleutel, b)
        # The first session has no welkom, so start 0 is outside the queue's order: check it apart.
        if som[einde + 1] <= tijd and grens >= 0 and (
                kandidaat is None or (1, mis, naad, totaal) <= kandidaat[0]):
            kandidaat = ((1, mis, naad, totaal), 0)
        if kandidaat is not None:
            beste[v], vorige[v] = kandidaat[0], (kandidaat[1], einde + 1)
    if beste[n] is None:
        return None
    reeksen = []
    positie = n
    while positie > 0:
        stap = vorige[positie]
        assert stap is not None
        reeksen.append(stap)
        positie = stap[0]
    return list(reversed(reeksen))


def minimale_sessietijd(maten: list[Maat], welkom: int, vooruit: int, naden: Naden = Naden()) -> int:
    """The shortest session length for which some split exists (binary search on `splits`).

    The answer lies close to the longest part, so gallop up from there and bisect the last gap:
    far fewer probes than bisecting the whole range up to the programme's total length.
    """
    laag = max(m.laag for m in maten)
    bovengrens = sum(m.laag for m in maten)  # one session always fits
    sprong = max(1, welkom + vooruit)
    hoog = min(laag + sprong, bovengrens)
    while hoog < bovengrens and splits(maten, hoog, welkom, vooruit, naden) is None:
        laag = hoog + 1
        sprong *= 2
        hoog = min(laag + sprong, bovengrens)
    while laag < hoog:
        midden = (laag + hoog) // 2
        if splits(maten, midden, welkom, vooruit, naden) is None:
            laag = midden + 1
        else:
            hoog = midden
    return laag


# ------------------------------------------------------------------------------------ plan


def _toegevoegd(id_: str, titel: str, soort: str, minuten: int) -> Maat:
    onderdeel = Onderdeel(id=id_, titel=titel, soort=soort, minuten=minuten,
                          min_minuten=minuten, max_minuten=minuten, geschat=True,
                          werkvorm="plenair")
    return Maat(onderdeel, minuten, minuten, minuten, toegevoegd=True)


def maatstrategie_voor(draaiboek: Draaiboek, strategie: str) -> str:
    """How parts are sized: 'auto' follows the draaiboek, so a kickoff is split rather than shortened (R5)."""
    return "splitsen" if (strategie == "splitsen" or (
        strategie == "auto" and draaiboek.bij_tijdgebrek == "splitsen" and draaiboek.splitsen)) else "inkorten"


def maak_plan(draaiboek: Draaiboek, vraag: Vraag) -> Plan:
    """Plan `draaiboek` for the group and time in `vraag`."""
    strategie = vraag.strategie
    if strategie not in STRATEGIEEN:
        raise InvoerFout(f"--strategie '{strategie}' ken ik niet: kies auto, splitsen of inkorten.")
    zone = lees_zone(vraag.tz)
    variant = kies_variant(draaiboek, vraag.groep, vraag.variant)
    if strategie == "splitsen" and not draaiboek.splitsen:
        raise PlanFout(f"'{draaiboek.id}' verdeel ik niet over meer sessies: "
                       f"{_zin(draaiboek.niet_splitsen_omdat)}; laat --strategie splitsen weg.")
    maatstrategie = maatstrategie_voor(draaiboek, strategie)
    eigen = draaiboek.onderdelen_voor(variant)
    zonder = _zonder(draaiboek, eigen, vraag.zonder)
    onderdelen = vraag.vooraf + tuple(o for o in eigen if o.id not in zonder) + vraag.daarna
    # Without --tijd: the duration the source states (ambitiegesprek: "ongeveer 2 uur"), else the
    # draaiboek's nominal minutes, plus the meeting's own agenda items.
    if vraag.tijd_min is not None:
        tijd = vraag.tijd_min
    elif draaiboek.standaard_minuten is not None:
        tijd = draaiboek.standaard_minuten + sum(o.minuten for o in vraag.vooraf + vraag.daarna)
    else:
        tijd = sum(o.minuten for o in onderdelen)
    maten = [maat_voor(o, vraag.groep, maatstrategie) for o in onderdelen]
    waarschuwingen: list[str] = []
    vervallen: list[str] = list(zonder)
    weggelaten: list[str] = list(zonder)
    # R15: an optional part is the first to go, before anything shrinks below nominal or a
    # session is added; the last one first.
    while sum(m.nominaal for m in maten) > tijd:
        optioneel = [i for i, m in enumerate(maten) if m.onderdeel.optioneel]
        if not optioneel:
            break
        weg = maten.pop(optioneel[-1]).onderdeel
        vervallen.append(weg.id)
        weggelaten.append(weg.id)
        waarschuwingen.append(f"'{weg.titel}' valt weg: het is een optioneel onderdeel en zonder past de rest "
                              f"beter in {toon_duur(tijd)}. Plan het eventueel later.")

    if _past(maten, tijd):
        groepen = [maten]
    elif strategie == "inkorten" or not draaiboek.splitsen:
        minimum = sum(m.laag for m in maten)
        if not draaiboek.splitsen:
            raise PlanFout(
                f"In {toon_duur(tijd)} past '{draaiboek.id}' niet, ook niet ingekort: kies minstens "
                f"{toon_duur(minimum)}; het gaat niet over meer sessies, want {_zin(draaiboek.niet_splitsen_omdat)}."
            )
        raise PlanFout(
            f"In {toon_duur(tijd)} past '{draaiboek.id}' niet, ook niet ingekort: je hebt minstens "
            f"{toon_duur(minimum)} nodig, of gebruik --strategie splitsen."
        )
    else:
        groepen = _splits_in_sessies(draaiboek, maten, tijd, vervallen, waarschuwingen)
        waarschuwingen.insert(0,
            f"In {toon_duur(tijd)} past het programma niet in één keer: het is verdeeld over "
            f"{len(groepen)} sessies, steeds tussen twee onderdelen."
        )
        if draaiboek.bron_sessies is not None and len(groepen) > draaiboek.bron_sessies:
            waarschuwingen.insert(1, _meer_sessies_dan_de_bron(draaiboek, maten, tijd, len(groepen)))
        titels = {m.onderdeel.id: m.onderdeel.titel for m in maten}
        for pauze in vervallen:
            if pauze in titels and pauze not in weggelaten:
                waarschuwingen.append(f"'{titels[pauze]}' vervalt: de tijd tussen de sessies vervangt haar.")

    if len(groepen) > 1:
        # Split because time is short: parts keep (at most) their nominal minutes; stretching them
        # to fill each session would spread the programme thinner than the draaiboek means.
        groepen = [[replace(m, hoog=max(m.laag, m.nominaal)) for m in groep] for groep in groepen]
    sessieduren = [vul_sessie(groep, tijd) for groep in groepen]
    groepen = [met_vrije_ruimte(groep, duren) for groep, duren in zip(groepen, sessieduren, strict=True)]
    eerste = _eerste_start(vraag, zone)
    starts = _sessiestarts(eerste, vraag.interval, len(groepen))
    waarschuwingen += _klokmeldingen(eerste, starts)
    sessies = tuple(
        maak_sessie(i + 1, starts[i], groep, duren, vraag.groep)
        for i, (groep, duren) in enumerate(zip(groepen, sessieduren, strict=True))
    )
    for eerder, later in zip(sessies, sessies[1:], strict=False):
        # Compare instants, not wall clocks: same-zone datetimes compare naively around DST.
        if later.start.timestamp() < eerder.eind.timestamp():
            raise InvoerFout(
                f"Het --interval is te kort: sessie {later.nummer} zou beginnen voordat sessie "
                f"{eerder.nummer} om {eerder.eind:%H:%M} klaar is; kies minstens "
                f"{toon_duur(max(s.duur_min for s in sessies))}, bijvoorbeeld 1d of 7d."
            )
    waarschuwingen += _waarschuwingen(draaiboek, vraag, tijd, sessies, maten, variant)
    return pas_teksten_aan(Plan(
        draaiboek=draaiboek,
        variant=variant,
        groep=vraag.groep,
        tijd_min=tijd,
        strategie=strategie,
        sessies=sessies,
        waarschuwingen=tuple(waarschuwingen),
        vervallen=tuple(vervallen),
        weggelaten=tuple(weggelaten),
        vrij_min=max(0, tijd - sessies[0].duur_min) if len(sessies) == 1 else 0,
        start_aangenomen=vraag.start is None,
        tz=zone.key,
        locatie=vraag.locatie,
    ))


def _zin(tekst: str) -> str:
    """A template's reason as part of a sentence: no closing full stop, first letter kept."""
    return tekst.strip().rstrip(".") or "het draaiboek staat dat niet toe"


def _zonder(draaiboek: Draaiboek, onderdelen: tuple[Onderdeel, ...], ids: tuple[str, ...]) -> tuple[str, ...]:
    """The optional onderdelen --zonder leaves out; a required or unknown id is refused."""
    gekozen = []
    for ruw in ids:
        id_ = ruw.strip().lower()
        onderdeel = next((o for o in onderdelen if o.id == id_), None)
        if onderdeel is None:
            optioneel = [o.id for o in onderdelen if o.optioneel]
            keuze = (f"kies uit {', '.join(optioneel)}" if optioneel
                     else "dit draaiboek heeft geen optionele onderdelen")
            raise InvoerFout(f"--zonder '{ruw}': '{draaiboek.id}' heeft (in deze variant) geen onderdeel met die "
                             f"naam; {keuze} (zie 'planner toon {draaiboek.id}').")
        if not onderdeel.optioneel:
            raise InvoerFout(f"--zonder '{id_}' kan niet: '{onderdeel.titel}' is geen optioneel onderdeel van "
                             f"'{draaiboek.id}' en hoort bij het draaiboek.")
        if id_ not in gekozen:
            gekozen.append(id_)
    return tuple(gekozen)


def _splits_in_sessies(draaiboek: Draaiboek, maten: list[Maat], tijd: int,
                       vervallen: list[str], waarschuwingen: list[str]) -> list[list[Maat]]:
    welkom, vooruit = draaiboek.welkom_terug_min, draaiboek.vooruitblik_min
    naden = naden_voor(draaiboek, maten)
    reeksen = splits(maten, tijd, welkom, vooruit, naden)
    if reeksen is None:
        nodig = minimale_sessietijd(maten, welkom, vooruit, naden)
        langste = max(maten, key=lambda m: m.laag)
        reden = _samen_nodig(draaiboek, maten, nodig, langste)
        if reden is None and langste.laag <= tijd:
            # Every part fits on its own: what does not is a keep-together group (R14), or an
            # opening or closing that needs a part with it (GEEN_INHOUD).
            samen = "wat het draaiboek samen in één sessie houdt, of " if naden.verboden else ""
            reden = f"{samen}een opening of afronding past er niet samen met een ander onderdeel in"
        elif reden is None:
            reden = f"'{langste.onderdeel.titel}' duurt minstens {toon_duur(langste.laag)}"
        raise PlanFout(f"Sessies van {toon_duur(tijd)} zijn te kort: {reden}; kies minstens {toon_duur(nodig)} "
                       "per sessie.")
    groepen = []
    for nummer, (begin, einde) in enumerate(reeksen, start=1):
        groep = list(maten[begin:einde])
        # The planner's own parts take the room the source's parts leave (P3, R13): on the grid,
        # welkom terug first, and they drop out rather than cost a session.
        ruimte = tijd - sum(m.laag for m in groep)
        if nummer > 1:
            minuten = _eigen_minuten(welkom, ruimte)
            ruimte -= minuten
            if minuten:
                groep.insert(0, _toegevoegd(f"{WELKOM_TERUG}-{nummer}", "Welkom terug", "opening", minuten))
            _meld_eigen(waarschuwingen, f"Het welkom terug van sessie {nummer}", welkom, minuten)
        if nummer < len(reeksen):
            minuten = _eigen_minuten(vooruit, ruimte)
            if minuten:
                groep.append(_toegevoegd(f"{VOORUITBLIK}-{nummer}", "Vooruitblik op de volgende sessie",
                                         "afronding", minuten))
            _meld_eigen(waarschuwingen, f"De vooruitblik aan het einde van sessie {nummer}", vooruit, minuten)
            volgende = reeksen[nummer][0]
            if volgende == einde + 1:
                vervallen.append(maten[einde].onderdeel.id)
        groepen.append(groep)
    return groepen


def sessietijd_voor(draaiboek: Draaiboek, maten: list[Maat], aantal: int, vanaf: int) -> int:
    """The shortest session length on the grid, from `vanaf` on, that splits into at most `aantal`
    sessions (one session of everything at its minimum always does)."""
    welkom, vooruit = draaiboek.welkom_terug_min, draaiboek.vooruitblik_min
    naden = naden_voor(draaiboek, maten)

    def past(tijd: int) -> bool:
        reeksen = splits(maten, tijd, welkom, vooruit, naden)
        return reeksen is not None and len(reeksen) <= aantal

    # More time never needs more sessions, so bisect over the grid between `vanaf` and one session.
    laag, hoog = _naar_boven(vanaf, GRID) // GRID, _naar_boven(sum(m.laag for m in maten), GRID) // GRID
    while laag < hoog:
        midden = (laag + hoog) // 2
        if past(midden * GRID):
            hoog = midden
        else:
            laag = midden + 1
    return hoog * GRID


def _meer_sessies_dan_de_bron(draaiboek: Draaiboek, maten: list[Maat], tijd: int, aantal: int) -> str:
    """Say so when a split needs more meetings than the source speaks of ([splitsen] bron_sessies)."""
    bron = draaiboek.bron_sessies
    assert bron is not None
    nodig = sessietijd_voor(draaiboek, maten, bron, tijd)
    return (f"De bron stelt voor het programma over {bron} bijeenkomsten te verdelen; in sessies van "
            f"{toon_duur(tijd)} worden het er {aantal}: kies --tijd {toon_duur(nodig)} of meer om het bij "
            f"{bron} te houden.")


def _eigen_minuten(nominaal: int, ruimte: int) -> int:
    """A planner part's minutes: nominal when there is room, else what is left on the grid (P1)."""
    if ruimte >= nominaal:
        return nominaal
    return max(0, _naar_beneden(ruimte, GRID))


def _meld_eigen(waarschuwingen: list[str], wat: str, nominaal: int, minuten: int) -> None:
    if minuten == nominaal:
        return
    if minuten == 0:
        waarschuwingen.append(f"{wat} vervalt: de onderdelen uit het draaiboek vullen de sessie al "
                              "(zo blijft het bij zo weinig mogelijk sessies); doe het kort bij het vorige "
                              "of volgende onderdeel.")
    else:
        waarschuwingen.append(f"{wat} duurt {minuten} in plaats van {nominaal} min: meer ruimte laten de "
                              "onderdelen uit het draaiboek niet.")


def vul_sessie(maten: list[Maat], tijd: int) -> list[int]:
    """Fill one session up to `tijd`; an end-anchored onderdeel ends exactly on time (R8).

    Without an anchor the minutes stay on the 5-minute grid (P1) and the session may end early.
    With one (see `_vul_geankerd`) the session always fills `tijd` exactly.
    """
    if anker_index(maten) is not None:
        return _vul_geankerd(maten, tijd)
    # Each part moves in its own steps (P1), so the total need not be on the grid: an agenda
    # item of 7 minutes must not cost a source onderdeel 5 of its minutes.
    return _binnen(maten, verdeel(maten, tijd), tijd)


def anker_index(maten: list[Maat]) -> int | None:
    """The end-anchored onderdeel of a session; only fixed parts (agendapunten, vooruitblik) follow it."""
    for i in range(len(maten) - 1, -1, -1):
        if maten[i].onderdeel.anker == "einde":
            return i
        if maten[i].laag != maten[i].hoog:
            return None
    return None


def _binnen(maten: list[Maat], duren: list[int], doel: int) -> list[int]:
    """Shrink until the parts fit in `doel`: the step grid must never make a session overrun.

    `verdeel` moves in whole steps, so a target off the grid can leave it a few minutes long;
    then one more step (or what is left above the minimum) comes off the roomiest part.
    The caller guarantees that the minimums fit.
    """
    duren = list(duren)
    while sum(duren) > doel:
        kandidaten = [i for i, m in enumerate(maten) if duren[i] > m.laag]
        if not kandidaten:
            break
        i = max(kandidaten, key=lambda k: (duren[k] - maten[k].laag, k))
        duren[i] -= min(maten[i].stap, duren[i] - maten[i].laag)
    return duren


def _vul_geankerd(maten: list[Maat], tijd: int) -> list[int]:
    """Minutes for a session whose anchored part must start exactly `anker + after` before the end.

    The parts before the anchor take the time up to it: on the grid first, then the odd minutes
    (the grid yields to the anchor, R8) go to the last parts that still have room below their
    maximum. What no part may take stays visible as an added 'vrije ruimte' part just before the
    anchor (inserted by the caller), never hidden in a part beyond its maximum.
    """
    k = anker_index(maten)
    assert k is not None
    voor, anker, na = maten[:k], maten[k], [m.nominaal for m in maten[k + 1:]]
    # The anchor keeps its nominal minutes unless the parts before it cannot make room at their
    # minimum; then it shrinks on its own grid (never below its minimum, which `_past` checked).
    ankerduur = anker.nominaal
    plek = tijd - sum(m.laag for m in voor) - sum(na)
    if ankerduur > plek:
        ankerduur = max(anker.laag, anker.nominaal - _naar_boven(anker.nominaal - plek, anker.stap))
    vast = [ankerduur, *na]
    doel = tijd - sum(vast)
    duren = _binnen(voor, verdeel(voor, doel), doel)
    rest = doel - sum(duren)
    # First back towards nominal (a part the fit shortened), only then beyond it: a plan that cuts
    # parts does not also lengthen one with the odd minutes (1u45: not 'Concretiseren' 15 -> 18
    # while 'Wensen clusteren' is cut from 25 to 20).
    for plafond in ([m.nominaal for m in voor], [m.hoog for m in voor]):
        for i in range(len(voor) - 1, -1, -1):
            extra = min(rest, plafond[i] - duren[i])
            if extra > 0:
                duren[i] += extra
                rest -= extra
    # A positive rest is the room no part may take; maak_plan shows up to VRIJE_RUIMTE_MAX of it
    # as 'vrije ruimte' (uitloop before the closing); beyond that the session simply ends early and
    # the warnings report the free time: nobody plans an hour of emptiness before the closing.
    rest = min(rest, VRIJE_RUIMTE_MAX)
    return duren + ([rest] if rest > 0 else []) + vast


# The planner's own policy, not a source's: at most this much slack before an anchored closing.
VRIJE_RUIMTE_MAX = 15


def _vrije_ruimte(minuten: int) -> Maat:
    onderdeel = Onderdeel(
        id=VRIJE_RUIMTE, titel="Vrije ruimte (uitloop)", soort="werkvorm", minuten=minuten,
        min_minuten=minuten, max_minuten=minuten, werkvorm="niet uit het draaiboek: uitloop of verdieping",
        toelichting="Meer tijd dan de onderdelen samen maximaal duren; het afronden blijft vastliggen "
                    "aan het einde.",
    )
    return Maat(onderdeel, minuten, minuten, minuten, toegevoegd=True)


def met_vrije_ruimte(maten: list[Maat], duren: list[int]) -> list[Maat]:
    """The session's parts, with a 'vrije ruimte' before the anchor when `duren` has one more entry."""
    if len(duren) == len(maten):
        return maten
    k = anker_index(maten)
    assert k is not None
    return maten[:k] + [_vrije_ruimte(duren[k])] + maten[k:]


def _eerste_start(vraag: Vraag, zone: ZoneInfo) -> datetime:
    """The wall-clock start asked for: --start, or tomorrow at 09:00."""
    if vraag.start is not None:
        return vraag.start.replace(tzinfo=zone)
    morgen = datetime.now(zone).date() + timedelta(days=1)
    return datetime(morgen.year, morgen.month, morgen.day, 9, 0, tzinfo=zone)


def _sessiestarts(eerste: datetime, interval: Interval, aantal: int) -> list[datetime]:
    starts = [eerste]
    for _ in range(aantal - 1):
        starts.append(interval.na(starts[-1]))
    # A wall-clock time skipped by the change to summer time does not exist: move it past the gap.
    return [s.astimezone(UTC).astimezone(eerste.tzinfo) for s in starts]


def _klokmeldingen(eerste: datetime, starts: list[datetime]) -> list[str]:
    """Say so when a daylight-saving change moves a session or makes its start ambiguous."""
    meldingen = []
    gevraagd = (eerste.hour, eerste.minute)
    for nummer, start in enumerate(starts, start=1):
        wie = f"Sessie {nummer}" if len(starts) > 1 else "De sessie"
        if (start.hour, start.minute) != gevraagd:
            meldingen.append(f"{wie} valt in de sprong naar zomertijd: {gevraagd[0]:02d}:{gevraagd[1]:02d} bestaat "
                             f"op {start:%d-%m-%Y} niet, dus ze begint om {start:%H:%M}.")
        elif start.replace(fold=1).utcoffset() != start.utcoffset():
            meldingen.append(f"{wie} begint op {start:%d-%m-%Y} om {start:%H:%M}, een tijd die door de overgang "
                             f"naar wintertijd twee keer voorkomt; de planner neemt de eerste (zomertijd, "
                             f"UTC{start:%z}).")
    return meldingen


def verdeel_groep(groep: int, kleinste: int, grootste: int) -> tuple[int, ...]:
    """Fewest subgroups within [kleinste, grootste], sizes as even as possible, largest first.

    k groups can hold the group iff k x kleinste <= groep <= k x grootste, so the fewest is
    ceil(groep / grootste) when that k also satisfies the lower bound; an even division into k
    then stays within bounds. When no k fits (5 people in groups of 3-4) there is no valid
    division: the sizes stay as even as possible with groups no smaller than `kleinste` (one
    group when the whole group is smaller), and `groepjes_passen` tells the caller to warn.
    """
    aantal = max(1, math.ceil(groep / grootste))
    if aantal * kleinste > groep:
        aantal = max(1, groep // kleinste)
    basis, rest = divmod(groep, aantal)
    return tuple([basis + 1] * rest + [basis] * (aantal - rest))


def groepjes_passen(groep: int, kleinste: int, grootste: int) -> bool:
    """True when the group can be divided into groups of kleinste..grootste."""
    return all(kleinste <= grootte <= grootste for grootte in verdeel_groep(groep, kleinste, grootste))


def _per_persoon(maat: Maat, duur: int, groep: int, groepjes: tuple[int, ...]) -> float | None:
    """Minutes per turn, in half minutes, never outside the source's range per person.

    When the round leaves more than the maximum per person, a turn still takes the source's
    maximum (R5: 1-2 minutes each, not 3); when it leaves less, whoever speaks gets the minimum
    and `_waarschuwingen` says that not everybody gets a turn.
    """
    beurten = maat.onderdeel.beurten
    if beurten is None:
        return None
    ronde, sprekers = _ronde(beurten, duur, groep, groepjes)
    per_persoon = math.floor(ronde / sprekers * 2) / 2
    return min(max(per_persoon, beurten.min), beurten.max)


def groepjes_voor(onderdeel: Onderdeel, groep: int, duur: int) -> tuple[int, ...]:
    """How to divide the group for this onderdeel of `duur` minutes.

    When the round gives each member a turn of fixed length (R16: 10 + 5 min per gesprek), the
    groups are no larger than the turns that fit, if the group can be divided that way (12 in
    45 minutes: 4 x 3, not 3 x 4); otherwise the plain division within the template's bounds,
    and `_waarschuwingen` says that not everybody gets a turn.
    """
    if not onderdeel.groepjes:
        return ()
    kleinste, grootste = onderdeel.groepjes
    beurten = onderdeel.beurten
    if beurten is not None and beurten.iedereen_tot is None:
        ronde = min(duur, beurten.ronde_minuten) if beurten.ronde_minuten else duur
        passen = _beurten_in(ronde, beurten.min)
        if kleinste <= passen < grootste:
            if groepjes_passen(groep, kleinste, passen):
                return verdeel_groep(groep, kleinste, passen)
            # No division lets everybody practise: then as many groups as the bounds allow, so as
            # few people as possible miss their turn (16 in 45 minutes: 4 x 3 and 1 x 4, one person
            # without a turn instead of four with 4 x 4); `_waarschuwingen` still says it.
            meeste = groep // kleinste
            if meeste * grootste >= groep:
                basis, rest = divmod(groep, meeste)
                return tuple([basis + 1] * rest + [basis] * (meeste - rest))
    return verdeel_groep(groep, kleinste, grootste)


def beurt_tekst(beurten: Beurten | None, per_persoon: float | None) -> str:
    """How a turn reads in every output: the template's label, or '± N min per persoon' (marked
    '*' when the source gives no minutes per person, P5)."""
    if beurten is None:
        return ""
    tekst = beurten.label or per_persoon_tekst(per_persoon)
    return f"{tekst} *" if tekst and beurten.geschat else tekst


def maak_sessie(nummer: int, start: datetime, maten: list[Maat], duren: list[int],
                groep: int) -> Sessie:
    """A session with clock times from `start`: each part with its minutes, groups and turns."""
    onderdelen = []
    verstreken = 0
    begin = plus_minuten(start, 0)
    for maat, duur in zip(maten, duren, strict=True):
        bron = maat.onderdeel
        groepjes = groepjes_voor(bron, groep, duur)
        per_persoon = _per_persoon(maat, duur, groep, groepjes)
        eind = plus_minuten(start, verstreken + duur)
        onderdelen.append(GeplandOnderdeel(
            id=bron.id,
            titel=bron.titel,
            soort=bron.soort,
            start=begin,
            eind=eind,
            duur_min=duur,
            toegevoegd=maat.toegevoegd,
            geschat=bron.geschat,
            werkvorm=bron.werkvorm,
            groepjes=groepjes,
            per_persoon_min=per_persoon,
            bron=None if maat.toegevoegd and bron.soort != "agendapunt" else bron,
            stappen=bron.stappen,
            bron_min=None if maat.toegevoegd else bron.minuten,
            beurt_tekst=beurt_tekst(bron.beurten, per_persoon),
        ))
        verstreken += duur
        begin = eind  # the next part starts when this one ends
    return Sessie(nummer, start, plus_minuten(start, verstreken), tuple(onderdelen))


def _waarschuwingen(draaiboek: Draaiboek, vraag: Vraag, tijd: int, sessies: tuple[Sessie, ...],
                    maten: list[Maat], plan_variant: Variant | None = None) -> list[str]:
    meldingen = []
    if len(sessies) == 1 and sessies[0].duur_min < tijd:
        over = tijd - sessies[0].duur_min
        meldingen.append(
            f"Het programma duurt {toon_duur(sessies[0].duur_min)}: er blijft {toon_duur(over)} "
            "vrij (langer maakt het draaiboek de onderdelen niet); vul die tijd met eigen agendapunten "
            "(--daarna) of kies een kortere --tijd."
            if over >= GRID else
            f"Er blijft {over} min over: het programma rekent in blokken van {GRID} minuten."
        )
    for sessie in sessies:
        for i, o in enumerate(sessie.onderdelen):
            if o.id == VRIJE_RUIMTE and o.toegevoegd:
                anker = sessie.onderdelen[i + 1]
                meldingen.append(
                    f"De onderdelen duren samen hooguit {toon_duur(sessie.duur_min - o.duur_min)}: "
                    f"er blijft {toon_duur(o.duur_min)} vrije ruimte vóór '{anker.titel}', dat om "
                    f"{anker.start:%H:%M} begint (het draaiboek legt het vast aan het einde). "
                    "Gebruik die ruimte als uitloop, of kies een kortere --tijd."
                )
    for opmerking in draaiboek.groepsopmerkingen:
        gekozen = plan_variant.id if plan_variant else ""
        if opmerking.groep_min <= vraag.groep <= opmerking.groep_max and opmerking.variant in ("", gekozen):
            # Every output puts its own "Let op" above the warnings: a template's own would double it.
            meldingen.append(re.sub(r"^\s*let op\s*:\s*", "", opmerking.tekst, flags=re.IGNORECASE))
    gepland = {o.id: o for s in sessies for o in s.onderdelen}
    for maat in maten:
        onderdeel = maat.onderdeel
        plek = gepland.get(onderdeel.id)
        if plek is None:
            continue
        beurten = onderdeel.beurten
        if maat.nominaal != onderdeel.minuten and beurten is not None:
            meldingen.append(f"'{onderdeel.titel}' duurt bij {deelnemers(vraag.groep)} {plek.duur_min} min "
                             f"in plaats van {onderdeel.minuten}: de bron geeft ieder "
                             f"{beurten.min:g}-{beurten.max:g} minuten.")
        # Compare with the size for this group: a round that follows the group (R2) is not cut.
        if plek.duur_min < maat.nominaal:
            meldingen.append(f"'{onderdeel.titel}' is ingekort van {maat.nominaal} naar "
                             f"{plek.duur_min} min (het draaiboek staat minimaal "
                             f"{onderdeel.min_minuten} min toe).")
        if onderdeel.groepjes and not groepjes_passen(vraag.groep, *onderdeel.groepjes):
            laag, hoog = onderdeel.groepjes
            meldingen.append(
                f"'{onderdeel.titel}': {deelnemers(vraag.groep)} zijn niet te verdelen in groepjes "
                f"van {laag}-{hoog}; de planner maakt {groepjes_tekst(plek.groepjes)}. "
                "Pas de verdeling zo nodig zelf aan."
            )
        if beurten is None:
            continue
        ronde, sprekers = _ronde(beurten, plek.duur_min, vraag.groep, plek.groepjes)
        if beurten.iedereen_tot is not None and vraag.groep > beurten.iedereen_tot:
            verhalen = _verhalen(ronde, beurten.min, beurten.max)
            meldingen.append(
                f"'{onderdeel.titel}': bij meer dan {beurten.iedereen_tot} deelnemers komt niet "
                f"iedereen aan het woord; de ronde duurt maximaal {plek.duur_min} min, met wie "
                f"een verhaal wil delen (ruimte voor {verhalen} verhalen)."
            )
        elif sprekers * beurten.min > ronde + 1e-9:
            wie = f"in een groepje van {sprekers} iedereen" if plek.groepjes else f"{sprekers} mensen elk"
            meldingen.append(
                f"'{onderdeel.titel}': {ronde} min is te kort om {wie} {beurten.min:g} min te "
                f"geven; er is tijd voor {_beurten_in(ronde, beurten.min)} beurten, dus niet "
                "iedereen komt aan de beurt."
            )
    meldingen += _pauzemeldingen(sessies, draaiboek, plan_variant)
    return meldingen


def _ronde(beurten: Beurten, duur: int, groep: int, groepjes: tuple[int, ...]) -> tuple[int, int]:
    """The minutes of the round itself and how many speak in it (the largest subgroup, or everybody)."""
    ronde = min(duur, beurten.ronde_minuten) if beurten.ronde_minuten else duur
    return ronde, max(groepjes) if groepjes else groep


def _beurten_in(ronde: int, per_beurt: float) -> int:
    return int(ronde // per_beurt + 1e-9)


def _verhalen(ronde: int, laag: float, hoog: float) -> str:
    meeste, minste = _beurten_in(ronde, laag), _beurten_in(ronde, hoog)
    return str(meeste) if meeste == minste else f"{minste} à {meeste}"


# The planner's own policy, not a source's: a stretch longer than this asks for a break.
PAUZE_NA_MIN = 90


def _pauzemeldingen(sessies: tuple[Sessie, ...], draaiboek: Draaiboek | None = None,
                    variant: Variant | None = None) -> list[str]:
    """One warning per session with a stretch of more than PAUZE_NA_MIN minutes without a pause.

    Not where the stretch is the draaiboek's own design: the draaiboek places a pause itself and the
    stretch is no longer than the source's run of parts up to that pause (the kickoff's two hours
    before the coffee, R5), also when the break between two sessions replaces that pause. The
    planner's own welkom terug and vooruitblik do not count; agenda items and longer parts do.
    """
    runs = _bron_blokken(draaiboek, variant) if draaiboek is not None else {}
    meldingen = []
    for sessie in sessies:
        langste: tuple[int, GeplandOnderdeel, GeplandOnderdeel] | None = None
        for blok in _blokken(sessie):
            lengte = sum(o.duur_min for o in blok)
            if lengte <= PAUZE_NA_MIN or _zoals_de_bron(blok, runs):
                continue
            if langste is None or lengte > langste[0]:
                langste = (lengte, blok[0], blok[-1])
        if langste is None:
            continue
        lengte, eerste, laatste = langste
        welke = f"Sessie {sessie.nummer} loopt" if len(sessies) > 1 else "Het programma loopt"
        meldingen.append(
            f"{welke} {toon_duur(lengte)} zonder pauze ({eerste.start:%H:%M}-{laatste.eind:%H:%M}). "
            f"Overweeg een korte pauze: de planner raadt er een aan na hooguit {PAUZE_NA_MIN} minuten; "
            "dat is een eigen richtlijn van de planner, niet van de bron."
        )
    return meldingen


def _blokken(sessie: Sessie) -> list[list[GeplandOnderdeel]]:
    """The session's stretches between pauses."""
    blokken: list[list[GeplandOnderdeel]] = [[]]
    for o in sessie.onderdelen:
        if o.soort == "pauze":
            blokken.append([])
        else:
            blokken[-1].append(o)
    return [b for b in blokken if b]


def _bron_blokken(draaiboek: Draaiboek, variant: Variant | None) -> dict[str, tuple[int, int]]:
    """Per source part: (number, nominal minutes) of its run between the draaiboek's own pauses;
    empty when the draaiboek places no pause (then every long stretch is the planner's concern)."""
    onderdelen = draaiboek.onderdelen_voor(variant)
    if not any(o.soort == "pauze" for o in onderdelen):
        return {}
    blokken: list[list[Onderdeel]] = [[]]
    for o in onderdelen:
        if o.soort == "pauze":
            blokken.append([])
        else:
            blokken[-1].append(o)
    return {o.id: (nummer, sum(x.minuten for x in blok))
            for nummer, blok in enumerate(blokken) for o in blok}


def _zoals_de_bron(blok: list[GeplandOnderdeel], runs: dict[str, tuple[int, int]]) -> bool:
    """True when a stretch is the source's own: its parts from one run, no longer than that run."""
    eigen = [o for o in blok if not (o.toegevoegd and is_planner_id(o.id) and o.id != VRIJE_RUIMTE)]
    bron = {runs.get(o.id) for o in eigen if not o.toegevoegd}
    if len(bron) != 1 or None in bron:
        return False
    (_, minuten), = bron
    return sum(o.duur_min for o in eigen) <= minuten
