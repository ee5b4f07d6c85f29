"""The planning core: builds the Plan from a Draaiboek and a Vraag, using the variant and sizes
(maten), the sessions (sessies), the subgroups (groepjes) and the warnings (waarschuwingen).

Pure: takes a Draaiboek and a Vraag, returns a Plan or raises a PlannerFout. It never prints.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from planner.kern.fouten import InvoerFout, PlanFout
from planner.kern.groepjes import beurt_tekst, groepjes_voor, per_persoon_voor
from planner.kern.maten import Maat, kies_variant, maat_voor, past_in, teruggegeven
from planner.kern.model import (
    STRATEGIEEN,
    Draaiboek,
    GeplandOnderdeel,
    Herhaling,
    Onderdeel,
    Plan,
    Sessie,
    is_planner_id,
)
from planner.kern.pauze import een_bijeenkomst_met, pauze_wijkt, pauzemelding
from planner.kern.sessies import anker_index, meer_sessies_dan_de_bron, met_vrije_ruimte, splits_in_sessies, vul_sessie
from planner.kern.teksten import pas_teksten_aan
from planner.kern.tijd import Interval, klokwissel, lees_duur, lees_zone, plus_minuten, toon_duur
from planner.kern.vraag import Vraag
from planner.kern.waarschuwingen import waarschuwingen_voor

# ------------------------------------------------------------------- the meeting's own agenda


def herhaling_van(draaiboek: Draaiboek) -> Herhaling:
    """The follow-up meeting the draaiboek recommends, or a clear sentence why there is none."""
    if draaiboek.herhaling is None:
        raise InvoerFout(
            f"Het draaiboek '{draaiboek.id}' noemt geen herhalingsbijeenkomst, dus --herhaling kan "
            "hier niet: laat de optie weg, of zet in een eigen draaiboek een regel "
            "herhaling = { titel = \"…\", minuten = … }."
        )
    return draaiboek.herhaling


def herhaling_start(plan: Plan, interval: Interval) -> datetime:
    """The follow-up meeting's start: `interval` after the LAST session's start, at the same clock time
    (across DST changes). It never starts before that session is over: '--herhaling 2u' after a
    training of 3 hours put the follow-up in the middle of it; refused like a too short --interval."""
    laatste = plan.sessies[-1]
    begin = interval.na(laatste.start)
    # Compare instants, not wall clocks: same-zone datetimes compare naively around DST.
    if begin.timestamp() < laatste.eind.timestamp():
        wie = f"sessie {laatste.nummer}" if len(plan.sessies) > 1 else "de bijeenkomst"
        raise InvoerFout(
            f"De --herhaling is te kort: de herhalingsbijeenkomst zou beginnen voordat {wie} om "
            f"{laatste.eind:%H:%M} klaar is; de tijd telt vanaf het begin ({laatste.start:%H:%M}), "
            "kies bijvoorbeeld 3mnd."
        )
    return begin


def lees_agendapunt(tekst: str, optie: str, bezet: set[str]) -> Onderdeel:
    """An agenda item of the meeting itself from 'Titel=DUUR' (--vooraf/--daarna).

    Fixed minutes (the user gave them), soort 'agendapunt' so every output marks it as added,
    and an id made from the title that clashes with nothing in `bezet` (which it extends).
    """
    titel, teken, duur = tekst.partition("=")
    titel = titel.strip()
    if not teken or not titel:
        raise InvoerFout(f"{optie} '{tekst}' is geen agendapunt: schrijf titel=duur, bijvoorbeeld "
                         f'{optie} "Teamoverleg=45m".')
    minuten = lees_duur(duur, naam=f"{optie} '{titel}':")
    basis = _slug(titel)
    id_, nummer = basis, 2
    # The planner's own added parts must keep their ids too.
    while id_ in bezet or is_planner_id(id_):
        id_, nummer = f"{basis}-{nummer}", nummer + 1
    bezet.add(id_)
    return Onderdeel(id=id_, titel=titel, soort="agendapunt", minuten=minuten,
                     min_minuten=minuten, max_minuten=minuten, stap=1,
                     werkvorm="agendapunt van de bijeenkomst")


def _slug(titel: str) -> str:
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", titel).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_).split())[:40] or "agendapunt"



def maatstrategie_voor(draaiboek: Draaiboek, strategie: str) -> str:
    """How parts are sized: 'auto' follows the draaiboek, so a kickoff is split rather than shortened (R5)."""
    return "splitsen" if (strategie == "splitsen" or (
        strategie == "auto" and draaiboek.bij_tijdgebrek == "splitsen" and draaiboek.splitsen)) else "inkorten"


def maak_plan(draaiboek: Draaiboek, vraag: Vraag) -> Plan:
    """Plan `draaiboek` for the group and time in `vraag`."""
    strategie = vraag.strategie
    if strategie not in STRATEGIEEN:
        raise InvoerFout(f"--strategie '{strategie}' ken ik niet: kies auto, splitsen of inkorten.")
    zone = lees_zone(vraag.tz)
    variant = kies_variant(draaiboek, vraag.groep, vraag.variant)
    if strategie == "splitsen" and not draaiboek.splitsen:
        raise PlanFout(f"'{draaiboek.id}' verdeel ik niet over meer sessies: "
                       f"{_zin(draaiboek.niet_splitsen_omdat)}; laat --strategie splitsen weg.")
    maatstrategie = maatstrategie_voor(draaiboek, strategie)
    eigen = draaiboek.onderdelen_voor(variant)
    zonder = _zonder(draaiboek, eigen, vraag.zonder)
    onderdelen = vraag.vooraf + tuple(o for o in eigen if o.id not in zonder) + vraag.daarna
    # Without --tijd: the duration the source states (ambitiegesprek: "ongeveer 2 uur"), else the
    # draaiboek's nominal minutes, plus the meeting's own agenda items.
    if vraag.tijd_min is not None:
        tijd = vraag.tijd_min
    elif draaiboek.standaard_minuten is not None:
        tijd = draaiboek.standaard_minuten + sum(o.minuten for o in vraag.vooraf + vraag.daarna)
    else:
        tijd = sum(o.minuten for o in onderdelen)
    maten = [maat_voor(o, vraag.groep, maatstrategie) for o in onderdelen]
    waarschuwingen: list[str] = []
    vervallen: list[str] = list(zonder)
    weggelaten: list[str] = list(zonder)
    # R15: an optional part is the first to go, before anything shrinks below nominal or a
    # session is added; the last one first.
    while sum(m.nominaal for m in maten) > tijd:
        optioneel = [i for i, m in enumerate(maten) if m.onderdeel.optioneel]
        if not optioneel:
            break
        weg = maten.pop(optioneel[-1]).onderdeel
        vervallen.append(weg.id)
        weggelaten.append(weg.id)
        waarschuwingen.append(f"'{weg.titel}' valt weg: het is een optioneel onderdeel en zonder past de rest "
                              f"beter in {toon_duur(tijd)}. Plan het eventueel later.")

    pauze = None
    if not past_in(maten, tijd) and strategie != "inkorten" and draaiboek.splitsen:
        # P6: the pause gives way (not below 5 min) before a session is added.
        maten, pauze = pauze_wijkt(draaiboek, maten, tijd)
    if past_in(maten, tijd):
        groepen = [maten]
    elif strategie == "inkorten" or not draaiboek.splitsen:
        minimum = sum(m.laag for m in maten)
        if not draaiboek.splitsen:
            raise PlanFout(
                f"In {toon_duur(tijd)} past '{draaiboek.id}' niet, ook niet ingekort: kies minstens "
                f"{toon_duur(minimum)}; het gaat niet over meer sessies, want {_zin(draaiboek.niet_splitsen_omdat)}."
            )
        raise PlanFout(
            f"In {toon_duur(tijd)} past '{draaiboek.id}' niet, ook niet ingekort: je hebt minstens "
            f"{toon_duur(minimum)} nodig, of gebruik --strategie splitsen."
        )
    else:
        groepen = splits_in_sessies(draaiboek, maten, tijd, vervallen, waarschuwingen)
        waarschuwingen.insert(0,
            f"In {toon_duur(tijd)} past het programma niet in één keer: het is verdeeld over "
            f"{len(groepen)} sessies, steeds tussen twee onderdelen."
        )
        if draaiboek.bron_sessies is not None and len(groepen) > draaiboek.bron_sessies:
            waarschuwingen.insert(1, meer_sessies_dan_de_bron(draaiboek, maten, tijd, len(groepen)))
        elif len(groepen) == 2 and (een := een_bijeenkomst_met(maten, tijd)):
            # One session missed by a little: say what time keeps it in one (P6).
            waarschuwingen.insert(1, een)
        titels = {m.onderdeel.id: m.onderdeel.titel for m in maten}
        for pauze in vervallen:
            if pauze in titels and pauze not in weggelaten:
                waarschuwingen.append(f"'{titels[pauze]}' vervalt: de tijd tussen de sessies vervangt haar.")

    if len(groepen) > 1:
        # Split because time is short: parts keep (at most) their nominal minutes; stretching them
        # to fill each session would spread the programme thinner than the draaiboek means.
        groepen = [[replace(m, hoog=max(m.laag, m.nominaal)) for m in groep] for groep in groepen]
    # A small group's shorter round gives its time back (reported free) when nothing is anchored
    # to the end; an anchored closing (R8) still ends at the agreed end.
    # It only holds back growth, never cuts a part below its nominal minutes.
    doel = tijd
    if len(groepen) == 1 and anker_index(groepen[0]) is None:
        doel = max(min(tijd, sum(m.nominaal for m in groepen[0])), tijd - teruggegeven(maten))
    sessieduren = [vul_sessie(groep, doel, raster=True) for groep in groepen]
    groepen = [met_vrije_ruimte(groep, duren) for groep, duren in zip(groepen, sessieduren, strict=True)]
    eerste = _eerste_start(vraag, zone)
    starts = _sessiestarts(eerste, vraag.interval, len(groepen))
    waarschuwingen += _klokmeldingen(eerste, starts, vraag.interval)
    sessies = tuple(
        maak_sessie(i + 1, starts[i], groep, duren, vraag.groep)
        for i, (groep, duren) in enumerate(zip(groepen, sessieduren, strict=True))
    )
    waarschuwingen += _sprongmeldingen(sessies)
    for eerder, later in zip(sessies, sessies[1:], strict=False):
        # Compare instants, not wall clocks: same-zone datetimes compare naively around DST.
        if later.start.timestamp() < eerder.eind.timestamp():
            raise InvoerFout(
                f"Het --interval is te kort: sessie {later.nummer} zou beginnen voordat sessie "
                f"{eerder.nummer} om {eerder.eind:%H:%M} klaar is; kies minstens "
                f"{toon_duur(max(s.duur_min for s in sessies))}, bijvoorbeeld 1d of 7d."
            )
    if pauze is not None:
        waarschuwingen += [pauzemelding(o.titel, o.duur_min, o.bron.minuten, len(sessies),
                                        s.nummer if len(sessies) > 1 else None)
                           for s in sessies for o in s.onderdelen
                           if o.soort == "pauze" and o.bron is not None and o.duur_min < o.bron.minuten]
    waarschuwingen += waarschuwingen_voor(draaiboek, vraag, tijd, sessies, maten, variant,
                                          pauze_wijkt=pauze is not None)
    return pas_teksten_aan(Plan(
        draaiboek=draaiboek,
        variant=variant,
        groep=vraag.groep,
        tijd_min=tijd,
        strategie=strategie,
        sessies=sessies,
        waarschuwingen=tuple(waarschuwingen),
        vervallen=tuple(vervallen),
        weggelaten=tuple(weggelaten),
        vrij_min=max(0, tijd - sessies[0].duur_min) if len(sessies) == 1 else 0,
        start_aangenomen=vraag.start is None,
        tz=zone.key,
        locatie=vraag.locatie,
    ))


def _zin(tekst: str) -> str:
    """A template's reason as part of a sentence: no closing full stop, first letter kept."""
    return tekst.strip().rstrip(".") or "het draaiboek staat dat niet toe"


