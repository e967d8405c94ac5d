"""Long generic words misspelt ("ZELTRA INDUTSRIES GROUP", "Acme Internatoinal"), read as the
word they misspell: the listed name's word is read as a kind of organisation or weighed
down as generic, and the misspelt one was a distinctive word that met nothing, so a typo
in a firm's generic word took its name below REVIEW. Only a word of `MIN_CHARS` letters or
more, spelt at least `generic_words_similarity` like the generic word (one edit in ten
letters): a shorter word is one edit from too many others ("shopping", "shipping"); and
not a word cut short, which cut.py completes as a guess ("Acme Technolog")."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..tunables import CACHE_ENTRIES
from .text import fold_latin, script_of

MIN_CHARS = 8


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
        self._long_word = re.compile(f"(?<!\\w)[^\\W\\d_]{{{shortest},}}(?!\\w)")
        self._seen: dict[str, str] = {}

    def __call__(self, folded: str) -> str:
        if not self._by_length or self._long_word.search(folded) is None:
            return folded
        return self._long_word.sub(self._respelt, folded)

    def _respelt(self, found: re.Match[str]) -> str:
        word = found.group()
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
