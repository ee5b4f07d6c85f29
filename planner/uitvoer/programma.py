"""A planned programme as json, as a table on screen and as a markdown handout.

Each draaiboek block keeps exactly the shape a single plan has (planner.uitvoer.json.als_dict), with a few
keys added for its place in the programme; nothing is renamed.
"""

from __future__ import annotations

from typing import Any

from planner.kern.model import GeplandOnderdeel
from planner.kern.programma import GeplandBlok, GeplandeBijeenkomst, ProgrammaPlan, nodig
from planner.kern.tijd import deelnemers, toon_datum, toon_duur
from planner.uitvoer.handout import merk, tijdvak

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


def render_tabel(pp: ProgrammaPlan, breedte: int = 100, **_: Any) -> str:
    """The programme for the screen: per meeting and day each block with its time, then its parts."""
    regels = [f"{pp.programma.titel} · {deelnemers(pp.groep)}" + (f" · {pp.locatie}" if pp.locatie else "")]
    if pp.start_aangenomen:
        regels.append("(geen --start gegeven: de planner neemt morgen 09:00)")
    for bij in pp.bijeenkomsten:
        regels += ["", _bijeenkomstkop(pp, bij)]
        for i, dag in enumerate(bij.dagen):
            regels.append(f"  {_dagkop(bij, i)}")
            for b in dag.blokken:
                regels.append(f"    {tijdvak(b):<13} {toon_duur(b.duur_min):>6}  {_bloknaam(b)}")
                if b.plan is None:
                    continue
                for o in _onderdelen(b):
                    teken = merk(o)
                    regels.append(f"      {tijdvak(o):<13} {o.duur_min:>3} min{teken:<3} {o.titel}"[:breedte])
    meldingen = alle_waarschuwingen(pp)
    if meldingen:
        regels += ["", "Advies van de planner:"] + [f"  - {m}" for m in meldingen]
    spullen = nodig(pp.plannen)
    if spullen:
        regels += ["", "Nodig voor het hele programma: " + ", ".join(str(s) for s in spullen)]
    regels += ["", "+ toegevoegd (eigen agendapunt of van de planner)  * geschat  ↓↑ korter/langer dan het draaiboek"]
    return "\n".join(regels) + "\n"


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
