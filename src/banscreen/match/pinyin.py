"""Chinese read aloud: which text is Han, pypinyin's syllables, Latin words that spell
pinyin ("zhifubao", "Tengxun") split into them, and traditional characters simplified."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import chain

from rapidfuzz.distance import Levenshtein

from ..registry.cache import cached
from ..tunables import CACHE_ENTRIES

HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{HAN_CLASS}]")
HAN_WORD = re.compile(f"[{HAN_CLASS}]+")


def has_han(text: str) -> bool:
    return not text.isascii() and _HAN.search(text) is not None


@lru_cache(maxsize=1)
def _converter() -> Callable[[str], str]:
    import opencc

    converter: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return converter


def to_simplified(text: str) -> str:
    """Traditional characters as simplified (OpenCC), its converter made on first use."""
    return _converter()(text)


def read_han(text: str) -> list[str]:
    """pypinyin's toneless syllables of a Han run: `lazy_pinyin(text)`, word by word.

    pypinyin reads a text by cutting it into words and reading each word on its own, so a
    word's syllables are remembered: names share most of their words (有限公司, 深圳市),
    and reading one again cost most of a name's time. pypinyin is imported on first use:
    it loads its dictionaries on import (a fifth of a second), which a command matching
    Latin names against a stored index never needs."""
    cut, read_word = _han_reader()
    return [syllable for word in cut(text) for syllable in read_word(word)]


@lru_cache(maxsize=1)
def _han_reader() -> tuple[Callable[[str], list[str]], Callable[[str], tuple[str, ...]]]:
    """pypinyin's word cutter and a remembered reader of one word, as `lazy_pinyin` makes
    them (a new `Pinyin` with an `UltimateConverter` on every call)."""
    from pypinyin import Style
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin

    converter = UltimateConverter()

    @lru_cache(maxsize=CACHE_ENTRIES)
    def read_word(word: str) -> tuple[str, ...]:
        readings = converter.convert(word, Style.NORMAL, False, "default", strict=True)
        return tuple(chain.from_iterable(readings))

    return Pinyin(converter).seg, read_word


def read_words(words: tuple[str, ...]) -> frozenset[str]:
    """Each Han word read as one run of syllables ("贸易" → "maoyi"), kept in the cache
    directory like the syllable table."""
    return cached("pinyin-words", [], lambda: frozenset("".join(read_han(w)) for w in words),
                  key=words)  # fmt: skip


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows (about 400).

    Deriving them reads pypinyin's whole dictionary (most of a second), so the result is
    kept in the cache directory (keyed, among the rest, by pypinyin's version).
    """
    return cached("pinyin", [], _derive_syllables)


def _derive_syllables() -> frozenset[str]:
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    found: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            syllable = to_normal(reading)
            # Interjection readings without a vowel ("m", "ng", "hm") would split any word.
            if syllable.isascii() and syllable.isalpha() and any(v in syllable for v in "aeiouv"):
                found.add(syllable)
    found.discard("")
    return frozenset(found)


def all_pinyin(words: Iterable[str]) -> bool:
    """Whether every word splits into pinyin syllables: a Chinese name in Latin letters."""
    syllables = pinyin_syllables()
    return all(split_pinyin(word, syllables) for word in words)


# Pinyin written with tone numbers, as dictionaries and systems without tone marks write it
# ("Teng2xun4 Kong4gu3", "zhi1 fu4 bao3"): a word of syllables each followed by its tone.
_TONE_DIGIT = re.compile(r"[a-z][1-5]")
_TONED_WORD = re.compile(r"(?<![^\W\d_])(?:[a-z]+[1-5])+(?![\w])")
_TONED_SYLLABLE = re.compile(r"([a-z]+)[1-5]")


def untoned(folded: str, syllables: frozenset[str]) -> str:
    """Folded text with the tone numbers of pinyin written so taken out ("teng2xun4" is
    "tengxun"), when it holds two such syllables or more besides a letter alone in its word
    ("a1 li3 ba1 ba1" is "a li ba ba"). Each letter run before a digit is a syllable:
    "win10", "Office365", "Acme Li3" and "Block A1 E3" keep their digits."""
    if _TONE_DIGIT.search(folded) is None:
        return folded
    words = []
    heard_enough = 0
    for found in _TONED_WORD.finditer(folded):
        heard = _TONED_SYLLABLE.findall(found.group())
        if all(s in syllables for s in heard):
            words.append(found)
            heard_enough += len(heard) if len(heard) > 1 or len(heard[0]) > 1 else 0
    if heard_enough < 2:
        return folded
    for found in reversed(words):
        untoned_word = "".join(ch for ch in found.group() if not ch.isdigit())
        folded = folded[: found.start()] + untoned_word + folded[found.end() :]
    return folded


