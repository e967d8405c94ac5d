"""Generic words misspelt ("ZELTRA INDUTSRIES GROUP", "Acme Internatoinal", "ACME CETNER"),
read as the word they misspell: the listed name's word is read as a kind of organisation or
weighed down as generic, and the misspelt one was a distinctive word that met nothing, so a
typo in a firm's generic word took its name below REVIEW. A word of `MIN_CHARS` letters or
more spelt at least `generic_words_similarity` like the generic word (one edit in ten
letters), and not a word cut short, which cut.py completes as a guess ("Acme Technolog").
A shorter word is one edit from too many others ("shopping", "shipping"), but not by
typing's commonest slip, two neighbouring letters swapped: a word of `SWAPPED_MIN_CHARS`
letters or more that is a generic word so misspelt ("INDSUTRY", "CETNER") is read as it,
unless it is a generic word itself ("centre", "center") or a word English uses
(`SWAPPED_MAX_ZIPF`)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..tunables import CACHE_ENTRIES
from .common_words import zipf
from .text import fold_latin, script_of

MIN_CHARS = 8
SWAPPED_MIN_CHARS = 6
SWAPPED_MAX_ZIPF = 3.0


class Respeller:
    """Folded Latin text with its misspelt long generic words spelt right."""

    def __init__(self, words: Iterable[str], similarity: float) -> None:
        known = frozenset(words)
        self._known = known
        # By length: a word one edit from another is at most a letter longer or shorter.
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(w for w in known if len(w) >= MIN_CHARS and w.isalpha()):
            for n in (len(word) - 1, len(word), len(word) + 1):
                self._by_length.setdefault(n, []).append(word)
        self._similarity = similarity
        # One edit in n letters is 1 - 1/n alike: a shorter word meets only itself, and is
        # not looked at (a whole word of letters).
        shortest = max(MIN_CHARS, math.ceil(1 / (1 - similarity)) - 1 if similarity < 1 else 99)
        self._shortest = shortest
        # Shorter words, by each spelling with two neighbouring letters swapped; one that
        # two generic words give (or one is) is none of them.
        swapped: dict[str, str | None] = {}
        for word in known:
            if SWAPPED_MIN_CHARS <= len(word) < shortest and word.isalpha():
                for i in range(len(word) - 1):
                    if word[i] != word[i + 1]:
                        typo = f"{word[:i]}{word[i + 1]}{word[i]}{word[i + 2 :]}"
                        swapped[typo] = word if swapped.get(typo, word) == word else None
        self._swapped = {typo: word for typo, word in swapped.items()
                         if word is not None and typo not in known}  # fmt: skip
        fewest = SWAPPED_MIN_CHARS if self._swapped else shortest
        self._long_word = re.compile(f"(?<!\\w)[^\\W\\d_]{{{fewest},}}(?!\\w)")
        self._seen: dict[str, str] = {}

    def __call__(self, folded: str) -> str:
        if not (self._by_length or self._swapped) or self._long_word.search(folded) is None:
            return folded
        return self._long_word.sub(self._respelt, folded)

    def _respelt(self, found: re.Match[str]) -> str:
        word = found.group()
        if len(word) < self._shortest:
            return self._unswapped(word)
        if word in self._known or len(word) not in self._by_length:
            return word
        if not word.isascii() and script_of(word) != "Latin":
            return word
        respelt = self._seen.get(word)
        if respelt is None:
            plain = fold_latin(word)  # accents never lower a score ("internaçional")
            near = self._by_length.get(len(plain), ())
            best = process.extractOne(plain, near, scorer=OSA.normalized_similarity,
                                      score_cutoff=self._similarity)  # fmt: skip
            # Not a word cut short ("Acme Technolog"): cut.py's to complete, as a guess.
            respelt = best[0] if best is not None and not best[0].startswith(plain) else word
            if len(self._seen) >= CACHE_ENTRIES:
                self._seen.clear()
            self._seen[word] = respelt
        return respelt

    def _unswapped(self, word: str) -> str:
        """A shorter word with two neighbouring letters swapped, as the generic word it
        misspells; else as it is."""
        plain = word if word.isascii() else fold_latin(word)
        meant = self._swapped.get(plain)
        if meant is None or zipf(plain) >= SWAPPED_MAX_ZIPF:
            return word
        return meant
