"""Handouts (Markdown, HTML trainersraster, CSV), each checked by parsing what it wrote."""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import subprocess
import unicodedata
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.bibliotheek import laden, valideren
from planner.kern.model import Plan
from planner.kern.nodig import benodigdheden
from planner.kern.planning import maak_plan
from planner.kern.tijd import toon_datum
from planner.kern.vraag import Vraag
from planner.uitvoer import handout, render
from planner.uitvoer.html import SMALSTE_BLOK
from tests.vaste_klok import PLANNER

START = datetime(2026, 12, 1, 13, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _plan(naam: str = "kickoff", groep: int = 22, tijd: int | None = 120, locatie: str = "") -> Plan:
    return maak_plan(laden.vind(naam), Vraag(groep=groep, tijd_min=tijd, start=START, locatie=locatie))


def _onderdelen(plan: Plan):
    return [(s, o) for s in plan.sessies for o in s.onderdelen]


PLANNEN = [("kickoff", 22, 120), ("kickoff", 12, None), ("training", 16, None), ("kennismaking", 22, 60),
           ("kennismaking", 8, None), ("ambitiegesprek", 4, 150)]


def _planner(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*PLANNER, *args], cwd=cwd, capture_output=True, text=True)


# ------------------------------------------------------------------------------------------ CSV


@pytest.mark.parametrize("naam, groep, tijd", PLANNEN)
@pytest.mark.parametrize("scheiding", [";", ",", "\t"])
def test_csv_leest_terug_met_bom_en_scheiding(naam: str, groep: int, tijd: int | None, scheiding: str) -> None:
    plan = _plan(naam, groep, tijd)
    data = render("csv", plan, scheiding=scheiding)
    assert isinstance(data, bytes) and data.startswith(b"\xef\xbb\xbf")
    rijen = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=scheiding))
    kop, *rijen = rijen
    assert kop[:8] == ["sessie", "datum", "start", "eind", "minuten", "titel", "soort", "werkvorm"]
    verwacht = _onderdelen(plan)
    assert len(rijen) == len(verwacht)
    for rij, (sessie, o) in zip(rijen, verwacht, strict=True):
        waarden = dict(zip(kop, rij, strict=True))
        assert waarden["sessie"] == str(sessie.nummer)
        assert waarden["datum"] == o.start.date().isoformat()
        assert (waarden["start"], waarden["eind"]) == (f"{o.start:%H:%M}", f"{o.eind:%H:%M}")
        assert waarden["minuten"] == str(o.duur_min)
        assert waarden["titel"] == o.titel
        assert waarden["toegevoegd"] == ("ja" if o.toegevoegd else "nee")


def test_csv_komma_decimaal_bij_puntkomma() -> None:
    plan = _plan("kennismaking", 8, None)  # 20 min for 8 people: 2.5 min each
    for scheiding, getal in ((";", "2,5"), (",", "2.5")):
        tekst = render("csv", plan, scheiding=scheiding).decode("utf-8-sig")
        rijen = list(csv.DictReader(io.StringIO(tekst, newline=""), delimiter=scheiding))
        assert [r["per_persoon_min"] for r in rijen if r["per_persoon_min"]] == [getal]


def test_csv_module_gebruikt_de_standaardbibliotheek() -> None:
    import planner.uitvoer.csv as module

    assert module.csv is csv and module.csv.writer is csv.writer


