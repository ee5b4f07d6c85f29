"""The public holidays of NL or BE for the date check (issue 19.5), from the `holidays` library.

Imported only when a plan has dates to check: `holidays` costs some 60 ms to import (measured with
`python -X importtime`), more than a plain `planner plan` should pay for a plan without a date the
planner chose. The check itself is pure and lives in planner.kern.feestdagen.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from planner.kern.feestdagen import datum_meldingen, jaren, land_voor, te_controleren


def feestdagen(land: str, jaartallen: list[int]) -> dict[date, str]:
    """The public holidays of `land` in those years, with their Dutch names ("Eerste kerstdag")."""
    import holidays

    # Both countries carry Dutch names (NL: nl, fy, en_US…; BE: nl, fr, de…).
    return dict(holidays.country_holidays(land, years=jaartallen, language="nl").items())


def met_datumcontrole(plan: Any, *, land: str | None, start_gegeven: bool,
                      herhaling: tuple[str, Any] | None = None) -> Any:
    """The plan with a warning for each date on a public holiday or a Sunday."""
    data = te_controleren(plan, start_gegeven=start_gegeven, herhaling=herhaling)
    if not data:
        return plan
    gekozen = land_voor(plan.tz, land)
    vrije = feestdagen(gekozen, jaren(data)) if gekozen is not None else {}
    meldingen = datum_meldingen(data, vrije)
    return replace(plan, waarschuwingen=plan.waarschuwingen + tuple(meldingen)) if meldingen else plan
