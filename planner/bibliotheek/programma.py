"""Programme files: a [programma] table with [[blokken]] (one meeting) or [[bijeenkomsten]] (a traject).

They live where draaiboeken live (the built-in folder and the user's own) and are recognised by their
[programma] table. Every file is validated once, here, like a draaiboek: each problem names the file,
the line, the block and the field, in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from planner.bibliotheek.lezen import is_bestand, lees_of_probleem
from planner.bibliotheek.velden import Lezer
from planner.bibliotheek.vinden import NAAM, eigen_map, ingebouwde_map, is_programma_pad, lijkt_pad
from planner.kern.fouten import DraaiboekFout, InvoerFout, PlannerFout, Probleem
from planner.kern.model import STRATEGIEEN
from planner.kern.programma_model import BLOKSOORTEN, Bijeenkomst, Blok, Programma
from planner.kern.tijd import lees_duur, lees_interval

_PROGRAMMA_VELDEN = {"id", "titel", "beschrijving"}
_BOVEN_VELDEN = {"programma", "blokken", "bijeenkomsten"}
_BLOK_VELDEN = {*BLOKSOORTEN, "minuten", "variant", "zonder", "strategie", "titel"}
_BIJEENKOMST_VELDEN = {"titel", "na", "tijd", "blokken"} | _BLOK_VELDEN


def programma_paden() -> list[tuple[Path, str]]:
    """Every programme file: built-in first, then the user's own, each sorted by name."""
    paden = []
    for map_, herkomst in ((ingebouwde_map(), "ingebouwd"), (eigen_map(), "eigen")):
        try:
            bestanden = sorted(map_.glob("*.toml")) if map_.is_dir() else []
        except OSError:
            bestanden = []
        paden += [(p, herkomst) for p in bestanden if NAAM.match(p.stem) and is_programma_pad(p)]
    return paden


def zoek_programma(naam: str) -> tuple[Path, str] | None:
    """The programme file a user means by `naam` (a name or a path), or None when it is no programme."""
    if lijkt_pad(naam):
        pad = Path(naam).expanduser()
        if pad.suffix == ".toml" and is_bestand(pad) and is_programma_pad(pad):
            return pad, str(pad)
        return None
    gezocht = naam.strip().lower()
    for pad, herkomst in programma_paden():
        if pad.stem == gezocht:
            return pad, herkomst
    return None


def laad_programma(pad: Path, herkomst: str = "eigen") -> Programma:
    programma, problemen = controleer_programma(pad, herkomst)
    if problemen:
        raise DraaiboekFout(problemen)
    assert programma is not None
    return programma


def controleer_programma(pad: Path, herkomst: str = "eigen") -> tuple[Programma | None, list[Probleem]]:
    """Read and validate one programme file: the programme, or every problem found in it."""
    tekst, problemen = lees_of_probleem(pad)
    if tekst is None:
        return None, problemen
    return controleer_programmatekst(tekst, pad, herkomst)


def controleer_programmatekst(tekst: str, pad: Path,
                              herkomst: str = "eigen") -> tuple[Programma | None, list[Probleem]]:
    import tomllib

    from planner.bibliotheek.grenzen import SLEUTEL_PUNTEN, lange_sleutel, te_groot
    from planner.bibliotheek.laden import TE_VEEL_CIJFERS, _toml_probleem

    regel = lange_sleutel(tekst)
    if regel is not None:  # refused before parsing, as a draaiboek is (issue 21)
        return None, [Probleem(str(pad), f"een veldnaam of [kop] heeft meer dan {SLEUTEL_PUNTEN} punten; een "
                                         "programma heeft er hooguit één nodig (bijeenkomsten.blokken).", regel=regel)]
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        return None, [_toml_probleem(str(pad), fout, tekst)]
    except ValueError:  # an integer of thousands of digits (laden.TE_VEEL_CIJFERS)
        return None, [Probleem(str(pad), TE_VEEL_CIJFERS)]
    except RecursionError:
        return None, [Probleem(str(pad), "lijsten of tabellen staan te diep in elkaar.")]
    reden = te_groot(data)
    if reden is not None:
        return None, [Probleem(str(pad), f"dit is te groot voor een programma: {reden}.")]
    programma, problemen = lees_programma(data, str(pad), herkomst, pad.stem)
    plekken = _plekken(tekst)
    return programma, [_met_regel(p, plekken, tekst) for p in problemen]


