"""Plain dataclasses for draaiboeken (what the templates say) and plans (what the planner made)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime

SOORTEN = ("opening", "werkvorm", "pauze", "evaluatie", "afronding", "agendapunt")
STAPSOORTEN = ("instructie", "vraag")
# When a step applies (template data, R5/P3): a step that talks about the coffee break only makes
# sense when that break is still in this session; one that speaks of "next time" only when split.
VOORWAARDEN = ("pauze", "geen-pauze", "een-sessie", "meer-sessies", "daarna", "geen-daarna")
# Which question card a step goes on besides the plan (issue 19.9): "groepje" is the subgroups' own
# task (their card carries it instead of the plenary prompt), "oefenen" a question to practise with
# in the next onderdeel in subgroups (the training's example questions of the minicollege).
KAARTEN = ("groepje", "oefenen")
# How a draaiboek meets too little time (--strategie, a programme block's `strategie`).
STRATEGIEEN = ("auto", "splitsen", "inkorten")

# Every class here has a docstring: without one, dataclass makes it from the signature (inspect),
# at every start (issue 12).


@dataclass(frozen=True)
class Stap:
    """One step of an onderdeel, in the source's order: an instruction or a question.

    `sub` keeps a source's nested bullets under their step; `als` names a condition from
    VOORWAARDEN under which the step applies (empty: always).
    """

    soort: str
    tekst: str
    sub: tuple[str, ...] = ()
    als: str = ""
    kaart: str = ""


@dataclass(frozen=True)
class Beurten:
    """A round in which everybody gets a turn (a filmronde): minutes per person from the source."""

    min: float
    max: float
    # The round's length follows from the group: groep x min .. groep x max (R2).
    bepaalt_duur: bool = False
    # Above this group size not everybody gets a turn (R4: "meer dan 12 personen").
    iedereen_tot: int | None = None
    # Part of the onderdeel that the round itself takes, when the rest is plenary (R3: ~20 min).
    ronde_minuten: int | None = None
    # How outputs name one turn when "± N min per persoon" would not be honest, e.g. "10 + 5 min per
    # gesprek" (R16: a turn is a conversation plus its nabespreking).
    label: str = ""
    # True when the minutes per person are the planner's estimate ("een paar minuten", P5).
    geschat: bool = False


@dataclass(frozen=True)
class Materiaal:
    """Something the facilitator brings: a plain name, or a number that may scale with the group.

    In TOML either "flap-over" or { naam = "plaknotities", per_deelnemer = 5 } or
    { naam = "stiften", aantal = 10 }.
    """

    naam: str
    per_deelnemer: float | None = None
    aantal: int | None = None

    def hoeveel(self, groep: int) -> int | None:
        """How many for a group of `groep`; None when the draaiboek names no number."""
        if self.per_deelnemer is not None:
            # Round up: 2.5 markers per person for 3 people is 8 markers, not 7.
            return math.ceil(self.per_deelnemer * groep - 1e-9)
        return self.aantal

    def __str__(self) -> str:
        if self.per_deelnemer is not None:
            return f"{self.naam} ({self.per_deelnemer:g} per deelnemer)"
        if self.aantal is not None:
            return f"{self.aantal} {self.naam}"
        return self.naam


@dataclass(frozen=True)
class Onderdeel:
    """One part of a draaiboek as the template gives it, with its minutes and bounds."""

    id: str
    titel: str
    soort: str
    minuten: int
    min_minuten: int
    max_minuten: int
    werkvorm: str = ""
    # Instructions and questions in one list, in the source's order.
    stappen: tuple[Stap, ...] = ()
    materialen: tuple[Materiaal, ...] = ()
    # Variant ids this onderdeel belongs to; empty means every variant.
    varianten: tuple[str, ...] = ()
    # True when the minutes are the planner's estimate, not the source's (P5).
    geschat: bool = False
    # Minutes may only change in steps of this size (P1: 5 unless the draaiboek fixes another).
    stap: int = 5
    beurten: Beurten | None = None
    # Subgroup size range, e.g. (3, 4) or (5, 10).
    groepjes: tuple[int, int] | None = None
    # "einde": the onderdeel starts a fixed number of minutes before the agreed end (R8).
    anker: str | None = None
    toelichting: str = ""
    # An optional part (R15) is the first to go when time is short, and --zonder may leave it out.
    optioneel: bool = False
    # The team's own part without its guests or participants (R12/P8: "reflect afterwards as a
    # team"): not on what participants receive, and nobody is invited to it.
    zonder_deelnemers: bool = False
    # Minutes moved towards practice by 'planner terugblik --bijstellen', with the evidence
    # ("5 sessies: mediaan 19 min"); empty: the minutes are the source's or the planner's estimate (P5).
    praktijk: str = ""

    @property
    def instructies(self) -> tuple[str, ...]:
        return tuple(s.tekst for s in self.stappen if s.soort == "instructie")

    @property
    def vragen(self) -> tuple[str, ...]:
        return tuple(s.tekst for s in self.stappen if s.soort == "vraag")


@dataclass(frozen=True)
class Variant:
    """A version of a draaiboek for a range of group sizes (R1)."""

    id: str
    titel: str
    groep_min: int
    groep_max: int
    toelichting: str = ""
    # Room set-up for this variant when it differs per group size (R12: one-to-one vs circle).
    opstelling: str = ""
    # The wider range the source also allows for this variant (R1: "kleiner dan 15"); --variant
    # may choose it there. None: the same as groep_min/groep_max.
    ook_groep_min: int | None = None
    ook_groep_max: int | None = None

    def past_ook(self, groep: int) -> bool:
        """True when --variant may choose this variant for `groep` (its own or its wider range)."""
        laag = self.ook_groep_min if self.ook_groep_min is not None else self.groep_min
        hoog = self.ook_groep_max if self.ook_groep_max is not None else self.groep_max
        return min(laag, self.groep_min) <= groep <= max(hoog, self.groep_max)


@dataclass(frozen=True)
class GroepsOpmerking:
    """A remark the plan shows for group sizes in a range (e.g. the 12/15 discrepancy, R1)."""

    groep_min: int
    groep_max: int
    tekst: str
    # Only when the plan uses this variant (empty: whatever the variant), e.g. a remark on the
    # variant the planner chose that --variant can change.
    variant: str = ""


@dataclass(frozen=True)
class Herhaling:
    """A follow-up meeting the source recommends some time after the last session (R4)."""

    titel: str
    minuten: int
    # True when the source gives no length and the minutes are the template's estimate (P5).
    geschat: bool = False
    toelichting: str = ""


@dataclass(frozen=True)
class Draaiboek:
    """A template: its onderdelen, variants, bounds and what the source says about them."""

    id: str
    titel: str
    bron: str
    onderdelen: tuple[Onderdeel, ...]
    varianten: tuple[Variant, ...] = ()
    groep_min: int = 1
    groep_max: int = 30
    # Why the group bounds are what they are (the source's, or the planner's own reading of a werkvorm).
    groep_omdat: str = ""
    # The reason of one bound, where the two differ (the source's maximum, the planner's minimum):
    # a group too large is refused with the upper bound's reason, not the lower one's.
    groep_max_omdat: str = ""
    groep_min_omdat: str = ""
    beschrijving: str = ""
    opstelling: str = ""
    tijdsduur: str = ""
    # What to do when the time is too short: "splitsen" (R5) or "inkorten".
    bij_tijdgebrek: str = "inkorten"
    welkom_terug_min: int = 5
    vooruitblik_min: int = 5
    materialen: tuple[Materiaal, ...] = ()
    deelnemers: str = ""
    # The source's own sentences a participant may read (the invitation's "why", P8); the
    # description is written for facilitators. Empty: the invitation gives no reason.
    uitleg_deelnemers: str = ""
    # What participants bring themselves (shown on their handout and in the invitation).
    meenemen: tuple[str, ...] = ()
    opmerkingen: tuple[str, ...] = ()
    groepsopmerkingen: tuple[GroepsOpmerking, ...] = ()
    herhaling: Herhaling | None = None
    # False when the source treats the draaiboek as one meeting (R13); the reason says why, citing it.
    splitsen: bool = True
    niet_splitsen_omdat: str = ""
    # True when the source makes this draaiboek the start of a meeting (R13: the kennismakingsronde is
    # "bedoeld als startonderdeel van een reguliere bijeenkomst"): in a programme it opens its meeting.
    opent_bijeenkomst: bool = False
    # Groups of onderdeel ids that must share a session (R14).
    samen: tuple[tuple[str, ...], ...] = ()
    # Ids of onderdelen after which the template prefers a session break (P3), best first.
    naden: tuple[str, ...] = ()
    # How many meetings the source itself speaks of when it splits ("over twee bijeenkomsten
    # verdelen", R5); None: it names no number. More sessions than this get a warning.
    bron_sessies: int | None = None
    # The template's own steps for the parts the planner adds when it splits (P3); empty: the
    # planner's defaults (planner.kern.teksten). Placeholders such as {volgende_datum} are filled in.
    welkom_terug_stappen: tuple[Stap, ...] = ()
    vooruitblik_stappen: tuple[Stap, ...] = ()
    # The duration the source states ("ongeveer 2 uur"); None: the sum of the nominal minutes.
    standaard_minuten: int | None = None
    # Where the file came from: "ingebouwd", "eigen" or a path.
    herkomst: str = "ingebouwd"
    pad: str = ""

    def onderdelen_voor(self, variant: Variant | None) -> tuple[Onderdeel, ...]:
        if variant is None:
            return self.onderdelen
        return tuple(o for o in self.onderdelen if not o.varianten or variant.id in o.varianten)


@dataclass(frozen=True)
class GeplandOnderdeel:
    """An onderdeel as the plan uses it: clock times, minutes, groups and steps."""

    id: str
    titel: str
    soort: str
    start: datetime
    eind: datetime
    duur_min: int
    toegevoegd: bool = False
    geschat: bool = False
    werkvorm: str = ""
    # How to divide this group, e.g. (4, 4, 4, 4, 3, 3).
    groepjes: tuple[int, ...] = ()
    per_persoon_min: float | None = None
    # The template onderdeel this was planned from; None for parts the planner added.
    bron: Onderdeel | None = None
    # The steps as this plan uses them (placeholders filled, conditions applied), in source order.
    stappen: tuple[Stap, ...] = ()
    # True when a re-plan (--nu/--klaar, planner live) counts this part as finished.
    gedaan: bool = False
    # The template's minutes for a source onderdeel (None for parts the planner or user added), so
    # every output can show where the plan differs from the source (issue 8).
    bron_min: int | None = None
    # How to read one turn: "10 + 5 min per gesprek" (Beurten.label) or "± 2 min per persoon".
    beurt_tekst: str = ""

    @property
    def aangepast(self) -> bool:
        """True when the plan gives a source onderdeel other minutes than the template."""
        return self.bron_min is not None and self.duur_min != self.bron_min


@dataclass(frozen=True)
class Sessie:
    """One meeting of a plan: its onderdelen in order."""

    nummer: int
    start: datetime
    eind: datetime
    onderdelen: tuple[GeplandOnderdeel, ...]

    @property
    def duur_min(self) -> int:
        return sum(o.duur_min for o in self.onderdelen)


@dataclass(frozen=True)
class Plan:
    """What the planner made of a draaiboek for one group and time."""

    draaiboek: Draaiboek
    variant: Variant | None
    groep: int
    tijd_min: int
    strategie: str
    sessies: tuple[Sessie, ...]
    waarschuwingen: tuple[str, ...] = ()
    # Source onderdelen the plan leaves out on purpose (a pause replaced by a session break, an
    # optional part dropped).
    vervallen: tuple[str, ...] = ()
    # The optional onderdelen left out (--zonder, or dropped because time was short); also in vervallen.
    weggelaten: tuple[str, ...] = ()
    # Minutes of the agreed time the plan leaves free after its end (more time than the draaiboek uses).
    vrij_min: int = 0
    start_aangenomen: bool = False
    tz: str = "Europe/Amsterdam"
    locatie: str = ""

    @property
    def opstelling(self) -> str:
        """The room set-up: the variant's own where it has one (R12), else the draaiboek's."""
        return (self.variant.opstelling if self.variant else "") or self.draaiboek.opstelling


# Ids of the parts the planner adds itself (P3, R8).
VRIJE_RUIMTE = "vrije-ruimte"
WELKOM_TERUG = "welkom-terug"
VOORUITBLIK = "vooruitblik"


def is_planner_id(id_: str) -> bool:
    """True for the ids of parts the planner adds itself; an agenda item must not take one."""
    return id_ == VRIJE_RUIMTE or re.fullmatch(rf"({WELKOM_TERUG}|{VOORUITBLIK})-\d+", id_) is not None
