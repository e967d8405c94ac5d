"""What a name is made of before it is compared: clean characters, scripts, Latin forms.

Names reach us with characters nobody sees (zero-width spaces and joiners, bidirectional
controls, soft hyphens: Unicode's format category), with accents kept or stripped, and in
any script. This module removes the invisible, folds Latin accents to ASCII (`é` → `e`,
`ß` → `ss`, `ø` → `o`) and gives every word in another script its Latin form through ICU's
transliterators as rigour exposes them (`rigour.text.translit.ascii_text`), which write
Cyrillic, Greek, Armenian, Georgian and Hangul the way sanctions lists do and romanise
Arabic, Hebrew, Thai, Devanagari and kana by their standard schemes (and, as a second
reading, the Indian scripts as names in their languages are spelt: indic.py). Han is
romanised by pinyin elsewhere (normalize.py): its characters are words of their own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

import regex
from rigour._core import codepoint_script

from ..tunables import CACHE_ENTRIES
from .abjad_letters import letters_apart
from .indic import BLOCKS, indic_reading
from .mojibake import carriers_undone, mended
from .rigour_core import Cleanup, Normalize, ascii_text, normalize

# Dots that separate the parts of a name in East Asian writing ("バラク・オバマ").
_NAME_SEPARATORS = str.maketrans(dict.fromkeys("\u30fb\u00b7\u2027\u318d\uff65", " "))
# Trade, service, registered and copyright marks: NFKC writes the first two as the letters
# "TM" and "SM" run on to the name they follow ("Acmepay™" read as "acmepaytm"),
# and a romaniser the others as "(R)" and "(C)" (a word "r" in "AO Acme Lab®"). They
# mark a name, and are no part of it.
_MARK_SIGNS = str.maketrans(dict.fromkeys("\u2122\u2120\u00ae\u00a9\u2117", " "))
# Characters that render as nothing and so must match nothing: the format category (zero-width
# space and joiners, word joiner, bidirectional controls, soft hyphen, byte-order mark),
# variation selectors and the combining grapheme joiner.
_INVISIBLE_EXTRA = frozenset("\u034f\u115f\u1160\u3164\uffa0") | frozenset(
    chr(c) for c in (*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0))
)
# Two lower-case letters, then a capital and a lower-case letter: "reportedAcme" splits,
# "GmbH", "McDonald" and a brand's own "XyZ" casing do not.
_CAMEL = regex.compile(r"(?<=\p{Ll}\p{Ll})(?=\p{Lu}\p{Ll})")
_CAPITALS_AFTER = regex.compile(r"(?<=\p{Ll}\p{Ll})(?=\p{Lu}{2,}(?!\p{Ll}))")
# What ICU writes for a word-initial ayin or aleph once folded to ASCII.
_GLOTTAL = frozenset("'?`")
# Arabic words that carry the article or "abd" glued on ("التكريتي", "عبدالغفار").
_ARABIC_PREFIXES = ("عبد", "ال")
# A word-final ta marbuta is a vowel ("Samira", "Khalifa", "Hamza"): read as an alef, which
# ICU writes "a". (Read as the he it sounds like, ICU's "h" after "z" made the "zh" of
# "Zhukov": "hmzh" did not sound like Hamza.)
_TA_MARBUTA = "\u0629"
# A hamza on a ya (ئ) is a glottal stop, not the long vowel ICU's "y" for it reads as
# ("الطائي", al-Ta'i, is "altayy"): read as a hamza alone, which the Latin form drops.
_HAMZA_ON_YA = str.maketrans({"\u0626": "\u0621"})
# Urdu's letters of its own, which neither rigour nor ICU romanises (each comes out "?",
# and "گیدڑ", Gidar, reads "gyd"), read as the Arabic letters they are forms of: the
# retroflex ٹ ڈ ڑ as t, d, r; nun ghunna ں as n; the he's ھ ہ as he, ۃ as ta marbuta; the
# bari ye ے, ۓ as ya.
_URDU_LETTERS = str.maketrans({
    "\u0679": "\u062a", "\u0688": "\u062f", "\u0691": "\u0631", "\u06ba": "\u0646",
    "\u06be": "\u0647", "\u06c1": "\u0647", "\u06c3": "\u0629", "\u06d2": "\u064a",
    "\u06d3": "\u0626",
})  # fmt: skip
# Hebrew writes sounds it lacks with a geresh after a letter (ג׳ "j", ז׳ "zh", צ׳ "ch"), which
# ICU reads as a glottal stop. Folding keeps it as the combining accent geresh (so that it
# stays inside the word, where apostrophes are dropped), read here.
HEBREW_GERESH = regex.compile("([\u05d2\u05d6\u05e6])['\u05f3\u2019\u02bc`]")
GERESH_MARK = "\u059c"
_GERESH = regex.compile(f"([\u05d2\u05d6\u05e6]){GERESH_MARK}")
_GERESH_SOUNDS = {"\u05d2": "j", "\u05d6": "zh", "\u05e6": "ch"}
# Katakana writes a foreign w or v as ウ or ヴ with a small vowel after it (ウィ "wi", ヴァ
# "va"), which ICU reads kana by kana ("ui", "vua"); the older single kana for the same
# sounds (ヰ, ヷ) it reads "wi" and "va".
_KANA_W_V = regex.compile("[ウヴうゔ][ァィェォぁぃぇぉ]")
_KANA_SINGLE = {
    "ウィ": "ヰ", "ウェ": "ヱ", "ウォ": "ヲ", "うぃ": "ゐ", "うぇ": "ゑ",
    "ヴァ": "ヷ", "ヴィ": "ヸ", "ヴェ": "ヹ", "ヴォ": "ヺ",
}  # fmt: skip


# Persian, Urdu and Pashto read four Arabic letters as other sounds than Arabic does: ث as
# "s" (Saqib, Arabic Thaqib), ذ, ض and ظ as "z" (Faiz, Arabic Fayd). ICU reads them the
# Arabic way; a name in the Arabic script is also read the Persian way (persian_reading).
_PERSIAN_READING = str.maketrans({"\u062b": "\u0633", "\u0630": "\u0632", "\u0636": "\u0632",
                                  "\u0638": "\u0632"})  # fmt: skip
# Persian ends a name in -e'i with a silent he, a zero-width non-joiner (often left out) and
# "ای": خامنه‌ای, Khamenei. Romanised, the he is then inside the word ("khamnhay", a key of
# one class more); Arabic writes the ending ئي (خامنئي, "khamny"), as it is read.
_PERSIAN_EI = regex.compile(r"(?<=\p{Arabic})\u0647\u200c?\u0627[\u06cc\u064a](?!\p{Arabic})")


# Unicode's confusables (UTS #39) through ICU: the Latin letter a Cyrillic or Greek letter is
# drawn like (other scripts' skeletons are near-likenesses only: a Hebrew vav for "l").
_LOOKALIKE_SCRIPTS = frozenset({"Cyrillic", "Greek"})


@lru_cache(maxsize=CACHE_ENTRIES)
def _drawn_as(ch: str) -> str:
    """The ASCII letter a Cyrillic or Greek letter is drawn like ("а", "р", "Α"), or "" when
    it looks like none."""
    if codepoint_script(ord(ch)) not in _LOOKALIKE_SCRIPTS:
        return ""
    skeleton = str(_spoof_checker().getSkeleton(0, ch))
    return skeleton if len(skeleton) == 1 and skeleton.isascii() and skeleton.isalpha() else ""


@cache
def _spoof_checker() -> Any:
    """ICU's checker, made on the first Cyrillic or Greek letter (a Latin name loads no ICU)."""
    import icu

    return icu.SpoofChecker()


