"""Latin letters written as their names in katakana, Hangul, Cyrillic, Greek, Hebrew,
Arabic, Devanagari, Armenian, Georgian and Thai (letter_names.py): a brand's letters are spelt as
English says them (キューキュー, Кью-Кью, QQ), which a romaniser reads as syllables that
share nothing with the letters. And katakana's フ read as "hu" and "ea" as "ear"
(loanwords.kana_h_reading, kana_r_reading), Hangul's 셰, 쉐 and 에어 as "she" and "ear"
(hangul_r_reading), and Cyrillic's and Greek's "ei" as English
spells its "a" (loanwords.said_a_reading)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from banscreen.engine import Screener
from banscreen.match.letter_names import LetterNames, capitals
from banscreen.match.loanwords import (
    hangul_r_reading,
    kana_h_reading,
    kana_r_reading,
    said_a_reading,
)
from banscreen.registry import load_registry
from banscreen.registry.loader import load_matching_config
from helpers.matching import found, refused_setting, review, transliterated_hit

BRANDS = Path(__file__).resolve().parent / "fixtures" / "names" / "letter_brands.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry([BRANDS]))


@pytest.fixture(scope="module")
def letters(screener: Screener) -> LetterNames:
    return LetterNames(screener.registry.matching)


@pytest.mark.parametrize(
    ("word", "script", "first", "also"),
    [
        ("キューキューウォレット", "Kana", "qq woretto", ["qqworetto", "qkyuworetto"]),
        ("ダブリューピーエス", "Kana", "wps", ["wp esu", "wpesu"]),
        ("ブイメイト", "Kana", "vmeito", []),  # one letter, glued to a word
        ("더블유피에스오피스", "Hangul", "wpsop seu", ["wps opiseu", "wpsopiseu"]),
        ("큐큐", "Hangul", "qq", []),
        ("คิวคิว", "Thai", "qq", []),  # Thai writes an acronym's names as one word
        ("ดับเบิลยูพีเอส", "Thai", "wps", []),
    ],
)
def test_a_run_of_letters_names_is_read_as_the_letters(
    letters: LetterNames, word: str, script: str, first: str, also: list[str]
) -> None:
    """The longest run first; then with its last names left to the rest of the word."""
    read = letters.readings(word, script)
    assert read[0] == first and set(also) <= set(read) and len(read) == len(set(read))


@pytest.mark.parametrize(
    ("word", "script"),
    [
        ("アイテム", "Kana"),  # "i" + "temu": item, a vowel's name before the rest
        ("エーテル", "Kana"),  # "a" + "teru"
        ("ビー", "Kana"),  # one letter's name alone is also a word ("bee")
        ("이수진", "Hangul"),  # 이 (E) is one syllable: a surname, not a letter
        ("テンセント", "Kana"),
        ("Vmate", "Latin"),
    ],
)
def test_a_word_that_only_starts_like_a_letters_name_is_not_read(
    letters: LetterNames, word: str, script: str
) -> None:
    assert letters.readings(word, script) == []


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("ケーメイト", "brand-kmate"),
        ("케이메이트", "brand-kmate"),
        ("エックスジェーマーケット", "brand-xj-market"),
        ("エックスジェー・マーケット", "brand-xj-market"),
        ("엑스제이 마켓", "brand-xj-market"),
        ("엑스제이마켓", "brand-xj-market"),
        ("エイチティーエスノーツ", "brand-hts-notes"),
        ("에이치티에스 노트", "brand-hts-notes"),
        # the shipped apps
        ("ブイメイト", "app-vmate"),
        ("브이메이트", "app-vmate"),
        ("キューキューウォレット", "app-qq-wallet"),
        ("큐큐 월렛", "app-qq-wallet"),
        ("ダブリューピーエスオフィス", "app-wps-office"),
        ("더블유피에스오피스", "app-wps-office"),
        # letters' names as words apart, in every script of the table
        ("キュー・キュー", "app-tencent-qq"),
        ("큐 큐", "app-tencent-qq"),
        ("Кью-Кью", "app-tencent-qq"),
        ("КьюКью", "app-tencent-qq"),
        ("Κιου Κιου", "app-tencent-qq"),
        ("קיו קיו", "app-tencent-qq"),
        ("كيو كيو", "app-tencent-qq"),
        ("Дабл-ю Пи Эс Офис", "app-wps-office"),
        ("ДаблЮ Пи Эс Офис", "app-wps-office"),
        ("Ντάμπλγιου Πι Ες Όφις", "app-wps-office"),
        ("דאבליו פי אס אופיס", "app-wps-office"),
        ("دبليو بي إس أوفيس", "app-wps-office"),
        ("ВиМейт", "app-vmate"),
        ("Ви Мейт", "app-vmate"),
        ("Βι Μέιτ", "app-vmate"),
        ("في ميت", "app-vmate"),
        ("Кей Мейт", "brand-kmate"),
        ("КейМейт", "brand-kmate"),
        ("Экс Джей Маркет", "brand-xj-market"),
        ("Εξ Τζέι Μάρκετ", "brand-xj-market"),
        ("إكس جيه ماركت", "brand-xj-market"),
        ("Эйч-Ти-Эс Нотес", "brand-hts-notes"),
        ("क्यू क्यू", "app-tencent-qq"),
        ("डब्ल्यूपीएस ऑफिस", "app-wps-office"),  # a word of three letters' names
        ("Քյու Քյու", "app-tencent-qq"),
        ("ქიუ ქიუ", "app-tencent-qq"),
        ("დაბლიუ პი ეს ოფისი", "app-wps-office"),
        ("ვი მეითი", "app-vmate"),
        ("Зед Кью Нет", "brand-zqnet"),  # letters apart, then the word they are glued to
        ("زد كيو نت", "brand-zqnet"),
        ("คิวคิว วอลเล็ต", "app-qq-wallet"),  # Thai: two letters' names, one word
        ("ดับเบิลยูพีเอส ออฟฟิศ", "app-wps-office"),
    ],
)
def test_a_brand_with_its_letters_written_as_names_is_found(
    screener: Screener, query: str, entity: str
) -> None:
    transliterated_hit(screener, query, entity)  # REVIEW, never BLOCK alone


@pytest.mark.parametrize("query", ["ケーメイト", "Кей Мейт", "КейМейт"])
def test_letters_names_count_on_organisations_only(screener: Screener, query: str) -> None:
    """A person listed as KMATE is not met by a brand's letters: the reading is a brand's."""
    hit = found(screener, query)
    assert "brand-kmate" in hit and "person-kmate" not in hit


@pytest.mark.parametrize(
    ("word", "script", "written"),
    [
        ("архив", "Cyrillic", "архив"),  # ар (R) + "khiv": a word's first syllable
        ("пилот", "Cyrillic", "Пилот"),
        ("вимейт", "Cyrillic", "Вимейт"),  # no capital where the run ends
        ("εντάξει", "Greek", "Εντάξει"),
        ("بيت", "Arabic", "بيت"),  # abjads have no capitals: only words apart
        ("אוקיי", "Hebrew", "אוקיי"),  # okay, "o" + "k"
    ],
)
def test_an_alphabets_word_is_read_only_where_a_capital_ends_the_letters(
    letters: LetterNames, word: str, script: str, written: str
) -> None:
    assert letters.readings(word, script, capitals(written).get(word, ())) == []


@pytest.mark.parametrize(
    ("word", "script", "read"),
    [("бибиси", "Cyrillic", ["bbc"]), ("सीटी", "Devanagari", []), ("بيتي", "Arabic", [])],
)
def test_a_word_of_three_letters_names_or_more_is_read_without_a_capital(
    letters: LetterNames, word: str, script: str, read: list[str]
) -> None:
    """Two make many a word (सीटी, a whistle, "ct"; بيتي, my house, "bt")."""
    assert letters.readings(word, script) == read


def test_a_capital_where_the_letters_end_is_read(letters: LetterNames) -> None:
    assert letters.readings("вимейт", "Cyrillic", capitals("ВиМейт")["вимейт"]) == ["vmeit"]
    assert "qq" in letters.readings("кьюкью", "Cyrillic", capitals("КьюКью")["кьюкью"])


@pytest.mark.parametrize(
    ("words", "roman", "script", "runs"),
    [
        (
            ("кью", "кью", "уоллет"),
            ("kyu", "kyu", "uollet"),
            "Cyrillic",
            [(0, 2, "qq"), (0, 3, "qquollet")],
        ),
        (("дабл", "ю", "пи", "эс"), ("dabl", "yu", "pi", "es"), "Cyrillic", [(0, 4, "wps")]),
        (("ви", "мейт"), ("vi", "meit"), "Cyrillic", [(0, 2, "vmeit")]),
        (("и", "мир"), ("i", "mir"), "Cyrillic", []),  # "and": a vowel's name is not glued
        (("тенсент", "ви", "мейт"), ("tensent", "vi", "meit"), "Cyrillic", []),  # not first
        (("في", "العراق"), ("fy", "alʿraq"), "Arabic", []),  # "in", before a vowel
        # Arabic writes B and P alike: both are read
        (("بي", "إم"), ("by", "am"), "Arabic", [(0, 2, "bm"), (0, 2, "pm")]),
        (("בי", "בי", "סי"), ("by", "by", "sy"), "Hebrew", [(0, 3, "bbc")]),
        (("μπι", "μπι", "σι"), ("bi", "bi", "si"), "Greek", [(0, 3, "bbc")]),
    ],
)
def test_words_that_are_letters_names_are_read_as_one(
    letters: LetterNames,
    words: tuple[str, ...],
    roman: tuple[str, ...],
    script: str,
    runs: list[tuple[int, int, str]],
) -> None:
    assert letters.runs(words, roman, script) == runs


@pytest.mark.parametrize(
    ("word", "read"),
    [("meit", "mate"), ("vmeit", "vmate"), ("geim", "game"), ("treis", "treis"),
     ("aleksei", "aleksei"), ("eit", "eit")],
)  # fmt: skip
def test_an_english_a_written_as_said_is_also_read_as_spelt(word: str, read: str) -> None:
    """Cyrillic and Greek write "mate" as it is said, мейт ("meit"); not before an "s",
    which ends Greek's verbs and plurals (τρεις, three)."""
    assert said_a_reading(word) == read


