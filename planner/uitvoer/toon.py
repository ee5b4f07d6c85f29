"""A draaiboek as `planner toon` shows it in the terminal: its facts, variants and every onderdeel
with its minutes, steps and materials.

Drawn by rich (per onderdeel a borderless two-column table), imported only inside `render_draaiboek`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.kern.model import Draaiboek, Onderdeel
from planner.kern.tekst import stap_regels
from planner.kern.teksten import als_sjabloon

if TYPE_CHECKING:
    from rich.table import Table


def render_draaiboek(d: Draaiboek, groep: int | None = None, kleur: bool = False,
                     breedte: int | None = None) -> str:
    from rich.console import Group
    from rich.text import Text

    from planner.uitvoer.terminal import als_tekst, console

    variant = None
    if groep is not None:
        # Sizing and time are loaded only when they are used: plain 'planner toon' needs neither.
        from planner.kern.maten import kies_variant

        variant = kies_variant(d, groep)
    delen: list[Any] = [Text(d.titel, style="bold"), Text(f"Bron: {d.bron}", style="dim")]
    feiten = [("Naam", d.id), ("Duur", d.tijdsduur), ("Groep", f"{d.groep_min}-{d.groep_max}"),
              ("Opstelling", d.opstelling), ("Bij tijdgebrek", d.bij_tijdgebrek),
              ("Over sessies verdelen", "ja" if d.splitsen else f"nee: {d.niet_splitsen_omdat}"),
              ("Deelnemers", d.deelnemers), ("Nodig", ", ".join(map(str, d.materialen)))]
    if d.herhaling:
        from planner.kern.tijd import toon_duur

        geschat = " (geschatte duur)" if d.herhaling.geschat else ""
        feiten.append(("Herhaling", f"{d.herhaling.titel}, {toon_duur(d.herhaling.minuten)}{geschat}; "
                                    "zet hem in de agenda met planner plan … --ics … --herhaling 3mnd"))
    for label, waarde in feiten:
        if waarde:
            delen.append(Text.assemble((f"{label}:", "bold"), f" {waarde}"))  # 'Naam:' bold, its value not
    if d.beschrijving:
        delen += ["", Text(d.beschrijving)]
    if d.varianten or d.opmerkingen:
        delen.append("")  # the variants and remarks are not part of the description above them
    for v in d.varianten:
        gekozen = " ← voor deze groep" if variant and v.id == variant.id else ""
        label = v.titel if v.titel.lower().startswith("variant") else f"Variant {v.id}: {v.titel}"
        delen.append(Text(f"{label}{gekozen}"))
        if v.opstelling:
            delen.append(Text(f"  opstelling: {v.opstelling}"))
    delen += [Text(f"• {opmerking}") for opmerking in d.opmerkingen]
    for o in d.onderdelen_voor(variant):
        delen += ["", Text(f"{o.titel}  [{o.id}]", style="bold underline"), _feiten(o)]
    return als_tekst(console(kleur, breedte), Group(*delen))


def _feiten(o: Onderdeel) -> Table:
    """An onderdeel's facts as two borderless columns: the label (bold) and its value."""
    from rich.table import Table

    # The values take the rest of the line (ratio, expand): as wide as rich's own fitting would make
    # them when they are long, and when short the padding is trimmed (terminal.als_tekst). rich then
    # measures every cell once; a table wider than the line is measured a second time after shrinking.
    tabel = Table(show_header=False, box=None, padding=(0, 1), expand=True)
    tabel.add_column(style="bold", no_wrap=True)
    tabel.add_column(ratio=1)
    grenzen = "" if o.min_minuten == o.max_minuten else f" (kan {o.min_minuten}-{o.max_minuten})"
    bron = f"uit de praktijk ({o.praktijk})" if o.praktijk else "geschat" if o.geschat else "uit de bron"
    tabel.add_row("Minuten", f"{o.minuten}{grenzen}, {bron}")
    tabel.add_row("Soort", o.soort + (" (optioneel: --zonder " + o.id + ")" if o.optioneel else ""))
    if o.varianten:
        tabel.add_row("Variant", ", ".join(o.varianten))
    if o.werkvorm:
        tabel.add_row("Werkvorm", o.werkvorm)
    if o.toelichting:
        tabel.add_row("Toelichting", o.toelichting)
    if o.stappen:
        # A continuation line stays under its bullet.
        regels = [(f"  – {t}".replace("\n", "\n    ") if diepte else f"• {t}".replace("\n", "\n  "))
                  for diepte, t in ((d, als_sjabloon(r)) for d, r in stap_regels(o.stappen))]
        tabel.add_row("Stappen", "\n".join(regels))
    if o.materialen:
        tabel.add_row("Nodig", "\n".join(f"• {m}".replace("\n", "\n  ") for m in o.materialen))
    return tabel
