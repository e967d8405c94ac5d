"""A listed person's name written in Chinese characters inside a payment's Chinese free text:
"付款给李方伟 发票4471" for `LI, Fangwei` and "付款给谢尔盖·绍伊古" for `SHOIGU, Sergey` were
CLEAR, though the same characters as the payee were a hit. Now a window of three or four
characters starting with a Chinese surname that reads as a listed name, and a name written
with middle dots, are a REVIEW at most when they meet the person as a payee's name would;
ordinary words that read like a name of two syllables are not looked at."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.model import Outcome
from helpers.matching import listed_data, persons_screener_with, text_hits

LISTED = {
    "cn-li": ("person", "LI, Fangwei"),
    "cn-ouyang": ("person", "OUYANG, Jianguo"),
    "cn-he": ("person", "HE, Yi"),
    "ru-shoigu": ("person", "SHOIGU, Sergey Kuzhugetovich"),
    "ru-putin": ("person", "PUTIN, Vladimir Vladimirovich"),
}


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    folder: Path = tmp_path_factory.mktemp("han-persons")
    return persons_screener_with(folder, listed_data(LISTED))


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("付款给李方伟 发票4471", "cn-li"),
        ("向李方伟支付服务费", "cn-li"),
        ("收款人：李方偉，發票號4471", "cn-li"),  # traditional characters
        ("转账 欧阳建国 工资", "cn-ouyang"),  # a compound surname
        ("付款给谢尔盖·绍伊古", "ru-shoigu"),
        ("向谢尔盖・绍伊古付款", "ru-shoigu"),  # the katakana middle dot
        ("弗拉基米尔·弗拉基米罗维奇·普京先生的咨询费", "ru-putin"),
    ],
)
def test_a_listed_persons_name_in_chinese_text_is_a_review(
    screener: Screener, text: str, entity: str
) -> None:
    found = text_hits(screener, text)
    assert found.get(entity) is Outcome.REVIEW, found


@pytest.mark.parametrize(
    "text",
    [
        "立方为12的货箱运费",  # reads li fang wei, but 立 is no surname
        "何以付款给供应商",  # 何以 reads as HE, Yi: two syllables are not looked for
        "付款给李方",  # part of the name only
        "付款给王小明·张伟",  # a dotted name of no listed person
    ],
)
def test_words_that_only_read_like_a_name_are_no_hit(screener: Screener, text: str) -> None:
    assert not any(e in text_hits(screener, text) for e in LISTED), text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet="付款给向支付服务费发票号收款人李方伟欧阳建国·・ ，。0123456789", max_size=40)
)
def test_any_chinese_text_scans_without_error(screener: Screener, text: str) -> None:
    """The characters of the names above, in any order, never raise and decide at most
    REVIEW from the text."""
    found = text_hits(screener, text)
    assert all(o in (Outcome.REVIEW, Outcome.CLEAR) for o in found.values())