# The longest token split into syllables: eleven of pinyin's longest, or a Chinese company's
# whole name written as one word ("zhongguogongshangyinhang").
SPLIT_MAX_CHARS = 64


def split_pinyin(
    token: str, syllables: frozenset[str], vowels: frozenset[str] = frozenset()
) -> tuple[str, ...] | None:
    """Split a token into the fewest syllables of `syllables` (pinyin's for a Latin token),
    or None if it does not split so. Of splits with as few, the first found; with
    `vowels`, the one with the fewest syllables after the first that begin with one of them
    (palladius.py: Cyrillic "мина" is ми-на, not мин-а). A token over `SPLIT_MAX_CHARS`
    is no word of a name (each split kept would grow with it: a 100,000-letter "aaa..."
    took gigabytes)."""
    n = len(token)
    if n > SPLIT_MAX_CHARS:
        return None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    later = [0] * (n + 1)  # of the best split up to each end, its later syllables from a vowel
    for end in range(1, n + 1):
        for start in range(max(0, end - 6), end):
            prefix = best[start]
            piece = token[start:end]
            if prefix is not None and piece in syllables:
                candidate = (*prefix, piece)
                from_vowel = later[start] + (bool(prefix) and piece[0] in vowels)
                current = best[end]
                if (
                    current is None
                    or len(candidate) < len(current)
                    or (len(candidate) == len(current) and from_vowel < later[end])
                ):
                    best[end], later[end] = candidate, from_vowel
    return best[n]


def pinyin_reading(
    analysed: list[tuple[str, float]], split: Callable[[str], tuple[str, ...] | None]
) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Pinyin syllables of a name's weighted tokens: Han runs read as words (茄子 is
    qiezi), Latin words that spell pinyin split by `split`."""
    syllables: list[str] = []
    factors: list[float] = []
    i = 0
    while i < len(analysed):
        token, factor = analysed[i]
        if has_han(token):
            j = i
            while j < len(analysed) and has_han(analysed[j][0]):
                j += 1
            run = analysed[i:j]
            read = read_han("".join(t for t, _ in run))
            if len(read) != len(run):
                read = [read_han(t)[0] for t, _ in run]
            syllables.extend(read)
            factors.extend(f for _, f in run)
            i = j
            continue
        parts = (split(token) if token.isalpha() and len(token) >= 4 else None) or (token,)
        syllables.extend(parts)
        factors.extend([factor] * len(parts))
        i += 1
    return tuple(syllables), tuple(factors)


# Chinese writes a foreign name with the characters whose syllables come nearest to its
# sounds (the Xinhua convention for foreign names): a consonant without a vowel of its own
# takes a syllable whose vowel is read as nothing ("Brett" 布雷特, bu-lei-te), an r is
# written l (雷 lei for "re"), a final r as 尔 er, a g before a as j (加 jia), a v as w (维 wei),
# and vowels only approximately. Read back, those syllables spell the name as a sound-alike,
# which the sound keys compare (sound.py: vowels after the first letter, and l against r, do
# not count). The rules were developed on the tune side of bench/data's Chinese names.
_BARE = {
    "bu": "b", "pu": "p", "mu": "m", "fu": "f", "de": "d", "te": "t", "ke": "k", "ge": "g",
    "he": "h", "le": "l", "si": "s", "zi": "z", "ci": "ts", "shi": "sh", "er": "r", "ri": "r",
}  # fmt: skip
_NO_INITIAL = {"yi": "i", "ye": "e", "you": "yu", "ao": "o", "ou": "o", "wu": "u"}
_INITIALS = {"q": "ch", "x": "s", "c": "ts", "w": "v"}
_FINALS = {
    "ei": "e", "ai": "e", "ao": "o", "ou": "o", "uo": "o", "ie": "e", "iao": "yo", "iu": "yu",
    "ui": "wi", "ang": "an", "eng": "en", "ing": "in", "ong": "on", "ia": "ya", "ian": "yan",
    "iang": "yan", "iong": "yon", "uan": "wan", "uang": "wan", "v": "u", "ve": "ue",
}  # fmt: skip
_SYLLABLE = re.compile(r"(zh|ch|sh|[bpmfdtnlgkhjqxrzcsw])?(\w*)")
# Chinese writes a Russian name's soft consonants (before i and e) with a j: a d or t
# (Vladimir 弗拉基米尔, fu la ji mi er; Putin 普京, pu jing; Medvedev 梅德韦杰夫, jie), or a k
# (Kirill 基里尔; Naryshkin 纳雷什金, jin); and its zh with an r (Prigozhin 普里戈任, ren). Such
# a word is read as written and, besides, with each of these j's as a d and as a k, and its
# r's as zh (`RUSSIAN_SOFT`). (A q writes a ch: -chenko is 琴科, qin ke.)
RUSSIAN_SOFT = ("d", "k")
_SOFT_FINALS = frozenset({"i", "in", "ing", "ie"})


def bare(syllable: str) -> bool:
    """Whether a syllable is one a foreign name's bare consonant is written with."""
    return syllable in _BARE


