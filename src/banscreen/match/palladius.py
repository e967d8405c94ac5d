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

from ..registry.cache import cached
from .pinyin import pinyin_syllables, split_pinyin

_CYRILLIC_WORD = re.compile("[а-яё]+")
_VOWELS = frozenset("аэоеиуюяё")


@lru_cache(maxsize=1)
def _syllables() -> tuple[frozenset[str], dict[str, str]]:
    """Palladius syllables and the pinyin each writes ("ло" writes both lo and luo: the
    longer, the one names use, is kept). Kept in the cache directory, as the pinyin
    syllables are: importing pypinyin costs a Cyrillic name's first look a quarter second."""
    table = cached("palladius", [], _derive_table)
    return frozenset(table), table


def _derive_table() -> dict[str, str]:
    from pypinyin import Style
    from pypinyin.style import convert

    table: dict[str, str] = {}
    for syllable in sorted(pinyin_syllables(), key=lambda s: (len(s), s)):
        table[convert(syllable, Style.CYRILLIC, strict=False)] = syllable
    # Russian writes Palladius's "эй" after a consonant as "ей" as often (Бейцзин for
    # Бэйцзин, Beijing; Мей for Мэй): no syllable ends so otherwise (pinyin has no "-iei"),
    # so the spelling reads one way only.
    for written, syllable in list(table.items()):
        if written.endswith("эй") and len(written) > 2:
            table.setdefault(written[:-2] + "ей", syllable)
    return table


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
        # Of splits into as few syllables, the one whose later syllables begin with a
        # consonant: a Chinese name's mostly do ("мина" is ми-на, mi na, not мин-а).
        parts = split_pinyin(word, syllables, _VOWELS)
        if parts is None:
            return None
        read.append(tuple(table[p] for p in parts))
    return read
