"""A word in Devanagari read as Hindi names are spelt in Latin letters: ICU writes every
consonant's inherent vowel and the marks of ISO 15919 (रणधीर, "raṇadhīra"; शाह, "śāha"),
which fold to "ranadhira" and "saha", while the lists and their users write Randhir and
Shah. Hindi does not say the inherent vowel at the end of a word, nor one between a vowel
and a consonant that has its own (the schwa deletion of Hindi phonology), and its "ś",
"ṣ" and "c" are the "sh", "sh" and "ch" of English spellings."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..tunables import CACHE_ENTRIES
from .rigour_core import ascii_text

_VIRAMA = "\u094d"
_NUKTA = "\u093c"
_NASAL_OR_VISARGA = frozenset("\u0900\u0901\u0902\u0903")  # said with the vowel before
# A final cluster ending in र, य or व keeps its vowel (इन्द्र, Indra; आदित्य, Aditya);
# other clusters lose it (अनन्त, Anant; चार्ल्स, Charles).
_CLUSTER_SAID = frozenset("\u0930\u092f\u0935")


def _consonant(ch: str) -> bool:
    return "\u0915" <= ch <= "\u0939" or "\u0958" <= ch <= "\u095f"


def _vowel_sign(ch: str) -> bool:
    return "\u093e" <= ch <= "\u094c" or ch in "\u0962\u0963"


# ISO 15919 letters as Hindi names write them; ICU's "c" is च and its "ch" छ.
_SPELT = re.compile("ś|ṣ|c(?!h)|r̥|ṁ|ṃ|ñ")
_SPELLINGS = {"ś": "sh", "ṣ": "sh", "c": "ch", "r̥": "ri", "ṁ": "n", "ṃ": "n", "ñ": "n"}


@lru_cache(maxsize=CACHE_ENTRIES)
def hindi_reading(word: str) -> str:
    """The word in lower-case ASCII letters as a Hindi name is spelt: "randhir", "shah"."""
    from normality import latinize_text  # ICU, loaded only for a word in Devanagari

    latin = latinize_text(_without_unsaid_vowels(word))
    return ascii_text(_SPELT.sub(lambda m: _SPELLINGS[m.group()], latin)).lower()


class _Syllable(NamedTuple):
    start: int
    end: int
    kind: str  # "v": a vowel of its own or a consonant's sign; "a": a consonant's inherent
    # vowel; "-": a consonant with a virama
    cluster: bool  # a consonant after a virama


def _syllables(word: str) -> list[_Syllable]:
    out = []
    i = 0
    while i < len(word):
        ch, start = word[i], i
        i += 1
        if _consonant(ch):
            if i < len(word) and word[i] == _NUKTA:
                i += 1
            kind = "a"
            if i < len(word) and word[i] == _VIRAMA:
                kind, i = "-", i + 1
            elif i < len(word) and _vowel_sign(word[i]):
                kind, i = "v", i + 1
            elif i < len(word) and word[i] in _NASAL_OR_VISARGA:
                kind = "v"  # a nasal vowel is said (मंदिथ, Mandith)
            out.append(_Syllable(start, i, kind, start > 0 and word[start - 1] == _VIRAMA))
        elif "\u0904" <= ch <= "\u0914":
            out.append(_Syllable(start, i, "v", False))
        # signs and anything else belong to what they follow
    return out


def _without_unsaid_vowels(word: str) -> str:
    """The word with a virama after each consonant whose inherent vowel Hindi does not say:
    the last one (unless a cluster ends in र, य or व: इन्द्र, Indra), and, from the end, one
    after a said vowel and before a consonant with its own (अमरनाथ, Amarnath; कमला, Kamla)."""
    syllables = _syllables(word)
    if len(syllables) < 2:
        return word
    deleted: set[int] = set()
    last = syllables[-1]
    if last.kind == "a" and not (last.cluster and word[last.start] in _CLUSTER_SAID):
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
            out.append(_VIRAMA)
        following = syllables[n + 1].start if n + 1 < len(syllables) else len(word)
        out.append(word[syllable.end : following])
    return "".join(out)