_ASCII_LETTER = re.compile("[A-Za-z]")


def _drawn_latin(word: str) -> tuple[str, bool] | None:
    """A word drawn entirely in Latin letters or their lookalikes, in Latin letters, and
    whether it held a Latin letter; None when a letter looks like no Latin one."""
    latin = False
    letters = []
    for ch in word:
        if ch.isascii() or codepoint_script(ord(ch)) == "Latin":
            latin = latin or ch.isalpha()
            letters.append(ch)
        elif drawn := _drawn_as(ch):
            letters.append(drawn)
        else:
            return None
    return "".join(letters), latin


def lookalike_reading(text: str, mixed_only: bool = False) -> tuple[str, bool] | None:
    """The text with every word drawn entirely in letters that look Latin written in those
    Latin letters, and whether each such word also held a Latin letter; None when no word
    is. A Latin word with a lookalike put in ("Аlipay" with a Cyrillic "А", "Аliрay" with a
    Cyrillic "р" too, which transliterates as "r") is that Latin word; a word drawn only in
    lookalikes ("Рерѕі") may be a word of their own script, and is read so only as well.
    With `mixed_only`, only words that hold a Latin letter are read (free text, where a
    sentence of another script holds many short words drawn only in lookalikes)."""
    if text.isascii() or (mixed_only and not _ASCII_LETTER.search(text)):
        return None
    pieces: list[str] = []
    at = 0
    mixed = True
    for word, start, end in find_words(text):
        if word.isascii() or (mixed_only and not _ASCII_LETTER.search(word)):
            continue
        if (read := _drawn_latin(word)) is None:
            continue
        if mixed_only and not read[1]:
            continue
        pieces.extend((text[at:start], read[0]))
        at = end
        mixed = mixed and read[1]
    if not pieces:
        return None
    return "".join(pieces) + text[at:], mixed


