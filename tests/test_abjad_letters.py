"""Letters a script writes apart. An abjad's letters as ICU writes them in Latin ones: two
letters can make a Latin digraph (ت س "ts", ط ه "th", س ه "sh"): "ghyts" (غيتس, Gates)
sounded like Gazzo and not like Gates. The first such letter is written twice
(`text.romanise`) and the pair read both ways (`SoundKeys.keys`). And the consonants that
sound keys hear as one class but Arabic, Hebrew, Cyrillic or katakana write with letters of
their own ("l" and "r", the labials) must be written alike (`written_consonants.py`):
before, "روزا ليم" (Rosa Lim) met ROMO LOPEZ, "Груден" CHARITY COALITION."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from banscreen.match.sound import SoundKeys
from banscreen.match.text import romanise
from banscreen.match.written_consonants import (
    kana_labials_agree,
    labials_agree,
    liquids_agree,
    written_alike,
)
from banscreen.registry import load_registry

ABJAD_LETTERS = Path(__file__).resolve().parent / "fixtures" / "names" / "abjad_letters.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([ABJAD_LETTERS]))


@pytest.fixture(scope="module")
def sound(screener: Screener) -> SoundKeys:
    return SoundKeys(screener.registry.matching)


@pytest.mark.parametrize(
    ("word", "romanised"),
    [
        ("غيتس", ("ghytts",)),  # ت س: two letters, kept apart
        ("تسفيتكوف", ("ttsfytkwf",)),
        ("طه", ("tth",)),
        ("משה", ("mssh",)),
        ("غورساتش", ("ghwrsatsh",)),  # ت ش writes one sound, "ch"
        ("شيخ", ("shykh",)),  # ش and خ are one letter each: nothing to keep apart
        ("ثابت", ("thabt",)),
    ],
)
def test_two_letters_that_ascii_joins_are_kept_apart(word: str, romanised: tuple[str]) -> None:
    assert romanise(word) == romanised


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("ghytts", "KTS"),  # as two letters: Gates
        ("ghytts", "KS"),  # as one sound
        ("ttsfytkwf", "SPTKP"),  # Tsvetkov
        ("mssh", "MS"),  # a final he after them writes a vowel: Moshe
    ],
)
def test_letters_kept_apart_are_read_both_ways(sound: SoundKeys, word: str, key: str) -> None:
    assert key in sound.keys(word)


def test_a_latin_word_keeps_its_one_reading(sound: SoundKeys) -> None:
    assert sound.keys("gates") == ("KTS",)
    assert sound.keys("moshe") == ("MS",)


@pytest.mark.parametrize(
    ("abjad", "latin", "agree"),
    [
        ("lym", "romo", False),
        ("rwza", "lopez", False),
        ("gry", "kryllo", False),  # an "l" the abjad does not write
        ("brlw", "pavel", False),
        ("brlw", "barlow", True),
        ("lyly", "leila", True),
        ("alrhman", "rahman", True),  # the article's l, said as the next letter
        ("mwsy", "moussa", True),  # neither writes one
        ("mrtwn", "marton", True),
    ],
)
def test_an_abjad_writes_l_and_r_where_the_other_word_does(
    abjad: str, latin: str, agree: bool
) -> None:
    assert liquids_agree(abjad, latin) is agree


@pytest.mark.parametrize(
    ("abjad", "latin", "agree"),
    [
        ("bwys", "fathi", False),  # ب is "b" or "p", never "f"
        ("pwrtws", "vargas", False),  # פ is "p" or "f", never "v"
        ("fyktwrya", "viktoria", True),  # ف is "f" or "v"
        ("bnyamyn", "veniamin", True),  # ב is "b" or "v"
        ("bwbathy", "bhupathi", True),  # Arabic writes "p" with ب
        ("ywsp", "joseph", True),
        ("wlsqw", "velasco", True),  # a "v" the abjad writes with its "w"
        ("abas", "abbas", True),  # a letter written twice is one
        ("fyrwz", "biruz", False),  # ف is not "b"
        ("bwtyn", "pufin", False),  # an "f" more
    ],
)
def test_an_abjad_writes_its_labials_where_the_other_word_does(
    abjad: str, latin: str, agree: bool
) -> None:
    assert labials_agree(abjad, latin) is agree


def test_letters_kept_apart_are_icus_letters_joined() -> None:
    assert written_alike("ghytts", "ghyts")
    assert not written_alike("ghytts", "gates")


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("بيل غيتس", "latin-gates"),  # 0.67 before: "ghyts" was not Gates
        ("أنطون تسفيتكوف", "latin-tsvetkov"),
        ("عزیز الرحمان عبد الاحد", "latin-rahman"),
    ],
)
def test_a_name_in_arabic_letters_is_found(screener: Screener, query: str, entity: str) -> None:
    review = screener.registry.matching.thresholds.review
    scores = {m.entry.entity_id: m.score for m in screener.matcher.match_name(query)}
    assert scores.get(entity, 0.0) >= review, scores


@pytest.mark.parametrize(
    "query",
    [
        "روزا ليم",  # Rosa Lim: 0.83 against ROMO LOPEZ before
        "גארי בארלו",  # Gary Barlow: 0.90 against KRYLLO, Pavel
        "غيتس",  # one word of a key of two classes alone: no listed person's
    ],
)
def test_another_persons_name_in_an_abjad_is_no_hit(screener: Screener, query: str) -> None:
    assert not screener.matcher.match_name(query), query


@pytest.mark.parametrize("query", ["Груден", "Абдал"])
def test_an_alphabets_l_and_r_are_kept_on_organisations_words(
    screener: Screener, query: str
) -> None:
    """Cyrillic writes "l" and "r" with letters of their own too: a word that only shares
    long sound keys with an organisation's ("gruden", Coalition; "abdal", Avtodor) is none
    of its words (0.90 before)."""
    found = [m.entry.entity_id for m in screener.matcher.match_name(query)]
    assert not [e for e in found if e.startswith("org-")], found


def test_a_brand_transcribed_by_sound_into_cyrillic_is_still_found() -> None:
    """ "baitdans" is spelt less than half like ByteDance; its long equal keys find it."""
    screener = Screener(load_registry())
    review = screener.registry.matching.thresholds.review
    assert any(m.score >= review for m in screener.matcher.match_name("Байтданс"))


@pytest.mark.parametrize(
    ("kana", "latin", "agree"),
    [
        ("firusu", "barus", False),  # フ is no "b"
        ("baridoni", "fortune", False),
        ("fawei", "huawei", True),  # フ for an "h"
        ("bakiefu", "bakiev", True),  # and for a Russian name's final "v"
        ("borubo", "volvo", True),  # バ for a "v"
        ("appuru", "apple", True),
        ("supotifai", "spotify", True),
        ("pepushi", "bebsi", False),  # パ is a "p" only
    ],
)
def test_katakana_writes_its_labials_where_the_latin_word_does(
    kana: str, latin: str, agree: bool
) -> None:
    assert kana_labials_agree(kana, latin) is agree


def test_a_katakana_word_with_another_labial_is_no_organisations(screener: Screener) -> None:
    found = [m.entry.entity_id for m in screener.matcher.match_name("フィルス")]  # 0.90 before
    assert "org-barus" not in found, found
