"""Short Dutch phrases for how a group is divided, shared by the core's warnings and every output."""

from __future__ import annotations


def groepjes_tekst(groepjes: tuple[int, ...]) -> str:
    """'6 groepjes: 4 × 4 en 2 × 3' — how to divide the group."""
    if not groepjes:
        return ""
    aantallen: dict[int, int] = {}
    for grootte in groepjes:
        aantallen[grootte] = aantallen.get(grootte, 0) + 1
    delen = [f"{n} × {grootte}" for grootte, n in sorted(aantallen.items(), reverse=True)]
    woord = "groepje" if len(groepjes) == 1 else "groepjes"
    return f"{len(groepjes)} {woord}: " + " en ".join(delen)


def per_persoon_tekst(minuten: float | None) -> str:
    """'± 2½ min per persoon'."""
    if minuten is None:
        return ""
    heel = int(minuten)
    half = "½" if minuten - heel >= 0.5 else ""
    getal = f"{heel}{half}" if heel or not half else "½"
    return f"± {getal} min per persoon"
