"""A foreign person's name written in Chinese characters as one short word (西帕拉, "Sipala"):
read back into Latin letters when it does not start with a frequent Chinese surname, and
then counted only on a listed name of one word that the reading spells (foreign_han.py).
Before this rule such words were never read, and the names below were CLEAR."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.foreign_han import ForeignHan
from banscreen.registry import load_registry

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "foreign_han_persons.yaml"
# Characters Chinese writes foreign names with and that no frequent surname is.
FOREIGN = "西帕拉卡波斯特尼埃德格里亚"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([PERSONS]))


@pytest.fixture(scope="module")
def foreign(screener: Screener) -> ForeignHan:
    return ForeignHan(screener.registry.matching, screener.matcher.normaliser)


def hits(screener: Screener, query: str) -> dict[str, tuple[float, str]]:
    return {m.entry.entity_id: (m.score, m.method) for m in screener.matcher.match_name(query)}


@pytest.mark.parametrize(
    ("query", "entity"),
    [("西帕拉", "one-sipala"), ("卡波拉", "one-kapora"), ("卡帕拉", "one-kapora")],
)
def test_a_short_foreign_name_in_chinese_meets_a_listed_one_word_name(
    screener: Screener, query: str, entity: str
) -> None:
    found = hits(screener, query)
    review = screener.registry.matching.thresholds.review
    assert entity in found, found
    score, method = found[entity]
    assert review <= score < screener.registry.matching.thresholds.block
    assert method == "transliterated"


def test_a_short_reading_does_not_count_on_one_part_of_a_longer_name(
    screener: Screener,
) -> None:
    """托拉维 reads "tolave", one part of "TOLAVI, Marco": a hit through it would say only
    that one short word sounds like one word of a listed name."""
    assert "two-tolavi" not in hits(screener, "托拉维")
    assert screener.matcher.compare("托拉维", "TOLAVI, Marco")[0] < 0.8


@pytest.mark.parametrize("query", ["巴帕拉", "西帕诺斯特", "尼帕"])
def test_a_reading_spelt_otherwise_is_another_name(screener: Screener, query: str) -> None:
    """Another first letter ("bapala"), a longer word, a shorter one ("nipa")."""
    assert "one-sipala" not in hits(screener, query)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    surname=st.integers(min_value=0, max_value=198),
    rest=st.text(alphabet=FOREIGN, min_size=1, max_size=2),
)
def test_a_name_starting_with_a_frequent_surname_is_never_read(
    foreign: ForeignHan, screener: Screener, surname: int, rest: str
) -> None:
    first = screener.registry.matching.han_surnames[surname]
    form = screener.matcher.normaliser.form(first + rest)
    assert foreign.variant(form, first + rest) is None


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.text(alphabet=FOREIGN, min_size=2, max_size=3))
def test_a_short_word_is_read_to_count_on_one_word_names_only(
    foreign: ForeignHan, screener: Screener, word: str
) -> None:
    """Its reading, and every form made from it (split, joined), asks for a listed name of
    one word that it spells."""
    variant = foreign.variant(screener.matcher.normaliser.form(word), word)
    assert variant is not None and variant.alike > 0
    reading = variant.form.tokens
    assert not variant.spells(reading, (*reading, "marco"))
    derived = [v for v in screener.matcher.names.variants(word) if v.method == "transliterated"]
    assert derived and all(v.alike == variant.alike for v in derived)
