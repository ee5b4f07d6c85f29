"""Turning a facilitator's own draaiboek (Word, Markdown, text) into a commented TOML draft.

What it recognises (see the README, 'Een eigen draaiboek importeren'): parts with minutes or clock
times, in a table or as lines; the bullets and sentences under a part as its steps; header lines for
group size, set-up and duration. Every minute is kept as written; everything it cannot place goes
into a `toelichting` and is reported, never dropped. The core returns the draft and the report;
the command prints them.
"""

from __future__ import annotations

import re
from pathlib import Path

from planner.bibliotheek.opmerkingen import tijdsduur_verschil
from planner.importeren.concept import Concept, Deel, Stap
from planner.importeren.documenten import Blok, Regel, schoon
from planner.importeren.minuten import getimede_beschrijving, kort, minuten, na_het_programma
from planner.importeren.programma import alleen_programma, vanaf_start
from planner.importeren.regels import Item, items_van, klasse_van
from planner.importeren.tijden import GESCHAT_MIN, MIDDEN_DUUR, Tijd, lees_tijd_begin, lees_tijd_eind
from planner.importeren.woorden import DATUM, GROEP, LABEL_VORM, TOTAAL, groepjes_in, soort_van
from planner.kern.fouten import InvoerFout

# --- from items to draaiboeken -----------------------------------------------------------------

_KOPVELDEN = ("groep", "opstelling", "tijdsduur")
_KOMMA = re.compile(r"[;,]")
_BEREIK = re.compile(r"(\d{1,4})\s*+(?:-|–|—|tot|à|a)\s*+(\d{1,4})")
_GETAL = re.compile(r"\d{1,4}")
_MIN_WOORD = re.compile(r"\bmin(?:imaal|imum|\.)?\b", re.I)
_MEER_ZINNEN = re.compile(r"[.;]\s+\S")


def _segmenten(items: list[Item]) -> list[list[Item]]:
    """Several draaiboeken in one document: a title line and a new header block (two of group size,
    set-up, duration) after parts, followed by parts again, start the next one."""
    grenzen = [0]
    deel_gezien = False
    for i, item in enumerate(items):
        if item.soort == "deel" and i >= grenzen[-1]:
            deel_gezien = True
        elif item.soort == "veld" and item.veld in _KOPVELDEN and deel_gezien and _kopblok(items, i):
            j = i - 1
            while j > grenzen[-1] and items[j].soort in ("leeg", "veld"):
                j -= 1
            if j > grenzen[-1] and items[j].soort == "tekst" and items[j].regel.soort in ("tekst", "kop") \
                    and len(items[j].regel.tekst) <= 120:
                # Its title stands right above the header block.
                grenzen.append(j)
                deel_gezien = False
    grenzen.append(len(items))
    return [items[a:b] for a, b in zip(grenzen, grenzen[1:], strict=False) if a < b]


def _kopblok(items: list[Item], i: int) -> bool:
    """A new draaiboek's header: two or more of group size, set-up and duration before its first part.
    (One 'Opstelling: in een kring' under a part is that part's, not a new draaiboek.)"""
    velden = set()
    for item in items[i:]:
        if item.soort == "deel":
            return len(velden) >= 2
        if item.soort == "veld" and item.veld in _KOPVELDEN:
            velden.add(item.veld)
    return False


