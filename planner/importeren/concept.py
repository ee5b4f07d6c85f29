"""What a document holds once recognised: the draft draaiboek (Concept) with its parts and steps."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.importeren.tijden import Tijd

# --- what a document holds ---------------------------------------------------------------------


@dataclass
class Stap:
    tekst: str
    sub: list[str] = field(default_factory=list)
    niveau: int = 0  # the depth of its bullet: a deeper bullet below it is a sub-point
    na_leeg: bool = False  # a blank line above it: after an end line, a new paragraph is not about the end


@dataclass
class Deel:
    """One onderdeel as read from the document."""

    titel: str
    tijd: Tijd
    uit_tabel: bool = False
    stappen: list[Stap] = field(default_factory=list)
    werkvorm: str = ""
    materialen: list[str] = field(default_factory=list)
    toelichting: list[str] = field(default_factory=list)
    geschat: bool = False
    minuten: int = 0
    min: int = 0
    max: int = 0
    soort: str = "werkvorm"
    soort_woord: str = ""
    groepjes: tuple[int, int] | None = None


@dataclass
class Concept:
    """A draaiboek read from a document, with what was recognised and what was guessed."""

    titel: str
    delen: list[Deel] = field(default_factory=list)
    beschrijving: list[str] = field(default_factory=list)
    opstelling: str = ""
    tijdsduur: str = ""
    groep_min: int | None = None
    groep_max: int | None = None
    deelnemers: str = ""
    materialen: list[str] = field(default_factory=list)
    herkend: list[str] = field(default_factory=list)
    gegokt: list[str] = field(default_factory=list)
    niet_geplaatst: list[str] = field(default_factory=list)
    nawoord: list[str] = field(default_factory=list)  # text after the programme about no part of it
    nawoord_koppen: list[str] = field(default_factory=list)
