"""Loading draaiboeken: built-in ones from the package, own ones from a folder, or one file.

Every file is validated once, here; a problem names the file, the onderdeel and the field.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.kern.fouten import DraaiboekFout, InvoerFout, Probleem
from planner.kern.lui import Patroon
from planner.kern.model import (
    SOORTEN,
    STAPSOORTEN,
    VOORWAARDEN,
    Beurten,
    Draaiboek,
    GroepsOpmerking,
    Herhaling,
    Materiaal,
    Onderdeel,
    Stap,
    Variant,
)
from planner.kern.teksten import fout_in

if TYPE_CHECKING:
    import tomllib

DAG = 24 * 60
MAX_GROEP = 1000
NAAM = Patroon(r"^[a-z0-9][a-z0-9_-]{0,63}$")
BELEID = ("splitsen", "inkorten")
ANKERS = ("einde",)


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


def _bronnen_in(map_: Path, herkomst: str, geldig: bool = True) -> list[Bron]:
    """The .toml files in `map_` whose name is (or, with geldig=False, is not) a valid id."""
    if not _is_map(map_):
        return []
    return [Bron(pad.stem, pad, herkomst) for pad in sorted(map_.glob("*.toml"))
            if bool(NAAM.match(pad.stem)) == geldig]


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
        raise InvoerFout(f"De map '{map_}' kan ik niet maken ({os_reden(fout)}): zet PLANNER_DRAAIBOEKEN "
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
MAX_GROOTTE = 1024 * 1024


class GeenDraaiboekBestand(OSError):
    """A path that is not a regular file of reasonable size; its message is Dutch."""


def lees_tekst(pad: Path) -> str:
    """The text of a draaiboek file: only a regular file, never blocking, never megabytes.

    O_NONBLOCK: opening a FIFO (or a symlink to one) must not wait for a writer; fstat on the
    opened descriptor (not the name, which may change in between) decides what it really is.
    """
    import stat

    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as fout:
        raise GeenDraaiboekBestand(fout.errno, _reden(fout)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise GeenDraaiboekBestand(0, "dit is een map, geen draaiboek-bestand")
        if not stat.S_ISREG(info.st_mode):
            raise GeenDraaiboekBestand(0, "dit is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat); "
                                          "een draaiboek is een gewoon .toml-bestand")
        if info.st_size > MAX_GROOTTE:
            raise GeenDraaiboekBestand(0, f"het bestand is te groot ({info.st_size // 1024} kB); een draaiboek "
                                          "is een tekstbestand van hooguit 1 MB")
        data = b""
        while len(data) <= MAX_GROOTTE:
            stuk = os.read(fd, MAX_GROOTTE + 1 - len(data))
            if not stuk:
                break
            data += stuk
        if len(data) > MAX_GROOTTE:  # it grew while we read
            raise GeenDraaiboekBestand(0, "het bestand is te groot; een draaiboek is hooguit 1 MB")
    except GeenDraaiboekBestand:
        raise
    except OSError as fout:
        raise GeenDraaiboekBestand(fout.errno, _reden(fout)) from None
    finally:
        os.close(fd)
    # utf-8-sig: Windows Notepad may put an invisible byte-order mark in front.
    return data.decode("utf-8-sig")


def _reden(fout: OSError) -> str:
    from planner.kern.veilig import os_reden

    return f"kan het bestand niet lezen: {os_reden(fout)}"


def waarom_niet(pad: Path) -> str:
    """Why `pad` cannot be read as a draaiboek (not there, not a regular file, a name too long)."""
    try:
        pad.stat()
    except OSError as fout:
        if fout.errno == errno.ENAMETOOLONG:
            return "heeft een naam die te lang is voor het bestandssysteem: kies een kortere naam."
        return "bestaat niet: controleer het pad."
    except ValueError:  # a NUL in the name
        return "heeft een ongeldig teken in de naam: controleer het pad."
    return "is geen gewoon bestand: een draaiboek is een .toml-tekstbestand."


def is_bestand(pad: Path) -> bool:
    """Path.is_file without the crash on a name the file system refuses (too long, NUL)."""
    try:
        return pad.is_file()
    except (OSError, ValueError):
        return False


def alle_bronnen() -> list[Bron]:
    """Built-in draaiboeken first, then the user's own, each sorted by id."""
    return _bronnen_in(ingebouwde_map(), "ingebouwd") + _bronnen_in(eigen_map(), "eigen")


def zichtbare_bronnen() -> list[Bron]:
    """Each id once: a built-in wins over an own file with the same id ('planner lijst' says so)."""
    gezien: dict[str, Bron] = {}
    for bron in alle_bronnen():
        gezien.setdefault(bron.id, bron)
    return list(gezien.values())


def lijkt_pad(naam: str) -> bool:
    return "/" in naam or "\\" in naam or naam.endswith(".toml") or naam.startswith(".")


