"""Names in every script, persons' names, and names inside longer strings.

The cases are the ones a new user met as wrong CLEARs (and, for persons, as false hits);
the properties cover the classes they stand for: any listed name with a reference number or
an invisible character, any name and its transliteration, any accents, any Unicode.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rigour.text.translit import ascii_text

from banscreen.engine import Screener, ScreenOptions
from banscreen.match.compounds import assimilated
from banscreen.match.loanwords import (
    greek_reading,
    loanword_reading,
    thai_reading,
    thai_sh_reading,
)
from banscreen.match.pinyin import pinyin_syllables, transcription_reading
from banscreen.match.text import persian_reading, romanise
from banscreen.model import Outcome, Policy, Transaction
from helpers.matching import (
    found,
    listed_data,
    persons_screener,
    persons_screener_with,
    refused_setting,
    review,
)

ZWSP, WORD_JOINER, RLO = "\u200b", "\u2060", "\u202e"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener()


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Сергей Шойгу", "person-shoigu"),  # Cyrillic
        ("Шойгу Сергей Кужугетович", "person-shoigu"),  # surname first, with patronymic
        ("テンセント", "tencent-holdings"),  # katakana
        ("Raúl Castro", "person-castro"),  # accents
        ("Société Générale", "org-societe-generale"),  # a name of generic and legal words
        ("reportedTencent Holdings Ltd.", "tencent-holdings"),  # words run together
        ("Ant Group's Alipay", "app-alipay"),  # a listed name inside a longer one
        ("Tencent's QQ Wallet", "app-qq-wallet"),
        ("腾讯的QQ钱包", "app-qq-wallet"),  # Chinese's possessive: an acronym and a generic
        ("QQ钱包付款", "app-qq-wallet"),  # word were no phrase in characters (CLEAR)
        ("S. K. Shoigu", "person-shoigu"),  # initials
        ("President Xi Jinping", "person-xi"),  # a title
        ("Xi Jinping", "person-xi"),
        ("习近平", "person-xi"),
        ("习近平主席", "person-xi"),  # titles in other scripts, glued or after the name
        ("김정은 위원장", "person-kim"),
        ("金正恩委员长", "person-kim"),
        ("Sergei Shoigu", "person-shoigu"),  # the patronymic dropped
        ("Kim Jong-un", "person-kim"),  # hyphen and spacing
        ("김정은", "person-kim"),  # Hangul, one word
        ("Gorbatchev", "person-gorbachev"),  # French spelling
        ("Mikhail Gorbatschow", "person-gorbachev"),  # German spelling
        ("Tschaikowski", "person-tchaikovsky"),
        ("Sheikh Isa bin Tarif", "person-isa"),
        ("Alipay 12345", "app-alipay"),  # reference numbers
        ("WeChat Pay ref 88231", "app-wechat-pay"),
        ("CamScanner INV 7781", "app-camscanner"),
        (f"We{ZWSP}Chat Pay", "app-wechat-pay"),  # invisible characters
        (f"We{WORD_JOINER}Chat Pay", "app-wechat-pay"),
        (f"Ali{RLO}pay", "app-alipay"),
    ],
)
def test_what_was_a_wrong_clear_reaches_review(screener: Screener, query: str, entity: str) -> None:
    hits = found(screener, query)
    assert entity in hits, (query, hits)
    assert hits[entity][0] >= review(screener)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("MOHAMMED ALI HASSAN AL-BAKRI", "person-al-bakri"),  # another given name
        ("PARK SUNG HO", "person-park"),  # a Korean given name sharing one syllable
        ("Hans O Friedrich", "person-gorbachev"),  # unrelated
        ("Sergei Ivanovich Shoigu", "person-shoigu"),  # another patronymic
        ("IMONE Z", "person-imani"),  # an initial beside a part that only sounds alike
    ],
)
def test_different_persons_stay_below_review_with_a_margin(
    screener: Screener, query: str, entity: str
) -> None:
    hits = found(screener, query)
    assert entity not in hits
    score = screener.matcher.compare(
        query, screener.registry.entities[entity].display_name, schema="person"
    )[0]
    assert score <= review(screener) - 0.05, score


@pytest.mark.parametrize(
    ("query", "entity", "listed"),
    [
        ("Z. Imani", "person-imani", True),  # an initial beside a part spelt as listed
        ("Zia Imany", "person-imani", True),
        ("IMONE Z", "person-imani", False),  # ... not beside one that only sounds alike
        ("DEF Electronics", "person-al-dayf", False),  # an organisation, not a person
        ("Muhammad Al-Dayf Trading", "person-al-dayf", True),  # a person's name in a firm's
        ("M. Al-Dayf", "person-al-dayf", True),
    ],
)
def test_an_initial_or_a_sound_alike_is_evidence_only_with_a_part_spelt_as_listed(
    screener: Screener, query: str, entity: str, listed: bool
) -> None:
    """Found in real payment files: "IMONE Z" (Lithuanian for "company Z") reached REVIEW
    against "IMANI, Zia" by one sound-alike word and an initial, and "DEF Electronics"
    against "AL-DAYF, Muhammad" by the sound of one word. An organisation's name meets a
    listed person by organisations' rules, so a person's name spelt out inside it still
    does."""
    hits = found(screener, query)
    assert (entity in hits) is listed, (query, hits)


def block(screener: Screener) -> float:
    return screener.registry.matching.thresholds.block


@pytest.mark.parametrize(
    ("a", "b", "schema", "blocks"),
    [
        # The same parts in another order: brothers, or a surname put first. A REVIEW.
        ("ARELLANO FELIX, Ramon Eduardo", "ARELLANO FELIX, Eduardo Ramon", "person", False),
        ("Putin Vladimir", "Vladimir Putin", "person", False),
        # "SURNAME, Given Names" is the same order, spoken.
        ("SHOIGU, Sergei Kuzhugetovich", "Sergei Kuzhugetovich Shoigu", "person", True),
        # Another generic word is another organisation (MEC and MEHL are two parties).
        ("Myanmar Economic Corporation Limited", "Myanmar Economic Holding Limited",
         "organization", False),
        ("Societe Anonyme Acmeco", "Société Anonyme Acmeco", "organization", True),
        # A place in one organisation's name only: a subsidiary or a branch there.
        ("Quintar Zorvex Habanero Velmora Shipbrokers Pte. Ltd.",
         "Quintar Zorvex Habanero Velmora Shipbrokers Singapore Pte. Ltd.", "organization", False),
        # Another word order is the name when nothing else is missing, a REVIEW otherwise.
        ("Quintar Zorvex Habanero Restaurante", "Restaurante Habanero Quintar Zorvex",
         "organization", True),
        ("Quintar Zorvex Habanero Restaurante", "Restaurante el Habanero Quintar Zorvex",
         "organization", False),
        ("Quintar Zorvex Habanero Restaurante", "Quintar Zorvex el Habanero Restaurante",
         "organization", True),
    ],
)  # fmt: skip
def test_what_may_block_and_what_is_for_a_person_to_confirm(
    screener: Screener, a: str, b: str, schema: str, blocks: bool
) -> None:
    score = screener.matcher.compare(a, b, schema=schema)[0]
    assert score >= review(screener), score
    assert (score >= block(screener)) is blocks, score


def test_a_legal_form_typed_without_accents_is_dropped_like_the_accented_one(
    screener: Screener,
) -> None:
    normaliser = screener.matcher.normaliser
    assert normaliser.form("Acmeco Societe Anonyme").tokens == ("acmeco",)
    assert normaliser.form("Acmeco Société Anonyme").tokens == ("acmeco",)
    assert normaliser.form("ab áb").tokens == normaliser.form("ab ab").tokens


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("ג'מאל קרופורד", "Jamal Crawford"),  # a geresh: ג׳ is "j"
        ("אנג'לה מולינה", "Angela Molina"),  # vav and a final he are vowels
        ("גולדה מאיר", "Golda Meir"),
        ("سميرة الشاهبندر", "Samira Shahbandar"),  # a final ta marbuta is a vowel
        ("عزت ابراهيم الدوري", "Izzat Ibrahim al-Duri"),  # a waw after a consonant is "u"
        ("حمزة أسامة محمد بن لادن", "Hamza Usama Muhammad bin Laden"),  # ta marbuta after z
        ("סאמי הדאווי", "Sami Hadawi"),  # a doubled vav is a consonant
        ("אוטו פרס מולינה", "Otto Pérez Molina"),  # a first aleph and vav are a vowel
        ("מיקי לוי", "Mickey Levy"),  # a vav after a consonant may be a "v"
        ("نور محمد ثاقب", "Noor Mohammad Saqib"),  # ث read the Persian way, "s"
        ("فضل محمد مظلوم", "Fazl Mohammad Mazloom"),  # ض and ظ read the Persian way, "z"
    ],
)
def test_abjads_write_vowels_with_letters(screener: Screener, written: str, latin: str) -> None:
    score = screener.matcher.compare(written, latin, schema="person")[0]
    assert score >= review(screener), score


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("جلال الدين حقانى", "person-haqqani"),  # الدين romanises "al dyn"
        ("Jalal al-Din Haqqani", "person-haqqani"),
        ("Jalal ud Din Haqqani", "person-haqqani"),
        ("حبیب الله رشاد", "person-reshad"),  # الله romanises "al lh"
        ("Habib Allah Reshad", "person-reshad"),
    ],
)
def test_a_compound_name_written_apart_meets_its_listed_one_word_form(
    screener: Screener, query: str, entity: str
) -> None:
    score, _ = found(screener, query)[entity]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Mohammed Omar Hassan Elbakri", "person-al-bakri"),  # a particle glued on
        ("Mohammed Omar Hassan Albakri", "person-al-bakri"),
        ("Hamidreza Moghaddam", "person-moghaddam"),  # "Hamidreza" is listed too (KARIMI)
    ],
)
def test_a_name_part_written_together_meets_its_listed_parts(
    screener: Screener, query: str, entity: str
) -> None:
    score, _ = found(screener, query)[entity]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


@pytest.mark.parametrize("query", ["Kim Chong Un", "KIM Cho'ng-u'n"])
def test_mccune_reischauer_meets_revised_romanization(screener: Screener, query: str) -> None:
    """Korean ㅈ is "ch" in one romanisation and "j" in the other (Chong, Jong): "ch" may
    be read either way, so the listed KIM JONG UN is a REVIEW, never a BLOCK."""
    score, _ = found(screener, query)["person-kim"]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


def test_a_spelling_of_two_sound_classes_gives_a_word_both_keys(screener: Screener) -> None:
    sound = screener.matcher.names.sound
    assert sound.key("jong") in sound.keys("chong")  # Korean, Spanish, Russian "ch"
    assert sound.key("mykl") in sound.keys("michael")  # English "ch": ICU's Hebrew מייקל
    assert sound.keys("jong") == (sound.key("jong"),)  # a word without one has one key
    assert sound.similarity("chong", "jong") == sound.equal_score


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("ハート", "Heart"),
        ("ジャガー", "Jaguar"),
        ("메이너드 케인스", "Maynard Keynes"),
        ("필 라마", "Phil LaMarr"),
    ],
)
def test_an_r_english_does_not_sound_may_be_left_out(
    screener: Screener, written: str, latin: str
) -> None:
    """Japanese and Korean renderings of English names leave out an "r" after a vowel."""
    assert screener.matcher.compare(written, latin, schema="person")[0] >= review(screener)


def test_only_an_r_after_a_vowel_and_before_a_consonant_or_the_end_is_unsounded(
    screener: Screener,
) -> None:
    sound = screener.matcher.names.sound
    assert sound.keys("heart") == ("HRT", "HT")
    assert sound.keys("maria") == ("MR",)  # before a vowel: sounded
    assert all("R" in key for key in sound.keys("brown"))  # after a consonant: sounded


def test_a_w_or_h_after_a_vowel_and_before_a_consonant_is_unsaid(screener: Screener) -> None:
    sound = screener.matcher.names.sound
    assert sound.key("lason") in sound.keys("lawson")
    assert sound.key("jon") in sound.keys("john")
    assert sound.key("hwite") in sound.keys("white")
    assert sound.keys("hawa") == (sound.key("hawa"),)  # before a vowel: said
    assert sound.keys("mohammed") == (sound.key("mohammed"),)


def test_a_w_after_a_consonant_is_a_vowel_or_a_v(screener: Screener) -> None:
    """ICU writes the abjads' vav and waw "w": a vowel after a consonant (mwlynh, Molina)
    or the consonant v (lwy, Levy); a word gets a key for each reading."""
    sound = screener.matcher.names.sound
    assert sound.key("molina") in sound.keys("mwlynh")
    assert sound.key("levy") in sound.keys("lwy")
    assert sound.keys("levy") == (sound.key("levy"),)


def test_an_organisations_word_sounds_alike_by_its_first_key_only(screener: Screener) -> None:
    """The other readings are of persons' names: without an "r", "Lazard" would sound like
    the listed "Lazada", a different company (held-out pair)."""
    sound = screener.matcher.names.sound
    assert sound.similarity("lazard", "lazada") == sound.equal_score  # as persons' names
    assert sound.similarity("lazard", "lazada", every_key=False) < sound.equal_score
    assert "lazada-group" not in found(screener, "Lazard Ltd")


@pytest.mark.parametrize(
    ("written", "latin"),
    [("하워드 진", "Howard Zinn"), ("라자르 안겔로프", "Lazar Angelov"), ("진 켈리", "Gene Kelly")],
)  # fmt: skip
def test_korean_writes_z_and_a_soft_g_with_its_j(
    screener: Screener, written: str, latin: str
) -> None:
    """Korean has no "z" and writes English's soft "g" as it writes "j" (ㅈ): "z", "ge" and
    "gi" may be read as "j"."""
    assert screener.matcher.compare(written, latin, schema="person")[0] >= review(screener)


def test_a_word_is_split_only_into_a_particle_or_two_listed_name_parts(
    screener: Screener,
) -> None:
    names = screener.matcher.names
    assert names.split_particle("elbakri") == ("el", "bakri")
    assert names.split_particle("elbakrix") is None  # "bakrix" is no listed word
    assert names.split_two_names("hamidreza") == ("hamid", "reza")
    assert names.split_two_names("hamidrezaa") is None


def test_words_are_joined_only_around_a_linking_particle(screener: Screener) -> None:
    names = screener.matcher.names
    # "Jalal Din": no particle links the two, so they stay two words.
    assert names.join_compounds(names.normaliser.form("Jalal Din Haqqani")) is None
    joined = names.join_compounds(names.normaliser.form("Jalal al Din Haqqani"))
    assert joined is not None and joined.tokens == ("jalalaldin", "haqqani")
    # Nothing listed sounds like the joined words: nothing is joined.
    assert names.join_compounds(names.normaliser.form("Omar al Farouk")) is None


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Siraj al-Din Haqqani", "SIRAJUDDIN HAQQANI"),  # the article said as the d
        ("سراج الدين حقاني", "SIRAJUDDIN HAQQANI"),
        ("شهاب الدين دلاور", "SHAHABUDDIN DELAWAR"),
        ("Abd al-Salam Zaeef", "ABDUSSALAM ZAEEF"),  # ... as the s
        ("Shams al-Din Ahmad", "SHAMSUDDIN AHMAD"),
    ],
)
def test_a_compound_joined_with_its_article_said_as_the_sun_letter_after_it(
    screener: Screener, query: str, listed: str
) -> None:
    """Arabic says al-Din as ud-Din: joined as written ("sirajaldin", SRJRTN), the compound
    sounded unlike the listed one word (SRJTN), and each pair was CLEAR (0.00-0.64)."""
    assert screener.matcher.compare(query, listed, schema="person")[0] >= review(screener)


def test_the_article_is_said_as_a_sun_letter_only_and_not_before_an_l() -> None:
    """ "al lh" (Allah) already sounds as said; read "alh", هدايت الله met HYDRA and مطيع الله
    METEOR PLANT JSC (bench/cross_script_hits.py)."""
    assert assimilated(("sraj", "al", "dyn")) == "srajadyn"
    assert assimilated(("abd", "el", "rahman")) == "abdarahman"
    assert assimilated(("hdayt", "al", "lh")) == "hdaytallh"
    assert assimilated(("nur", "al", "hdy")) == "nuralhdy"  # h is a moon letter


def test_compare_joins_a_compound_against_the_other_name_either_way(screener: Screener) -> None:
    compare = screener.matcher.compare
    one = compare("Nour al Din Hassan", "Noureddine Hassan", schema="person")[0]
    other = compare("Noureddine Hassan", "Nour al Din Hassan", schema="person")[0]
    assert one == other >= review(screener)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Park Jin", "person-park-se-jin"),  # "Se" (SE, a European company) left out
        ("Kim In Ho", "person-kim-ho"),  # "In" (a form of the llc class) added
        ("Park Se Jin", "person-park-se-jin"),
    ],
)
def test_a_persons_syllable_that_is_also_a_legal_form_is_a_name_part(
    screener: Screener, query: str, entity: str
) -> None:
    """Such a word is kept in the reading persons are scored by: a name with it and one
    without are a REVIEW at most, never a BLOCK, and the name itself still BLOCKs."""
    score, _ = found(screener, query)[entity]
    thresholds = screener.registry.matching.thresholds
    listed = screener.registry.entities[entity].names[0].value
    if screener.matcher.normaliser.form(query).person.tokens == (
        screener.matcher.normaliser.form(listed).person.tokens
    ):
        assert score >= thresholds.block
    else:
        assert thresholds.review <= score < thresholds.block


def test_two_persons_who_differ_by_such_a_syllable_do_not_block(screener: Screener) -> None:
    compare = screener.matcher.compare
    block = screener.registry.matching.thresholds.block
    assert compare("Kim In Ho", "Kim Ho", schema="person")[0] < block
    assert compare("Kim In Ho", "Kim Sa Ho", schema="person")[0] < review(screener)
    # An organisation's reading still drops the legal form.
    form = screener.matcher.normaliser.form("Acmeco Trading SA")
    assert "sa" not in form.tokens and "sa" in form.person.tokens


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("재커리 베넷", "Zachary Bennett"),  # ㄹ between vowels an r; a final ㅅ a t
        ("오슨 스콧 카드", "Orson Scott Card"),  # an "eu" added to carry a bare consonant
        ("야니스 루시스", "Jānis Lūsis"),
    ],
)
def test_a_foreign_name_written_in_hangul_meets_its_latin_form(
    screener: Screener, written: str, latin: str
) -> None:
    score = screener.matcher.compare(written, latin, schema="person")[0]
    assert score >= review(screener), score


def test_the_loanword_reading_of_hangul() -> None:
    assert loanword_reading("seukos") == "skot"  # 스콧, Scott
    assert loanword_reading("kadeu") == "kad"  # 카드, Card
    assert loanword_reading("jaekeoli") == "jaekeori"  # 재커리, Zachary
    assert loanword_reading("keinseu") == "keins"  # 케인스: the s of "seu" is not a final ㅅ
    assert loanword_reading("bagjiseong") == "bagjiseong"  # 박지성: nothing to read


@given(st.text(alphabet="abdegijklmnorsuy", max_size=12))
def test_the_loanword_reading_only_drops_letters_or_reads_s_as_t_and_l_as_r(word: str) -> None:
    read = loanword_reading(word)
    assert len(read) <= len(word)
    assert set(read) <= set(word) | {"t", "r"}


@pytest.mark.parametrize(
    ("written", "entity"),
    [
        ("谢尔盖·绍伊古", "person-shoigu"),  # the parts apart, as Chinese writes a foreign name
        ("谢尔盖・库茹格托维奇・绍伊古", "person-shoigu"),  # a katakana middle dot; the patronymic
        ("米哈伊尔 戈尔巴乔夫", "person-gorbachev"),  # a space
        ("Σεργκέι Σόιγκου", "person-shoigu"),  # Greek: γκ a g, ου a u
        ("Χουαγουέι", "huawei"),  # Greek: a first χ an h, γου a w
        ("Τένσεντ Χόλντινγκς", "tencent-holdings"),
        ("ウィーチャットペイ", "app-wechat-pay"),  # kana: one word, ウィ a "wi"
        ("위챗페이", "app-wechat-pay"),  # Hangul: one word, 챗's ㅅ a t
        ("วีแชทเพย์", "app-wechat-pay"),  # Thai: one word
        ("ВиЧат Пэй", "app-wechat-pay"),  # Cyrillic: "pei" alone is too short to say anything
        ("ВиЧатПэй", "app-wechat-pay"),
        ("テンセントホールディングス", "tencent-holdings"),  # kana puts a vowel between words
        ("텐센트홀딩스", "tencent-holdings"),
        ("อาลีเพย์", "app-alipay"),  # Thai: อ carries a vowel, which ICU writes "x"
        ("キャムスキャナー", "app-camscanner"),  # spelt far apart, but the keys equal and long
        ("وي تشات باي", "app-wechat-pay"),  # Arabic: تش, ICU's "tsh", is "ch"; words apart
        ("ويتشات باي", "app-wechat-pay"),
        ("QQ월렛", "app-qq-wallet"),  # a Latin name glued to a word in Hangul: two words
        ("WPS오피스", "app-wps-office"),
    ],
)
def test_a_name_written_in_another_script_reaches_review_and_never_blocks(
    screener: Screener, written: str, entity: str
) -> None:
    score, method = found(screener, written)[entity]
    assert review(screener) <= score < screener.registry.matching.thresholds.block
    assert method == "transliterated"


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("巴拉克·奥巴马", "Barack Obama"),
        ("拉姆赞·卡德罗夫", "Ramzan Kadyrov"),
        ("哈桑·纳斯鲁拉", "Hassan Nasrallah"),
        ("奥列格·德里帕斯卡", "Oleg Deripaska"),
    ],
)
def test_a_foreign_name_written_in_chinese_meets_its_latin_form(
    screener: Screener, written: str, latin: str
) -> None:
    score, method, _ = screener.matcher.compare(written, latin, schema="person")
    assert score >= review(screener) and method == "transliterated", (score, method)


def test_a_chinese_name_is_not_read_as_a_foreign_one(screener: Screener) -> None:
    """Chinese writes a foreign name's parts apart and a Chinese name as one word of two to
    four characters: read as a sound-alike, 万国怡 ("vangoi") would meet every listed name
    that sounds like it. One word is read when long and written with a syllable that
    carries a bare consonant (特 te, 斯 si), or when it does not start with a frequent
    Chinese surname (布雷特, Brett; then only as a one-word name it spells: tests in
    test_foreign_han.py)."""
    assert screener.matcher.compare("王伟", "Wang Wei", schema="person")[0] >= review(screener)

    own_floor = screener.registry.matching.han_own_spelling_support

    def read(text: str) -> bool:
        """Read as a sound-alike; a Chinese name as Hong Kong spells it (`spelt`) counts
        only where a listed name holds its words as written (test_cantonese.py), and as the
        model spells a foreign name only on a one-word name its characters support by the
        floor of a word that may be Chinese (test_spelling_models.py)."""
        variants = screener.matcher.names.variants(text)
        return any(
            v.form.script == "Latin"
            and not v.spelt
            and (v.heard is None or v.heard.floor < own_floor)
            for v in variants
        )

    assert read("布雷特·拉施") and read("阿克肖诺夫")  # parts apart; Aksyonov, long, with 克 ke
    assert not read("万国怡") and not read("王伟")  # one word, short, from a frequent surname
    assert read("布雷特")  # one word, short, and 布 starts no frequent Chinese name
    assert not read("欧阳建国")  # four characters from a compound surname
    # Nor is an organisation's name, parts apart or not.
    assert not read("腾讯·控股有限公司")


def test_the_transcription_reading_of_chinese() -> None:
    assert transcription_reading(["bu", "lei", "te"]) == "blet"  # 布雷特, Brett
    assert transcription_reading(["xie", "er", "gai"]) == "serge"  # 谢尔盖, Sergei
    assert transcription_reading(["shao", "yi", "gu"]) == "shoigu"  # 绍伊古, Shoigu
    assert transcription_reading(["ke", "lun", "pu", "er"]) == "klunpr"  # 克伦普尔, Crumpler
    assert transcription_reading(["wu", "si", "ma", "nuo", "fu"]) == "usmanof"  # Usmanov
    assert transcription_reading(["de", "li", "pa", "si", "ka"]) == "dlipaska"  # Deripaska


@given(st.lists(st.sampled_from(sorted(pinyin_syllables())), max_size=8))
def test_the_transcription_reading_is_latin_letters_no_longer_than_its_syllables(
    syllables: list[str],
) -> None:
    read = transcription_reading(syllables)
    assert read == "" or (read.isascii() and read.isalpha())
    assert len(read) <= len("".join(syllables)) + len(syllables)


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("Дияна", "Tan S.A."),  # keys of two classes: "diiana" and "tan" are both TN
        ("Дама", "Tamar"),  # the same
        ("Бория", "Valor"),  # keys of three classes (PRR), spelt 0.33 alike
        ("Вурук", "FARC-EP"),
        ("Бигтоп Пэй", "WeChat Pay"),  # whole keys equal (PKTP), spelt otherwise
    ],
)
def test_an_organisations_name_in_another_script_does_not_meet_a_mere_sound_alike(
    screener: Screener, written: str, latin: str
) -> None:
    score = screener.matcher.compare(written, latin, schema="organization")[0]
    assert score < review(screener), score


@pytest.mark.parametrize(
    ("written", "entity"),
    [
        ("Оплата через Алипэй", "app-alipay"),  # "payment through ...": Cyrillic words around
        ("텐센트 코리아", "tencent-holdings"),  # a place after it, in Hangul
        ("アリペイ決済", "app-alipay"),  # kana among characters: read by the kana
        ("ウィーチャットペイ決済", "app-wechat-pay"),
    ],
)
def test_an_apps_name_inside_a_longer_one_in_another_script_reaches_review(
    screener: Screener, written: str, entity: str
) -> None:
    score, method = found(screener, written)[entity]
    assert score == pytest.approx(screener.registry.matching.contained_score)
    assert method == "transliterated"


@pytest.mark.parametrize(
    ("written", "bare", "entity"),
    [
        ("주식회사 텐센트", "텐센트", "tencent-holdings"),
        ("화웨이 주식회사", "화웨이", "huawei"),
        ("Huawei 주식회사", "Huawei", "huawei"),
        ("WPS Office 주식회사", "WPS Office", "app-wps-office"),
        ("شركة تينسنت", "تينسنت", "tencent-holdings"),
        ("شركة ZTE", "ZTE", "zte"),
        # English forms as Russian, Japanese and Korean write a foreign firm's, by sound
        ("ЗТЕ Корпорейшн", "ЗТЕ", "zte"),
        ("ZTEコーポレーション", "ZTE", "zte"),
        ("ZTE 코퍼레이션", "ZTE", "zte"),
        ("Хуавэй Текнолоджиз Ко., Лтд.", "Хуавэй Текнолоджиз", "huawei"),
        ("Райот Геймс Инк.", "Райот Геймс", "riot-games"),
        ("Эпик Геймс Инкорпорейтед", "Эпик Геймс", "epic-games"),
        ("スナップ・インク", "スナップ", "snap-inc"),
        (
            "ファーウェイ・テクノロジーズ・カンパニー・リミテッド",
            "ファーウェイ・テクノロジーズ",
            "huawei",
        ),
        ("스냅 인크", "스냅", "snap-inc"),
        ("화웨이 테크놀로지스 컴퍼니 리미티드", "화웨이 테크놀로지스", "huawei"),
    ],
)
def test_a_legal_form_in_korean_or_arabic_is_dropped_as_a_latin_one_is(
    screener: Screener, written: str, bare: str, entity: str
) -> None:
    """`legal_forms_other_scripts`: rigour's table finds 주식회사 but leaves it in the name,
    and holds no شركة ("company"), nor the English forms written by their sound (Корпорейшн,
    コーポレーション, 코퍼레이션, Ко., Инк.); the name kept the word, and "화웨이 주식회사",
    "Huawei 주식회사", "ZTE 코퍼레이션" were CLEAR where "화웨이", "Huawei", "ZTE" are hits."""
    assert found(screener, written).get(entity) == found(screener, bare)[entity]


def test_a_short_legal_form_in_cyrillic_stays_in_a_persons_reading(screener: Screener) -> None:
    """ "Ко" (Co.) is read as a legal form in a firm's name, and kept in a person's reading,
    where it is a Korean surname (고, Ko) as Russian writes it, as "Co" is kept in Latin."""
    normaliser = screener.matcher.names.normaliser
    assert normaliser.form("Акме Ко., Лтд.").tokens == normaliser.form("Акме").tokens
    assert normaliser.person_form("Ко Ён Хи").tokens == ("ко", "ён", "хи")


@pytest.mark.parametrize(
    ("written", "entity"),
    [
        ("Оплата через Сбербанк", None),  # nothing listed sounds like it
        ("Оплата через Владимир Путин", "app-qq-wallet"),  # a phrase of no distinctive word
        ("אלי אלאלוף", "app-alipay"),  # an abjad's key of three classes: found in many names
        ("Оплата через Алибек", "app-alipay"),  # ARPK: a key with a class more is another word
    ],
)
def test_a_longer_name_in_another_script_holds_no_app_by_a_mere_sound_alike(
    screener: Screener, written: str, entity: str | None
) -> None:
    hits = found(screener, written)
    assert (entity not in hits) if entity else not hits, hits


def test_free_text_in_another_script_is_searched_by_sound_within_bounds(
    screener: Screener,
) -> None:
    scan = screener.matcher.free_text.scan
    hits = scan("Оплачено через Алипэй за заказ 123")
    assert [(h.entry.entity_id, h.sounded) for h in hits] == [("app-alipay", True)]
    assert [h.sounded for h in scan("Paid with Alipay")] == [False]  # by its tokens
    # Arabic is not searched by sound word by word: without its vowels, "awlyf" (أوليف,
    # Olive) has the key of a listed app.
    assert scan("أوليف") == []
    # A word that sounds like an app's name but is spelt otherwise ("putinas", PTNS).
    assert scan("Оплата через Путинас") == []
    # Japanese writes the grammar after a foreign word in hiragana, and a brand as one word.
    assert screener.matcher.normaliser.text_tokens("アリペイで支払い")[:2] == ("アリペイ", "で")
    for text, entity in (("アリペイで支払い", "app-alipay"),
                         ("ウィーチャットペイでお支払い", "app-wechat-pay"),
                         ("위챗페이 결제", "app-wechat-pay"),
                         ("알리페이로 결제했습니다", "app-alipay")):  # a Korean particle, 로  # fmt: skip
        assert entity in [h.entry.entity_id for h in scan(text) if h.sounded], text
    # An app's name written apart in Arabic or Hebrew letters is matched whole (it was a
    # CLEAR), but a word of text alone is not, nor are frequent words that sound like one
    # out of order ("پائے واقعات"), or by less than equal keys ("لوحة طائرة", Hytera).
    for text, entity in (("الدفع عبر علي باي", "app-alipay"),
                         ("الدفع عبر وي تشات باي", "app-wechat-pay"),
                         ("תשלום דרך עלי פיי", "app-alipay")):  # fmt: skip
        assert entity in [h.entry.entity_id for h in scan(text) if h.sounded], text
    for text in ("شركات خدمات", "پائے واقعات", "لوحة طائرة", "علی بنایا", "כוללת נוכל"):
        assert scan(text) == [], text
    # A long text is searched by sound at its start only, and never fails.
    filler = " ".join(["слово"] * 1000)
    assert [h.entry.entity_id for h in scan(f"Алипэй {filler}")] == ["app-alipay"]
    assert scan(f"{filler} Алипэй") == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("payment: wechatpay", "app-wechat-pay"),  # a name of two words written as one
        ("Paid through We Chat Pay", "app-wechat-pay"),  # split elsewhere, "Pay" kept whole
        ("Ali-pay QR", "app-alipay"),  # a word hyphened apart
        ("We-Chat Pay transfer", "app-wechat-pay"),
        ("order 123 alipayhk", "app-alipay"),  # run together with a place's code
    ],
)
def test_free_text_finds_a_name_written_together_or_apart_otherwise(
    screener: Screener, text: str, entity: str
) -> None:
    """Each was a CLEAR: free text was searched by the names' own words only. Such a hit
    is a REVIEW at most, like a name found by sound."""
    hits = [h for h in screener.matcher.free_text.scan(text) if h.entry.entity_id == entity]
    assert hits and all(h.joined for h in hits), hits
    evidence = [e for e in screener.matcher.evidence_for(
        Transaction("t", date(2021, 3, 15), "payment", "Global Goods Ltd", text=text))
        if e.entity_id == entity]  # fmt: skip
    assert evidence and all(e.max_outcome == Outcome.REVIEW for e in evidence)


@pytest.mark.parametrize(
    "text", ["ten cent stamps", "share it with the team", "we chat every day", "king soft drinks"]
)
def test_english_words_run_together_do_not_spell_an_app(screener: Screener, text: str) -> None:
    """Words of ordinary text joined would spell names of one word ("Tencent", "SHAREit"):
    only a name of two words or more, with one of them kept whole, is found so."""
    assert screener.matcher.free_text.scan(text) == []


@given(st.text(alphabet="abcdghijkmnotuz", max_size=12))
def test_the_greek_reading_only_reads_two_letters_as_one(word: str) -> None:
    read = greek_reading(word)
    assert len(read) <= len(word) and (read == word) == (len(read) == len(word))


def test_the_readings_of_kana_thai_greek_and_hangul() -> None:
    assert romanise("ウィーチャット") == ("wichatto",)  # not "uichatto"
    assert romanise("ヴァイバー") == ("vaiba",)  # not "vuaiba"
    assert romanise("アイウエオ") == ("aiueo",)  # a full-size ウ is a vowel
    assert thai_reading("xaliphey") == "alipey"  # อาลีเพย์: อ carries the a; ph a foreign p
    assert thai_reading("mikhaxil") == "mikail"  # มิคาอิล, Mikhail: อ carries the i
    assert thai_reading("kxrbachxf") == "korbachof"  # กอร์บาชอฟ: อ the vowel o itself
    assert thai_reading("sexrke") == "serke"  # เซอร์เก, Sergei: เ-อ a foreign "er"
    assert thai_reading("cxng") == "jong"  # จ็อง, Jong: จ a foreign j
    assert thai_reading("chxyku") == "choyku"  # ชอยกู: ช ("ch") is no จ
    assert thai_reading("khadirxf") == "kadirof"  # คาดีรอฟ, Kadyrov
    assert thai_sh_reading("patruchef") == "patrushef"  # ปาตรูเชฟ, Patrushev
    assert greek_reading("bainten") == "baiden"  # Μπάιντεν, Biden
    assert greek_reading("soingou") == "soigu"  # Σόιγκου, Shoigu
    assert greek_reading("tzo") == "jo"  # Τζο, Joe
    assert greek_reading("giachia") == "yahia"  # Γιαχία, Yahya: γι a y, χ an h
    assert greek_reading("zaouachiri") == "zawahiri"  # Ζαουαχίρι: ου between vowels a w
    assert greek_reading("pringozin") == "prigozin"  # Πριγκόζιν: γκ a g, not γι
    assert greek_reading("chouagouei") == "huawei"  # Χουαγουέι
    assert greek_reading("christos") == "christos"  # Χρήστος: χ before a consonant stays
    assert loanword_reading("wichaespei") == "wichaetpei"  # 위챗페이: the ㅅ ends a syllable
    assert loanword_reading("ssiteu") == "ssit"  # 씨트: ㅆ begins one


def test_the_persian_reading_changes_only_the_letters_persian_reads_otherwise() -> None:
    assert persian_reading("نور محمد ثاقب") == "نور محمد ساقب"
    assert persian_reading("فضل مظلوم ذكي") == "فزل مزلوم زكي"
    assert persian_reading("محمد ولي") is None  # nothing to read otherwise
    assert persian_reading("Tencent") is None


def test_a_single_surname_reaches_review_only_when_rare(screener: Screener) -> None:
    assert "person-shoigu" in found(screener, "Shoigu")
    assert "person-gorbachev" in found(screener, "Gorbatchev")  # spelt otherwise, still rare
    assert "person-gorbachev" in found(screener, "Gorbatschow")  # spelt half so, sounds so
    # "Kim" is a name part of many listed persons once a list is loaded; here it is the
    # only one, so the rule is what keeps it: a word of three letters is not a surname alone.
    rare = screener.matcher.names.rare
    assert rare("shoigu") and not rare("trading")


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Шойгу", "person-shoigu"), ("Горбачёв", "person-gorbachev"),
     ("Чайковский", "person-tchaikovsky"), ("Σόιγκου", "person-shoigu")],
)  # fmt: skip
def test_a_rare_surname_alone_in_another_script_is_a_review_as_in_latin(
    screener: Screener, query: str, entity: str
) -> None:
    """ "Shoigu" alone was a REVIEW and "Шойгу" alone a CLEAR: the rule for a single rare
    word read only the Latin alignment, and the candidate search looked no further."""
    score, method = found(screener, query)[entity]
    assert score >= review(screener) and method == "transliterated"


def test_a_word_spelt_only_half_like_a_rare_one_is_no_review(tmp_path: Path) -> None:
    """A rare surname stands for a person when spelt like it (`Gorbatchev`), not when one
    letter in three differs: 35% of 2,000 random name words met some rare word of OFAC's
    persons at 0.6 (`Lund` against `ZULUAGA LINDO, Francisco Javier`)."""
    data = COMMON_PART.replace("person-hamad-nasser", "person-zuluaga").replace(
        "HAMAD, Nasser Khalil", "ZULUAGA LINDO, Francisco Javier"
    )
    screener = persons_screener_with(tmp_path, data)
    assert screener.matcher.names.rare("lindo")
    assert "person-zuluaga" not in found(screener, "Lund")
    assert "person-zuluaga" in found(screener, "Lindo")


@pytest.mark.parametrize(
    ("query", "listed", "rare_word"),
    [("Honda", "AL-QRENAWI, Houda Naim", "houda"), ("Nikon", "MAZIOTIS, Nikos", "nikos"),
     ("Sharp", "AL-SHARA, Farouk", "shara")],
)  # fmt: skip
def test_a_common_word_is_not_a_rare_name_misspelt(
    tmp_path: Path, query: str, listed: str, rare_word: str
) -> None:
    """A firm's one-word name that is a word of English text is that word, not a listed
    rare name one letter away: each met the listed person at 0.80 on the real SDN and UN
    lists (`person_rare_name_common_zipf`). The listed word itself still counts."""
    data = COMMON_PART.replace("person-hamad-nasser", "person-rare").replace(
        "HAMAD, Nasser Khalil", listed
    )
    screener = persons_screener_with(tmp_path, data)
    assert screener.matcher.names.rare(rare_word)
    assert "person-rare" not in found(screener, query)
    # The listed word itself still counts, where it is the surname (a given name alone
    # names no one: test_a_given_name_alone_is_no_review).
    surname = listed.split(",")[0].split("-")[-1].capitalize()
    assert "person-rare" in found(screener, surname)


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Jacob", "RABALSKY, Jacob"), ("Nikos", "MAZIOTIS, Nikos"),
     ("Houda", "AL-QRENAWI, Houda Naim"), ("Sergei", "KUSYUK, Sergej Nikolaevich")],
)  # fmt: skip
def test_a_given_name_alone_is_no_review(tmp_path: Path, query: str, listed: str) -> None:
    """A single word that is a rare listed word names a person when it is the surname: a
    given name alone met every listed person who bears it ("Jacob" met three on the real
    SDN list, and so did "JacORB", a Java library's maker in a real SBOM's publishers)."""
    data = COMMON_PART.replace("person-hamad-nasser", "person-rare").replace(
        "HAMAD, Nasser Khalil", listed
    )
    screener = persons_screener_with(tmp_path, data)
    assert "person-rare" not in found(screener, query)
    surname = listed.split(",")[0].split("-")[-1].capitalize()
    assert screener.matcher.names.rare(surname.casefold())
    assert "person-rare" in found(screener, surname)
    # With the surname, the given name is the person's as before.
    assert "person-rare" in found(screener, f"{query} {surname}")


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Siergiej Szojgu", "person-shoigu"), ("Sergej Šojgu", "person-shoigu"),
     ("Pjotr Tschaikowski", "person-tchaikovsky"), ("Petr Iljič Čajkovskij", "person-tchaikovsky"),
     ("Kim Čong-un", "person-kim"), ("Kim Dżong Un", "person-kim"), ("Kim Dschong-un", "person-kim"),
     ("Xi Dschinping", "person-xi")],
)  # fmt: skip
def test_a_name_in_german_polish_or_czech_spelling_is_a_review(
    screener: Screener, query: str, entity: str
) -> None:
    """Each was a CLEAR: a "j" said as "y" and a háček ("Č" is "ch", folded to "c") are
    not heard by sound keys, and every part spelt a little apart fell below REVIEW."""
    score, _ = found(screener, query)[entity]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


@pytest.mark.parametrize("query", ["习近平主席", "習近平 主席", "国家主席习近平", "习近平同志"])
def test_a_title_after_a_name_in_chinese_is_a_title(screener: Screener, query: str) -> None:
    """Chinese writes a title after the name (主席, chairman), as Latin writes President
    before it; read as a name's own characters, it took the name below REVIEW."""
    assert found(screener, query)["person-xi"][0] >= review(screener)


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Sergueï Choïgou", "person-shoigu"), ("Mikhaïl Gorbatchev", "person-gorbachev"),
     ("Kim Jong-oun", "person-kim"), ("Piotr Ilitch Tchaïkovski", "person-tchaikovsky"),
     ("Mijaíl Gorbachov", "person-gorbachev"), ("Mijail Serguéyevich Gorbachov", "person-gorbachev"),
     ("Sergej Sjojgoe", "person-shoigu"), ("Michail Gorbatsjov", "person-gorbachev"),
     ("Sergej Sjojgu", "person-shoigu"), ("Michail Gorbatjov", "person-gorbachev")],
)  # fmt: skip
def test_a_name_in_french_spanish_dutch_or_swedish_spelling_is_a_review(
    screener: Screener, query: str, entity: str
) -> None:
    """Each was a CLEAR (0.67-0.70): French says "ch" as "sh" and "ou" as "u", Spanish
    "j" as "kh", Dutch and Swedish write "sh" as "sj"; one table for every language could
    not read them, as "j" is "y" in German, "zh" in French and "kh" in Spanish."""
    score, _ = found(screener, query)[entity]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


