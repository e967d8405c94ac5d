"""A name before a tagline or a remark after a colon or an em dash ("Acme Games: Ocean
Legends", "Acme Games—Ocean Legends"), as app stores' titles and vendor masters write one:
a listed name of ordinary words ran on into the words after it and was CLEAR, where the
same name before a dash set apart ("Acme Games - Ocean Legends") was found. One word
before a colon is a label ("Beneficiary: …", "Ref: …"), not a name."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import found, listed_data, persons_screener_with, review


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    data = listed_data({"org-tiger": ("company", "Tiger Games, Inc."),
                        "org-ocean": ("company", "OCEAN")})  # fmt: skip
    return persons_screener_with(tmp_path_factory.mktemp("taglines"), data)


@pytest.mark.parametrize(
    "query",
    ["Tiger Games: Ocean Legends", "Tiger Games—Ocean Legends", "Tiger Games Inc.: online store",
     "TIGER GAMES: OCEAN LEGENDS 2"],
)  # fmt: skip
def test_a_name_before_a_colon_or_an_em_dash(listed: Screener, query: str) -> None:
    hits = found(listed, query)
    assert "org-tiger" in hits, hits
    assert hits["org-tiger"][0] >= review(listed)


@pytest.mark.parametrize(
    "query", ["Tiger: Ocean Legends", "Tiger Gamez Club: Ocean Legends", "Tiger Club: Games"]
)
def test_what_is_before_the_colon_must_be_the_listed_name(listed: Screener, query: str) -> None:
    assert "org-tiger" not in found(listed, query)


@pytest.mark.parametrize("query", ["Ocean: Tiger Legends", "Beneficiary: Ocean Legends"])
def test_one_word_before_a_colon_is_a_label(listed: Screener, query: str) -> None:
    """A listed one-word name is not read out of the label before a colon."""
    assert "org-ocean" not in found(listed, query)
