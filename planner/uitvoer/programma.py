"""A planned programme as json, as a table on screen and as a markdown handout.

Each draaiboek block keeps exactly the shape a single plan has (planner.uitvoer.json.als_dict), with a few
keys added for its place in the programme; nothing is renamed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.kern.model import GeplandOnderdeel
from planner.kern.programma import GeplandBlok, GeplandeBijeenkomst, ProgrammaPlan, nodig
from planner.kern.tijd import deelnemers, toon_datum, toon_duur
from planner.uitvoer.handout import legenda, merk, tijdvak

if TYPE_CHECKING:
    from rich.table import Table

FORMATEN = ("tabel", "json", "markdown", "html", "uitnodiging", "kaarten")


# ------------------------------------------------------------------------------------------ json


def _blok_dict(b: GeplandBlok, bijeenkomst: int, dag: int, nummer: int) -> dict[str, Any]:
    from planner.uitvoer.json import _onderdeel, als_dict

    plaats = {"blok": nummer, "blok_soort": b.blok.soort, "blok_titel": b.blok.titel, "bijeenkomst": bijeenkomst,
              "dag": dag, "start": b.start.isoformat(), "eind": b.eind.isoformat(), "duur_min": b.duur_min}
    if b.plan is not None:
        return als_dict(b.plan) | plaats
    assert b.onderdeel is not None
    return plaats | {"titel": b.blok.titel, "geschat": b.onderdeel.geschat, "onderdeel": _onderdeel(b.onderdeel)}


def als_dict(pp: ProgrammaPlan) -> dict[str, Any]:
    blokken = []
    bijeenkomsten = []
    for bij in pp.bijeenkomsten:
        nummer = 0
        for dag in bij.dagen:
            for b in dag.blokken:
                nummer += 1
                blokken.append(_blok_dict(b, bij.nummer, dag.nummer, nummer))
        bijeenkomsten.append({
            "nummer": bij.nummer, "titel": bij.bijeenkomst.titel, "na": bij.bijeenkomst.na_tekst or None,
            "start": bij.start.isoformat(), "eind": bij.eind.isoformat(), "tijd_min": bij.tijd_min,
            "dagen": [{"nummer": d.nummer, "start": d.start.isoformat(), "eind": d.eind.isoformat(),
                       "duur_min": d.duur_min} for d in bij.dagen],
            "waarschuwingen": list(bij.waarschuwingen), "vervallen": list(bij.vervallen),
        })
    return {
        "programma": pp.programma.id,
        "titel": pp.programma.titel,
        "soort": "traject" if pp.programma.traject else "dag",
        "groep": pp.groep,
        "tz": pp.tz,
        "locatie": pp.locatie,
        "start": pp.bijeenkomsten[0].start.isoformat(),
        "eind": pp.bijeenkomsten[-1].eind.isoformat(),
        "bijeenkomsten": bijeenkomsten,
        "blokken": blokken,
        "waarschuwingen": alle_waarschuwingen(pp),
        "nodig": [str(b) for b in nodig(pp.plannen)],
    }


def alle_waarschuwingen(pp: ProgrammaPlan) -> list[str]:
    """The programme's own warnings, then each meeting's, named by meeting in a traject."""
    meldingen = list(pp.waarschuwingen)
    for bij in pp.bijeenkomsten:
        voor = f"{bij.bijeenkomst.titel}: " if len(pp.bijeenkomsten) > 1 else ""
        meldingen += [voor + w for w in bij.waarschuwingen]
    return meldingen


def render_json(pp: ProgrammaPlan, **_: Any) -> str:
    from planner.uitvoer.json import dumps

    return dumps(als_dict(pp))


# ------------------------------------------------------------------------------------ table, text


def _onderdelen(b: GeplandBlok) -> list[GeplandOnderdeel]:
    if b.plan is not None:
        return [o for s in b.plan.sessies for o in s.onderdelen]
    assert b.onderdeel is not None
    return [b.onderdeel]


def _bijeenkomstkop(pp: ProgrammaPlan, bij: GeplandeBijeenkomst) -> str:
    kop = bij.bijeenkomst.titel
    if len(pp.bijeenkomsten) > 1:
        na = f", {bij.bijeenkomst.na_woorden} na de vorige" if bij.bijeenkomst.na_tekst else ""
        kop = f"Bijeenkomst {bij.nummer}: {kop}{na}"
    return kop


def _dagkop(bij: GeplandeBijeenkomst, dag_index: int) -> str:
    dag = bij.dagen[dag_index]
    deel = f"dag {dag.nummer} van {len(bij.dagen)}: " if len(bij.dagen) > 1 else ""
    return f"{deel}{toon_datum(dag.start)}, {dag.start:%H:%M}–{dag.eind:%H:%M} ({toon_duur(dag.duur_min)})"


def _bloknaam(b: GeplandBlok) -> str:
    if b.plan is not None and b.plan.variant is not None:
        return f"{b.blok.titel} (variant {b.plan.variant.id})"
    if b.blok.soort == "herhaling":
        return f"{b.blok.titel} (herhaling{', geschatte duur' if b.onderdeel and b.onderdeel.geschat else ''})"
    return b.blok.titel


def _delen(b: GeplandBlok) -> list[GeplandOnderdeel]:
    """The parts shown under a block: a draaiboek's; an own agenda item or pause is its row alone."""
    return _onderdelen(b) if b.plan is not None else []


