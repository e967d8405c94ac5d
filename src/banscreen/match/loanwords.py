"""Foreign names as other scripts write them, read back: a romaniser reads a script's
spelling of a foreign name letter by letter, and these readings undo what the script adds
or changes for sounds it lacks (rewrites.py makes each a second form of a query)."""

from __future__ import annotations

import re
from collections.abc import Callable

# Hangul writes a foreign name's sounds in its own syllables, and a romaniser reads them
# back letter by letter: an "eu" (ㅡ) added to carry a bare consonant ("Scott" 스콧 is
# "seukos", "Card" 카드 "kadeu"), a ㅅ ending a syllable for a t ("Bennett" 베넷, "benes";
# "Netflix" 넷플릭스, "nespeulligseu"), and ㄹ between vowels as "l" for an r ("Zachary" 재커리,
# "jaekeoli").
_FINAL_S = re.compile(r"(?<=[aeiouy])s(?=[b-df-hj-np-rtv-z]|$)")
_ADDED_EU = re.compile(r"(?<=[^aeiouy])eu(?=[^aeiouy]|$)")
_VOWEL_L = re.compile(r"(?<=[aeiouy])l(?=[aeiouy])")


def loanword_reading(word: str) -> str:
    """A romanised Hangul word read as a foreign name written in Hangul (see above); the
    word itself when none of it applies."""
    read = _FINAL_S.sub("t", word)
    read = _ADDED_EU.sub("", read)
    return _VOWEL_L.sub("r", read) if len(read) >= 2 else word


# Hangul writes an English "sh" before an e with ㅅ and a glide (셰 "sye", and 쉐 "swe" as
# often), and the "-are", "-air" of "share", "care", "Blair" as 에어 "eeo" (셰어 "syeeo",
# 블레어 "beulleeo"): read as "she" and, as katakana's エア is (`kana_r_reading`), "ear",
# before a vowel or at the word's end (not 에어컨 "eeokeon", aircon, nor 태어난 "taeeonan",
# whose "ae" is one vowel): 쉐어 "sweeo" as "shear", share.
_HANGUL_SH = re.compile(r"(?<=s)[yw](?=e)")
_HANGUL_EEO = re.compile(r"(?<![ao])eeo(?=[aeiouy]|$)")


def hangul_r_reading(word: str) -> str:
    """A romanised Hangul word read as a foreign name written in Hangul (`loanword_reading`)
    with its "sye", "swe" and "eeo" read as English writes them (see above); the word
    itself when none of them is in it."""
    read = _HANGUL_EEO.sub("ear", _HANGUL_SH.sub("h", word))
    return loanword_reading(read) if read != word else word


# Katakana writes a foreign name's bare consonants with a syllable whose vowel is added, a
# "u" (or after t and d an "o"), which a romaniser reads back: "Smith" スミス is "sumisu",
# "Berger" ベルガー "beruga". It has no "ti" or "di" of its own and writes them チ "chi" and
# ジ "ji" ("Putin" プーチン, "puchin"; "Vladimir" ウラジーミル, "urajimiru"). But a Slavic
# name's "-vich" is a "ch" ("Vladimirovich" ウラジーミロヴィチ, "urajimirovichi").
# An English "a" said as in "cat" after a k or g it writes with a glide, キャ "kya", ギャ "gya"
# ("scanner" スキャナー "sukyana", "gallery" ギャラリー "gyarari").
_ADDED_U = re.compile(r"(?<=[b-df-hj-np-tv-z])u(?=[b-df-hj-np-tv-z]|$)")
_ADDED_O = re.compile(r"(?<=[td])o(?=[b-df-hj-np-tv-z]|$)")
_TI_DI = re.compile(r"(?<![sc])(?<!vi)(?<!vit)(ch|j)(?=i)")
_KYA = re.compile(r"(?<=[kg])y(?=a)")


def kana_reading(word: str) -> str:
    """A romanised katakana word read as a foreign name written in katakana (see above); the
    word itself when that would leave too little of it."""
    read = _TI_DI.sub(lambda m: "t" if m.group(1) == "ch" else "d", word)
    read = _KYA.sub("", _ADDED_O.sub("", _ADDED_U.sub("", read)))
    return read if len(read) >= 3 else word


