"""The size limits (issue 21.1): a template built to make the TOML reader or the checks slow is
refused with one Dutch sentence naming the file, in well under the time a user would wait; a real
draaiboek is never refused by them. Bounds are generous (a hang or minutes of work fails them, a
slow machine does not)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.bibliotheek import grenzen, laden, vinden
from tests.vaste_klok import PLANNER

KOP = 'id = "{id}"\ntitel = "T"\nbron = "eigen ontwerp"\n'
ONDERDEEL = '[[onderdelen]]\nid = "o{i}"\ntitel = "t"\nsoort = "werkvorm"\nminuten = 5\n'
RUIM = 30.0  # seconds: minutes of backtracking or quadratic work fail this, a busy machine does not


def _controleer(tekst: str, naam: str = "vijand") -> list[str]:
    begin = time.monotonic()
    _, problemen = laden.controleer_tekst(tekst, Path(f"{naam}.toml"))
    assert time.monotonic() - begin < RUIM
    return [str(p) for p in problemen]


VIJANDIG = {
    # tomllib's time grows with the square of the parts of one dotted key.
    "punten": "x." + ".".join(["a"] * 20_000) + " = 1\n",
    "punten-met-spaties": "x . " + " . ".join(["a"] * 20_000) + " = 1\n",
    "kop": "[" + ".".join(["a"] * 100_000) + "]\n",
    "lijstkop": "[[" + ".".join(["a"] * 100_000) + "]]\n",
    "inline": "x = {" + ".".join(["a"] * 100_000) + " = 1}\n",
    "aanhalingstekens": "x." + ".".join(['"a\\"b"'] * 20_000) + " = 1\n",
    "letterlijk": "x." + ".".join(["'a'"] * 20_000) + " = 1\n",
    "sleutels": "".join(f"k{i} = 1\n" for i in range(30_000)),
    "lijst": "materialen = [" + ", ".join('"m"' for _ in range(30_000)) + "]\n",
    "onderdelen": "".join(ONDERDEEL.format(i=i) for i in range(grenzen.ONDERDELEN + 1)),
    "varianten": "".join(f'[[varianten]]\nid = "v{i}"\ntitel = "t"\ngroep_min = {i + 1}\ngroep_max = {i + 1}\n'
                         for i in range(grenzen.VARIANTEN + 1)),
}


@pytest.mark.parametrize("soort", sorted(VIJANDIG))
def test_vijandige_sjablonen_krijgen_een_zin(soort: str) -> None:
    tekst = KOP.format(id="vijand") + VIJANDIG[soort]
    assert len(tekst.encode()) <= grenzen.DRAAIBOEK_BYTES  # within the file limit: the limits here do it
    problemen = _controleer(tekst)
    assert len(problemen) == 1
    assert problemen[0].startswith("vijand.toml")
    assert "draaiboek" in problemen[0]


def test_net_onder_de_grenzen_is_alles_nog_snel() -> None:
    """At the limits themselves (and with every field a problem) the checks stay quick."""
    bijna = "".join("x." + ".".join(["a"] * (grenzen.SLEUTEL_PUNTEN - 1)) + f"b{i} = 1\n" for i in range(2000))
    problemen = _controleer(KOP.format(id="vijand") + bijna)
    assert any("veld 'x'" in p for p in problemen) and not any("punten" in p for p in problemen)
    onbekend = "".join(f"k{i} = 1\n" for i in range(grenzen.WAARDEN - 10))
    problemen = _controleer(KOP.format(id="vijand") + onbekend)
    assert len(problemen) >= grenzen.WAARDEN - 10 and "regel" in problemen[-2]
    onderdelen = "".join(ONDERDEEL.format(i=i) + "zzz = 1\n" for i in range(grenzen.ONDERDELEN))
    problemen = _controleer(KOP.format(id="vijand") + onderdelen)
    assert len(problemen) == grenzen.ONDERDELEN and all("regel" in p for p in problemen)


@pytest.mark.parametrize("pad", sorted(vinden.ingebouwde_map().glob("*.toml")), ids=lambda p: p.stem)
def test_geen_ingebouwd_draaiboek_raakt_een_grens(pad: Path) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert grenzen.lange_sleutel(tekst) is None
    import tomllib

    assert grenzen.te_groot(tomllib.loads(tekst)) is None


@pytest.mark.parametrize("tekst", [
    'titel = "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t"\n',
    'stappen = ["x", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t"]\n',
    "beurten.min = 1\n",
    "[onderdelen.beurten]\n",
])
def test_punten_in_teksten_of_een_gewone_sleutel_zijn_geen_lange_sleutel(tekst: str) -> None:
    assert grenzen.lange_sleutel(tekst) is None


def test_lange_sleutel_noemt_de_regel() -> None:
    tekst = 'id = "x"\n\n[' + ".".join(["a"] * 40) + "]\n"
    assert grenzen.lange_sleutel(tekst) == 3


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["a", "a.", ".", " ", "[", "{", ",", '"', "'", "\\", "\n", "a=", "=", "\t"]),
       st.integers(min_value=1, max_value=4))
def test_lange_sleutel_is_lineair_op_herhaalde_stukken(stuk: str, herhaal: int) -> None:
    """The pattern on adversarial text at the size limit: repeated pieces of key syntax."""
    tekst = (stuk * herhaal) * (grenzen.DRAAIBOEK_BYTES // (len(stuk) * herhaal))
    begin = time.monotonic()
    grenzen.lange_sleutel(tekst)
    grenzen.lange_sleutel("x" * 1000 + tekst)
    assert time.monotonic() - begin < RUIM


def test_lijst_met_een_vijandig_eigen_draaiboek_blijft_snel(tmp_path: Path) -> None:
    """The reported case: 40 KB of dotted keys made 'planner lijst' take 13 seconds."""
    (tmp_path / "diep.toml").write_text(KOP.format(id="diep") + VIJANDIG["punten"], encoding="utf-8")
    (tmp_path / "veel.toml").write_text(KOP.format(id="veel") + VIJANDIG["onderdelen"], encoding="utf-8")
    for opdracht in (["lijst"], ["controleer"], ["toon", "diep"], ["plan", "veel", "--groep", "3"]):
        uit = subprocess.run([*PLANNER, *opdracht], capture_output=True, text=True, timeout=120,
                             env={"PLANNER_DRAAIBOEKEN": str(tmp_path), "PATH": "/usr/bin:/bin"})
        assert "Traceback" not in uit.stderr and "Interne fout" not in uit.stderr
        if opdracht[0] in ("toon", "plan"):
            assert uit.returncode == 5
            assert uit.stderr.count("\n") == 1 and ".toml" in uit.stderr


@pytest.mark.parametrize("tekst", [
    'titel = "x\n', "a = [1,", "a = {b = 1", "a b", "a = x", "= 1", "[a", "[[a]", 'a = "\\uZZZZ"', 'a = "c:\\x"',
    "a = {b = 1, b = 2}", "a = 1\na = 2\n", "[a]\n[a]\n", "a = {b = 1}\na.c = 2\n", "a = 1 2", "a = [1 2]",
    'a = "x\x01"', "a = 2026-13-45", "x = 1\n\x00\n",
])
def test_toml_fouten_in_het_nederlands_met_regel(tekst: str) -> None:
    problemen = _controleer(tekst, naam="kapot")
    assert len(problemen) == 1
    melding = problemen[0]
    assert melding.startswith("kapot.toml, regel ") and "geen geldige TOML" in melding
    engels = [en for en, _ in laden._TOML_UITLEG] + ["line", "column", "document", "Invalid", "Expected"]
    assert not [woord for woord in engels if woord in melding]


@pytest.mark.parametrize("teken", ["\ufeff", "\x00", "\u200b"])
def test_een_onzichtbaar_teken_dat_de_toml_breekt_wordt_genoemd(teken: str) -> None:
    problemen = _controleer(f'id = "x"\n{teken}titel = "T"\n', naam="kapot")
    assert len(problemen) == 1 and "regel 2" in problemen[0]
    assert f"U+{ord(teken):04X}" in problemen[0] and "onzichtbaar" in problemen[0]


@settings(max_examples=60, deadline=None)
@given(delen=st.lists(st.sampled_from(["a", "b-c", "_1", '"x.y"', "'z'", '"q\\"r"']), min_size=1, max_size=40),
       spatie=st.sampled_from(["", " ", "\t"]),
       plek=st.sampled_from(["{k} = 1", "[{k}]", "[[{k}]]", "t = {{ {k} = 1 }}"]))
def test_lange_sleutel_telt_de_punten_van_elke_sleutel(delen: list[str], spatie: str, plek: str) -> None:
    """Exactly the keys with more than SLEUTEL_PUNTEN dots, in every place a key stands."""
    sleutel = f"{spatie}.{spatie}".join(delen)
    tekst = 'id = "x"\n' + plek.format(k=sleutel) + "\n"
    import tomllib

    tomllib.loads(tekst)  # valid TOML
    assert (grenzen.lange_sleutel(tekst) is not None) == (len(delen) - 1 > grenzen.SLEUTEL_PUNTEN)


@pytest.mark.parametrize("punten", [grenzen.SLEUTEL_PUNTEN - 1, grenzen.SLEUTEL_PUNTEN, grenzen.SLEUTEL_PUNTEN + 1])
def test_de_grens_van_de_punten_zelf(punten: int) -> None:
    tekst = ".".join(["a"] * (punten + 1)) + " = 1\n"
    assert (grenzen.lange_sleutel(tekst) is not None) == (punten > grenzen.SLEUTEL_PUNTEN)


@pytest.mark.parametrize("romp", ["\r\n" * 500_000, 'titel = """' + "\n" * 1_000_000 + '"""\n', " " * 1_000_000 + "x"])
def test_een_programma_herkennen_is_lineair(tmp_path: Path, romp: str) -> None:
    """'Is this file a programme?' ('planner lijst', 'toon', 'controleer' ask it of every own file): a line
    start followed by whitespace over the following lines was searched to the end from every line, and
    1 MB of line ends took minutes."""
    pad = tmp_path / "leeg.toml"
    pad.write_text(romp, encoding="utf-8", newline="")
    assert pad.stat().st_size <= grenzen.DRAAIBOEK_BYTES
    begin = time.monotonic()
    assert not vinden.is_programma_pad(pad)
    assert time.monotonic() - begin < 5


@pytest.mark.parametrize("programma", [False, True])
def test_een_getal_van_een_miljoen_cijfers_krijgt_een_zin(programma: bool) -> None:
    """tomllib refuses an integer of more than 4300 digits with a ValueError that is no TOMLDecodeError:
    it came out as 'Interne fout'."""
    from planner.bibliotheek.programma import controleer_programmatekst

    romp = "minuten = " + "9" * 1_000_000 + "\n"
    if programma:
        _, problemen = controleer_programmatekst("[programma]\ntitel = 'P'\n" + romp, Path("vijand.toml"))
    else:
        _, problemen = laden.controleer_tekst(KOP.format(id="vijand") + romp, Path("vijand.toml"))
    assert len(problemen) == 1
    assert str(problemen[0]).startswith("vijand.toml") and "cijfers" in str(problemen[0])


def test_regelnummers_van_een_programma_zijn_lineair() -> None:
    """A programme's line numbers look for '[kop]' lines; a line '[a' with a megabyte of spaces (inside a
    multi-line string, so the TOML is valid) was tried from every space to the end: 200 kB took a minute."""
    from planner.bibliotheek.programma import controleer_programmatekst

    tekst = '[programma]\ntitel = """\n[a' + " " * (grenzen.DRAAIBOEK_BYTES - 100) + '\n"""\n'
    begin = time.monotonic()
    _, problemen = controleer_programmatekst(tekst, Path("vijand.toml"))
    assert time.monotonic() - begin < 5
    assert problemen
