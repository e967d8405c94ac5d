"""A foreign person's name written in Chinese characters as one short word (西帕拉, "Sipala"):
read back into Latin letters when it does not start with a frequent Chinese surname, and
then counted only on a listed name of one word that the reading spells (foreign_han.py).
Before this rule such words were never read, and the names below were CLEAR."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.foreign_han import ForeignHan
from banscreen.match.pinyin import (
    RUSSIAN_SOFT,
    has_soft,
    pinyin_syllables,
    transcription_reading,
)
from banscreen.registry import load_registry
from helpers.matching import refused_setting

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "foreign_han_persons.yaml"
# Characters Chinese writes foreign names with and that no frequent surname is.
FOREIGN = "西帕拉卡波斯特尼埃德格里亚"
# ... of which these are common in Chinese persons' own names too (not `han_transcription_characters`).
SHARED = "西波德格亚"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([PERSONS]))


@pytest.fixture(scope="module")
def foreign(screener: Screener) -> ForeignHan:
    return ForeignHan(screener.registry.matching, screener.matcher.normaliser)


def hits(screener: Screener, query: str) -> dict[str, tuple[float, str]]:
    return {m.entry.entity_id: (m.score, m.method) for m in screener.matcher.match_name(query)}


@pytest.mark.parametrize(
    ("query", "entity"),
    [("西帕拉", "one-sipala"), ("卡波拉", "one-kapora"), ("卡帕拉", "one-kapora")],
)
def test_a_short_foreign_name_in_chinese_meets_a_listed_one_word_name(
    screener: Screener, query: str, entity: str
) -> None:
    found = hits(screener, query)
    review = screener.registry.matching.thresholds.review
    assert entity in found, found
    score, method = found[entity]
    assert review <= score < screener.registry.matching.thresholds.block
    assert method == "transliterated"


def test_a_short_reading_does_not_count_on_one_part_of_a_longer_name(
    screener: Screener,
) -> None:
    """托拉维 reads "tolave", one part of "TOLAVI, Marco": a hit through it would say only
    that one short word sounds like one word of a listed name."""
    assert "two-tolavi" not in hits(screener, "托拉维")
    assert screener.matcher.compare("托拉维", "TOLAVI, Marco")[0] < 0.8


@pytest.mark.parametrize("query", ["巴帕拉", "西帕诺斯特", "尼帕"])
def test_a_reading_spelt_otherwise_is_another_name(screener: Screener, query: str) -> None:
    """Another first letter ("bapala"), a longer word, a shorter one ("nipa")."""
    assert "one-sipala" not in hits(screener, query)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    surname=st.integers(min_value=0, max_value=198),
    rest=st.text(alphabet=SHARED, min_size=1, max_size=2),
)
def test_a_name_starting_with_a_frequent_surname_is_never_read_as_foreign(
    foreign: ForeignHan, screener: Screener, surname: int, rest: str
) -> None:
    """Not by the rules' reading of a foreign name: as Hong Kong spells a Chinese one
    (cantonese.py), which counts only on a listed name that holds its words as written, and
    by the model's spellings held to the higher floor of a word that may be a Chinese name
    (`han_own_spelling_support`)."""
    config = screener.registry.matching
    first = config.han_surnames[surname]
    form = screener.matcher.normaliser.form(first + rest)
    for v in foreign.variants(form, first + rest):
        assert v.spelt or (v.heard is not None and v.heard.floor == config.han_own_spelling_support)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    surname=st.integers(min_value=0, max_value=198),
    rest=st.text(alphabet=SHARED, max_size=1),
    mark=st.sampled_from(sorted(set(FOREIGN) - set(SHARED))),
)
def test_a_surname_before_a_foreign_sound_is_read(
    foreign: ForeignHan, screener: Screener, surname: int, rest: str, mark: str
) -> None:
    """穆 is a surname, but 穆尔西 is Morsi: 尔 writes a foreign name's r and hardly ever a
    Chinese person's own name."""
    first = screener.registry.matching.han_surnames[surname]
    word = first + rest + mark
    assert mark in screener.registry.matching.han_transcription_characters
    variants = foreign.readings(screener.matcher.normaliser.form(word), word)
    assert variants and all(v.alike > 0 for v in variants)


