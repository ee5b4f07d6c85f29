"""The state of a session while it runs (`planner live`), without any terminal code.

The Textual view only renders a LiveStaat and maps keys to its methods; every method takes the
moment `nu` from the caller (an injected clock), so the whole run is testable without sleeping.
After every step the rest of the session is re-planned with herplan.herplan.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from planner.kern.fouten import InvoerFout
from planner.kern.herplan import afgesproken_eind, herplan
from planner.kern.live_log import log_csv, logrijen
from planner.kern.live_stand import LOGKOLOMMEN, Stand, pauze_min
from planner.kern.model import GeplandOnderdeel, Plan, Sessie
from planner.kern.tijd import hele_minuten

# LOGKOLOMMEN lives in kern.live_stand; importers of this module keep finding it here.
__all__ = ["LOGKOLOMMEN", "LiveStaat", "Stand", "kies_sessie"]

# Seconds before a part's end when the first signal sounds (the planner's own choice: long enough
# to round off a conversation, short enough not to interrupt it early).
SIGNAAL_VOORAF_S = 120


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
        """The agreed end: the plan's as made (its planned end when it leaves time free, issue 22),
        or the later one agreed during the session."""
        if self.stand.eind is not None:
            return self.stand.eind
        return afgesproken_eind(self.origineel, self.origineel.sessies[self.sessienummer - 1])

    def afronden_om(self) -> datetime | None:
        """When the end-anchored closing starts (R8), while it is still ahead or running."""
        for o in self.volgende() + ([self.huidig] if self.huidig is not None else []):
            if o.bron is not None and o.bron.anker == "einde":
                return o.start
        return None

    def pauze_min(self, id_: str) -> float:
        """Minutes paused during part `id_` (finished pauses)."""
        return pauze_min(self.stand, id_)

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
        """When the session will end: the plan's end, or re-planned from now when the part runs over.

        The same re-plan a step at `nu` makes (`_herplan`): with the agreed later end and with the
        parts an earlier re-plan found 'niet meer aan bod' back in the rest, so the end on the
        screen is the end the next key gives (issue 22)."""
        if self.klaar and self.stand.klaar_om is not None:
            return self.stand.klaar_om
        o = self.huidig
        if o is not None and self.stand.pauze_sinds is not None:
            # The pause is time of its own: the running part keeps what it had left, after the pause.
            return self._eind_na(max(o.eind + (nu - self.stand.pauze_sinds), nu), o.id)
        if o is not None and nu > o.eind:
            return self._eind_na(nu, o.id)
        if not self.gestart and nu > self.geplande_start:
            return self._eind_na(nu, None)
        return self.sessie.eind

    def _eind_na(self, moment: datetime, klaar: str | None) -> datetime:
        plan = self._met_niet_bereikt(self.stand.plan, klaar)
        uitkomst = herplan(plan, moment, klaar, zonder=frozenset(self.stand.overgeslagen),
                           sessienummer=self.sessienummer, afgesproken=self.afgesproken_eind)
        return uitkomst.plan.sessies[self.sessienummer - 1].eind

    def verschil_min(self, nu: datetime) -> int:
        """Minutes the projected end lies after (+) or before (-) the agreed end."""
        seconden = (self.verwacht_eind(nu) - self.afgesproken_eind).total_seconds()
        return hele_minuten(seconden)

    # ------------------------------------------------------------------------------ steps

    def _herplan(self, moment: datetime, klaar: str | None, overgeslagen: tuple[str, ...]) -> tuple[Plan, tuple[
            str, ...], tuple[str, ...]]:
        uitkomst = herplan(self._met_niet_bereikt(self.stand.plan, klaar), moment, klaar,
                           zonder=frozenset(overgeslagen), sessienummer=self.sessienummer,
                           afgesproken=self.afgesproken_eind)
        vervallen = tuple(dict.fromkeys(self.stand.vervallen + uitkomst.vervallen))
        # 'Not reached' is a forecast: each re-plan makes its own (see _met_niet_bereikt).
        # A forecast that can no longer change stays: a part lived through, or one dropped before a
        # part that is already done (it does not come back, see _met_niet_bereikt).
        gepland = {o.id for o in uitkomst.plan.sessies[self.sessienummer - 1].onderdelen}
        blijft = tuple(i for i in self.stand.niet_bereikt if i in self.stand.werkelijk or i not in gepland)
        self._niet_bereikt = tuple(dict.fromkeys(blijft + uitkomst.niet_bereikt))
        # The later agreed end lives in the state (herplan gets it as `afgesproken`); the plan keeps its time.
        return uitkomst.plan, uitkomst.wijzigingen, vervallen

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
        # Only parts still ahead in the draaiboek's order: once a later part (the anchored closing)
        # is done, what was dropped before it does not come back after it.
        grens = max((volgorde[o.id] for o in onderdelen[:plek] if o.id in volgorde), default=-1)
        terug = [o for o in origineel
                 if o.id in terug_ids and o.id not in aanwezig and volgorde[o.id] > grens]
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
        # Done while paused: the pause ends here too, and stays its own time and row (not the part's).
        pauzes = self.stand.pauzes
        if self.stand.pauze_sinds is not None:
            pauzes += ((self.stand.pauze_sinds, nu, o.id),)
        onderdelen = plan.sessies[self.sessienummer - 1].onderdelen
        ids = [x.id for x in onderdelen]
        plek = ids.index(o.id) + 1
        if plek >= len(onderdelen):
            self._stap(replace(self.stand, plan=plan, huidig=None, klaar_om=nu, werkelijk=werkelijk,
                               pauze_sinds=None, pauzes=pauzes, vervallen=vervallen, wijzigingen=wijzigingen))
            return
        volgende = onderdelen[plek]
        werkelijk[volgende.id] = (nu, None)
        self._stap(replace(self.stand, plan=plan, huidig=volgende.id, werkelijk=werkelijk, pauze_sinds=None,
                           pauzes=pauzes, vervallen=vervallen, wijzigingen=wijzigingen))

    def verschuif(self, nu: datetime, minuten: int) -> None:
        """A minute more (+1) or less (-1) for the running part; the rest is re-planned around it."""
        o = self.huidig
        if o is None:
            return
        eind = o.eind + timedelta(minutes=minuten)
        if eind <= o.start:
            raise InvoerFout(f"'{o.titel}' kan niet korter: het zou eindigen voor het begon.")
        duur = hele_minuten((eind - o.start).total_seconds() - self._pauze_lopend(o.id) * 60)
        if o.bron is not None and not o.toegevoegd:
            if minuten > 0 and duur > o.bron.max_minuten and duur > o.duur_min:
                raise InvoerFout(f"'{o.titel}' staat op zijn maximum ({o.bron.max_minuten} min volgens het "
                                 "draaiboek): langer kan niet; sluit af met spatie of spreek een later einde af (l).")
            if minuten < 0 and duur < o.bron.min_minuten:
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
                # While paused the part's end waits for the pause to end (pauzeer adds the pause then).
                vanaf = o.eind if self.gepauzeerd else max(o.eind, nu)
                plan, wijzigingen, vervallen = self._herplan(vanaf, o.id, self.stand.overgeslagen)
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
        """Planned against actual per onderdeel (kern.live_log)."""
        return logrijen(self.stand, self.origineel, self.sessienummer)

    def log_csv(self) -> bytes:
        """The log in the --format csv dialect: UTF-8 with BOM, ';' between fields."""
        return log_csv(self.logrijen())


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

