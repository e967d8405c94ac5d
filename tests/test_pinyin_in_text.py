"""A Chinese brand's name in pinyin in a payment's text (freetext._pinyin_key): "zhifubao
payment" and "caifutong transfer" were CLEAR, where 支付宝 and 财付通 in characters are found
and the same pinyin as a counterparty's name is a transliteration."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.model import Outcome
from helpers.matching import text_hits


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("zhifubao payment", "app-alipay"),
        ("via Zhi Fu Bao", "app-alipay"),
        ("Weixin Zhifu ref 123", "app-wechat-pay"),
        ("caifutong transfer", "tenpay"),
        ("Tengxun Yun hosting", "tencent-cloud"),
        ("Mayi Jituan settlement", "ant-group"),
    ],
)
def test_a_chinese_brand_in_pinyin_in_text_is_a_review(
    screener: Screener, text: str, entity: str
) -> None:
    hits = text_hits(screener, text)
    assert hits.get(entity) == Outcome.REVIEW, hits


@pytest.mark.parametrize("text", ["ten cent coupon", "weixin", "paid to Zhang Wei", "ma yi"])
def test_english_words_and_short_pinyin_are_not_read_as_a_brand(
    screener: Screener, text: str
) -> None:
    """A brand's pinyin of fewer than seven letters ("weixin" is listed in its own right,
    "mayi" is not) or English words that are no pinyin reading are not searched so."""
    hits = text_hits(screener, text)
    assert "ant-group" not in hits and "tencent-holdings" not in hits
    assert "app-wechat-pay" not in hits
