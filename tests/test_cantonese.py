"""A Chinese person's name in characters read as Hong Kong spells it in Latin letters
(cantonese.py): the lists spell Hong Kong's officials so (LEE, Ka Chiu John for 李家超),
where pinyin reads Li Jiachao. Before this reading, each name below was CLEAR."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.cantonese import MAX_READINGS, CantoneseReadings
from banscreen.match.variants import holds_words
from banscreen.registry import load_registry
from helpers.matching import found, refused_setting, transliterated_hit

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "hong_kong_persons.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([PERSONS]))


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("林鄭月娥", "hk-lam"),
        ("林郑月娥", "hk-lam"),  # simplified
        ("李家超", "hk-lee"),
        ("張建宗", "hk-cheung"),
        ("张建宗", "hk-cheung"),
        ("曾國衞", "hk-tsang"),  # 衞, Hong Kong's form of 衛
    ],
)
def test_a_hong_kong_name_in_characters_meets_its_listed_spelling(
    screener: Screener, query: str, entity: str
) -> None:
    # A reading, as pinyin's is: a REVIEW, never a BLOCK on its own.
    transliterated_hit(screener, query, entity)


@pytest.mark.parametrize(
    ("a", "b"),
    [("李家超", "John Lee Ka-chiu"), ("曾國衞", "TSANG, Kwok Wai Erick")],
)
def test_compare_reads_it_too(screener: Screener, a: str, b: str) -> None:
    review = screener.registry.matching.thresholds.review
    assert screener.matcher.compare(a, b, "person")[0] >= review
    assert screener.matcher.compare(b, a, "person")[0] >= review


@pytest.mark.parametrize(
    ("query", "other"),
    [
        ("陳大文", "hk-chan"),  # the same surname, another given name
        ("李家超", "hk-tsang"),
    ],
)
def test_another_person_of_the_surname_is_not_met(
    screener: Screener, query: str, other: str
) -> None:
    assert other not in found(screener, query)


def test_a_reading_counts_only_where_the_listed_name_spells_its_words(
    screener: Screener,
) -> None:
    """Its syllables sound like many names': a listed name that spells one of them
    otherwise is not met through it (the persons' sound-alike rule would: `Chew`)."""
    review = screener.registry.matching.thresholds.review
    assert screener.matcher.compare("李家超", "LEE, Ka Chew", "person")[0] < review
    assert screener.matcher.compare("李家超", "LEE, Ka Chiu", "person")[0] >= review


def test_a_firm_in_characters_is_not_read_so(screener: Screener) -> None:
    """A person's name only: with a legal form it is a firm's."""
    assert "hk-lee" not in found(screener, "李家超有限公司")


def test_readings_are_bounded_and_need_every_character() -> None:
    readings = CantoneseReadings(load_registry().matching)
    assert "lee ka chiu" in readings.readings("李家超")
    assert len(readings.readings("陈国基伟")) <= MAX_READINGS
    assert readings.readings("李𠀀") == []  # a character with no spelling: no reading


@given(st.lists(st.sampled_from(["lee", "ka", "chiu", "wai", "man"]), min_size=1, max_size=4))
def test_a_name_holds_its_own_words_and_their_joins(words: list[str]) -> None:
    own = tuple(words)
    assert holds_words(own, own)
    if len(own) >= 2:
        joined = (own[0] + own[1], *own[2:])
        assert holds_words(own, joined)
    assert not holds_words((*own, "zzz"), own)


def test_the_table_is_validated_at_load(tmp_path: Path) -> None:
    refused_setting(tmp_path, "han_cantonese", {"Lee": "李"}, "han_cantonese")
    refused_setting(tmp_path, "han_cantonese", {"lee": "lee"}, "give Chinese characters")
