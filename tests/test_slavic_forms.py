"""Belarusian and Ukrainian forms of Russian persons' names (sound.py's `slavic_keys`,
matching.yaml's `given_name_forms`): OFAC lists both of one person, and a payee's name
comes in either."""

from __future__ import annotations

from pathlib import Path

import pytest

from banscreen.engine import Screener
from helpers.matching import found, persons_screener_with, refused_setting, review

LISTED = """
sources:
  test: "banscreen test fixture"
entities:
  - id: person-karayeu
    type: person
    source: test
    provenance: confirmed
    names:
      - {value: "KARAYEU, Yury", kind: legal, source: test, provenance: confirmed}
  - id: person-azarau
    type: person
    source: test
    provenance: confirmed
    names:
      - {value: "AZARAU, Mikalai", kind: legal, source: test, provenance: confirmed}
  - id: person-korac
    type: person
    source: test
    provenance: confirmed
    names:
      - {value: "KORAC, Ivan", kind: legal, source: test, provenance: confirmed}
  - id: person-spajic
    type: person
    source: test
    provenance: confirmed
    names:
      - {value: "SPAJIC, Goran", kind: legal, source: test, provenance: confirmed}
"""


@pytest.fixture(scope="module")
def slavic(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    """The shipped registry and `LISTED`, built once for the tests that search it."""
    return persons_screener_with(tmp_path_factory.mktemp("slavic"), LISTED)


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("Yuri Karaev", "KARAYEU, Yury"),  # -ов/-ев written -ou/-eu (ў)
        ("Mikhail Petrov", "PIATROU, Mikhail"),
        ("Dmitri Petrov", "PIATROU, Dzmitry"),  # a soft "d" written "dz"
        ("Lidia Yermoshina", "YARMOSHYNA, Lidziya"),
        ("Nikolai Azarov", "AZARAU, Mikalai"),  # one given name's forms, spelt unalike
        ("Nikolai Azarov", "AZAROV, Mykola"),
        ("Evgeny Petrov", "PIATROU, Yauhen"),
        ("Grigory Petrov", "PIATROU, Ryhor"),
    ],
)
def test_the_russian_form_meets_the_belarusian_or_ukrainian_one(
    screener: Screener, name: str, listed: str
) -> None:
    """Each was 0.59-0.70: a surname spelt unalike or a given name in another language's
    form reads as two persons, each keeping a part the other lacks."""
    score = screener.matcher.compare(name, listed, schema="person")[0]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


@pytest.mark.parametrize(
    ("name", "listed"),
    [("Mikhail Petrov", "PIATROU, Mikalai"), ("Yury Karayeu", "KARAYEU, Ryhor"),
     ("Oleg Ivanov", "IVANOU, Yauhen")],
)  # fmt: skip
def test_two_given_names_are_still_two_persons(screener: Screener, name: str, listed: str) -> None:
    """A group joins the forms of one name, not names: Mikhail is not Mikalai."""
    assert screener.matcher.compare(name, listed, schema="person")[0] < review(screener)


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Yuri Karaev", "person-karayeu"), ("Nikolai Azarov", "person-azarau"),
     ("Azarov Nikolai", "person-azarau")],
)  # fmt: skip
def test_the_candidate_search_finds_the_other_form(
    slavic: Screener, query: str, entity: str
) -> None:
    """The index finds the listed form by the same keys scoring aligns it by (near.py)."""
    assert found(slavic, query)[entity][0] >= review(slavic)


def test_only_the_forms_of_a_group_share_its_key(screener: Screener) -> None:
    sound = screener.matcher.names.sound
    assert sound.same_given("mikalai", "nikolai") and sound.same_given("nikolai", "mykola")
    assert not sound.same_given("mikalai", "mikhail")
    assert not sound.same_given("smith", "smith")  # a word of no group
    assert sound.similarity("piatrou", "petrov", slavic=True) == sound.equal_score
    assert sound.similarity("piatrou", "petrov") < sound.equal_score  # persons' parts only
    # Pinyin's and Cantonese's syllables end in "ou" and "au" too: Zhou is not "zhov".
    assert sound.slavic_keys("zhou") == sound.keys("zhou")
    assert screener.matcher.compare("Zhou Heyang", "CHOU, Hsien Cheng")[0] < review(screener)


@pytest.mark.parametrize(
    "groups",
    [[["nikolai"]], [["nikolai", "Mikalai"]], [["nikolai", "mikalai"], ["mykola", "nikolai"]]],
)
def test_given_name_forms_are_validated_at_load(tmp_path: Path, groups: list[list[str]]) -> None:
    """A group of one form, a form not in lower-case letters, a form in two groups."""
    refused_setting(tmp_path, "given_name_forms", groups)


@pytest.mark.parametrize(
    ("query", "entity"),
    [("إيفان كوراتش", "person-korac"), ("غوران سبايتش", "person-spajic"),
     ("Горан Спаич", "person-spajic"), ("גורן ספאיץ'", "person-spajic")],
)  # fmt: skip
def test_a_final_ic_without_its_mark_is_said_ch(slavic: Screener, query: str, entity: str) -> None:
    """Lists write Korać and Spajić without the mark ("KORAC", "SPAJIC"); Arabic, Hebrew and
    Cyrillic write the "ch" they say (تش, ץ', ч). Each of these was a CLEAR."""
    assert found(slavic, query)[entity][0] >= review(slavic)


def test_only_a_final_ic_ac_or_ec_is_read_so(screener: Screener) -> None:
    sound = screener.matcher.names.sound
    assert sound.key("koratsh") in sound.keys("korac")
    assert sound.keys("duc") == (sound.key("duc"),)  # Vietnamese Đức: not "dutsh"
    assert sound.key("kortsh") not in sound.keys("corcoran")


@pytest.mark.parametrize(
    ("name", "listed"),
    [("Zoran Đinđić", "DJINDJIC, Zoran"), ("Novak Đoković", "DJOKOVIC, Novak"),
     ("Đặng Văn Đức", "DANG, Van Duc"), ("Đinh Tiến Dũng", "DINH, Tien Dung")],
)  # fmt: skip
def test_a_south_slavic_d_with_stroke_is_dj_and_a_vietnamese_one_d(
    screener: Screener, name: str, listed: str
) -> None:
    """ "Đ" is not an accented "d" in Serbian and Croatian, which write it "dj" in ASCII (as
    the lists do); in Vietnamese it is "d". `Zoran Đinđić` was 0.70 against `DJINDJIC,
    Zoran`. A word with "ć", "č", "š" or "ž" is South Slavic (text.fold_latin)."""
    assert screener.matcher.compare(name, listed, schema="person")[0] == 1.0
