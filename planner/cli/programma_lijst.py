"""Programme files in `planner lijst` and `planner controleer`, and finding one by name (issue 23).

Apart from planner.cli.programma so that planner.cli.opdrachten (lijst) can call in here without an
import cycle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def zoek(naam: str | None) -> tuple[Path, str] | None:
    """The programme file `naam` means, or None (a draaiboek, or nothing): a draaiboek of the same name wins."""
    if naam is None:
        return None
    from planner.bibliotheek import vinden

    if vinden.lijkt_pad(naam):
        if not naam.endswith(".toml") or not vinden.is_programma_pad(Path(naam).expanduser()):
            return None
    elif vinden.zichtbare_bron(naam.strip().lower()) is not None:
        return None  # a draaiboek: the programme module is not even imported
    from planner.bibliotheek import programma

    return programma.zoek_programma(naam)


def lijst_rijen() -> list[dict[str, Any]]:
    """Rows for `planner lijst --format json`: each programme, or why it cannot be used."""
    from planner.bibliotheek.programma import controleer_programma, programma_paden

    rijen = []
    for pad, herkomst in programma_paden():
        p, problemen = controleer_programma(pad, herkomst)
        if p is None:
            rijen.append({"id": pad.stem, "soort": "programma", "herkomst": herkomst, "pad": str(pad),
                          "kapot": True, "genegeerd": True, "problemen": [str(x) for x in problemen]})
        else:
            rijen.append({"id": p.id, "titel": p.titel, "soort": "programma", "herkomst": herkomst,
                          "pad": str(pad), "kapot": False, "genegeerd": False,
                          "bijeenkomsten": len(p.bijeenkomsten), **_groep(p.groep_bereik)})
    return rijen


def _groep(bereik: tuple[int, int] | None) -> dict[str, int | None]:
    """The groups every draaiboek block allows, as a draaiboek's groep_min/groep_max (added keys)."""
    laag, hoog = bereik if bereik is not None else (None, None)
    return {"groep_min": laag, "groep_max": hoog}


def controleer_bestand(pad: Path, herkomst: str) -> tuple[Any, list[Any]]:
    """Check a draaiboek or a programme file, whichever it is: (the draaiboek or None, the problems)."""
    from planner.bibliotheek import laden, vinden

    if vinden.is_programma_pad(pad):
        from planner.bibliotheek.programma import controleer_programma

        return None, controleer_programma(pad, herkomst)[1]
    return laden.controleer_bestand(pad, herkomst=herkomst)


def te_controleren() -> list[tuple[Path, str]]:
    """The programme files `planner controleer` checks along with every draaiboek."""
    from planner.bibliotheek.programma import programma_paden

    return programma_paden()
