"""A name written in Hangul as one word, met by its sound on one word of a listed person's
name, names one part of it, as a surname alone does in Latin letters (scoring.py): 후유히메
(Fuyuhime, a Japanese princess) met HAMOU, Ahmed at 0.84 and 다현 THAHINI, Abdallah, while a
Korean name written as one word is met by the Korean rules (korean.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from helpers.matching import found, persons_screener

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "hangul_one_word_persons.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener(PERSONS)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("후유히메", "hamou"),
        ("쇼이구", "sugayer"),
        ("푸틴", "wardyan"),
        ("아신", "ehsan"),
        ("다현", "thahini"),
    ],
)
def test_one_word_that_sounds_like_one_part_names_no_one(
    screener: Screener, query: str, entity: str
) -> None:
    assert entity not in found(screener, query)


def test_a_korean_name_written_as_one_word_is_still_met(screener: Screener) -> None:
    assert "kim-yong-chol" in found(screener, "김영철")
