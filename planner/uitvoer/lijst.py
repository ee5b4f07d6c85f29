"""The list of draaiboeken as plain aligned columns, like `khal list` or `docker ps`.

Deliberately without rich: `planner lijst` is the command people run first and most, and
importing rich alone would cost more than the rest of the command (see bench/bench.py).
"""

from __future__ import annotations

from typing import Any

from planner.kern.model import Draaiboek
from planner.kern.tekst import afgekort

KOP = ("Naam", "Titel", "Groep", "Duur", "Herkomst")
VOET = "Plan er een met: planner plan NAAM --groep AANTAL --tijd DUUR"
TUSSENRUIMTE = "  "
KORTSTE_TITEL = 20


def _rij(d: Draaiboek, dubbel: set[str]) -> tuple[str, ...]:
    herkomst = d.herkomst if d.herkomst in ("ingebouwd", "eigen") else "bestand"
    if d.id in dubbel and d.herkomst == "eigen":
        herkomst += " (niet gebruikt)"
    groep = " / ".join(f"{v.id}: {v.groep_min}-{v.groep_max}" for v in d.varianten) or (
        f"{d.groep_min}-{d.groep_max}")
    return (d.id, d.titel, groep, d.tijdsduur or _som_van_de_minuten(d), herkomst)


def _som_van_de_minuten(d: Draaiboek) -> str:
    """Without a stated duration (an imported draaiboek has none): what its parts add up to."""
    from planner.kern.tijd import toon_duur

    sommen = sorted({sum(o.minuten for o in d.onderdelen_voor(v)) for v in d.varianten or [None]})
    if len(sommen) == 1:
        return toon_duur(sommen[0])
    return f"{toon_duur(sommen[0])}-{toon_duur(sommen[-1])}"


def _kapot(bron: Any, problemen: list) -> tuple[str, ...]:
    reden = str(problemen[0]).removeprefix(f"{bron.pad}").lstrip(", :")
    if len(problemen) > 1:
        reden += f" (en nog {len(problemen) - 1}; zie 'planner controleer {bron.pad}')"
    return (bron.id, f"kapot: {reden}", "", "", bron.herkomst)


def render_lijst(draaiboeken: list[Draaiboek], dubbel: set[str], kleur: bool = False,
                 breedte: int | None = None, kapot: list | None = None, eigen_map: str = "") -> str:
    """The list of draaiboeken; `kapot` holds (Bron, problems) for own files that cannot be used."""
    rijen = [_rij(d, dubbel) for d in draaiboeken]
    kapotte = [_kapot(bron, problemen) for bron, problemen in kapot or []]
    breedtes = [max(len(r[i]) for r in [KOP, *rijen]) for i in range(len(KOP))]
    if breedte:
        # Only the title gives way to a narrow terminal; names must stay whole to be typed.
        teveel = sum(breedtes) + len(TUSSENRUIMTE) * (len(KOP) - 1) - breedte
        if teveel > 0:
            breedtes[1] = max(KORTSTE_TITEL, breedtes[1] - teveel)

    def regel(cellen: tuple[str, ...]) -> str:
        delen = [afgekort(c, b).ljust(b) for c, b in zip(cellen, breedtes, strict=True)]
        return TUSSENRUIMTE.join(delen).rstrip()

    def stijl(tekst: str, code: str) -> str:
        return f"\x1b[{code}m{tekst}\x1b[0m" if kleur else tekst

    # A broken file's reason is the one thing that may run past the columns: it must be readable.
    regels = [stijl("Draaiboeken", "1"), "", stijl(regel(KOP), "1"), *(regel(r) for r in rijen)]
    regels += [stijl(f"{r[0].ljust(breedtes[0])}{TUSSENRUIMTE}{r[1]} ({r[4]})", "31") for r in kapotte]
    regels.append("")
    for d in draaiboeken:
        if d.id in dubbel and d.herkomst == "eigen":
            regels.append(stijl(f"Let op: je eigen draaiboek '{d.id}' ({d.pad}) heeft dezelfde naam als een "
                                "ingebouwd draaiboek en wordt niet gebruikt: het ingebouwde gaat voor. "
                                "Geef het bestand (en het id erin) een andere naam.", "33"))
    if eigen_map:
        regels.append(stijl(f"Eigen draaiboeken staan in: {eigen_map} (maak er een met 'planner nieuw NAAM')",
                            "2"))
    regels.append(stijl(VOET, "2"))
    return "\n".join(regels) + "\n"
