"""A country's code in a firm's name ("China Mobile International US Inc", "... U.S.",
"... United States") was a word of its own, weighing as much as a rare word, and made the
listed "China Mobile International (USA) Inc." CLEAR, where "USA" was a hit. A country's or
territory's code, its letters apart, or its name is now read as one token in a firm's
reading (`place_codes`); a person's reading keeps its words ("Abd-us-Samad")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.normalize import Normaliser
from banscreen.registry import Registry
from helpers.matching import found, listed_data, persons_screener_with, review, shared_normaliser


@pytest.mark.parametrize(
    "query",
    [
        "CHINA MOBILE INTERNATIONAL US",
        "CHINA MOBILE INTERNATIONAL U.S.",
        "CHINA MOBILE INTERNATIONAL US INC",
        "CHINA MOBILE INTL US INC",
        "CHINA MOBILE INTERNATIONAL UNITED STATES",
        "CHINA MOBILE INTERNATIONAL (US",  # a fixed-width field cut inside the brackets
    ],
)
def test_a_country_code_is_the_listed_country(screener: Screener, query: str) -> None:
    hits = found(screener, query)
    assert hits.get("china-mobile-international-usa", (0.0, ""))[0] >= review(screener), hits


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Acme U.K. Ltd", "Acme United Kingdom Ltd"),
        ("Acme UK Ltd", "Acme U K Ltd"),
        ("Acme HK Limited", "Acme Hong Kong Limited"),
        ("Acme USA", "Acme US"),
        ("Acme UAE", "Acme United Arab Emirates"),
    ],
)
def test_a_code_and_a_name_are_one_token(registry: Registry, a: str, b: str) -> None:
    normaliser = Normaliser(registry.matching)
    assert normaliser.form(a).tokens == normaliser.form(b).tokens


def test_a_word_inside_a_name_is_no_code(registry: Registry) -> None:
    """Only a code followed by none but generic words, places and legal forms is one: a
    person's "Abd-us-Samad" keeps its word, in either reading, and so in text."""
    normaliser = Normaliser(registry.matching)
    form = normaliser.form("Abd-us-Samad Khan")
    assert "us" in form.tokens
    assert form.person_reading is None or "us" in form.person_reading.tokens
    assert normaliser.form("Acme US Holdings Inc").tokens == ("acme", "usa", "holdings")


def test_a_listed_person_with_us_in_the_name_is_found_in_text(tmp_path: Path) -> None:
    screener = persons_screener_with(
        tmp_path, listed_data({"p1": ("person", "Abd-us-Samad Qureshi")})
    )
    for text in ("Transfer to Abd-us-Samad Qureshi for services", "Paid ABD US SAMAD QURESHI"):
        assert "p1" in {h.entry.entity_id for h in screener.matcher.free_text.scan(text)}, text


@given(st.lists(st.sampled_from(["acme", "us", "u", "s", "a", "hk", "united", "states",
                                 "kingdom", "h", "k", "ltd"]), min_size=1, max_size=6))  # fmt: skip
@example(["us"] * 6)  # a code before codes: read in one pass, not one per code after it
def test_reading_codes_is_stable(words: list[str]) -> None:
    """Normalising a normalised name gives it back: the codes' tokens are no phrase."""
    normaliser = shared_normaliser()
    tokens = normaliser.form(" ".join(words)).tokens
    assert normaliser.form(" ".join(tokens)).tokens == tokens
