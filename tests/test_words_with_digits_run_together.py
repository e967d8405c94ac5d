"""A listed name whose word holds a digit, written with its words run together in capitals
("SMARTMEDIA4U" for Smart Media4U Technology, SHAREit's maker): only words of letters were
split into listed words, so such a field was CLEAR where "Smart Media4U" is a hit."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from helpers.matching import found, listed_data, persons_screener_with, review


@pytest.fixture(scope="module")
def zeltra(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    listed = listed_data({"org-zeltra": ("company", "Zeltra Media7X Technology Pte. Ltd.")})
    return persons_screener_with(tmp_path_factory.mktemp("zeltra"), listed)


@pytest.mark.parametrize("query", ["ZELTRAMEDIA7X", "zeltramedia7x pte ltd", "Zeltramedia7x"])
def test_words_run_together_with_a_digit_are_split(zeltra: Screener, query: str) -> None:
    hits = found(zeltra, query)
    assert "org-zeltra" in hits
    assert hits["org-zeltra"][0] >= review(zeltra)


def test_the_shipped_maker_of_an_app(screener: Screener) -> None:
    assert "smart-media4u" in found(screener, "SMARTMEDIA4U")


def test_a_number_is_not_split_into_listed_numbers(zeltra: Screener) -> None:
    names = zeltra.matcher.names
    assert names.split_run_together("20242025", {"2024", "2025"}) is None
    assert names.split_run_together("zeltra2024", {"zeltra", "2024"}) == ("zeltra", "2024")


def test_a_code_of_letters_and_digits_is_no_listed_name(zeltra: Screener) -> None:
    for query in ("INV20240017", "ZX81ZX81ZX81", "ACCT00123456789"):
        assert "org-zeltra" not in found(zeltra, query)
