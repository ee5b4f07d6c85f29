"""The agenda as a table in the terminal: per session a heading, a row per onderdeel, a timeline.

Drawn by rich (a Table with a heavy header box), imported only inside `render`: `plan --format
json` and `--ics` never load it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.kern.model import Plan, Sessie
from planner.kern.nodig import benodigdheden
from planner.kern.tijd import deelnemers, toon_duur
from planner.uitvoer.handout import indeling, legenda, merk, sessiekop, tijdvak, voetnoten

if TYPE_CHECKING:
    from rich.table import Table

# rich style of an onderdeel's title, by soort.
SOORT_STIJL = {
    "opening": "cyan",
    "werkvorm": "",
    "pauze": "dim",
    "evaluatie": "magenta",
    "afronding": "green",
    "agendapunt": "yellow",
}


# Below this many columns the werkvorm goes under the title (dim) instead of in a column of its own:
# four columns in 40 leave words of six letters per line.
SMAL = 60


def _sessietabel(plan: Plan, sessie: Sessie, smal: bool = False) -> Table:
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    kop = sessiekop(plan, sessie)
    # A table of short titles is narrower than its heading: rich would wrap the heading at the
    # table's width ("… · dinsdag 8 december 2026 ·" / "09:00–09:40"); the table grows to it instead.
    tabel = Table(title=kop, title_justify="left", title_style="bold", box=box.HEAVY_HEAD,
                  show_footer=True, expand=False, min_width=cell_len(kop))
    tabel.add_column("Tijd", footer="Totaal", no_wrap=True)
    tabel.add_column("Min", justify="right", footer=toon_duur(sessie.duur_min), no_wrap=True)
    # fold: a word wider than its column (a place name in an own draaiboek on a narrow terminal)
    # continues on the next line instead of losing its end to "…".
    tabel.add_column("Onderdeel" + (" · werkvorm" if smal else ""), ratio=3, overflow="fold")
    if not smal:
        tabel.add_column("Werkvorm", ratio=2, overflow="fold")
    for o in sessie.onderdelen:
        titel = Text(o.titel, style=SOORT_STIJL.get(o.soort, ""))
        if smal:
            for regel in indeling(o):  # marked as in the header, for a screen without colour too
                titel.append(f"\n· {regel}", style="dim")
            tabel.add_row(tijdvak(o), f"{o.duur_min}{merk(o)}", titel)
        else:
            tabel.add_row(tijdvak(o), f"{o.duur_min}{merk(o)}", titel, "\n".join(indeling(o)))
    return tabel


def render(plan: Plan, kleur: bool = False, breedte: int | None = None, **_: Any) -> str:
    from rich.segment import Segment, SegmentLines
    from rich.text import Text

    from planner.uitvoer.terminal import als_tekst, console
    from planner.uitvoer.tijdlijn import legenda as tijdlijn_legenda
    from planner.uitvoer.tijdlijn import tijdlijn

    scherm = console(kleur, breedte)
    d = plan.draaiboek
    kenmerken = [deelnemers(plan.groep), f"{toon_duur(plan.tijd_min)} per sessie"]
    if plan.variant:
        kenmerken.append(plan.variant.titel)
    if plan.opstelling:
        kenmerken.append(f"opstelling: {plan.opstelling}")
    delen: list[Any] = [Text(d.titel, style="bold"), Text(" · ".join(kenmerken), style="dim")]
    nodig = benodigdheden(plan)
    if nodig:
        delen.append(Text(f"Nodig: {', '.join(map(str, nodig))}", style="dim"))
    delen.append("")
    soorten: list[str] = []
    for sessie in plan.sessies:
        # Rendered once: the width of the drawn lines is the table's width (measuring it first, as
        # rich would, costs a third of the whole table again).
        regels = scherm.render_lines(_sessietabel(plan, sessie, smal=scherm.width < SMAL), scherm.options, pad=False)
        delen.append(SegmentLines(regels, new_lines=True))
        # The bar sits under the table, exactly as wide, to show the rhythm of the session.
        balk = tijdlijn(sessie, max(Segment.get_line_length(regel) for regel in regels), kleur, met_legenda=False)
        if balk is not None:
            delen.append(balk)
            soorten += [o.soort for o in sessie.onderdelen]
        delen.append("")
    if soorten:
        delen.append(tijdlijn_legenda(soorten, scherm.width, kleur))
    uitleg = legenda(o for s in plan.sessies for o in s.onderdelen)
    if uitleg:
        delen.append(Text("   ".join(uitleg), style="dim"))
    delen += [Text(noot, style="dim") for noot in voetnoten(plan)]
    if plan.waarschuwingen:
        delen.append(Text("Let op:", style="bold yellow"))
        delen += [Text(f"• {w}") for w in plan.waarschuwingen]
    delen.append(Text(f"Bron: {d.bron}", style="dim"))
    return als_tekst(scherm, *delen)
