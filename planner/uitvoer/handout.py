"""What the printable handouts (Markdown, HTML) share: the header facts and the words per onderdeel.

Two versions: for the facilitator (everything) and for the participants (times and titles only,
none of the facilitator's instructions, questions or notes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from planner.kern.fouten import InvoerFout
from planner.kern.model import GeplandOnderdeel, Plan, Sessie
from planner.kern.nodig import voor_groep
from planner.kern.tekst import groepjes_tekst, per_persoon_tekst
from planner.kern.tijd import deelnemers, toon_datum, toon_duur

VOOR = ("begeleider", "deelnemers")

GESCHAT = "* geschatte minuten (de bron noemt er geen)"
PRAKTIJK = "° minuten uit de praktijk: bijgesteld naar eerdere sessies (planner terugblik --bijstellen)"
TOEGEVOEGD = "+ toegevoegd, niet uit het draaiboek (door de planner, of een eigen agendapunt)"
GEDAAN = "✓ gedaan: klaar bij de herplanning (--nu/--klaar); de tijden zijn zoals ze liepen"


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


KORTER = "↓ korter dan in het draaiboek"
LANGER = "↑ langer dan in het draaiboek"


def merk(o: GeplandOnderdeel) -> str:
    """'+' for a part the planner added, '*' for minutes the planner estimated (P5), and '↓'/'↑'
    for minutes the plan changed from the template's (issue 8: shortened as well as lengthened); '✓'
    first when a re-plan (--nu/--klaar) counts the part as done."""
    eigen = "°" if uit_praktijk(o) else ("*" if o.geschat else "")
    return ("✓" if o.gedaan else "") + ("+" if o.toegevoegd else eigen) + _pijl(o)


def uit_praktijk(o: GeplandOnderdeel) -> str:
    """The evidence when the part's minutes were moved towards practice (P5), else ''."""
    return "" if o.toegevoegd or o.bron is None else o.bron.praktijk


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
    woorden = ["gedaan" if o.gedaan else "",
               "toegevoegd" if o.toegevoegd else (f"minuten uit de praktijk ({uit_praktijk(o)})" if uit_praktijk(o)
                                                  else "geschatte minuten" if o.geschat else ""),
               verschil_in_woorden(o)]
    return "; ".join(w for w in woorden if w)


def sessiekop(plan: Plan, sessie: Sessie, voor: str = "begeleider") -> str:
    """'Sessie 2 van 3 · dinsdag 8 december 2026 · 13:30–15:20'; participants read 'Bijeenkomst'."""
    woord = "Bijeenkomst" if voor == "deelnemers" else "Sessie"
    deel = f"{woord} {sessie.nummer} van {len(plan.sessies)} · " if len(plan.sessies) > 1 else ""
    vak = tijdvak(sessie) if voor != "deelnemers" else tijdvak(replace(sessie, eind=eind_voor_deelnemers(sessie)))
    return f"{deel}{toon_datum(sessie.start)} · {vak}"


def data(plan: Plan, voor: str = "begeleider") -> list[str]:
    """'dinsdag 1 december 2026, 13:30–17:30', one per session; for the participants until their
    part ends (not through the team's own reflection afterwards)."""
    if voor == "deelnemers":
        return [f"{toon_datum(s.start)}, {tijdvak(replace(s, eind=eind_voor_deelnemers(s)))}" for s in plan.sessies]
    return [f"{toon_datum(s.start)}, {tijdvak(s)}" for s in plan.sessies]


