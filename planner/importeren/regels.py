"""From a document's blocks (lines and tables) to classified items: parts, steps, header fields."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.importeren.documenten import LANGE_REGEL, Blok, Regel, Tabel, regel_van, schoon
from planner.importeren.tijden import (
    DAG,
    MIDDEN_DUUR,
    START_VANAF,
    Tijd,
    is_klok,
    klok_minuten,
    lees_tijd_begin,
    lees_tijd_eind,
    lees_tijdcel,
    vanaf_start,
)
from planner.importeren.woorden import (
    EINDE,
    EINDE_OM,
    GROEP,
    GROEP_GETAL,
    GROEP_REST,
    KOLOM_WOORDEN,
    LABEL_VORM,
    LABELS,
    TOTAAL,
    VELD,
)

_SYMBOLEN_VOOR = re.compile(r"^[^\w(\[{'\"‘“]+")
_WOORDGRENS = re.compile(r"[\s|/\t]+")
_KOLOMGRENS = re.compile(r"[\s/(:,-]")
_TEKEN_VOOR = re.compile(r"^[•\-*–]\s*+")
_LIJSTGRENS = re.compile(r"[\n;,]")

# --- from blocks to items ----------------------------------------------------------------------


@dataclass
class Item:
    regel: Regel
    soort: str  # deel, tijd_alleen, veld, totaal, einde, label, leeg, tekst
    tijd: Tijd | None = None
    titel: str = ""
    veld: str = ""
    waarde: str = ""
    werkvorm: str = ""
    materialen: tuple[str, ...] = ()
    extra: tuple[Regel, ...] = ()  # the rest of a table row: steps of the part
    uit_tabel: bool = False
    kandidaat: Item | None = None  # a bullet that would be a part if the document's parts are bullets
    waarschuwing: str = ""  # for the report: the document contradicts itself here


def klasse_van(regel: Regel) -> Item:
    tekst = regel.tekst
    if not tekst:
        return Item(regel, "leeg")
    if len(tekst) > LANGE_REGEL:
        return Item(regel, "tekst")
    # Emphasis, and symbols in front ('⏱ 15 min', '→ 09:00 Welkom') are no part of the text.
    kaal = _SYMBOLEN_VOOR.sub("", tekst.strip("*_ ").rstrip(":").strip()) or tekst
    if kaal.lower() in LABELS:
        return Item(regel, "label")
    woorden = [w for w in _WOORDGRENS.split(kaal.lower()) if w]
    if woorden and len(woorden) >= 2 and all(w in KOLOM_WOORDEN for w in woorden) and (
            {"tijd", "duur", "tijden", "minuten", "tijdstip"} & set(woorden)):
        return Item(regel, "label")  # 'Tijd Onderdeel': a table header written as a line
    if TOTAAL.match(kaal):
        return Item(regel, "totaal", waarde=kaal)
    if EINDE.match(kaal):
        return Item(regel, "einde")
    if (m := EINDE_OM.match(kaal)) and is_klok(m["h1"]):
        return Item(regel, "einde", tijd=Tijd(m[0], start=klok_minuten(m["h1"], m["m1"])))
    if regel.soort == "punt":
        kandidaat = _deel_regel(regel, kaal)
        if m := VELD.match(kaal):
            naam = _VELDNAAM.get(m["naam"].lower(), m["naam"].lower())
            if naam in ("materialen", "doel", "werkvorm"):
                return Item(regel, "veld", veld=naam, waarde=m["waarde"].strip())
        # A bullet with a time is a step ('• Neem 10m voor het gesprek'), unless the whole
        # document lists its parts as bullets (decided in items_van).
        bruikbaar = kandidaat is not None and kandidaat.soort in ("deel", "einde")
        return Item(regel, "tekst", kandidaat=kandidaat if bruikbaar else None)
    if ((m := GROEP.match(kaal)) and GROEP_REST.match(m["rest"])) or GROEP_GETAL.match(kaal):
        return Item(regel, "veld", veld="groep", waarde=kaal)
    if (m := VELD.match(kaal)) and not lees_tijd_begin(kaal):
        naam = m["naam"].lower()
        return Item(regel, "veld", veld=_VELDNAAM.get(naam, naam), waarde=m["waarde"].strip())
    return _deel_regel(regel, kaal) or Item(regel, "tekst")


def _deel_regel(regel: Regel, kaal: str) -> Item | None:
    if gevonden := lees_tijd_begin(kaal):
        tijd, titel = gevonden
        if not titel:
            return Item(regel, "tijd_alleen", tijd=tijd)
    elif gevonden := lees_tijd_eind(kaal):
        tijd, titel = gevonden
    else:
        return None
    if tijd.start is not None and (achteraan := lees_tijd_eind(titel)) and achteraan[0].minuten is not None:
        duur, titel = achteraan
        if tijd.eind is None:
            # '09:00 Welkom (15 min)': the minutes it states win over the gap to the next time.
            tijd = Tijd(f"{tijd.tekst} … {duur.tekst}", duur.minuten, duur.hoog, start=tijd.start)
        # '09:00-09:15 Welkom (15 min)': the clock range stands; the repeat leaves the title.
    # '3 uur durende training voor vrijwilligers in de wijk' is a sentence, not a part; a line that starts with
    # a clock time is a part however it is written ('12.00-12.10 uur muziek en ondertussen wordt …', 20.5).
    if titel[:1].islower() and len(titel.split()) > 6 and tijd.start is None:
        return None
    item = _deel_of_einde(regel, tijd, titel)
    if item.soort == "deel":
        midden_duur(item)
    return item


def midden_duur(item: Item) -> None:
    """'Welcome (30 min) - Brad leads': the stated minutes leave the title, who leads becomes the werkvorm;
    a note in brackets at the end ('break [line up with the course]') becomes a step (issue 20.2)."""
    assert item.tijd is not None
    titel = item.titel
    if titel.endswith("]") and (haak := titel.rfind("[")) > 0:
        item.extra = (*item.extra, Regel(titel[haak + 1:-1].strip()))
        titel = titel[:haak].rstrip(" -–—:")
    m = MIDDEN_DUUR.search(titel)
    if m and titel[:m.start()].strip(" -–—:"):
        genoemd = int(m["m"])
        rest = titel[m.end():].strip(" -–—:,")
        titel = titel[:m.start()].rstrip(" -–—:,")
        tijd = item.tijd
        if tijd.start is not None and tijd.eind is not None:
            bereik = (tijd.eind - tijd.start) % DAG
            if bereik != genoemd:
                item.waarschuwing = (f"'{titel}': het document noemt {genoemd} minuten, maar {tijd.tekst} is "
                                     f"{bereik} minuten; ik neem de {bereik} minuten van de kloktijden.")
        elif tijd.minuten is None:
            item.tijd = Tijd(f"{tijd.tekst} … {m[0]}", genoemd, start=tijd.start)
        elif tijd.minuten != genoemd and tijd.hoog is None:
            # '[0-10 min] Opening (15 min)': the span counted from the start stands (the spans add up to the
            # session), but the document contradicts itself: say so (issue 20.2).
            item.waarschuwing = (f"'{titel}': het document noemt {genoemd} minuten, maar {tijd.tekst} is "
                                 f"{tijd.minuten} minuten; ik neem de {tijd.minuten} minuten van '{tijd.tekst}'.")
        if rest and not item.werkvorm:
            item.werkvorm = rest
        elif rest:
            item.extra = (Regel(rest), *item.extra)
    item.titel = titel or item.titel


_VELDNAAM = {
    "zaalopstelling": "opstelling", "ruimte": "opstelling", "totale duur": "tijdsduur", "lengte": "duur",
    "tijd": "duur", "materiaal": "materialen", "materialen": "materialen", "materiaal en": "materialen",
    "benodigdheden": "materialen", "nodig": "materialen", "doelstelling": "doel", "wie": "werkvorm",
    "doelgroep": "deelnemers",
}


def _deel_of_einde(regel: Regel, tijd: Tijd, titel: str) -> Item:
    titel = schone_titel(titel)
    if EINDE.match(titel):
        return Item(regel, "einde", tijd=tijd)
    if TOTAAL.match(titel):
        return Item(regel, "totaal", waarde=regel.tekst)
    return Item(regel, "deel", tijd=tijd, titel=titel)


def schone_titel(titel: str) -> str:
    # '1. Welkom' in a numbered heading: the number is the document's, not part of the title.
    return _NUMMER_VOOR.sub("", titel.strip().strip("*_").strip())


# 'Onderdeel 2: Casus', 'Stap 1 - Welkom', '3. Lunch': the numbering is the document's, not the title's.
_NUMMER_VOOR = re.compile(r"^(?:\d{1,2}[.)]|(?:stap|onderdeel|programmaonderdeel|blok|deel)\s*+\d{1,2}\s*+[:.)–—-])"
                          r"\s*+(?=\S)", re.I)


# Column headers, Dutch and English (an English programme is read the same way, issue 20.9).
_TIJD_KOP = ("tijd", "tijden", "duur", "minuten", "min", "min.", "tijdstip", "wanneer", "hoe lang", "tijdsduur",
             "time", "start", "begin", "klok", "uur", "tijd (min)", "duur (min)", "minuten (min)", "duration",
             "times", "when", "length", "minutes", "mins", "duration (min)", "time (min)", "timing", "offset")
_DUUR_KOP = ("duur", "minuten", "min", "min.", "tijdsduur", "hoe lang", "duur (min)", "minuten (min)", "duration",
             "length", "minutes", "mins", "duration (min)", "time (min)")
_INHOUD_KOP = ("toelichting", "omschrijving", "beschrijving", "inhoud", "instructie", "instructies", "uitleg",
               "activiteit", "activiteiten", "programma", "wat", "details", "opmerkingen", "", "description",
               "notes", "content", "instructions", "activity", "activities", "details")
_TITEL_KOP = ("onderdeel", "onderdelen", "programmaonderdeel", "wat", "activiteit", "activiteiten", "programma",
              "agendapunt", "onderwerp", "titel", "omschrijving", "inhoud", "wat doen we", "thema", "werkvorm",
              "activity", "activities", "session", "sessie", "topic", "item", "agenda item", "title", "what",
              "programme", "program", "segment", "description", "content")
_WERKVORM_KOP = ("wie", "werkvorm", "vorm", "methode", "hoe", "door", "begeleider", "werkwijze", "wie doet wat",
                 "who", "method", "format", "facilitator", "lead", "how")
_MATERIAAL_KOP = ("materiaal", "materialen", "benodigdheden", "middelen", "nodig", "wat is nodig", "hulpmiddelen",
                  "materials", "resources", "equipment")


def _kolomnaam(cel: str) -> str:
    naam = schoon(cel.replace("\n", " ")).lower().strip(" :*")
    if naam in _TIJD_KOP or naam in _TITEL_KOP or naam in _WERKVORM_KOP or naam in _MATERIAAL_KOP:
        return naam
    # 'Tijd (min.)', 'Onderdeel / activiteit': the first word names the column.
    return _KOLOMGRENS.split(naam, maxsplit=1)[0]


def _tabel_items(tabel: Tabel) -> list[Item]:
    """A schedule table becomes part items; any other table becomes lines ('Opstelling: kring')."""
    volle = [(i, list(r)) for i, r in enumerate(tabel.rijen) if any(c.strip() for c in r)]
    rijen = [r for _, r in volle]
    if not rijen:
        return []
    breedte = max(len(r) for r in rijen)
    rijen = [r + [""] * (breedte - len(r)) for r in rijen]
    kop = None
    kolommen: dict[str, int] = {}
    for nummer, rij in enumerate(rijen[:3]):
        namen = [_kolomnaam(c) for c in rij]
        tijden = [i for i, n in enumerate(namen) if n in _TIJD_KOP]
        if tijden and not any(lees_tijdcel(c) for c in rij):
            kop = nummer
            # 'Tijd' and 'Duur' both: the stated minutes win; the clock column is then redundant.
            duren = [i for i in tijden if namen[i] in _DUUR_KOP]
            tijd = duren[0] if duren else tijden[0]
            kolommen["tijd"] = tijd
            for i, andere in enumerate(t for t in tijden if t != tijd):
                kolommen[f"klok{i}"] = andere
            titels = [(i, n) for i, n in enumerate(namen) if n in _TITEL_KOP and i != tijd]
            # 'Onderdeel' before 'Werkvorm': the werkvorm column is the title only when nothing else is.
            titels.sort(key=lambda t: _TITEL_KOP.index(t[1]))
            if titels:
                kolommen["titel"] = titels[0][0]
            for i, n in enumerate(namen):
                if i in kolommen.values():
                    continue
                if n in _WERKVORM_KOP and "werkvorm" not in kolommen:
                    kolommen["werkvorm"] = i
                elif n in _MATERIAAL_KOP and "materialen" not in kolommen:
                    kolommen["materialen"] = i
            break
    data = rijen[kop + 1:] if kop is not None else rijen
    kaal = kop is not None  # a bare '15' is minutes only under a Tijd/Duur header
    if "tijd" not in kolommen:
        # No header row: the time column is the one whose cells read as times.
        tellingen = [sum(1 for r in data if lees_tijdcel(r[i])) for i in range(breedte)]
        beste = max(range(breedte), key=lambda i: tellingen[i])
        if tellingen[beste] == 0 or breedte < 2:
            return _tabel_als_regels(rijen)
        kolommen["tijd"] = beste
    if "titel" not in kolommen:
        kandidaten = [i for i in range(breedte) if i not in kolommen.values()
                      and any(r[i].strip() for r in data)]
        if not kandidaten:
            return _tabel_als_regels(rijen)
        kolommen["titel"] = kandidaten[0]
    vanaf = _tijden_vanaf_start([r[kolommen["tijd"]] for r in data])
    if not vanaf and not any(lees_tijdcel(r[kolommen["tijd"]], kaal) for r in data):
        return _tabel_als_regels(rijen)
    namen = [_kolomnaam(c) for c in rijen[kop]] if kop is not None else [""] * breedte
    items: list[Item] = []
    begin = kop + 1 if kop is not None else 0
    for nummer_rij, ((nummer, _), rij) in enumerate(zip(volle[begin:], data, strict=True)):
        if (nummer, kolommen["tijd"]) in tabel.vervolg:
            # The Tijd cell is merged with the one above: this row goes on with the same part.
            rij = [c if i != kolommen["tijd"] else "" for i, c in enumerate(rij)]
        items.extend(_rij_items(rij, kolommen, namen, kaal, vanaf[nummer_rij] if vanaf else None))
    return items


def _tijden_vanaf_start(cellen: list[str]) -> list[Tijd | None] | None:
    """A Tijd column counted from the session's start ('0:00 – 0:10', '0-10', '0:00', '0:10', …; issue 20.1,
    20.9): rising from 0, every filled cell such a time. None when the column holds clock times or durations."""
    tijden: list[Tijd | None] = []
    vorige = -1
    for cel in cellen:
        tekst = schoon(cel.replace("\n", " "))
        if not tekst:
            tijden.append(None)
            continue
        if (bereik := vanaf_start(tekst)) is not None and not bereik[2]:
            a, b = bereik[0], bereik[1]
            tijd = Tijd(tekst, b - a)
        elif (m := START_VANAF.match(tekst)) is not None and m.end() == len(tekst):
            a = int(m["h"]) * 60 + int(m["m"])
            tijd = Tijd(tekst, start=a)
        else:
            return None
        if (vorige < 0 and a != 0) or a < vorige:
            return None
        vorige = a
        tijden.append(tijd)
    return tijden if sum(1 for t in tijden if t is not None) >= 2 else None


def _rij_items(rij: list[str], kolommen: dict[str, int], namen: list[str], kaal: bool,
               vast: Tijd | None = None) -> list[Item]:
    cellen = [schoon(c.replace("\n", " ")) for c in rij if c.strip()]
    # 'Totaal | 3 uur' or '180 min | Totaal': the total, in any column, is no part.
    if any(TOTAAL.match(c.strip("*_ ")) and len(c.split()) <= 4 for c in cellen):
        tekst = " ".join(cellen)
        return [Item(Regel(tekst), "totaal", waarde=tekst)]
    tijd = vast if vast is not None else lees_tijdcel(rij[kolommen["tijd"]], kaal)
    titel_regels = [regel_van(r) for r in rij[kolommen["titel"]].split("\n")]
    titel_regels = [r for r in titel_regels if r.tekst]
    if tijd is not None and not titel_regels and (samen := _samengevoegde_rij(rij[kolommen["tijd"]])):
        # A row merged across all columns ('15:00 Pauze' over Tijd and Programma): time and title in one cell.
        rij = list(rij)
        rij[kolommen["tijd"]] = ""
        titel_regels = samen
    extra: list[Regel] = titel_regels[1:]
    for i, cel in enumerate(rij):
        if i in kolommen.values() or not cel.strip():
            continue
        regels = [regel_van(r) for r in cel.split("\n") if schoon(r)]
        if namen[i] not in _INHOUD_KOP and regels:
            # An unknown column keeps its name with its text, so nothing is read out of context.
            regels[0] = Regel(f"{namen[i].capitalize()}: {regels[0].tekst}", regels[0].soort, regels[0].niveau)
        extra.extend(regels)
    werkvorm = schoon(rij[kolommen["werkvorm"]].replace("\n", " ")) if "werkvorm" in kolommen else ""
    materialen: tuple[str, ...] = ()
    if "materialen" in kolommen:
        materialen = tuple(m for m in (schoon(_TEKEN_VOOR.sub("", x))
                                       for x in _LIJSTGRENS.split(rij[kolommen["materialen"]])) if m)
    if tijd is None or not titel_regels:
        # A row without a time (or without a title) continues the part above it.
        regels = titel_regels + extra
        if werkvorm:
            regels.append(Regel(f"Werkvorm: {werkvorm}"))
        if materialen:
            regels.append(Regel(f"Materialen: {', '.join(materialen)}"))
        if tijd is not None and not titel_regels:
            regels.insert(0, Regel(schoon(rij[kolommen["tijd"]])))
        return [klasse_van(r) for r in regels]
    titel = titel_regels[0].tekst
    if EINDE.match(titel):
        return [Item(titel_regels[0], "einde", tijd=tijd)] + [klasse_van(r) for r in extra]
    deel = Item(titel_regels[0], "deel", tijd=tijd, titel=titel, werkvorm=werkvorm, materialen=materialen,
                extra=tuple(extra), uit_tabel=True)
    klok = lees_tijdcel(rij[kolommen["klok0"]]) if "klok0" in kolommen else None
    if klok is not None and klok.start is not None and klok.eind is not None and tijd.minuten is not None \
            and (klok.eind - klok.start) % DAG != tijd.minuten:
        # 'Time 09:00 - 09:15 | Duration 20 min': the document contradicts itself; the stated minutes win.
        deel.waarschuwing = (f"'{titel}': de kolom Duur noemt {tijd.minuten} minuten, maar {klok.tekst} is "
                             f"{(klok.eind - klok.start) % DAG} minuten; ik neem de {tijd.minuten} minuten.")
    return [deel]


def _samengevoegde_rij(cel: str) -> list[Regel]:
    regels = [r for r in (regel_van(x) for x in cel.split("\n")) if r.tekst]
    gevonden = lees_tijd_begin(regels[0].tekst) if regels else None
    if not gevonden or not gevonden[1]:
        return []
    return [Regel(gevonden[1])] + regels[1:]


def _tabel_als_regels(rijen: list[list[str]]) -> list[Item]:
    items = []
    for rij in rijen:
        cellen = [schoon(c.replace("\n", " ")) for c in rij if c.strip()]
        # Repeated cells (a merged row) once.
        cellen = [c for i, c in enumerate(cellen) if i == 0 or c != cellen[i - 1]]
        if len(cellen) == 1:
            items.extend(klasse_van(regel_van(r)) for r in rij[[c.strip() != "" for c in rij].index(True)].split("\n"))
        elif cellen:
            eerste = cellen[0].rstrip(":")
            items.append(klasse_van(Regel(f"{eerste}: {' – '.join(cellen[1:])}")))
    return items


def items_van(blokken: list[Blok]) -> list[Item]:
    items: list[Item] = []
    for blok in blokken:
        if isinstance(blok, Tabel):
            items.append(Item(Regel(""), "grens"))
            items.extend(_tabel_items(blok))
            items.append(Item(Regel(""), "grens"))
        else:
            items.append(klasse_van(blok))
    items = _tijd_op_eigen_regel(_koppen_met_duur(items))
    if not any(x.soort == "deel" for x in items):
        # Every part is a bullet ('- 09:00 Welkom'): the least indented bullets with a time are parts.
        niveaus = [x.regel.niveau for x in items if x.kandidaat is not None and x.kandidaat.soort == "deel"]
        if niveaus:
            items = [x.kandidaat if x.kandidaat is not None and x.regel.niveau == min(niveaus) else x
                     for x in items]
    return items


def _tijd_op_eigen_regel(items: list[Item]) -> list[Item]:
    """A time on a line of its own, its title on the next line (a table copied as text)."""
    samen: list[Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item.soort == "tijd_alleen":
            j = i + 1
            while j < len(items) and items[j].soort == "leeg" and j < i + 3:
                j += 1
            if j < len(items) and items[j].soort == "tekst" and items[j].regel.soort != "punt":
                assert item.tijd is not None
                samen.append(_deel_of_einde(items[j].regel, item.tijd, items[j].regel.tekst))
                i = j + 1
                continue
            item = Item(item.regel, "tekst")
        samen.append(item)
        i += 1
    return samen


def _koppen_met_duur(items: list[Item]) -> list[Item]:
    """A heading followed by 'Duur: 20 minuten' (or just '20 minuten') is a part: a Word or
    Markdown draaiboek without a table."""
    koppen = [i for i, x in enumerate(items) if x.soort == "tekst" and x.regel.soort == "kop"]
    uit: list[Item] = []
    deel_gezien = False
    for item in items:
        deel_gezien = deel_gezien or item.soort == "deel"
        tijd = None
        if item.soort == "veld" and item.veld == "duur":
            tijd = lees_tijdcel(item.waarde)
        elif item.soort == "tijd_alleen":
            tijd = item.tijd
        if tijd is not None:
            j = len(uit) - 1
            while j >= 0 and uit[j].soort in ("leeg", "grens"):
                j -= 1
            vorige = uit[j] if j >= 0 else None
            # The document's first heading is its title: 'Duur: 2 uur' under it is the whole meeting.
            if vorige is not None and _titel_boven_duur(vorige, items[koppen[0]] if koppen else None, deel_gezien):
                uit[j] = Item(vorige.regel, "deel", tijd=tijd, titel=schone_titel(vorige.regel.tekst))
                deel_gezien = True
                continue
        uit.append(item)
    return uit


def _titel_boven_duur(item: Item, eerste_kop: Item | None, deel_gezien: bool) -> bool:
    if item.soort != "tekst" or item.regel.soort == "punt":
        return False
    if item.regel.soort == "kop":
        return item is not eerste_kop
    tekst = item.regel.tekst
    if _NUMMER_VOOR.match(tekst) and not tekst[:1].isdigit():
        return True  # 'Onderdeel 2: Casus' above 'Tijd: 20 minuten'
    # A plain short line above 'Duur: …' once the parts have begun (before them it may be the title).
    return (deel_gezien and len(tekst.split()) <= 10 and not LABEL_VORM.match(tekst)
            and not tekst.endswith((".", "?", "!", ":")))
