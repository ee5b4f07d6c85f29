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
