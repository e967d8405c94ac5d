"""A brand that leads a firm's name written as one word in Hangul or katakana: Korean and
Japanese glue a firm's name together (텐센트코리아, Tencent's arm in Korea), and each of
these was a CLEAR where the brand alone, or written apart from the rest, is a REVIEW
(glued_brands.py)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.match.glued_brands import leading_brands
from banscreen.match.variants import Variant
from helpers.matching import found, persons_screener_with

TRADE = """\
sources:
  test: "banscreen test fixture"
entities:
  - id: org-tamrosen
    type: company
    source: test
    provenance: confirmed
    names:
      - {value: "Tamrosen Holdings Ltd", kind: legal, source: test, provenance: confirmed}
      - {value: "Tamrosen", kind: trade, source: test, provenance: confirmed}
  - id: org-orbit
    type: company
    source: test
    provenance: confirmed
    names:
      - {value: "Orbit Pacific Ltd", kind: legal, source: test, provenance: confirmed}
      - {value: "Orbit", kind: trade, source: test, provenance: confirmed}
"""


@pytest.fixture(scope="module")
def brands(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("glued"), TRADE)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("텐센트코리아", "tencent-holdings"),  # Tencent Korea
        ("텐센트코리아 유한회사", "tencent-holdings"),  # ... with its legal form
        ("テンセントジャパン合同会社", "tencent-holdings"),  # Tencent Japan GK
        ("텐센트뮤직", "tencent-holdings"),  # Tencent Music, in Hangul
        ("アリペイジャパン", "app-alipay"),
        ("알리페이코리아", "app-alipay"),
    ],
)
def test_a_shipped_brand_glued_to_more_is_a_review(
    screener: Screener, query: str, entity: str
) -> None:
    assert found(screener, query).get(entity) == (0.8, "transliterated")


@pytest.mark.parametrize("query", ["탐로센코리아", "タムロセンジャパン", "탐로센그룹"])
def test_a_made_up_trade_name_glued_to_more_is_a_review(brands: Screener, query: str) -> None:
    assert found(brands, query).get("org-tamrosen") == (0.8, "transliterated")


@pytest.mark.parametrize("query", ["오빗코리아", "オービットジャパン"])
def test_an_english_word_glued_to_more_is_no_brand(brands: Screener, query: str) -> None:
    """A brand that is an English word ("Orbit") starts too many words and names in
    Hangul and katakana to be found at the start of one."""
    assert "org-orbit" not in found(brands, query)


def test_the_heads_count_only_on_a_made_up_brand_of_one_word(screener: Screener) -> None:
    matcher = screener.matcher
    heads = leading_brands(
        matcher.names.normaliser.form("텐센트코리아"), matcher.names.normaliser, matcher.config
    )
    # Every head is three letters or more and leaves two or more after it.
    assert [len(v.form.tokens[0]) for v in heads] == [3, 4]
    head: Variant = heads[0]
    assert head.admits(False, ("tencent",), "trade")
    assert not head.admits(True, ("tencent",), "trade")  # a person's name
    assert not head.admits(False, ("tencent",), "legal")  # a list's legal name
    assert not head.admits(False, ("orbit",), "trade")  # an English word
    assert not head.admits(False, ("tencent", "music"), "trade")  # more than the brand
    assert not head.admits(False, ("tenpay",), "trade")  # another brand's sound


def test_latin_and_chinese_names_have_no_heads(screener: Screener) -> None:
    normaliser = screener.matcher.names.normaliser
    for name in ("TencentKorea", "腾讯韩国"):
        assert leading_brands(normaliser.form(name), normaliser, screener.matcher.config) == []


def test_one_brand_heads_many_names_as_one_variant(screener: Screener) -> None:
    """Hits are remembered per form and what it admits: the head 텐센트 of two names is one
    variant, so the second name's hits through it are not searched and scored again."""
    matcher = screener.matcher
    normaliser = matcher.names.normaliser

    def heads(name: str) -> list[Variant]:
        return leading_brands(normaliser.form(name), normaliser, matcher.config)

    assert heads("텐센트코리아")[0] == heads("텐센트그룹")[0]
    assert heads("텐센트코리아")[0] != heads("텐페이코리아")[0]
    # A long word is read up to a brand's length, not at every letter.
    assert len(heads("テンセント" * 6)) == 8
