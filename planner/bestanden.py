"""Writing files so that nothing the user has is lost: no silent overwrite, no half files."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from planner.fouten import BestandFout


def schrijf(pad: Path, inhoud: str | bytes, force: bool = False) -> None:
    """Write `inhoud` to `pad` atomically; refuse to replace an existing file unless `force`."""
    data = inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud
    controleer_doel(pad, force)
    map_ = pad.parent
    try:
        fd, tijdelijk = tempfile.mkstemp(dir=map_, prefix=f".{pad.name}.", suffix=".tmp")
    except OSError as fout:
        raise BestandFout(_reden(pad, fout)) from None
    try:
        with os.fdopen(fd, "wb") as bestand:
            bestand.write(data)
            bestand.flush()
            os.fsync(bestand.fileno())
        os.chmod(tijdelijk, _modus(pad))
        if force:
            os.replace(tijdelijk, pad)
        else:
            _zet_neer_zonder_vervangen(Path(tijdelijk), pad)
    except OSError as fout:
        raise BestandFout(_reden(pad, fout)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tijdelijk)


def controleer_doel(pad: Path, force: bool = False) -> None:
    """Refuse a target that is a folder, lies in a missing folder, or exists (without `force`)."""
    if pad.is_dir():
        raise BestandFout(f"'{pad}' is een map: geef een bestandsnaam, bijvoorbeeld {pad / 'agenda'}.")
    if not pad.parent.is_dir():
        raise BestandFout(f"De map '{pad.parent}' bestaat niet: maak haar eerst aan of kies een ander pad.")
    if pad.exists() and not force:
        raise _bestaat_al(pad)


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
    if fout.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Ik mag niet schrijven in '{pad.parent}': kies een map waar je schrijfrechten hebt."
    if fout.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"De schijf is vol: '{pad}' is niet geschreven; maak ruimte vrij en probeer opnieuw."
    return f"'{pad}' kon niet geschreven worden ({fout.strerror}); een bestaand bestand is ongewijzigd."
