"""A Korean person's name in Hangul is one word, whole (korean.py): as a payee, a surname of
one letter in Latin ("O, Kuk-Ryol") is not the name's first word alone; in a payment's
text, the word is the name, with the particle or honorific Korean writes on its end."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from helpers.matching import persons_screener, transliterated_hit

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "korean_text_persons.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener(PERSONS)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("오극렬", "person-o-kuk-ryol"),  # its reading "ogeuglyeol" starts as "o" does
        ("오정옥", "person-o-chong-ok"),
        ("오 극렬", "person-o-kuk-ryol"),
        ("김여정", "person-kim-yo-jong"),
    ],
)
def test_a_hangul_name_with_a_surname_of_one_letter_is_a_hit(
    screener: Screener, query: str, entity: str
) -> None:
    """오극렬 and 오정옥 were CLEAR (0.79): the reading's first letter was aligned on the
    surname "O", and the name taken for a surname alone, which is below REVIEW."""
    transliterated_hit(screener, query, entity)
