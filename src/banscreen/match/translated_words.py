"""Generic words of apps' names written in another language ("ZQ Кошелёк", "ZQ 지갑",
"محفظة ZQ": a made-up ZQ Wallet): a word of `generic_word_translations` is read as the
English word it translates, a form of the query for organisations' names, at most
`transliteration_max` (rewrites.py, through script_readings.py), and in free text a hit at
most a REVIEW (freetext.py). A romaniser reads "кошелёк" as "koshelek", which no listed
name holds."""

from __future__ import annotations

from ..registry.matching import MatchingConfig
from .text import split_words


def translated_reading(folded: str, config: MatchingConfig) -> str | None:
    """A folded name with each word of `generic_word_translations` read as its English
    word, or None when it has none."""
    words = tuple(w for w in split_words(folded) if w)
    read = translated_tokens(words, config)
    return " ".join(read) if read != words else None


def translated_tokens(tokens: tuple[str, ...], config: MatchingConfig) -> tuple[str, ...]:
    """Tokens with each word of `generic_word_translations` as its English word."""
    table = config.translations()
    return tuple(table.get(t, t) for t in tokens)
