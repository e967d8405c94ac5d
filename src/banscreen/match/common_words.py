"""Whether a word is an ordinary word of English (or of another language), by its
frequency in wordfreq's lists.

A package name is made of ordinary words ("terminal", "stream", "base"); a party whose
name is one such word cannot be told apart from the word in it. Importing wordfreq costs a
start about 0.2 s, more than the rest of a `match`: the frequencies of the English list's
words of letters are kept in the cache directory (built by wordfreq itself, keyed by its
version), with numbers of a few digits; wordfreq is imported only for other words.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..registry.cache import cached, package_version
from ..tunables import CACHE_ENTRIES

_WORDLIST = "small"
# Numbers of up to this many digits are kept too (11,110 of them): a name's or a payment's
# words hold many, and wordfreq estimates each by its digits.
_NUMBER_DIGITS = 4


@lru_cache(maxsize=CACHE_ENTRIES)
def zipf(word: str) -> float:
    """Zipf frequency of `word` in English: 3 is once per million words, 6 once per thousand."""
    if word.isascii() and word.isalpha():
        # wordfreq reads such a word as one token, case folded; one not in its list is 0.
        return _kept_frequencies().get(word.lower(), 0.0)
    if word.isascii() and word.isdigit() and len(word) <= _NUMBER_DIGITS:
        return _kept_frequencies()[word]  # a number's estimate, by its digits
    return _zipf(word)


def common_words(min_zipf: float) -> list[str]:
    """The words of ASCII letters English writes at least this often (`zipf`)."""
    return [w for w, f in _kept_frequencies().items() if f >= min_zipf and w.isalpha()]


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en", wordlist=_WORDLIST))


@lru_cache(maxsize=1)
def _kept_frequencies() -> dict[str, float]:
    """The Zipf frequency of each word of ASCII letters in wordfreq's English list, and of
    each number of up to `_NUMBER_DIGITS` digits."""
    return cached("zipf-en", [], _read_frequencies,
                  key=(_WORDLIST, package_version("wordfreq")))  # fmt: skip


def _read_frequencies() -> dict[str, float]:
    from wordfreq import iter_wordlist

    words = [w for w in iter_wordlist("en", wordlist=_WORDLIST) if w.isascii() and w.isalpha()]
    numbers = [f"{n:0{size}d}" for size in range(1, _NUMBER_DIGITS + 1) for n in range(10**size)]
    return {word: _zipf(word) for word in (*words, *numbers)}


def made_up(word: str, min_chars: int, max_zipf: float) -> bool:
    """A word English does not use, long enough to be a brand's own ("Acmescan"): a firm
    named by it and more words is the brand's arm more often than another firm."""
    return len(word) >= min_chars and word.isascii() and word.isalpha() and zipf(word) < max_zipf


def zipf_in(word: str, languages: Sequence[str]) -> float:
    """Zipf frequency of `word` in the one of `languages` that uses it most (0 in none):
    a text's frequent word of its own language is that word, not a brand it sounds like.
    wordfreq's lists are read (it keeps each once read), not its tokenizer, which needs
    MeCab for Japanese."""
    from wordfreq import freq_to_zipf, get_frequency_dict

    folded = word.casefold()
    shares = (get_frequency_dict(language, wordlist=_WORDLIST) for language in languages)
    share = max((found.get(folded, 0.0) for found in shares), default=0.0)
    return freq_to_zipf(share) if share else 0.0
