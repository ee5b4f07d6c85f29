"""`planner live --zaal`: the room view's server around the facilitator's screen.

Kept apart from the live command itself so the command line only hands over its options: the
server starts before the screen (a port in use is one sentence, not a broken screen), its address
is shown on the facilitator's screen, and it stops when the screen closes, however it closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from planner.kern.fouten import InvoerFout
from planner.kern.live_staat import LiveStaat

if TYPE_CHECKING:
    from planner.live.app import LiveApp
    from planner.live.zaal import ZaalScherm


def start(staat: LiveStaat, klok: Callable[[], datetime], poort: int | None, open_: bool) -> ZaalScherm:
    """Start the room server (before any screen: a port in use is one sentence, not a broken screen)."""
    from planner.live.zaal import STANDAARDPOORT, ZaalScherm

    if poort is not None and not 1 <= poort <= 65535:
        raise InvoerFout(f"--zaal-poort {poort} is geen poort: kies een getal van 1 tot 65535, bijvoorbeeld "
                         f"{STANDAARDPOORT}.")
    return ZaalScherm(staat, klok, STANDAARDPOORT if poort is None else poort, open_=open_)


def toon_adres(scherm_app: LiveApp, server: ZaalScherm) -> None:
    """The room page's address on the facilitator's screen (and under ?)."""
    scherm_app.zaal = f"Zaalscherm: open {server.adres} op de projector (alleen-lezen)."
    scherm_app.melding = "\n".join(r for r in (scherm_app.zaal + " (Het adres staat ook onder ?.)",
                                                 scherm_app.melding) if r)


def start_als_gevraagd(staat: LiveStaat, klok: Callable[[], datetime], zaal: bool, poort: int | None,
                       open_: bool) -> ZaalScherm | None:
    """The room server when --zaal, --zaal-poort or --zaal-open asks for one, else None. Started before
    the log's first version is written: a port in use then leaves no log behind that the next try
    would refuse to replace. The caller stops it, however the session ends."""
    if not (zaal or poort is not None or open_):
        return None
    return start(staat, klok, poort, open_)


def draai(scherm_app: LiveApp, server: ZaalScherm | None) -> None:
    """Run the live screen, with the room page's address on it when the room page is served."""
    if server is not None:
        toon_adres(scherm_app, server)
    scherm_app.run()
