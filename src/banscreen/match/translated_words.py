"""Generic words of apps' names written in another language ("ZQ Кошелёк", "ZQ 지갑",
"محفظة ZQ": a made-up ZQ Wallet): a word of `generic_word_translations` is read as the
English word it translates, a form of the query for organisations' names, at most
`transliteration_max` (rewrites.py, through script_readings.py), and in free text a hit at
most a REVIEW (freetext.py). A romaniser reads "кошелёк" as "koshelek", which no listed
name holds."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..registry.matching import MatchingConfig
from .pinyin import has_han
from .text import split_words


def translated_reading(folded: str, config: MatchingConfig) -> str | None:
    """A folded name with each word of `generic_word_translations` read as its English
    word, or None when it has none. Chinese glues its words to a Latin brand ("ZQ办公",
    ZQ Office): read apart where the script changes."""
    table = config.translations()
    text, mixed = _SCRIPT_CHANGE.subn(" ", folded)
    found = 0
    if mixed and (glued := _han_words(tuple(table))) is not None:
        # A word inside a run of characters after a brand in other letters ("ZQ办公软件":
        # office, software); not in a name all in characters, which reads as it is.
        text, found = glued.subn(lambda m: f" {table[m.group()]} ", text)
    words = tuple(w for w in split_words(text) if w)
    read = translated_tokens(words, config)
    return " ".join(read) if found or read != words else None


@lru_cache(maxsize=4)
def _han_words(words: tuple[str, ...]) -> regex.Pattern[str] | None:
    """The words in Chinese characters among `words`, longest first, as one pattern."""
    ordered = sorted(filter(has_han, words), key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, ordered))) if ordered else None


# Where Chinese characters meet other letters or digits, either way round.
_SCRIPT_CHANGE = regex.compile(r"(?<=\p{Han})(?=[^\p{Han}\W])|(?<=[^\p{Han}\W])(?=\p{Han})")


def translated_tokens(tokens: tuple[str, ...], config: MatchingConfig) -> tuple[str, ...]:
    """Tokens with each word of `generic_word_translations` as its English word."""
    table = config.translations()
    return tuple(table.get(t, t) for t in tokens)
