"""The handout as one printable HTML page: a trainersraster (time | part | instruction | notes).

Self-contained on purpose: inline CSS, no scripts, fonts or anything fetched from the network, so
it prints the same at the venue without internet. A4; page 1 is an overview (who, where, every
session's real times, what to bring, a timeline per session, the planner's advice), then each
session starts on a page of its own. Nothing is said by colour alone: it must read on a
black-and-white printer.

For the participants: the agenda only (times, titles, pauses), one page per session.
"""

from __future__ import annotations

from typing import Any

from planner.kern.model import GeplandOnderdeel, Plan, Sessie, Stap
from planner.kern.nodig import benodigdheden
from planner.kern.tijd import toon_duur
from planner.uitvoer import handout
from planner.uitvoer.afbreken import html_tekst

CSS = """
@page { size: A4; margin: 10mm 11mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 9pt;
       line-height: 1.25; color: #000; background: #fff; margin: 0 auto; max-width: 190mm;
       hyphens: auto; -webkit-hyphens: auto; }
@media screen { body { padding: 10mm 4mm; } }
@media print { body { max-width: none; } }
h1 { font-size: 17pt; margin: 0 0 1mm; hyphens: manual; }
h2 { font-size: 12pt; margin: 4mm 0 2mm; break-after: avoid; }
h3 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
p { orphans: 3; widows: 3; }
.soort-handout { margin: 0 0 3mm; font-size: 8.5pt; text-transform: uppercase; letter-spacing: .08em; }
dl.feiten { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 2mm;
            font-size: 10pt; }
dl.feiten dt { font-weight: bold; }
dl.feiten dd { margin: 0; }
ul.vinklijst { list-style: none; padding: 0; margin: 0; columns: 3; column-gap: 8mm; font-size: 10pt; }
ul.vinklijst li { position: relative; padding-left: 6mm; margin-bottom: 1mm; break-inside: avoid; }
ul.vinklijst li::before { content: ""; position: absolute; left: 0; top: .15em; width: 3mm; height: 3mm;
                          border: 1px solid #000; }
/* One line per session: the parts side by side, as wide as their minutes. */
.tijdlijn { display: flex; width: 100%; border: 1px solid #000; margin: 1mm 0 1mm; font-size: 7pt;
            line-height: 1.1; break-inside: avoid; }
.tijdlijn > div { border-left: 1px solid #000; padding: .6mm .7mm; overflow: hidden; min-width: 0; }
.tijdlijn > div:first-child { border-left: 0; }
.tijdlijn .t { display: block; font-weight: bold; white-space: nowrap; }
/* The title wraps (hyphenated where a word is too long for its block), never cut off ("Wel…"). */
.tijdlijn .n { display: block; overflow-wrap: anywhere; }
.tijdlijn .soort-pauze { background: #ddd; font-style: italic; }
.tijdlijn-eind { text-align: right; font-size: 7pt; margin: 0 0 1mm; }
section.advies { border: 1.5px solid #000; padding: 1.5mm 3mm; margin: 2mm 0; break-inside: avoid; }
section.advies h2 { margin-top: 0; font-size: 11pt; }
section.advies ul { padding-left: 5mm; margin: 0; }
section.sessie { break-before: page; page-break-before: always; }
section.sessie.eerste { break-before: auto; page-break-before: auto; margin-top: 3mm; }
section.sessie h2 { margin-top: 0; }
table.raster { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.raster col.tijd { width: 12%; }
table.raster col.onderdeel { width: 20%; }
table.raster col.instructie { width: 52%; }
table.raster col.notities { width: 16%; }
table.raster.kort { font-size: 11pt; }
table.raster.kort col.tijd { width: 22%; }
table.raster.kort col.onderdeel { width: 78%; }
table.raster th, table.raster td { border: 1px solid #000; padding: 1.2mm 1.6mm; vertical-align: top;
                                   text-align: left; overflow-wrap: break-word; }
table.raster.kort td { padding: 2mm 2.5mm; }
table.raster thead { display: table-header-group; }
table.raster th { background: #e8e8e8; font-weight: bold; }
/* A short row stays whole; a long one may continue on the next page (its header row repeats),
   but never leaves a line or two behind: items stay whole and paragraphs keep 3 lines together. */
table.raster tr { break-inside: avoid; page-break-inside: avoid; }
table.raster tr.lang { break-inside: auto; page-break-inside: auto; }
table.raster li { break-inside: avoid; orphans: 3; widows: 3; }
table.raster tr.lang li.lang { break-inside: auto; }
/* A step with points under it may break between its points (each point stays whole). */
table.raster tr.lang li:has(> ul) { break-inside: auto; }
table.raster li > ul > li:first-child { break-before: avoid; }
/* A first step of a line or two stays with the next; the last step never goes over alone. (Not on
   every first step: Chromium then moves whole rows, leaving half pages empty.) */
table.raster tr.lang td > ul > li.kort:first-child { break-after: avoid; }
table.raster td > ul > li:last-child { break-before: avoid; }
/* The total once, at the end: a table-footer-group would repeat at the foot of every page. */
table.raster tfoot { display: table-row-group; }
table.raster tfoot td { font-weight: bold; }
tr.soort-pauze td { background: #f2f2f2; font-style: italic; }
td.tijd .vak { white-space: nowrap; }
/* The narrow time column: marks in plain small letters, so a long word fits without breaking. */
td.tijd .label { text-transform: none; letter-spacing: 0; }
.min { display: block; }
.label { display: block; font-size: 7.5pt; text-transform: uppercase; letter-spacing: .04em; margin-top: 1mm;
         white-space: normal; }
.kop { font-weight: bold; }
td ul, td ol { margin: .3mm 0 0; padding-left: 4mm; }
td li { margin-bottom: .4mm; }
td p { margin: 0 0 .8mm; }
.toelichting { font-style: italic; }
.klein { font-size: 8pt; }
"""

