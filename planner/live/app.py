"""`planner live`: a full-screen clock for the facilitator, a thin Textual view over LiveStaat.

Only this module imports Textual (the rest of the planner starts without it). The view renders
the state, maps keys to LiveStaat's methods and writes the log after every step; the clock is
injected (a callable returning now), so tests drive it without sleeping.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Digits, ProgressBar, Static

from planner.kern.fouten import InvoerFout, PlannerFout
from planner.kern.live_staat import LiveStaat
from planner.kern.model import Stap
from planner.kern.veilig import schoon

Klok = Callable[[], datetime]
# Writes the log file atomically (the command line passes planner.cli.bestanden.schrijf: the live
# screen sits below the command line and does not import it).
Schrijf = Callable[[Path, str], object]

TOETSEN = ("spatie/enter klaar, volgende · +/- minuut erbij/eraf · p pauze · o sla optioneel over · "
           "z terug · ? hulp · q stoppen")
HULP = """[b]Toetsen[/b]

  spatie, enter   onderdeel klaar; het volgende begint, de rest wordt herpland
  + of =          een minuut erbij voor dit onderdeel
  -               een minuut eraf voor dit onderdeel
  p               pauzeer de klok; nog eens p: verder (de pauze telt bij
                  dit onderdeel)
  o               sla het volgende optionele onderdeel over
  z               zet de planning terug (een stap ongedaan maken)
  ↑ ↓ PgUp PgDn   blader door de stappen
  ?               deze hulp
  q, Ctrl-C       stoppen (bevestig met j)

