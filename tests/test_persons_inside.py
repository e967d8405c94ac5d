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
from helpers.matching import PERSONS, found, persons_screener, refused_setting, review

# Words of payments that no listed name of the test registry carries.
PAYMENT_WORDS = (
    "payment", "to", "for", "invoice", "transfer", "via", "western", "union", "consulting",
    "services", "rendered", "in", "march", "school", "fees", "advance", "rent", "refund",
    "order", "gift", "from", "family", "wire", "the", "supplier", "4471", "ref", "88231",
)  # fmt: skip


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener()


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


ONE_WORD_PARTY = """\
sources:
  test: "banscreen test fixture"
entities:
  - id: vessel-daniel
    type: company
    country: PA
    source: test
    provenance: confirmed
    names:
      - {value: "DANIEL", kind: legal, source: test, provenance: confirmed}
"""


@pytest.fixture(scope="module")
def lists_screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    """The shipped registry, the test persons, a list's one-word party and the three list
    fixtures (real formats), whose persons the importers read."""
    from banscreen.sources import registry_with_lists
    from helpers.lists import import_fixture_lists

    folder = tmp_path_factory.mktemp("persons-text")
    (folder / "daniel.yaml").write_text(ONE_WORD_PARTY, encoding="utf-8")
    home = import_fixture_lists(folder / "home")
    return Screener(registry_with_lists(home, extra=[PERSONS, folder / "daniel.yaml"]))


def text_hits(screener: Screener, text: str) -> set[str]:
    decision = screener.decide(
        Transaction("t", date(2024, 3, 15), "payment", "Acme Supplies", text=text)
    )
    return {m.entity_id for m in decision.matches if m.field == "text"}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # A list's person, surname first as the CSL publishes it, said given name first.
        ("Payment to Hossein Barzani for invoice 4471", "csl-1fe9e4f784c9785c72088bdcb559c5b06f5a1d26"),
        ("Wire from BARZANI, Hossein, ref 8812", "csl-1fe9e4f784c9785c72088bdcb559c5b06f5a1d26"),
        # The test registry's persons.
        ("Salary advance for Jalaluddin Haqqani", "person-haqqani"),
        ("Rent paid on behalf of Sergei Kuzhugetovich Shoigu for June", "person-shoigu"),
    ],
)  # fmt: skip
def test_a_listed_persons_name_in_a_payments_text_is_found_as_written_or_said(
    lists_screener: Screener, text: str, entity: str
) -> None:
    """Lists' persons were not searched for in free text at all, and persons' names only as
    written: "Payment to Hossein Barzani" was a CLEAR against a listed "BARZANI, Hossein"."""
    assert entity in text_hits(lists_screener, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Payment to Daniel Mann for invoice 4471", "vessel-daniel"),  # a list's one word
        ("Tuition for Omar Jalaluddin Haqqani Park", "person-haqqani"),  # a longer name
    ],
)
def test_what_free_text_holds_by_chance_is_not_a_hit(
    lists_screener: Screener, text: str, entity: str
) -> None:
    """A list's name of one word is in many a payment's text ("DANIEL", a vessel, was in
    "Payment to Daniel Mann"); a listed person's name with a listed person's name part
    beside it is part of another person's name."""
    assert entity not in text_hits(lists_screener, text)


def test_an_ordinary_word_of_a_payment_does_not_sound_like_a_name_part(
    screener: Screener,
) -> None:
    """ "Salary" and "SALEH" sound alike: "Salary advance for Hamid Abdallah Ahmad Al-Ali"
    met a listed "SALEH, Ahmad Ali Abdullah" (0.83) where the name alone is another
    person (0.70). An ordinary English word that no listed person's name carries does not
    align with a name part by sound; a name part spelt another way still does."""
    compare = screener.matcher.compare
    listed = "SALEH, Ahmad Ali Abdullah"
    alone = compare("Hamid Abdallah Ahmad Al-Ali", listed, schema="person")[0]
    payment = compare("Salary advance for Hamid Abdallah Ahmad Al-Ali", listed, schema="person")
    assert payment[0] <= alone < review(screener)
    assert compare("Salih Ahmad Ali Abdullah", listed, schema="person")[0] >= review(screener)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("MR SERGEI SHOIGU AND MRS IRINA SHOIGU", "person-shoigu"),
        ("Sergei Shoigu & Sons", "person-shoigu"),
        ("Raisa Titarenko and Mikhail Gorbachev", "person-gorbachev"),
        ("Mikhail Gorbachev or Raisa Titarenko", "person-gorbachev"),
        ("Mikhail Gorbachev und Raisa Titarenko", "person-gorbachev"),
        ("Mikhail Gorbachev and/or Raisa Titarenko", "person-gorbachev"),
        # a joint account's words lead the name as payment words do
        ("Joint account Sergei Shoigu", "person-shoigu"),
        ("JT ACC SERGEI SHOIGU", "person-shoigu"),
    ],
)
def test_a_listed_person_among_the_holders_of_a_joint_account_is_found(
    screener: Screener, query: str, entity: str
) -> None:
    """Each was CLEAR: the other holder's words counted as parts the listed name (with its
    patronymic) lacks, below REVIEW (`person_joint_words`, payees.joint_heads)."""
    score, method = found(screener, query).get(entity, (0.0, ""))
    assert review(screener) <= score < screener.registry.matching.thresholds.block
    assert method == "contained"


