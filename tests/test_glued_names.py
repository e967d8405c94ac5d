"""An organisation's name whose words are joined by hyphens or dots is found with them run
together, as a payment system that drops punctuation writes it (`glued_readings`): at
REVIEW, never BLOCK, and only as written, so that an ordinary word one letter from a glued
word, or a part of it, finds nothing new. And one written with its spaces dropped is split
into words as it was written, a kind's and stop words too (vocabulary.py)."""

from __future__ import annotations

import pytest

from banscreen.engine import Screener
from banscreen.match.vocabulary import written_legal_words
from helpers.matching import found, listed_data, persons_screener_with, review

LISTED = listed_data(
    {
        "org-zeltra": ("company", "TEHRIK-E-ZELTRA"),
        "org-qorvane": ("company", "JSC SANATORIUM AY-QORVANE"),
        "org-vexo": ("company", "VEXO.RF"),
        "org-acme": ("company", "ACME SHIPYARD OPEN JOINT-STOCK COMPANY"),
        "org-finance": ("company", "M-FINANCE LLC"),
        "org-farm": ("company", "G.M. FARM SARL"),
        "person-jongzelt": ("person", "KIM JONG-ZELT"),
        "org-salvex": ("company", "SALVEX CHARITABLE ASSOCIATION"),
        "org-mercy": ("company", "HAND OF QORVANE"),
        "org-qorvex": ("company", "QORVEX BANK ZAO"),
        "org-zelvano": ("company", "OOO ZELVANO TRADING"),
    }
)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("glued"), LISTED)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("TEHRIKEZELTRA", "org-zeltra"),
        ("tehrikezeltra", "org-zeltra"),
        ("JSC SANATORIUM AYQORVANE", "org-qorvane"),
        ("VEXORF", "org-vexo"),
        ("ACME SHIPYARD OPEN JOINTSTOCK COMPANY", "org-acme"),
    ],
)
def test_a_name_with_its_punctuation_dropped_is_found(
    listed: Screener, query: str, entity: str
) -> None:
    """Each was CLEAR: read apart, the listed name's short parts are dropped as legal forms
    or particles ("ay", "e"), and the glued word met none of its words."""
    score, method = found(listed, query).get(entity, (0.0, ""))
    assert review(listed) <= score < listed.registry.matching.thresholds.block
    assert method == "fuzzy"


@pytest.mark.parametrize(
    ("query", "entity"),
    [("finance", "org-finance"), ("farm", "org-farm"), ("TEHRIKEZELTRO", "org-zeltra")],
)
def test_a_glued_reading_is_found_only_as_written(
    listed: Screener, query: str, entity: str
) -> None:
    """An ordinary word is one letter from M-FINANCE's glued "mfinance", and "farm" left
    G.M. FARM's "gm" over; a glued name misspelt as well is two changes away."""
    assert entity not in found(listed, query)


def test_the_name_as_listed_is_still_exact(listed: Screener) -> None:
    score, method = found(listed, "TEHRIK-E-ZELTRA")["org-zeltra"]
    assert (score, method) == (1.0, "exact")


def test_persons_names_are_not_glued(listed: Screener) -> None:
    index = listed.matcher.names
    glued = [e for e in index.entries if e.read and e.entity_id == "person-jongzelt"]
    assert not glued
    assert [e.tokens for e in index.entries if e.read and e.entity_id == "org-zeltra"] == [
        ("tehrikezeltra",)
    ]


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("SALVEXCHARITABLEASSOCIATION", "org-salvex"),
        ("HANDOFQORVANE", "org-mercy"),
        # a legal form's written word glued on, at either end (`written_legal_words`)
        ("QORVEXBANKZAO", "org-qorvex"),
        ("OOOZELVANOTRADING", "org-zelvano"),
    ],
)
def test_a_name_with_its_spaces_dropped_splits_into_words_as_written(
    listed: Screener, query: str, entity: str
) -> None:
    """Each was CLEAR: the listed names' tokens hold "association" as its kind's word, no
    stop word, and a legal form as its kind ("zao" is `jsc`), so the run-together word had
    no split (vocabulary.py)."""
    assert found(listed, query).get(entity, (0.0, ""))[0] >= review(listed)


def test_a_legal_forms_written_word_of_two_letters_is_no_word_to_split_at(
    listed: Screener,
) -> None:
    """ "sa" would split "AMANSA" into a listed "AMAN" and a legal form."""
    normaliser = listed.matcher.names.normaliser
    named = [
        (["zeltra", "sa"], normaliser.form("ZELTRA SA")),
        (["qorvex", "bank", "zao"], normaliser.form("QORVEX BANK ZAO")),
        (["qorvex", "bank"], normaliser.form("QORVEX BANK")),
    ]
    assert written_legal_words(named) == {"zao"}
