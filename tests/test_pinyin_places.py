"""A Chinese company's name written in pinyin with its place in pinyin too: `Zhifubao
(Zhongguo) Wangluo Jishu Youxian Gongsi` is 支付宝（中国）网络技术有限公司 (Alipay (China)
Network Technology), and was a CLEAR: `Zhongguo` was read as a distinctive word of the
name where `China` and `中国` are places, weighed down (normalize.py, `places`)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.match.pinyin import read_han
from helpers.matching import found, review


def _places(screener: Screener) -> list[str]:
    return ["".join(read_han(han)).capitalize() for _, han in screener.registry.matching.places]


@pytest.mark.parametrize(
    ("written", "entity"),
    [
        ("Zhifubao ({}) Wangluo Jishu Youxian Gongsi", "app-alipay"),
        ("Caifutong Zhifu Keji ({}) Youxian Gongsi", "tenpay"),
        ("Tengxun {} Youxian Gongsi", "tencent-holdings"),
    ],
)
def test_a_place_in_pinyin_is_a_place(screener: Screener, written: str, entity: str) -> None:
    missed = []
    for place in _places(screener):
        hits = found(screener, written.format(place))
        if hits.get(entity, (0.0,))[0] < review(screener):
            missed.append((place, hits))
    assert not missed, missed


def test_a_place_alone_is_no_name(screener: Screener) -> None:
    for place in _places(screener):
        assert not found(screener, f"{place} Youxian Gongsi"), place
