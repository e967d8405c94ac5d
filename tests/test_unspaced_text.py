"""An app's name inside a sentence of Thai, which writes no spaces between its words
("ชำระผ่านอาลีเพย์", paid through Alipay), was CLEAR, though the name alone as the payee, or
set apart by spaces in the text, is a hit: the whole run was read as one word. ICU's word
breaker cuts the run into its dictionary's words, and a name it does not know into
syllables; runs of those pieces, glued back, are matched as one word each, counting on apps'
and brands' names only (sounded_windows.py, `unspaced_windows`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.match.sounded_windows import dictionary_words, unspaced_windows
from banscreen.model import Outcome, Policy
from helpers.matching import text_payment


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("ชำระผ่านอาลีเพย์", "app-alipay"),
        ("ชำระผ่านอาลีเพย์แล้ว", "app-alipay"),
        ("ชำระเงินผ่านวีแชทเพย์", "app-wechat-pay"),  # a name of two words, glued as Thai writes it
        ("ค่าสมาชิกแคมสแกนเนอร์รายปี", "app-camscanner"),
        ("ดาวน์โหลดแชร์อิทฟรี", "app-shareit"),  # sounds alike at 0.9 less a rounding error
    ],
)
def test_an_app_inside_unspaced_text_is_found(screener: Screener, text: str, entity: str) -> None:
    decision = screener.decide(
        text_payment(text, "Somchai Trading", "TH"), ScreenOptions(policy=Policy.ANTICIPATE)
    )
    assert decision.entity_id == entity, (text, decision.reasons)
    assert decision.outcome is Outcome.REVIEW  # found by how it sounds: a REVIEW at most


@pytest.mark.parametrize(
    "text",
    [
        "เบื้องต้นดาวหางแบกอินเดียตำบลแบงก์",  # "แบกอิน" sounds like Weixin, spelt 0.57 alike
        "ชำระค่าเช่าสำนักงานเดือนมีนาคม",  # office rent for March
        "โอนเงินให้สมชายใจดีค่าซ่อมบ้าน",  # a transfer to a person for a house repair
    ],
)
def test_ordinary_thai_sentences_meet_no_app(screener: Screener, text: str) -> None:
    assert screener.decide(text_payment(text, "Somchai Trading", "TH")).outcome is Outcome.CLEAR, (
        text
    )


def test_windows_are_runs_of_a_words_pieces_but_the_whole() -> None:
    word = "ชำระผ่านอาลีเพย์"
    assert dictionary_words(word)[-2:] == ["ลี", "เพย์"]
    windows = unspaced_windows(("acme", word, "แล้ว"))
    assert "อาลีเพย์" in windows
    assert word not in windows  # the whole word is read as a word already
    assert not any(w in windows for w in ("acme", "แล้ว"))  # Latin; a word of one piece


@given(st.text(alphabet=st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F) | st.just(" ")))
def test_any_thai_text_cuts_into_pieces_of_it(text: str) -> None:
    for token in text.split():
        assert "".join(dictionary_words(token)) == token.replace(" ", "")
        assert all(w in token for w in unspaced_windows((token,)))
