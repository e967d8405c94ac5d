"""A listed person's name in a payment's free text without its middle names
(short_persons.py): "Consulting fee on behalf of Sergei Shoigu" for `SHOIGU, Sergei
Kuzhugetovich` was CLEAR, though the same words as the payee were a hit. Found now at
REVIEW, never BLOCK; not when the phrase would be no hit as the payee, nor beside a part of
another listed person's name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.match.short_persons import EastAsian, short_phrases
from banscreen.model import Outcome, Policy, Transaction
from banscreen.sources import ListStore, registry_with_lists
from helpers.matching import (
    PAYMENT_TEXTS,
    found,
    listed_data,
    persons_screener,
    persons_screener_with,
)

TEXTS = PAYMENT_TEXTS


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener()


def decided(screener: Screener, text: str) -> tuple[Outcome, set[str]]:
    """The most the text's evidence may decide (the test persons are in no program, so
    the decision itself is CLEAR), and the entities it names."""
    row = Transaction("t", date(2024, 3, 15), "payment", "Acme Consulting LLC", text=text)
    decision = screener.decide(row, ScreenOptions(policy=Policy.ANTICIPATE))
    found = [m for m in decision.matches if m.field == "text"]
    most = max((m.max_outcome for m in found), default=Outcome.CLEAR)
    return most, {m.entity_id for m in found}


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("Sergei Shoigu", "person-shoigu"),  # listed SHOIGU, Sergei Kuzhugetovich
        ("SHOIGU Sergei", "person-shoigu"),
        ("Mikhail Gorbachev", "person-gorbachev"),  # listed without a comma, three words
        ("Hamid Moghaddam", "person-moghaddam"),  # MOGHADDAM, Hamid Reza
    ],
)
def test_a_short_name_in_text_is_a_review_of_that_person(
    screener: Screener, text: str, name: str, entity: str
) -> None:
    outcome, entities = decided(screener, text.format(name))
    assert entity in entities and outcome is Outcome.REVIEW


@pytest.mark.parametrize("text", TEXTS[1:3])
def test_the_whole_name_in_text_still_blocks(screener: Screener, text: str) -> None:
    outcome, entities = decided(screener, text.format("Sergei Kuzhugetovich Shoigu"))
    assert "person-shoigu" in entities and outcome is Outcome.BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "Fee for Sergei Ivanov",  # the given name alone of a listed person
        "Shoigu",  # the surname alone
        "Payment to Sergei and Anna Shoigu-Petrova",  # apart, another name
        "Consulting fee on behalf of Hamid Reza",  # two given names, no surname
        "Gift from Mikhail to Gorbachev",
    ],
)
def test_what_is_not_a_short_name_finds_nothing(screener: Screener, text: str) -> None:
    assert decided(screener, text)[1] == set()


def test_a_short_name_beside_a_listed_persons_word_is_another_persons(screener: Screener) -> None:
    """ "Sergei Shoigu" inside "Raul Sergei Shoigu Castro": parts of listed names beside it
    make it part of another, longer name, as for whole names in text."""
    assert "person-shoigu" not in decided(screener, "Paid to Raul Sergei Shoigu Castro")[1]


def test_a_short_phrase_counts_only_if_the_payee_would_hit(screener: Screener) -> None:
    """Every short phrase found in text is one the payee's field finds too (none of a
    Korean or Chinese name: `EastAsian`)."""
    one_given = EastAsian(screener.matcher.names.scorer.korean)
    for entry in screener.matcher.names.entries:
        for phrase in short_phrases(entry, one_given):
            said = " ".join(phrase)
            in_text = entry.entity_id in decided(screener, f"Fee for {said} March")[1]
            assert in_text == (entry.entity_id in found(screener, said)), said


WORDS = ["sergei", "shoigu", "fee", "for", "kuzhugetovich", "via", "4471", "Hamid", "Moghaddam"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=6))
def test_any_words_around_never_block_on_a_short_name(screener: Screener, words: list[str]) -> None:
    text = " ".join(words).lower()
    if decided(screener, text)[0] is Outcome.BLOCK:  # only the whole name blocks
        assert "sergei kuzhugetovich shoigu" in text or "shoigu sergei kuzhugetovich" in text


def test_a_short_name_in_text_against_an_imported_list(tmp_path: Path) -> None:
    """End to end, as a new user tries it: OFAC's CSV files imported, a payment's text
    naming a listed person without the patronymic, or as the press spells him
    (misspelt_persons.py), is a REVIEW (it was CLEAR)."""
    (tmp_path / "sdn.csv").write_text(
        '9760,"LUKASHENKA, Alyaksandr Hryhoryavich","individual","BELARUS","President",'
        '-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 30 Aug 1954."\n',
        encoding="utf-8",
    )
    home = tmp_path / "home"
    ListStore(home).import_file(tmp_path / "sdn.csv")
    screener = Screener(registry_with_lists(home))
    for text in (
        "Consulting fee on behalf of Alyaksandr Lukashenka",
        "BNF/LUKASHENKA ALYAKSANDR",
        "Consulting fee on behalf of Alyaksandr Lukashenko",
        "BNF/LUKASHENKO ALYAKSANDR",
    ):
        row = Transaction("t", date(2024, 3, 15), "payment", "Acme Consulting LLC", text=text)
        decision = screener.decide(row)
        assert decision.outcome is Outcome.REVIEW, (text, decision)
        assert decision.matches[0].entity_id == "ofac-sdn-9760"
    for text in ("Fee for Alyaksandr", "Fee for Alyaksandr Lukin"):
        clear = Transaction("t", date(2024, 3, 15), "payment", "Acme", text=text)
        assert screener.decide(clear).outcome is Outcome.CLEAR


EAST_ASIAN = {
    "kr-kim": ("person", "KIM, Jung Jong"),
    "kr-kim-il": ("person", "KIM, Il-Nam"),
    "cn-chen": ("person", "CHEN, Bing Shen"),
    "kr-chol": ("person", "KIM, Chol"),
}


@pytest.fixture(scope="module")
def asian(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("east"), listed_data(EAST_ASIAN))


@pytest.mark.parametrize(
    "text",
    ["Payment to Kim Se-jung for services", "Payment to Kim Jung", "Fee for Kim Il-yeop",
     "Payment to Bing Cheng-Yu", "Wire to Bing Chen March",
     # a whole name with another syllable of a given name beside it
     "Payment to Kim Chul-soo for services", "Payment to Kim Chul soo", "Fee Soo Chul Kim"],
)  # fmt: skip
def test_a_korean_or_chinese_given_names_first_syllable_is_no_short_name(
    asian: Screener, text: str
) -> None:
    """A Korean or Chinese given name's syllables, written apart or hyphened, are one name:
    "Kim Jung" is not KIM, Jung Jong, and was a hit in text ("Kim Se-jung", its "se" a
    stop word) where the payee field finds none."""
    assert not decided(asian, text)[1] & set(EAST_ASIAN), text


@pytest.mark.parametrize(
    ("text", "entity"),
    [("Payment to Kim Jung Jong", "kr-kim"), ("Fee for KIM Il-Nam", "kr-kim-il"),
     ("Wire to Chen Bing Shen", "cn-chen"), ("Payment to Kim Chol for services", "kr-chol"),
     ("Transfer to Kim Chul via Western Union", "kr-chol"), ("Invoice 4471 attn Kim Chol", "kr-chol")],
)  # fmt: skip
def test_a_korean_or_chinese_name_whole_in_text_is_still_found(
    asian: Screener, text: str, entity: str
) -> None:
    assert entity in decided(asian, text)[1]
