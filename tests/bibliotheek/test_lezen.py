"""The one reader (issue 21.2): every file the planner is given (a draaiboek, a document to import,
a live log) is read only as a regular file, without blocking, size- and time-bounded; anything else
gets one Dutch sentence, never a hang."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from planner.bibliotheek import grenzen
from planner.bibliotheek.lezen import OnleesbaarBestand, lees_bytes, lees_tekst
from tests.vaste_klok import PLANNER


def _speciaal(map_: Path, soort: str, naam: str) -> Path:
    pad = map_ / naam
    if soort == "fifo":
        os.mkfifo(pad)
    elif soort == "nul":
        pad.symlink_to("/dev/zero")
    elif soort == "map":
        pad.mkdir()
    elif soort == "proc":
        pad.symlink_to("/proc/self/status")  # a "regular" file of size 0 that gives text
    elif soort == "groot":
        with open(pad, "wb") as bestand:
            bestand.truncate(grenzen.DOCUMENT_BYTES + grenzen.LOG_BYTES + 1)  # sparse: no disk used
    return pad


SOORTEN = ["fifo", "nul", "map", "proc", "groot"]


@pytest.mark.parametrize("soort", SOORTEN)
def test_lees_bytes_weigert_met_een_nederlandse_reden(tmp_path: Path, soort: str) -> None:
    pad = _speciaal(tmp_path, soort, "x")
    with pytest.raises(OnleesbaarBestand) as fout:
        lees_bytes(pad, grenzen.LOG_BYTES)
    assert fout.value.strerror and fout.value.strerror[0].islower()
    assert not any(woord in fout.value.strerror for woord in ("No such", "Permission", "directory", "Errno"))


def test_lees_bytes_leest_een_gewoon_bestand_en_een_leeg(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"inhoud\n")
    (tmp_path / "leeg.txt").write_bytes(b"")
    assert lees_bytes(tmp_path / "a.txt", 100) == b"inhoud\n"
    assert lees_bytes(tmp_path / "leeg.txt", 100) == b""
    with pytest.raises(OnleesbaarBestand, match="te groot"):
        lees_bytes(tmp_path / "a.txt", 3)


def test_lees_tekst_noemt_wat_een_draaiboek_is(tmp_path: Path) -> None:
    with pytest.raises(OnleesbaarBestand, match=r"\.toml"):
        lees_tekst(_speciaal(tmp_path, "proc", "x.toml"))
    with pytest.raises(OnleesbaarBestand, match="bestaat niet"):
        lees_tekst(tmp_path / "weg.toml")


def _planner(*args: str, map_: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PLANNER, *args], capture_output=True, text=True, timeout=60, cwd=map_,
                          env={"PLANNER_DRAAIBOEKEN": str(map_ / "eigen"), "PATH": "/usr/bin:/bin"})


@pytest.mark.parametrize("soort", SOORTEN)
@pytest.mark.parametrize(("opdracht", "naam"), [
    (["importeer"], "doc.md"), (["importeer"], "doc.docx"), (["terugblik"], "log.csv"),
    (["controleer"], "d.toml"), (["plan", "--groep", "3"], "d.toml"),
])
def test_geen_opdracht_wacht_of_leest_zonder_einde(tmp_path: Path, soort: str, opdracht: list[str],
                                                    naam: str) -> None:
    pad = _speciaal(tmp_path, soort, naam)
    args = [*opdracht[:1], f"./{pad.name}", *opdracht[1:]]
    uit = _planner(*args, map_=tmp_path)  # a hang fails on the timeout
    assert uit.returncode in (2, 5), uit.stderr
    assert "Traceback" not in uit.stderr and "Interne fout" not in uit.stderr
    melding = (uit.stderr + uit.stdout).strip()
    assert melding and "Errno" not in melding


def test_importeer_proc_kmsg_blokkeert_niet(tmp_path: Path) -> None:
    if not os.path.exists("/proc/kmsg"):
        pytest.skip("geen /proc/kmsg op dit systeem")
    uit = _planner("importeer", "/proc/kmsg", map_=tmp_path)
    assert uit.returncode == 2 and uit.stderr.count("\n") == 1 and "/proc/kmsg" in uit.stderr


def test_een_bestand_dat_groeit_wordt_gelezen_zoals_het_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A live log still being written: read as it was when opened, not refused."""
    pad = tmp_path / "log.csv"
    pad.write_bytes(b"a;b\n")
    echt_fstat = os.fstat

    def fstat_en_groei(fd: int) -> os.stat_result:
        info = echt_fstat(fd)
        with open(pad, "ab") as bestand:
            bestand.write(b"c;d\n")
        return info

    monkeypatch.setattr(os, "fstat", fstat_en_groei)
    assert lees_bytes(pad, 100) == b"a;b\n"
