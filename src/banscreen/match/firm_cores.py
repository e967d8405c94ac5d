"""A listed firm's name said in text without the generic words, places and legal forms it
ends with ("Payment to Zeltravox Quorvel for invoice 12" for "Zeltravox Quorvel Technology
Pte. Ltd."). Text finds a name's whole phrase, and a sentence names a firm as people say it:
by its distinctive words. Only where what is left is a phrase of two words or more holding
a word English does not use (`brand_head_min_chars` letters or more, rarer in English than
`coined_name_max_zipf`, no listed person's name: not "Mohammad"): a phrase of ordinary
words ("Golden Star" of "Golden Star Trading LLC") is in too many sentences, and one word of
a list's is not searched in text at all. Found so, a name is `shortened`: a REVIEW at most."""

from __future__ import annotations

from collections.abc import Callable

from ..registry.matching import MatchingConfig
from .common_words import zipf
from .entries import NameEntry


def firm_core(
    entry: NameEntry, config: MatchingConfig, person_word: Callable[[str], bool]
) -> tuple[str, ...] | None:
    """The words of `entry` a text may name it by, when they are fewer than its own and
    searched so (see above)."""
    if entry.person or entry.form.han or entry.form.script != "Latin":
        return None
    core = core_words(entry)
    if not 2 <= len(core) < len(entry.tokens):
        return None
    factors = entry.form.factors[: len(core)]
    if not any(
        _coined(t, config, person_word) for t, f in zip(core, factors, strict=True) if f >= 1.0
    ):
        return None
    return core


def core_words(entry: NameEntry) -> tuple[str, ...]:
    """`entry`'s words without those weighing less than a distinctive word at its end
    (generic words, places, legal forms, short words): all a text is scanned with, for an
    entry `firm_core` chose when the index was built."""
    tokens, factors = entry.tokens, entry.form.factors
    end = len(tokens)
    while end > 0 and factors[end - 1] < 1.0:
        end -= 1
    return tokens[:end]


def _coined(word: str, config: MatchingConfig, person_word: Callable[[str], bool]) -> bool:
    """A word English does not use, of a brand's length: letters, and digits among them
    ("Media4U")."""
    return (
        len(word) >= config.brand_head_min_chars
        and word.isascii()
        and word.isalnum()
        and not word.isdigit()
        and zipf(word) < config.coined_name_max_zipf
        and not person_word(word)
    )