def test_csv_via_cli_naar_bestand(tmp_path: Path) -> None:
    uit = _planner("plan", "training", "--groep", "12", "--format", "csv", "--csv-scheiding", "tab",
                   "--uitvoer", "agenda.csv", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    rijen = list(csv.reader(io.StringIO((tmp_path / "agenda.csv").read_text("utf-8-sig"), newline=""),
                            delimiter="\t"))
    assert len(rijen) == 1 + 7
    fout = _planner("plan", "training", "--groep", "12", "--format", "csv", "--csv-scheiding", "|", cwd=tmp_path)
    assert fout.returncode != 0
    assert fout.stderr.strip() == "planner: --csv-scheiding '|' kan niet: kies ';' (standaard), ',' of tab."


# ------------------------------------------------------------------------------------- Markdown


def _markdown_tabellen(tekst: str) -> list[list[list[str]]]:
    """Every pipe table: its rows (header and separator left out), cells split on unescaped '|'."""
    tabellen: list[list[list[str]]] = []
    huidig: list[list[str]] | None = None
    for regel in tekst.splitlines():
        if regel.startswith("|"):
            cellen = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", regel)[1:-1]]
            if huidig is None:
                huidig = []
                tabellen.append(huidig)
            huidig.append(cellen)
        else:
            huidig = None
    return [t[2:] for t in tabellen]


@pytest.mark.parametrize("naam, groep, tijd", PLANNEN)
def test_markdown_agenda_per_sessie(naam: str, groep: int, tijd: int | None) -> None:
    plan = _plan(naam, groep, tijd)
    tekst = render("markdown", plan)
    tabellen = _markdown_tabellen(tekst)
    assert len(tabellen) == len(plan.sessies)
    for tabel, sessie in zip(tabellen, plan.sessies, strict=True):
        assert all(len(rij) == 4 for rij in tabel)
        *rijen, totaal = tabel
        assert totaal[2] == "**Totaal**"
        assert len(rijen) == len(sessie.onderdelen)
        for rij, o in zip(rijen, sessie.onderdelen, strict=True):
            assert rij[0] == f"{o.start:%H:%M}–{o.eind:%H:%M}"
            assert rij[1].rstrip("*+↓↑") == str(o.duur_min)
            assert ("+" in rij[1]) == o.toegevoegd
            # Minutes that differ from the draaiboek's are marked, shorter and longer alike (issue 8).
            assert ("↓" in rij[1]) == (o.bron_min is not None and o.duur_min < o.bron_min)
            assert ("↑" in rij[1]) == (o.bron_min is not None and o.duur_min > o.bron_min)
            assert rij[2] == o.titel
    for _, o in _onderdelen(plan):
        # The plan's own steps (placeholders filled, conditions applied), sub-bullets too.
        for stap in o.stappen:
            for tekstregel in (stap.tekst, *stap.sub):
                assert " ".join(tekstregel.split()) in tekst
    for waarschuwing in plan.waarschuwingen:
        assert waarschuwing in tekst
    # The source is named once, not under every part.
    assert tekst.count(plan.draaiboek.bron) == 1 and tekst.count("*Bron:*") == 1


def test_markdown_stap_met_onderdelen_blijft_onder_zijn_opsommingsteken(tmp_path: Path) -> None:
    pad = tmp_path / "sub.toml"
    pad.write_text('titel = "T"\nbron = "b"\n[[onderdelen]]\nid = "a"\ntitel = "A"\nsoort = "werkvorm"\n'
                   'minuten = 30\nstappen = [{ instructie = "Eerst\\ndit", sub = ["een", "twee"] }, "Dan"]\n',
                   encoding="utf-8")
    plan = maak_plan(laden.vind(str(pad)), Vraag(groep=5, start=START))
    tekst = render("markdown", plan)
    assert "- Eerst dit\n  - een\n  - twee\n- Dan\n" in tekst


def test_markdown_toont_groepjes_opstelling_en_nodig() -> None:
    tekst = render("markdown", _plan("kennismaking", 22, 60))
    assert "6 groepjes: 4 × 4 en 2 × 3" in tekst and "± 5 min per persoon" in tekst
    assert "**Opstelling:** cabaretopstelling" in tekst
    tekst = render("markdown", _plan("kickoff", 20, None))
    assert "## Nodig\n\n- [ ] flap-over\n- [ ] post-its\n" in tekst


def test_markdown_pipe_in_titel_breekt_tabel_niet(tmp_path: Path) -> None:
    pad = tmp_path / "pijp.toml"
    pad.write_text('titel = "T"\nbron = "b"\n[[onderdelen]]\nid = "a"\ntitel = "Dit | dat"\n'
                   'soort = "werkvorm"\nminuten = 30\ngeschat = true\n', encoding="utf-8")
    plan = maak_plan(laden.vind(str(pad)), Vraag(groep=5, start=START))
    [[rij, _]] = _markdown_tabellen(render("markdown", plan))
    assert rij[1:3] == ["30*", "Dit | dat"]


# ----------------------------------------------------------------------------------------- HTML


def _zonder_zacht(tekst: str) -> str:
    """Text as read, without the soft hyphens that let a long word break at a syllable."""
    return tekst.replace("\u00ad", "")


class _Structuur(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.tekst: list[str] = []
        self.stijl = ""
        self.sessies: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        self.tags.append((tag, attr))
        self.open.append(tag)
        if tag == "section" and "sessie" in (attr.get("class") or ""):
            self.sessies.append({"koppen": [], "rijen": []})
        elif self.sessies and tag == "th":
            self.sessies[-1]["koppen"].append("")
        elif self.sessies and tag == "tr" and "tbody" in self.open:
            self.sessies[-1]["rijen"].append([])
        elif self.sessies and tag == "td" and "tbody" in self.open:
            self.sessies[-1]["rijen"][-1].append("")

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        data = _zonder_zacht(data)
        if self.open and self.open[-1] == "style":
            self.stijl += data
            return
        self.tekst.append(data)
        if not self.sessies:
            return
        if "th" in self.open:
            self.sessies[-1]["koppen"][-1] += data
        elif "td" in self.open and "tbody" in self.open:
            self.sessies[-1]["rijen"][-1][-1] += data


def _html(plan: Plan, voor: str = "begeleider") -> _Structuur:
    parser = _Structuur()
    parser.feed(render("html", plan, voor=voor))
    parser.close()
    return parser


@pytest.mark.parametrize("naam, groep, tijd", PLANNEN)
def test_html_trainersraster_structuur(naam: str, groep: int, tijd: int | None) -> None:
    plan = _plan(naam, groep, tijd)
    pagina = _html(plan)
    assert pagina.tags[0] == ("html", {"lang": "nl"})
    assert ("meta", {"charset": "utf-8"}) in pagina.tags
    # Self-contained: no scripts, no external resources.
    assert not [t for t, a in pagina.tags if t in ("script", "link", "img", "iframe")]
    assert not [a for _, a in pagina.tags if any(k in a for k in ("src", "href"))]
    assert "http" not in pagina.stijl and "@import" not in pagina.stijl and "url(" not in pagina.stijl
    assert "@page { size: A4" in pagina.stijl
    assert re.search(r"tr \{[^}]*break-inside: avoid", pagina.stijl)
    assert "break-before: page" in pagina.stijl
    assert "hyphens: auto" in pagina.stijl
    assert len(pagina.sessies) == len(plan.sessies)
    for sessie_html, sessie in zip(pagina.sessies, plan.sessies, strict=True):
        assert sessie_html["koppen"] == ["Tijd", "Onderdeel", "Werkvorm en instructie", "Notities"]
        assert len(sessie_html["rijen"]) == len(sessie.onderdelen)
        for rij, o in zip(sessie_html["rijen"], sessie.onderdelen, strict=True):
            assert rij[0].startswith(f"{o.start:%H:%M}–{o.eind:%H:%M}{o.duur_min} min")
            assert rij[1].startswith(o.titel)
            for stap in o.stappen:
                for tekstregel in (stap.tekst, *stap.sub):
                    assert tekstregel in rij[2]
            if o.toegevoegd:
                assert "toegevoegd" in rij[0]  # in words, not only by colour
            assert rij[3] == ""  # room to write
    bron = _zonder_zacht(html.unescape(render("html", plan)))
    [advies] = re.findall(r'<section class="advies">(.*?)</section>', bron) or [""]
    tabellen = "".join(re.findall(r'<section class="sessie">.*?</section>', bron))
    for waarschuwing in plan.waarschuwingen:
        # The planner's advice in its own box, never among the draaiboek's instructions.
        assert waarschuwing in advies and waarschuwing not in tabellen


def test_html_kop_en_escaping() -> None:
    plan = _plan("kickoff", 20, None, locatie='Buurthuis <De "Linde"> & co')
    bron = render("html", plan)
    assert "<De" not in bron and "&lt;De &quot;Linde&quot;&gt; &amp; co" in bron
    pagina = _html(plan)
    tekst = " ".join(pagina.tekst)
    for verwacht in ("dinsdag 1 december 2026", 'Buurthuis <De "Linde"> & co', "20 deelnemers",
                     "cabaretopstelling, U-opstelling", "Nodig", "flap-over", "post-its"):
        assert verwacht in tekst
    assert "groepjes van 5-10" in tekst and "2 groepjes: 2 × 10" in tekst


# ------------------------------------------------------------------------- for the participants


def _geheimen(plan: Plan) -> list[str]:
    """Everything only the facilitator should see."""
    teksten: list[str] = []
    for _, o in _onderdelen(plan):
        if o.bron:
            teksten += [*o.bron.instructies, *o.bron.vragen]
            teksten += [o.bron.toelichting] if o.bron.toelichting else []
    return teksten + list(plan.waarschuwingen)


@pytest.mark.parametrize("naam, groep, tijd", PLANNEN)
@pytest.mark.parametrize("formaat", ["markdown", "html"])
def test_deelnemers_zien_geen_instructies(naam: str, groep: int, tijd: int | None, formaat: str) -> None:
    plan = _plan(naam, groep, tijd)
    tekst = _zonder_zacht(html.unescape(render(formaat, plan, voor="deelnemers")))
    assert _geheimen(plan)
    for geheim in _geheimen(plan):
        assert geheim not in tekst
    for sessie in plan.sessies:
        tijden = re.findall(r"(\d\d:\d\d)–(\d\d:\d\d)", tekst.split(handout.sessiekop(plan, sessie, "deelnemers"))[1])
        # The agenda runs from the session's start to its end without gaps.
        rijen = tijden[:len(handout.agenda_voor_deelnemers(sessie))]
        assert rijen[0][0] == f"{sessie.start:%H:%M}" and rijen[-1][1] == f"{sessie.eind:%H:%M}"
        assert all(a[1] == b[0] for a, b in zip(rijen, rijen[1:], strict=False))
        for o in sessie.onderdelen:
            if o.toegevoegd and o.soort != "agendapunt":
                assert o.titel not in tekst  # the planner's own parts are not theirs to read
            else:
                assert handout.titel_voor_deelnemers(o) in tekst
    assert "toegevoegd" not in tekst and "Vooruitblik op de volgende sessie" not in tekst


_woord = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_zin = st.lists(_woord, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_zin, st.lists(_zin, max_size=3), st.lists(_zin, max_size=3), _zin),
                min_size=1, max_size=5),
       st.integers(1, 30), st.sampled_from(["markdown", "html"]))