# Letters that fit on one line of a column at its font size; a longer word gets soft hyphens.
PAST_ONDERDEEL = 15
PAST_INSTRUCTIE = 40
# A row with more lines than this may break across pages; a shorter one moves whole.
LANGE_RIJ = 22
TEKENS_PER_REGEL = 62
# Percent of the timeline's width below which a part's start time does not fit.
SMALSTE_BLOK = 4.5
# Header facts that list several things, one per line.
MEER_REGELS = ("Data", "Meenemen")


def e(tekst: object, past: int = 0) -> str:
    """Escaped for HTML; with `past`, words longer than that get Dutch soft hyphens."""
    return html_tekst(str(tekst), past)


def _lijst(items: list[str] | tuple[str, ...], tag: str = "ul", klasse: str = "", past: int = 0) -> str:
    if not items:
        return ""
    attr = f' class="{klasse}"' if klasse else ""
    return f"<{tag}{attr}>" + "".join(f"<li>{e(i, past)}</li>" for i in items) + f"</{tag}>"


def _tijdlijn(sessie: Sessie) -> str:
    """The session as one bar: every part as wide as its minutes, its start time and title."""
    totaal = max(1, sessie.duur_min)
    delen = []
    for o in sessie.onderdelen:
        breedte = 100 * o.duur_min / totaal
        # A part too narrow for its start time shows as a plain block; the grid has its details.
        # Letters of 7pt that fit the block's width (190 mm at 100%): a longer word breaks at a syllable.
        past = max(3, int(breedte * 190 / 100 / 1.5))
        tekst = (f'<span class="t">{o.start:%H:%M}</span><span class="n">{e(o.titel, past)}</span>'
                 if breedte >= SMALSTE_BLOK else "")
        delen.append(f'<div class="soort-{e(o.soort)}" style="width: {breedte:.2f}%" title="{e(o.titel)}">'
                     f"{tekst}</div>")
    return (f'<div class="tijdlijn">{"".join(delen)}</div>'
            f'<p class="tijdlijn-eind">einde {sessie.eind:%H:%M}</p>')


def _feiten(feiten: list[tuple[str, str]]) -> str:
    rijen = []
    for label, waarde in feiten:
        inhoud = "<br>".join(e(w) for w in waarde.split("; ")) if label in MEER_REGELS else e(waarde)
        rijen.append(f"<dt>{e(label)}</dt><dd>{inhoud}</dd>")
    return '<dl class="feiten">' + "".join(rijen) + "</dl>"