def vind(naam: str) -> Draaiboek:
    """The draaiboek a user means by `naam`: a built-in or own id, or a path to a .toml file."""
    if lijkt_pad(naam):
        pad = Path(naam).expanduser()
        if pad.suffix != ".toml":
            raise InvoerFout(
                f"'{naam}' is geen draaiboek: geef een naam uit 'planner lijst' "
                "of een pad naar een .toml-bestand."
            )
        if not is_bestand(pad):
            raise InvoerFout(f"Het bestand '{naam}' {waarom_niet(pad)}")
        return laad_bestand(pad, herkomst=str(pad))
    naam = naam.strip().lower()
    if not NAAM.match(naam):
        raise InvoerFout(
            f"'{naam}' is geen geldige draaiboeknaam: gebruik een naam uit 'planner lijst'."
        )
    bronnen = zichtbare_bronnen()
    for bron in bronnen:
        if bron.id == naam:
            return laad_bestand(bron.pad, herkomst=bron.herkomst)
    bekend = ", ".join(sorted(b.id for b in bronnen))
    raise InvoerFout(f"Draaiboek '{naam}' bestaat niet: kies uit {bekend} (zie 'planner lijst').")


def laad_bestand(pad: Path, herkomst: str = "eigen") -> Draaiboek:
    draaiboek, problemen = controleer_bestand(pad, herkomst)
    if problemen:
        raise DraaiboekFout(problemen)
    assert draaiboek is not None
    return draaiboek


def controleer_bestand(pad: Path, herkomst: str = "eigen") -> tuple[Draaiboek | None, list[Probleem]]:
    """Read and validate one file; returns the draaiboek or every problem found."""
    naam = str(pad)
    try:
        tekst = lees_tekst(pad)
    except UnicodeDecodeError:
        return None, [Probleem(naam, "het bestand is geen UTF-8-tekst; sla het op als UTF-8.")]
    except OSError as fout:
        return None, [Probleem(naam, f"{fout.strerror}.")]
    return controleer_tekst(tekst, pad, herkomst)


def controleer_tekst(tekst: str, pad: Path, herkomst: str = "eigen") -> tuple[Draaiboek | None, list[Probleem]]:
    """Validate the text of a draaiboek as if it were the file `pad` (also before it is written)."""
    naam = str(pad)
    try:
        data = _lees_toml(tekst, herkomst)
    except ValueError as fout:
        import tomllib

        if not isinstance(fout, tomllib.TOMLDecodeError):
            raise
        return None, [_toml_probleem(naam, fout)]
    except RecursionError:
        # x = [[[[...]]]] thousands deep: the reader gives up; one broken file must not hide the rest.
        return None, [Probleem(naam, "dit is geen bruikbare TOML: lijsten of tabellen staan te diep in "
                                     "elkaar; een draaiboek heeft er hooguit een paar nodig.")]
    try:
        draaiboek, problemen = lees_draaiboek(data, naam, herkomst=herkomst, standaard_id=pad.stem)
    except RecursionError:
        return None, [Probleem(naam, "lijsten of tabellen staan te diep in elkaar; een draaiboek heeft er "
                                     "hooguit een paar nodig.")]
    if herkomst == "eigen" and isinstance(data.get("id"), str) and data["id"] != pad.stem:
        # Found by its file name: an id that differs would make 'planner plan NAAM' confusing.
        problemen.append(Probleem(naam, f"het id '{data['id']}' verschilt van de bestandsnaam "
                                  f"'{pad.stem}'; maak ze gelijk (de planner vindt het bestand "
                                  "onder de bestandsnaam).", veld="id"))
        draaiboek = None
    return draaiboek, [_met_regel(p, tekst) for p in problemen]


def _lees_toml(tekst: str, herkomst: str) -> dict[str, Any]:
    """The parsed text; built-in draaiboeken are parsed each time too (no cache written on a read)."""
    import tomllib

    return tomllib.loads(tekst)


_KOP = Patroon(r"^\s*\[\[?\s*([A-Za-z_]+)\s*\]\]?")
_ID = Patroon(r"""^\s*id\s*=\s*["']([^"']*)["']""")


def _met_regel(probleem: Probleem, tekst: str) -> Probleem:
    """Add the line number of a field problem by finding the field in its block of the text.

    A nicety: when the text is unusual (inline tables, dotted keys) the problem simply has no line.
    """
    if probleem.regel is not None:
        return probleem
    regels = tekst.splitlines()
    # Blocks: (table name, first line index, id inside or None); the top level is block "".
    blokken: list[tuple[str, int, str | None]] = [("", 0, None)]
    for i, regel in enumerate(regels):
        kop = _KOP.match(regel)
        if kop:
            blokken.append((kop[1], i, None))
        elif (gevonden := _ID.match(regel)) and blokken[-1][2] is None:
            blokken[-1] = (blokken[-1][0], blokken[-1][1], gevonden[1])
    grenzen = [b[1] for b in blokken[1:]] + [len(regels)]
    kandidaten = _blokken_voor(probleem, blokken)
    if not kandidaten:
        return probleem
    index = kandidaten[-1] if probleem.veld == "id" else kandidaten[0]
    _, begin, _ = blokken[index]
    eind = grenzen[index]
    veld = probleem.veld
    if veld:
        patroon = re.compile(rf"^\s*{re.escape(veld)}\s*=")
        for i in range(begin, eind):
            if patroon.match(regels[i]):
                return replace(probleem, regel=i + 1)
        for i in range(begin, eind):  # a field of an inline table: beurten = { min = ... }
            if re.search(rf"[{{,]\s*{re.escape(veld)}\s*=", regels[i]):
                return replace(probleem, regel=i + 1)
    if index == 0:
        return probleem
    return replace(probleem, regel=begin + 1)


