"""An app's or brand's word misspelt in a payment's text ("Paid to Quorvell Pay",
"Zeltra Holdngs invoice", for made-up Quorvel Pay and Zeltra Holdings), read as the word it
is one slip from (a part of `FreeTextIndex`, freetext.py). The payee's field finds such a
name by its near words; text looked only for names as written, and each was a CLEAR.

Only a word of six letters or more that no listed name holds and English does not use
(zipf below `_MAX_ZIPF`), one edit from exactly one word of the searched apps' and brands'
names: a word of five is as often a given name one letter from a brand's ("Alpay", Turkish),
unless it follows a word of a brand's name ("ZQ Walet" for a made-up ZQ Wallet).
A name found through such a reading is `joined` (a REVIEW at most).
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .common_words import zipf

_MIN_CHARS = 6
_FLOOR = 0.83  # one edit in six letters (OSA: a swap of two letters is one)
_MAX_ZIPF = 3.0


class RespeltBrands:
    def __init__(self, names: Iterable[tuple[str, ...]], vocabulary: Container[str]) -> None:
        """`names`: the searched brands' names, as their words."""
        names = list(names)
        words = {w for name in names for w in name}
        self.brand_words = sorted(w for w in words if len(w) >= _MIN_CHARS - 1)
        self.vocabulary = vocabulary
        self._pairs = frozenset(pair for name in names for pair in pairwise(name))

    def respelt(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """The tokens with each misspelt brand word read as the brand's word (the tokens
        themselves when none is: most texts' every word is short or listed or English)."""
        read: list[str] | None = None
        for i, token in enumerate(tokens):
            if len(token) < _MIN_CHARS - 1 or token in self.vocabulary:
                continue
            word = self._word(token)
            # Five letters only as the word after another of its name's ("QQ Walet").
            if word != token and (len(token) >= _MIN_CHARS
                                  or (i > 0 and (tokens[i - 1], word) in self._pairs)):  # fmt: skip
                read = read or list(tokens)
                read[i] = word
        return tokens if read is None else tuple(read)

    def _word(self, token: str) -> str:
        if not token.isascii() or not token.isalpha() or zipf(token) >= _MAX_ZIPF:
            return token
        found = process.extract(token, self.brand_words, scorer=OSA.normalized_similarity,
                                score_cutoff=_FLOOR, limit=2)  # fmt: skip
        return found[0][0] if len(found) == 1 else token
