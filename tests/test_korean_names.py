"""Korean persons' names in Hangul against Latin ones, syllable by syllable (korean.py): a
Latin name that spells the Hangul one (any romanisation's letters, a surname's own
spellings, a Chinese name by its characters' Mandarin readings) is a transliterated hit;
one that reads as another Korean name is a different person."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.korean import KoreanNames, letters
from helpers.matching import (
    found,
    match_everything,
    match_key,
    persons_screener,
    refused_setting,
    review,
)

KOREAN = Path(__file__).resolve().parent / "fixtures" / "names" / "korean_persons.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener(KOREAN)


@pytest.fixture(scope="module")
def korean(screener: Screener) -> KoreanNames:
    return KoreanNames(screener.registry.matching)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("김정은", "person-kim"),  # KIM JONG UN: North Korea's own romanisation
        ("최룡해", "person-choe-ryong-hae"),  # CHOE, Ryong Hae
        ("리병철", "person-ri-pyong-chol"),  # RI, Pyong Chol: ㅂ as p, ㅕ as yo
        ("김진석", "person-kim-so-k"),  # KIM, CHIN-SO'K: McCune-Reischauer, marks dropped
        ("박정희", "person-park-chung-hee"),  # Park: a surname's own spelling
        ("주은래", "person-zhou-enlai"),  # 周恩來 read the Korean way, against its pinyin
        ("Kim Duk-koo", "person-hangul"),  # a Latin query against a name listed in Hangul
        ("KIM DUK KOO", "person-hangul"),
        ("Gim Deukgu", "person-hangul"),  # the Revised Romanization, given name joined
        ("金正恩", "person-kim"),  # a Korean name in Chinese characters, read as Korean
        ("朴正熙", "person-park-chung-hee"),
        ("Roh Moo-hyun", "person-han-roh"),  # a Latin query against 盧武鉉
    ],
)
def test_a_latin_spelling_of_a_korean_name_is_a_transliterated_hit(
    screener: Screener, query: str, entity: str
) -> None:
    """Each was CLEAR (0.0) or below review before: ICU reads Hangul letter by letter
    ("bagjeonghui", "gimdeuggu"), which no list prints, and characters were read only as
    Chinese (金正恩, "jin zheng en")."""
    score, method = found(screener, query)[entity]
    assert review(screener) <= score < screener.registry.matching.thresholds.block
    assert method == "transliterated"


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("김정일", "person-kim"),  # Kim Jong Il is not Kim Jong Un
        ("김동혁", "person-kim"),  # met KIM JONG UN by the sound of the whole name
        ("박성호", "person-park"),  # PARK SUNG MIN: one given syllable differs
        ("최룡호", "person-choe-ryong-hae"),
        ("Kim Dong-hyuk", "person-hangul"),
        ("金正日", "person-kim"),
    ],
)
def test_another_korean_name_is_a_different_person(
    screener: Screener, query: str, entity: str
) -> None:
    assert entity not in found(screener, query)
    names = {e.entity_id: e.name.value for e in screener.matcher.names.entries}
    score = screener.matcher.compare(query, names[entity], schema="person")[0]
    assert score <= screener.registry.matching.person_conflict_max


@pytest.mark.parametrize(
    ("query", "listed", "hit"),
    [
        ("金正恩", "KIM Jong Un", True),  # Korean, by its characters' Korean readings
        ("Kim Jong Un", "金正恩", True),
        ("普京", "Putin", True),  # a foreign surname written in Chinese
        ("金正日", "KIM Jong Un", False),
        ("金正恩", "Kim Jong Il", False),
    ],
)
def test_compare_without_a_schema_reads_a_chinese_name_as_a_persons_too(
    screener: Screener, query: str, listed: str, hit: bool
) -> None:
    """`compare` with no schema took every name in Chinese characters for a company's
    (Chinese companies' short names carry no legal form), so 金正恩 against KIM Jong Un was
    0.0 where persons' rules give 0.90; beside a person's name it is now scored by both, and
    another person's name stays below review."""
    auto = screener.matcher.compare(query, listed)[0]
    as_person = screener.matcher.compare(query, listed, schema="person")[0]
    as_organisation = screener.matcher.compare(query, listed, schema="organization")[0]
    assert auto == max(as_person, as_organisation)
    assert (auto >= review(screener)) is hit


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("CHO, Yon Chun", "person-jo-yon-jun"),  # ㅈ as ch and j (OFAC lists both)
        ("KIM Jong Man", "person-kim-chong-man"),
        ("Pak Chung-hui", "person-park-chung-hee"),
    ],
)
def test_a_korean_name_in_another_romanisation_is_a_hit(
    screener: Screener, query: str, entity: str
) -> None:
    """Two Latin spellings of one Korean name: each syllable spelt by either any way the
    table allows. "CHO, Yon Chun" against "JO, Yon Jun" was 0.70 ("cho" and "jo" have keys
    of one class, which say nothing alone)."""
    score, _ = found(screener, query)[entity]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Kim Min-gyeong", "person-kim-chong-man"),  # "min" sounds like "man": 0.93 with OFAC
        ("KIM Jong Il", "person-kim"),
        ("Park Jong-hun", "person-park-chung-hee"),
    ],
)
def test_two_korean_names_in_latin_letters_are_two_persons(
    screener: Screener, korean: KoreanNames, query: str, entity: str
) -> None:
    assert entity not in found(screener, query)
    assert korean.latin_verdict(["kim", "min", "gyeong"], ["kim", "chong", "man"]) is False
    assert korean.latin_verdict(["kim", "jong", "um"], ["kim", "jong", "un"]) is not False  # typo?
    assert korean.latin_verdict(["wei", "linna"], ["wei", "lin", "na"]) is not False  # Wei: 魏