def _blokken_voor(probleem: Probleem, blokken: list[tuple[str, int, str | None]]) -> list[int]:
    wie = probleem.onderdeel
    if wie is None:
        if probleem.veld in ("varianten", "onderdelen", "groepsopmerkingen", "splitsen"):
            return [i for i, b in enumerate(blokken) if b[0] == probleem.veld][:1] or [0]
        return [0]
    nummer = re.search(r"(?:^|\()nummer (\d+)\)?$", wie)
    if nummer:
        onderdelen = [i for i, b in enumerate(blokken) if b[0] == "onderdelen"]
        return onderdelen[int(nummer[1]) - 1:int(nummer[1])]
    if wie.startswith("variant "):
        naam = wie.removeprefix("variant ")
        return [i for i, b in enumerate(blokken) if b[0] == "varianten" and b[2] == naam]
    if wie == "groepsopmerking":
        return []
    return [i for i, b in enumerate(blokken) if b[0] == "onderdelen" and b[2] == wie]


_TOML_REGEL = Patroon(r"\(at line (\d+), column (\d+)\)")


def _toml_probleem(bestand: str, fout: tomllib.TOMLDecodeError) -> Probleem:
    tekst = str(fout)
    plek = _TOML_REGEL.search(tekst)
    regel = int(plek[1]) if plek else None
    kolom = f", kolom {plek[2]}" if plek else ""
    oorzaak = _TOML_REGEL.sub("", tekst).strip().rstrip(".")
    uitleg = next((nl for en, nl in _TOML_UITLEG if oorzaak.startswith(en)), "")
    return Probleem(
        bestand,
        f"dit is geen geldige TOML{kolom}: {uitleg or 'controleer aanhalingstekens, haakjes en = op die regel'} "
        f"(de lezer zegt: {oorzaak}).",
        regel=regel,
    )


# tomllib speaks English; the messages a hand-edited draaiboek most often meets, in Dutch.
_TOML_UITLEG = (
    ("Unterminated string", "een tekst mist zijn sluitende aanhalingsteken"),
    ("Unclosed array", "een lijst [ … ] wordt niet gesloten met ]"),
    ("Unclosed inline table", "een tabel { … } wordt niet gesloten met }"),
    ("Expected '=' after a key", "na een veldnaam hoort een ="),
    ("Invalid value", "na de = staat geen geldige waarde: een tekst hoort tussen aanhalingstekens"),
    ("Invalid statement", "deze regel is geen veld = waarde en geen [kop]"),
    ("Cannot declare", "een veld of kop staat hier twee keer"),
    ("Cannot overwrite a value", "een veld staat hier twee keer"),
    ("Expected newline or end of document", "na de waarde staat nog iets op dezelfde regel"),
    ("Expected ']'", "een [kop] mist zijn sluitende ]"),
    ("Expected ']]'", "een [[kop]] mist zijn sluitende ]]"),
    ("Illegal character '\\n'", "een tekst mist zijn sluitende aanhalingsteken aan het einde van de regel"),
    ("Illegal character", "er staat een onzichtbaar of ongeldig teken"),
    ("Found invalid character", "er staat een ongeldig teken"),
)


