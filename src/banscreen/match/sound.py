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
# Letters English writes and does not say, which Korean and Japanese renderings leave out:
# a "w" or an "h" after a vowel and before a consonant or the end (Lawson, 로슨 "loseun";
# John, 존 "jon"); and a first "wh" is said "hw" (White, 화이트 "hwaiteu").
_ENGLISH_UNSAID = re.compile(
    r"(?<=[aeo])w(?=[b-df-hj-np-tv-z]|$)|(?<=[aeiou])h(?=[b-df-hj-np-tv-z]|$)"
)
_FIRST_WH = re.compile(r"^wh")
# A first "u" or "ou" before a vowel is how Russian, Greek and French write an English or
# African "w" (Уильям, "uilyam", William; Ουίλιαμ, "ouiliam"; Ouattara, Wattara).
_WRITTEN_W = re.compile(r"^o?u(?=[aeio])")
# A final -ić, -ač written without its mark ("Korac", "Spajic"): said "ch" (كوراتش, Корач).
_SLAVIC_FINAL_C = re.compile(r"(?<=[aei])c$")
# Keys a word may have when spellings of two classes are read either way.
MAX_KEYS = 4
# Letters that begin a spelling with "h" (ch, sh, kh, ...): a final "h" after them is heard.
_DIGRAPH_FIRST = frozenset("bcdgkpstz")
# Ukrainian and Belarusian say as "h" the letter Russian says as "g" (Г): Ihor is Igor,
# Hryhoryavich Grigorevich, Siarhei Sergei. An "h" that begins no digraph and does not end
# the word, read as "g" (`slavic_keys`).
_SLAVIC_H = re.compile(r"(?<![bcdgkpstz])h(?!$)")
# Belarusian writes Russian's final -ов/-ев as -оў/-еў, romanised "-ou", "-au", "-eu"
# (Piatrou, Petrov; Karayeu, Karaev; Navumau, Naumov), and a soft "d" as "dz" (Dzmitry,
# Dmitry; Lidziya, Lidiya): read as "v" and "d" (`slavic_keys`). Not in a word of four
# letters or fewer: pinyin's and Cantonese's syllables end so (Zhou, Chou, Lau).
_BELARUSIAN_FINAL_U = re.compile(r"(?<=[a-z]{3}[aeo])u$")
_BELARUSIAN_DZ = re.compile(r"dz(?=[iy]|$)")
# German, Dutch, Scandinavian and the Slavic languages written in Latin letters say a first
# "j" before a vowel as English says "y" (Jakov, Jakobi, Jelena), which the abjads write with
# their "y" (ya, yod: ياكوف, יקובי) and ICU romanises "y" (`said_as_y`).
_FIRST_J_SAID_Y = re.compile(r"^j(?=[aeiou])")
# Where the keys of `given_name_forms` begin: CJK characters, which no sound class spells.
_GIVEN_KEY_BASE = 0x4E00
# ... but a doubled one is a consonant: Hebrew writes a consonantal vav twice (וו, ICU's
# "ww": "hdwwy" is "Hadawi"), and so does Arabic's Latin "Hawwa". After a word's first "y",
# a consonant there, it is a vowel too: ICU's "ywsf" is Yusuf, "ywns" Yunus.
_W_AS_VOWEL = re.compile(r"(?:(?<=[b-df-hj-np-tvxz])|(?<=\by))w(?!w)")
# Hebrew writes the diphthongs "ai" and "ei" with two yods after a consonant (טייט, ICU's
# "tyyt", Tate; ריי "ryy", Ray; ביילי "byyly", Bailey): read as one vowel, "Y", that stands
# for any letter of them (`SoundKeys.vowels_alike`).
_TWO_YODS = re.compile(r"(?<=[b-df-hj-np-tv-xz])yy(?!y)")
_DIPHTHONG = frozenset("aeiy")
# The Latin vowels an abjad's letter for a long vowel may stand for, as ICU romanises it
# (alif and aleph "a", waw and vav "w", ya and yod "y"; a final "y" is also alif maqsura's
# "a" of "Layla", ليلى).
_LONG_VOWELS = {
    "a": frozenset("aeo"), "e": frozenset("aei"), "i": frozenset("iey"), "o": frozenset("ou"),
    "u": frozenset("ou"), "w": frozenset("ouwv"), "y": frozenset("iey"), "Y": _DIPHTHONG,
}  # fmt: skip
_FINAL_Y = frozenset("ieya")
# A first alif before a ya or waw carries the long vowel they write (اي, "ay", is "i"; او,
# "aw", is "u"), as long as a consonant follows.
_CARRIED_VOWEL = re.compile(r"^a([yw])(?=[b-df-hj-np-tv-z])")
_CARRIED = {"y": "i", "w": "u"}
# A final -h of an abjad's romanised word writes a vowel (ta marbuta, he): "dalh", Dalla.
_FINAL_H = frozenset("ae")
# A spelling of one class that carries a vowel's letter ("ge", "ci"): the vowel is heard.
_SPELT_VOWEL = re.compile("[aeiouy]$")
# A letter written twice before one Latin spells a sound with it: two letters of an abjad
# kept apart by text.romanise ("ghytts", غيتس), which may also be that one sound.
KEPT_APART = re.compile(r"([bdgkpstz])\1(?=[hjsz])")
Slots = tuple[tuple[str, ...], tuple[tuple[frozenset[str], ...], ...]]
# Readings of an abjad's word whose "w" and "y" after a vowel may be either (`_slots`).
MAX_SLOTS = 8


