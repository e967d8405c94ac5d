"""A name spelt out letter by letter (spelt_out.py): "Paid via A L I P A Y" was CLEAR, and so
was the payee "A L I P A Y HK", where the written word is a hit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.spelt_out import SPELT_MIN_LETTERS, spelt_out
from banscreen.model import Outcome
from helpers.matching import found, review, text_hits


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Paid via A L I P A Y", "app-alipay"),
        ("Paid via A.L.I.P.A.Y.", "app-alipay"),
        ("A-L-I-P-A-Y transfer", "app-alipay"),
        ("W E C H A T pay", "app-wechat-pay"),
        ("pay via T E N P A Y now", "tenpay"),
        # the letters of a name of two words, run together: read apart as a glued name is
        ("Payment via W e C h a t P a y", "app-wechat-pay"),
        ("Q Q W A L L E T top-up", "app-qq-wallet"),
    ],
)
def test_a_name_spelt_out_in_text_is_a_review(screener: Screener, text: str, entity: str) -> None:
    hits = text_hits(screener, text)
    assert hits.get(entity) == Outcome.REVIEW, hits


@pytest.mark.parametrize("text", ["Invoice for A B C supplies", "Paid to J R R Smith",
                                  "P.O. Box 12, A.B.C. Ltd", "U S A"])  # fmt: skip
def test_letters_that_spell_no_listed_name_are_no_hit(screener: Screener, text: str) -> None:
    assert not text_hits(screener, text)


def test_a_payee_spelt_out_before_another_word_is_found(screener: Screener) -> None:
    score, _ = found(screener, "A L I P A Y HK")["app-alipay"]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


def test_two_letters_are_initials_not_a_word() -> None:
    assert spelt_out(("s", "k", "shoigu")) is None
    assert spelt_out(("a", "l", "i", "p", "a", "y", "hk")) == ("alipay", "hk")
    assert spelt_out(("1", "2", "3")) is None  # digits are no letters


@given(st.lists(st.sampled_from(["a", "b", "x", "pay", "hk", "1", "é", "中"]), max_size=12))
def test_spelling_out_keeps_every_letter_in_order(words: list[str]) -> None:
    tokens = tuple(words)
    joined = spelt_out(tokens)
    if joined is None:
        return
    assert "".join(joined) == "".join(tokens)
    assert len(joined) <= len(tokens) - SPELT_MIN_LETTERS + 1