def test_deelnemers_eigenschap(delen, groep: int, formaat: str) -> None:
    # Instructions, questions and notes carry a marker that no title has.
    onderdelen = [
        {"id": f"o{i}", "titel": f"Titel {titel}", "soort": "werkvorm", "minuten": 15,
         "instructies": [f"GEHEIMI {x}" for x in instructies], "vragen": [f"GEHEIMV {x}" for x in vragen],
         "toelichting": f"GEHEIMT {noot}", "groepjes": [3, 4]}
        for i, (titel, instructies, vragen, noot) in enumerate(delen)
    ]
    draaiboek, problemen = valideren.lees_draaiboek({"titel": "T", "bron": "b", "onderdelen": onderdelen}, "t.toml")
    assert draaiboek is not None, problemen
    plan = maak_plan(draaiboek, Vraag(groep=groep, start=START))
    begeleider = render(formaat, plan)
    deelnemers = render(formaat, plan, voor="deelnemers")
    assert "GEHEIMT" in begeleider
    assert "GEHEIM" not in deelnemers
    zonder_titels = html.unescape(deelnemers)
    for titel, *_ in delen:
        zonder_titels = zonder_titels.replace(f"Titel {titel}", "")
    assert "groepjes" not in zonder_titels  # no division, no method either
    assert all(f"Titel {titel}" in html.unescape(deelnemers) for titel, *_ in delen)