def _stands_in(written: tuple[frozenset[str], ...], heard: tuple[frozenset[str], ...]) -> bool:
    """Whether each long vowel written stands for a vowel heard there, in order, each for
    another one ("dyy" is "Dee", not "Doe"); a diphthong for the first one left ("ryy" is
    Ray, not Roy)."""
    letters = iter([letter for vowel in heard for letter in sorted(vowel)])
    for vowel in written:
        for letter in letters:
            if letter in vowel:
                break
            if vowel is _DIPHTHONG:
                return False
        else:
            return False
    return True


def _read_as(
    piece: str, first: bool, last: bool, after_vowel: bool, abjad: bool
) -> tuple[frozenset[str] | None, ...]:
    """How a letter may be read: as a vowel, by the Latin vowels it may stand for, or (None)
    as a consonant. An abjad's "w" or "y" is a consonant first, a vowel after a consonant,
    and either after a vowel ("zawy" is Zaoui, "hawa" Hawa); a Latin "y" is a vowel unless
    it begins the word."""
    if piece not in _LONG_VOWELS:
        return (None,)
    if not abjad:
        return (None,) if piece == "y" and first and not last else (frozenset(piece),)
    if piece not in "wy":
        return (_LONG_VOWELS[piece],)
    if first:
        return (None,)
    vowel = _FINAL_Y if piece == "y" and last else _LONG_VOWELS[piece]
    return (vowel, None) if after_vowel else (vowel,)


def _with_class(
    classes: list[str],
    slots: list[list[frozenset[str]]],
    cls: str | None,
    piece: str,
    abjad: bool,
) -> tuple[list[str], list[list[frozenset[str]]]]:
    """A reading with a consonant's classes after it ("x" has two; a sign, none); a class
    after the same one with no vowel between is heard once ("ll")."""
    classes, slots = list(classes), [list(slot) for slot in slots]
    for ch in cls or "":
        if not classes or classes[-1] != ch or slots[-1]:
            classes.append(ch)
            slots.append([])
    if not abjad and cls and _SPELT_VOWEL.search(piece):
        slots[-1].append(frozenset(piece[-1]))
    return classes, slots


def _final_h(word: str) -> bool:
    """Whether a word ends in an "h" that writes a vowel: after a letter it makes no digraph
    with, or one written twice (an abjad's letters kept apart: "mssh", משה, Moshe)."""
    return (
        len(word) > 2
        and word.endswith("h")
        and (word[-2] not in _DIGRAPH_FIRST or word[-3] == word[-2])
    )