def sessieduur(sessie: Sessie) -> str:
    """A session's real length, from its first start to its last end (not the time asked for)."""
    return toon_duur(int((sessie.eind - sessie.start).total_seconds() // 60))


def feiten(plan: Plan, voor: str, opdrachtgever: str = "",
           begeleiders: tuple[str, ...] | list[str] = ()) -> list[tuple[str, str]]:
    """Label and value for the header; empty values are left out.

    Every session with its real start and end: a plan asked for 3u may hold sessions of 2u05
    and 1u50, and the facilitator books the room for those.
    """
    if voor == "deelnemers":
        datums = data(plan, voor)
    else:
        datums = [f"{d} ({sessieduur(s)})" for d, s in zip(data(plan), plan.sessies, strict=True)]
    rijen = []
    if voor == "begeleider":
        rijen += [("Opdrachtgever", opdrachtgever),
                  ("Begeleider" if len(begeleiders) <= 1 else "Begeleiders", ", ".join(begeleiders))]
    rijen += [("Datum" if len(datums) == 1 else "Data", "; ".join(datums)),
              ("Locatie", plan.locatie)]
    if voor == "begeleider":
        rijen += [
            ("Groep", deelnemers(plan.groep)),
            ("Variant", plan.variant.titel if plan.variant else ""),
            ("Opstelling", plan.opstelling),
        ]
    else:
        rijen.append(("Meenemen", "; ".join(plan.draaiboek.meenemen)))
    return [(label, waarde) for label, waarde in rijen if waarde]


def is_van_de_planner(o: GeplandOnderdeel) -> bool:
    """A part the planner added to serve the plan (welkom terug, vooruitblik, vrije ruimte)."""
    return o.toegevoegd and o.soort != "agendapunt"


def titel_voor_deelnemers(o: GeplandOnderdeel) -> str:
    """The title without a closing remark in brackets: in a template that is a note for the
    facilitator ("… (meer dan 12 personen)"); a meeting's own agenda item keeps its title."""
    if o.soort == "agendapunt":
        return o.titel
    return re.sub(r"\s*\([^()]*\)$", "", o.titel) or o.titel


def is_van_het_team(o: GeplandOnderdeel) -> bool:
    """A part without the participants (the team's reflection after an ontmoeting, P8)."""
    return o.bron is not None and o.bron.zonder_deelnemers


def eind_voor_deelnemers(sessie: Sessie) -> datetime:
    """When the participants' part of the session ends: before a closing part of the team's own."""
    rijen = agenda_voor_deelnemers(sessie)
    return rijen[-1][1] if rijen else sessie.eind


def agenda_voor_deelnemers(sessie: Sessie) -> list[tuple[datetime, datetime, str, str]]:
    """(start, end, title, soort) per row of the participants' agenda.

    The planner's own parts are not theirs to read: a welcome back is the start of the next
    part, a look ahead or slack the end of the one before, so the times still run from the
    session's start to its end without gaps.
    """
    rijen: list[list] = []
    wachtend: datetime | None = None
    for o in sessie.onderdelen:
        if is_van_het_team(o):
            continue  # not theirs, and the previous part does not stretch over it either
        if is_van_de_planner(o):
            if rijen:
                rijen[-1][1] = o.eind
            elif wachtend is None:
                wachtend = o.start
            continue
        rijen.append([wachtend or o.start, o.eind, titel_voor_deelnemers(o), o.soort])
        wachtend = None
    return [(a, b, titel, soort) for a, b, titel, soort in rijen]


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
    # '*' marks estimated minutes: of a whole part, or of a turn ('± 5 min per persoon *').
    if any((o.geschat and not o.toegevoegd and not uit_praktijk(o)) or o.beurt_tekst.endswith(" *")
           for o in onderdelen):
        regels.append(GESCHAT)
    if any(uit_praktijk(o) for o in onderdelen):
        regels.append(PRAKTIJK)
    if any(o.toegevoegd for o in onderdelen):
        regels.append(TOEGEVOEGD)
    if any(_pijl(o) == "↓" for o in onderdelen):
        regels.append(KORTER)
    if any(_pijl(o) == "↑" for o in onderdelen):
        regels.append(LANGER)
    if any(o.gedaan for o in onderdelen):
        regels.append(GEDAAN)
    return regels


def voetnoten(plan: Plan) -> list[str]:
    if plan.start_aangenomen:
        return ["Geen --start opgegeven: de planning begint morgen om 09:00."]
    return []
