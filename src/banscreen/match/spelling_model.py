"""How well a foreign name written in another script explains a Latin name, and the Latin
spellings it most likely stands for: a model learned from names written both ways, one per
script (data/spellings/<script>.json, read by registry/spelling_tables.py;
bench/build_spelling_models.py).

Chinese writes a foreign name's sounds with characters, each syllable for a few letters:
罗宾, luo bin, is "ro" + "bin", Robin; 叔本华, shu ben hua, is Schopenhauer. Korean writes one
with Hangul syllables the same way: 로이스 is Lois, 콜먼 Coleman. The rules of pinyin.py and
loanwords.py read such a name back one way ("lobin"); a model knows every way, and how often
each is written: the probability of a Latin name given the units (pinyin syllables, Hangul
syllables) is the sum over every cut of the name into one run of letters per unit (a letter
the other script did not write skipped at `spelling_model_skip`), and its support is how
many times likelier that makes the name than its letters alone are, in nats."""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

from ..tunables import CACHE_ENTRIES
from .text import GERESH_MARK

LONGEST = 5  # letters one unit writes at most (as the models were learned)
_UNSEEN = 1e-4  # a letter pair the letter model never saw
_MOST_WORDS = 6  # a listed name of more words is not paired word by word
_RUNS = 24  # a unit's likeliest runs a beam grows by (the rest hardly reach its top 200)
# The registry's words that sound like a spelling (rewrites.py: by their sound key).
Sounding = Callable[[str], Iterable[str]]


class SpellingModel:
    def __init__(
        self,
        spellings: Mapping[str, Mapping[str, float]],
        letters: Mapping[str, Mapping[str, float]],
        skip: float,
    ) -> None:
        self.spellings = spellings
        self.letters = letters
        self.skip = skip
        # Each unit's runs, cheapest (likeliest) first, with their cost (-log p).
        self._costs = {
            s: sorted(((-math.log(p), run) for run, p in w.items()), key=lambda c: c[0])
            for s, w in spellings.items()
        }

    def support(self, syllables: Sequence[str], latin: str) -> float:
        """log P(latin | units) − log P(latin): above 0, the units explain the name better
        than its letters alone do; -inf when no cut of it fits them."""
        return self._support(tuple(syllables), latin)

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019 - a model lives as long as its table
    def _support(self, syllables: tuple[str, ...], latin: str) -> float:
        """Remembered: a name's words recur in names (محمد, عبد), each weighed against the
        same listed words."""
        explained = self._likelihood(syllables, latin)
        if explained <= 0.0:
            return -math.inf
        return math.log(explained) - self._letters(latin)

    def likeliest(self, words: Sequence[Sequence[str]], count: int) -> list[str]:
        """The `count` likeliest spellings of a name of words of these syllables, best
        first, its words apart (a beam through each syllable's runs, then through the
        words): the forms a name is looked up by."""
        beam: list[tuple[float, str]] = [(0.0, "")]
        for syllables in words:
            spelt = self._ranked(syllables, count)
            if not spelt:
                return []
            grown = [(c + d, f"{a} {b}".strip()) for c, a in beam for d, b in spelt]
            beam = heapq.nsmallest(count, grown)
        return list(dict.fromkeys(spelt for _, spelt in beam))

    def lookups(
        self,
        words: Sequence[Sequence[str]],
        count: int,
        reach: int,
        known: Collection[str],
        sounding: Sounding | None = None,
        longest: int = 8,
        sounded: int | None = None,
    ) -> list[str]:
        """The forms a name is looked up by (none for a word of more than `longest`
        units): its `count` likeliest spellings (`likeliest`),
        then those made of known words (`known_spellings`)."""
        if any(len(units) > longest for units in words):
            return []  # no foreign name's word (a firm's name with its legal form misspelt)
        found = self.likeliest(words, count)
        if not found:
            return []
        made = self.known_spellings(words, reach, known, count, sounding, sounded)
        return list(dict.fromkeys((*found, *made)))

    def known_spellings(
        self,
        words: Sequence[Sequence[str]],
        reach: int,
        known: Collection[str],
        count: int,
        sounding: Sounding | None = None,
        sounded: int | None = None,
    ) -> list[str]:
        """Spellings of the name made of, for each word, the `known` words (the registry's)
        it explains better than their letters alone do (`support` above 0), or else its
        likeliest spelling: at most `count`, best first. The beam's few spellings miss a name
        written with a run its units seldom write (로리, Lowry: "low" + "ry"), and a known
        word is worth looking up however far down it comes. Of a few known words
        (`Matcher.compare`: the other name's), each is weighed; of more, those among the
        word's `reach` likeliest spellings and those `sounding` like its `sounded` likeliest
        (by default `count`; the registry's words of the same sound key: "rori" finds
        "lowry", "whibli" finds "whibley")."""
        beam: list[tuple[float, str]] = [(0.0, "")]
        for units in words:
            ranked = self._ranked(units, reach)
            if not ranked:
                return []
            if len(known) <= reach:
                pool = set(known)
            else:
                pool = {w for _, w in ranked if w in known}
                if sounding is not None:
                    heard = ranked[: sounded or count]
                    pool.update(x for w in dict.fromkeys(w for _, w in heard) for x in sounding(w))
            weighed = sorted((-self.support(units, w), w) for w in pool if w.isalpha())
            spelt = [c for c in weighed if c[0] < 0] or ranked[:1]
            grown = [(c + d, f"{a} {b}".strip()) for c, a in beam for d, b in spelt]
            beam = heapq.nsmallest(count, grown)
        return list(dict.fromkeys(spelt for _, spelt in beam))

    def _ranked(self, syllables: Sequence[str], count: int) -> tuple[tuple[float, str], ...]:
        return self._ranked_of(tuple(syllables), count)

    @lru_cache(maxsize=CACHE_ENTRIES)  # noqa: B019 - a model lives as long as its table
    def _ranked_of(self, syllables: tuple[str, ...], count: int) -> tuple[tuple[float, str], ...]:
        beam: list[tuple[float, str]] = [(0.0, "")]
        for syllable in syllables:
            runs = self._costs.get(syllable, [])[: min(count, _RUNS)]
            if not runs:
                return ()
            beam = _cheapest_grown(beam, runs, count)
        return tuple((cost, spelt) for cost, spelt in beam if spelt)

    def _likelihood(self, syllables: Sequence[str], latin: str) -> float:
        length, skip = len(latin), self.skip
        # Each position's runs of 0-5 letters, cut once for every unit.
        pieces = [[(k, latin[j : j + k]) for k in range(min(LONGEST, length - j) + 1)]
                  for j in range(length + 1)]  # fmt: skip
        row = [0.0] * (length + 1)
        row[0] = 1.0
        for syllable in syllables:
            written = self.spellings.get(syllable)
            if not written:
                return 0.0
            following = [0.0] * (length + 1)
            first = 0 if "" in written else 1  # a unit the Latin name does not write
            for j, p in enumerate(row):
                if p:
                    for k, piece in pieces[j][first:]:
                        q = written.get(piece)
                        if q:
                            following[j + k] += p * q
            for j in range(length):  # a letter the other script did not write
                if following[j]:
                    following[j + 1] += following[j] * skip
            row = following
        return row[length]

    def _letters(self, latin: str) -> float:
        padded = f"^{latin}$"
        return sum(math.log(self.letters.get(a, {}).get(b, _UNSEEN)) for a, b in pairwise(padded))


