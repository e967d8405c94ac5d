"""Name index over the registry: candidate blocking, then explainable scoring.

Blocking: exact tokens, pinyin syllables, and character trigrams of tokens (for misspelt
tokens) point to the names that contain them, so a query is scored only against names it
shares something with. A candidate whose shared weight cannot reach the review threshold is
dropped before it is scored.

Scoring (see `score_pair`): lexical alignment of IDF-weighted tokens; for names in
different scripts or spelt in pinyin, the same alignment over pinyin syllables; equality
once spaces are removed; and a distinctive registry name found whole inside the query.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from ..model import Entity, Name
from ..registry.schema import MatchingSchema
from .normalize import NameForm, Normaliser
from .similarity import Alignment, align, contains


@dataclass(frozen=True)
class NameEntry:
    entity_id: str
    name: Name
    form: NameForm

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.form.tokens

    @property
    def key(self) -> str:
        return self.form.key

    @property
    def compact(self) -> str:
        return self.form.compact


@dataclass(frozen=True)
class NameMatch:
    entry: NameEntry
    score: float
    method: str  # exact | fuzzy | transliterated
    alignment: Alignment


def _trigrams(token: str) -> set[str]:
    padded = f"${token}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class _Weights:
    """Inverse document frequency over a set of token sequences; places weigh less."""

    def __init__(self, docs: Iterable[tuple[str, ...]], places: frozenset[str], factor: float):
        df: dict[str, int] = defaultdict(int)
        n = 0
        for doc in docs:
            n += 1
            for token in set(doc):
                df[token] += 1
        n = max(1, n)
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self._unseen = math.log(1 + n)
        self._places = places
        self._factor = factor

    def __call__(self, token: str) -> float:
        weight = self._idf.get(token, self._unseen)
        return weight * self._factor if token in self._places else weight


class NameIndex:
    def __init__(
        self, entities: dict[str, Entity], config: MatchingSchema, normaliser: Normaliser
    ) -> None:
        self.config = config
        self.normaliser = normaliser
        self.entries: list[NameEntry] = []
        for entity in entities.values():
            for name in entity.names:
                form = normaliser.form(name.value)
                if form.tokens:
                    self.entries.append(NameEntry(entity.id, name, form))
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._compact: dict[str, list[int]] = defaultdict(list)
        self._by_token: dict[str, set[int]] = defaultdict(set)
        self._by_syllable: dict[str, set[int]] = defaultdict(set)
        for i, entry in enumerate(self.entries):
            self._exact[entry.key].append(i)
            self._compact[entry.compact].append(i)
            for token in entry.tokens:
                self._by_token[token].add(i)
            for syllable in entry.form.phonetic:
                self._by_syllable[syllable].add(i)
        places = normaliser.places | frozenset(normaliser.phonetic(tuple(normaliser.places)))
        factor = config.place_weight
        self.weight = _Weights((e.tokens for e in self.entries), places, factor)
        self.phonetic_weight = _Weights((e.form.phonetic for e in self.entries), places, factor)
        self._by_trigram: dict[str, set[str]] = defaultdict(set)
        for token in self._by_token:
            if len(token) >= 4:
                for gram in _trigrams(token):
                    self._by_trigram[gram].add(token)

    # ------------------------------------------------------------------ scoring
    def distinctive(self, tokens: tuple[str, ...], han: bool) -> bool:
        """Long enough that finding it inside another name is not chance ("QQ" is not)."""
        compact = "".join(tokens)
        if han:
            return len(compact) >= self.config.free_text_min_han_chars
        return len(compact) >= self.config.free_text_min_latin_chars

    def _contained(self, a: tuple[str, ...], b: tuple[str, ...], b_han: bool) -> bool:
        return contains(a, b) and self.distinctive(b, b_han)

    def score_pair(
        self, a: NameForm, b: NameForm, symmetric: bool = True
    ) -> tuple[float, str, Alignment]:
        """Symmetric similarity of two names: (score, method, alignment).

        Equal tokens are exact. Otherwise the IDF-weighted token alignment; equality once
        spaces are removed scores at least `compact_score`; a distinctive name found whole
        inside the other at least `contained_score` (the subsidiary or branch we do not
        ship: "Brand Technology (City) Co."). With `symmetric=False` only `b` inside `a`
        counts: a query "Brand" is not a hit on "Brand International". When either name
        is Han and the other is not, or one is spelt in pinyin, the same rules run over
        pinyin syllables, and a better
        result there is a transliterated match, capped at `transliteration_max`.
        """
        if a.tokens == b.tokens:
            pairs = tuple((t, t, 1.0 / len(a.tokens)) for t in a.tokens)
            return 1.0, "exact", Alignment(1.0, pairs)
        cfg = self.config
        lexical = align(a.tokens, b.tokens, self.weight, cfg.token_similarity)
        score = lexical.score
        if a.compact == b.compact:
            score = max(score, cfg.compact_score)
        if self._contained(a.tokens, b.tokens, b.han) or (
            symmetric and self._contained(b.tokens, a.tokens, a.han)
        ):
            score = max(score, cfg.contained_score)
        if (a.han and b.han) or (a.phonetic == a.tokens and b.phonetic == b.tokens):
            # Two Han names compare by characters: homophones are common in Chinese names.
            return score, "fuzzy", lexical
        phonetic = align(a.phonetic, b.phonetic, self.phonetic_weight, 1.0)
        sound = phonetic.score
        if "".join(a.phonetic) == "".join(b.phonetic):
            sound = max(sound, cfg.compact_score)
        if self._contained(a.phonetic, b.phonetic, b.han) or (
            symmetric and self._contained(b.phonetic, a.phonetic, a.han)
        ):
            sound = max(sound, cfg.contained_score)
        sound = min(sound, cfg.transliteration_max)
        if sound > score:
            return sound, "transliterated", phonetic
        return score, "fuzzy", lexical

    # ------------------------------------------------------------------ candidates
    def _near_tokens(self, token: str) -> set[str]:
        """Registry tokens within the token-similarity floor, found through trigrams."""
        if len(token) < 4:
            return set()
        shared: dict[str, int] = defaultdict(int)
        for gram in _trigrams(token):
            for other in self._by_trigram.get(gram, ()):
                shared[other] += 1
        floor = self.config.token_similarity
        return {
            other
            for other in shared
            if other != token and OSA.normalized_similarity(token, other) >= floor
        }

    def _bounded(
        self,
        tokens: tuple[str, ...],
        postings: dict[str, set[int]],
        weight: _Weights,
        near: bool,
    ) -> set[int]:
        """Entries sharing tokens with `tokens` whose best possible score reaches review.

        The bound assumes every shared token aligns and the entry has nothing else; an entry
        all of whose tokens are shared is kept regardless (it may be contained in the query).
        """
        shared_weight: dict[int, float] = defaultdict(float)
        shared_count: dict[int, int] = defaultdict(int)
        for token in set(tokens):
            hits = set(postings.get(token, ()))
            if near:
                for other in self._near_tokens(token):
                    hits |= postings[other]
            w = weight(token)
            for i in hits:
                shared_weight[i] += w
                shared_count[i] += 1
        total = sum(weight(t) for t in tokens)
        review = self.config.thresholds.review
        found: set[int] = set()
        for i, shared in shared_weight.items():
            whole = shared_count[i] >= len(set(self.entries[i].form.tokens))
            if whole or 2 * shared / (total + shared) >= review:
                found.add(i)
        return found

    def _candidates(self, form: NameForm) -> set[int]:
        found = self._bounded(form.tokens, self._by_token, self.weight, near=True)
        if form.phonetic != form.tokens or form.han:
            found |= self._bounded(
                form.phonetic, self._by_syllable, self.phonetic_weight, near=False
            )
        return found

    def match(self, query: str) -> list[NameMatch]:
        """Best match per entity at or above the review threshold, best first."""
        form = self.normaliser.form(query)
        if not form.tokens:
            return []
        best: dict[str, NameMatch] = {}
        candidates = set(self._exact.get(form.key, ())) | set(self._compact.get(form.compact, ()))
        candidates |= self._candidates(form)
        review = self.config.thresholds.review
        for i in candidates:
            entry = self.entries[i]
            score, method, alignment = self.score_pair(form, entry.form, symmetric=False)
            if score >= review:
                current = best.get(entry.entity_id)
                if current is None or score > current.score:
                    best[entry.entity_id] = NameMatch(entry, score, method, alignment)
        return sorted(best.values(), key=lambda m: (-m.score, m.entry.entity_id))
