"""A brand's name in another script's payment text ("Оплата Ант Груп", "앤트 그룹 결제") was
CLEAR while the same words as the payee are a hit: a window of words apart counts only when
it sounds like a brand's or an app's name, and the entity's legal name ("Ant Group Co.,
Ltd."), which sounded as much alike, was the one picked for it. Such a window is now heard
among the entity's brand and app names only (sounded_text.py, `_sounded_brand`)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.model import Outcome
from helpers.matching import text_payment


@pytest.mark.parametrize(
    "text", ["Оплата Ант Груп", "Оплата через Ант Груп за услуги", "앤트 그룹 결제"]
)
def test_a_brand_whose_legal_name_sounds_as_alike_is_found(screener: Screener, text: str) -> None:
    decision = screener.decide(text_payment(text))
    assert decision.outcome is Outcome.REVIEW, (text, decision.reasons)
    assert decision.entity_id == "ant-group"


@pytest.mark.parametrize("text", ["Оплата Груп", "그룹 결제", "Оплата Ант"])
def test_the_brands_generic_word_or_short_word_alone_meets_nothing(
    screener: Screener, text: str
) -> None:
    assert screener.decide(text_payment(text)).outcome is Outcome.CLEAR
