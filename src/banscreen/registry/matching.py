"""The matching configuration (data/matching.yaml): thresholds, weights and word tables.

A frozen dataclass, not a pydantic model: every command that matches holds one, and
reading it back from the cache must not import pydantic. Its constraints are written as
`annotated_types` metadata, which pydantic checks when the YAML is read
(`load_matching_config`); the rules that span fields are in `__post_init__`, which pydantic
runs as part of that validation.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Annotated, Any

from annotated_types import Ge, Interval

from ..model import NAME_KINDS

Share = Annotated[float, Interval(gt=0, le=1)]
Floor = Annotated[float, Interval(ge=0, le=1)]
Count = Annotated[int, Ge(0)]
Positive = Annotated[int, Ge(1)]
AtLeastTwo = Annotated[int, Ge(2)]
# Unknown keys are errors, as in the packs' schemas.
_STRICT: Any = {"extra": "forbid"}


@dataclass(frozen=True)
class Thresholds:
    __pydantic_config__ = _STRICT

    review: Share
    block: Share

    def __post_init__(self) -> None:
        if self.block < self.review:
            raise ValueError("block threshold must not be below the review threshold")


@dataclass(frozen=True)
class LatinReading:
    """How one group of languages spells names in Latin letters, read in English spelling
    (match/spellings.py): its spellings, and what marks a name as spelt so (regular
    expressions)."""

    __pydantic_config__ = _STRICT

    languages: list[str]
    markers: list[str]
    spellings: dict[str, str]

    def __post_init__(self) -> None:
        for written in (*self.markers, *self.spellings):
            if not written or written != written.casefold():
                raise ValueError(f"latin_readings {self.languages}: {written!r} is not lower-case")
        for marker in self.markers:
            try:
                re.compile(marker)
            except re.error as exc:
                raise ValueError(f"latin_readings marker {marker!r}: {exc}") from exc


@dataclass(frozen=True)
class MatchingConfig:
    __pydantic_config__ = _STRICT

    thresholds: Thresholds
    token_similarity: Share
    compact_score: Share
    contained_score: Share
    truncated_max: Share
    contained_name_kinds: list[str]
    coined_name_min_chars: Positive
    coined_name_max_zipf: Annotated[float, Interval(ge=0, le=8)]
    trailing_word_min_zipf: Annotated[float, Interval(ge=0, le=8)]
    trailing_name_max_zipf: Annotated[float, Interval(ge=0, le=8)]
    name_end_words: list[str]
    branch_words: list[str]
    branch_suffixes_han: list[str]
    legal_form_conflict_max: Share
    weak_name_max_chars: Count
    weak_name_max: Share
    free_text_score: Share
    free_text_min_latin_chars: Positive
    free_text_min_han_chars: Positive
    legal_forms_latin: list[list[str]]
    company_form_words: list[str]
    legal_forms_han: list[str]
    place_weight: Share
    places: list[tuple[str, str]]
    place_min_population: Positive
    place_common_word_zipf: Annotated[float, Interval(gt=0, le=8)]
    place_known_population: Positive
    org_body_words: list[str]
    place_suffixes_han: list[str]
    place_phrases: list[list[str]]
    legal_words_fuzzy: list[str]
    legal_words_similarity: Share
    generic_weight: Share
    generic_words_latin: list[str]
    generic_words_han: list[str]
    stop_words: list[str]
    short_token_weight: Share
    short_token_max_chars: Count
    generic_only_max: Share
    run_together_words: list[str]
    run_together_max_zipf: Annotated[float, Interval(ge=0, le=8)]
    transliteration_max: Share
    abbreviations: dict[str, str]
    latin_readings: list[LatinReading]
    initialism_skip_words: list[str]
    initialism_min_letters: AtLeastTwo
    initialism_max_letters: AtLeastTwo
    initialism_alone_min_letters: AtLeastTwo
    initialism_max_zipf: Annotated[float, Interval(ge=0, le=8)]
    initialism_max: Share
    org_kinds: dict[str, list[str]]
    sound_classes: dict[str, list[str]]
    sound_equal_score: Share
    sound_near_similarity: Share
    sound_near_score: Share
    sound_near_min_classes: AtLeastTwo
    org_roman_equal_min_classes: AtLeastTwo
    org_roman_near_min_classes: AtLeastTwo
    org_roman_spelling_floor: Floor
    org_abjad_free_min_classes: AtLeastTwo
    org_abjad_spelling_floor: Floor
    org_compact_min_classes: AtLeastTwo
    org_compact_spelling_floor: Floor
    joined_brand_name_kinds: list[str]
    person_titles: list[str]
    person_titles_written: list[str]
    generic_word_translations: dict[str, list[str]]
    person_title_weight: Share
    name_particles: list[str]
    name_particle_weight: Share
    compound_links: list[str]
    compound_prefixes: list[str]
    compound_unlinked_min_classes: int
    initial_similarity: Share
    person_extra_weight: Share
    patronymic_suffixes: list[str]
    patronymic_weight: Share
    org_extra_weight: Share
    person_conflict_max: Share
    person_order_max: Share
    person_spelling_floor: Floor
    kana_person_spelling_floor: Floor
    thai_person_spelling_floor: Floor
    person_common_word_zipf: Annotated[float, Interval(gt=0, le=8)]
    person_near_min_classes: AtLeastTwo
    person_equal_min_classes: AtLeastTwo
    given_name_forms: list[list[str]]
    org_spelling_floor: Floor
    org_sound_min_chars: Positive
    org_spelt_both_min_classes: AtLeastTwo
    org_spelt_both_floor: Floor
    org_spelt_both_min_zipf: Annotated[float, Interval(ge=0, le=8)]
    org_spelt_both_max_zipf: Annotated[float, Interval(gt=0, le=8)]
    person_rare_name_score: Share
    person_rare_name_max_entities: Count
    person_rare_name_spelling: Floor
    person_rare_name_sound_spelling: Floor
    person_rare_name_common_zipf: Annotated[float, Interval(gt=0, le=8)]
    reference_words: list[str]
    package_words: list[str]
    component_min_chars: Positive
    component_app_min_chars: Positive
    component_common_word_zipf: Annotated[float, Interval(gt=0, le=8)]
    currency_codes: list[str]
    stock_exchanges: list[str]
    ticker_suffixes: list[str]
    payment_words: list[str]
    payee_lead_words: list[str]
    payee_trail_words: list[str]
    payee_lead_prefixes: list[str]
    payee_trail_suffixes: list[str]
    payee_letters: list[str]
    payee_leads_written: list[str]
    hangul_particles: list[str]
    han_surnames: str
    han_compound_surnames: list[str]
    han_short_spelling_floor: Share
    han_transcription_characters: str
    han_name_readings: dict[str, str]
    hangul_spellings: dict[str, dict[str, list[str]]]
    hangul_surnames: dict[str, list[str]]
    hangul_compound_surnames: list[str]
    hangul_hanja: dict[str, str]
    han_cantonese: dict[str, str]
    letter_names: dict[str, dict[str, list[str]]]
    cyrillic_slavic_latin: dict[str, str]

    def __post_init__(self) -> None:
        for cls, spellings in self.sound_classes.items():
            if not cls.isupper() or not cls.isascii():
                raise ValueError(f"sound class {cls!r}: classes are upper-case ASCII letters")
            for spelling in spellings:
                if not _ascii_word(spelling):
                    raise ValueError(f"sound class {cls}: {spelling!r} is not lower-case ASCII")
        _check_org_kinds(self.org_kinds)
        if self.person_rare_name_sound_spelling > self.person_rare_name_spelling:
            raise ValueError("person_rare_name_sound_spelling must not exceed the spelling")
        low, alone, high = (self.initialism_min_letters, self.initialism_alone_min_letters,
                            self.initialism_max_letters)  # fmt: skip
        if not low <= alone <= high:
            raise ValueError("initialism letters: min <= alone_min <= max is required")
        _check_hangul(self.hangul_spellings, self.hangul_surnames, self.hangul_compound_surnames)
        _check_readings("hangul_hanja", self.hangul_hanja, "a Hangul syllable",
                        lambda s: len(s) == 1 and 0xAC00 <= ord(s) <= 0xD7A3)  # fmt: skip
        _check_readings("han_cantonese", self.han_cantonese, "lower-case ASCII", _ascii_word)
        _check_letter_names(self.letter_names)
        _check_slavic_latin(self.cyrillic_slavic_latin)
        for field in ("contained_name_kinds", "joined_brand_name_kinds"):
            unknown = sorted(set(getattr(self, field)) - set(NAME_KINDS))
            if unknown:
                raise ValueError(f"{field}: {unknown} are no kinds of names ({NAME_KINDS})")
        _check_given_names(self.given_name_forms)
        _check_written_titles(self.person_titles_written)
        _check_written_titles(self.payee_leads_written)
        for english, words in self.generic_word_translations.items():
            if english not in self.generic_words_latin or not all(
                _lettered(w) and w == w.lower() for w in words
            ):
                raise ValueError(f"generic_word_translations: {english!r} is not a generic"
                                 " word or its translations are not lower-case words")  # fmt: skip
        payee = (self.payee_lead_words, self.payee_trail_words, self.payee_lead_prefixes,
                 self.payee_trail_suffixes, self.payee_letters)  # fmt: skip
        for words in (self.payment_words, *payee):
            for word in words:
                # Compared with a name's tokens: one lower-case word each, in any script.
                if not (_lettered(word) and word == word.casefold()):
                    raise ValueError(f"payee words: {word!r} is not one lower-case word")
        if not set(self.compound_prefixes) <= set(self.compound_links):
            raise ValueError("compound_prefixes must be compound_links")
        for word, read in self.han_name_readings.items():
            if not word or not _chinese(word) or not _ascii_word(read):
                raise ValueError(f"han_name_readings: {word!r}: {read!r} is not a Chinese word"
                                 " and its reading in lower-case ASCII letters")  # fmt: skip
        for field in ("han_surnames", "han_transcription_characters"):
            if not _chinese(getattr(self, field)):
                raise ValueError(f"{field}: not Chinese characters only")

    def translations(self) -> dict[str, str]:
        """`generic_word_translations` as translated word → English word; made once."""
        table = self.__dict__.get("_translations")
        if table is None:
            table = {w: en for en, words in self.generic_word_translations.items() for w in words}
            object.__setattr__(self, "_translations", table)
        return table

    def references(self) -> tuple[list[str], ...]:
        """The words `match.references` takes away with the references they introduce."""
        return (self.reference_words, self.currency_codes, self.stock_exchanges,
                self.ticker_suffixes)  # fmt: skip

    def key(self) -> str:
        """Every value, as one string: part of the key of whatever is built from them.
        Written once per configuration (it is frozen): each cached product asks for it,
        and writing its large tables (the Korean ones) costs tens of milliseconds."""
        written = self.__dict__.get("_key")
        if written is None:
            written = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
            object.__setattr__(self, "_key", written)
        return written


def _ascii_word(word: str) -> bool:
    """Whether a table's entry is one lower-case ASCII word, as names' tokens are."""
    return word.isascii() and word.isalpha() and word.islower()


def _chinese(text: str) -> bool:
    """Whether every character is a CJK unified ideograph (the common Chinese block)."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _lettered(word: str) -> bool:
    """Whether a word is letters and their marks only (Devanagari's vowel signs, Thai's)."""
    return bool(word) and all(ch.isalpha() or unicodedata.category(ch)[0] == "M" for ch in word)


