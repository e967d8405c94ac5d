"""Chinese names written in Cyrillic letters, read back into pinyin: Russian writes a Chinese
name by the Palladius system, syllable for syllable (Си Цзиньпин is Xi Jinping, Ма Юнь Ma
Yun), which a letter-by-letter romanisation ("si tszinpin") does not undo.

The syllable table is pypinyin's (its Cyrillic style), read backwards: nothing here is
written by hand. A name is read only when every word of it splits whole into such
syllables (a Russian name rarely does: Palladius writes р only in эр, and its syllables
end in a vowel, й, н or нь), and its reading is a form of the query like any
transliteration: REVIEW at most.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .pinyin import pinyin_syllables

_CYRILLIC_WORD = re.compile("[а-яё]+")
_VOWELS = frozenset("аэоеиуюяё")


@lru_cache(maxsize=1)
def _syllables() -> tuple[frozenset[str], dict[str, str]]:
    """Palladius syllables and the pinyin each writes ("ло" writes both lo and luo: the
    longer, the one names use, is kept)."""
    from pypinyin import Style
    from pypinyin.style import convert

    table: dict[str, str] = {}
    for syllable in sorted(pinyin_syllables(), key=lambda s: (len(s), s)):
        table[convert(syllable, Style.CYRILLIC, strict=False)] = syllable
    return frozenset(table), table


def palladius_reading(words: list[str]) -> str | None:
    """Lower-case Cyrillic words read as the pinyin they write, one Latin word each
    ("си цзиньпин" → "xi jinping"), or None unless every word splits whole into Palladius
    syllables and there are two syllables or more. Palladius does not mark every syllable
    boundary (нъ), so a few spellings read two ways; the reading is one of them."""
    read = palladius_syllables(words)
    if read is None or sum(map(len, read)) < 2:
        return None
    return " ".join("".join(word) for word in read)


def palladius_syllables(words: list[str]) -> list[tuple[str, ...]] | None:
    """Each word's pinyin syllables (`palladius_reading`), or None."""
    if not words or not all(_CYRILLIC_WORD.fullmatch(w) for w in words):
        return None
    syllables, table = _syllables()
    read = []
    for word in words:
        parts = _split(word, syllables)
        if parts is None:
            return None
        read.append(tuple(table[p] for p in parts))
    return read


def _split(word: str, syllables: frozenset[str]) -> tuple[str, ...] | None:
    """A word split into the fewest Palladius syllables and, of those splits, the one with
    the fewest syllables after the first that begin with a vowel: "мина" is ми-на (mi na),
    not мин-а (ming a); a Chinese name's later syllables mostly begin with a consonant."""
    n = len(word)
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, ())
    for end in range(1, n + 1):
        for start in range(max(0, end - 6), end):
            prefix, piece = best[start], word[start:end]
            if prefix is None or piece not in syllables:
                continue
            count, vowels, parts = prefix
            vowel = int(bool(parts) and piece[0] in _VOWELS)
            candidate = (count + 1, vowels + vowel, (*parts, piece))
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    found = best[n]
    return None if found is None else found[2]
