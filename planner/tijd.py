"""Reading what people type for durations, dates and time zones, and clock arithmetic in a zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.fouten import InvoerFout

_GETAL = r"\d+(?:[.,]\d+)?"
_UREN_MINUTEN = re.compile(
    rf"^(?:(?P<u>{_GETAL})\s*(?:u|uur|h|hr|hrs|hour|hours)\s*)?"
    rf"(?:(?P<m>\d+)\s*(?:m|min|mins|minuten|minuut)?)?$"
)
_KLOK = re.compile(r"^(?P<u>\d+):(?P<m>[0-5]\d)$")
_EENHEDEN_DAG = {
    "d": 1, "dag": 1, "dagen": 1,
    "w": 7, "wk": 7, "week": 7, "weken": 7,
}
_EENHEDEN_MAAND = {"mnd": 1, "maand": 1, "maanden": 1}
_KALENDER = re.compile(r"^(?P<n>\d+)\s*(?P<eenheid>[a-z]+)$")

VOORBEELD_DUUR = "bijvoorbeeld 90, 90m, 1u30, 1:30, 1,5u of 2u"


def _getal(tekst: str) -> float:
    return float(tekst.replace(",", "."))


# More digits than any duration or group needs; also keeps int()/float() far from their limits.
_TE_VEEL_CIJFERS = re.compile(r"\d{7,}")


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


def lees_interval(tekst: str, naam: str = "--interval") -> Interval:
    """An interval such as '7d', '2w', '14 dagen', '3mnd' or a plain duration ('2u')."""
    schoon = tekst.strip().lower().replace(" ", "")
    weiger_reuzengetal(schoon, naam, "gebruik bijvoorbeeld 7d, 2w, 14dagen, 3mnd of 2u")
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
    try:
        if not naam or naam.startswith(("/", ".")) or ".." in naam:
            raise ValueError(naam)
        return ZoneInfo(naam)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvoerFout(
            f"Tijdzone '{naam}' ken ik niet: gebruik een naam als Europe/Amsterdam of Europe/Brussels."
        ) from None


EERSTE_JAAR, LAATSTE_JAAR = 1900, 2999
_DATUMTIJD = re.compile(
    r"^(?P<j>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<u>\d{1,2})[:.](?P<mi>\d{2}))?$"
)


def lees_datumtijd(tekst: str, zone: ZoneInfo) -> datetime:
    """A local start moment such as '2026-12-01T13:30' or '2026-12-01 13:30' in `zone`."""
    gevonden = _DATUMTIJD.match(tekst.strip())
    if not gevonden:
        raise InvoerFout(
            f"--start '{tekst}' is geen datum en tijd: schrijf bijvoorbeeld 2026-12-01T13:30."
        )
    jaar = int(gevonden["j"])
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        # Far-off years overflow the clock arithmetic (and no workshop is planned there).
        raise InvoerFout(
            f"--start '{tekst}' ligt buiten de kalender van de planner: kies een jaar van "
            f"{EERSTE_JAAR} tot en met {LAATSTE_JAAR}."
        )
    try:
        lokaal = datetime(
            jaar, int(gevonden["m"]), int(gevonden["d"]),
            int(gevonden["u"] or 9), int(gevonden["mi"] or 0), tzinfo=zone,
        )
    except ValueError:
        raise InvoerFout(
            f"--start '{tekst}' bestaat niet in de kalender: controleer dag, maand en uur."
        ) from None
    if not bestaat(lokaal):
        raise InvoerFout(
            f"--start '{tekst}' valt in de zomertijdsprong en bestaat niet in {zone.key}: "
            "kies een uur later of eerder."
        )
    return lokaal


def bestaat(lokaal: datetime) -> bool:
    """False for a wall-clock time skipped by a daylight-saving change."""
    heen_terug = lokaal.astimezone(UTC).astimezone(lokaal.tzinfo)
    return heen_terug.replace(tzinfo=None) == lokaal.replace(tzinfo=None)


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