# Katakana's フ is the syllable of the "h" row said before "u" (Kunrei-shiki writes it
# "hu"), which ICU writes "fu", and "f" before a small vowel kana (ファ "fa"): Japanese
# writes a Chinese "hu" with it (フー・ジンタオ "fu jintao", Hu Jintao; ファ "fa", Hua).
_KANA_F = re.compile(r"fu|f(?=[aeio])")


def kana_h_reading(word: str) -> str:
    """A romanised katakana word with its フ read as "hu" (see above)."""
    return _KANA_F.sub("hu", word)


# English does not say the "r" of "-are", "-air", "-ear" before a consonant or at a word's
# end, and katakana writes them エア "ea" (シェア "shea", share; ケア "kea", care; ヘア
# "hea", hair): read with the "r" put back, and without the vowels katakana adds
# (`kana_reading`): シェアイット "sheaitto" as "shearitt".
_KANA_EA = re.compile(r"ea(?!r)")


def kana_r_reading(word: str) -> str:
    """A romanised katakana word with its "ea" read as "ear" (see above)."""
    return _as_foreign(word, _KANA_EA.sub("ear", word))


def _as_foreign(word: str, read: str) -> str:
    """A katakana word's other reading `read`, also read as a foreign name
    (`kana_reading`); the word itself when that reading changed nothing."""
    return kana_reading(read) if read != word else word


# ICU writes Thai by ISO 11940, where "x" is อ: a silent carrier of a vowel, or the vowel
# "o" itself (อเมซอน "x me sxn", Amazon; ออสการ์ "xx ska r", Oscar). Thai writes a foreign
# k, p and t with its aspirated letters, which ISO 11940 spells "kh", "ph" and "th" (คาดีรอฟ
# "khadirxf", Kadyrov; เปสคอฟ "peskhxf", Peskov); and a foreign "sh" with ช, its "ch"
# (ปาตรูเชฟ "patruchef", Patrushev), which is also its "ch" (แชท, chat): read both ways.
# Before a vowel, อ only carries it (มิคาอิล "mikhaxil", Mikhail; ราอุล "raxul", Raul); after
# an "e", it makes the vowel a foreign "er" or "e" is written with (เซอร์เก "sexrke", Sergei).
# And จ, ISO's "c", is a foreign "j" (จิ้นผิง "cinphing", Jinping; จ็อง "cxng", Jong).
_THAI_LETTERS = str.maketrans({"x": "o"})
_THAI_CARRIER = re.compile(r"x(?=[aeiu])|(?<=e)x(?=[^aeiouxy])")
_THAI_J = re.compile(r"c(?!h)")
_THAI_ASPIRATED = re.compile(r"([kpt])h")


def thai_reading(word: str) -> str:
    """A romanised Thai word with อ read as the vowel it carries or is and its aspirated
    k, p and t as a foreign name's (see above)."""
    word = _THAI_J.sub("j", _THAI_CARRIER.sub("", word))
    return _THAI_ASPIRATED.sub(r"\1", word.translate(_THAI_LETTERS))


def thai_sh_reading(word: str) -> str:
    """`thai_reading`, with ช ("ch") read as a foreign "sh" (see above)."""
    return thai_reading(word).replace("ch", "sh")


# Greek writes a foreign d, b and g with two letters (ντ, μπ, γκ), a u as ου and a j as τζ,
# which ICU reads letter by letter inside a word ("Μπάιντεν" "bainten", Biden; "Σόιγκου"
# "soingou", Shoigu; "Τζο" "tzo", Joe); a w as γου before a vowel ("Γουόλμαρτ", Walmart)
# or ου between vowels ("Ζαουαχίρι" "zaouachiri", Zawahiri); a y before a vowel as γι
# ("Γιαχία" "giachia", Yahya; "Κιριγιένκο", Kiriyenko); and an h as χ ("Χόλντινγκς",
# Holdings; "Μαχμούντ" "machmount", Mahmoud), but not a first χ before a consonant, which
# is Greek's own "ch" (Χρήστος, Christos). ICU writes a first γκ "g" too, so a "gi" after
# an "n" is γκι, a hard g.
_GREEK_Y = re.compile(r"(?<!n)gi(?=[aeou])")
_GREEK_SOUNDS = (("nt", "d"), ("mb", "b"), ("ng", "g"))
_GREEK_H = re.compile(r"ch(?=[aeiouy])|(?<=.)ch")
_GREEK_OU_W = re.compile(r"(?<=[aeiouy])ou(?=[aeiouy])")
_GREEK_W = re.compile(r"gu(?=[aeioy])")


