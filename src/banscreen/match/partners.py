"""The registry words a query's token may align with (`TokenPartners`), by kind of name.

A part of `NameIndex` (index.py), kept apart because it answers one question for the
candidate search and the query rewrites alike: which listed words a token may pair with,
and at what similarity at most: the same word, a near spelling, a sound-alike (for persons,
for names in other scripts, and for an organisation's word the lists do not spell). And
what a word is to the listed persons: how many carry it, and whether it is a part of their
names at all.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from functools import cached_property, lru_cache

from rapidfuzz.distance import OSA

from ..registry.matching import MatchingConfig
from ..tunables import CACHE_ENTRIES
from .across import ABJADS
from .common_words import zipf
from .entries import NameEntry
from .near import Words
from .normalize import Normaliser
from .rigour_core import stopwords
from .sound import KEPT_APART, SoundKeys
from .word_pairs import spelt_both


class TokenPartners:
    # What the index provides (index.py).
    config: MatchingConfig
    sound: SoundKeys
    entries: Sequence[NameEntry]
    _vocabulary: Container[str]
    _all_words: Words
    _scripted_words: Words
    _person_counts: Mapping[str, int]  # how many listed persons carry each word
    _exact: Mapping[str, Sequence[int]]  # the entries of each name, by its tokens
    _firm_words: frozenset[str]  # the words of listed firms' names (components.py)
    # Firms' names of one made-up word (`made_up`), found inside longer strings as names of
    # two words are; decided when the index is built (components.py), so that no query
    # waits for wordfreq's list.
    coined_words: frozenset[str]
    normaliser: Normaliser

    def _build_words(self, vocabulary: set[str], unscripted: Container[str]) -> None:
        """The listed words, and the romanised words of names in scripts other than
        `unscripted` (Latin and Han), for Latin queries; among those, persons' names in an
        abjad are also found by keys of one class (`_scripted_person_sources`)."""
        floor = self.config.token_similarity
        self._all_words = Words(vocabulary, floor, self.sound)
        entries = [e for e in self.entries if e.form.script not in unscripted]
        self._scripted_words = Words(
            {t for e in entries for t in e.form.roman}, floor, self.sound,
            {t for e in entries if e.person and e.form.script in ABJADS for t in e.form.roman},
        )  # fmt: skip

    def _person_roman(self, script: str) -> Callable[[str], tuple[tuple[str, float], ...]]:
        """Where a person's name part written in `script` finds its partners among the
        listed words."""
        return self._abjad_sources if script in ABJADS else self._roman_sources

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

    def person_word_only(self, word: str) -> bool:
        """`person_word`, unless the word alone is a listed organisation's whole name: a
        field's first word before a place or what body it is ("Hamas Movement") names that
        organisation, though a listed person carries the word too ("HAMAS, Saidullah")."""
        return self.person_word(word) and not any(
            not self.entries[k].person for k in self._exact.get(word, ())
        )

    def made_up(self, word: str) -> bool:
        """Whether a firm's one word is made up ("Belneftegas", "Honorbank"): long
        (`coined_name_min_chars`), in Latin letters, rare in English (`coined_name_max_zipf`)
        and of no listed person's name; "Orion", "Hadi" are not."""
        cfg = self.config
        return (
            len(word) >= cfg.coined_name_min_chars
            and word.isascii()
            and word.isalpha()
            and not self.person_word(word)
            and zipf(word) < cfg.coined_name_max_zipf
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
        cfg = self.config
        if self._known(token):  # a word the lists spell: its sound-alikes are other words,
            found = dict(self._all_words.near(token))  # but for one written two ways
            for other, similarity in self._spelt_both(token):
                found[other] = max(found.get(other, 0.0), similarity)
            return tuple(found.items())
        return self._all_words.sounding(token, near=False, spelling=cfg.org_spelling_floor)

    def _spelt_both(self, token: str) -> tuple[tuple[str, float], ...]:
        """Listed words that are the same transliterated word as the listed `token`, by the
        test `_org_pair` (word_pairs.py) puts to two words the lists both spell."""
        cfg, key = self.config, self.sound.key(token)
        if len(key) < cfg.org_spelt_both_min_classes or not token.isascii():
            return ()
        return tuple(
            (other, self.sound.equal_score)
            for other in self._all_words.by_key.get(key, ())
            if other != token
            and spelt_both(cfg, self.sound, token, other, OSA.normalized_similarity(token, other))
        )

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
        found = self._all_words.sounding(token, near=True, spelling=None)
        return self._kept_apart(token, found, self._vocabulary)

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019
    def _abjad_sources(self, token: str) -> tuple[tuple[str, float], ...]:
        """A person's name part written in an abjad: its partners by keys of one class too
        (scoring aligns them when the long vowels it writes agree: "lyly", Leila)."""
        found = self._all_words.sounding(token, near=True, spelling=None, short=True)
        return self._kept_apart(token, found, self._vocabulary)

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019
    def _scripted_person_sources(self, token: str) -> tuple[tuple[str, float], ...]:
        """Partners of a person's name part among the romanised words of names in other
        scripts, and by keys of one class among those of names written in an abjad."""
        found = self._scripted_words.sounding(token, near=True, spelling=None, short=True)
        return self._kept_apart(token, found)

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019
    def _scripted_sources(self, token: str) -> tuple[tuple[str, float], ...]:
        """Partners among the romanised words of names in other scripts only."""
        found = self._scripted_words.sounding(token, near=True, spelling=None)
        return self._kept_apart(token, found)

    @staticmethod
    def _kept_apart(
        token: str, found: tuple[tuple[str, float], ...], vocabulary: Container[str] = ()
    ) -> tuple[tuple[str, float], ...]:
        """Partners at 1.0 where one is an abjad's romanised word whose doubled letter is
        the other's one (`KEPT_APART`: "dorosshenko", דורוסשנקו, and Doroshenko), as
        scoring aligns them (across.py, `written_alike`); found among `vocabulary` if the
        edit floor missed it. The edit similarity alone (0.91) lost a REVIEW the bound
        must keep."""
        joined = KEPT_APART.sub(r"\1", token)
        out = dict(found)
        if joined != token and joined in vocabulary:
            out[joined] = 1.0
        for other in out:
            if other == joined or KEPT_APART.sub(r"\1", other) == token:
                out[other] = 1.0
        return tuple(out.items())

    @staticmethod
    def _exact_sources(token: str) -> Sequence[tuple[str, float]]:
        return ((token, 1.0),)

    def _has_partner(self, piece: str) -> bool:
        """Whether a word pairs with a listed word other than itself, by any source."""
        sources = (self._org_sources, self._person_sources, self._roman_sources,
                   self._scripted_sources)  # fmt: skip
        return any(len(source(piece)) > 1 for source in sources)
