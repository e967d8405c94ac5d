"""Weighted, order-insensitive token alignment between two names.

Each token weighs its inverse document frequency over the registry's names, so a shared
"technology" or "group" adds little and a shared rare brand word a lot. Tokens align one-to-one,
best pairs first; the score is the aligned weight over the total weight of both names, so an
unaligned token on either side pulls the score down. The function is symmetric.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA


@dataclass(frozen=True)
class Alignment:
    score: float
    pairs: tuple[tuple[str, str, float], ...]  # (token a, token b, share of the score)


def token_similarity(a: str, b: str, floor: float) -> float:
    """Edit similarity of two tokens, or 0 below `floor`.

    Optimal string alignment counts a transposition as one edit ("hodlings" ~ "holdings") but,
    unlike an LCS ratio, does not reward one token being a subsequence of another
    ("storefront" is not "store"). Tokens under four characters align only when equal.
    """
    if a == b:
        return 1.0
    if len(a) < 4 or len(b) < 4:
        return 0.0
    sim = OSA.normalized_similarity(a, b)
    return sim if sim >= floor else 0.0


def align(
    a: Sequence[str], b: Sequence[str], weight: Callable[[str], float], floor: float
) -> Alignment:
    total = sum(weight(t) for t in a) + sum(weight(t) for t in b)
    if total <= 0:
        return Alignment(0.0, ())
    candidates: list[tuple[float, float, str, str, int, int]] = []
    for i, ta in enumerate(a):
        for j, tb in enumerate(b):
            sim = token_similarity(ta, tb, floor)
            if sim > 0:
                pair_weight = weight(ta) + weight(tb)
                lo, hi = (ta, tb) if ta <= tb else (tb, ta)
                candidates.append((-sim, -pair_weight, lo, hi, i, j))
    candidates.sort(key=lambda c: (c[0], c[1], c[2], c[3]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    gained = 0.0
    pairs: list[tuple[str, str, float]] = []
    for neg_sim, neg_weight, _, _, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        contribution = -neg_sim * -neg_weight
        gained += contribution
        pairs.append((a[i], b[j], contribution / total))
    return Alignment(min(1.0, gained / total), tuple(pairs))


def contains(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    """Whether `needle` occurs in `haystack` as a contiguous run of whole tokens."""
    n = len(needle)
    if n == 0 or n > len(haystack):
        return False
    first = needle[0]
    return any(
        haystack[i] == first and tuple(haystack[i : i + n]) == tuple(needle)
        for i in range(len(haystack) - n + 1)
    )
