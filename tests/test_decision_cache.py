"""The decision cache is exact: a repeat answered from it equals a decision made afresh."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions, same_on_every_date
from banscreen.model import CounterpartyIdentifier, Nexus, Policy, Transaction
from banscreen.registry import Registry

NAMES = [
    "Tencent Holdings",
    "Tenpay",
    "VidMate",
    "UCWeb",
    "Kingsoft Office",
    "ByteDance",
    "支付宝",
    "Acme Widgets",
    "Kaspersky Lab",
    "Huawei",
    "WeChat Pay",
    "Hytera",
]
IDENTIFIERS = [
    (),
    (CounterpartyIdentifier("android", "com.tencent.mm"),),
    (CounterpartyIdentifier("domain", "wps.com"),),
]
CATEGORIES = ["payment", "app_distribution", "app_update", "hosting", "vendor", "code_use"]
START = date(2017, 1, 1)

transaction = st.builds(
    lambda i, name, ids, cat, days, nexus, text: Transaction(
        id=f"t{i}",
        date=START + timedelta(days=days),
        category=cat,
        counterparty_name=name,
        identifiers=ids,
        us_nexus=nexus,
        text=text,
        extra={"row": str(i)},
    ),
    st.integers(0, 10**6),
    st.sampled_from(NAMES),
    st.sampled_from(IDENTIFIERS),
    st.sampled_from(CATEGORIES),
    st.integers(0, 365 * 10),
    st.sampled_from(list(Nexus)),
    st.sampled_from(["", "paid via Alipay", "WeChat Pay top-up"]),
)


def test_days_between_the_same_breakpoints_share_a_period(registry: Registry) -> None:
    points = registry.breakpoints
    assert points == tuple(sorted(set(points))) and len(points) > 20
    first = points[0]
    assert registry.period_of(first - timedelta(days=1)) == 0
    assert registry.period_of(first) == 1
    assert registry.period_of(points[-1] + timedelta(days=400)) == len(points)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(transaction, min_size=1, max_size=40), st.sampled_from(list(Policy)))
def test_cached_decisions_equal_fresh_ones(
    registry: Registry, txs: list[Transaction], policy: Policy
) -> None:
    cached = Screener(registry)
    fresh = Screener(registry, cache=False)
    options = ScreenOptions(policy=policy)
    for tx in [*txs, *txs]:  # the second pass is answered from the cache
        a, b = cached.decide(tx, options), fresh.decide(tx, options)
        assert a == b
        assert (a.transaction_id, a.as_of, a.extra) == (tx.id, tx.date, tx.extra)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    transaction,
    st.integers(0, 365 * 10),
    st.sampled_from(list(Nexus)),
    st.sampled_from(list(Policy)),
)
def test_a_no_match_decision_holds_on_every_date(
    registry: Registry, tx: Transaction, days: int, nexus: Nexus, policy: Policy
) -> None:
    screener = Screener(registry, cache=False)
    options = ScreenOptions(policy=policy)
    first = screener.decide(tx, options)
    other = screener.decide(replace(tx, date=START + timedelta(days=days), us_nexus=nexus), options)
    if same_on_every_date(first):
        assert replace(other, as_of=None) == replace(first, as_of=None)
    # and the predicate does not depend on the date: it is true of both or of neither
    assert same_on_every_date(first) == same_on_every_date(other)


def test_changing_the_accept_list_empties_the_cache(registry: Registry) -> None:
    from banscreen.decide.accept import AcceptEntry, AcceptList, entity_fingerprint

    screener = Screener(registry)
    tx = Transaction(
        id="a",
        date=date(2021, 3, 1),
        category="payment",
        counterparty_name="Tenpay",
        us_nexus=Nexus.TRUE,
    )
    before = screener.decide(tx)
    assert before.outcome.name != "CLEAR"
    key = screener.matcher.normaliser.key("Tenpay")
    entity = registry.entities[before.entity_id]
    screener.accept_list = AcceptList([AcceptEntry(key, entity.id, entity_fingerprint(entity))])
    after = screener.decide(tx)
    assert after.outcome.name == "CLEAR" and "ACCEPTED" in after.reasons
