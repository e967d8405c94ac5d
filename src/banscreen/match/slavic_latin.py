"""A name in Cyrillic letters read as the Latin alphabets of South and West Slavic
languages write it, marks folded: lists spell a Serbian, Croatian or Czech person so
("RAZNATOVIC, Zeljko"), and Russian writes the same name Ражнатович, which a romaniser
reads by English sounds ("razhnatovich"). The table is data (`cyrillic_slavic_latin` in
data/matching.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..registry.matching import MatchingConfig


def slavic_latin_reading(words: list[str], config: MatchingConfig) -> str | None:
    """Folded Cyrillic words (lower case) read by the table, longest spelling first, apart
    by spaces (a word of signs alone, said as nothing, left out); None when a word holds a
    letter the table does not spell (not a Slavic name's) or nothing is left."""
    table, pattern = _compiled(tuple(config.cyrillic_slavic_latin.items()))
    out = []
    for word in words:
        read = pattern.sub(lambda m: table[m.group()], word)
        if not read.isascii():
            return None
        if read:
            out.append(read)
    return " ".join(out) or None


@lru_cache(maxsize=4)
def _compiled(items: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], re.Pattern[str]]:
    longest = sorted((cyrillic for cyrillic, _ in items), key=len, reverse=True)
    return dict(items), re.compile("|".join(map(re.escape, longest)))
