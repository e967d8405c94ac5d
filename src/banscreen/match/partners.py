"""The registry words a query's token may align with (`TokenPartners`), by kind of name.

A part of `NameIndex` (index.py), kept apart because it answers one question for the
candidate search and the query rewrites alike: which listed words a token may pair with,
and at what similarity at most: the same word, a near spelling, a sound-alike (for persons,
for names in other scripts, and for an organisation's word the lists do not spell). And
what a word is to the listed persons: how many carry it, and whether it is a part of their
names at all.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from functools import cached_property, lru_cache

from ..registry.matching import MatchingConfig
from ..tunables import CACHE_ENTRIES
from .near import Words
from .normalize import Normaliser
from .rigour_core import stopwords


class TokenPartners:
    # What the index provides (index.py).
    config: MatchingConfig
    _vocabulary: Container[str]
    _all_words: Words
    _scripted_words: Words
    _person_counts: Mapping[str, int]  # how many listed persons carry each word
    normaliser: Normaliser

    def rare(self, token: str) -> bool:
        """Whether a word is carried by so few listed persons that alone it names one."""
        holders = self._person_counts.get(token)
        return holders is not None and holders <= self.config.person_rare_name_max_entities

    def person_word(self, word: str) -> bool:
        """Whether a word is a part of listed persons' names: a particle, or a word some
        listed person carries that is not a grammar word ("to", "for")."""
        return word in self._particles or (
            word in self._person_counts and word not in self._grammar
        )

    @cached_property
    def _particles(self) -> frozenset[str]:
        return frozenset(self.config.name_particles)

    @cached_property
    def _grammar(self) -> frozenset[str]:
        return frozenset(map(self.normaliser.fold, stopwords()))

    def _known(self, word: str) -> bool:
        """Whether the lists spell a word: one of theirs, or within the edit floor of one."""
        return word in self._vocabulary or len(self._all_words.near(word)) > 1

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019 - the index lives as long as its caches
    def _org_sources(self, token: str) -> tuple[tuple[str, float], ...]:
        if self._known(token):  # a word the lists spell: its sound-alikes are other words
            return self._all_words.near(token)
        return self._all_words.sounding(token, near=False, spelling=self.config.org_spelling_floor)

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019
    def _person_sources(self, token: str) -> tuple[tuple[str, float], ...]:
        return self._all_words.sounding(
            token,
            near=True,
            spelling=self.config.person_spelling_floor,
            min_classes=self.config.person_near_min_classes,
            equal_min=self.config.person_equal_min_classes,
        )

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019
    def _roman_sources(self, token: str) -> tuple[tuple[str, float], ...]:
        return self._all_words.sounding(token, near=True, spelling=None)

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019
    def _scripted_sources(self, token: str) -> tuple[tuple[str, float], ...]:
        """Partners among the romanised words of names in other scripts only."""
        return self._scripted_words.sounding(token, near=True, spelling=None)

    @staticmethod
    def _exact_sources(token: str) -> Sequence[tuple[str, float]]:
        return ((token, 1.0),)

    def _has_partner(self, piece: str) -> bool:
        """Whether a word pairs with a listed word other than itself, by any source."""
        sources = (self._org_sources, self._person_sources, self._roman_sources,
                   self._scripted_sources)  # fmt: skip
        return any(len(source(piece)) > 1 for source in sources)
