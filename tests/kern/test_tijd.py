import contextlib
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.kern.fouten import InvoerFout
from planner.kern.tijd import (
    lees_datumtijd,
    lees_duur,
    lees_interval,
    lees_kloktijd,
    lees_zone,
    toon_datum,
    toon_duur,
    verleden_melding,
)
from tests.conftest import AMS


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
        lees_datumtijd("2027-02-30T10:00", AMS, NU)


def test_beide_schrijfwijzen_van_start():
    verwacht = datetime(2026, 12, 1, 13, 30, tzinfo=AMS)
    assert lees_datumtijd("2026-12-01T13:30", AMS, NU) == verwacht
    assert lees_datumtijd("2026-12-01 13:30", AMS, NU) == verwacht


def test_tijd_in_de_zomertijdsprong_bestaat_niet():
    with pytest.raises(InvoerFout, match="zomertijd"):
        lees_datumtijd("2027-03-28T02:30", AMS, NU)


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


# --- Dutch dates and times (issue 12) ---------------------------------------------------------------

NU = datetime(2026, 11, 23, 10, 15, tzinfo=AMS)  # a Monday
DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
KORTE_DAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
KORTE_MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("2026-12-01T13:30", datetime(2026, 12, 1, 13, 30)),
        ("2026-12-01 13:30", datetime(2026, 12, 1, 13, 30)),
        ("2026-12-01T13:30:00", datetime(2026, 12, 1, 13, 30)),
        ("1-12-2026 13:30", datetime(2026, 12, 1, 13, 30)),
        ("01-12-2026 13.30", datetime(2026, 12, 1, 13, 30)),
        ("1/12/2026 13:30", datetime(2026, 12, 1, 13, 30)),
        ("1.12.2026 13:30", datetime(2026, 12, 1, 13, 30)),
        ("1-12-26 13:30", datetime(2026, 12, 1, 13, 30)),  # a two-digit year: this century
        ("01.12.26 9:00", datetime(2026, 12, 1, 9, 0)),
        ("dinsdag, 1 december om 13.30 uur", datetime(2026, 12, 1, 13, 30)),
        ("morgen om 13 uur", datetime(2026, 11, 24, 13, 0)),
        ("1 december 2026 13:30", datetime(2026, 12, 1, 13, 30)),
        ("1 dec 13:30", datetime(2026, 12, 1, 13, 30)),
        ("1 dec. 13:30", datetime(2026, 12, 1, 13, 30)),
        ("di 1 dec 13:30", datetime(2026, 12, 1, 13, 30)),
        ("Di. 1 Dec. 2026, 13.30", datetime(2026, 12, 1, 13, 30)),
        ("dinsdag 1 december 13:30", datetime(2026, 12, 1, 13, 30)),
        ("dinsdag 13:30", datetime(2026, 11, 24, 13, 30)),
        ("maandag 13:30", datetime(2026, 11, 23, 13, 30)),  # today counts
        ("zo 9:00", datetime(2026, 11, 29, 9, 0)),
        ("morgen 9:00", datetime(2026, 11, 24, 9, 0)),
        ("morgen om 9u", datetime(2026, 11, 24, 9, 0)),
        ("overmorgen 13u30", datetime(2026, 11, 25, 13, 30)),
        ("vandaag 14:00", datetime(2026, 11, 23, 14, 0)),
        ("gisteren 14:00", datetime(2026, 11, 22, 14, 0)),  # allowed; the CLI warns it has passed
        ("14:00", datetime(2026, 11, 23, 14, 0)),
        ("morgen", datetime(2026, 11, 24, 9, 0)),  # no time: 09:00, as without --start
        ("1 dec", datetime(2026, 12, 1, 9, 0)),
        ("1 jan 10:00", datetime(2027, 1, 1, 10, 0)),  # the next 1 January
        ("23 nov 8:00", datetime(2027, 11, 23, 8, 0)),  # its hour has passed today: the next one (issue 17)
        ("23 nov 11:00", datetime(2026, 11, 23, 11, 0)),  # still to come today: today
        ("29 feb 10:00", datetime(2028, 2, 29, 10, 0)),  # the next leap day
        ("1 maart 2027 9:00 uur", datetime(2027, 3, 1, 9, 0)),
        ("  1   december   2026   13:30 ", datetime(2026, 12, 1, 13, 30)),
    ],
)
def test_nederlandse_datums(tekst, verwacht):
    assert lees_datumtijd(tekst, AMS, NU) == verwacht.replace(tzinfo=AMS)


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("wo 1 dec 2026 13:30", "1 december 2026 is een dinsdag, geen woensdag"),
        ("zondag 1-12-2026", "is een dinsdag, geen zondag"),
        ("ma morgen", "is een dinsdag, geen maandag"),
        ("31 april 10:00", "bestaat niet in de kalender"),
        ("1-13-2026 10:00", "bestaat niet in de kalender"),
        ("1 dec 24:00", "bestaat niet in de kalender"),
        ("1 dec 13:60", "bestaat niet in de kalender"),
        ("2026-12-01T13:30:15", "is geen datum en tijd"),
        ("1 decembre 13:30", "is geen datum en tijd"),
        ("dinsdag woensdag", "is geen datum en tijd"),
        ("morgen 13", "is geen datum en tijd"),  # a bare number is no clock time
        ("morgen 25 uur", "bestaat niet in de kalender"),
        ("morgen 9:00 extra", "is geen datum en tijd"),
        ("13:30 morgen", "is geen datum en tijd"),
        ("", "is geen datum en tijd"),
        ("1 dec 0999", "buiten de kalender van de planner"),
        ("1-12-0999", "buiten de kalender van de planner"),
        ("1-12-3000", "buiten de kalender van de planner"),
    ],
)
def test_onjuiste_datums_geven_een_zin(tekst, melding):
    with pytest.raises(InvoerFout, match=melding):
        lees_datumtijd(tekst, AMS, NU)


