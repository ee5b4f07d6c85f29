"""Short Dutch phrases shared by the core's warnings and every output: groups, turns, steps."""

from __future__ import annotations

from collections.abc import Iterable

from planner.kern.model import Stap

VRAAG = "Vraag: "
# How a template view (planner toon) says when a conditional step applies; a plan has applied them.
ALS = {
    "pauze": "alleen als deze sessie een pauze heeft",
    "geen-pauze": "alleen als deze sessie geen pauze heeft",
    "een-sessie": "alleen in een plan van één sessie",
    "meer-sessies": "alleen als het plan meer sessies heeft",
    "daarna": "alleen als de bijeenkomst na het draaiboek verdergaat met eigen agendapunten (--daarna)",
    "geen-daarna": "alleen als er na het draaiboek geen eigen agendapunten (--daarna) gepland zijn",
}


def heeft_vraaglabel_nodig(stap: Stap) -> bool:
    """True for a question whose text does not already say it is one: the source's own "Vraag aan
    deelnemers: …" must not read "Vraag: Vraag aan deelnemers: …", nor "Startvraag is: …" read
    "Vraag: Startvraag is: …"."""
    if stap.soort != "vraag":
        return False
    tekst = stap.tekst.lstrip()
    kop, dubbelepunt, _ = tekst.partition(":")
    noemt_zichzelf = bool(dubbelepunt) and len(kop) <= 30 and "vraag" in kop.lower()
    return not (tekst.lower().startswith("vraag") or noemt_zichzelf)


def stap_regels(stappen: Iterable[Stap]) -> list[tuple[int, str]]:
    """The steps as (depth, text) lines in source order; a question says it is one."""
    regels = []
    for stap in stappen:
        als = f" ({ALS.get(stap.als, stap.als)})" if stap.als else ""
        regels.append((0, (VRAAG if heeft_vraaglabel_nodig(stap) else "") + stap.tekst + als))
        regels += [(1, t) for t in stap.sub]
    return regels


def afgekort(tekst: str, breedte: int) -> str:
    """`tekst` in at most `breedte` characters, with '…' where it was cut (a column of plain text)."""
    return tekst if len(tekst) <= breedte else tekst[: breedte - 1] + "…"


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