def _check_written_titles(titles: list[str]) -> None:
    """Each title lower-case words of letters and their marks, in a script other than
    Latin (Latin ones are `person_titles`)."""
    for title in titles:
        words = title.split()
        lettered = all(map(_lettered, words))
        latin = any("a" <= ch <= "z" or "A" <= ch <= "Z" for ch in title)
        if not words or not lettered or title != title.lower() or latin:
            raise ValueError(f"person_titles_written: {title!r} is not lower-case words of"
                             " letters in a script other than Latin")  # fmt: skip


def _check_given_names(groups: list[list[str]]) -> None:
    """Each group two forms or more, each form lower-case ASCII letters, in one group."""
    seen: set[str] = set()
    for group in groups:
        if len(group) < 2:
            raise ValueError(f"given_name_forms: {group!r}: a group has two forms or more")
        for form in group:
            if not _ascii_word(form) or form in seen:
                raise ValueError(f"given_name_forms: {form!r} is not a lower-case ASCII word"
                                 " of one group")  # fmt: skip
            seen.add(form)


_JAMO_PARTS = ("initial", "vowel", "vowel_after_silent", "final")


def _check_org_kinds(kinds: dict[str, list[str]]) -> None:
    """A kind is one lower-case ASCII word; its spellings are lower-case words of any script
    (names are folded so before they are read), each a word or alternatives written "a|b"."""
    for kind, spellings in kinds.items():
        if not _ascii_word(kind):
            raise ValueError(f"org_kinds: {kind!r} is not one lower-case ASCII word")
        for spelling in spellings:
            words = spelling.replace("|", " ").split()
            if not words or not all(w.isalpha() and w == w.casefold() for w in words):
                raise ValueError(f"org_kinds {kind}: {spelling!r} is not lower-case words")