def _titel_index(items: list[Item]) -> int | None:
    """The draaiboek's title: its first heading before the first part, else its first short line."""
    eerste_deel = next((i for i, x in enumerate(items) if x.soort == "deel"), len(items))
    # A date on a line of its own ('23 september 2020') says when, not what: it stays in the description.
    voor = [(i, x) for i, x in enumerate(items[:eerste_deel])
            if x.soort in ("tekst", "veld") and not DATUM.fullmatch(x.regel.tekst.strip("*_# "))]
    koppen = [(i, x) for i, x in voor if x.soort == "tekst" and x.regel.soort == "kop"]
    titelstijl = [i for i, x in koppen if x.regel.niveau == 0]
    if titelstijl:  # Word's 'Title' style (or '# ' in Markdown) says it outright
        return titelstijl[0]
    korte = [i for i, x in voor
             if x.soort == "tekst" and x.regel.soort in ("tekst", "nummer") and len(x.regel.tekst) <= 120
             and not LABEL_VORM.match(x.regel.tekst) and not x.regel.tekst.endswith((".", ",", ";", ":"))]
    # The first heading, unless a short line that looks like a title stands above it.
    kandidaten = [i for i, _ in koppen[:1]] + korte[:1]
    if kandidaten:
        return min(kandidaten)
    for i, x in voor:
        # 'Het programma ziet er als volgt uit:' introduces the programme; it names nothing.
        if x.soort == "tekst" and len(x.regel.tekst) <= 120 and not x.regel.tekst.endswith(":"):
            return i
    return None


def herken(blokken: list[Blok], bestandsnaam: str) -> list[Concept]:
    """Every draaiboek in the document; refuses a document without any recognisable part."""
    items = alleen_programma(items_van(blokken))
    if not any(x.soort == "deel" for x in items):
        raise InvoerFout(_weigering(blokken, bestandsnaam))
    concepten = [_concept(segment, bestandsnaam) for segment in _segmenten(items)]
    return [c for c in concepten if c.delen]


def _weigering(blokken: list[Blok], bestandsnaam: str) -> str:
    """One sentence that fits the document (issue 20.9): what it has that looks like a programme, and why
    that was not read."""
    from planner.importeren.documenten import Tabel

    uitleg = ("zet per onderdeel de duur of het tijdstip vooraan op de regel ('15m Welkom', '09:00 - 09:15 "
              "Opening', '[0-10 min] Opening') of gebruik een tabel met de kolommen Tijd en Onderdeel")
    for blok in blokken:
        if isinstance(blok, Tabel) and blok.rijen:
            kop = [schoon(c).lower().strip("*_ :") for c in blok.rijen[0]]
            tijd = next((i for i, c in enumerate(kop) if c.split(" ")[0] in _TIJDWOORDEN), None)
            if tijd is not None and len(blok.rijen) > 1:
                cel = next((r[tijd] for r in blok.rijen[1:] if tijd < len(r) and r[tijd].strip()), "")
                return (f"In '{bestandsnaam}' heeft de tabel een kolom '{blok.rijen[0][tijd].strip()}', maar "
                        f"'{_kort(schoon(cel), 30)}' lees ik niet als tijd: schrijf een tijdstip ('09:00' of '09:00 - "
                        "09:15'), een duur ('15 min') of een tijd vanaf het begin ('0-10').")
    for blok in blokken:
        if isinstance(blok, Regel) and MIDDEN_DUUR.search(blok.tekst):
            return (f"In '{bestandsnaam}' noemt '{_kort(blok.tekst, 50)}' een duur, maar ik vind geen regels die "
                    f"met een tijd beginnen of eindigen: {uitleg}.")
    return f"In '{bestandsnaam}' vind ik geen onderdelen met minuten of tijden: {uitleg}."


_TIJDWOORDEN = ("tijd", "tijden", "duur", "minuten", "min", "tijdstip", "time", "duration", "timing", "wanneer")


