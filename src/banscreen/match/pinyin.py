"""Chinese read aloud: which text is Han, pypinyin's syllables, Latin words that spell
pinyin ("zhifubao", "Tengxun") split into them, and traditional characters simplified."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..registry.cache import cached

HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{HAN_CLASS}]")


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
    """pypinyin's toneless syllables of a Han run. pypinyin is imported on first use: it
    loads its dictionaries on import (a fifth of a second), which a command matching Latin
    names against a stored index never needs."""
    from pypinyin import Style, lazy_pinyin

    return list(lazy_pinyin(text, style=Style.NORMAL))


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


def split_pinyin(token: str, syllables: frozenset[str]) -> tuple[str, ...] | None:
    """Split a Latin token into the fewest pinyin syllables, or None if it is not pinyin."""
    n = len(token)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(1, n + 1):
        for start in range(max(0, end - 6), end):
            prefix = best[start]
            piece = token[start:end]
            if prefix is not None and piece in syllables:
                candidate = (*prefix, piece)
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
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