def test_a_foreign_name_starting_as_a_surname_meets_its_listed_spelling(
    screener: Screener,
) -> None:
    """Before, 穆尔西 was never read (穆 is a surname) and was CLEAR against MURSI."""
    found = hits(screener, "穆尔西")
    assert "one-mursi" in found, found
    assert found["one-mursi"][1] == "transliterated"
    assert "one-mursi" not in hits(screener, "穆德西")  # 德 is common in Chinese names


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.text(alphabet=FOREIGN, min_size=2, max_size=3))
def test_a_short_word_is_read_to_count_on_one_word_names_only(
    foreign: ForeignHan, screener: Screener, word: str
) -> None:
    """Its reading, and every form made from it (split, joined), asks for a listed name of
    one word that it spells; so do the model's spellings of it (`spellings`)."""
    form = screener.matcher.normaliser.form(word)
    variants = foreign.readings(form, word)
    assert variants and all(v.alike > 0 for v in variants)
    for variant in (*variants, *foreign.spellings(form, word)):
        reading = variant.form.tokens
        assert not variant.spells(reading, (*reading, "marco"))
    derived = [v for v in screener.matcher.names.variants(word) if v.method == "transliterated"]
    assert derived and all(
        v.alike == variants[0].alike or (v.heard is not None and v.heard.alone) for v in derived
    )


RUSSIANS = Path(__file__).resolve().parent / "fixtures" / "names" / "russian_persons.yaml"


@pytest.fixture(scope="module")
def russians() -> Screener:
    return Screener(load_registry([RUSSIANS]))


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("根纳季·季姆琴科", "ru-timchenko"),  # 季 ji: a soft t
        ("叶夫根尼·普里戈任", "ru-prigozhin"),  # 任 ren: zh
        ("基里尔·科瓦利丘克", "ru-kovalchuk"),  # 基 ji: a soft k
        ("谢尔盖·纳雷什金", "ru-naryshkin"),  # 金 jin: a soft k
        ("弗拉基米尔·普京", "ru-putin"),  # 基 ji and 京 jing: a soft d and t
        ("德米特里·梅德韦杰夫", "ru-medvedev"),  # 杰 jie: a soft d
        ("亚历山大·卢卡申科", "ru-lukashenko"),  # 亚历山大: Aleksandr by convention
        ("彼得·阿文", "ru-aven"),  # 彼得: Pyotr by convention
    ],
)
def test_a_russian_name_in_chinese_meets_its_listed_spelling(
    russians: Screener, query: str, entity: str
) -> None:
    """Chinese writes a Russian name's soft consonants with a j and its zh with an r, and
    some given names by convention (`han_name_readings`): read only syllable by syllable,
    each of these was CLEAR against the listed name."""
    found = hits(russians, query)
    assert entity in found, found
    score, method = found[entity]
    assert russians.registry.matching.thresholds.review <= score
    assert method == "transliterated"
    assert set(found) == {entity}, found  # and no other listed person


def test_the_russian_readings_are_made_for_a_name_in_parts_only(foreign: ForeignHan) -> None:
    """One word of four characters may be a Japanese name: read as written only."""
    normaliser = foreign.normaliser
    assert len(foreign.readings(normaliser.form("大石進一"), "大石進一")) == 1
    assert len(foreign.readings(normaliser.form("基里尔·卡波拉"), "基里尔·卡波拉")) == 3


def test_readings_of_soft_consonants() -> None:
    assert transcription_reading(["pu", "jing"], "d") == "pudin"
    assert transcription_reading(["ji", "li", "er"], "k") == "kilir"
    assert transcription_reading(["pu", "li", "ge", "ren"], "d") == "pligzhen"
    assert transcription_reading(["pu", "jing"]) == "pujin"


@given(st.lists(st.sampled_from(sorted(pinyin_syllables())), min_size=1, max_size=6))
def test_a_word_without_a_soft_syllable_reads_alike_every_way(syllables: list[str]) -> None:
    if not has_soft(syllables):
        plain = transcription_reading(syllables)
        assert all(transcription_reading(syllables, soft) == plain for soft in RUSSIAN_SOFT)
    else:
        assert any(transcription_reading(syllables, s) != transcription_reading(syllables)
                   for s in RUSSIAN_SOFT)  # fmt: skip


def test_a_conventional_reading_must_be_a_chinese_word_and_ascii_letters(tmp_path: Path) -> None:
    for bad in ({"Peter": "peter"}, {"彼得": "Pyotr"}, {"彼得": "pëtr"}, {"": "petr"}):
        refused_setting(tmp_path, "han_name_readings", bad)


def test_surnames_and_foreign_sounds_must_be_chinese_characters(tmp_path: Path) -> None:
    for key in ("han_surnames", "han_transcription_characters"):
        for bad in ("斯尔a", "斯 尔", "スル"):
            refused_setting(tmp_path, key, bad)


def test_a_place_inside_a_foreign_name_is_its_syllables(
    screener: Screener, foreign: ForeignHan
) -> None:
    """卡西安 (Cassian) holds 西安, Xi'an: read as a place, it made the name an organisation's
    and it was never read. A place a name starts with still is one (西安 ... 公司)."""
    assert "one-kasian" in hits(screener, "卡西安")
    form = screener.matcher.normaliser.form
    assert foreign.variants(form("卡西安"), "卡西安")
    assert not foreign.variants(form("西安卡拉"), "西安卡拉")