class _Bouwer:
    """Walks one draaiboek's items in order, attaching each line to the right place."""

    def __init__(self, items: list[Item], bestandsnaam: str, markdown_regels: bool) -> None:
        self.items = items
        titel_index = _titel_index(items)
        titel = schoon(items[titel_index].regel.tekst) if titel_index is not None else _uit_bestandsnaam(bestandsnaam)
        self.titel_index = titel_index
        self.c = Concept(titel=titel.strip("*_# ").strip() or _uit_bestandsnaam(bestandsnaam))
        if titel_index is None:
            self.c.gegokt.append(f"titel: het document heeft geen kop of titelregel; ik gebruik de bestandsnaam "
                                 f"'{titel}'.")
        self.na_einde = False
        self.vorige_leeg = True
        self.vorige_soort = ""
        self.vorige_tekst = ""
        self.los = markdown_regels
        self.in_extra = False
        self.huidig: int | None = None  # a detail section ('### Intro (10 min)') points back at its part
        self.detail_niveau = 0  # the heading level of that detail section
        self.kop_niveau: int | None = None  # the heading level of the last part, if it is a heading
        # After the programme's last part, a heading that describes no part ('## Time Management Tips') starts
        # text about the whole draaiboek: it goes to the description, not into the last part's steps.
        self.laatste = max((i for i, x in enumerate(items) if x.soort == "deel"), default=len(items))
        self.na_laatste = False
        self.na_programma = False

    # where text goes
    @property
    def deel(self) -> Deel | None:
        if self.huidig is not None and self.huidig < len(self.c.delen):
            return self.c.delen[self.huidig]
        return self.c.delen[-1] if self.c.delen else None

    def _beschreven_deel(self, tekst: str) -> int | None:
        """The part a heading describes: its title again, maybe with its minutes ('### Intro (10 min)')."""
        kaal = _vergelijkbaar(tekst)
        if len(kaal) < 4:
            return None
        for i, deel in enumerate(self.c.delen):
            titel = _vergelijkbaar(deel.titel)
            if kaal == titel or (len(titel) >= 4 and (titel.startswith(kaal + " ") or kaal.startswith(titel + " "))):
                return i
        return None

    def bouw(self) -> Concept:
        for i, item in enumerate(self.items):
            if i == self.titel_index:
                self.vorige_leeg = True
                continue
            self.na_laatste = i > self.laatste
            self.stap(item)
        return self.c

    def stap(self, item: Item) -> None:
        if item.soort in ("leeg", "grens"):
            self.vorige_leeg = True
            return
        soort = item.soort
        if self.na_laatste and self.c.delen and soort in ("tekst", "label", "veld") and self._nawoord(item):
            return
        if soort == "deel":
            self.nieuw_deel(item)
        elif soort == "einde":
            self.einde(item)
        elif soort == "totaal":
            self.totaal(item)
        elif soort == "label":
            self.c.herkend.append(f"'{item.regel.tekst}' gelezen als kopje, niet als onderdeel.")
        elif soort == "veld":
            self.veld(item)
        else:
            self.tekst(item.regel)
        self.vorige_leeg = False
        self.vorige_soort = item.regel.soort
        self.vorige_tekst = item.regel.tekst

    def _nawoord(self, item: Item) -> bool:
        """True when the line is text after the programme (see __init__), kept for the description."""
        regel = item.regel
        if regel.soort == "kop" and regel.niveau < 7:  # a real heading; a bold line (7) may be a part's label
            if item.soort == "tekst" and self._beschreven_deel(regel.tekst) is not None:
                self.na_programma = False  # '### Activity 1: [Name]' after the table: that part's detail section
            elif (niveau := self.detail_niveau if self.huidig is not None else self.kop_niveau) is None \
                    or regel.niveau <= niveau:
                self.na_programma = True
                self.c.nawoord_koppen.append(regel.tekst)
        if not self.na_programma:
            return False
        if self.c.nawoord and regel.soort == "tekst" and self._vervolg(regel.tekst):
            self.c.nawoord[-1] = f"{self.c.nawoord[-1]} {regel.tekst}"
        else:
            self.c.nawoord.append(regel.tekst)
        self.vorige_leeg = False
        self.vorige_soort = regel.soort
        self.vorige_tekst = regel.tekst
        return True

    def nieuw_deel(self, item: Item) -> None:
        assert item.tijd is not None
        self.na_einde = False
        self.huidig = None
        self.kop_niveau = item.regel.niveau if item.regel.soort == "kop" else None
        titel, rest = _eerste_zin(item.titel)
        deel = Deel(titel=titel, tijd=item.tijd, uit_tabel=item.uit_tabel, werkvorm=item.werkvorm,
                    materialen=list(item.materialen))
        self.c.delen.append(deel)
        if rest:
            deel.stappen.append(Stap(rest))
        if item.waarschuwing:
            self.c.gegokt.append(item.waarschuwing)
        self.in_extra = True  # the rest of its row or line: steps of its own, never glued to the title
        for extra in item.extra:
            self.stap(klasse_van(extra))
        self.in_extra = False

    def einde(self, item: Item) -> None:
        if self.deel is not None and item.tijd is not None and item.tijd.start is not None and \
                self.deel.tijd.start is not None and self.deel.tijd.eind is None:
            self.deel.tijd.eind = item.tijd.start
        self.c.herkend.append(f"'{item.regel.tekst}' gelezen als het einde van het programma.")
        self.na_einde = self.deel is not None

    def totaal(self, item: Item) -> None:
        if not self.c.tijdsduur:
            tijd = lees_tijd_eind(item.waarde) or lees_tijd_begin(TOTAAL.sub("", item.waarde).strip(" :"))
            self.c.tijdsduur = tijd[0].tekst if tijd else item.waarde
        self.c.herkend.append(f"'{item.regel.tekst}' gelezen als de totale duur, niet als onderdeel.")

    def veld(self, item: Item) -> None:
        naam, waarde = item.veld, item.waarde
        deel = self.deel
        if naam == "groep" and deel is None:
            self.groep(waarde)
        elif naam == "opstelling" and deel is None:
            self.c.opstelling = f"{self.c.opstelling}; {waarde}" if self.c.opstelling else waarde
            self.c.herkend.append(f"opstelling: '{waarde}'.")
        elif naam in ("tijdsduur", "duur") and not self.c.tijdsduur and deel is None:
            gelezen = lees_tijd_begin(waarde)
            if gelezen and gelezen[0].minuten and gelezen[0].hoog is None and gelezen[1].startswith("("):
                waarde = gelezen[0].tekst  # '2 uur (120 minuten)': the duration, its repeat in brackets left off
            self.c.tijdsduur = waarde
            self.c.herkend.append(f"tijdsduur: '{waarde}'.")
        elif naam == "materialen":
            lijst = [m for m in (schoon(x) for x in _KOMMA.split(waarde)) if m]
            (deel.materialen if deel is not None else self.c.materialen).extend(lijst)
        elif naam == "werkvorm" and deel is not None and not deel.werkvorm:
            deel.werkvorm = waarde
        elif naam == "deelnemers" and deel is None and not self.c.deelnemers:
            self.c.deelnemers = waarde
        elif naam == "doel" and deel is not None:
            deel.toelichting.append(item.regel.tekst)
        else:
            self.tekst(item.regel)

    def groep(self, waarde: str) -> None:
        m = GROEP.match(waarde)
        rest = m["rest"] if m else waarde
        kop = m["kop"].lower() if m else ""
        bereik = _BEREIK.search(rest)
        if bereik:
            laag, hoog = int(bereik[1]), int(bereik[2])
            self.c.groep_min = min(self.c.groep_min or laag, laag)
            self.c.groep_max = max(self.c.groep_max or hoog, hoog)
        else:
            getal = int(_GETAL.search(rest)[0])  # type: ignore[index]
            if kop.startswith("min") or _MIN_WOORD.search(rest):
                self.c.groep_min = getal
            else:
                self.c.groep_max = max(self.c.groep_max or getal, getal)
        self.c.herkend.append(f"groepsgrootte uit '{waarde}'.")
        if _MEER_ZINNEN.search(waarde):
            # More than the group size on this line ('Maximaal 12 deelnemers. Opstelling: U-vorm.'): keep it all.
            self._beschrijving(Regel(waarde))

    def tekst(self, regel: Regel) -> None:
        deel = self.deel
        if deel is None:
            self._beschrijving(regel)
            return
        if regel.soort == "kop" and (beschreven := self._beschreven_deel(regel.tekst)) is not None:
            self.huidig = beschreven
            self.detail_niveau = regel.niveau
            titel = _kort(self.c.delen[beschreven].titel)
            self.c.herkend.append(f"'{_kort(regel.tekst)}' gelezen als de uitwerking van '{titel}': wat eronder "
                                  "staat hoort bij dat onderdeel.")
            return
        if self.na_einde and self.vorige_leeg and self.na_laatste:
            # A new paragraph after the programme's end ('Einde' … blank line … 'Informatie over …') is about the
            # whole draaiboek, not about its end: the description.
            self.na_programma = True
            self.c.nawoord.append(regel.tekst)
            return
        if self.na_einde:
            deel.toelichting.append(regel.tekst)
            self.c.niet_geplaatst.append(f"'{_kort(regel.tekst)}' (na het einde) staat in de toelichting van "
                                         f"'{deel.titel}'.")
            return
        if regel.soort in ("tekst", "kop", "nummer") and _is_pauze_regel(regel.tekst):
            tijd = Tijd(regel.tekst, GESCHAT_MIN * (2 if "lunch" in regel.tekst.lower() else 1))
            nieuw = Deel(titel=regel.tekst.strip(" .:"), tijd=tijd, geschat=True)
            self.c.delen.append(nieuw)
            self.c.gegokt.append(f"'{nieuw.titel}' staat er zonder minuten: {tijd.minuten} minuten geschat.")
            return
        if regel.soort == "punt" and deel.stappen and regel.niveau > deel.stappen[-1].niveau:
            deel.stappen[-1].sub.append(regel.tekst)
            return
        if regel.soort in ("tekst",) and not self.in_extra and self._vervolg(regel.tekst):
            self._plak(deel, regel.tekst)
            return
        # A sentence ending in ':' introduces the bullets below it; they become its sub-points.
        inleiding = regel.soort != "punt" and regel.tekst.endswith(":")
        deel.stappen.append(Stap(regel.tekst, niveau=-1 if inleiding else regel.niveau, na_leeg=self.vorige_leeg))

    def _vervolg(self, tekst: str) -> bool:
        """A line that continues the one above it (a line broken in the middle of a sentence)."""
        if not self.vorige_leeg and self.los and self.vorige_soort in ("tekst", "punt", "nummer"):
            return True  # Markdown: lines without a blank line between are one paragraph
        if not (tekst[:1].islower() or tekst[:1] in "(&"):
            return False
        # Text taken from a PDF has blank lines in odd places: a lower-case line after a blank line
        # still continues a sentence that did not end.
        return not self.vorige_leeg or not self.vorige_tekst.rstrip().endswith((".", "!", "?"))

    def _plak(self, deel: Deel, tekst: str) -> None:
        if not deel.stappen and not deel.uit_tabel and (_PERSOON.match(tekst) or (
                self.vorige_leeg and ("," in tekst or len(tekst.split()) > 3))):
            # 'Inleiding Schiphol: groei of krimp', a blank line, 'ir. Joris Melkert, TU Delft': who speaks is
            # a line of its own under the part, not more of its title (the title stays the topic). A word or
            # two after a blank line ('Waarderend voorstellen -12', 'personen') is the title broken by a PDF.
            deel.stappen.append(Stap(tekst))
        elif deel.stappen:
            stap = deel.stappen[-1]
            if stap.sub:
                stap.sub[-1] = f"{stap.sub[-1]} {tekst}"
            else:
                stap.tekst = f"{stap.tekst} {tekst}"
        elif not deel.uit_tabel:
            deel.titel = f"{deel.titel} {tekst}"
        else:
            deel.stappen.append(Stap(tekst))

    def _beschrijving(self, regel: Regel) -> None:
        if self.c.beschrijving and regel.soort == "tekst" and self._vervolg(regel.tekst):
            self.c.beschrijving[-1] = f"{self.c.beschrijving[-1]} {regel.tekst}"
        else:
            self.c.beschrijving.append(regel.tekst)