Na elke stap past de planner de rest in de tijd tot het afgesproken
einde, binnen de grenzen van het draaiboek; de gele regel zegt wat er
veranderde. Een toets sluit deze hulp."""


def klokduur(duur: timedelta) -> str:
    """'12:34' for minutes and seconds (h:mm:ss above an hour); '+02:13' when over time."""
    seconden = int(duur.total_seconds())
    teken = "+" if seconden < 0 else ""
    seconden = abs(seconden)
    uren, rest = divmod(seconden, 3600)
    minuten, seconden = divmod(rest, 60)
    if uren:
        return f"{teken}{uren}:{minuten:02d}:{seconden:02d}"
    return f"{teken}{minuten:02d}:{seconden:02d}"


def verschil_tekst(minuten: int) -> str:
    """'4 min achter', '2 min voor', 'op schema'."""
    if minuten > 0:
        return f"{minuten} min achter"
    if minuten < 0:
        return f"{-minuten} min voor"
    return "op schema"


def hhmm(moment: datetime) -> str:
    """A clock time rounded to the nearest minute: a re-plan from 14:40:50 ends at 15:59:50, not 15:59."""
    return f"{moment + timedelta(seconds=30):%H:%M}"


def platte_tekst(tekst: str) -> Content:
    """Text from a draaiboek, an option or an error as it is: Textual would read '[b]' or '[/x]' in
    a title as markup (or fail on it), and a control character would reach the terminal."""
    return Content(schoon(tekst))


def stappen_tekst(stappen: tuple[Stap, ...]) -> str:
    """The cue card: instructions as bullets, questions marked, nested bullets indented."""
    if not stappen:
        return "(geen stappen in het draaiboek)"
    regels = []
    for stap in stappen:
        merk = "? " if stap.soort == "vraag" else "• "
        regels.append(f"{merk}{stap.tekst}")
        regels += [f"    – {sub}" for sub in stap.sub]
    return "\n".join(regels)


class Bevestig(ModalScreen[bool]):
    """'Stoppen? j = ja': any other key carries on."""

    DEFAULT_CSS = """
    Bevestig { align: center middle; }
    Bevestig > Static { width: 60; padding: 1 2; border: heavy $error; background: $surface; }
    """

    def compose(self) -> ComposeResult:
        yield Static("[b]Stoppen?[/b]\n\nj = ja, stoppen (het log is bewaard)\nelke andere toets = doorgaan")

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if hasattr(event, "stop"):
            event.stop()  # type: ignore[attr-defined]
        self.dismiss(key == "j")


class Hulp(ModalScreen[None]):
    DEFAULT_CSS = """
    Hulp { align: center middle; }
    Hulp > Static { width: 78; max-height: 22; padding: 0 1; border: heavy $primary; background: $surface; }
    """

    def compose(self) -> ComposeResult:
        yield Static(HULP)

    def on_key(self, event: object) -> None:
        if hasattr(event, "stop"):
            event.stop()  # type: ignore[attr-defined]
        self.dismiss(None)


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
    #wijziging { height: auto; max-height: 3; padding: 0 1; color: $warning; }
    #toetsen { dock: bottom; height: auto; max-height: 2; background: $boost; padding: 0 1; }
    """
    BINDINGS = [
        Binding("space,enter", "klaar", "klaar, volgende", priority=True, show=False),
        Binding("plus,equals_sign", "erbij", "minuut erbij", show=False),
        Binding("minus", "eraf", "minuut eraf", show=False),
        Binding("p", "pauze", "pauze", show=False),
        Binding("o", "sla_over", "sla over", show=False),
        Binding("z", "terug", "terug", show=False),
        Binding("question_mark", "hulp", "hulp", show=False),
        Binding("q", "stoppen", "stoppen", show=False),
        Binding("ctrl+c", "stoppen", "stoppen", priority=True, show=False),
    ]

    # Bumped after every step: the watchers re-render what depends on the state.
    versie: reactive[int] = reactive(0)
    # The clock's last reading, set once a second.
    moment: reactive[datetime | None] = reactive(None)

    def __init__(self, staat: LiveStaat, klok: Klok, log: Path | None = None, tik: float = 1.0,
                 schrijf: Schrijf | None = None) -> None:
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
        self.logfout = ""

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
        self.moment = nu

    # ------------------------------------------------------------------------ rendering

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
        self.query_one("#kop", Static).update(platte_tekst(
            f"{d.titel}{wie} · afgesproken {staat.geplande_start:%H:%M}–{staat.afgesproken_eind:%H:%M}"))
        if staat.klaar:
            titel = "Sessie gestopt" if staat.stand.gestopt else "Sessie klaar"
            kaart = "Alle onderdelen zijn gedaan. q = stoppen (het log is bewaard)."
        elif o is None:
            eerste = staat.onderdelen[0]
            titel = f"Straks: {eerste.titel} ({eerste.duur_min} min)"
            kaart = stappen_tekst(eerste.stappen)
        else:
            titel = f"Nu: {o.titel} ({o.duur_min} min, tot {hhmm(o.eind)})"
            kaart = stappen_tekst(o.stappen)
        self.query_one("#nu", Static).update(platte_tekst(titel))
        self.query_one("#stappen", Static).update(platte_tekst(kaart))
        self.query_one("#straks", Static).update(platte_tekst(self._straks()))
        wijziging = " ".join(staat.stand.wijzigingen)
        tekst = " ".join(t for t in (self.logfout, self.melding, wijziging) if t)
        self.query_one("#wijziging", Static).update(platte_tekst(tekst))
        self._toon_klok()

    def _straks(self) -> str:
        volgende = self.staat.volgende()
        if not self.staat.gestart:
            volgende = volgende[1:]
        if not volgende:
            return "Daarna: einde van de sessie."
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
            self.query_one("#klok", Digits).update(f"{staat.stand.klaar_om:%H:%M}")
            toestand.update("klaar")
            balk.update(progress=1000)
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
        tekst = (f"Klok {nu:%H:%M} · {woord} {hhmm(eind)} · afgesproken {staat.afgesproken_eind:%H:%M} · "
                 f"{verschil_tekst(verschil)}")
        if staat.huidig is not None and staat.resterend(nu).total_seconds() < 0 and verschil <= 0:
            # Over time yet on schedule: say why, or the two lines seem to contradict each other.
            tekst += " (de rest wordt korter)"
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

    def action_klaar(self) -> None:
        self._doe(self.staat.volgend_onderdeel)

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
        self.push_screen(Hulp())

    def action_stoppen(self) -> None:
        if isinstance(self.screen, Bevestig):
            return

        def klaar(ja: bool | None) -> None:
            if ja:
                self.staat.stop(self.klok())
                self._bewaar()
                self.exit(0)

        self.push_screen(Bevestig(), klaar)

    # ------------------------------------------------------------------------ the log

    def _bewaar(self) -> None:
        """Write the whole log again, atomically: a crash loses at most the running part's end."""
        if self.logpad is None or self.schrijf is None:
            return
        try:
            self.schrijf(self.logpad, self.staat.log_csv())
            self.logfout = ""
        except PlannerFout as fout:
            self.logfout = f"Log niet bewaard: {fout}"
