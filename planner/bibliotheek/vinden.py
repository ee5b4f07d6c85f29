"""Where draaiboeken live: the built-in folder in the package and the user's own folder, and
which files there are draaiboeken."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from planner.bibliotheek.lezen import is_bestand
from planner.kern.fouten import InvoerFout, Probleem
from planner.kern.lui import Patroon

NAAM = Patroon(r"^[a-z0-9][a-z0-9_-]{0,63}$")



@dataclass(frozen=True)
class Bron:
    """Where a draaiboek file can be read: its id, its path and who made it."""

    id: str
    pad: Path
    herkomst: str  # "ingebouwd" or "eigen"


def ingebouwde_map() -> Path:
    # In an installed wheel the templates are package data: planner/draaiboeken/. (A plain path,
    # not importlib.resources: that import alone costs ~4 ms of every start, and pip installs unzipped.)
    pakket = Path(__file__).resolve().parent.parent  # planner/, this module lives in planner/bibliotheek/
    geinstalleerd = pakket / "draaiboeken"
    if geinstalleerd.is_dir():
        return geinstalleerd
    # In a checkout (or an editable install) the folder sits next to the package.
    return pakket.parent / "draaiboeken"


def eigen_map() -> Path:
    """The user's own draaiboeken: $PLANNER_DRAAIBOEKEN, else the platform's user data folder."""
    gekozen = os.environ.get("PLANNER_DRAAIBOEKEN")
    if gekozen:
        return Path(gekozen).expanduser()
    if os.name == "nt":
        basis = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif os.uname().sysname == "Darwin":
        basis = Path.home() / "Library" / "Application Support"
    else:
        basis = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return basis / "planner" / "draaiboeken"


def _bronnen_in(map_: Path, herkomst: str, geldig: bool = True, naam: str | None = None) -> list[Bron]:
    """The .toml files in `map_` whose name is (or, with geldig=False, is not) a valid id; with `naam`
    only the one with that id."""
    if not _is_map(map_):
        return []
    # A programme file (planner.bibliotheek.programma) lives here too, but is no draaiboek: telling
    # them apart reads the file, so when one id is asked only that file is read.
    return [Bron(pad.stem, pad, herkomst) for pad in sorted(map_.glob("*.toml"))
            if (naam is None or pad.stem == naam) and bool(NAAM.match(pad.stem)) == geldig
            and not is_programma_pad(pad)]


# Only spaces and tabs around the header, as TOML allows: '\s' would cross line ends, and 1 MB of them was
# searched to its end from every line start (minutes).
_PROGRAMMA = Patroon(r"(?m)^[ \t]*\[[ \t]*programma[ \t]*\]")


def is_programma_pad(pad: Path) -> bool:
    """True when the .toml file at `pad` is a programme: it has a [programma] table."""
    from planner.bibliotheek.lezen import lees_tekst

    try:
        return bool(_PROGRAMMA.search(lees_tekst(pad)))
    except (OSError, UnicodeDecodeError, ValueError):
        return False


def _is_map(pad: Path) -> bool:
    try:
        return pad.is_dir()
    except (OSError, ValueError):  # a name too long or with a NUL: no folder
        return False


def maak_eigen_map() -> Path:
    """The own folder, made when missing, for commands that write a draaiboek into it."""
    from planner.kern.veilig import os_reden

    map_ = eigen_map()
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        # mkdir says "exists" for a file, FIFO or device with that name: say what it is instead.
        reden = "er staat al iets met die naam dat geen map is" if fout.errno == errno.EEXIST else os_reden(fout)
        raise InvoerFout(f"De map '{map_}' kan ik niet maken ({reden}): zet PLANNER_DRAAIBOEKEN "
                         "op een map waar je mag schrijven.") from None
    return map_


def eigen_map_melding() -> str | None:
    """What is wrong with $PLANNER_DRAAIBOEKEN, if the user set it to something unusable.

    Without the variable a missing folder is normal (nobody made an own draaiboek yet).
    """
    gekozen = os.environ.get("PLANNER_DRAAIBOEKEN")
    if not gekozen:
        return None
    map_ = eigen_map()
    if _is_map(map_):
        return None
    if is_bestand(map_) or os.path.lexists(map_):
        return (f"PLANNER_DRAAIBOEKEN wijst naar '{map_}', en dat is geen map: eigen draaiboeken worden "
                "niet gelezen; zet de variabele op een map.")
    return (f"PLANNER_DRAAIBOEKEN wijst naar de map '{map_}', maar die bestaat niet: eigen draaiboeken worden "
            "niet gelezen; maak de map aan (of maak een draaiboek met 'planner nieuw NAAM').")


def ongeldige_namen() -> list[Bron]:
    """Own .toml files the planner cannot use because their name is not a valid id."""
    return _bronnen_in(eigen_map(), "eigen", geldig=False)


def ongeldige_naam(pad: Path) -> Probleem:
    return Probleem(str(pad), "de bestandsnaam is geen geldige naam: gebruik alleen kleine letters, cijfers, "
                              "'-' en '_' (bijvoorbeeld mijn-kickoff.toml).")


# A draaiboek is a few kilobytes of text; anything this large is not one (or never ends: /dev/zero).



def alle_bronnen() -> list[Bron]:
    """Built-in draaiboeken first, then the user's own, each sorted by id."""
    return _bronnen_in(ingebouwde_map(), "ingebouwd") + _bronnen_in(eigen_map(), "eigen")


def zichtbare_bronnen() -> list[Bron]:
    """Each id once: a built-in wins over an own file with the same id ('planner lijst' says so)."""
    gezien: dict[str, Bron] = {}
    for bron in alle_bronnen():
        gezien.setdefault(bron.id, bron)
    return list(gezien.values())


def zichtbare_bron(naam: str) -> Bron | None:
    """The one of zichtbare_bronnen() with id `naam`, or None; reads no other file (plan, toon)."""
    for map_, herkomst in ((ingebouwde_map(), "ingebouwd"), (eigen_map(), "eigen")):
        for bron in _bronnen_in(map_, herkomst, naam=naam):
            return bron
    return None


def lijkt_pad(naam: str) -> bool:
    return "/" in naam or "\\" in naam or naam.endswith(".toml") or naam.startswith(".")
