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

LOGKOLOMMEN = ("id", "titel", "gepland_start", "gepland_eind", "werkelijk_start", "werkelijk_eind",
               "minuten_verschil", "status")
# Status per onderdeel in the log: what happened to it.
GEDAAN, BEZIG, OVERGESLAGEN, VERVALLEN, GESTOPT = "gedaan", "bezig", "overgeslagen", "vervallen", "gestopt"


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
    gestopt: bool = False
    # What the last step changed, for the screen ("'Kansen' 20 → 15 min").
    wijzigingen: tuple[str, ...] = ()


class LiveStaat:
    """A running session: the current plan, actual starts and ends, paused time and an undo stack."""

    def __init__(self, plan: Plan, sessienummer: int = 1) -> None:
        if not 1 <= sessienummer <= len(plan.sessies):
            raise InvoerFout(f"--sessie {sessienummer} bestaat niet: deze planning heeft "
                             f"{len(plan.sessies)} sessie(s).")
        self.origineel = plan
        self.sessienummer = sessienummer
        self.stand = Stand(plan=plan)
        self.geschiedenis: list[Stand] = []

    # ------------------------------------------------------------------------------ reading

    @property
    def sessie(self) -> Sessie:
        return self.stand.plan.sessies[self.sessienummer - 1]

    @property
    def afgesproken_eind(self) -> datetime:
        return afgesproken_eind(self.origineel, self.origineel.sessies[self.sessienummer - 1])

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
        moment = self.stand.pauze_sinds or nu
        if o is not None and moment > o.eind:
            return herplan(self.stand.plan, moment, o.id, zonder=frozenset(self.stand.overgeslagen)).plan.sessies[
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

    def _stap(self, nieuw: Stand) -> None:
        self.geschiedenis.append(self.stand)
        self.stand = nieuw

    def _herplan(self, moment: datetime, klaar: str | None, overgeslagen: tuple[str, ...]) -> tuple[Plan, tuple[
            str, ...], tuple[str, ...]]:
        uitkomst = herplan(self.stand.plan, moment, klaar, zonder=frozenset(overgeslagen),
                           sessienummer=self.sessienummer)
        vervallen = tuple(dict.fromkeys(self.stand.vervallen + uitkomst.vervallen))
        return uitkomst.plan, uitkomst.wijzigingen, vervallen

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
            return  # a part cannot end before it began
        self._zet_eind(o, eind)

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
        gepauzeerd = nu - self.stand.pauze_sinds
        self.stand = replace(self.stand, pauze_sinds=None)
        # One undo step for the pause as a whole: resuming replaces the 'paused' state.
        plan, wijzigingen, vervallen = self._herplan(o.eind + gepauzeerd, o.id, self.stand.overgeslagen)
        plan = _niet_gedaan(plan, self.sessienummer, o.id)
        self.stand = replace(self.stand, plan=plan, vervallen=vervallen, wijzigingen=wijzigingen)

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
        return True

    def stop(self, nu: datetime) -> None:
        """The facilitator stops: the running part ends now (status 'gestopt' in the log)."""
        o = self.huidig
        if o is None or self.klaar:
            return
        werkelijk = dict(self.stand.werkelijk)
        werkelijk[o.id] = (werkelijk[o.id][0], nu)
        self._stap(replace(self.stand, werkelijk=werkelijk, gestopt=True, klaar_om=nu, pauze_sinds=None))

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
        return [self._logrij(o, o.id in bekend) for o in volgorde]

    def _logrij(self, o: GeplandOnderdeel, gepland: bool) -> dict[str, str]:
        start, eind = self.stand.werkelijk.get(o.id, (None, None))
        if o.id in self.stand.werkelijk:
            status = GEDAAN if eind is not None else BEZIG
            if eind is not None and self.stand.gestopt and o.id == self.stand.huidig:
                status = GESTOPT
        elif o.id in self.stand.overgeslagen:
            status = OVERGESLAGEN
        elif o.id in self.stand.vervallen:
            status = VERVALLEN
        else:
            status = ""
        verschil = ""
        if gepland and start is not None and eind is not None:
            minuten = (eind - start).total_seconds() / 60 - o.duur_min
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

