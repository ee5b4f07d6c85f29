"""The room view of `planner live --zaal`: served in-process with a fixed clock, fetched with urllib,
and looked at in a real browser (headless Chromium) when one is installed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from datetime import timedelta

import pytest

from planner.bibliotheek import laden
from planner.kern.live_staat import LiveStaat
from planner.kern.planning import maak_plan
from planner.kern.vraag import Vraag
from planner.live.zaal import ZaalScherm
from tests.conftest import start


class Klok:
    def __init__(self, tekst: str) -> None:
        self.nu = start(tekst)

    def __call__(self):
        return self.nu


@pytest.fixture
def zaal():
    plan = maak_plan(laden.vind("ambitiegesprek"), Vraag(groep=5, tijd_min=120, start=start("2026-12-01T13:00")))
    klok = Klok("2026-12-01T12:55")
    staat = LiveStaat(plan)
    server = ZaalScherm(staat, klok, poort=0)
    yield server, staat, klok
    server.stop()


def _haal(adres: str) -> dict:
    with urllib.request.urlopen(adres, timeout=5) as antwoord:
        return json.loads(antwoord.read())


def test_de_stand_volgt_het_scherm_van_de_begeleider(zaal):
    server, staat, klok = zaal
    assert server.adres.startswith("http://127.0.0.1:")
    voor = _haal(server.adres + "stand.json")
    assert voor["toestand"] == "wacht" and voor["resterend_s"] == 300
    assert voor["onderdeel"]["titel"].startswith("Contracteren")
    staat.begin(start("2026-12-01T13:00"))
    klok.nu = start("2026-12-01T13:07")
    tijdens = _haal(server.adres + "stand.json")
    assert tijdens["toestand"] == "loopt" and tijdens["resterend_s"] == 180
    staat.volgend_onderdeel(klok.nu)
    volgende = _haal(server.adres + "stand.json")
    assert volgende["onderdeel"]["titel"].startswith("Focus")
    staat.pauzeer(klok.nu)
    assert _haal(server.adres + "stand.json")["toestand"] == "pauze"


def test_de_zaal_ziet_de_vragen_maar_geen_instructies_voor_de_begeleider(zaal):
    server, staat, klok = zaal
    staat.begin(start("2026-12-01T13:00"))
    stand = _haal(server.adres + "stand.json")
    tekst = json.dumps(stand, ensure_ascii=False)
    o = staat.huidig
    instructies = [s.tekst for s in o.stappen if s.soort == "instructie"]
    assert instructies and not any(i in tekst for i in instructies)
    vragen = [s.tekst for s in o.stappen if s.soort == "vraag"]
    assert [v["tekst"] for v in stand["onderdeel"]["vragen"]] == vragen
    # Nothing about being behind: that is for the facilitator.
    assert "achter" not in tekst and "verschil" not in stand


def test_alleen_lezen_en_zonder_opmaak_van_buiten(zaal):
    server, _, _ = zaal
    with urllib.request.urlopen(server.adres, timeout=5) as antwoord:
        html = antwoord.read().decode()
        beleid = antwoord.headers["Content-Security-Policy"]
    assert "Ambitiegesprek" in html and "stand.json" in html
    # Only the page's own script runs.
    nonce = re.search(r'<script nonce="([^"]+)">', html).group(1)
    assert f"'nonce-{nonce}'" in beleid and "default-src 'none'" in beleid
    verzoek = urllib.request.Request(server.adres + "stand.json", data=b"x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as fout:
        urllib.request.urlopen(verzoek, timeout=5)
    assert fout.value.code == 405
    with pytest.raises(urllib.error.HTTPError) as fout:
        urllib.request.urlopen(server.adres + "../etc/passwd", timeout=5)
    assert fout.value.code == 404


def test_open_in_het_netwerk_alleen_met_de_sleutel_in_het_adres():
    plan = maak_plan(laden.vind("ambitiegesprek"), Vraag(groep=5, tijd_min=120, start=start("2026-12-01T13:00")))
    server = ZaalScherm(LiveStaat(plan), Klok("2026-12-01T12:55"), poort=0, open_=True)
    try:
        assert len(server.token) >= 12 and f"/{server.token}/" in server.adres
        lokaal = f"http://127.0.0.1:{server.poort}"
        with pytest.raises(urllib.error.HTTPError) as fout:
            urllib.request.urlopen(lokaal + "/stand.json", timeout=5)
        assert fout.value.code == 404
        assert _haal(f"{lokaal}/{server.token}/stand.json")["toestand"] == "wacht"
    finally:
        server.stop()


def test_een_bezette_poort_is_een_zin():
    plan = maak_plan(laden.vind("ambitiegesprek"), Vraag(groep=5, tijd_min=120, start=start("2026-12-01T13:00")))
    eerste = ZaalScherm(LiveStaat(plan), Klok("2026-12-01T12:55"), poort=0)
    try:
        from planner.kern.fouten import InvoerFout

        with pytest.raises(InvoerFout, match="--zaal-poort") as fout:
            ZaalScherm(LiveStaat(plan), Klok("2026-12-01T12:55"), poort=eerste.poort)
        # Dutch throughout, not the system's English 'Address already in use'.
        assert "al in gebruik" in str(fout.value) and "Address" not in str(fout.value), fout.value
    finally:
        eerste.stop()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _dom(adres: str) -> str:
    uit = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
                          "--dump-dom", adres], capture_output=True, text=True, timeout=60, check=True)
    return uit.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="geen Chromium")
def test_in_een_echte_browser_staat_het_onderdeel_en_loopt_de_klok(zaal):
    server, staat, klok = zaal
    staat.begin(start("2026-12-01T13:00"))
    klok.nu = start("2026-12-01T13:02")
    eerst = _dom(server.adres)
    assert re.search(r'id="titel">Contracteren', eerst)
    tijd = re.search(r'id="klok"[^>]*>(\d\d:\d\d)<', eerst).group(1)
    klok.nu += timedelta(minutes=3)
    daarna = _dom(server.adres)
    later = re.search(r'id="klok"[^>]*>(\d\d:\d\d)<', daarna).group(1)
    assert tijd.startswith("07:") or tijd.startswith("08:")
    assert later < tijd and later.startswith(("04:", "05:"))
    # The big figures are time left, and the room is told so: not a clock time.
    assert re.search(r'id="bijschrift">Nog voor dit onderdeel<', daarna)
    assert "Wanneer is dit voor iedereen een waardevol gesprek?" in daarna


def test_het_adres_van_het_zaalscherm_blijft_onder_de_hulp_en_de_toetsen_kloppen_voor_de_start():
    import asyncio

    from planner.live.app import TOETSEN_VOOR, LiveApp
    from planner.live.dialogen import Hulp

    plan = maak_plan(laden.vind("ambitiegesprek"), Vraag(groep=5, tijd_min=120, start=start("2026-12-01T13:00")))
    klok = Klok("2026-12-01T12:55")
    app = LiveApp(LiveStaat(plan), klok, tik=3600)
    app.zaal = "Zaalscherm: open http://127.0.0.1:8765/ op de projector (alleen-lezen)."

    async def rijden() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "nu beginnen" in str(app.query_one("#toetsen").render()) and "klaar, volgende" not in TOETSEN_VOOR
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, Hulp)
            tekst = str(app.screen.query_one("Static").render())
            assert tekst.startswith("Zaalscherm: open http://127.0.0.1:8765/")
            assert app.screen.query_one("Static").border_subtitle == "een toets sluit deze hulp"

    asyncio.run(rijden())


def test_de_kop_houdt_de_afgesproken_tijden_leesbaar_op_80_kolommen():
    import asyncio

    from planner.live.app import LiveApp

    plan = maak_plan(laden.vind("kickoff"), Vraag(groep=12, tijd_min=120, start=start("2026-12-01T13:00")))
    app = LiveApp(LiveStaat(plan), Klok("2026-12-01T13:05"), tik=3600)

    async def rijden() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            kop = str(app.query_one("#kop").render())
            assert kop.endswith("sessie 1 van 2 · afgesproken 13:00–15:00") and "…" in kop

    asyncio.run(rijden())
