"""Where a registry name was found inside a longer query, in the query's own characters."""

from __future__ import annotations

from .normalize import Normaliser
from .pinyin import has_han
from .text import find_words, romanise, script_of

# (token, start, end, whether the word normalises to nothing: a stop word or a legal form,
# which a name found across it skips)
_Word = tuple[str, int, int, bool]


def locate(query: str, found: tuple[str, ...], normaliser: Normaliser) -> tuple[int, int] | None:
    """The [start, end) offsets of the words of `query` that spell `found` (normalised
    tokens, in order), or None. Each word of the query is normalised alone, and read both
    in its own script and romanised, since the name may have been found in either form.
    Words that normalise to nothing ("and", "Ltd") may lie between the name's words."""
    if not found:
        return None
    lexical: list[_Word] = []
    roman: list[_Word] = []
    for word, start, end in find_words(query):
        if has_han(word):
            for k, ch in enumerate(word):
                lexical.append((normaliser.fold(ch), start + k, start + k + 1, False))
            continue
        # A word a name's tokens leave out (a stop word, a legal form) may be skipped.
        skippable = normaliser.left_out(word)
        for token in normaliser.text_tokens(word) or (normaliser.fold(word),):
            lexical.append((token, start, end, skippable))
        if script_of(word) not in ("Latin", "Common"):
            for token in romanise(normaliser.fold(word)):
                roman.append((token, start, end, False))
        else:
            roman.extend(t for t in lexical if t[1] == start)
    for sequence in (lexical, roman):
        for i in range(len(sequence)):
            spelt = _spelt_from(sequence, i, found)
            if spelt is not None:
                return sequence[i][1], spelt
    return None


def _spelt_from(sequence: list[_Word], i: int, found: tuple[str, ...]) -> int | None:
    """The end offset of `found` spelt from word `i` on, skipping words that normalise to
    nothing between its words; None when it is not."""
    k = 0
    for token, _, end, skippable in sequence[i:]:
        if token == found[k]:
            k += 1
            if k == len(found):
                return end
        elif not skippable or k == 0:
            return None
    return None
