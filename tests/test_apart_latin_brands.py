"""A brand's or app's name of one word written apart in a Latin text ("Tik Tok ads",
"Purchase of Hik Vision cameras") was CLEAR: words of text run together are read as such a
name only after "via" and the like, for two English words spell too many ("ten cent").
Now also where a word of them is not an ordinary English word (joined_brands.py)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.model import Outcome
from helpers.matching import text_hits


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Tik Tok ads invoice 2231", "app-tiktok"),
        ("Purchase of Hik Vision cameras", "hikvision"),
        ("HIK VISION DS-2CD2143", "hikvision"),
        ("Kasper Sky renewal 2022", "kaspersky-lab"),
    ],
)
def test_a_brand_written_apart_with_a_word_english_does_not_use(
    screener: Screener, text: str, entity: str
) -> None:
    assert text_hits(screener, text).get(entity) == Outcome.REVIEW


@pytest.mark.parametrize(
    "text", ["Ten cent coins", "Share it with the team", "We chat weekly", "Cam scanner repair"]
)
def test_two_ordinary_english_words_spell_no_brand(screener: Screener, text: str) -> None:
    assert text_hits(screener, text) == {}