def _cheapest_grown(
    beam: list[tuple[float, str]], runs: list[tuple[float, str]], count: int
) -> list[tuple[float, str]]:
    """The `count` cheapest of the beam's spellings each grown by one of the runs, cheapest
    first. Both are sorted by cost, so a pair is never cheaper than the pairs before it in
    either: the cheapest are found walking out from the first pair (a heap of the frontier)
    rather than by making every pair (a beam of 200 by 24 runs is 4,800 strings a unit)."""
    heap = [(beam[0][0] + runs[0][0], beam[0][1] + runs[0][1], 0, 0)]
    seen = {(0, 0)}
    out: list[tuple[float, str]] = []
    while heap and (len(out) < count or heap[0][0] == out[-1][0]):  # ties: all, then by name
        cost, spelt, i, j = heapq.heappop(heap)
        out.append((cost, spelt))
        for a, b in ((i + 1, j), (i, j + 1)):
            if a < len(beam) and b < len(runs) and (a, b) not in seen:
                seen.add((a, b))
                heapq.heappush(heap, (beam[a][0] + runs[b][0], beam[a][1] + runs[b][1], a, b))
    return sorted(out)[:count]


def each_its_own(supported: Sequence[Sequence[int]]) -> bool:
    """Whether each word can be given a listed word of its own among those it supports (a
    matching, grown by augmenting paths: trying every order of six words is 720 orders)."""
    owner: dict[int, int] = {}

    def place(word: int, tried: set[int]) -> bool:
        for j in supported[word]:
            if j not in tried:
                tried.add(j)
                if j not in owner or place(owner[j], tried):
                    owner[j] = word
                    return True
        return False

    return all(place(word, set()) for word in range(len(supported)))