def test_de_naam_van_de_optie_staat_in_de_melding():
    with pytest.raises(InvoerFout, match="^--nu 'straks'"):
        lees_kloktijd("straks", AMS, date(2026, 12, 1), NU)


def test_kale_kloktijd_voor_nu_op_de_dag_van_de_sessie():
    assert lees_kloktijd("14:40", AMS, date(2026, 12, 1), NU) == datetime(2026, 12, 1, 14, 40, tzinfo=AMS)
    assert lees_kloktijd("14.40", AMS, date(2026, 12, 1), NU) == datetime(2026, 12, 1, 14, 40, tzinfo=AMS)
    # A full date still wins over the session's day.
    assert lees_kloktijd("morgen 9:00", AMS, date(2026, 12, 1), NU) == datetime(2026, 11, 24, 9, 0, tzinfo=AMS)


def test_verleden_wordt_gemeld_niet_geweigerd():
    verleden = lees_datumtijd("1-11-2026 13:30", AMS, NU)
    assert verleden == datetime(2026, 11, 1, 13, 30, tzinfo=AMS)
    assert "ligt in het verleden" in (verleden_melding(verleden, NU) or "")
    assert verleden_melding(lees_datumtijd("morgen 9:00", AMS, NU), NU) is None


def test_nu_in_een_andere_zone_telt_in_de_gevraagde_zone():
    # 23:30 UTC on 23 November is already the 24th in Amsterdam: 'vandaag' is the 24th.
    nu = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert lees_datumtijd("vandaag 10:00", AMS, nu).date() == date(2026, 11, 24)


momenten = st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2998, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=AMS)).filter(
    lambda d: d.astimezone(UTC).astimezone(AMS).replace(tzinfo=None) == d.replace(tzinfo=None))


def _met_jaar(d: datetime, stijl: int) -> str:
    klok, punt = f"{d.hour}:{d.minute:02d}", f"{d.hour:02d}.{d.minute:02d}"
    return [
        f"{d:%Y-%m-%dT%H:%M}",
        f"{d:%Y-%m-%d %H:%M}",
        f"{d.day}-{d.month}-{d.year} {klok}",
        f"{d:%d-%m-%Y} {punt}",
        f"{d.day} {MAANDEN[d.month - 1]} {d.year} {klok}",
        f"{d.day} {KORTE_MAANDEN[d.month - 1]} {d.year} {klok}",
        f"{KORTE_DAGEN[d.weekday()]} {d.day} {KORTE_MAANDEN[d.month - 1]} {d.year} {klok}",
        f"{DAGEN[d.weekday()].capitalize()} {d.day} {MAANDEN[d.month - 1].capitalize()} {d.year}, {punt}",
        f"{d.day}/{d.month}/{d.year} {klok}",
    ][stijl]


@settings(max_examples=300)
@given(momenten, st.integers(0, 8))
def test_elke_schrijfwijze_met_jaar_geeft_hetzelfde_moment(moment, stijl):
    assert lees_datumtijd(_met_jaar(moment, stijl), AMS, NU) == moment


