"""Reading one table of a draaiboek field by field: every problem names the file, the part and the
field, in Dutch."""

from __future__ import annotations

from typing import Any

from planner.kern.fouten import Probleem
from planner.kern.model import Materiaal

DAG = 24 * 60
MAX_GROEP = 1000



class Lezer:
    """Typed access to one table of the TOML data, collecting problems instead of raising."""

    def __init__(self, data: dict[str, Any], bestand: str, problemen: list[Probleem],
                 onderdeel: str | None = None) -> None:
        self.data = data
        self.bestand = bestand
        self.problemen = problemen
        self.onderdeel = onderdeel

    def probleem(self, veld: str | None, melding: str) -> None:
        self.problemen.append(Probleem(self.bestand, melding, self.onderdeel, veld))

    def tekst(self, veld: str, verplicht: bool = False, standaard: str = "") -> str:
        waarde = self.data.get(veld)
        if waarde is None:
            if verplicht:
                self.probleem(veld, "dit veld ontbreekt; vul een tekst in.")
            return standaard
        if not isinstance(waarde, str) or (verplicht and not waarde.strip()):
            self.probleem(veld, "moet een niet-lege tekst tussen aanhalingstekens zijn.")
            return standaard
        return waarde.strip()

    def teksten(self, veld: str) -> tuple[str, ...]:
        waarde = self.data.get(veld, [])
        if isinstance(waarde, str):
            return (waarde,)
        if not isinstance(waarde, list) or not all(isinstance(w, str) for w in waarde):
            self.probleem(veld, 'moet een lijst van teksten zijn, bijvoorbeeld ["a", "b"].')
            return ()
        return tuple(w.strip() for w in waarde)

    def materialen(self, veld: str = "materialen") -> tuple[Materiaal, ...]:
        """Plain names, or tables { naam = "...", per_deelnemer = 5 } / { naam = "...", aantal = 2 }."""
        waarde = self.data.get(veld, [])
        if isinstance(waarde, str | dict):
            waarde = [waarde]
        if not isinstance(waarde, list):
            self.probleem(veld, 'moet een lijst zijn, bijvoorbeeld ["flap-over", '
                          '{ naam = "plaknotities", per_deelnemer = 5 }].')
            return ()
        gelezen = []
        for nummer, item in enumerate(waarde, start=1):
            if isinstance(item, str):
                if item.strip():
                    gelezen.append(Materiaal(item.strip()))
                else:
                    self.probleem(veld, f"materiaal {nummer} is een lege tekst; vul een naam in of haal het weg.")
            elif isinstance(item, dict):
                materiaal = self._materiaal(veld, nummer, item)
                if materiaal is not None:
                    gelezen.append(materiaal)
            else:
                self.probleem(veld, f"materiaal {nummer} ({item!r}) moet een tekst zijn of een tabel "
                              'als { naam = "plaknotities", per_deelnemer = 5 }.')
        return tuple(gelezen)

    def _materiaal(self, veld: str, nummer: int, item: dict[str, Any]) -> Materiaal | None:
        plek = f"materiaal {nummer}"
        bekend = {"naam", "per_deelnemer", "aantal"}
        for onbekend in [k for k in item if k not in bekend]:
            self.probleem(veld, f"{plek}: '{onbekend}' ken ik niet; gebruik naam, per_deelnemer of aantal.")
        naam = item.get("naam")
        if not isinstance(naam, str) or not naam.strip():
            self.probleem(veld, f'{plek}: naam ontbreekt of is leeg; schrijf bijvoorbeeld naam = "plaknotities".')
            return None
        per_deelnemer = item.get("per_deelnemer")
        aantal = item.get("aantal")
        if per_deelnemer is not None and (isinstance(per_deelnemer, bool)
                                          or not isinstance(per_deelnemer, int | float)
                                          or not 0 < per_deelnemer < MAX_GROEP):
            self.probleem(veld, f"{plek} ('{naam}'): per_deelnemer moet een positief getal zijn, "
                          f"niet {per_deelnemer!r}.")
            return None
        if aantal is not None and (isinstance(aantal, bool) or not isinstance(aantal, int) or aantal < 1):
            self.probleem(veld, f"{plek} ('{naam}'): aantal moet een geheel getal van minstens 1 zijn, "
                          f"niet {aantal!r}.")
            return None
        if per_deelnemer is not None and aantal is not None:
            self.probleem(veld, f"{plek} ('{naam}'): geef per_deelnemer of aantal, niet allebei.")
            return None
        return Materiaal(naam.strip(), float(per_deelnemer) if per_deelnemer is not None else None, aantal)

    def getal(self, veld: str, verplicht: bool = False, standaard: int | None = None,
              minimum: int = 0, maximum: int | None = None) -> int | None:
        waarde = self.data.get(veld)
        if waarde is None:
            if verplicht:
                self.probleem(veld, "dit veld ontbreekt; vul een geheel getal in.")
            return standaard
        if isinstance(waarde, bool) or not isinstance(waarde, int):
            self.probleem(veld, f"moet een geheel getal zijn, niet {waarde!r}.")
            return standaard
        if waarde < minimum:
            self.probleem(veld, f"moet minstens {minimum} zijn, niet {waarde}.")
            return standaard
        if maximum is not None and waarde > maximum:
            self.probleem(veld, f"moet hooguit {maximum} zijn, niet {waarde}.")
            return standaard
        return waarde

    def kommagetal(self, veld: str, verplicht: bool = False) -> float | None:
        waarde = self.data.get(veld)
        if waarde is None:
            if verplicht:
                self.probleem(veld, "dit veld ontbreekt; vul een getal in.")
            return None
        if isinstance(waarde, bool) or not isinstance(waarde, int | float) or not 0 < waarde < DAG:
            # TOML knows inf and nan; neither is a number of minutes or people.
            self.probleem(veld, f"moet een positief getal zijn, niet {waarde!r}.")
            return None
        return float(waarde)

    def ja_nee(self, veld: str, standaard: bool = False) -> bool:
        waarde = self.data.get(veld, standaard)
        if not isinstance(waarde, bool):
            self.probleem(veld, "moet true of false zijn.")
            return standaard
        return waarde

    def keuze(self, veld: str, opties: tuple[str, ...], standaard: str | None = None,
              verplicht: bool = False) -> str | None:
        waarde = self.data.get(veld)
        if waarde is None:
            if verplicht:
                self.probleem(veld, f"dit veld ontbreekt; kies uit {', '.join(opties)}.")
            return standaard
        if waarde not in opties:
            self.probleem(veld, f"'{waarde}' kan niet; kies uit {', '.join(opties)}.")
            return standaard
        return waarde

    def tabellen(self, veld: str) -> list[dict[str, Any]]:
        waarde = self.data.get(veld, [])
        if not isinstance(waarde, list) or not all(isinstance(w, dict) for w in waarde):
            self.probleem(veld, f"moet een lijst van [[{veld}]]-tabellen zijn.")
            return []
        return waarde

    def onbekende_velden(self, bekend: set[str]) -> None:
        for veld in self.data:
            if veld not in bekend:
                self.probleem(veld, f"dit veld ken ik niet; bekende velden: {', '.join(sorted(bekend))}.")
