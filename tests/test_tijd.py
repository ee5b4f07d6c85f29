from datetime import UTC, datetime, timedelta

import pytest

from planner.fouten import InvoerFout
from planner.tijd import lees_datumtijd, lees_duur, lees_interval, lees_zone, toon_datum, toon_duur

from .conftest import AMS


@pytest.mark.parametrize(
    ("tekst", "minuten"),
    [("90", 90), ("90m", 90), ("90 min", 90), ("1u30", 90), ("1:30", 90), ("1,5u", 90), ("1.5h", 90),
     ("2u", 120), ("2h", 120), ("1h30m", 90), ("1u 30m", 90), ("45", 45), ("3 uur", 180)],
)
def test_duur_in_alle_schrijfwijzen(tekst, minuten):
    assert lees_duur(tekst) == minuten


@pytest.mark.parametrize("tekst", ["lang", "", "0", "0u", "-2u", "\u22122u", "2x", "1:75", "u30", "twee uur"])
def test_onzin_duur_geeft_nederlandse_fout(tekst):
    with pytest.raises(InvoerFout) as fout:
        lees_duur(tekst)
    assert "--tijd" in str(fout.value)


def test_datum_die_niet_bestaat():
    with pytest.raises(InvoerFout, match="bestaat niet in de kalender"):
        lees_datumtijd("2027-02-30T10:00", AMS)


def test_beide_schrijfwijzen_van_start():
    verwacht = datetime(2026, 12, 1, 13, 30, tzinfo=AMS)
    assert lees_datumtijd("2026-12-01T13:30", AMS) == verwacht
    assert lees_datumtijd("2026-12-01 13:30", AMS) == verwacht


def test_tijd_in_de_zomertijdsprong_bestaat_niet():
    with pytest.raises(InvoerFout, match="zomertijd"):
        lees_datumtijd("2027-03-28T02:30", AMS)


def test_onbekende_zone():
    with pytest.raises(InvoerFout, match="Tijdzone"):
        lees_zone("Mars/Olympus")
    with pytest.raises(InvoerFout):
        lees_zone("../../etc/passwd")


def test_interval_in_dagen_houdt_de_kloktijd_over_zomertijd_heen():
    voor = datetime(2026, 10, 20, 13, 30, tzinfo=AMS)  # CEST, UTC+2
    na = lees_interval("7d").na(voor)
    assert (na.hour, na.minute) == (13, 30)
    assert na.utcoffset() == timedelta(hours=1)  # CET after 25 October
    assert na.astimezone(UTC) - voor.astimezone(UTC) == timedelta(days=7, hours=1)


def test_interval_in_maanden_en_weken():
    begin = datetime(2026, 1, 31, 9, 0, tzinfo=AMS)
    assert lees_interval("1mnd").na(begin).date().isoformat() == "2026-02-28"
    assert lees_interval("2w").na(begin).date().isoformat() == "2026-02-14"


def test_nederlandse_weergave():
    assert toon_duur(90) == "1u30"
    assert toon_duur(45) == "45 min"
    assert toon_duur(120) == "2u"
    assert toon_datum(datetime(2026, 12, 1)) == "dinsdag 1 december 2026"


@pytest.mark.parametrize("tekst", ["1u61", "1h90m", "2u60"])
def test_minuten_na_uren_onder_60(tekst: str) -> None:
    with pytest.raises(InvoerFout, match="minder dan 60"):
        lees_duur(tekst)


@pytest.mark.parametrize("tekst", ["1u59", "90", "90m", "1:30", "120m"])
def test_gewone_duren_blijven_goed(tekst: str) -> None:
    assert lees_duur(tekst) > 0


@pytest.mark.parametrize("cijfers", [7, 400, 5000])
@pytest.mark.parametrize("lezer", [lees_duur, lees_interval])
def test_reuzengetallen_zijn_een_zin(cijfers: int, lezer) -> None:
    tekst = "9" * cijfers
    with pytest.raises(InvoerFout, match="veel te groot") as gevangen:
        lezer(tekst)
    assert len(str(gevangen.value)) < 200  # the number is quoted shortened, not 5,000 digits long
