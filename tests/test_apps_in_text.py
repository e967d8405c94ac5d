"""An app named in free text by its package name, bundle id or App Store id (an app-store
listing's link, "play.google.com/store/apps/details?id=…", "apps.apple.com/…/id…", or a
device log's package): only the hosts in such text were looked up, and a row whose text
named SHAREit's package `com.lenovo.anyshare.gps` was CLEAR (its words named only Lenovo,
which no program covers). An app whose package name is written under a listed company's
domain (`com.tencent.wework`, WeCom, under tencent.com) was CLEAR too. And an app's short
name in a software component's name."""

from __future__ import annotations

from datetime import date

import pytest

from banscreen.engine import Screener, ScreenOptions
from banscreen.match.identifiers import apps_in_text, publisher_domain
from banscreen.model import CounterpartyIdentifier, Nexus, Outcome, Policy, Transaction


def test_packages_bundle_ids_and_app_store_ids_in_text_are_found() -> None:
    text = (
        "listing https://play.google.com/store/apps/details?id=com.eg.android.AlipayGphone&hl=en"
        " and itms-apps://itunes.apple.com/app/id333206289; device log: com.tencent.mm."
    )
    found = apps_in_text(text)
    assert ("android", "com.eg.android.alipaygphone") in found
    assert ("appstore_id", "333206289") in found
    assert ("android", "com.tencent.mm") in found and ("ios_bundle", "com.tencent.mm") in found
    # The links' hosts are a domain's business (hosts_in_text), and shaped as no package.
    assert ("android", "play.google.com") in found  # a lookup that finds nothing listed


@pytest.mark.parametrize(
    "text",
    ["idea 12345", "id12345", "ID: 4471", "a" * 50_000, "no app here", "paid_id123456789x",
     "version 1.2.3", "com."],
)  # fmt: skip
def test_words_that_are_no_app_are_not_read_as_one(text: str) -> None:
    """An App Store id is six digits or more after "id", as a word of its own; a package
    two parts or more that start with a letter."""
    assert apps_in_text(text) == []


def test_a_long_dotted_run_is_read_once() -> None:
    found = apps_in_text("a." * 250_000 + "com.tencent.mm today")
    assert len(found) <= 2 and all(v.endswith("com.tencent.mm") for _, v in found)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("package com.lenovo.anyshare.gps installed", "app-shareit"),
        ("https://apps.apple.com/us/app/alipay/id333206289", "app-alipay"),
        ("Store listing com.tencent.mm", "app-wechat"),
    ],
)
def test_an_app_named_by_its_identifier_in_text_is_not_cleared(
    screener: Screener, text: str, entity: str
) -> None:
    tx = Transaction("t", date(2021, 3, 15), "app_distribution", "Acme Apps Ltd",
                     us_nexus=Nexus.TRUE, text=text)  # fmt: skip
    decision = screener.decide(tx)
    assert decision.outcome != Outcome.CLEAR
    assert entity in {m.entity_id for m in decision.matches}


@pytest.mark.parametrize(
    ("component", "entity"),
    [("vmate", "app-vmate"), ("vmate-sdk-android", "app-vmate"), ("shareit", "app-shareit")],
)
def test_a_package_named_for_a_short_app_name_is_found(
    screener: Screener, component: str, entity: str
) -> None:
    """`vmate` was CLEAR: one-word names under six letters were not looked for in package
    names; an app's own name is, from four (`component_app_min_chars`)."""
    found = {m.entry.entity_id for m in screener.matcher.names.match_component(component)}
    assert entity in found


# Not "qq": the data marks QQ as a word package names write for that app (package_word;
# test_package_words.py).
@pytest.mark.parametrize("component", ["pywps", "wps", "mate", "vmatek"])
def test_a_short_word_in_a_package_name_is_no_app(screener: Screener, component: str) -> None:
    assert not screener.matcher.names.match_component(component)


@pytest.mark.parametrize(
    ("kind", "value", "host"),
    [
        ("android", "com.tencent.wework", "wework.tencent.com"),
        ("ios_bundle", "com.Example.App", "app.example.com"),
        ("android", "cn.wps.moffice_eng", "wps.cn"),  # as far as its labels are a host's
        ("android", "a_b.c", None),
        ("domain", "tencent.com", None),  # a domain is looked up as itself
        ("purl", "pkg:maven/com.example.sdk/core@1.0", "sdk.example.com"),  # a Maven group
        ("purl", "pkg:maven/junit/junit@4.13", None),
        ("purl", "pkg:npm/example-sdk@1.0", None),
    ],
)
def test_a_package_name_is_read_back_as_its_publishers_host(
    kind: str, value: str, host: str | None
) -> None:
    assert publisher_domain(kind, value) == host


def _app(
    screener: Screener, package: str, policy: Policy = Policy.STRICT
) -> tuple[Outcome, str, tuple[str, ...]]:
    tx = Transaction("t", date(2021, 3, 15), "app_distribution", "", us_nexus=Nexus.TRUE,
                     identifiers=(CounterpartyIdentifier("android", package),))  # fmt: skip
    d = screener.decide(tx, ScreenOptions(policy=policy))
    return d.outcome, d.entity_id, d.reasons


@pytest.mark.parametrize("policy", [Policy.STRICT, Policy.ANTICIPATE])
def test_an_app_under_a_listed_companys_namespace_is_a_review(
    screener: Screener, policy: Policy
) -> None:
    """WeCom (`com.tencent.wework`) and a game (`com.tencent.ig`) were CLEAR: Tencent's
    apps, but not themselves listed. The namespace is who the package says publishes it,
    which no store checks: REVIEW at most, with its own reason, under either policy."""
    for package in ("com.tencent.wework", "com.tencent.ig"):
        outcome, entity, reasons = _app(screener, package, policy)
        assert outcome is Outcome.REVIEW and entity == "tencent-holdings"
        assert "PUBLISHER_NAMESPACE" in reasons


def test_a_listed_package_is_itself_and_another_namespace_nothing(screener: Screener) -> None:
    _, entity, reasons = _app(screener, "com.tencent.mm")
    assert entity == "app-wechat" and "PUBLISHER_NAMESPACE" not in reasons
    assert _app(screener, "com.lenovo.browser")[0] is Outcome.CLEAR


def test_a_maven_package_under_a_listed_companys_group_is_a_review(screener: Screener) -> None:
    """Tencent's advertising SDK is published as `com.qq.e.union:union`: its words name no
    app (QQ alone is too short to look for), but its group is qq.com's namespace."""
    tx = Transaction("pkg:maven/com.qq.e.union/union@4.5", date(2021, 3, 15), "code_use", "",
                     identifiers=(CounterpartyIdentifier("purl", "pkg:maven/com.qq.e.union/union@4.5"),),
                     us_nexus=Nexus.TRUE, parties=(("component", "com.qq.e.union union"),))  # fmt: skip
    d = screener.decide(tx)
    assert d.outcome is Outcome.REVIEW and "PUBLISHER_NAMESPACE" in d.reasons
