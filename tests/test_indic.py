"""Names in Devanagari and the other Indian scripts, also read as names in their languages
are spelt in Latin letters (indic.py), and persons' names in them compared as an alphabet's
are: spelt alike as well as sounding alike (across.py). By sound alone, two-name persons
made of Indian first names met an OFAC person 62 times in 500 (bench/indic_names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match import across
from banscreen.match.indic import indic_reading
from banscreen.match.text import romanise
from banscreen.registry import load_registry
from helpers.matching import found, listed_data, persons_screener_with, transliterated_hit

LISTED = {
    "p-randhir": ("person", "Randhir Kapoor"),
    "p-amarnath": ("person", "Amarnath Shah"),
    "p-kamla": ("person", "Kamla Chandra"),
    "p-rahman": ("person", "Mujibur Rahman"),
    "p-murugan": ("person", "Kandasamy Murugan"),
    # Listed persons that unlisted Indian names met by sound alone (bench/indic_names.py)
    "p-browning": ("person", "BROWNING, Natalia"),
    "p-kong": ("person", "KONG, Kelvin"),
    "p-chen": ("person", "CHEN, Eric"),
    "p-prieto": ("person", "PRIETO, Omar"),
}
UNLISTED = [
    ("सारंग रणधीर", "p-browning"),  # Sarang Randhir
    ("एकांगा गर्जन", "p-kong"),  # Ekanga Garjan
    ("जैना अर्चन", "p-chen"),  # Zaina Archan
    ("विमलादित्य अमूल्य", "p-prieto"),  # Vimaladitya Amulya
]
WRITTEN = [
    ("रणधीर कपूर", "p-randhir"),
    ("अमरनाथ शाह", "p-amarnath"),
    ("कमला चन्द्र", "p-kamla"),
    ("মুজিবুর রহমান", "p-rahman"),  # Bengali
    ("ਰਣਧੀਰ ਕਪੂਰ", "p-randhir"),  # Gurmukhi
    ("રણધીર કપૂર", "p-randhir"),  # Gujarati
    ("கந்தசாமி முருகன்", "p-murugan"),  # Tamil
]


def _screener(folder: Path, **more: tuple[str, str]) -> Screener:
    return persons_screener_with(folder, listed_data({**LISTED, **more}))


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return _screener(tmp_path_factory.mktemp("devanagari"))


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("शाह", "shah"),  # the last inherent vowel is not said; ś is "sh"
        ("रणधीर", "randhir"),  # nor one between a vowel and a consonant with its own
        ("अमरनाथ", "amarnath"),  # from the end: the "r" loses it, the "m" then keeps it
        ("कमला", "kamla"),
        ("इन्द्र", "indra"),  # a cluster ending in र keeps it
        ("आदित्य", "aditya"),  # ... and in य
        ("अनन्त", "anant"),  # another cluster does not
        ("मंदिथ", "mandith"),  # a nasal vowel is said
        ("वीचैट", "vichait"),  # c is "ch"
        ("ऋषि", "rishi"),
        ("न", "na"),  # one syllable keeps its vowel
    ],
)
def test_hindi_reading(written: str, read: str) -> None:
    assert indic_reading(written, "Devanagari") == read


@pytest.mark.parametrize(
    ("written", "script", "read"),
    [
        ("রহমান", "Bengali", "rahman"),
        ("শেখ", "Bengali", "shekh"),
        ("ਰਣਧੀਰ", "Gurmukhi", "randhir"),
        ("અમરનાથ", "Gujarati", "amarnath"),
        ("ରଣଧୀର", "Oriya", "randhir"),
        # The southern languages write a bare consonant with its virama, as they say it.
        ("రాజేష్", "Telugu", "rajesh"),
        ("రణధీర్", "Telugu", "ranadhir"),  # a vowel between consonants is said
        ("ശശിധരന്", "Malayalam", "shashidharan"),
        # Tamil says its one "k", "t", "p" voiced between vowels and after a nasal, and
        # its "c" as "s" there and first.
        ("முருகன்", "Tamil", "murugan"),
        ("கந்தசாமி", "Tamil", "kandasami"),
        ("சிவா", "Tamil", "siva"),
        ("வேலுப்பிள்ளை", "Tamil", "veluppillai"),  # a doubled one is not
    ],
)
def test_the_other_indian_scripts_read_alike(written: str, script: str, read: str) -> None:
    """One reading for nine scripts, by each letter's place in its Unicode block."""
    assert indic_reading(written, script) == read


@given(st.text(alphabet=st.characters(min_codepoint=0x0900, max_codepoint=0x097F), max_size=12))
def test_any_devanagari_reads_as_ascii_letters(text: str) -> None:
    read = indic_reading(text, "Devanagari")
    assert read.isascii()
    for token in romanise(text):
        assert token.isascii() and token.isalnum()


@pytest.mark.parametrize(("query", "entity"), WRITTEN)
def test_a_listed_person_written_in_devanagari_is_found(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)


@pytest.mark.parametrize(("query", "entity"), UNLISTED)
def test_an_unlisted_person_that_only_sounds_alike_is_not(
    screener: Screener, query: str, entity: str
) -> None:
    assert entity not in found(screener, query)


def test_the_reading_is_a_second_form_that_counts_on_persons_and_brands(
    screener: Screener,
) -> None:
    """ICU's letter-for-letter form stays the query's own; the reading is added, on persons'
    names and on organisations' brand names only."""
    index = screener.matcher.names
    variants = [v for v in index.variants("रणधीर कपूर") if v.form.roman == ("randhir", "kapur")]
    assert index.normaliser.form("रणधीर कपूर").roman == ("ranadhira", "kapura")
    assert {(v.persons, v.organisations) for v in variants} == {(True, False), (False, True)}
    brands = next(v for v in variants if v.organisations)
    assert brands.kinds == frozenset(screener.registry.matching.joined_brand_name_kinds)
    assert not brands.admits(False, ("ranadhir",), "legal")


def test_a_listed_app_written_in_devanagari_is_found() -> None:
    shipped = Screener(load_registry())
    hits = found(shipped, "वीचैट")  # "vichait"; "vicaita" as ICU writes it
    assert hits.get("app-wechat", (0.0,))[0] >= shipped.registry.matching.thresholds.review


def test_by_sound_alone_these_met_listed_persons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What comparing Devanagari as spelt adds (the test above would pass without it if the
    names were kept apart some other way). A registry of its own (one more entity), so the
    index built here is not the one the other tests open."""
    monkeypatch.setattr(across, "SPELT_PERSONS", across.ALPHABETS)
    fresh = _screener(tmp_path, **{"p-other": ("person", "Unrelated Testperson")})
    assert all(entity in found(fresh, query) for query, entity in UNLISTED)
    # Two of them score two shares of 0.40: 0.80 by arithmetic, 0.7999999999999999 in
    # floats, which the index read as below REVIEW once another name in the registry
    # moved the weights (SCORE_TOLERANCE).
    score = fresh.matcher.compare(*UNLISTED[0][:1], "BROWNING, Natalia")[0]
    assert abs(score - 0.8) < 1e-9
