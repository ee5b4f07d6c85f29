"""Dutch soft hyphens only where a word cannot fit its column."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planner.uitvoer.afbreken import BREEKPUNT, ZACHT, afbreken, html_tekst


def test_lange_woorden_breken_op_lettergrepen() -> None:
    assert afbreken("Samenwerkingsverbanden", 15) == ZACHT.join(["Sa", "men", "wer", "kings", "ver", "ban", "den"])
    # A chain of short words breaks after its slashes, written as <wbr>: no character at all.
    assert afbreken("thema/vraagstuk/opgave eruit", 15) == f"thema/{BREEKPUNT}vraagstuk/{BREEKPUNT}opgave eruit"
    assert html_tekst("thema/vraagstuk/opgave <eruit>", 15) == "thema/<wbr>vraagstuk/<wbr>opgave &lt;eruit&gt;"


def test_korte_woorden_blijven_heel() -> None:
    # An unused soft hyphen would change the text a PDF reader extracts.
    assert afbreken("Waarom is samenwerken niet eenvoudig, maar wel krachtig?", 15).count(ZACHT) == 0


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéë /-.,", max_size=200), st.integers(5, 40))
def test_alleen_zachte_afbreekstreepjes_in_te_lange_woorden(tekst: str, past: int) -> None:
    uit = afbreken(tekst, past)
    assert uit.replace(ZACHT, "").replace(BREEKPUNT, "") == tekst
    assert all(uit[i - 1] == "/" for i, teken in enumerate(uit) if teken == BREEKPUNT)
    for woord in uit.replace(BREEKPUNT, "").replace("/", " ").replace("-", " ").split():
        if ZACHT in woord:
            assert len(woord.replace(ZACHT, "")) >= 5 and not woord.startswith(ZACHT) and not woord.endswith(ZACHT)


def test_een_reuzenwoord_kost_geen_seconden() -> None:
    """Issue 21: a 200k-letter 'word' in a title took 13 s through pyphen; it is left to the browser."""
    import time
    from dataclasses import replace
    from datetime import timedelta

    from planner.bibliotheek import laden
    from planner.kern.planning import maak_plan
    from planner.kern.vraag import Vraag
    from planner.uitvoer import render
    from tests.vaste_klok import NU

    reus = "a" * 200_000
    draaiboek = laden.vind("kickoff")
    draaiboek = replace(draaiboek, titel=f"Titel {reus}",
                        onderdelen=tuple(replace(o, titel=f"{o.titel} {reus}/{reus}") for o in draaiboek.onderdelen))
    plan = maak_plan(draaiboek, Vraag(groep=20, tijd_min=240, start=NU.replace(hour=13) + timedelta(days=7)))
    begin = time.perf_counter()
    for formaat in ("html", "kaarten"):
        uit = render(formaat, plan)
        assert reus in uit and ZACHT not in uit.split(reus)[1][:5]
    # Generous: linear work on a few MB of text; pyphen took 13 s on one such word.
    assert time.perf_counter() - begin < 5
    # A word a column can hold is still hyphenated.
    assert afbreken("Samenwerkingsverbanden " + reus, 15).startswith("Sa" + ZACHT)
