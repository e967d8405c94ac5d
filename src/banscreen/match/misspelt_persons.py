"""A listed person's name misspelt in Latin free text: "Transfer to Sergei Shoygu via Western
Union" for a person listed `SHOIGU, Sergei Kuzhugetovich`. Text was searched for a person's
name only as written (whole, or without its middle names: short_persons.py), so a text
naming the person with one letter otherwise was CLEAR, though the same words as the payee
were a hit.

A person's phrases are the short ones and the whole name of two to four words, as written,
in spoken order and surname first. A phrase is looked at where one of its words stands in
the text as it is (the anchor) and each of the text's words beside it, in the phrase's
places, is spelt like the phrase's (`floor`, an edit similarity) or sounds like it (its
sound key, sound.py, is the word's: "SHOIGU Sergey" for "Sergei Shoigu"): a prefilter,
cheap enough for every row of a batch. A sound-alike anchor was tried and dropped: common
words share a key with too many names' words, and text was scanned twelve times as slowly.
What the prefilter lets through counts only if those words, matched as a payee's name,
reach REVIEW on that person with every word of them read as one of the name's
(freetext.py), and no part of another listed person's name stands beside them: the name's
own rules decide, as for the payee. A REVIEW at most (freetext.TextHit)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Mapping, Sequence

from rapidfuzz.distance import OSA

from ..registry.matching import MatchingConfig
from .entries import NameEntry
from .short_persons import short_phrases

# The most words of a person's whole name looked for misspelt in text.
_MOST_WORDS = 4
# A word must be this long to be taken as a misspelling of a name's word: shorter words are
# spelt alike by chance.
_MIN_CHARS = 4


def person_phrases(entry: NameEntry, particles: Container[str]) -> tuple[tuple[str, ...], ...]:
    """A Latin person's name's phrases: its short ones, and the whole name as written,
    spoken and surname first when it has two to four words; each also without its
    particles ("Ayman Zawahiri" for `AL-ZAWAHIRI, Ayman`) when two words are left; none
    for another name."""
    if not entry.person or not entry.compact.isascii():
        return ()
    phrases = list(short_phrases(entry))
    tokens = entry.tokens
    if 2 <= len(tokens) <= _MOST_WORDS:
        # written, spoken, and surname first where the list wrote no comma ("Raul Castro")
        last_first = tokens if entry.form.inverted else tokens[-1:] + tokens[:-1]
        phrases += [tokens, entry.form.spoken, last_first]
    bare = [tuple(w for w in phrase if w not in particles) for phrase in phrases]
    return tuple(dict.fromkeys([*phrases, *(b for b in bare if len(b) >= 2)]))


def word_table(
    entries: Sequence[NameEntry], searched: Sequence[int], particles: Container[str]
) -> dict[str, list[int]]:
    """The `searched` entries (indexes) with phrases, by each word of their phrases."""
    table: dict[str, list[int]] = defaultdict(list)
    for i in searched:
        for word in {w for phrase in person_phrases(entries[i], particles) for w in phrase}:
            table[word].append(i)
    return dict(table)


class MisspeltPersons:
    """Phrases of persons' names in text with their words spelt otherwise, by the words'
    table (`word_table`); each name's phrases made once, when a text first meets it."""

    def __init__(
        self,
        table: Mapping[str, Sequence[int]],
        entries: Sequence[NameEntry],
        config: MatchingConfig,
        key: Callable[[str], str],
    ) -> None:
        self.table, self.entries, self.key = table, entries, key
        self.floor = config.token_similarity
        self.particles = frozenset(config.name_particles)
        self._phrases: dict[int, tuple[tuple[str, ...], ...]] = {}

    def phrases(self, k: int) -> tuple[tuple[str, ...], ...]:
        found = self._phrases.get(k)
        if found is None:
            found = self._phrases[k] = person_phrases(self.entries[k], self.particles)
        return found

    def hits(
        self, tokens: tuple[str, ...], beside_another: Callable[[tuple[str, ...], int, int], bool]
    ) -> list[tuple[NameEntry, tuple[str, ...]]]:
        """(entry, words of the text) of each phrase in the text, its words spelt or
        sounding like the phrase's around one written as it is, with no part of another
        listed person's name beside it; to be confirmed by scoring."""
        found: dict[tuple[int, tuple[str, ...]], tuple[NameEntry, tuple[str, ...]]] = {}
        for i, token in enumerate(tokens):
            for k in self.table.get(token, ()):
                for phrase in self.phrases(k):
                    for j in (j for j, word in enumerate(phrase) if word == token):
                        start, end = i - j, i - j + len(phrase)
                        words = tokens[start:end]
                        if start < 0 or end > len(tokens) or (k, words) in found:
                            continue
                        if self._alike(words, phrase) and not beside_another(tokens, start, end):
                            found[(k, words)] = (self.entries[k], words)
        return list(found.values())

    def _alike(self, words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
        """Whether each word is the phrase's, a particle for its particle ("el" for "al"),
        or a word as long as a name's spelt or sounding like it."""
        key, floor, particles = self.key, self.floor, self.particles
        return all(
            a == b
            or (a in particles and b in particles)
            or (
                len(a) >= _MIN_CHARS
                and len(b) >= _MIN_CHARS
                and (OSA.normalized_similarity(a, b) >= floor or key(a) == key(b) != "")
            )
            for a, b in zip(words, phrase, strict=True)
        )