# Persons listed in another language's Latin spelling (invented entries, real spellings).
_FOREIGN_SPELT = {
    "fr-poutine": ("person", "Vladimir Poutine"),
    "es-gorbachov": ("person", "Mijaíl Gorbachov"),
    "de-schoigu": ("person", "Sergej Kuschugetowitsch Schoigu"),
    "fr-company": ("company", "Societe Choukri Trading"),
}
# Persons whose names are asked for after a title.
_TITLED = {
    "maduro": ("person", "MADURO MOROS, Nicolas"),
    "khamenei": ("person", "KHAMENEI, Ali Hosseini"),
    "johnson": ("person", "BYABASAIJA, Johnson Christopher"),
}


@pytest.fixture(scope="module")
def listed_here(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    listed = listed_data({**_FOREIGN_SPELT, **_TITLED})
    return persons_screener_with(tmp_path_factory.mktemp("listed"), listed)


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Vladimir Putin", "fr-poutine"), ("Владимир Путин", "fr-poutine"),
     ("Mikhail Gorbachev", "es-gorbachov"), ("ミハイル・ゴルバチョフ", "es-gorbachov"),
     ("Sergei Kuzhugetovich Shoigu", "de-schoigu")],
)  # fmt: skip
def test_a_person_listed_in_another_languages_spelling_is_found_by_the_english_one(
    listed_here: Screener, query: str, entity: str
) -> None:
    """Before, "Vladimir Putin" and "Mikhail Gorbachev" were CLEAR against these listed
    spellings though compare() gave 0.91 and 0.95: readings were made of queries only, so a
    lookup was not what compare is, the same either way round."""
    hits = {m.entry.entity_id: m for m in listed_here.matcher.match_name(query)}
    assert entity in hits, hits
    hit = hits[entity]
    assert review(listed_here) <= hit.score < listed_here.registry.matching.thresholds.block
    assert hit.entry.name.value == _FOREIGN_SPELT[entity][1]  # the listed spelling is shown


