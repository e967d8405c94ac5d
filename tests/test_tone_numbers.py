"""Pinyin written with tone numbers, as dictionaries and systems without tone marks write
it ("Teng2xun4 Kong4gu3", "Zhi1fu4bao3"), is the pinyin without them: each was CLEAR
NO_MATCH, where "Tengxun Konggu" and "Zhifubao" are hits (pinyin.py, `untoned`). Codes
whose letters are no syllables, or one short syllable alone, keep their digits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.normalize import Normaliser
from banscreen.match.pinyin import pinyin_syllables, untoned
from banscreen.registry import Registry
from helpers.matching import found, review


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Teng2xun4 Kong4gu3", "tencent-holdings"),
        ("TENG2XUN4 KONG4GU3 YOU3XIAN4 GONG1SI1", "tencent-holdings"),
        ("Zhi1fu4bao3", "app-alipay"),
        ("Wei1xin4 Zhi1fu4", "app-wechat-pay"),
        ("A1 li3 yun2", "alibaba-cloud"),  # a syllable of one letter alone in its word
    ],
)
def test_a_listed_name_in_tone_numbered_pinyin_is_found(
    screener: Screener, query: str, entity: str
) -> None:
    hits = found(screener, query)
    assert hits.get(entity, (0.0, ""))[0] >= review(screener), hits


def test_tone_numbered_pinyin_in_text_is_found(screener: Screener) -> None:
    hits = {h.entry.entity_id for h in screener.matcher.free_text.scan("Paid via Zhi1fu4bao3")}
    assert "app-alipay" in hits


@pytest.mark.parametrize(
    ("toned", "plain"),
    [("Teng2xun4 Kong4gu3", "Tengxun Konggu"), ("Ma3 Yun2", "Ma Yun"), ("zhi1fu4bao3", "zhifubao")],
)
def test_tone_numbers_go(registry: Registry, toned: str, plain: str) -> None:
    normaliser = Normaliser(registry.matching)
    assert normaliser.form(toned).tokens == normaliser.form(plain).tokens


@pytest.mark.parametrize(
    "text", ["win10 office365", "acme li3", "block a1 e3", "web3 labs", "gas2 oil4"]
)
def test_other_digits_stay(text: str) -> None:
    assert untoned(text, pinyin_syllables()) == text


# Syllables of two letters or more: one of a letter alone in its word keeps its digit
# ("Block A1 E3"), tested above.
_SYLLABLES = sorted(s for s in pinyin_syllables() if len(s) >= 2)


@given(
    st.lists(
        st.tuples(st.sampled_from(_SYLLABLES), st.integers(1, 5), st.booleans()),
        min_size=1,
        max_size=6,
    )
)
def test_untoning_is_stable_and_leaves_no_tone(parts: list[tuple[str, int, bool]]) -> None:
    """Syllables with their tones, some run together into one word: once untoned, untoning
    again changes nothing, and two syllables or more keep no digit."""
    text = "".join(f"{s}{t}" + (" " if apart else "") for s, t, apart in parts).strip()
    once = untoned(text, pinyin_syllables())
    assert untoned(once, pinyin_syllables()) == once
    if len(parts) >= 2:
        assert not any(ch.isdigit() for ch in once), (text, once)
