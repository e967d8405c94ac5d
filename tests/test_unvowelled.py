"""A payee's words with their vowels dropped, as card networks and banks shorten a name to
fit a fixed-width field (unvowelled.py): "TNCNT HLDGS", "WCHT PAY", "POS CMSCNR 1234" were
CLEAR. Now a REVIEW on the organisation, never a BLOCK; a shortening of an ordinary English
word ("NTNL", "AMRC") is read as nothing listed."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.match.unvowelled import consonants, read_back, shortened_like
from banscreen.model import Outcome, Policy, Transaction
from banscreen.registry import Registry


def decided(screener: Screener, name: str) -> tuple[Outcome, str | None, float | None]:
    row = Transaction("t", date(2021, 3, 15), "payment", name)
    decision = screener.decide(row, ScreenOptions(policy=Policy.ANTICIPATE))
    return decision.outcome, decision.entity_id, decision.score


def dropped(word: str) -> str:
    """A word shortened as the bench and a card network do: vowels after the first letter
    gone, a doubled letter once, in capitals."""
    return consonants(word.lower()).upper()


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("TNCNT HLDGS", "tencent-holdings"),
        ("TNCNT HLDGS LTD", "tencent-holdings"),
        ("WCHT PAY", "app-wechat-pay"),
        ("POS WCHT PAY 4421", "app-wechat-pay"),
        ("CMSCNR", "app-camscanner"),
        ("CARD 4421 CMSCNR TOPUP", "app-camscanner"),
        ("SHNZHN TNCNT CMPTR SYS", "tencent-computer-systems"),
        ("Tncnt Hldgs", "tencent-holdings"),  # not only in capitals
    ],
)
def test_a_name_with_its_vowels_dropped_is_a_review(
    screener: Screener, name: str, entity: str
) -> None:
    outcome, found, score = decided(screener, name)
    assert (outcome, found) == (Outcome.REVIEW, entity)
    assert score is not None and score <= screener.registry.matching.unvowelled_max


@pytest.mark.parametrize(
    "name",
    [
        "NTNL UNTD SPCL LLC",  # national united special: English words, nothing listed
        "AMRC PRCS",  # America, process: ordinary words before a listed firm's word
        "GLBL TRDNG LTD",
        "ACME LLC",
        "PLYS TRTH",  # plays truth: one vowel away from English words
    ],
)
def test_shortened_ordinary_words_are_no_hit(screener: Screener, name: str) -> None:
    assert screener.matcher.names.unvowelled(name) == []
    assert decided(screener, name)[0] is Outcome.CLEAR


def test_a_word_english_writes_is_no_shortening(screener: Screener) -> None:
    # "rhythm" has no vowel after its first letter but is a word: nothing to read back.
    assert shortened_like("rhythm", 4)
    assert screener.matcher.names.unvowelled("RHYTHM") == []


def test_words_one_vowel_short_are_typos_not_shortenings() -> None:
    # "Tencnt" lost one vowel: the edit similarity reads it, not this rule.
    assert read_back(["tencent"], 4, 2) == {"tncnt": ("tencent",)}
    assert read_back(["tenpy"], 4, 2) == {}


def test_every_shipped_firm_word_shortened_reads_back(
    registry: Registry, screener: Screener
) -> None:
    """Each distinctive word of the shipped firms' names (no word English writes),
    shortened, is read back as itself among the words it may be."""
    index = screener.matcher.names
    cfg = registry.matching
    checked = 0
    for entity in registry.entities.values():
        for name in entity.names:
            for word in re.findall(r"[A-Za-z]+", name.value):
                short = dropped(word)
                folded = word.lower()
                if (
                    folded not in index._firm_words
                    or len(folded) - len(short) < cfg.unvowelled_min_dropped
                    or not shortened_like(short.lower(), cfg.unvowelled_min_chars)
                    or short.lower() in index._words
                ):
                    continue
                readings = index.unvowelled(short)
                listed, english = index._unvowelled
                if english.get(consonants(folded)) or len(listed[consonants(folded)]) > 4:
                    continue  # said by an English word, or by too many
                assert any(folded in read for _, read in readings), (word, readings)
                checked += 1
    assert checked >= 10


@given(st.from_regex(r"[a-z]{1,20}", fullmatch=True))
def test_a_shortening_is_the_words_first_letter_and_consonants_in_order(word: str) -> None:
    short = consonants(word)
    assert short[0] == word[0] and consonants(short) == short
    letters = iter(word)
    assert all(ch in letters for ch in short)  # a subsequence of the word
    assert not re.search("[aeiou]", short[1:])


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_readings_of_any_unicode_change_only_the_shortened_words(
    screener: Screener, text: str
) -> None:
    for reading, read in screener.matcher.names.unvowelled(text):
        assert read and all(w.isascii() and w.isalpha() for w in read)
        rest = reading
        for word in read:
            rest = re.sub(re.escape(word), "", rest, count=1, flags=re.IGNORECASE)
        assert re.sub("[A-Za-z]", "", rest) == re.sub("[A-Za-z]", "", text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("POS TNCNT HLDGS 4421", "tencent-holdings"),
        ("Paid to SHNZHN TNCNT CMPTR SYS", "tencent-computer-systems"),
        ("Paid via WCHT PAY", "app-wechat-pay"),
    ],
)
def test_a_name_with_its_vowels_dropped_in_a_payments_text_is_a_review(
    screener: Screener, text: str, entity: str
) -> None:
    row = Transaction("t", date(2021, 3, 15), "payment", "Global Merchant Ltd", text=text)
    decision = screener.decide(row, ScreenOptions(policy=Policy.STRICT))
    assert (decision.outcome, decision.entity_id) == (Outcome.REVIEW, entity)


@pytest.mark.parametrize("text", ["NTNL UNTD SPCL", "AMRC PRCS 4421", "Invoice GRDN SPPLY"])
def test_shortened_ordinary_words_in_text_are_no_hit(screener: Screener, text: str) -> None:
    row = Transaction("t", date(2021, 3, 15), "payment", "Global Merchant Ltd", text=text)
    assert screener.decide(row, ScreenOptions()).outcome is Outcome.CLEAR


def test_a_field_longer_than_a_remittance_line_is_not_read_back(screener: Screener) -> None:
    index = screener.matcher.names
    assert index.unvowelled("TNCNT HLDGS")
    assert index.unvowelled("TNCNT HLDGS " + "x" * 300) == []
    assert index.unvowelled(" ".join(["TNCNT"] * 7)) == []  # more than a name's words
