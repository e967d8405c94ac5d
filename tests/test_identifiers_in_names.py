"""A listed identifier typed into a name field. An app-store listing or a vendor record
often carries an app's package name or a host where the name goes: the payee
`com.lenovo.anyshare.gps` (SHAREit's Android package) was CLEAR (its words named Lenovo,
which no program covers), and so were `com.eg.android.AlipayGphone` and
`cn.wps.moffice_eng`. A name field's identifiers are now looked up as the text's are; a field
that is the identifier and nothing else names it as the identifiers column does."""

from __future__ import annotations

from datetime import date

import pytest

from banscreen.engine import Screener, ScreenOptions
from banscreen.model import CounterpartyIdentifier, Decision, Nexus, Outcome, Policy, Transaction
from banscreen.registry import Registry
from banscreen.registry.packed import identifiers_of


def _listed_apps(registry: Registry) -> list[tuple[str, str, str]]:
    """(kind, value, entity id) of every listed Android package and iOS bundle id."""
    return [
        (ident.kind, ident.value, entity_id)
        for entity_id, ident in identifiers_of(registry.entities)
        if ident.kind in ("android", "ios_bundle")
    ]


def _decide(
    screener: Screener, name: str, text: str = "", policy: Policy = Policy.STRICT
) -> Decision:
    tx = Transaction("t", date(2021, 3, 15), "app_distribution", name, us_nexus=Nexus.TRUE,
                     text=text)  # fmt: skip
    return screener.decide(tx, ScreenOptions(policy=policy))


def test_every_listed_app_id_as_the_payee_is_its_app(
    registry: Registry, screener: Screener
) -> None:
    apps = _listed_apps(registry)
    assert len(apps) >= 10
    for kind, value, entity_id in apps:
        for name in (value, value.upper(), f" {value} "):
            # the outcome is the app's program's on that date (TikTok's was enjoined)
            decision = _decide(screener, name)
            found = [
                m for m in decision.matches
                if m.entity_id == entity_id and m.field == "counterparty_name"
                and m.method == "identifier" and m.matched == f"{kind}:{value}"
            ]  # fmt: skip
            assert found, (kind, name, decision.matches)


def test_an_app_id_alone_weighs_as_the_identifiers_column(screener: Screener) -> None:
    """Under anticipate (the program treated as in force) the payee that is a listed app's
    package is a BLOCK, as the same package in the identifiers column is."""
    package = "com.lenovo.anyshare.gps"
    by_name = _decide(screener, package, policy=Policy.ANTICIPATE)
    tx = Transaction("t", date(2021, 3, 15), "app_distribution", "", us_nexus=Nexus.TRUE,
                     identifiers=(CounterpartyIdentifier("android", package),))  # fmt: skip
    by_column = screener.decide(tx, ScreenOptions(policy=Policy.ANTICIPATE))
    assert by_column.outcome == Outcome.BLOCK
    assert (by_name.outcome, by_name.entity_id) == (by_column.outcome, by_column.entity_id)


def test_an_app_id_inside_a_longer_payee_is_a_review_at_most(screener: Screener) -> None:
    decision = _decide(screener, "Acme listing com.lenovo.anyshare.gps", policy=Policy.ANTICIPATE)
    assert decision.outcome == Outcome.REVIEW
    assert any(
        m.method == "free-text" and m.field == "counterparty_name" and m.entity_id == "app-shareit"
        for m in decision.matches
    )


def test_a_listed_host_in_the_payee_is_found(screener: Screener) -> None:
    decision = _decide(screener, "www.wechat.com")
    assert decision.outcome != Outcome.CLEAR
    assert any(m.method == "identifier" and m.matched.startswith("domain:")
               for m in decision.matches)  # fmt: skip


@pytest.mark.parametrize(
    "name",
    ["Acme Co.Ltd", "J.P. Morgan Chase", "www.example.com", "com.example.app", "St. Louis Inc.",
     "Quorvel.Zeltra Trading", "N.V. Acme Holding", "acme@example.org"],
)  # fmt: skip
def test_dotted_names_that_name_no_listed_identifier_add_nothing(
    screener: Screener, name: str
) -> None:
    assert screener.matcher.identifiers_named("counterparty_name", name) == []
    assert _decide(screener, name).outcome == Outcome.CLEAR
