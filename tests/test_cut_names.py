"""Names cut off by a field's length: a payment's name line is 35 characters (SWIFT MT103
field 59), a card statement's fewer, and the cut falls inside a word ("Tencent Holdi").

The cut piece is a word no list knows, which weighs the most of all, so before this a
listed name cut one letter short of its end was a CLEAR. The matcher now reads the last
word completed as a listed name goes on after the word before it (rewrites.py,
`cut_completions`), capped at `truncated_max` (REVIEW, never BLOCK), and a hit through it
counts only when it aligns every distinctive word of the listed name, the completed word
with itself (`cut_hit`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.match import Matcher
from banscreen.match.cut import cut_hit
from banscreen.match.text import find_words
from banscreen.model import Entity, Fact, Name, Outcome, Policy, Provenance, Transaction
from banscreen.registry import load_registry
from helpers.matching import findable_latin_organisations, found


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Tencent Holdi", "tencent-holdings"),
        ("Kingsoft Corporation Limit", "kingsoft-corp"),
        ("Shenzhen Tencent Computer Syste", "tencent-computer-systems"),
        ("Zhuhai Kingsoft Office Softw", "kingsoft-office"),
        ("Huawei Technolog", "huawei"),
        # a name of common and generic words only, four of them before the cut
        ("ZHEJIANG ANT SMALL AND MICRO FINANC", "ant-group"),
    ],
)
def test_a_name_cut_inside_its_last_word_is_a_review(
    screener: Screener, query: str, entity: str
) -> None:
    config = screener.registry.matching
    hits = found(screener, query)
    assert entity in hits, hits
    score, _ = hits[entity]
    assert config.thresholds.review <= score <= config.truncated_max < config.thresholds.block
    # Without the completion the cut word weighs the name down: below review, or (the
    # name ending at "Corporation", more after it) only to the name before the cut.
    names = screener.matcher.names
    kept, names._following = names._following, {}
    try:
        names._variants_of.cache_clear()
        without = {m.entry.entity_id: m.score for m in names.match(query)}
        assert without.get(entity, 0.0) < score
    finally:
        names._following = kept
        names._variants_of.cache_clear()


@pytest.mark.parametrize("query", ["Tencent Holdi", "Kingsoft Corporation Limit"])
def test_a_payment_to_a_cut_name_is_held_for_review(screener: Screener, query: str) -> None:
    decision = screener.decide(
        Transaction("t", date(2021, 3, 15), "payment", query),
        ScreenOptions(policy=Policy.ANTICIPATE),
    )
    assert decision.outcome is Outcome.REVIEW, decision.reasons


def test_compare_completes_a_cut_word_as_the_other_name_goes_on(screener: Screener) -> None:
    matcher = screener.matcher
    config = screener.registry.matching
    for a, b in [("Tencent Holdi", "Tencent Holdings Limited"),
                 ("Kingsoft Corporation Limit", "Kingsoft Corporation Limited")]:  # fmt: skip
        forward, backward = matcher.compare(a, b), matcher.compare(b, a)
        assert forward[0] == backward[0], (a, b)
        assert config.thresholds.review <= forward[0] <= config.truncated_max, (a, b, forward)


FACT = Fact("test", Provenance.CONFIRMED)


def _company(eid: str, name: str) -> Entity:
    return Entity(eid, "company", (Name(name, "legal", "latin", FACT),), (), FACT)


@pytest.fixture(scope="module")
def lookalikes() -> Matcher:
    """Parties whose names start alike, as a list of research institutes and of Russian
    limited companies holds them."""
    names = {
        "gamma": "Vorona Research Institute Gamma",
        "kvarta": "Vorona Research Institute Kvarta",
        "tsitadel": "Obshchestvo s Ogranichennoi Otvetstvennostyu Tsitadel",
        "akvamarin": "Obshchestvo s Ogranichennoi Otvetstvennostyu Akvamarin",
        "misspelt": "Obshchestvo s Ogranichennoi Otveststvennostyu Kns Group",
        "investkapital": "Limited Liability Company Investkapital",
        "investtrade": "Limited Liability Company Investtrade",
        "acme": "Acme Holdings Limited",
    }
    entities = {eid: _company(eid, name) for eid, name in names.items()}
    return Matcher(replace(load_registry(), entities=entities, relations=(), programs={}),
                   stored=False)  # fmt: skip


@pytest.mark.parametrize(
    "cut",
    [
        "Vorona Research Instit",  # what named the institute came after the cut
        "Obshchestvo s Ogranichennoi Otvetst",  # cut inside a legal form
        "Obshchestvo s Organichennoi Otvetstv",  # ... spelt otherwise than listed
        "Limited Liability Company Inves",
    ],
)
def test_a_cut_that_took_what_named_the_party_adds_no_hit(lookalikes: Matcher, cut: str) -> None:
    names = lookalikes.names
    with_completion = {m.entry.entity_id for m in names.match(cut)}
    kept, names._following = names._following, {}
    try:
        names._variants_of.cache_clear()
        without = {m.entry.entity_id for m in names.match(cut)}
    finally:
        names._following = kept
        names._variants_of.cache_clear()
    assert with_completion == without, (cut, with_completion)


def test_the_same_lists_find_a_cut_name_that_keeps_what_names_it(lookalikes: Matcher) -> None:
    """The counterpart of the test above: the rule is not simply off in this registry."""
    assert "acme" in {m.entry.entity_id for m in lookalikes.names.match("Acme Holdi")}


def test_a_letter_or_two_and_a_listed_word_are_not_completed(screener: Screener) -> None:
    names = screener.matcher.names
    following = {"acme\x1fh": ("holdings",), "acme\x1fm": ("music", "musical")}.get
    assert names.cut_completions("Acme Holdi", following) == [("acme holdings", "holdings")]
    assert names.cut_completions("Acme Ho", following) == []  # two letters tell too little
    assert names.cut_completions("Acme H", following) == []
    assert names.cut_completions("Acme Music", following) == []  # written so: not cut
    assert names.cut_completions("Holdi", following) == []  # nothing before it


def test_a_completed_word_counts_only_aligned_with_itself() -> None:
    tokens, factors = ("acme", "holdings"), (1.0, 0.3)
    assert cut_hit([("acme", "acme", 0.7), ("holdings", "holdings", 0.3)], (), 0, "holdings",
                   tokens, factors)  # fmt: skip
    # Aligned with a spelling near it (a listed name that misspells the word) it is not
    # the word the list writes.
    assert not cut_hit([("acme", "acme", 0.7), ("holdings", "holdngs", 0.3)], (), 0,
                       "holdings", tokens, factors)  # fmt: skip
    # A distinctive word of the listed name that the hit leaves unaligned: not this party.
    assert not cut_hit([("holdings", "holdings", 0.3)], (), 0, "holdings", tokens, factors)


def _cuts(screener: Screener) -> list[tuple[str, str, int]]:
    """(listed Latin name, entity, position of a word after its first, of four letters or
    more) for names the matcher finds exactly, where the words up to that one hold every
    distinctive word of the name and the words before it one at least."""
    normaliser = screener.matcher.normaliser
    out = []
    for entry in findable_latin_organisations(screener):
        value = entry.name.value
        form = entry.form
        distinctive = {t for t, f in zip(form.tokens, form.factors, strict=True) if f >= 1.0}
        for k, (word, start, end) in enumerate(find_words(value)):
            if k == 0 or len(word) < 4 or not word.isalpha():
                continue
            if not distinctive <= set(normaliser.form(value[:end]).tokens):
                continue  # what names the party comes after the cut
            if any(f >= 1.0 for f in normaliser.form(value[:start]).factors):
                out.append((value, entry.entity_id, k))
    return sorted(set(out))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.data())
def test_a_name_cut_inside_a_word_is_found_as_when_cut_after_it(
    screener: Screener, data: st.DataObject
) -> None:
    """Whatever a listed name cut after a word finds, the name cut inside that word finds
    too (at REVIEW at least), when the word is the one listed names most often write
    there (three completions are tried)."""
    value, entity, k = data.draw(st.sampled_from(_cuts(screener)))
    words = find_words(value)
    word, start, end = words[k]
    assume(entity in found(screener, value[:end]))
    keep = data.draw(st.integers(3, len(word) - 1))
    text = value[: start + keep]
    key = f"{words[k - 1][0].casefold()}\x1f{word[0].casefold()}"
    listed = screener.matcher.names._following.get(key, ())
    assume(word.casefold() in [w for w in listed if w.startswith(word[:keep].casefold())][:3])
    hits = found(screener, text)
    assert entity in hits, (text, hits)
    assert hits[entity][0] >= screener.registry.matching.thresholds.review