# ------------------------------------------------------------------------------------------ CLI


def test_cli_html_schrijft_en_overschrijft_niet_zonder_force(tmp_path: Path) -> None:
    args = ["plan", "kickoff", "--groep", "20", "--start", "2026-12-01T13:30", "--html", "raster.html",
            "--locatie", "Buurthuis"]
    eerste = _planner(*args, cwd=tmp_path)
    assert eerste.returncode == 0, eerste.stderr
    inhoud = (tmp_path / "raster.html").read_text("utf-8")
    assert "Buurthuis" in inhoud and "Werkvorm en instructie" in inhoud
    tweede = _planner(*args, cwd=tmp_path)
    assert tweede.returncode != 0 and tweede.stdout == ""
    assert "bestaat al" in tweede.stderr and "--force" in tweede.stderr and "Traceback" not in tweede.stderr
    assert _planner(*args, "--force", "--voor", "deelnemers", cwd=tmp_path).returncode == 0
    assert "Werkvorm en instructie" not in (tmp_path / "raster.html").read_text("utf-8")


def test_cli_opdrachtgever_begeleiders_en_kaarten(tmp_path: Path) -> None:
    uit = _planner("plan", "kennismaking", "--groep", "20", "--html", "raster.html", "--kaarten", "kaarten.html",
                   "--opdrachtgever", "Gemeente Zoetermeer", "--begeleider", "Anna", "--begeleider", "Bert",
                   "--format", "markdown", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    raster = (tmp_path / "raster.html").read_text("utf-8")
    assert "Gemeente Zoetermeer" in raster and "Anna, Bert" in raster and "Begeleiders" in raster
    assert "- **Opdrachtgever:** Gemeente Zoetermeer" in uit.stdout
    plan = _plan("kennismaking", 20, None)
    groepjes = [len(o.groepjes) for _, o in _onderdelen(plan) if o.groepjes]
    kaarten = (tmp_path / "kaarten.html").read_text("utf-8")
    # every groepje its own card(s): its task may take more than one card (issue 19.9)
    assert groepjes and len(set(re.findall(r"Groepje \d+ van \d+", kaarten))) == sum(groepjes)
    zelfde = _planner("plan", "kennismaking", "--groep", "20", "--html", "x.html", "--kaarten", "x.html",
                      cwd=tmp_path)
    assert zelfde.returncode == 2 and "--kaarten" in zelfde.stderr and not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("args, melding", [
    (["--voor", "iedereen", "--format", "markdown"], "--voor 'iedereen' ken ik niet"),
    (["--voor", "deelnemers"], "--voor deelnemers geldt voor een handout"),
])
def test_cli_voor_fouten(tmp_path: Path, args: list[str], melding: str) -> None:
    uit = _planner("plan", "kickoff", "--groep", "20", *args, cwd=tmp_path)
    assert uit.returncode == 2
    assert uit.stderr.startswith(f"planner: {melding}") and uit.stderr.count("\n") == 1


# -------------------------------------------------------------------------------------- browser


def _chromium() -> str | None:
    for naam in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        pad = shutil.which(naam)
        if pad:
            return pad
    return None


def _pdf(html_pad: Path, pdf_pad: Path, profiel: Path) -> None:
    browser = _chromium()
    assert browser is not None
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profiel}", "--no-pdf-header-footer", f"--print-to-pdf={pdf_pad}",
         html_pad.resolve().as_uri()],
        check=True, capture_output=True, timeout=120,
    )


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def browser_nodig() -> None:
    """Skip without a browser on a developer's machine; in CI (CI=true) a missing browser is a
    failure: a browser test that silently skips would let CI go green without it."""
    if _chromium() is not None:
        return
    reden = "geen chromium gevonden: installeer het met 'bash .ci/pakketten.sh' (Debian: apt-get install chromium)"
    if in_ci():
        pytest.fail(f"{reden}; in CI (CI=true) mag de browsertest niet worden overgeslagen")
    pytest.skip(reden)


