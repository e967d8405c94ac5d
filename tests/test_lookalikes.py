"""Latin names written with lookalike letters of other scripts: a Cyrillic "а" or "р", a
Greek "Α" put into a Latin name, which reads the same and compares otherwise.

Such a word was read as a word of the other script and transliterated: "Аlipay" with a
Cyrillic "А" scored as a transliteration (REVIEW) where "Alipay" is a BLOCK, and "Аliрay"
with a Cyrillic "р" too was transliterated "Aliray". A word drawn entirely in letters that
look Latin is now also read as those Latin letters (Unicode's confusables, UTS #39, through
ICU): uncapped when it also holds a Latin letter, as a transliteration when it holds none
(it may be a word of its own script).
"""

from __future__ import annotations

import unicodedata
from datetime import date

import icu
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.match.text import lookalike_reading
from banscreen.model import Outcome, Policy, Transaction


def _lookalikes() -> dict[str, list[str]]:
    """Per ASCII letter, the Cyrillic and Greek letters drawn like it."""
    spoof = icu.SpoofChecker()
    out: dict[str, list[str]] = {}
    for code in (*range(0x0370, 0x0400), *range(0x0400, 0x0500)):
        ch = chr(code)
        if not ch.isalpha() or unicodedata.category(ch) not in ("Lu", "Ll"):
            continue
        skeleton = str(spoof.getSkeleton(0, ch))
        if len(skeleton) == 1 and skeleton.isascii() and skeleton.isalpha():
            out.setdefault(skeleton, []).append(ch)
    return out


LOOKALIKES = _lookalikes()


def decide(screener: Screener, name: str) -> tuple[Outcome, str, tuple[str, ...]]:
    decision = screener.decide(
        Transaction("t", date(2021, 3, 15), "payment", name),
        ScreenOptions(policy=Policy.ANTICIPATE),
    )
    return decision.outcome, decision.entity_id, decision.reasons


@pytest.mark.parametrize(
    ("spoofed", "clean"),
    [
        ("\u0410lipay", "Alipay"),  # Cyrillic А
        ("\u0410li\u0440ay", "Alipay"),  # Cyrillic А and р (which transliterates as "r")
        ("\u0391LIPAY", "ALIPAY"),  # Greek Α
        ("WeCh\u0430t Pay", "WeChat Pay"),  # Cyrillic а inside
        ("T\u0435ncent Holdings", "Tencent Holdings"),  # Cyrillic е
    ],
)
def test_a_lookalike_letter_gives_the_clean_names_outcome(
    screener: Screener, spoofed: str, clean: str
) -> None:
    assert decide(screener, spoofed) == decide(screener, clean)
    assert decide(screener, spoofed)[0] is Outcome.BLOCK


def test_a_word_drawn_only_in_lookalikes_is_read_as_a_transliteration(screener: Screener) -> None:
    """No Latin letter in it: it may be a word of its own script, so it is capped."""
    config = screener.registry.matching
    spoofed = "\u0410l\u0456\u0440\u0430\u0443"  # Аlірау: only "l" is Latin
    assert lookalike_reading(spoofed) == ("Alipay", True)
    all_cyrillic = "\u0421\u0410\u0421\u041e"  # САСО: every letter Cyrillic
    assert lookalike_reading(all_cyrillic) == ("CACO", False)
    assert lookalike_reading("Сергей Шойгу") is None  # letters that look like no Latin one
    assert lookalike_reading("Alipay") is None
    # Every letter Cyrillic, drawn as "Alipay" (І is drawn like a capital I, read "l"):
    # found, as a transliteration is, never a BLOCK on its own.
    drawn = "\u0410\u0406\u0456\u0440\u0430\u0443"
    assert lookalike_reading(drawn) == ("Alipay", False)
    hits = {m.entry.entity_id: m for m in screener.matcher.match_name(drawn)}
    assert "app-alipay" in hits
    hit = hits["app-alipay"]
    assert config.thresholds.review <= hit.score <= config.transliteration_max
    assert hit.method == "transliterated"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.sampled_from(["Alipay", "WeChat Pay", "Tencent Holdings", "CamScanner", "SHAREit",
                        "Kingsoft Corporation Limited", "Tenpay"]), st.data())  # fmt: skip
def test_lookalike_letters_never_change_an_outcome(
    screener: Screener, name: str, data: st.DataObject
) -> None:
    """Any letters of a listed name swapped for lookalikes, leaving each word a Latin letter,
    give the clean name's decision."""
    chars = list(name)
    swappable = [i for i, ch in enumerate(chars) if ch in LOOKALIKES]
    assume(swappable)
    swapped = data.draw(st.sets(st.sampled_from(swappable), min_size=1))
    for i in swapped:
        chars[i] = data.draw(st.sampled_from(LOOKALIKES[chars[i]]))
    spoofed = "".join(chars)
    assume(all(any(ch.isascii() and ch.isalpha() for ch in word) for word in spoofed.split()))
    assert decide(screener, spoofed) == decide(screener, name), spoofed


@pytest.mark.parametrize(
    ("spoofed", "clean"),
    [
        ("Paid with \u0410lipay", "Paid with Alipay"),
        ("Paid via WeCh\u0430t Pay", "Paid via WeChat Pay"),
    ],
)
def test_a_lookalike_letter_in_a_payments_text_gives_the_clean_texts_outcome(
    screener: Screener, spoofed: str, clean: str
) -> None:
    def by_text(text: str) -> tuple[Outcome, str, tuple[str, ...]]:
        decision = screener.decide(
            Transaction("t", date(2021, 3, 15), "payment", "Some Shop Ltd", text=text),
            ScreenOptions(policy=Policy.ANTICIPATE),
        )
        return decision.outcome, decision.entity_id, decision.reasons

    assert by_text(spoofed) == by_text(clean)
    assert by_text(spoofed)[0] is Outcome.BLOCK


def test_a_sentence_of_another_script_is_not_read_as_latin_in_free_text() -> None:
    """Short words drawn only in lookalikes are common in Russian or Greek text ("ТО",
    "ОСА"): free text reads only words that hold a Latin letter."""
    text = "\u041e\u0421\u0410 \u0422\u041e \u0410lipay"  # ОСА ТО Аlipay
    assert lookalike_reading(text, mixed_only=True) == (
        "\u041e\u0421\u0410 \u0422\u041e Alipay",
        True,
    )
    assert lookalike_reading(text) == ("OCA TO Alipay", False)