def _duur(rij: GeplandBlok | GeplandOnderdeel) -> str:
    """A block's duration ('2u45', '45 min'); a part's minutes with their mark ('25↓'), as in the single
    plan's table."""
    if isinstance(rij, GeplandBlok):
        return toon_duur(rij.duur_min)
    return f"{rij.duur_min}{merk(rij)}"


def _dagtabel(bij: GeplandeBijeenkomst, dag_index: int, duurbreedte: int) -> Table:
    """One day as a rich table: a row per block (bold), its parts nested under it (indented), and a
    line between blocks, so the day reads as the blocks a facilitator runs one after the other."""
    from rich import box
    from rich.cells import cell_len
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from planner.uitvoer.tabel import SOORT_STIJL

    kop = _dagkop(bij, dag_index)
    # As the single plan's table: the table grows to its heading rather than wrapping the date.
    tabel = Table(title=kop, title_justify="left", title_style="bold", box=box.HEAVY_HEAD, expand=False,
                  min_width=cell_len(kop))
    tabel.add_column("Tijd", no_wrap=True)
    # As wide in every day's table, so the columns of the days line up.
    tabel.add_column("Duur", justify="right", no_wrap=True, min_width=duurbreedte)
    # fold: a word wider than the column continues on the next line instead of losing its end.
    # ratio: when render_tabel widens the table to its widest day, the titles get the room.
    tabel.add_column("Blok en onderdeel", overflow="fold", ratio=1)
    blokken = bij.dagen[dag_index].blokken
    for nummer, b in enumerate(blokken, 1):
        onderdelen = _delen(b)
        nog_een_blok = nummer < len(blokken)
        tabel.add_row(tijdvak(b), _duur(b), _bloknaam(b), style="bold", end_section=nog_een_blok and not onderdelen)
        for i, o in enumerate(onderdelen, 1):
            # Padding, not leading spaces: a title that wraps keeps its indent on every line.
            titel = Padding(Text(o.titel, style=SOORT_STIJL.get(o.soort, "")), (0, 0, 0, 2))
            tabel.add_row(tijdvak(o), _duur(o), titel, end_section=nog_een_blok and i == len(onderdelen))
    return tabel


