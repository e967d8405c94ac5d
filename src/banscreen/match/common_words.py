"""Whether a word is an ordinary word of English, by its frequency in wordfreq's lists.

A package name is made of ordinary words ("terminal", "stream", "base"); a party whose
name is one such word cannot be told apart from the word in it. Loaded on first use (about
0.1 s): only an index holding one-word names of makers asks.
"""

from __future__ import annotations

from functools import lru_cache

from ..tunables import CACHE_ENTRIES


@lru_cache(maxsize=CACHE_ENTRIES)
def zipf(word: str) -> float:
    """Zipf frequency of `word` in English: 3 is once per million words, 6 once per thousand."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en", wordlist="small"))


def made_up(word: str, min_chars: int, max_zipf: float) -> bool:
    """A word English does not use, long enough to be a brand's own ("Acmescan"): a firm
    named by it and more words is the brand's arm more often than another firm."""
    return len(word) >= min_chars and word.isascii() and word.isalpha() and zipf(word) < max_zipf