def _uit_bestandsnaam(bestandsnaam: str) -> str:
    """'eowijers_slotbijeenkomst.txt' -> 'Eowijers slotbijeenkomst': a title to read, not a file name."""
    stam = " ".join(_NAAMGRENS.sub(" ", Path(bestandsnaam).stem).split())
    return stam[:1].upper() + stam[1:] if stam else Path(bestandsnaam).stem


_NAAMGRENS = re.compile(r"[_\s]+|(?<=[^\W\d_])-(?=[^\W\d_])")


def _eerste_zin(titel: str) -> tuple[str, str]:
    """'De ontwerpteams in de spotlight. Gesprek onder leiding van …': a long line of sentences is a title
    (its first sentence) and a step (the rest), as a programme prints it."""
    if len(titel.split()) <= 8 or not (m := _ZINSEINDE.search(titel)) or len(titel[:m.start()].split()) < 2:
        return titel, ""
    return titel[:m.start()], titel[m.end():]


# A line that starts with a person's title ('ir. Joris Melkert', 'dr. …', 'prof. …') names who speaks.
_PERSOON = re.compile(r"(?:ir|ing|dr|drs|prof|mr|dhr|mevr|mw)\.\s", re.I)
_ZINSEINDE = re.compile(r"[.!?](?<!\b[A-Za-z]\.)\s++(?=[A-Z])")


