"""A word in an Indian script read as names in its language are spelt in Latin letters. ICU
writes the marks of ISO 15919 and every consonant's inherent vowel (रणधीर, "raṇadhīra";
शाह, "śāha"), which fold to "ranadhira" and "saha", while the lists and their users write
Randhir and Shah. Hindi, Bengali, Punjabi, Gujarati and Oriya (`NORTH`) do not say the
inherent vowel at the end of a word, nor (in Hindi, and mostly in the others) one between a
vowel and a consonant that has its own (schwa deletion); the southern languages write a
bare consonant with its virama, as they say it. ISO's "ś", "ṣ" and "c" are the "sh", "sh"
and "ch" of English spellings; Tamil, which has one letter for "k" and "g" (and "t" and
"d", "p" and "b"), says it voiced between vowels and after a nasal, and its "c" (ச) is an
"s" there and at the start of a word (முருகன், "murukaṉ", Murugan; சிவகுமார், "civakumār",
Sivakumar).

The nine scripts share one layout (Unicode arranges each 128-letter block as ISCII did):
a letter is classified by its place in its block, so one reading serves them all."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..tunables import CACHE_ENTRIES
from .rigour_core import ascii_text

# The scripts read so, by the first code point of their Unicode block.
BLOCKS = {"Devanagari": 0x0900, "Bengali": 0x0980, "Gurmukhi": 0x0A00, "Gujarati": 0x0A80,
          "Oriya": 0x0B00, "Tamil": 0x0B80, "Telugu": 0x0C00, "Kannada": 0x0C80,
          "Malayalam": 0x0D00}  # fmt: skip
NORTH = frozenset({"Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya"})
# Places in a block (Devanagari's letters as examples).
_VIRAMA = 0x4D
_NUKTA = 0x3C
_NASAL_OR_VISARGA = frozenset({0x00, 0x01, 0x02, 0x03, 0x70})  # said with the vowel before
# A final cluster ending in र, य or व keeps its vowel (इन्द्र, Indra; आदित्य, Aditya);
# other clusters lose it (अनन्त, Anant; चार्ल्स, Charles).
_CLUSTER_SAID = frozenset({0x30, 0x2F, 0x35})


def _consonant(place: int) -> bool:
    return 0x15 <= place <= 0x39 or 0x58 <= place <= 0x5F


def _vowel_sign(place: int) -> bool:
    return 0x3E <= place <= 0x4C or place in (0x62, 0x63)


def _own_vowel(place: int) -> bool:
    return 0x04 <= place <= 0x14


# ISO 15919 letters as names write them; ICU's "c" is च and its "ch" छ.
_SPELT = re.compile("ś|ṣ|c(?!h)|r̥|ṁ|ṃ|ñ")
_SPELLINGS = {"ś": "sh", "ṣ": "sh", "c": "ch", "r̥": "ri", "ṁ": "n", "ṃ": "n", "ñ": "n"}


# Tamil's stops said voiced, and its "c" said "s": between vowels and after a nasal.
_VOWEL = "aāiīuūeēoō"
_TAMIL = re.compile(
    rf"(?<=[{_VOWEL}])([kṭtp])(?=[{_VOWEL}])|(?<=[ṅnṉṇm])([kṭtp])|^c|(?<=[{_VOWEL}])c(?=[{_VOWEL}])"
)
_VOICED = {"k": "g", "ṭ": "d", "t": "d", "p": "b", "c": "s"}


@lru_cache(maxsize=CACHE_ENTRIES)
def indic_reading(word: str, script: str) -> str:
    """The word in lower-case ASCII letters as a name in it is spelt: "randhir", "shah"."""
    from normality import latinize_text  # ICU, loaded only for a word in these scripts

    if script in NORTH:
        word = without_unsaid_vowels(word, BLOCKS[script])
    latin = latinize_text(word)
    if script == "Tamil":
        latin = _TAMIL.sub(lambda m: _VOICED[m.group()], latin)
    return ascii_text(_SPELT.sub(lambda m: _SPELLINGS[m.group()], latin)).lower()


class _Syllable(NamedTuple):
    start: int
    end: int
    kind: str  # "v": a vowel of its own or a consonant's sign; "a": a consonant's inherent
    # vowel; "-": a consonant with a virama
    cluster: bool  # a consonant after a virama


def _syllables(word: str, block: int) -> list[_Syllable]:
    # Each character's place in the block (-1 outside it: a sign of no script, another
    # script's letter), and past the end a place no letter has.
    places = [ord(ch) - block if 0 <= ord(ch) - block < 0x80 else -1 for ch in word] + [-1]
    out = []
    i = 0
    while i < len(word):
        place, start = places[i], i
        i += 1
        if _consonant(place):
            if places[i] == _NUKTA:
                i += 1
            kind = "a"
            if places[i] == _VIRAMA:
                kind, i = "-", i + 1
            elif _vowel_sign(places[i]):
                kind, i = "v", i + 1
            elif places[i] in _NASAL_OR_VISARGA:
                kind = "v"  # a nasal vowel is said (मंदिथ, Mandith)
            out.append(_Syllable(start, i, kind, start > 0 and places[start - 1] == _VIRAMA))
        elif _own_vowel(place):
            out.append(_Syllable(start, i, "v", False))
        # signs and anything else belong to what they follow
    return out


def without_unsaid_vowels(word: str, block: int) -> str:
    """The word with a virama after each consonant whose inherent vowel Hindi does not say:
    the last one (unless a cluster ends in र, य or व: इन्द्र, Indra), and, from the end, one
    after a said vowel and before a consonant with its own (अमरनाथ, Amarnath; कमला, Kamla).
    `block`: the first code point of the word's script's block."""
    syllables = _syllables(word, block)
    if len(syllables) < 2:
        return word
    deleted: set[int] = set()
    last = syllables[-1]
    if last.kind == "a" and not (last.cluster and ord(word[last.start]) - block in _CLUSTER_SAID):
        deleted.add(len(syllables) - 1)
    for n in range(len(syllables) - 2, 0, -1):
        if (
            syllables[n].kind == "a"
            and syllables[n - 1].kind != "-"
            and syllables[n + 1].kind != "-"
            and (n + 1) not in deleted
        ):
            deleted.add(n)
    if not deleted:
        return word
    out = [word[: syllables[0].start]]
    for n, syllable in enumerate(syllables):
        out.append(word[syllable.start : syllable.end])
        if n in deleted:
            out.append(chr(block + _VIRAMA))
        following = syllables[n + 1].start if n + 1 < len(syllables) else len(word)
        out.append(word[syllable.end : following])
    return "".join(out)