def greek_reading(word: str) -> str:
    """A romanised Greek word read as a foreign name written in Greek (see above)."""
    word = _GREEK_H.sub("h", _GREEK_Y.sub("y", word))
    for written, sound in _GREEK_SOUNDS:
        word = word.replace(written, sound)
    word = _GREEK_OU_W.sub("w", word).replace("ou", "u").replace("tz", "j")
    return _GREEK_W.sub("w", word)


# ... and Greek, which has no "ch" of English, writes one τσ (Τσάρλι, Charlie; Τσέλσι,
# Chelsea): read so as another reading, since τσ is Greek's own "ts" too (Τσίπρας).
def greek_ch_reading(word: str) -> str:
    """`greek_reading`, with "ts" read as a foreign "ch" (see above)."""
    return greek_reading(word).replace("ts", "ch")


# German, Dutch, Scandinavian and Slavic names say a first "j" before a vowel as "y", and
# katakana, which writes a name by its sound, writes it so (Jauer, ヤウアー "yaua"; Junker,
# ユンカー "yunka"): read with that "y" as the "j" such a name is spelt with. (Hebrew writes
# it so too, Jakobi יקובי, but with its vowel unwritten any first yod would be read so: of
# 1,000 made-up Hebrew names, 5 more met an OFAC person, "יוני ארליך" CHAN, Eric.)
_FIRST_Y = re.compile(r"^y(?=[aeiou])")


def kana_j_reading(word: str) -> str:
    """A romanised katakana word with its first "y" before a vowel read as "j" (see above),
    and read as a foreign name (`kana_reading`); the word itself when it has no such "y"."""
    return _as_foreign(word, _FIRST_Y.sub("j", word))


# Cyrillic and Greek write an English "a" said as in "mate" and "game" as it is said, ей
# and ει: "Мейт" is "meit", "Гейм" "geim", which no spelling comparison finds
# in Mate or Game. A last syllable "ei" and a consonant is also read as English writes it;
# not before an "s", which ends Greek's verbs and plurals (τρεις, "treis", three).
_SAID_A = re.compile(r"(?<=[^aeiouy])ei([bdfgklmnptv])$")


def said_a_reading(word: str) -> str:
    """A romanised Cyrillic or Greek word with its last "ei" and consonant read as English
    writes them, "a" and the consonant and "e" (see above)."""
    return _SAID_A.sub(r"a\1e", word)


# Cyrillic writes the "-sion" and "-tion" of an English word as they are said, жн and шн at
# a word's end ("вижн", vision; "фаундейшн", foundation), which no native word ends with.
_SION = re.compile(r"(?<=[aeiouy])(zh|sh)n$")


def sion_reading(word: str) -> str:
    """A romanised Cyrillic word with its last "zhn" or "shn" read as English writes them,
    "sion" and "tion" (see above)."""
    return _SION.sub(lambda m: "sion" if m.group(1) == "zh" else "tion", word)


# Scripts whose names are also read as foreign names are written in them, each by its
# readings (rewrites.py makes each reading that changes a name a form of it).
_READINGS: dict[str, tuple[Callable[[str], str], ...]] = {
    "Hangul": (loanword_reading, hangul_r_reading), "Thai": (thai_reading, thai_sh_reading),
    "Greek": (greek_reading, greek_ch_reading, said_a_reading),
    "Cyrillic": (said_a_reading, sion_reading),
    "Kana": (kana_reading, kana_h_reading, kana_r_reading, kana_j_reading),
}  # fmt: skip


def loanword_readings(script: str, words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name's romanised words read as a foreign name written in `script` is, once by each
    of its readings that changes them; none for a script without readings."""
    found: list[tuple[str, ...]] = []
    for reading in _READINGS.get(script, ()):
        read = tuple(reading(w) for w in words)
        if read != words and read not in found:
            found.append(read)
    return found
