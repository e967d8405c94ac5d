"""A foreign person's name written in Hangul (로이스 로리, Lois Lowry; 조지아 콜먼, Georgia
Coleman) as the Latin spellings it most likely stands for, by the model of how Korean
writes foreign sounds (spelling_model.py, `hangul_spellings_learned`).

ICU's romanisation and the loanword readings (loanwords.py) spell such a name one way
("loiseu loli"), which meets its listed spelling below REVIEW when Korean writes a sound
with more or fewer letters than the rules give it. A hit through one of these spellings
counts only on a listed name each of whose words a word of the query supports
(`hangul_spelling_support`, `Heard`), so a Korean person's own name, which the model spells
as a foreign one, meets nothing it does not sound like."""

from __future__ import annotations

from collections.abc import Collection
from functools import cached_property

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .normalize import Normaliser
from .spelling_model import Heard, Sounding, SpellingModel
from .text import split_words
from .variants import Variant


def _hangul(word: str) -> bool:
    return all("\uac00" <= c <= "\ud7a3" for c in word)


class ForeignHangul:
    def __init__(
        self,
        config: MatchingConfig,
        normaliser: Normaliser,
        known: Collection[str] = (),
        sounding: Sounding | None = None,
    ) -> None:
        self.config = config
        self.normaliser = normaliser
        self.known = known  # the registry's words
        self.sounding = sounding

    def spellings(
        self, form: NameForm, text: str, known: Collection[str] | None = None
    ) -> list[Variant]:
        """The likeliest spellings of a name in Hangul syllables only that names nothing
        organisational (no legal form, generic word or place), at most
        `transliteration_max`; none for any other name."""
        if form.script != "Hangul" or not self.normaliser.names_nothing_organisational(form):
            return []
        words = tuple(w for w in split_words(self.normaliser.fold(text)) if w)
        if not words or not all(_hangul(w) for w in words):
            return []
        units = tuple(tuple(w) for w in words)
        config = self.config
        heard = Heard(units, self.model, config.hangul_spelling_support)
        known = self.known if known is None else known
        spelt = self.model.lookups(units, config.spelling_model_count,
                                   config.spelling_model_reach, known, self.sounding)  # fmt: skip
        cap = config.transliteration_max
        return [Variant(self.normaliser.form(s), cap, "transliterated", heard=heard) for s in spelt]

    def gate(self, form: NameForm, text: str) -> Heard | None:
        """For a name of one Hangul word: what its other forms must meet on a listed
        person's name of one word. Compared by sound alone, such a word met a third of the
        one-word names it was looked up among (틸렛, Tillett, sounds "TRS" as TRACY does); a
        listed name of more words is left to the scoring."""
        words = tuple(w for w in split_words(self.normaliser.fold(text)) if w)
        if form.script != "Hangul" or len(words) != 1 or not _hangul(words[0]):
            return None
        if self._korean_own(words[0]):
            return None  # its syllables are Korean ones, which the model hardly knows
        floor = self.config.hangul_sound_support
        return Heard((tuple(words[0]),), self.model, floor, alone=False, persons=True)

    def _korean_own(self, word: str) -> bool:
        """Whether a word may be a Korean person's own name: two to four syllables that
        start with a Korean surname (`hangul_surnames`, `hangul_compound_surnames`)."""
        config = self.config
        return 2 <= len(word) <= 4 and (
            word[0] in config.hangul_surnames or word[:2] in config.hangul_compound_surnames
        )

    @cached_property
    def model(self) -> SpellingModel:
        config = self.config
        return SpellingModel(config.hangul_spellings_learned, config.hangul_spelling_letters,
                             config.spelling_model_skip)  # fmt: skip