def lees_programma(data: dict[str, Any], bestand: str, herkomst: str = "eigen",
                   standaard_id: str = "") -> tuple[Programma | None, list[Probleem]]:
    """Turn parsed TOML into a Programma, or return every problem in it."""
    problemen: list[Probleem] = []
    boven = Lezer(data, bestand, problemen)
    boven.onbekende_velden(_BOVEN_VELDEN)
    kop = data.get("programma")
    if not isinstance(kop, dict):
        boven.probleem("programma", "een programma begint met een [programma]-tabel met een titel.")
        kop = {}
    lezer = Lezer(kop, bestand, problemen, onderdeel="programma")
    lezer.onbekende_velden(_PROGRAMMA_VELDEN)
    id_ = lezer.tekst("id", standaard=standaard_id) or standaard_id
    if id_ and not NAAM.match(id_):
        lezer.probleem("id", f"'{id_}' mag alleen kleine letters, cijfers, '-' en '_' bevatten.")
    titel = lezer.tekst("titel", verplicht=True)
    beschrijving = lezer.tekst("beschrijving")
    heeft_blokken, heeft_bijeenkomsten = "blokken" in data, "bijeenkomsten" in data
    bijeenkomsten: list[Bijeenkomst] = []
    if heeft_blokken and heeft_bijeenkomsten:
        boven.probleem("bijeenkomsten", "geef [[blokken]] (één bijeenkomst) óf [[bijeenkomsten]] (een traject), "
                       "niet allebei; zet de blokken van een traject onder [[bijeenkomsten.blokken]].")
    elif heeft_blokken:
        blokken = _lees_blokken(boven, "blokken", "blok")
        bijeenkomsten.append(Bijeenkomst(titel or id_, tuple(blokken)))
    elif heeft_bijeenkomsten:
        for nummer, tabel in enumerate(boven.tabellen("bijeenkomsten"), start=1):
            bijeenkomst = _lees_bijeenkomst(Lezer(tabel, bestand, problemen, onderdeel=f"bijeenkomst {nummer}"), nummer)
            if bijeenkomst is not None:
                bijeenkomsten.append(bijeenkomst)
    else:
        boven.probleem("blokken", "het programma heeft geen blokken: voeg [[blokken]] toe (één bijeenkomst) of "
                       "[[bijeenkomsten]] (een traject van bijeenkomsten).")
    if problemen:
        return None, problemen
    return Programma(id=id_, titel=titel, bijeenkomsten=tuple(bijeenkomsten), beschrijving=beschrijving,
                     traject=heeft_bijeenkomsten, herkomst=herkomst, pad=bestand), []


def _lees_bijeenkomst(lezer: Lezer, nummer: int) -> Bijeenkomst | None:
    lezer.onbekende_velden(_BIJEENKOMST_VELDEN)
    titel = lezer.tekst("titel")
    na_tekst = lezer.tekst("na")
    na = None
    if nummer == 1 and na_tekst:
        lezer.probleem("na", "de eerste bijeenkomst begint op --start; 'na' geldt voor de bijeenkomsten daarna.")
    elif nummer > 1 and not na_tekst:
        lezer.probleem("na", 'zeg hoe lang na de vorige bijeenkomst deze is, bijvoorbeeld na = "2w" of na = "3mnd".')
    elif na_tekst:
        try:
            na = lees_interval(na_tekst, naam="na")
        except InvoerFout as fout:
            lezer.probleem("na", _zonder_hoofdletter(str(fout)))
    tijd = _lees_minuten(lezer, "tijd")
    if "blokken" in lezer.data:
        for soort in BLOKSOORTEN:
            if soort in lezer.data:
                lezer.probleem(soort, f"een bijeenkomst met [[bijeenkomsten.blokken]] zet '{soort}' in een blok, "
                               "niet in de bijeenkomst zelf.")
        blokken = _lees_blokken(lezer, "blokken", f"bijeenkomst {nummer}, blok")
    else:
        blok = _lees_blok(lezer, bijeenkomst=True)
        blokken = [blok] if blok is not None else []
    if not titel:
        titel = blokken[0].titel if blokken else f"Bijeenkomst {nummer}"
    if not blokken:
        return None
    return Bijeenkomst(titel, tuple(blokken), na=na, na_tekst=na_tekst, tijd_min=tijd)