def test_a_chinese_name_in_pinyin_is_not_taken_for_another_korean_name(
    korean: KoreanNames,
) -> None:
    """Pinyin that the readings table does not spell (a character outside it) is left to the
    other rules, not refused: "Wang Jing" reads as Korean letters too."""
    assert korean.verdict(["왕경"], ["wang", "jing"]) is True  # 王京
    assert korean.verdict(["왕경"], ["wang", "dan"]) is None
    assert korean.verdict(["김동혁"], ["kim", "sang", "ho"]) is False


def test_a_name_in_characters_is_read_as_korean_but_never_refused(korean: KoreanNames) -> None:
    """A name in characters is a Chinese one as often: it is compared by its pinyin, and its
    Korean reading only adds a hit."""
    assert "김정은" in korean.read_korean(["金", "正", "恩"])
    assert "노무현" in korean.read_korean(["卢", "武", "铉"])  # simplified, as queries are
    assert korean.verdict(["金", "正", "恩"], ["kim", "jong", "un"]) is True
    assert korean.verdict(["金", "正", "日"], ["kim", "jong", "un"]) is None
    assert korean.read_korean(["金", "𠀀"]) == []


def test_a_given_name_alone_or_a_foreign_name_is_left_to_other_rules(
    korean: KoreanNames,
) -> None:
    assert letters("뷁") == ("ㅂ", "ㅞ", "ㄺ")
    assert korean.verdict(["민규"], ["kim", "min", "gyu"]) is None  # the given name alone
    assert korean.verdict(["안나", "김"], ["anna", "kim"]) is None  # Anna Kim in Hangul
    assert korean.verdict(["조지"], ["george", "washington"]) is None  # not read as Korean
    assert korean.split(["김", "정은"]) == ("김", "정은")
    assert korean.split(["남궁민수"]) == ("남궁", "민수")


@pytest.mark.parametrize(
    ("written", "listed"),
    [("이소라", "AZIZULLAH, Haji"), ("이부수", "AWEYS, Sheikh"), ("박건우", "BOYARKIN, V.A.")],
)
def test_a_korean_name_in_one_word_is_not_one_part_of_a_longer_name(
    screener: Screener, written: str, listed: str
) -> None:
    """A Korean name written as one Hangul word is the whole name: aligned with one part of
    a listed person's name by its sound alone ("isola", "azizullah": 0.89), it met 634 of 2,000
    Korean names (bench/korean_names.csv) with one of OFAC's persons, 389 without."""
    assert screener.matcher.compare(written, listed, schema="person")[0] < review(screener)


