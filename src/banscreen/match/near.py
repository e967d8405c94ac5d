"""Registry tokens within the token-similarity floor of a query token, found exactly, and
the words that sound like it (`Words`)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import ClassVar

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..tunables import CACHE_ENTRIES
from .sound import SoundKeys, first_j_as_y
from .stored import SCALAR, Part, Spec, Table

# Comparing a query with one token in rapidfuzz's C loop costs about a tenth of making and
# looking up one of the query's deletions: below this ratio the tokens of a compatible
# length are compared directly.
COMPARE_PER_DELETION = 10


@lru_cache(maxsize=CACHE_ENTRIES)
def deletions(token: str, count: int) -> frozenset[str]:
    """The token with up to `count` characters deleted. Each deletion is made at or after
    the previous one, so every set of positions is deleted once; shared by all the indexes
    (a query token is looked up in several)."""
    out = {token}
    frontier = [(token, 0)]
    for _ in range(count):
        frontier = [(t[:i] + t[i + 1 :], i) for t, start in frontier for i in range(start, len(t))]
        out.update(t for t, _ in frontier)
    return frozenset(out)


def _trigrams(token: str) -> set[str]:
    padded = f"${token}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class NearIndex:
    """Registry tokens within the token-similarity floor of a query token, exactly.

    Two tokens within the floor f are at most e = floor((1 - f) * M) edits apart (M the
    longer length; an OSA transposition is one edit). Deleting characters brings both to a
    common string: a side deletes its characters that were substituted, transposed or are
    not in the other. The longer side deletes at most e; the shorter, of length L = M - d,
    at most (e - d), which is never more than floor((1 - f) * L). So every token deletes at
    most floor((1 - f) * its own length). For tokens short enough that this is two or fewer,
    every string reached by such deletions points back to its tokens (a deletion
    neighbourhood, as in SymSpell), and a query's own deletions find every near token among
    them; the few longer registry tokens are found through shared trigrams (each edit
    breaks at most four padded trigrams). Candidates are then checked with the real
    similarity, so the answer is the same as comparing with every token.
    """

    STORED: ClassVar[dict[str, Spec]] = {
        "min_length": SCALAR, "floor": SCALAR, "_compare_per_deletion": SCALAR,
        "_short": SCALAR, "_by_deletion": Table(), "_by_trigram": Table(),
        "_by_length": Table(),
    }  # fmt: skip
    _by_deletion: Mapping[str, Sequence[str]]
    _by_trigram: Mapping[str, Sequence[str]]
    _by_length: Mapping[int, Sequence[str]]

    def __init__(
        self,
        tokens: Iterable[str],
        floor: float,
        min_length: int = 4,
        compare_per_deletion: int = COMPARE_PER_DELETION,
    ) -> None:
        # Shorter tokens have no near tokens (token_similarity: one edit is already too many).
        self.min_length = min_length
        self.floor = floor
        self._compare_per_deletion = compare_per_deletion
        self._short = max(L for L in range(1, 64) if self._deletions(L) <= 2)
        by_deletion: dict[str, list[str]] = defaultdict(list)
        by_trigram: dict[str, list[str]] = defaultdict(list)
        by_length: dict[int, list[str]] = defaultdict(list)
        # A number is near no other token (similarity.numbers_apart).
        for token in sorted({t for t in tokens if len(t) >= min_length and not t.isdigit()}):
            by_length[len(token)].append(token)
            if len(token) <= self._short:
                for variant in self._variants(token):
                    by_deletion[variant].append(token)
            else:
                for gram in _trigrams(token):
                    by_trigram[gram].append(token)
        self._by_deletion, self._by_trigram = dict(by_deletion), dict(by_trigram)
        self._by_length = dict(by_length)

    def _deletions(self, length: int) -> int:
        return int((1 - self.floor) * length + 1e-9)

    def _variants(self, token: str) -> frozenset[str]:
        """The token with up to floor((1 - f) * its length) characters deleted."""
        return deletions(token, self._deletions(len(token)))

    def near(self, token: str) -> tuple[tuple[str, float], ...]:
        length = len(token)
        if length < self.min_length or not self._by_length or token.isdigit():
            return ()
        # Tokens within the floor are at most e shorter or e' longer (e' of their length).
        lengths = range(length - self._deletions(length), int(length / self.floor + 1e-9) + 1)
        band = sum(len(self._by_length.get(n, ())) for n in lengths)
        if band <= self._compare_per_deletion * self._variant_count(length):
            candidates: Iterable[str] = self._compared(token, lengths)
        else:
            candidates = self._looked_up(token)
        found = []
        for other in candidates:
            if other == token or abs(len(other) - length) > self._edits(token, other):
                continue
            similarity = OSA.normalized_similarity(token, other)
            if similarity >= self.floor:
                found.append((other, similarity))
        return tuple(sorted(found))

    def _variant_count(self, length: int) -> int:
        """How many deletions of a query of this length the tables would need."""
        if length - self._deletions(length) > self._short:
            return 1  # beyond every short token: trigrams only, and a few of them
        return sum(math.comb(length, k) for k in range(self._deletions(length) + 1))

    def _compared(self, token: str, lengths: range) -> list[str]:
        """Tokens of a compatible length near the query, compared one by one. rapidfuzz
        turns a cutoff into a distance with its own rounding ("aaaaa" and "aaaa" are exactly
        0.8 apart): the cutoff is a little below the floor, and near() applies the floor."""
        out: list[str] = []
        for n in lengths:
            choices = self._by_length.get(n)
            if choices:
                found = process.extract(token, choices, scorer=OSA.normalized_similarity,
                                        score_cutoff=self.floor - 1e-6, limit=None)  # fmt: skip
                out.extend(other for other, _, _ in found)
        return out

    def _looked_up(self, token: str) -> set[str]:
        """Tokens near the query found through the deletion and trigram tables."""
        candidates: set[str] = set()
        # Short registry tokens: reachable unless the query is too long for any of them.
        if len(token) - self._deletions(len(token)) <= self._short:
            for variant in self._variants(token):
                candidates.update(self._by_deletion.get(variant, ()))
        # Long registry tokens: only a query within e of their length can reach them.
        if self._by_trigram and len(token) >= self.floor * (self._short + 1) - 1e-9:
            grams = _trigrams(token)
            shared: dict[str, int] = defaultdict(int)
            for gram in grams:
                for other in self._by_trigram.get(gram, ()):
                    shared[other] += 1
            for other, count in shared.items():
                edits = self._edits(token, other)
                if count >= len(grams) - 4 * edits:
                    candidates.add(other)
        return candidates

    def _edits(self, a: str, b: str) -> int:
        return int(max(len(a), len(b)) * (1 - self.floor) + 1e-9)


class Words:
    """A set of registry words with what finds their partners: near spellings and sounds."""

    STORED: ClassVar[dict[str, Spec]] = {
        "near_index": Part(NearIndex), "by_key": Table(), "near_keys": Part(NearIndex),
        "by_short_key": Table(),
    }  # fmt: skip
    by_key: Mapping[str, Sequence[str]]
    by_short_key: Mapping[str, Sequence[str]]

    def __init__(
        self,
        words: set[str],
        token_floor: float,
        sound: SoundKeys,
        short: Iterable[str] | None = None,
    ) -> None:
        """`short`: the words whose keys of one class find them too (by default all), for
        persons' names written in an abjad (SoundKeys.vowels_alike)."""
        self.sound = sound
        self.near_index = NearIndex(words, token_floor)
        by_key: dict[str, set[str]] = defaultdict(set)
        by_short_key: dict[str, set[str]] = defaultdict(set)
        short_words = words if short is None else set(short)
        for word in words | short_words:
            if word.isascii():
                for key in self._keys(word):
                    if len(key) >= 2 and word in words:
                        by_key[key].add(word)
                    elif len(key) == 1 and key != "A" and word in short_words:
                        by_short_key[key].add(word)
        self.by_key = {k: tuple(sorted(v)) for k, v in by_key.items()}
        self.by_short_key = {k: tuple(sorted(v)) for k, v in by_short_key.items()}
        self.near_keys = NearIndex(self.by_key, sound.near_similarity, sound.near_min_classes)

    def _keys(self, word: str) -> tuple[str, ...]:
        """A word's keys (`SoundKeys.slavic_keys`), and those of its first "j" read as "y"
        (`first_j_as_y`): the abjads' persons' names are compared so (across.py), and found
        so either way round."""
        keys = self.sound.slavic_keys(word)
        said = first_j_as_y(word)
        return keys + tuple(k for k in self.sound.keys(said) if k not in keys) if said else keys

    def alike(self, spelling: str) -> Sequence[str]:
        """The words of the spelling's sound key (a foreign name's likeliest spelling,
        spelling_model.py: "rori" finds "lowry")."""
        return self.by_key.get(self.sound.key(spelling), ())

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019 - the words live as long as the index
    def near(self, token: str) -> tuple[tuple[str, float], ...]:
        """The token and the words within the token-similarity floor of it (every source
        of partners starts here, so it is worked out once per token)."""
        return ((token, 1.0), *self.near_index.near(token))

    def sounding(
        self,
        token: str,
        near: bool,
        spelling: float | None,
        min_classes: int | None = None,
        equal_min: int = 2,
        short: bool = False,
    ) -> tuple[tuple[str, float], ...]:
        """The near words, and the words that sound like `token` (keys equal, or near with
        `near`; spelt alike to the edit similarity `spelling` too, if given; with `short`,
        keys of one class equal too), each with the most that scoring gives the pair: the
        partners scoring.py may align."""
        found = dict(self.near(token))
        least = self.sound.near_min_classes if min_classes is None else min_classes
        partners: list[tuple[str, float]] = []
        for key in self._keys(token) if token.isascii() else ():
            if short and len(key) == 1:
                short_keyed = self.by_short_key.get(key, ())
                partners += [(other, self.sound.equal_score) for other in short_keyed]
            if len(key) < equal_min:
                continue
            partners += [(other, self.sound.equal_score) for other in self.by_key.get(key, ())]
            if near and len(key) >= least:
                partners += [
                    (other, self.sound.near_score)
                    for near_key, _ in self.near_keys.near(key)
                    if len(near_key) >= least
                    for other in self.by_key.get(near_key, ())
                ]
        for other, similarity in partners:
            if (spelling is not None and OSA.normalized_similarity(token, other) < spelling
                    and not self.sound.same_given(token, other)):  # fmt: skip
                continue
            found[other] = max(found.get(other, 0.0), similarity)
        return tuple(found.items())
