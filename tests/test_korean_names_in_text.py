"""A Korean person's name in Hangul is one word, whole (korean.py): as a payee, a surname of
one letter in Latin ("O, Kuk-Ryol") is not the name's first word alone; in a payment's
text, the word is the name, with the particle or honorific Korean writes on its end; and in
Japanese text, two katakana words read as it in Hangul."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from helpers.matching import persons_screener, transliterated_hit

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "korean_text_persons.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener(PERSONS)


def text_persons(screener: Screener, text: str) -> set[str]:
    return {h.entry.entity_id for h in screener.matcher.free_text.scan(text) if h.entry.person}


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


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("송금 김여정 4471", "person-kim-yo-jong"),  # remittance to KIM Yo Jong
        ("김여정 부부장", "person-kim-yo-jong"),  # with her title after
        ("김여정에게 송금", "person-kim-yo-jong"),  # a particle on the name: to her
        ("김여정님께 송금", "person-kim-yo-jong"),  # an honorific and a particle
        ("수취인 리수용", "person-ri-su-yong"),  # payee: RI Su Yong
        ("오극렬 대표 송금 4471", "person-o-kuk-ryol"),
        # in katakana, in Japanese text: its Hangul reading aligns the surname alone
        ("送金 キム・ヨジョン 4471", "person-kim-yo-jong"),
        ("キム・ヨジョン氏への送金", "person-kim-yo-jong"),
    ],
)
def test_a_korean_name_in_text_is_found(screener: Screener, text: str, entity: str) -> None:
    """Each was CLEAR: text in other scripts is read in windows of words, and a person only
    where two words or more side by side are the name, which a Korean name never is."""
    assert entity in text_persons(screener, text)


@pytest.mark.parametrize(
    "particle", ["에게", "한테", "의", "은", "이", "님", "씨", "님께", "께", "으로"]
)
def test_any_particle_or_honorific_on_the_name(screener: Screener, particle: str) -> None:
    assert "person-kim-yo-jong" in text_persons(screener, f"김여정{particle} 송금 4471")


@pytest.mark.parametrize(
    "text",
    [
        "송금 장기간 4471",  # "a long time": 장 reads ZHANG, 기간 as Mandarin's "jian"
        "송금 김여 4471",  # two syllables: a surname and one more is most Korean words
        "송금 김여정희 4471",  # another name, one syllable longer
        "송금 오극 4471",
        "관리비 송금 이번 달 정기 지급",  # words of a remittance, no name
        "お支払い キム タロウ 4471",  # another name in katakana
        "送金 ホテル キッチン 4471",  # katakana words, no name
    ],
)
def test_words_that_are_no_listed_korean_name_are_not_found(screener: Screener, text: str) -> None:
    assert not text_persons(screener, text)
