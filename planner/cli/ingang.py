"""The first code that runs: Ctrl-C is handled before anything heavy is imported.

Importing typer, click and rich takes a noticeable fraction of a second; a Ctrl-C in that time
used to print a raw KeyboardInterrupt traceback. Here the handler is in place before those
imports (as the first statement of this module: the console script imports it a moment before
it calls main), and again after the command, until the process has exited.
"""

import gc
import os
import signal


def _afgebroken(*_: object) -> None:
    """Stop at once with the shell's code for Ctrl-C and one Dutch word; nothing half-done is left
    (files are written to temporary files and only put in place when complete)."""
    try:  # noqa: SIM105 - contextlib would be one more import before the handler is in place
        os.write(2, b"planner: Afgebroken.\n")
    except OSError:
        pass
    os._exit(130)


signal.signal(signal.SIGINT, _afgebroken)


def main() -> None:
    """Console-script entry point (`planner`) and `python -m planner`."""
    signal.signal(signal.SIGINT, _afgebroken)
    # A command lives a fraction of a second and makes next to no reference cycles, yet the cyclic
    # garbage collector ran ~50 times while typer, rich and the planner's modules were imported:
    # ~6% of `planner plan`'s processor time (measured, bench/README.md). Off for the process; the
    # memory it leaves is freed at exit. `planner live`, which runs for hours, switches it on again.
    gc.disable()
    try:
        opdracht()
    except KeyboardInterrupt:
        _afgebroken()
    finally:
        signal.signal(signal.SIGINT, _afgebroken)
        # At exit Python still runs one full collection over everything the imports made (a sixth
        # of `planner plan`'s processor time, measured paired, bench/README.md), though a finished
        # command leaves nothing for it to find. Frozen objects are skipped by it; the normal exit
        # (flushing, atexit, closing files) runs as always.
        gc.freeze()


def opdracht() -> None:
    """The command on sys.argv, read by typer."""
    from planner.cli.app import main as cli_main

    _ctrl_c_tijdens_opdracht()
    cli_main()


def _ctrl_c_tijdens_opdracht() -> None:
    # While a command runs, Ctrl-C is a KeyboardInterrupt again: the command turns it into
    # 'Afgebroken.' and exit 130, after the file writer has cleaned up.
    signal.signal(signal.SIGINT, signal.default_int_handler)


if __name__ == "__main__":  # pragma: no cover
    main()
