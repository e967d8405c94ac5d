"""A listed firm's made-up word with an "s" written on: "Paid via Acmepays", "Acmepays HK",
"Quorvels office". Payment and invoice text drops the apostrophe of a possessive
("Acmepay's") as often as it keeps it, and the word with its "s" is then no listed word:
the normaliser takes a possessive's "'s" away (normalize.py), but only with its apostrophe.

Read as the firm's word only when that word is rarer in English than
`coined_name_max_zipf` (a name, not an ordinary word whose plural is another firm's word),
five letters long at least, and the word as written is neither listed, nor a part of
listed persons' names ("Petros"), nor an English word (`run_together_max_zipf`): the
plurals of ordinary words ("systems", "holdings") are left as they are."""

from __future__ import annotations

from collections.abc import Callable, Container

from ..registry.matching import MatchingConfig
from .common_words import zipf

_MIN_STEM = 5


def firm_stem(
    token: str,
    firm_words: Container[str],
    words: Container[str],
    person_word: Callable[[str], bool],
    config: MatchingConfig,
) -> str | None:
    """The listed firm's word `token` is with an "s" written on, or None."""
    if len(token) <= _MIN_STEM or token[-1] != "s" or token[-2] in "s'" or not token.isalpha():
        return None
    stem = token[:-1]
    if not token.isascii() or stem not in firm_words or token in words or person_word(token):
        return None
    if zipf(stem) >= config.coined_name_max_zipf or zipf(token) >= config.run_together_max_zipf:
        return None
    return stem
