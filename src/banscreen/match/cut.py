"""Names cut off by a field's length: a payment's name line holds 35 characters (SWIFT MT103
field 59), and the cut falls anywhere, often inside a word ("Acme Holdi").

The cut piece is a word no list knows, which weighs the most of all: without this, "Acme
Holdi" scores far below "Acme". A query's last word is read completed as a listed name goes
on after the word before it (`CutNames.cut_completions`), a form of the query capped at
`truncated_max` (rewrites.py); a hit through it counts only when it is the listed name
(`cut_hit`), since a cut may have taken the words that tell two parties apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import pairwise

from .entries import NameEntry
from .normalize import Normaliser
from .pinyin import has_han
from .scoring import LONG_GENERIC_NAME
from .similarity import Alignment
from .text import find_words, split_words

# Completions of a cut word tried, and listed words kept per word and first letter after it.
CUT_COMPLETIONS = 3
FOLLOWING_KEPT = 32
# Letters a cut word must keep to be completed.
CUT_MIN_LETTERS = 3

Following = Callable[[str], Sequence[str] | None]


def following_key(word: str, first: str) -> str:
    """The key under which the words a listed name writes after `word` and beginning with
    `first` are kept."""
    return f"{word}\x1f{first}"


def following_words(names: Iterable[list[str]]) -> dict[str, tuple[str, ...]]:
    """Per word and first letter, the words that names write after it, most written first:
    what a word cut off after it may have been (`CutNames.cut_completions`)."""
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for words in names:
        for word, after in pairwise(words):
            if len(after) >= CUT_MIN_LETTERS and after.isalpha():  # a cut word, or its whole
                counts[following_key(word, after[0])][after] += 1
    return {
        key: tuple(w for w, _ in sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))[
            :FOLLOWING_KEPT
        ]
        for key, found in counts.items()
    }


def cut_hit(
    pairs: Iterable[tuple[str, str, float]],
    found: Iterable[str],
    side: int,
    word: str,
    tokens: Sequence[str],
    factors: Sequence[float],
) -> bool:
    """Whether a hit through a name whose cut last word was completed as `word` is the other
    name (`tokens`, `factors`): the aligned `pairs` (the completed name's tokens at `side`)
    and `found` hold every distinctive word of it, and `word`, if aligned, is aligned with
    itself. A cut may have taken the words that tell two parties apart ("Acme Research
    Instit..." is the start of every "Acme Research Institute X"), and the completion is a
    listed word as written, not a spelling near another."""
    held = set(found)
    for pair in pairs:
        mine, theirs = (pair[0], pair[1]) if side == 0 else (pair[1], pair[0])
        if mine == word and theirs != word:
            return False
        held.add(theirs)
    return all(t in held for t, f in zip(tokens, factors, strict=True) if f >= 1.0)


def cut_hit_on(word: str, entry: NameEntry, alignment: Alignment, found: tuple[str, ...]) -> bool:
    """`cut_hit` of a query against a listed name, by the rules of its entity's type."""
    form = entry.form
    factors = form.person_factors if entry.person and form.person_factors else form.factors
    return cut_hit(alignment.pairs, found, 0, word, form.tokens, factors)


class CutNames:
    """A part of `NameIndex` (index.py), through QueryRewrites: it reads the query and asks
    the index only which words listed names write after a word."""

    normaliser: Normaliser
    _following: Mapping[str, Sequence[str]]  # following_words() of the listed names

    def name_words(self, text: str) -> list[str]:
        """A name's words as `cut_completions` reads them (Chinese has none apart)."""
        folded = self.normaliser.fold(text)
        return [] if has_han(folded) else [w for w in split_words(folded) if w]

    def cut_completions(self, text: str, following: Following) -> list[tuple[str, str]]:
        """The name with its last word completed, and the word it was completed as, when that
        word may have been cut off by a field's length ("Acme Holdi" as "acme holdings"): of
        three letters or more, it begins, and is shorter than, a word that a listed name
        writes after the word before it (`following`, keyed by `following_key`), and the
        words before it hold a distinctive one. A last word that a listed name itself writes
        there is not cut."""
        folded = self.normaliser.fold(text)
        if has_han(folded):
            return []
        words = find_words(folded)
        if len(words) < 2:
            return []
        previous, (last, start, _) = words[-2][0], words[-1]
        if len(last) < CUT_MIN_LETTERS or not last.isalpha():
            return []  # a letter or two tell too little ("Acme Al" may be any Al...)
        listed = following(following_key(previous, last[0])) or ()
        if last in listed:
            return []
        # The words before the cut must name something: "Limited Liability Company Inves"
        # is the start of every such company's name.
        if not self._names_something(folded[:start]):
            return []
        completions = [w for w in listed if len(w) > len(last) and w.startswith(last)]
        texts = [(folded[:start] + w, w) for w in completions[:CUT_COMPLETIONS]]
        # Cut inside a legal form ("... Obshchestvo s Ogranichennoi Otvetst"): what named
        # the company came after it.
        return texts if all(self._names_something(text) for text, _ in texts) else []

    def _names_something(self, text: str) -> bool:
        """Whether a name holds a distinctive word besides its legal forms (a name made only
        of legal forms keeps them as its words), or as many other words as make a name of
        common and generic words whole (`LONG_GENERIC_NAME`: "Zhejiang Quorvel Small and
        Micro Financ", of a listed name of such words only, was CLEAR)."""
        rest = self.normaliser.legal.without_org_types(text)
        factors = self.normaliser.form(rest).factors
        return any(f >= 1.0 for f in factors) or len(factors) >= LONG_GENERIC_NAME
