"""Arabic writes an English or French "ch" with ش, its "sh" (script_readings.arabic_ch):
وي شات is WeChat, رشيد is Rachid as French renderings spell it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.script_readings import arabic_ch
from banscreen.registry import load_registry
from helpers.matching import review, transliterated_hit


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry())


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("وي شات", "وي تشات"),
        ("ويتشات", None),  # already written with تش: nothing to read
        ("شريف", "تشريف"),
        ("محمد", None),  # no ش
        ("شیرین", None),  # a Persian letter (ی): Persian has its own چ
    ],
)
def test_shin_is_also_read_as_ch(name: str, read: str | None) -> None:
    assert arabic_ch(name) == read


@pytest.mark.parametrize(
    ("query", "entity"),
    [("وي شات", "app-wechat"), ("ويشات", "app-wechat"), ("وي شات باي", "app-wechat-pay")],
)
def test_wechat_written_with_shin_is_found(screener: Screener, query: str, entity: str) -> None:
    """Each was CLEAR: "shat" sounds S-T, "chat" K-T or J-T."""
    transliterated_hit(screener, query, entity)


@pytest.mark.parametrize(
    ("written", "french"),
    [("رشيد بن علي", "Rachid Ben Ali"), ("عائشة القذافي", "Aicha Kadhafi"), ("شريف", "Cherif")],
)
def test_a_name_with_shin_meets_its_french_spelling(
    screener: Screener, written: str, french: str
) -> None:
    """0.74, 0.65 and 0.00 before."""
    assert screener.matcher.compare(written, french, schema="person")[0] >= review(screener)


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي تش", max_size=20))
def test_the_reading_only_adds_ta_before_shin(name: str) -> None:
    read = arabic_ch(name)
    if read is None:
        assert name.replace("تش", "").count("ش") == 0
    else:
        assert read.replace("تش", "ش") == name.replace("تش", "ش")
        assert read.count("ش") == read.count("تش")
