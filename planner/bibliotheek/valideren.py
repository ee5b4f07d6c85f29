"""The Dutch validator: turns parsed TOML into a Draaiboek, reporting every problem with its file,
part and field."""

from __future__ import annotations

from typing import Any

from planner.bibliotheek.velden import DAG, MAX_GROEP, Lezer
from planner.bibliotheek.vinden import NAAM
from planner.kern.fouten import Probleem
from planner.kern.model import (
    KAARTEN,
    SOORTEN,
    STAPSOORTEN,
    VOORWAARDEN,
    Beurten,
    Draaiboek,
    GroepsOpmerking,
    Herhaling,
    Onderdeel,
    Stap,
    Variant,
)
from planner.kern.teksten import fout_in

BELEID = ("splitsen", "inkorten")
ANKERS = ("einde",)



_DRAAIBOEK_VELDEN = {
    "id", "titel", "bron", "beschrijving", "opstelling", "tijdsduur", "groep_min", "groep_max",
    "bij_tijdgebrek", "splitsen", "materialen", "deelnemers", "opmerkingen", "groepsopmerkingen",
    "varianten", "onderdelen", "herhaling", "standaard_minuten", "groep_omdat", "meenemen",
    "uitleg_deelnemers",
}
_ONDERDEEL_VELDEN = {
    "id", "titel", "soort", "minuten", "min", "max", "stap", "werkvorm", "stappen", "instructies", "vragen",
    "materialen", "varianten", "geschat", "beurten", "groepjes", "anker", "toelichting", "optioneel",
    "zonder_deelnemers", "praktijk",
}
_SPLITSEN_VELDEN = {"mag", "omdat", "samen", "naden", "bron_sessies", "welkom_terug", "vooruitblik",
                    "welkom_terug_stappen", "vooruitblik_stappen"}


def lees_draaiboek(data: dict[str, Any], bestand: str, herkomst: str = "eigen",
                   standaard_id: str = "") -> tuple[Draaiboek | None, list[Probleem]]:
    """Turn parsed TOML into a Draaiboek, or return every problem in it."""
    problemen: list[Probleem] = []
    lezer = Lezer(data, bestand, problemen)
    lezer.onbekende_velden(_DRAAIBOEK_VELDEN)
    id_ = lezer.tekst("id", standaard=standaard_id) or standaard_id
    if id_ and not NAAM.match(id_):
        lezer.probleem("id", f"'{id_}' mag alleen kleine letters, cijfers, '-' en '_' bevatten.")
    varianten = _lees_varianten(lezer)
    groep_min = lezer.getal("groep_min", standaard=1, minimum=1, maximum=MAX_GROEP) or 1
    groep_max = lezer.getal("groep_max", standaard=30, minimum=1, maximum=MAX_GROEP) or 30
    if varianten:
        if "groep_max" in data and max(v.groep_max for v in varianten) > groep_max:
            lezer.probleem("groep_max", f"een variant gaat tot {max(v.groep_max for v in varianten)} deelnemers, "
                           f"meer dan groep_max ({groep_max}); maak ze gelijk.")
        groep_min = min(v.groep_min for v in varianten)
        groep_max = max(v.groep_max for v in varianten)
    elif groep_min > groep_max:
        lezer.probleem("groep_min", f"groep_min ({groep_min}) is groter dan groep_max ({groep_max}).")
    splitsen = data.get("splitsen", {})
    if not isinstance(splitsen, dict):
        lezer.probleem("splitsen", "moet een [splitsen]-tabel zijn.")
        splitsen = {}
    split_lezer = Lezer(splitsen, bestand, problemen, onderdeel="splitsen")
    split_lezer.onbekende_velden(_SPLITSEN_VELDEN)
    variant_ids = {v.id for v in varianten}
    onderdelen = _lees_onderdelen(lezer, variant_ids)
    mag_splitsen = split_lezer.ja_nee("mag", standaard=True)
    omdat = split_lezer.tekst("omdat")
    if not mag_splitsen and not omdat:
        split_lezer.probleem("omdat", "zeg waarom dit draaiboek niet over sessies verdeeld mag worden "
                             "(met de bron), zodat de planner het de gebruiker kan uitleggen.")
    bron_sessies = split_lezer.getal("bron_sessies", minimum=2, maximum=DAG)
    if bron_sessies is not None and not mag_splitsen:
        split_lezer.probleem("bron_sessies", "hoort bij een draaiboek dat over sessies verdeeld mag worden; "
                             "laat het weg of zet mag = true.")
        bron_sessies = None
    draaiboek = Draaiboek(
        id=id_,
        titel=lezer.tekst("titel", verplicht=True),
        bron=lezer.tekst("bron", verplicht=True),
        onderdelen=tuple(onderdelen),
        varianten=tuple(varianten),
        groep_min=groep_min,
        groep_max=groep_max,
        groep_omdat=lezer.tekst("groep_omdat"),
        beschrijving=lezer.tekst("beschrijving"),
        opstelling=lezer.tekst("opstelling"),
        tijdsduur=lezer.tekst("tijdsduur"),
        bij_tijdgebrek=lezer.keuze("bij_tijdgebrek", BELEID, standaard="inkorten") or "inkorten",
        # 0: the planner adds no welkom terug / vooruitblik of its own.
        welkom_terug_min=_of(split_lezer.getal("welkom_terug", standaard=5, minimum=0, maximum=60), 5),
        vooruitblik_min=_of(split_lezer.getal("vooruitblik", standaard=5, minimum=0, maximum=60), 5),
        splitsen=mag_splitsen,
        niet_splitsen_omdat=omdat,
        welkom_terug_stappen=_lees_stappen(split_lezer, "welkom_terug_stappen"),
        vooruitblik_stappen=_lees_stappen(split_lezer, "vooruitblik_stappen"),
        samen=_lees_samen(split_lezer, onderdelen),
        naden=_lees_naden(split_lezer, onderdelen),
        bron_sessies=bron_sessies,
        standaard_minuten=lezer.getal("standaard_minuten", minimum=1, maximum=DAG),
        materialen=lezer.materialen(),
        deelnemers=lezer.tekst("deelnemers"),
        uitleg_deelnemers=lezer.tekst("uitleg_deelnemers"),
        meenemen=lezer.teksten("meenemen"),
        opmerkingen=lezer.teksten("opmerkingen"),
        groepsopmerkingen=tuple(_lees_groepsopmerkingen(lezer)),
        herhaling=_lees_herhaling(lezer),
        herkomst=herkomst,
        pad=bestand,
    )
    if problemen:
        return None, problemen
    return draaiboek, []


