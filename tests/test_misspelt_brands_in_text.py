"""An app's or brand's word misspelt by a letter in a payment's text ("Paid to CamScaner")
was CLEAR, though the payee's field finds it: text looked for names only as written. Such a
word is read as the brand's word it is one edit from (respelt_brands.py), a REVIEW at most."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Outcome, Policy
from helpers.matching import text_payment


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Paid to CamScaner ref 77", "app-camscanner"),
        ("paid to QQ Wallett ref 77", "app-qq-wallet"),
        ("Tencnt Holdings invoice", "tencent-holdings"),
        ("Paid via WeChatt Pay", "app-wechat-pay"),
        ("Payment to Shareitt", "app-shareit"),
        ("paid to QQ Walet ref 77", "app-qq-wallet"),  # five letters, after the brand's word
        ("WPS Ofice license", "app-wps-office"),
    ],
)
def test_a_brands_word_misspelt_in_text_is_found(
    screener: Screener, text: str, entity: str
) -> None:
    decision = screener.decide(text_payment(text), ScreenOptions(policy=Policy.ANTICIPATE))
    assert decision.entity_id == entity, (text, decision.reasons)
    assert decision.outcome is Outcome.REVIEW  # a reading, never a BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "Alpay Trading invoice 5",  # a Turkish given name, five letters: read as written
        "Payment for a scanner and wallets",  # English words stay themselves
        "Payment for Bereits Umsatz",  # words of other languages, no brand's slip
    ],
)
def test_words_that_are_no_brands_misspelt_stay_themselves(screener: Screener, text: str) -> None:
    assert screener.decide(text_payment(text)).outcome is Outcome.CLEAR, text
