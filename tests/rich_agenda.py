"""The agenda table as rich drew it before planner.uitvoer.kader: the reference the own drawing is held
to in tests/test_kader.py (the code of planner/uitvoer/tabel.py up to issue 12, unchanged but for the
timeline, which now comes as lines of text)."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.segment import Segment, SegmentLines
from rich.table import Table
from rich.text import Text

from planner.kern.model import Plan, Sessie
from planner.kern.nodig import benodigdheden
from planner.kern.tijd import deelnemers, toon_duur
from planner.uitvoer.handout import indeling, legenda, merk, sessiekop, tijdvak, voetnoten
from planner.uitvoer.tijdlijn import legenda as tijdlijn_legenda
from planner.uitvoer.tijdlijn import tijdlijn


def _console(breedte: int | None) -> Console:
    return Console(file=io.StringIO(), force_terminal=False, no_color=True, width=breedte or 100,
                   highlight=False, emoji=False, markup=False)


def _regels(regels: list[str]) -> Text:
    return Text("\n".join(regels), no_wrap=True, overflow="crop")


def _sessietabel(plan: Plan, sessie: Sessie) -> Table:
    kop = sessiekop(plan, sessie)
    tabel = Table(title=kop, title_justify="left", title_style="bold", show_footer=True, expand=False,
                  min_width=len(kop))
    tabel.add_column("Tijd", footer="Totaal", no_wrap=True)
    tabel.add_column("Min", justify="right", footer=toon_duur(sessie.duur_min), no_wrap=True)
    tabel.add_column("Onderdeel", ratio=3)
    tabel.add_column("Werkvorm", ratio=2)
    for o in sessie.onderdelen:
        tabel.add_row(tijdvak(o), f"{o.duur_min}{merk(o)}", Text(o.titel), "\n".join(indeling(o)))
    return tabel


def render(plan: Plan, breedte: int | None = None) -> str:
    scherm = _console(breedte)
    d = plan.draaiboek
    regels = [deelnemers(plan.groep), f"{toon_duur(plan.tijd_min)} per sessie"]
    if plan.variant:
        regels.append(plan.variant.titel)
    if plan.opstelling:
        regels.append(f"opstelling: {plan.opstelling}")
    delen: list[Any] = [Text(d.titel), Text(" · ".join(regels))]
    nodig = benodigdheden(plan)
    if nodig:
        delen.append(Text(f"Nodig: {', '.join(map(str, nodig))}"))
    delen.append("")
    soorten: list[str] = []
    for sessie in plan.sessies:
        getekend = scherm.render_lines(_sessietabel(plan, sessie), scherm.options, pad=False)
        delen.append(SegmentLines(getekend, new_lines=True))
        balk = tijdlijn(sessie, max(Segment.get_line_length(r) for r in getekend), False, met_legenda=False)
        if balk is not None:
            delen.append(_regels(balk))
            soorten += [o.soort for o in sessie.onderdelen]
        delen.append("")
    if soorten:
        delen.append(_regels(tijdlijn_legenda(soorten, scherm.width, False)))
    uitleg = legenda(o for s in plan.sessies for o in s.onderdelen)
    if uitleg:
        delen.append(Text("   ".join(uitleg)))
    delen += [Text(noot) for noot in voetnoten(plan)]
    if plan.waarschuwingen:
        delen.append(Text("Let op:"))
        delen += [Text(f"• {w}") for w in plan.waarschuwingen]
    delen.append(Text(f"Bron: {d.bron}"))
    for deel in delen:
        scherm.print(deel)
    tekst = scherm.file.getvalue()  # type: ignore[attr-defined]
    return "".join(regel.rstrip(" ") + "\n" for regel in tekst.splitlines())
