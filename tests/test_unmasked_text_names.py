"""An organisation's name in another script's payment text, with a word of a longer listed
name after it ("Оплата Тенсент Холдингс"), was CLEAR while "Оплата Тенсент" is a hit: the
window met the longer name inside it (`contained`), which text does not count, and that
best name of the entity hid the name it meets by sound. The entity's other names are now
tried (sounded_text.py, `_unmasked`)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.model import Outcome
from helpers.matching import text_payment


@pytest.mark.parametrize(
    "text",
    [
        "Оплата Тенсент Холдингс",
        "Платёж Тенсент Холдингс Лимитед",
        "Оплата через Тенсент Холдингс за услуги",
        "텐센트 홀딩스에 지급",
    ],
)
def test_a_name_with_a_longer_names_word_after_it_is_found(screener: Screener, text: str) -> None:
    decision = screener.decide(text_payment(text))
    assert decision.outcome is Outcome.REVIEW, (text, decision.reasons)
    assert decision.entity_id == "tencent-holdings"


@pytest.mark.parametrize("text", ["Оплата Холдингс Лимитед", "홀딩스에 지급"])
def test_the_longer_names_words_alone_meet_nothing(screener: Screener, text: str) -> None:
    assert screener.decide(text_payment(text)).outcome is Outcome.CLEAR