def test_only_listed_persons_names_are_read(listed_here: Screener) -> None:
    read = {e.entity_id for e in listed_here.matcher.names.entries if e.read}
    assert read >= {"fr-poutine", "es-gorbachov", "de-schoigu"} and "fr-company" not in read
    assert "fr-company" not in found(listed_here, "Societe Shukri Trading")


@pytest.mark.parametrize(
    ("query", "entity"),
    [("President Maduro", "maduro"), ("Presidente Maduro", "maduro"),
     ("Mr Khamenei", "khamenei"), ("Ayatollah Khamenei", "khamenei"),
     ("Ayatollah Ali Khamenei", "khamenei"), ("Господин Хаменеи", "khamenei")],
)  # fmt: skip
def test_a_title_does_not_take_a_names_review_away(
    listed_here: Screener, query: str, entity: str
) -> None:
    """Each was CLEAR where the name without its title is a REVIEW: a title before one rare
    surname made the query two words, which the rule for a surname alone did not cover; and
    "Ayatollah" was no title, but a part that KHAMENEI, Ali Hosseini lacks."""
    bare = " ".join(query.split()[1:])
    assert found(listed_here, bare)[entity][0] >= review(listed_here)
    assert found(listed_here, query)[entity][0] >= review(listed_here)


def test_a_title_after_the_one_name_part_is_a_given_name(listed_here: Screener) -> None:
    """In "JOHNSON, Prince", Prince is his given name, not a title before "Johnson"."""
    assert "johnson" not in found(listed_here, "JOHNSON, Prince")


