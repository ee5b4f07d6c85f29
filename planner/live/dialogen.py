"""The live screen's dialogs (help, stop, the rest of the session, a later end) and its small
text helpers; split from app.py to keep each module short."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from planner.kern.live_staat import LiveStaat
from planner.kern.model import Stap
from planner.kern.tijd import kloktijd
from planner.kern.veilig import schoon

HULP = """[b]Toetsen[/b]

  spatie, enter   onderdeel klaar; het volgende begint, de rest wordt herpland
  + of =          een minuut erbij voor dit onderdeel
  -               een minuut eraf voor dit onderdeel
  p               pauzeer de klok; nog eens p: verder (de pauze telt niet
                  bij dit onderdeel: het houdt de tijd die het nog had)
  o               sla het volgende optionele onderdeel over
  l               later einde afspreken (vraagt de nieuwe eindtijd)
  r               de rest van de sessie met kloktijden (gepland → nu)
  z               zet de planning terug (een stap ongedaan maken)
  ↑ ↓ PgUp PgDn   blader door de stappen
  ?               deze hulp
  q, Ctrl-C       stoppen (bevestig met j)

Na elke stap past de planner de rest in de tijd tot het afgesproken
einde, binnen de grenzen van het draaiboek; de gele regel zegt wat er
veranderde. Een signaal (bel en knipperen; --stil: zonder geluid) klinkt
2 minuten voor en aan het einde van elk onderdeel. Een toets sluit deze hulp."""


DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def dagnaam(moment: datetime) -> str:
    """'dinsdag 8 december 13:00'."""
    return f"{DAGEN[moment.weekday()]} {moment.day} {MAANDEN[moment.month - 1]} {moment:%H:%M}"


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
    """A clock time by the planner's one rounding rule (kern.tijd.kloktijd): a re-plan from 14:40:50
    ends at 15:59:50, shown 16:00, as terugblik shows it."""
    return kloktijd(moment)


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

    def __init__(self, over_het_log: str = "") -> None:
        super().__init__()
        self.over_het_log = over_het_log  # ' (het log is bewaard)' only when it is: see LiveApp.over_het_log

    def compose(self) -> ComposeResult:
        yield Static(f"[b]Stoppen?[/b]\n\nj = ja, stoppen{self.over_het_log}\nelke andere toets = doorgaan")

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

    def __init__(self, extra: str = "") -> None:
        super().__init__()
        # A line of this run's own (the room view's address), below the keys.
        self.extra = extra

    def compose(self) -> ComposeResult:
        from rich.markup import escape

        # The extra line first and the way out on the border: at 80x24 the end of the help is cut off.
        tekst = Static((f"{escape(self.extra)}\n\n" if self.extra else "") + HULP)
        tekst.border_subtitle = "een toets sluit deze hulp"
        yield tekst

    def on_key(self, event: object) -> None:
        if hasattr(event, "stop"):
            event.stop()  # type: ignore[attr-defined]
        self.dismiss(None)


class Rest(ModalScreen[None]):
    """The rest of the session with clock times, planned against now; any key returns."""

    DEFAULT_CSS = """
    Rest { align: center middle; }
    Rest > VerticalScroll { width: 90%; max-height: 90%; height: auto; border: heavy $primary;
                            background: $surface; padding: 0 1; }
    """

    def __init__(self, tekst: str) -> None:
        super().__init__()
        self.tekst = tekst

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(platte_tekst(self.tekst))

    def on_key(self, event: object) -> None:
        if getattr(event, "key", "") in ("up", "down", "pageup", "pagedown"):
            return
        if hasattr(event, "stop"):
            event.stop()  # type: ignore[attr-defined]
        self.dismiss(None)


class LaterEinde(ModalScreen[str | None]):
    """'Later einde afspreken': asks the new end (UU:MM); escape carries on unchanged."""

    DEFAULT_CSS = """
    LaterEinde { align: center middle; }
    LaterEinde > Vertical { width: 60; height: auto; border: heavy $warning; background: $surface; padding: 0 1; }
    """

    def __init__(self, nu_eind: datetime) -> None:
        super().__init__()
        self.nu_eind = nu_eind

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]Later einde afspreken[/b]\nAfgesproken einde nu: {self.nu_eind:%H:%M}. "
                         "Nieuw einde (UU:MM), enter = afspreken, escape = terug:")
            yield Input(placeholder=f"{self.nu_eind + timedelta(minutes=15):%H:%M}", id="eind")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def on_key(self, event: object) -> None:
        if getattr(event, "key", "") == "escape":
            if hasattr(event, "stop"):
                event.stop()  # type: ignore[attr-defined]
            self.dismiss(None)




def rest_tekst(staat: LiveStaat, nu: datetime) -> str:
    """The rest of the session, one line per part: now-planned times against the original plan."""
    oud = {o.id: o for o in staat.origineel.sessies[staat.sessienummer - 1].onderdelen}
    regels = [f"De rest van de sessie (om {hhmm(nu)}; afgesproken einde {hhmm(staat.afgesproken_eind)})", ""]
    delen = ([staat.huidig] if staat.huidig is not None else []) + staat.volgende()
    for o in delen:
        gepland = oud.get(o.id)
        was = f"  (gepland {gepland.start:%H:%M}–{gepland.eind:%H:%M})" if gepland is not None else "  (toegevoegd)"
        if gepland is not None and (gepland.start, gepland.eind) == (o.start, o.eind):
            was = "  (zoals gepland)"
        regels.append(f"{hhmm(o.start)}–{hhmm(o.eind)}  {o.titel} ({o.duur_min} min){was}")
    for id_ in staat.stand.niet_bereikt:
        if id_ in oud:
            regels.append(f"niet meer aan bod: {oud[id_].titel} (gepland {oud[id_].start:%H:%M}–{oud[id_].eind:%H:%M})")
    if not delen:
        regels.append("Alle onderdelen zijn gedaan.")
    regels += ["", "Een toets: terug naar de klok."]
    return "\n".join(regels)
