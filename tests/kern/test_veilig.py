"""Invisible characters (issue 21.5): zero-width characters, direction marks, the byte-order mark and
tag characters in a draaiboek are written out visibly wherever text reaches a terminal; files keep
them as written; JSON escapes them without changing a value."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.cli import scherm
from planner.kern.veilig import ONZICHTBAAR, schoon, schoon_kopie, zichtbaar
from tests.test_vijandig import draai

ONZICHTBARE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u2060", "\u2066", "\u202e",
               "\u061c", "\u180e", "\u3164", "\U000e0041", "\U000e0100"]
# Raw on a terminal: control characters and every invisible character (the soft hyphen is removed).
RAUW = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{ONZICHTBAAR}]")
TITEL = "ad\u200bmin \u202eteg\u202c \u200fx\ufeffy\U000e0041 af\u00adbreek"


@pytest.mark.parametrize("teken", ONZICHTBARE)
def test_schoon_maakt_elk_onzichtbaar_teken_zichtbaar(teken: str) -> None:
    uit = schoon(f"a{teken}b")
    assert not RAUW.search(uit) and uit.startswith("a\\") and uit.endswith("b")


def test_schoon_voor_een_bestand_houdt_onzichtbare_tekens() -> None:
    assert schoon("a\u200bb", bestand=True) == "a\u200bb"
    assert schoon("a\u202eb", bestand=True) == "a\\u202eb"  # direction overrides never
    assert schoon_kopie(("a\u200bb",), bestand=True) == ("a\u200bb",)


def test_emoji_met_verbinder_blijft_heel() -> None:
    familie = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
    assert schoon(f"Team {familie}") == f"Team {familie}"
    assert schoon("a\u200db") == "a\\u200db"
    assert schoon("\u00adwoord") == "woord"


@given(st.text())
def test_schoon_laat_nooit_iets_onzichtbaars_door(tekst: str) -> None:
    uit = schoon(tekst)
    emoji = "\U0001f000-\U0010ffff\u2600-\u27bf"
    zonder_emoji = re.sub(f"(?<=[{emoji}\ufe0f])\u200d(?=[{emoji}])", "", uit)  # a joined emoji stays
    assert not RAUW.search(zonder_emoji.replace("\n", ""))
    assert zichtbaar(tekst).count("\n") == tekst.count("\n")


def toml_tekst(tekst: str) -> str:
    """A TOML string with every non-ASCII character escaped (\\U for those beyond U+FFFF)."""
    return '"' + "".join(t if 32 <= ord(t) < 127 and t not in '"\\' else
                         (f"\\u{ord(t):04x}" if ord(t) <= 0xFFFF else f"\\U{ord(t):08x}") for t in tekst) + '"'


def _draaiboek(map_: Path) -> None:
    (map_ / "onzichtbaar.toml").write_text(
        f'id = "onzichtbaar"\ntitel = {toml_tekst(TITEL)}\nbron = {toml_tekst("bron " + TITEL)}\n'
        f'[[onderdelen]]\nid = "a"\ntitel = {toml_tekst(TITEL)}\nsoort = "werkvorm"\nminuten = 30\n'
        f'stappen = [{toml_tekst("stap " + TITEL)}]\n', encoding="utf-8")


@pytest.fixture
def eigen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    map_ = tmp_path / "eigen"
    map_.mkdir()
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(map_))
    _draaiboek(map_)
    return map_


@pytest.mark.parametrize("opdracht", [
    ["lijst"], ["toon", "onzichtbaar"], ["controleer", "onzichtbaar"],
    ["plan", "onzichtbaar", "--groep", "3", "--tijd", "30m", "--start", "2026-12-01T13:30"],
])
def test_terminalopdrachten_tonen_onzichtbare_tekens_zichtbaar(eigen: Path, opdracht: list[str]) -> None:
    code, uit, fout = draai(*opdracht)
    assert code == 0, fout
    assert not RAUW.search(uit) and not RAUW.search(fout)
    if opdracht[0] != "controleer":
        assert "ad\\u200bmin" in uit


def test_een_fout_met_onzichtbare_tekens_is_zichtbaar(eigen: Path) -> None:
    code, uit, fout = draai("plan", "onzichtbaar\u200b", "--groep", "3")
    assert code == 2 and not RAUW.search(fout) and "\\u200b" in fout


def test_bestanden_houden_de_tekst_en_json_blijft_exact(eigen: Path, tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    code, _, fout = draai("plan", "onzichtbaar", "--groep", "3", "--tijd", "30m", "-f", "markdown", "-o", str(md))
    assert code == 0, fout
    assert "ad\u200bmin" in md.read_text(encoding="utf-8")
    code, uit, _ = draai("plan", "onzichtbaar", "--groep", "3", "--tijd", "30m", "-f", "json")
    assert code == 0 and not RAUW.search(uit)
    titels = [o["titel"] for s in json.loads(uit)["sessies"] for o in s["onderdelen"]]
    assert TITEL in titels


def test_een_bestandsformaat_op_een_terminal_toont_ze_zichtbaar(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    uit = Terminal()
    monkeypatch.setattr(sys, "stdout", uit)
    scherm.naar_scherm("| ad\u200bmin | \u001b[1mvet\u001b[0m |\n")
    assert uit.getvalue() == "| ad\\u200bmin | \u001b[1mvet\u001b[0m |\n"  # own colour codes stay


def test_csv_op_een_terminal_zonder_bom_en_onzichtbare_tekens_zichtbaar(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    uit = Terminal(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", uit)
    scherm.naar_scherm("\ufeffa;b\u200bc\r\n".encode())
    assert uit.buffer.getvalue() == b"a;b\\u200bc\r\n"