def _transcribed(syllable: str, first: bool, before: str, soft: str = "") -> str:
    """One syllable of a foreign name written in Chinese, as the Latin letters it stands
    for; `before` is the first letter of the next syllable; with `soft` (a letter of
    `RUSSIAN_SOFT`), read as a Russian name's: a j before an i as `soft`, an r as zh."""
    if syllable in _BARE and (not first or before in ("l", "r")):  # "Crumpler" 克伦普尔
        return _BARE[syllable]
    if syllable in _NO_INITIAL:
        return _NO_INITIAL[syllable]
    found = _SYLLABLE.fullmatch(syllable)
    if found is None:
        return syllable
    initial, final = found.group(1) or "", found.group(2)
    if soft and _soft(initial, final):
        initial = soft if initial == "j" else "zh"
        return initial + _FINALS.get(final, final)
    if initial in ("j", "q", "x") and final[:1] == "u":
        final = "v" + final[1:]  # ju, qu, xu are jü, qü, xü
    if final == "i" and initial in ("zh", "ch", "sh", "r", "z", "c", "s"):
        final = ""  # the vowel of 斯 si, 士 shi: none
    if initial in ("j", "q", "x") and final[:1] == "i" and final[1:2] in ("a", "e", "o", "u"):
        final = final[1:]  # 谢 xie is "se", 乔 qiao "cho"
        if initial == "j" and final[:1] == "a":
            initial = "g"  # 加 jia is "ga"
    return _INITIALS.get(initial, initial) + _FINALS.get(final, final)


def transcription_reading(syllables: Sequence[str], soft: str = "") -> str:
    """A Chinese word's pinyin syllables read as a foreign name written in Chinese (see
    above): 布雷特, bu lei te, as "blet" for Brett; 谢尔盖, xie er gai, as "serge"; with `soft`
    "d", 普京, pu jing, as "pudin" for Putin (`RUSSIAN_SOFT`)."""
    return "".join(
        _transcribed(s, i == 0, syllables[i + 1][:1] if i + 1 < len(syllables) else "", soft)
        for i, s in enumerate(syllables)
    )


def _soft(initial: str, final: str) -> bool:
    return (initial == "j" and final in _SOFT_FINALS) or (initial == "r" and final != "i")


def has_soft(syllables: Sequence[str]) -> bool:
    """Whether a word has a syllable that `transcription_reading` reads otherwise with a
    `soft` letter."""
    return any(
        (found := _SYLLABLE.fullmatch(s)) is not None
        and _soft(found.group(1) or "", found.group(2))
        for s in syllables
        if s not in _BARE and s not in _NO_INITIAL
    )


# The first letters a foreign name's reading and its Latin spelling may differ in: Chinese
# writes an r with an l, and a hard c (or a q) with a k.
_SAME_START = str.maketrans("rcq", "lkk")


def spelt_alike(reading: str, latin: str, floor: float) -> bool:
    """Whether a foreign name read back from Chinese spells a Latin word (at least `floor`
    alike by edit similarity, and from the same first letter): the test for a short word's
    reading, which sounds like too many names to be compared by sound alone."""
    if (
        not reading
        or not latin
        or reading[0].translate(_SAME_START) != latin[0].translate(_SAME_START)
    ):
        return False
    return Levenshtein.normalized_similarity(reading, latin) >= floor