# In CI (CI=true) the browser tests run anyway, so a missing chromium fails them instead of skipping.
GEEN_CHROMIUM = pytest.mark.skipif(_chromium() is None and not in_ci(),
                                   reason="geen chromium gevonden: installeer het met "
                                          "'bash .ci/pakketten.sh' (Debian: apt-get install chromium)")


def _paginas(tekst: str, tmp_path: Path) -> tuple[list[str], list[float]]:
    """Print `tekst` (HTML) in headless Chromium; per page its text and how low its text reaches (0-1)."""
    pypdf = pytest.importorskip("pypdf")
    html_pad = tmp_path / "handout.html"
    html_pad.write_text(tekst, encoding="utf-8")
    pdf_pad = tmp_path / "handout.pdf"
    _pdf(html_pad, pdf_pad, tmp_path / "profiel")
    lezer = pypdf.PdfReader(str(pdf_pad))
    teksten, dieptes = [], []
    for pagina in lezer.pages:
        # A4 portrait: 595 x 842 points.
        assert abs(float(pagina.mediabox.width) - 595) < 3 and abs(float(pagina.mediabox.height) - 842) < 3
        laagste = [842.0]

        def kijk(tekst: str, cm, tm, *_: object, laagste: list[float] = laagste) -> None:
            if tekst.strip():  # the text's baseline on the page, in points from the bottom
                laagste[0] = min(laagste[0], cm[1] * tm[4] + cm[3] * tm[5] + cm[5])

        # NFKC: a PDF may hold ligatures ("ﬀ") where the HTML had "ff"; soft hyphens are dropped.
        ruw = pagina.extract_text(visitor_text=kijk)
        teksten.append(" ".join(_zonder_zacht(unicodedata.normalize("NFKC", ruw)).split()))
        dieptes.append(1 - laagste[0] / 842)
    return teksten, dieptes


