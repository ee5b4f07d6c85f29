"""The state of a session while it runs (`planner live`), without any terminal code.

The Textual view only renders a LiveStaat and maps keys to its methods; every method takes the
moment `nu` from the caller (an injected clock), so the whole run is testable without sleeping.
After every step the rest of the session is re-planned with herplan.herplan.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from planner.kern.fouten import InvoerFout
from planner.kern.herplan import afgesproken_eind, herplan
from planner.kern.model import GeplandOnderdeel, Plan, Sessie

# 'draaiboek' and 'sessie' (added later, at the end) let 'planner terugblik' name the draaiboek and
# check that several logs are of the same one.
LOGKOLOMMEN = ("id", "titel", "gepland_start", "gepland_eind", "werkelijk_start", "werkelijk_eind",
               "minuten_verschil", "status", "draaiboek", "sessie")
# Status per onderdeel in the log: what happened to it.
GEDAAN, BEZIG, OVERGESLAGEN, VERVALLEN, GESTOPT = "gedaan", "bezig", "overgeslagen", "vervallen", "gestopt"
NIET_BEREIKT, PAUZE, AFGEBROKEN, AFSPRAAK = "niet bereikt", "pauze", "afgebroken", "afspraak"
# Seconds before a part's end when the first signal sounds (the planner's own choice: long enough
# to round off a conversation, short enough not to interrupt it early).
SIGNAAL_VOORAF_S = 120


@dataclass(frozen=True)
class Stand:
    """One moment of the run; the undo stack keeps earlier ones whole."""

    plan: Plan
    huidig: str | None = None  # id of the running part; None before the start and after the end
    gestart: datetime | None = None
    klaar_om: datetime | None = None
    werkelijk: dict[str, tuple[datetime, datetime | None]] = field(default_factory=dict)
    overgeslagen: tuple[str, ...] = ()
    vervallen: tuple[str, ...] = ()
    pauze_sinds: datetime | None = None
    # Finished pauses: (start, end, id of the part that was running); they do not count towards it.
    pauzes: tuple[tuple[datetime, datetime, str], ...] = ()
    niet_bereikt: tuple[str, ...] = ()
    # A later end agreed during the session (R8 then anchors to it), and when it was agreed.
    eind: datetime | None = None
    eind_afgesproken_om: datetime | None = None
    gestopt: bool = False
    afgebroken: bool = False
    # What the last step changed, for the screen ("'Kansen' 20 → 15 min").
    wijzigingen: tuple[str, ...] = ()


class LiveStaat:
    """A running session: the current plan, actual starts and ends, paused time and an undo stack."""

    def __init__(self, plan: Plan, sessienummer: int = 1, nu: datetime | None = None) -> None:
        if not 1 <= sessienummer <= len(plan.sessies):
            raise InvoerFout(f"--sessie {sessienummer} bestaat niet: deze planning heeft "
                             f"{len(plan.sessies)} sessie(s).")
        sessie = plan.sessies[sessienummer - 1]
        einde = afgesproken_eind(plan, sessie)
        if nu is not None and nu >= einde:
            # As 'plan --nu' refuses a moment long after the end: a start whose agreed end has
            # passed is not a session to run now (a typo in the day or the hour).
            raise InvoerFout(f"De sessie van {sessie.start:%d-%m-%Y %H:%M} tot {einde:%H:%M} is al voorbij: "
                             "geef met --start het begin van een sessie die nog moet komen of nu loopt.")
        self.origineel = plan
        self.sessienummer = sessienummer
        self.stand = Stand(plan=plan)
        self.geschiedenis: list[Stand] = []
        self._niet_bereikt: tuple[str, ...] = ()

    # ------------------------------------------------------------------------------ reading

    @property
    def sessie(self) -> Sessie:
        return self.stand.plan.sessies[self.sessienummer - 1]

    @property
    def afgesproken_eind(self) -> datetime:
        """The agreed end: the plan's, or the later one agreed during the session."""
        if self.stand.eind is not None:
            return self.stand.eind
        return afgesproken_eind(self.origineel, self.origineel.sessies[self.sessienummer - 1])

    @property
    def oorspronkelijk_eind(self) -> datetime:
        return afgesproken_eind(self.origineel, self.origineel.sessies[self.sessienummer - 1])

    def afronden_om(self) -> datetime | None:
        """When the end-anchored closing starts (R8), while it is still ahead or running."""
        for o in self.volgende() + ([self.huidig] if self.huidig is not None else []):
            if o.bron is not None and o.bron.anker == "einde":
                return o.start
        return None

    def pauze_min(self, id_: str) -> float:
        """Minutes paused during part `id_` (finished pauses)."""
        return sum((b - a).total_seconds() for a, b, i in self.stand.pauzes if i == id_) / 60

    @property
    def geplande_start(self) -> datetime:
        return self.origineel.sessies[self.sessienummer - 1].start

    @property
    def onderdelen(self) -> tuple[GeplandOnderdeel, ...]:
        return self.sessie.onderdelen

    @property
    def huidig(self) -> GeplandOnderdeel | None:
        return next((o for o in self.onderdelen if o.id == self.stand.huidig), None)

    @property
    def gestart(self) -> bool:
        return self.stand.gestart is not None

    @property
    def klaar(self) -> bool:
        return self.stand.klaar_om is not None

    @property
    def gepauzeerd(self) -> bool:
        return self.stand.pauze_sinds is not None

    def volgende(self) -> list[GeplandOnderdeel]:
        """The parts after the running one (all of them before the start)."""
        if self.klaar:
            return []
        if self.stand.huidig is None:
            return list(self.onderdelen)
        ids = [o.id for o in self.onderdelen]
        return list(self.onderdelen[ids.index(self.stand.huidig) + 1:])

    def resterend(self, nu: datetime) -> timedelta:
        """Time left for the running part (negative when over time); before the start: until it."""
        if not self.gestart:
            return self.geplande_start - nu
        o = self.huidig
        if o is None:
            return timedelta(0)
        return o.eind - (self.stand.pauze_sinds or nu)

    def voortgang(self, nu: datetime) -> float:
        """How much of the running part's time has gone, 0..1 (1 once over time)."""
        o = self.huidig
        if o is None:
            return 1.0 if self.klaar else 0.0
        totaal = (o.eind - o.start).total_seconds()
        if totaal <= 0:
            return 1.0
        gedaan = ((self.stand.pauze_sinds or nu) - o.start).total_seconds()
        return min(1.0, max(0.0, gedaan / totaal))

    def verwacht_eind(self, nu: datetime) -> datetime:
        """When the session will end: the plan's end, or re-planned from now when the part runs over."""
        if self.klaar and self.stand.klaar_om is not None:
            return self.stand.klaar_om
        o = self.huidig
        if o is not None and self.stand.pauze_sinds is not None:
            # The pause is time of its own: the running part keeps what it had left, after the pause.
            moment = max(o.eind + (nu - self.stand.pauze_sinds), nu)
            return herplan(self._plan_met_eind(), moment, o.id, zonder=frozenset(self.stand.overgeslagen)).plan.sessies[
                self.sessienummer - 1].eind
        if o is not None and nu > o.eind:
            return herplan(self._plan_met_eind(), nu, o.id, zonder=frozenset(self.stand.overgeslagen)).plan.sessies[
                self.sessienummer - 1].eind
        if not self.gestart and nu > self.geplande_start:
            return herplan(self.stand.plan, nu, None, sessienummer=self.sessienummer).plan.sessies[
                self.sessienummer - 1].eind
        return self.sessie.eind

    def verschil_min(self, nu: datetime) -> int:
        """Minutes the projected end lies after (+) or before (-) the agreed end."""
        seconden = (self.verwacht_eind(nu) - self.afgesproken_eind).total_seconds()
        return round(seconden / 60)

    # ------------------------------------------------------------------------------ steps

    def _plan_met_eind(self) -> Plan:
        """The current plan with the agreed end moved, when a later end was agreed."""
        if self.stand.eind is None:
            return self.stand.plan
        sessie = self.origineel.sessies[self.sessienummer - 1]
        return replace(self.stand.plan, tijd_min=round((self.stand.eind - sessie.start).total_seconds() / 60))

    def _herplan(self, moment: datetime, klaar: str | None, overgeslagen: tuple[str, ...]) -> tuple[Plan, tuple[
            str, ...], tuple[str, ...]]:
        uitkomst = herplan(self._met_niet_bereikt(self._plan_met_eind(), klaar), moment, klaar,
                           zonder=frozenset(overgeslagen), sessienummer=self.sessienummer)
        vervallen = tuple(dict.fromkeys(self.stand.vervallen + uitkomst.vervallen))
        # 'Not reached' is a forecast: each re-plan makes its own (see _met_niet_bereikt).
        geleefd = tuple(i for i in self.stand.niet_bereikt if i in self.stand.werkelijk)
        self._niet_bereikt = tuple(dict.fromkeys(geleefd + uitkomst.niet_bereikt))
        # The plan keeps the original agreed time; the later end lives in the state.
        return replace(uitkomst.plan, tijd_min=self.origineel.tijd_min), uitkomst.wijzigingen, vervallen

    def _met_niet_bereikt(self, plan: Plan, klaar: str | None) -> Plan:
        """The plan with the parts an earlier re-plan found not reached (R8) back in the rest, in
        their original order: when time frees up (a part finished early) they may fit again, and
        herplan drops them again when they do not. Otherwise a freed quarter of an hour became
        'vrije ruimte' while the screen still said 'niet meer aan bod'."""
        terug_ids = {i for i in self.stand.niet_bereikt if i not in self.stand.werkelijk}
        if not terug_ids:
            return plan
        sessie = plan.sessies[self.sessienummer - 1]
        origineel = self.origineel.sessies[self.sessienummer - 1].onderdelen
        volgorde = {o.id: k for k, o in enumerate(origineel)}
        onderdelen = list(sessie.onderdelen)
        plekken = [i for i, o in enumerate(onderdelen) if o.id == klaar]
        plek = next((i for i in plekken if not onderdelen[i].gedaan), plekken[-1]) + 1 if plekken else 0
        aanwezig = {o.id for o in onderdelen}
        terug = [o for o in origineel if o.id in terug_ids and o.id not in aanwezig]
        if not terug:
            return plan
        rest = sorted(onderdelen[plek:] + terug, key=lambda o: volgorde.get(o.id, len(origineel)))
        nieuw = replace(sessie, onderdelen=tuple(onderdelen[:plek] + rest))
        return replace(plan, sessies=tuple(nieuw if s.nummer == self.sessienummer else s for s in plan.sessies))

    def _stap(self, nieuw: Stand) -> None:
        """One undoable step; the parts the re-plan found not reached are recorded with it."""
        self.geschiedenis.append(self.stand)
        self.stand = replace(nieuw, niet_bereikt=self._niet_bereikt)

    def begin(self, nu: datetime) -> None:
        """Start the session now; a start off the plan re-plans at once (later: less time)."""
        if self.gestart:
            return
        plan, wijzigingen, vervallen = self.stand.plan, (), self.stand.vervallen
        if nu != self.geplande_start:
            plan, wijzigingen, vervallen = self._herplan(nu, None, self.stand.overgeslagen)
        eerste = plan.sessies[self.sessienummer - 1].onderdelen[0]
        self._stap(replace(self.stand, plan=plan, huidig=eerste.id, gestart=nu, vervallen=vervallen,
                           werkelijk={eerste.id: (nu, None)}, wijzigingen=wijzigingen))

    def volgend_onderdeel(self, nu: datetime) -> None:
        """The running part is done: re-plan the rest from now and start the next part."""
        if not self.gestart:
            self.begin(nu)
            return
        o = self.huidig
        if o is None or self.klaar:
            return
        plan, wijzigingen, vervallen = self._herplan(nu, o.id, self.stand.overgeslagen)
        werkelijk = dict(self.stand.werkelijk)
        werkelijk[o.id] = (werkelijk[o.id][0], nu)
        onderdelen = plan.sessies[self.sessienummer - 1].onderdelen
        ids = [x.id for x in onderdelen]
        plek = ids.index(o.id) + 1
        if plek >= len(onderdelen):
            self._stap(replace(self.stand, plan=plan, huidig=None, klaar_om=nu, werkelijk=werkelijk,
                               pauze_sinds=None, vervallen=vervallen, wijzigingen=wijzigingen))
            return
        volgende = onderdelen[plek]
        werkelijk[volgende.id] = (nu, None)
        self._stap(replace(self.stand, plan=plan, huidig=volgende.id, werkelijk=werkelijk, pauze_sinds=None,
                           vervallen=vervallen, wijzigingen=wijzigingen))

    def verschuif(self, nu: datetime, minuten: int) -> None:
        """A minute more (+1) or less (-1) for the running part; the rest is re-planned around it."""
        o = self.huidig
        if o is None:
            return
        eind = o.eind + timedelta(minutes=minuten)
        if eind <= o.start:
            raise InvoerFout(f"'{o.titel}' kan niet korter: het zou eindigen voor het begon.")
        duur = round((eind - o.start).total_seconds() / 60 - self._pauze_lopend(o.id))
        if o.bron is not None and not o.toegevoegd:
            if minuten > 0 and duur > o.bron.max_minuten and duur > o.duur_min:
                raise InvoerFout(f"'{o.titel}' staat op zijn maximum ({o.bron.max_minuten} min volgens het "
                                 "draaiboek): langer kan niet; sluit af met spatie of spreek een later einde af (l).")
            if minuten < 0 and duur < o.bron.min_minuten and eind > max(nu, o.start):
                raise InvoerFout(f"'{o.titel}' staat op zijn minimum ({o.bron.min_minuten} min volgens het "
                                 "draaiboek): korter kan niet; is het klaar, druk dan op spatie.")
        self._zet_eind(o, eind)

    def _pauze_lopend(self, id_: str) -> float:
        return self.pauze_min(id_)

    def later_einde(self, nu: datetime, eind: datetime) -> None:
        """Agree a later end with the group: the re-plan anchors the closing to it (R8)."""
        if eind <= self.afgesproken_eind:
            raise InvoerFout(f"Het nieuwe einde {eind:%H:%M} ligt niet na het afgesproken einde "
                             f"({self.afgesproken_eind:%H:%M}): geef een latere tijd.")
        oud = self.afgesproken_eind
        vorige = self.stand
        self.stand = replace(vorige, eind=eind)
        o = self.huidig
        try:
            if o is None:
                plan, wijzigingen, vervallen = self._herplan(max(nu, self.geplande_start), None,
                                                             self.stand.overgeslagen)
            else:
                plan, wijzigingen, vervallen = self._herplan(max(o.eind, nu), o.id, self.stand.overgeslagen)
                plan = _niet_gedaan(plan, self.sessienummer, o.id)
        finally:
            self.stand = vorige  # the step below records the old state for 'z'
        zin = f"Later einde afgesproken: {eind:%H:%M} in plaats van {oud:%H:%M}."
        self._stap(replace(self.stand, plan=plan, vervallen=vervallen, eind=eind, eind_afgesproken_om=nu,
                           wijzigingen=(zin, *wijzigingen)))

    def _zet_eind(self, o: GeplandOnderdeel, eind: datetime) -> None:
        plan, wijzigingen, vervallen = self._herplan(eind, o.id, self.stand.overgeslagen)
        plan = _niet_gedaan(plan, self.sessienummer, o.id)
        self._stap(replace(self.stand, plan=plan, vervallen=vervallen, wijzigingen=wijzigingen))

    def pauzeer(self, nu: datetime) -> None:
        """Stop the clock, or start it again: the running part gets the paused time on top."""
        o = self.huidig
        if o is None:
            return
        if self.stand.pauze_sinds is None:
            self._stap(replace(self.stand, pauze_sinds=nu, wijzigingen=()))
            return
        sinds = self.stand.pauze_sinds
        gepauzeerd = nu - sinds
        pauzes = self.stand.pauzes + ((sinds, nu, o.id),)
        self.stand = replace(self.stand, pauze_sinds=None)
        # One undo step for the pause as a whole: resuming replaces the 'paused' state. The running
        # part keeps the time it had left when the pause began (the pause is not its time).
        plan, wijzigingen, vervallen = self._herplan(o.eind + gepauzeerd, o.id, self.stand.overgeslagen)
        plan = _niet_gedaan(plan, self.sessienummer, o.id)
        self.stand = replace(self.stand, plan=plan, vervallen=vervallen, wijzigingen=wijzigingen, pauzes=pauzes,
                             niet_bereikt=self._niet_bereikt)

    def sla_optioneel_over(self, nu: datetime) -> str | None:
        """Skip the next optional part; returns its title, or None when there is none left."""
        kandidaat = next((x for x in self.volgende() if x.bron is not None and x.bron.optioneel), None)
        if kandidaat is None:
            return None
        overgeslagen = self.stand.overgeslagen + (kandidaat.id,)
        o = self.huidig
        if o is None:
            plan, wijzigingen, vervallen = self._herplan(max(nu, self.geplande_start), None, overgeslagen)
        else:
            plan, wijzigingen, vervallen = self._herplan(o.eind, o.id, overgeslagen)
            plan = _niet_gedaan(plan, self.sessienummer, o.id)
        self._stap(replace(self.stand, plan=plan, overgeslagen=overgeslagen, vervallen=vervallen,
                           wijzigingen=wijzigingen))
        return kandidaat.titel

    def zet_terug(self) -> bool:
        """Undo the last step; False when there is nothing to undo."""
        if not self.geschiedenis:
            return False
        self.stand = self.geschiedenis.pop()
        self._niet_bereikt = self.stand.niet_bereikt
        return True

    def stop(self, nu: datetime, afgebroken: bool = False) -> None:
        """The facilitator stops: the running part ends now (status 'gestopt' in the log, or
        'afgebroken' when the program was interrupted from outside)."""
        o = self.huidig
        if o is None or self.klaar:
            return
        werkelijk = dict(self.stand.werkelijk)
        werkelijk[o.id] = (werkelijk[o.id][0], nu)
        pauzes = self.stand.pauzes
        if self.stand.pauze_sinds is not None:
            pauzes += ((self.stand.pauze_sinds, nu, o.id),)
        self._stap(replace(self.stand, werkelijk=werkelijk, gestopt=True, afgebroken=afgebroken, klaar_om=nu,
                           pauze_sinds=None, pauzes=pauzes))

    def momentopname(self, nu: datetime) -> dict[str, object]:
        """What a second view (a room screen) may show, as plain data: no facilitator notes beyond
        the running part's steps, no state to change. A pure function of the state and `nu`."""
        o = self.huidig
        afronden = self.afronden_om()
        return {
            "draaiboek": self.origineel.draaiboek.titel,
            "sessie": self.sessienummer,
            "gestart": self.gestart,
            "klaar": self.klaar,
            "gepauzeerd": self.gepauzeerd,
            "onderdeel": None if o is None else {
                "id": o.id, "titel": o.titel, "start": o.start, "eind": o.eind,
                "stappen": [st.tekst for st in o.stappen if st.soort != "vraag"],
                "vragen": [st.tekst for st in o.stappen if st.soort == "vraag"],
            },
            "resterend_s": int(self.resterend(nu).total_seconds()),
            "verwacht_eind": self.verwacht_eind(nu),
            "afgesproken_eind": self.afgesproken_eind,
            "afronden_om": afronden,
            "volgende": [(x.titel, x.start, x.eind) for x in self.volgende()],
        }

    def signaal(self, vorig: datetime, nu: datetime) -> str | None:
        """The cue due between two clock readings: 'bijna' a few minutes before the running part's
        end, 'einde' at its end, 'afronden' when the anchored closing's start is reached; None else."""
        o = self.huidig
        if o is None or self.gepauzeerd:
            return None
        afronden = self.afronden_om()
        if afronden is not None and o.start < afronden and vorig < afronden <= nu:
            return "afronden"
        if vorig < o.eind <= nu:
            return "einde"
        bijna = o.eind - timedelta(seconds=SIGNAAL_VOORAF_S)
        if (o.eind - o.start).total_seconds() > 2 * SIGNAAL_VOORAF_S and vorig < bijna <= nu:
            return "bijna"
        return None

    # ------------------------------------------------------------------------------ the log

    def logrijen(self) -> list[dict[str, str]]:
        """Planned against actual per onderdeel: the original plan's times, and what happened."""
        oorspronkelijk = self.origineel.sessies[self.sessienummer - 1].onderdelen
        bekend = {o.id for o in oorspronkelijk}
        volgorde = list(oorspronkelijk)
        # A 'vrije ruimte' the re-plan added and that was lived through belongs in the log too.
        for i, o in enumerate(self.onderdelen):
            if o.id not in bekend and o.id in self.stand.werkelijk:
                na = next((x.id for x in self.onderdelen[i + 1:] if x.id in bekend), None)
                plek = len(volgorde) if na is None else [x.id for x in volgorde].index(na)
                volgorde.insert(plek, o)
                bekend.add(o.id)  # once: a re-plan that keeps its 'vrije ruimte' names it again
        rijen = [self._logrij(o, o.id in {x.id for x in oorspronkelijk}) for o in volgorde]
        # Each pause is a row of its own, after the part it interrupted.
        for nummer, (van, tot, id_) in enumerate(self.stand.pauzes, start=1):
            plek = next((i for i, r in enumerate(rijen) if r["id"] == id_), len(rijen) - 1) + 1
            while plek < len(rijen) and rijen[plek]["status"] == PAUZE:
                plek += 1
            rijen.insert(plek, _vrije_rij(f"pauze-{nummer}", "Pauze (klok stilgezet)", van, tot, PAUZE))
        if self.stand.eind is not None and self.stand.eind_afgesproken_om is not None:
            rijen.append(_vrije_rij("later-einde", f"Later einde afgesproken: {self.stand.eind:%H:%M} in plaats van "
                                    f"{self.oorspronkelijk_eind:%H:%M}", self.stand.eind_afgesproken_om, None,
                                    AFSPRAAK))
        for rij in rijen:
            rij["draaiboek"] = self.origineel.draaiboek.id
            rij["sessie"] = str(self.sessienummer)
        return rijen

    def _logrij(self, o: GeplandOnderdeel, gepland: bool) -> dict[str, str]:
        start, eind = self.stand.werkelijk.get(o.id, (None, None))
        if o.id in self.stand.werkelijk:
            status = GEDAAN if eind is not None else BEZIG
            if eind is not None and self.stand.gestopt and o.id == self.stand.huidig:
                status = AFGEBROKEN if self.stand.afgebroken else GESTOPT
        elif o.id in self.stand.overgeslagen:
            status = OVERGESLAGEN
        elif o.id in self.stand.niet_bereikt:
            status = NIET_BEREIKT
        elif o.id in self.stand.vervallen:
            status = VERVALLEN
        else:
            status = ""
        verschil = ""
        if gepland and start is not None and eind is not None:
            # A pause is its own row: it does not count towards the part it interrupted.
            minuten = (eind - start).total_seconds() / 60 - self.pauze_min(o.id) - o.duur_min
            verschil = str(round(minuten))
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

    def log_csv(self) -> bytes:
        """The log in the --format csv dialect: UTF-8 with BOM, ';' between fields."""
        buffer = io.StringIO()
        schrijver = csv.DictWriter(buffer, fieldnames=LOGKOLOMMEN, delimiter=";", lineterminator="\r\n")
        schrijver.writeheader()
        schrijver.writerows(self.logrijen())
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _vrije_rij(id_: str, titel: str, van: datetime, tot: datetime | None, status: str) -> dict[str, str]:
    """A log row that is no onderdeel: a pause, an agreement."""
    return {"id": id_, "titel": titel, "gepland_start": "", "gepland_eind": "", "werkelijk_start": _moment(van),
            "werkelijk_eind": _moment(tot), "minuten_verschil": "", "status": status}


def _moment(moment: datetime | None) -> str:
    return "" if moment is None else f"{moment:%Y-%m-%d %H:%M:%S}"


def _niet_gedaan(plan: Plan, sessienummer: int, id_: str) -> Plan:
    """herplan marks the part it re-planned after as done; a part that still runs is not."""
    sessie = plan.sessies[sessienummer - 1]
    onderdelen = tuple(replace(o, gedaan=False) if o.id == id_ else o for o in sessie.onderdelen)
    sessies = tuple(replace(s, onderdelen=onderdelen) if s.nummer == sessienummer else s for s in plan.sessies)
    return replace(plan, sessies=sessies)


def kies_sessie(plan: Plan, vandaag: datetime) -> int:
    """The session whose day is today, else the first (live runs one session)."""
    for sessie in plan.sessies:
        if sessie.start.date() == vandaag.date():
            return sessie.nummer
    return 1

