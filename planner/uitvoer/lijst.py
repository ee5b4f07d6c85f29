"""The list of draaiboeken (and programmes), drawn by rich as a borderless table, like `khal list`
or `docker ps`: rich measures and lays out the columns; the title gives way to a narrow
terminal first, then groups and durations wrap between their parts; names stay whole because
they are typed. An 80-column terminal holds it.
"""

from __future__ import annotations

from typing import Any

from planner.kern.model import Draaiboek

KOP = ("Naam", "Titel", "Groep", "Duur", "Herkomst")
VOET = "Plan er een met: planner plan NAAM --groep AANTAL --tijd DUUR"
KORTSTE_TITEL = 20


def _rij(d: Draaiboek, dubbel: set[str]) -> tuple[str, ...]:
    herkomst = d.herkomst if d.herkomst in ("ingebouwd", "eigen") else "bestand"
    if d.id in dubbel and d.herkomst == "eigen":
        herkomst += " (niet gebruikt)"
    groep = " / ".join(f"{v.id}: {v.groep_min}-{v.groep_max}" for v in d.varianten) or (
        f"{d.groep_min}-{d.groep_max}")
    return (d.id, d.titel, groep, d.tijdsduur or _som_van_de_minuten(d), herkomst)


def _som_van_de_minuten(d: Draaiboek) -> str:
    """Without a stated duration (an imported draaiboek has none): what its parts add up to."""
    from planner.kern.tijd import toon_duur

    sommen = sorted({sum(o.minuten for o in d.onderdelen_voor(v)) for v in d.varianten or [None]})
    if len(sommen) == 1:
        return toon_duur(sommen[0])
    return f"{toon_duur(sommen[0])}-{toon_duur(sommen[-1])}"


def _kapot(bron: Any, problemen: list) -> tuple[str, ...]:
    reden = str(problemen[0]).removeprefix(f"{bron.pad}").lstrip(", :")
    if len(problemen) > 1:
        reden += f" (en nog {len(problemen) - 1}; zie 'planner controleer {bron.pad}')"
    return (bron.id, f"kapot: {reden}", "", "", bron.herkomst)


def _programmarij(r: dict[str, Any]) -> tuple[str, ...]:
    if r["kapot"]:
        return (r["id"], f"kapot: {r['problemen'][0]}", "", "", r["herkomst"])
    wat = f"{r['bijeenkomsten']} bijeenkomsten" if r["bijeenkomsten"] > 1 else "één bijeenkomst"
    laag, hoog = r.get("groep_min"), r.get("groep_max")
    groep = "" if laag is None or hoog is None else f"{laag}-{hoog}" if laag <= hoog else "geen groep past"
    return (r["id"], r["titel"], groep, wat, r["herkomst"])


def _breedtes(rijen: list[tuple[str, ...]]) -> list[int]:
    from rich.cells import cell_len

    return [max(cell_len(r[i]) for r in [KOP, *rijen]) for i in range(len(KOP))]


def _tabel(rijen: list[tuple[str, ...]], kapot: int, breedte: int) -> Any:
    from rich.table import Table

    heel = rijen[:len(rijen) - kapot]
    volle = _breedtes(heel)
    minste = _minste(heel, volle)
    # The title gives way first: rich collapses it alone while groups and durations stay whole. Only
    # when a title at its shortest still does not fit do those wrap too, to their narrowest (rich
    # itself would narrow the widest columns alike, and cut the last).
    smal = sum(volle) - volle[1] + minste[1] + 2 * (len(KOP) - 1) > breedte
    tabel = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold")
    for kop, minst in zip(KOP, minste, strict=True):
        if kop == "Titel":
            tabel.add_column(kop, min_width=minst, overflow="fold")
        elif kop in ("Groep", "Duur"):
            # A draaiboek with variants one variant per line, a duration between its words.
            tabel.add_column(kop, min_width=minst, max_width=minst if smal else None, no_wrap=not smal)
        else:
            # Names are typed: they never give way.
            tabel.add_column(kop, no_wrap=True, min_width=minst)
    for i, rij in enumerate(rijen):
        if smal:  # one variant's group per line ("B: 13-30" never split after "B:")
            rij = (*rij[:2], rij[2].replace(" / ", " /\n"), *rij[3:])
        # A broken file's reason is the one thing that must stay readable: it may wrap.
        tabel.add_row(*rij, style="red" if i >= len(rijen) - kapot else None)
    return tabel


