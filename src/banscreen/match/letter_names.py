"""Latin letters written as their names: katakana and Hangul spell a brand's letters by
how English says them (キューキュー, QQ; エイチティーエス, HTS; 브이, V), and a romaniser
reads those names back as syllables ("kyukyu", "eichitiesu") that share nothing with the
letters. The names are data (`letter_names` in data/matching.yaml)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .text import romanise

# A run of letter names this many characters long or longer: a Hangul letter name of one
# syllable (이, E; 비, B) is also a syllable of many a word.
MIN_CHARS = 2
_VOWELS = frozenset("aeiouy")


class LetterNames:
    def __init__(self, config: MatchingConfig) -> None:
        self._letters: dict[str, dict[str, str]] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        for script, table in config.letter_names.items():
            named = {name: letter for letter, names in table.items() for name in names}
            self._letters[script] = named
            longest = sorted(named, key=len, reverse=True)
            self._patterns[script] = re.compile("|".join(map(re.escape, longest)))

    def readings(self, word: str, script: str) -> list[str]:
        """A word in `script` that starts with letters' names (エックスジェーマーケット), read
        as those letters and the rest romanised, apart ("xj maketto") and joined
        ("xjmaketto"), as a brand writes its letters either way (XJ Market, KMate); and so
        with the run's last names left to the rest, which may start with one
        (에이치티에스오피스: HTS, "opiseu"; 오 and 피 are O and P). Not a run shorter than
        `MIN_CHARS` characters; one letter's name only when glued to a word (`_glued`:
        ケーメイト, "kmeito")."""
        pattern = self._patterns.get(script)
        if pattern is None:
            return []
        letters: list[str] = []
        ends: list[int] = []
        while found := pattern.match(word, ends[-1] if ends else 0):
            letters.append(self._letters[script][found.group()])
            ends.append(found.end())
        out = []
        for n in range(len(ends), 0, -1):
            end = ends[n - 1]
            spelt = "".join(letters[:n]).lower()
            rest = "".join(romanise(word[end:])) if end < len(word) else ""
            if end < MIN_CHARS or (n == 1 and not _glued(spelt, rest)):
                continue
            if n == 1:  # a letter glued to a word: one word
                out.append(spelt + rest)
            elif rest:
                out += [f"{spelt} {rest}", spelt + rest]
            else:
                out.append(spelt)
        return list(dict.fromkeys(out))

    def forms(self, form: NameForm, reromanised: Callable[..., NameForm]) -> list[NameForm]:
        """`form` with each word that starts with letters' names read so (`readings`), its
        romanised words made anew by `reromanised` (rewrites.py)."""
        if len(form.roman) != len(form.tokens):
            return []
        out = []
        for i, token in enumerate(form.tokens):
            for spelt in self.readings(token, form.script):
                n = len(words := tuple(spelt.split()))
                out.append(reromanised(
                    form, form.roman[:i] + words + form.roman[i + 1 :],
                    roman_factors=_spread(form.roman_factors, i, n),
                    roman_person_factors=_spread(form.roman_person_factors, i, n),
                ))  # fmt: skip
        return out


def _glued(letter: str, rest: str) -> bool:
    """Whether one letter's name before the rest of a word is a brand's letter glued to a
    word (ケーメイト, "k" + "meito", KMate): a consonant before a consonant, as no word of
    the script starts (アイテム, "i" + "temu", is "item"; ヴィーナス, Venus, is said so
    too, but rarely written with a letter's name)."""
    return bool(rest) and letter not in _VOWELS and rest[0] not in _VOWELS


def _spread(factors: tuple[float, ...], i: int, n: int) -> tuple[float, ...]:
    """`factors` with the `i`th given to the `n` words it became."""
    return factors[:i] + (factors[i],) * n + factors[i + 1 :]