class _Lezer:
    """Typed access to one table of the TOML data, collecting problems instead of raising."""

    def __init__(self, data: dict[str, Any], bestand: str, problemen: list[Probleem],
                 onderdeel: str | None = None) -> None:
        self.data = data
        self.bestand = bestand
        self.problemen = problemen
        self.onderdeel = onderdeel

    def probleem(self, veld: str | None, melding: str) -> None:
        self.problemen.append(Probleem(self.bestand, melding, self.onderdeel, veld))

    def tekst(self, veld: str, verplicht: bool = False, standaard: str = "") -> str:
        waarde = self.data.get(veld)
        if waarde is None:
            if verplicht:
                self.probleem(veld, "dit veld ontbreekt; vul een tekst in.")
            return standaard
        if not isinstance(waarde, str) or (verplicht and not waarde.strip()):
            self.probleem(veld, "moet een niet-lege tekst tussen aanhalingstekens zijn.")
            return standaard
        return waarde.strip()

    def teksten(self, veld: str) -> tuple[str, ...]:
        waarde = self.data.get(veld, [])
        if isinstance(waarde, str):
            return (waarde,)
        if not isinstance(waarde, list) or not all(isinstance(w, str) for w in waarde):
            self.probleem(veld, 'moet een lijst van teksten zijn, bijvoorbeeld ["a", "b"].')
            return ()
        return tuple(w.strip() for w in waarde)

    def materialen(self, veld: str = "materialen") -> tuple[Materiaal, ...]:
        """Plain names, or tables { naam = "...", per_deelnemer = 5 } / { naam = "...", aantal = 2 }."""
        waarde = self.data.get(veld, [])
        if isinstance(waarde, str | dict):
            waarde = [waarde]
        if not isinstance(waarde, list):
            self.probleem(veld, 'moet een lijst zijn, bijvoorbeeld ["flap-over", '
                          '{ naam = "plaknotities", per_deelnemer = 5 }].')
            return ()
        gelezen = []
        for nummer, item in enumerate(waarde, start=1):
            if isinstance(item, str):
                if item.strip():
                    gelezen.append(Materiaal(item.strip()))
                else:
                    self.probleem(veld, f"materiaal {nummer} is een lege tekst; vul een naam in of haal het weg.")
            elif isinstance(item, dict):
                materiaal = self._materiaal(veld, nummer, item)
                if materiaal is not None:
                    gelezen.append(materiaal)
            else:
                self.probleem(veld, f"materiaal {nummer} ({item!r}) moet een tekst zijn of een tabel "
                              'als { naam = "plaknotities", per_deelnemer = 5 }.')
        return tuple(gelezen)

    def _materiaal(self, veld: str, nummer: int, item: dict[str, Any]) -> Materiaal | None:
        plek = f"materiaal {nummer}"
        bekend = {"naam", "per_deelnemer", "aantal"}
        for onbekend in [k for k in item if k not in bekend]:
            self.probleem(veld, f"{plek}: '{onbekend}' ken ik niet; gebruik naam, per_deelnemer of aantal.")
        naam = item.get("naam")
        if not isinstance(naam, str) or not naam.strip():
            self.probleem(veld, f'{plek}: naam ontbreekt of is leeg; schrijf bijvoorbeeld naam = "plaknotities".')
            return None
        per_deelnemer = item.get("per_deelnemer")
        aantal = item.get("aantal")
        if per_deelnemer is not None and (isinstance(per_deelnemer, bool)
                                          or not isinstance(per_deelnemer, int | float)
                                          or not 0 < per_deelnemer < MAX_GROEP):
            self.probleem(veld, f"{plek} ('{naam}'): per_deelnemer moet een positief getal zijn, "
                          f"niet {per_deelnemer!r}.")
            return None
        if aantal is not None and (isinstance(aantal, bool) or not isinstance(aantal, int) or aantal < 1):
            self.probleem(veld, f"{plek} ('{naam}'): aantal moet een geheel getal van minstens 1 zijn, "
                          f"niet {aantal!r}.")
            return None
        if per_deelnemer is not None and aantal is not None:
            self.probleem(veld, f"{plek} ('{naam}'): geef per_deelnemer of aantal, niet allebei.")
            return None
        return Materiaal(naam.strip(), float(per_deelnemer) if per_deelnemer is not None else None, aantal)

    def getal(self, veld: str, verplicht: bool = False, standaard: int | None = None,
              minimum: int = 0, maximum: int | None = None) -> int | None:
        waarde = self.data.get(veld)
        if waarde is None:
            if verplicht:
                self.probleem(veld, "dit veld ontbreekt; vul een geheel getal in.")
            return standaard
        if isinstance(waarde, bool) or not isinstance(waarde, int):
            self.probleem(veld, f"moet een geheel getal zijn, niet {waarde!r}.")
            return standaard
        if waarde < minimum:
            self.probleem(veld, f"moet minstens {minimum} zijn, niet {waarde}.")
            return standaard
        if maximum is not None and waarde > maximum:
            self.probleem(veld, f"moet hooguit {maximum} zijn, niet {waarde}.")
            return standaard
        return waarde

    def kommagetal(self, veld: str, verplicht: bool = False) -> float | None:
        waarde = self.data.get(veld)
        if waarde is None:
            if verplicht:
                self.probleem(veld, "dit veld ontbreekt; vul een getal in.")
            return None
        if isinstance(waarde, bool) or not isinstance(waarde, int | float) or not 0 < waarde < DAG:
            # TOML knows inf and nan; neither is a number of minutes or people.
            self.probleem(veld, f"moet een positief getal zijn, niet {waarde!r}.")
            return None
        return float(waarde)

    def ja_nee(self, veld: str, standaard: bool = False) -> bool:
        waarde = self.data.get(veld, standaard)
        if not isinstance(waarde, bool):
            self.probleem(veld, "moet true of false zijn.")
            return standaard
        return waarde

    def keuze(self, veld: str, opties: tuple[str, ...], standaard: str | None = None,
              verplicht: bool = False) -> str | None:
        waarde = self.data.get(veld)
        if waarde is None:
            if verplicht:
                self.probleem(veld, f"dit veld ontbreekt; kies uit {', '.join(opties)}.")
            return standaard
        if waarde not in opties:
            self.probleem(veld, f"'{waarde}' kan niet; kies uit {', '.join(opties)}.")
            return standaard
        return waarde

    def tabellen(self, veld: str) -> list[dict[str, Any]]:
        waarde = self.data.get(veld, [])
        if not isinstance(waarde, list) or not all(isinstance(w, dict) for w in waarde):
            self.probleem(veld, f"moet een lijst van [[{veld}]]-tabellen zijn.")
            return []
        return waarde

    def onbekende_velden(self, bekend: set[str]) -> None:
        for veld in self.data:
            if veld not in bekend:
                self.probleem(veld, f"dit veld ken ik niet; bekende velden: {', '.join(sorted(bekend))}.")


