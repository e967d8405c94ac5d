"""Consonants a script writes with letters of their own, which sound keys hear as one class
(sound.py): a word of Arabic or Hebrew letters and the word it aligns with must write them
alike (across.py). An alphabet's organisation words are held to the "l" and "r" too, and
katakana's to their labials."""

from __future__ import annotations

import re
from collections.abc import Container

from .sound import KEPT_APART

_DOUBLED = re.compile(r"(.)\1+")
# Each labial letter of an abjad's romanised word and the Latin letters it may be written
# with: Arabic's ب is "b" or "p" (Arabic has no "p"), ف "f" or "v"; Hebrew's ב "b" or "v",
# פ "p" or "f"; Persian's پ "p". A Latin "v" the abjad wrote with its "w" (و, ו) is not
# one of its labials.
_LABIALS = {"b": "[bpv]", "f": "[fv]", "p": "[pf]"}
# The same for katakana, romanised: バ "b" is "b" or "v", ヴ "v" is "v", "b" or "w", パ "p" is
# "p", and フ "f" is "f", "v" (a Russian name's final -v: バキエフ, Bakiev) or "h" (フーゴ, Hugo),
# which is no labial.
_KANA_LABIALS = {"b": "[bv]", "v": "[vbw]", "p": "p", "f": "[fv]?"}


def written_alike(abjad_word: str, word: str) -> bool:
    """Whether a word is an abjad's romanised word as ICU writes it, its letters kept apart
    (text.romanise) joined again: "ghyts" is "ghytts" letter for letter."""
    return KEPT_APART.sub(r"\1", abjad_word) == word


def letters_agree(abjad_word: str, word: str) -> bool:
    """Whether an abjad's romanised word and another word write their "l"s and "r"s and their
    labials alike (`liquids_agree`, `labials_agree`)."""
    return liquids_agree(abjad_word, word) and labials_agree(abjad_word, word)


def liquids_agree(abjad_word: str, word: str) -> bool:
    """Whether the two write "l" and "r" in the same order, the abjad's word allowed an "l"
    more (its article's, said as the next letter: "alrhman", الرحمان, Azizirahman). Keys hear
    both as one class, as Japanese and Korean do; Arabic and Hebrew write each with a letter
    of its own, kept apart both ways: "lym" (ليم, Lim) is no Romo, "gry" (גארי, Gary) no
    Kryllo."""
    a = _DOUBLED.sub(r"\1", "".join(ch for ch in abjad_word if ch in "lr"))
    b = _DOUBLED.sub(r"\1", "".join(ch for ch in word if ch in "lr"))
    return a == b or (len(a) > len(b) and re.fullmatch("l*" + "l*".join(b) + "l*", a) is not None)


def labials_agree(abjad_word: str, word: str) -> bool:
    """Whether each labial the abjad's word writes stands, in order, for one the other word
    writes (`_LABIALS`), and the other writes no labial more but a "v": "bwys" (بويس, Boyce)
    is no Fathi, "pwrtws" (פורטוס, Portos) no Vargas; "bwbathy" (بوباثي) is Bhupathi."""
    a, b = _written(abjad_word, _LABIALS), _written(word.replace("ph", "f"), "bpfv")
    if not a or not b:
        return True
    return re.fullmatch("v*" + "v*".join(_LABIALS[ch] for ch in a) + "v*", b) is not None


def kana_labials_agree(kana_word: str, word: str) -> bool:
    """Whether each labial a romanised katakana word writes stands, in order, for one the
    other word writes (`_KANA_LABIALS`), and the other writes no labial more: "firusu"
    (フィルス) is no Barus, "baridoni" (バリドニ) no Fortune."""
    a, b = _written(kana_word, _KANA_LABIALS), _written(word.replace("ph", "f"), "bpfv")
    return re.fullmatch("".join(_KANA_LABIALS[ch] for ch in a), b) is not None


def _written(word: str, letters: Container[str]) -> str:
    """The `letters` a word writes, in order, a letter written twice as one."""
    return "".join(ch for ch in _DOUBLED.sub(r"\1", word) if ch in letters)
