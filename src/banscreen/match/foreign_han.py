"""A foreign person's name written in Chinese characters (谢尔盖·绍伊古, 哈利塞), read back into
Latin letters as a form of the query (rewrites.py), and when a word is one: a Chinese
person's own name must stay unread, or it would sound like thousands of listed names."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cached_property

from ..registry.matching import MatchingConfig
from .cantonese import CantoneseReadings
from .foreign_spelling import heard_forms, learned_model, spelt_forms
from .forms import NameForm
from .normalize import Normaliser
from .pinyin import HAN_WORD, RUSSIAN_SOFT, bare, has_soft, read_han, transcription_reading
from .spelling_model import Heard, Sounding, SpellingModel
from .text import split_words
from .variants import Variant

Syllables = tuple[tuple[str, ...], ...]  # each word's pinyin syllables


class ForeignHan:
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
        self._surnames = frozenset((*config.han_surnames, *config.han_compound_surnames))
        self._foreign_sounds = frozenset(config.han_transcription_characters)

    def variants(self, form: NameForm, text: str) -> list[Variant]:
        """The rules' readings of a foreign name written in Chinese (`readings`) and the
        model's likeliest spellings of it (`spellings`), its characters read once."""
        words, syllables = self._parsed(form, text)
        return [*self._read(words, syllables), *self._spelt(words, syllables, self.known)]

    def readings(self, form: NameForm, text: str) -> list[Variant]:
        """The name read back (`pinyin.transcription_reading`: "serge shoigu"; a given name
        Chinese writes by convention as `han_name_readings` spells it), and, when
        it is in parts, read with a Russian name's soft consonants too (`RUSSIAN_SOFT`:
        "fladimir pudin", Vladimir Putin) where a syllable may write one; none when it is
        not a foreign name written in Chinese.

        The reading is a sound-alike spelling, compared as a Latin name is: spelt half alike
        and sounding alike (scoring.py), at most `transliteration_max`. It is made for a name
        in two or more parts kept apart, as Chinese writes a foreign name and never a Chinese
        one; for one word of four characters or more written with a syllable for a bare
        consonant after its first (阿克肖诺夫, Aksyonov); and for any other word of two
        characters or more that does not start with a frequent Chinese surname
        (`han_surnames`: 哈利塞, Hallisay). Such a word is short and sounds like many names,
        so a hit through it counts only on a listed name of one word that its reading spells
        (`Variant.alike`, `han_short_spelling_floor`)."""
        return self._read(*self._parsed(form, text))

    def _read(self, words: tuple[str, ...], syllables: Syllables) -> list[Variant]:
        if not words:
            return []
        if self._own(words, syllables):
            return self._hong_kong(words[0])
        short = self._short(words, syllables)
        alike = self.config.han_short_spelling_floor if short else 0.0
        # A short word's reading sounds like many names: it counts only on one the
        # characters support too (spelling_model.py), as the model's own spellings do.
        heard = (Heard((tuple(syllables[0]),), self.model, self.config.han_spelling_support,
                       alone=short) if len(words) == 1 else None)  # fmt: skip
        out = []
        # Only a name in parts kept apart, as Chinese writes a foreign one: one word of four
        # characters may be a Japanese name (大石進一 would read "dashkini").
        russian = len(words) > 1 and any(has_soft(s) for s in syllables)
        known = self.config.han_name_readings
        for soft in ("", *RUSSIAN_SOFT) if russian else ("",):
            read = " ".join(
                known.get(w) or transcription_reading(s, soft)
                for w, s in zip(words, syllables, strict=True)
            )
            out.append(Variant(self.normaliser.form(read), self.config.transliteration_max,
                               "transliterated", alike=alike, heard=heard))  # fmt: skip
        return out

    def spellings(
        self, form: NameForm, text: str, known: Collection[str] | None = None
    ) -> list[Variant]:
        """A foreign name as the Latin spellings it most likely stands for (spelling_model.py:
        罗宾 as "robin"), for the names the rules read: their one reading misses a name
        Chinese writes with a syllable for more letters than the rules give it (威尔莫特 read
        "vermot", Willmott). A hit through one counts only on a listed name whose words the
        syllables support (`Heard`)."""
        words, syllables = self._parsed(form, text)
        return self._spelt(words, syllables, self.known if known is None else known)

    def _spelt(
        self, words: tuple[str, ...], syllables: Syllables, known: Collection[str]
    ) -> list[Variant]:
        if not words:
            return []
        if self._own(words, syllables):
            return self._own_spelt(words[0], syllables, known)
        return spelt_forms(self.model, syllables, self.config.han_spelling_support, self.config,
                           self.normaliser, known, self.sounding)  # fmt: skip

    def _own_spelt(self, word: str, syllables: Syllables, known: Collection[str]) -> list[Variant]:
        """A word that starts as a Chinese person's name does may still be a foreign one
        (罗宾, Robin): looked up by those of its likelier spellings that are listed words
        (`spelling_model_reach`), counting only where the characters support the listed word
        by `han_own_spelling_support`, as a Chinese name sounds like many foreign ones. Only
        listed words, and none by sound, as most such words are Chinese names, and each
        spelling looked up costs time."""
        if len(word) < 2:
            return []
        config = self.config
        floor = config.han_own_spelling_support
        made = self.model.known_spellings(syllables, config.spelling_model_reach, known,
                                          config.spelling_model_count)  # fmt: skip
        listed = [s for s in made if s in known]
        return heard_forms(listed, Heard(syllables, self.model, floor), config, self.normaliser)

    def _parsed(self, form: NameForm, text: str) -> tuple[tuple[str, ...], Syllables]:
        """The words of a person's name written in Chinese characters only, folded, and
        each word's pinyin syllables; none for any other name."""
        if form.script != "Han" or not self._personal(form):
            return (), ()
        words = tuple(w for w in split_words(self.normaliser.fold(text)) if w)
        if not words or not all(HAN_WORD.fullmatch(w) for w in words):
            return (), ()
        return words, tuple(tuple(read_han(w)) for w in words)

    def _own(self, words: Sequence[str], syllables: Sequence[Sequence[str]]) -> bool:
        """A short word of one character, or that starts as a Chinese person's own name
        does: never read as a foreign name."""
        return self._short(words, syllables) and (len(words[0]) < 2 or self.chinese_own(words[0]))

    @staticmethod
    def _short(words: Sequence[str], syllables: Sequence[Sequence[str]]) -> bool:
        """One word of fewer than four characters, or of more without a syllable for a bare
        consonant after its first."""
        return len(words) == 1 and (len(words[0]) < 4 or not any(bare(s) for s in syllables[0][1:]))

    @cached_property
    def model(self) -> SpellingModel:
        return learned_model("han", self.config)

    def _hong_kong(self, word: str) -> list[Variant]:
        """A Chinese person's own name of two to four characters, read as Hong Kong spells
        it (cantonese.py): on a person's name that holds its words as written only, as a
        transliteration."""
        if not 2 <= len(word) <= 4:
            return []
        cap = self.config.transliteration_max
        return [Variant(self.normaliser.form(read), cap, "transliterated", persons=True,
                        spelt=True) for read in self._cantonese.readings(word)]  # fmt: skip

    @cached_property
    def _cantonese(self) -> CantoneseReadings:
        return CantoneseReadings(self.config)

    def _personal(self, form: NameForm) -> bool:
        """Whether a name in Chinese characters names nothing organisational: no legal form,
        no generic word, and no place it starts with, as a firm's name does (西安...). A place
        inside a word is its syllables ("西安" in 卡西安, Cassian), not a place (where
        `Normaliser.names_nothing_organisational` counts every place)."""
        place, generic = self.config.place_weight, self.config.generic_weight
        return (
            not form.legal_forms
            and bool(form.factors)
            and form.factors[0] != place
            and generic not in form.factors
        )

    def chinese_own(self, word: str) -> bool:
        """Whether a folded word of Chinese characters (simplified, as `Normaliser.fold`
        writes them: 譚 is 谭) starts as a Chinese person's name does, and no character after
        its surname is one Chinese writes foreign names' sounds with and hardly ever a Chinese
        person's own name (`han_transcription_characters`: 穆尔西 is Morsi, though 穆 is a
        surname)."""
        surname = 2 if word[:2] in self._surnames else 1 if word[0] in self._surnames else 0
        return bool(surname) and not any(c in self._foreign_sounds for c in word[surname:])
