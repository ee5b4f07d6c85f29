"""--help in Dutch: a usage line, the text, and panels for arguments, options and commands.

typer draws its help through typer.rich_utils, which also loads rich's markdown (markdown-it),
syntax (pygments) and traceback modules: about 100 ms before a line is printed, more than the rest
of `planner --help` together. The panels here are plain text in the same shape, with nothing to
load. Drawing them ourselves also leaves out what a facilitator cannot use: type markers (`<str>`,
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
    """Paragraphs of a docstring, each on one line to be wrapped to the terminal; an indented
    paragraph (an example command) keeps its lines and indent."""
    return ["\n".join(alinea.splitlines()) if alinea.startswith(" ") else
            " ".join(regel.strip() for regel in alinea.splitlines())
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


def _kleur() -> bool:
    import os
    import sys

    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _breedte() -> int:
    """The terminal's width ($COLUMNS first), 80 when piped; at least 40, so the panels stay panels."""
    import shutil

    return max(40, shutil.get_terminal_size((80, 24)).columns)


def _paneel(titel: str, rijen: list[tuple[str, ...]], breedte: int, kleur: bool) -> list[str]:
    """A rounded box with a title and aligned columns; the last column wraps."""
    import textwrap

    if not rijen:
        return []
    kolommen = [i for i in range(len(rijen[0]) - 1) if any(rij[i] for rij in rijen)]  # no empty columns
    breedtes = [max(len(rij[i]) for rij in rijen) for i in kolommen]
    vast = sum(breedtes) + 2 * len(breedtes)
    binnen = breedte - 4
    # In a narrow window the explanation goes under the option instead of beside it.
    onder = binnen - vast < 24
    uitleg_breedte = binnen - 4 if onder else binnen - vast
    regels = [f"╭─ {titel} " + "─" * max(0, breedte - len(titel) - 5) + "╮"]

    def regel(inhoud: str, naam: str = "") -> None:
        inhoud = inhoud.ljust(binnen)
        if kleur and naam:
            # The option names in bold cyan, as typer shows them; the padding stays outside the codes.
            inhoud = f"\033[1;36m{naam}\033[0m" + inhoud[len(naam):]
        regels.append(f"│ {inhoud} │")

    for rij in rijen:
        links = "".join(rij[i].ljust(b + 2) for i, b in zip(kolommen, breedtes, strict=True))
        uitleg = textwrap.wrap(rij[-1], uitleg_breedte, break_on_hyphens=False) or [""]
        naam = rij[kolommen[0]] if kolommen else ""
        if onder:
            regel(links.rstrip(), naam)
            for stuk in uitleg:
                regel("    " + stuk)
            continue
        for n, stuk in enumerate(uitleg):
            regel((links if n == 0 else " " * vast) + stuk, naam if n == 0 else "")
    regels.append("╰" + "─" * (breedte - 2) + "╯")
    return regels


def toon(command: Any, ctx: Any) -> None:
    """Print the help of `command` to stdout: bold and cyan only in a terminal without NO_COLOR.

    Plain text, no rich: help is what a newcomer runs first, and loading rich's console alone
    costs about as much as the rest of `planner --help`.
    """
    import sys
    import textwrap

    breedte, kleur = _breedte(), _kleur()
    gebruik = gebruiksregel(command, ctx)
    regels = [""] + [" " + (f"\033[1m{r}\033[0m" if kleur else r)
                     for r in textwrap.wrap(gebruik, breedte - 1, subsequent_indent="   ")] + [""]
    for alinea in _alineas(command.help or ""):
        if alinea.startswith(" "):
            # An example command: its own lines, wrapped only when the window is too narrow.
            for voorbeeld in alinea.splitlines():
                regels += textwrap.wrap(voorbeeld, breedte - 1, initial_indent=" ", subsequent_indent="       ",
                                        break_on_hyphens=False) or [""]
            regels.append("")
            continue
        regels += [" " + r for r in textwrap.wrap(alinea, breedte - 2, break_on_hyphens=False,
                                                   break_long_words=False)] + [""]
    parameters = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    argumenten = [(argument_metavar(p).strip("[]."), p.help or "")
                  for p in parameters if p.param_type_name == "argument"]
    regels += _paneel(TITELS["argumenten"], argumenten, breedte, kleur)
    regels += _paneel(TITELS["opties"], [_rij_optie(p) for p in parameters if p.param_type_name == "option"],
                      breedte, kleur)
    if hasattr(command, "list_commands"):
        commandos = []
        for naam in command.list_commands(ctx):
            sub = command.get_command(ctx, naam)
            if sub is not None and not sub.hidden:
                commandos.append((naam, sub.get_short_help_str(limit=200)))
        regels += _paneel(TITELS["commandos"], commandos, breedte, kleur)
    sys.stdout.write("\n".join(r.rstrip() for r in regels) + "\n\n")
