"""Two names in different scripts compared as they are spelt and written whole (across.py):
a Latin acronym said letter by letter, the names' numbers, their spelling as wholes."""

from __future__ import annotations

from rapidfuzz.distance import OSA

from .similarity import PairSimilarity

_VOWELS = frozenset("aeiouy")


def letters_said(other: PairSimilarity, latin_first: bool, a: str, b: str, spelled: float) -> float:
    """`other`, but a Latin word with no vowel (`GLBC`, `NSPK`: an acronym, said letter by
    letter) is met by no word of another script that writes its vowels by sound: `человек`
    ("chelovek", a person) met GLBC by its consonants' keys. Its letters' names still spell
    it (letter_names.py). An abjad's word is as vowelless as a Latin one written from it
    ("bbh", בבה), so not there."""
    latin = a if latin_first else b
    if len(latin) > 1 and latin.isalpha() and not _VOWELS.intersection(latin) and a != b:
        return 0.0
    return other(a, b, spelled)


def same_numbers(words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    """Whether two names hold the same digits: a number sounds like nothing, so names
    compared by sound alone must agree on it (`Технологии`, technologies, met
    `TEKHNOLOGIYA 5, OOO`)."""
    return _digits(words_a) == _digits(words_b)


def _digits(words: tuple[str, ...]) -> str:
    return "".join(c for word in words for c in word if c.isdigit())


def spelt_whole(words_a: tuple[str, ...], words_b: tuple[str, ...], floor: float) -> bool:
    """Whether two names are spelt at least `floor` alike as wholes, however their words are
    split. A person's name written as one word against the same in parts (`_romanised`):
    "gimjeongeun", 김정은, and "kimjongun" are 0.64; by the sound of the whole name alone,
    장성호, "jangseongho", met `JON, Yong Sang` (0.45). An organisation's (`_sounds_whole`)."""
    return OSA.normalized_similarity("".join(words_a), "".join(words_b)) >= floor
