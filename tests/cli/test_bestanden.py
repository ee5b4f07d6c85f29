"""Nothing lost: a write that cannot happen says why in Dutch and leaves every existing file alone."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from planner.cli import bestanden, ingang
from planner.cli.bestanden import schrijf
from planner.kern.fouten import BestandFout

OUD = b"mijn eigen agenda, niet overschrijven\r\n"
PLAN = ["plan", "kickoff", "--groep", "20", "--tijd", "2u", "--start", "2026-12-01T13:30"]


def draai(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `planner ARGS` through the real entry point, in-process so monkeypatches apply."""
    monkeypatch.setattr(sys, "argv", ["planner", *args])
    with pytest.raises(SystemExit) as uitgang:
        ingang.opdracht()
    uit = capsys.readouterr()
    return uitgang.value.code, uit.out, uit.err


def resten(map_: Path) -> list[str]:
    """Temp files schrijf would leave behind: '.NAME.XXXX.tmp'."""
    return sorted(p.name for p in map_.iterdir() if p.name.endswith(".tmp"))


def een_zin(err: str) -> str:
    assert "Traceback" not in err
    regels = err.strip().splitlines()
    assert len(regels) == 1, err
    assert regels[0].startswith("planner: ")
    return regels[0]


@pytest.fixture(autouse=True)
def geen_eigen_draaiboeken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_DRAAIBOEKEN", str(tmp_path / "eigen"))


@pytest.fixture
def benoemd(monkeypatch: pytest.MonkeyPatch) -> None:
    """The named-temporary-file way (other systems, file systems without O_TMPFILE)."""
    monkeypatch.setattr(bestanden, "_ONBENOEMD", False)


# ------------------------------------------------------------------ folder that does not exist


@pytest.mark.parametrize("optie", ["--ics", "--uitvoer"])
def test_map_bestaat_niet(tmp_path: Path, monkeypatch, capsys, optie: str) -> None:
    doel = tmp_path / "bestaat-niet" / "agenda.ics"
    code, _, err = draai(monkeypatch, capsys, *PLAN, optie, str(doel))
    assert code == 4
    assert "bestaat niet" in een_zin(err) and str(doel.parent) in err
    assert not doel.parent.exists()


def test_pad_is_een_map(tmp_path: Path, monkeypatch, capsys) -> None:
    code, _, err = draai(monkeypatch, capsys, *PLAN, "--ics", str(tmp_path))
    assert code == 4
    assert "is een map" in een_zin(err)


# ------------------------------------------------------------------------- read-only folder


def test_alleen_lezen_map_echt(tmp_path: Path, monkeypatch, capsys) -> None:
    map_ = tmp_path / "alleen-lezen"
    map_.mkdir()
    (map_ / "agenda.ics").write_bytes(OUD)
    map_.chmod(0o555)
    try:
        if os.access(map_, os.W_OK):
            pytest.skip("als root blokkeert chmod het schrijven niet; zie de gesimuleerde variant")
        code, _, err = draai(monkeypatch, capsys, *PLAN, "--ics", str(map_ / "agenda.ics"), "--force")
    finally:
        map_.chmod(0o755)
    assert code == 4
    assert "mag niet schrijven" in een_zin(err)
    assert (map_ / "agenda.ics").read_bytes() == OUD


@pytest.mark.parametrize("fout", [errno.EACCES, errno.EPERM, errno.EROFS])
def test_alleen_lezen_map_gesimuleerd(tmp_path: Path, monkeypatch, capsys, fout: int, benoemd) -> None:
    # Root may write anywhere, so simulate what the kernel says to a normal user.
    bestaand = tmp_path / "agenda.ics"
    bestaand.write_bytes(OUD)

    def geweigerd(*args, **kwargs):
        raise PermissionError(fout, os.strerror(fout))

    monkeypatch.setattr(tempfile, "mkstemp", geweigerd)
    code, _, err = draai(monkeypatch, capsys, *PLAN, "--ics", str(bestaand), "--force")
    assert code == 4
    # A read-only disk is not a matter of permissions: the user must pick another disk.
    verwacht = "alleen-lezen" if fout == errno.EROFS else "mag niet schrijven"
    assert verwacht in een_zin(err) and str(tmp_path) in err
    assert ("schrijfrechten" in err) == (fout != errno.EROFS)
    assert bestaand.read_bytes() == OUD
    assert resten(tmp_path) == []


