"""A listed person's name misspelt in Latin free text: "Transfer to Sergei Shoygu via Western
Union" for a person listed `SHOIGU, Sergei Kuzhugetovich`. Text was searched for a person's
name only as written (whole, or without its middle names: short_persons.py), so a text
naming the person with one letter otherwise was CLEAR, though the same words as the payee
were a hit. Another script's words are read so too, romanised (freetext.py: "Шойгу С.К.").

A person's phrases are the short ones and the whole name of two to four words, as written,
in spoken order and surname first. A phrase is looked at where one of its words stands in
the text (the anchor): as it is, or as a rare word (`_RARE_ZIPF`) of one of its sound
keys (sound.py, `anchor_keys`) spelt half like it ("Sergey Shoygu" for "Sergei Shoigu",
"Gorbatschow" for Gorbachev); and each of the text's words beside it, in the phrase's
places, is spelt half like the phrase's (`person_spelling_floor`: "Michail", "Šojgu"), or
is the initial ("S. K. Shoigu") of a given name beside a surname rare among the lists'
names (`_INITIALS_MOST`), but never a word that addresses a payment or labels a field
("attn"). A prefilter, cheap enough for every row of a batch: an anchor of any word by its
sound key alone scanned text twelve times as slowly, common words sharing a key with many
names' words. What it lets through counts only if those words,
matched as a payee's name, reach REVIEW on that person with every word of them read as
one of the name's (freetext.py), and no part of another listed person's name stands
beside them: the name's own rules decide, as for the payee. A REVIEW at most
(freetext.TextHit)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Mapping, Sequence

from rapidfuzz.distance import OSA

from ..registry.matching import MatchingConfig
from .common_words import zipf
from .entries import NameEntry, NameMatch
from .short_persons import EastAsian, OneGiven, short_phrases

# The most words of a person's whole name looked for misspelt in text.
_MOST_WORDS = 4
# A word must be this long to be taken as a misspelling of a name's word: shorter words are
# spelt alike by chance.
_MIN_CHARS = 4
# A word of text found by its sound key alone (no word of the phrase written as it is) must
# be this long and this rare in English (Zipf): common words share a key with too many
# names' words.
_RARE_CHARS = 5
_RARE_ZIPF = 2.0
# The other words may be initials ("S. K. Shoigu") where the anchor is a word as long as a
# name's (`_MIN_CHARS`: "to" of "PAK, To-Chun" met "to P. Smith") and of at most this many
# listed persons' phrases: a common one ("Mohammed A.") with an initial would send a
# hundred of them to be scored.
_INITIALS_MOST = 8
# A sound key this long at least finds a rare word's listed words: shorter ones are shared
# by too many.
_KEY_CLASSES = 3
# A word of text beside a Korean or Chinese name that may be a syllable of its given name:
# this long at most, rarer in English than this (Zipf: "min" is 4.4, "young" 5.2), and
# spelling such a syllable (`EastAsian.syllable`).
_SYLLABLE_CHARS = 6
_SYLLABLE_ZIPF = 5.0


def person_phrases(
    entry: NameEntry, particles: Container[str], one_given: OneGiven | None = None
) -> tuple[tuple[str, ...], ...]:
    """A Latin person's name's phrases: its short ones, and the whole name as written,
    spoken and surname first when it has two to four words; each also without its
    particles ("Ayman Zawahiri" for `AL-ZAWAHIRI, Ayman`) when two words are left; none
    for another name."""
    if not entry.person or not entry.compact.isascii():
        return ()
    phrases = list(short_phrases(entry, one_given))
    if 2 <= len(entry.tokens) <= _MOST_WORDS:
        phrases += name_orders(entry)
    bare = [tuple(w for w in phrase if w not in particles) for phrase in phrases]
    return tuple(dict.fromkeys([*phrases, *(b for b in bare if len(b) >= 2)]))


def name_orders(entry: NameEntry) -> tuple[tuple[str, ...], ...]:
    """A name's words as written, spoken, and surname first where the list wrote no comma
    ("CASTRO Raul" for "Raul Castro")."""
    tokens = entry.tokens
    last_first = tokens if entry.form.inverted else tokens[-1:] + tokens[:-1]
    return tuple(dict.fromkeys((tokens, entry.form.spoken, last_first)))


def word_tables(
    entries: Sequence[NameEntry],
    searched: Sequence[int],
    config: MatchingConfig,
    key: Callable[[str], str],
    keys: Callable[[str], tuple[str, ...]],
    one_given: OneGiven | None = None,
) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    """The `searched` entries (indexes) with phrases, by each word of their phrases; and
    those words as long as a rare word must be (`_RARE_CHARS`), by their sound keys
    (`anchor_keys`)."""
    particles = frozenset(config.name_particles)
    table: dict[str, list[int]] = defaultdict(list)
    sounds: dict[str, set[str]] = defaultdict(set)
    for i in searched:
        for word in {
            w for phrase in person_phrases(entries[i], particles, one_given) for w in phrase
        }:
            table[word].append(i)
            if len(word) >= _RARE_CHARS:
                for sound in anchor_keys(word, key, keys):
                    sounds[sound].add(word)
    return dict(table), {sound: sorted(words) for sound, words in sounds.items()}


def anchor_keys(
    word: str, key: Callable[[str], str], keys: Callable[[str], tuple[str, ...]]
) -> tuple[str, ...]:
    """A word's sound key, and its other keys (`SoundKeys.slavic_keys`: a Russian name's
    sounds as other languages write them, "Gorbatschow", "Gorbaczow") of `_KEY_CLASSES`
    or more."""
    first = key(word)
    more = (k for k in keys(word) if len(k) >= _KEY_CLASSES and k != first)
    return tuple(dict.fromkeys((first, *more) if first else more))


class MisspeltPersons:
    """Phrases of persons' names in text with their words spelt otherwise, by the words'
    tables (`word_tables`); each name's phrases made once, when a text first meets it."""

    def __init__(
        self,
        tables: tuple[Mapping[str, Sequence[int]], Mapping[str, Sequence[str]]],
        entries: Sequence[NameEntry],
        config: MatchingConfig,
        key: Callable[[str], str],
        keys: Callable[[str], tuple[str, ...]],
        one_given: EastAsian | None = None,
    ) -> None:
        (self.table, self.sounds), self.entries, self.key, self.keys = tables, entries, key, keys
        self.one_given = one_given  # no short phrases for these names (short_persons.py)
        self.sounded = config.person_spelling_floor  # sounding alike, spelt this much alike
        self.particles = frozenset(config.name_particles)
        # the words that address a payment or label a field ("attn", "to", "ben"): beside a
        # name, never one of its words spelt otherwise ("attn Muhadow" met ADAN, Mahad)
        said = (*config.payee_lead_words, *config.payee_trail_words, *config.field_labels)
        self.addressing = frozenset(w.casefold() for w in said)
        self._phrases: dict[int, tuple[tuple[str, ...], ...]] = {}

    def phrases(self, k: int) -> tuple[tuple[str, ...], ...]:
        found = self._phrases.get(k)
        if found is None:
            entry = self.entries[k]
            found = self._phrases[k] = person_phrases(entry, self.particles, self.one_given)
        return found

    def surname(self, k: int) -> tuple[str, ...]:
        """The words of a listed person's surname: what the list writes before the comma,
        else the last word."""
        entry = self.entries[k]
        return entry.tokens[: entry.form.inverted] or entry.tokens[-1:]

    def hits(
        self, tokens: tuple[str, ...], beside: Callable[[tuple[str, ...], int, int], bool]
    ) -> list[tuple[NameEntry, int, tuple[str, ...]]]:
        """(entry, where, words of the text) of each phrase in the text, its words spelt or
        sounding like the phrase's around one written as it is or a rare word sounding as
        it does, with no part of another listed person's name beside it; to be confirmed
        by scoring. Initials stand for given names beside a surname only ("Shoigu S. K.",
        not "Sergei S.")."""
        found: dict[tuple[int, tuple[str, ...]], tuple[NameEntry, int, tuple[str, ...]]] = {}
        for i, token in enumerate(tokens):
            sounding = (w for k in self._rare_keys(token) for w in self.sounds.get(k, ()))
            anchors = [token, *(w for w in sounding if self._spelt_near(token, w))]
            for anchor in dict.fromkeys(anchors):
                ids = self.table.get(anchor, ())
                rare = len(anchor) >= _MIN_CHARS and len(ids) <= _INITIALS_MOST
                for k in ids:
                    surname = self.surname(k) if rare else None
                    surname = surname if surname and anchor in surname else None
                    for phrase in self.phrases(k):
                        for j in (j for j, word in enumerate(phrase) if word == anchor):
                            start, end = i - j, i - j + len(phrase)
                            words = tokens[start:end]
                            if start < 0 or end > len(tokens) or (k, words) in found:
                                continue
                            if (
                                self._alike(words, phrase, surname)
                                and not beside(tokens, start, end)
                                and not self._syllable_beside(k, tokens, start, end)
                            ):
                                found[(k, words)] = (self.entries[k], start, words)
        return list(found.values())

    def _syllable_beside(self, k: int, tokens: tuple[str, ...], start: int, end: int) -> bool:
        """Whether a Korean or Chinese name's words (`one_given`) have a rare short word
        right beside them, the rest of a given name of syllables ("Kim Chul soo", `KIM,
        Chol`, as the payee field would not find): another person's name."""
        if self.one_given is None or not self.one_given(self.entries[k].tokens):
            return False
        near = (tokens[start - 1] if start > 0 else "", tokens[end] if end < len(tokens) else "")
        return any(
            w.isalpha() and len(w) <= _SYLLABLE_CHARS and w not in self.addressing
            and zipf(w) < _SYLLABLE_ZIPF and self.one_given.syllable(w)
            for w in near
        )  # fmt: skip

    def _rare_keys(self, token: str) -> tuple[str, ...]:
        """The sound keys of a rare word long enough to stand for a name's word of such a
        key ("shoygu" for "shoigu"); none for another word."""
        if len(token) < _RARE_CHARS or not token.isalpha() or zipf(token) >= _RARE_ZIPF:
            return ()
        return anchor_keys(token, self.key, self.keys)

    def _spelt_near(self, a: str, b: str) -> bool:
        return OSA.normalized_similarity(a, b) >= self.sounded

    def _alike(
        self, words: tuple[str, ...], phrase: tuple[str, ...], surname: tuple[str, ...] | None
    ) -> bool:
        """Whether each word is the phrase's, a particle for its particle ("el" for "al"),
        a word as long as a name's spelt or sounding like it, or, given a `surname` (None:
        no initials), the initial of a word not of it ("s" for "sergei"); never a word that
        addresses a payment or labels a field (`addressing`) but as itself."""
        return all(
            a == b or (a not in self.addressing and self._alike_word(a, b, surname))
            for a, b in zip(words, phrase, strict=True)
        )

    def _alike_word(self, a: str, b: str, surname: tuple[str, ...] | None) -> bool:
        """`_alike` of one word of text and one of the phrase, not written alike."""
        if a in self.particles and b in self.particles:
            return True
        if surname is not None and len(a) == 1:
            return b[:1] == a and b not in surname
        if min(len(a), len(b)) < _MIN_CHARS:
            return False
        # Spelt half alike (`person_spelling_floor`) beside a word of the phrase that is
        # in the text (the anchor): as another language writes it ("Michail", "Šojgu",
        # "Choïgou" for Mikhail, Shoigu); scoring decides, as for the payee.
        return OSA.normalized_similarity(a, b) >= self.sounded


def every_word(match: NameMatch, words: int) -> bool:
    """Whether each of a query's `words` is read as one of the name's (an exact match
    aligns no pairs: every word is the name's)."""
    aligned = {a for a, _ in match.alignment.positions}
    return not aligned or aligned == set(range(words))