def _minste(rijen: list[tuple[str, ...]], breedtes: list[int]) -> list[int]:
    """Each column's narrowest: a whole name, a title of KORTSTE_TITEL, one variant's group
    ("intervisie: 2-12"), a duration's longest word ("± 1u15-1u30"); `breedtes` are the full widths."""
    from rich.cells import cell_len

    delen = [max((cell_len(deel) for r in [KOP, *rijen] for deel in _delen(r[i], i)), default=0)
             for i in range(len(KOP))]
    return [KORTSTE_TITEL if i == 1 else delen[i] if i in (2, 3) else b for i, b in enumerate(breedtes)]


def _delen(tekst: str, kolom: int) -> list[str]:
    if kolom == 2:
        delen = tekst.split(" / ")
        return [deel + " /" for deel in delen[:-1]] + delen[-1:]
    if kolom == 3:
        return tekst.replace("± ", "±\u00a0").split(" ")
    return [tekst]


def _nodig(rijen: list[tuple[str, ...]]) -> int:
    """The width the table needs with every column at its narrowest: a terminal narrower than that
    gets lines that wrap (as `ls -l` does), never columns cut off."""
    return sum(_minste(rijen, _breedtes(rijen))) + 2 * (len(KOP) - 1)


def render_lijst(draaiboeken: list[Draaiboek], dubbel: set[str], kleur: bool = False,
                 breedte: int | None = None, kapot: list | None = None, eigen_map: str = "",
                 programmas: list[dict[str, Any]] | None = None) -> str:
    """The list of draaiboeken; `kapot` holds (Bron, problems) for own files that cannot be used;
    `programmas` the rows of planner.cli.programma_lijst.lijst_rijen (issue 23)."""
    from rich.text import Text

    from planner.uitvoer.terminal import STANDAARD_BREEDTE, als_tekst, console

    rijen = [_rij(d, dubbel) for d in draaiboeken]
    kapotte = [_kapot(bron, problemen) for bron, problemen in kapot or []]
    # Without a terminal (a pipe, a file) every title whole: one line per draaiboek, for grep and cut.
    bruikbaar = [_programmarij(r) for r in programmas or [] if not r["kapot"]]
    heel = rijen + bruikbaar
    breed = breedte or max(sum(_breedtes(heel)) + 2 * (len(KOP) - 1), STANDAARD_BREEDTE)
    delen: list[Any] = [Text("Draaiboeken", style="bold"), Text(""),
                        _tabel(rijen + kapotte, len(kapotte), breed)]
    if programmas:
        delen += [Text(""), Text("Programma's (plan ze als een draaiboek: planner plan NAAM --groep ...)",
                                 style="bold"), Text("")]
        programmarijen = [_programmarij(r) for r in sorted(programmas, key=lambda r: r["kapot"])]  # broken last
        delen.append(_tabel(programmarijen, sum(1 for r in programmas if r["kapot"]), breed))
    delen.append(Text(""))
    for d in draaiboeken:
        if d.id in dubbel and d.herkomst == "eigen":
            delen.append(Text(f"Let op: je eigen draaiboek '{d.id}' ({d.pad}) heeft dezelfde naam als een "
                              "ingebouwd draaiboek en wordt niet gebruikt: het ingebouwde gaat voor. "
                              "Geef het bestand (en het id erin) een andere naam.", style="yellow"))
    if eigen_map:
        delen.append(Text(f"Eigen draaiboeken staan in: {eigen_map} (maak er een met 'planner nieuw NAAM')",
                          style="dim"))
    delen.append(Text(VOET, style="dim"))
    nodig = max(_nodig(rijen), _nodig(bruikbaar or rijen))
    return als_tekst(console(kleur, max(breed, nodig)), *delen)
