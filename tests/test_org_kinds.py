"""Kinds of organisation written as an abbreviation, in Latin letters or in translation
(kinds.py): "AO NPP Topaz" and "Joint-Stock Company Research and Production Enterprise
Topaz" are one company's names, which word by word share only "Topaz"."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.kinds import OrgKinds, spellings
from helpers.matching import (
    found,
    match_everything,
    match_key,
    persons_screener,
    refused_setting,
    review,
)

KINDS = Path(__file__).resolve().parent / "fixtures" / "names" / "kinds_organisations.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener(KINDS)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        # OFAC's other names of the same entries
        ("AO NPP TOPAZ", "org-topaz"),
        ("AO OKB FAKEL", "org-fakel"),
        ("NTTS PRIVODNAYA TEKHNIKA", "org-privodnaya"),
        ("FSUE SZ MORYE", "org-morye"),
        ("OOO NPK OPTOLINK", "org-optolink"),
        ("AO NPP GEOFIZIKA KOSMOS", "org-geofizika"),
        ("TETIS PRO JSC", "org-tetis"),  # "aktcionernoe obshestvo": a legal form rigour lacks
        # the same kinds as a payment might write them
        ("JSC Experimental Design Bureau Fakel", "org-fakel"),
        ("Scientific-Technical Centre Privodnaya Tekhnika", "org-privodnaya"),
        ("FGUP SZ Morye", "org-morye"),
        ("Research & Production Enterprise Geofizika Kosmos", "org-geofizika"),
        ("nauchno-proizvodstvennoe predpriyatie Topaz", "org-topaz"),
        # in Cyrillic, as Russian documents write them
        ("Акционерное общество «Научно-производственное предприятие «Топаз»", "org-topaz"),
        ("Опытное конструкторское бюро Факел", "org-fakel"),
        ("ООО «Научно-производственная компания «Оптолинк»", "org-optolink"),
        # Persian: "sherkat" is "company", the ezafe ("-e", "-ye") is not written in English
        ("SHERKAT-E MELLI-YE SAKHTEMAN", "org-melli-sakhteman"),
        ("ROSHAN SARAFI", "org-roshan"),
        # a private military company: OFAC's other names of it, its popular one, in Russian
        ("PMC WAGNER", "org-wagner"),
        ("Wagner Group", "org-wagner"),
        ("ЧВК Вагнер", "org-wagner"),
        # a concern and an agency in BGN/PCGN's romanisation of their Russian names
        ("AO Kontsern Sozvezdie", "org-sozvezdie"),
        ("Kontsern Sozvezdie", "org-sozvezdie"),
        ("OOO Agentstvo Federal News", "org-news-agency"),
    ],
)
def test_a_kind_written_another_way_is_the_same_name(
    screener: Screener, query: str, entity: str
) -> None:
    """Each was below review: the kind's words, one to five of them, stood unaligned
    against the other spelling's ("AO NPP TOPAZ" scored 0.43)."""
    score, _ = found(screener, query)[entity]
    assert score >= review(screener)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("AO OKB TOPAZ", "org-topaz"),  # an experimental design bureau, not the enterprise
        ("NII Optolink", "org-optolink"),  # a research institute, not the company
    ],
)
def test_two_kinds_of_one_name_do_not_block(screener: Screener, query: str, entity: str) -> None:
    """A kind is a generic word: the name's own word still aligns, but two kinds are two
    words, and the match is for an analyst, never a BLOCK."""
    score = found(screener, query).get(entity, (0.0, ""))[0]
    assert score < screener.registry.matching.thresholds.block


def test_a_persons_name_keeps_its_words(screener: Screener) -> None:
    """Only an organisation's reading is rewritten: "Plant" in Robert Plant is a name, and
    a person's reading keeps it, as it keeps words read as legal forms."""
    form = screener.matcher.normaliser.form("Robert Plant")
    assert form.tokens == ("robert", "zavod")
    assert form.person.tokens == ("robert", "plant")
    for query in ("Robert Plante", "PLANT, Robert"):
        score, _ = found(screener, query)["person-plant"]
        assert score >= review(screener), query


def test_the_longer_spelling_is_read() -> None:
    """ "Central research institute" is a TsNII, not a central NII."""
    from banscreen.registry import load_registry

    kinds = OrgKinds(load_registry().matching)
    assert kinds.rewrite("central research institute x").split() == ["tsnii", "x"]
    assert kinds.rewrite("research institute x").split() == ["nii", "x"]
    assert kinds.rewrite("nauchno-issledovatelskiy institut x").split() == ["nii", "x"]
    # a spelling inside a longer word is not one
    assert kinds.rewrite("supercenter x").split() == ["supercenter", "x"]


def test_spellings_expand_alternatives() -> None:
    assert spellings("opytnoe|opytnoye byuro") == [("opytnoe", "byuro"), ("opytnoye", "byuro")]
    assert spellings("research and production enterprise") == [
        ("research", "production", "enterprise")
    ]


def _kind_spellings(screener: Screener) -> list[str]:
    kinds = screener.registry.matching.org_kinds
    return sorted(
        {
            " ".join(words)
            for kind, written in kinds.items()
            for w in written
            for words in spellings(w)
        }
        | set(kinds)
    )


WORDS = ["topaz", "fakel", "morye", "optolink", "kosmos", "almaz", "sz", "ao", "jsc", "ooo"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.randoms(use_true_random=False))
def test_reading_kinds_is_idempotent(screener: Screener, rng: random.Random) -> None:
    """A name's tokens read again are the same tokens: the index keys on them."""
    phrases = _kind_spellings(screener)
    parts = [rng.choice(phrases) if rng.random() < 0.5 else rng.choice(WORDS) for _ in range(4)]
    tokenize = screener.matcher.normaliser.tokenize
    tokens = tokenize(" ".join(parts))
    assert tokenize(" ".join(tokens)) == tokens


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.randoms(use_true_random=False))
def test_the_index_finds_every_kind_hit_scoring_finds(
    screener: Screener, rng: random.Random
) -> None:
    """The candidate search is no narrower than scoring every listed name, for names that
    write their kind any way the table allows."""
    phrases = _kind_spellings(screener)
    query = " ".join([rng.choice(["AO", "JSC", "OOO", ""]), rng.choice(phrases), rng.choice(WORDS)])
    index = screener.matcher.names
    assert match_key(index.match(query)) == match_everything(index, query), query


def test_the_kinds_are_validated_at_load(tmp_path: Path) -> None:
    """A kind that is not one lower-case word is refused when matching.yaml is loaded."""
    refused_setting(tmp_path, "org_kinds", {"NPP": ["research production enterprise"]})


@pytest.mark.parametrize(
    ("text", "person"),
    [("MELLI SAKHTEMAN COMPANY", False), ("Acme Ltd", False), ("Quorvel Limited", False),
     ("Maria de la Cruz", True), ("Sergei Kuzhugetovich Shoigu", True), ("Abdul A. Khan", True)],
)  # fmt: skip
def test_compare_reads_a_name_with_a_legal_word_as_an_organisations(
    screener: Screener, text: str, person: bool
) -> None:
    """`compare --schema auto` read "MELLI SAKHTEMAN COMPANY" as a person's name: rigour
    has no class for "company", so the form kept no legal form; the name's words tell."""
    normaliser = screener.matcher.normaliser
    assert normaliser.looks_like_person(normaliser.form(text), text) is person
