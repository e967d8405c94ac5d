"""Korean persons' names in Hangul against Latin ones, syllable by syllable.

ICU reads Hangul letter by letter (김득구 "gimdeuggu", 박정희 "bagjeonghui"), which is
neither how Koreans spell their names nor how lists print them ("Kim Duk-koo", "Park
Chung-hee"); and by the sound of the whole name, 김동혁 met "Kim Sang-ho" (a different
person with the same surname). A Korean name is read instead as a surname and a given name
of syllables, each syllable spelt by any spelling of its letters (data/matching.yaml,
`hangul_spellings`), a surname also by its own spellings (`hangul_surnames`): a Latin name
spelt so, the surname first or last and the given name's syllables joined, hyphenated or
apart, is that name (a transliterated hit); one that reads as another Korean name is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cached_property
from itertools import product

from rapidfuzz.distance import Levenshtein

from ..registry.matching import MatchingConfig
from .pinyin import all_pinyin, has_han, to_simplified

_FIRST, _LAST = 0xAC00, 0xD7A3  # the Hangul syllables block
_POSITIONS = ("HANGUL CHOSEONG ", "HANGUL JUNGSEONG ", "HANGUL JONGSEONG ")
# Korean readings of a name in Chinese characters tried, of all its characters' readings.
MAX_READINGS = 16


def _letter(jamo: str) -> str:
    """A conjoining jamo (a syllable's part) as the Hangul letter the tables are keyed by."""
    name = unicodedata.name(jamo, "")
    for prefix in _POSITIONS:
        if name.startswith(prefix):
            return unicodedata.lookup("HANGUL LETTER " + name[len(prefix) :])
    return jamo


def letters(syllable: str) -> tuple[str, str, str]:
    """A syllable's initial, vowel and final letter ("" for none): its canonical
    decomposition, by Unicode's own rule."""
    parts = [_letter(c) for c in unicodedata.normalize("NFD", syllable)]
    return parts[0], parts[1], parts[2] if len(parts) > 2 else ""


def is_syllables(text: str) -> bool:
    return bool(text) and all(_FIRST <= ord(c) <= _LAST for c in text)


def latin_orders(tokens: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(surname, given name joined) of a Latin name read surname first, then surname last."""
    yield tokens[0], "".join(tokens[1:])
    yield tokens[-1], "".join(tokens[:-1])


class KoreanNames:
    """The syllable tables of one matching configuration."""

    def __init__(self, config: MatchingConfig) -> None:
        tables = config.hangul_spellings
        self._initial = tables["initial"]
        self._vowel = tables["vowel"]
        self._after_silent = tables["vowel_after_silent"]
        self._final = {"": [""], **tables["final"]}
        self._surnames = config.hangul_surnames
        self._compound = frozenset(config.hangul_compound_surnames)
        self._hanja = config.hangul_hanja
        self._spelt: dict[str, frozenset[str]] = {}

    @cached_property
    def _tables(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """The initials that are written, and the vowels after a silent ㅇ."""
        loud = {letter: spelt for letter, spelt in self._initial.items() if any(spelt)}
        after = self._after_silent
        silent = {v: [*spelt, *after.get(v, ())] for v, spelt in self._vowel.items()}
        return loud, silent

    def syllable_spellings(self, syllable: str, mandarin: bool = True) -> frozenset[str]:
        """Every Latin spelling of one syllable: by its letters' spellings, and (with
        `mandarin`) the Mandarin syllables of the characters it reads (`hangul_hanja`)."""
        key = syllable if mandarin else "!" + syllable
        found = self._spelt.get(key)
        if found is None:
            initial, vowel, final = letters(syllable)
            loud, silent = self._tables
            vowels = (self._vowel if initial in loud else silent).get(vowel, ())
            found = frozenset(
                "".join(parts)
                for parts in product(
                    self._initial.get(initial, ()), vowels, self._final.get(final, ())
                )
            ) | (self._mandarin(syllable) if mandarin else frozenset())
            self._spelt[key] = found
        return found

    def _mandarin(self, syllable: str) -> frozenset[str]:
        """pypinyin's toneless syllables of the characters a syllable reads."""
        chars = self._hanja.get(syllable)
        if not chars:
            return frozenset()
        from pypinyin import Style, pinyin

        return frozenset(
            s for readings in pinyin(chars, style=Style.NORMAL, heteronym=True) for s in readings
        )

    @cached_property
    def _char_readings(self) -> dict[str, tuple[str, ...]]:
        """Each character's Korean readings, under its simplified form too (a query's
        characters are compared simplified: 盧 as 卢)."""
        found: dict[str, set[str]] = {}
        for syllable, chars in self._hanja.items():
            for char in chars:
                for form in {char, to_simplified(char)}:
                    found.setdefault(form, set()).add(syllable)
        return {char: tuple(sorted(syllables)) for char, syllables in found.items()}

    def read_korean(self, tokens: Sequence[str]) -> list[str]:
        """A name in Chinese characters read as Korean, every way its characters read (at
        most `MAX_READINGS`); none when a character has no Korean reading, or when it is
        longer than a Korean name (five syllables with a surname of two)."""
        name = "".join(tokens)
        if len(name) > 5:
            return []
        readings = [""]
        for char in name:
            syllables = self._char_readings.get(char)
            if not syllables:
                return []
            readings = [r + s for r in readings for s in syllables][:MAX_READINGS]
        return readings

    def spells(self, syllables: str, text: str, mandarin: bool = True) -> bool:
        """Whether `text` is cut into spellings of `syllables`, one after another."""
        ends = {0}
        for syllable in syllables:
            spellings = self.syllable_spellings(syllable, mandarin)
            ends = {end + len(s) for end in ends for s in spellings if text.startswith(s, end)}
            if not ends:
                return False
        return len(text) in ends

    def split(self, tokens: Sequence[str]) -> tuple[str, str] | None:
        """(surname, given name) of a name written in Hangul syllables alone that reads as a
        Korean one: a listed surname and a given name of one to three syllables, as one word
        or the surname apart ("김 정은"; not "안나 김", Anna Kim)."""
        name = "".join(tokens)
        if not is_syllables(name) or len(tokens) > 2:
            return None
        if len(tokens) == 2 and tokens[0] not in self._surnames and tokens[0] not in self._compound:
            return None
        if name[:2] in self._compound and 3 <= len(name) <= 5:
            return name[:2], name[2:]
        if name[0] in self._surnames and 2 <= len(name) <= 4:
            return name[0], name[1:]
        return None

    def surname_spellings(self, surname: str, mandarin: bool = True) -> frozenset[str]:
        """A surname's Latin spellings: its syllables' and its own."""
        spelt = {""}
        for syllable in surname:
            spelt = {a + b for a in spelt for b in self.syllable_spellings(syllable, mandarin)}
        return frozenset(spelt) | frozenset(self._surnames.get(surname, ()))

    @property
    def surnames(self) -> tuple[str, ...]:
        """The surnames a Korean name starts with, of one syllable and of two."""
        return (*self._surnames, *self._compound)

    @cached_property
    def _any_syllable(self) -> str:
        """A pattern of any one syllable's spelling."""

        def either(table: dict[str, list[str]], *more: dict[str, list[str]]) -> str:
            spelt = {s for t in (table, *more) for spellings in t.values() for s in spellings}
            return "(?:" + "|".join(sorted(map(re.escape, spelt), key=len, reverse=True)) + ")"

        return either(self._initial) + either(self._vowel, self._after_silent) + either(self._final)

    @cached_property
    def _given(self) -> re.Pattern[str]:
        """A given name's spelling: one to three syllables."""
        return re.compile(f"(?:{self._any_syllable}){{1,3}}")

    def spells_given(self, word: str) -> bool:
        """Whether a Latin word spells a Korean given name or its syllables (one to three)."""
        return self._given.fullmatch(word) is not None

    def reads_korean(self, tokens: Sequence[str]) -> bool:
        """Whether a Latin name reads as a Korean one: a Korean surname's spelling (by its
        letters or its own, not a Mandarin reading: "Wei" is 魏, not 위), first or last, and
        a given name of one to three syllables."""
        return any(
            surname in self._surname_of and self._given.fullmatch(given)
            for surname, given in latin_orders(tokens)
        )

    def verdict(self, written: Sequence[str], latin: Sequence[str]) -> bool | None:
        """`hangul_verdict` for a name in Hangul; for one in Chinese characters, True when
        any Korean reading of it is spelt (金正恩, 김정은, against Kim Jong Un), else None: a
        Chinese name is compared by its pinyin."""
        if all(is_syllables(t) for t in written):
            return self.hangul_verdict(written, latin)
        han = all(has_han(t) for t in written) and len(latin) >= 2
        readings = self.read_korean(written) if han else []
        if any(self.hangul_verdict([r], latin, mandarin=False) for r in readings):
            return True
        return None

    def hangul_verdict(
        self, hangul: Sequence[str], latin: Sequence[str], mandarin: bool = True
    ) -> bool | None:
        """True when a Korean name in Hangul is spelt by a Latin one; False when the Latin
        name reads as another Korean name; None when this rule says nothing (not a Korean
        name; a Latin name of one word, not read as Korean, read as pinyin too, or whose
        given name spells the whole Hangul name). Without `mandarin`, by the letters'
        spellings only (a name read from its characters: their own pinyin is compared
        elsewhere, not every character read alike)."""
        name = self.split(hangul)
        if name is None or len(latin) < 2:
            return None
        surname, given = name
        spellings = self.surname_spellings(surname, mandarin)
        orders = list(latin_orders(latin))
        if any(spelt in spellings and self.spells(given, rest, mandarin) for spelt, rest in orders):
            return True
        if self.spells(surname + given, "".join(latin), mandarin):
            return True  # the whole name spelt in its order ("gangjang-gang", 강장강)
        if any(self.spells(surname + given, rest, mandarin) for _, rest in orders):
            return None  # a given name alone (민규, "Kim Min-gyu"): said by other rules
        # A Chinese name in pinyin that its Hangul does not spell by the readings of the
        # table (a character outside it, or read otherwise): said by other rules.
        if all_pinyin(latin):
            return None
        return False if self.reads_korean(latin) else None

    # ------------------------------------------------------------------ Latin and Latin
    @cached_property
    def _surname_of(self) -> dict[str, frozenset[str]]:
        """Each Latin spelling of a Korean surname (by its letters and its own spellings),
        and the surnames it spells."""
        found: dict[str, set[str]] = defaultdict(set)
        for surname in self.surnames:
            for spelt in self.surname_spellings(surname, mandarin=False):
                found[spelt].add(surname)
        return {spelt: frozenset(surnames) for spelt, surnames in found.items()}

    def same_name(self, a: Sequence[str], b: Sequence[str]) -> bool:
        """Whether two Latin names spell one Korean name: surnames that spell one Korean
        surname, first or last, and given names that spell one run of one to three
        syllables, each letter spelt by either name any way the table allows ("CHO, Yon
        Chun" and "JO, Yon Jun"; "PAK, Il-Gyu" and "PAK, Il-Kyu")."""
        if len(a) < 2 or len(b) < 2:
            return False
        for surname_a, given_a in latin_orders(a):
            read_a = self._surname_of.get(surname_a)
            if not read_a:
                continue
            for surname_b, given_b in latin_orders(b):
                if read_a & self._surname_of.get(surname_b, frozenset()) and self._one_run(
                    given_a, given_b
                ):
                    return True
        return False

    def latin_verdict(self, a: Sequence[str], b: Sequence[str]) -> bool | None:
        """Two Latin names as Korean ones, as `verdict` says a Hangul one against a Latin
        one: True when they spell one Korean name (`same_name`); False when they read as two
        (`_two_names`); None when neither is said."""
        if self.same_name(a, b):
            return True
        return False if self._two_names(a, b) else None

    def _two_names(self, a: Sequence[str], b: Sequence[str]) -> bool:
        """Whether two Latin names that do not spell one Korean name read as two
        (`reads_korean`): Korean syllables that sound alike are other names ("Min" is not
        "Man", "Sang" not "Song"), which Latin persons' rules align by sound. Not when one
        name's words are all the other's, or the given names are one edit apart, which may
        be a typing error ("Jong Um")."""
        if not (self.reads_korean(a) and self.reads_korean(b)):
            return False
        if set(a) <= set(b) or set(b) <= set(a):
            return False  # a given syllable left out ("Park Jin", PARK Se Jin): other rules
        return all(
            Levenshtein.distance(given_a, given_b) > 1
            for _, given_a in latin_orders(a)
            for _, given_b in latin_orders(b)
        )

    def _one_run(self, a: str, b: str) -> bool:
        """Whether `a` and `b` spell one run of one to three syllables."""
        loud, silent = self._tables
        states = {(0, 0)}
        for _ in range(3):
            vowels = _both(a, b, _both(a, b, states, loud), self._vowel) | _both(
                a, b, states, silent
            )
            states = _both(a, b, vowels, self._final)
            if (len(a), len(b)) in states:
                return True
        return False

    def latin_keys(self, tokens: Sequence[str]) -> frozenset[str]:
        """The Latin words a Latin name that reads as Korean finds the other spellings of
        its name by: every spelling of each surname its first or last word spells."""
        if len(tokens) < 2 or not self.reads_korean(tokens):
            return frozenset()
        surnames = {s for t in (tokens[0], tokens[-1]) for s in self._surname_of.get(t, ())}
        return frozenset().union(*(self.surname_spellings(s, mandarin=False) for s in surnames))

    def keys(self, tokens: Sequence[str]) -> frozenset[str]:
        """The Latin words a Korean name in Hangul or in Chinese characters is found by (its
        surname's spellings), none for any other name."""
        if tokens and all(has_han(t) for t in tokens):
            names = [self.split([reading]) for reading in self.read_korean(tokens)]
        else:
            names = [self.split(tokens)]
        return frozenset().union(*(self.surname_spellings(n[0]) for n in names if n))


def _both(
    a: str, b: str, states: set[tuple[int, int]], table: dict[str, list[str]]
) -> set[tuple[int, int]]:
    """Where `a` and `b` are after one more letter of `table`, spelt any of its ways in each,
    from each pair of positions in `states`."""
    out: set[tuple[int, int]] = set()
    for p, q in states:
        for spelt in table.values():
            ends_a = [p + len(x) for x in spelt if a.startswith(x, p)]
            if ends_a:
                ends_b = [q + len(y) for y in spelt if b.startswith(y, q)]
                out.update((x, y) for x in ends_a for y in ends_b)
    return out