@pytest.mark.parametrize(
    ("word", "read"),
    [("fawei", "huawei"), ("fu", "hu"), ("fuiritsupu", "huiritsupu"), ("tanaka", "tanaka")],
)
def test_kana_fu_is_also_read_hu(word: str, read: str) -> None:
    assert kana_h_reading(word) == read


@pytest.mark.parametrize(
    ("word", "read"),
    [("sheaitto", "shearitt"), ("kea", "kear"), ("hea", "hear"), ("tanaka", "tanaka")],
)
def test_kana_ea_is_also_read_with_its_r(word: str, read: str) -> None:
    """English does not say the "r" of "-are", "-air", "-ear", and katakana writes "ea"."""
    assert kana_r_reading(word) == read


def test_a_brand_written_with_an_unsaid_r_in_katakana_is_found(screener: Screener) -> None:
    """シェアイット ("sheaitto") was CLEAR against SHAREit."""
    score, method = found(screener, "シェアイット")["app-shareit"]
    assert score >= review(screener) and method == "transliterated"


@pytest.mark.parametrize(
    ("word", "read"),
    [("sweeois", "shearit"), ("syeeois", "shearit"), ("keeo", "kear"), ("syepeu", "shep"),
     ("seoul", "seoul"), ("kimjeongeun", "kimjeongeun")],
)  # fmt: skip
def test_hangul_sh_and_eeo_are_also_read_as_english_writes_them(word: str, read: str) -> None:
    assert hangul_r_reading(word) == read