def _zonder(draaiboek: Draaiboek, onderdelen: tuple[Onderdeel, ...], ids: tuple[str, ...]) -> tuple[str, ...]:
    """The optional onderdelen --zonder leaves out; a required or unknown id is refused."""
    gekozen = []
    for ruw in ids:
        id_ = ruw.strip().lower()
        onderdeel = next((o for o in onderdelen if o.id == id_), None)
        if onderdeel is None:
            optioneel = [o.id for o in onderdelen if o.optioneel]
            keuze = (f"kies uit {', '.join(optioneel)}" if optioneel
                     else "dit draaiboek heeft geen optionele onderdelen")
            raise InvoerFout(f"--zonder '{ruw}': '{draaiboek.id}' heeft (in deze variant) geen onderdeel met die "
                             f"naam; {keuze} (zie 'planner toon {draaiboek.id}').")
        if not onderdeel.optioneel:
            raise InvoerFout(f"--zonder '{id_}' kan niet: '{onderdeel.titel}' is geen optioneel onderdeel van "
                             f"'{draaiboek.id}' en hoort bij het draaiboek.")
        if id_ not in gekozen:
            gekozen.append(id_)
    return tuple(gekozen)



def _eerste_start(vraag: Vraag, zone: ZoneInfo) -> datetime:
    """The wall-clock start asked for: --start, or the day after the moment asked (vraag.nu) at 09:00."""
    if vraag.start is not None:
        return vraag.start.replace(tzinfo=zone)
    if vraag.nu is None:
        raise ValueError("een Vraag zonder start heeft nu nodig: de kern leest de klok niet")
    morgen = vraag.nu.astimezone(zone).date() + timedelta(days=1)
    return datetime(morgen.year, morgen.month, morgen.day, 9, 0, tzinfo=zone)