def _lees_blokken(lezer: Lezer, veld: str, label: str) -> list[Blok]:
    blokken = []
    tabellen = lezer.tabellen(veld)
    if not tabellen:
        lezer.probleem(veld, "er staat geen enkel blok in; voeg een [[blokken]] toe met draaiboek = \"…\".")
    for nummer, tabel in enumerate(tabellen, start=1):
        sub = Lezer(tabel, lezer.bestand, lezer.problemen, onderdeel=f"{label} {nummer}")
        blok = _lees_blok(sub)
        if blok is not None:
            if blok.draaiboek is not None and blok.draaiboek.opent_bijeenkomst and blokken:
                sub.probleem("draaiboek", f"'{blok.draaiboek.id}' opent een bijeenkomst "
                             f"({blok.draaiboek.niet_splitsen_omdat.rstrip('.')}): zet dit blok als eerste.")
            blokken.append(blok)
    if blokken and all(b.is_pauze for b in blokken):
        lezer.probleem(veld, "er staan alleen pauzes in; voeg een draaiboek of agendapunt toe.")
    return blokken


def _lees_blok(lezer: Lezer, bijeenkomst: bool = False) -> Blok | None:
    if not bijeenkomst:
        lezer.onbekende_velden(_BLOK_VELDEN)
    soorten = [s for s in BLOKSOORTEN if s in lezer.data]
    if len(soorten) != 1:
        veld = soorten[1] if soorten else None
        lezer.probleem(veld, "een blok is precies één van: draaiboek = \"kickoff\", agendapunt = \"Lunch\" (met "
                       "minuten = 45), pauze = \"Koffie\" (met minuten = 15) of herhaling = \"training\""
                       + (f"; hier staan er {len(soorten)}." if soorten else "; hier staat er geen."))
        return None
    soort = soorten[0]
    naam = lezer.tekst(soort, verplicht=True)
    if not naam:
        return None
    if soort in ("agendapunt", "pauze"):
        for veld in ("variant", "zonder", "strategie"):
            if veld in lezer.data:
                lezer.probleem(veld, f"hoort bij een draaiboek-blok, niet bij een {soort}.")
        minuten = _lees_minuten(lezer, "minuten", verplicht=True)
        return Blok(soort, lezer.tekst("titel", standaard=naam) or naam, minuten=minuten or 0) if minuten else None
    if "minuten" in lezer.data:
        lezer.probleem("minuten", f"een {soort}-blok neemt de minuten van het draaiboek; geef --tijd bij het "
                       "plannen, of laat dit veld weg.")
    draaiboek = _vind_draaiboek(lezer, soort, naam)
    if draaiboek is None:
        return None
    if soort == "herhaling":
        if draaiboek.herhaling is None:
            lezer.probleem(soort, f"het draaiboek '{draaiboek.id}' noemt geen herhalingsbijeenkomst; kies een "
                           "draaiboek dat er een aanraadt (zoals training).")
            return None
        h = draaiboek.herhaling
        return Blok("herhaling", lezer.tekst("titel", standaard=h.titel) or h.titel, minuten=h.minuten,
                    draaiboek=None, herhaling=h)
    variant = lezer.tekst("variant") or None
    if variant is not None and variant.lower() not in {v.id.lower() for v in draaiboek.varianten}:
        ids = ", ".join(v.id for v in draaiboek.varianten)
        lezer.probleem("variant", f"'{variant}' is geen variant van '{draaiboek.id}'; "
                       + (f"kies uit {ids}." if ids else "dit draaiboek heeft geen varianten; laat het veld weg."))
    zonder = lezer.teksten("zonder")
    optioneel = {o.id for o in draaiboek.onderdelen if o.optioneel}
    for id_ in zonder:
        if id_.lower() not in optioneel:
            keuze = f"kies uit {', '.join(sorted(optioneel))}" if optioneel else "dit draaiboek heeft er geen"
            lezer.probleem("zonder", f"'{id_}' is geen optioneel onderdeel van '{draaiboek.id}'; {keuze}.")
    strategie = lezer.keuze("strategie", STRATEGIEEN, standaard="auto") or "auto"
    if strategie == "splitsen" and not draaiboek.splitsen:
        lezer.probleem("strategie", f"'{draaiboek.id}' gaat niet over meer sessies: "
                       f"{draaiboek.niet_splitsen_omdat.rstrip('.')}; laat strategie weg.")
    return Blok("draaiboek", lezer.tekst("titel", standaard=draaiboek.titel) or draaiboek.titel,
                draaiboek=draaiboek, variant=variant, zonder=tuple(z.lower() for z in zonder), strategie=strategie)


