"""A listed Chinese person's name written in Chinese characters inside Han free text:
"付款给李方伟 发票4471" for a person listed `LI, Fangwei`. Han text is read one character
at a time (normalize.py), so a Latin-listed person's name was never among its phrases and
such a text was CLEAR, though the same characters as the payee were a hit (pinyin.py).

A person's name whose words are all pinyin (`split_pinyin`) and make three or four
syllables is kept by its syllables, surname first (as written, spoken and surname first,
`misspelt_persons.name_orders`). A Han run of the text is read once
(pypinyin), and each window of three or four characters that starts with a frequent
Chinese surname (`han_surnames`, `han_compound_surnames`) is looked up by its syllables.
What it finds counts only if the window, matched as a payee's name, reaches REVIEW on that
person (freetext.py). A name of two syllables is not looked for: two characters of
ordinary text that start with a surname read as one too often (何以, "why", is `HE, Yi`).
The characters are not known from a Latin name, so a hit is a REVIEW at most
(`sounded`).

A foreign person's name in Chinese is written with a middle dot between its words
("付款给谢尔盖·绍伊古", Sergey Shoigu); the text's words before and after it are glued to
it, as Han text writes no spaces. The words between the dots are the name's (or left out: a
Russian's patronymic); of the first and last, their last and first characters (at most
`_GLUED_MOST`) are tried, longest first, and the first that, matched as a payee's name, reaches
`free_text_sounded_person_score` on a listed person is a hit on that person, as another
script's words read as a person's name are (freetext.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice

import regex

from .entries import NameEntry, NameMatch
from .misspelt_persons import name_orders
from .pinyin import HAN_CLASS, HAN_WORD, pinyin_syllables, read_han, split_pinyin

# The syllables of a Chinese person's name looked for: a surname of one or two and a given
# name of one or two. Two are too few (above).
_FEWEST, _MOST = 3, 4
# Han words joined by a middle dot (U+00B7, the katakana one, and others typed for it).
_DOTTED = regex.compile(f"[{HAN_CLASS}]+(?:[·・•‧∙⋅][{HAN_CLASS}]+)+")
_DOTS = regex.compile("[·・•‧∙⋅]")
# The most characters of the text's first and last dotted word tried as the name's: a
# foreign name's word in Chinese has one to five (弗拉基米尔, Vladimir).
_GLUED_MOST = 5
# The most names with middle dots read in one text, and the most words of one: each is up
# to fifty names matched ("李·李 李·李 …" in a hostile 4 KB text would be thousands).
_DOTTED_MOST = 8
_DOTTED_WORDS = 4


def pinyin_table(entries: Sequence[NameEntry], searched: Sequence[int]) -> dict[str, list[int]]:
    """The `searched` Latin persons' names of three or four pinyin syllables (indexes), by
    their syllables apart by spaces, in each order of the name's words."""
    syllables = pinyin_syllables()
    table: dict[str, list[int]] = defaultdict(list)
    for i in searched:
        entry = entries[i]
        if not entry.person or not entry.compact.isascii() or len(entry.tokens) < 2:
            continue
        for order in name_orders(entry):
            split = [split_pinyin(word, syllables) for word in order]
            read = [s for parts in split if parts for s in parts]
            if all(split) and _FEWEST <= len(read) <= _MOST:
                key = " ".join(read)
                if i not in table[key]:
                    table[key].append(i)
    return dict(table)


class HanTextPersons:
    """Windows of Han text that read as a listed person's name (`pinyin_table`)."""

    def __init__(
        self,
        table: Mapping[str, Sequence[int]],
        entries: Sequence[NameEntry],
        surnames: str | Sequence[str],
        compound_surnames: Sequence[str],
        match: Callable[[str], Sequence[NameMatch]],
        least: float,
    ) -> None:
        self.table, self.entries, self.match, self.least = table, entries, match, least
        self.surnames = frozenset(surnames)
        self.compound = frozenset(compound_surnames)

    def windows(self, text: str) -> Iterator[tuple[NameEntry, str]]:
        """(entry, window) of each window of the text's Han runs that starts with a surname
        and reads as a listed name's syllables; to be confirmed by scoring."""
        if not self.table:
            return
        for run in HAN_WORD.finditer(text):
            chars = run.group()
            if len(chars) < _FEWEST:
                continue
            read = read_han(chars)
            if len(read) != len(chars):  # a character pypinyin reads as more than one
                read = [read_han(c)[0] for c in chars]
            for i in range(len(chars) - _FEWEST + 1):
                if chars[i : i + 2] not in self.compound and chars[i] not in self.surnames:
                    continue
                for n in range(_MOST, _FEWEST - 1, -1):
                    if i + n <= len(chars):
                        for k in self.table.get(" ".join(read[i : i + n]), ()):
                            yield self.entries[k], chars[i : i + n]

    def dotted(self, text: str) -> Iterator[tuple[NameEntry, str]]:
        """(entry, span) of each name written with middle dots that meets a listed person
        (the module's docstring)."""
        for found in islice(_DOTTED.finditer(text), _DOTTED_MOST):
            words = _DOTS.split(found.group())
            if len(words) > _DOTTED_WORDS:
                continue
            first, last, inner = words[0], words[-1], "·".join(words[1:-1])
            spans = sorted(
                (
                    "·".join(w for w in (first[-a:], middle, last[:b]) if w)
                    for middle in dict.fromkeys((inner, ""))  # without a patronymic too
                    for a in range(1, min(_GLUED_MOST, len(first)) + 1)
                    for b in range(1, min(_GLUED_MOST, len(last)) + 1)
                ),
                key=len,
                reverse=True,
            )
            for span in spans:
                said = [m for m in self.match(span) if m.entry.person and m.score >= self.least]
                if said:
                    yield from ((m.entry, span) for m in said)
                    break