def _sessiepaginas(plan: Plan, paginas: list[str]) -> list[int]:
    """The page on which each session starts: the first on page 1 under the overview when it fits
    there (its grid's header row is on page 1), every later one on a page of its own."""
    eerste = 0 if "Werkvorm en instructie" in paginas[0] else 1
    koppen = [f"Sessie {s.nummer} van {len(plan.sessies)}" for s in plan.sessies[1:]]
    return [eerste] + [next(i for i, p in enumerate(paginas) if p.startswith(kop)) for kop in koppen]


# (draaiboek, groep, minuten, most pages for the facilitator)
AFDRUKKEN = [("training", 16, 180, 3), ("kickoff", 20, 180, 3), ("kickoff", 20, 240, 4), ("kickoff", 22, 120, 3),
             ("kennismaking", 20, None, 2), ("kennismaking", 9, 60, 2), ("ontmoeting", 8, None, 3),
             ("intervisie", 1, None, 3), ("ambitiegesprek", 4, 150, 4), ("gespreksfases", 3, None, 3)]


@GEEN_CHROMIUM
@pytest.mark.parametrize("naam, groep, tijd, hoogstens", AFDRUKKEN)
def test_trainersraster_afgedrukt(tmp_path: Path, naam: str, groep: int, tijd: int | None, hoogstens: int) -> None:
    plan = _plan(naam, groep, tijd, locatie="Buurthuis De Linde")
    paginas, dieptes = _paginas(render("html", plan, opdrachtgever="Gemeente Zoetermeer",
                                       begeleiders=("Anna de Vries", "Bert Jansen")), tmp_path)
    assert len(paginas) <= hoogstens
    eerste = paginas[0]
    # Page 1 is the overview: who, where, every session's real times, what to bring, the advice.
    for verwacht in (plan.draaiboek.titel, "Gemeente Zoetermeer", "Anna de Vries, Bert Jansen", "Buurthuis De Linde",
                     f"{groep} deelnemer", "Verloop"):
        assert verwacht in eerste
    for benodigd in benodigdheden(plan):
        assert str(benodigd)[:25] in eerste  # the list with tick boxes (a long name may wrap)
    for sessie in plan.sessies:
        assert f"{sessie.start:%H:%M}–{sessie.eind:%H:%M} ({handout.sessieduur(sessie)})" in eerste
        assert toon_datum(sessie.start) in eerste
    assert "Tijd per sessie" not in eerste
    # The timeline's labels wrap, never cut off ("Wel…"): every title whole on page 1.
    for sessie in plan.sessies:
        for o in sessie.onderdelen:
            if 100 * o.duur_min / sessie.duur_min >= SMALSTE_BLOK:
                # Compared without spaces and hyphens: the label wraps and breaks at syllables.
                assert re.sub(r"[\s\u2010-]", "", o.titel) in re.sub(r"[\s\u2010-]", "", eerste)
    for waarschuwing in plan.waarschuwingen:
        assert " ".join(waarschuwing.split())[:60] in eerste
    # Issue 19: no half-empty page 1; the grid starts under the overview, with at least its first row.
    eerste_rij = plan.sessies[0].onderdelen[0]
    if "Werkvorm en instructie" in eerste:
        assert f"{eerste_rij.start:%H:%M}–{eerste_rij.eind:%H:%M}" in eerste
    else:  # only when the overview leaves no room for a row
        assert dieptes[0] > 0.6, "pagina 1 is grotendeels leeg en het raster begint pas op pagina 2"
    starts = _sessiepaginas(plan, paginas)
    assert starts == sorted(starts)
    for nummer, (begin, eind) in enumerate(zip(starts, [*starts[1:], len(paginas)], strict=True)):
        sessie = plan.sessies[nummer]
        tekst = " ".join(paginas[begin:eind])
        for o in sessie.onderdelen:
            assert f"{o.start:%H:%M}–{o.eind:%H:%M}" in tekst
        for pagina in range(begin, eind):
            assert paginas[pagina].count("Notities") == 1  # the header row repeats on every page
            if pagina < eind - 1:
                # Only the last page of a session may be mostly empty.
                assert dieptes[pagina] > 0.6, f"pagina {pagina + 1} is grotendeels leeg"
    for waarschuwing in plan.waarschuwingen:
        assert " ".join(waarschuwing.split())[:60] not in " ".join(paginas[1:])