def _vind_draaiboek(lezer: Lezer, veld: str, naam: str) -> Any:
    from planner.bibliotheek.laden import vind

    if zoek_programma(naam) is not None:
        lezer.probleem(veld, f"'{naam}' is een programma, geen draaiboek; een programma bevat alleen draaiboeken, "
                       "agendapunten en pauzes.")
        return None
    try:
        return vind(naam)
    except PlannerFout as fout:
        lezer.probleem(veld, _zonder_hoofdletter(str(fout)))
        return None


def _lees_minuten(lezer: Lezer, veld: str, verplicht: bool = False) -> int | None:
    waarde = lezer.data.get(veld)
    if waarde is None:
        if verplicht:
            lezer.probleem(veld, "dit veld ontbreekt; geef de duur, bijvoorbeeld minuten = 45.")
        return None
    if isinstance(waarde, bool) or not isinstance(waarde, int | str):
        lezer.probleem(veld, f"moet een aantal minuten (45) of een duur (\"1u30\") zijn, niet {waarde!r}.")
        return None
    try:
        return lees_duur(str(waarde), naam=veld)
    except InvoerFout as fout:
        lezer.probleem(veld, _zonder_hoofdletter(str(fout)))
        return None


def _zonder_hoofdletter(tekst: str) -> str:
    return tekst[:1].lower() + tekst[1:] if tekst[:2] != tekst[:2].upper() else tekst


# ------------------------------------------------------------------------------ line numbers

# Possessive, so a line '[a' with a megabyte of spaces (in a multi-line string) is read once, not from every space.
_KOP = re.compile(r"^\s*+\[(\[)?\s*+([A-Za-z_.\s]++)\]\]?")


def _plekken(tekst: str) -> dict[str, int]:
    """The first line (0-based) of each table, by the label the problems use."""
    plekken: dict[str, int] = {}
    bijeenkomst = blok = nested = 0
    for i, regel in enumerate(tekst.splitlines()):
        kop = _KOP.match(regel)
        if not kop:
            continue
        naam = "".join(kop[2].split())
        if naam == "programma":
            plekken["programma"] = i
        elif naam == "blokken":
            blok += 1
            plekken[f"blok {blok}"] = i
        elif naam == "bijeenkomsten":
            bijeenkomst += 1
            nested = 0
            plekken[f"bijeenkomst {bijeenkomst}"] = i
        elif naam == "bijeenkomsten.blokken":
            nested += 1
            plekken[f"bijeenkomst {bijeenkomst}, blok {nested}"] = i
    return plekken