def _check_hangul(
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
            if any(s and not _ascii_word(s) for s in spelt):  # "" spells a silent letter
                raise ValueError(f"hangul_spellings.{part}.{letter}: spell in lower-case ASCII")
    for surname in [*surnames, *compound]:
        if not surname or any(not 0xAC00 <= ord(c) <= 0xD7A3 for c in surname):
            raise ValueError(f"Korean surname {surname!r} is not Hangul syllables")
    for surname, spelt in surnames.items():
        if any(not _ascii_word(s) for s in spelt):
            raise ValueError(f"hangul_surnames.{surname}: spell in lower-case ASCII")


LETTER_NAME_SCRIPTS = (
    "Kana", "Hangul", "Cyrillic", "Greek", "Hebrew", "Arabic", "Devanagari", "Armenian",
    "Georgian", "Thai",
)  # fmt: skip


def _check_letter_names(tables: dict[str, dict[str, list[str]]]) -> None:
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


def _check_slavic_latin(table: dict[str, str]) -> None:
    """Cyrillic spellings of one or two letters, each written in lower-case ASCII letters
    (or nothing: a sign said as nothing)."""
    for cyrillic, latin in table.items():
        if not 1 <= len(cyrillic) <= 2 or not all(0x400 <= ord(c) <= 0x4FF for c in cyrillic):
            raise ValueError(f"cyrillic_slavic_latin: {cyrillic!r} is not a Cyrillic letter")
        if cyrillic != cyrillic.lower():
            raise ValueError(f"cyrillic_slavic_latin: write {cyrillic!r} in lower case")
        if latin and not _ascii_word(latin):
            raise ValueError(f"cyrillic_slavic_latin.{cyrillic}: {latin!r} is not ASCII letters")


def _check_readings(
    field: str, table: dict[str, str], what: str, valid: Callable[[str], bool]
) -> None:
    for reading, chars in table.items():
        if not valid(reading):
            raise ValueError(f"{field}: {reading!r} is not {what}")
        if not chars or any(not 0x3400 <= ord(c) <= 0x2FA1F for c in chars):
            raise ValueError(f"{field}.{reading}: give Chinese characters")
