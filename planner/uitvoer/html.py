"""The handout as one printable HTML page: a trainersraster (time | part | method and instruction | materials).

Self-contained on purpose: inline CSS, no scripts, fonts or anything fetched from the network, so
it prints the same at the venue without internet. A4, one page break per session, a row never
split across pages, and nothing said by colour alone: it must read on a black-and-white printer.
"""

from __future__ import annotations

from html import escape
from typing import Any

from planner.model import GeplandOnderdeel, Plan, Sessie, Stap
from planner.nodig import benodigdheden
from planner.tijd import toon_duur
from planner.uitvoer import handout

CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt;
       line-height: 1.35; color: #000; background: #fff; margin: 0 auto; max-width: 190mm; }
@media screen { body { padding: 10mm 4mm; } }
@media print { body { max-width: none; } }
h1 { font-size: 18pt; margin: 0 0 1mm; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; }
.soort-handout { margin: 0 0 3mm; font-size: 9pt; text-transform: uppercase; letter-spacing: .08em; }
dl.feiten { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
dl.feiten dt { font-weight: bold; }
dl.feiten dd { margin: 0; }
ul.vinklijst { list-style: none; padding: 0; margin: 0; columns: 2; column-gap: 8mm; }
ul.vinklijst li { position: relative; padding-left: 6mm; margin-bottom: 1mm; break-inside: avoid; }
ul.vinklijst li::before { content: ""; position: absolute; left: 0; top: .15em; width: 3mm; height: 3mm;
                          border: 1px solid #000; }
section.sessie ~ section.sessie { break-before: page; page-break-before: always; }
section.sessie h2 { break-after: avoid; }
table.raster { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.raster col.tijd { width: 15%; }
table.raster col.onderdeel { width: 19%; }
table.raster col.instructie { width: 46%; }
table.raster col.nodig { width: 20%; }
table.raster.kort col.onderdeel { width: 85%; }
table.raster th, table.raster td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top;
                                   text-align: left; overflow-wrap: break-word; }
table.raster thead { display: table-header-group; }
table.raster th { background: #e8e8e8; font-weight: bold; }
table.raster tr { break-inside: avoid; page-break-inside: avoid; }
/* The total once, at the end: a table-footer-group would repeat at the foot of every page. */
table.raster tfoot { display: table-row-group; }
table.raster tfoot td { font-weight: bold; }
tr.soort-pauze td { background: #f2f2f2; font-style: italic; }
td.tijd { white-space: nowrap; }
.min { display: block; }
.label { display: block; font-size: 8pt; text-transform: uppercase; letter-spacing: .05em; margin-top: 1mm;
         white-space: normal; }
.kop { display: block; font-weight: bold; margin-top: 1.5mm; }
td ul, td ol { margin: .5mm 0 0; padding-left: 4.5mm; }
td p { margin: 0 0 1mm; }
.toelichting { font-style: italic; }
footer { margin-top: 5mm; break-inside: avoid; }
section.letop ul { padding-left: 5mm; margin: 0; }
.klein { font-size: 8.5pt; }
"""


def e(tekst: object) -> str:
    return escape(str(tekst), quote=True)


def _lijst(items: list[str] | tuple[str, ...], tag: str = "ul", klasse: str = "") -> str:
    if not items:
        return ""
    attr = f' class="{klasse}"' if klasse else ""
    return f"<{tag}{attr}>" + "".join(f"<li>{e(i)}</li>" for i in items) + f"</{tag}>"


def _kop(plan: Plan, voor: str) -> str:
    d = plan.draaiboek
    soort = "Trainersraster · voor de begeleider" if voor == "begeleider" else "Programma"
    delen = [f"<h1>{e(d.titel)}</h1>", f'<p class="soort-handout">{e(soort)}</p>', '<dl class="feiten">']
    delen += [f"<dt>{e(label)}</dt><dd>{e(waarde)}</dd>" for label, waarde in handout.feiten(plan, voor)]
    delen.append("</dl>")
    if voor == "begeleider":
        nodig = benodigdheden(plan)
        if nodig:
            delen += ['<section class="nodig"><h2>Nodig</h2>',
                      _lijst([str(b) for b in nodig], klasse="vinklijst"), "</section>"]
        # Warnings up front: the facilitator should read them before the day, not after the grid.
        if plan.waarschuwingen:
            delen += ['<section class="letop"><h2>Let op</h2>', _lijst(plan.waarschuwingen), "</section>"]
    return "<header>" + "".join(delen) + "</header>"


def _tijdcel(o: GeplandOnderdeel) -> str:
    woorden = handout.merk_in_woorden(o)
    merk = f'<span class="label">{handout.merk(o)} {woorden}</span>' if woorden else ""
    return f'<td class="tijd">{e(handout.tijdvak(o))}<span class="min">{o.duur_min} min</span>{merk}</td>'


def _instructiecel(plan: Plan, o: GeplandOnderdeel) -> str:
    delen = [f"<p><strong>{e(' · '.join(handout.indeling(o)))}</strong></p>"] if handout.indeling(o) else []
    bron = o.bron
    delen.append(_stappen(o.stappen))  # the planner's own parts have steps too
    if bron is not None and bron.toelichting:
        delen.append(f'<p class="toelichting klein">Toelichting: {e(bron.toelichting)}</p>')
    if o.bron is None or o.toegevoegd:
        delen.append(f'<p class="klein">{e(handout.herkomst(plan, o))}</p>')
    return f'<td class="instructie">{"".join(delen)}</td>'


def _stappen(stappen: tuple[Stap, ...]) -> str:
    """The steps in source order; a question is marked as one, nested bullets stay nested."""
    if not stappen:
        return ""
    items = []
    for stap in stappen:
        label = '<span class="kop">Vraag</span> ' if stap.soort == "vraag" else ""
        onder = _lijst(stap.sub) if stap.sub else ""
        items.append(f'<li class="{e(stap.soort)}">{label}{e(stap.tekst)}{onder}</li>')
    return f"<ul>{''.join(items)}</ul>"


def _rij(plan: Plan, o: GeplandOnderdeel, voor: str) -> str:
    if voor == "deelnemers":
        return (f'<tr class="soort-{e(o.soort)}"><td class="tijd">{e(handout.tijdvak(o))}</td>'
                f'<td class="onderdeel"><strong>{e(o.titel)}</strong></td></tr>')
    titel = f'<td class="onderdeel"><strong>{e(o.titel)}</strong><span class="label">{e(o.soort)}</span></td>'
    nodig = f'<td class="nodig">{_lijst(handout.materialen(plan, o))}</td>'
    return f'<tr class="soort-{e(o.soort)}">{_tijdcel(o)}{titel}{_instructiecel(plan, o)}{nodig}</tr>'


def _sessie(plan: Plan, sessie: Sessie, voor: str) -> str:
    if voor == "deelnemers":
        kolommen = [("tijd", "Tijd"), ("onderdeel", "Onderdeel")]
    else:
        kolommen = [("tijd", "Tijd"), ("onderdeel", "Onderdeel"), ("instructie", "Werkvorm en instructie"),
                    ("nodig", "Benodigdheden")]
    klasse = "raster" if voor == "begeleider" else "raster kort"
    delen = [f'<section class="sessie"><h2>{e(handout.sessiekop(plan, sessie))}</h2>',
             f'<table class="{klasse}"><colgroup>',
             *[f'<col class="{k}">' for k, _ in kolommen],
             "</colgroup><thead><tr>", *[f'<th scope="col">{e(t)}</th>' for _, t in kolommen],
             "</tr></thead><tbody>", *[_rij(plan, o, voor) for o in sessie.onderdelen], "</tbody>"]
    if voor == "begeleider":
        delen.append(f'<tfoot><tr><td>Totaal</td><td colspan="{len(kolommen) - 1}">'
                     f"{e(toon_duur(sessie.duur_min))}</td></tr></tfoot>")
    delen.append("</table></section>")
    return "".join(delen)


def _voet(plan: Plan, voor: str) -> str:
    delen = []
    if voor == "begeleider":
        delen += [f'<p class="klein">{e(r)}</p>' for r in handout.legenda(o for s in plan.sessies for o in s.onderdelen)
                                                  + handout.voetnoten(plan)]
    delen.append(f'<p class="klein">Bron: {e(plan.draaiboek.bron)}</p>')
    return "<footer>" + "".join(delen) + "</footer>"


def render(plan: Plan, voor: str = "begeleider", **_: Any) -> str:
    titel = plan.draaiboek.titel + (" — trainersraster" if voor == "begeleider" else " — programma")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="nl">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(titel)}</title>",
        f"<style>{CSS}</style></head>",
        "<body>",
        _kop(plan, voor),
        *[_sessie(plan, s, voor) for s in plan.sessies],
        _voet(plan, voor),
        "</body></html>",
        "",
    ])