def first_j_as_y(word: str) -> str | None:
    """A Latin word's first "j" before a vowel read as "y", or None: only against an abjad's
    word (`SoundKeys.said_as_y`), for "Jon" and "Ion" are no one name."""
    said = _FIRST_J_SAID_Y.sub("y", word)
    return said if said != word else None


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
        self.slavic_keys = lru_cache(maxsize=CACHE_ENTRIES)(self._slavic_keys)
        # The forms of one given name in Russian, Belarusian and Ukrainian
        # (`given_name_forms`) share a key of their own: "=" and a character no spelling
        # has, too short to be near another key.
        self._given_keys = {
            form: "=" + chr(_GIVEN_KEY_BASE + i)
            for i, group in enumerate(config.given_name_forms)
            for form in group
        }

    def same_given(self, a: str, b: str) -> bool:
        """Whether two words are forms of one given name (Mikalai, Nikolai)."""
        key = self._given_keys.get(a)
        return key is not None and key == self._given_keys.get(b)

    def _keys(self, word: str) -> tuple[str, ...]:
        """The word's key, then its other readings' (at most `MAX_KEYS` in all): each
        spelling of two classes in it read as the other, without an unsounded "r", without
        the "w" and "h" English does not say, with a first "u" or "ou" before a vowel
        read as "w" (`_WRITTEN_W`), with a "w" after a consonant read as a
        consonant, and with a final -ic, -ac or -ec read as -ich (`_SLAVIC_FINAL_C`)."""
        joined = KEPT_APART.sub(r"\1", word)
        readings = [self.key(joined)] if joined != word else []
        readings += [
            self._key(word, {spelling: cls})
            for spelling, classes in self._others.items()
            if spelling in word
            for cls in classes
        ]
        unrolled = _R_UNSOUNDED.sub("", word)
        if unrolled != word:
            readings.append(self.key(unrolled))
        said = _FIRST_WH.sub("hw", _ENGLISH_UNSAID.sub("", word))
        if said != word:
            readings.append(self.key(said))
        written_w = _WRITTEN_W.sub("w", word)
        if written_w != word:
            readings.append(self.key(written_w))
        if _W_AS_VOWEL.search(word):
            # The abjads' letter for "w" is also their "v": ICU's "lwy" is Levy, "dwd" David.
            readings.append(self._key(word, w_vowel=False))
        if _SLAVIC_FINAL_C.search(word):
            readings.append(self.key(word[:-1] + "tsh"))
        found = [self.key(word)]
        for variant in readings:
            if variant not in found and len(found) < MAX_KEYS:
                found.append(variant)
        return tuple(found)

    def _slavic_keys(self, word: str) -> tuple[str, ...]:
        """The word's keys, then those of its "h"s read as "g" (`_SLAVIC_H`), its final
        Belarusian "u" as "v" and its "dz" as "d" (`_BELARUSIAN_FINAL_U`, `_BELARUSIAN_DZ`)
        when that changes them: how a Latin spelling of a Ukrainian or Belarusian name
        sounds in its Russian one; and a given name's key of its forms (`same_given`).
        Only Latin persons' parts are compared by them (scoring.py); the candidate search
        finds words by them all (near.py)."""
        given = self._given_keys.get(word)
        keys = self.keys(word) + ((given,) if given else ())
        read = _SLAVIC_H.sub("g", word)
        read = _BELARUSIAN_DZ.sub("d", _BELARUSIAN_FINAL_U.sub("v", read))
        if read == word:
            return keys
        return keys + tuple(k for k in self.keys(read) if k not in keys)

    def _key(self, word: str, read_as: dict[str, str] | None = None, w_vowel: bool = True) -> str:
        """The sound key of a lower-case ASCII word ("" for a word of no letters), with the
        spellings of `read_as` read as its classes (and, without `w_vowel`, a "w" after a
        consonant read as one)."""
        if _final_h(word):
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

    def _slots(self, word: str, abjad: bool) -> list[Slots]:
        """A word's readings as its consonants' classes, and the vowels written before each
        of them and after the last (each as the Latin vowels it may stand for). Unlike a
        key, a class repeated across a vowel counts twice ("lyly": l, y, l, y)."""
        final_h = _final_h(word)
        if final_h:
            word = word[:-1]
        pieces = [match.group() for match in self._pattern.finditer(word)]
        readings: list[tuple[list[str], list[list[frozenset[str]]]]] = [([], [[]])]
        for i, piece in enumerate(pieces):
            grown = []
            for classes, slots in readings:
                # First: a Latin word's first letter; an abjad's first consonant letter.
                first = not classes if abjad else i == 0
                options = _read_as(piece, first, i == len(pieces) - 1, bool(slots[-1]), abjad)
                for vowel in options if len(readings) < MAX_SLOTS else options[:1]:
                    if vowel is None:
                        cls = self._classes.get(piece, "J" if piece == "y" else None)
                        grown.append(_with_class(classes, slots, cls, piece, abjad))
                    else:
                        grown.append((classes, [*slots[:-1], [*slots[-1], vowel]]))
            readings = grown
        if final_h and abjad:
            for _, slots in readings:
                if not slots[-1]:
                    slots[-1].append(_FINAL_H)
        return [(tuple(c), tuple(tuple(slot) for slot in s)) for c, s in readings]

    def vowels_alike(self, abjad_word: str, word: str) -> bool:
        """Whether a romanised word of a script that writes only long vowels and a word
        written with its vowels share their consonants, and every long vowel written stands
        where the other word has a vowel it may stand for: "lyly" (ليلى) is Leila, not Lola;
        "dyy" (דיי) is Dee, not Doe. A short key ("R", "T") says nothing alone. A first
        alif that carries a long vowel is that vowel ("ayran", ايران, is Iran); two yods
        after a consonant are a diphthong ("tyyt", טייט, is Tate)."""
        ((classes_b, slots_b),) = self._slots(word, False)
        carried = _CARRIED_VOWEL.sub(lambda m: _CARRIED[m.group(1)], abjad_word)
        readings = self._slots(abjad_word, True)
        for read in dict.fromkeys((carried, _TWO_YODS.sub("Y", abjad_word))):
            if read != abjad_word:
                readings += self._slots(read, True)
        for classes_a, slots_a in readings:
            if (
                classes_a
                and classes_a == classes_b
                and all(
                    _stands_in(written, heard)
                    for written, heard in zip(slots_a, slots_b, strict=True)
                )
            ):
                return True
        return False

    def said_as_y(self, abjad_word: str, word: str) -> str | None:
        """`word` with its first "j" read as "y" ("ykwf", ياكوف, is Jakov) when the abjad's
        word begins with "y", has two consonants after it and long vowels that agree; else
        None. By keys alone, 3 more of 1,000 Hebrew names met an OFAC person ("yn", יאן,
        met Jin by its one consonant)."""
        said = first_j_as_y(word) if abjad_word.startswith("y") else None
        key = self.key(abjad_word)
        if said and len(key) - key.startswith("A") >= 2 and self.vowels_alike(abjad_word, said):
            return said
        return None

    def whole_keys(self, words: tuple[str, ...], compact: str) -> frozenset[str]:
        """A name's keys as a whole: of its words run together (`compact`), and its words'
        keys one after another, which kana and Hangul spell with a vowel between words
        ("guretohorudingusu" is Great Holdings, whose run-together "th" would be one
        class)."""
        # Each word by each of its readings ("acmechat" is AKMKT and AKMJT: the Arabic
        # "akmy tshat" is AKMJT), at most MAX_KEYS joined keys.
        joined: list[tuple[str, str]] = [("", "")]  # (the key so far, its last word's key)
        for i, word in enumerate(words):
            grown = []
            for key in self.keys(word):
                key = key[1:] if i and key.startswith("A") else key
                for so_far, last in joined:
                    step = key[1:] if last and key[:1] == last[-1:] else key
                    grown.append((so_far + step, key))
            joined = grown[:MAX_KEYS]
        return frozenset((compact, *(key for key, _ in joined)))

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
        slavic: bool = False,
    ) -> float:
        """How alike two words sound: `equal_score` (keys equal, of `equal_min` classes or
        more), `near_score` (near keys of `min_classes` classes or more) or 0. Without
        `every_key`, by each word's first key only (organisations' made words: "Lazard" is
        not "Lazada" for an unsounded "r"); with `slavic`, by `slavic_keys` too."""
        best = 0.0
        keys = self.slavic_keys if slavic else self.keys
        keys_a = keys(a) if every_key else (self.key(a),)
        keys_b = keys(b) if every_key else (self.key(b),)
        for ka in keys_a:
            for kb in keys_b:
                if len(ka) < equal_min or len(kb) < equal_min:
                    continue
                if ka == kb:
                    return self.equal_score
                if self.keys_near(ka, kb, min_classes):
                    best = self.near_score
        return best
