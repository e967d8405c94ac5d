"""A listed name with an acronym run on in capitals, as software packages are named
("AlipaySDK", the CocoaPod; "TencentIMSDK", "CamScannerSDK", "WPSOfficeSDK"): each was a
CLEAR, where "Alipay SDK" written apart is a hit. The words are split where a word's
lower-case letters meet the capitals (text.camel_words), and the split form is joined and
split again as any other form of the query is ("Cam Scanner SDK" joins as CamScanner)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.text import camel_splits, camel_words
from helpers.matching import found, review


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("AlipaySDK", "app-alipay"),
        ("AlipaySDK-iOS", "app-alipay"),
        ("TencentIMSDK", "tencent-holdings"),
        ("WPSOfficeSDK", "app-wps-office"),
        ("CamScannerSDK", "app-camscanner"),
        # in lower case, split as words run together (`run_together_words`)
        ("alipaysdk", "app-alipay"),
        ("tencentsms", "tencent-holdings"),
        ("qcloudapi", "tencent-cloud"),
    ],
)
def test_a_name_with_an_acronym_run_on_is_a_review(
    screener: Screener, query: str, entity: str
) -> None:
    hits = found(screener, query)
    assert entity in hits, hits
    assert review(screener) <= hits[entity][0] < screener.registry.matching.thresholds.block


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("AlipaySDK", "Alipay SDK"),
        ("QCloudCOSXML", "QCloud COSXML"),
        ("reportedAcme", "reported Acme"),
        ("McDONALD", "McDONALD"),  # one lower-case letter is a prefix's, no word's
        ("SHAREit", "SHAREit"),
        ("iOS", "iOS"),
        ("ACME", "ACME"),
    ],
)
def test_where_the_words_part(text: str, words: str) -> None:
    assert camel_words(text) == words


@given(st.text(max_size=40))
def test_the_split_only_adds_spaces(text: str) -> None:
    split = camel_words(text)
    assert split.replace(" ", "") == text.replace(" ", "")
    assert camel_words(camel_splits(text)) == split
