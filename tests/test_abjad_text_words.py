"""A brand's name of one word written as one word of Arabic, Persian or Hebrew text
("دفع عبر أليباي", paid via Alipay; "תשלום באמצעות אליפיי"): each was CLEAR, where the
same word as the counterparty's name is a hit. Arabic and Hebrew text was searched by sound
only for names written apart in two or three words, its words alone sounding like too many
names; a word alone now counts when it is one word, the name is one word, and the two are
spelt `abjad_text_word_spelling_floor` alike (sounded_windows.abjad_brand)."""

from __future__ import annotations

from datetime import date

import pytest

from banscreen.engine import Screener
from banscreen.match.sounded_windows import abjad_windows
from banscreen.model import Nexus, Outcome, Transaction


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("دفع عبر أليباي", "app-alipay"),
        ("پرداخت با علی‌پی", "app-alipay"),
        ("תשלום באמצעות אליפיי", "app-alipay"),
        ("دفع إلى تينسنت", "tencent-holdings"),
        ("העברה אל טנסנט", "tencent-holdings"),
        ("مسح ضوئي كامسكانر", "app-camscanner"),
    ],
)
def test_a_brand_as_one_word_of_abjad_text_is_not_cleared(
    screener: Screener, text: str, entity: str
) -> None:
    hits = [h for h in screener.matcher.free_text.scan(text) if h.entry.entity_id == entity]
    assert hits and all(h.sounded for h in hits), text
    tx = Transaction("t", date(2021, 3, 15), "payment", "Gulf Trading LLC",
                     us_nexus=Nexus.TRUE, text=text)  # fmt: skip
    decision = screener.decide(tx)
    assert decision.outcome == Outcome.REVIEW, (text, decision.reasons)  # sounded: never BLOCK


@pytest.mark.parametrize(
    "text",
    # games, the door, the pope (Alibaba's "al" and "b"), olive, the player, the environment
    ["ألعاب", "الباب", "البابا", "أوليف", "اللاعب", "البيئة", "תשלום עבור שירותים"],
)
def test_frequent_words_that_sound_like_a_brand_are_not_it(screener: Screener, text: str) -> None:
    assert screener.matcher.free_text.scan(text) == []


def test_short_words_are_not_windows_alone() -> None:
    assert abjad_windows(("عبر",)) == []  # under five letters: a word alone is no window
    assert abjad_windows(("أليباي",)) == ["أليباي"]
    assert abjad_windows(("دفع", "أليباي")) == ["دفع أليباي", "أليباي"]