@pytest.mark.parametrize(
    ("written", "listed"), [("김정은", "KIM, Jong Un"), ("시진핑", "Xi Jinping")]
)
def test_a_whole_name_in_one_word_still_meets_its_latin_name(
    screener: Screener, written: str, listed: str
) -> None:
    """By its syllables (korean.py) or by the sound of the whole name."""
    assert screener.matcher.compare(written, listed, schema="person")[0] >= review(screener)


def test_a_syllable_a_legal_form_table_holds_is_spelt(screener: Screener) -> None:
    """ "ae" is a Greek company's form in rigour's table; in a person's name it is 애."""
    assert screener.matcher.compare("김경애", "Kim Kyeong-ae", schema="person")[0] >= review(
        screener
    )


def _spelling(korean: KoreanNames, syllable: str, rng: random.Random) -> str:
    return rng.choice(sorted(korean.syllable_spellings(syllable)))


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.integers(0, 10**9))
def test_any_spelling_of_each_syllable_spells_the_name(korean: KoreanNames, seed: int) -> None:
    """A Latin name made of one spelling per syllable (the surname first or last, the given
    syllables joined, hyphenated or apart) is spelt, whatever the syllables."""
    rng = random.Random(seed)
    surname = rng.choice(sorted(korean.surnames))
    given_name = "".join(chr(rng.randrange(0xAC00, 0xD7A4)) for _ in range(rng.randint(1, 3)))
    spelt_surname = rng.choice(sorted(korean.surname_spellings(surname)))
    parts = [_spelling(korean, s, rng) for s in given_name]
    given_spelt = rng.choice([["".join(parts)], ["-".join(parts)], parts])
    latin = [spelt_surname, *given_spelt] if rng.random() < 0.5 else [*given_spelt, spelt_surname]
    tokens = [t for part in latin for t in part.split("-") if t]
    assert korean.verdict([surname + given_name], tokens) is True, (surname + given_name, tokens)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.integers(0, 10**9))
def test_the_index_finds_every_korean_hit_scoring_finds(
    screener: Screener, korean: KoreanNames, seed: int
) -> None:
    """Hangul queries reach listed Latin persons, and Latin ones a person listed in Hangul,
    by the surname's spellings (index.py `_lookups`): what scoring every name finds."""
    rng = random.Random(seed)
    index = screener.matcher.names
    surname = rng.choice(["김", "박", "최", "리", "주"])
    given_name = "".join(
        rng.choice(["정", "은", "일", "룡", "해", "병", "철", "진", "석", "득", "구", "래"])
        for _ in range(rng.randint(1, 2))
    )
    hangul = surname + given_name
    if rng.random() < 0.2:
        query = rng.choice(["金正恩", "金正日", "朴正熙", "盧武鉉", "卢武铉", "崔龍海"])
    elif rng.random() < 0.2:
        query = rng.choice(["CHO, Yon Chun", "Jo Yeon-jun", "Kim Jong-man", "Pak Jung Hi"])
    elif rng.random() < 0.5:
        query = hangul
    else:
        parts = [_spelling(korean, s, rng) for s in hangul]
        query = " ".join([parts[0], "-".join(parts[1:])] if rng.random() < 0.5 else parts)
    assert match_key(index.match(query)) == match_everything(index, query), query


@pytest.mark.parametrize(
    ("key", "bad", "message"),
    [
        ("hangul_spellings", {"initial": {"a": ["g"]}}, "needs exactly"),
        ("hangul_surnames", {"Kim": []}, "not Hangul syllables"),
        ("hangul_hanja", {"김": "kim"}, "give Chinese characters"),
    ],
)
def test_the_korean_tables_are_validated_at_load(
    tmp_path: Path, key: str, bad: object, message: str
) -> None:
    """A table that is not what korean.py reads is refused when matching.yaml is loaded,
    with the key that is wrong, not used half-read."""
    refused_setting(tmp_path, key, bad, message)
