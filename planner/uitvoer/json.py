"""The machine interface: a stable JSON shape, documented in the README."""

from __future__ import annotations

import json
import re
from typing import Any

from planner.kern.model import Draaiboek, GeplandOnderdeel, Onderdeel, Plan, Sessie, Stap
from planner.kern.nodig import benodigdheden
from planner.kern.veilig import ONZICHTBAAR


def _onderdeel(o: GeplandOnderdeel) -> dict[str, Any]:
    return {
        "id": o.id,
        "titel": o.titel,
        "soort": o.soort,
        "start": o.start.isoformat(),
        "eind": o.eind.isoformat(),
        "duur_min": o.duur_min,
        "toegevoegd": o.toegevoegd,
        "geschat": o.geschat,
        "praktijk": "" if o.toegevoegd or o.bron is None else o.bron.praktijk,
        "werkvorm": o.werkvorm,
        "groepjes": list(o.groepjes),
        "per_persoon_min": o.per_persoon_min,
        "stappen": _stappen(o.stappen),
        "bron_min": o.bron_min,
        "aangepast": o.aangepast,
        "beurt": o.beurt_tekst or None,
        "gedaan": o.gedaan,
    }


def _stappen(stappen: tuple[Stap, ...]) -> list[dict[str, Any]]:
    return [{"soort": s.soort, "tekst": s.tekst} | ({"sub": list(s.sub)} if s.sub else {})
            | ({"als": s.als} if s.als else {}) for s in stappen]


def _sessie(s: Sessie) -> dict[str, Any]:
    return {
        "nummer": s.nummer,
        "start": s.start.isoformat(),
        "eind": s.eind.isoformat(),
        "duur_min": s.duur_min,
        "onderdelen": [_onderdeel(o) for o in s.onderdelen],
    }


def als_dict(plan: Plan) -> dict[str, Any]:
    return {
        "draaiboek": plan.draaiboek.id,
        "titel": plan.draaiboek.titel,
        "variant": plan.variant.id if plan.variant else None,
        "groep": plan.groep,
        "tijd_min": plan.tijd_min,
        "strategie": plan.strategie,
        "sessies": [_sessie(s) for s in plan.sessies],
        "waarschuwingen": list(plan.waarschuwingen),
        "vervallen": list(plan.vervallen),
        "weggelaten": list(plan.weggelaten),
        "vrij_min": plan.vrij_min,
        "tz": plan.tz,
        "bron": plan.draaiboek.bron,
        "opstelling": plan.opstelling,
        "nodig": [str(b) for b in benodigdheden(plan)],
    }


def render(plan: Plan, **_: Any) -> str:
    return dumps(als_dict(plan))


def _template_onderdeel(o: Onderdeel) -> dict[str, Any]:
    return {
        "id": o.id,
        "titel": o.titel,
        "soort": o.soort,
        "minuten": o.minuten,
        "min": o.min_minuten,
        "max": o.max_minuten,
        "geschat": o.geschat,
        "praktijk": o.praktijk,
        "werkvorm": o.werkvorm,
        "varianten": list(o.varianten),
        "groepjes": list(o.groepjes) if o.groepjes else None,
        "instructies": list(o.instructies),
        "vragen": list(o.vragen),
        "stappen": _stappen(o.stappen),
        "optioneel": o.optioneel,
        "materialen": [str(m) for m in o.materialen],
        "toelichting": o.toelichting,
        "stap": o.stap,
        "anker": o.anker,
        "beurten": None if o.beurten is None else {
            "min": o.beurten.min, "max": o.beurten.max, "label": o.beurten.label or None,
            "geschat": o.beurten.geschat},
    }


def draaiboek_dict(d: Draaiboek, kort: bool = False) -> dict[str, Any]:
    basis = {
        "id": d.id,
        "titel": d.titel,
        "herkomst": d.herkomst,
        "bron": d.bron,
        "groep_min": d.groep_min,
        "groep_max": d.groep_max,
        "tijdsduur": d.tijdsduur,
        "nominaal_min": sum(o.minuten for o in d.onderdelen_voor(d.varianten[0] if d.varianten else None)),
        "varianten": [
            {"id": v.id, "titel": v.titel, "groep_min": v.groep_min, "groep_max": v.groep_max,
             "opstelling": v.opstelling, "ook_groep_min": v.ook_groep_min, "ook_groep_max": v.ook_groep_max}
            for v in d.varianten
        ],
    }
    if kort:
        return basis
    return basis | {
        "beschrijving": d.beschrijving,
        "opstelling": d.opstelling,
        "bij_tijdgebrek": d.bij_tijdgebrek,
        "standaard_minuten": d.standaard_minuten,
        "groep_omdat": d.groep_omdat,
        "splitsen": {"mag": d.splitsen, "omdat": d.niet_splitsen_omdat, "samen": [list(g) for g in d.samen],
                     "naden": list(d.naden), "bron_sessies": d.bron_sessies, "welkom_terug": d.welkom_terug_min,
                     "vooruitblik": d.vooruitblik_min},
        "materialen": [str(m) for m in d.materialen],
        "deelnemers": d.deelnemers,
        "opmerkingen": list(d.opmerkingen),
        "onderdelen": [_template_onderdeel(o) for o in d.onderdelen],
    }


# json.dumps escapes only the C0 controls; DEL, the C1 controls (\x9b starts an escape on some
# terminals), the bidi overrides and the invisible characters (zero-width, direction marks, tags)
# are written as \uXXXX escapes too (a surrogate pair beyond U+FFFF): the values stay exactly the
# same for every JSON reader, and nothing invisible reaches a terminal.
_ONVEILIG = re.compile(f"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069{ONZICHTBAAR}]")


def dumps(data: Any) -> str:
    tekst = json.dumps(data, ensure_ascii=False, indent=2)
    return _ONVEILIG.sub(lambda m: json.dumps(m[0])[1:-1], tekst) + "\n"