@pytest.mark.parametrize("written", ["쉐어잇", "셰어잇"])
def test_a_brand_written_with_an_unsaid_r_in_hangul_is_found(
    screener: Screener, written: str
) -> None:
    """쉐어잇 ("sweeois") was CLEAR against SHAREit, where シェアイット is a hit."""
    score, method = found(screener, written)["app-shareit"]
    assert score >= review(screener) and method == "transliterated"


def test_a_chinese_name_written_in_katakana_with_fu_is_found(screener: Screener) -> None:
    """ファーウェイ ("fawei") is Huawei: Japanese writes Chinese "hu" with フ."""
    hit = found(screener, "ファーウェイ")
    assert hit["huawei"][0] >= review(screener)


KANA = LetterNames(load_matching_config())


@given(st.text(alphabet=st.characters(min_codepoint=0x3040, max_codepoint=0x30FF), max_size=12))
def test_any_kana_is_read_without_raising(word: str) -> None:
    for reading in KANA.readings(word, "Kana"):
        assert reading and reading == reading.lower() and reading.isascii()


SCRIPTS = {"Cyrillic": (0x400, 0x4FF), "Greek": (0x370, 0x3FF), "Hebrew": (0x590, 0x5FF),
           "Arabic": (0x600, 0x6FF), "Thai": (0xE00, 0xE7F)}  # fmt: skip


@given(
    st.sampled_from(sorted(SCRIPTS)).flatmap(
        lambda script: st.tuples(
            st.just(script),
            st.lists(st.text(st.characters(min_codepoint=SCRIPTS[script][0],
                                           max_codepoint=SCRIPTS[script][1]),
                             min_size=1, max_size=8),
                     max_size=5),
        )
    )
)  # fmt: skip
# Two letters' names, then a word the romaniser keeps (archaic heta): glued to the letters,
# the run was "eeͱ".
@example(("Greek", ["Ί", "Ί", "Ͱ"]))
@example(("Greek", ["ΕΛ", "Ͱ"]))  # ... and one letter's name glued to it: "lͱ"
def test_any_words_in_an_alphabet_or_abjad_are_read_without_raising(
    written: tuple[str, list[str]],
) -> None:
    """Readings and runs are lower-case ASCII letters, each run inside the words given."""
    script, words = written
    text = " ".join(words)
    for word in words:
        for reading in KANA.readings(word.casefold(), script, capitals(text).get(word, ())):
            assert reading == reading.lower() and reading.isascii()
    folded = [w.casefold() for w in words]
    for start, end, spelt in KANA.runs(folded, folded, script):
        assert 0 <= start < end <= len(words) and spelt.isascii() and spelt.isalpha()


@pytest.mark.parametrize(
    "table",
    [{"Kana": {"q": ["キュー"]}}, {"Kana": {"Q": ["kyu"]}}, {"Latin": {"Q": ["kyu"]}},
     {"Hangul": {"Q": []}}, {"Cyrillic": {"Q": ["Кью"]}}, {"Cyrillic": {"W": ["дабл-ю"]}},
     {"Cyrillic": {"W": ["да бл ю"]}}],
)  # fmt: skip
def test_letter_names_are_checked_at_load(tmp_path: Path, table: object) -> None:
    refused_setting(tmp_path, "letter_names", table)
