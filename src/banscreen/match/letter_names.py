"""Latin letters written as their names: katakana, Hangul, Cyrillic, Greek, Hebrew and
Arabic spell a brand's letters by how English says them (キューキュー and Кью-Кью, QQ;
エイチティーエス, HTS; 케이 and Кей, K; بي بي سي, BBC), and a romaniser reads those names
back as syllables ("kyukyu", "bi bi si") that share nothing with the letters. The names are
data (`letter_names` in data/matching.yaml)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from itertools import islice, product

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .text import romanise, split_words

# A run of letter names this many characters long or longer: a Hangul letter name of one
# syllable (이, E; 비, B) is also a syllable of many a word.
MIN_CHARS = 2
# Scripts whose letters' names are read wherever a word starts with them (`readings`).
SYLLABARIES = frozenset({"Kana", "Hangul"})
# Letters' names a word of an alphabet or abjad that is nothing else must hold to be read
# as the letters without a capital (डब्ल्यूपीएस, WPS): two make many a word (सीटी, "ct", is
# a whistle; بيتي, my house).
WHOLE_MIN_LETTERS = 3
# ... but two in Thai, which writes an acronym's letters' names as one word (คิวคิว, QQ;
# ซีดี, CD), and whose own words are not spelt like them.
WHOLE_MIN_LETTERS_BY_SCRIPT = {"Thai": 2}
# Readings of one run at most: an abjad writes two letters' names alike (Arabic بي is B
# and P), and a run of such names has a reading for each choice.
MAX_CHOICES = 4
_VOWELS = frozenset("aeiouy")
# Hebrew's points and cantillation, Arabic's short vowels (bare).
_MARKS = frozenset(map(chr, (*range(0x591, 0x5C8), *range(0x64B, 0x653), 0x670)))
# A run of words that are letters' names: (first word, end, the letters as one word).
Run = tuple[int, int, str]


def bare(word: str) -> str:
    """`word` lower-case without the marks that are written or left out: Greek's accents
    (έι, ει), Hebrew's points and the geresh after a letter (ג'י), Arabic's short vowels
    (not its hamza: إل is L, ال the article); the tables are written without them.
    Cyrillic's й and kana's voicing marks are letters (ブ is no フ)."""
    folded = word.casefold()
    if folded.isascii():
        return folded
    kept: list[str] = []
    greek = False
    for ch in unicodedata.normalize("NFD", folded):
        if not unicodedata.combining(ch):
            greek = "\u0370" <= ch <= "\u03ff"
        elif ch in _MARKS or (greek and ch <= "\u036f"):
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


class LetterNames:
    def __init__(self, config: MatchingConfig) -> None:
        self._letters: dict[str, dict[str, tuple[str, ...]]] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        for script, table in config.letter_names.items():
            named: dict[str, tuple[str, ...]] = {}
            for letter, names in table.items():
                for name in names:
                    key = bare(name)
                    if letter not in named.get(key, ()):
                        named[key] = (*named.get(key, ()), letter)
            self._letters[script] = named
            longest = sorted((n for n in named if " " not in n), key=len, reverse=True)
            self._patterns[script] = re.compile("|".join(map(re.escape, longest)))

    def readings(self, word: str, script: str, capitals: Collection[int] = ()) -> list[str]:
        """A word in `script` that starts with letters' names (エックスジェーマーケット), read
        as those letters and the rest romanised, apart ("xj maketto") and joined
        ("xjmaketto"), as a brand writes its letters either way (XJ Market, KMate); and so
        with the run's last names left to the rest, which may start with one
        (에이치티에스오피스: HTS, "opiseu"; 오 and 피 are O and P). Not a run shorter than
        `MIN_CHARS` characters; one letter's name only when glued to a word (`_glued`:
        ケーメイト, "kmeito").

        So in any word of katakana and Hangul, whose letters' names few words start with.
        An alphabet's or abjad's are a word's common first syllable (Russian архив, "ar" +
        "khiv"; Greek εντάξει, "en" + "taxei"; Arabic بيت, "b" + "t"; Hebrew אוקיי, okay,
        "o" + "k"): there, only where the word is written with a capital after the run
        (КейМейт, KMate; КьюКью, QQ; `capitals`, the positions of capitals inside the word
        as written), a word that is `WHOLE_MIN_LETTERS` letters' names or more, and words
        apart (`runs`). Read in any word, of 9,000 frequent Russian words and pairs 5 more
        met an organisation, of 9,000 Greek ones 22, and of 522 persons' names in Arabic
        letters 5 (بيليا, "plya", PALEA)."""
        pattern = self._patterns.get(script)
        if pattern is None:
            return []
        word = bare(word)
        named = self._letters[script]
        letters: list[tuple[str, ...]] = []
        ends: list[int] = []
        while found := pattern.match(word, ends[-1] if ends else 0):
            letters.append(named[found.group()])
            ends.append(found.end())
        syllabary = script in SYLLABARIES
        whole_min = WHOLE_MIN_LETTERS_BY_SCRIPT.get(script, WHOLE_MIN_LETTERS)
        out = []
        for n in range(len(ends), 0, -1):
            end = ends[n - 1]
            whole = end == len(word) and (capitals or n >= whole_min)
            if end < MIN_CHARS or not (syllabary or end in capitals or whole):
                continue
            rest = "".join(romanise(word[end:])) if end < len(word) else ""
            for spelt in _choices(letters[:n]):
                if n == 1:  # a letter glued to a word: one word
                    out += [spelt + rest] if _glued(spelt, rest) else []
                elif rest:
                    out += [f"{spelt} {rest}", spelt + rest]
                else:
                    out.append(spelt)
        return list(dict.fromkeys(out))

    def runs(self, words: Sequence[str], roman: Sequence[str], script: str) -> list[Run]:
        """Words that are each a letter's name, as a brand's letters are written apart
        (Кью-Кью, QQ; بي إم دبليو, BMW; キュー・キュー): two or more in a row, read as
        the letters in one word, and as one word with the word after them; or the name's
        first word one letter's name of `MIN_CHARS` or more glued to the next as `_glued`
        allows (Кей Мейт, KMate; `roman`: the words' romanised forms; not 지 상, "g" +
        "sang"). A name may be two words (Дабл-ю, W)."""
        named = self._letters.get(script)
        if not named:
            return []
        words = [bare(w) for w in words]
        out: list[Run] = []
        i = 0
        while i < len(words):
            start, letters = i, []
            while i < len(words):
                two = f"{words[i]} {words[i + 1]}" if i + 1 < len(words) else ""
                size = 2 if two in named else 1 if words[i] in named else 0
                if not size:
                    break
                letters.append(named[two] if size == 2 else named[words[i]])
                i += size
            if len(letters) >= 2:
                out += [(start, i, spelt) for spelt in _choices(letters)]
                # ... and glued to the word after it (Кей Эм Маркет, KMMarket), one the
                # romaniser wrote in Latin letters (not an archaic Greek "Ͱ" it keeps).
                if i < len(words) and roman[i].isascii() and roman[i].isalpha():
                    out += [(start, i + 1, spelt + roman[i]) for spelt in _choices(letters)]
            elif letters and start == 0 and i < len(words) and len(words[0]) >= MIN_CHARS:
                out += [
                    (0, i + 1, spelt + roman[i])
                    for spelt in _choices(letters)
                    if _glued(spelt, roman[i])
                ]
            i = max(i, start + 1)
        return out

    def forms(
        self, form: NameForm, reromanised: Callable[..., NameForm], text: str = ""
    ) -> list[NameForm]:
        """`form` with each word that starts with letters' names read so (`readings`; the
        capitals inside its words as `text` writes them), and each run of words that are
        letters' names (`runs`), its romanised words made anew by `reromanised`
        (rewrites.py)."""
        if form.script not in self._letters or len(form.roman) != len(form.tokens):
            return []  # a Latin name (most queries) has no letters' names to read
        humps = capitals(text) if form.script not in SYLLABARIES else {}
        out = []
        for i, token in enumerate(form.tokens):
            for spelt in self.readings(token, form.script, humps.get(bare(token), ())):
                n = len(words := tuple(spelt.split()))
                out.append(reromanised(
                    form, form.roman[:i] + words + form.roman[i + 1 :],
                    roman_factors=_spread(form.roman_factors, i, n),
                    roman_person_factors=_spread(form.roman_person_factors, i, n),
                ))  # fmt: skip
        for start, end, spelt in self.runs(form.tokens, form.roman, form.script):
            out.append(reromanised(
                form, (*form.roman[:start], spelt, *form.roman[end:]),
                roman_factors=_joined(form.roman_factors, start, end),
                roman_person_factors=_joined(form.roman_person_factors, start, end),
            ))  # fmt: skip
        return out


def capitals(text: str) -> dict[str, frozenset[int]]:
    """Each word of `text` (lower-case, bare) that has capitals after a small letter, and
    where they stand: a brand's own humps (КейМейт, KMate)."""
    out: dict[str, frozenset[int]] = {}
    for word in split_words(text):
        bared = bare(word)
        if len(bared) == len(word):
            at = [i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()]
            if at:
                out[bared] = frozenset(at)
    return out


