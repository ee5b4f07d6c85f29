"""How a command ends: one exit code per kind of outcome, and the one place that turns every
failure into one Dutch sentence on stderr and its code.

The codes are a contract (README, "exitcode"): scripts test them.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from planner.kern.fouten import BestandFout, DraaiboekFout, InvoerFout, PlanFout, PlannerFout


class Uitgang(IntEnum):
    """Exit codes, as httpie's ExitStatus: one name per outcome."""

    GELUKT = 0
    INVOER = 2  # an option, number, duration, date, zone or draaiboek name that cannot be used
    PLAN = 3  # the draaiboek does not fit as asked
    BESTAND = 4  # a file (or stdout itself) could not be written
    DRAAIBOEK = 5  # a draaiboek file is broken
    INTERN = 70  # a bug in the planner
    AFGEBROKEN = 130  # Ctrl-C


_CODES: tuple[tuple[type[PlannerFout], Uitgang], ...] = (
    (DraaiboekFout, Uitgang.DRAAIBOEK), (BestandFout, Uitgang.BESTAND), (PlanFout, Uitgang.PLAN),
    (PlannerFout, Uitgang.INVOER))


def code_van(fout: PlannerFout) -> Uitgang:
    return next(code for soort, code in _CODES if isinstance(fout, soort))


def draai(opdracht: Callable[[], int | None]) -> int:
    """Run a command and return its exit code; every failure becomes one Dutch sentence on stderr."""
    from planner.cli import scherm

    scherm.bereid_stromen_voor()
    try:
        code = opdracht()
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk must be reported here, not in Python's exit
    except PlannerFout as fout:
        scherm.fout(str(fout))
        code = code_van(fout)
    except (KeyboardInterrupt, EOFError):
        scherm.fout("Afgebroken.")
        code = Uitgang.AFGEBROKEN
    except BrokenPipeError:
        # The reader went away (planner plan … | head): not an error worth a message.
        scherm.stdout_weg()
        code = Uitgang.GELUKT
    except OSError as fout:
        # Writing to the screen failed (a full disk behind >, a closed descriptor) or a name the
        # file system refuses: one Dutch sentence, like for files.
        scherm.stdout_weg()
        scherm.fout(scherm.os_fout(fout))
        code = Uitgang.BESTAND
    except Exception as fout:
        if os.environ.get("PLANNER_DEBUG"):
            raise
        scherm.fout(f"Interne fout ({type(fout).__name__}: {fout}); dit is een fout in de planner, niet in "
                    "je invoer: meld het, met de opdracht die je gaf (PLANNER_DEBUG=1 toont de details).")
        code = Uitgang.INTERN
    return int(code) if isinstance(code, int) else 0


class LangsClick(Exception):
    """Ctrl-C or a reader gone (`planner … | head`) while a command runs, carried past click: click
    would end the command itself (a silent exit 130, or exit 1), where `draai` says 'Afgebroken.'
    (130) or stops silently (0)."""

    def __init__(self, fout: BaseException) -> None:
        super().__init__()
        self.fout = fout


def met_typer(app: Any, commandos: list[str]) -> int:
    """Let typer read sys.argv and run the command; click's own usage errors become Dutch."""
    import typer

    try:
        code = app(standalone_mode=False, prog_name="planner")  # also under python -m planner, planner.exe
    except LangsClick as langs:
        raise langs.fout from None
    except SystemExit as uit:
        # Click and rich end a write to a reader that went away outside a command (--help, --version:
        # 'planner --help | head') with a silent exit 1 raised while handling the broken pipe; for the
        # planner that is no failure, as in a command (draai: exit 0, nothing said).
        if uit.code == 1 and isinstance(uit.__context__, OSError) and uit.__context__.errno == errno.EPIPE:
            raise BrokenPipeError from None
        raise
    except typer.Exit as uit:
        return uit.exit_code
    except typer.Abort:
        raise KeyboardInterrupt from None
    except Exception as fout:
        if type(fout).__name__ == "NoArgsIsHelpError":
            return Uitgang.GELUKT  # 'planner' alone shows the help; that is no error
        # Click's usage errors (typer vendors click in newer releases, so match by shape).
        if not hasattr(fout, "format_message") or isinstance(fout, PlannerFout):
            raise
        raise InvoerFout(vertaal(fout, commandos)) from None
    return code if isinstance(code, int) else 0


