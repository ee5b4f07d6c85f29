"""Reading what people type for durations, dates and time zones, and clock arithmetic in a zone.

One rounding rule for moments and durations measured in seconds and shown in minutes (issue 22):
to the nearest minute, half a minute up (`op_de_minuut`, `hele_minuten`). `planner live` (clock,
expected end, the log's minutes), the re-plan from a moment and `planner terugblik` all use it, so
a session that ended at 13:05:40 ends at 13:06 on every screen; never cut seconds off, and never
Python's round(), which rounds a half to the even number (79.5 → 80 but 78.5 → 78).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from planner.kern.fouten import InvoerFout
from planner.kern.lui import Patroon

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

_GETAL = r"\d+(?:[.,]\d+)?"
_UREN_MINUTEN = Patroon(
    rf"^(?:(?P<u>{_GETAL})\s*(?:u|uur|h|hr|hrs|hour|hours)\s*)?"
    rf"(?:(?P<m>\d+)\s*(?:m|min|mins|minuten|minuut)?)?$"
)
_KLOK = Patroon(r"^(?P<u>\d+):(?P<m>[0-5]\d)$")
_EENHEDEN_DAG = {
    "d": 1, "dag": 1, "dagen": 1,
    "w": 7, "wk": 7, "week": 7, "weken": 7,
}
_EENHEDEN_MAAND = {"mnd": 1, "maand": 1, "maanden": 1}
_KALENDER = Patroon(r"^(?P<n>\d+)\s*(?P<eenheid>[a-z]+)$")

VOORBEELD_DUUR = "bijvoorbeeld 90, 90m, 1u30, 1:30, 1,5u of 2u"


def _getal(tekst: str) -> float:
    return float(tekst.replace(",", "."))


# More digits than any duration or group needs; also keeps int()/float() far from their limits.
_TE_VEEL_CIJFERS = Patroon(r"\d{7,}")


def kort(tekst: str, lengte: int = 30) -> str:
    """What the user typed, shortened for quoting in a message."""
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def weiger_reuzengetal(tekst: str, naam: str, voorbeeld: str) -> None:
    """Refuse a number of absurd length with a sentence, before it overflows a float or int()."""
    if _TE_VEEL_CIJFERS.search(tekst):
        raise InvoerFout(f"{naam} '{kort(tekst)}' is veel te groot: {voorbeeld}.")


def lees_duur(tekst: str, naam: str = "--tijd") -> int:
    """Minutes in a duration such as '90', '1u30', '1:30', '1,5u', '2h' or '1h30m'."""
    schoon = tekst.strip().lower().replace(" ", "")
    weiger_reuzengetal(schoon, naam, f"geef een duur van hooguit een week, {VOORBEELD_DUUR}")
    if schoon.startswith(("-", "\u2212")):
        raise InvoerFout(f"{naam} '{tekst}' is negatief: geef een positieve duur, {VOORBEELD_DUUR}.")
    klok = _KLOK.match(schoon)
    if klok:
        minuten = int(klok["u"]) * 60 + int(klok["m"])
    else:
        delen = _UREN_MINUTEN.match(schoon)
        if not schoon or not delen or not (delen["u"] or delen["m"]):
            raise InvoerFout(f"{naam} '{tekst}' is geen duur: gebruik {VOORBEELD_DUUR}.")
        if delen["u"] and delen["m"] and int(delen["m"]) >= 60:
            # '1u61' is a typing error, not 2u01: minutes after the hours stay below 60.
            raise InvoerFout(f"{naam} '{tekst}' heeft {delen['m']} minuten na de uren: dat moet minder dan 60 "
                             f"zijn; {VOORBEELD_DUUR}.")
        uren = _getal(delen["u"]) if delen["u"] else 0.0
        minuten = round(uren * 60) + (int(delen["m"]) if delen["m"] else 0)
    if minuten <= 0:
        raise InvoerFout(f"{naam} '{tekst}' is nul: geef een duur van minstens 1 minuut.")
    if minuten > 7 * 24 * 60:
        raise InvoerFout(f"{naam} '{tekst}' is langer dan een week: geef de tijd per sessie op.")
    return minuten


@dataclass(frozen=True)
class Interval:
    """A step between sessions: calendar months and days keep the clock time, minutes do not."""

    maanden: int = 0
    dagen: int = 0
    minuten: int = 0

    def na(self, moment: datetime) -> datetime:
        """The wall-clock moment this interval after `moment`, in the same zone."""
        try:
            return self._na(moment)
        except (OverflowError, ValueError):
            raise InvoerFout("Met deze tussentijd lopen de sessies voorbij het jaar 9999: kies een kortere "
                             "--interval of een eerdere --start.") from None

    def _na(self, moment: datetime) -> datetime:
        jaar, maand = divmod(moment.month - 1 + self.maanden, 12)
        dag_van_maand = min(moment.day, _dagen_in_maand(moment.year + jaar, maand + 1))
        wand = moment.replace(year=moment.year + jaar, month=maand + 1, day=dag_van_maand)
        wand = wand + timedelta(days=self.dagen)
        if self.minuten:
            wand = (wand.astimezone(UTC) + timedelta(minutes=self.minuten)).astimezone(
                moment.tzinfo
            )
        return wand


def _dagen_in_maand(jaar: int, maand: int) -> int:
    volgende = date(jaar + maand // 12, maand % 12 + 1, 1)
    return (volgende - timedelta(days=1)).day


def lees_interval(tekst: str, naam: str = "--interval", kaal_getal: bool = False) -> Interval:
    """An interval such as '7d', '2w', '14 dagen', '3mnd' or a plain duration ('2u').

    A number without a unit ('7') is refused unless `kaal_getal` (then it is minutes): between
    sessions 7 minutes is never what '--interval 7' meant."""
    schoon = tekst.strip().lower().replace(" ", "")
    weiger_reuzengetal(schoon, naam, "gebruik bijvoorbeeld 7d, 2w, 14dagen, 3mnd of 2u")
    if not kaal_getal and schoon.isascii() and schoon.isdigit():
        raise InvoerFout(f"{naam} '{tekst}' heeft geen eenheid: schrijf {schoon}d (dagen), {schoon}w (weken), "
                         f"{schoon}mnd (maanden) of {schoon}u (uren), bijvoorbeeld {naam} "
                         f"{'3mnd' if naam == '--herhaling' else '7d'}.")
    kalender = _KALENDER.match(schoon)
    if kalender and kalender["eenheid"] in _EENHEDEN_DAG | _EENHEDEN_MAAND:
        n = int(kalender["n"])
        if n <= 0:
            raise InvoerFout(f"{naam} '{tekst}' is nul: geef bijvoorbeeld 7d, 2w of 3mnd.")
        dagen = n * (31 if kalender["eenheid"] in _EENHEDEN_MAAND else _EENHEDEN_DAG[kalender["eenheid"]])
        if dagen > 5 * 366:
            raise InvoerFout(f"{naam} '{tekst}' is meer dan vijf jaar: geef een kortere tussentijd, "
                             "bijvoorbeeld 7d, 2w of 3mnd.")
        if kalender["eenheid"] in _EENHEDEN_MAAND:
            return Interval(maanden=n)
        return Interval(dagen=n * _EENHEDEN_DAG[kalender["eenheid"]])
    try:
        return Interval(minuten=lees_duur(tekst, naam))
    except InvoerFout:
        raise InvoerFout(
            f"{naam} '{tekst}' is geen interval: gebruik bijvoorbeeld 7d, 2w, 14dagen, 3mnd of 2u."
        ) from None


def lees_zone(naam: str) -> ZoneInfo:
    # zoneinfo is imported here, by the commands that place a plan in time: `lijst`, `toon` and
    # `controleer` read durations from this module but need no zone.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        if not naam or naam.startswith(("/", ".")) or ".." in naam:
            raise ValueError(naam)
        return ZoneInfo(naam)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvoerFout(
            f"Tijdzone '{naam}' ken ik niet: gebruik een naam als Europe/Amsterdam of Europe/Brussels."
        ) from None


EERSTE_JAAR, LAATSTE_JAAR = 1900, 2999
STANDAARD_UUR = 9  # a date without a time starts at 09:00, like the start without --start

VOORBEELD_DATUM = "dinsdag 13:30, morgen 9:00, 1 dec 13:30, 1-12 13:30 of 1-12-2027 13:30"

_ISO = Patroon(r"^(?P<j>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:t(?P<tijd>.+))?$")
# Dutch numeric dates: day first. Without a year only with '-' or '/': '1.12' reads as a clock time.
# A two-digit year is this century's: 1-12-26 is 1 December 2026.
_NUMERIEK = Patroon(r"^(?P<d>\d{1,2})(?:[-/](?P<m>\d{1,2})(?:[-/](?P<j>\d{4}|\d{2}))?"
                       r"|\.(?P<m2>\d{1,2})\.(?P<j2>\d{4}|\d{2}))$")
# 13:30, 13.30, 13u30, 13u, 13h; ":00" seconds as ISO writes them.
_KLOKTIJD = Patroon(r"^(?P<u>\d{1,2})(?:[:.](?P<m>\d{2})(?::00)?|[uh](?P<m2>\d{2})?)$")
_GETAL_DAG = Patroon(r"^\d{1,2}$")
_JAAR = Patroon(r"^\d{4}$")
_RELATIEF = {"eergisteren": -2, "gisteren": -1, "vandaag": 0, "morgen": 1, "overmorgen": 2}
_DAGNAMEN = {naam: i for i, naam in enumerate(
    ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"))}
_DAGNAMEN |= {naam: i for i, naam in enumerate(("ma", "di", "wo", "do", "vr", "za", "zo"))}
_DAGNAMEN |= {naam: i for i, naam in enumerate(("maa", "din", "woe", "don", "vrij", "zat", "zon"))}
_MAANDNAMEN = {naam: i for i, naam in enumerate((
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"), start=1)}
_MAANDNAMEN |= {naam: i for i, naam in enumerate((
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"), start=1)}
_MAANDNAMEN |= {"mar": 3, "maa": 3, "sept": 9}


def _geen_datum(tekst: str, naam: str) -> InvoerFout:
    if naam == "--nu":
        # During a session the clock time is what one types; a date is the exception.
        return InvoerFout(f"{naam} '{kort(tekst, 60)}' is geen tijd: schrijf een kloktijd op de dag van de sessie, "
                          f"bijvoorbeeld 14:40, of een datum en tijd, bijvoorbeeld {VOORBEELD_DATUM}.")
    return InvoerFout(f"{naam} '{kort(tekst, 60)}' is geen datum en tijd: schrijf bijvoorbeeld {VOORBEELD_DATUM}.")


def _buiten_kalender(tekst: str, naam: str) -> InvoerFout:
    return InvoerFout(f"{naam} '{kort(tekst, 60)}' bestaat niet in de kalender: controleer dag, maand en uur.")


class _Delen:
    """What a date text names; None where it names nothing. (A plain class: a dataclass costs
    about a millisecond of every start.)"""

    def __init__(self) -> None:
        self.jaar: int | None = None
        self.maand: int | None = None
        self.dag: int | None = None
        self.over_dagen: int | None = None  # gisteren -1, vandaag 0, morgen 1, overmorgen 2
        self.weekdag: int | None = None
        self.uur: int | None = None
        self.minuut = 0


def _lees_klok(woord: str, delen: _Delen) -> bool:
    klok = _KLOKTIJD.match(woord)
    if not klok:
        return False
    delen.uur = int(klok["u"])
    delen.minuut = int(klok["m"] or klok["m2"] or 0)
    return True


def _ontleed(tekst: str, naam: str) -> _Delen:
    """Split 'di 1 dec 2026 13:30' and its kin into parts; any word left over is refused."""
    schoon = tekst.strip().lower().replace(",", " ")
    woorden = [w.removesuffix(".") if not _KLOKTIJD.match(w) else w for w in schoon.split()]
    delen = _Delen()
    i = 0

    def volgende() -> str | None:
        return woorden[i] if i < len(woorden) else None

    if volgende() in _DAGNAMEN:
        delen.weekdag = _DAGNAMEN[woorden[i]]
        i += 1
    woord = volgende()
    iso = _ISO.match(woord) if woord else None
    numeriek = _NUMERIEK.match(woord) if woord else None
    if woord in _RELATIEF:
        delen.over_dagen = _RELATIEF[woord]
        i += 1
    elif iso:
        delen.jaar, delen.maand, delen.dag = int(iso["j"]), int(iso["m"]), int(iso["d"])
        i += 1
        # '2026-12-01T13:30': the time is glued to the date
        if iso["tijd"] is not None and not _lees_klok(iso["tijd"], delen):
            raise _geen_datum(tekst, naam)
    elif numeriek:
        delen.dag = int(numeriek["d"])
        delen.maand = int(numeriek["m"] or numeriek["m2"])
        jaar = numeriek["j"] or numeriek["j2"]
        delen.jaar = (int(jaar) + (2000 if len(jaar) == 2 else 0)) if jaar else None
        i += 1
    elif woord is not None and _GETAL_DAG.match(woord) and i + 1 < len(woorden) and woorden[i + 1] in _MAANDNAMEN:
        delen.dag, delen.maand = int(woord), _MAANDNAMEN[woorden[i + 1]]
        i += 2
        if volgende() is not None and _JAAR.match(volgende() or ""):
            delen.jaar = int(woorden[i])
            i += 1
    if volgende() == "om":
        i += 1
    if delen.uur is None and volgende() is not None and _lees_klok(woorden[i], delen):
        i += 1
    elif delen.uur is None and _GETAL_DAG.match(volgende() or "") and woorden[i + 1:i + 2] == ["uur"]:
        delen.uur = int(woorden[i])  # 'om 13 uur'
        i += 1
    if volgende() == "uur" and delen.uur is not None:
        i += 1
    if i < len(woorden) or not woorden:
        raise _geen_datum(tekst, naam)
    if delen.uur is None and delen.dag is None and delen.over_dagen is None and delen.weekdag is None:
        raise _geen_datum(tekst, naam)
    return delen


def _eerstvolgende(maand: int, dag: int, vanaf: date) -> date | None:
    """The first day-month on or after `vanaf` (today counts); 29 February may be years away."""
    for jaar in range(vanaf.year, vanaf.year + 9):
        try:
            kandidaat = date(jaar, maand, dag)
        except ValueError:
            continue
        if kandidaat >= vanaf:
            return kandidaat
    return None


def lees_datumtijd(tekst: str, zone: ZoneInfo, nu: datetime, *, naam: str = "--start",
                   dag: date | None = None, vooruit: bool = True) -> datetime:
    """A local moment in `zone`, written as a Dutch facilitator writes it.

    Accepted: ISO ('2026-12-01T13:30', '2026-12-01 13:30'), '1-12-2026 13:30', '01-12-2026 13.30',
    '1 december 2026 13:30', '1 dec 13:30' (the next 1 December 13:30 that has not passed: today
    if it is still to come), 'di 1 dec 13:30', 'dinsdag 13:30' (likewise the next Tuesday 13:30),
    'morgen 9:00', 'vandaag 14:00', and a bare '14:00' (on `dag`, else today). Without a time: 09:00.
    A weekday that contradicts the date is refused. `vooruit=False` (for --nu, a moment during the
    session) takes a yearless date or weekday on or after today even when its time has passed.
    `nu` is the current moment, passed in by the caller (the core never reads the clock).
    """
    nu = nu.astimezone(zone)
    delen = _ontleed(tekst, naam)
    vandaag = nu.date()
    if delen.over_dagen is not None:
        datum: date | None = vandaag + timedelta(days=delen.over_dagen)
    elif delen.dag is not None:
        assert delen.maand is not None
        if delen.jaar is None:
            datum = _eerstvolgende(delen.maand, delen.dag, vandaag)
            if datum is None:
                raise _buiten_kalender(tekst, naam)
        else:
            if not EERSTE_JAAR <= delen.jaar <= LAATSTE_JAAR:
                # Far-off years overflow the clock arithmetic (and no workshop is planned there).
                raise InvoerFout(
                    f"{naam} '{kort(tekst, 60)}' ligt buiten de kalender van de planner: kies een jaar van "
                    f"{EERSTE_JAAR} tot en met {LAATSTE_JAAR}."
                )
            try:
                datum = date(delen.jaar, delen.maand, delen.dag)
            except ValueError:
                raise _buiten_kalender(tekst, naam) from None
    elif delen.weekdag is not None:
        datum = vandaag + timedelta(days=(delen.weekdag - vandaag.weekday()) % 7)
    else:
        datum = dag or vandaag
    assert datum is not None
    uur = STANDAARD_UUR if delen.uur is None else delen.uur
    if uur > 23 or delen.minuut > 59:
        raise _buiten_kalender(tekst, naam)
    lokaal = datetime(datum.year, datum.month, datum.day, uur, delen.minuut, tzinfo=zone)
    if vooruit and delen.jaar is None and delen.over_dagen is None and lokaal < nu:
        # 'dinsdag 13:30' typed on a Tuesday afternoon, '1 dec 13:30' on 1 December at 14:00:
        # the next one, so an example with such a date never lands in the past (issue 17).
        if delen.dag is not None:
            assert delen.maand is not None
            volgende = _eerstvolgende(delen.maand, delen.dag, datum + timedelta(days=1))
            if volgende is None:
                raise _buiten_kalender(tekst, naam)
            datum = volgende
        elif delen.weekdag is not None:
            datum += timedelta(days=7)
        if datum != lokaal.date():
            lokaal = datetime(datum.year, datum.month, datum.day, uur, delen.minuut, tzinfo=zone)
    if delen.weekdag is not None and datum.weekday() != delen.weekdag:
        raise InvoerFout(
            f"{naam} '{kort(tekst, 60)}': {datum.day} {_MAANDEN[datum.month - 1]} {datum.year} is een "
            f"{_DAGEN[datum.weekday()]}, geen {_DAGEN[delen.weekdag]}: controleer de dag of de datum."
        )
    if not bestaat(lokaal):
        raise InvoerFout(
            f"{naam} '{kort(tekst, 60)}' valt in de zomertijdsprong en bestaat niet in {zone.key}: "
            "kies een uur later of eerder."
        )
    return lokaal


def lees_kloktijd(tekst: str, zone: ZoneInfo, dag: date, nu: datetime,
                  naam: str = "--nu") -> datetime:
    """A moment during a session on `dag`: a bare '14:40' is that time on `dag`; every date form
    of lees_datumtijd works too ('morgen 9:00', '1-12-2026 14:40')."""
    return lees_datumtijd(tekst, zone, nu, naam=naam, dag=dag, vooruit=False)


def verleden_melding(moment: datetime, nu: datetime, naam: str = "--start") -> str | None:
    """A warning when `moment` has passed: a past start is allowed (a plan afterwards), but rarely meant."""
    if moment >= nu:
        return None
    return (f"let op: {naam} {toon_datum(moment)} {moment:%H:%M} ligt in het verleden; "
            "bedoel je een latere datum?")


def bestaat(lokaal: datetime) -> bool:
    """False for a wall-clock time skipped by a daylight-saving change."""
    heen_terug = lokaal.astimezone(UTC).astimezone(lokaal.tzinfo)
    return heen_terug.replace(tzinfo=None) == lokaal.replace(tzinfo=None)


def klokwissel(begin: datetime, eind: datetime) -> tuple[datetime, int] | None:
    """The first daylight-saving change after `begin` up to `eind`: the moment just after it (in
    begin's zone, e.g. 03:00 in spring) and the shift in minutes (+60 forward, -60 back); None
    when the clock does not change in between."""
    zone = begin.tzinfo
    van = begin.astimezone(UTC)
    totaal = int((eind.astimezone(UTC) - van).total_seconds() // 60)

    def offset(minuten: int) -> timedelta | None:
        return (van + timedelta(minutes=minuten)).astimezone(zone).utcoffset()

    if totaal <= 0 or offset(0) == offset(totaal):
        return None
    # Changes happen on whole minutes: bisect for the first minute with the new offset.
    laag, hoog = 0, totaal
    while hoog - laag > 1:
        midden = (laag + hoog) // 2
        if offset(midden) == offset(0):
            laag = midden
        else:
            hoog = midden
    voor, na = offset(0), offset(hoog)
    assert voor is not None and na is not None
    return (van + timedelta(minutes=hoog)).astimezone(zone), int((na - voor).total_seconds() // 60)


def hele_minuten(seconden: float) -> int:
    """Seconds as whole minutes by the one rule: the nearest minute, half a minute up."""
    return math.floor(seconden / 60 + 0.5)


def op_de_minuut(moment: datetime) -> datetime:
    """`moment` on the nearest whole minute, half a minute up (13:05:30 → 13:06)."""
    afgerond = moment.replace(second=0, microsecond=0)
    if moment - afgerond < timedelta(seconds=30):
        return afgerond
    return afgerond + timedelta(minutes=1) if afgerond.tzinfo is None else plus_minuten(afgerond, 1)


def kloktijd(moment: datetime) -> str:
    """'13:06': a moment shown to the minute by the one rule (see the module's docstring)."""
    return f"{op_de_minuut(moment):%H:%M}"


def plus_minuten(moment: datetime, minuten: int) -> datetime:
    """Elapsed minutes after `moment`, shown in its zone (correct across DST changes)."""
    return (moment.astimezone(UTC) + timedelta(minutes=minuten)).astimezone(moment.tzinfo)


def deelnemers(aantal: int) -> str:
    """'1 deelnemer', '12 deelnemers'."""
    return f"{aantal} deelnemer" if aantal == 1 else f"{aantal} deelnemers"


def toon_duur(minuten: int) -> str:
    """'1u30', '45 min', '2u' — how Dutch facilitators write durations."""
    uren, rest = divmod(minuten, 60)
    if not uren:
        return f"{rest} min"
    return f"{uren}u{rest:02d}" if rest else f"{uren}u"


_DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december")


def toon_datum(moment: datetime) -> str:
    """'dinsdag 1 december 2026', independent of the machine's locale."""
    return f"{_DAGEN[moment.weekday()]} {moment.day} {_MAANDEN[moment.month - 1]} {moment.year}"
