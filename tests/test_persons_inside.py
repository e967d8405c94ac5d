"""A listed person's whole name inside a longer counterparty string (scoring.py,
`_person_within`): found at REVIEW with method `contained` and the span it was found at,
however many words of a payment surround it; but not when a part of a listed person's name
is right beside it, where it is another person's longer name for persons' rules to score."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.model import Transaction
from banscreen.registry import load_registry
from helpers.matching import found

PERSONS = Path(__file__).resolve().parent / "fixtures" / "names" / "persons.yaml"

# Words of payments that no listed name of the test registry carries.
PAYMENT_WORDS = (
    "payment", "to", "for", "invoice", "transfer", "via", "western", "union", "consulting",
    "services", "rendered", "in", "march", "school", "fees", "advance", "rent", "refund",
    "order", "gift", "from", "family", "wire", "the", "supplier", "4471", "ref", "88231",
)  # fmt: skip


@pytest.fixture(scope="module")
def screener() -> Screener:
    """The shipped registry and a few listed persons."""
    return Screener(load_registry([PERSONS]))


def review(screener: Screener) -> float:
    return screener.registry.matching.thresholds.review


@pytest.mark.parametrize(
    ("query", "entity", "name"),
    [
        ("Transfer to Jalaluddin Haqqani via Western Union", "person-haqqani",
         "Jalaluddin Haqqani"),
        ("Payment to Raul Castro for consulting services rendered in March", "person-castro",
         "Raul Castro"),
        ("Wire from HAQQANI, Jalaluddin, consulting fee March", "person-haqqani",
         "HAQQANI, Jalaluddin"),
        ("Funds sent by Hamid Reza Moghaddam to the supplier for consulting",
         "person-moghaddam", "Hamid Reza Moghaddam"),
        ("Transfer to Sergei Kuzhugetovich Shoigu via Western Union for school fees",
         "person-shoigu", "Sergei Kuzhugetovich Shoigu"),
    ],
)  # fmt: skip
def test_a_persons_whole_name_inside_a_payment_is_found_where_it_stands(
    screener: Screener, query: str, entity: str, name: str
) -> None:
    """Each of these was a CLEAR: the words around the name counted as parts the listed
    name lacks, and "consulting", "union" or "fee" read the payee as an organisation."""
    hits = found(screener, query)
    assert entity in hits, (query, hits)
    assert hits[entity][0] >= review(screener)
    decision = screener.decide(Transaction("q", date(2024, 3, 15), "payment", query))
    evidence = next(m for m in decision.matches if m.entity_id == entity)
    assert evidence.method == "contained" and evidence.span is not None
    start, end = evidence.span
    assert query[start:end] == name


@pytest.mark.parametrize(
    "query",
    [
        "Omar Jalaluddin Haqqani Park Kim Hassan",  # listed persons' words on both sides
        "Transfer to Mohammed Jalaluddin Haqqani Omar Park Kim via Western Union",
    ],
)
def test_a_listed_name_inside_a_longer_persons_name_is_left_to_persons_rules(
    screener: Screener, query: str
) -> None:
    """Beside a part of listed persons' names, the listed name is part of another
    person's longer one; with this many parts the listed name lacks, persons' rules keep
    it below REVIEW."""
    assert "person-haqqani" not in found(screener, query)


def listed_persons(screener: Screener) -> list[tuple[str, str]]:
    """(entity id, name) of the test registry's persons' names of two ASCII words or more."""
    return sorted(
        (entry.entity_id, entry.name.value)
        for entry in screener.matcher.names.entries
        if entry.person and entry.name.value.isascii() and len(entry.form.tokens) >= 2
    )


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_words_of_a_payment_around_a_listed_persons_name_never_hide_it(
    screener: Screener, data: st.DataObject
) -> None:
    entity, name = data.draw(st.sampled_from(listed_persons(screener)))
    bare = found(screener, name)
    assert entity in bare
    words = st.lists(st.sampled_from(PAYMENT_WORDS), max_size=5)
    before, after = data.draw(words), data.draw(words)
    query = " ".join([*before, name, *after])
    hits = found(screener, query)
    assert entity in hits, (query, hits)
    assert hits[entity][0] >= min(review(screener), bare[entity][0])
