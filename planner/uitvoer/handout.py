"""What the printable handouts (Markdown, HTML) share: the header facts and the words per onderdeel.

Two versions: for the facilitator (everything) and for the participants (times and titles only,
none of the facilitator's instructions, questions or notes).
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.fouten import InvoerFout
from planner.model import GeplandOnderdeel, Plan, Sessie
from planner.nodig import voor_groep
from planner.tekst import groepjes_tekst, per_persoon_tekst
from planner.tijd import deelnemers, toon_datum, toon_duur

VOOR = ("begeleider", "deelnemers")

GESCHAT = "* geschatte minuten (de bron noemt er geen)"
TOEGEVOEGD = "+ toegevoegd, niet uit het draaiboek (door de planner, of een eigen agendapunt)"


def lees_voor(tekst: str) -> str:
    gekozen = tekst.strip().lower()
    if gekozen not in VOOR:
        raise InvoerFout(f"--voor '{tekst}' ken ik niet: kies begeleider (alles) of deelnemers "
                         "(alleen de agenda).")
    return gekozen


def tijdvak(o: GeplandOnderdeel | Sessie) -> str:
    """'13:30–17:30'; when it ends on another day, that day is named: never a bare '13:30–17:30'
    for something that lasts a week."""
    if o.eind.date() != o.start.date():
        return f"{o.start:%H:%M}–{toon_datum(o.eind)} {o.eind:%H:%M}"
    return f"{o.start:%H:%M}–{o.eind:%H:%M}"


def merk(o: GeplandOnderdeel) -> str:
    """'+' for a part the planner added, '*' for minutes the planner estimated (P5)."""
    return "+" if o.toegevoegd else ("*" if o.geschat else "")


def merk_in_woorden(o: GeplandOnderdeel) -> str:
    """The mark spelled out, where there is no legend beside it (calendar, printed grid)."""
    return "toegevoegd" if o.toegevoegd else ("geschatte minuten" if o.geschat else "")


def sessiekop(plan: Plan, sessie: Sessie) -> str:
    deel = f"Sessie {sessie.nummer} van {len(plan.sessies)} · " if len(plan.sessies) > 1 else ""
    return f"{deel}{toon_datum(sessie.start)} · {tijdvak(sessie)}"


def data(plan: Plan) -> list[str]:
    """'dinsdag 1 december 2026, 13:30–17:30', one per session."""
    return [f"{toon_datum(s.start)}, {tijdvak(s)}" for s in plan.sessies]


def feiten(plan: Plan, voor: str) -> list[tuple[str, str]]:
    """Label and value for the header; empty values are left out."""
    datums = data(plan)
    rijen = [("Datum" if len(datums) == 1 else "Data", "; ".join(datums)),
             ("Locatie", plan.locatie)]
    if voor == "begeleider":
        rijen += [
            ("Groep", deelnemers(plan.groep)),
            ("Variant", plan.variant.titel if plan.variant else ""),
            ("Tijd per sessie", toon_duur(plan.tijd_min)),
            ("Opstelling", plan.opstelling),
        ]
    return [(label, waarde) for label, waarde in rijen if waarde]


def indeling(o: GeplandOnderdeel) -> list[str]:
    """Werkvorm, subgroup division and minutes per person, as far as they apply."""
    return [t for t in (o.werkvorm, groepjes_tekst(o.groepjes), per_persoon_tekst(o.per_persoon_min)) if t]


def materialen(plan: Plan, o: GeplandOnderdeel) -> list[str]:
    if o.bron is None:
        return []
    return [str(voor_groep(m, plan.groep)) for m in o.bron.materialen]


def herkomst(plan: Plan, o: GeplandOnderdeel) -> str:
    """Where this onderdeel and its minutes come from (P5)."""
    if o.bron is None:
        return "Toegevoegd door de planner, niet uit het draaiboek."
    if o.soort == "agendapunt":
        return "Eigen agendapunt van de bijeenkomst, niet uit het draaiboek."
    minuten = "minuten geschat door de planner (de bron noemt er geen)" if o.geschat else "minuten uit de bron"
    return f"{plan.draaiboek.bron}; {minuten}."


def legenda(onderdelen: Iterable[GeplandOnderdeel]) -> list[str]:
    """The marks that occur among `onderdelen`, explained."""
    onderdelen = list(onderdelen)
    regels = []
    if any(o.geschat and not o.toegevoegd for o in onderdelen):
        regels.append(GESCHAT)
    if any(o.toegevoegd for o in onderdelen):
        regels.append(TOEGEVOEGD)
    return regels


def voetnoten(plan: Plan) -> list[str]:
    if plan.start_aangenomen:
        return ["Geen --start opgegeven: de planning begint morgen om 09:00."]
    return []