def persian_reading(text: str) -> str | None:
    """The text with ث, ذ, ض and ظ written as Persian reads them (س, ز) and a final ه‌ای as
    ئی (`_PERSIAN_EI`), or None when it has none of them."""
    read = _PERSIAN_EI.sub("\u0626\u06cc", text.translate(_PERSIAN_READING))
    return None if read == text else read


def mark_geresh(text: str) -> str:
    """Hebrew letters with a geresh, the geresh made a combining mark (see romanise)."""
    return HEBREW_GERESH.sub(f"\\1{GERESH_MARK}", text)


# Words: letters and digits, with the combining marks that belong to them (Devanagari's vowel
# signs and virama, Arabic harakat, Hebrew points), which Python's \w does not include.
_NOT_WORD_ASCII = re.compile(r"[\W_]+")
_NOT_WORD = regex.compile(r"[^\p{L}\p{N}\p{M}]+")
_WORD_ASCII = re.compile(r"[^\W_]+")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*")


# A question mark between letters (or before a word's first) stands for a letter a
# conversion could not write: ICU's for an ayin or a hamza ("s?yd", سعيد), a legacy
# system's for an accented letter ("Soci?t?"). It is no word's end.
_LOST_INSIDE = regex.compile(r"(?<=\p{L})\?+(?=\p{L})")
_LOST_FIRST = regex.compile(r"(?<![\p{L}\p{N}])\?(?=\p{L})")
_LOST_LAST = regex.compile(r"(?<=\p{L})\?(?![\p{L}\p{N}])")
# An apostrophe before a word of consonants only (its w and y among them, as an abjad's
# romanised letters are): ICU's word-initial aleph or ayin in a word of an abjad ("'brhm",
# אברהם; "'bbhy"), not a quotation mark (a quoted name has vowels: 'ZALIV').
_GLOTTAL_FIRST = regex.compile(
    r"(?<![\p{L}\p{N}'])'+(?=[b-df-hj-np-tv-z][b-df-hj-np-tv-z']*(?![\p{L}\p{N}]))"
)


_CLOSING = regex.compile(r"(?<=[\p{L}\p{N}])'(?![\p{L}\p{N}])")


# A lone UTF-16 surrogate: what a decoder leaves of bytes it could not read
# (errors="surrogateescape"), or what JSON may escape ("\ud800"). No character: it cannot be
# matched, and no UTF-8 (an output, the store, a list version) writes it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# The most characters NFKC makes of one: U+FDFA ("ﷺ") is 18.
NFKC_MAX_GROWTH = 18


def unfolded_past(text: str, limit: int) -> int:
    """The length of `text` as matching reads it (`clean`: NFKC unfolds ligatures and
    compatibility characters) when that is more than `limit`, else 0; a text too short to
    pass it is not unfolded."""
    if len(text) * NFKC_MAX_GROWTH <= limit:
        return 0
    read = len(unicodedata.normalize("NFKC", text))
    return read if read > limit else 0