@dataclass(frozen=True, eq=False)
class Heard:
    """The words' syllables a form of a query was spelt from (`Variant.heard`). A hit
    through it counts on a name each of whose words the syllables support at least `floor`
    (`SpellingModel.support`): a query of one word on a name of one word, or of more on a
    name with a word of its own for each of them; a query of one word counts on a name of
    more words too when not `alone` (a long foreign name, scored by its spelling). A gate of
    a name of more words (`some`) asks less: one of its words, or two run together, supports
    one of the listed name's."""

    words: tuple[tuple[str, ...], ...]
    model: SpellingModel
    floor: float
    alone: bool = True
    persons: bool = False  # asked of persons' names only (`Variant.admits`)
    some: bool = False  # a gate of a name of more words: one word supporting one is enough

    def admits(self, tokens: tuple[str, ...]) -> bool:
        if self.persons and not any("a" <= c <= "z" for t in tokens for c in t):
            return True  # a name written in another script is not the model's to weigh
        if self.some:
            return any(self._supports(w, t) for w in self._some_words for t in tokens)
        if len(self.words) == 1 and len(tokens) != 1:
            return not self.alone
        if len(self.words) == 1:
            return self._supports(self.words[0], tokens[0])
        if len(tokens) < len(self.words) or len(tokens) > _MOST_WORDS:
            return False
        supported = [[j for j, t in enumerate(tokens) if self._supports(w, t)] for w in self.words]
        return each_its_own(supported)

    @cached_property
    def _some_words(self) -> tuple[tuple[str, ...], ...]:
        """A gate's words, and each two run together as a listed name may write them
        (WALIJAN): made once, asked of every candidate name."""
        joined = (a + b for a, b in pairwise(self.words))
        return (*self.words, *joined)

    def _supports(self, syllables: tuple[str, ...], word: str) -> bool:
        letters = "".join(c for c in word if "a" <= c <= "z")
        return bool(letters) and self.model.support(syllables, letters) >= self.floor


_KANA_TAIL = frozenset("ァィゥェォャュョヮー")  # written small, or long: part of the mora before


def kana_units(word: str) -> tuple[str, ...]:
    """A katakana word's morae, the units Japanese writes a foreign name's sounds with: a
    kana with the small vowels and the long mark after it (シェ, ヴィー); ッ and ン alone.
    None of a word with anything but katakana."""
    out: list[str] = []
    for ch in word:
        if not "\u30a1" <= ch <= "\u30fc":
            return ()
        if ch in _KANA_TAIL and out and out[-1] not in ("ッ", "ン"):
            out[-1] += ch
        else:
            out.append(ch)
    return tuple(out)


def letter_units(
    word: str,
    letter: Callable[[str], bool],
    attached: Collection[str] = (),
    ignored: Collection[str] = (),
) -> tuple[str, ...]:
    """An alphabet's word as its letters, the units Russian, Arabic and Hebrew write a name's
    sounds with: a sign `attached` to the letter before it is one unit with it (Cyrillic's
    soft sign: ль; Hebrew's geresh: ג׳), a mark `ignored` is left out (Arabic's and Hebrew's
    vowel points, which names seldom carry). None of a word with anything else, or starting
    with a sign."""
    out: list[str] = []
    for ch in word:
        if ch in ignored:
            continue
        if ch in attached:
            if not out or out[-1][-1] in attached:
                return ()
            out[-1] += ch
        elif letter(ch):
            out.append(ch)
        else:
            return ()
    return tuple(out)


def _cyrillic(ch: str) -> bool:
    return ("\u0430" <= ch <= "\u045f" or "\u0460" <= ch <= "\u04ff") and ch.isalpha()


def _arabic(ch: str) -> bool:  # Arabic's letters and Persian's and Urdu's added ones
    return ("\u0620" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3") and ch.isalpha()


def _hebrew(ch: str) -> bool:
    return "\u05d0" <= ch <= "\u05ea"


_ARABIC_MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, 0x0640))
_HEBREW_POINTS = frozenset(chr(c) for c in range(0x05B0, 0x05C8))


def cyrillic_units(word: str) -> tuple[str, ...]:
    """A lower-case Cyrillic word's letters, a letter with the soft or hard sign after it one
    unit (ль, дь)."""
    return letter_units(word, _cyrillic, "ьъ")


# Persian's and Urdu's letters as the Arabic letters Arabic writes their sounds with (ب for
# "p", غ for "g"), which the model learned from many more names.
_ARABIC_AS = str.maketrans("یکہھەپچژگڤ", "يكهههبجزغف")


def arabic_units(word: str) -> tuple[str, ...]:
    """An Arabic word's letters, its vowel marks and tatweel left out, Persian's and Urdu's
    letters read as Arabic's."""
    return letter_units(word.translate(_ARABIC_AS), _arabic, (), _ARABIC_MARKS)


def hebrew_units(word: str) -> tuple[str, ...]:
    """A Hebrew word's letters, a letter with its geresh one unit (ג׳ for "j"), its points
    left out."""
    return letter_units(word, _hebrew, GERESH_MARK, _HEBREW_POINTS)
