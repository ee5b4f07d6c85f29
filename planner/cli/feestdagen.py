"""The public holidays of NL or BE for the date check (issue 19.5), from the `holidays` library.

Measured with `python -X importtime` and a timer: `import holidays` takes ~30 ms, and the first
lookup of a country ~70-130 ms more (holidays.countries imports all ~280 country modules). So the
library is imported only when a plan has a date to check, and a year's table, once built, is kept
in the user's cache folder (`$XDG_CACHE_HOME/planner`, else `~/.cache/planner`) as a small text
file, a line `2026-12-25<tab>Eerste Kerstdag` per day: later plans read that in well under a
millisecond (plain lines, not JSON: `import json` alone cost ~1 ms of every plan). The file's name
carries a fingerprint of the installed library, so an upgrade of `holidays` builds the table anew.
Nothing depends on the cache: when it cannot be read or written, the library answers. The cache is
read as every other file (regular files only, never blocking, size-limited: a FIFO or a link to
/dev/zero there is ignored, issue 21.2) and written atomically, so a second planner at the same
moment never reads half a table. The check itself is pure and lives in planner.kern.feestdagen.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from planner.bibliotheek.lezen import lees_tekst
from planner.kern.feestdagen import datum_meldingen, jaren, land_voor, live_te_controleren, te_controleren

LANDMODULE = {"NL": "netherlands", "BE": "belgium"}


def _cachemap() -> Path:
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "planner"


def _vingerafdruk(land: str) -> str | None:
    """Size and time of the installed country module: changes with every upgrade of `holidays`."""
    from importlib.util import find_spec

    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    try:
        info = (Path(spec.origin).parent / "countries" / f"{LANDMODULE[land]}.py").stat()
    except OSError:
        return None
    return f"{info.st_size:x}-{info.st_mtime_ns:x}"


def _uit_de_bibliotheek(land: str, jaartallen: list[int]) -> dict[int, dict[str, str]]:
    import holidays

    # Both countries carry Dutch names (NL: nl, fy, en_US…; BE: nl, fr, de…).
    tabel = holidays.country_holidays(land, years=jaartallen, language="nl")
    per_jaar: dict[int, dict[str, str]] = {j: {} for j in jaartallen}
    for dag, naam in sorted(tabel.items()):
        per_jaar.setdefault(dag.year, {})[dag.isoformat()] = naam
    return per_jaar


def feestdagen(land: str, jaartallen: list[int]) -> dict[date, str]:
    """The public holidays of `land` in those years, with their Dutch names ("Eerste kerstdag")."""
    vinger = _vingerafdruk(land)
    map_ = _cachemap()
    gevonden: dict[int, dict[str, str]] = {}
    for jaar in jaartallen:
        if vinger is None:
            break
        try:
            tabel = _lees_regels(lees_tekst(map_ / _bestandsnaam(land, jaar, vinger)))
        except (OSError, ValueError):
            continue
        if tabel is not None:
            gevonden[jaar] = tabel
    ontbrekend = [j for j in jaartallen if j not in gevonden]
    if ontbrekend:
        nieuw = _uit_de_bibliotheek(land, ontbrekend)
        for jaar in ontbrekend:
            gevonden[jaar] = nieuw.get(jaar, {})
            if vinger is not None:
                _bewaar(map_ / _bestandsnaam(land, jaar, vinger), gevonden[jaar])
    uit: dict[date, str] = {}
    for tabel in gevonden.values():
        for dag, naam in tabel.items():
            try:
                uit[date.fromisoformat(dag)] = naam
            except ValueError:
                continue  # a cache someone edited by hand: that day is simply not known
    return uit


def _bestandsnaam(land: str, jaar: int, vinger: str) -> str:
    return f"feestdagen-{land}-{jaar}-{vinger}.txt"


def _lees_regels(tekst: str) -> dict[str, str] | None:
    """A cached year: day -> name; None when a line is not `day<tab>name` (a broken file is rebuilt)."""
    tabel: dict[str, str] = {}
    regels = tekst.split("\n")
    if regels[-1] == "":
        regels.pop()  # the last line's newline
    for regel in regels:
        dag, tab, naam = regel.partition("\t")
        if not tab:
            return None
        tabel[dag] = naam
    return tabel


def _bewaar(pad: Path, tabel: dict[str, str]) -> None:
    """Keep a year's table: a temporary file beside it, then renamed over it (atomic)."""
    import tempfile

    if any(teken in tekst for item in tabel.items() for tekst in item for teken in "\t\r\n"):
        return  # a name that would break the lines: the library answers next time too
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=".feestdagen-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write("".join(f"{dag}\t{naam}\n" for dag, naam in tabel.items()))
            os.replace(tijdelijk, pad)
        except BaseException:
            os.unlink(tijdelijk)
            raise
    except OSError:
        pass  # a read-only or full home: the library answers next time too


def met_datumcontrole(plan: Any, *, land: str | None, start_gegeven: bool,
                      herhaling: tuple[str, Any] | None = None) -> Any:
    """The plan with a warning for each date on a public holiday or a Sunday."""
    data = te_controleren(plan, start_gegeven=start_gegeven, herhaling=herhaling)
    meldingen = meldingen_voor(data, plan.tz, land)
    return replace(plan, waarschuwingen=plan.waarschuwingen + tuple(meldingen)) if meldingen else plan


def live_datumcontrole(plan: Any, nummer: int, *, land: str | None, start_gegeven: bool) -> list[str]:
    """`planner live`: a warning when the session it runs falls on a public holiday or a Sunday."""
    return meldingen_voor(live_te_controleren(plan, nummer, start_gegeven=start_gegeven), plan.tz, land)


def meldingen_voor(data: list[Any], tz: str, land: str | None) -> list[str]:
    """One warning per date in `data` on a public holiday (of `land`, or the one `tz` implies) or a Sunday."""
    if not data:
        return []
    gekozen = land_voor(tz, land)
    return datum_meldingen(data, feestdagen(gekozen, jaren(data)) if gekozen is not None else {})