def test_the_english_reading_is_made_only_for_another_languages_spelling(
    screener: Screener,
) -> None:
    readings = screener.matcher.names._latin_readings
    assert readings.readings("Pjotr Tschaikowski") == ("pyotr chaikovski",)
    assert readings.readings("Kim Dżong Un") == ("kim jong un",)
    assert readings.readings("Vladimir Poutine") == ("vladimir putine",)
    assert readings.readings("Mijaíl Jrushchov") == ("mikhaíl khrushchov",)
    assert readings.readings("Nikita Chroesjtsjov") == ("nikita chrushchov",)
    assert readings.readings("John Wick") == ()  # English spelling: nothing to read
    assert readings.readings("Sergei Shoigu") == ()
    assert readings.readings("Zhejiang Jinke") == ()  # pinyin's "j" after a vowel
    assert readings.readings("Zhou Shoujun") == ()  # pinyin's "ou": Zhou is not Zhu
    # Each group reads on its own: "j" is "y" in German, "zh" in French, and Dutch reads
    # "dj" as "j".
    assert readings.readings("Djoukovitch Pjotr") == (
        "dyoukovitch pyotr", "jukovich pzhotr", "joukovitch pyotr")  # fmt: skip


def test_another_languages_reading_is_of_persons_names_only(tmp_path: Path) -> None:
    """An organisation keeps its Latin name in every language: read in French, "Luxembourg"
    met a listed "MMT LUXEMBURG" at 0.87."""
    data = (
        COMMON_PART.replace("person-hamad-nasser", "org-mmt")
        .replace("HAMAD, Nasser Khalil", "MMT LUXEMBURG")
        .replace("  - id: org-mmt\n    type: person", "  - id: org-mmt\n    type: company")
    )
    screener = persons_screener_with(tmp_path, data)
    assert "org-mmt" not in found(screener, "Luxembourg")


