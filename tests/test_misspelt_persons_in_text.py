"""A listed person's name misspelt in a payment's free text (misspelt_persons.py): "Transfer
to Sergei Shoygu via Western Union" for `SHOIGU, Sergei Kuzhugetovich` was CLEAR, though
the same words as the payee were a hit. Found now at REVIEW, never BLOCK; only where the
words would be a hit as the payee, every word of them read as one of the name's; not beside
a part of another listed person's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.misspelt_persons import person_phrases
from banscreen.model import Outcome
from helpers.matching import (
    PAYMENT_TEXTS,
    found,
    listed_data,
    persons_screener,
    persons_screener_with,
    text_hits,
)

TEXTS = PAYMENT_TEXTS


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener()


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("Sergei Shoygu", "person-shoigu"),  # SHOIGU, Sergei Kuzhugetovich: a letter otherwise
        ("SHOIGU Sergey", "person-shoigu"),  # the given name spelt as it sounds
        ("Sergey Shoygu", "person-shoigu"),  # both: the rare word sounding like the surname
        ("Mikhail Gorbachov", "person-gorbachev"),  # Mikhail Sergeyevich Gorbachev
        ("Hamid Mogaddam", "person-moghaddam"),  # MOGHADDAM, Hamid Reza: a letter left out
        ("Raul Kastro", "person-castro"),  # Raul Castro
        ("CASTRO Raul", "person-castro"),  # ... surname first, though listed without a comma
        ("Jalaluddin Hakkani", "person-haqqani"),  # HAQQANI, Jalaluddin
        ("Muhammad Dayf", "person-al-dayf"),  # AL-DAYF, Muhammad: without the particle
        ("Mohammed el-Dayf", "person-al-dayf"),  # ... another one for it
        ("Sheikh Jalaluddin Hakkani", "person-haqqani"),  # a title before it is no name's part
        ("General Sergei Shoygu", "person-shoigu"),
        ("S. K. Shoigu", "person-shoigu"),  # initials for the given names
        ("SHOIGU S.K.", "person-shoigu"),
        ("M. Gorbachev", "person-gorbachev"),
        # as German and Spanish write his name: the surname found by its sound as Russian's
        # is written in other languages, the given name spelt half alike
        ("Michail Gorbatschow", "person-gorbachev"),
        ("Mijaíl Gorbachov", "person-gorbachev"),
        ("Mikhail Gorbaciov", "person-gorbachev"),  # Italian
        ("Sergej Šojgu", "person-shoigu"),  # Czech: the given name anchors, the surname
        ("Sergueï Choïgou", "person-shoigu"),  # French   spelt half alike beside it
        # a field's label before a colon is no part of a longer name ("ben" is one)
        ("BEN: SERGEI SHOIGU", "person-shoigu"),
    ],
)
def test_a_misspelt_name_in_text_is_a_review_of_that_person(
    screener: Screener, text: str, name: str, entity: str
) -> None:
    assert text_hits(screener, text.format(name)).get(entity) is Outcome.REVIEW


@pytest.mark.parametrize(
    "text",
    [
        "Payment to Sergei Sholokhov",  # the given name of a listed person, another surname
        "Fee for Shoygu",  # a misspelt surname alone
        "Paid to Raul Sergei Shoygu Castro",  # beside a part of another listed person's name
        "Gift from Mikhail to Gorbachov",  # apart
        "Sergey Shalygin",  # a rare word, but another surname
        "S. Ivanov",  # an initial before another surname
        "Shoigu A.",  # an initial not the listed name's
    ],
)
def test_what_is_no_misspelt_name_finds_nothing(screener: Screener, text: str) -> None:
    found_persons = {e for e in text_hits(screener, text) if e.startswith("person-")}
    assert "person-shoigu" not in found_persons and "person-gorbachev" not in found_persons


def _misspelt(word: str, at: int, letter: str) -> str:
    """The word with one letter put in at `at` (within it)."""
    at = 1 + at % (len(word) - 1)
    return word[:at] + letter + word[at:]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 40), st.sampled_from("aeiouhy"))
def test_a_misspelt_phrase_counts_only_if_the_payee_would_hit(
    screener: Screener, pick: int, at: int, letter: str
) -> None:
    """Whatever a listed person's phrase becomes with a letter put in its longest word, a
    hit in text is one the payee's field finds too, and never a BLOCK."""
    particles = frozenset(screener.registry.matching.name_particles)
    entries = [e for e in screener.matcher.names.entries if person_phrases(e, particles)]
    entry = entries[pick % len(entries)]
    phrases = person_phrases(entry, particles)
    phrase = list(phrases[pick % len(phrases)])
    longest = max(range(len(phrase)), key=lambda i: len(phrase[i]))
    phrase[longest] = _misspelt(phrase[longest], at, letter)
    said = " ".join(phrase)
    outcome = text_hits(screener, f"Fee for {said} March").get(entry.entity_id)
    if outcome is not None:
        assert outcome is Outcome.REVIEW or said in {" ".join(p) for p in phrases}
        assert entry.entity_id in found(screener, said), said


