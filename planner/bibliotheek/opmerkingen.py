"""Remarks on a valid draaiboek that the author should know but that do not stop it being planned."""

from __future__ import annotations

import re

from planner.kern.fouten import InvoerFout
from planner.kern.model import Draaiboek
from planner.kern.tijd import lees_duur, toon_duur

# '4.00 uur', '2 uur', '120 min', '1u30': one duration, as an imported document states its total.
_EEN_DUUR = re.compile(r"^\s*+(?:ca\.?\s*+|±\s*+)?(?P<u>\d{1,2})[.:](?P<m>[0-5]\d)\s*+(?:uur|u|h)?\s*+$", re.I)


def genoemde_minuten(tijdsduur: str) -> int | None:
    """The minutes of a stated total that is one duration ('2 uur', '4.00 uur' = 4:00), else None."""
    if m := _EEN_DUUR.match(tijdsduur):
        return int(m["u"]) * 60 + int(m["m"])
    kaal = tijdsduur.strip().lower().replace("uren", "u").replace("uur", "u").replace("minuten", "m")
    kaal = kaal.replace("min", "m").replace(" ", "")
    try:
        return lees_duur(kaal, "tijdsduur")
    except InvoerFout:
        return None


def tijdsduur_verschil(tijdsduur: str, sommen: list[int]) -> str | None:
    """'de onderdelen tellen op tot 3u45, het document noemt 4.00 uur' when the stated total is none of the sums."""
    genoemd = genoemde_minuten(tijdsduur) if tijdsduur else None
    if genoemd is None or not sommen or genoemd in sommen:
        return None
    som = " of ".join(toon_duur(s) for s in sorted(set(sommen)))
    return (f"de onderdelen tellen op tot {som}, de tijdsduur noemt {tijdsduur.strip()}: pas de minuten of de "
            "tijdsduur aan.")


def opmerkingen(draaiboek: Draaiboek) -> list[str]:
    """What 'planner controleer' adds under 'in orde' as a warning."""
    sommen = [sum(o.minuten for o in draaiboek.onderdelen_voor(v)) for v in draaiboek.varianten or [None]]
    verschil = tijdsduur_verschil(draaiboek.tijdsduur, sommen)
    return [verschil] if verschil else []