COMMON_PART = """
sources:
  test: "banscreen test fixture"
entities:
  - id: person-ali-nasser
    type: person
    source: test
    provenance: confirmed
    names:
      - {value: "ALI, Nasser", kind: legal, source: test, provenance: confirmed}
  - id: person-hamad-nasser
    type: person
    source: test
    provenance: confirmed
    names:
      - {value: "HAMAD, Nasser Khalil", kind: legal, source: test, provenance: confirmed}
"""


# Four more listed persons who carry "Nasser": six in all, more than a family.
MORE_NASSERS = listed_data(
    {f"person-nasser-{i}": ("person", f"{surname}, Nasser")
     for i, surname in enumerate(["KHALIL", "MAHMOUD", "YOUSSEF", "IBRAHIM"])}
).partition("entities:\n")[2]  # fmt: skip


@pytest.mark.parametrize("query", ["Nasser", "NYSE", "Naser"])
def test_one_word_that_many_listed_persons_carry_is_no_review(tmp_path: Path, query: str) -> None:
    """ "Nasser" alone, or a word that sounds like it (an exchange's acronym), against "ALI,
    Nasser": the other part is light ("Ali" is in thousands of names), so the one word
    scored 0.84 by weight alone; a single word reaches REVIEW only when it is rare."""
    screener = persons_screener_with(tmp_path, COMMON_PART + MORE_NASSERS)
    assert not screener.matcher.names.rare("nasser")
    assert "person-ali-nasser" not in found(screener, query)
    assert "person-ali-nasser" in found(screener, "Nasser Ali")