def test_a_firm_named_with_and_is_no_joint_account(screener: Screener) -> None:
    """A field with a legal form or a word of organisations names one firm: its parts are
    not read as persons' names."""
    from banscreen.match.payees import joint_heads

    names = screener.matcher.names
    words = names._payee_words
    for firm in ("Sergei Shoigu and Partners LLC", "Shoigu and Gorbachev Trading Co Ltd"):
        assert joint_heads(firm, names.normaliser.form(firm), names.normaliser, words) == ()
    heads = joint_heads(
        "A B and C D", names.normaliser.form("A B and C D"), names.normaliser, words
    )
    assert [h.tokens for h in heads] == [("a", "b"), ("c", "d")]


@pytest.mark.parametrize("word", ["AND", "", " "])
def test_person_joint_words_that_are_no_lower_case_words_are_refused(
    tmp_path: Path, word: str
) -> None:
    refused_setting(tmp_path, "person_joint_words", ["and", word], "person_joint_words")


@pytest.mark.parametrize(
    "query",
    [
        "Ing. Sergei Shoigu",
        "Lic. Sergei Shoigu",
        "Sra. Mikhail Gorbachev",
        "Comrade Mikhail Gorbachev",
    ],
)
def test_a_title_of_address_before_a_listed_name_is_a_title(screener: Screener, query: str) -> None:
    """Each was CLEAR against a listed name of three words: the unknown word was a part the
    listed name lacks (`person_titles`)."""
    entity = "person-shoigu" if "Shoigu" in query else "person-gorbachev"
    assert found(screener, query).get(entity, (0.0, ""))[0] >= review(screener)


@pytest.mark.parametrize(
    "query",
    ["Sergei Shoigu Jr", "Mikhail Gorbachev III", "Mikhail Gorbachev PhD", "Sergei Shoigu Esq."],
)
def test_a_suffix_after_a_listed_name_is_weighed_as_a_title(screener: Screener, query: str) -> None:
    """Each was CLEAR against a listed name of three words: the suffix was a part the listed
    name lacks (`person_suffixes`)."""
    entity = "person-shoigu" if "Shoigu" in query else "person-gorbachev"
    assert found(screener, query).get(entity, (0.0, ""))[0] >= review(screener)


def test_a_suffix_makes_no_word_before_a_surname_a_describing_one(screener: Screener) -> None:
    """An ordinary English word before a surname describes the person only when a name of
    two words or more follows it: a suffix after the surname is no such word."""
    for query in ("Richmond Castro Jr", "Baker Castro PhD", "Richmond Castro"):
        assert "person-castro" not in found(screener, query), query


@pytest.mark.parametrize("word", ["Jr", "ph.d", "jr jr"])
def test_person_suffixes_that_are_no_lower_case_word_are_refused(tmp_path: Path, word: str) -> None:
    refused_setting(tmp_path, "person_suffixes", ["jr", word], "payee words")


@pytest.mark.parametrize(
    "query",
    ["Sergei Shoigu personal", "Sergei Shoigu 2", "Sergei Shoigu USD", "Mikhail Gorbachev savings"],
)
def test_words_after_a_listed_name_that_describe_are_no_part_of_it(
    screener: Screener, query: str
) -> None:
    """Each was CLEAR against a listed name of three words: a number, a currency or an
    ordinary word after the name was a part the listed name lacks (described.described_head)."""
    entity = "person-shoigu" if "Shoigu" in query else "person-gorbachev"
    score, method = found(screener, query).get(entity, (0.0, ""))
    assert review(screener) <= score and method == "contained"


@pytest.mark.parametrize(
    "query",
    [
        "Sergei Shoigu Revocable Trust",
        "Sergei Shoigu Family Trust",
        "Sergei Shoigu TTEE",
        "Sergei Shoigu IRA",
        "Sergei Shoigu UTMA",
        "Sergei Shoigu Custodian",
        "Sergei Shoigu deceased",
        "Sergei Shoigu sole proprietor",
        "Sergei Shoigu Rollover IRA",
        "Sergei Shoigu ITF Anna Smith",  # in trust for: another party after it
        "Mikhail Gorbachev POD",
        "Heirs of Sergei Shoigu",  # before the name too
        "Custodian for Mikhail Gorbachev",
    ],
)
def test_how_a_person_holds_an_account_is_no_part_of_the_name(
    screener: Screener, query: str
) -> None:
    """Each was CLEAR against a listed name of three words: a bank's titling words after
    the name (`person_holding_words`; `itf`, `pod` bring in who the account is held for or
    passes to, as `via` brings in a party) were parts the listed name lacks."""
    entity = "person-shoigu" if "Shoigu" in query else "person-gorbachev"
    score, method = found(screener, query).get(entity, (0.0, ""))
    assert review(screener) <= score and method == "contained"


@pytest.mark.parametrize("word", ["Trust", "sole proprietor", ""])
def test_person_holding_words_that_are_no_lower_case_word_are_refused(
    tmp_path: Path, word: str
) -> None:
    refused_setting(tmp_path, "person_holding_words", ["trust", word], "payee words")


def test_a_surname_that_is_also_an_accounts_word_stays_a_name_part(screener: Screener) -> None:
    """ "Roth" (Roth IRA) and "Ip" (Russian's individual entrepreneur; Hong Kong's 葉) are
    surnames too, and are no `person_holding_words`: "Sergei Shoigu Roth" is another person,
    as "Sergei Shoigu Baranov" is."""
    for query in ("Sergei Shoigu Roth", "Sergei Shoigu Ip"):
        assert "person-shoigu" not in found(screener, query), query
