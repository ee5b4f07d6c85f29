"""`planner live` driven headless: Textual's pilot, an injected clock, no sleeping."""

from __future__ import annotations

import asyncio
import html
import re
from datetime import timedelta

from planner.bibliotheek import laden
from planner.cli.bestanden import schrijf
from planner.kern.live_staat import LiveStaat
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from planner.live.app import LiveApp, klokduur, verschil_tekst
from planner.live.terugblik import lees_log, render_terugblik
from tests.conftest import start


class Klok:
    """A clock the test moves by hand."""

    def __init__(self, tekst: str) -> None:
        self.nu = start(tekst)

    def __call__(self):
        return self.nu

    def verder(self, minuten: float) -> None:
        self.nu += timedelta(minutes=minuten)


def _logrijen(log) -> list[dict[str, str]]:
    import csv

    return list(csv.DictReader(log.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))


def _app(klok: Klok, log=None, naam: str = "ambitiegesprek") -> LiveApp:
    plan = maak_plan(laden.vind(naam), Vraag(groep=5, tijd_min=120, start=start("2026-12-01T13:00")))
    # A long tick: the test calls tel() itself whenever its clock moved.
    return LiveApp(LiveStaat(plan), klok, log=log, tik=3600,
                   schrijf=lambda pad, tekst: schrijf(pad, tekst, force=True))