FAMILY = {
    "person-lukashenko-a": ("person", "LUKASHENKO, Aleksandr Grigorevich"),
    "person-lukashenko-v": ("person", "LUKASHENKO, Viktor Aleksandrovich"),
    "person-lukashenko-d": ("person", "LUKASHENKO, Dmitry Aleksandrovich"),
    "person-a-lyashenko": ("person", "LYASHENKO, Igor"),
}


@pytest.mark.parametrize("query", ["Lukashenko", "Loukachenko", "Лукашенко"])
def test_a_surname_a_family_carries_is_a_review_alone(tmp_path: Path, query: str) -> None:
    """A surname three listed persons carry (a father and his sons) was CLEAR alone, where
    one carried by a single person is a REVIEW: the rule took it for a common word. Only a
    near spelling of a rarer surname (`LYASHENKO`) was a REVIEW, and it came first. Three
    of ten listed surnames alone were CLEAR against OFAC's persons so (1,341 of 2,013 found
    with one holder admitted, 1,734 with five)."""
    screener = persons_screener_with(tmp_path, listed_data(FAMILY))
    assert screener.matcher.names.rare("lukashenko")
    hits = screener.matcher.match_name(query)
    family = {k for k in FAMILY if k.startswith("person-lukashenko")}
    assert family <= {m.entry.entity_id for m in hits if m.score >= review(screener)}
    ranked = [m.entry.entity_id for m in hits]
    assert ranked.index("person-a-lyashenko") > max(ranked.index(k) for k in family)


@pytest.mark.parametrize(
    "query",
    ["Alipay 12345", "WeChat Pay ref 88231", "CamScanner INV 7781", f"We{ZWSP}Chat Pay",
     f"We{WORD_JOINER}Chat Pay", "Alipay, invoice no. 2021-03-15", "USD 1,200.00 Alipay",
     "Alipay\u2122", "WeChat Pay\u2120", "CamScanner\u2122 INV 7781"],
)  # fmt: skip
def test_a_reference_or_an_invisible_character_gives_the_clean_names_outcome(
    screener: Screener, query: str
) -> None:
    clean = {
        "Alipay": [
            "Alipay 12345",
            "Alipay, invoice no. 2021-03-15",
            "USD 1,200.00 Alipay",
            "Alipay\u2122",
        ],
        "WeChat Pay": [
            "WeChat Pay ref 88231",
            f"We{ZWSP}Chat Pay",
            f"We{WORD_JOINER}Chat Pay",
            "WeChat Pay\u2120",
        ],
        "CamScanner": ["CamScanner INV 7781", "CamScanner\u2122 INV 7781"],
    }
    name = next(k for k, v in clean.items() if query in v)
    options = ScreenOptions(policy=Policy.ANTICIPATE)
    day = date(2021, 3, 15)
    got = screener.decide(Transaction("q", day, "payment", query), options)
    want = screener.decide(Transaction("c", day, "payment", name), options)
    assert (got.outcome, got.entity_id, got.reasons) == (want.outcome, want.entity_id, want.reasons)
    assert got.outcome is Outcome.BLOCK


@pytest.mark.parametrize(
    "query",
    ["Sergei Shoigu DOB 21.05.1955", "Sergei Shoigu (born 1955)",
     "SHOIGU, Sergei, passport 1234567", "Sergei Shoigu tel +7 495 696 8800"],
)  # fmt: skip
def test_a_persons_details_typed_after_the_name_are_not_part_of_it(
    screener: Screener, query: str
) -> None:
    """A date of birth, a document or a telephone number with the word that introduces it
    (`reference_words`) is taken away as a reference number is: "DOB" left in the name was
    a part no listed name has, and the person was a CLEAR."""
    assert found(screener, query).get("person-shoigu") == found(screener, "Sergei Shoigu").get(
        "person-shoigu"
    )


def test_a_contained_name_says_where_it_was_found(screener: Screener) -> None:
    decision = screener.decide(
        Transaction("q", date(2021, 3, 15), "payment", "Payment to Ant Group's Alipay account")
    )
    evidence = next(m for m in decision.matches if m.entity_id == "app-alipay")
    assert evidence.method == "contained" and evidence.span is not None
    start, end = evidence.span
    assert evidence.query[start:end] == "Alipay"
    assert decision.outcome is Outcome.REVIEW


def test_a_transliteration_never_blocks_on_its_own(screener: Screener) -> None:
    for query, entity in (("Сергей Шойгу", "person-shoigu"), ("テンセント", "tencent-holdings")):
        score, method = found(screener, query)[entity]
        assert method == "transliterated"
        assert score < screener.registry.matching.thresholds.block


# ---------------------------------------------------------------------------- properties
REFERENCES = st.one_of(
    st.integers(100, 10**9).map(str),
    st.integers(100, 10**6).map(lambda n: f"ref {n}"),
    st.integers(10, 10**6).map(lambda n: f"INV-{n:04d}"),
    st.dates(date(2000, 1, 1), date(2030, 1, 1)).map(str),
    st.integers(1000, 10**7).map(lambda n: f"USD {n:,}.00"),
)
INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
                             "\u202a", "\u202c", "\u202e", "\u2066", "\u2069", "\u180e"])  # fmt: skip