def vertaal(fout: Exception, commandos: list[str]) -> str:
    """Click's own usage errors, in Dutch."""
    hulp = f"zie '{_commandopad(getattr(fout, 'ctx', None), commandos)} --help'."
    soort = type(fout).__name__
    param = getattr(fout, "param", None)
    if param is not None and getattr(param, "param_type_name", "") == "argument":
        naam = param.metavar or (param.name or "").upper()  # as the usage line shows it: DRAAIBOEK
    else:
        naam = param.opts[0] if param is not None and getattr(param, "opts", None) else "een waarde"
    bericht = fout.format_message()  # type: ignore[attr-defined]
    korte = _korte_met_is() if soort == "NoSuchOption" else None
    if korte is not None:
        # '-V=1' or '-g=20': click reads the letters after '-' as short options, '=' included.
        return (f"'{korte}' kan ik niet lezen: een korte optie krijgt haar waarde na een spatie "
                f"('-g 20'), een lange na een spatie of '=' ('--groep 20', '--groep=20'); {hulp}")
    if soort == "NoSuchOption":
        # click lists the options that look alike ('--form' → '--format'): a typo gets its fix.
        bedoeld = [f"'{b}'" for b in list(getattr(fout, "possibilities", None) or ())[:3]]
        gok = f" (bedoel je {' of '.join([', '.join(bedoeld[:-1]), bedoeld[-1]] if len(bedoeld) > 1 else bedoeld)}?)"
        return f"De optie '{getattr(fout, 'option_name', '')}' bestaat niet{gok if bedoeld else ''}: {hulp}"
    if soort == "MissingParameter":
        return f"{naam} ontbreekt: {hulp}"
    if soort == "BadOptionUsage":
        optie = getattr(fout, "option_name", "")
        if "does not take a value" in bericht:
            return f"De optie '{optie}' neemt geen waarde: laat '=…' weg; {hulp}"
        return f"De optie '{optie}' heeft een waarde nodig: {hulp}"
    if soort == "BadParameter":
        return f"De waarde voor {naam} klopt niet: {hulp}"
    if "No such command" in bericht:
        woord = bericht.split("'")[1] if "'" in bericht else ""
        from difflib import get_close_matches

        bedoeld = get_close_matches(woord, commandos, n=1)  # 'planner plann' → 'plan'
        gok = f" (bedoel je '{bedoeld[0]}'?)" if bedoeld else ""
        return f"Het commando '{woord}' bestaat niet{gok}: kies uit {', '.join(commandos)}; {hulp}"
    if "unexpected extra argument" in bericht:
        return f"Er staat een woord te veel op de opdrachtregel: {hulp}"
    if bericht.startswith("Missing command"):  # 'planner --' or only options before the command
        return f"Geef een commando, bijvoorbeeld 'planner lijst': kies uit {', '.join(commandos)}; {hulp}"
    # Every usage error click raises for this app is named above (typer's vendored click words some
    # messages in f-strings, outside gettext, so they are matched here); anything new says what
    # was typed, not click's English.
    return f"De opdrachtregel '{' '.join(sys.argv[1:])[:200]}' kan ik niet lezen: {hulp}"


def _korte_met_is() -> str | None:
    """The word on the command line that is a short option with '=' ('-V=1'), if any."""
    return next((w for w in sys.argv[1:] if w.startswith("-") and not w.startswith("--") and "=" in w), None)


def _commandopad(ctx: Any, commandos: list[str]) -> str:
    """'planner plan' for every mistake inside `planner plan …`, so each message points to the same
    help; click reports some (a missing option value) from the group, before the command is known."""
    if ctx is not None and ctx.command_path != "planner":
        return str(ctx.command_path)
    for woord in sys.argv[1:]:
        if woord in commandos:
            return f"planner {woord}"
        if not woord.startswith("-"):
            break
    return "planner"
