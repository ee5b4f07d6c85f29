"""The `planner` command: the typer app, its Dutch help, and the commands it registers.

Options are declared in `planner.cli.opties`, the commands in `planner.cli.plannen` (plan, live)
and `planner.cli.draaiboeken` (the rest); how a command ends (messages, exit codes) is in
`planner.cli.uitgang`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from planner import __version__
from planner.cli import draaiboeken, plannen, scherm, uitgang
from planner.kern.fouten import InvoerFout


def _hulp_in_het_nederlands() -> None:
    """typer's help in Dutch, through its own settings. Set when help is shown: typer.rich_utils
    loads rich's markdown and traceback modules, which no command needs (a tenth of a second)."""
    import typer.rich_utils as hulp

    hulp.ARGUMENTS_PANEL_TITLE = "Argumenten"
    hulp.OPTIONS_PANEL_TITLE = "Opties"
    hulp.COMMANDS_PANEL_TITLE = "Commando's"
    hulp.DEFAULT_STRING = "[standaard: {}]"
    hulp.REQUIRED_LONG_STRING = "[verplicht]"
    hulp.ENVVAR_STRING = "[omgevingsvariabele: {}]"
    hulp.DEPRECATED_STRING = "(verouderd) "


class _Nederlands:
    """--help in Dutch: typer's panels with Dutch titles, and the two lines click words itself (the
    usage line and --help's own)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _hulp_in_het_nederlands()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        # Arguments as a newcomer reads them: DRAAIBOEK, [DRAAIBOEK], [PAD]... (typer writes {DRAAIBOEK}).
        stukken = [self.options_metavar] if self.options_metavar else []  # type: ignore[attr-defined]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            # A hidden argument is not in the Argumenten panel either (nieuw's old DRAAIBOEK form).
            if param.param_type_name == "argument" and not getattr(param, "hidden", False):
                naam = param.metavar or (param.name or "").upper()
                if param.nargs == -1:
                    naam += "..."
                stukken.append(naam if param.required else f"[{naam}]")
        if getattr(self, "subcommand_metavar", None):
            stukken.append(self.subcommand_metavar)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(stukken), prefix="Gebruik: ")

    def get_help_option(self, ctx: Any) -> Any:
        optie = super().get_help_option(ctx)  # type: ignore[misc]
        if optie is not None:
            optie.help = "Toon deze hulp en stop."
        return optie


class Commando(_Nederlands, TyperCommand):
    pass


class Groep(_Nederlands, TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, BrokenPipeError) as fout:
            raise uitgang.LangsClick(fout) from None


app = typer.Typer(
    name="planner",
    cls=Groep,
    help=(
        "Maak van een draaiboek een getimede agenda: kies het draaiboek, geef de groepsgrootte "
        "en de beschikbare tijd, en de planner kiest de variant, past de onderdelen in de tijd "
        "(of verdeelt ze over sessies) en schrijft desgewenst een agenda-bestand (.ics).\n\n"
        "Begin met 'planner lijst', bekijk een draaiboek met 'planner toon kickoff' en plan "
        "met 'planner plan kickoff --groep 20 --tijd 3u --start \"1 dec 13:30\"'."
    ),
    no_args_is_help=True,
    add_completion=False,
    options_metavar="[OPTIES]",
    subcommand_metavar="COMMANDO [ARGUMENTEN]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _versie(waarde: bool) -> None:
    if waarde:
        typer.echo(f"planner {__version__}")
        raise typer.Exit()


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell() -> str:
    """The user's shell, for tab completion: detected, else $SHELL."""
    from typer import completion

    naam = None
    if not os.environ.get("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"):
        naam = completion._get_shell_name()
    naam = naam or Path(os.environ.get("SHELL", "")).name
    if naam not in SHELLS:
        raise InvoerFout(f"Aanvullen met Tab kan ik instellen voor {', '.join(SHELLS)}, "
                         f"niet voor '{naam or 'een onbekende shell'}': start 'planner' vanuit een van die shells.")
    return naam


def _installeer_aanvulling(ctx: typer.Context, waarde: bool) -> None:
    if not waarde or ctx.resilient_parsing:
        return
    from typer import completion

    completion.completion_init()
    shell, pad = completion.install(shell=_shell(), prog_name="planner")
    typer.echo(f"Aanvullen met Tab staat aan voor {shell} (in {pad}); open een nieuwe terminal om het te gebruiken.")
    raise typer.Exit()


def _toon_aanvulling(ctx: typer.Context, waarde: bool) -> None:
    if not waarde or ctx.resilient_parsing:
        return
    from typer import completion

    completion.completion_init()
    typer.echo(completion.get_completion_script(prog_name="planner", complete_var="_PLANNER_COMPLETE",
                                                shell=_shell()))
    raise typer.Exit()


@app.callback()
def hoofd(
    versie: bool = typer.Option(False, "--version", "-V", callback=_versie, is_eager=True,
                                help="Toon de versie en stop."),
    installeer: bool = typer.Option(False, "--install-completion", callback=_installeer_aanvulling,
                                    is_eager=True, expose_value=False,
                                    help="Zet aanvullen met Tab aan voor je shell (namen van draaiboeken, opties)."),
    toon_script: bool = typer.Option(False, "--show-completion", callback=_toon_aanvulling,
                                     is_eager=True, expose_value=False,
                                     help="Toon het aanvul-script voor je shell, om het zelf te installeren."),
) -> None:
    """Draaiboeken plannen voor procesbegeleiders."""


for _commando in (draaiboeken.lijst, draaiboeken.toon, plannen.plan, plannen.live, draaiboeken.terugblik,
                 draaiboeken.nieuw, draaiboeken.importeer, draaiboeken.controleer):
    app.command(cls=Commando, options_metavar="[OPTIES]")(_commando)


def main() -> None:
    """Entry point: typer reads the command line; `uitgang.draai` turns every failure into one Dutch sentence."""
    sys.exit(uitgang.draai(_met_typer))


def _met_typer() -> int:
    if os.environ.get("_PLANNER_COMPLETE"):
        _controleer_aanvulling(os.environ["_PLANNER_COMPLETE"])
        # The shell asks for completions (Tab): typer's completion classes must be registered.
        from typer.completion import completion_init

        completion_init()
    namen = commandos()
    alle = app.registered_commands
    # typer turns every registered command into a click command (reading each signature) before it
    # runs one; `planner plan …` needs only plan's: a few ms of start-up. Help and completion see all.
    gevraagd = sys.argv[1] if len(sys.argv) > 1 and not os.environ.get("_PLANNER_COMPLETE") else None
    try:
        if gevraagd in namen:
            app.registered_commands = [c for c in alle if c.callback and c.callback.__name__ == gevraagd]
        return uitgang.met_typer(app, namen)
    finally:
        app.registered_commands = alle


def _controleer_aanvulling(waarde: str) -> None:
    """_PLANNER_COMPLETE is set by the shell's completion script; anything else gets a Dutch answer."""
    instructie, _, shell = waarde.partition("_")
    if instructie not in ("complete", "source") or shell not in SHELLS:
        scherm.fout(f"_PLANNER_COMPLETE='{waarde}' ken ik niet: die variabele zet het aanvul-script van je shell; "
                    "haal hem weg, of zet aanvullen opnieuw aan met 'planner --install-completion'.")
        sys.exit(uitgang.Uitgang.INVOER)


def commandos() -> list[str]:
    return [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
