"""Registry tokens within the token-similarity floor of a query token, found exactly."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import OSA


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

    def __init__(self, tokens: Iterable[str], floor: float, min_length: int = 4) -> None:
        # Shorter tokens have no near tokens (token_similarity: one edit is already too many).
        self.min_length = min_length
        self.floor = floor
        self._short = max(L for L in range(1, 64) if self._deletions(L) <= 2)
        self._by_deletion: dict[str, list[str]] = defaultdict(list)
        self._by_trigram: dict[str, list[str]] = defaultdict(list)
        for token in tokens:
            if len(token) < self.min_length:
                continue
            if len(token) <= self._short:
                for variant in self._variants(token):
                    self._by_deletion[variant].append(token)
            else:
                for gram in _trigrams(token):
                    self._by_trigram[gram].append(token)

    def _deletions(self, length: int) -> int:
        return int((1 - self.floor) * length + 1e-9)

    def _variants(self, token: str) -> set[str]:
        """The token with up to floor((1 - f) * its length) characters deleted."""
        out = {token}
        frontier = {token}
        for _ in range(self._deletions(len(token))):
            frontier = {t[:i] + t[i + 1 :] for t in frontier for i in range(len(t))}
            out |= frontier
        return out

    def near(self, token: str) -> tuple[tuple[str, float], ...]:
        if len(token) < self.min_length or not (self._by_deletion or self._by_trigram):
            return ()
        candidates: set[str] = set()
        # Short registry tokens: reachable unless the query is too long for any of them.
        if len(token) - self._deletions(len(token)) <= self._short:
            for variant in self._variants(token):
                candidates.update(self._by_deletion.get(variant, ()))
        # Long registry tokens: only a query within e of their length can reach them.
        if len(token) >= self.floor * (self._short + 1) - 1e-9:
            grams = _trigrams(token)
            shared: dict[str, int] = defaultdict(int)
            for gram in grams:
                for other in self._by_trigram.get(gram, ()):
                    shared[other] += 1
            for other, count in shared.items():
                edits = self._edits(token, other)
                if count >= len(grams) - 4 * edits:
                    candidates.add(other)
        found = []
        for other in candidates:
            if other == token or abs(len(other) - len(token)) > self._edits(token, other):
                continue
            similarity = OSA.normalized_similarity(token, other)
            if similarity >= self.floor:
                found.append((other, similarity))
        return tuple(sorted(found))

    def _edits(self, a: str, b: str) -> int:
        return int(max(len(a), len(b)) * (1 - self.floor) + 1e-9)
