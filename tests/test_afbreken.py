"""Dutch soft hyphens only where a word cannot fit its column."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planner.uitvoer.afbreken import ZACHT, afbreken


def test_lange_woorden_breken_op_lettergrepen() -> None:
    assert afbreken("Samenwerkingsverbanden", 15) == ZACHT.join(["Sa", "men", "wer", "kings", "ver", "ban", "den"])
    assert afbreken("thema/vraagstuk/opgave eruit", 15).replace(ZACHT, "-") == "the-ma/vraag-stuk/op-ga-ve eruit"


def test_korte_woorden_blijven_heel() -> None:
    # An unused soft hyphen would change the text a PDF reader extracts.
    assert afbreken("Waarom is samenwerken niet eenvoudig, maar wel krachtig?", 15).count(ZACHT) == 0


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéë /-.,", max_size=200), st.integers(5, 40))
def test_alleen_zachte_afbreekstreepjes_in_te_lange_woorden(tekst: str, past: int) -> None:
    uit = afbreken(tekst, past)
    assert uit.replace(ZACHT, "") == tekst
    for woord in uit.replace("/", " ").replace("-", " ").split():
        if ZACHT in woord:
            assert len(woord.replace(ZACHT, "")) >= 5 and not woord.startswith(ZACHT) and not woord.endswith(ZACHT)
