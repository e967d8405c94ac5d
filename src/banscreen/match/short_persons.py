"""A listed person's name in free text without its middle names: "Consulting fee on behalf of
Alyaksandr Lukashenka" for a person listed `LUKASHENKA, Alyaksandr Hryhoryavich`. Text was
searched for a person's whole name only (as written or in spoken order), so a payment's
text naming the person as payments do, first given name and surname, was CLEAR, though
the same words as the payee were a hit.

A name's short phrases are its first given name with its surname, in either order; the
surname is what a list writes before the comma (`NameForm.inverted`), else the last word.
A phrase is found as a whole name is (whole words, no part of another listed person's
name beside it), and counts only if the phrase, matched as a payee's name, reaches REVIEW
on that person: the name's own rules (how rare its words are, how much of it is left out)
decide, so a short phrase of common words ("Mohammed Ali" of a longer listed name) is no
hit in text when it would be none as the payee. A REVIEW at most (freetext.TextHit)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from .entries import NameEntry
from .korean import KoreanNames
from .pinyin import all_pinyin, pinyin_syllables

# Whether a Latin person's name is one whose given name's words are the syllables of one
# name (`EastAsian`).
OneGiven = Callable[[tuple[str, ...]], bool]


class EastAsian:
    """Whether a Latin person's name is Chinese (every word pinyin) or Korean (a Korean
    surname and a given name of one to three syllables: `KoreanNames.reads_korean`). Such a
    given name's syllables, written apart or hyphened ("KIM, Jung Jong", "KIM, Il-Nam",
    "CHEN, Bing Shen"), are one name: its first syllable with the surname ("Kim Jung",
    "Bing Chen") is another person's name ("Payment to Kim Se-jung" met KIM, Jung Jong)."""

    def __init__(self, korean: KoreanNames) -> None:
        self.korean = korean

    def __call__(self, tokens: tuple[str, ...]) -> bool:
        return all_pinyin(tokens) or self.korean.reads_korean(tokens)

    def syllable(self, word: str) -> bool:
        """Whether a word may be a syllable of such a given name: pinyin's, or Korean's."""
        return word in pinyin_syllables() or self.korean.spells_given(word)


def short_phrases(
    entry: NameEntry, one_given: OneGiven | None = None
) -> tuple[tuple[str, ...], ...]:
    """Given-first and surname-first short phrases of a listed person's name of two given
    words or more; none for an organisation's or a shorter name, nor for a name whose
    given words are one name's syllables (`one_given`, `EastAsian`)."""
    if not entry.person or (one_given is not None and one_given(entry.tokens)):
        return ()
    tokens, surnames = entry.tokens, entry.form.inverted
    surname, given = (
        (tokens[:surnames], tokens[surnames:]) if surnames else (tokens[-1:], tokens[:-1])
    )
    if len(given) < 2 or not surname:
        return ()
    return ((given[0], *surname), (*surname, given[0]))


def short_table(
    entries: Sequence[NameEntry], searched: Sequence[int], one_given: OneGiven | None = None
) -> dict[str, list[int]]:
    """The `searched` entries (indexes) with short phrases, by each phrase's first word."""
    table: dict[str, list[int]] = defaultdict(list)
    for i in searched:
        for phrase in short_phrases(entries[i], one_given):
            if i not in table[phrase[0]]:
                table[phrase[0]].append(i)
    return dict(table)


def short_hits(
    tokens: tuple[str, ...],
    table: Mapping[str, Sequence[int]],
    entries: Sequence[NameEntry],
    beside_another: Callable[[tuple[str, ...], int, int], bool],
) -> list[tuple[NameEntry, tuple[str, ...]]]:
    """(entry, phrase) of each short phrase in the text's tokens with no part of another
    listed person's name beside it (`beside_another(tokens, start, end)`); to be confirmed
    by scoring."""
    found: list[tuple[NameEntry, tuple[str, ...]]] = []
    for i, token in enumerate(tokens):
        for k in table.get(token, ()):
            entry = entries[k]
            for phrase in short_phrases(entry):
                end = i + len(phrase)
                if tokens[i:end] == phrase and not beside_another(tokens, i, end):
                    found.append((entry, phrase))
    return found
