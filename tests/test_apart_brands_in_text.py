"""An app's name written apart in a payment's text in a script other than Latin, Chinese,
Arabic and Hebrew ("Оплата через Али Пэй") was CLEAR, though the same words as the payee
are a hit: text is read in windows of six words, and a name written apart is found only
when it is the whole window. Runs of two or three short words are now matched whole too
(sounded_windows.py, `apart_windows`), counting on apps' and brands' names only."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener, ScreenOptions
from banscreen.match.sounded_windows import apart_windows
from banscreen.model import Outcome, Policy
from helpers.matching import text_payment


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Оплата через Али Пэй", "app-alipay"),
        ("Платёж Кам Сканер подписка", "app-camscanner"),
        ("알리 페이 결제", "app-alipay"),
        ("Πληρωμή μέσω Αλί Πέι", "app-alipay"),
        ("გადახდა ალი პეი", "app-alipay"),
        ("ชำระ ผ่าน อาลี เพย์", "app-alipay"),
        ("अली पे से भुगतान", "app-alipay"),
        # read as loanwords: Greek's "γου" a w and "τσ" a ch, katakana's "キャ" an English "ca"
        ("Πληρωμή μέσω Γουί Τσατ Πέι", "app-wechat-pay"),
        ("カム スキャナー 購入", "app-camscanner"),
        ("カムスキャナー購入", "app-camscanner"),
    ],
)
def test_an_app_written_apart_in_text_is_found(screener: Screener, text: str, entity: str) -> None:
    decision = screener.decide(text_payment(text), ScreenOptions(policy=Policy.ANTICIPATE))
    assert decision.entity_id == entity, (text, decision.reasons)
    # found by how it sounds: a REVIEW at most, whatever the policy
    assert decision.outcome is Outcome.REVIEW


@pytest.mark.parametrize(
    "text",
    [
        "Оплата по счёту 77 за аренду офиса через банк",
        "Перевод Ивану за ремонт кухни",
        "사무실 임대료 지급 3월분",
        "Πληρωμή ενοικίου γραφείου Μαρτίου",
        "कार्यालय किराया भुगतान मार्च",
        "チケット よく 売れる",  # hiragana words are Japanese's own ("チケット よく" met TikTok)
    ],
)
def test_ordinary_sentences_meet_no_app(screener: Screener, text: str) -> None:
    assert screener.decide(text_payment(text)).outcome is Outcome.CLEAR, text


def test_windows_are_short_words_of_one_script() -> None:
    tokens = ("оплата", "через", "али", "пэй", "acme", "알리", "페이", "очень-длинное-слово")
    windows = apart_windows(tokens)
    assert "али пэй" in windows and "알리 페이" in windows
    assert not any("acme" in w or "пэй 알리" in w for w in windows)
    assert all(len(w.split()) in (2, 3) for w in windows)
