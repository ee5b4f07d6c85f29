"""The cache of parsed built-in draaiboeken: always what tomllib reads, never in the way."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from planner import laden, toml_cache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(toml_cache, "_teksten", None)
    return tmp_path / "cache" / "planner"


def _opnieuw(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process: the cache is read from disk again."""
    monkeypatch.setattr(toml_cache, "_teksten", None)


def test_cache_geeft_wat_tomllib_leest(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pad in sorted(laden.ingebouwde_map().glob("*.toml")):
        tekst = pad.read_text(encoding="utf-8")
        assert toml_cache.lees_toml(tekst) == tomllib.loads(tekst)
        _opnieuw(monkeypatch)
        eerste = toml_cache.lees_toml(tekst)
        assert eerste == tomllib.loads(tekst)
        eerste["titel"] = "veranderd"  # every call is a fresh object
        assert toml_cache.lees_toml(tekst)["titel"] != "veranderd"
    assert list(cache.iterdir())


def test_gewijzigde_tekst_wordt_opnieuw_gelezen(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert toml_cache.lees_toml('titel = "a"') == {"titel": "a"}
    _opnieuw(monkeypatch)
    assert toml_cache.lees_toml('titel = "b"') == {"titel": "b"}
    with pytest.raises(tomllib.TOMLDecodeError):
        toml_cache.lees_toml('titel = "')


def test_kapotte_of_onschrijfbare_cache_kost_alleen_snelheid(cache: Path, monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    cache.mkdir(parents=True)
    toml_cache._pad().write_bytes(b"\x00kapot")
    assert toml_cache.lees_toml("x = 1") == {"x": 1}
    _opnieuw(monkeypatch)
    (tmp_path / "bestand").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "bestand"))  # the cache dir cannot be made
    assert toml_cache.lees_toml("y = 2") == {"y": 2}


def test_kapot_ingebouwd_draaiboek_blijft_gemeld(cache: Path) -> None:
    pad = laden.ingebouwde_map() / "kickoff.toml"
    tekst = pad.read_text(encoding="utf-8")
    assert laden.controleer_tekst(tekst, pad, herkomst="ingebouwd")[0] is not None
    assert laden.controleer_tekst(tekst, pad, herkomst="ingebouwd")[0] is not None  # from the cache
    draaiboek, problemen = laden.controleer_tekst(tekst.replace("minuten = ", "minuten = -", 1), pad,
                                                  herkomst="ingebouwd")
    assert draaiboek is None and problemen
    draaiboek, problemen = laden.controleer_tekst(tekst + "\n[kapot", pad, herkomst="ingebouwd")
    assert draaiboek is None and "geen geldige TOML" in str(problemen[0])
