"""A number pairs only with the same number: `Plant 1651` is not `Plant 1851`, and a
reference number typed after a name (`Stark Partners 18651`) is taken away as inert even
when the lists carry numbers one digit from it."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.match.similarity import token_similarity
from helpers.matching import listed_data, persons_screener_with

LISTED = listed_data({"org-nonu": ("company", "NONU MACHINERY SUBSIDIARY 1651")})


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("numbers"), LISTED)


@pytest.mark.parametrize(("a", "b"), [("18651", "1651"), ("1651", "1851"), ("20211", "2021")])
def test_numbers_one_digit_apart_do_not_pair(listed: Screener, a: str, b: str) -> None:
    floor = listed.registry.matching.token_similarity
    assert token_similarity(a, b, floor) == 0.0
    assert token_similarity(a, a, floor) == 1.0


def test_words_still_pair_by_spelling(listed: Screener) -> None:
    floor = listed.registry.matching.token_similarity
    assert token_similarity("holdings", "hodlings", floor) >= floor


def test_a_reference_near_a_listed_number_is_taken_away(listed: Screener) -> None:
    """`18651` is four-fifths `1651`: it once kept the query's own form, scored on every
    row with another reference."""
    index = listed.matcher.names
    forms = [v.form.tokens for v in index.variants("Stark Partners 18651 LLC")]
    assert forms and all("18651" not in tokens for tokens in forms)


def test_a_listed_number_keeps_the_query_as_written(listed: Screener) -> None:
    index = listed.matcher.names
    forms = [v.form.tokens for v in index.variants("Nonu Machinery Subsidiary 1651")]
    assert any("1651" in tokens for tokens in forms)
