"""How often a payment is made and the thanks that close its text, and a statement's DEBIT,
are a payment's words (`payment_words`), not more of the payee's name: "Riot Games
monthly", "Riot Games (monthly)", "ZTE ref 88231 thanks" and "ACH DEBIT Snap Inc." were
each a CLEAR where the name alone is a hit; a name of ordinary words or an acronym ran on
into them as into another firm's name."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import found, listed_data, persons_screener_with, review

LISTED = listed_data(
    {
        "org-riot": ("company", "RIOT GAMES"),
        "org-zte": ("company", "ZTE"),
        "org-snap": ("company", "SNAP INC."),
    }
)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("closers"), LISTED)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Riot Games monthly", "org-riot"),
        ("Riot Games (monthly)", "org-riot"),
        ("Invoice from Riot Games (monthly)", "org-riot"),
        ("Riot Games annual", "org-riot"),
        ("Riot Games thanks", "org-riot"),
        ("Riot Games ref 88231 thanks", "org-riot"),
        ("Thank you Riot Games", "org-riot"),
        ("ZTE ref 88231 thanks", "org-zte"),
        ("ZTE quarterly", "org-zte"),
        ("ACH DEBIT Snap Inc.", "org-snap"),
        ("Snap Inc. weekly thx", "org-snap"),
    ],
)
def test_a_payee_before_or_after_such_words_is_a_review(
    listed: Screener, query: str, entity: str
) -> None:
    hits = found(listed, query)
    assert entity in hits, (query, hits)
    assert review(listed) <= hits[entity][0] < listed.registry.matching.thresholds.block


@pytest.mark.parametrize("query", ["Monthly", "Thanks", "ACH DEBIT", "Riot Monthly Games"])
def test_the_words_alone_name_no_one(listed: Screener, query: str) -> None:
    assert not found(listed, query)