def _overzicht(plan: Plan, opdrachtgever: str, begeleiders: tuple[str, ...]) -> str:
    """Page 1 for the facilitator: who, where, when, what to bring, the day at a glance, advice."""
    d = plan.draaiboek
    delen = [f"<h1>{e(d.titel)}</h1>", '<p class="soort-handout">Trainersraster · voor de begeleider</p>',
             _feiten(handout.feiten(plan, "begeleider", opdrachtgever, begeleiders))]
    nodig = benodigdheden(plan)
    if nodig:
        delen += ['<section class="nodig"><h2>Nodig</h2>',
                  _lijst([str(b) for b in nodig], klasse="vinklijst"), "</section>"]
    delen.append('<section class="verloop"><h2>Verloop</h2>')
    for sessie in plan.sessies:
        delen += [f"<h3>{e(handout.sessiekop(plan, sessie))} ({e(handout.sessieduur(sessie))})</h3>",
                  _tijdlijn(sessie)]
    delen.append("</section>")
    # The planner's advice apart from the grid, so it is read before the day and not mistaken
    # for the draaiboek's own instructions.
    advies = list(plan.waarschuwingen) + handout.voetnoten(plan)
    if advies:
        delen += ['<section class="advies"><h2>Advies van de planner</h2>', _lijst(advies), "</section>"]
    # Legend and source in one small paragraph: page 1 keeps room for the start of the grid.
    voet = [*handout.legenda(o for s in plan.sessies for o in s.onderdelen), f"Bron: {d.bron}"]
    delen.append(f'<p class="klein">{"<br>".join(e(r) for r in voet)}</p>')
    return '<header class="overzicht">' + "".join(delen) + "</header>"


def _tijdcel(o: GeplandOnderdeel) -> str:
    woorden = handout.merk_in_woorden(o)
    merk = f'<span class="label">{handout.merk(o)} {woorden}</span>' if woorden else ""
    return (f'<td class="tijd"><span class="vak">{e(handout.tijdvak(o))}</span>'
            f'<span class="min">{o.duur_min} min</span>{merk}</td>')


def _onderdeelcel(plan: Plan, o: GeplandOnderdeel) -> str:
    delen = [f"<strong>{e(o.titel, PAST_ONDERDEEL)}</strong>", f'<span class="label">{e(o.soort)}</span>']
    indeling = handout.indeling(o)
    if indeling:
        delen.append(f'<p class="klein">{e(" · ".join(indeling), PAST_ONDERDEEL)}</p>')
    materialen = handout.materialen(plan, o)
    if materialen:
        delen += ['<span class="label">Nodig</span>', _lijst(materialen, past=PAST_ONDERDEEL)]
    return f'<td class="onderdeel">{"".join(delen)}</td>'


def _instructiecel(plan: Plan, o: GeplandOnderdeel) -> str:
    delen = []
    bron = o.bron
    delen.append(_stappen(o.stappen))  # the planner's own parts have steps too
    if bron is not None and bron.toelichting:
        delen.append(f'<p class="toelichting klein">Toelichting: {e(bron.toelichting, PAST_INSTRUCTIE)}</p>')
    if o.bron is None or o.toegevoegd:
        delen.append(f'<p class="klein">{e(handout.herkomst(plan, o))}</p>')
    return f'<td class="instructie">{"".join(delen)}</td>'


def _regels(tekst: str) -> int:
    return 1 + len(tekst) // TEKENS_PER_REGEL


def _is_lang(o: GeplandOnderdeel) -> bool:
    """Whether a row is long enough that moving it whole would leave much of a page empty."""
    regels = sum(_regels(s.tekst) + sum(_regels(t) for t in s.sub) for s in o.stappen)
    if o.bron is not None and o.bron.toelichting:
        regels += _regels(o.bron.toelichting)
    return regels > LANGE_RIJ


def _eigen_label(tekst: str) -> bool:
    """Whether a question names itself already ("Startvraag is: …", "Vraag aan deelnemers: …"):
    then a "Vraag:" before it would say it twice."""
    kop, dubbelepunt, _ = tekst.partition(":")
    return bool(dubbelepunt) and len(kop) <= 30 and "vraag" in kop.lower()


