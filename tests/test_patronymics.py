"""A listed person's patronymic, which payments and the press leave out ("Dmitry Peskov"
for PESKOV, Dmitry Sergeevich), weighs `patronymic_weight` of a name part; German, Polish
and Czech spellings with a "j" said "y" ("Jahja", "Dmitrij") are read in English spelling;
and a name written surname first keeps its comma when details after it are taken away."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from banscreen.match.persons import patronymics
from banscreen.match.references import split_references
from helpers.matching import found, listed_data, persons_screener_with, review

SUFFIXES = ("vich", "vna", "вич")
LISTED = {
    "p-peskov": ("person", "PESKOV, Dmitry Sergeevich"),
    "p-baskov": ("person", "BASKOV, Dmitry"),
    "p-mordashov": ("person", "MORDASHOV, Alexei Alexandrovich"),
    "p-muratov": ("person", "MURATOV, Alexei"),
    "p-sinwar": ("person", "SINWAR, Yahya"),
    "p-abramovich": ("person", "ABRAMOVICH, Roman Arkadyevich"),
}


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    folder: Path = tmp_path_factory.mktemp("listed")
    return persons_screener_with(folder, listed_data(LISTED))


@pytest.mark.parametrize(
    ("tokens", "lead", "expected"),
    [
        (("peskov", "dmitry", "sergeevich"), 1, {2}),  # "PESKOV, Dmitry Sergeevich"
        (("dmitry", "sergeevich", "peskov"), 0, {1}),
        (("abramovich", "roman", "arkadyevich"), 1, {2}),  # the surname is no patronymic
        (("roman", "arkadyevich", "abramovich"), 0, {1}),
        (("abramovich", "roman", "arkadyevich"), 0, set()),  # surname first, no comma: unsure
        (("sergeevich", "dmitry"), 0, set()),  # a first given name is none
        (("шойгу", "сергей", "кужугетович"), 1, {2}),
    ],
)
def test_a_patronymic_stands_after_the_first_given_name_and_before_the_surname(
    tokens: tuple[str, ...], lead: int, expected: set[int]
) -> None:
    assert patronymics(tokens, lead, SUFFIXES) == expected


@pytest.mark.parametrize(
    ("query", "first", "other"),
    [
        ("Dmitry Peskov", "p-peskov", "p-baskov"),  # BASKOV only sounds like PESKOV
        ("Alexei Mordashov", "p-mordashov", "p-muratov"),
    ],
)
def test_a_persons_own_name_without_the_patronymic_comes_before_a_sound_alike(
    screener: Screener, query: str, first: str, other: str
) -> None:
    hits = found(screener, query)
    assert hits[first][0] > hits.get(other, (0.0,))[0], hits
    assert screener.matcher.match_name(query)[0].entry.entity_id == first


def test_a_missing_patronymic_never_makes_a_block(screener: Screener) -> None:
    score, _ = found(screener, "Dmitry Peskov")["p-peskov"]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Jahja Sinwar", "p-sinwar"), ("Dmitrij Peskow", "p-peskov")],
)
def test_a_j_said_y_in_german_or_polish_spelling_is_read(
    screener: Screener, query: str, entity: str
) -> None:
    """ "Jahja Sinwar" was a CLEAR: "Jahja" and "Yahya" each a part the other lacks, two
    persons; "hj" and a last "ej" or "ij" now mark the spelling (`latin_readings`)."""
    assert found(screener, query)[entity][0] >= review(screener)


def test_a_names_comma_stays_when_the_details_after_it_go() -> None:
    assert split_references("SHOIGU, Sergei, passport 1234567", ["passport"], []) == (
        "SHOIGU, Sergei",
        ["passport", "1234567"],
    )
