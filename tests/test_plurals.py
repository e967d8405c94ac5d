"""A listed firm's made-up word with an "s" written on, as payment text drops a
possessive's apostrophe ("Paid via Acmepays", "Acmepays HK"): the word with its "s" was no
listed word, so the payee `Alipays HK` and the text `Paid via Alipays` were CLEAR, where
`Alipay's` was found (plurals.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.plurals import firm_stem
from banscreen.model import Nexus, Outcome, Transaction
from helpers.matching import found, listed_data, persons_screener_with, review


def _stem(screener: Screener, token: str, firm_words: set[str]) -> str | None:
    names = screener.matcher.names
    return firm_stem(token, firm_words, set(), names.person_word, names.config)


def test_a_made_up_firm_word_with_an_s_is_that_word(screener: Screener) -> None:
    assert _stem(screener, "quorvelpays", {"quorvelpay"}) == "quorvelpay"


def test_ordinary_plurals_persons_words_and_short_words_stay(screener: Screener) -> None:
    # English plurals: the plural is itself a word English uses.
    assert _stem(screener, "systems", {"system"}) is None
    assert _stem(screener, "holdings", {"holding"}) is None
    # A word whose stem is an English word: another firm's plural, not this firm's name.
    assert _stem(screener, "bankers", {"banker"}) is None
    assert _stem(screener, "quorvelpayss", {"quorvelpays", "quorvelpay"}) is None
    assert _stem(screener, "zents", {"zent"}) is None  # the stem too short to tell
    assert _stem(screener, "quorvelpay", {"quorvelpay"}) is None
    assert _stem(screener, "quorvelpays", {"other"}) is None


def test_a_persons_word_is_not_cut(tmp_path: Path) -> None:
    data = listed_data({"zp": ("person", "ZORVANOS, Ilyas"), "zf": ("company", "Zorvano Trading")})
    screener = persons_screener_with(tmp_path, data)
    names = screener.matcher.names
    assert names.person_word("zorvanos")
    assert firm_stem("zorvanos", {"zorvano"}, set(), names.person_word, names.config) is None


@given(token=st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", max_size=14))
def test_a_stem_is_the_word_less_its_last_s(screener: Screener, token: str) -> None:
    config = screener.registry.matching
    stem = firm_stem(token, {token[:-1]}, set(), lambda _: False, config)
    assert stem is None or (stem + "s" == token and len(stem) >= 5)


def _one_word_apps(screener: Screener) -> list[tuple[str, str]]:
    """(entity, name) of the shipped apps' one-word Latin names of five letters or more."""
    names = screener.matcher.names
    return [
        (e.entity_id, e.name.value)
        for e in names.entries
        if e.name.kind == "app" and len(e.tokens) == 1 and e.form.script == "Latin"
        and len(e.tokens[0]) >= 5
    ]  # fmt: skip


def test_every_app_with_an_s_written_on_is_found_in_a_payee_and_in_text(
    screener: Screener,
) -> None:
    apps = _one_word_apps(screener)
    assert len(apps) >= 4
    for entity, name in apps:
        hits = found(screener, f"{name}s HK")
        assert entity in hits and hits[entity][0] >= review(screener), (name, hits)
        # REVIEW at most: the word is not the name as written.
        assert hits[entity][0] < screener.registry.matching.thresholds.block
        bare, written = (
            screener.decide(Transaction("t", date(2021, 3, 15), "payment", "Bay Area Tea Shop",
                                        us_nexus=Nexus.TRUE, text=f"Paid via {text}"))
            for text in (name, f"{name}s")
        )  # fmt: skip
        assert entity in {m.entity_id for m in written.matches}, name
        # The same outcome as the name as written, a REVIEW at most.
        assert written.outcome == min(bare.outcome, Outcome.REVIEW), (name, written.reasons)


def test_a_listed_firm_with_an_s_on_is_found_and_others_are_not(tmp_path: Path) -> None:
    data = listed_data({"qp": ("company", "Quorvelpay Ltd"), "st": ("company", "Star Trading")})
    screener = persons_screener_with(tmp_path, data)
    assert "qp" in found(screener, "Quorvelpays Singapore")
    assert "st" not in found(screener, "Stars Catering")