def _sessiestarts(eerste: datetime, interval: Interval, aantal: int) -> list[datetime]:
    starts = [eerste]
    for _ in range(aantal - 1):
        starts.append(interval.na(starts[-1]))
    # A wall-clock time skipped by the change to summer time does not exist: move it past the gap.
    return [s.astimezone(UTC).astimezone(eerste.tzinfo) for s in starts]


def _klokmeldingen(eerste: datetime, starts: list[datetime], interval: Interval) -> list[str]:
    """Say so when a daylight-saving change moves a session or makes its start ambiguous."""
    meldingen = []
    gevraagd = (eerste.hour, eerste.minute)
    for nummer, start in enumerate(starts, start=1):
        wie = f"Sessie {nummer}" if len(starts) > 1 else "De sessie"
        # An interval in hours or minutes moves the clock time by design (and counts real time, so
        # it never lands in the gap): only the first start, and calendar steps, keep the clock time.
        houdt_kloktijd = nummer == 1 or not interval.minuten
        if houdt_kloktijd and (start.hour, start.minute) != gevraagd:
            meldingen.append(f"{wie} valt in de sprong naar zomertijd: {gevraagd[0]:02d}:{gevraagd[1]:02d} bestaat "
                             f"op {start:%d-%m-%Y} niet, dus ze begint om {start:%H:%M}.")
        elif start.replace(fold=1).utcoffset() != start.utcoffset():
            meldingen.append(f"{wie} begint op {start:%d-%m-%Y} om {start:%H:%M}, een tijd die door de overgang "
                             f"naar wintertijd twee keer voorkomt; de planner neemt de eerste (zomertijd, "
                             f"UTC{start:%z}).")
    return meldingen



