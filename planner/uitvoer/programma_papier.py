"""One set of paper for a programme: one trainersraster with an overview of the whole day or traject,
one materials list (merged and counted), one participants' agenda, one invitation, and the question
cards of every block — built from the single-plan renderers, block by block."""

from __future__ import annotations

from typing import Any

from planner.kern.programma import GeplandBlok, ProgrammaPlan, nodig
from planner.kern.tijd import deelnemers, toon_datum, toon_duur
from planner.uitvoer import handout
from planner.uitvoer.html import CSS, _feiten, _lijst, _sessie, e
from planner.uitvoer.programma import _bijeenkomstkop, _bloknaam, _dagkop, alle_waarschuwingen


def _document(titel: str, css: str, inhoud: list[str]) -> str:
    return "\n".join(["<!DOCTYPE html>", '<html lang="nl">', '<head><meta charset="utf-8">',
                      '<meta name="viewport" content="width=device-width, initial-scale=1">',
                      f"<title>{e(titel)}</title>", f"<style>{css}</style></head>", "<body>", *inhoud,
                      "</body></html>", ""])


# Lines added to the single plan's CSS: a block's name above its rows in the participants' agenda.
_CSS_PROGRAMMA = """
table.raster tr.blokkop td { padding-top: 1mm; padding-bottom: 1mm; font-size: 9pt; font-style: italic;
                            background: #f4f4f4; }
"""


def _feitenlijst(pp: ProgrammaPlan, opdrachtgever: str = "",
                 begeleiders: tuple[str, ...] = (), meenemen: bool = False) -> list[tuple[str, str]]:
    feiten = [("Groep", deelnemers(pp.groep))]
    if pp.locatie:
        feiten.append(("Locatie", pp.locatie))
    if opdrachtgever:
        feiten.append(("Opdrachtgever", opdrachtgever))
    if begeleiders:
        feiten.append(("Begeleiding", ", ".join(begeleiders)))
    for bij in pp.bijeenkomsten:
        for i in range(len(bij.dagen)):
            if len(pp.bijeenkomsten) == 1:
                feiten.append(("Wanneer", _dagkop(bij, i)))
            else:
                # A short label: the meeting's title and distance go with its date, so the label column
                # stays narrow and the date is not squeezed into a sliver of the page.
                kop = _bijeenkomstkop(pp, bij).split(": ", 1)[-1]
                feiten.append((f"Bijeenkomst {bij.nummer}", f"{kop} — {_dagkop(bij, i)}"))
    if meenemen:
        mee = list(dict.fromkeys(m for p in pp.plannen for m in p.draaiboek.meenemen))
        if mee:
            feiten.append(("Neem mee", "; ".join(mee)))
    return feiten


def _overzicht(pp: ProgrammaPlan) -> list[str]:
    """Every day at a glance: the blocks with their times."""
    delen = []
    for bij in pp.bijeenkomsten:
        for i, dag in enumerate(bij.dagen):
            rijen = "".join(f'<tr><td class="tijd"><span class="vak">{e(handout.tijdvak(b))}</span></td>'
                            f'<td class="onderdeel"><strong>{e(_bloknaam(b))}</strong> ({e(toon_duur(b.duur_min))})'
                            "</td></tr>" for b in dag.blokken)
            delen += [f"<h3>{e(_bijeenkomstkop(pp, bij))} · {e(_dagkop(bij, i))}</h3>",
                      '<table class="raster kort"><colgroup><col class="tijd"><col class="onderdeel"></colgroup>'
                      "<tbody>" + rijen + "</tbody></table>"]
    return delen


def trainersraster(pp: ProgrammaPlan, voor: str = "begeleider", opdrachtgever: str = "",
                   begeleiders: tuple[str, ...] | list[str] = (), **_: Any) -> str:
    """The facilitator's grid for the whole programme (voor=begeleider), or the participants' agenda."""
    if voor != "begeleider":
        return _document(f"{pp.programma.titel} — programma", CSS + _CSS_PROGRAMMA, deelnemersagenda(pp))
    kop = [f"<h1>{e(pp.programma.titel)}</h1>", '<p class="soort-handout">Trainersraster · voor de begeleider</p>',
           _feiten(_feitenlijst(pp, opdrachtgever, tuple(begeleiders)))]
    spullen = nodig(pp.plannen)
    if spullen:
        kop += ['<section class="nodig"><h2>Nodig voor het hele programma</h2>',
                _lijst([str(s) for s in spullen], klasse="vinklijst"), "</section>"]
    kop += ['<section class="verloop"><h2>Verloop</h2>', *_overzicht(pp), "</section>"]
    advies = alle_waarschuwingen(pp)
    if advies:
        kop += ['<section class="advies"><h2>Advies van de planner</h2>', _lijst(advies), "</section>"]
    bronnen = sorted({p.draaiboek.bron for p in pp.plannen})
    kop.append(f'<p class="klein">{"<br>".join(e("Bron: " + b) for b in bronnen)}</p>')
    inhoud = ['<header class="overzicht">' + "".join(kop) + "</header>"]
    for bij in pp.bijeenkomsten:
        for dag in bij.dagen:
            for b in dag.blokken:
                if b.plan is None:
                    inhoud.append(f'<p class="klein"><strong>{e(handout.tijdvak(b))} · {e(_bloknaam(b))}</strong> '
                                  f"({e(toon_duur(b.duur_min))})</p>")
                    continue
                # The session's own heading below names the date and times.
                waar = (f"{_bijeenkomstkop(pp, bij)} · " if len(pp.bijeenkomsten) > 1
                        and b.blok.titel != bij.bijeenkomst.titel else "")
                inhoud.append(f"<h2>{e(waar + _bloknaam(b))}</h2>")
                inhoud += [_sessie(b.plan, s) for s in b.plan.sessies]
    return _document(f"{pp.programma.titel} — trainersraster", CSS, inhoud)


