"""A foreign name written in Chinese characters, weighed against a Latin name by a model of how
Chinese writes foreign names' sounds (han_spellings.py, `han_spellings` of matching.yaml):
the names below were CLEAR when only the rules' one reading was looked up (克伦普尔 read
"klunpr" for Crumpler), and the false hits below reached REVIEW because a short reading
sounded like them (格萊尼斯, Grannis, met PALENCIA)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.han_spellings import HanSpellings, Heard
from banscreen.match.pinyin import read_han
from banscreen.registry import load_registry
from helpers.matching import refused_setting

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "han_spellings_persons.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([PERSONS]))


@pytest.fixture(scope="module")
def model(screener: Screener) -> HanSpellings:
    config = screener.registry.matching
    return HanSpellings(config.han_spellings, config.han_spelling_letters,
                        config.han_spelling_skip)  # fmt: skip


def hits(screener: Screener, query: str) -> dict[str, float]:
    return {m.entry.entity_id: m.score for m in screener.matcher.match_name(query)}


@pytest.mark.parametrize(
    ("query", "entity"),
    [("克伦普尔", "one-crumpler"), ("威尔莫特", "one-willmott"), ("伍斯特", "one-wooster"),
     ("利斯特", "one-lyster"), ("布雷特·拉施", "two-lasch")],
)  # fmt: skip
def test_a_foreign_name_in_chinese_meets_the_name_it_stands_for(
    screener: Screener, query: str, entity: str
) -> None:
    found = hits(screener, query)
    thresholds = screener.registry.matching.thresholds
    assert entity in found, found
    assert thresholds.review <= found[entity] < thresholds.block


@pytest.mark.parametrize(
    ("query", "entity"),
    [("格萊尼斯", "one-palencia"), ("巴拉什", "one-braathen"), ("埃利亚斯", "one-elise"),
     ("达尔曼", "one-durkan")],
)  # fmt: skip
def test_a_short_reading_that_only_sounds_like_a_name_does_not_meet_it(
    screener: Screener, query: str, entity: str
) -> None:
    assert entity not in hits(screener, query)


def test_support_weighs_the_name_the_characters_write_above_others(model: HanSpellings) -> None:
    syllables = read_han("威尔莫特")
    floor = load_registry().matching.han_spelling_support
    assert model.support(syllables, "willmott") >= floor
    assert model.support(syllables, "palencia") < 0 < model.support(syllables, "wilmot")
    assert model.support(syllables, "") == -math.inf


def test_the_likeliest_spellings_come_best_first_and_as_many_as_asked(
    model: HanSpellings,
) -> None:
    spelt = model.likeliest([read_han("罗宾")], 8)
    assert spelt[0] == "robin"
    assert len(spelt) == len(set(spelt)) <= 8
    two = model.likeliest([read_han("布雷特"), read_han("拉施")], 4)
    assert len(two) == 4 and all(len(s.split()) == 2 for s in two)
    assert model.likeliest([["notasyllable"]], 8) == []


def test_heard_pairs_each_word_with_a_word_of_its_own(model: HanSpellings) -> None:
    brett, lasch = tuple(read_han("布雷特")), tuple(read_han("拉施"))
    heard = Heard((brett, lasch), model, 8.0)
    assert heard.admits(("lasch", "brett"))
    assert heard.admits(("brett", "lasch", "junior"))
    assert not heard.admits(("brett", "brett"))
    assert not heard.admits(("brett",))
    one = Heard((brett,), model, 8.0)
    assert one.admits(("brett",)) and not one.admits(("brett", "lasch"))
    assert Heard((brett,), model, 8.0, alone=False).admits(("brett", "lasch"))


@given(
    st.lists(st.sampled_from(["si", "te", "luo", "er", "ke", "a", "zzz"]), max_size=6),
    st.text(max_size=30),
)
def test_support_of_any_syllables_and_letters_is_a_number_or_minus_infinity(
    syllables: list[str], latin: str
) -> None:
    config = load_registry().matching
    model = HanSpellings(config.han_spellings, config.han_spelling_letters,
                         config.han_spelling_skip)  # fmt: skip
    value = model.support(syllables, latin.casefold())
    assert value == -math.inf or math.isfinite(value)


@pytest.mark.parametrize(
    ("key", "value"),
    [("han_spellings", {"luo": {"robert": 0.5}}), ("han_spellings", {"Luo": {"ro": 0.5}}),
     ("han_spellings", {"luo": {"ro": 1.5}}), ("han_spelling_letters", {"ab": {"c": 0.5}}),
     ("han_spelling_skip", 0), ("han_spelling_count", 0)],
)  # fmt: skip
def test_a_bad_spelling_model_is_refused_at_load(tmp_path: Path, key: str, value: object) -> None:
    refused_setting(tmp_path, key, value)