def _met_regel(probleem: Probleem, plekken: dict[str, int], tekst: str) -> Probleem:
    if probleem.regel is not None:
        return probleem
    regels = tekst.splitlines()
    begin = plekken.get(probleem.onderdeel or "", 0 if probleem.onderdeel is None else -1)
    if begin < 0:
        return probleem
    eind = next((i for i in range(begin + 1, len(regels)) if _KOP.match(regels[i])), len(regels))
    if probleem.veld:
        patroon = re.compile(rf"^\s*{re.escape(probleem.veld)}\s*=")
        for i in range(begin, eind):
            if patroon.match(regels[i]):
                return replace(probleem, regel=i + 1)
        if probleem.onderdeel is None:
            kop = re.compile(rf"^\s*\[\[?\s*{re.escape(probleem.veld)}\s*\]")
            for i, regel in enumerate(regels):
                if kop.match(regel):
                    return replace(probleem, regel=i + 1)
    return replace(probleem, regel=begin + 1) if probleem.onderdeel is not None else probleem


# ------------------------------------------------------------------------------- a starting point


def sjabloon_tekst(naam: str, draaiboeken: list[str]) -> str:
    """A commented programme file with `draaiboeken` as blocks, in the order given (planner nieuw --programma)."""
    if not draaiboeken:
        raise InvoerFout("Geef na --programma de draaiboeken van de dag, bijvoorbeeld "
                         f"'planner nieuw {naam} --programma kennismaking training'.")
    regels = [
        f"# Programma '{naam}': meerdere draaiboeken en eigen agendapunten in één bijeenkomst",
        f"# (gemaakt met: planner nieuw {naam} --programma {' '.join(draaiboeken)}).",
        "# Elk blok houdt de regels van zijn draaiboek: de variant bij de groepsgrootte, de grenzen per",
        "# onderdeel, een afronding die aan het einde vastligt, wat niet gesplitst mag worden.",
        "# Met --tijd (de beschikbare tijd per dag) past de planner de blokken binnen hun grenzen in die tijd;",
        "# is dat te weinig, dan verdeelt hij het programma over zo min mogelijk dagen, alleen tussen blokken",
        "# en het liefst bij een pauze.",
        f"# Controleren: planner controleer {naam}",
        f"# Plannen:     planner plan {naam} --groep 12 --start \"dinsdag 9:30\"",
        "",
        "[programma]",
        f"titel = {_toml(naam)}",
        '# beschrijving = "Waarom deze dag (voor de begeleiders)."',
    ]
    for nummer, draaiboek in enumerate(draaiboeken):
        if nummer == 1:
            regels += ["", "# Een eigen agendapunt of pauze heeft vaste minuten, bijvoorbeeld:",
                       "# [[blokken]]", '# agendapunt = "Mededelingen"', "# minuten = 10",
                       "# Een dag van meer dan vier uur krijgt van de planner het advies voor een lunch:",
                       "# [[blokken]]", '# agendapunt = "Lunch"', "# minuten = 45"]
        regels += ["", "[[blokken]]", f"draaiboek = {_toml(draaiboek)}"]
        if nummer == 0:
            regels += ["# Opties van dit blok (alle optioneel):",
                       '# variant = "A"            de variant, waar de groep bij meer dan één past (planner toon NAAM)',
                       '# zonder = ["reflectie"]   optionele onderdelen weglaten',
                       '# strategie = "inkorten"   auto (wat het draaiboek voorschrijft), splitsen of inkorten']
    regels += [
        "",
        "# Een traject van bijeenkomsten schrijf je met [[bijeenkomsten]] in plaats van [[blokken]]:",
        "# [[bijeenkomsten]]",
        '# titel = "Kickoff"',
        '# draaiboek = "kickoff"',
        "#",
        "# [[bijeenkomsten]]",
        '# titel = "Training"',
        '# na = "2w"                 zo lang na de vorige bijeenkomst: 2w, 14d, 3mnd',
        '# draaiboek = "training"',
        "#",
        "# [[bijeenkomsten]]",
        '# na = "3mnd"',
        '# herhaling = "training"   de herhalingsbijeenkomst die het draaiboek aanraadt',
        "#",
        "# Een bijeenkomst met meer blokken: [[bijeenkomsten.blokken]] onder de [[bijeenkomsten]].",
    ]
    return "\n".join(regels) + "\n"


def _toml(tekst: str) -> str:
    import json

    return json.dumps(tekst, ensure_ascii=False)