def _of(waarde: int | None, standaard: int) -> int:
    return standaard if waarde is None else waarde


def _lees_varianten(lezer: Lezer) -> list[Variant]:
    varianten = []
    for i, tabel in enumerate(lezer.tabellen("varianten"), start=1):
        sub = Lezer(tabel, lezer.bestand, lezer.problemen, onderdeel=f"variant {i}")
        sub.onbekende_velden({"id", "titel", "groep_min", "groep_max", "toelichting", "opstelling",
                              "ook_groep_min", "ook_groep_max"})
        id_ = sub.tekst("id", verplicht=True)
        sub.onderdeel = f"variant {id_ or i}"
        laag = sub.getal("groep_min", standaard=1, minimum=1, maximum=MAX_GROEP) or 1
        hoog = sub.getal("groep_max", verplicht=True, minimum=1, maximum=MAX_GROEP) or laag
        if laag > hoog:
            sub.probleem("groep_min", f"groep_min ({laag}) is groter dan groep_max ({hoog}).")
        # The wider range the source also allows (R1); it must contain the variant's own range.
        ook_laag = sub.getal("ook_groep_min", minimum=1, maximum=MAX_GROEP)
        ook_hoog = sub.getal("ook_groep_max", minimum=1, maximum=MAX_GROEP)
        if ook_laag is not None and ook_laag > laag:
            sub.probleem("ook_groep_min", f"ook_groep_min ({ook_laag}) moet de groep van de variant "
                         f"omvatten: hooguit groep_min ({laag}).")
        if ook_hoog is not None and ook_hoog < hoog:
            sub.probleem("ook_groep_max", f"ook_groep_max ({ook_hoog}) moet de groep van de variant "
                         f"omvatten: minstens groep_max ({hoog}).")
        varianten.append(Variant(id_, sub.tekst("titel", standaard=id_), laag, hoog,
                                 sub.tekst("toelichting"), sub.tekst("opstelling"), ook_laag, ook_hoog))
    ids = [v.id for v in varianten]
    for dubbel in sorted({i for i in ids if ids.count(i) > 1}):
        lezer.probleem("varianten", f"variant-id '{dubbel}' komt meer dan eens voor.")
    geordend = sorted(varianten, key=lambda v: v.groep_min)
    for vorige, volgende in zip(geordend, geordend[1:], strict=False):
        if volgende.groep_min <= vorige.groep_max:
            lezer.probleem("varianten", f"de groepen van variant {vorige.id} en {volgende.id} "
                           f"overlappen ({vorige.groep_min}-{vorige.groep_max} en "
                           f"{volgende.groep_min}-{volgende.groep_max}); laat ze aansluiten.")
        elif volgende.groep_min > vorige.groep_max + 1:
            lezer.probleem("varianten", f"tussen variant {vorige.id} en {volgende.id} zit een gat: "
                           f"groepen van {vorige.groep_max + 1} tot {volgende.groep_min - 1} "
                           "vallen in geen enkele variant.")
    return varianten


