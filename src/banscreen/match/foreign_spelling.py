"""A person's name written in Hangul, katakana, Cyrillic, Arabic or Hebrew (로이스 로리, Lois
Lowry; ホートン, Hoghton; сибери, Seabury; تاكيو, Takeo) as the Latin spellings it most likely
stands for, by the model of how each script writes names' sounds (spelling_model.py,
data/spellings/).

ICU's romanisation and the loanword readings (loanwords.py) spell such a name one way
("loiseu loli", "hoton", "siberi", "takyw"), which meets its listed spelling below REVIEW when
the script writes a sound with more or fewer letters than the rules give it. A hit through
one of these spellings counts only on a listed name each of whose words a word of the query
supports (`hangul_spelling_support` and the like; `Heard`), so a Korean person's own name,
which the model spells as a foreign one, meets nothing it does not sound like."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cached_property

from ..registry.matching import MatchingConfig
from ..registry.spelling_tables import load_spelling_table
from .forms import NameForm
from .korean import is_syllables
from .normalize import Normaliser
from .spelling_model import (
    Heard,
    Sounding,
    SpellingModel,
    arabic_units,
    cyrillic_units,
    hebrew_units,
    kana_units,
)
from .text import split_words
from .variants import Variant


def _hangul_units(word: str) -> tuple[str, ...]:
    return tuple(word) if is_syllables(word) else ()


@dataclass(frozen=True)
class Script:
    """A script's model and floors, by the names of their settings."""

    name: str  # as `NameForm.script` gives it
    units: Callable[[str], tuple[str, ...]]  # a word's units; none when not the script's
    table: str  # data/spellings/<table>.json
    support: str  # `Heard` of the model's spellings
    gate: str  # of any form of one word on a one-word person's name
    readings: bool = False  # whether the gate holds the rules' Latin readings of it too


SCRIPTS = (
    Script("Hangul", _hangul_units, "hangul", "hangul_spelling_support", "hangul_sound_support"),
    Script("Kana", kana_units, "kana", "kana_spelling_support", "kana_sound_support"),
    Script("Cyrillic", cyrillic_units, "cyrillic", "cyrillic_spelling_support",
           "cyrillic_sound_support", readings=True),
    Script("Arabic", arabic_units, "arabic", "arabic_spelling_support", "arabic_sound_support",
           readings=True),
    Script("Hebrew", hebrew_units, "hebrew", "hebrew_spelling_support", "hebrew_sound_support",
           readings=True),
)  # fmt: skip


def learned_model(table: str, config: MatchingConfig) -> SpellingModel:
    """The model of data/spellings/<table>.json."""
    spellings = load_spelling_table(table)
    return SpellingModel(spellings.units, spellings.letters, config.spelling_model_skip)


def spelt_forms(
    model: SpellingModel,
    units: tuple[tuple[str, ...], ...],
    floor: float,
    config: MatchingConfig,
    normaliser: Normaliser,
    known: Collection[str],
    sounding: Sounding | None,
) -> list[Variant]:
    """A model's spellings of a name of words of these units as forms of a query
    (`SpellingModel.lookups`), at most `transliteration_max`, counting only on persons' names
    whose words the units support by `floor` (`Heard`): the models know persons' names."""
    spelt = model.lookups(units, config.spelling_model_count, config.spelling_model_reach,
                          known, sounding, config.spelling_model_longest,
                          config.spelling_model_sounded)  # fmt: skip
    return heard_forms(spelt, Heard(units, model, floor), config, normaliser)


def heard_forms(
    spelt: Iterable[str], heard: Heard, config: MatchingConfig, normaliser: Normaliser
) -> list[Variant]:
    """Spellings a model made as forms of a query, at most `transliteration_max`, on persons'
    names only and only where `heard` admits them."""
    cap = config.transliteration_max
    return [
        Variant(normaliser.form(s), cap, "transliterated", persons=True, heard=heard) for s in spelt
    ]


class ForeignSpelling:
    def __init__(
        self,
        script: Script,
        config: MatchingConfig,
        normaliser: Normaliser,
        known: Collection[str] = (),
        sounding: Sounding | None = None,
    ) -> None:
        self.script = script
        self.config = config
        self.normaliser = normaliser
        self.known = known  # the registry's words
        self.sounding = sounding

    def spellings(
        self, form: NameForm, text: str, known: Collection[str] | None = None
    ) -> list[Variant]:
        """The likeliest spellings of a name in the script only that names nothing
        organisational (no legal form, generic word or place), at most
        `transliteration_max`; none for any other name."""
        units = self._units(form, text)
        if not units or not self.normaliser.names_nothing_organisational(form):
            return []
        floor = getattr(self.config, self.script.support)
        known = self.known if known is None else known
        return spelt_forms(self.model, units, floor, self.config, self.normaliser, known,
                           self.sounding)  # fmt: skip

    def gate(self, form: NameForm, text: str) -> Heard | None:
        """What a name's other forms must meet on a listed person's name. For a name of one
        word, on a listed name of one word: its letters support it (Hangul's: compared by
        sound alone, such a word met a third of the one-word names it was looked up among;
        틸렛, Tillett, sounds "TRS" as TRACY does); a listed name of more words is left to the
        scoring. For a name of more words, on any: one of its words supports one of the
        listed name's."""
        units = self._units(form, text)
        if not units or self._korean(units):
            return None  # a Korean name's syllables are Korean ones, which the model hardly knows
        if any(unit not in self.model.spellings for word in units for unit in word):
            return None  # a letter the model never learned (Ukrainian ї): no support to ask
        if len(units) > 1:
            # By sound alone, 존 베이너 (John Boehner) met GOPSTEIN, Ben Zion. Not every word
            # must support one: a model cannot spell some words at all (딘킨 for Dynkin).
            floor = self.config.spelling_words_support
            return Heard(units, self.model, floor, alone=False, persons=True, some=True)
        floor = getattr(self.config, self.script.gate)
        return Heard(units, self.model, floor, alone=False, persons=True)

    def _units(self, form: NameForm, text: str) -> tuple[tuple[str, ...], ...]:
        if form.script != self.script.name:
            return ()
        words = tuple(w for w in split_words(self.normaliser.fold(text)) if w)
        found = tuple(self.script.units(w) for w in words)
        return found if found and all(found) else ()

    def _korean(self, units: tuple[tuple[str, ...], ...]) -> bool:
        """Whether a Hangul name may be a Korean person's: one word that may be one's own
        name, or a first word that is a Korean surname alone (김 정은). A name of more words
        whose first word only starts as a Korean name does is held as a foreign one (마리나
        시우바, Marina Silva: 마 is a surname)."""
        if len(units) == 1:
            return self._korean_own(units[0])
        first = "".join(units[0])
        config = self.config
        return self.script.name == "Hangul" and (
            first in config.hangul_surnames or first in config.hangul_compound_surnames
        )

    def _korean_own(self, units: tuple[str, ...]) -> bool:
        """Whether a Hangul word may be a Korean person's own name: two to four syllables
        that start with a Korean surname (`hangul_surnames`, `hangul_compound_surnames`)."""
        config, word = self.config, "".join(units)
        return (
            self.script.name == "Hangul"
            and 2 <= len(word) <= 4
            and (word[0] in config.hangul_surnames or word[:2] in config.hangul_compound_surnames)
        )

    @cached_property
    def model(self) -> SpellingModel:
        return learned_model(self.script.table, self.config)