def render_tabel(pp: ProgrammaPlan, kleur: bool = False, breedte: int | None = None, **_: Any) -> str:
    """The programme for the screen: per meeting and day a table with each block and, under it, its parts.

    Drawn by rich (imported here only, as planner.uitvoer.tabel does), at `breedte` columns: titles and
    advice wrap between words instead of being cut off.
    """
    from rich.cells import cell_len
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

    from planner.uitvoer.terminal import als_tekst, console

    scherm = console(kleur, breedte)
    kenmerken = " · ".join([deelnemers(pp.groep)] + ([pp.locatie] if pp.locatie else []))
    delen: list[Any] = [Text.assemble((pp.programma.titel, "bold"), (f" · {kenmerken}", "dim"))]
    if pp.start_aangenomen:
        delen.append(Text("(geen --start gegeven: de planner neemt morgen 09:00)", style="dim"))
    duurbreedte = max(cell_len(_duur(rij)) for bij in pp.bijeenkomsten for dag in bij.dagen
                      for b in dag.blokken for rij in [b, *_delen(b)])
    tabellen = []
    for bij in pp.bijeenkomsten:
        delen += ["", Text(_bijeenkomstkop(pp, bij), style="bold")]
        for i in range(len(bij.dagen)):
            tabellen.append(_dagtabel(bij, i, duurbreedte))
            delen.append(tabellen[-1])
    # Every day as wide as the widest (at most the terminal): the columns of one day line up with the
    # next, instead of a ragged stack of tables each as wide as its own longest title.
    breedst = max(Measurement.get(scherm, scherm.options, t).maximum for t in tabellen)
    for tabel in tabellen:
        tabel.width = breedst
    meldingen = alle_waarschuwingen(pp)
    if meldingen:
        # A grid, so that a wrapped sentence hangs under its own first word, clear of the bullet.
        advies = Table.grid(padding=(0, 1, 0, 0))
        advies.add_column(no_wrap=True)
        advies.add_column()
        for m in meldingen:
            advies.add_row("•", Text(m))
        delen += ["", Text("Advies van de planner:", style="bold yellow"), advies]
    spullen = nodig(pp.plannen)
    if spullen:
        delen += ["", Text("Nodig voor het hele programma: " + ", ".join(str(s) for s in spullen))]
    # The marks that occur, explained as under a single plan's table (° from practice and ✓ done too).
    uitleg = legenda(o for bij in pp.bijeenkomsten for dag in bij.dagen for b in dag.blokken for o in _delen(b))
    if uitleg:
        delen += ["", Text("   ".join(uitleg), style="dim")]
    return als_tekst(scherm, *delen)


# ------------------------------------------------------------------------------------- markdown


def render_markdown(pp: ProgrammaPlan, voor: str = "begeleider", **_: Any) -> str:
    """One handout for the whole programme: an overview, then each block's own handout (its markdown)."""
    from planner.uitvoer.markdown import cel
    from planner.uitvoer.markdown import render as blok_markdown

    regels = [f"# {pp.programma.titel}", "", f"- **Groep:** {deelnemers(pp.groep)}"]
    if pp.locatie:
        regels.append(f"- **Locatie:** {pp.locatie}")
    meenemen = list(dict.fromkeys(m for p in pp.plannen for m in p.draaiboek.meenemen))
    if meenemen and voor != "begeleider":
        # What to bring, once for the whole programme at the top (each block's handout leaves it out below).
        regels.append(f"- **Meenemen:** {cel('; '.join(meenemen))}")
    if pp.programma.beschrijving and voor == "begeleider":
        regels += ["", pp.programma.beschrijving]
    meldingen = alle_waarschuwingen(pp)
    if meldingen and voor == "begeleider":
        regels += ["", "## Advies van de planner", ""] + [f"- {m}" for m in meldingen]
    regels += ["", "## Overzicht"]
    for bij in pp.bijeenkomsten:
        for i, dag in enumerate(bij.dagen):
            regels += ["", f"**{cel(_bijeenkomstkop(pp, bij))} · {cel(_dagkop(bij, i))}**", "",
                       "| Tijd | Duur | Blok |", "| --- | ---: | --- |"]
            for b in dag.blokken:
                # The variant is the facilitator's business (P8): participants read the block's title.
                naam = _bloknaam(b) if voor == "begeleider" else b.blok.titel
                regels.append(f"| {tijdvak(b)} | {toon_duur(b.duur_min)} | {cel(naam)} |")
    spullen = nodig(pp.plannen)
    if spullen and voor == "begeleider":
        regels += ["", "## Nodig voor het hele programma", ""] + [f"- {s}" for s in spullen]
    for bij in pp.bijeenkomsten:
        for i, dag in enumerate(bij.dagen):
            regels += ["", f"## {cel(_bijeenkomstkop(pp, bij))} · {cel(_dagkop(bij, i))}"]
            for b in dag.blokken:
                if b.plan is None:
                    regels += ["", f"### {tijdvak(b)} · {cel(_bloknaam(b))} ({toon_duur(b.duur_min)})"]
                    continue
                tekst = blok_markdown(b.plan, voor=voor)
                # The block's own handout, its headings one level down under the day.
                regels += [""] + [("##" + r) if r.startswith("#") else r for r in tekst.rstrip().splitlines()
                                  if voor == "begeleider" or not r.startswith("- **Meenemen:**")]
    return "\n".join(regels) + "\n"