def _lees_groepsopmerkingen(lezer: Lezer) -> list[GroepsOpmerking]:
    opmerkingen = []
    for tabel in lezer.tabellen("groepsopmerkingen"):
        sub = Lezer(tabel, lezer.bestand, lezer.problemen, onderdeel="groepsopmerking")
        sub.onbekende_velden({"groep_min", "groep_max", "tekst", "variant"})
        opmerkingen.append(GroepsOpmerking(
            sub.getal("groep_min", standaard=1, minimum=1) or 1,
            sub.getal("groep_max", verplicht=True, minimum=1) or 1,
            sub.tekst("tekst", verplicht=True),
            sub.tekst("variant"),
        ))
    return opmerkingen


def _lees_herhaling(lezer: Lezer) -> Herhaling | None:
    tabel = lezer.data.get("herhaling")
    if tabel is None:
        return None
    if not isinstance(tabel, dict):
        lezer.probleem("herhaling", 'moet een tabel zijn, bijvoorbeeld herhaling = { titel = '
                       '"Herhalingsworkshop", minuten = 90, geschat = true }.')
        return None
    sub = Lezer(tabel, lezer.bestand, lezer.problemen, onderdeel="herhaling")
    sub.onbekende_velden({"titel", "minuten", "geschat", "toelichting"})
    minuten = sub.getal("minuten", verplicht=True, minimum=1, maximum=DAG)
    herhaling = Herhaling(
        titel=sub.tekst("titel", verplicht=True),
        minuten=minuten or 1,
        geschat=sub.ja_nee("geschat"),
        toelichting=sub.tekst("toelichting"),
    )
    return herhaling if minuten else None


def _lees_onderdelen(lezer: Lezer, variant_ids: set[str]) -> list[Onderdeel]:
    tabellen = lezer.tabellen("onderdelen")
    if not tabellen and "onderdelen" not in {p.veld for p in lezer.problemen}:
        lezer.probleem("onderdelen", "er staat geen enkel [[onderdelen]]-blok in het draaiboek.")
    onderdelen = []
    gezien: set[str] = set()
    for i, tabel in enumerate(tabellen, start=1):
        onderdeel = _lees_onderdeel(tabel, lezer, i, variant_ids, gezien)
        if onderdeel is None:
            continue
        if onderdeel.id in gezien:
            lezer.problemen.append(Probleem(lezer.bestand, "dit id komt al eerder voor; geef elk "
                                            "onderdeel een eigen id.", f"{onderdeel.id} (nummer {i})", "id"))
        gezien.add(onderdeel.id)
        onderdelen.append(onderdeel)
    ankers = [o for o in onderdelen if o.anker]
    if ankers and ankers[-1] is not onderdelen[-1]:
        lezer.problemen.append(Probleem(lezer.bestand, "alleen het laatste onderdeel kan aan het "
                                        "einde vastliggen.", ankers[-1].id, "anker"))
    return onderdelen