def _sprongmeldingen(sessies: tuple[Sessie, ...]) -> list[str]:
    """Say so when the clock changes during a session: a row such as 01:40–03:05 for a 25-minute
    part (or 02:45–02:30 in autumn) is right in real time but looks like a mistake on paper."""
    meldingen = []
    for sessie in sessies:
        wissel = klokwissel(sessie.start, sessie.eind)
        if wissel is None:
            continue
        moment, verschuiving = wissel
        voor = moment.replace(tzinfo=None) - timedelta(minutes=verschuiving)
        waar = "deze sessie" if len(sessies) == 1 else f"sessie {sessie.nummer}"
        hoeveel = "een uur" if abs(verschuiving) == 60 else f"{abs(verschuiving)} minuten"
        richting = "vooruit" if verschuiving > 0 else "terug"
        # The part whose row shows the jump: the change falls after its start, up to its end.
        deel = next((o for o in sessie.onderdelen
                     if o.start.timestamp() < moment.timestamp() <= o.eind.timestamp()), None)
        uitleg = (f"'{deel.titel}' staat er als {deel.start:%H:%M}–{deel.eind:%H:%M} maar duurt "
                  f"{deel.duur_min} min" if deel is not None else "de tijden in het schema tellen dat mee")
        if verschuiving < 0:
            uitleg += (f"; de kloktijden van {moment:%H:%M} tot {voor:%H:%M} komen twee keer voor, "
                       "de rijen staan in de volgorde waarin ze gebeuren")
        duur = round((sessie.eind.timestamp() - sessie.start.timestamp()) / 60)
        meldingen.append(f"De klok gaat in {waar} {hoeveel} {richting} ({voor:%H:%M} → {moment:%H:%M}): "
                         f"{uitleg}; de sessie duurt {toon_duur(duur)} en eindigt om {sessie.eind:%H:%M}.")
    return meldingen