_DRAAIBOEK_VELDEN = {
    "id", "titel", "bron", "beschrijving", "opstelling", "tijdsduur", "groep_min", "groep_max",
    "bij_tijdgebrek", "splitsen", "materialen", "deelnemers", "opmerkingen", "groepsopmerkingen",
    "varianten", "onderdelen", "herhaling", "standaard_minuten", "groep_omdat", "meenemen",
}
_ONDERDEEL_VELDEN = {
    "id", "titel", "soort", "minuten", "min", "max", "stap", "werkvorm", "stappen", "instructies", "vragen",
    "materialen", "varianten", "geschat", "beurten", "groepjes", "anker", "toelichting", "optioneel",
}
_SPLITSEN_VELDEN = {"mag", "omdat", "samen", "naden", "bron_sessies", "welkom_terug", "vooruitblik",
                    "welkom_terug_stappen", "vooruitblik_stappen"}


def lees_draaiboek(data: dict[str, Any], bestand: str, herkomst: str = "eigen",
                   standaard_id: str = "") -> tuple[Draaiboek | None, list[Probleem]]:
    """Turn parsed TOML into a Draaiboek, or return every problem in it."""
    problemen: list[Probleem] = []
    lezer = _Lezer(data, bestand, problemen)
    lezer.onbekende_velden(_DRAAIBOEK_VELDEN)
    id_ = lezer.tekst("id", standaard=standaard_id) or standaard_id
    if id_ and not NAAM.match(id_):
        lezer.probleem("id", f"'{id_}' mag alleen kleine letters, cijfers, '-' en '_' bevatten.")
    varianten = _lees_varianten(lezer)
    groep_min = lezer.getal("groep_min", standaard=1, minimum=1, maximum=MAX_GROEP) or 1
    groep_max = lezer.getal("groep_max", standaard=30, minimum=1, maximum=MAX_GROEP) or 30
    if varianten:
        if "groep_max" in data and max(v.groep_max for v in varianten) > groep_max:
            lezer.probleem("groep_max", f"een variant gaat tot {max(v.groep_max for v in varianten)} deelnemers, "
                           f"meer dan groep_max ({groep_max}); maak ze gelijk.")
        groep_min = min(v.groep_min for v in varianten)
        groep_max = max(v.groep_max for v in varianten)
    elif groep_min > groep_max:
        lezer.probleem("groep_min", f"groep_min ({groep_min}) is groter dan groep_max ({groep_max}).")
    splitsen = data.get("splitsen", {})
    if not isinstance(splitsen, dict):
        lezer.probleem("splitsen", "moet een [splitsen]-tabel zijn.")
        splitsen = {}
    split_lezer = _Lezer(splitsen, bestand, problemen, onderdeel="splitsen")
    split_lezer.onbekende_velden(_SPLITSEN_VELDEN)
    variant_ids = {v.id for v in varianten}
    onderdelen = _lees_onderdelen(lezer, variant_ids)
    mag_splitsen = split_lezer.ja_nee("mag", standaard=True)
    omdat = split_lezer.tekst("omdat")
    if not mag_splitsen and not omdat:
        split_lezer.probleem("omdat", "zeg waarom dit draaiboek niet over sessies verdeeld mag worden "
                             "(met de bron), zodat de planner het de gebruiker kan uitleggen.")
    bron_sessies = split_lezer.getal("bron_sessies", minimum=2, maximum=DAG)
    if bron_sessies is not None and not mag_splitsen:
        split_lezer.probleem("bron_sessies", "hoort bij een draaiboek dat over sessies verdeeld mag worden; "
                             "laat het weg of zet mag = true.")
        bron_sessies = None
    draaiboek = Draaiboek(
        id=id_,
        titel=lezer.tekst("titel", verplicht=True),
        bron=lezer.tekst("bron", verplicht=True),
        onderdelen=tuple(onderdelen),
        varianten=tuple(varianten),
        groep_min=groep_min,
        groep_max=groep_max,
        groep_omdat=lezer.tekst("groep_omdat"),
        beschrijving=lezer.tekst("beschrijving"),
        opstelling=lezer.tekst("opstelling"),
        tijdsduur=lezer.tekst("tijdsduur"),
        bij_tijdgebrek=lezer.keuze("bij_tijdgebrek", BELEID, standaard="inkorten") or "inkorten",
        # 0: the planner adds no welkom terug / vooruitblik of its own.
        welkom_terug_min=_of(split_lezer.getal("welkom_terug", standaard=5, minimum=0, maximum=60), 5),
        vooruitblik_min=_of(split_lezer.getal("vooruitblik", standaard=5, minimum=0, maximum=60), 5),
        splitsen=mag_splitsen,
        niet_splitsen_omdat=omdat,
        welkom_terug_stappen=_lees_stappen(split_lezer, "welkom_terug_stappen"),
        vooruitblik_stappen=_lees_stappen(split_lezer, "vooruitblik_stappen"),
        samen=_lees_samen(split_lezer, onderdelen),
        naden=_lees_naden(split_lezer, onderdelen),
        bron_sessies=bron_sessies,
        standaard_minuten=lezer.getal("standaard_minuten", minimum=1, maximum=DAG),
        materialen=lezer.materialen(),
        deelnemers=lezer.tekst("deelnemers"),
        meenemen=lezer.teksten("meenemen"),
        opmerkingen=lezer.teksten("opmerkingen"),
        groepsopmerkingen=tuple(_lees_groepsopmerkingen(lezer)),
        herhaling=_lees_herhaling(lezer),
        herkomst=herkomst,
        pad=bestand,
    )
    if problemen:
        return None, problemen
    return draaiboek, []


