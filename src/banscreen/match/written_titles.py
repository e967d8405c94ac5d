"""Titles and honorifics written in other scripts (`person_titles_written`): "Президент
Владимир Путин", "الرئيس بشار الأسد", "김정은 위원장", "习近平主席", "プーチン大統領". The
Latin ones are words of a name weighed down (`person_titles`); these are taken off, and the
name without them is a form of the query for persons' names (rewrites.py): a title of words
leading the name in any script, or following it in Korean, Chinese and Japanese, which write
it after ("위원장", chairman); and in these, which may write no space, a title glued to the
name before or after it ("习近平主席", "김정은님")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..registry.matching import MatchingConfig
from .normalize import Normaliser
from .text import script_of, split_words
from .variants import Variant

# Scripts that write a title after the name ("김정은 위원장"), and those that write it glued
# to the name too ("习近平主席", "国家主席习近平", "プーチン大統領", "김정은님").
_AFTER = frozenset({"Hangul", "Han", "Kana"})
_GLUED = frozenset({"Han", "Kana", "Hangul"})
# A name glued to a title keeps at least this many characters ("习主席" is no name left).
_GLUED_MIN_CHARS = 2


class WrittenTitles:
    def __init__(self, config: MatchingConfig, normaliser: Normaliser) -> None:
        self.normaliser = normaliser
        self._cap = config.transliteration_max
        # A payment's words and "to" that lead a payee's name glued to it, as Chinese writes
        # them ("汇款给哈桑·纳斯鲁拉"), are taken off as a leading title is.
        written = (*config.person_titles_written, *config.payee_leads_written)
        phrases = {tuple(split_words(normaliser.fold(t))) for t in written}
        # By their first and their last word, longest first: "премьер министр" before
        # "министр".
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted((p for p in phrases if p), key=len, reverse=True):
            self._by_first.setdefault(phrase[0], []).append(phrase)
            self._by_last.setdefault(phrase[-1], []).append(phrase)
        self._glued = sorted(
            (p[0] for p in phrases if len(p) == 1 and script_of(p[0]) in _GLUED),
            key=len,
            reverse=True,
        )

    def forms(self, query: str, variants: Callable[[str], Sequence[Variant]]) -> list[Variant]:
        """The `variants` of the query without its titles, for persons' names only and at
        most `transliteration_max`: a REVIEW, as a Latin name's title makes it."""
        untitled = self.untitled(query)
        if untitled is None:
            return []
        return [v._replace(cap=min(v.cap, self._cap), persons=True) for v in variants(untitled)]

    def untitled(self, query: str) -> str | None:
        """The query without the titles that lead it (or follow it, or are glued to it, in
        the scripts that write them so), or None when it has none, or is nothing else."""
        if query.isascii():  # every title here is written in another script
            return None
        words = [w for w in split_words(self.normaliser.fold(query)) if w]
        if not words:
            return None
        rest = self._strip(words)
        if rest == words or not rest:
            return None
        return " ".join(rest)

    def _strip(self, words: list[str]) -> list[str]:
        """Titles off both ends until none is left ("위원장님": a title and an honorific)."""
        rest = list(words)
        while (stripped := self._strip_once(rest)) != rest:
            rest = stripped
        return rest

    def _strip_once(self, words: list[str]) -> list[str]:
        rest = list(words)
        while len(rest) > 1 and (n := self._title(rest, last=False)):
            rest = rest[n:]
        while len(rest) > 1 and script_of(rest[-1]) in _AFTER and (n := self._title(rest, True)):
            rest = rest[:-n]
        if rest and script_of(rest[0]) in _GLUED:
            rest[0] = self._unglued(rest[0], lead=True)
        if rest and script_of(rest[-1]) in _GLUED:
            rest[-1] = self._unglued(rest[-1], lead=False)
        return rest

    def _title(self, words: list[str], last: bool) -> int:
        """How many words the longest title leading the words (ending them, with `last`)
        has, when some are left beside it; else 0."""
        table, end = (self._by_last, words[-1]) if last else (self._by_first, words[0])
        for phrase in table.get(end, ()):
            n = len(phrase)
            if n < len(words) and tuple(words[-n:] if last else words[:n]) == phrase:
                return n
        return 0

    def _unglued(self, word: str, lead: bool) -> str:
        """A word of Chinese characters, kana or Hangul without a title glued to its start (`lead`)
        or end, while a name of `_GLUED_MIN_CHARS` characters or more is left."""
        changed = True
        while changed:
            changed = False
            for title in self._glued:
                if len(word) - len(title) < _GLUED_MIN_CHARS:
                    continue
                if lead and word.startswith(title):
                    word, changed = word[len(title) :], True
                elif not lead and word.endswith(title):
                    word, changed = word[: -len(title)], True
        return word
