"""A name in Cyrillic letters read as the Latin alphabets of South and West Slavic languages
write it, marks folded (slavic_latin.py): lists spell such persons "RAZNATOVIC, Zeljko",
and Russian writes the name Ражнатович, which a romaniser reads "razhnatovich"."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.foreign_spelling import ForeignSpelling
from banscreen.match.name_symbols import NameSymbols
from banscreen.match.slavic_latin import slavic_latin_reading
from banscreen.registry.loader import load_matching_config, shipped_data_dir
from helpers.matching import (
    found,
    listed_data,
    persons_screener_with,
    refused_setting,
    transliterated_hit,
)

CONFIG = load_matching_config(shipped_data_dir() / "matching.yaml")
LISTED = {
    "p-seselj": ("person", "SESELJ, Vojislav"),
    "p-raznatovic": ("person", "RAZNATOVIC, Zeljko"),
    "p-cvijanovic": ("person", "CVIJANOVIC, Zeljka"),
    "p-stanisic": ("person", "STANISIC, Jovica"),
    "p-zupljanin": ("person", "ZUPLJANIN, Stojan"),
    "p-sincic": ("person", "Sinčić"),
    "o-castor": ("company", "CASTOR"),
}


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    return persons_screener_with(tmp_path_factory.mktemp("slavic"), listed_data(LISTED))


@pytest.mark.parametrize(
    ("words", "read"),
    [
        (["шешель"], "seselj"),  # a soft sign after л is the j of lj
        (["ражнатович"], "raznatovic"),
        (["желька", "цвиянович"], "zeljka cvijanovic"),
        (["йовица", "станишич"], "jovica stanisic"),
        (["щукин"], "scukin"),
        (["караџић"], "karadzic"),  # Serbian's own letters too
        (["шешель", "acme"], "seselj acme"),
    ],
)
def test_reading(words: list[str], read: str) -> None:
    assert slavic_latin_reading(words, CONFIG) == read


def test_a_letter_the_table_does_not_spell_is_no_slavic_name() -> None:
    assert slavic_latin_reading(["шешель", "ω"], CONFIG) is None
    assert slavic_latin_reading([], CONFIG) is None
    assert slavic_latin_reading(["ъ"], CONFIG) is None  # a sign alone is said as nothing
    assert slavic_latin_reading(["ъ", "шешель"], CONFIG) == "seselj"


@given(st.lists(st.text(alphabet="".join(CONFIG.cyrillic_slavic_latin), min_size=1), min_size=1))
def test_every_word_of_the_tables_letters_reads_as_ascii_letters(words: list[str]) -> None:
    read = slavic_latin_reading(words, CONFIG)
    said = [w for w in words if w.strip("ъь")]
    if not said:
        assert read is None
        return
    assert read is not None and read.count(" ") == len(said) - 1
    assert all(c == " " or (c.isascii() and c.isalpha() and c.islower()) for c in read)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Воислав Шешель", "p-seselj"),
        ("Желько Ражнатович", "p-raznatovic"),
        ("Желька Цвиянович", "p-cvijanovic"),
        ("Йовица Станишич", "p-stanisic"),
        ("Стоян Жуплянин", "p-zupljanin"),
        ("Синчич", "p-sincic"),
    ],
)
def test_a_slavic_person_in_russian_letters_is_found(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)


@pytest.mark.parametrize("query", ["Воислав Шешель", "Желько Ражнатович", "Синчич"])
def test_without_the_reading_they_were_missed(
    tmp_path: Path, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """And without the listed names' English readings (listed_forms.py), which find these
    too now: "SESELJ, Vojislav" read in German spelling is "sesely voyislav", "Sinčić"
    read with its háčeks "sinchich", as ICU romanises Шешель and Синчич."""
    monkeypatch.setattr("banscreen.match.script_readings.slavic_latin_reading", lambda *a: None)
    monkeypatch.setattr("banscreen.match.index.listed_readings", lambda *a: [])
    # And without the learned spelling models (spelling_model.py) and the names' spellings
    # (name_symbols.py: Воислав is Vojislav), which find them too.
    monkeypatch.setattr(ForeignSpelling, "spellings", lambda self, *args, **kwargs: [])
    monkeypatch.setattr(NameSymbols, "forms", lambda self, *args, **kwargs: [])
    # One entity more: an index of its own, built here, not the stored one with readings.
    other = {"p-other": ("person", "Unrelated Testperson")}
    fresh = persons_screener_with(tmp_path, listed_data({**LISTED, **other}))
    assert not found(fresh, query)


def test_the_reading_is_for_persons_names(screener: Screener) -> None:
    """Read so, ordinary Russian words meet organisations' names ("часто", often, as
    "casto" meets CASTOR): 89 more of 6,000 frequent Russian words met an OFAC
    organisation before the reading was kept to persons' names."""
    assert "o-castor" not in found(screener, "часто")


def test_the_table_is_checked_at_load(tmp_path: Path) -> None:
    table = dict(CONFIG.cyrillic_slavic_latin)
    refused_setting(tmp_path, "cyrillic_slavic_latin", {**table, "w": "v"})
    refused_setting(tmp_path, "cyrillic_slavic_latin", {**table, "ш": "š"})
    refused_setting(tmp_path, "cyrillic_slavic_latin", {**table, "Ш": "s"})