def test_a_title_beside_a_name_is_no_part_of_another_persons(tmp_path: Path) -> None:
    """A listed person named with a title's word (`SHEIKH, Abdullah`) made every title
    before a name in text a part of a longer name: "Sheikh Jalaluddin Haqqani" and
    "General Sergei Shoigu" were CLEAR. A name's own word beside it still is one."""
    extra = listed_data({"person-sheikh": ("person", "SHEIKH, Abdullah")})
    screener = persons_screener_with(tmp_path, extra)
    for text in ("Fee to Sheikh Jalaluddin Haqqani", "Fee to Sheikh Jalaluddin Hakkani"):
        assert "person-haqqani" in text_hits(screener, text), text
    assert "person-haqqani" not in text_hits(screener, "Fee to Abdullah Jalaluddin Haqqani")


def test_an_initial_counts_only_beside_a_name_rare_in_the_lists(tmp_path: Path) -> None:
    """ "To P." of `PAK, To-Chun` met "Transfer to P. Smith": an initial stands for a
    word only beside a word as long as a name's, of few listed persons' names."""
    extra = listed_data({"person-pak": ("person", "PAK, To-Chun")})
    screener = persons_screener_with(tmp_path, extra)
    assert "person-pak" not in text_hits(screener, "Transfer to P. Smith via Western Union")
    assert "person-shoigu" in text_hits(screener, "Transfer to S. Shoigu via Western Union")


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Шойгу С.К.", "person-shoigu"),  # Russian payments write a payee "Surname I.P."
        ("Перевод Шойгу С. К. по счёту 4471", "person-shoigu"),
        ("Оплата для С.К. Шойгу", "person-shoigu"),
        ("Горбачёв М.С.", "person-gorbachev"),
        ("Кастро Р. оплата", "person-castro"),
        ("Оплата М. С. Горбачёву", "person-gorbachev"),  # declined: to Gorbachev (dative)
        ("Договор с Горбачёвым М.С.", "person-gorbachev"),  # with (instrumental)
    ],
)
def test_a_name_with_initials_in_another_script_is_a_review(
    screener: Screener, text: str, entity: str
) -> None:
    assert text_hits(screener, text).get(entity) is Outcome.REVIEW


@pytest.mark.parametrize(
    "text",
    ["Оплата Иванов С.К.", "Payment to Sergei S.", "Перевод Сергей Ш.", "Fee for Mikhail G. Smith"],
)
def test_an_initial_stands_for_a_given_name_beside_a_surname_only(
    screener: Screener, text: str
) -> None:
    found_persons = {e for e in text_hits(screener, text) if e.startswith("person-")}
    assert found_persons == set()