@GEEN_CHROMIUM
@pytest.mark.parametrize("naam, groep, tijd", [("kickoff", 22, 120), ("kickoff", 20, 180), ("training", 16, 180),
                                               ("kennismaking", 20, None), ("intervisie", 6, None)])
def test_programma_voor_deelnemers_afgedrukt(tmp_path: Path, naam: str, groep: int, tijd: int | None) -> None:
    plan = _plan(naam, groep, tijd, locatie="Buurthuis De Linde")
    paginas, _ = _paginas(render("html", plan, voor="deelnemers"), tmp_path)
    assert len(paginas) == len(plan.sessies)  # one page per session at most
    alles = " ".join(paginas)
    assert plan.draaiboek.titel in paginas[0] and "Buurthuis De Linde" in paginas[0]
    for meenemen in plan.draaiboek.meenemen:
        assert meenemen in paginas[0]
    for geheim in _geheimen(plan):
        assert " ".join(geheim.split())[:50] not in alles
    for woord in ("Werkvorm en instructie", "Welkom terug", "Vooruitblik", "toegevoegd", "Advies", "Notities",
                  "Sessie"):
        assert woord not in alles
    for pagina, sessie in zip(paginas, plan.sessies, strict=True):
        assert handout.sessiekop(plan, sessie, "deelnemers") in pagina
        for start, eind, titel, _ in handout.agenda_voor_deelnemers(sessie):
            assert f"{start:%H:%M}–{eind:%H:%M}" in pagina and titel in pagina