def _listed_names(screener: Screener) -> list[tuple[str, str]]:
    """Latin names of the registry that the matcher can find alone: (name, entity id)."""
    out = []
    for entry in screener.matcher.names.entries:
        value = entry.name.value
        if value.isascii() and any(m.entry.entity_id == entry.entity_id and m.method == "exact"
                                   for m in screener.matcher.match_name(value)):  # fmt: skip
            out.append((value, entry.entity_id))
    return sorted(set(out))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.data())
def test_a_reference_number_or_an_invisible_character_never_loses_a_listed_name(
    screener: Screener, data: st.DataObject
) -> None:
    name, entity = data.draw(st.sampled_from(_listed_names(screener)))
    text = name
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(1, max(1, len(text) - 1)))
        text = text[:at] + data.draw(INVISIBLE) + text[at:]
    if data.draw(st.booleans()):  # a trade, service, registered or copyright mark
        text += data.draw(st.sampled_from(["\u2122", "\u2120", "\u00ae", "\u00a9"]))
    if data.draw(st.booleans()):
        text = f"{text} {data.draw(REFERENCES)}"
    hits = found(screener, text)
    assert entity in hits and hits[entity][0] == 1.0, (text, hits)


SCRIPTS = {
    "Cyrillic": "абвгдежзиклмнопрстуфхцчшщыэюя",
    "Greek": "αβγδεζηθικλμνξοπρστυφχψω",
    "Armenian": "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
    "Georgian": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    "Hangul": "가나다라마바사아자차카타파하김이박최정강조윤장임",
    # With ayin and hamza, which ICU writes as signs that fold to "?" and "'" (a lost
    # letter: text.join_lost_letters), and ta marbuta, which it writes "t".
    "Arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهويءة",
    # Hebrew with its final letters, without aleph and ayin: ICU writes them "'", which
    # at a word's end cannot be told from a closing quotation mark ("'bb bb'", "OOO
    # 'SMT-K'"), and a quotation is the lists' (text.join_lost_letters).
    "Hebrew": "בגדהוזחטיכלמנספצקרשתךםןףץ",
    "Katakana": "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン",
    "Thai": "กขคงจฉชซญดตถทนบปผพฟภมยรลวศสหอฮ",
    "Devanagari": "कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह",
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.sampled_from(sorted(SCRIPTS)), st.data())
def test_a_name_and_its_transliteration_match(
    screener: Screener, script: str, data: st.DataObject
) -> None:
    letters = SCRIPTS[script]
    words = data.draw(st.lists(st.text(letters, min_size=3, max_size=9), min_size=1, max_size=3))
    name = " ".join(words)
    latin = ascii_text(name)
    assume(sum(ch.isalpha() for ch in latin) >= 4)
    # Random letters can spell a legal form or a stop word ("pc", "de"), which a name drops.
    kept = "".join(screener.matcher.normaliser.tokens(latin))
    assume(kept == "".join(ch for ch in latin.casefold() if ch.isalnum()))
    score, method, _ = screener.matcher.compare(name, latin)
    assert score >= review(screener), (name, latin, score, method)


LATIN_WORDS = st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10)
ACCENTS = {"a": "áàâäãå", "e": "éèêë", "i": "íìîï", "o": "óòôöõø", "u": "úùûü", "c": "ç",
           "n": "ñ", "s": "š", "z": "ž", "y": "ý"}  # fmt: skip


def test_a_letter_that_does_not_decompose_is_read_in_legal_forms_as_in_tokens(
    screener: Screener,
) -> None:
    """ "ø" folds to "o" in a name's words, so "Øy" is the legal form "Oy" there; its class
    was read from the text with "ø" kept, which made "Øý DW" weaker than "Oy DW" (found by
    the property below)."""
    normaliser = screener.matcher.normaliser
    assert normaliser.legal_forms("Øý DW") == normaliser.legal_forms("Oy DW") == {"llc"}
    assert screener.matcher.compare("øý dw", "oy dw")[0] == 1.0


def test_an_accented_legal_form_still_says_organisation(screener: Screener) -> None:
    """Found by the property below: "ab šl aabb" was compared as a person's name, its "šl"
    not read as the legal form S.L. that "sl" is, and scored lower than "ab sl aabb"."""
    assert screener.matcher.compare("ab šl aabb", "aab") == screener.matcher.compare(
        "ab sl aabb", "aab"
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.lists(LATIN_WORDS, min_size=1, max_size=4), st.lists(LATIN_WORDS, min_size=1,
       max_size=4), st.data())  # fmt: skip
def test_accents_never_lower_a_score(
    screener: Screener, a: list[str], b: list[str], data: st.DataObject
) -> None:
    plain_a, plain_b = " ".join(a), " ".join(b)
    accented = "".join(
        data.draw(st.sampled_from(ACCENTS[ch]))
        if ch in ACCENTS and data.draw(st.booleans())
        else ch
        for ch in plain_a
    )
    assert (
        screener.matcher.compare(accented, plain_b)[0]
        >= screener.matcher.compare(plain_a, plain_b)[0]
    )
    assert (
        screener.matcher.compare(accented, plain_a)[0]
        == screener.matcher.compare(plain_a, plain_a)[0]
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.text(max_size=40), st.text(max_size=40), st.sampled_from(["auto", "person",
       "organization"]))  # fmt: skip
def test_compare_is_symmetric_and_any_unicode_is_a_name(
    screener: Screener, a: str, b: str, schema: str
) -> None:
    ab = screener.matcher.compare(a, b, schema=schema)[0]
    ba = screener.matcher.compare(b, a, schema=schema)[0]
    assert ab == pytest.approx(ba)
    assert 0.0 <= ab <= 1.0
    screener.matcher.match_name(a)
    screener.matcher.names.match_component(a)


def test_invisible_characters_are_the_format_category() -> None:
    """What is removed is Unicode's own list, not a list of ours."""
    from banscreen.match.text import clean

    for ch in (ZWSP, WORD_JOINER, RLO, "\u00ad", "\ufeff"):
        assert unicodedata.category(ch) == "Cf"
        assert clean(f"a{ch}b") == "ab"


def test_taking_a_reference_away_keeps_a_mark_that_begins_a_word() -> None:
    """A word may begin with a combining mark (an Arabic damma typed before its letter):
    the name left once "407199" is taken away must be the name as given, mark and all, or
    the query without its reference is another name (found by test_candidate_bound.py's
    property: the listed "ُمَر رَهِمِ" with a reference after it matched nothing)."""
    from banscreen.match.references import split_references

    name = "\u064fمَر رَهِمِ"
    assert split_references(f"{name} 407199", ["ref"], ["usd"]) == (name, ["407199"])
    assert split_references("\u0301Acme ref 12345", ["ref"], ["usd"]) == (
        "\u0301Acme",
        ["ref", "12345"],
    )


@pytest.mark.parametrize(("name", "other"), [("Park Ae-ri", "Park Ri"), ("Kim Ab", "Kim")])
def test_a_word_dropped_as_a_legal_form_stays_in_a_persons_reading(
    screener: Screener, name: str, other: str
) -> None:
    """rigour's table drops "ae" (a Greek company's form) and "ab" without naming their
    class, and a person's reading was made only when a class was named: "Park Ae-ri" met
    "Park Ri" exactly, a BLOCK for what may be another person."""
    assert screener.matcher.compare(name, other, schema="person")[0] < block(screener)


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("LUKASHENKA, Alyaksandr Hryhoryavich", "LUKASHENKO, Aleksandr Grigorevich"),
        ("KHVOSHCH, Serhiy Tymofiyovych", "KHVOSHCH, Sergey Timofeyevich"),
        ("ZUBKOU, Siarhei Yaugenavich", "ZUBKOV, Sergei Yevgenevich"),
        ("DANILCHENKO, Halyna", "DANILCHENKO, Galina"),
    ],
)
def test_a_ukrainian_or_belarusian_h_is_a_russian_g(
    screener: Screener, name: str, listed: str
) -> None:
    """OFAC lists both spellings of these persons; each pair was 0.70 (two persons, each
    with a part the other lacks): Ukrainian and Belarusian say as "h" the Г that Russian
    says as "g"."""
    assert screener.matcher.compare(name, listed, schema="person")[0] >= review(screener)


def test_the_slavic_h_is_read_only_in_latin_persons_names(screener: Screener) -> None:
    """An abjad's or Hangul's "h" is its own sound (ح, ه, ㅎ): read as "g" there, names in
    those scripts met more unlisted persons (bench/script_false_hits.py)."""
    sound = screener.matcher.names.sound
    assert sound.similarity("ihor", "igor") == 0.0
    assert sound.similarity("ihor", "igor", slavic=True) == sound.equal_score
    assert sound.slavic_keys("shah") == sound.keys("shah")  # "sh", and a final "h", stay


def test_a_particle_glued_to_a_surname_is_split_off_but_a_listed_word_is_kept_whole(
    tmp_path: Path,
) -> None:
    """`Abdullah ALSENUSSI` was a CLEAR against `AL-SENUSSI, Abdullah`: splitting the
    particle off `ALSENUSSI` also split `Abdullah` into `abd ullah` (`ullah` is a listed
    word), and that form met nothing. Of OFAC persons' names written with `AL-` glued on,
    166 of 176 were found before (tune), 175 after."""
    data = COMMON_PART.replace("ALI, Nasser", "AL-SENUSSI, Abdullah").replace(
        "HAMAD, Nasser Khalil", "ULLAH, Hayat"
    )
    screener = persons_screener_with(tmp_path, data)
    for query in ("Abdullah ALSENUSSI", "Abdullah Alsenussi"):
        assert found(screener, query)["person-ali-nasser"][0] >= review(screener), query


