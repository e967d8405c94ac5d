"""App store titles and product names: a named app's name before a tagline ("Name - Slogan",
"支付宝 - 让生活更简单", "扫描全能王-手机扫描仪") or beside words of another script that name
nothing ("WPS Office手机版", the mobile version; "手机QQ", Mobile QQ, the Android app's
Chinese name), or a maker's name before what kind of product it is ("腾讯会议", Tencent
Meeting). Each was CLEAR `NO_MATCH` in an app inventory: Chinese has no English
words after a name to tell a tagline from a longer name, and a half of a name written in
two scripts counted only when the other half named the same party."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.match.bilingual import both_halves
from banscreen.registry import load_registry


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry())


def hits(screener: Screener, name: str) -> dict[str, tuple[float, str]]:
    return {m.entry.entity_id: (m.score, m.method) for m in screener.matcher.match_name(name)}


@pytest.mark.parametrize(
    ("title", "entity"),
    [
        ("支付宝 - 让生活更简单", "app-alipay"),
        ("支付宝-让生活更简单", "app-alipay"),
        ("扫描全能王-手机扫描仪", "app-camscanner"),
        ("Alipay | Simplify Your Life", "app-alipay"),
        ("WPS Office手机版", "app-wps-office"),
        ("手机QQ", "app-tencent-qq"),
        # A maker's name before what kind of product the app is (generic_words_han).
        ("腾讯会议", "tencent-holdings"),
        ("腾讯新闻", "tencent-holdings"),
        ("QQ邮箱", "app-tencent-qq"),
    ],
)
def test_a_named_apps_title_is_a_review(screener: Screener, title: str, entity: str) -> None:
    found = hits(screener, title)
    assert found.get(entity) == (screener.registry.matching.contained_score, "contained"), found


@pytest.mark.parametrize(
    ("name", "entity"),
    [("华为终端有限公司", "huawei"), ("华为终端", "huawei"), ("中兴通讯设备有限公司", "zte")],
)
def test_a_makers_name_before_what_it_makes_is_a_review(
    screener: Screener, name: str, entity: str
) -> None:
    """ "华为终端有限公司" (Huawei Device Co., Ltd.) was CLEAR where "华为技术有限公司" is a hit:
    终端 (devices) was read as a distinctive word of another name (generic_words_han)."""
    score, _ = hits(screener, name).get(entity, (0.0, ""))
    assert score >= screener.registry.matching.thresholds.review


def test_a_bare_or_bilingual_name_keeps_its_own_score(screener: Screener) -> None:
    assert hits(screener, "支付宝")["app-alipay"] == (1.0, "exact")
    assert hits(screener, "支付宝 Alipay")["app-alipay"][0] == 1.0


@pytest.mark.parametrize(
    "name",
    ["深圳市华强电子有限公司 Shenzhen Huaqiang", "手机 Acme Trading", "Acme手机版", "华强-手机"],
)
def test_names_that_hold_no_listed_name_stay_clear(screener: Screener, name: str) -> None:
    assert hits(screener, name) == {}


def test_a_half_counts_alone_only_when_it_is_a_listed_name_as_written() -> None:
    """A half that only resembles a listed name (a REVIEW of its own) is no name found whole
    inside the longer one."""
    registry = load_registry()
    screener = Screener(registry)
    matcher = screener.matcher
    block, cap = registry.matching.thresholds.block, registry.matching.contained_score
    name = "Alipai手机版"  # the Latin half misspelt
    half = {m.entry.entity_id: m.score for m in matcher.names.match("Alipai")}
    assert 0 < half.get("app-alipay", 0) < block
    found = both_halves(matcher.names.match(name), name, matcher.names.match, block, cap)
    assert "app-alipay" not in {m.entry.entity_id for m in found}
