"""A brand's name written apart: scripts other than Latin and Chinese write a brand's
syllables as words of their own (وي تشات, "wy tshat"; קאם סקנר, "qm sqnr"; 위 챗) where
Latin writes one word; such a name is also read as one word."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

from ..registry.matching import MatchingConfig
from .entries import NameEntry
from .forms import NameForm
from .normalize import Normaliser
from .variants import Variant

# Scripts whose words are not a brand's syllables written apart.
_NO_JOIN = frozenset({"Latin", "Han"})
# Words of text joined to spell a listed name written otherwise apart ("quorvelpay", "Quor
# Vel Pay", "Quor-vel"): at most this many.
_JOINED_WORDS = 4
JOINED_START = 3  # the letters a word must start a searched name with to be looked at


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


def joined_names(
    tokens: tuple[str, ...],
    table: tuple[Mapping[str, Sequence[int]], Collection[str]],
    entries: Sequence[NameEntry],
    trail: Collection[str],
    ordinary: Callable[[str], bool],
) -> Iterator[tuple[NameEntry, str]]:
    """(entry, words of the text) of each organisation's name of two words or more that the
    text writes in one word ("quorvelpay"), or split elsewhere than the name is ("Quor Vel
    Pay"), keeping one of its words whole, and of each brand's or app's name of one word
    written apart, a word of it not an `ordinary` English word ("Hik Vision", "Tik Tok"):
    English words run together spell too many names otherwise ("ten cent", "share it").
    `table`: names' words run together (indexes into `entries`), and their first
    `JOINED_START` letters."""
    by_compact, starts = table
    for i in range(len(tokens)):
        if "".join(tokens[i : i + JOINED_START])[:JOINED_START] not in starts:
            continue  # most words: no searched name starts with their letters
        # ... but an app's one-word name split apart right after "via", "through", "by"
        # ("paid via Ali Pay", "sent via Share It") is that app: the word before (`trail`)
        # says a means of payment or transfer follows, as ordinary words run together do not.
        routed = i > 0 and tokens[i - 1] in trail
        # (a Chinese brand's pinyin is split anywhere: "zhi fu bao", as its syllables)
        run = ""
        for n in range(1, min(_JOINED_WORDS, len(tokens) - i) + 1):
            run += tokens[i + n - 1]
            for k in by_compact.get(run, ()):
                entry = entries[k]
                window = tokens[i : i + n]
                app = routed and entry.name.kind == "app"
                pinyin = not entry.compact.isascii()
                if window != entry.tokens and (
                    n == 1 or app or pinyin or set(window) & set(entry.tokens)
                    or not all(map(ordinary, window))
                ):  # fmt: skip
                    yield entry, " ".join(window)
