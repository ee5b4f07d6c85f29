"""The list of draaiboeken as plain aligned columns, like `khal list` or `docker ps`.

Deliberately without rich: `planner lijst` is the command people run first and most, and
importing rich alone would cost more than the rest of the command (see bench/bench.py).
"""

from __future__ import annotations

from planner.model import Draaiboek

KOP = ("Naam", "Titel", "Groep", "Duur", "Herkomst")
VOET = "Plan er een met: planner plan NAAM --groep AANTAL --tijd DUUR"
TUSSENRUIMTE = "  "
KORTSTE_TITEL = 20


def _rij(d: Draaiboek, dubbel: set[str]) -> tuple[str, ...]:
    herkomst = d.herkomst if d.herkomst in ("ingebouwd", "eigen") else "bestand"
    if d.id in dubbel and d.herkomst == "eigen":
        herkomst += " (zelfde naam als ingebouwd: niet gebruikt)"
    groep = " / ".join(f"{v.id}: {v.groep_min}-{v.groep_max}" for v in d.varianten) or (
        f"{d.groep_min}-{d.groep_max}")
    return (d.id, d.titel, groep, d.tijdsduur, herkomst)


def _kort(tekst: str, breedte: int) -> str:
    return tekst if len(tekst) <= breedte else tekst[: breedte - 1] + "…"


def render_lijst(draaiboeken: list[Draaiboek], dubbel: set[str], kleur: bool = False,
                 breedte: int | None = None) -> str:
    rijen = [_rij(d, dubbel) for d in draaiboeken]
    breedtes = [max(len(r[i]) for r in [KOP, *rijen]) for i in range(len(KOP))]
    if breedte:
        # Only the title gives way to a narrow terminal; names must stay whole to be typed.
        teveel = sum(breedtes) + len(TUSSENRUIMTE) * (len(KOP) - 1) - breedte
        if teveel > 0:
            breedtes[1] = max(KORTSTE_TITEL, breedtes[1] - teveel)

    def regel(cellen: tuple[str, ...]) -> str:
        delen = [_kort(c, b).ljust(b) for c, b in zip(cellen, breedtes, strict=True)]
        return TUSSENRUIMTE.join(delen).rstrip()

    kop = regel(KOP)
    titel = "Draaiboeken"
    if kleur:
        kop, titel = f"\x1b[1m{kop}\x1b[0m", f"\x1b[1m{titel}\x1b[0m"
    voet = f"\x1b[2m{VOET}\x1b[0m" if kleur else VOET
    return "\n".join([titel, "", kop, *(regel(r) for r in rijen), "", voet]) + "\n"
