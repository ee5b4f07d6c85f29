"""`planner terugblik LOG…` over several sessions: per onderdeel planned against real, drawn with rich.

The computation is planner.kern.praktijk; this module turns read logs into its measurements and
draws the result (and the proposal of --bijstellen) as a table.
"""

from __future__ import annotations

from typing import Any

from planner.kern.praktijk import Bijstelling, Meting, Praktijk, minuten
from planner.kern.tijd import op_de_minuut
from planner.live.terugblik import Regel, werkelijk_zonder_pauze

KOPPEN = ("Onderdeel", "Gepland", "Mediaan", "Spreiding", "Langer", "Gedaan")


def metingen(regels: list[Regel]) -> list[Meting]:
    """A log's rows as measurements: real minutes without the pauses (live's own difference where
    the log has it; otherwise the clock times minus the pause rows that follow the part)."""
    return [Meting(r.id, r.titel, r.gepland_min, werkelijk_zonder_pauze(regels, i), r.status)
            for i, r in enumerate(regels)]


def sessie_tekst(regels: list[Regel]) -> str:
    """'sessie 1, di 01-12-2026 13:00' for one log (what its rows say of it)."""
    begin = [r.werkelijk_start or r.gepland_start for r in regels if (r.werkelijk_start or r.gepland_start)]
    sessie = next((r.sessie for r in regels if r.sessie), "")
    if sessie == "1" and not any(r.id.startswith("vooruitblik") for r in regels):
        sessie = ""  # a draaiboek in one session: 'sessie 1' says nothing
    delen = [f"sessie {sessie}" if sessie else ""]
    if begin:
        eerste = op_de_minuut(min(begin))  # the one rounding rule (kern.tijd)
        delen.append(f"{eerste:%d-%m-%Y %H:%M}")
    return ", ".join(d for d in delen if d)


def render_praktijk(kop: str, sessies: list[str], praktijk: list[Praktijk], voorstel: list[Bijstelling],
                    kleur: bool = False, breedte: int | None = None, bijstellen: str | None = None) -> str:
    from rich.text import Text

    from planner.uitvoer.terminal import STANDAARD_BREEDTE, als_tekst, console, titels_en_getallen

    rijen: list[tuple[str | Text, ...]] = []
    for p in praktijk:
        if p.mediaan is None:
            rijen.append((p.titel, "", "niet gedaan", "", "", f"0 van {p.sessies}"))
            continue
        assert p.gepland_mediaan is not None and p.spreiding is not None
        laag, hoog = p.spreiding
        verschil = p.mediaan - p.gepland_mediaan
        stijl = "yellow" if verschil >= 5 else ""
        rijen.append((p.titel, f"{minuten(p.gepland_mediaan)} min", Text(f"{minuten(p.mediaan)} min", style=stijl),
                      f"{laag}–{hoog}" if laag != hoog else f"{laag}", f"{p.langer}×",
                      f"{p.gedaan} van {p.sessies}"))
    tabel, nodig, heel = titels_en_getallen(KOPPEN, rijen)
    scherm = console(kleur, breedte or STANDAARD_BREEDTE)
    # The table never narrower than it needs (a terminal narrower than that wraps its lines, as with
    # `ls -l`); without a terminal (a pipe, a file) every title whole, one line per onderdeel for grep
    # and cut, as with one log. The text around it wraps at the terminal's width.
    boven = als_tekst(scherm, Text(kop, style="bold"),
                      Text(f"{len(sessies)} sessies: " + "; ".join(sessies), style="dim"), "")
    boven += als_tekst(console(kleur, max(scherm.width, nodig if breedte is not None else heel)), tabel)
    delen: list[Any] = ["",
                        Text("Mediaan: de middelste van de werkelijke minuten; spreiding: kortste–langste; langer: hoe "
                             "vaak het onderdeel langer duurde dan gepland. Pauzes tellen niet mee; een gestopt, "
                             "overgeslagen of niet bereikt onderdeel telt als niet gedaan.", style="dim")]
    veranderd = [b for b in voorstel if b.verandert]
    if veranderd:
        wat = (f"wordt geschreven naar het eigen draaiboek '{bijstellen}'" if bijstellen is not None else
               "met --bijstellen NAAM komt dit in een eigen kopie van het draaiboek")
        delen += ["", Text(f"Uit de praktijk, binnen de grenzen van de bron ({wat}):", style="bold")]
        delen += [Text(f"• '{b.titel}' {b.oud} → {b.nieuw} min ({b.bewijs}{'; ' + b.grens if b.grens else ''})")
                  for b in veranderd]
    blijft = [b for b in voorstel if not b.verandert and b.grens]
    delen += [Text(f"• '{b.titel}' blijft {b.oud} min ({b.bewijs}; {b.grens})", style="dim") for b in blijft]
    return boven + als_tekst(scherm, *delen)