def join_lost_letters(text: str) -> str:
    """A folded text with its lost letters' question marks inside words dropped ("s?yd" is
    "syd", as `romanise` reads an ayin inside a word) and one before a word read "a" (as it
    reads a word-initial ayin: "?mr", عمر, is "amr"); so is an apostrophe before a word of
    consonants ("'brhm", אברהם, is "abrhm") in a text where none closes a quotation ("OOO
    'SMT-K'" is a quoted name, not an abjad's)."""
    if "'" in text and not _CLOSING.search(text):  # not a quoted name: 'SMT-K'
        text = _GLOTTAL_FIRST.sub("a", text)
    if "?" not in text:
        return text
    return _LOST_FIRST.sub("a", _LOST_INSIDE.sub("", text))


def lost_letters_as(text: str, letter: str) -> str | None:
    """A text with each question mark inside a word or ending one read as `letter` (the
    "e" most accented letters lost so are: "Soci?t? G?n?rale"), or None without one."""
    if "?" not in text:
        return None
    read = _LOST_LAST.sub(letter, _LOST_INSIDE.sub(letter, text))
    return read if read != text else None


def split_words(text: str) -> list[str]:
    """The words of a text (empty strings possible at the ends)."""
    return (_NOT_WORD_ASCII if text.isascii() else _NOT_WORD).split(text)


def find_words(text: str) -> list[tuple[str, int, int]]:
    """The words of a text with their offsets."""
    pattern = _WORD_ASCII if text.isascii() else _WORD
    return [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]


_SPACES = re.compile(r"[ \t]{2,}|\t")


def _visible(ch: str) -> bool:
    return unicodedata.category(ch) != "Cf" and ch not in _INVISIBLE_EXTRA


def clean(text: str) -> str:
    """URL encoding, HTML's references, JSON's escapes and a mail header's encoded words
    undone, mojibake mended (mojibake.py), NFKC
    (full-width forms fold), invisible characters and mark signs removed, name dots to
    spaces, runs of spaces as one (rigour's legal forms are words one space apart:
    "ZELTRA  JOINT-STOCK  COMPANY", as a fixed-width field pads, kept its form's words)."""
    if "%" in text or "&" in text or "\\u" in text or "=?" in text:
        text = carriers_undone(text)
    if text.isascii():  # NFKC leaves ASCII as it is
        return _SPACES.sub(" ", text) if "  " in text or "\t" in text else text
    text = unicodedata.normalize("NFKC", mended(text).translate(_MARK_SIGNS))
    if not text.isascii():
        text = "".join(ch for ch in text if _visible(ch)).translate(_NAME_SEPARATORS)
    return _SPACES.sub(" ", text)


def camel_splits(text: str) -> str:
    """ "reportedAcme" → "reported Acme": a lower-case letter followed by a capital
    marks two words run together by text extraction."""
    return _CAMEL.sub(" ", text)


def camel_words(text: str) -> str:
    """`camel_splits`, and an acronym run on in capitals after a word ("AcmePaySDK",
    "ZeltraIMSDK", "ZQStoreCOSXML": a software package's name) apart from it."""
    return _CAPITALS_AFTER.sub(" ", camel_splits(text))


@lru_cache(maxsize=CACHE_ENTRIES)
def script_of(word: str) -> str:
    """The script of a word's first letter: Latin, Han, Hangul, Cyrillic, Arabic, ...
    ("Common" for digits and signs)."""
    for ch in word:
        if ch.isalpha():
            script = codepoint_script(ord(ch))
            if script == "Katakana" or script == "Hiragana":
                return "Kana"
            return script or "Common"
    return "Common"


# Letters of South Slavic Latin that Vietnamese does not write (`fold_latin`).
_SOUTH_SLAVIC = re.compile("[ćčšž]")


@lru_cache(maxsize=CACHE_ENTRIES)
def fold_latin(word: str) -> str:
    """A Latin word without accents or ligatures, lower case. A South Slavic word's "đ" is
    "dj", as its own ASCII spelling and the lists write it (Đinđić, DJINDJIC): a word with
    "ć", "č", "š" or "ž" too is South Slavic; Vietnamese writes "đ" for "d" (Đức, Duc)."""
    if word.isascii():
        return word
    if "đ" in word.casefold() and _SOUTH_SLAVIC.search(word.casefold()):
        word = word.replace("Đ", "Dj").replace("đ", "dj")
    return ascii_text(word).lower()


