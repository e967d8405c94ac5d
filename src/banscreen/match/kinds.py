"""Kinds of organisation written three ways: the abbreviation, its words in Latin letters,
their translation ("NPP", "nauchno-proizvodstvennoe predpriyatie", "research and
production enterprise", "RPE"). Lists print one company's names in all of them ("AO NPP
Topaz", "Joint-Stock Company Research and Production Enterprise Topaz"), and word by word
they share nothing but the company's own word.

Each spelling becomes its kind's one word (`org_kinds` in data/matching.yaml) before legal
forms are read: the phrases overlap them ("federalnoe gosudarstvennoe unitarnoe
predpriyatie" holds rigour's "gosudarstvennoe unitarnoe predpriyatie"), and the whole
phrase says more than the part. The kind's word is a generic word: it says what kind of
organisation, not which, so two names of different kinds still align on the rest. Only an
organisation's reading is rewritten: a person's name keeps its words.
"""

from __future__ import annotations

from itertools import product

import regex

from ..registry.matching import MatchingConfig

# Between the words of a spelling: spaces, hyphens or dots, and "and" or "&" where the
# translation has it ("research and production enterprise").
_GAP = r"[\s.\-]+(?:(?:and|&)[\s.\-]+)?"
_WORD_EDGE = r"[\p{L}\p{N}]"


def spelling_words(spelling: str) -> tuple[str, ...]:
    """A spelling's words as the table writes them, without "and" and "&"."""
    return tuple(w for w in regex.split(r"[\s.\-]+", spelling) if w and w not in ("and", "&"))


def spellings(written: str) -> list[tuple[str, ...]]:
    """Every spelling a table entry stands for: a word written "byuro|biuro" is either."""
    return list(product(*(word.split("|") for word in spelling_words(written))))


class OrgKinds:
    """The spellings of one matching configuration's kinds of organisation."""

    def __init__(self, config: MatchingConfig) -> None:
        self._kind: dict[tuple[str, ...], str] = {}
        for kind, written_all in config.org_kinds.items():
            for written in (kind, *written_all):
                for words in spellings(written):
                    self._kind[words] = kind
        self.words = frozenset(config.org_kinds)
        # Longest first, so that the longer of two overlapping spellings is the one read.
        alternatives = sorted(self._kind, key=lambda words: (-len(words), words))
        pattern = "|".join(_GAP.join(map(regex.escape, words)) for words in alternatives)
        self._pattern = (
            regex.compile(f"(?<!{_WORD_EDGE})(?:{pattern})(?!{_WORD_EDGE})") if pattern else None
        )

    def rewrite(self, folded: str) -> str:
        """Folded text with each kind's spelling replaced by the kind's word."""
        if self._pattern is None:
            return folded
        return self._pattern.sub(self._word, folded)

    def _word(self, found: regex.Match[str]) -> str:
        return f" {self._kind[spelling_words(found.group())]} "
