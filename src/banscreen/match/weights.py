"""Token weights: inverse document frequency over the registry's names."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import ClassVar

from .stored import SCALAR, Spec, Table


class Idf:
    """Inverse document frequency over a set of token sequences (the registry's names)."""

    STORED: ClassVar[dict[str, Spec]] = {"_idf": Table(), "_unseen": SCALAR}
    _idf: Mapping[str, float]

    def __init__(self, docs: Iterable[tuple[str, ...]]) -> None:
        df: dict[str, int] = defaultdict(int)
        n = 0
        for doc in docs:
            n += 1
            for token in set(doc):
                df[token] += 1
        n = max(1, n)
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self._unseen = math.log(1 + n)

    def __call__(self, token: str) -> float:
        return self._idf.get(token, self._unseen)

    def weights(self, tokens: tuple[str, ...], factors: tuple[float, ...]) -> list[float]:
        return [self(t) * f for t, f in zip(tokens, factors, strict=True)]


def token_weights(tokens: tuple[str, ...], weights: Iterable[float]) -> dict[str, float]:
    """Each distinct token with the weight of all its occurrences: a repeated token
    ("巴巴") aligns once per occurrence, so the candidate bound must count each."""
    out: dict[str, float] = {}
    for token, weight in zip(tokens, weights, strict=True):
        out[token] = out.get(token, 0.0) + weight
    return out