def _of(waarde: int | None, standaard: int) -> int:
    return standaard if waarde is None else waarde


def _lees_varianten(lezer: _Lezer) -> list[Variant]:
    varianten = []
    for i, tabel in enumerate(lezer.tabellen("varianten"), start=1):
        sub = _Lezer(tabel, lezer.bestand, lezer.problemen, onderdeel=f"variant {i}")
        sub.onbekende_velden({"id", "titel", "groep_min", "groep_max", "toelichting", "opstelling",
                              "ook_groep_min", "ook_groep_max"})
        id_ = sub.tekst("id", verplicht=True)
        sub.onderdeel = f"variant {id_ or i}"
        laag = sub.getal("groep_min", standaard=1, minimum=1, maximum=MAX_GROEP) or 1
        hoog = sub.getal("groep_max", verplicht=True, minimum=1, maximum=MAX_GROEP) or laag
        if laag > hoog:
            sub.probleem("groep_min", f"groep_min ({laag}) is groter dan groep_max ({hoog}).")
        # The wider range the source also allows (R1); it must contain the variant's own range.
        ook_laag = sub.getal("ook_groep_min", minimum=1, maximum=MAX_GROEP)
        ook_hoog = sub.getal("ook_groep_max", minimum=1, maximum=MAX_GROEP)
        if ook_laag is not None and ook_laag > laag:
            sub.probleem("ook_groep_min", f"ook_groep_min ({ook_laag}) moet de groep van de variant "
                         f"omvatten: hooguit groep_min ({laag}).")
        if ook_hoog is not None and ook_hoog < hoog:
            sub.probleem("ook_groep_max", f"ook_groep_max ({ook_hoog}) moet de groep van de variant "
                         f"omvatten: minstens groep_max ({hoog}).")
        varianten.append(Variant(id_, sub.tekst("titel", standaard=id_), laag, hoog,
                                 sub.tekst("toelichting"), sub.tekst("opstelling"), ook_laag, ook_hoog))
    ids = [v.id for v in varianten]
    for dubbel in sorted({i for i in ids if ids.count(i) > 1}):
        lezer.probleem("varianten", f"variant-id '{dubbel}' komt meer dan eens voor.")
    geordend = sorted(varianten, key=lambda v: v.groep_min)
    for vorige, volgende in zip(geordend, geordend[1:], strict=False):
        if volgende.groep_min <= vorige.groep_max:
            lezer.probleem("varianten", f"de groepen van variant {vorige.id} en {volgende.id} "
                           f"overlappen ({vorige.groep_min}-{vorige.groep_max} en "
                           f"{volgende.groep_min}-{volgende.groep_max}); laat ze aansluiten.")
        elif volgende.groep_min > vorige.groep_max + 1:
            lezer.probleem("varianten", f"tussen variant {vorige.id} en {volgende.id} zit een gat: "
                           f"groepen van {vorige.groep_max + 1} tot {volgende.groep_min - 1} "
                           "vallen in geen enkele variant.")
    return varianten


def _lees_groepsopmerkingen(lezer: _Lezer) -> list[GroepsOpmerking]:
    opmerkingen = []
    for tabel in lezer.tabellen("groepsopmerkingen"):
        sub = _Lezer(tabel, lezer.bestand, lezer.problemen, onderdeel="groepsopmerking")
        sub.onbekende_velden({"groep_min", "groep_max", "tekst", "variant"})
        opmerkingen.append(GroepsOpmerking(
            sub.getal("groep_min", standaard=1, minimum=1) or 1,
            sub.getal("groep_max", verplicht=True, minimum=1) or 1,
            sub.tekst("tekst", verplicht=True),
            sub.tekst("variant"),
        ))
    return opmerkingen


def _lees_herhaling(lezer: _Lezer) -> Herhaling | None:
    tabel = lezer.data.get("herhaling")
    if tabel is None:
        return None
    if not isinstance(tabel, dict):
        lezer.probleem("herhaling", 'moet een tabel zijn, bijvoorbeeld herhaling = { titel = '
                       '"Herhalingsworkshop", minuten = 90, geschat = true }.')
        return None
    sub = _Lezer(tabel, lezer.bestand, lezer.problemen, onderdeel="herhaling")
    sub.onbekende_velden({"titel", "minuten", "geschat", "toelichting"})
    minuten = sub.getal("minuten", verplicht=True, minimum=1, maximum=DAG)
    herhaling = Herhaling(
        titel=sub.tekst("titel", verplicht=True),
        minuten=minuten or 1,
        geschat=sub.ja_nee("geschat"),
        toelichting=sub.tekst("toelichting"),
    )
    return herhaling if minuten else None


