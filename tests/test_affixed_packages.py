"""A package's name that is a maker's name with a word glued before or after it
(components._affixed): `easywechat` (a PHP SDK for WeChat), `flaskalipay`,
`shareitclone` were CLEAR in an SBOM, where `pywechat` and `node-wechat` were hits."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener


def makers(screener: Screener, package: str) -> set[str]:
    return {m.entry.entity_id for m in screener.matcher.names.match_component(package)}


@pytest.mark.parametrize(
    ("package", "entity"),
    [
        ("easywechat", "app-wechat"),
        ("node-easywechat", "app-wechat"),
        ("flaskalipay", "app-alipay"),
        ("superalipay", "app-alipay"),
        ("shareitclone", "app-shareit"),
        ("camscannerclone", "app-camscanner"),
        ("django-wechatwork-tool", "app-wechat"),
    ],
)
def test_a_makers_name_with_a_word_glued_on_is_found(
    screener: Screener, package: str, entity: str
) -> None:
    assert entity in makers(screener, package)


@pytest.mark.parametrize(
    "package",
    [
        "wechaty",  # one letter glued on: not a word
        "wechatxq",  # two letters that are no word of English nor of packaging
        "mediqq",  # a short name is never split off
        "wechatty",  # two letters that are a word of English: too short to count
        "lodash",
        "typings-for-css-modules-loader",
    ],
)
def test_what_is_no_makers_name_with_a_word_glued_on_finds_nothing(
    screener: Screener, package: str
) -> None:
    assert makers(screener, package) == set()
