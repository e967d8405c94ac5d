"""Digits written inside a name's words for the letters they look like ("T3nc3nt H0ldings",
"A1ipay", "WeCh4t Pay"), the oldest way to slip a name past a screen: each matched
nothing; and the signs written so ("Quorvel P@y", "Acme$oft"). A word with such a digit
or sign between two letters is also read with it as its letter (a 1 as l and as i); one
at a word's edge is left as it is ("Office365", "4Paradigm", "3rd", "@acmepay", "$20"),
since names, numbers and handles meet there. "|" and "!" are not read: they part a
message's fields and end its words. Read so, a name is a REVIEW at most
(`transliteration_max`): a digit inside a word is part of some names ("Media4U")."""

from __future__ import annotations

import re
from itertools import product

# Letters each digit is written for; a 1 for either of two.
_LETTERS = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"}
_ONES = ("l", "i")
# Runs of those digits and signs with a Latin letter on each side.
_RUN = re.compile(r"(?<=[A-Za-z])[0134578@$]+(?=[A-Za-z])")
# The most 1s read both ways (2 ** 3 readings); beyond, each reading takes one letter.
_ONES_BOTH_WAYS = 3


def digit_readings(text: str) -> list[str]:
    """The text with each run of digits between two letters read as the letters they look
    like, every way its 1s may be read; [] when no word has such a run."""
    runs = list(_RUN.finditer(text))
    if not runs:
        return []
    ones = sum(m.group().count("1") for m in runs)
    choices = (
        product(_ONES, repeat=ones) if ones <= _ONES_BOTH_WAYS else ((o,) * ones for o in _ONES)
    )
    readings: list[str] = []
    for choice in choices:
        letters = iter(choice)
        pieces: list[str] = []
        at = 0
        for m in runs:
            read = "".join(next(letters) if d == "1" else _LETTERS[d] for d in m.group())
            pieces.extend((text[at : m.start()], read))
            at = m.end()
        reading = "".join(pieces) + text[at:]
        if reading not in readings:
            readings.append(reading)
    return readings