def _lees_onderdelen(lezer: _Lezer, variant_ids: set[str]) -> list[Onderdeel]:
    tabellen = lezer.tabellen("onderdelen")
    if not tabellen and "onderdelen" not in {p.veld for p in lezer.problemen}:
        lezer.probleem("onderdelen", "er staat geen enkel [[onderdelen]]-blok in het draaiboek.")
    onderdelen = []
    gezien: set[str] = set()
    for i, tabel in enumerate(tabellen, start=1):
        onderdeel = _lees_onderdeel(tabel, lezer, i, variant_ids, gezien)
        if onderdeel is None:
            continue
        if onderdeel.id in gezien:
            lezer.problemen.append(Probleem(lezer.bestand, "dit id komt al eerder voor; geef elk "
                                            "onderdeel een eigen id.", f"{onderdeel.id} (nummer {i})", "id"))
        gezien.add(onderdeel.id)
        onderdelen.append(onderdeel)
    ankers = [o for o in onderdelen if o.anker]
    if ankers and ankers[-1] is not onderdelen[-1]:
        lezer.problemen.append(Probleem(lezer.bestand, "alleen het laatste onderdeel kan aan het "
                                        "einde vastliggen.", ankers[-1].id, "anker"))
    return onderdelen


def _lees_onderdeel(tabel: dict[str, Any], lezer: _Lezer, nummer: int,
                    variant_ids: set[str], gezien: set[str] = frozenset()) -> Onderdeel | None:
    sub = _Lezer(tabel, lezer.bestand, lezer.problemen, onderdeel=f"nummer {nummer}")
    id_ = sub.tekst("id", verplicht=True)
    if id_:
        # With a duplicated id the number says which of the blocks a problem is about.
        sub.onderdeel = f"{id_} (nummer {nummer})" if id_ in gezien else id_
        if not NAAM.match(id_):
            sub.probleem("id", f"'{id_}' mag alleen kleine letters, cijfers, '-' en '_' bevatten.")
    sub.onbekende_velden(_ONDERDEEL_VELDEN)
    # No part of a meeting lasts longer than a day; a larger number is a typing error.
    minuten = sub.getal("minuten", verplicht=True, minimum=1, maximum=DAG)
    laag = sub.getal("min", standaard=minuten, minimum=1, maximum=DAG)
    hoog = sub.getal("max", standaard=minuten, minimum=1, maximum=DAG)
    stap = sub.getal("stap", standaard=5, minimum=1, maximum=DAG) or 5
    if minuten is not None and laag is not None and hoog is not None:
        if laag > hoog:
            sub.probleem("min", f"min ({laag}) is groter dan max ({hoog}).")
        elif not laag <= minuten <= hoog:
            sub.probleem("minuten", f"{minuten} ligt niet tussen min ({laag}) en max ({hoog}).")
    varianten = sub.teksten("varianten")
    for onbekend in [v for v in varianten if v not in variant_ids]:
        sub.probleem("varianten", f"variant '{onbekend}' bestaat niet in dit draaiboek.")
    onderdeel = Onderdeel(
        id=id_,
        titel=sub.tekst("titel", verplicht=True),
        soort=sub.keuze("soort", SOORTEN[:-1], verplicht=True) or "werkvorm",
        minuten=minuten or 1,
        min_minuten=laag or 1,
        max_minuten=hoog or 1,
        werkvorm=sub.tekst("werkvorm"),
        stappen=_lees_stappen(sub),
        materialen=sub.materialen(),
        varianten=varianten,
        geschat=sub.ja_nee("geschat"),
        stap=stap,
        beurten=_lees_beurten(sub),
        groepjes=_lees_groepjes(sub),
        anker=sub.keuze("anker", ANKERS),
        toelichting=sub.tekst("toelichting"),
        optioneel=sub.ja_nee("optioneel"),
    )
    return onderdeel if id_ else None


_STAP_VOORBEELD = ('stappen = ["Een instructie.", { vraag = "Een vraag?" }, '
                   '{ instructie = "Met punten:", sub = ["a", "b"] }]')


def _lees_stappen(sub: _Lezer, veld: str = "stappen") -> tuple[Stap, ...]:
    """The ordered steps; the older separate lists (instructions, then questions) still read."""
    if veld in sub.data:
        if veld == "stappen" and ("instructies" in sub.data or "vragen" in sub.data):
            sub.probleem("stappen", "geef stappen, of instructies en vragen, maar niet allebei: "
                         "zet alles in stappen, in de volgorde van de bron.")
        waarde = sub.data[veld]
        if isinstance(waarde, str | dict):
            waarde = [waarde]
        if not isinstance(waarde, list):
            sub.probleem(veld, f"moet een lijst zijn, bijvoorbeeld {_STAP_VOORBEELD}.")
            return ()
        stappen = [_lees_stap(sub, nummer, item, veld) for nummer, item in enumerate(waarde, start=1)]
        return tuple(s for s in stappen if s is not None)
    if veld != "stappen":
        return ()
    stappen: tuple[Stap, ...] = ()
    for lijst, soort in (("instructies", "instructie"), ("vragen", "vraag")):
        teksten = sub.teksten(lijst)
        for nummer, tekst in enumerate(teksten, start=1):
            _controleer_invulplekken(sub, lijst, f"{soort} {nummer}", (tekst,))
        stappen += tuple(Stap(soort, t) for t in teksten)
    return stappen


def _controleer_invulplekken(sub: _Lezer, veld: str, plek: str, teksten: tuple[str, ...]) -> None:
    """Every {placeholder} in a step must be one the planner fills in (planner.kern.teksten)."""
    for tekst in teksten:
        fout = fout_in(tekst)
        if fout:
            sub.probleem(veld, f"{plek}: {fout}")


