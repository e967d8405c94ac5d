"""Chinese persons' names in Wade–Giles against their pinyin forms (wade_giles.py): Taiwan's
passports and older lists write `Chang Hsiao-ming` for ZHANG Xiaoming and `Hsi Chin-p'ing`
for XI Jinping, and the lists themselves hold such names (OFAC: `WEI, Hsueh Kang`); each
met its pinyin form at 0, a CLEAR."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin.style.wadegiles import to_wade_glides

from banscreen.engine import Screener
from banscreen.match.pinyin import pinyin_syllables
from banscreen.match.wade_giles import wade_giles_readings
from helpers.matching import (
    found,
    listed_data,
    persons_screener_with,
    review,
    transliterated_hit,
)

LISTED = {
    "zhang-xiaoming": ("person", "ZHANG, Xiaoming"),
    "deng-xiaoping": ("person", "DENG, Xiaoping"),
    "xu-zhiqiang": ("person", "XU Zhiqiang"),
    "mao-zedong": ("person", "Mao Zedong"),
    "wei-hsueh-kang": ("person", "WEI, Hsueh Kang"),
    "chen-xiaoming": ("person", "CHEN, Xiaoming"),
}


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("wg"), listed_data(LISTED))


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Chang Hsiao-ming", "zhang-xiaoming"),
        ("CHANG, HSIAO-MING", "zhang-xiaoming"),
        ("Teng Hsiao-p'ing", "deng-xiaoping"),
        ("Teng Hsiao-ping", "deng-xiaoping"),  # the apostrophe dropped, as names do
        ("Hsü Chih-ch’iang", "xu-zhiqiang"),  # a curly apostrophe and the umlaut
        ("Mao Tse-tung", "mao-zedong"),
    ],
)
def test_a_name_in_wade_giles_meets_its_pinyin_form(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Mr. Chang Hsiao-ming", "zhang-xiaoming"),  # a title before it
        ("General Teng Hsiao-p'ing", "deng-xiaoping"),
        ("Payment to Chang Hsiao-ming for rent", "zhang-xiaoming"),  # inside a longer field
        ("Invoice from Teng Hsiao-p'ing", "deng-xiaoping"),
        ("Teng Hsiao-ping, Beijing", "deng-xiaoping"),
    ],
)
def test_a_name_in_wade_giles_is_found_where_a_name_is(
    screener: Screener, query: str, entity: str
) -> None:
    hits = found(screener, query)
    assert entity in hits, hits
    assert review(screener) <= hits[entity][0] <= screener.registry.matching.transliteration_max


def test_another_surname_is_not_met(screener: Screener) -> None:
    hits = found(screener, "Chang Hsiao-ming")
    assert "chen-xiaoming" not in hits, hits


def test_compare_reads_either_name(screener: Screener) -> None:
    """Two free-standing names are compared whichever is in Wade-Giles; a listed name in
    it is not read in the index (spellings.py says why)."""
    for a, b in (("Wei Xuegang", "WEI, Hsueh Kang"), ("WEI, Hsueh Kang", "Wei Xuegang")):
        score, method, _ = screener.matcher.compare(a, b)
        assert review(screener) <= score < 0.97 and method == "transliterated", (
            a,
            b,
            score,
            method,
        )
    assert "wei-hsueh-kang" not in found(screener, "Wei Xuegang")


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("hsi chin-p'ing", "xi jinping"),
        ("chang hsiao-ming", "zhang xiaoming"),
        ("chang, hsiao-ming", "zhang, xiaoming"),
        ("chou, hsien cheng", "zhou, xianzheng"),  # the given name after a comma is one word
        ("chou en-lai", "zhou enlai"),
        ("li kuo-hua", "li guohua"),
        ("mai hsiao-lai", "mai xiaolai"),  # pypinyin writes these "mei", "lei"
    ],
)
def test_the_plain_reading_comes_first(name: str, reading: str) -> None:
    assert wade_giles_readings(name, 8)[0] == reading


@pytest.mark.parametrize(
    "name",
    [
        "zhang wei",  # pinyin: read by pinyin.py
        "xi jinping",
        "vladimir putin",
        "ali hassan",
        "kim jong-un",  # Korean: its syllables are not Wade-Giles's
        "park sung-ho",
        "jean-paul",  # one syllable is no name
        "chu chu chu chu chu chu chu",  # more syllables than a name has
        "chang hsiao-ming 12345",
        "",
    ],
)
def test_other_names_are_not_read(name: str) -> None:
    assert wade_giles_readings(name, 8) == ()


def test_readings_are_at_most_as_many_as_asked() -> None:
    assert len(wade_giles_readings("chiang ching-kuo", 8)) == 8
    assert len(wade_giles_readings("chiang ching-kuo", 3)) == 3


_SYLLABLES = sorted(pinyin_syllables())


def _wade_giles(syllable: str) -> str:
    """pypinyin's Wade-Giles, but for its "ei" for a final "ai" after an initial."""
    written = to_wade_glides(syllable).replace("v", "ü")
    return written[:-2] + "ai" if syllable.endswith("ai") and written.endswith("ei") else written


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_SYLLABLES), min_size=3, max_size=3),
    st.booleans(),
)
def test_a_name_written_by_pypinyin_reads_back(syllables: list[str], marks: bool) -> None:
    """Any surname and two-syllable given name, written in Wade-Giles (with its apostrophes
    or without), reads back as the pinyin it was written from."""
    surname, *given_name = syllables
    written = [_wade_giles(s) for s in syllables]
    if not marks:
        written = [w.replace("'", "") for w in written]
    name = f"{written[0]} {written[1]}-{written[2]}"
    pinyin = f"{surname} {''.join(given_name)}".replace("v", "u")
    assert pinyin in wade_giles_readings(name, 64)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_reads_without_raising(text: str) -> None:
    read = wade_giles_readings(text.casefold(), 8)
    assert len(read) <= 8
    assert len(set(read)) == len(read)


def test_the_readings_of_other_languages_are_apart(screener: Screener) -> None:
    """`latin_readings` (spellings.py) and Wade-Giles each read their own names."""
    readings = screener.matcher.names._latin_readings
    assert readings.wade_giles("Chang Hsiao-ming")[0] == "zhang xiaoming"
    assert readings.readings("Chang Hsiao-ming") == ()
    assert readings.wade_giles("Jewgeni Prigoschin") == ()
    assert readings.readings("Jewgeni Prigoschin") != ()