def _lees_onderdeel(tabel: dict[str, Any], lezer: Lezer, nummer: int,
                    variant_ids: set[str], gezien: set[str] = frozenset()) -> Onderdeel | None:
    sub = Lezer(tabel, lezer.bestand, lezer.problemen, onderdeel=f"nummer {nummer}")
    id_ = sub.tekst("id", verplicht=True)
    if id_:
        # With a duplicated id the number says which of the blocks a problem is about.
        sub.onderdeel = f"{id_} (nummer {nummer})" if id_ in gezien else id_
        if not NAAM.match(id_):
            sub.probleem("id", f"'{id_}' mag alleen kleine letters, cijfers, '-' en '_' bevatten.")
    sub.onbekende_velden(_ONDERDEEL_VELDEN)
    # No part of a meeting lasts longer than a day; a larger number is a typing error.
    minuten = sub.getal("minuten", verplicht=True, minimum=1, maximum=DAG)
    laag = sub.getal("min", standaard=minuten, minimum=1, maximum=DAG)
    hoog = sub.getal("max", standaard=minuten, minimum=1, maximum=DAG)
    stap = sub.getal("stap", standaard=5, minimum=1, maximum=DAG) or 5
    if minuten is not None and laag is not None and hoog is not None:
        if laag > hoog:
            sub.probleem("min", f"min ({laag}) is groter dan max ({hoog}).")
        elif not laag <= minuten <= hoog:
            sub.probleem("minuten", f"{minuten} ligt niet tussen min ({laag}) en max ({hoog}).")
    varianten = sub.teksten("varianten")
    for onbekend in [v for v in varianten if v not in variant_ids]:
        sub.probleem("varianten", f"variant '{onbekend}' bestaat niet in dit draaiboek.")
    onderdeel = Onderdeel(
        id=id_,
        titel=sub.tekst("titel", verplicht=True),
        soort=sub.keuze("soort", SOORTEN[:-1], verplicht=True) or "werkvorm",
        minuten=minuten or 1,
        min_minuten=laag or 1,
        max_minuten=hoog or 1,
        werkvorm=sub.tekst("werkvorm"),
        stappen=_lees_stappen(sub),
        materialen=sub.materialen(),
        varianten=varianten,
        geschat=sub.ja_nee("geschat"),
        stap=stap,
        beurten=_lees_beurten(sub),
        groepjes=_lees_groepjes(sub),
        anker=sub.keuze("anker", ANKERS),
        toelichting=sub.tekst("toelichting"),
        optioneel=sub.ja_nee("optioneel"),
        zonder_deelnemers=sub.ja_nee("zonder_deelnemers"),
        praktijk=sub.tekst("praktijk"),
    )
    return onderdeel if id_ else None


_STAP_VOORBEELD = ('stappen = ["Een instructie.", { vraag = "Een vraag?" }, '
                   '{ instructie = "Met punten:", sub = ["a", "b"] }]')


def _lees_stappen(sub: Lezer, veld: str = "stappen") -> tuple[Stap, ...]:
    """The ordered steps; the older separate lists (instructions, then questions) still read."""
    if veld in sub.data:
        if veld == "stappen" and ("instructies" in sub.data or "vragen" in sub.data):
            sub.probleem("stappen", "geef stappen, of instructies en vragen, maar niet allebei: "
                         "zet alles in stappen, in de volgorde van de bron.")
        waarde = sub.data[veld]
        if isinstance(waarde, str | dict):
            waarde = [waarde]
        if not isinstance(waarde, list):
            sub.probleem(veld, f"moet een lijst zijn, bijvoorbeeld {_STAP_VOORBEELD}.")
            return ()
        stappen = [_lees_stap(sub, nummer, item, veld) for nummer, item in enumerate(waarde, start=1)]
        return tuple(s for s in stappen if s is not None)
    if veld != "stappen":
        return ()
    stappen: tuple[Stap, ...] = ()
    for lijst, soort in (("instructies", "instructie"), ("vragen", "vraag")):
        teksten = sub.teksten(lijst)
        for nummer, tekst in enumerate(teksten, start=1):
            _controleer_invulplekken(sub, lijst, f"{soort} {nummer}", (tekst,))
        stappen += tuple(Stap(soort, t) for t in teksten)
    return stappen


def _controleer_invulplekken(sub: Lezer, veld: str, plek: str, teksten: tuple[str, ...]) -> None:
    """Every {placeholder} in a step must be one the planner fills in (planner.kern.teksten)."""
    for tekst in teksten:
        fout = fout_in(tekst)
        if fout:
            sub.probleem(veld, f"{plek}: {fout}")


