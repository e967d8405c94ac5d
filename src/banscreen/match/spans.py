"""Where a registry name was found inside a longer query, in the query's own characters."""

from __future__ import annotations

from .normalize import Normaliser
from .pinyin import has_han
from .text import find_words, romanise, script_of


def locate(query: str, found: tuple[str, ...], normaliser: Normaliser) -> tuple[int, int] | None:
    """The [start, end) offsets of the words of `query` that spell `found` (normalised
    tokens, in order), or None. Each word of the query is normalised alone, and read both
    in its own script and romanised, since the name may have been found in either form."""
    if not found:
        return None
    lexical: list[tuple[str, int, int]] = []
    roman: list[tuple[str, int, int]] = []
    for word, start, end in find_words(query):
        if has_han(word):
            for k, ch in enumerate(word):
                lexical.append((normaliser.fold(ch), start + k, start + k + 1))
            continue
        for token in normaliser.text_tokens(word) or (normaliser.fold(word),):
            lexical.append((token, start, end))
        if script_of(word) not in ("Latin", "Common"):
            for token in romanise(normaliser.fold(word)):
                roman.append((token, start, end))
        else:
            roman.extend(t for t in lexical if t[1] == start)
    for sequence in (lexical, roman):
        tokens = [t for t, _, _ in sequence]
        for i in range(len(tokens) - len(found) + 1):
            if tuple(tokens[i : i + len(found)]) == found:
                return sequence[i][1], sequence[i + len(found) - 1][2]
    return None