def _vergelijkbaar(tekst: str) -> str:
    """A title to compare: no minutes, no span from the start, no punctuation, lower case."""
    if (gevonden := vanaf_start(tekst)) is not None:
        tekst = gevonden[2]
    if (eind := lees_tijd_eind(tekst)) is not None:
        tekst = eind[1]
    tekst = MIDDEN_DUUR.sub(" ", tekst)
    return " ".join(_NIET_WOORD.sub(" ", tekst.casefold()).split())


_NIET_WOORD = re.compile(r"[^\w]+")


def _is_pauze_regel(tekst: str) -> bool:
    kaal = tekst.strip(" .:!*").lower()
    return len(kaal.split()) <= 4 and bool(_PAUZE_REGEL.fullmatch(kaal))


_PAUZE_REGEL = re.compile(r"(?:koffie-?|thee-?|lunch)?pauze(?:\s*+\(.*\))?|koffie(?:\s*+(?:/|en)\s*+thee)?|lunch|"
                          r"theepauze|lunchpauze|koffiepauze|break")


_kort = kort


def _concept(items: list[Item], bestandsnaam: str) -> Concept:
    concept = _Bouwer(items, bestandsnaam, markdown_regels=bestandsnaam.lower().endswith((".md", ".markdown"))).bouw()
    minuten(concept)
    for nummer, deel in enumerate(concept.delen):
        deel.soort, deel.soort_woord = soort_van(deel.titel, eerste=nummer == 0)
        deel.groepjes = groepjes_in(" ".join([deel.titel, deel.werkvorm] + [s.tekst for s in deel.stappen]
                                           + [t for s in deel.stappen for t in s.sub]))
    if verschil := tijdsduur_verschil(concept.tijdsduur, [sum(d.minuten for d in concept.delen)]):
        concept.gegokt.append(verschil.replace("de tijdsduur noemt", "het document noemt"))
    getimede_beschrijving(concept)
    if concept.beschrijving:
        aantal = len(concept.beschrijving)
        concept.niet_geplaatst.append(f"{aantal} {'regel' if aantal == 1 else 'regels'} vóór het eerste onderdeel "
                                      f"{'staat' if aantal == 1 else 'staan'} in de beschrijving van het draaiboek.")
    na_het_programma(concept)
    return concept
