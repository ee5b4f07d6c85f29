"""`planner terugblik LOG…`: one log as before; several logs of one draaiboek as practice, and with
--bijstellen NAAM an own copy of that draaiboek with minutes moved towards practice.

Kept apart from the command's declaration so the command line only hands over its options.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planner.kern.fouten import InvoerFout
from planner.kern.model import Draaiboek
from planner.live.terugblik import Regel

# Ids the planner adds itself: no draaiboek has them.
_EIGEN = ("welkom-terug", "vooruitblik", "vrije-ruimte", "pauze-", "later-einde")


def terugblik(logs: list[Path], bijstellen: str | None, force: bool, zeg: Callable[[str], object]) -> None:
    from planner.cli import scherm
    from planner.kern.praktijk import bijstellingen, verzamel
    from planner.kern.veilig import schoon, schoon_kopie
    from planner.live.praktijk import metingen, render_praktijk, sessie_tekst
    from planner.live.terugblik import lees_log, render_terugblik

    if not logs:
        raise InvoerFout("Geef het log van 'planner live --log', of meer logs van hetzelfde draaiboek.")
    dubbel = next((p for i, p in enumerate(logs) if p in logs[:i]), None)
    if dubbel is not None:
        raise InvoerFout(f"'{schoon(str(dubbel))}' staat twee keer in de opdracht: elke sessie telt één keer.")
    # A log is a CSV anyone can edit: its titles are shown with control characters written out.
    gelezen = [schoon_kopie(lees_log(pad)) for pad in logs]
    _weiger_kopie(logs, gelezen)
    draaiboek = _draaiboek(logs, gelezen)
    if bijstellen is not None:
        _controleer_doel(draaiboek, bijstellen, force)
    naam = f"{draaiboek.titel} ({draaiboek.id})" if draaiboek is not None else "draaiboek onbekend"
    if len(logs) == 1 and bijstellen is None:
        kop = f"{naam} · {sessie_tekst(gelezen[0])}"
        scherm.uit(render_terugblik(gelezen[0], kop=kop, kleur=scherm.kleur(), breedte=scherm.breedte()), None, False)
        return
    praktijk = verzamel([metingen(regels) for regels in gelezen])
    voorstel = bijstellingen(draaiboek, praktijk) if draaiboek is not None else []
    sessies = [sessie_tekst(regels) for regels in gelezen]
    scherm.uit(render_praktijk(f"Terugblik over {len(logs)} sessies: {naam}", sessies, praktijk, voorstel,
                               kleur=scherm.kleur(), breedte=scherm.breedte(), bijstellen=bijstellen), None, False)
    if bijstellen is not None and draaiboek is not None:
        _schrijf_kopie(draaiboek, bijstellen, [b for b in voorstel if b.verandert], len(logs), force, zeg)


def _weiger_kopie(logs: list[Path], gelezen: list[list[Regel]]) -> None:
    """A log given twice under two names (a copy) is one session: its real times are the same."""
    from planner.kern.veilig import schoon

    gezien: dict[tuple, Path] = {}
    for pad, regels in zip(logs, gelezen, strict=True):
        sleutel = tuple((r.id, r.werkelijk_start, r.werkelijk_eind) for r in regels if r.werkelijk_start is not None)
        if not sleutel:
            continue  # a session that never started says nothing about which session it is
        if sleutel in gezien:
            raise InvoerFout(f"'{schoon(str(pad))}' is hetzelfde log als '{schoon(str(gezien[sleutel]))}' (dezelfde "
                             "werkelijke tijden): elke sessie telt één keer.")
        gezien[sleutel] = pad


def _draaiboek(logs: list[Path], gelezen: list[list[Regel]]) -> Draaiboek | None:
    """The one draaiboek the logs are of: named in the log (column 'draaiboek'), or for an older log
    the only draaiboek that has every onderdeel the log names. Logs of different ones are refused."""
    from planner.bibliotheek import laden, vinden
    from planner.kern.veilig import schoon

    namen: list[str | None] = []
    for regels in gelezen:
        genoemd = next((r.draaiboek for r in regels if r.draaiboek), None)
        if genoemd is None:
            ids = {r.id for r in regels if r.gepland_start is not None and not r.id.startswith(_EIGEN)}
            passend = [b.id for b in vinden.zichtbare_bronnen()
                       if ids and ids <= {o.id for o in _laad(laden, b.id)}]
            genoemd = passend[0] if len(passend) == 1 else None
        namen.append(genoemd)
    bekend = {n for n in namen if n is not None}
    if len(bekend) > 1:
        per = "; ".join(f"{schoon(str(p))}: {n or 'onbekend'}" for p, n in zip(logs, namen, strict=True))
        raise InvoerFout(f"Deze logs zijn van verschillende draaiboeken ({per}): geef logs van één draaiboek.")
    if not bekend:
        return None
    try:
        return laden.vind(bekend.pop())
    except InvoerFout:
        return None  # the draaiboek was removed or renamed since: the logs still show


def _laad(laden, naam: str) -> tuple:  # noqa: ANN001 - the module, imported late
    try:
        return laden.vind(naam).onderdelen
    except InvoerFout:
        return ()


def _controleer_doel(draaiboek: Draaiboek | None, naam: str, force: bool) -> None:
    """Refuse a bad name or an existing copy before anything is shown, not after the table."""
    from planner.bibliotheek import sjabloon, vinden
    from planner.cli.bestanden import controleer_doel

    if draaiboek is None:
        raise InvoerFout("Van welk draaiboek deze logs zijn, zeggen ze niet (een log van een oudere planner): "
                         "bijstellen kan zo niet; maak een kopie met 'planner nieuw' en pas de minuten zelf aan.")
    if naam != draaiboek.id or draaiboek.herkomst == "ingebouwd":
        sjabloon.controleer_naam(naam)  # never a built-in name: those are never touched
    pad = vinden.eigen_map() / f"{naam}.toml"
    if pad.parent.is_dir():  # otherwise it is made when the copy is written, as 'planner nieuw' does
        controleer_doel(pad, force)


def _schrijf_kopie(draaiboek: Draaiboek, naam: str, veranderd: list, logs: int, force: bool,
                   zeg: Callable[[str], object]) -> None:
    from planner.bibliotheek import bijstellen, laden, lezen, sjabloon, vinden
    from planner.cli.bestanden import schrijf
    from planner.kern.veilig import schoon

    if naam != draaiboek.id or draaiboek.herkomst == "ingebouwd":
        naam = sjabloon.controleer_naam(naam)  # never a built-in name: those are never touched
    if not veranderd:
        zeg(f"Niets bij te stellen: de praktijk valt binnen de minuten van '{draaiboek.id}' (of binnen wat de bron "
            "toestaat); er is geen kopie geschreven.")
        return
    tekst = bijstellen.bijgesteld(
        lezen.lees_tekst(Path(draaiboek.pad)), naam, draaiboek.id,
        [bijstellen.Wijziging(b.id, b.oud, b.nieuw, b.bewijs, b.grens) for b in veranderd], logs)
    pad = vinden.maak_eigen_map() / f"{naam}.toml"
    _, problemen = laden.controleer_tekst(tekst, pad)
    if problemen:
        raise InvoerFout(f"De bijgestelde kopie van '{draaiboek.id}' zou niet in orde zijn ({problemen[0].melding}); "
                         "er is niets geschreven.")
    # Atomic, and an existing file only with --force (the facilitator's own edits are not lost silently).
    schrijf(pad, tekst, force=force)
    toon = schoon(str(pad))
    zeg(f"Geschreven: {toon} ({len(veranderd)} onderdelen bijgesteld; '{draaiboek.id}' zelf is niet veranderd).")
    zeg(f"Plan het met: planner plan {naam} --groep …; de bijgestelde minuten zijn gemerkt met °.")