def _stappen(stappen: tuple[Stap, ...]) -> str:
    """The steps in source order; a question is marked as one, nested bullets stay nested."""
    if not stappen:
        return ""
    items = []
    for stap in stappen:
        label = '<span class="kop">Vraag:</span> ' if stap.soort == "vraag" and not _eigen_label(stap.tekst) else ""
        onder = _lijst(stap.sub, past=PAST_INSTRUCTIE) if stap.sub else ""
        # A step of many lines may break inside; orphans/widows keep 3 lines on either side.
        regels = sum(_regels(t) for t in (stap.tekst, *stap.sub))
        lang = " lang" if regels > 8 else (" kort" if regels <= 2 else "")
        items.append(f'<li class="{e(stap.soort)}{lang}">{label}{e(stap.tekst, PAST_INSTRUCTIE)}{onder}</li>')
    return f"<ul>{''.join(items)}</ul>"


def _rij(plan: Plan, o: GeplandOnderdeel, breekbaar: bool = False) -> str:
    klasse = f"soort-{e(o.soort)}" + (" lang" if breekbaar or _is_lang(o) else "")
    return (f'<tr class="{klasse}">{_tijdcel(o)}{_onderdeelcel(plan, o)}{_instructiecel(plan, o)}'
            '<td class="notities"></td></tr>')


def _sessie(plan: Plan, sessie: Sessie) -> str:
    # The first session's grid follows the overview on page 1 (no half-empty first page: issue 19);
    # every later session starts a page of its own.
    klasse = "sessie" if sessie.nummer > 1 else "sessie eerste"
    kolommen = [("tijd", "Tijd"), ("onderdeel", "Onderdeel"), ("instructie", "Werkvorm en instructie"),
                ("notities", "Notities")]
    delen = [f'<section class="{klasse}"><h2>{e(handout.sessiekop(plan, sessie))}</h2>',
             '<table class="raster"><colgroup>', *[f'<col class="{k}">' for k, _ in kolommen],
             "</colgroup><thead><tr>", *[f'<th scope="col">{e(t)}</th>' for _, t in kolommen],
             "</tr></thead><tbody>",
             # The first row under the overview may break (issue 19.10): moved whole it would leave the
             # rest of page 1 empty whenever it is taller than that rest (the kickoff's welcome).
             *[_rij(plan, o, breekbaar=sessie.nummer == 1 and i == 0) for i, o in enumerate(sessie.onderdelen)],
             "</tbody>",
             f'<tfoot><tr><td>Totaal</td><td colspan="{len(kolommen) - 1}">'
             f"{e(toon_duur(sessie.duur_min))}</td></tr></tfoot>", "</table></section>"]
    return "".join(delen)


def _programma(plan: Plan) -> str:
    """The participants' version: title, when, where, what to bring, and per session the agenda."""
    d = plan.draaiboek
    kop = [f"<h1>{e(d.titel)}</h1>", '<p class="soort-handout">Programma</p>',
           _feiten(handout.feiten(plan, "deelnemers"))]
    sessies = []
    for sessie in plan.sessies:
        rijen = [f'<tr class="soort-{e(soort)}"><td class="tijd"><span class="vak">{a:%H:%M}–{b:%H:%M}</span></td>'
                 f'<td class="onderdeel"><strong>{e(titel, 40)}</strong></td></tr>'
                 for a, b, titel, soort in handout.agenda_voor_deelnemers(sessie)]
        # The first session follows the header on page 1; every later one starts a page.
        klasse = "sessie" if sessie.nummer > 1 else "sessie eerste"
        sessies.append(f'<section class="{klasse}"><h2>{e(handout.sessiekop(plan, sessie, "deelnemers"))}</h2>'
                       '<table class="raster kort"><colgroup><col class="tijd"><col class="onderdeel"></colgroup>'
                       '<thead><tr><th scope="col">Tijd</th><th scope="col">Onderdeel</th></tr></thead>'
                       f'<tbody>{"".join(rijen)}</tbody></table></section>')
    return "<header>" + "".join(kop) + "</header>" + "".join(sessies)


def render(plan: Plan, voor: str = "begeleider", opdrachtgever: str = "",
           begeleiders: tuple[str, ...] | list[str] = (), **_: Any) -> str:
    titel = plan.draaiboek.titel + (" — trainersraster" if voor == "begeleider" else " — programma")
    if voor == "begeleider":
        inhoud = [_overzicht(plan, opdrachtgever, tuple(begeleiders)), *[_sessie(plan, s) for s in plan.sessies]]
    else:
        inhoud = [_programma(plan)]
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="nl">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(titel)}</title>",
        f"<style>{CSS}</style></head>",
        "<body>",
        *inhoud,
        "</body></html>",
        "",
    ])
