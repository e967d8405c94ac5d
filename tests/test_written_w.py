"""Russian, Greek and French write an English (or West African) "w" as "u" or "ou" before a
vowel: Уильям Бернс is William Burns, Ουόρεν Μπάφετ Warren Buffett, Ouattara Wattara. A
romaniser reads the letters ("uilyam", "ouoren"), whose sound key began with a vowel where
the listed name's begins with "w"; sound.py also reads such a first "u" or "ou" as "w"."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match import sound
from banscreen.match.foreign_spelling import ForeignSpelling
from banscreen.match.name_symbols import NameSymbols
from helpers.matching import found, listed_data, persons_screener_with, transliterated_hit

LISTED = {
    "p-burns": ("person", "William J. Burns"),
    "p-buffett": ("person", "Warren Buffett"),
}
WRITTEN = [
    ("Уильям Бернс", "p-burns"),
    ("Уоррен Баффет", "p-buffett"),
    ("Ουίλιαμ Μπερνς", "p-burns"),
    ("Ουόρεν Μπάφετ", "p-buffett"),
]


def _screener(folder: Path, **more: tuple[str, str]) -> Screener:
    return persons_screener_with(folder, listed_data({**LISTED, **more}))


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return _screener(tmp_path_factory.mktemp("written-w"))


@pytest.mark.parametrize(("query", "entity"), WRITTEN)
def test_a_w_written_u_or_ou_is_found(screener: Screener, query: str, entity: str) -> None:
    transliterated_hit(screener, query, entity)


def test_the_reading_is_a_key_of_the_word(screener: Screener) -> None:
    keys = screener.matcher.names.sound.keys
    assert set(keys("uilyam")) & set(keys("william"))
    assert set(keys("ouoren")) & set(keys("warren"))
    assert set(keys("ouattara")) & set(keys("wattara"))
    assert not any(k.startswith("P") for k in keys("uzbek"))  # a "u" before a consonant
    assert not set(keys("auer")) & set(keys("waer"))  # a "u" inside a word


@given(st.from_regex(r"[a-z]{0,3}", fullmatch=True), st.sampled_from("aeio"))
def test_only_a_first_u_or_ou_before_a_vowel_reads_as_w(rest: str, vowel: str) -> None:
    assert sound._WRITTEN_W.sub("w", "u" + vowel + rest) == "w" + vowel + rest
    assert sound._WRITTEN_W.sub("w", "ou" + vowel + rest) == "w" + vowel + rest
    assert sound._WRITTEN_W.sub("w", "b" + "u" + vowel + rest) == "bu" + vowel + rest


def test_without_the_reading_these_were_missed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the reading adds (the tests above would pass without it if these names were
    found some other way). A registry of its own (one more entity), so that the index built
    without the reading is not the one the other tests open."""
    import re

    monkeypatch.setattr(sound, "_WRITTEN_W", re.compile(r"(?!)"))
    # And without the learned spelling models (spelling_model.py) and the name symbols
    # (name_symbols.py: Уильям is William), which find them too.
    monkeypatch.setattr(ForeignSpelling, "spellings", lambda self, *args, **kwargs: [])
    monkeypatch.setattr(NameSymbols, "forms", lambda self, *args, **kwargs: [])
    fresh = _screener(tmp_path, **{"p-other": ("person", "Unrelated Testperson")})
    review = fresh.registry.matching.thresholds.review
    for query, entity in WRITTEN:
        assert found(fresh, query).get(entity, (0.0,))[0] < review, query