@settings(max_examples=300)
@given(momenten, st.integers(0, 300), st.integers(0, 3))
def test_schrijfwijzen_zonder_jaar_geven_de_eerstvolgende(moment, dagen_ervoor, stijl):
    nu = moment - timedelta(days=dagen_ervoor)
    klok = f"{moment.hour}:{moment.minute:02d}"
    tekst = [
        f"{moment.day} {KORTE_MAANDEN[moment.month - 1]} {klok}",
        f"{KORTE_DAGEN[moment.weekday()]} {moment.day} {MAANDEN[moment.month - 1]} {klok}",
        f"{moment.day}-{moment.month} {klok}",
        f"{moment.day} {MAANDEN[moment.month - 1]} om {klok}",
    ][stijl]
    if moment.month == 2 and moment.day == 29 and dagen_ervoor > 0:
        return  # the next 29 February from an earlier year is a later leap day, on purpose
    assert lees_datumtijd(tekst, AMS, nu) == moment


@given(momenten, st.integers(0, 6), st.booleans())
def test_dagnaam_alleen_is_de_eerstvolgende_zulke_dag(moment, dagen_ervoor, kort):
    nu = moment - timedelta(days=dagen_ervoor)
    dag = (KORTE_DAGEN if kort else DAGEN)[moment.weekday()]
    assert lees_datumtijd(f"{dag} {moment:%H:%M}", AMS, nu) == moment


@given(momenten, st.sampled_from([("vandaag", 0), ("morgen", 1), ("overmorgen", 2)]))
def test_vandaag_morgen_overmorgen(moment, woord):
    naam, dagen = woord
    nu = moment - timedelta(days=dagen)
    assert lees_datumtijd(f"{naam} {moment:%H:%M}", AMS, nu) == moment


@given(momenten, st.integers(1, 6), st.integers(0, 2))
def test_dagnaam_die_de_datum_tegenspreekt_wordt_geweigerd(moment, verschuiving, stijl):
    fout = DAGEN[(moment.weekday() + verschuiving) % 7]
    tekst = [f"{fout} {moment.day}-{moment.month}-{moment.year} {moment:%H:%M}",
             f"{fout[:2]} {moment.day} {MAANDEN[moment.month - 1]} {moment.year}",
             f"{fout} {moment:%Y-%m-%d}"][stijl]
    with pytest.raises(InvoerFout, match="geen " + fout):
        lees_datumtijd(tekst, AMS, NU)


@given(st.text(max_size=40))
def test_onzin_geeft_alleen_invoerfout(tekst):
    with contextlib.suppress(InvoerFout):
        lees_datumtijd(tekst, AMS, NU)


@given(st.lists(st.sampled_from(["di", "dinsdag", "1", "12", "dec", "2026", "13:30", "13.30", "om", "uur",
                                 "morgen", "1-12-2026", "2026-12-01", "29", "feb", "-", "99:99", "0"]),
                max_size=6))
def test_bijna_datums_geven_alleen_invoerfout(woorden):
    with contextlib.suppress(InvoerFout):
        lees_datumtijd(" ".join(woorden), AMS, NU)


@pytest.mark.parametrize("tekst", ["9" * 5000, "1 dec " + "9" * 5000, "1-12-" + "9" * 400 + " 13:30",
                                   "9" * 400 + ":30", "morgen " + "9" * 5000 + " uur"])
def test_reuzengetallen_in_een_datum_zijn_een_korte_zin(tekst: str) -> None:
    for lees in (lambda: lees_datumtijd(tekst, AMS, NU), lambda: lees_kloktijd(tekst, AMS, date(2026, 12, 1), NU)):
        with pytest.raises(InvoerFout) as gevangen:
            lees()
        assert len(str(gevangen.value)) < 300  # what was typed is quoted shortened


@settings(max_examples=300, deadline=None)
@given(
    nu=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2040, 12, 31)),
    dag=st.sampled_from(DAGEN + KORTE_DAGEN),
    uur=st.integers(0, 23),
    minuut=st.sampled_from([0, 15, 30, 59]),
    maanddag=st.integers(1, 28),
    maand=st.sampled_from(KORTE_MAANDEN),
)
def test_dagnaam_of_datum_zonder_jaar_ligt_nooit_in_het_verleden(nu, dag, uur, minuut, maanddag, maand):
    """'dinsdag 13:30' and '1 dec 13:30' name the next such moment that is still to come, so an
    example in the README or --help never lands in the past, whatever day it is run (issue 17)."""
    nu = nu.replace(tzinfo=AMS)
    tijd = f"{uur}:{minuut:02d}"
    for tekst in (f"{dag} {tijd}", f"{maanddag} {maand} {tijd}"):
        with contextlib.suppress(InvoerFout):  # a time in the summer-time gap does not exist
            moment = lees_datumtijd(tekst, AMS, nu)
            assert nu <= moment < nu + timedelta(days=366), tekst
            assert (moment.hour, moment.minute) == (uur, minuut)
            if tekst.startswith(dag):
                assert moment - nu <= timedelta(days=7, hours=1)  # this week's, or next week's