def _lees_stap(sub: _Lezer, nummer: int, item: Any, veld: str = "stappen") -> Stap | None:
    plek = f"stap {nummer}"
    if isinstance(item, str):
        if not item.strip():
            sub.probleem(veld, f"{plek} is een lege tekst; vul iets in of haal hem weg.")
            return None
        _controleer_invulplekken(sub, veld, plek, (item,))
        return Stap("instructie", item.strip())
    if not isinstance(item, dict):
        sub.probleem(veld, f"{plek} ({item!r}) moet een tekst zijn of een tabel als "
                     '{ vraag = "…" } of { instructie = "…" }.')
        return None
    for onbekend in [k for k in item if k not in {*STAPSOORTEN, "sub", "als"}]:
        sub.probleem(veld, f"{plek}: '{onbekend}' ken ik niet; gebruik instructie of vraag, "
                     "en eventueel sub en als.")
    soorten = [k for k in STAPSOORTEN if k in item]
    if len(soorten) != 1:
        sub.probleem(veld, f"{plek}: geef precies één van instructie of vraag.")
        return None
    tekst = item[soorten[0]]
    if not isinstance(tekst, str) or not tekst.strip():
        sub.probleem(veld, f"{plek}: {soorten[0]} moet een niet-lege tekst zijn.")
        return None
    onder = item.get("sub", [])
    if isinstance(onder, str):
        onder = [onder]
    if not isinstance(onder, list) or not all(isinstance(t, str) and t.strip() for t in onder):
        sub.probleem(veld, f'{plek}: sub moet een lijst van teksten zijn, bijvoorbeeld sub = ["a", "b"].')
        onder = []
    als = item.get("als", "")
    if als not in ("", *VOORWAARDEN):
        sub.probleem(veld, f"{plek}: als = {als!r} kan niet; kies uit {', '.join(VOORWAARDEN)}.")
        als = ""
    stap = Stap(soorten[0], tekst.strip(), tuple(t.strip() for t in onder), als)
    _controleer_invulplekken(sub, veld, plek, (stap.tekst, *stap.sub))
    return stap


def _lees_samen(lezer: _Lezer, onderdelen: list[Onderdeel]) -> tuple[tuple[str, ...], ...]:
    """Groups of onderdelen that must share a session; each group is consecutive in the draaiboek."""
    waarde = lezer.data.get("samen", [])
    ids = [o.id for o in onderdelen]
    if not isinstance(waarde, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(i, str) for i in g) for g in waarde):
        lezer.probleem("samen", 'moet een lijst van groepen ids zijn, bijvoorbeeld samen = [["filmronde", '
                       '"evaluatie"]].')
        return ()
    groepen = []
    for groep in waarde:
        onbekend = [i for i in groep if i not in ids]
        if onbekend:
            lezer.probleem("samen", f"onderdeel '{onbekend[0]}' bestaat niet in dit draaiboek.")
            continue
        dubbel = [i for i in groep if any(i in g for g in groepen)]
        if dubbel:
            lezer.probleem("samen", f"onderdeel '{dubbel[0]}' staat in twee samen-groepen; "
                           "voeg ze samen tot één groep.")
            continue
        groepen.append(tuple(groep))
    return tuple(groepen)


def _lees_naden(lezer: _Lezer, onderdelen: list[Onderdeel]) -> tuple[str, ...]:
    naden = lezer.teksten("naden")
    ids = {o.id for o in onderdelen}
    for onbekend in [n for n in naden if n not in ids]:
        lezer.probleem("naden", f"onderdeel '{onbekend}' bestaat niet in dit draaiboek.")
    return tuple(n for n in naden if n in ids)


def _lees_beurten(sub: _Lezer) -> Beurten | None:
    tabel = sub.data.get("beurten")
    if tabel is None:
        return None
    if not isinstance(tabel, dict):
        sub.probleem("beurten", "moet een tabel zijn, bijvoorbeeld beurten = { min = 1, max = 3 }.")
        return None
    lezer = _Lezer(tabel, sub.bestand, sub.problemen, sub.onderdeel)
    lezer.onbekende_velden({"min", "max", "bepaalt_duur", "iedereen_tot", "ronde_minuten", "label", "geschat"})
    laag = lezer.kommagetal("min", verplicht=True)
    hoog = lezer.kommagetal("max", verplicht=True)
    if laag is None or hoog is None:
        return None
    if laag > hoog:
        lezer.probleem("min", f"beurten.min ({laag:g}) is groter dan beurten.max ({hoog:g}).")
    return Beurten(
        laag, hoog,
        bepaalt_duur=lezer.ja_nee("bepaalt_duur"),
        iedereen_tot=lezer.getal("iedereen_tot", minimum=1),
        ronde_minuten=lezer.getal("ronde_minuten", minimum=1),
        label=lezer.tekst("label"),
        geschat=lezer.ja_nee("geschat"),
    )


def _lees_groepjes(sub: _Lezer) -> tuple[int, int] | None:
    waarde = sub.data.get("groepjes")
    if waarde is None:
        return None
    if (not isinstance(waarde, list) or len(waarde) != 2
            or not all(isinstance(w, int) and not isinstance(w, bool) and w >= 1 for w in waarde)
            or waarde[0] > waarde[1]):
        sub.probleem("groepjes", "moet [kleinste, grootste] zijn, bijvoorbeeld [3, 4].")
        return None
    return (waarde[0], waarde[1])
