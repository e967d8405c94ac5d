"""A payee's words with their vowels dropped, as card networks and banks shorten a name to
fit a fixed-width field ("TNCNT HLDGS", "WCHT PAY", "SHNZHN TNCNT CMPTR SYS"), read back
as the words of listed firms' names they are the consonants of (a part of `QueryRewrites`,
rewrites.py).

A word is read back only when it is written as such a shortening: Latin letters, at least
`unvowelled_min_chars` of them, no vowel after the first letter, not a word English writes
(`unvowelled_max_zipf`: "rhythm", "lynch") and not a word the lists or the config spell
themselves. It is read as each listed firm's word, or config word (a legal form, a generic
word: "CRPRTN", "TRDNG"), whose first letter and consonants it is, doubled letters once
("TRNSPRT": transport), that has at least `unvowelled_min_dropped` letters more (one
missing vowel is a typo, which the edit similarity already reads). A shortening shared by
more than `unvowelled_max_words` words says too little to read; one that a word English
writes often also is, is that word ("AMRC" is America before a listed AMIRCO); and a name
is read back only when one word at least is read as a listed firm's own.

A name read back so is a reading, not what was written: its hits count on organisations'
names holding each listed word read, at most `unvowelled_max` (REVIEW, never BLOCK).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from functools import cached_property
from itertools import groupby, islice, product

from ..registry.matching import MatchingConfig
from .common_words import common_words, zipf
from .digit_lookalikes import digit_readings
from .references import unglued_numbers
from .variants import Variant

_VOWELS = re.compile("[aeiou]")
_CONSONANTS = "B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z"
# Of all the ways a query's shortened words read, at most this many are scored.
MAX_READINGS = 8
# A field longer than a card descriptor or a remittance line (four of SWIFT's 35-character
# lines and more), or with more shortenings than a name has words, is no name written
# short: it is not read back (each reading is matched whole, as the field is).
MAX_CHARS = 256
MAX_SHORTENINGS = 6


def consonants(word: str) -> str:
    """A lower-case word's first letter and the consonants after it, a doubled letter once
    ("shipping": shpng)."""
    kept = word[:1] + _VOWELS.sub("", word[1:])
    return "".join(letter for letter, _ in groupby(kept))


def shortened_like(word: str, min_chars: int) -> bool:
    """Whether a lower-case word is written as a shortening: Latin letters, `min_chars` or
    more, and no vowel after the first letter."""
    return (
        len(word) >= min_chars
        and word.isascii()
        and word.isalpha()
        and _VOWELS.search(word, 1) is None
    )


def read_back(words: Iterable[str], min_chars: int, min_dropped: int) -> dict[str, tuple[str, ...]]:
    """Each shortening, and the words it is the first letter and consonants of."""
    found: defaultdict[str, list[str]] = defaultdict(list)
    for word in sorted(set(words)):
        if not (word.isascii() and word.isalpha()):
            continue
        short = consonants(word)
        if len(short) >= min_chars and len(word) - len(short) >= min_dropped:
            found[short].append(word)
    return {short: tuple(full) for short, full in found.items()}


class DroppedVowels:
    # What the index provides (index.py, rewrites.py).
    config: MatchingConfig
    _firm_words: Container[str]
    _vocabulary: frozenset[str]  # listed names' tokens
    _words: Container[str]  # and the config's words
    variants: Callable[[str], Sequence[Variant]]

    @cached_property
    def _config_words(self) -> frozenset[str]:
        cfg = self.config
        return frozenset({
            *cfg.abbreviations.values(),
            *cfg.generic_words_latin,
            *cfg.legal_words_fuzzy,
            *cfg.name_end_words,
            *cfg.run_together_words,
            *(w for form in cfg.legal_forms_latin for w in form),
        })  # fmt: skip

    @cached_property
    def _unvowelled(self) -> tuple[Mapping[str, tuple[str, ...]], Mapping[str, tuple[str, ...]]]:
        """The shortenings of listed firms' words and of the config's words, and those of
        the words English writes often (`unvowelled_english_zipf`). Built when a query
        first holds a shortening."""
        cfg, config_words = self.config, self._config_words
        words = (w for w in self._vocabulary if w in self._firm_words)
        min_chars, dropped = cfg.unvowelled_min_chars, cfg.unvowelled_min_dropped
        english = common_words(cfg.unvowelled_english_zipf)
        # An English word one vowel away counts too: "PLYS" is plays before it is POLYUS.
        return (read_back((*words, *config_words), min_chars, dropped),
                read_back(english, min_chars, 1))  # fmt: skip

    @cached_property
    def _shortening(self) -> re.Pattern[str]:
        """A word of Latin letters standing alone, written as a shortening: `shortened_like`
        as one expression, so that a text without one is passed over at once."""
        more = self.config.unvowelled_min_chars - 1
        return re.compile(rf"(?<![^\W_])[A-Za-z][{_CONSONANTS}]{{{more},}}(?![^\W_])")

    def letter_variants(self, query: str) -> list[Variant]:
        """The query's forms read with other letters: digits for the letters they look like
        ("T3nc3nt H0ldings": read whole, before a word with two digits is taken for a
        reference; digit_lookalikes.py), at most `transliteration_max`; a number glued to a
        word set apart ("ACMEPAY8812", whole a reference code), at most
        `compact_score`, as words run together are; and words without their vowels read
        back, at most `unvowelled_max`, on organisations' names that hold each listed
        firm's word read (not a config word: a generic word, a legal form)."""
        cfg, out = self.config, list[Variant]()
        for text in digit_readings(query):
            cap = cfg.transliteration_max
            out.extend(v._replace(cap=min(v.cap, cap)) for v in self.variants(text))
        if (spaced := unglued_numbers(query)) is not None:  # "ACMEPAY8812": references.py
            cap = cfg.compact_score
            out.extend(v._replace(cap=min(v.cap, cap)) for v in self.variants(spaced))
        for text, read in self.unvowelled(query):
            held = self.held(read)
            cap = cfg.unvowelled_max
            out.extend(
                v._replace(cap=min(v.cap, cap), organisations=True, only=_holding(held, v.only))
                for v in self.variants(text)
            )
        return out

    def held(self, read: Iterable[str]) -> frozenset[str]:
        """Of the words a shortening was read as, those a hit's name must hold: a listed
        firm's, not a config word (a generic word, a legal form)."""
        return frozenset(read) - self._config_words

    def unvowelled(self, text: str) -> list[tuple[str, tuple[str, ...]]]:
        """The text with each word written as a shortening read back as the words it may
        be, every way up to `MAX_READINGS`, with the words read (lower-case); [] when no
        word is such a shortening, or the text is no name's length (`MAX_CHARS`,
        `MAX_SHORTENINGS`). Not a shortening that a word English writes often
        (`unvowelled_english_zipf`) and no listed firm's word also is ("PRCS": process,
        prices); one that such a word and a listed firm's word is, read as the English
        word only; and not a reading of such words only: one word at least is a listed
        firm's own ("TNCNT", "HYKSN")."""
        cfg = self.config
        spots: list[tuple[int, int, tuple[str, ...]]] = []
        if len(text) > MAX_CHARS:
            return []
        for found in self._shortening.finditer(text):
            word = found.group().lower()
            if word in self._words or word in cfg.abbreviations:
                continue
            if zipf(word) >= cfg.unvowelled_max_zipf:
                continue
            listed, english = self._unvowelled  # built here: few texts hold a shortening
            key = consonants(word)
            full, common = listed.get(key, ()), english.get(key, ())
            if not 0 < len(full) <= cfg.unvowelled_max_words or not set(common) <= set(full):
                continue
            # A word English writes often is what the shortening says: "AMRC" is America,
            # not AMIRCO, though both are listed.
            spots.append((found.start(), found.end(), common or full))
            if len(spots) > MAX_SHORTENINGS:
                return []
        readings = []
        for choice in islice(product(*(full for _, _, full in spots)), MAX_READINGS):
            if all(zipf(w) >= cfg.unvowelled_english_zipf for w in choice):
                continue  # "NTNL", "UNTD SPCL": some payee's words, not a listed name's
            pieces, at = list[str](), 0
            for (start, end, _), word in zip(spots, choice, strict=True):
                written = text[start:end]
                pieces.extend((text[at:start], word.upper() if written.isupper() else word))
                at = end
            readings.append(("".join(pieces) + text[at:], choice))
        return readings if spots else []


def _holding(
    words: frozenset[str], only: Callable[[tuple[str, ...]], bool] | None
) -> Callable[[tuple[str, ...]], bool]:
    """A name's test that it holds each of `words`, and passes `only` if there is one."""

    def test(tokens: tuple[str, ...]) -> bool:
        return words.issubset(tokens) and (only is None or only(tokens))

    return test