@pytest.mark.parametrize("naam", ["--interval", "--herhaling"])
@pytest.mark.parametrize("tekst", ["7", " 3 ", "14"])
def test_kaal_getal_als_interval_wordt_geweigerd_met_de_vormen(naam: str, tekst: str) -> None:
    """'--herhaling 3' put the follow-up 3 minutes after the start (19.4): now one sentence with the forms."""
    with pytest.raises(InvoerFout) as gevangen:
        lees_interval(tekst, naam=naam)
    zin = str(gevangen.value)
    getal = tekst.strip()
    assert zin.startswith(f"{naam} '{tekst}' heeft geen eenheid")
    assert all(f"{getal}{eenheid}" in zin for eenheid in ("d", "w", "mnd", "u")) and zin.count(".") == 1


def test_kaal_getal_mag_waar_minuten_bedoeld_zijn() -> None:
    assert lees_interval("15", naam="--herinnering", kaal_getal=True).minuten == 15


# A clock change inside a stretch of time (leftover of issue 19.4) ---------------------------------

@pytest.mark.parametrize(("begin", "eind", "na", "verschuiving"), [
    (datetime(2027, 3, 28, 1, 30), datetime(2027, 3, 28, 5, 0), (3, 0), 60),
    (datetime(2027, 10, 31, 1, 30), datetime(2027, 10, 31, 2, 59), (2, 0), -60),
])
def test_klokwissel_vindt_de_sprong_en_de_richting(begin, eind, na, verschuiving):
    from planner.kern.tijd import klokwissel

    wissel = klokwissel(begin.replace(tzinfo=AMS), eind.replace(tzinfo=AMS, fold=1))
    assert wissel is not None
    moment, minuten = wissel
    assert (moment.hour, moment.minute, minuten) == (*na, verschuiving)


@given(st.integers(min_value=0, max_value=400 * 24 * 60), st.integers(min_value=1, max_value=8 * 60))
@settings(max_examples=200, deadline=None)
def test_klokwissel_alleen_als_de_offset_verandert(begin_min, duur):
    from planner.kern.tijd import klokwissel, plus_minuten

    begin = plus_minuten(datetime(2027, 1, 1, tzinfo=AMS), begin_min)
    eind = plus_minuten(begin, duur)
    wissel = klokwissel(begin, eind)
    assert (wissel is None) == (begin.utcoffset() == eind.utcoffset())
    if wissel is not None:
        assert begin.timestamp() < wissel[0].timestamp() <= eind.timestamp()
        assert wissel[0].utcoffset() == eind.utcoffset()


# One rounding rule for moments and minutes (issue 22) ----------------------------------------------

@pytest.mark.parametrize(("seconde", "minuut"), [(0, 5), (29, 5), (30, 6), (40, 6), (59, 6)])
def test_op_de_minuut_half_naar_boven(seconde, minuut):
    from planner.kern.tijd import kloktijd, op_de_minuut

    moment = datetime(2026, 12, 1, 13, 5, seconde, tzinfo=AMS)
    assert op_de_minuut(moment) == datetime(2026, 12, 1, 13, minuut, tzinfo=AMS)
    assert kloktijd(moment) == f"13:{minuut:02d}"


@given(st.integers(min_value=-10_000, max_value=10_000), st.integers(min_value=0, max_value=59))
def test_hele_minuten_is_dezelfde_regel_als_op_de_minuut(minuten, seconden):
    """Half a minute always goes up (Python's round() would send 78.5 to 78 and 79.5 to 80)."""
    from planner.kern.tijd import hele_minuten, op_de_minuut

    totaal = minuten * 60 + seconden
    assert hele_minuten(totaal) == minuten + (seconden >= 30)
    begin = datetime(2026, 12, 1, 12, 0, tzinfo=AMS)
    moment = begin + timedelta(seconds=totaal)
    assert op_de_minuut(moment) == begin + timedelta(minutes=hele_minuten(totaal))
