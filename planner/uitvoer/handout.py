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
    return f"{o.start:%H:%M}–{o.eind:%H:%M}"


KORTER = "↓ korter dan in het draaiboek"
LANGER = "↑ langer dan in het draaiboek"


def merk(o: GeplandOnderdeel) -> str:
    """'+' for a part the planner added, '*' for minutes the planner estimated (P5), and '↓'/'↑'
    for minutes the plan changed from the template's (issue 8: shortened as well as lengthened)."""
    return ("+" if o.toegevoegd else ("*" if o.geschat else "")) + _pijl(o)


def _pijl(o: GeplandOnderdeel) -> str:
    if not o.aangepast or o.bron_min is None:
        return ""
    return "↓" if o.duur_min < o.bron_min else "↑"


def verschil_in_woorden(o: GeplandOnderdeel) -> str:
    """'ingekort, draaiboek 30 min' / 'verlengd, draaiboek 15 min'; empty when unchanged."""
    if not o.aangepast or o.bron_min is None:
        return ""
    return f"{'ingekort' if o.duur_min < o.bron_min else 'verlengd'}, draaiboek {o.bron_min} min"


def merk_in_woorden(o: GeplandOnderdeel) -> str:
    """The mark spelled out, where there is no legend beside it (calendar, printed grid)."""
    woorden = ["toegevoegd" if o.toegevoegd else ("geschatte minuten" if o.geschat else ""),
               verschil_in_woorden(o)]
    return "; ".join(w for w in woorden if w)


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
    return [t for t in (o.werkvorm, groepjes_tekst(o.groepjes), beurt(o)) if t]


def beurt(o: GeplandOnderdeel) -> str:
    """One turn as the plan reads it: '10 + 5 min per gesprek', '± 2 min per persoon *'."""
    return o.beurt_tekst or per_persoon_tekst(o.per_persoon_min)


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
    if o.aangepast and o.bron_min is not None:
        # Changed minutes are never "uit de bron": say what the draaiboek has and what the plan does.
        herkomst_ = "geschat door de planner" if o.geschat else "uit de bron"
        richting = "ingekort" if o.duur_min < o.bron_min else "verlengd"
        minuten = f"het draaiboek heeft {o.bron_min} min ({herkomst_}); dit plan heeft {richting} tot {o.duur_min} min"
    return f"{plan.draaiboek.bron}; {minuten}."


def legenda(onderdelen: Iterable[GeplandOnderdeel]) -> list[str]:
    """The marks that occur among `onderdelen`, explained."""
    onderdelen = list(onderdelen)
    regels = []
    if any(o.geschat and not o.toegevoegd for o in onderdelen):
        regels.append(GESCHAT)
    if any(o.toegevoegd for o in onderdelen):
        regels.append(TOEGEVOEGD)
    if any(_pijl(o) == "↓" for o in onderdelen):
        regels.append(KORTER)
    if any(_pijl(o) == "↑" for o in onderdelen):
        regels.append(LANGER)
    return regels


def voetnoten(plan: Plan) -> list[str]:
    if plan.start_aangenomen:
        return ["Geen --start opgegeven: de planning begint morgen om 09:00."]
    return []
