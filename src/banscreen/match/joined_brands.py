"""A brand's name written apart: scripts other than Latin and Chinese write a brand's
syllables as words of their own (وي تشات, "wy tshat"; קאם סקנר, "qm sqnr"; 위 챗) where
Latin writes one word; such a name is also read as one word."""

from __future__ import annotations

from collections.abc import Callable

from ..registry.matching import MatchingConfig
from .entries import NameEntry
from .forms import NameForm
from .normalize import Normaliser
from .variants import Variant

# Scripts whose words are not a brand's syllables written apart.
_NO_JOIN = frozenset({"Latin", "Han"})


def joined_brand(form: NameForm, normaliser: Normaliser, config: MatchingConfig) -> list[Variant]:
    """A name of two words in another script, written as one word, at most
    `transliteration_max`. A hit through it counts only on a brand's name of one word (of
    the kinds `joined_brand_name_kinds`: an app's or trade name, never a list's legal
    name): two words of a person's name or of a sentence run together are one long word
    that sounds like many a list's names (of 1,500 pairs of frequent words in each of eight
    languages, 355 more met a listed organisation so; none met a brand)."""
    if form.script in _NO_JOIN or len(form.tokens) != 2:
        return []
    joined = normaliser.form("".join(form.tokens))
    if len(joined.tokens) != 1:
        return []
    kinds = frozenset(config.joined_brand_name_kinds)
    cap = config.transliteration_max
    return [Variant(joined, cap, "transliterated", organisations=True, whole=True, kinds=kinds)]


def pinyin_key(
    entry: NameEntry, brands: frozenset[str], made_up: Callable[[str], bool]
) -> str | None:
    """A Chinese brand's name (an app's or trade name) in pinyin run together, as systems
    that take no characters write it ("zhifubao payment" was CLEAR), when that is a made-up
    word as a firm's one word may be (`NameIndex.made_up`: `coined_name_min_chars` letters
    or more, rarer in English than `coined_name_max_zipf`)."""
    if entry.person or entry.name.kind not in brands or entry.compact.isascii():
        return None
    read = "".join(entry.form.roman)
    return read if made_up(read) else None