@pytest.mark.parametrize(
    ("query", "entity"),
    [("나이젤라 로슨", "person-ali-nasser"), ("타라 화이트", "person-hamad-nasser"),
     ("ナイジェラ・ローソン", "person-ali-nasser")],
)  # fmt: skip
def test_letters_english_does_not_say_are_not_heard(
    tmp_path: Path, query: str, entity: str
) -> None:
    """Korean and Japanese write an English name as it is said: `Lawson` is 로슨 ("loseun",
    no "w"), `White` 화이트 ("hwaiteu", "wh" said "hw"), `John` 존. Each was 0.67, one part
    of two; a "w" or an "h" after a vowel and before a consonant is also read unsaid, and a
    first "wh" as "hw" (sound.py)."""
    data = COMMON_PART.replace("ALI, Nasser", "LAWSON, Nigella").replace(
        "HAMAD, Nasser Khalil", "WHITE, Tarra"
    )
    screener = persons_screener_with(tmp_path, data)
    score = found(screener, query)[entity][0]
    assert review(screener) <= score < screener.registry.matching.thresholds.block


@pytest.mark.parametrize(
    "group",
    [{"languages": ["X"], "markers": ["(ou"], "spellings": {"ou": "u"}},  # not a regex
     {"languages": ["X"], "markers": ["ou"], "spellings": {"OU": "u"}}],  # not lower-case
)  # fmt: skip
def test_a_language_groups_markers_and_spellings_are_validated_at_load(
    tmp_path: Path, group: dict[str, object]
) -> None:
    refused_setting(tmp_path, "latin_readings", [group])


def test_a_compound_prefix_must_be_a_link(tmp_path: Path) -> None:
    refused_setting(tmp_path, "compound_prefixes", ["abu", "zzz"])


def test_abu_as_icu_writes_it_begins_a_compound(screener: Screener) -> None:
    """ICU writes أبو "abw": as a link, أبو بكر joins as "abwbkr", Abubakar (was 0.59)."""
    score = screener.matcher.compare("أبو بكر شيكاو", "ABUBAKAR SHEKAU", schema="person")[0]
    assert score >= review(screener)


def test_a_run_ending_with_a_prefix_is_not_joined(screener: Screener) -> None:
    """ "Ali Abu" links nothing: joined, it sounded like a listed Alibaba."""
    names = screener.matcher.names
    form = names.normaliser.form("Ali Abu Tantoush")
    assert names.join_compounds(form, lambda key: ["alibaba"]) is None
    joined = names.join_compounds(names.normaliser.form("Abu Bakr Tantoush"), lambda k: ["abubakr"])
    assert joined is not None and joined.tokens[0] == "abubakr"


def _persons(*listed: tuple[str, str]) -> str:
    """A data file of listed persons: (entity id, name) each."""
    entities = "".join(
        f"""  - id: {entity}
    type: person
    source: test
    provenance: confirmed
    names:
      - {{value: "{name}", kind: legal, source: test, provenance: confirmed}}
"""
        for entity, name in listed
    )
    return f'sources:\n  test: "banscreen test fixture"\nentities:\n{entities}'


def test_a_word_romanised_from_another_alphabet_is_no_english_word(tmp_path: Path) -> None:
    """Бут romanises "but", an English word no listed person carries: the guard against
    "Salary" meeting SALEH (tests/test_persons_inside.py) left `Виктор Бут` CLEAR against
    OFAC's `BOUT, Viktor Anatolijevitch`. In Latin letters the guard stood until the listed
    name was read in English spelling too (listed_forms.py): "Bout" is French for the "But"
    that ISO 9 writes, so `Viktor But` is that name, a transliteration, and no English word
    of a name that is not one ("Viktor Butt" is not)."""
    screener = persons_screener_with(
        tmp_path, _persons(("person-bout", "BOUT, Viktor Anatolijevitch"))
    )
    assert "person-bout" in found(screener, "Виктор Бут")
    score, method = found(screener, "Viktor But")["person-bout"]
    assert method == "transliterated" and score < screener.registry.matching.thresholds.block
    assert "person-bout" not in found(screener, "Viktor Butt")


@pytest.mark.parametrize("query", ["مجتبی خامنه\u200cای", "مجتبی خامنهای"])
def test_a_persian_ending_after_a_silent_he_is_read_as_arabic_writes_it(
    tmp_path: Path, query: str
) -> None:
    """خامنه‌ای romanised "khamnhay" (the silent he inside the word): CLEAR against OFAC's
    `KHAMENEI, Mojtaba`, where the Arabic spelling خامنئي was found."""
    data = _persons(("person-khamenei", "KHAMENEI, Mojtaba"))
    assert "person-khamenei" in found(persons_screener_with(tmp_path, data), query)
    assert persian_reading(query) == "مجتبی خامنئی"


NORTH_KOREANS = _persons(
    ("kp-kim-jong-un", "KIM, Jong Un"),
    ("kp-choe-ryong-hae", "CHOE, Ryong Hae"),
    ("kp-pak-pong-ju", "PAK, Pong Ju"),
    ("kp-kim-yong-un", "KIM, Yong Un"),
)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Ким Чен Ын", "kp-kim-jong-un"),  # the older spelling Russian papers print
        ("Ким Чжон Ын", "kp-kim-jong-un"),  # Kontsevich's
        ("Чхве Рён Хэ", "kp-choe-ryong-hae"),
        ("Пак Пон Джу", "kp-pak-pong-ju"),
    ],
)
def test_a_korean_name_in_cyrillic_is_read_back_into_hangul(
    tmp_path: Path, query: str, entity: str
) -> None:
    """Read letter by letter ("kim chen yn"), each was CLEAR against its listed name; read
    syllable by syllable into Hangul (김정은), it is matched as a name in Hangul is, and
    only against that person."""
    hits = found(persons_screener_with(tmp_path, NORTH_KOREANS), query)
    assert entity in hits, hits
    assert {e for e in hits if e.startswith("kp-")} == {entity}, hits


def test_a_name_in_cyrillic_is_read_as_korean_only_when_each_word_is_a_syllable() -> None:
    from banscreen.match.kontsevich import korean_readings

    surnames = ["김", "박", "이", "리"]
    assert "김 정은" in korean_readings(["ким", "чен", "ын"], surnames)
    assert korean_readings(["иван", "петров"], surnames) == []
    assert "김 정은" in korean_readings(["ким", "ченын"], surnames)  # written together
    assert korean_readings(["ким", "галлатин"], surnames) == []  # three syllables: no
    assert korean_readings(["ким", "чен", "ынир"], surnames) == []
    assert korean_readings(["чен", "ким"], surnames) == []  # the surname first, as Russian
    assert korean_readings(["ким"], surnames) == []  # a given name too


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("キム・ジョンウン", "kp-kim-jong-un"),
        ("チェ・リョンヘ", "kp-choe-ryong-hae"),
        ("パク・ポンジュ", "kp-pak-pong-ju"),
        ("キム・ヨンウン", "kp-kim-yong-un"),
    ],
)
def test_a_korean_name_in_katakana_is_read_back_into_hangul(
    tmp_path: Path, query: str, entity: str
) -> None:
    """Read as Japanese ("kimu jonun"), each of the first three was CLEAR against its
    listed name, and キム・ヨンウン met `KIM, Jong Un` too (0.83): a name that reads as a
    Korean one is read as Korean only, and korean.py tells the two apart."""
    hits = found(persons_screener_with(tmp_path, NORTH_KOREANS), query)
    assert entity in hits, hits
    assert {e for e in hits if e.startswith("kp-")} == {entity}, hits


def test_a_name_in_katakana_is_read_as_korean_only_when_it_splits_so() -> None:
    from banscreen.match.korean_kana import korean_readings

    surnames, syllables = ["김", "최", "안"], ["정", "은", "룡", "해", "민"]
    assert "김 정은" in korean_readings(["キム", "ジョンウン"], surnames, syllables)
    assert "최 룡해" in korean_readings(["チェ", "リョンヘ"], surnames, syllables)
    assert korean_readings(["アン", "ハサウェイ"], surnames, syllables) == []  # four syllables
    assert korean_readings(["トム", "クルーズ"], surnames, syllables) == []  # no surname
    assert korean_readings(["キム", "ジョンウン", "ミン"], surnames, syllables) == []
    assert korean_readings(["キム", "ジョンウン"], surnames, ["민"]) == []  # no name syllables


def test_a_chinese_name_in_cyrillic_that_also_reads_as_korean_keeps_its_pinyin(
    screener: Screener,
) -> None:
    """Го Мин splits into Kontsevich syllables too (고 민); read as Korean only, it fell to
    0.74 against `GUO, Ming`."""
    compare = screener.matcher.compare
    assert compare("Го Мин", "GUO, Ming", schema="person")[0] >= review(screener)
