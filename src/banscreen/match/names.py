"""Name index over the registry: exact, compact and fuzzy lookups with blocking."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..model import Entity, Name
from ..registry.schema import MatchingSchema
from .normalize import Normaliser, has_han
from .similarity import Alignment, align, contains


@dataclass(frozen=True)
class NameEntry:
    entity_id: str
    name: Name
    tokens: tuple[str, ...]
    key: str
    compact: str


@dataclass(frozen=True)
class NameMatch:
    entry: NameEntry
    score: float
    method: str  # exact | fuzzy
    alignment: Alignment


class NameIndex:
    def __init__(
        self, entities: dict[str, Entity], config: MatchingSchema, normaliser: Normaliser
    ) -> None:
        self.config = config
        self.normaliser = normaliser
        self.entries: list[NameEntry] = []
        for entity in entities.values():
            for name in entity.names:
                tokens = normaliser.tokens(name.value)
                if tokens:
                    self.entries.append(
                        NameEntry(entity.id, name, tokens, " ".join(tokens), "".join(tokens))
                    )
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._compact: dict[str, list[int]] = defaultdict(list)
        self._by_token: dict[str, set[int]] = defaultdict(set)
        for i, entry in enumerate(self.entries):
            self._exact[entry.key].append(i)
            self._compact[entry.compact].append(i)
            for token in entry.tokens:
                self._by_token[token].add(i)
        n = max(1, len(self.entries))
        self._idf = {t: math.log(1 + n / len(ids)) for t, ids in self._by_token.items()}
        self._unseen_weight = math.log(1 + n)
        self._vocab = [t for t in self._by_token if len(t) >= 4]

    def weight(self, token: str) -> float:
        """Inverse document frequency; a token the registry never uses weighs the most."""
        return self._idf.get(token, self._unseen_weight)

    def distinctive(self, tokens: tuple[str, ...]) -> bool:
        """Long enough that finding it inside another name is not chance ("QQ" is not)."""
        compact = "".join(tokens)
        if any(has_han(t) for t in tokens):
            return len(compact) >= self.config.free_text_min_han_chars
        return len(compact) >= self.config.free_text_min_latin_chars

    def score_pair(
        self, a: tuple[str, ...], b: tuple[str, ...], symmetric: bool = True
    ) -> tuple[float, str, Alignment]:
        """Symmetric similarity of two token sequences: (score, method, alignment).

        Equal tokens are exact; equal once spaces are removed scores `compact_score`; a
        distinctive name found whole inside the other scores at least `contained_score`
        (the subsidiary or branch we do not ship: "Brand Technology (City) Co.");
        otherwise the IDF-weighted alignment decides. With `symmetric=False` only `b` found
        inside `a` counts: a query "Brand" is not a hit on "Brand International".
        """
        if a == b:
            pairs = tuple((t, t, 1.0 / len(a)) for t in a)
            return 1.0, "exact", Alignment(1.0, pairs)
        alignment = align(a, b, self.weight, self.config.token_similarity)
        score = alignment.score
        if "".join(a) == "".join(b):
            score = max(score, self.config.compact_score)
        a_in_b = symmetric and contains(b, a) and self.distinctive(a)
        if (contains(a, b) and self.distinctive(b)) or a_in_b:
            score = max(score, self.config.contained_score)
        return score, "fuzzy", alignment

    def _candidates(self, tokens: tuple[str, ...]) -> set[int]:
        found: set[int] = set()
        floor = self.config.token_similarity
        for token in set(tokens):
            found |= self._by_token.get(token, set())
            if len(token) >= 4:
                for near, _, _ in process.extract(
                    token,
                    self._vocab,
                    scorer=OSA.normalized_similarity,
                    score_cutoff=floor,
                    limit=None,
                ):
                    found |= self._by_token[near]
        return found

    def match(self, query: str) -> list[NameMatch]:
        """Best match per entity at or above the review threshold, best first."""
        tokens = self.normaliser.tokens(query)
        if not tokens:
            return []
        key = " ".join(tokens)
        best: dict[str, NameMatch] = {}

        def offer(found: NameMatch) -> None:
            current = best.get(found.entry.entity_id)
            if current is None or found.score > current.score:
                best[found.entry.entity_id] = found

        candidates = set(self._exact.get(key, ())) | set(self._compact.get("".join(tokens), ()))
        candidates |= self._candidates(tokens)
        review = self.config.thresholds.review
        for i in candidates:
            entry = self.entries[i]
            score, method, alignment = self.score_pair(tokens, entry.tokens, symmetric=False)
            if score >= review:
                offer(NameMatch(entry, score, method, alignment))
        return sorted(best.values(), key=lambda m: (-m.score, m.entry.entity_id))
