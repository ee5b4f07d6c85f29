"""Writing files so that nothing the user has is lost: no silent overwrite, no half files."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.kern.fouten import BestandFout

# On Linux a file is written as an unnamed temporary file (O_TMPFILE) and linked into place when
# complete: a kill -9 halfway leaves nothing at all. Elsewhere, and on file systems without it, a
# hidden named temporary file is written and renamed (a kill -9 may leave that one behind).
_ONBENOEMD = sys.platform.startswith("linux") and hasattr(os, "O_TMPFILE")


@dataclass
class _Klaar:
    """One output written completely to a temporary file, not yet in place."""

    pad: Path
    data: bytes
    fd: int | None = None  # the unnamed temporary file (O_TMPFILE)
    tijdelijk: str | None = None  # or the named one
    geplaatst: bool = False


def schrijf(pad: Path, inhoud: str | bytes, force: bool = False) -> None:
    """Write `inhoud` to `pad` atomically; refuse to replace an existing file unless `force`."""
    schrijf_alles([(pad, inhoud)], force=force)


def schrijf_alles(doelen: Sequence[tuple[Path, str | bytes]], force: bool = False) -> None:
    """Write several files all or nothing: every target is checked and every content written to a
    temporary file first; only when all that worked are they put in place.

    If one cannot be written, none is (and files placed before a late failure are taken away again,
    when they did not exist before). A new output (--kaarten PAD, ...) joins by adding its pair.
    """
    for pad, _ in doelen:
        controleer_doel(pad, force)
    paren = [(pad, inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud) for pad, inhoud in doelen]
    klaar: list[_Klaar] = []
    bezig = paren[0][0] if paren else Path()  # the file being worked on, named when that fails
    try:
        for pad, data in paren:
            bezig = pad
            klaar.append(_Klaar(pad, data))
            _bereid(klaar[-1])
        for stuk in klaar:
            bezig = stuk.pad
            _plaats(stuk, force)
    except BaseException as fout:
        if not force:
            # Nothing existed under these names (checked, and linking never replaces): undo.
            for stuk in klaar:
                if stuk.geplaatst:
                    with contextlib.suppress(OSError):
                        os.unlink(stuk.pad)
        if isinstance(fout, OSError):
            raise BestandFout(_reden(bezig, fout)) from None
        raise
    finally:
        for stuk in klaar:
            _ruim_op(stuk)


def _bereid(stuk: _Klaar) -> None:
    """Write the data to a temporary file next to the target, synced to disk."""
    map_ = stuk.pad.parent
    if _ONBENOEMD:
        try:
            stuk.fd = os.open(map_, os.O_TMPFILE | os.O_WRONLY, _modus(stuk.pad))
        except OSError as fout:
            if fout.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise
            stuk.fd = None  # this file system has no unnamed files: the named way below
        if stuk.fd is not None:
            _schrijf_fd(stuk.fd, stuk.data)
            os.fchmod(stuk.fd, _modus(stuk.pad))  # O_TMPFILE's mode passed through the umask
            return
    _bereid_benoemd(stuk)


def _schrijf_fd(fd: int, data: bytes) -> None:
    weergave = memoryview(data)
    while weergave:
        weergave = weergave[os.write(fd, weergave):]
    os.fsync(fd)


def _plaats(stuk: _Klaar, force: bool) -> None:
    """Put a prepared file in place: replacing (force) or only where nothing is (no force)."""
    if stuk.fd is not None:
        try:
            _link_onbenoemd(stuk, force)
            stuk.geplaatst = True
            return
        except FileExistsError:
            raise _bestaat_al(stuk.pad) from None
        except OSError:
            # No /proc, or no hard links here: fall back to the named way with the same data.
            os.close(stuk.fd)
            stuk.fd = None
            _bereid_benoemd(stuk)
    assert stuk.tijdelijk is not None
    if force:
        os.replace(stuk.tijdelijk, stuk.pad)
    else:
        _zet_neer_zonder_vervangen(Path(stuk.tijdelijk), stuk.pad)
    stuk.geplaatst = True


def _bereid_benoemd(stuk: _Klaar) -> None:
    import tempfile  # only when O_TMPFILE is not there: most runs write nothing at all

    fd, stuk.tijdelijk = tempfile.mkstemp(dir=stuk.pad.parent, prefix=f".{stuk.pad.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as bestand:
        bestand.write(stuk.data)
        bestand.flush()
        os.fsync(bestand.fileno())
    os.chmod(stuk.tijdelijk, _modus(stuk.pad))


def _link_onbenoemd(stuk: _Klaar, force: bool) -> None:
    """linkat(AT_SYMLINK_FOLLOW) of /proc/self/fd/N: gives the unnamed file its name."""
    map_fd = os.open(stuk.pad.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    bron = f"/proc/self/fd/{stuk.fd}"
    try:
        if not force:
            # Fails with EEXIST when the name is taken, even by a file that appeared after the check.
            os.link(bron, stuk.pad.name, dst_dir_fd=map_fd, follow_symlinks=True)
            return
        # Replacing needs a rename; the hidden name lives only between these two calls.
        tijdelijk = f".{stuk.pad.name}.{os.getpid()}.{id(stuk)}.tmp"
        os.link(bron, tijdelijk, dst_dir_fd=map_fd, follow_symlinks=True)
        try:
            os.replace(tijdelijk, stuk.pad.name, src_dir_fd=map_fd, dst_dir_fd=map_fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tijdelijk, dir_fd=map_fd)
            raise
    finally:
        os.close(map_fd)


def _ruim_op(stuk: _Klaar) -> None:
    if stuk.fd is not None:
        with contextlib.suppress(OSError):
            os.close(stuk.fd)  # an unnamed file that was not linked vanishes with its descriptor
        stuk.fd = None
    if stuk.tijdelijk is not None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(stuk.tijdelijk)


def lees_doel(tekst: str) -> str:
    """An output path as typed. 'x.md/' names a folder: pathlib would quietly drop the slash."""
    if tekst.endswith(("/", os.sep)) and tekst.rstrip("/" + os.sep):
        raise BestandFout(f"'{tekst}' eindigt op een '/' en wijst dus naar een map, niet naar een bestand: "
                          f"laat de '/' weg ({tekst.rstrip('/' + os.sep)}) of geef een bestandsnaam in die map.")
    return tekst


def controleer_doel(pad: Path, force: bool = False) -> None:
    """Refuse a target that is a folder, lies in a missing folder, exists (without `force`), or is
    anything but a regular file, also behind a link (stdout as /dev/stdout, a FIFO, a device: never
    replaced, not even with force). A link to a regular file is itself replaced with --force."""
    try:
        info = os.lstat(pad)
        doel = os.stat(pad) if stat.S_ISLNK(info.st_mode) else info
    except FileNotFoundError:
        info = doel = None if not os.path.islink(pad) else os.lstat(pad)  # a dangling link: its own name
    except OSError as fout:
        raise BestandFout(_reden(pad, fout)) from None
    except ValueError:
        raise BestandFout(f"'{pad}' heeft een ongeldig teken in de naam: kies een andere naam.") from None
    if _is_map(pad):
        raise BestandFout(f"'{pad}' is een map: geef een bestandsnaam, bijvoorbeeld {pad / 'agenda'}.")
    if doel is not None and _is_stdout(doel):
        raise BestandFout(f"'{pad}' is de uitvoer van de planner zelf (stdout): laat -o/--uitvoer weg om naar "
                          "het scherm of een pijp te schrijven, of geef een gewone bestandsnaam.")
    if doel is not None and not (stat.S_ISREG(doel.st_mode) or stat.S_ISLNK(doel.st_mode)):
        raise BestandFout(f"'{pad}' is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat): dat vervang "
                          "ik niet, ook niet met --force; kies een andere bestandsnaam.")
    if info is None and not _is_map(pad.parent):
        raise BestandFout(f"De map '{pad.parent}' bestaat niet: maak haar eerst aan of kies een ander pad.")
    if info is not None and not force:
        raise _bestaat_al(pad)


def _is_stdout(info: os.stat_result) -> bool:
    try:
        uit = os.fstat(1)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (uit.st_dev, uit.st_ino) and not stat.S_ISREG(info.st_mode)


def _is_map(pad: Path) -> bool:
    try:
        return pad.is_dir()
    except (OSError, ValueError):
        return False


def _zet_neer_zonder_vervangen(tijdelijk: Path, pad: Path) -> None:
    # A hard link fails when the target exists, closing the gap between the check and the write.
    try:
        os.link(tijdelijk, pad)
    except FileExistsError:
        raise _bestaat_al(pad) from None
    except OSError:
        # No hard links here (FAT, some network shares): claim the name exclusively first, so a
        # file that appeared since the check still makes us stop instead of being replaced.
        try:
            os.close(os.open(pad, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        except FileExistsError:
            raise _bestaat_al(pad) from None
        try:
            os.replace(tijdelijk, pad)
        except BaseException:
            # Never leave the empty placeholder behind as if it were the file.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(pad)
            raise


def _bestaat_al(pad: Path) -> BestandFout:
    return BestandFout(f"'{pad}' bestaat al: kies een andere naam of gebruik --force om het te vervangen.")


def _modus(pad: Path) -> int:
    """Keep the permissions of a file we replace; a new file gets the usual ones (umask)."""
    try:
        return pad.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _reden(pad: Path, fout: OSError) -> str:
    if fout.errno == errno.EROFS:
        # A mounted CD, a locked USB stick, a read-only share: no permission would help there.
        return (f"'{pad.parent}' staat op een schijf waarop niets geschreven kan worden (alleen-lezen): "
                "kies een map op een andere schijf.")
    if fout.errno in (errno.EACCES, errno.EPERM):
        return f"Ik mag niet schrijven in '{pad.parent}': kies een map waar je schrijfrechten hebt."
    if fout.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"De schijf is vol: '{pad}' is niet geschreven; maak ruimte vrij en probeer opnieuw."
    if fout.errno == errno.ENAMETOOLONG:
        return f"De naam '{pad}' is te lang voor het bestandssysteem: kies een kortere bestandsnaam."
    from planner.kern.veilig import os_reden

    return f"'{pad}' kon niet geschreven worden ({os_reden(fout)}); een bestaand bestand is ongewijzigd."
