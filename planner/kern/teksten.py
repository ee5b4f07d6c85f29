"""Step texts adapted to the plan: placeholders filled, conditional steps kept or left out.

Pure: from a Plan to a Plan. Templates say what to adapt (placeholders such as {eind} and the
`als` condition of a step); this module only fills in what the plan knows, so no draaiboek needs
a branch in code. A literal brace in a template is written doubled: {{ or }}.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from planner.kern.model import VOORUITBLIK, WELKOM_TERUG, GeplandOnderdeel, Plan, Sessie, Stap

# Every placeholder a step text may use, with what it becomes (documented in the README).
PLAATSHOUDERS = {
    "start": "begin van deze sessie (HH:MM)",
    "eind": "einde van deze sessie (HH:MM)",
    "datum": "datum van deze sessie, bijvoorbeeld 'dinsdag 1 december 2026'",
    "sessie": "nummer van deze sessie",
    "sessies": "aantal sessies van het plan",
    "onderdelen": "de onderdelen van het draaiboek in deze sessie",
    "vorige_datum": "datum van de vorige sessie",
    "vorige_onderdelen": "de onderdelen van het draaiboek in de vorige sessie",
    "volgende_datum": "datum van de volgende sessie",
    "volgende_start": "begin van de volgende sessie (HH:MM)",
    "volgende_onderdelen": "de onderdelen van het draaiboek in de volgende sessie",
    "over_vier_jaar": "het jaar van deze sessie plus vier, bijvoorbeeld '2030'",
}
# A step that speaks of the previous or next session only applies when there is one.
_VORIGE = ("vorige_",)
_VOLGENDE = ("volgende_",)

# The planner's own words for the parts it adds when it splits (P3); a template may give its
# own with [splitsen] welkom_terug_stappen / vooruitblik_stappen.
WELKOM_TERUG_STAPPEN = (
    Stap("instructie", "Welkom terug: dit is sessie {sessie} van {sessies}."),
    Stap("instructie", "Terugblik op de vorige keer ({vorige_datum}): {vorige_onderdelen}"),
    Stap("instructie", "Vandaag: {onderdelen}"),
    Stap("instructie", "We ronden af om {eind} uur."),
)
VOORUITBLIK_STAPPEN = (
    Stap("instructie", "De volgende sessie is op {volgende_datum} om {volgende_start} uur."),
    Stap("instructie", "Dan: {volgende_onderdelen}"),
)


def plaatshouders_in(tekst: str) -> tuple[str, ...]:
    """The placeholder names in `tekst`; ValueError for a lone brace or a format spec."""
    if "{" not in tekst and "}" not in tekst:
        return ()  # most texts: no need for the string module at start-up
    import string

    namen = []
    for _, naam, spec, conversie in string.Formatter().parse(tekst):
        if naam is None:
            continue
        if spec or conversie:
            raise ValueError(f"{{{naam}}} mag geen ':' of '!' bevatten")
        namen.append(naam)
    return tuple(namen)


def als_sjabloon(tekst: str) -> str:
    """A template text to read, not to plan: '{eind}' becomes '[einde van deze sessie]', '{{' '{'.

    `planner toon` shows a draaiboek without a plan; a raw {placeholder} would look like a bug.
    """
    if "{" not in tekst and "}" not in tekst:
        return tekst
    waarden = {naam: "[" + uitleg.split(" (")[0].split(", bijvoorbeeld")[0] + "]"
               for naam, uitleg in PLAATSHOUDERS.items()}
    return _vul(tekst, waarden)


def fout_in(tekst: str) -> str | None:
    """Why `tekst` cannot be filled in (one Dutch phrase), or None when it can."""
    hulp = "Een letterlijke accolade schrijf je dubbel: {{ of }}."
    try:
        namen = plaatshouders_in(tekst)
    except ValueError:
        return f"een losse accolade of een ':' of '!' in een invulplek in {tekst!r}. {hulp}"
    for naam in namen:
        if naam not in PLAATSHOUDERS:
            bekend = ", ".join("{" + n + "}" for n in PLAATSHOUDERS)
            return f"de invulplek {{{naam}}} ken ik niet; kies uit {bekend}. {hulp}"
    return None


def pas_teksten_aan(plan: Plan) -> Plan:
    """The plan with every planned onderdeel's steps filtered by condition and filled in."""
    sessies = plan.sessies
    nieuw = []
    for index, sessie in enumerate(sessies):
        waarden = _waarden(sessies, index)  # once per session: a long draaiboek has thousands of parts
        onderdelen = []
        for o in sessie.onderdelen:
            stappen = _stappen_voor(plan, o, sessies, index, waarden)
            onderdelen.append(o if stappen == o.stappen else replace(o, stappen=stappen))
        nieuw.append(replace(sessie, onderdelen=tuple(onderdelen)))
    return replace(plan, sessies=tuple(nieuw))