def _lees_stap(sub: Lezer, nummer: int, item: Any, veld: str = "stappen") -> Stap | None:
    plek = f"stap {nummer}"
    if isinstance(item, str):
        if not item.strip():
            sub.probleem(veld, f"{plek} is een lege tekst; vul iets in of haal hem weg.")
            return None
        _controleer_invulplekken(sub, veld, plek, (item,))
        return Stap("instructie", item.strip())
    if not isinstance(item, dict):
        sub.probleem(veld, f"{plek} ({item!r}) moet een tekst zijn of een tabel als "
                     '{ vraag = "…" } of { instructie = "…" }.')
        return None
    for onbekend in [k for k in item if k not in {*STAPSOORTEN, "sub", "als", "kaart"}]:
        sub.probleem(veld, f"{plek}: '{onbekend}' ken ik niet; gebruik instructie of vraag, "
                     "en eventueel sub, als en kaart.")
    soorten = [k for k in STAPSOORTEN if k in item]
    if len(soorten) != 1:
        sub.probleem(veld, f"{plek}: geef precies één van instructie of vraag.")
        return None
    tekst = item[soorten[0]]
    if not isinstance(tekst, str) or not tekst.strip():
        sub.probleem(veld, f"{plek}: {soorten[0]} moet een niet-lege tekst zijn.")
        return None
    onder = item.get("sub", [])
    if isinstance(onder, str):
        onder = [onder]
    if not isinstance(onder, list) or not all(isinstance(t, str) and t.strip() for t in onder):
        sub.probleem(veld, f'{plek}: sub moet een lijst van teksten zijn, bijvoorbeeld sub = ["a", "b"].')
        onder = []
    als = item.get("als", "")
    if als not in ("", *VOORWAARDEN):
        sub.probleem(veld, f"{plek}: als = {als!r} kan niet; kies uit {', '.join(VOORWAARDEN)}.")
        als = ""
    kaart = item.get("kaart", "")
    if kaart not in ("", *KAARTEN):
        sub.probleem(veld, f"{plek}: kaart = {kaart!r} kan niet; kies uit {', '.join(KAARTEN)}.")
        kaart = ""
    stap = Stap(soorten[0], tekst.strip(), tuple(t.strip() for t in onder), als, kaart)
    _controleer_invulplekken(sub, veld, plek, (stap.tekst, *stap.sub))
    return stap


def _lees_samen(lezer: Lezer, onderdelen: list[Onderdeel]) -> tuple[tuple[str, ...], ...]:
    """Groups of onderdelen that must share a session; each group is consecutive in the draaiboek."""
    waarde = lezer.data.get("samen", [])
    ids = [o.id for o in onderdelen]
    if not isinstance(waarde, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(i, str) for i in g) for g in waarde):
        lezer.probleem("samen", 'moet een lijst van groepen ids zijn, bijvoorbeeld samen = [["filmronde", '
                       '"evaluatie"]].')
        return ()
    groepen = []
    for groep in waarde:
        onbekend = [i for i in groep if i not in ids]
        if onbekend:
            lezer.probleem("samen", f"onderdeel '{onbekend[0]}' bestaat niet in dit draaiboek.")
            continue
        dubbel = [i for i in groep if any(i in g for g in groepen)]
        if dubbel:
            lezer.probleem("samen", f"onderdeel '{dubbel[0]}' staat in twee samen-groepen; "
                           "voeg ze samen tot één groep.")
            continue
        groepen.append(tuple(groep))
    return tuple(groepen)


def _lees_naden(lezer: Lezer, onderdelen: list[Onderdeel]) -> tuple[str, ...]:
    naden = lezer.teksten("naden")
    ids = {o.id for o in onderdelen}
    for onbekend in [n for n in naden if n not in ids]:
        lezer.probleem("naden", f"onderdeel '{onbekend}' bestaat niet in dit draaiboek.")
    return tuple(n for n in naden if n in ids)


def _lees_beurten(sub: Lezer) -> Beurten | None:
    tabel = sub.data.get("beurten")
    if tabel is None:
        return None
    if not isinstance(tabel, dict):
        sub.probleem("beurten", "moet een tabel zijn, bijvoorbeeld beurten = { min = 1, max = 3 }.")
        return None
    lezer = Lezer(tabel, sub.bestand, sub.problemen, sub.onderdeel)
    lezer.onbekende_velden({"min", "max", "bepaalt_duur", "iedereen_tot", "ronde_minuten", "label", "geschat"})
    laag = lezer.kommagetal("min", verplicht=True)
    hoog = lezer.kommagetal("max", verplicht=True)
    if laag is None or hoog is None:
        return None
    if laag > hoog:
        lezer.probleem("min", f"beurten.min ({laag:g}) is groter dan beurten.max ({hoog:g}).")
    return Beurten(
        laag, hoog,
        bepaalt_duur=lezer.ja_nee("bepaalt_duur"),
        iedereen_tot=lezer.getal("iedereen_tot", minimum=1),
        ronde_minuten=lezer.getal("ronde_minuten", minimum=1),
        label=lezer.tekst("label"),
        geschat=lezer.ja_nee("geschat"),
    )


def _lees_groepjes(sub: Lezer) -> tuple[int, int] | None:
    waarde = sub.data.get("groepjes")
    if waarde is None:
        return None
    if (not isinstance(waarde, list) or len(waarde) != 2
            or not all(isinstance(w, int) and not isinstance(w, bool) and w >= 1 for w in waarde)
            or waarde[0] > waarde[1]):
        sub.probleem("groepjes", "moet [kleinste, grootste] zijn, bijvoorbeeld [3, 4].")
        return None
    return (waarde[0], waarde[1])
