"""`planner live`: a full-screen clock for the facilitator, a thin Textual view over LiveStaat.

Only this module imports Textual (the rest of the planner starts without it). The view renders
the state, maps keys to LiveStaat's methods and writes the log after every step; the clock is
injected (a callable returning now), so tests drive it without sleeping.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Digits, Input, ProgressBar, Static

from planner.kern.fouten import InvoerFout, PlannerFout
from planner.kern.live_staat import LiveStaat
from planner.kern.tekst import afgekort
from planner.kern.tijd import hele_minuten
from planner.live.dialogen import (
    Bevestig,
    Hulp,
    LaterEinde,
    Rest,
    dagnaam,
    hhmm,
    klokduur,
    platte_tekst,
    rest_tekst,
    stappen_tekst,
    verschil_tekst,
)

__all__ = ["LiveApp", "klokduur", "verschil_tekst", "hhmm", "platte_tekst", "stappen_tekst"]

Klok = Callable[[], datetime]
# Writes the log file atomically (the command line passes planner.cli.bestanden.schrijf: the live
# screen sits below the command line and does not import it).
Schrijf = Callable[[Path, str], object]

TOETSEN = ("spatie/enter klaar, volgende · +/- minuut erbij/eraf · p pauze · o sla optioneel over · "
           "l later einde · r rest · z terug · ? hulp · q stoppen")
TOETSEN_KLAAR = "z terug · ? hulp · q stoppen{log}"
TOETSEN_KLAAR_BLOK = "enter/q verder{log} · z terug · ? hulp"
# Before the start space begins the session (as the countdown says), it does not finish a part.
TOETSEN_VOOR = "spatie/enter nu beginnen · o sla optioneel over · l later einde · r rest · ? hulp · q stoppen"
# Above this the countdown to a start shows the date and time instead of hours of digits.
AFTELLEN_MAX = timedelta(hours=12)
class LiveApp(App[int]):
    """The facilitator's screen for one running session."""

    TITLE = "planner live"
    CSS = """
    Screen { layout: vertical; }
    #kop { height: 1; background: $boost; padding: 0 1; }
    #nu { height: auto; max-height: 2; padding: 0 1; text-style: bold; }
    #klokrij { height: 3; padding: 0 1; }
    #klok { width: auto; min-width: 16; }
    #toestand { width: 1fr; padding: 1 2; text-style: bold; }
    #balk { height: 1; padding: 0 1; }
    #balk Bar { width: 1fr; }
    #balk.amber Bar > .bar--bar { color: $warning; }
    #balk.rood Bar > .bar--bar, #balk.rood Bar > .bar--complete { color: $error; }
    #kaart { height: 1fr; border: round $primary; padding: 0 1; }
    #onder { height: auto; }
    #straks, #stand { height: auto; max-height: 2; padding: 0 1; }
    #wijzigingen { height: auto; max-height: 6; padding: 0 1; }
    #wijziging { height: auto; color: $warning; }
    Screen.flits #klokrij, Screen.flits #nu { background: $warning 60%; }
    #toetsen { dock: bottom; height: auto; max-height: 2; background: $boost; padding: 0 1; }
    """
    BINDINGS = [
        Binding("space,enter", "klaar", "klaar, volgende", priority=True, show=False),
        Binding("plus,equals_sign", "erbij", "minuut erbij", show=False),
        Binding("minus", "eraf", "minuut eraf", show=False),
        Binding("p", "pauze", "pauze", show=False),
        Binding("o", "sla_over", "sla over", show=False),
        Binding("z", "terug", "terug", show=False),
        Binding("l", "later_einde", "later einde", show=False),
        Binding("r", "rest", "rest", show=False),
        Binding("question_mark", "hulp", "hulp", show=False),
        Binding("q", "stoppen", "stoppen", show=False),
        Binding("ctrl+c", "stoppen", "stoppen", priority=True, show=False),
    ]

    # Bumped after every step: the watchers re-render what depends on the state.
    versie: reactive[int] = reactive(0)
    # The clock's last reading, set once a second.
    moment: reactive[datetime | None] = reactive(None)

    def __init__(self, staat: LiveStaat, klok: Klok, log: Path | None = None, tik: float = 1.0,
                 schrijf: Schrijf | None = None, stil: bool = False) -> None:
        super().__init__()
        if log is not None and schrijf is None:
            raise ValueError("een log vraagt om schrijf: de functie die het bestand atomair schrijft")
        self.schrijf = schrijf
        self.staat = staat
        self.klok = klok
        # The caller refused an existing log (unless --force) before starting: from here on the
        # log is ours, and rewriting it whole after each step is the point.
        self.logpad = log
        self.tik = tik
        self.melding = ""
        # In a programme (issue 23): which block this is ("blok 1 van 2") and what comes after it
        # ("10:00 Oefenen …"), so a finished block never reads as the end of the day.
        self.blok = ""
        self.verder = ""
        self.logfout = ""
        self.stil = stil
        # When the log was last written whole (None: never), for the final message (issue 21.3).
        self.log_bewaard_om: datetime | None = None
        self.vorige_tik: datetime | None = None
        # Set when a signal from outside ended the run: 'INT', 'TERM' or 'HUP'.
        self.signaal_van_buiten = ""
        # The room view's line ('planner live --zaal'), shown at the start and in the help.
        self.zaal = ""

    # ------------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Static(id="kop")
        yield Static(id="nu")
        with Horizontal(id="klokrij"):
            yield Digits("00:00", id="klok")
            yield Static(id="toestand")
        yield ProgressBar(total=1000, show_eta=False, show_percentage=False, id="balk")
        with VerticalScroll(id="kaart"):
            yield Static(id="stappen")
        with Vertical(id="onder"):
            yield Static(id="straks")
            yield Static(id="stand")
            # Long warnings scroll here; the newest sentence (the advice) comes first, so it shows.
            with VerticalScroll(id="wijzigingen"):
                yield Static(id="wijziging")
        yield Static(TOETSEN, id="toetsen")

    def on_mount(self) -> None:
        nu = self.klok()
        staat = self.staat
        if nu >= staat.geplande_start:
            # Started on time (within the minute) keeps the plan; started later re-plans at once.
            staat.begin(staat.geplande_start if nu - staat.geplande_start < timedelta(minutes=1) else nu)
        self._bewaar()
        self.query_one("#kaart").focus()
        self._vang_signalen()
        self.set_interval(self.tik, self.tel)
        self.moment = nu
        self.versie += 1

    def tel(self) -> None:
        """Once a second: read the clock; at the planned start the countdown becomes the session."""
        nu = self.klok()
        if not self.staat.gestart and nu >= self.staat.geplande_start:
            self.staat.begin(self.staat.geplande_start)
            self._bewaar()
            self.versie += 1
        vorig, self.vorige_tik = self.vorige_tik, nu
        # The moment first: a cue redraws the title ('NU AFRONDEN'), and that reads the moment.
        self.moment = nu
        if vorig is not None:
            self._signaleer(self.staat.signaal(vorig, nu))

    def _signaleer(self, soort: str | None) -> None:
        """A cue: the bell (unless --stil) and a flash of the clock; 'Nu afronden' at R8's moment."""
        if soort is None:
            return
        if soort == "afronden":
            self.melding = "Nu afronden: het afgesproken einde nadert (sluit dit onderdeel af met spatie)."
            self.versie += 1
        if not self.stil:
            self.bell()
        self.screen.add_class("flits")
        self.set_timer(1.5, lambda: self.screen.remove_class("flits"))

    # ------------------------------------------------------------------------ rendering

    def on_resize(self) -> None:
        self._toon_alles()  # the header's title is cut to the width

    def watch_versie(self) -> None:
        self._toon_alles()

    def watch_moment(self) -> None:
        self._toon_klok()

    def _toon_alles(self) -> None:
        if not self.is_mounted:
            return
        staat = self.staat
        o = staat.huidig
        d = staat.origineel.draaiboek
        sessies = len(staat.origineel.sessies)
        wie = f" · sessie {staat.sessienummer} van {sessies}" if sessies > 1 else ""
        wie += f" · {self.blok}" if self.blok else ""
        rest = f"{wie} · afgesproken {staat.geplande_start:%H:%M}–{staat.afgesproken_eind:%H:%M}"
        # The header is one line: a long title gives way, the agreed times stay readable at 80 columns.
        titel = afgekort(d.titel, max(12, self.size.width - 2 - len(rest)))
        self.query_one("#kop", Static).update(platte_tekst(titel + rest))
        if staat.klaar:
            titel = "Sessie gestopt" if staat.stand.gestopt else "Sessie klaar"
            kaart = f"Alle onderdelen zijn gedaan. q = stoppen{self.over_het_log()}."
            if self.verder:
                titel = "Blok gestopt" if staat.stand.gestopt else "Blok klaar"
                kaart = f"Alle onderdelen van dit blok zijn gedaan. Enter of q = verder{self.over_het_log()}."
        elif o is None:
            eerste = staat.onderdelen[0]
            titel = f"Straks: {eerste.titel} ({eerste.duur_min} min)"
            kaart = stappen_tekst(eerste.stappen)
        else:
            # After a pause the part ends later; its minutes include the pause, and the title says so.
            pauze = hele_minuten(staat.pauze_min(o.id) * 60)
            waarvan = f", waarvan {pauze} min pauze" if pauze else ""
            titel = f"Nu: {o.titel} ({o.duur_min} min{waarvan}, tot {hhmm(o.eind)})"
            kaart = stappen_tekst(o.stappen)
            afronden = staat.afronden_om()
            if afronden is not None and o.start < afronden and self.moment is not None and self.moment >= afronden:
                titel = f"NU AFRONDEN · {titel}"
        self.query_one("#nu", Static).update(platte_tekst(titel))
        self.query_one("#stappen", Static).update(platte_tekst(kaart))
        self.query_one("#straks", Static).update(platte_tekst(self._straks()))
        tekst = "\n".join(t for t in (self.logfout, self.melding, *reversed(staat.stand.wijzigingen)) if t)
        self.query_one("#wijziging", Static).update(platte_tekst(tekst))
        self.query_one("#toetsen", Static).update(
            (TOETSEN_KLAAR_BLOK if self.verder else TOETSEN_KLAAR).format(log=self.over_het_log()) if staat.klaar
            else TOETSEN if staat.gestart else TOETSEN_VOOR)
        self._toon_klok()

    def _straks(self) -> str:
        volgende = self.staat.volgende()
        if not self.staat.gestart:
            volgende = volgende[1:]
        if not volgende:
            return f"Daarna: {self.verder}" if self.verder else "Daarna: einde van de sessie."
        eerste = volgende[0]
        tekst = f"Daarna: {eerste.titel} ({eerste.duur_min} min)"
        if len(volgende) > 1:
            tekst += f" · dan {volgende[1].titel} ({volgende[1].duur_min} min)"
        return tekst

    def _toon_klok(self) -> None:
        if not self.is_mounted or self.moment is None:
            return
        nu = self.moment
        staat = self.staat
        rest = staat.resterend(nu)
        balk = self.query_one("#balk", ProgressBar)
        toestand = self.query_one("#toestand", Static)
        o = staat.huidig
        if staat.klaar:
            self.query_one("#klok", Digits).update(hhmm(staat.stand.klaar_om))
            toestand.update("klaar")
            balk.update(progress=1000)
            balk.set_classes("")
        elif not staat.gestart and rest > AFTELLEN_MAX:
            # Days ahead (--sessie 2 without --start): the date, not '167:59:11'.
            self.query_one("#klok", Digits).update(f"{staat.geplande_start:%H:%M}")
            toestand.update(f"begint op {dagnaam(staat.geplande_start)}\n(spatie: nu beginnen)")
            balk.update(progress=0)
            balk.set_classes("")
        elif not staat.gestart:
            self.query_one("#klok", Digits).update(klokduur(rest))
            toestand.update(f"begint om {staat.geplande_start:%H:%M}\n(spatie: nu beginnen)")
            balk.update(progress=0)
            balk.set_classes("")
        else:
            self.query_one("#klok", Digits).update(klokduur(rest))
            voortgang = staat.voortgang(nu)
            balk.update(progress=int(voortgang * 1000))
            totaal = (o.eind - o.start).total_seconds() if o else 0
            if rest.total_seconds() < 0:
                klasse, woord = "rood", "OVER TIJD"
            elif totaal and rest.total_seconds() <= max(60, 0.1 * totaal):
                klasse, woord = "rood", "bijna om"
            elif totaal and rest.total_seconds() <= 0.25 * totaal:
                klasse, woord = "amber", "nog even"
            else:
                klasse, woord = "", "nog voor dit onderdeel"
            balk.set_classes(klasse)
            if staat.gepauzeerd:
                woord = "GEPAUZEERD (p: verder)"
            toestand.update(woord)
        self.query_one("#stand", Static).update(self._stand(nu))

    def _stand(self, nu: datetime) -> str:
        staat = self.staat
        try:
            eind = staat.verwacht_eind(nu)
            verschil = staat.verschil_min(nu)
        except PlannerFout:
            return ""
        woord = "Einde" if staat.klaar else "Verwacht einde"
        tekst = (f"Klok {hhmm(nu)} · {woord} {hhmm(eind)} · afgesproken {hhmm(staat.afgesproken_eind)} · "
                 f"{verschil_tekst(verschil)}")
        afronden = staat.afronden_om()
        if afronden is not None and not staat.klaar:
            tekst += f" · afronden om {hhmm(afronden)}"
        if staat.huidig is not None and staat.resterend(nu).total_seconds() < 0 and verschil <= 0:
            # Over time yet on schedule: say why, or the two lines seem to contradict each other. Either
            # the rest gives way (an end-anchored closing), or it fits in the room left before the agreed
            # end (a kickoff's second session: its parts never shorten, R5).
            tekst += (" (de rest past nog voor het afgesproken einde)" if eind > staat.sessie.eind
                      else " (de rest wordt korter)")
        return tekst

    # ------------------------------------------------------------------------ steps

    def _doe(self, stap: Callable[[datetime], object]) -> None:
        """One step on the state, then the log and the screen; a refusal is shown, never raised."""
        self.melding = ""
        try:
            stap(self.klok())
        except PlannerFout as fout:
            self.melding = str(fout)
        self._bewaar()
        self.versie += 1
        self.moment = self.klok()

    def _dialoog_open(self) -> bool:
        """A dialog on top: space and enter belong to it (they close help or carry on), never
        to the running part (the binding is a priority one, so it would see them first)."""
        if isinstance(self.screen, ModalScreen):
            if isinstance(self.screen, Hulp | Rest):
                self.screen.dismiss(None)
            elif isinstance(self.screen, Bevestig):
                self.screen.dismiss(False)
            elif isinstance(self.screen, LaterEinde):
                # Enter in the question for the new end: that answer is given.
                self.screen.dismiss(self.screen.query_one(Input).value.strip() or None)
            return True
        return False

    def action_klaar(self) -> None:
        if self._dialoog_open():
            return
        if self.staat.klaar:
            self._naar_volgend_blok()
            return
        self._doe(self.staat.volgend_onderdeel)

    def _naar_volgend_blok(self) -> None:
        """In a programme a finished block loses nothing by closing: Enter or q goes on, without a question."""
        if self.verder and self.staat.klaar:
            self._bewaar()
            self.exit(0)

    def action_erbij(self) -> None:
        self._doe(lambda nu: self.staat.verschuif(nu, 1))

    def action_eraf(self) -> None:
        self._doe(lambda nu: self.staat.verschuif(nu, -1))

    def action_pauze(self) -> None:
        self._doe(self.staat.pauzeer)

    def action_sla_over(self) -> None:
        def sla_over(nu: datetime) -> None:
            # A skip is said by the re-plan's own line; only 'nothing to skip' needs a sentence here.
            if self.staat.sla_optioneel_over(nu) is None:
                raise InvoerFout("Er is geen optioneel onderdeel meer om over te slaan.")
        self._doe(sla_over)

    def action_terug(self) -> None:
        def terug(nu: datetime) -> None:
            if not self.staat.zet_terug():
                raise InvoerFout("Er is niets om terug te zetten.")
        self._doe(terug)

    def action_hulp(self) -> None:
        if not isinstance(self.screen, ModalScreen):
            self.push_screen(Hulp(self.zaal))

    def action_rest(self) -> None:
        if not isinstance(self.screen, ModalScreen):
            self.push_screen(Rest(rest_tekst(self.staat, self.klok())))

    def action_later_einde(self) -> None:
        if isinstance(self.screen, ModalScreen) or self.staat.klaar:
            return

        def klaar(tekst: str | None) -> None:
            if not tekst:
                return

            def afspreken(nu: datetime) -> None:
                from planner.kern.tijd import lees_kloktijd
                from planner.kern.veilig import schoon

                try:
                    eind = lees_kloktijd(tekst, nu.tzinfo, self.staat.geplande_start.date(), nu,
                                         naam="het nieuwe einde")
                except InvoerFout:
                    # The dialog asks for UU:MM: the answer says so (not the dates --start takes).
                    raise InvoerFout(f"Het nieuwe einde '{schoon(tekst)[:20]}' is geen kloktijd: schrijf het als "
                                     f"UU:MM, bijvoorbeeld {self.staat.afgesproken_eind + timedelta(minutes=15):%H:%M} "
                                     "(l: nog eens).") from None
                self.staat.later_einde(nu, eind)
            self._doe(afspreken)

        self.push_screen(LaterEinde(self.staat.afgesproken_eind), klaar)

    def action_stoppen(self) -> None:
        if isinstance(self.screen, ModalScreen):
            return
        if self.verder and self.staat.klaar:
            self._naar_volgend_blok()
            return

        def klaar(ja: bool | None) -> None:
            if ja:
                self.staat.stop(self.klok())
                self._bewaar()
                self.exit(0)

        self.push_screen(Bevestig(self.over_het_log()), klaar)

    # ------------------------------------------------------------------------ the log

    def over_het_log(self) -> str:
        """What the keys, the last card and the stop question say about the log: only what is true
        (no log asked: nothing; a write that failed: where the log will be instead)."""
        if self.logpad is None:
            return ""
        if self.logfout:
            return " (het log is niet bewaard: het komt na het stoppen op het scherm)"
        return " (het log is bewaard)"

    def _bewaar(self) -> None:
        """Write the whole log again, atomically: a crash loses at most the running part's end."""
        if self.logpad is None or self.schrijf is None:
            return
        try:
            self.schrijf(self.logpad, self.staat.log_csv())
            self.logfout = ""
            self.log_bewaard_om = self.klok()
        except PlannerFout as fout:
            self.logfout = f"Log niet bewaard: {fout}"

    # ------------------------------------------------------------------------ signals from outside

    def _vang_signalen(self) -> None:
        """kill -INT ends as Ctrl-C on the command line does (130, the running part marked in the
        log); TERM and HUP end the same way, so Textual restores the terminal on the way out."""
        import asyncio
        import signal

        lus = asyncio.get_running_loop()
        for naam in ("SIGINT", "SIGTERM", "SIGHUP"):
            nummer = getattr(signal, naam, None)
            if nummer is None:
                continue
            # Not the main thread (tests) or no such signal here: the default stays.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                lus.add_signal_handler(nummer, self._afbreken, naam[3:])

    def _afbreken(self, naam: str) -> None:
        self.signaal_van_buiten = naam
        self.staat.stop(self.klok(), afgebroken=True)
        self._bewaar()
        self.exit(return_code={"INT": 130, "TERM": 143, "HUP": 129}.get(naam, 1))



def afsluiten(app: LiveApp, code: int, zeg: Callable[[str], object], uit: Callable[[str], object],
              log_kwijt: int) -> int:
    """The last words after the screen closed, and the exit code: never 'Log bewaard' after a
    failed write (issue 21.3). A log that could not be written at the end is printed on stdout, and
    the command ends with `log_kwijt` (the CLI's code for a file not written) unless it already failed."""
    from planner.kern.veilig import schoon

    if app.signaal_van_buiten:
        zeg("Afgebroken.")
    if app.logpad is None:
        return code
    pad = schoon(str(app.logpad))
    if not app.logfout:
        zeg(f"Log bewaard: {pad} (lees het terug met 'planner terugblik {pad}')")
        return code
    stand = (f"bevat de stand van {app.log_bewaard_om:%H:%M:%S}" if app.log_bewaard_om is not None
             else "is niet geschreven")
    zeg(f"Log niet volledig bewaard: {pad} {stand}; het volledige log staat hieronder op de standaarduitvoer "
        f"({app.logfout}).")
    uit(app.staat.log_csv().decode("utf-8-sig").rstrip("\r\n"))
    return code or log_kwijt
