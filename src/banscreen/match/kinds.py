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
organisation's reading is rewritten: a person's name keeps its words. Persian's ezafe,
hyphened to the word before it ("Sherkat-e Melli-ye Sakhteman"), is dropped here too: the
translations do not write it.
"""

from __future__ import annotations

from itertools import product

import regex

from ..registry.matching import MatchingConfig
from .respell import Respeller

# A word, and what may stand between two words of a spelling: spaces, hyphens and dashes,
# dots and "&" ("research & production"; "and" is a word that may stand there too).
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")
_GAP = regex.compile(r"[\s.\-\u2010-\u2014&]+")
# Persian's ezafe ("of"), which romanisations hyphen to the word before it: "Sherkat-e
# Melli-ye Sakhteman" is "Melli Sakhteman Company", and the translations do not write it.
_EZAFE = regex.compile(r"(?<=\p{L})-(?:e|ye)(?![\p{L}\p{N}])")
_AND = "and"
# Every ASCII character that is not a letter or digit, and the quotation marks and dashes
# Russian and other names are written with, as a space: words apart for the first test.
_APART = str.maketrans(
    {ch: " " for ch in (*map(chr, range(128)), *"«»„“”‘’‚‹›–—…·\u00a0") if not ch.isalnum()}
)


def spelling_words(spelling: str) -> tuple[str, ...]:
    """A spelling's words as the table writes them, without "and" and "&"."""
    return tuple(w for w in regex.split(r"[\s.\-]+", spelling) if w and w not in (_AND, "&"))


def spellings(written: str) -> list[tuple[str, ...]]:
    """Every spelling a table entry stands for: a word written "byuro|biuro" is either."""
    return list(product(*(word.split("|") for word in spelling_words(written))))


class OrgKinds:
    """The spellings of one matching configuration's kinds of organisation."""

    def __init__(self, config: MatchingConfig) -> None:
        kind_of: dict[tuple[str, ...], str] = {}
        for kind, written_all in config.org_kinds.items():
            for written in (kind, *written_all):
                for words in spellings(written):
                    kind_of[words] = kind
        self.words = frozenset(config.org_kinds)
        # The kinds' words and every word they are spelt with ("association"), which a name
        # whose words run together holds though no listed name's tokens do (rewrites.py).
        self.spelt_words = self.words | {w for words in kind_of for w in words if len(w) >= 2}
        # Generic words misspelt, read as they are spelt before kinds are read (respell.py).
        self.respell = Respeller(config.generic_words_latin, config.generic_words_similarity)
        # By first word, longest first: of two spellings that start alike, the longer is
        # the one read ("central research institute" is a TsNII, not a central NII).
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words in sorted(kind_of, key=lambda words: (-len(words), words)):
            self._by_first.setdefault(words[0], []).append((words, kind_of[words]))

    def rewrite(self, folded: str) -> str:
        """Folded text with each kind's spelling replaced by the kind's word."""
        return self._read(folded)[0]

    def rewrites(self, folded: str) -> bool:
        """Whether the text spells a kind of organisation other than as the kind's word."""
        return self._read(folded)[1]

    def _read(self, folded: str) -> tuple[str, bool]:
        if "-" in folded:
            folded = _EZAFE.sub(" ", folded)
        if self._by_first.keys().isdisjoint(folded.translate(_APART).split()):
            return folded, False  # most names and texts: no word starts a spelling
        found = list(_WORD.finditer(folded))
        out: list[str] = []
        last = i = 0
        changed = False
        while i < len(found):
            hit = self._spelling_at(folded, found, i)
            if hit is None:
                i += 1
                continue
            end, words, kind = hit
            out.extend((folded[last : found[i].start()], f" {kind} "))
            changed = changed or words != (kind,)
            last, i = found[end - 1].end(), end
        out.append(folded[last:])
        return "".join(out), changed

    def _spelling_at(
        self, folded: str, found: list[regex.Match[str]], i: int
    ) -> tuple[int, tuple[str, ...], str] | None:
        """The longest spelling whose words start at word `i`: (the word after it, the
        spelling, its kind)."""
        for words, kind in self._by_first.get(found[i].group(), ()):
            j, k = i + 1, 1
            while k < len(words) and j < len(found):
                if not _GAP.fullmatch(folded, found[j - 1].end(), found[j].start()):
                    break
                word = found[j].group()
                if word != words[k] and word != _AND:
                    break
                j, k = j + 1, k + (word == words[k])
            if k == len(words):
                return j, words, kind
        return None
