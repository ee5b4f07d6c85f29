"""--help in Dutch, drawn with plain rich: a usage line, the text, and panels for arguments, options
and commands.

typer draws its help through typer.rich_utils, which also loads rich's markdown (markdown-it),
syntax (pygments) and traceback modules: about 100 ms before a line is printed, more than the rest
of `planner --help` together. The panels here need only rich's console, table and panel. Drawing
them ourselves also leaves out what a facilitator cannot use: type markers (`<str>`,
`<list[str]>`) and the braces around required arguments.
"""

from __future__ import annotations

import inspect
from typing import Any

GEBRUIK = "Gebruik: "
TITELS = {"argumenten": "Argumenten", "opties": "Opties", "commandos": "Commando's"}


def argument_metavar(param: Any) -> str:
    """DRAAIBOEK, [DRAAIBOEK] or [PAD]...: how an argument shows in a usage line."""
    naam = param.metavar or (param.name or "").upper()
    if param.nargs == -1:
        return f"[{naam}]..."
    return naam if param.required else f"[{naam}]"


def gebruiksregel(command: Any, ctx: Any) -> str:
    stukken = [command.options_metavar] if command.options_metavar else []
    stukken += [argument_metavar(p) for p in command.get_params(ctx) if p.param_type_name == "argument"]
    if getattr(command, "subcommand_metavar", None):
        stukken.append(command.subcommand_metavar)
    return f"{GEBRUIK}{ctx.command_path} {' '.join(stukken)}".rstrip()


def _alineas(tekst: str) -> list[str]:
    """Paragraphs of a docstring, each on one line: rich wraps them to the terminal."""
    return [" ".join(regel.strip() for regel in alinea.splitlines())
            for alinea in inspect.cleandoc(tekst).split("\n\n") if alinea.strip()]


def _standaard(param: Any) -> str:
    if param.required:
        return "[verplicht]"
    standaard = param.default
    if (not param.show_default or param.is_flag or standaard is None or standaard == ""
            or isinstance(standaard, (list, tuple))):
        return ""
    return f"[standaard: {standaard}]"


def _rij_optie(param: Any) -> tuple[str, str, str, str]:
    lang = ", ".join(o for o in param.opts if o.startswith("--"))
    kort = ", ".join(o for o in param.opts if not o.startswith("--"))
    metavar = "" if param.is_flag else (param.metavar or "")
    uitleg = " ".join(t for t in (param.help or "", _standaard(param)) if t)
    return lang, kort, metavar, uitleg


def toon(command: Any, ctx: Any) -> None:
    """Print the help of `command` to stdout (without colour when piped or with NO_COLOR)."""
    import sys

    from rich import box
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=False)

    def paneel(titel: str, rijen: list[tuple[str, ...]], stijlen: tuple[str, ...]) -> None:
        if not rijen:
            return
        tabel = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False, expand=True)
        for i, stijl in enumerate(stijlen):
            laatste = i == len(stijlen) - 1
            tabel.add_column(style=stijl, no_wrap=not laatste, ratio=1 if laatste else None)
        for rij in rijen:
            tabel.add_row(*(Text(cel) for cel in rij))  # Text: '[standaard: …]' is no markup
        console.print(Panel(tabel, title=titel, title_align="left", box=box.ROUNDED, border_style="dim"))

    with console.capture() as opname:
        _teken(command, ctx, console, paneel)
    # Without the spaces rich pads every line with: help piped into a file or `less` stays clean.
    sys.stdout.write("\n".join(regel.rstrip() for regel in opname.get().split("\n")))


def _teken(command: Any, ctx: Any, console: Any, paneel: Any) -> None:
    from rich.padding import Padding
    from rich.text import Text

    console.print()
    console.print(Padding(Text(gebruiksregel(command, ctx), style="bold"), (0, 1), expand=False))
    console.print()
    for alinea in _alineas(command.help or ""):
        console.print(Padding(Text(alinea), (0, 1), expand=False))
        console.print()
    parameters = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    argumenten = [(argument_metavar(p).strip("[]."), p.help or "")
                  for p in parameters if p.param_type_name == "argument"]
    paneel(TITELS["argumenten"], argumenten, ("bold cyan", ""))
    opties = [_rij_optie(p) for p in parameters if p.param_type_name == "option"]
    paneel(TITELS["opties"], opties, ("bold cyan", "bold green", "bold yellow", ""))
    if hasattr(command, "list_commands"):
        commandos = []
        for naam in command.list_commands(ctx):
            sub = command.get_command(ctx, naam)
            if sub is not None and not sub.hidden:
                commandos.append((naam, sub.get_short_help_str(limit=200)))
        paneel(TITELS["commandos"], commandos, ("bold cyan", ""))
