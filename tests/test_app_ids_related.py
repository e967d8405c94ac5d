"""App ids, store links, domains and package URLs in a row's identifiers that name a listed
app without being its listed identifier. Each was CLEAR (or an ERROR for a link given as
the id): a store listing's link given as a domain was read as the store's host; a lite,
HD or regional variant of a listed package name, or its parent listing, matched nothing;
a domain not listed but named for a listed app (`camscanner.cn`) was screened by domain
only; and an unlisted package URL (`pkg:pypi/wechatpayv3`) by its purl only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.decide import reasons
from banscreen.engine import Screener, ScreenOptions
from banscreen.match.identifiers import IdentifierIndex, normalise, purl_name
from banscreen.model import Decision, Fact, Identifier, Outcome, Policy, Provenance
from banscreen.registry import load_registry
from banscreen.surfaces.rows import parse_row


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry())


def decide(screener: Screener, identifiers: str, category: str = "app_distribution") -> Decision:
    row = {
        "id": "1", "date": "2021-03-15", "category": category,
        "counterparty_name": "Unknown Publisher", "counterparty_country": "",
        "counterparty_identifiers": identifiers, "us_nexus": "true", "text": "",
    }  # fmt: skip
    return screener.decide(parse_row(row), ScreenOptions(policy=Policy.ANTICIPATE))


def reasons_of(decision: Decision) -> str:
    return " ".join(decision.reasons)


@pytest.mark.parametrize(
    "identifiers",
    [
        "android:https://play.google.com/store/apps/details?id=com.tencent.mm&hl=en",
        "domain:https://play.google.com/store/apps/details?id=com.tencent.mm",
        "domain:https://apps.apple.com/us/app/wechat/id414478124",
        "appstore_id:https://apps.apple.com/us/app/wechat/id414478124",
    ],
)
def test_a_store_listings_link_names_its_app(screener: Screener, identifiers: str) -> None:
    """The link names the listed app itself: as its id does, a BLOCK."""
    decision = decide(screener, identifiers)
    assert decision.outcome is Outcome.BLOCK, decision
    assert "app-wechat" in {m.entity_id for m in decision.matches}


@pytest.mark.parametrize(
    "identifiers",
    [
        "android:com.uc.vmate.lite",  # a variant of a listed package name
        "android:com.eg.android.AlipayGphone.hd",
        "android:com.lenovo.anyshare",  # the parent of a listed one (com.lenovo.anyshare.gps)
    ],
)
def test_a_listed_apps_variant_or_parent_id_is_a_review(
    screener: Screener, identifiers: str
) -> None:
    decision = decide(screener, identifiers)
    assert decision.outcome is Outcome.REVIEW, decision
    assert reasons.RELATED_APP_ID in reasons_of(decision)


@pytest.mark.parametrize(
    ("identifiers", "reason"),
    [
        ("domain:camscanner.cn", reasons.FREE_TEXT_MENTION),
        ("domain:alipay-objects.com", reasons.FREE_TEXT_MENTION),
        ("purl:pkg:pypi/wechatpayv3@1.2", reasons.COMPONENT_NAME),
        ("purl:pkg:npm/%40alipay/sdk@1.0", reasons.COMPONENT_NAME),
    ],
)
def test_a_domain_or_package_named_for_a_listed_app_is_a_review(
    screener: Screener, identifiers: str, reason: str
) -> None:
    decision = decide(screener, identifiers)
    assert decision.outcome is Outcome.REVIEW, decision
    assert reason in reasons_of(decision)


@pytest.mark.parametrize(
    "identifiers",
    [
        "android:com.example.notes",
        "android:com.example.notes.lite",
        "domain:https://play.google.com/store/apps/details?id=com.example.notes",
        "domain:example.com",
        "purl:pkg:pypi/requests@2.31.0",
        "appstore_id:https://apps.apple.com/us/app/notes/id123456789",
    ],
)
def test_unrelated_ids_stay_clear(screener: Screener, identifiers: str) -> None:
    assert decide(screener, identifiers).outcome is Outcome.CLEAR


def test_variants_need_three_labels() -> None:
    """A listed id's beginning of two labels ("com.example") is a publisher's namespace
    (`PUBLISHER_NAMESPACE`), no listing of its own."""
    fact = Fact("test", Provenance.CONFIRMED)
    index = IdentifierIndex([("e", Identifier("android", "com.example.app.gps", fact))])
    assert [h.entity_id for h in index.variants("android", "com.example.app")] == ["e"]
    assert [h.entity_id for h in index.variants("android", "com.example.app.gps.lite")] == ["e"]
    assert index.variants("android", "com.example") == []
    assert index.variants("android", "com.example.other") == []
    assert index.variants("domain", "example.com") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_a_link_or_purl_of_any_text_never_raises_otherwise(value: str) -> None:
    """Any text is a package URL's name or none, and an id or a field error."""
    assert isinstance(purl_name(value), str)
    for kind in ("android", "appstore_id"):
        try:
            normalise(kind, value)
        except Exception as exc:
            assert type(exc).__name__ == "IdentifierError", exc


def test_a_payments_domain_named_for_a_wallet_is_no_payment_through_it(screener: Screener) -> None:
    """The label of a payment's domain is read as text naming the domain, not as the text
    saying the payment went through the wallet (`PAID_VIA_NAMED_APP` is the text's)."""
    decision = decide(screener, "domain:alipay-objects.com", category="payment")
    assert decision.outcome is Outcome.REVIEW, decision
    assert reasons.PAID_VIA_NAMED_APP not in reasons_of(decision)
