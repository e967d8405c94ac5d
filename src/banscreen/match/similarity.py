"""Weighted token alignment between two names.

Every token carries a weight (its inverse document frequency over the registry's names,
times a factor that weighs place names and generic words down), so a shared "technology"
adds little and a shared rare brand word a lot. Latin tokens align one-to-one in any order
("Holdings Brand"), best pairs first, with an edit similarity; Han characters and pinyin
syllables align in order (a weighted longest common subsequence), since 动景 is not 景动.
The score is the aligned weight over the total weight of both names, so an unaligned token
on either side pulls it down. Both alignments are symmetric.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

Pairs = tuple[tuple[str, str, float], ...]
# A second opinion on two tokens that do not align by spelling, given their edit similarity:
# how alike they sound, or whether one is the other's initial (0 when neither).
PairSimilarity = Callable[[str, str, float], float]


# How far below a threshold a score still reaches it: shares that sum to 0.80 exactly by
# arithmetic (two weighted shares of 0.4) sum to 0.7999999999999999 in floats, which a bare
# `score >= review` read as a CLEAR.
SCORE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Alignment:
    score: float
    pairs: Pairs  # (token a, token b, share of the score)
    aligned_a: frozenset[int] = frozenset()  # positions of `a` that found a partner
    aligned_b: frozenset[int] = frozenset()
    similarities: tuple[float, ...] = ()  # of each pair, in the order of `pairs`
    positions: tuple[tuple[int, int], ...] = ()  # of each pair: (position in a, in b)


def token_similarity(a: str, b: str, floor: float) -> float:
    """Edit similarity of two tokens, or 0 below `floor`.

    Optimal string alignment counts a transposition as one edit ("hodlings" ~ "holdings")
    but, unlike an LCS ratio, does not reward one token being a subsequence of another
    ("storefront" is not "store"). Tokens under four characters align only when equal, and
    so do numbers (`numbers_apart`).
    """
    if a == b:
        return 1.0
    if len(a) < 4 or len(b) < 4 or numbers_apart(a, b):
        return 0.0
    sim = OSA.normalized_similarity(a, b)
    return sim if sim >= floor else 0.0


def numbers_apart(a: str, b: str) -> bool:
    """Whether two tokens are different numbers, or a number and a word: a number names
    one thing (a unit, a plant, a hull) and one digit away is another ("Plant 1651" is not
    "Plant 1851"), so numbers pair only when equal. Called only on tokens that differ."""
    return a.isdigit() or b.isdigit()


def _bag(
    a: Sequence[str],
    wa: Sequence[float],
    b: Sequence[str],
    wb: Sequence[float],
    floor: float,
    other: PairSimilarity | None = None,
) -> list[tuple[int, int, float, float]]:
    """One-to-one pairs (i, j, weight gained, similarity), best similarity first, any order."""
    candidates: list[tuple[float, float, str, str, int, int]] = []
    similarity = OSA.normalized_similarity
    for i, ta in enumerate(a):
        for j, tb in enumerate(b):
            if ta == tb:
                sim = 1.0
            elif numbers_apart(ta, tb):
                continue
            else:
                spelled = similarity(ta, tb)
                if spelled >= floor and len(ta) >= 4 and len(tb) >= 4:
                    sim = spelled  # token_similarity, computed once
                    if other is not None:
                        # The most either opinion gives ("Sergey", "Sergei": spelt 0.83
                        # alike, sound alike 0.90), as the candidate search assumes.
                        sim = max(sim, other(ta, tb, spelled))
                elif other is not None:
                    sim = other(ta, tb, spelled)
                else:
                    continue
            if sim > 0:
                lo, hi = (ta, tb) if ta <= tb else (tb, ta)
                candidates.append((-sim, -(wa[i] + wb[j]), lo, hi, i, j))
    candidates.sort(key=lambda c: (c[0], c[1], c[2], c[3]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[int, int, float, float]] = []
    for neg_sim, neg_weight, _, _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, neg_sim * neg_weight, -neg_sim))
    return out


def _ordered(
    a: Sequence[str], wa: Sequence[float], b: Sequence[str], wb: Sequence[float]
) -> list[tuple[int, int, float, float]]:
    """Pairs of equal tokens in order with the most weight (weighted LCS)."""
    n, m = len(a), len(b)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            skip = max(best[i + 1][j], best[i][j + 1])
            take = best[i + 1][j + 1] + wa[i] + wb[j] if a[i] == b[j] else -1.0
            best[i][j] = max(skip, take)
    out: list[tuple[int, int, float, float]] = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j] and best[i][j] == best[i + 1][j + 1] + wa[i] + wb[j]:
            out.append((i, j, wa[i] + wb[j], 1.0))
            i += 1
            j += 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def align(
    a: Sequence[str],
    wa: Sequence[float],
    oa: Sequence[bool],
    b: Sequence[str],
    wb: Sequence[float],
    ob: Sequence[bool],
    floor: float,
    other: PairSimilarity | None = None,
) -> Alignment:
    """Align two weighted token sequences: tokens flagged ordered (`oa`, `ob`) in order and
    exactly, the rest one-to-one in any order by edit similarity (or, where `other` is
    given and spelling does not align two tokens, by its opinion)."""
    total = sum(wa) + sum(wb)
    if total <= 0:
        return Alignment(0.0, ())
    gained_pairs: list[tuple[str, str, float]] = []
    similarities: list[float] = []
    positions: list[tuple[int, int]] = []
    aligned_a: set[int] = set()
    aligned_b: set[int] = set()
    for positional in (False, True):
        sel_a = [i for i, flag in enumerate(oa) if flag is positional]
        sel_b = [j for j, flag in enumerate(ob) if flag is positional]
        if not sel_a or not sel_b:
            continue
        sa, swa = [a[i] for i in sel_a], [wa[i] for i in sel_a]
        sb, swb = [b[j] for j in sel_b], [wb[j] for j in sel_b]
        found = _ordered(sa, swa, sb, swb) if positional else _bag(sa, swa, sb, swb, floor, other)
        gained_pairs.extend((sa[i], sb[j], g) for i, j, g, _ in found)
        similarities.extend(sim for *_, sim in found)
        positions.extend((sel_a[i], sel_b[j]) for i, j, _, _ in found)
        aligned_a.update(sel_a[i] for i, _, _, _ in found)
        aligned_b.update(sel_b[j] for _, j, _, _ in found)
    gained = sum(g for _, _, g in gained_pairs)
    pairs = tuple((x, y, g / total) for x, y, g in gained_pairs)
    return Alignment(
        min(1.0, gained / total),
        pairs,
        frozenset(aligned_a),
        frozenset(aligned_b),
        tuple(similarities),
        tuple(positions),
    )


def find(haystack: Sequence[str], needle: Sequence[str]) -> int:
    """Where `needle` first occurs in `haystack` as a contiguous run of whole tokens, or -1."""
    n = len(needle)
    if n == 0 or n > len(haystack):
        return -1
    for i in range(len(haystack) - n + 1):
        if haystack[i] == needle[0] and tuple(haystack[i : i + n]) == tuple(needle):
            return i
    return -1


def spelt_alike(pairs: tuple[tuple[str, str, float], ...], floor: float) -> bool:
    """Whether an aligned pair is the same word, or a word of four letters or more spelt
    like its partner to the edit similarity `floor` (not merely sounding like it)."""
    return any(
        x == y or (len(x) >= 4 and OSA.normalized_similarity(x, y) >= floor) for x, y, _ in pairs
    )
