"""A Chinese person's name in characters read as Hong Kong writes it in Latin letters: in
the government's romanisation of Cantonese (李家超, LEE Ka-chiu), which the sanctions lists
use for Hong Kong's officials, where pinyin reads Li Jiachao."""

from __future__ import annotations

from collections import defaultdict
from itertools import islice, product

from ..registry.matching import MatchingConfig

# Forms of one name at most (a name of four characters of two spellings each has 16).
MAX_READINGS = 16


class CantoneseReadings:
    def __init__(self, config: MatchingConfig) -> None:
        spellings: dict[str, list[str]] = defaultdict(list)
        for spelling, chars in sorted(config.han_cantonese.items()):
            for char in chars:
                spellings[char].append(spelling)
        # Every spelling: a hit through a reading counts only where the listed name holds
        # its words as written (`Variant.spelt`), so the spelling must be the list's.
        self._spelt = {c: tuple(s) for c, s in spellings.items()}

    def readings(self, word: str) -> list[str]:
        """`word` (folded: simplified characters) read so, one form per choice of
        spellings; none when a character has no spelling."""
        spelt = [self._spelt.get(c) for c in word]
        if not all(spelt):
            return []
        return [" ".join(p) for p in islice(product(*spelt), MAX_READINGS)]  # type: ignore[arg-type]
