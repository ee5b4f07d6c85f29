"""The stack's floor: the least a typer + rich CLI costs to do what `planner` does.

It parses the same kind of options and prints a 10-row rich table (or JSON with --format json, or,
with --ics, also imports `ics` and serialises one event); `lijst` prints a 7-row rich table. It is
the stack's floor as the project's issue 18 sets it, with one addition: `--format json`, the least a
JSON plan costs (no table). bench/bench.py runs each planner command next to its floor, in the same
rounds, so the ratios hold on a noisy machine.

    python bench/floor.py --help
    python bench/floor.py plan kickoff --groep 20 --tijd 2u
    python bench/floor.py plan kickoff --groep 20 --tijd 2u --ics /tmp/floor.ics
"""

from __future__ import annotations

import typer

app = typer.Typer(help="Vloer: een minimale typer + rich CLI.")


@app.command()
def plan(
    draaiboek: str,
    groep: int = typer.Option(..., help="Aantal deelnemers."),
    tijd: str = typer.Option(..., help="Beschikbare tijd per sessie."),
    start: str | None = typer.Option(None, help="Begin van de eerste sessie."),
    format: str = typer.Option("tabel", help="tabel of json."),
    ics: str | None = typer.Option(None, help="Schrijf een agenda-bestand."),
) -> None:
    """Print een tabel van tien rijen (of JSON)."""
    rijen = [(f"{9 + i // 4:02d}:{(i % 4) * 15:02d}", "15", f"Onderdeel {i}") for i in range(10)]
    if format == "json":
        import json

        print(json.dumps({"draaiboek": draaiboek, "rijen": rijen}))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{draaiboek} ({groep} deelnemers, {tijd})")
        for name in ("Tijd", "Min", "Onderdeel"):
            table.add_column(name)
        for rij in rijen:
            table.add_row(*rij)
        Console().print(table)
    if ics:
        import datetime as dt

        import ics as icslib

        cal = icslib.Calendar()
        cal.events.add(icslib.Event(name=draaiboek, begin=dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC),
                                    duration=dt.timedelta(minutes=120)))
        with open(ics, "w", encoding="utf-8") as f:
            f.write(cal.serialize())


@app.command()
def lijst() -> None:
    """Print een tabel van zeven draaiboeken, zoals 'planner lijst'."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Draaiboeken")
    for name in ("Naam", "Titel", "Groep", "Duur"):
        table.add_column(name)
    for i in range(7):
        table.add_row(f"draaiboek{i}", f"Titel van draaiboek {i}", "2-30", "1 uur")
    Console().print(table)


if __name__ == "__main__":
    app()
