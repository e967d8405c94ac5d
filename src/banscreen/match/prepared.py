"""What scoring works on: a name form with its weights under one index (`Prepared`), one
side of a comparison (`Side`), and what a comparison gives (`Score`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .forms import NameForm
from .pinyin import has_han
from .similarity import Alignment
from .weights import Idf

# Whole-name sound keys longer than this are compared for equality only.
COMPACT_KEY_MAX = 12


@dataclass(frozen=True)
class Prepared:
    """A name form with its weights under one index, computed once per name."""

    form: NameForm
    weights: tuple[float, ...]
    ordered: tuple[bool, ...]  # Han characters align in order
    phonetic_weights: tuple[float, ...]
    person_weights: tuple[float, ...]
    roman_weights: tuple[float, ...]
    roman_person_weights: tuple[float, ...]
    compact_key: str  # the sound key of the whole name in Latin letters


def prepare_form(
    form: NameForm, idf: Idf, phonetic_idf: Idf, sound_key: Callable[[str], str]
) -> Prepared:
    """A name form with its weights under an index's token weights (`idf`, and
    `phonetic_idf` for pinyin syllables)."""
    weights = idf.weights
    return Prepared(
        form=form,
        weights=tuple(weights(form.tokens, form.factors)),
        ordered=tuple(has_han(t) for t in form.tokens),
        phonetic_weights=tuple(phonetic_idf.weights(form.phonetic, form.phonetic_factors)),
        person_weights=tuple(weights(form.tokens, form.person_factors)),
        roman_weights=tuple(weights(form.roman, form.roman_factors)),
        roman_person_weights=tuple(weights(form.roman, form.roman_person_factors)),
        compact_key=sound_key("".join(form.roman)),
    )


@dataclass(frozen=True)
class Score:
    score: float
    method: str  # exact | fuzzy | contained | transliterated
    alignment: Alignment
    found: tuple[str, ...] = ()  # for `contained`: the tokens found inside the other name


@dataclass(frozen=True)
class Side:
    tokens: tuple[str, ...]
    factors: tuple[float, ...]
    weights: tuple[float, ...]
    han: bool
    inverted: int = 0  # NameForm.inverted, for the tokens of the name as written
    legal_last: bool = False  # NameForm.legal_last

    def spoken(self, i: int) -> int:
        """Where token i stands in the name's spoken order (after "SURNAME, Given" is undone)."""
        k = self.inverted
        return i - k if i >= k else i + len(self.tokens) - k


def any_distinctive(aligned: frozenset[int], factors: tuple[float, ...]) -> bool:
    return any(factors[i] >= 1.0 for i in aligned)


def held(aligned: frozenset[int], factors: tuple[float, ...], above: float) -> bool:
    """Whether every position weighing more than `above` (a factor) found a partner."""
    return all(i in aligned for i, f in enumerate(factors) if f > above)


def covered(aligned: frozenset[int], factors: tuple[float, ...]) -> bool:
    """Whether every full-weight (distinctive) position found a partner."""
    distinctive = [i for i, f in enumerate(factors) if f >= 1.0]
    return bool(distinctive) and all(i in aligned for i in distinctive)
