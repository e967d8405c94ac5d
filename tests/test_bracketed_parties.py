"""What a counterparty field says in brackets after a name, as a party of its own: "Acme
Ltd (Zeltra reseller)" names Zeltra, which the name before the bracket hid (a listed name
followed by a word of its own reads as another name): such a field was CLEAR where
"Zeltra reseller" alone is a REVIEW. A bracket of places, generic words and words English
uses only is no party: those meet listed names made of such words."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import found, listed_data, persons_screener_with, review


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    data = listed_data({
        "org-zeltrapay": ("company", "Zeltrapay"),
        "org-holdings": ("company", "HOLDINGS"),
        "org-bridge": ("company", "BRIDGE"),
        "org-qzv": ("company", "QZV"),
        "org-tiger": ("company", "Tiger Games, Inc."),
        "org-vokari": ("company", "Vokari"),
    })  # fmt: skip
    return persons_screener_with(tmp_path_factory.mktemp("brackets"), data)


@pytest.mark.parametrize(
    "query",
    ["Acme Ltd (Zeltrapay reseller)", "Acme Trading Co (Zeltrapay partner)",
     "Northwind LLC [Zeltrapay agent]", "某某科技有限公司（Zeltrapay）",
     "Acme Ltd (a Zeltrapay company)"],
)  # fmt: skip
def test_a_party_named_in_a_bracket(listed: Screener, query: str) -> None:
    hits = found(listed, query)
    assert "org-zeltrapay" in hits, hits
    score, method = hits["org-zeltrapay"]
    assert review(listed) <= score <= listed.registry.matching.contained_score
    assert method == "contained"


@pytest.mark.parametrize(
    "query", ["Acme Ltd (Holdings)", "Acme Ltd (Bridge reseller)", "Acme Trading (Hong Kong) Ltd"]
)
def test_a_bracket_of_common_words_names_no_party(listed: Screener, query: str) -> None:
    assert not found(listed, query)


def test_the_shipped_operator_of_a_wallet(screener: Screener) -> None:
    assert "tenpay" in found(screener, "Global Apps Distribution Ltd (Tenpay reseller)")


@pytest.mark.parametrize(
    "query", ["Acme Ltd (QZV distributor)", "Acme (QZV reseller)", "Acme Ltd (QZV)", "QZV agent"]
)
def test_an_acronym_before_what_a_firm_is_to_another(listed: Screener, query: str) -> None:
    """An acronym before words that say what a firm is to another it sells for
    (`generic_words_latin`: reseller, distributor, dealer, agent, partner, representative),
    in a bracket or alone, is read as the acronym is before generic words."""
    assert "org-qzv" in found(listed, query)


@pytest.mark.parametrize(
    "query",
    ["Tiger Games (Ocean Legends)", "Tiger Games (online store)", "Tiger Games [Ocean Legends]",
     "Tiger Games Inc (Qorvane reseller)", "Tiger Games（Ocean Legends）",
     "Tiger Games (Ocean Legends", "Vokari (online store)", "Vokari (Ocean Legends)"],
)  # fmt: skip
def test_a_name_before_a_remark_in_brackets(listed: Screener, query: str) -> None:
    """A listed name of ordinary words before a remark in brackets (a product, what the row
    is for): the remark's words, counted as the name's, took it below REVIEW, where the same
    name before a comma or a dash was found. The name before the bracket is a form of the
    query, at most `contained_score`."""
    hits = found(listed, query)
    party = "org-tiger" if query.startswith("Tiger") else "org-vokari"
    assert party in hits, hits
    assert hits[party][0] >= review(listed)


@pytest.mark.parametrize(
    "query",
    ["Tiger Games Club Ocean (online store)", "Tiger Ocean (Games store)",
     "Vokarin (online store)", "Vokar (Ocean Legends)"],
)  # fmt: skip
def test_the_name_before_a_bracket_must_be_the_listed_name(listed: Screener, query: str) -> None:
    """The head before the bracket is read as the listed name only when it aligns every
    word of it (a word more or less is another firm), and one word only on names that hold
    it."""
    hits = found(listed, query)
    assert "org-tiger" not in hits and "org-vokari" not in hits, hits
