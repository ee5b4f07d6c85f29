"""Printable question cards: A4 sheets with four A6 cards and cut lines, large type.

Which cards follows from the plan alone, never from which draaiboek it is: an onderdeel that
works in subgroups gets a card per groepje the plan computed, so every table has its own; any
other onderdeel with questions gets one card with its question set. A subgroup card carries what
the groepje does itself (the steps the template marks `kaart = "groepje"`, else the part's
questions), the questions to practise with (steps marked `kaart = "oefenen"` in an earlier part)
and its rounds with clock times. A set too long for one card in large type continues on the next
card ("1/2", "2/2"), after a card with every question of the set in short (its first sentence).
Every card names its session (when there are more) and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from planner.kern.groepjes import beurten_in
from planner.kern.model import GeplandOnderdeel, Plan, Sessie, Stap
from planner.kern.tijd import plus_minuten, toon_datum
from planner.uitvoer.afbreken import html_tekst
from planner.uitvoer.handout import titel_voor_deelnemers

# Characters of question text that fit an A6 card at the smallest type we allow (13pt).
PER_KAART = 560
# Letters that fit one line of a card at the largest type: longer words get soft hyphens.
PAST = 16

CSS = """
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #000;
       background: #fff; hyphens: auto; -webkit-hyphens: auto; }
.vel { width: 210mm; height: 297mm; display: grid; grid-template-columns: 105mm 105mm;
       grid-template-rows: 148.5mm 148.5mm; break-after: page; page-break-after: always; overflow: hidden; }