def test_html_in_een_echte_browser_naar_pdf_zegt_hoe_chromium_te_installeren() -> None:
    assert "chromium" in GEEN_CHROMIUM.kwargs["reason"]


@GEEN_CHROMIUM
def test_lange_woorden_breken_in_chromium_op_een_lettergreep(tmp_path: Path) -> None:
    import pyphen

    woord = "Samenwerkingsverbandenontwikkeling"
    pad = tmp_path / "lang.toml"
    pad.write_text(f'titel = "T"\nbron = "b"\n[[onderdelen]]\nid = "a"\ntitel = "{woord}"\nsoort = "werkvorm"\n'
                   'minuten = 30\nstappen = ["Doe iets."]\n', encoding="utf-8")
    plan = maak_plan(laden.vind(str(pad)), Vraag(groep=5, start=START))
    pypdf = pytest.importorskip("pypdf")
    html_pad, pdf_pad = tmp_path / "lang.html", tmp_path / "lang.pdf"
    html_pad.write_text(render("html", plan), encoding="utf-8")
    _pdf(html_pad, pdf_pad, tmp_path / "profiel")
    # The grid (after its header row), on page 1 under the overview or on the next page.
    tekst = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(pdf_pad)).pages).split("Notities", 1)[1]
    # The title in its narrow column, as printed: lines ending in a hyphen (pypdf reads an unused
    # soft hyphen as a space).
    gedrukt = tekst.split("30 min\n")[1].split("\nWERKVORM")[0]
    stukken = [stuk.replace(" ", "") for stuk in re.split(r"\s*[\u00ad\u2010-]\n", gedrukt)]
    assert "".join(stukken) == woord and len(stukken) > 1
    grenzen = {sum(len(s) for s in stukken[:i]) for i in range(1, len(stukken))}
    assert grenzen <= set(pyphen.Pyphen(lang="nl_NL").positions(woord))


def test_gewijzigde_minuten_heten_nooit_uit_de_bron() -> None:
    # kennismaking for 8 in 1u15: the round is shorter (8 x 1-3 min, issue 8) and the extra quarter
    # stretches the rest (the round's own 10 minutes come free since issue 19.2).
    plan = _plan("kennismaking", 8, 75)
    gewijzigd = [o for _, o in _onderdelen(plan) if o.aangepast]
    assert gewijzigd, "this plan should change some minutes"
    for o in gewijzigd:
        richting = "verlengd" if o.duur_min > o.bron_min else "ingekort"
        assert f"{richting}, draaiboek {o.bron_min} min" in handout.merk_in_woorden(o)
        assert "minuten uit de bron" not in handout.herkomst(plan, o)
        assert f"{o.bron_min} min" in handout.herkomst(plan, o)
    tekst = render("markdown", plan)
    assert "↑ langer dan in het draaiboek" in tekst
    # In the handout the change is said once, at the part's heading, beside the mark.
    for o in gewijzigd:
        assert f"({o.duur_min} min{handout.merk(o)}; {handout.verschil_in_woorden(o)})" in tekst
    ics = render("ics", plan).decode()
    assert "verlengd" in ics.replace("\r\n ", "")
    regels = render("csv", plan).decode("utf-8-sig").splitlines()
    kop = regels[0].split(";")
    assert kop[kop.index("bron_min") + 1] == "aangepast"  # later columns (gedaan) may follow


def test_zonder_browser_faalt_ci_in_plaats_van_over_te_slaan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda naam: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        browser_nodig()
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        browser_nodig()


def test_trainersraster_zegt_vraag_niet_twee_keer() -> None:
    """'Startvraag is: …' is marked as a question by its own words: no 'Vraag: Startvraag is:'."""
    tekst = render("html", _plan("kennismaking", 8, None))
    platte = " ".join(re.sub(r"<[^>]+>", " ", tekst).split())
    assert "Startvraag is:" in platte
    assert not re.search(r"Vraag: (Startvraag|Vraag)", platte)
    assert "Vraag:" in platte  # other questions keep their mark