def _stappen_voor(plan: Plan, onderdeel: GeplandOnderdeel, sessies: tuple[Sessie, ...],
                  index: int, waarden: dict[str, str]) -> tuple[Stap, ...]:
    stappen = _eigen_stappen(plan, onderdeel) or onderdeel.stappen
    return tuple(_ingevuld(stap, waarden) for stap in stappen if _geldt(stap, sessies, index))


def _ingevuld(stap: Stap, waarden: dict[str, str]) -> Stap:
    if not stap.als and not any("{" in t or "}" in t for t in (stap.tekst, *stap.sub)):
        return stap  # nothing to fill in: the same step, not a copy
    return replace(stap, tekst=_vul(stap.tekst, waarden), sub=tuple(_vul(t, waarden) for t in stap.sub), als="")


def _eigen_stappen(plan: Plan, onderdeel: GeplandOnderdeel) -> tuple[Stap, ...]:
    """The steps of a part the planner added: the template's own words, else the planner's."""

    if not onderdeel.toegevoegd:
        return ()
    soort = onderdeel.id.rsplit("-", 1)[0]
    if soort == WELKOM_TERUG:
        return plan.draaiboek.welkom_terug_stappen or WELKOM_TERUG_STAPPEN
    if soort == VOORUITBLIK:
        return plan.draaiboek.vooruitblik_stappen or VOORUITBLIK_STAPPEN
    return ()


def _geldt(stap: Stap, sessies: tuple[Sessie, ...], index: int) -> bool:
    """Whether a step applies in session `index`: its condition, and a session it speaks of."""
    namen = [n for t in (stap.tekst, *stap.sub) for n in plaatshouders_in(t)]
    if index == 0 and any(n.startswith(_VORIGE) for n in namen):
        return False
    if index == len(sessies) - 1 and any(n.startswith(_VOLGENDE) for n in namen):
        return False
    pauze = any(o.soort == "pauze" for o in sessies[index].onderdelen)
    # The meeting goes on after the draaiboek with its own items (--daarna): the last part is one.
    daarna = any(o.soort == "agendapunt" for o in sessies[index].onderdelen[-1:])
    return {
        "daarna": daarna,
        "geen-daarna": not daarna,
        "": True,
        "pauze": pauze,
        "geen-pauze": not pauze,
        "een-sessie": len(sessies) == 1,
        "meer-sessies": len(sessies) > 1,
    }[stap.als]


def _waarden(sessies: tuple[Sessie, ...], index: int) -> dict[str, str]:
    from planner.kern.tijd import toon_datum  # only a plan needs dates: 'lijst' loads no zoneinfo

    sessie = sessies[index]
    waarden = {
        "start": _klok(sessie.start),
        "eind": _klok(sessie.eind),
        "datum": toon_datum(sessie.start),
        "sessie": str(sessie.nummer),
        "sessies": str(len(sessies)),
        "onderdelen": _onderdelen(sessie),
        # A source's "a few years from now" written years ago ("2026") stays ahead of the session.
        "over_vier_jaar": str(sessie.start.year + 4),
    }
    if index > 0:
        vorige = sessies[index - 1]
        waarden |= {"vorige_datum": toon_datum(vorige.start), "vorige_onderdelen": _onderdelen(vorige)}
    if index + 1 < len(sessies):
        volgende = sessies[index + 1]
        waarden |= {"volgende_datum": toon_datum(volgende.start), "volgende_start": _klok(volgende.start),
                    "volgende_onderdelen": _onderdelen(volgende)}
    return waarden


def _vul(tekst: str, waarden: dict[str, str]) -> str:
    try:
        return tekst.format_map(waarden)
    except (KeyError, IndexError, ValueError):
        # Only text built in code gets here (templates are checked on load): show it as it is.
        return tekst


def _klok(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def _onderdelen(sessie: Sessie) -> str:
    """'A', 'B' en 'C': the draaiboek's own parts of a session (no pause, nothing the planner added)."""
    titels = [f"'{o.titel}'" for o in sessie.onderdelen if not o.toegevoegd and o.soort != "pauze"]
    if not titels:
        return "het programma"
    return titels[0] if len(titels) == 1 else ", ".join(titels[:-1]) + " en " + titels[-1]
