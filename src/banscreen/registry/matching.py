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
from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
from typing import Annotated, Any

from annotated_types import Ge, Interval

from ..model import NAME_KINDS
from .table_checks import (
    ascii_word,
    check_given_names,
    check_hangul,
    check_letter_names,
    check_org_kinds,
    check_readings,
    check_slavic_latin,
    check_written_titles,
    chinese,
    hangul_syllable,
    lettered,
)

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
    # A word's ending (a regular expression) → the English one, read before the spellings,
    # the first that a word ends with: the nominative endings Latvian and Lithuanian put on
    # a foreign name ("Sergejs", "Sergejus": Sergey).
    endings: dict[str, str] = dataclass_field(default_factory=dict)

    def __post_init__(self) -> None:
        for written in (*self.markers, *self.spellings, *self.endings):
            if not written or written != written.casefold():
                raise ValueError(f"latin_readings {self.languages}: {written!r} is not lower-case")
        for marker in (*self.markers, *self.endings):
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
    brand_head_min_chars: Annotated[int, Interval(ge=1, le=40)]
    name_end_words: list[str]
    branch_words: list[str]
    branch_suffixes_han: list[str]
    legal_form_conflict_max: Share
    weak_name_max_chars: Count
    weak_name_max: Share
    free_text_score: Share
    free_text_min_latin_chars: Positive
    free_text_sounded_person_score: Share
    free_text_min_han_chars: Positive
    legal_forms_latin: list[list[str]]
    legal_forms_other_scripts: list[list[str]]
    company_form_words: list[str]
    legal_forms_han: list[str]
    place_weight: Share
    places: list[tuple[str, str]]
    place_min_population: Positive
    place_common_word_zipf: Annotated[float, Interval(gt=0, le=8)]
    place_known_population: Positive
    place_name_languages: list[str]
    place_words: list[str]
    org_body_words: list[str]
    place_suffixes_han: list[str]
    place_phrases: list[list[str]]
    place_codes: dict[str, list[str]]
    legal_words_fuzzy: list[str]
    legal_words_similarity: Share
    generic_weight: Share
    generic_words_latin: list[str]
    generic_words_han: list[str]
    generic_words_similarity: Share
    stop_words: list[str]
    short_token_weight: Share
    short_token_max_chars: Count
    generic_only_max: Share
    run_together_words: list[str]
    run_together_max_zipf: Annotated[float, Interval(ge=0, le=8)]
    transliteration_max: Share
    abbreviations: dict[str, str]
    unvowelled_min_chars: Annotated[int, Interval(ge=3, le=20)]
    unvowelled_min_dropped: Positive
    unvowelled_max_zipf: Annotated[float, Interval(ge=0, le=8)]
    unvowelled_max_words: Positive
    unvowelled_english_zipf: Annotated[float, Interval(ge=0, le=8)]
    unvowelled_max: Share
    latin_readings: list[LatinReading]
    wade_giles_max_readings: Count
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
    cyrillic_org_spelling_floor: Floor
    cyrillic_org_sounded_floor: Floor
    abjad_text_word_spelling_floor: Floor
    unspaced_text_word_spelling_floor: Floor
    text_word_languages: dict[str, list[str]]
    text_frequent_word_zipf: Annotated[float, Interval(gt=0, le=8)]
    text_frequent_word_spelling: Floor
    text_word_alone_spelling_floor: Floor
    org_abjad_free_min_classes: AtLeastTwo
    org_abjad_spelling_floor: Floor
    org_compact_min_classes: AtLeastTwo
    org_compact_spelling_floor: Floor
    joined_brand_name_kinds: list[str]
    person_titles: list[str]
    person_suffixes: list[str]
    person_holding_words: list[str]
    person_titles_written: list[str]
    generic_word_translations: dict[str, list[str]]
    translations_on_brands_only: list[str]
    person_title_weight: Share
    name_particles: list[str]
    name_particle_weight: Share
    compound_links: list[str]
    compound_prefixes: list[str]
    compound_unlinked_min_classes: int
    compound_allah: list[str]
    compound_allah_min_classes: int
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
    address_words: list[str]
    street_words: list[str]
    street_suffixes: list[str]
    street_name_max_words: Count
    field_labels: list[str]
    office_phrases: list[str]
    package_words: list[str]
    component_min_chars: Positive
    component_app_min_chars: Positive
    component_common_word_zipf: Annotated[float, Interval(gt=0, le=8)]
    component_affix_zipf: Annotated[float, Interval(gt=0, le=8)]
    currency_codes: list[str]
    stock_exchanges: list[str]
    ticker_suffixes: list[str]
    payment_words: list[str]
    payee_lead_words: list[str]
    payee_trail_words: list[str]
    payee_lead_prefixes: list[str]
    payee_trail_suffixes: list[str]
    payee_letters: list[str]
    party_words: list[str]
    payee_lead_phrases: list[str]
    person_joint_words: list[str]
    payee_leads_written: list[str]
    hangul_particles: list[str]
    hangul_name_suffixes: list[str]
    korean_text_name_min_syllables: Positive
    han_surnames: str
    han_compound_surnames: list[str]
    han_short_spelling_floor: Share
    han_transcription_characters: str
    han_name_readings: dict[str, str]
    spelling_model_skip: Share
    han_spelling_support: float
    han_own_spelling_support: float
    hangul_spelling_support: float
    hangul_sound_support: float
    kana_spelling_support: float
    kana_sound_support: float
    cyrillic_spelling_support: float
    cyrillic_sound_support: float
    arabic_spelling_support: float
    arabic_sound_support: float
    hebrew_spelling_support: float
    hebrew_sound_support: float
    spelling_words_support: float
    spelling_model_count: Positive
    name_symbol_words: Positive
    name_symbol_spellings: Positive
    name_symbol_forms: Positive
    spelling_model_reach: Positive
    spelling_model_longest: Positive
    spelling_model_sounded: Positive
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
                if not ascii_word(spelling):
                    raise ValueError(f"sound class {cls}: {spelling!r} is not lower-case ASCII")
        check_org_kinds(self.org_kinds)
        if self.person_rare_name_sound_spelling > self.person_rare_name_spelling:
            raise ValueError("person_rare_name_sound_spelling must not exceed the spelling")
        low, alone, high = (self.initialism_min_letters, self.initialism_alone_min_letters,
                            self.initialism_max_letters)  # fmt: skip
        if not low <= alone <= high:
            raise ValueError("initialism letters: min <= alone_min <= max is required")
        check_hangul(self.hangul_spellings, self.hangul_surnames, self.hangul_compound_surnames)
        check_readings("hangul_hanja", self.hangul_hanja, "a Hangul syllable", hangul_syllable)
        check_readings("han_cantonese", self.han_cantonese, "lower-case ASCII", ascii_word)
        check_letter_names(self.letter_names)
        check_slavic_latin(self.cyrillic_slavic_latin)
        for field in ("contained_name_kinds", "joined_brand_name_kinds"):
            unknown = sorted(set(getattr(self, field)) - set(NAME_KINDS))
            if unknown:
                raise ValueError(f"{field}: {unknown} are no kinds of names ({NAME_KINDS})")
        check_given_names(self.given_name_forms)
        check_written_titles(self.person_titles_written)
        check_written_titles(self.payee_leads_written)
        for english, words in self.generic_word_translations.items():
            if english not in self.generic_words_latin or not all(
                lettered(w) and w == w.lower() for w in words
            ):
                raise ValueError(f"generic_word_translations: {english!r} is not a generic"
                                 " word or its translations are not lower-case words")  # fmt: skip
        brands_only = set(self.translations_on_brands_only)
        if untranslated := sorted(brands_only - set(self.generic_word_translations)):
            raise ValueError(f"translations_on_brands_only: {untranslated} are not translated")
        payee = (self.payee_lead_words, self.payee_trail_words, self.payee_lead_prefixes,
                 self.payee_trail_suffixes, self.payee_letters)  # fmt: skip
        for words in (self.payment_words, self.address_words, self.field_labels,
                      self.person_suffixes, self.person_holding_words, self.street_words,
                      self.street_suffixes, *payee):  # fmt: skip
            for word in words:
                # Compared with a name's tokens: one lower-case word each, in any script.
                if not (lettered(word) and word == word.casefold()):
                    raise ValueError(f"payee words, address_words, field_labels, person_suffixes,"
                                     f" person_holding_words, street_words, street_suffixes:"
                                     f" {word!r} is not one lower-case word")  # fmt: skip
        phrases = (self.party_words, self.office_phrases, self.payee_lead_phrases,
                   self.person_joint_words)  # fmt: skip
        for words in phrases:
            if any(not w.split() or w != w.casefold() for w in words):
                raise ValueError("party_words, office_phrases, payee_lead_phrases,"
                                 " person_joint_words: write each as lower-case words")  # fmt: skip
        from babel import localedata  # a language the config names must be one CLDR has

        if unknown := [x for x in self.place_name_languages if not localedata.exists(x)]:
            raise ValueError(f"place_name_languages: no locale {unknown!r} in CLDR (babel)")
        if not set(self.compound_prefixes) <= set(self.compound_links):
            raise ValueError("compound_prefixes must be compound_links")
        for word, read in self.han_name_readings.items():
            if not word or not chinese(word) or not ascii_word(read):
                raise ValueError(f"han_name_readings: {word!r}: {read!r} is not a Chinese word"
                                 " and its reading in lower-case ASCII letters")  # fmt: skip
        for field in ("han_surnames", "han_transcription_characters"):
            if not chinese(getattr(self, field)):
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
                self.ticker_suffixes, self.address_words, self.field_labels,
                self.office_phrases)  # fmt: skip

    def key(self) -> str:
        """Every value, as one string: part of the key of whatever is built from them.
        Written once per configuration (it is frozen): each cached product asks for it,
        and writing its large tables (the Korean ones) costs tens of milliseconds."""
        written = self.__dict__.get("_key")
        if written is None:
            written = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
            object.__setattr__(self, "_key", written)
        return written
