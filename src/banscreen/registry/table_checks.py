"""The rules a matching configuration's word tables keep (data/matching.yaml), each checked
when the configuration is read (matching.py, `MatchingConfig.__post_init__`): the tables are
compared with names' folded tokens, so a wrongly written entry would silently never apply."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable


def hangul_syllable(text: str) -> bool:
    return len(text) == 1 and 0xAC00 <= ord(text) <= 0xD7A3


def kana_mora(text: str) -> bool:
    """One katakana mora as spelling_model.kana_units cuts a word: a kana and the small
    vowels or long mark after it."""
    return 1 <= len(text) <= 4 and all("\u30a1" <= c <= "\u30fc" for c in text)


def cyrillic_letter(text: str) -> bool:
    """One lower-case Cyrillic letter, or one with the soft or hard sign after it, as
    spelling_model.cyrillic_units cuts a word."""
    return (
        1 <= len(text) <= 2
        and all("\u0430" <= c <= "\u04ff" and c.isalpha() and c.islower() for c in text)
        and text[0] not in "ьъ"
        and text[1:] in ("", "ь", "ъ")
    )


def arabic_letter(text: str) -> bool:
    """One letter of Arabic (or Persian's and Urdu's added ones), as
    spelling_model.arabic_units cuts a word."""
    return len(text) == 1 and ("\u0620" <= text <= "\u064a" or "\u0671" <= text <= "\u06d3")


def hebrew_letter(text: str) -> bool:
    """One Hebrew letter, or one with the geresh after it as the normaliser marks it."""
    return 1 <= len(text) <= 2 and "\u05d0" <= text[0] <= "\u05ea" and text[1:] in ("", "\u059c")


def ascii_word(word: str) -> bool:
    """Whether a table's entry is one lower-case ASCII word, as names' tokens are."""
    return word.isascii() and word.isalpha() and word.islower()


def chinese(text: str) -> bool:
    """Whether every character is a CJK unified ideograph (the common Chinese block)."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def lettered(word: str) -> bool:
    """Whether a word is letters and their marks only (Devanagari's vowel signs, Thai's)."""
    return bool(word) and all(ch.isalpha() or unicodedata.category(ch)[0] == "M" for ch in word)


def check_written_titles(titles: list[str]) -> None:
    """Each title lower-case words of letters and their marks, in a script other than
    Latin (Latin ones are `person_titles`)."""
    for title in titles:
        words = title.split()
        all_letters = all(map(lettered, words))
        latin = any("a" <= ch <= "z" or "A" <= ch <= "Z" for ch in title)
        if not words or not all_letters or title != title.lower() or latin:
            raise ValueError(f"person_titles_written: {title!r} is not lower-case words of"
                             " letters in a script other than Latin")  # fmt: skip


def check_given_names(groups: list[list[str]]) -> None:
    """Each group two forms or more, each form lower-case ASCII letters, in one group."""
    seen: set[str] = set()
    for group in groups:
        if len(group) < 2:
            raise ValueError(f"given_name_forms: {group!r}: a group has two forms or more")
        for form in group:
            if not ascii_word(form) or form in seen:
                raise ValueError(f"given_name_forms: {form!r} is not a lower-case ASCII word"
                                 " of one group")  # fmt: skip
            seen.add(form)


_JAMO_PARTS = ("initial", "vowel", "vowel_after_silent", "final")


def check_org_kinds(kinds: dict[str, list[str]]) -> None:
    """A kind is one lower-case ASCII word; its spellings are lower-case words of any script
    (names are folded so before they are read), each a word or alternatives written "a|b"."""
    for kind, spellings in kinds.items():
        if not ascii_word(kind):
            raise ValueError(f"org_kinds: {kind!r} is not one lower-case ASCII word")
        for spelling in spellings:
            words = spelling.replace("|", " ").split()
            if not words or not all(w.isalpha() and w == w.casefold() for w in words):
                raise ValueError(f"org_kinds {kind}: {spelling!r} is not lower-case words")


