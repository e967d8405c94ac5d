"""A person's name written as one word against the same name in parts (`across._romanised`):
compared by the sound of the whole name. An abjad writes few vowels, so its whole name is
not held to a spelling; but a Latin word is no whole name of an abjad's parts by sound
alone: "Epson" and ایوب بشیر ("ayub bashyr") have near keys, and a firm's one-word name met
listed persons so."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import found, listed_data, persons_screener_with, review

LISTED = listed_data(
    {
        "person-ayub": ("person", "ایوب بشیر"),
        "person-nidal": ("person", "نضال الربيعي"),
        "person-iyad": ("person", "اياد اغ غالي"),
        "person-walijan": ("person", "WALIJAN"),
        "person-abdulrahman": ("person", "ABDULRAHMAN"),
    }
)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("whole-abjad"), LISTED)


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Epson", "person-ayub"), ("Nitori", "person-nidal"), ("Uniqlo", "person-iyad")],
)
def test_a_latin_word_is_no_whole_abjad_name_by_sound_alone(
    listed: Screener, query: str, entity: str
) -> None:
    assert entity not in found(listed, query)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("ولی جان", "person-walijan"),  # "wly jan": spelt like Walijan as a whole
        ("عبد الرحمن", "person-abdulrahman"),
        ("Ayub Bashir", "person-ayub"),
    ],
)
def test_a_name_in_parts_still_meets_its_one_word_spelling(
    listed: Screener, query: str, entity: str
) -> None:
    assert found(listed, query)[entity][0] >= review(listed)