@lru_cache(maxsize=CACHE_ENTRIES)
def romanise(word: str, read: bool = False) -> tuple[str, ...]:
    """The Latin form of one word in another script, as lower-case ASCII tokens; with
    `read`, a word in an Indian script as its language spells names (indic.py).

    Transliterators write some syllable boundaries as spaces, hyphens or apostrophes (Thai,
    Hangul, kana); they are dropped, so a word stays a word. An Arabic word with the article
    or "abd" glued on becomes separate tokens, as Latin renderings write them ("al-Tikriti").
    """
    parts: list[str] = []
    script = script_of(word)
    if script == "Hebrew":
        word = _GERESH.sub(lambda m: _GERESH_SOUNDS[m.group(1)], word)
    if script == "Kana":
        word = _KANA_W_V.sub(lambda m: _KANA_SINGLE.get(m.group(), m.group()), word)
    if script == "Arabic":
        word = word.translate(_URDU_LETTERS)
    if script == "Arabic" and word.endswith(_TA_MARBUTA):
        word = word[:-1] + "\u0627"  # read as a final alef: a vowel
    if script == "Arabic":
        word = word.translate(_HAMZA_ON_YA)
        rest = word
        while len(rest) > 3 and any(rest.startswith(p) for p in _ARABIC_PREFIXES):
            prefix = next(p for p in _ARABIC_PREFIXES if rest.startswith(p))
            parts.append(prefix)
            rest = rest[len(prefix) :]
        parts.append(rest)
    else:
        parts.append(word)
    out: list[str] = []
    for part in parts:
        if read and script in BLOCKS:
            written = indic_reading(part, script)
        else:
            written = ascii_text(letters_apart(part, script)).lower().strip()
        latin = "".join(ch for ch in written if ch.isalnum())
        if latin and written[:1] in _GLOTTAL:
            # A word-initial ayin or aleph is written with a vowel in Latin ("Ali", "Abd");
            # in Hebrew, an aleph and a vav are the vowel "o" or "u" ("'wtw" is "Otto").
            hebrew_vowel = script == "Hebrew" and latin.startswith("w")
            latin = "o" + latin[1:] if hebrew_vowel else "a" + latin
        if latin:
            out.append(latin)
    return tuple(out)


_PACKAGE_SEPARATORS = regex.compile(r"[^\p{L}\p{N}]+")
_VERSION = regex.compile(r"^(?:v?\d+|\d+[a-z]?)$")


def package_words(name: str, packaging: frozenset[str]) -> list[str]:
    """The words of a software component's name ("acmepay-axios-plugin", "AcmeOpenSDK",
    "@scope/acme_sdk_python"), without version numbers and words that say what kind of
    package it is (`packaging`: sdk, plugin, python, ...)."""
    words: list[str] = []
    for part in _PACKAGE_SEPARATORS.split(camel_splits(clean(name))):
        for word in _split_version(part.casefold()):
            if word and word not in packaging and not _VERSION.match(word):
                words.append(word)
    return words


def _split_version(word: str) -> list[str]:
    """ "acmepayv3" → ["acmepay", "v3"]: a version glued on the end."""
    m = regex.match(r"^(.*?[a-z])(v?\d+)$", word)
    return [m.group(1), m.group(2)] if m else [word]


# rigour's table of legal forms, read without accents: "societe anonyme" as "société anonyme".
UNACCENTED = Normalize.CASEFOLD | Normalize.NFKD


def unaccented(text: str) -> str | None:
    """A Latin-only text without accents and punctuation, as rigour then reads its table;
    None for text in other scripts (their marks are parts of letters: Cyrillic "й",
    Devanagari vowels). Letters that do not decompose fold as names' words do ("ø" is "o",
    "ß" is "ss"), so that "Øy" is read as the "Oy" its token is."""
    if not text.isascii():
        if not all(w.isascii() or script_of(w) in ("Latin", "Common") for w in text.split()):
            return None
        text = ascii_text(text)
    return normalize(text, UNACCENTED, Cleanup.Strong) or ""
