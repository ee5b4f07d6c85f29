"""Dividing a group into subgroups within bounds: plain arithmetic, shared by sizing and grouping."""

from __future__ import annotations

import math


def verdeel_groep(groep: int, kleinste: int, grootste: int) -> tuple[int, ...]:
    """Fewest subgroups within [kleinste, grootste], sizes as even as possible, largest first.

    k groups can hold the group iff k x kleinste <= groep <= k x grootste, so the fewest is
    ceil(groep / grootste) when that k also satisfies the lower bound; an even division into k
    then stays within bounds. When no k fits (5 people in groups of 3-4) there is no valid
    division: the sizes stay as even as possible with groups no smaller than `kleinste` (one
    group when the whole group is smaller), and `groepjes_passen` tells the caller to warn.
    """
    aantal = max(1, math.ceil(groep / grootste))
    if aantal * kleinste > groep:
        aantal = max(1, groep // kleinste)
    basis, rest = divmod(groep, aantal)
    return tuple([basis + 1] * rest + [basis] * (aantal - rest))


def groepjes_passen(groep: int, kleinste: int, grootste: int) -> bool:
    """True when the group can be divided into groups of kleinste..grootste."""
    return all(kleinste <= grootte <= grootste for grootte in verdeel_groep(groep, kleinste, grootste))
