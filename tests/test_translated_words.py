"""An app's generic word written in another language (translated_words.py,
`generic_word_translations`): "QQ Кошелёк", "QQ 지갑", "محفظة QQ" are QQ Wallet, as a
counterparty's name (a REVIEW at most: a translation, like a transliteration) and in a
payment's text. Each was a CLEAR: a romaniser reads "кошелёк" as "koshelek"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from banscreen.engine import Screener
from banscreen.match.translated_words import translated_reading
from banscreen.model import Outcome, Transaction
from banscreen.registry import load_registry
from helpers.matching import found, refused_setting, review


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry())


@pytest.mark.parametrize(
    "query", ["QQ Кошелёк", "QQ Кошелек", "Кошелёк QQ", "QQ 지갑", "محفظة QQ", "ארנק QQ",
              "QQ Portefeuille", "QQ Cüzdan"],
)  # fmt: skip
def test_a_translated_generic_word_is_read_as_the_english_one(
    screener: Screener, query: str
) -> None:
    score, method = found(screener, query)["app-qq-wallet"]
    assert review(screener) <= score < screener.registry.matching.thresholds.block
    assert method == "transliterated"


@pytest.mark.parametrize("query", ["Кошелёк", "Яндекс Кошелёк", "지갑", "محفظة"])
def test_the_generic_word_alone_or_with_another_name_is_no_hit(
    screener: Screener, query: str
) -> None:
    assert "app-qq-wallet" not in found(screener, query)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("WPS办公", "app-wps-office"),
        ("WPS 办公", "app-wps-office"),
        ("WPS办公有限公司", "app-wps-office"),
        ("WPS办公软件", "app-wps-office"),
        ("WeChat支付", "app-wechat-pay"),
    ],
)
def test_a_chinese_generic_word_glued_to_a_latin_brand_is_read(
    screener: Screener, query: str, entity: str
) -> None:
    """Chinese glues its generic words to a Latin brand: "WPS办公" was a CLEAR, where
    "WPS Office" is the app's name."""
    score, method = found(screener, query)[entity]
    assert review(screener) <= score < screener.registry.matching.thresholds.block
    assert method == "transliterated"


@pytest.mark.parametrize(("query", "entity"), [("ABC办公软件", "app-wps-office"),
                                               ("Zeltra支付", "app-wechat-pay")])  # fmt: skip
def test_a_chinese_generic_word_after_another_brand_is_no_hit(
    screener: Screener, query: str, entity: str
) -> None:
    assert entity not in found(screener, query)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("مجموعة علي بابا", "alibaba-group"),
        ("گروه علی بابا", "alibaba-group"),
        ("مجموعة آنت", "ant-group"),
        ("مجموعة تينسنت", "tencent-holdings"),
        ("קבוצת טנסנט", "tencent-holdings"),
        ("مجموعة وي تشات", "app-wechat"),
    ],
)
def test_group_written_before_a_firm_in_arabic_or_hebrew_letters_is_read(
    screener: Screener, query: str, entity: str
) -> None:
    """Arabic, Persian and Hebrew write "group" before a firm's name; each was a CLEAR
    where the name alone is a hit (a romaniser's "mjmwa" is no generic word, as the
    Russian "gruppa" is). A brand written apart after it is read as one word, as alone."""
    score, method = found(screener, query)[entity]
    assert review(screener) <= score < screener.registry.matching.thresholds.block
    assert method == "transliterated"


@pytest.mark.parametrize(
    "query", ["مجموعة", "קבוצת", "مجموعة الفطيم", "קבוצת עזריאלי", "مجموعة بن لادن", "קבוצת עלי"]
)
def test_group_before_an_unlisted_firm_is_no_hit(screener: Screener, query: str) -> None:
    assert not found(screener, query)


def test_a_name_all_in_characters_is_not_read_again(screener: Screener) -> None:
    config = screener.registry.matching
    assert translated_reading("财付通支付科技有限公司", config) is None
    assert translated_reading("wps办公", config) == "wps office"


def test_a_payment_text_with_the_translated_word_is_a_review(screener: Screener) -> None:
    text = "оплата через QQ Кошелёк"
    tx = Transaction("t", date(2021, 3, 15), "payment", "Acme Supplies Ltd", text=text)
    evidence = [e for e in screener.matcher.evidence_for(tx) if e.entity_id == "app-qq-wallet"]
    assert evidence and all(e.max_outcome == Outcome.REVIEW for e in evidence)


def test_a_translation_of_no_generic_word_is_refused(tmp_path: Path) -> None:
    refused_setting(tmp_path, "generic_word_translations", {"qqq": ["кошелёк"]},
                    "generic_word_translations")  # fmt: skip


def test_a_brands_only_word_with_no_translations_is_refused(tmp_path: Path) -> None:
    refused_setting(tmp_path, "translations_on_brands_only", ["group", "holding"],
                    r"translations_on_brands_only: \['holding'\] are not translated")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "entity"),
    [("购买WPS办公会员", "app-wps-office"), ("用WeChat支付付款", "app-wechat-pay"),
     ("Payment via WPS 办公 ref 5521", "app-wps-office")],
)  # fmt: skip
def test_a_chinese_generic_word_glued_to_a_brand_in_text_is_a_review(
    screener: Screener, text: str, entity: str
) -> None:
    """In a payment's text as in the payee's field: "购买WPS办公会员" (bought a WPS Office
    membership) was a CLEAR, though "WPS办公" as the payee is a hit."""
    tx = Transaction("t", date(2021, 3, 15), "payment", "Acme Supplies Ltd", text=text)
    evidence = [e for e in screener.matcher.evidence_for(tx) if e.entity_id == entity]
    assert evidence and all(e.max_outcome == Outcome.REVIEW for e in evidence)


@pytest.mark.parametrize("text", ["购买办公用品", "ABC办公软件 年费", "Zeltra支付 订单"])
def test_a_chinese_generic_word_in_text_without_the_brand_is_no_hit(
    screener: Screener, text: str
) -> None:
    assert not screener.matcher.free_text.scan(text)