def check_hangul(
    spellings: dict[str, dict[str, list[str]]], surnames: dict[str, list[str]], compound: list[str]
) -> None:
    """The Korean tables (match/korean.py): jamo letters spelt in lower-case ASCII, and
    surnames of Hangul syllables."""
    if set(spellings) != set(_JAMO_PARTS):
        raise ValueError(f"hangul_spellings: needs exactly {', '.join(_JAMO_PARTS)}")
    for part, table in spellings.items():
        for letter, spelt in table.items():
            if len(letter) != 1 or not 0x3131 <= ord(letter) <= 0x3163:
                raise ValueError(f"hangul_spellings.{part}: {letter!r} is not a Hangul letter")
            if any(s and not ascii_word(s) for s in spelt):  # "" spells a silent letter
                raise ValueError(f"hangul_spellings.{part}.{letter}: spell in lower-case ASCII")
    for surname in [*surnames, *compound]:
        if not surname or any(not 0xAC00 <= ord(c) <= 0xD7A3 for c in surname):
            raise ValueError(f"Korean surname {surname!r} is not Hangul syllables")
    for surname, spelt in surnames.items():
        if any(not ascii_word(s) for s in spelt):
            raise ValueError(f"hangul_surnames.{surname}: spell in lower-case ASCII")


LETTER_NAME_SCRIPTS = (
    "Kana", "Hangul", "Cyrillic", "Greek", "Hebrew", "Arabic", "Devanagari", "Armenian",
    "Georgian", "Thai",
)  # fmt: skip


def check_letter_names(tables: dict[str, dict[str, list[str]]]) -> None:
    """Per script, each Latin capital's names written in that script, lower-case: one word,
    or two apart (Дабл ю, W), as a name's words are split."""
    for script, table in tables.items():
        if script not in LETTER_NAME_SCRIPTS:
            raise ValueError(f"letter_names: {script!r}: only {LETTER_NAME_SCRIPTS} are read")
        for letter, names in table.items():
            if len(letter) != 1 or not "A" <= letter <= "Z" or not names:
                raise ValueError(f"letter_names.{script}: {letter!r} is not a Latin capital")
            for name in names:
                words = name.split(" ")
                if (
                    not 1 <= len(words) <= 2
                    or not all(_letters(w) and not w.isascii() for w in words)
                    or name != name.casefold()
                ):
                    raise ValueError(
                        f"letter_names.{script}.{letter}: {name!r}: write one or two"
                        f" lower-case words in {script}"
                    )


def _letters(word: str) -> bool:
    """Whether a word is letters and the marks written on them (Devanagari's vowel signs)."""
    return bool(word) and all(unicodedata.category(ch)[0] in "LM" for ch in word)


def check_slavic_latin(table: dict[str, str]) -> None:
    """Cyrillic spellings of one or two letters, each written in lower-case ASCII letters
    (or nothing: a sign said as nothing)."""
    for cyrillic, latin in table.items():
        if not 1 <= len(cyrillic) <= 2 or not all(0x400 <= ord(c) <= 0x4FF for c in cyrillic):
            raise ValueError(f"cyrillic_slavic_latin: {cyrillic!r} is not a Cyrillic letter")
        if cyrillic != cyrillic.lower():
            raise ValueError(f"cyrillic_slavic_latin: write {cyrillic!r} in lower case")
        if latin and not ascii_word(latin):
            raise ValueError(f"cyrillic_slavic_latin.{cyrillic}: {latin!r} is not ASCII letters")


def check_readings(
    field: str, table: dict[str, str], what: str, valid: Callable[[str], bool]
) -> None:
    for reading, chars in table.items():
        if not valid(reading):
            raise ValueError(f"{field}: {reading!r} is not {what}")
        if not chars or any(not 0x3400 <= ord(c) <= 0x2FA1F for c in chars):
            raise ValueError(f"{field}.{reading}: give Chinese characters")


def check_spelling_model(
    spellings: dict[str, dict[str, float]],
    letters: dict[str, dict[str, float]],
    unit: Callable[[str], bool],
) -> None:
    """A unit's runs are up to five lower-case letters (none: a unit the Latin name does not
    write); the letter model's are one letter (or `^` before a name's first, `$` after its
    last); each with a probability in (0, 1]."""
    for field, table in (("units", spellings), ("letters", letters)):
        for key, row in table.items():
            if not isinstance(row, dict) or not all(
                isinstance(p, float | int) and 0 < p <= 1 for p in row.values()
            ):
                raise ValueError(f"{field}.{key}: give probabilities in (0, 1]")
    for key, runs in spellings.items():
        if not unit(key) or not runs:
            raise ValueError(f"units: {key!r} is no unit of the script with runs")
        if any((run and not ascii_word(run)) or len(run) > 5 for run in runs):
            raise ValueError(f"units.{key}: runs are 0-5 lower-case letters")
    for before, after in letters.items():
        if not re.fullmatch(r"[a-z^]", before) or any(
            not re.fullmatch(r"[a-z$]", b) for b in after
        ):
            raise ValueError(f"letters.{before}: give single letters a-z, ^, $")
