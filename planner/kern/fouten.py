"""The errors the core raises; the CLI turns each into one Dutch sentence and an exit code."""

from __future__ import annotations

from dataclasses import dataclass


class PlannerFout(Exception):
    """An error the user can fix; its message is a complete Dutch sentence. Its exit code is the
    CLI's business (planner.cli.uitgang.Uitgang, one code per kind of error)."""


class InvoerFout(PlannerFout):
    """An option or argument the user gave is not usable."""


class PlanFout(PlannerFout):
    """The draaiboek cannot be planned as asked (too little time, group too large)."""


class BestandFout(PlannerFout):
    """A file cannot be written or read."""


@dataclass(frozen=True)
class Probleem:
    """One problem in a draaiboek file, located as precisely as the loader knows."""

    bestand: str
    melding: str
    onderdeel: str | None = None
    veld: str | None = None
    regel: int | None = None

    def __str__(self) -> str:
        plek = self.bestand
        if self.regel is not None:
            plek += f", regel {self.regel}"
        if self.onderdeel is not None:
            plek += f", onderdeel '{self.onderdeel}'"
        if self.veld is not None:
            plek += f", veld '{self.veld}'"
        return f"{plek}: {self.melding}"


class DraaiboekFout(PlannerFout):
    """A draaiboek file is broken; carries every problem found in it."""

    def __init__(self, problemen: list[Probleem]) -> None:
        self.problemen = problemen
        eerste = str(problemen[0])
        extra = len(problemen) - 1
        if extra:
            eerste += f" (en nog {extra} {'problemen' if extra > 1 else 'probleem'}: zie 'planner controleer')"
        super().__init__(eerste)
