"""How a field parts the parties it names: the words that part them (`party_words`) as one
pattern, and a name written twice, as a form's two name fields both holding it."""

from __future__ import annotations

from functools import lru_cache

import regex

from .text import fold_latin


def said_twice(text: str) -> str | None:
    """The name of a field that writes one name twice ("ACMESCAN ACMESCAN", a form's first and
    last name fields both hold a firm's name): one party, whose name the second time runs
    on into another's; None for any other field."""
    words = text.casefold().split()
    half = len(words) // 2
    if half == 0 or len(words) % 2 or [*map(len, words[:half])] != [*map(len, words[half:])]:
        return None
    if words[:half] != words[half:]:  # accents or not ("ad ád"): ICU only when needed
        words = [fold_latin(word) for word in words]
    return " ".join(text.split()[:half]) if words[:half] == words[half:] else None


@lru_cache(maxsize=4)
def parting(words: tuple[str, ...]) -> tuple[regex.Pattern[str] | None, frozenset[str]]:
    """`party_words` as one pattern, each a whole word (or words) of any case, the longest
    first ("formerly known as" before "formerly"), and their first words; None for none."""
    written = (r"\s+".join(map(regex.escape, w.split())) for w in sorted(words, key=len)[::-1])
    before = r"(?:,\s*)?(?:(?<!\w)(?:a|an|the)\s+)?(?<![\w/.])"  # ", a subsidiary of"
    pattern = rf"{before}(?:{'|'.join(written)})(?![\w/])"
    firsts = frozenset(w.split()[0].casefold() for w in words)
    return (regex.compile(pattern, regex.IGNORECASE) if words else None), firsts


def parted(pattern: regex.Pattern[str], pieces: list[str]) -> list[str]:
    """Each piece of a field parted by `pattern` (`parting`), but a piece that starts with
    such words: "In favour of X", "Care of X" say whom a payment is for, as a payee's
    phrase does (payee_phrases.py), and name no party before it."""
    found: list[str] = []
    for piece in pieces:
        split = pattern.split(piece)
        found += split if split[0].strip() else [piece]
    return found
