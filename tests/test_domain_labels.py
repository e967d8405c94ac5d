"""A host the registry does not list but whose registrable domain is named for a listed app
or firm (`wechat-pay.net`, Tencent Cloud's `tencentcloud.com`, an IDN lookalike of
`alipay.com`) was CLEAR in a domain list. Its label is screened as text naming what the
host is called: a REVIEW at most, FREE_TEXT_MENTION, since a name says nothing of who
holds the domain; a listed host still BLOCKs by its identifier."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.batch import Pipeline
from banscreen.engine import Screener, ScreenOptions
from banscreen.match.hosts import domain_label_words
from banscreen.model import Decision, Outcome, Policy
from banscreen.surfaces.detect import detect
from banscreen.surfaces.scan import ScanOptions


def scanned(screener: Screener, folder: Path, hosts: list[str]) -> dict[str, Decision]:
    path = folder / "hosts.txt"
    path.write_text("\n".join(hosts) + "\n", encoding="utf-8")
    _, reader = detect(path, "domains")
    items = reader(path, ScanOptions(as_of=date(2021, 3, 15)))
    pipeline = Pipeline(screener, ScreenOptions(policy=Policy.ANTICIPATE))
    return {d.transaction_id: d for d in pipeline.scanned(items)}


@pytest.mark.parametrize(
    ("host", "entity"),
    [
        ("wechat-pay.net", "app-wechat-pay"),
        ("alipay-secure-login.com", "app-alipay"),
        ("camscanner-pdf.app", "app-camscanner"),
        ("www.tencentcloud.com", "tencent-cloud"),  # words run together
        ("xn--lipay-3ve.com", "app-alipay"),  # its first letter the Cyrillic а
    ],
)
def test_a_host_named_for_a_listed_app_is_a_review(
    screener: Screener, tmp_path: Path, host: str, entity: str
) -> None:
    decision = scanned(screener, tmp_path, [host])[host]
    assert (decision.outcome, decision.entity_id) == (Outcome.REVIEW, entity)
    assert "FREE_TEXT_MENTION" in decision.reasons


def test_listed_hosts_still_block_and_others_stay_clear(screener: Screener, tmp_path: Path) -> None:
    hosts = ["alipay.com", "pay.weixin.qq.com", "example.org", "payments.example.com"]
    found = scanned(screener, tmp_path, hosts)
    assert found["alipay.com"].outcome is Outcome.BLOCK
    assert found["pay.weixin.qq.com"].outcome is Outcome.BLOCK
    assert found["example.org"].outcome is Outcome.CLEAR
    assert found["payments.example.com"].outcome is Outcome.CLEAR


def test_only_the_registrable_label_is_read() -> None:
    assert domain_label_words("pay.wechat-pay.net") == "wechat pay"
    assert domain_label_words("alipay.com.evil.net") == "evil"  # a subdomain says nothing
    assert domain_label_words("xn--lipay-3ve.com") == "аlipay"
    assert domain_label_words("xn--zz-zz.com") == ""  # a label punycode does not decode


@given(
    st.from_regex(
        r"[a-z0-9][a-z0-9-]{0,20}(\.[a-z0-9-]{1,10}){0,3}\.(com|cn|net|org)", fullmatch=True
    )
)
def test_any_host_gives_its_label_words_without_raising(host: str) -> None:
    words = domain_label_words(host)
    assert "-" not in words and "." not in words
