"""Korean names written in Cyrillic letters, read back into Hangul: Russian writes a Korean
name syllable by syllable (the Kontsevich system, and the older spellings still printed:
Ким Чен Ын and Ким Чжон Ын are 김정은, Kim Jong Un), which a letter-by-letter romanisation
("kim chen yn") does not undo.

A name is read only when it is two or three words, each one such syllable (or a surname
and a given name of two syllables written together), the first a Korean surname
(`hangul_surnames`), as Russian writes a Korean name: the surname first and each syllable
of the given name apart (Пак Пон Джу). Read with words of several syllables
too, 59 of 1,000 made-up Russian and foreign names in Cyrillic read as Korean ones
("галлатин" as 갈랏인). Where a Cyrillic spelling stands for two Hangul letters (о for ㅗ and
ㅓ, a final н for ㄴ and ㅇ), each is read, up to `MAX_READINGS` names in Hangul; korean.py
matches them as it matches names written in Hangul, and each is a form of the query like
any transliteration: REVIEW at most. Such a name is read so instead of letter by letter
(rewrites.py), so that korean.py's verdict that two Korean names differ holds for it: read
both ways, 468 of 1,000 Korean names in Cyrillic met another Korean name, read so only 261
(letter by letter only, 336; bench/korean_names.py's names, written in Cyrillic).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import product

# Hangul letters by their index in a syllable's code point (Unicode's composition rule).
_INITIALS = {
    "": 11, "г": 0, "к": 0, "кк": 1, "н": 2, "т": 3, "д": 3, "тт": 4, "р": 5, "л": 5, "м": 6,
    "п": 7, "б": 7, "пп": 8, "с": 9, "сс": 10, "ч": 12, "чж": 12, "дж": 12, "ж": 12, "чч": 13,
    "чх": 14, "кх": 15, "тх": 16, "пх": 17, "х": 18,
}  # fmt: skip
_VOWELS = {
    "а": (0,), "э": (1,), "я": (2,), "о": (8, 4), "е": (4, 5), "ё": (6, 12), "ва": (9,),
    "вэ": (10,), "ве": (15, 11), "во": (14,), "ви": (16,), "у": (13,), "ю": (17,),
    "ы": (18,), "ый": (19,), "и": (20,),
}  # fmt: skip
_FINALS = {
    "": (0,), "к": (1,), "н": (4, 21), "нг": (21,), "ль": (8,), "л": (8,), "р": (8,),
    "м": (16,), "п": (17,), "т": (19,), "с": (19,),
}  # fmt: skip
MAX_READINGS = 8
_Syllable = tuple[int, tuple[int, ...], tuple[int, ...]]


def _by_length(table: Collection[str]) -> list[str]:
    return sorted(table, key=len, reverse=True)


_INITIAL_ORDER = _by_length(_INITIALS)
_VOWEL_ORDER = _by_length(_VOWELS)
_FINAL_ORDER = _by_length(_FINALS)


def split_syllables(
    word: str, parts: Sequence[Sequence[str]], most: int
) -> list[tuple[str, ...]] | None:
    """The word as at most `most` syllables, each a spelling of each of `parts` in turn
    (tried in their order, backing off), or None when it does not split whole so."""
    if not word:
        return []
    if most == 0:
        return None

    def syllable(rest: str, k: int) -> list[tuple[str, ...]] | None:
        if k == len(parts):
            tail = split_syllables(rest, parts, most - 1)
            return None if tail is None else [(), *tail]
        for spelling in parts[k]:
            if rest.startswith(spelling):
                found = syllable(rest[len(spelling) :], k + 1)
                if found is not None:
                    return [(spelling, *found[0]), *found[1:]]
        return None

    return syllable(word, 0)


def _syllables(word: str, most: int = 1) -> list[_Syllable] | None:
    """The word as Kontsevich syllables (the longest spellings first), or None."""
    split = split_syllables(word, (_INITIAL_ORDER, _VOWEL_ORDER, _FINAL_ORDER), most)
    if split is None:
        return None
    return [(_INITIALS[i], _VOWELS[v], _FINALS[f]) for i, v, f in split]


def hangul(initial: int, vowel: int, final: int) -> str:
    """The Hangul syllable of letters given by their indexes (Unicode's composition)."""
    return chr(0xAC00 + (initial * 21 + vowel) * 28 + final)


def korean_readings(words: list[str], surnames: Collection[str]) -> list[str]:
    """Lower-case Cyrillic words read as a Korean name in Hangul, surname apart from the
    given name ("ким чен ын" → "김 정은", "김 젠은", …), or none (see above)."""
    if not 2 <= len(words) <= 3:
        return []
    split = [_syllables(w) for w in words]
    if len(words) == 2 and not split[1]:  # the given name's two syllables written together
        split[1] = _syllables(words[1], 2)
    if any(not s for s in split):
        return []
    syllables = [s for word in split if word is not None for s in word]
    options = [
        [hangul(i, v, f) for v, f in product(vowels, finals)] for i, vowels, finals in syllables
    ]
    return hangul_names(options, surnames, MAX_READINGS)


def hangul_names(options: list[list[str]], surnames: Collection[str], most: int) -> list[str]:
    """Names in Hangul of one of each syllable's `options`, the first a surname, written
    apart from the given name: at most `most`."""
    out: dict[str, None] = {}
    for read in product(*options):
        if read[0] in surnames:
            out[f"{read[0]} {''.join(read[1:])}"] = None
            if len(out) >= most:
                break
    return list(out)
