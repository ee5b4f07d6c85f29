"""Writing a recognised draft as a commented TOML draaiboek."""

from __future__ import annotations

import re

from planner.bibliotheek import toml_schrijven as toml
from planner.importeren.concept import Concept, Deel, Stap
from planner.importeren.woorden import slug

# --- writing -----------------------------------------------------------------------------------


def naam_van(tekst: str) -> str:
    """A draaiboek name (vinden.NAAM) from a file name or title."""
    return slug(tekst, 48) or "geimporteerd"


def toml_tekst(concept: Concept, naam: str, bestandsnaam: str) -> str:
    """The commented TOML draaiboek for `concept`, loadable as it is."""
    regels = [
        toml.commentaar(
            f"Geïmporteerd uit '{bestandsnaam}' met 'planner importeer'. Lees het na: de minuten staan er zoals "
            "in het document,\nmaar min en max zijn nog gelijk aan de minuten (de planner kan dus niet inkorten) "
            "en de soort van elk\nonderdeel is gegokt aan zijn titel. Het formaat staat in de README, onder "
            "'Eigen draaiboeken en het TOML-formaat'.\n"
            f"Controleer na het aanpassen met: planner controleer {naam}"),
        "",
        toml.veld("id", naam),
        toml.veld("titel", concept.titel),
        toml.veld("bron", f"eigen draaiboek (geïmporteerd uit '{bestandsnaam}')"),
    ]
    if concept.beschrijving:
        regels.append(toml.veld("beschrijving", "\n".join(concept.beschrijving)))
    if concept.opstelling:
        regels.append(toml.veld("opstelling", concept.opstelling))
    if concept.tijdsduur:
        regels.append(toml.veld("tijdsduur", concept.tijdsduur))
    groep_min = concept.groep_min or 1
    # Unknown: wide open, so that any group plans; the comment asks the user to fill it in.
    groep_max = concept.groep_max or max(100, groep_min)
    if groep_min > groep_max:
        groep_min, groep_max = groep_max, groep_min
    regels.append(toml.veld("groep_min", groep_min, "" if concept.groep_min else "niet in het document; pas aan"))
    regels.append(toml.veld("groep_max", groep_max, "" if concept.groep_max else "niet in het document; pas aan"))
    if concept.deelnemers:
        regels.append(toml.veld("deelnemers", concept.deelnemers))
    if concept.materialen:
        regels.append(toml.veld("materialen", concept.materialen))
    regels.append(toml.commentaar(
        "Het document is één programma, niet door de schrijver over sessies verdeeld: de planner verdeelt het\n"
        "daarom ook niet over meer sessies. Met min = max kan hij een onderdeel niet korter maken, dus bij te\n"
        "weinig tijd weigert hij met de tijd die nodig is. Verruim min en max per onderdeel als inkorten mag."))
    regels.append(toml.veld("bij_tijdgebrek", "inkorten"))
    regels += ["", "[splitsen]",
               toml.commentaar("Zet mag = true als het programma over meer sessies verdeeld mag worden."),
               toml.veld("mag", False),
               toml.veld("omdat", f"'{bestandsnaam}' is één programma, niet door de schrijver over sessies verdeeld")]
    ids: dict[str, int] = {}
    for deel in concept.delen:
        regels += ["", "[[onderdelen]]"] + _deel_regels(deel, ids)
    return "\n".join(regels) + "\n"


def _deel_regels(deel: Deel, ids: dict[str, int]) -> list[str]:
    """The lines of one [[onderdelen]] block; `ids` counts the ids given so far (each id once)."""
    basis = slug(deel.titel) or "onderdeel"
    id_, n = basis, ids.get(basis, 1)
    while id_ in ids:
        n += 1
        id_ = f"{basis}-{n}"
    ids[basis] = n
    ids.setdefault(id_, 1)
    waar = f"'{deel.tijd.tekst}' in het document"
    if deel.tijd.minuten is None and deel.tijd.eind is None and not deel.geschat:
        waar = f"van {deel.tijd.tekst} tot de volgende tijd in het document"
    regels = [
        toml.veld("id", id_),
        toml.veld("titel", deel.titel),
        toml.veld("soort", deel.soort, _soort_uitleg(deel) if deel.soort_woord
                  else "gegokt: geen woord als welkom, pauze, evaluatie of afsluiting gevonden"),
        toml.veld("minuten", deel.minuten, "geschat: niet in het document" if deel.geschat else waar),
        toml.veld("min", deel.min, "verruim: hoe kort mag dit onderdeel worden?"),
        toml.veld("max", deel.max, "verruim: hoe lang mag het worden?"),
    ]
    if deel.geschat:
        regels.append(toml.veld("geschat", True))
    if deel.werkvorm:
        regels.append(toml.veld("werkvorm", deel.werkvorm))
    if deel.groepjes:
        regels.append(toml.veld("groepjes", list(deel.groepjes), "uit de tekst van het onderdeel"))
    if deel.materialen:
        regels.append(toml.veld("materialen", deel.materialen))
    if deel.stappen:
        regels.append(toml.lijst("stappen", [_stap_waarde(s) for s in deel.stappen]))
    if deel.toelichting:
        regels.append(toml.veld("toelichting", "\n".join(deel.toelichting)))
    return regels


def _soort_uitleg(deel: Deel) -> str:
    if deel.soort == "werkvorm":
        # A meal: it stays in the programme where the document puts it; a pauze may be left out by a split.
        return f"gegokt aan '{deel.soort_woord}': een maaltijd, geen pauze, dus het blijft in het programma"
    return f"gegokt aan '{deel.soort_woord}'"


def _letterlijk(tekst: str) -> str:
    """A document's text in a step: braces doubled, so the planner fills in no {placeholder}."""
    return tekst.replace("{", "{{").replace("}", "}}")


# A document's own label before a question; every output writes 'Vraag: ' before a question itself.
_VRAAG_LABEL = re.compile(r"vraag\s*:\s*", re.IGNORECASE)


def _stap_waarde(stap: Stap) -> str | dict[str, object]:
    soort = "vraag" if stap.tekst.rstrip(" )”\"'").endswith("?") else "instructie"
    if not stap.sub and soort == "instructie":
        return _letterlijk(stap.tekst)
    tekst = stap.tekst
    if soort == "vraag" and (label := _VRAAG_LABEL.match(tekst)) and tekst[label.end():].strip():
        tekst = tekst[label.end():]  # else 'Vraag: Vraag: …' in every plan
    waarde: dict[str, object] = {soort: _letterlijk(tekst)}
    if stap.sub:
        waarde["sub"] = [_letterlijk(t) for t in stap.sub]
    return waarde



def duur_tekst(minuten: int) -> str:
    """'2u45', '45m': how 'planner plan --tijd' reads a duration."""
    uren, rest = divmod(minuten, 60)
    if not uren:
        return f"{rest}m"
    return f"{uren}u{rest:02d}" if rest else f"{uren}u"