# ------------------------------------------------------------------------------ full disk


def _vol(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class VolleSchijf:
    """A file object whose write fails half-way, as on a disk that fills up."""

    def __init__(self, echt):
        self.echt = echt

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.echt.close()
        return False

    def write(self, data: bytes) -> int:
        self.echt.write(data[: len(data) // 2])
        self.echt.flush()
        _vol()
        return 0  # pragma: no cover


@pytest.mark.parametrize("plek", ["write", "fsync"])
def test_volle_schijf(tmp_path: Path, monkeypatch, capsys, plek: str, benoemd) -> None:
    bestaand = tmp_path / "agenda.ics"
    bestaand.write_bytes(OUD)
    if plek == "fsync":
        monkeypatch.setattr(bestanden.os, "fsync", _vol)
    else:
        echt_fdopen = os.fdopen
        monkeypatch.setattr(bestanden.os, "fdopen", lambda *a, **k: VolleSchijf(echt_fdopen(*a, **k)))
    code, _, err = draai(monkeypatch, capsys, *PLAN, "--ics", str(bestaand), "--force")
    assert code == 4
    assert "schijf is vol" in een_zin(err)
    assert bestaand.read_bytes() == OUD
    assert resten(tmp_path) == []


def test_volle_schijf_nieuw_bestand_laat_niets_achter(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(bestanden.os, "fsync", _vol)
    code, _, err = draai(monkeypatch, capsys, *PLAN, "--ics", str(tmp_path / "nieuw.ics"))
    assert code == 4
    assert "schijf is vol" in een_zin(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# ----------------------------------------------------------------------- interrupted write


@pytest.mark.parametrize("onderbreking", [KeyboardInterrupt, RuntimeError])
@pytest.mark.parametrize("bestond", [True, False])
def test_onderbroken_schrijven_laat_geen_half_bestand(tmp_path: Path, monkeypatch, onderbreking,
                                                      bestond: bool) -> None:
    doel = tmp_path / "agenda.ics"
    if bestond:
        doel.write_bytes(OUD)

    def halverwege(*args, **kwargs):
        raise onderbreking()

    monkeypatch.setattr(bestanden.os, "fsync", halverwege)
    with pytest.raises(onderbreking):
        schrijf(doel, "nieuwe inhoud\r\n" * 1000, force=True)
    assert resten(tmp_path) == []
    if bestond:
        assert doel.read_bytes() == OUD
    else:
        assert not doel.exists()


def test_ctrl_c_via_cli_stopt_zonder_traceback_en_zonder_resten(tmp_path: Path, monkeypatch, capsys) -> None:
    def ctrl_c(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(bestanden.os, "fsync", ctrl_c)
    code, _, err = draai(monkeypatch, capsys, *PLAN, "--ics", str(tmp_path / "agenda.ics"))
    assert code == 130  # the shell's convention for Ctrl-C
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------- never overwrite silently


@pytest.mark.parametrize("optie", ["--ics", "--uitvoer"])
def test_bestaand_bestand_blijft_zonder_force(tmp_path: Path, monkeypatch, capsys, optie: str) -> None:
    bestaand = tmp_path / "agenda.txt"
    bestaand.write_bytes(OUD)
    code, _, err = draai(monkeypatch, capsys, *PLAN, optie, str(bestaand))
    assert code == 4
    assert "bestaat al" in een_zin(err) and "--force" in err
    assert bestaand.read_bytes() == OUD
    assert resten(tmp_path) == []


def test_force_vervangt(tmp_path: Path, monkeypatch, capsys) -> None:
    bestaand = tmp_path / "agenda.ics"
    bestaand.write_bytes(OUD)
    code, _, err = draai(monkeypatch, capsys, *PLAN, "--ics", str(bestaand), "--force")
    assert code == 0, err
    assert bestaand.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert resten(tmp_path) == []


def test_bestand_dat_tussendoor_verschijnt_blijft_heel(tmp_path: Path, monkeypatch, benoemd) -> None:
    """Someone creates the file between the check and the write: the hard link refuses to replace it."""
    doel = tmp_path / "agenda.ics"
    echte_mkstemp = tempfile.mkstemp

    def mkstemp_en_concurrent(*args, **kwargs):
        resultaat = echte_mkstemp(*args, **kwargs)
        doel.write_bytes(OUD)  # the other writer wins the race
        return resultaat

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_en_concurrent)
    with pytest.raises(BestandFout, match="bestaat al"):
        schrijf(doel, "nieuw\r\n")
    assert doel.read_bytes() == OUD
    assert resten(tmp_path) == []


def test_schrijven_zonder_hardlinks_overschrijft_ook_niet(tmp_path: Path, monkeypatch, benoemd) -> None:
    """On file systems without hard links (FAT, some network shares) a racing file must survive too."""
    doel = tmp_path / "agenda.ics"
    echte_mkstemp = tempfile.mkstemp

    def mkstemp_en_concurrent(*args, **kwargs):
        resultaat = echte_mkstemp(*args, **kwargs)
        doel.write_bytes(OUD)
        return resultaat

    def geen_link(*args, **kwargs):
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_en_concurrent)
    monkeypatch.setattr(bestanden.os, "link", geen_link)
    with pytest.raises(BestandFout, match="bestaat al"):
        schrijf(doel, "nieuw\r\n")
    assert doel.read_bytes() == OUD
    assert resten(tmp_path) == []


def test_zonder_hardlinks_wordt_een_nieuw_bestand_wel_geschreven(tmp_path: Path, monkeypatch) -> None:
    def geen_link(*args, **kwargs):
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(bestanden.os, "link", geen_link)
    schrijf(tmp_path / "agenda.ics", "nieuw\r\n")
    assert (tmp_path / "agenda.ics").read_bytes() == b"nieuw\r\n"
    assert resten(tmp_path) == []


# ------------------------------------------------- unnamed temporary files (Linux, O_TMPFILE)

onbenoemd = pytest.mark.skipif(not bestanden._ONBENOEMD, reason="alleen op Linux met O_TMPFILE")


@onbenoemd
@pytest.mark.parametrize("bestond", [True, False])
def test_onderbroken_onbenoemd_schrijven_laat_niets_achter(tmp_path: Path, monkeypatch, bestond: bool) -> None:
    """Whatever happens halfway, there is never a file (hidden or not) that was not there before."""
    doel = tmp_path / "agenda.ics"
    if bestond:
        doel.write_bytes(OUD)

    def halverwege(*args, **kwargs):
        assert os.listdir(tmp_path) == (["agenda.ics"] if bestond else [])  # writing leaves no name yet
        raise KeyboardInterrupt

    monkeypatch.setattr(bestanden.os, "fsync", halverwege)
    with pytest.raises(KeyboardInterrupt):
        schrijf(doel, "nieuwe inhoud\r\n" * 100_000, force=True)
    assert os.listdir(tmp_path) == (["agenda.ics"] if bestond else [])


@onbenoemd
def test_onbenoemd_racend_bestand_blijft_heel(tmp_path: Path, monkeypatch) -> None:
    doel = tmp_path / "agenda.ics"
    echte_fsync = os.fsync

    def fsync_en_concurrent(fd: int) -> None:
        echte_fsync(fd)
        doel.write_bytes(OUD)  # another writer takes the name after our check

    monkeypatch.setattr(bestanden.os, "fsync", fsync_en_concurrent)
    with pytest.raises(BestandFout, match="bestaat al"):
        schrijf(doel, "nieuw\r\n")
    assert doel.read_bytes() == OUD
    assert os.listdir(tmp_path) == ["agenda.ics"]


@onbenoemd
def test_onbenoemd_houdt_rechten_van_vervangen_bestand(tmp_path: Path) -> None:
    doel = tmp_path / "agenda.ics"
    doel.write_bytes(OUD)
    doel.chmod(0o600)
    schrijf(doel, "nieuw\r\n", force=True)
    assert doel.read_bytes() == b"nieuw\r\n"
    assert doel.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["agenda.ics"]


# ------------------------------------------------------------ special files are never replaced


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_fifo_wordt_nooit_vervangen(tmp_path: Path, monkeypatch, capsys, force: list[str]) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    code, _, err = draai(monkeypatch, capsys, *PLAN, "-o", str(fifo), *force)
    assert code == 4
    assert "geen gewoon bestand" in een_zin(err)
    assert fifo.is_fifo()


def test_apparaat_wordt_niet_vervangen(monkeypatch, capsys) -> None:
    code, _, err = draai(monkeypatch, capsys, *PLAN, "-o", "/dev/null", "--force")
    assert code == 4
    assert "geen gewoon bestand" in een_zin(err)
    assert Path("/dev/null").is_char_device()


def test_symlink_zelf_wordt_met_force_vervangen(tmp_path: Path) -> None:
    """As before: --force replaces the link's own entry, not the file it points to."""
    echt = tmp_path / "echt.txt"
    echt.write_bytes(OUD)
    link = tmp_path / "link.txt"
    link.symlink_to(echt)
    schrijf(link, "nieuw\r\n", force=True)
    assert not link.is_symlink() and link.read_bytes() == b"nieuw\r\n"
    assert echt.read_bytes() == OUD


def test_te_lange_naam_is_een_nederlandse_zin(tmp_path: Path, monkeypatch, capsys) -> None:
    code, _, err = draai(monkeypatch, capsys, *PLAN, "-o", str(tmp_path / ("x" * 300 + ".md")))
    assert code == 4
    assert "te lang" in een_zin(err)


# ------------------------------------------------------------------------ all or nothing


def test_schrijf_alles_schrijft_niets_als_een_doel_niet_kan(tmp_path: Path) -> None:
    goed = tmp_path / "goed.md"
    with pytest.raises(BestandFout, match="bestaat niet"):
        bestanden.schrijf_alles([(goed, "a"), (tmp_path / "weg" / "x.ics", "b")])
    assert os.listdir(tmp_path) == []


def test_schrijf_alles_haalt_geplaatste_weg_bij_late_fout(tmp_path: Path, monkeypatch) -> None:
    """The second target is taken by someone else after the check: the first is taken away again."""
    eerste, tweede = tmp_path / "a.md", tmp_path / "b.ics"
    echte_plaats = bestanden._plaats

    def plaats(stuk, force):
        if stuk.pad == tweede:
            tweede.write_bytes(OUD)
        echte_plaats(stuk, force)

    monkeypatch.setattr(bestanden, "_plaats", plaats)
    with pytest.raises(BestandFout, match="bestaat al"):
        bestanden.schrijf_alles([(eerste, "a"), (tweede, "b")])
    assert sorted(os.listdir(tmp_path)) == ["b.ics"] and tweede.read_bytes() == OUD


def test_uitvoer_en_ics_alles_of_niets(tmp_path: Path, monkeypatch, capsys) -> None:
    """-o ok.md --ics ergens-onmogelijk: ok.md is not written either."""
    code, _, err = draai(monkeypatch, capsys, *PLAN, "-o", str(tmp_path / "ok.md"), "--format", "markdown",
                         "--ics", str(tmp_path / "weg" / "x.ics"))
    assert code == 4 and "bestaat niet" in een_zin(err)
    assert os.listdir(tmp_path) == []


def test_uitvoer_en_ics_alles_of_niets_bij_schrijffout(tmp_path: Path, monkeypatch, capsys) -> None:
    echte_bereid = bestanden._bereid

    def bereid(stuk):
        if stuk.pad.suffix == ".ics":
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        echte_bereid(stuk)

    monkeypatch.setattr(bestanden, "_bereid", bereid)
    code, _, err = draai(monkeypatch, capsys, *PLAN, "-o", str(tmp_path / "ok.md"), "--format", "markdown",
                         "--ics", str(tmp_path / "x.ics"), "--html", str(tmp_path / "r.html"))
    assert code == 4 and "alleen-lezen" in een_zin(err)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(("fout", "woorden"), [(errno.EEXIST, "bestaat al"), (errno.EIO, "invoer/uitvoerfout"),
                                                (errno.ENOENT, "bestaat niet")])
def test_systeemfout_in_het_nederlands(tmp_path: Path, monkeypatch, fout: int, woorden: str) -> None:
    def kapot(stuk):
        raise OSError(fout, os.strerror(fout))

    monkeypatch.setattr(bestanden, "_bereid", kapot)
    with pytest.raises(BestandFout) as gevangen:
        schrijf(tmp_path / "a.md", "x")
    assert woorden in str(gevangen.value)
    assert os.strerror(fout) not in str(gevangen.value)


def test_alle_uitvoer_van_plan_alles_of_niets_ook_kaarten(tmp_path: Path, monkeypatch, capsys) -> None:
    """-o, --ics, --html and --kaarten together: the cards failing last still means nothing is written."""
    echte_bereid = bestanden._bereid

    def bereid(stuk):
        if stuk.pad.name == "kaarten.html":
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        echte_bereid(stuk)

    monkeypatch.setattr(bestanden, "_bereid", bereid)
    code, _, err = draai(monkeypatch, capsys, *PLAN, "-o", str(tmp_path / "ok.md"), "--format", "markdown",
                         "--ics", str(tmp_path / "x.ics"), "--html", str(tmp_path / "r.html"),
                         "--kaarten", str(tmp_path / "kaarten.html"))
    assert code == 4 and "alleen-lezen" in een_zin(err)
    assert os.listdir(tmp_path) == []
    monkeypatch.setattr(bestanden, "_bereid", echte_bereid)
    code, _, err = draai(monkeypatch, capsys, *PLAN, "-o", str(tmp_path / "ok.md"), "--format", "markdown",
                         "--ics", str(tmp_path / "x.ics"), "--html", str(tmp_path / "r.html"),
                         "--kaarten", str(tmp_path / "kaarten.html"))
    assert code == 0, err
    # Two sessions: each also in a calendar file of its own, written with the others.
    assert sorted(os.listdir(tmp_path)) == ["kaarten.html", "ok.md", "r.html", "x-1.ics", "x-2.ics", "x.ics"]


# ------------------------------------------------ special paths under --force (issue 21.4)


@pytest.mark.parametrize("force", [[], ["--force"]])
@pytest.mark.parametrize("pad", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_stdout_als_pad_wordt_nooit_vervangen(tmp_path: Path, pad: str, force: list[str]) -> None:
    """`-o /dev/stdout --force` as root replaced /dev/stdout with a regular file: now one sentence."""
    if not os.path.exists(pad):
        pytest.skip(f"{pad} bestaat hier niet")
    voor = os.lstat(pad)
    proces = subprocess.run([sys.executable, "-m", "planner", *PLAN, "-o", pad, *force], capture_output=True,
                            text=True, cwd=tmp_path, env={**os.environ, "PLANNER_DRAAIBOEKEN": str(tmp_path)})
    assert proces.returncode == 4
    assert "stdout" in een_zin(proces.stderr) or "geen gewoon bestand" in proces.stderr
    na = os.lstat(pad)
    assert (na.st_ino, na.st_mode) == (voor.st_ino, voor.st_mode)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_link_naar_een_apparaat_wordt_niet_vervangen(tmp_path: Path, monkeypatch, capsys, force) -> None:
    link = tmp_path / "uit.md"
    link.symlink_to("/dev/null")
    code, _, err = draai(monkeypatch, capsys, *PLAN, "-o", str(link), *force)
    assert code == 4 and "geen gewoon bestand" in een_zin(err)
    assert link.is_symlink() and os.readlink(link) == "/dev/null"


@pytest.mark.parametrize("optie", ["-o", "--ics", "--html", "--kaarten"])
def test_pad_met_slash_aan_het_eind_wordt_geweigerd(tmp_path: Path, monkeypatch, capsys, optie: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = draai(monkeypatch, capsys, *PLAN, optie, "x.md/")
    assert code == 4 and out == ""
    assert "'x.md/'" in een_zin(err) and "map" in err
    assert os.listdir(tmp_path) == []


def test_schrijffout_noemt_de_map_waar_het_misging(tmp_path: Path, monkeypatch, capsys, benoemd) -> None:
    """-o agenda.md --ics ro/agenda.ics: the message names ro, not the folder of agenda.md."""
    (tmp_path / "ro").mkdir()
    monkeypatch.chdir(tmp_path)
    echte = tempfile.mkstemp

    def alleen_ro_geweigerd(*args, **kwargs):
        if Path(kwargs["dir"]).name == "ro":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return echte(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", alleen_ro_geweigerd)
    code, _, err = draai(monkeypatch, capsys, *PLAN, "-o", "agenda.md", "--ics", "ro/agenda.ics")
    assert code == 4
    assert "'ro'" in een_zin(err)
    assert sorted(os.listdir(tmp_path)) == ["ro"] and os.listdir(tmp_path / "ro") == []
