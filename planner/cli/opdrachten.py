"""The commands `plan`, `lijst` and `toon`, from their options to what is printed and written.

Nothing here knows typer: `planner.cli.plannen` and `planner.cli.draaiboeken` hand over the options
as typer read them (for `plan` as one `PlanOpties`). The option readers `live` shares are here as well.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from planner.cli import klok, scherm
from planner.kern.fouten import InvoerFout

OPMAAK_LIJST = ("tabel", "json")


@dataclass
class PlanOpties:
    """The options of `planner plan` as the user gave them: names and defaults as in `planner.cli.app`."""

    draaiboek: str | None = None
    groep: str | None = None
    tijd: str | None = None
    start: str | None = None
    interval: str = "7d"
    tz: str = "Europe/Amsterdam"
    strategie: str = "auto"
    formaat: str = "tabel"
    uitvoer: Path | None = None
    ics: Path | None = None
    locatie: str = ""
    herinnering: str | None = None
    per_onderdeel: bool = False
    herhaling: str | None = None
    html: Path | None = None
    kaarten: Path | None = None
    opdrachtgever: str = ""
    begeleider: list[str] | None = None
    voor: str = "begeleider"
    csv_scheiding: str = ";"
    force: bool = False
    reeks: str = ""
    vooraf: list[str] | None = None
    daarna: list[str] | None = None
    variant: str | None = None
    zonder: list[str] | None = None
    nu: str | None = None
    klaar: str | None = None
    land: str | None = None


Vrager = Callable[[str], str]


def plan(o: PlanOpties, stel_vraag: Vrager | None = None, zeg: Callable[[str], None] | None = None) -> None:
    """`planner plan`: the plan in the asked format, and every file asked for, all or nothing.

    `stel_vraag` and `zeg` ask and tell in the guided mode (no draaiboek or group given, in a terminal);
    without them that mode is not offered.
    """
    from dataclasses import replace

    from planner.bibliotheek import laden
    from planner.kern.planning import herhaling_van, maak_plan
    from planner.kern.tijd import lees_interval, verleden_melding

    formaat, voor, scheiding = _lees_uitvoer_opties(o)
    _controleer_doelen(o)
    begeleid = (o.draaiboek is None or o.groep is None) and stel_vraag is not None and scherm.interactief()
    if o.draaiboek is None and not begeleid:
        raise InvoerFout("Geef een draaiboek op, bijvoorbeeld 'planner plan kickoff --groep 20'; "
                         "'planner lijst' toont ze allemaal.")
    _controleer_paren(o, begeleid)
    aantal = lees_groep(o.groep, verplicht=not begeleid)
    herinnering_min = _lees_herinnering(o.herinnering) if o.herinnering is not None else None
    herhaling_na = lees_interval(o.herhaling, naam="--herhaling") if o.herhaling is not None else None
    if o.land is not None:
        from planner.kern.feestdagen import lees_land

        lees_land(o.land)  # a wrong --land is refused before anything is planned
    gekozen = laden.vind(o.draaiboek) if o.draaiboek is not None else None
    vraag, zone = vraag_uit_opties(aantal or 1, o.tijd, o.start, o.interval, o.tz, o.strategie, o.locatie,
                                   o.variant, o.zonder)
    # A start in the past is allowed (a plan made afterwards), but said: on stderr, so the output
    # stays clean, and only once the plan is made, so a failure is said alone, in one sentence.
    verleden = None
    if vraag.start is not None and vraag.nu is not None:
        verleden = verleden_melding(vraag.start, vraag.nu)
    if begeleid:
        from planner.cli import begeleid as gids

        assert stel_vraag is not None and zeg is not None
        antwoorden = gids.vul_aan(
            stel_vraag, zeg, draaiboek=gekozen, groep=aantal, tijd_min=vraag.tijd_min, start=vraag.start,
            zone=zone, lees_groep=lees_groep,
            probeer=lambda d, g, t: maak_plan(d, replace(vraag, groep=g, tijd_min=t)))
        gekozen = antwoorden.draaiboek
        vraag = replace(vraag, groep=antwoorden.groep, tijd_min=antwoorden.tijd_min, start=antwoorden.start)
        zeg("")
    assert gekozen is not None
    if herhaling_na is not None:
        herhaling_van(gekozen)  # a draaiboek without one: say so before anything is printed
    vraag = met_agendapunten(vraag, gekozen, o.vooraf, o.daarna)
    gepland = maak_plan(gekozen, vraag)
    if o.klaar is not None and o.nu is not None:
        gepland = herplan_uit_opties(gepland, o.nu, o.klaar, zone).plan
    gepland = _met_datumcontrole(gepland, o.land, vraag.start is not None, herhaling_na)
    agenda = {"herinnering": herinnering_min, "per_onderdeel": o.per_onderdeel, "herhaling": herhaling_na,
              "reeks": o.reeks, "gemaakt": klok.nu(UTC)}
    _schrijf_plan(o, gepland, formaat, voor, scheiding, agenda, verleden)
    if o.ics is None and begeleid:
        _bied_agenda_aan(gepland, gekozen.id, agenda, stel_vraag, zeg)


def _met_datumcontrole(gepland: Any, land: str | None, start_gegeven: bool, herhaling_na: Any) -> Any:
    """Issue 19.5: a warning for each date on a public holiday or a Sunday."""
    from planner.cli.feestdagen import met_datumcontrole
    from planner.kern.planning import herhaling_start, herhaling_van

    herhaling = None
    if herhaling_na is not None:
        herhaling = (herhaling_van(gepland.draaiboek).titel, herhaling_start(gepland, herhaling_na))
    return met_datumcontrole(gepland, land=land, start_gegeven=start_gegeven, herhaling=herhaling)


def _lees_uitvoer_opties(o: PlanOpties) -> tuple[str, str, str]:
    """--format, --voor and --csv-scheiding, checked before any planning."""
    from planner.uitvoer import FORMATEN

    formaat = kies_formaat(o.formaat, tuple(f for f in FORMATEN if f != "ics"))
    voor = o.voor
    if voor != "begeleider":  # the default needs no check: the handout module only when asked
        from planner.uitvoer.handout import lees_voor

        voor = lees_voor(voor)
    if voor != "begeleider" and formaat not in ("markdown", "html") and o.html is None and o.ics is None:
        raise InvoerFout("--voor deelnemers geldt voor een handout of het agenda-bestand: gebruik --format "
                         "markdown, --format html, --html PAD of --ics PAD.")
    scheiding = o.csv_scheiding
    if scheiding != ";":  # likewise the csv module
        from planner.uitvoer.csv import lees_scheiding

        scheiding = lees_scheiding(scheiding)
    return formaat, voor, scheiding


def _doelen(o: PlanOpties) -> list[Path]:
    return [pad for pad in (o.uitvoer, o.ics, o.html, o.kaarten) if pad is not None]


def _controleer_doelen(o: PlanOpties) -> None:
    """Refuse before anything is printed or written, not halfway through."""
    doelen = _doelen(o)
    if not doelen:
        return  # only to the screen: the file writer is not even imported (~0.3 ms of start-up)
    from planner.cli.bestanden import controleer_doel

    if len({pad.resolve() for pad in doelen}) < len(doelen):
        raise InvoerFout("--uitvoer, --ics, --html en --kaarten wijzen naar hetzelfde bestand: "
                         "geef elk een eigen naam.")
    for pad in doelen:
        controleer_doel(pad, o.force)


def geen_dubbele(paden: list[Path]) -> None:
    """Once planned, the calendar files of one session each (agenda-2.ics) are known: none may be the file
    of another option (checked before anything is printed or written)."""
    gezien: set[Path] = set()
    for pad in paden:
        if pad.resolve() in gezien:
            raise InvoerFout(f"'{pad}' is ook een van de agenda-bestanden per sessie naast --ics: geef --uitvoer, "
                             "--html en --kaarten een andere naam.")
        gezien.add(pad.resolve())


def _controleer_paren(o: PlanOpties, begeleid: bool) -> None:
    """Options that only mean something together with another one."""
    agenda_opties = [naam for naam, waarde in (("--herinnering", o.herinnering), ("--per-onderdeel", o.per_onderdeel),
                                               ("--herhaling", o.herhaling)) if waarde]
    if agenda_opties and o.ics is None and not begeleid:
        werkwoord = "hoort" if len(agenda_opties) == 1 else "horen"
        raise InvoerFout(f"{' en '.join(agenda_opties)} {werkwoord} bij het agenda-bestand: "
                         "geef ook --ics BESTAND op, bijvoorbeeld --ics agenda.ics.")
    if (o.nu is None) != (o.klaar is None):
        raise InvoerFout("--nu en --klaar horen bij elkaar: geef allebei, bijvoorbeeld --nu 14:40 --klaar focus.")


def _schrijf_plan(o: PlanOpties, gepland: Any, formaat: str, voor: str, scheiding: str,
                  agenda: dict[str, Any], verleden: str | None = None) -> None:
    """Everything rendered first, then written all or nothing: one output that cannot be written
    means none is (never ok.md written and the .ics refused)."""
    from planner.uitvoer import render

    opdrachtgever = o.opdrachtgever.strip()
    begeleiders = tuple(naam.strip() for naam in o.begeleider or () if naam.strip())
    opties = {"kleur": scherm.kleur() and o.uitvoer is None, "breedte": scherm.breedte() if o.uitvoer is None else 100,
              "voor": voor, "scheiding": scheiding, "opdrachtgever": opdrachtgever,
              "begeleiders": begeleiders, "bijlage": o.ics.name if o.ics is not None else ""}
    hoofd = render(formaat, gepland, **opties)
    bestanden = [(o.uitvoer, hoofd)] if o.uitvoer is not None else []
    if o.ics is not None:
        # The calendar file that goes with an invitation is the participants' too (issue 19.8).
        voor_agenda = "deelnemers" if voor == "deelnemers" or formaat == "uitnodiging" else "begeleider"
        bestanden.append((o.ics, render("ics", gepland, **agenda, voor=voor_agenda)))
        from planner.uitvoer.ics import losse_bestanden

        # Each session (and the follow-up) alone too, with the same UIDs: some programs import only the first.
        bestanden += [(pad, render("ics", gepland, **agenda, voor=voor_agenda, alleen=deel))
                      for pad, deel in losse_bestanden(o.ics, gepland, agenda["herhaling"] is not None)]
    if o.html is not None:
        bestanden.append((o.html, render("html", gepland, voor=voor, opdrachtgever=opdrachtgever,
                                         begeleiders=begeleiders)))
    if o.kaarten is not None:
        bestanden.append((o.kaarten, render("kaarten", gepland)))
    geen_dubbele([pad for pad, _ in bestanden])
    if bestanden:  # only to the screen: see _controleer_doelen
        from planner.cli.bestanden import schrijf_alles

        schrijf_alles(bestanden, force=o.force)
    if verleden:
        scherm.fout(verleden)
    for pad, _ in bestanden:
        scherm.geschreven(pad)
    if o.uitvoer is None:
        scherm.naar_scherm(hoofd)


def _bied_agenda_aan(gepland: Any, naam: str, agenda: dict[str, Any], stel_vraag: Any, zeg: Any) -> None:
    """The guided mode ends by offering the calendar file."""
    from planner.cli import begeleid as gids
    from planner.cli.bestanden import schrijf
    from planner.uitvoer import render

    def schrijf_naar(pad: Path, vervangen: bool) -> None:
        schrijf(pad, render("ics", gepland, **agenda), force=vervangen)
        scherm.geschreven(pad)

    gids.bewaar_agenda(stel_vraag, zeg, f"{naam}-{gepland.sessies[0].start:%Y-%m-%d}.ics", schrijf_naar)


def lijst(formaat: str = "tabel") -> None:
    """`planner lijst`: all draaiboeken, built-in and own, with group size, duration and origin."""
    from planner.bibliotheek import laden, vinden
    from planner.cli import programma_lijst as programma_cli
    from planner.kern.fouten import Probleem

    formaat = kies_formaat(formaat, OPMAAK_LIJST)
    scherm.waarschuw_eigen_map()
    bronnen = vinden.alle_bronnen()
    draaiboeken = []
    kapot: list[tuple[vinden.Bron, list[Probleem]]] = [
        (bron, [vinden.ongeldige_naam(bron.pad)]) for bron in vinden.ongeldige_namen()
    ]
    for bron in bronnen:
        # A broken own file is shown with its reason; it must not hide the other draaiboeken.
        d, problemen = laden.controleer_bestand(bron.pad, herkomst=bron.herkomst)
        if d is None:
            kapot.append((bron, problemen))
        else:
            draaiboeken.append(d)
    ingebouwd = {b.id for b in bronnen if b.herkomst == "ingebouwd"}
    dubbel = {b.id for b in bronnen if b.herkomst == "eigen" and b.id in ingebouwd}
    if formaat == "json":
        from planner.uitvoer.json import draaiboek_dict, dumps

        rijen = [draaiboek_dict(d, kort=True) | {"genegeerd": d.herkomst == "eigen" and d.id in dubbel,
                                                 "pad": d.pad, "kapot": False}
                 for d in draaiboeken]
        rijen += [{"id": b.id, "herkomst": b.herkomst, "pad": str(b.pad), "kapot": True,
                   "genegeerd": True, "problemen": [str(p) for p in problemen]}
                  for b, problemen in kapot]
        rijen += programma_cli.lijst_rijen()  # issue 23: programme files (planner/cli/programma.py)
        scherm.uit(dumps(rijen), None, False)
        return
    from planner.kern.veilig import schoon, schoon_kopie
    from planner.uitvoer.lijst import render_lijst

    scherm.uit(render_lijst(schoon_kopie(draaiboeken), dubbel, kleur=scherm.kleur(), breedte=scherm.breedte(),
                            kapot=schoon_kopie(kapot), eigen_map=schoon(str(vinden.eigen_map())),
                            programmas=schoon_kopie(programma_cli.lijst_rijen())), None, False)


def toon(draaiboek: str, groep: str | None = None, formaat: str = "tabel") -> None:
    """`planner toon`: a draaiboek with its parts, minutes, steps and questions."""
    from planner.bibliotheek import laden

    formaat = kies_formaat(formaat, OPMAAK_LIJST)
    aantal = lees_groep(groep, verplicht=False)
    d = laden.vind(draaiboek)
    if formaat == "json":
        from planner.uitvoer.json import draaiboek_dict, dumps

        scherm.uit(dumps(draaiboek_dict(d)), None, False)
        return
    from planner.kern.veilig import schoon_kopie
    from planner.uitvoer.toon import render_draaiboek

    scherm.uit(render_draaiboek(schoon_kopie(d), aantal, kleur=scherm.kleur(), breedte=scherm.breedte()), None, False)


def kies_formaat(formaat: str, toegestaan: tuple[str, ...]) -> str:
    gekozen = formaat.strip().lower()
    if gekozen not in toegestaan:
        raise InvoerFout(f"--format '{formaat}' ken ik niet: kies uit {', '.join(toegestaan)}.")
    return gekozen


def lees_groep(tekst: str | None, verplicht: bool = True) -> int | None:
    if tekst is None:
        if verplicht:
            raise InvoerFout("Geef de groepsgrootte op met --groep, bijvoorbeeld --groep 12: "
                             "de variant hangt ervan af.")
        return None
    from planner.kern.tijd import kort, weiger_reuzengetal

    if tekst.strip().startswith(("-", "\u2212")):  # before the length check: -999… is not 'veel te groot'
        raise InvoerFout(f"--groep '{kort(tekst)}' kan niet: een groep heeft minstens 1 deelnemer.")
    weiger_reuzengetal(tekst, "--groep", "geef het aantal deelnemers, bijvoorbeeld --groep 12")
    try:
        groep = int(tekst.strip())
    except ValueError:
        raise InvoerFout(f"--groep '{tekst}' is geen getal: geef het aantal deelnemers in cijfers, "
                         "bijvoorbeeld --groep 12.") from None
    if groep < 1:
        raise InvoerFout(f"--groep {groep} kan niet: een groep heeft minstens 1 deelnemer.")
    return groep


def _lees_herinnering(tekst: str) -> int:
    """Minutes before each event: '15', '15m', '1u', '1d', '2w'."""
    from planner.kern.tijd import kort, lees_interval

    try:
        stap = lees_interval(tekst, naam="--herinnering", kaal_getal=True)  # '15': minutes, as documented
    except InvoerFout:
        stap = None
    if stap is None or stap.maanden:
        raise InvoerFout(f"--herinnering '{kort(tekst)}' is geen duur voor een herinnering: "
                         "gebruik bijvoorbeeld 15m, 1u of 1d.")
    return stap.dagen * 24 * 60 + stap.minuten


def vraag_uit_opties(groep: int, tijd: str | None, start: str | None, interval: str, tz: str,
                     strategie: str, locatie: str, variant: str | None = None,
                     zonder: list[str] | None = None) -> tuple[Any, Any]:
    """The options that plan and live share, read into a Vraag (and the time zone they name)."""
    from planner.kern.tijd import lees_datumtijd, lees_duur, lees_interval, lees_zone
    from planner.kern.vraag import Vraag

    zone = lees_zone(tz)
    moment = klok.nu(zone)
    vraag = Vraag(
        groep=groep,
        tijd_min=lees_duur(tijd) if tijd is not None else None,
        start=lees_datumtijd(start, zone, moment) if start is not None else None,
        interval=lees_interval(interval),
        tz=zone.key,
        strategie=strategie.strip().lower(),
        locatie=locatie,
        variant=variant,
        zonder=tuple(zonder or ()),
        nu=moment,
    )
    return vraag, zone


def met_agendapunten(vraag: Any, gekozen: Any, vooraf: list[str] | None, daarna: list[str] | None) -> Any:
    """The meeting's own agenda items, with ids that clash with no onderdeel of the draaiboek."""
    from dataclasses import replace

    from planner.kern.planning import lees_agendapunt

    bezet = {o.id for o in gekozen.onderdelen}
    return replace(vraag, vooraf=tuple(lees_agendapunt(punt, "--vooraf", bezet) for punt in vooraf or ()),
                   daarna=tuple(lees_agendapunt(punt, "--daarna", bezet) for punt in daarna or ()))


def herplan_uit_opties(gepland: Any, nu: str, klaar: str, zone: Any) -> Any:
    """--nu/--klaar: the rest of the finished part's session re-planned from that moment."""
    from planner.kern.herplan import controleer_moment, herplan, lees_moment, sessie_van

    sessie = sessie_van(gepland, klaar.strip())
    moment = lees_moment(nu, sessie, zone, klok.nu(zone))
    controleer_moment(gepland, sessie, moment)
    return herplan(gepland, moment, klaar.strip(), raster=True)