def _scherm(app: LiveApp) -> str:
    """The screen's text, from the SVG screenshot Textual exports."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def test_klokduur_en_verschil():
    assert klokduur(timedelta(minutes=12, seconds=34)) == "12:34"
    assert klokduur(timedelta(seconds=-133)) == "+02:13"
    assert klokduur(timedelta(hours=1, minutes=2, seconds=3)) == "1:02:03"
    assert verschil_tekst(4) == "4 min achter" and verschil_tekst(-2) == "2 min voor"


def test_door_de_sessie_met_toetsen(tmp_path):
    klok = Klok("2026-12-01T13:00")
    log = tmp_path / "log.csv"
    app = _app(klok, log)

    async def rijden():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.staat.huidig.id == "contracteren"
            assert "Contracteren" in _scherm(app) and "spatie" in _scherm(app)
            klok.verder(12)
            app.tel()
            await pilot.press("space")
            assert app.staat.huidig.id == "focus"
            await pilot.pause()
            scherm = _scherm(app)
            assert "Aangepast" in scherm  # what changed is on the screen
            await pilot.press("plus", "plus")
            assert app.staat.huidig.duur_min == 7
            await pilot.press("z")
            assert app.staat.huidig.duur_min == 6
            await pilot.press("question_mark")
            await pilot.pause()
            assert "Toetsen" in _scherm(app)
            await pilot.press("x")  # any key closes the help
            klok.verder(20)
            app.tel()
            await pilot.pause()
            assert app.query_one("#balk").has_class("rood")
            scherm = _scherm(app)
            # Over time, the digits count on; the ambitiegesprek's later parts can still absorb it.
            assert "OVER TIJD" in scherm and app.staat.resterend(klok()) == timedelta(minutes=-14)
            assert "Verwacht einde 15:00 · afgesproken 15:00 · op schema" in scherm
            await pilot.press("q")
            await pilot.press("n")  # not 'j': carry on
            assert app.is_running
            await pilot.press("ctrl+c")
            await pilot.press("j")
            await pilot.pause()
        return app.return_value

    assert asyncio.run(rijden()) == 0
    regels = {r.id: r for r in lees_log(log)}
    assert regels["contracteren"].werkelijk_min == 12
    assert regels["focus"].status == "gestopt"


def test_aftellen_tot_een_latere_start():
    klok = Klok("2026-12-01T12:50")
    app = _app(klok)

    async def rijden():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not app.staat.gestart and "begint om 13:00" in _scherm(app)
            klok.verder(10)
            app.tel()
            await pilot.pause()
            assert app.staat.gestart and app.staat.huidig.start == start("2026-12-01T13:00")

    asyncio.run(rijden())


def test_na_een_crash_staat_alles_behalve_het_lopende_onderdeel_in_het_log(tmp_path):
    klok = Klok("2026-12-01T13:00")
    log = tmp_path / "log.csv"
    app = _app(klok, log)

    async def rijden():
        async with app.run_test(size=(100, 30)) as pilot:
            for minuten in (11, 4, 25):
                klok.verder(minuten)
                await pilot.press("enter")
            # The laptop lid closes here: no 'q', no clean end. The log on disk is all there is.
            return log.read_bytes()

    na_crash = asyncio.run(rijden())
    assert na_crash.startswith("\ufeff".encode())
    geschreven = tmp_path / "na-crash.csv"
    geschreven.write_bytes(na_crash)
    regels = lees_log(geschreven)
    gedaan = [r.id for r in regels if r.status == "gedaan"]
    assert gedaan == ["contracteren", "focus", "wensen"]
    assert [r.id for r in regels if r.status == "bezig"] == ["ambities"]
    tekst = render_terugblik(regels)
    assert "geen einde" in tekst and "Totaal" in tekst


def test_klein_scherm_zonder_kleur(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    klok = Klok("2026-12-01T13:00")
    app = _app(klok)

    async def rijden():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            scherm = _scherm(app)
            # The footer with the keys and the projection both fit on an 80x24 screen.
            assert "q stoppen" in scherm and "afgesproken" in scherm

    asyncio.run(rijden())


def test_de_balk_kleurt_oranje_en_rood_naarmate_de_tijd_opraakt():
    klok = Klok("2026-12-01T13:00")
    app = _app(klok)

    async def rijden():
        klassen = []
        async with app.run_test(size=(80, 24)) as pilot:
            for minuten in (0, 8, 1.5, 1.5):  # contracteren: 10 minuten
                klok.verder(minuten)
                app.tel()
                await pilot.pause()
                klassen.append(set(app.query_one("#balk").classes))
        return klassen

    assert asyncio.run(rijden()) == [set(), {"amber"}, {"rood"}, {"rood"}]


def test_tekst_uit_de_data_is_geen_opmaak_en_geen_stuurteken():
    """A title with Textual/rich markup or an escape sequence is shown as the text it is."""
    from planner.kern.planning import lees_agendapunt
    from planner.live.app import platte_tekst

    kwaad = "[/b] [b]vet[/b] [link]y \x1b]0;gekaapt\x07"
    assert platte_tekst(kwaad).plain == "[/b] [b]vet[/b] [link]y \\x1b]0;gekaapt\\x07"
    plan = maak_plan(laden.vind("ambitiegesprek"),
                     Vraag(groep=5, tijd_min=120, start=start("2026-12-01T13:00"),
                           vooraf=(lees_agendapunt(f"{kwaad}=10m", "--vooraf", set()),)))
    klok = Klok("2026-12-01T13:00")
    app = LiveApp(LiveStaat(plan), klok, tik=3600)

    async def rijden():
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            scherm = _scherm(app)
            assert "[/b] [b]vet[/b]" in scherm and "\\x1b]0;gekaapt" in scherm
            assert "\x1b" not in scherm and "\x07" not in scherm

    asyncio.run(rijden())


def test_niets_terug_te_zetten_of_over_te_slaan_zegt_dat():
    # The ambitiegesprek has no optional part; once every step is undone there is nothing left to undo.
    klok = Klok("2026-12-01T13:00")
    app = _app(klok)

    async def rijden():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.staat.geschiedenis.clear()
            await pilot.press("z")
            await pilot.pause()
            assert app.melding == "Er is niets om terug te zetten."
            await pilot.press("o")
            await pilot.pause()
            assert app.melding == "Er is geen optioneel onderdeel meer om over te slaan."
            assert app.staat.huidig.id == "contracteren"

    asyncio.run(rijden())


def test_spatie_en_enter_sluiten_een_dialoog_en_beeindigen_geen_onderdeel():
    klok = Klok("2026-12-01T13:00")
    app = _app(klok)

    async def rijden():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for dialoog in ("question_mark", "q", "r"):
                for toets in ("space", "enter"):
                    await pilot.press(dialoog)
                    await pilot.pause()
                    await pilot.press(toets)
                    await pilot.pause()
                    assert app.staat.huidig.id == "contracteren" and not app.staat.klaar, (dialoog, toets)
                    assert app.screen is app.screen_stack[0]
            for _ in range(30):
                if app.staat.klaar:
                    break
                klok.verder(1)
                await pilot.press("space")
                await pilot.pause()
            assert app.staat.klaar and "spatie/enter klaar" not in _scherm(app)

    asyncio.run(rijden())


def test_pauze_is_eigen_tijd_en_een_eigen_logrij(tmp_path):
    klok = Klok("2026-12-01T13:00")
    log = tmp_path / "log.csv"
    # The kickoff never shortens a part (R5): a pause makes the session run later.
    app = _app(klok, log, naam="kickoff")

    async def rijden():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            klok.verder(5)
            await pilot.press("p")
            klok.verder(10)
            app.tel()
            await pilot.pause()
            # While paused, the expected end moves: 10 minutes of pause, 10 min achter.
            assert app.staat.verschil_min(klok()) == 10
            await pilot.press("p")
            await pilot.pause()
            # The running part kept its 5 minutes left after the pause.
            assert app.staat.huidig.eind == start("2026-12-01T13:25")
            # Its title counts the pause in its minutes, and says so.
            titel = str(app.query_one("#nu").render())
            assert "(25 min, waarvan 10 min pauze, tot 13:25)" in titel, titel
            klok.verder(5)
            await pilot.press("space")
            await pilot.pause()

    asyncio.run(rijden())
    rijen = lees_log(log).rijen if hasattr(lees_log(log), "rijen") else None
    tekst = log.read_text(encoding="utf-8-sig").splitlines()
    ids = [r.split(";")[0] for r in tekst[1:]]
    assert len(ids) == len(set(ids)) and ids[1] == "pauze-1"
    eerste = tekst[1].split(";")
    assert eerste[6] == "-5" and eerste[7] == "gedaan"  # 10 of 15 min worked, the pause apart
    assert tekst[2].split(";")[7] == "pauze" and rijen is None


def test_plus_en_min_stoppen_bij_de_grenzen_met_een_reden():
    klok = Klok("2026-12-01T13:00")
    app = _app(klok)

    async def rijden():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(40):
                await pilot.press("plus")
            await pilot.pause()
            o = app.staat.huidig
            assert o.duur_min <= o.bron.max_minuten and "maximum" in app.melding
            for _ in range(40):
                await pilot.press("minus")
            await pilot.pause()
            o = app.staat.huidig
            assert o.duur_min >= o.bron.min_minuten and "minimum" in app.melding

    asyncio.run(rijden())


def test_later_einde_afspreken_herplant_en_staat_in_het_log(tmp_path):
    klok = Klok("2026-12-01T13:00")
    log = tmp_path / "log.csv"
    app = _app(klok, log)

    async def rijden():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "afronden om 14:53" in _scherm(app)
            await pilot.press("l")
            await pilot.pause()
            for teken in "15:15":
                await pilot.press(teken if teken != ":" else "colon")
            await pilot.pause()
            assert app.screen.query_one("#eind").value == "15:15"
            await pilot.press("enter")
            await pilot.pause()
            assert not app.melding, app.melding
            assert app.staat.afgesproken_eind == start("2026-12-01T15:15")
            assert app.staat.sessie.onderdelen[-1].eind == start("2026-12-01T15:15")
            assert "afronden om 15:08" in _scherm(app)

    asyncio.run(rijden())
    assert any(r["status"] == "afspraak" and "15:15" in r["titel"] for r in _logrijen(log))


def test_signaal_voor_en_aan_het_einde_en_nu_afronden():
    klok = Klok("2026-12-01T13:00")
    app = _app(klok)
    belletjes = []

    async def rijden():
        async with app.run_test(size=(100, 30)) as pilot:
            app.bell = lambda: belletjes.append(klok())
            await pilot.pause()
            app.tel()
            klok.verder(8.5)
            app.tel()
            klok.verder(2)
            app.tel()
            await pilot.pause()
            assert len(belletjes) == 2
            # Late into the clustering: at 14:53 the cue to close.
            klok.nu = start("2026-12-01T14:40")
            app.tel()
            await pilot.press("space")
            await pilot.pause()
            klok.nu = start("2026-12-01T14:52")
            app.tel()
            klok.nu = start("2026-12-01T14:53:30")
            app.tel()
            await pilot.pause()
            scherm = _scherm(app)
            assert "Nu afronden" in scherm or "NU AFRONDEN" in scherm, app.staat.huidig

    asyncio.run(rijden())


def test_afbreken_van_buiten_houdt_het_log_met_het_lopende_onderdeel(tmp_path):
    klok = Klok("2026-12-01T13:00")
    log = tmp_path / "log.csv"
    app = _app(klok, log)

    async def rijden():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            klok.verder(3)
            app._afbreken("INT")
            await pilot.pause()

    asyncio.run(rijden())
    assert app.return_code == 130
    assert _logrijen(log)[0]["status"] == "afgebroken"


def test_een_mislukt_log_wordt_nooit_als_bewaard_gemeld(tmp_path):
    from planner.cli.uitgang import Uitgang
    from planner.kern.fouten import BestandFout
    from planner.live.app import afsluiten

    klok = Klok("2026-12-01T13:00")
    log = tmp_path / "log.csv"
    vol = {"ja": False}

    def schrijf_tot_vol(pad, tekst):
        if vol["ja"]:
            raise BestandFout("De schijf is vol.")
        schrijf(pad, tekst, force=True)

    plan = maak_plan(laden.vind("ambitiegesprek"), Vraag(groep=5, tijd_min=120, start=start("2026-12-01T13:00")))
    app = LiveApp(LiveStaat(plan), klok, log=log, tik=3600, schrijf=schrijf_tot_vol)

    async def rijden():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            klok.verder(10)
            await pilot.press("space")
            vol["ja"] = True
            klok.verder(5)
            await pilot.press("space")
            await pilot.pause()

    asyncio.run(rijden())
    meldingen, uitvoer = [], []
    code = afsluiten(app, 0, meldingen.append, uitvoer.append, log_kwijt=Uitgang.BESTAND)
    assert code == Uitgang.BESTAND
    assert "niet volledig bewaard" in meldingen[0] and "13:10:00" in meldingen[0] and "Log bewaard" not in meldingen[0]
    assert "focus;" in uitvoer[0] and ";gedaan" in uitvoer[0].splitlines()[2]


def test_sessie_dagen_vooruit_toont_de_datum_en_een_voorbije_start_wordt_geweigerd():
    import pytest

    from planner.kern.fouten import InvoerFout

    plan = maak_plan(laden.vind("kickoff"), Vraag(groep=20, tijd_min=100, start=start("2026-12-01T13:00")))
    assert len(plan.sessies) > 1
    klok = Klok("2026-12-01T13:00")
    app = LiveApp(LiveStaat(plan, 2, nu=klok()), klok, tik=3600)

    async def rijden():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            scherm = _scherm(app)
            assert "begint op dinsdag 8 december 13:00" in scherm and "167:" not in scherm

    asyncio.run(rijden())
    with pytest.raises(InvoerFout, match="al voorbij"):
        LiveStaat(plan, 1, nu=start("2026-12-01T18:00"))


def test_een_klaar_blok_van_een_programma_is_niet_het_einde_van_de_dag():
    """Issue 23: in `planner live PROGRAMMA` a finished block names the next block, and q goes on to it."""
    klok = Klok("2026-12-01T13:00")
    app = _app(klok, naam="kennismaking")
    app.blok, app.verder = "blok 1 van 2", "14:00 Lunch, 14:45 Oefenen betekenisvol één-op-één-contact"
    app.staat.begin(klok())
    while not app.staat.klaar:
        app.staat.volgend_onderdeel(klok())

    async def rijden():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            scherm = _scherm(app)
            assert "blok 1 van 2" in scherm and "Blok klaar" in scherm and "Sessie klaar" not in scherm
            assert "Daarna: 14:00 Lunch" in scherm and "einde van de sessie" not in scherm
            assert "enter/q verder" in scherm
            await pilot.press("enter")  # a finished block closes without 'Stoppen?'
            await pilot.pause()
        return app.return_value

    assert asyncio.run(rijden()) == 0


def test_nu_afronden_staat_in_de_titel_op_het_moment_zelf():
    """At R8's moment the running part's title says 'NU AFRONDEN' on the tick that reaches it, not
    only after the next key (the title was drawn with the tick before)."""
    klok = Klok("2026-12-01T13:00")
    app = _app(klok)

    async def rijden():
        async with app.run_test(size=(100, 30)) as pilot:
            app.bell = lambda: None
            await pilot.pause()
            klok.nu = start("2026-12-01T14:40")
            app.tel()
            await pilot.press("space")
            await pilot.pause()
            klok.nu = start("2026-12-01T14:52")
            app.tel()
            klok.nu = start("2026-12-01T14:53:30")
            app.tel()
            await pilot.pause()
            titel = str(app.query_one("#nu").render())
            assert titel.startswith("NU AFRONDEN"), titel

    asyncio.run(rijden())


def test_over_tijd_met_ruimte_zegt_niet_dat_de_rest_korter_wordt():
    """The kickoff never shortens a part (R5): a second session planned 1u50 in 3u (13:30-15:20, as the
    participants were told) that runs its first part 15 minutes over is 15 minutes behind that end
    (issue 22: not 'voor' against 13:30 + 3u), and the screen never says 'de rest wordt korter'."""
    plan = maak_plan(laden.vind("kickoff"), Vraag(groep=20, tijd_min=180, start=start("2026-12-01T13:30")))
    klok = Klok("2026-12-08T13:30")
    app = LiveApp(LiveStaat(plan, sessienummer=2), klok, tik=3600)

    async def rijden():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            klok.verder(20)  # 'Welkom terug' (5 min) runs 15 minutes over
            app.tel()
            await pilot.pause()
            stand = str(app.query_one("#stand").render())
            assert "wordt korter" not in stand and "afgesproken 15:20 · 15 min achter" in stand, stand

    asyncio.run(rijden())


def test_later_einde_onleesbaar_zegt_wat_de_vraag_vraagt():
    """The dialog asks for UU:MM: a wrong answer gets one sentence that starts with a capital and
    gives a clock time as example, not dates ('dinsdag 13:30, 1 dec 13:30')."""
    klok = Klok("2026-12-01T13:00")
    app = _app(klok)

    async def rijden():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for antwoord in ("abc", "25:00"):
                await pilot.press("l")
                await pilot.pause()
                for teken in antwoord:
                    await pilot.press(teken if teken != ":" else "colon")
                await pilot.press("enter")
                await pilot.pause()
                assert app.melding.startswith(f"Het nieuwe einde '{antwoord}'"), app.melding
                assert "UU:MM" in app.melding and "dinsdag" not in app.melding, app.melding
            assert app.staat.afgesproken_eind == start("2026-12-01T15:00")

    asyncio.run(rijden())


def test_stoppen_zegt_niet_dat_het_log_bewaard_is_als_het_niet_bewaard_is(tmp_path):
    """With a log that cannot be written (a read-only folder, a full disk) the stop question said
    'j = ja, stoppen (het log is bewaard)'; without --log too. It says what is true."""
    from planner.kern.fouten import BestandFout

    def kan_niet(pad, tekst):
        raise BestandFout(f"Ik mag niet schrijven in '{pad.parent}': kies een map waar je schrijfrechten hebt.")

    for log, schrijver, verwacht in ((tmp_path / "ro" / "log.csv", kan_niet, "niet bewaard"),
                                     (None, None, None), (tmp_path / "log.csv", None, "het log is bewaard")):
        klok = Klok("2026-12-01T13:00")
        app = _app(klok, log)
        if schrijver is not None:
            app.schrijf = schrijver

        async def rijden(app=app, klok=klok, verwacht=verwacht):
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                klok.verder(1)
                await pilot.press("n")
                await pilot.pause()
                await pilot.press("q")
                await pilot.pause()
                scherm = _scherm(app)
                assert "Stoppen?" in scherm
                if verwacht is None:
                    assert "bewaard" not in scherm
                else:
                    assert verwacht in scherm, scherm
                    if verwacht == "niet bewaard":
                        assert "het log is bewaard" not in scherm
                await pilot.press("x")
                await pilot.pause()

        asyncio.run(rijden())