def _choices(letters: Sequence[tuple[str, ...]]) -> list[str]:
    """The letters of a run as one lower-case word, for each letter a name may be (at most
    `MAX_CHOICES`)."""
    return ["".join(c).lower() for c in islice(product(*letters), MAX_CHOICES)]


def _glued(letter: str, rest: str) -> bool:
    """Whether one letter's name before the rest of a word is a brand's letter glued to a
    word (ケーメイト, "k" + "meito", KMate): a consonant before a consonant, as no word of
    the script starts (アイテム, "i" + "temu", is "item"; ヴィーナス, Venus, is said so
    too, but rarely written with a letter's name). The rest must be Latin letters the
    romaniser wrote, as for a run of letters (not an archaic Greek "Ͱ" it keeps)."""
    return (
        bool(rest) and rest.isascii() and rest.isalpha()
        and letter not in _VOWELS and rest[0] not in _VOWELS
    )  # fmt: skip


def _spread(factors: tuple[float, ...], i: int, n: int) -> tuple[float, ...]:
    """`factors` with the `i`th given to the `n` words it became."""
    return factors[:i] + (factors[i],) * n + factors[i + 1 :]


def _joined(factors: tuple[float, ...], start: int, end: int) -> tuple[float, ...]:
    """`factors` with those of words `start` to `end` given, as their highest, to the one
    word they became."""
    if not factors[start:end]:
        return factors
    return (*factors[:start], max(factors[start:end]), *factors[end:])