.vel:last-child { break-after: auto; page-break-after: auto; }
/* Dashed cut lines between the cards; the outer edge is the paper's. */
.kaart { position: relative; padding: 9mm 9mm 8mm; overflow: hidden; display: flex; flex-direction: column; }
.kaart:nth-child(odd) { border-right: 0.3mm dashed #000; }
.kaart:nth-child(-n+2) { border-bottom: 0.3mm dashed #000; }
.kop { font-size: 9pt; line-height: 1.25; border-bottom: 0.4mm solid #000; padding-bottom: 1.5mm; margin-bottom: 4mm; }
.kop .groep { display: block; font-size: 12pt; font-weight: bold; margin-top: .8mm; }
ul.vragen { list-style: none; padding: 0; margin: 0; line-height: 1.28; }
ul.vragen > li { margin-bottom: 3.5mm; break-inside: avoid; }
ul.vragen ul { margin: 1mm 0 0; padding-left: 5mm; list-style: disc; }
ul.rondes { margin: 3mm 0 0; padding: 2mm 0 0 4mm; border-top: 0.3mm solid #000; font-size: 10pt; line-height: 1.3; }
.voet { margin-top: auto; font-size: 8pt; padding-top: 2mm; }
/* A long title (an own draaiboek) may not push the question or the footer off the card: the part's
   title keeps two lines, the draaiboek's one; when and where (session, date, time) always show. */
.kop .onderdeel { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2;
                  overflow: hidden; }
.voet .titel { display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.maat-1 { font-size: 20pt; }
.maat-2 { font-size: 17pt; }
.maat-3 { font-size: 15pt; }
.maat-4 { font-size: 13pt; }
.maat-5 { font-size: 11pt; }
.leeg { padding: 20mm; font-size: 14pt; }
"""


@dataclass(frozen=True)
class Kaart:
    onderdeel: str
    vragen: tuple[Stap, ...]
    # "Groepje 2 van 6 · 4 personen", or "" for a plenary card.
    groep: str = ""
    # "overzicht", "1/2", "2/2" when a question set is spread over cards.
    deel: str = ""
    tijd: str = ""
    # "Sessie 2 · dinsdag 8 december 2026", or only the date when the plan has one session.
    wanneer: str = ""
    # What the planner adds under the questions (its own words, set apart on the card): a groepje's
    # rounds with clock times, where the questions to practise come from.
    extra: tuple[str, ...] = ()


def _lengte(stap: Stap) -> int:
    """Room a question takes on a card, in characters: its text, its sub-questions, their spacing."""
    return len(stap.tekst) + sum(len(t) + 25 for t in stap.sub) + 40


def _delen(vragen: tuple[Stap, ...]) -> list[tuple[Stap, ...]]:
    """The questions in runs that fit one card, in order; a question is never cut."""
    delen: list[list[Stap]] = [[]]
    for vraag in vragen:
        if delen[-1] and sum(map(_lengte, delen[-1])) + _lengte(vraag) > PER_KAART:
            delen.append([])
        delen[-1].append(vraag)
    return [tuple(d) for d in delen]


def _kort(vraag: str) -> str:
    """A question's first sentence: the question itself, without its elaboration."""
    nummer, rest = re.match(r"(\d+\.\s+)?(.*)", vraag, flags=re.DOTALL).groups()  # "1." is no sentence
    eerste = re.match(r".+?[?.!](?=\s|$)", rest, flags=re.DOTALL)
    return (nummer or "") + (eerste.group(0) if eerste else rest)


def _notitie(tekst: str) -> bool:
    """A bracketed line is the source's note to the facilitator ("[Verzin eigen variant…]")."""
    return tekst.lstrip().startswith("[")


def _vragen(o: GeplandOnderdeel) -> tuple[Stap, ...]:
    """The onderdeel's questions with their sub-questions, without the facilitator's notes."""
    return tuple(replace(s, sub=tuple(t for t in s.sub if not _notitie(t)))
                 for s in o.stappen if s.soort == "vraag" and not _notitie(s.tekst))


# The questions as the group sees them (the room view of 'planner live --zaal' shows the same).
vragen_voor_deelnemers = _vragen


def _taak(o: GeplandOnderdeel) -> tuple[Stap, ...]:
    """What a groepje does itself: the steps marked for its card, without the facilitator's notes."""
    return tuple(replace(s, sub=tuple(t for t in s.sub if not _notitie(t)))
                 for s in o.stappen if s.kaart == "groepje" and not _notitie(s.tekst))


def _oefenvragen(o: GeplandOnderdeel) -> tuple[Stap, ...]:
    """The questions a part hands to a later part in subgroups ("Oefen met 'de goede vraag'"), without
    the facilitator's bracketed notes."""
    return tuple(replace(s, sub=tuple(t for t in s.sub if not _notitie(t)))
                 for s in o.stappen if s.kaart == "oefenen" and s.soort == "vraag")


def _rondes(o: GeplandOnderdeel, grootte: int) -> tuple[str, ...]:
    """The groepje's rounds as the plan times them: fixed turns (10 + 5 min per gesprek) each with its
    clock times; a turn per person in words. Empty when the part has no turns."""
    beurten = o.bron.beurten if o.bron is not None else None
    if beurten is None or not o.beurt_tekst:
        return ()
    if beurten.min != beurten.max:
        tekst = o.beurt_tekst.removesuffix(" *")
        geschat = " (geschat door de planner)" if o.beurt_tekst.endswith(" *") else ""
        # ronde_minuten is the source's "kom na ongeveer 20 minuten weer terug" (R3)
        terug = (f"; na ongeveer {beurten.ronde_minuten} minuten terug in de plenaire groep"
                 if beurten.ronde_minuten else "")
        return (f"Om de beurt: {tekst}{geschat}{terug}.",)
    ronde = min(o.duur_min, beurten.ronde_minuten) if beurten.ronde_minuten else o.duur_min
    aantal = min(grootte, beurten_in(ronde, beurten.min))
    tijden = []
    for i in range(aantal):
        begin = plus_minuten(o.start, round(i * beurten.min))
        tijden.append(f"{begin:%H:%M}–{plus_minuten(begin, round(beurten.min)):%H:%M}")
    regels = [f"{aantal} rondes van {o.beurt_tekst}: {' · '.join(tijden)}.",
              "Per ronde voert een ander van jullie het gesprek (indeling van de planner)."]
    if aantal < grootte:
        regels.append(f"Met {grootte} personen is er tijd voor {aantal} gesprekken: niet ieder voert er een.")
    return tuple(regels)


def _bij_oefenvragen(deel: tuple[Stap, ...], herkomst: dict[str, str]) -> tuple[str, ...]:
    """Where the questions to practise on this card come from, in the planner's words."""
    titels = list(dict.fromkeys(herkomst[s.tekst] for s in deel if s.tekst in herkomst))
    return tuple(f"Goede vragen om mee te oefenen, uit '{t}'." for t in titels)


def _wanneer(plan: Plan, sessie: Sessie) -> str:
    datum = toon_datum(sessie.start)
    return f"Sessie {sessie.nummer} · {datum}" if len(plan.sessies) > 1 else datum


def kaarten(plan: Plan) -> list[Kaart]:
    """Every card of the plan, in the order of the onderdelen."""
    lijst: list[Kaart] = []
    # The earlier parts' questions to practise on, and which part each comes from, kept up as the
    # parts go by: looking back over every earlier part at each one made 2,000 onderdelen quadratic.
    eerdere_oefenvragen: list[Stap] = []
    eerdere_herkomst: dict[str, str] = {}
    for sessie in plan.sessies:
        wanneer = _wanneer(plan, sessie)
        for o in sessie.onderdelen:
            taak = _taak(o) if o.groepjes else ()
            oefenvragen = tuple(eerdere_oefenvragen) if o.groepjes else ()
            herkomst = eerdere_herkomst if oefenvragen else {}
            eigen = _oefenvragen(o)
            eerdere_oefenvragen += eigen
            eerdere_herkomst = eerdere_herkomst | {s.tekst: o.titel for s in eigen} if eigen else eerdere_herkomst
            vragen = taak + oefenvragen if taak else _vragen(o)
            if not vragen:
                continue
            tijd = f"{o.start:%H:%M}–{o.eind:%H:%M}"
            delen = _delen(vragen)
            namen = [f"{i}/{len(delen)}" for i in range(1, len(delen) + 1)] if len(delen) > 1 else [""]
            overzicht = tuple(Stap("vraag", _kort(v.tekst)) for v in vragen if v.soort == "vraag")
            if len(delen) > 1 and not taak and sum(map(_lengte, overzicht)) <= PER_KAART:
                # A set spread over cards first gets one card with every question in short, so the
                # whole set (the five core questions) can lie on the table at once.
                delen.insert(0, overzicht)
                namen.insert(0, "overzicht")
            groepen = [(f"Groepje {i} van {len(o.groepjes)} · {n} personen", n) for i, n in enumerate(o.groepjes, 1)]
            for groep, grootte in groepen or [("", 0)]:
                extra = [_bij_oefenvragen(deel, herkomst) for deel in delen]
                if groep and taak:
                    # The rounds go with the task ("Neem 10m voor het gesprek…"): on its first card.
                    extra[0] = _rondes(o, grootte) + extra[0]
                for naam, deel, bij in zip(namen, delen, extra, strict=True):
                    lijst.append(Kaart(titel_voor_deelnemers(o), deel, groep, naam, tijd, wanneer, bij))
    return lijst


def _maat(kaart: Kaart) -> str:
    lengte = sum(map(_lengte, kaart.vragen)) + sum(len(r) + 20 for r in kaart.extra)
    for maat, grens in ((1, 180), (2, 300), (3, 430), (4, PER_KAART)):
        if lengte <= grens:
            return f"maat-{maat}"
    # One question with a long elaboration cannot be cut: smaller type rather than text cut off.
    return "maat-5"


def e(tekst: str, past: int = 0) -> str:
    return html_tekst(tekst, past)


def _vraag(tekst: str) -> str:
    """A leading label ("Startvraag:", "Kader:") in bold, so the question itself stands out."""
    label, dubbelepunt, rest = tekst.partition(": ")
    if dubbelepunt and len(label) <= 20 and "?" not in label and rest:
        return f"<strong>{e(label)}:</strong> {e(rest, PAST)}"
    return e(tekst, PAST)


def _kaart(plan: Plan, kaart: Kaart) -> str:
    groep = f'<span class="groep">{e(kaart.groep)}</span>' if kaart.groep else ""
    deel = f" · {e(kaart.deel)}" if kaart.deel else ""
    vragen = "".join(
        f"<li>{_vraag(v.tekst)}"
        + (f"<ul>{''.join(f'<li>{e(t, PAST)}</li>' for t in v.sub)}</ul>" if v.sub else "")
        + "</li>"
        for v in kaart.vragen)
    rondes = "".join(f"<li>{e(r)}</li>" for r in kaart.extra)
    rondes = f'<ul class="rondes">{rondes}</ul>' if rondes else ""
    return (f'<div class="kaart"><div class="kop">'
            f'<span class="onderdeel">{e(kaart.onderdeel)}</span>{deel}{groep}</div>'
            f'<ul class="vragen {_maat(kaart)}">{vragen}</ul>{rondes}'
            f'<div class="voet"><span class="titel">{e(plan.draaiboek.titel)}</span>'
            f'<span class="wanneer">{e(kaart.wanneer)} · {e(kaart.tijd)}</span></div></div>')


def render(plan: Plan, **_: Any) -> str:
    lijst = kaarten(plan)
    if lijst:
        vellen = ['<div class="vel">' + "".join(_kaart(plan, k) for k in lijst[i:i + 4]) + "</div>"
                  for i in range(0, len(lijst), 4)]
    else:
        vellen = ['<p class="leeg">Dit plan heeft geen vragen om op kaarten te zetten: geen onderdeel '
                  "in het draaiboek noemt een vraag.</p>"]
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="nl">',
        '<head><meta charset="utf-8">',
        f"<title>{e(plan.draaiboek.titel)} — vraagkaarten</title>",
        f"<style>{CSS}</style></head>",
        "<body>",
        *vellen,
        "</body></html>",
        "",
    ])
