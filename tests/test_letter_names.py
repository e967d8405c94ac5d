"""Latin letters written as their names in katakana and Hangul (letter_names.py): a brand's
letters are spelt as English says them (キューキュー, QQ), which a romaniser reads as
syllables that share nothing with the letters. And katakana's フ read as "hu" and "ea" as
"ear" (loanwords.kana_h_reading, kana_r_reading)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.letter_names import LetterNames
from banscreen.match.loanwords import kana_h_reading, kana_r_reading
from banscreen.registry import load_registry
from banscreen.registry.loader import load_matching_config
from helpers.matching import found, refused_setting, review, transliterated_hit

BRANDS = Path(__file__).resolve().parent / "fixtures" / "names" / "letter_brands.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([BRANDS]))


@pytest.fixture(scope="module")
def letters(screener: Screener) -> LetterNames:
    return LetterNames(screener.registry.matching)


@pytest.mark.parametrize(
    ("word", "script", "first", "also"),
    [
        ("キューキューウォレット", "Kana", "qq woretto", ["qqworetto", "qkyuworetto"]),
        ("ダブリューピーエス", "Kana", "wps", ["wp esu", "wpesu"]),
        ("ブイメイト", "Kana", "vmeito", []),  # one letter, glued to a word
        ("더블유피에스오피스", "Hangul", "wpsop seu", ["wps opiseu", "wpsopiseu"]),
        ("큐큐", "Hangul", "qq", []),
    ],
)
def test_a_run_of_letters_names_is_read_as_the_letters(
    letters: LetterNames, word: str, script: str, first: str, also: list[str]
) -> None:
    """The longest run first; then with its last names left to the rest of the word."""
    read = letters.readings(word, script)
    assert read[0] == first and set(also) <= set(read) and len(read) == len(set(read))


@pytest.mark.parametrize(
    ("word", "script"),
    [
        ("アイテム", "Kana"),  # "i" + "temu": item, a vowel's name before the rest
        ("エーテル", "Kana"),  # "a" + "teru"
        ("ビー", "Kana"),  # one letter's name alone is also a word ("bee")
        ("이수진", "Hangul"),  # 이 (E) is one syllable: a surname, not a letter
        ("テンセント", "Kana"),
        ("Vmate", "Latin"),
    ],
)
def test_a_word_that_only_starts_like_a_letters_name_is_not_read(
    letters: LetterNames, word: str, script: str
) -> None:
    assert letters.readings(word, script) == []


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("ケーメイト", "brand-kmate"),
        ("케이메이트", "brand-kmate"),
        ("エックスジェーマーケット", "brand-xj-market"),
        ("エックスジェー・マーケット", "brand-xj-market"),
        ("엑스제이 마켓", "brand-xj-market"),
        ("엑스제이마켓", "brand-xj-market"),
        ("エイチティーエスノーツ", "brand-hts-notes"),
        ("에이치티에스 노트", "brand-hts-notes"),
        # the shipped apps
        ("ブイメイト", "app-vmate"),
        ("브이메이트", "app-vmate"),
        ("キューキューウォレット", "app-qq-wallet"),
        ("큐큐 월렛", "app-qq-wallet"),
        ("ダブリューピーエスオフィス", "app-wps-office"),
        ("더블유피에스오피스", "app-wps-office"),
    ],
)
def test_a_brand_with_its_letters_written_as_names_is_found(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)  # REVIEW, never BLOCK alone


def test_letters_names_count_on_organisations_only(screener: Screener) -> None:
    """A person listed as KMATE is not met by a brand's letters: the reading is a brand's."""
    hit = found(screener, "ケーメイト")
    assert "brand-kmate" in hit and "person-kmate" not in hit


@pytest.mark.parametrize(
    ("word", "read"),
    [("fawei", "huawei"), ("fu", "hu"), ("fuiritsupu", "huiritsupu"), ("tanaka", "tanaka")],
)
def test_kana_fu_is_also_read_hu(word: str, read: str) -> None:
    assert kana_h_reading(word) == read


@pytest.mark.parametrize(
    ("word", "read"),
    [("sheaitto", "shearitt"), ("kea", "kear"), ("hea", "hear"), ("tanaka", "tanaka")],
)
def test_kana_ea_is_also_read_with_its_r(word: str, read: str) -> None:
    """English does not say the "r" of "-are", "-air", "-ear", and katakana writes "ea"."""
    assert kana_r_reading(word) == read


def test_a_brand_written_with_an_unsaid_r_in_katakana_is_found(screener: Screener) -> None:
    """シェアイット ("sheaitto") was CLEAR against SHAREit."""
    score, method = found(screener, "シェアイット")["app-shareit"]
    assert score >= review(screener) and method == "transliterated"


def test_a_chinese_name_written_in_katakana_with_fu_is_found(screener: Screener) -> None:
    """ファーウェイ ("fawei") is Huawei: Japanese writes Chinese "hu" with フ."""
    hit = found(screener, "ファーウェイ")
    assert hit["huawei"][0] >= review(screener)


KANA = LetterNames(load_matching_config())


@given(st.text(alphabet=st.characters(min_codepoint=0x3040, max_codepoint=0x30FF), max_size=12))
def test_any_kana_is_read_without_raising(word: str) -> None:
    for reading in KANA.readings(word, "Kana"):
        assert reading and reading == reading.lower() and reading.isascii()


@pytest.mark.parametrize(
    "table",
    [{"Kana": {"q": ["キュー"]}}, {"Kana": {"Q": ["kyu"]}}, {"Cyrillic": {"Q": ["кью"]}},
     {"Hangul": {"Q": []}}],
)  # fmt: skip
def test_letter_names_are_checked_at_load(tmp_path: Path, table: object) -> None:
    refused_setting(tmp_path, "letter_names", table)
