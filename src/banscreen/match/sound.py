"""Sound keys: how a romanised word sounds, so that spellings of one name meet.

Transliteration schemes and languages write the same sounds differently: Gorbachev,
Gorbatchev (French), Gorbatschow (German); Tchaikovsky, Tschaikowski; Kim Jong Un and the
Revised Romanization's Gim Jeong-eun; the Arabic script's Muhammad, which ICU writes
"mhmd". A key maps letter groups to classes of sounds such schemes confuse (the table is
`sound_classes` in data/matching.yaml), drops vowels after the first letter (abjads do not
write them), writes any first vowel as "A", and counts a repeated class once. Two words
whose keys are equal, or within the configured edit similarity, sound alike.

A key says "could be the same name", never "is": sound-alike pairs score below the block
threshold and are used only where spellings are expected to differ (names written in
different scripts, and persons' names).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from ..registry.matching import MatchingConfig
from ..tunables import CACHE_ENTRIES

_VOWELS = frozenset("aeiouy")
# An "r" after a vowel and before a consonant or at the end, which English does not sound
# and Japanese and Korean renderings leave out (ハート "hato", Heart; 카드 "kadeu", Card).
_R_UNSOUNDED = re.compile(r"(?<=[aeiouy])r+(?=[b-df-hj-np-tv-xz]|$)")
# Keys a word may have when spellings of two classes are read either way.
MAX_KEYS = 4
# Letters that begin a spelling with "h" (ch, sh, kh, ...): a final "h" after them is heard.
_DIGRAPH_FIRST = frozenset("bcdgkpstz")
# ... but a doubled one is a consonant: Hebrew writes a consonantal vav twice (וו, ICU's
# "ww": "hdwwy" is "Hadawi"), and so does Arabic's Latin "Hawwa".
_W_AS_VOWEL = re.compile(r"(?<=[b-df-hj-np-tvxz])w(?!w)")


class SoundKeys:
    """Keys under one matching configuration."""

    def __init__(self, config: MatchingConfig) -> None:
        spellings = sorted(
            ((spelling, cls) for cls, group in config.sound_classes.items() for spelling in group),
            key=lambda item: -len(item[0]),
        )
        # A spelling listed under two classes may be either ("ch": Michael's k, Chong's j);
        # the first is its class in a word's key, and each other gives the word another key.
        classes: dict[str, list[str]] = {}
        for spelling, cls in spellings:
            classes.setdefault(spelling, []).append(cls)
        self._classes = {spelling: found[0] for spelling, found in classes.items()}
        self._others = {spelling: found[1:] for spelling, found in classes.items() if found[1:]}
        self._pattern = re.compile("|".join(re.escape(s) for s in classes) + "|.")
        self.equal_score = config.sound_equal_score
        self.near_similarity = config.sound_near_similarity
        self.near_score = config.sound_near_score
        self.near_min_classes = config.sound_near_min_classes
        self.key = lru_cache(maxsize=CACHE_ENTRIES)(self._key)
        self.keys = lru_cache(maxsize=CACHE_ENTRIES)(self._keys)

    def _keys(self, word: str) -> tuple[str, ...]:
        """The word's key, then its other readings' (at most `MAX_KEYS` in all): each
        spelling of two classes in it read as the other, without an unsounded "r", and with
        a "w" after a consonant read as a consonant."""
        readings = [
            self._key(word, {spelling: cls})
            for spelling, classes in self._others.items()
            if spelling in word
            for cls in classes
        ]
        unrolled = _R_UNSOUNDED.sub("", word)
        if unrolled != word:
            readings.append(self.key(unrolled))
        if _W_AS_VOWEL.search(word):
            # The abjads' letter for "w" is also their "v": ICU's "lwy" is Levy, "dwd" David.
            readings.append(self._key(word, w_vowel=False))
        found = [self.key(word)]
        for variant in readings:
            if variant not in found and len(found) < MAX_KEYS:
                found.append(variant)
        return tuple(found)

    def _key(self, word: str, read_as: dict[str, str] | None = None, w_vowel: bool = True) -> str:
        """The sound key of a lower-case ASCII word ("" for a word of no letters), with the
        spellings of `read_as` read as its classes (and, without `w_vowel`, a "w" after a
        consonant read as one)."""
        if len(word) > 2 and word.endswith("h") and word[-2] not in _DIGRAPH_FIRST:
            # A final -ah / -eh / -nh writes a vowel (Hebrew he, Arabic ta marbuta: ICU's
            # "mwlynh" is "Molina").
            word = word[:-1]
        # Abjads write long vowels with consonant letters: a "w" after a consonant is "u" or
        # "o" (ICU's "dwry" is "Duri"; "mwlynh", "Molina"), heard as a vowel.
        if w_vowel:
            word = _W_AS_VOWEL.sub("u", word)
        out: list[str] = []
        for i, match in enumerate(self._pattern.finditer(word)):
            piece = match.group()
            if piece in _VOWELS:
                if i == 0:
                    out.append("A")
                continue
            cls = read_as.get(piece) if read_as else None
            cls = cls or self._classes.get(piece)
            if cls is None:
                continue  # digits and signs sound like nothing
            for ch in cls:
                if not out or out[-1] != ch:
                    out.append(ch)
        return "".join(out)

    def whole_keys(self, words: tuple[str, ...], compact: str) -> frozenset[str]:
        """A name's keys as a whole: of its words run together (`compact`), and its words'
        keys one after another, which kana and Hangul spell with a vowel between words
        ("guretohorudingusu" is Great Holdings, whose run-together "th" would be one
        class)."""
        joined: list[str] = []
        for i, word in enumerate(words):
            key = self.key(word)
            key = key[1:] if i and key.startswith("A") else key
            joined.append(key[1:] if joined and joined[-1] and key[:1] == joined[-1][-1:] else key)
        return frozenset((compact, "".join(joined)))

    def keys_near(self, ka: str, kb: str, min_classes: int | None = None) -> bool:
        """Two different keys of `min_classes` classes or more (by default
        `near_min_classes`), within the near similarity."""
        least = self.near_min_classes if min_classes is None else min_classes
        return (
            min(len(ka), len(kb)) >= least
            and OSA.normalized_similarity(ka, kb) >= self.near_similarity
        )

    def equal(self, a: str, b: str, min_classes: int) -> bool:
        """Whether two words have an equal key of `min_classes` classes or more."""
        return any(len(k) >= min_classes for k in set(self.keys(a)) & set(self.keys(b)))

    def similarity(
        self,
        a: str,
        b: str,
        min_classes: int | None = None,
        equal_min: int = 2,
        every_key: bool = True,
    ) -> float:
        """How alike two words sound: `equal_score` (keys equal, of `equal_min` classes or
        more), `near_score` (near keys of `min_classes` classes or more) or 0. Without
        `every_key`, by each word's first key only (organisations' made words: "Lazard" is
        not "Lazada" for an unsounded "r")."""
        best = 0.0
        keys_a = self.keys(a) if every_key else (self.key(a),)
        keys_b = self.keys(b) if every_key else (self.key(b),)
        for ka in keys_a:
            for kb in keys_b:
                if len(ka) < equal_min or len(kb) < equal_min:
                    continue
                if ka == kb:
                    return self.equal_score
                if self.keys_near(ka, kb, min_classes):
                    best = self.near_score
        return best