def maak_sessie(nummer: int, start: datetime, maten: list[Maat], duren: list[int],
                groep: int) -> Sessie:
    """A session with clock times from `start`: each part with its minutes, groups and turns."""
    onderdelen = []
    verstreken = 0
    begin = plus_minuten(start, 0)
    for maat, duur in zip(maten, duren, strict=True):
        bron = maat.onderdeel
        groepjes = groepjes_voor(bron, groep, duur)
        per_persoon = per_persoon_voor(maat, duur, groep, groepjes)
        eind = plus_minuten(start, verstreken + duur)
        onderdelen.append(GeplandOnderdeel(
            id=bron.id,
            titel=bron.titel,
            soort=bron.soort,
            start=begin,
            eind=eind,
            duur_min=duur,
            toegevoegd=maat.toegevoegd,
            geschat=bron.geschat,
            werkvorm=bron.werkvorm,
            groepjes=groepjes,
            per_persoon_min=per_persoon,
            bron=None if maat.toegevoegd and bron.soort != "agendapunt" else bron,
            stappen=bron.stappen,
            bron_min=None if maat.toegevoegd else bron.minuten,
            beurt_tekst=beurt_tekst(bron.beurten, per_persoon),
        ))
        verstreken += duur
        begin = eind  # the next part starts when this one ends
    return Sessie(nummer, start, plus_minuten(start, verstreken), tuple(onderdelen))


def eerste_start(vraag: Vraag) -> datetime:
    """The first session's start for `vraag` (--start, or tomorrow 09:00), with its time zone.

    A programme (planner.kern.programma) plans its blocks one after another from this moment.
    """
    return _eerste_start(vraag, lees_zone(vraag.tz))
