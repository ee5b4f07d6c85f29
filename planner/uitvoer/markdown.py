"""The handout as Markdown: for the facilitator the whole draaiboek with times, for participants the agenda.

Plain CommonMark plus pipe tables (GitHub, Obsidian, pandoc), so it prints and converts anywhere.
"""

from __future__ import annotations

import re
from typing import Any

from planner.kern.model import GeplandOnderdeel, Plan, Sessie
from planner.kern.nodig import benodigdheden
from planner.kern.tekst import stap_regels
from planner.kern.tijd import toon_duur
from planner.uitvoer import handout


def _geen_html(tekst: str) -> str:
    """Raw HTML (<script>, <img onerror=...>) in a draaiboek is shown as text, never run by a viewer."""
    return tekst.replace("<", "&lt;")


def cel(tekst: str) -> str:
    """Text that stays inside one table cell: no line breaks, pipes escaped."""
    return _geen_html(" ".join(tekst.split()).replace("|", "\\|"))


def _regel(tekst: str) -> str:
    """Text for a list item or paragraph: one line, and no accidental Markdown at its start."""
    schoon = _geen_html(" ".join(tekst.split()))
    return re.sub(r"^([#>+\-*]|\d+[.)])", r"\\\1", schoon)


def _item(tekst: str) -> str:
    """A list item whose text may span lines: continuation lines indented, so they stay under it."""
    regels = [_regel(r) for r in tekst.splitlines() if r.strip()] or [""]
    return "\n  ".join(regels)


def _agenda(plan: Plan, sessie: Sessie, voor: str) -> list[str]:
    if voor == "deelnemers":
        regels = ["| Tijd | Onderdeel |", "| --- | --- |"]
        regels += [f"| {a:%H:%M}–{b:%H:%M} | {cel(titel)} |"
                   for a, b, titel, _ in handout.agenda_voor_deelnemers(sessie)]
        return regels
    regels = ["| Tijd | Min | Onderdeel | Werkvorm |", "| --- | ---: | --- | --- |"]
    for o in sessie.onderdelen:
        regels.append(f"| {handout.tijdvak(o)} | {o.duur_min}{handout.merk(o)} | {cel(o.titel)} | "
                      f"{cel(' · '.join(handout.indeling(o)))} |")
    regels.append(f"| | **{toon_duur(sessie.duur_min)}** | **Totaal** | |")
    return regels


def _lijst(kop: str, items: list[str] | tuple[str, ...]) -> list[str]:
    if not items:
        return []
    return [f"**{kop}**", "", *[f"- {_item(i)}" for i in items], ""]


def _onderdeel(plan: Plan, o: GeplandOnderdeel) -> list[str]:
    verschil = handout.verschil_in_woorden(o)
    anders = f"; {verschil}" if verschil else ""
    regels = [f"### {handout.tijdvak(o)} · {_regel(o.titel)} ({o.duur_min} min{handout.merk(o)}{anders})", ""]
    indeling = handout.indeling(o)
    if indeling:
        regels += [f"*Werkvorm:* {' · '.join(_regel(i) for i in indeling)}", ""]
    bron = o.bron
    # The planner's own parts (welkom terug, vooruitblik) have steps too, but no template onderdeel.
    if o.stappen:
        regels += ["**Stappen**", "",
                   *[("  - " if diepte else "- ") + _regel(t) for diepte, t in stap_regels(o.stappen)], ""]
    if bron is not None:
        regels += _lijst("Nodig", handout.materialen(plan, o))
        if bron.toelichting:
            regels += [f"> {_regel(bron.toelichting)}", ""]
    if o.bron is None or o.toegevoegd:
        # The source is named once at the end; only a part that is not the draaiboek's says so here.
        regels += [f"*{_regel(handout.herkomst(plan, o))}*", ""]
    return regels


def render(plan: Plan, voor: str = "begeleider", opdrachtgever: str = "",
           begeleiders: tuple[str, ...] | list[str] = (), **_: Any) -> str:
    d = plan.draaiboek
    regels = [f"# {_regel(d.titel)}", ""]
    regels += [f"- **{label}:** {_regel(waarde)}"
               for label, waarde in handout.feiten(plan, voor, opdrachtgever, begeleiders)]
    regels.append("")
    if voor == "begeleider":
        nodig = benodigdheden(plan)
        if nodig:
            regels += ["## Nodig", "", *[f"- [ ] {_regel(str(b))}" for b in nodig], ""]
        if plan.waarschuwingen:
            regels += ["## Advies van de planner", "", *[f"- {_regel(w)}" for w in plan.waarschuwingen], ""]
    for sessie in plan.sessies:
        regels += [f"## {handout.sessiekop(plan, sessie, voor)}", "", *_agenda(plan, sessie, voor), ""]
        if voor == "begeleider":
            legenda = handout.legenda(sessie.onderdelen)
            if legenda:
                regels += ["  \n".join(_regel(r) for r in legenda), ""]
            for o in sessie.onderdelen:
                regels += _onderdeel(plan, o)
    if voor == "begeleider":
        regels += [_regel(v) + "\n" for v in handout.voetnoten(plan)]
    regels += [f"*Bron:* {_regel(d.bron)}", ""]
    return "\n".join(regels).rstrip("\n") + "\n"
