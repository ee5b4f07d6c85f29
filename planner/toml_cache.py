"""The parsed built-in draaiboeken, kept between runs (issue 12: start-up speed).

Reading the TOML of the seven built-in draaiboeken took `planner lijst` as long as all of its own
work; they only change with a new version of the planner. The cache maps each file's exact text to
its parsed data (marshal, as Python caches its own bytecode), so a changed text is simply read
again, and everything after parsing (validation, which reports a broken file) still runs each
time. A cache that cannot be read or written is ignored: it only costs speed.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

# Texts of several planner versions may pile up after upgrades; past this many, start afresh.
MAX_TEKSTEN = 64

_teksten: dict[str, bytes] | None = None


def _pad() -> Path:
    """The platform's cache folder, like laden.eigen_map uses its data folder."""
    if os.name == "nt":
        basis = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        basis = Path.home() / "Library" / "Caches"
    else:
        basis = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    # marshal's format belongs to one Python version.
    return basis / "planner" / f"draaiboeken-{sys.implementation.cache_tag}-{marshal.version}.marshal"


def _laad() -> dict[str, bytes]:
    global _teksten
    if _teksten is None:
        _teksten = {}
        try:
            inhoud = marshal.loads(_pad().read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return _teksten
        if isinstance(inhoud, dict) and all(isinstance(k, str) and isinstance(w, bytes) for k, w in inhoud.items()):
            _teksten = inhoud
    return _teksten


def _bewaar(teksten: dict[str, bytes]) -> None:
    pad = _pad()
    tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}")
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk.write_bytes(marshal.dumps(teksten))
        os.replace(tijdelijk, pad)  # whole or not at all, also with two planners at once
    except OSError:
        with contextlib.suppress(OSError):
            tijdelijk.unlink(missing_ok=True)


def lees_toml(tekst: str) -> dict[str, Any]:
    """`tomllib.loads(tekst)`, from the cache when this exact text was parsed before.

    Raises what tomllib raises; a text that does not parse is never cached. Every call returns a
    fresh object, so a caller may change it.
    """
    teksten = _laad()
    bewaard = teksten.get(tekst)
    if bewaard is not None:
        try:
            data = marshal.loads(bewaard)
        except (ValueError, EOFError, TypeError):
            data = None
        if isinstance(data, dict):
            return data
    import tomllib

    data = tomllib.loads(tekst)
    try:
        bewaard = marshal.dumps(data)
    except ValueError:  # a TOML date or time: marshal cannot keep it, so read it each time
        return data
    if len(teksten) >= MAX_TEKSTEN:
        teksten.clear()
    teksten[tekst] = bewaard
    _bewaar(teksten)
    return data
