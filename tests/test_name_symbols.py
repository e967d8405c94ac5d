"""A person's name in another script met by the given and family names it shares with a
listed one (rigour's name symbols, name_symbols.py): ប៉ុល ពត (Pol Pot) was CLEAR, as no rule
or model reads Khmer; 狄倫 (Dylan) was CLEAR, as Chinese writes that name by convention, not
by its sounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.name_symbols import NameSymbols, symbol_key, symbol_table
from banscreen.registry import load_registry
from helpers.matching import found, transliterated_hit

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "name_symbols_persons.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([PERSONS]))


@pytest.mark.parametrize(("query", "entity"), [("ប៉ុល ពត", "pol-pot"), ("狄倫", "one-dylan")])
def test_a_name_meets_the_listed_person_whose_names_it_shares(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)  # REVIEW, never BLOCK


def test_each_word_must_share_a_symbol_and_be_held(screener: Screener) -> None:
    """ពត alone is a name, but POT SOKHA does not hold "pol"; an organisation's name holds
    both words yet is no person's."""
    hits = found(screener, "ប៉ុល ពត")
    assert "pot-sokha" not in hits or hits["pot-sokha"][0] < 0.8
    assert "pot-holdings" not in hits or hits["pot-holdings"][1] != "transliterated"


def test_a_word_without_a_symbol_leaves_the_name_unread(screener: Screener) -> None:
    """Every word must share a symbol: a made-up second word keeps the name from being
    looked up as the first alone."""
    symbols = screener.matcher.names.foreign.symbols
    form = screener.matcher.normaliser.form("ប៉ុល ឃឃឃឃ")
    assert symbols.forms(form, "ប៉ុល ឃឃឃឃ") == []
    assert symbols.forms(screener.matcher.normaliser.form("Pol Pot"), "Pol Pot") == []


def test_the_table_gives_a_forms_latin_spellings() -> None:
    table = symbol_table()
    assert "dylan" in table.spellings("狄倫")
    assert table.spellings("ប៉ុល") == table.spellings("បល") == ["pol"]  # marks dropped
    assert table.spellings("xqzvbt") == table.spellings("狄倫 ពត") == []
    assert all(w.isascii() and w.isalpha() for w in table.spellings("Уильям"))


@given(st.text(max_size=30))
def test_any_word_looks_up_without_error(word: str) -> None:
    assert isinstance(symbol_table().spellings(word), list)


def test_a_key_drops_marks_and_case() -> None:
    assert symbol_key("ប៉ុល") == "បល"
    assert symbol_key("שָׁלוֹם") == "שלום"
    assert symbol_key("Уильям") == "уильям"


def test_forms_toward_the_other_names_words(screener: Screener) -> None:
    """`Matcher.compare` looks a name up among the other name's words only."""
    symbols: NameSymbols = screener.matcher.names.foreign.symbols
    form = screener.matcher.normaliser.form("ប៉ុល ពត")
    made = symbols.forms(form, "ប៉ុល ពត", {"pol", "pot", "trading"})
    assert [v.form.tokens for v in made] == [("pol", "pot")]
    assert all(v.persons and v.spelt for v in made)
    assert symbols.forms(form, "ប៉ុល ពត", {"pol"}) == []


def test_one_word_names_a_person_only_with_a_name_of_one_word(screener: Screener) -> None:
    """משה is Moshe, a given name: not MOSHE TAMIR, while 狄倫 is DYLAN."""
    hits = found(screener, "משה")
    assert hits.get("moshe-tamir", (0.0, ""))[0] < screener.registry.matching.thresholds.review


@pytest.mark.parametrize(
    ("query", "entity"), [("山田太郎", "yamada-taro"), ("安倍晋三", "abe-shinzo")]
)
def test_a_japanese_name_in_kanji_meets_its_family_and_given_name(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)


def test_a_chinese_name_is_not_split_after_a_one_character_surname(screener: Screener) -> None:
    """王伟 read as the names its characters are forms of is also VUONG Vi (Vietnamese):
    a Chinese name's surname is one character, which the split never takes."""
    assert "vuong-vi" not in found(screener, "王伟")