def _agendarijen(b: GeplandBlok) -> list[tuple[Any, Any, str, str]]:
    if b.plan is None:
        return [(b.start, b.eind, b.blok.titel, "pauze" if b.blok.is_pauze else "agendapunt")]
    rijen = []
    for sessie in b.plan.sessies:
        rijen += handout.agenda_voor_deelnemers(sessie)
    return rijen


def deelnemersagenda(pp: ProgrammaPlan) -> list[str]:
    """What participants read (P8): per day the agenda of every block, no facilitator text."""
    delen = ["<header>", f"<h1>{e(pp.programma.titel)}</h1>", '<p class="soort-handout">Programma</p>',
             _feiten(_feitenlijst(pp, meenemen=True)), "</header>"]
    eerste = True
    for bij in pp.bijeenkomsten:
        for i, dag in enumerate(bij.dagen):
            rijen = []
            for b in dag.blokken:
                agenda = _agendarijen(b)
                if b.plan is not None and len(agenda) > 1 and len(dag.blokken) > 1:
                    # Which block these rows belong to: participants see the programme's parts, not just steps.
                    rijen.append(f'<tr class="blokkop"><td colspan="2">{e(b.blok.titel)}</td></tr>')
                rijen += [f'<tr class="soort-{e(soort)}"><td class="tijd"><span class="vak">{a:%H:%M}–{z:%H:%M}'
                          f'</span></td><td class="onderdeel"><strong>{e(titel, 40)}</strong></td></tr>'
                          for a, z, titel, soort in agenda]
            # The first day follows the header on page 1; every later one starts a page (as a single plan).
            klasse = "sessie eerste" if eerste else "sessie"
            eerste = False
            delen.append(f'<section class="{klasse}"><h2>{e(_bijeenkomstkop(pp, bij))} · {e(_dagkop(bij, i))}</h2>'
                         '<table class="raster kort"><colgroup><col class="tijd"><col class="onderdeel"></colgroup>'
                         '<thead><tr><th scope="col">Tijd</th><th scope="col">Onderdeel</th></tr></thead>'
                         f'<tbody>{"".join(rijen)}</tbody></table></section>')
    return delen


def kaarten(pp: ProgrammaPlan, **_: Any) -> str:
    """The question cards of every block, four to an A4, in the programme's order."""
    from planner.uitvoer.kaarten import CSS as KAART_CSS
    from planner.uitvoer.kaarten import _kaart
    from planner.uitvoer.kaarten import kaarten as kaarten_van

    alle = [(plan, k) for plan in pp.plannen for k in kaarten_van(plan)]
    if not alle:
        vellen = ['<p class="leeg">Dit programma heeft geen vragen om op kaarten te zetten.</p>']
    else:
        vellen = ['<div class="vel">' + "".join(_kaart(p, k) for p, k in alle[i:i + 4]) + "</div>"
                  for i in range(0, len(alle), 4)]
    return _document(f"{pp.programma.titel} — vraagkaarten", KAART_CSS, vellen)


def uitnodiging(pp: ProgrammaPlan, begeleiders: tuple[str, ...] | list[str] = (), bijlage: str = "",
                **_: Any) -> str:
    """One invitation for the whole programme: why (the sources' sentences for participants), when, the
    agenda per day, what to bring."""
    from planner.uitvoer.uitnodiging import slot, waarom

    eerste = pp.bijeenkomsten[0].start
    regels = [f"Onderwerp: Uitnodiging: {pp.programma.titel}, {toon_datum(eerste)}", "", "Beste deelnemer,", "",
              f"Je bent van harte uitgenodigd voor '{pp.programma.titel}'."]
    gezien: set[str] = set()
    for plan in pp.plannen:
        reden = waarom(plan.draaiboek.uitleg_deelnemers)
        if reden and plan.draaiboek.id not in gezien:
            gezien.add(plan.draaiboek.id)
            regels.append(f"{plan.draaiboek.titel}: {reden}")
    regels.append("")
    dagen = [(bij, i) for bij in pp.bijeenkomsten for i in range(len(bij.dagen))]
    regels.append("Wanneer:" if len(dagen) > 1 else f"Wanneer: {_dagkop(*dagen[0])}")
    if len(dagen) > 1:
        regels += [f"- {_bijeenkomstkop(pp, bij)}, {_dagkop(bij, i)}" for bij, i in dagen]
    if pp.locatie:
        regels.append(f"Waar: {pp.locatie}")
    meenemen = list(dict.fromkeys(m for p in pp.plannen for m in p.draaiboek.meenemen))
    if meenemen:
        regels.append(f"Neem mee: {'; '.join(meenemen)}")
    regels += ["", "Programma:"]
    for bij, i in dagen:
        dag = bij.dagen[i]
        if len(dagen) > 1:
            regels.append(f"{_bijeenkomstkop(pp, bij)} ({toon_datum(dag.start)}):")
        rijen = [r for b in dag.blokken for r in _agendarijen(b)]
        regels += [f"  {a:%H:%M}  {titel}" for a, _, titel, _ in rijen]
        regels.append(f"  {rijen[-1][1]:%H:%M}  Einde" if rijen else "")
    regels.append("")
    return slot(regels, bijlage, len(dagen), begeleiders)
